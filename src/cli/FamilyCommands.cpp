// SPDX-License-Identifier: MIT
// attune-cli child add / child list
#include "CliContext.h"

#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace attune::cli {

namespace {

struct ChildAddOptions {
    std::string name;
    std::string birthDate;
    int goalMinutes = 10;
    std::string pronouns;
};

void runChildAdd(CliContext& context, const ChildAddOptions& options)
{
    core::ChildDraft draft;
    draft.name = options.name;
    draft.birthDate = options.birthDate;
    draft.goalMinutes = options.goalMinutes;
    draft.pronouns = options.pronouns;
    const core::Child child = core::Family(context.store()).addChild(draft);
    fmt::print("Added {} (id {}), daily goal {} min.\n", child.data.name, child.meta.id, child.data.goalMinutes);
}

void runChildList(CliContext& context, bool includeArchived)
{
    const auto children = core::Family(context.storeForReading()).children(includeArchived);
    if (children.empty()) {
        fmt::print("No children yet. Add one with: attune-cli child add NAME\n");
        return;
    }
    for (const auto& child : children) {
        fmt::print("{:>4}  {:<30} {:<10} goal {:>3} min{}\n", child.id, child.name,
                   child.birthDate.empty() ? "-" : child.birthDate, child.goalMinutes,
                   child.isArchived ? "  (archived)" : "");
    }
}

} // namespace

void addFamilyCommands(CLI::App& app, CliContext& context)
{
    CLI::App* child = app.add_subcommand("child", "Add and list children");
    child->require_subcommand(1);

    auto options = std::make_shared<ChildAddOptions>();
    CLI::App* add = child->add_subcommand("add", "Add a child");
    add->add_option("name", options->name, "The child's name")->required();
    add->add_option("--birth-date", options->birthDate, "Birth date, YYYY-MM-DD");
    add->add_option("--goal", options->goalMinutes, "Daily one-on-one goal in minutes (1-240)");
    add->add_option("--pronouns", options->pronouns, "Pronouns, e.g. she/her");
    add->callback([&context, options] { runChildAdd(context, *options); });

    auto includeArchived = std::make_shared<bool>(false);
    CLI::App* list = child->add_subcommand("list", "List children");
    list->add_flag("--archived", *includeArchived, "Include archived children");
    list->callback([&context, includeArchived] { runChildList(context, *includeArchived); });
}

} // namespace attune::cli
