// SPDX-License-Identifier: MIT
// attune-cli reflections --child NAME / plans --child NAME
#include "CliContext.h"

#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/Store.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

namespace attune::cli {

namespace {

struct ChildOption {
    std::string name;
    int limit = 50;
};

core::Id childByName(core::Store& store, const std::string& name)
{
    const core::Id id = core::Family(store).findChildByName(name);
    if (id == 0)
        throw CommandFailed{fmt::format("There is no child called \"{}\" (or there are two with that name). "
                                        "See: attune-cli child list",
                                        name)};
    return id;
}

// One line on a terminal: line breaks a parent typed become spaces.
std::string oneLine(std::string text)
{
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return text;
}

std::string activation(const core::ReflectionSummary& line)
{
    if (!line.activationBefore && !line.activationAfter)
        return "-";
    const auto text = [](const std::optional<int>& value) { return value ? std::to_string(*value) : "?"; };
    return line.activationAfter ? text(line.activationBefore) + " -> " + text(line.activationAfter)
                                : text(line.activationBefore);
}

void runReflections(CliContext& context, const ChildOption& options)
{
    core::Store& store = context.storeForReading();
    const core::Id childId = childByName(store, options.name);
    const std::string name = core::Family(store).child(childId).data.name;
    const core::Reflections reflections(store);
    const int total = reflections.count(childId);
    if (total == 0) {
        fmt::print("No reflections for {} yet.\n", name);
        return;
    }
    fmt::print("Reflections for {} (drafts first, then newest first):\n", name);
    fmt::print("{:>6}  {:<10} {:<5}  {:<14} {:<10} {}\n", "id", "day", "time", "status", "activation", "what happened");
    const auto lines = reflections.list(childId, std::max(options.limit, 1));
    for (const auto& line : lines) {
        const std::string status = line.status == core::ReflectionStatus::Draft
                                       ? fmt::format("draft, step {}", line.step)
                                       : std::string("saved");
        fmt::print("{:>6}  {:<10} {:<5}  {:<14} {:<10} {}{}\n", line.id, line.happenedOn,
                   line.happenedTime.empty() ? "-" : line.happenedTime, status, activation(line), oneLine(line.title),
                   line.repair == core::RepairState::Open ? "  (repair open)" : "");
    }
    if (static_cast<int>(lines.size()) < total)
        fmt::print("Showing {} of {}. Use --limit to see more.\n", lines.size(), total);
}

const char* statusTitle(core::ProblemStatus status)
{
    switch (status) {
    case core::ProblemStatus::ToDiscuss: return "To discuss";
    case core::ProblemStatus::Trying: return "Trying a solution";
    case core::ProblemStatus::Solved: return "Solved";
    case core::ProblemStatus::SetAside: return "Set aside for now";
    }
    return "";
}

void runPlans(CliContext& context, const ChildOption& options)
{
    core::Store& store = context.storeForReading();
    const core::Id childId = childByName(store, options.name);
    const std::string name = core::Family(store).child(childId).data.name;
    const core::PlansPage page = core::Plans(store).page(childId, store.clock().today(), std::max(options.limit, 1));
    fmt::print("Plans for {}\n", name);
    int problems = 0;
    for (int i = 0; i < core::kProblemStatusCount; ++i) {
        const auto index = static_cast<std::size_t>(i);
        const int count = page.counts[index];
        problems += count;
        if (count == 0)
            continue;
        const auto& list = page.problems[index];
        fmt::print("\n{} ({}{})\n", statusTitle(static_cast<core::ProblemStatus>(i)), count,
                   static_cast<int>(list.size()) < count ? fmt::format(", newest {} shown", list.size()) : "");
        for (const auto& problem : list) {
            std::string details;
            if (problem.plan != core::PlanKind::None)
                details += "Plan " + core::toString(problem.plan);
            if (!problem.nextTalkOn.empty())
                details += (details.empty() ? "" : ", ") + std::string("next talk ") + problem.nextTalkOn;
            if (!problem.reviewOn.empty())
                details += (details.empty() ? "" : ", ") + std::string("review ") + problem.reviewOn;
            fmt::print("{:>6}  {}{}\n", problem.id, oneLine(problem.text), details.empty() ? "" : "  (" + details + ")");
        }
    }
    if (problems == 0)
        fmt::print("\nNo unsolved problems written down yet.\n");
    fmt::print("\nReviews due\n");
    if (page.reviewsDue.empty())
        fmt::print("  Nothing due.\n");
    for (const auto& review : page.reviewsDue)
        fmt::print("  {}  {}{}\n", review.reviewOn, oneLine(review.problemText), review.talkId != 0 ? " (after a talk)" : "");
    fmt::print("\nTalks coming up\n");
    if (page.upcomingTalks.empty())
        fmt::print("  None planned.\n");
    for (const auto& talk : page.upcomingTalks)
        fmt::print("  {} {:<5}  {}\n", talk.scheduledOn, talk.scheduledTime, oneLine(talk.problemText));
    fmt::print("\nOpen repairs\n");
    if (page.openRepairs.empty())
        fmt::print("  None open.\n");
    for (const auto& repair : page.openRepairs)
        fmt::print("{:>6}  {}  {}\n", repair.reflectionId, repair.happenedOn, oneLine(repair.title));
}

} // namespace

void addReflectionCommands(CLI::App& app, CliContext& context)
{
    auto reflectionOptions = std::make_shared<ChildOption>();
    CLI::App* reflections = app.add_subcommand("reflections", "List a child's reflections, drafts first");
    reflections->add_option("--child", reflectionOptions->name, "The child's name")->required();
    reflections->add_option("--limit", reflectionOptions->limit, "How many to show (default 50)");
    reflections->callback([&context, reflectionOptions] { runReflections(context, *reflectionOptions); });

    auto planOptions = std::make_shared<ChildOption>();
    CLI::App* plans = app.add_subcommand("plans", "Show a child's plans: problems, reviews due, talks, open repairs");
    plans->add_option("--child", planOptions->name, "The child's name")->required();
    plans->add_option("--limit", planOptions->limit, "How many problems to show per status (default 50)");
    plans->callback([&context, planOptions] { runPlans(context, *planOptions); });
}

} // namespace attune::cli
