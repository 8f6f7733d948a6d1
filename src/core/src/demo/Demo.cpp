// SPDX-License-Identifier: MIT
#include "attune/core/Demo.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Store.h"
#include "demo/DemoParts.h"

#include <SQLiteCpp/Database.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace attune::core {

namespace demo {
namespace {

// In order: a part may use what the parts before it made (children, caregivers).
constexpr DemoPart kDemoParts[] = {
    {"family", &familyDemoBatches, &generateFamilyDemo},
    {"one-on-one", &oneOnOneDemoBatches, &generateOneOnOneDemo},
    {"notebook", &notebookDemoBatches, &generateNotebookDemo},
    {"reflections", &reflectionDemoBatches, &generateReflectionDemo},
};

std::uint64_t nameHash(const std::string& text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL; // FNV-1a
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

} // namespace

std::uint64_t mixSeed(std::uint64_t value)
{
    // splitmix64: spreads nearby seeds (1, 2, 3…) far apart.
    value += 0x9e3779b97f4a7c15ULL;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

DemoRandom::DemoRandom(std::uint64_t seed)
    : m_state(seed)
{
}

std::uint64_t DemoRandom::next()
{
    m_state += 0x9e3779b97f4a7c15ULL;
    return mixSeed(m_state);
}

int DemoRandom::between(int low, int high)
{
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<int>(next() % span);
}

double DemoRandom::unit()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

DemoRandom DemoContext::random(const std::string& part) const
{
    return DemoRandom(mixSeed(options.seed ^ nameHash(part)));
}

TimestampMs DemoContext::at(long day, int minuteOfDay)
{
    return (static_cast<TimestampMs>(day) * 1440 + minuteOfDay) * 60'000;
}

void DemoContext::count(const std::string& what, int added)
{
    for (auto& [name, value] : summary.counts) {
        if (name == what) {
            value += added;
            return;
        }
    }
    summary.counts.emplace_back(what, added);
}

bool DemoContext::batch(const std::function<void()>& work)
{
    if (options.stop && options.stop->load()) {
        summary.isCancelled = true;
        return false;
    }
    store.db().write(work);
    ++batchesDone;
    if (options.progress)
        options.progress(batchesDone, batchesTotal);
    return true;
}

} // namespace demo

int DemoSummary::count(const std::string& what) const
{
    for (const auto& [name, value] : counts) {
        if (name == what)
            return value;
    }
    return 0;
}

std::vector<FieldError> validateDemoOptions(const DemoOptions& options)
{
    std::vector<FieldError> errors;
    if (options.years < 1 || options.years > limits::kDemoYearsMax)
        errors.push_back({"years", fmt::format("Choose between 1 and {} years.", limits::kDemoYearsMax)});
    if (options.children < 1 || options.children > limits::kDemoChildrenMax)
        errors.push_back({"children", fmt::format("Choose between 1 and {} children.", limits::kDemoChildrenMax)});
    if (!options.today.empty() && !parseDate(options.today))
        errors.push_back({"today", "Please enter the day as year-month-day, like 2026-11-28."});
    return errors;
}

DemoSummary generateDemo(Store& store, const DemoOptions& options)
{
    std::vector<FieldError> errors = validateDemoOptions(options);
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    const std::string todayText = options.today.empty() ? store.clock().today() : options.today;
    const auto today = parseDate(todayText);
    if (!today)
        throw ValidationError(std::vector<FieldError>{{"today", "Please enter the day as year-month-day, like 2026-11-28."}});
    if (store.db().sql().execAndGet("SELECT count(*) FROM children").getInt() > 0)
        throw ValidationError(std::vector<FieldError>{{"children", "This file already has children in it, so no demo family was added. "
                                            "Please use a new file for the demo."}});

    // A Store of our own, seeded from the demo seed, so every uuid repeats with the seed.
    Store seeded(store.db(), store.clock(), demo::mixSeed(options.seed) | 1U);
    seeded.setActor(store.actor());
    DemoSummary summary;
    demo::DemoContext context{seeded, options, summary, 0, 0, 0, 0, {}, {}};
    context.lastDay = daysFromCivil(*today);
    context.firstDay = context.lastDay - static_cast<long>(options.years) * 365 - options.years / 4 + 1;
    summary.firstDay = formatDate(civilFromDays(context.firstDay));
    summary.lastDay = todayText;
    for (const auto& part : demo::kDemoParts)
        context.batchesTotal += part.batches(options);

    for (const auto& part : demo::kDemoParts) {
        if (summary.isCancelled)
            break;
        spdlog::info("demo: generating {}", part.name);
        part.generate(context);
    }
    spdlog::info("demo: {} batches written{}", context.batchesDone, summary.isCancelled ? " (stopped early)" : "");
    return summary;
}

} // namespace attune::core
