// SPDX-License-Identifier: MIT
// The Markdown report: per child and date range, what happened, in plain words. Reads only
// the tables that exist, so an older file (or one before reflections) still gives a report.
#include "attune/core/Dates.h"
#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "DataSchema.h"
#include "storage/SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <fmt/format.h>

#include <map>

namespace attune::core {

namespace {

// One Markdown table cell or list item: no line breaks, no pipes, no stray markup.
std::string cell(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (c == '\n')
            out += "<br>";
        else if (c == '\r' || (static_cast<unsigned char>(c) < 0x20 && c != '\t'))
            continue;
        else if (c == '|' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']' || c == '#' || c == '\\')
            out += std::string("\\") + c;
        else
            out += c;
    }
    return out;
}

const char* kSectionNames[][2] = {
    {"strengths", "Strengths"}, {"interests", "Interests"}, {"skills", "Skills"},
    {"how_they_think", "How they think"}, {"growing", "Growing"}, {"mirror_traits", "Mirror traits"},
};

std::string sectionName(const std::string& key)
{
    for (const auto& pair : kSectionNames)
        if (key == pair[0])
            return pair[1];
    return key;
}

std::string plural(std::int64_t count, const char* one, const char* many)
{
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

struct Range {
    std::string from;
    std::string to;
};

void sessionsSection(SQLite::Database& db, std::string& out, std::int64_t childId, const Range& range)
{
    out += "### One-on-one time\n\n";
    if (!detail::tableExists(db, "sessions")) {
        out += "No one-on-one time in this file.\n\n";
        return;
    }
    SQLite::Statement summary(db, "SELECT count(*), count(DISTINCT day), coalesce(sum(minutes), 0) FROM sessions "
                                  "WHERE child_id = ? AND deleted_at IS NULL AND day BETWEEN ? AND ?");
    summary.bind(1, childId);
    summary.bind(2, range.from);
    summary.bind(3, range.to);
    summary.executeStep();
    const auto sessions = summary.getColumn(0).getInt64();
    const auto days = summary.getColumn(1).getInt64();
    const auto minutes = summary.getColumn(2).getInt64();
    if (sessions == 0) {
        out += "No one-on-one time logged in this range.\n\n";
    } else {
        out += fmt::format("- {} on {}, {} in all (about {:.1f} hours)\n", plural(sessions, "session", "sessions"),
                           plural(days, "day", "days"), plural(minutes, "minute", "minutes"),
                           static_cast<double>(minutes) / 60.0);
        out += fmt::format("- {:.0f} minutes on an average day with time together\n",
                           static_cast<double>(minutes) / static_cast<double>(days));
    }
    if (detail::tableExists(db, "day_states")) {
        SQLite::Statement states(db, "SELECT state, count(*) FROM day_states WHERE child_id = ? AND deleted_at IS NULL "
                                     "AND day BETWEEN ? AND ? GROUP BY state ORDER BY state");
        states.bind(1, childId);
        states.bind(2, range.from);
        states.bind(3, range.to);
        const std::map<std::string, std::string> words = {
            {"away", "away"}, {"sick", "sick"}, {"partner_did_it", "a partner had the time"}};
        while (states.executeStep()) {
            const std::string state = states.getColumn(0).getString();
            const auto found = words.find(state);
            out += fmt::format("- {} marked {}\n", plural(states.getColumn(1).getInt64(), "day", "days"),
                               found == words.end() ? state : found->second);
        }
    }
    if (sessions > 0) {
        out += "\n| Day | Minutes | Activity | Note |\n|---|---:|---|---|\n";
        SQLite::Statement list(db, "SELECT day, minutes, activity, note FROM sessions WHERE child_id = ? "
                                   "AND deleted_at IS NULL AND day BETWEEN ? AND ? ORDER BY day, start_ms, id");
        list.bind(1, childId);
        list.bind(2, range.from);
        list.bind(3, range.to);
        while (list.executeStep())
            out += fmt::format("| {} | {} | {} | {} |\n", list.getColumn(0).getString(), list.getColumn(1).getInt(),
                               cell(list.getColumn(2).getString()), cell(list.getColumn(3).getString()));
    }
    out += "\n";
}

void notebookSection(SQLite::Database& db, std::string& out, std::int64_t childId, const Range& range)
{
    out += "### Notebook\n\n";
    if (!detail::tableExists(db, "notebook_entries")) {
        out += "No notebook in this file.\n\n";
        return;
    }
    SQLite::Statement entries(db, "SELECT id, section, title, shine, details, noticed_on FROM notebook_entries "
                                  "WHERE child_id = ? AND deleted_at IS NULL ORDER BY section, is_pinned DESC, sort_order, id");
    entries.bind(1, childId);
    const bool hasEvidence = detail::tableExists(db, "notebook_evidence");
    std::string lastSection;
    bool isAny = false;
    while (entries.executeStep()) {
        isAny = true;
        const std::string section = entries.getColumn(1).getString();
        if (section != lastSection) {
            out += fmt::format("{}#### {}\n\n", lastSection.empty() ? "" : "\n", sectionName(section));
            lastSection = section;
        }
        const std::string shine = entries.getColumn(3).getString();
        out += "- **" + cell(entries.getColumn(2).getString()) + "**";
        if (!shine.empty())
            out += " — shines as **" + cell(shine) + "**";
        const std::string details = entries.getColumn(4).getString();
        if (!details.empty())
            out += ": " + cell(details);
        const std::string noticed = entries.getColumn(5).getString();
        if (!noticed.empty())
            out += " (noticed " + noticed + ")";
        out += "\n";
        if (hasEvidence) {
            SQLite::Statement evidence(db, "SELECT day, note FROM notebook_evidence WHERE entry_id = ? AND deleted_at IS NULL "
                                           "AND day BETWEEN ? AND ? ORDER BY day, id");
            evidence.bind(1, entries.getColumn(0).getInt64());
            evidence.bind(2, range.from);
            evidence.bind(3, range.to);
            while (evidence.executeStep())
                out += "  - " + evidence.getColumn(0).getString() + ": " + cell(evidence.getColumn(1).getString()) + "\n";
        }
    }
    out += isAny ? "\n" : "Nothing in the notebook yet.\n\n";
}

// Reflections arrive with their own feature; until then (and in older files) there are none.
// Any table named reflections* with child_id and day columns is listed with its text columns.
void reflectionsSection(SQLite::Database& db, std::string& out, std::int64_t childId, const Range& range)
{
    out += "### Reflections\n\n";
    bool isAny = false;
    for (const auto& table : detail::dataTables(db)) {
        if (table.name.rfind("reflection", 0) != 0 || !table.hasColumn("child_id") || !table.hasColumn("day")
            || !table.hasColumn("deleted_at"))
            continue;
        std::vector<std::string> textColumns;
        for (const auto& column : table.columns)
            if (column.type == "TEXT" && column.name != "uuid" && column.name != "day" && column.name != "updated_by"
                && column.name.find("uuid") == std::string::npos)
                textColumns.push_back(column.name);
        std::string select = "SELECT day";
        for (const auto& column : textColumns)
            select += ", " + detail::quoted(column);
        SQLite::Statement rows(db, select + " FROM " + detail::quoted(table.name)
                                       + " WHERE child_id = ? AND deleted_at IS NULL AND day BETWEEN ? AND ? ORDER BY day, id");
        rows.bind(1, childId);
        rows.bind(2, range.from);
        rows.bind(3, range.to);
        while (rows.executeStep()) {
            isAny = true;
            out += "- " + rows.getColumn(0).getString();
            for (int i = 1; i < rows.getColumnCount(); ++i) {
                const std::string text = rows.getColumn(i).getString();
                if (!text.empty())
                    out += fmt::format(" · {}: {}", textColumns[static_cast<std::size_t>(i - 1)], cell(text));
            }
            out += "\n";
        }
    }
    out += isAny ? "\n" : "No reflections in this range.\n\n";
}

} // namespace

std::string markdownReport(Database& db, const ReportOptions& options, const Progress& progress)
{
    std::vector<FieldError> errors;
    if (!options.from.empty() && !parseDate(options.from))
        errors.push_back({"from", "The start date must be a real date like 2026-01-31."});
    if (!options.to.empty() && !parseDate(options.to))
        errors.push_back({"to", "The end date must be a real date like 2026-12-31."});
    if (errors.empty() && !options.from.empty() && !options.to.empty() && options.from > options.to)
        errors.push_back({"to", "The end date is before the start date."});
    if (!errors.empty())
        throw ValidationError(errors);
    const Range range{options.from.empty() ? "0000-01-01" : options.from, options.to.empty() ? "9999-12-31" : options.to};
    try {
        SQLite::Database& sql = db.sql();
        SQLite::Transaction snapshot(sql);
        std::vector<std::pair<std::int64_t, std::string>> children;
        SQLite::Statement list(sql, "SELECT id, name FROM children WHERE deleted_at IS NULL ORDER BY sort_order, id");
        while (list.executeStep()) {
            const std::string name = list.getColumn(1).getString();
            if (options.childName.empty() || name == options.childName)
                children.emplace_back(list.getColumn(0).getInt64(), name);
        }
        if (children.empty() && !options.childName.empty())
            throw ValidationError(std::vector<FieldError>{{"child", "There is no child with that name in this file."}});
        std::string out = "# Attune report\n\n";
        if (options.from.empty() && options.to.empty())
            out += "Everything in the file.\n\n";
        else
            out += fmt::format("From {} to {}.\n\n", options.from.empty() ? "the start" : options.from,
                               options.to.empty() ? "the end" : options.to);
        std::size_t done = 0;
        for (const auto& [id, name] : children) {
            if (progress.stop && progress.stop->load())
                throw WorkCancelled();
            out += "## " + cell(name) + "\n\n";
            sessionsSection(sql, out, id, range);
            notebookSection(sql, out, id, range);
            reflectionsSection(sql, out, id, range);
            if (progress.report)
                progress.report(++done, children.size());
        }
        if (children.empty())
            out += "No children in this file yet.\n";
        return out;
    } catch (const SQLite::Exception& error) {
        throw detail::toStorageError(error);
    }
}

} // namespace attune::core
