// SPDX-License-Identifier: MIT
// attune-cli log / stats
#include "CliContext.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Rhythm.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/TimeSummary.h"
#include "attune/core/Validation.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace attune::cli {

namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The one child called `name` (ignoring case of ASCII letters), archived ones included.
core::ChildSummary findChild(core::Store& store, const std::string& name)
{
    const std::string wanted = lowerAscii(core::trimmed(name));
    std::vector<core::ChildSummary> found;
    for (auto& child : core::Family(store).children(true)) {
        if (lowerAscii(child.name) == wanted)
            found.push_back(std::move(child));
    }
    if (found.empty())
        throw CommandFailed{fmt::format("There is no child called \"{}\". `attune-cli child list` shows who is here.",
                                        core::trimmed(name))};
    if (found.size() > 1)
        throw CommandFailed{fmt::format("More than one child is called \"{}\". Please give them different names "
                                        "in Attune first.",
                                        core::trimmed(name))};
    return found.front();
}

// Whole minutes only: "15" yes; "15.5", "15 min", "" and "-3" get the same rule the form shows.
int parseMinutes(const std::string& text)
{
    const std::string clean = core::trimmed(text);
    const bool isNumber = !clean.empty() && clean.size() <= 4
                       && std::all_of(clean.begin(), clean.end(), [](char c) { return c >= '0' && c <= '9'; });
    const int minutes = isNumber ? std::stoi(clean) : 0;
    if (minutes < core::limits::kSessionMinutesMin || minutes > core::limits::kSessionMinutesMax)
        throw CommandFailed{fmt::format("Choose between {} and {} minutes.", core::limits::kSessionMinutesMin,
                                        core::limits::kSessionMinutesMax)};
    return minutes;
}

struct LogOptions {
    std::string child;
    std::string minutes;
    std::string date;
    std::string activity;
};

void runLog(CliContext& context, const LogOptions& options)
{
    const int minutes = parseMinutes(options.minutes);
    core::Store& store = context.store();
    const core::ChildSummary child = findChild(store, options.child);
    core::SessionDraft draft;
    draft.childId = child.id;
    draft.minutes = minutes;
    draft.day = options.date.empty() ? store.clock().today() : core::trimmed(options.date);
    draft.activity = options.activity;
    const core::Session session = core::TimeLog(store).addSession(draft);
    fmt::print("Logged {} min with {} on {}.\n", session.data.minutes, child.name, session.data.day);
}

std::string daysAndMinutes(const core::Tally& tally)
{
    std::string text = fmt::format("{} {} \xC2\xB7 {} min", tally.days, tally.days == 1 ? "day" : "days", tally.minutes);
    if (tally.partnerDays > 0)
        text += fmt::format(" ({} by a partner)", tally.partnerDays);
    return text;
}

void printChildStats(core::Store& store, const core::ChildSummary& child)
{
    core::TimeSummary summary(store);
    const std::string todayText = store.clock().today();
    const core::Date today = *core::parseDate(todayText);
    const long todayNumber = core::daysFromCivil(today);
    const std::string monday = core::formatDate(core::civilFromDays(todayNumber - core::weekday(today)));
    const std::string lastMonday = core::formatDate(core::civilFromDays(todayNumber - core::weekday(today) - 7));
    const std::string lastSunday = core::formatDate(core::civilFromDays(todayNumber - core::weekday(today) - 1));
    const core::Date firstOfMonth{today.year, today.month, 1};
    const core::Date lastMonthStart = today.month == 1 ? core::Date{today.year - 1, 12, 1}
                                                       : core::Date{today.year, today.month - 1, 1};
    const std::string lastMonthEnd = core::formatDate(core::civilFromDays(core::daysFromCivil(firstOfMonth) - 1));

    const core::Tally lastSeven = summary.lastDays(child.id, 7);
    const core::Rhythm rhythm = summary.rhythm(child.id);
    fmt::print("{} (goal {} min a day)\n", child.name, child.goalMinutes);
    fmt::print("  Last 7 days   {}\n", core::countsLine(lastSeven, 7));
    fmt::print("  This week     {}\n", daysAndMinutes(summary.tally(child.id, monday, todayText)));
    fmt::print("  Last week     {}\n", daysAndMinutes(summary.tally(child.id, lastMonday, lastSunday)));
    fmt::print("  {:<13} {}\n", kMonths[today.month - 1],
               daysAndMinutes(summary.tally(child.id, core::formatDate(firstOfMonth), todayText)));
    fmt::print("  {:<13} {}\n", kMonths[lastMonthStart.month - 1],
               daysAndMinutes(summary.tally(child.id, core::formatDate(lastMonthStart), lastMonthEnd)));
    if (rhythm.hasHistory)
        fmt::print("  Rhythm        {}%\n", rhythm.percent());
    else
        fmt::print("  Rhythm        starts with the first session\n");
}

void runStats(CliContext& context, const std::string& childName, bool explain)
{
    core::Store& store = context.storeForReading();
    std::vector<core::ChildSummary> children;
    if (!childName.empty())
        children.push_back(findChild(store, childName));
    else
        children = core::Family(store).children();
    if (children.empty()) {
        fmt::print("No children yet. Add one with: attune-cli child add NAME\n");
        return;
    }
    for (std::size_t i = 0; i < children.size(); ++i) {
        if (i > 0)
            fmt::print("\n");
        printChildStats(store, children[i]);
    }
    if (explain)
        fmt::print("\nHow is the rhythm calculated?\n{}\n", core::rhythmExplanation());
    else
        fmt::print("\n(attune-cli stats --explain says how the rhythm is worked out.)\n");
}

} // namespace

void addOneOnOneCommands(CLI::App& app, CliContext& context)
{
    auto log = std::make_shared<LogOptions>();
    CLI::App* logCommand = app.add_subcommand("log", "Log one-on-one time with a child");
    logCommand->add_option("--child", log->child, "The child's name")->required();
    // Taken as text so a typo gets the same plain rule as the app's form (and exit code 1).
    logCommand->add_option("--minutes", log->minutes, "Minutes, 1-600")->required();
    logCommand->add_option("--date", log->date, "The day, YYYY-MM-DD (default: today)");
    logCommand->add_option("--activity", log->activity, "What the child chose to play");
    logCommand->callback([&context, log] { runLog(context, *log); });

    auto child = std::make_shared<std::string>();
    auto explain = std::make_shared<bool>(false);
    CLI::App* stats = app.add_subcommand("stats", "Counts, minutes and rhythm of one-on-one time");
    stats->add_option("--child", *child, "Only this child");
    stats->add_flag("--explain", *explain, "Say how the rhythm is calculated");
    stats->callback([&context, child, explain] { runStats(context, *child, *explain); });
}

} // namespace attune::cli
