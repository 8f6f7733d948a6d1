// SPDX-License-Identifier: MIT
// attune-cli notebook list / search / add / evidence
#include "CliContext.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/Search.h"
#include "attune/core/Store.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

namespace attune::cli {

namespace {

core::Id childNamed(core::Store& store, const std::string& name)
{
    const core::Id id = core::Family(store).findChildByName(name);
    if (id == 0)
        throw CommandFailed{fmt::format("There is no child called \"{}\" (or more than one). "
                                        "See the names with: attune-cli child list",
                                        name)};
    return id;
}

std::string keysOf(const std::vector<std::string>& keys)
{
    std::string text;
    for (const auto& key : keys)
        text += (text.empty() ? "" : ", ") + key;
    return text;
}

core::Section sectionNamed(const std::string& key)
{
    if (const auto section = core::sectionFromString(key))
        return *section;
    std::vector<std::string> keys;
    for (const auto section : core::kAllSections)
        keys.push_back(core::toString(section));
    throw CommandFailed{fmt::format("There is no section \"{}\". Choose one of: {}.", key, keysOf(keys))};
}

core::UseSet usesNamed(const std::vector<std::string>& names)
{
    core::UseSet uses;
    for (const auto& name : names) {
        const auto use = core::useFromString(name);
        if (!use) {
            std::vector<std::string> keys;
            for (const auto known : core::kAllUses)
                keys.push_back(core::toString(known));
            throw CommandFailed{fmt::format("There is no use \"{}\". Choose from: {}.", name, keysOf(keys))};
        }
        uses.insert(*use);
    }
    return uses;
}

std::string usesText(core::UseSet uses)
{
    std::vector<std::string> words;
    for (const auto use : uses.list()) {
        std::string key = core::toString(use);
        std::replace(key.begin(), key.end(), '_', ' ');
        words.push_back(key);
    }
    return keysOf(words);
}

std::string notesText(int count)
{
    return count == 1 ? "1 note" : fmt::format("{} notes", count);
}

// One line for a terminal: line breaks become spaces, matches become **word**.
std::string forTerminal(const std::string& snippet)
{
    std::string text;
    for (const char c : snippet) {
        if (c == core::kMatchStart || c == core::kMatchEnd)
            text += "**";
        else if (c == '\n' || c == '\r' || c == '\t')
            text += ' ';
        else
            text += c;
    }
    return text;
}

void runList(CliContext& context, const std::string& childName)
{
    core::Store& store = context.storeForReading();
    const core::Id childId = childNamed(store, childName);
    const core::NotebookPage page = core::Notebook(store).page(childId);
    fmt::print("{}'s notebook\n", core::Family(store).child(childId).data.name);
    for (const auto& section : page.sections) {
        fmt::print("\n{} ({})\n", core::sectionTitle(section.section), section.entries.size());
        if (section.entries.empty())
            fmt::print("  (nothing yet)\n");
        for (const auto& entry : section.entries) {
            std::string line = fmt::format("  {} #{} {}", entry.isPinned ? "*" : " ", entry.id, entry.title);
            if (section.section == core::Section::MirrorTraits) {
                line += fmt::format("  <->  {}  · {} | {}", entry.shine, notesText(entry.evidenceCount),
                                    notesText(entry.shineEvidenceCount));
            } else {
                line += fmt::format("  · {}", notesText(entry.evidenceCount));
            }
            if (!entry.uses.isEmpty())
                line += fmt::format("  · helps: {}", usesText(entry.uses));
            fmt::print("{}\n", forTerminal(line));
        }
    }
}

struct SearchOptions {
    std::string query;
    std::string child;
    int limit = 20;
};

void runSearch(CliContext& context, const SearchOptions& options)
{
    core::Store& store = context.storeForReading();
    const core::Id childId = options.child.empty() ? 0 : childNamed(store, options.child);
    const auto hits = core::Search(store).find(options.query, childId, options.limit);
    if (hits.empty()) {
        fmt::print("Nothing found for \"{}\".\n", forTerminal(options.query));
        return;
    }
    std::map<core::Id, std::string> names;
    for (const auto& child : core::Family(store).children(true))
        names[child.id] = child.name;
    for (const auto& hit : hits) {
        fmt::print("{} · {} #{} ({})\n    {}\n", names[hit.childId], forTerminal(hit.label), hit.ownerId, hit.kind,
                   forTerminal(hit.snippet));
    }
}

struct AddOptions {
    std::string child;
    std::string section = "strengths";
    std::string title;
    std::string shine;
    std::string details;
    std::string noticed;
    std::vector<std::string> uses;
    bool isPinned = false;
};

void runAdd(CliContext& context, const AddOptions& options)
{
    core::Store& store = context.store();
    core::EntryDraft draft;
    draft.section = sectionNamed(options.section);
    draft.title = options.title;
    draft.shine = options.shine;
    draft.details = options.details;
    draft.noticedOn = options.noticed;
    draft.isPinned = options.isPinned;
    draft.uses = usesNamed(options.uses);
    const core::Entry entry = core::Notebook(store).addEntry(childNamed(store, options.child), draft);
    fmt::print("Added #{} to {}.\n", entry.meta.id, core::sectionTitle(entry.data.section));
}

struct EvidenceOptions {
    core::Id entryId = 0;
    std::string text;
    std::string day;
    std::string side;
};

void runEvidence(CliContext& context, const EvidenceOptions& options)
{
    core::Store& store = context.store();
    core::Notebook notebook(store);
    const core::Entry entry = notebook.entry(options.entryId);
    core::EvidenceSide side = entry.data.section == core::Section::MirrorTraits ? core::EvidenceSide::Shine
                                                                               : core::EvidenceSide::Entry;
    if (!options.side.empty()) {
        const auto named = core::evidenceSideFromString(options.side);
        if (!named)
            throw CommandFailed{fmt::format("There is no side \"{}\". Choose entry, struggle or shine.", options.side)};
        side = *named;
    }
    const std::string day = options.day.empty() ? store.clock().today() : options.day;
    const core::EvidenceLine line = notebook.addEvidence(options.entryId, side, day, options.text);
    fmt::print("Noted on {} for #{}.\n", line.day, line.entryId);
}

} // namespace

void addNotebookCommands(CLI::App& app, CliContext& context)
{
    CLI::App* notebook = app.add_subcommand("notebook", "A child's strengths & interests notebook");
    notebook->require_subcommand(1);

    auto listChild = std::make_shared<std::string>();
    CLI::App* list = notebook->add_subcommand("list", "Show a child's notebook, section by section");
    list->add_option("--child", *listChild, "The child's name")->required();
    list->callback([&context, listChild] { runList(context, *listChild); });

    auto search = std::make_shared<SearchOptions>();
    CLI::App* find = notebook->add_subcommand("search", "Search everything written in the notebooks");
    find->add_option("query", search->query, "Words to look for (typed as plain text)")->required();
    find->add_option("--child", search->child, "Only this child's notebook");
    find->add_option("--limit", search->limit, "At most this many results (default 20)");
    find->callback([&context, search] { runSearch(context, *search); });

    auto add = std::make_shared<AddOptions>();
    CLI::App* addCommand = notebook->add_subcommand("add", "Add an entry to a child's notebook");
    addCommand->add_option("title", add->title, "The title (for a mirror trait: the struggle)")->required();
    addCommand->add_option("--child", add->child, "The child's name")->required();
    addCommand->add_option("--section", add->section,
                           "strengths, interests, skills, how_they_think, growing or mirror_traits");
    addCommand->add_option("--shine", add->shine, "Mirror traits: the same trait where it shines");
    addCommand->add_option("--details", add->details, "More about it");
    addCommand->add_option("--noticed", add->noticed, "Date first noticed, YYYY-MM-DD");
    addCommand->add_option("--uses", add->uses, "offset, self_esteem, connection, transitions, cool_down, repair")
        ->delimiter(',');
    addCommand->add_flag("--pin", add->isPinned, "Pin it to the top of its section");
    addCommand->callback([&context, add] { runAdd(context, *add); });

    auto evidence = std::make_shared<EvidenceOptions>();
    CLI::App* note = notebook->add_subcommand("evidence", "Add a dated line of evidence to an entry");
    note->add_option("entry", evidence->entryId, "The entry's number (#) from notebook list")->required();
    note->add_option("text", evidence->text, "What you noticed")->required();
    note->add_option("--day", evidence->day, "The day, YYYY-MM-DD (default today)");
    note->add_option("--side", evidence->side, "Mirror traits: struggle or shine (default shine)");
    note->callback([&context, evidence] { runEvidence(context, *evidence); });
}

} // namespace attune::cli
