// SPDX-License-Identifier: MIT
// Core queries of daily one-on-one time on the demo family every benchmark uses: 10 years,
// 4 children (and a 1-year family to show Today does not grow with history). The files are
// made once per run in a temporary folder, on disk with the app's own settings (WAL,
// synchronous=FULL), so logging a session includes its real commit.
#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Demo.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/TimeSummary.h"
#include "attune/core/Timers.h"

#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>

#include <sys/stat.h>

using namespace attune::core;

namespace {

constexpr const char* kToday = "2026-11-28";

// Time stands still on kToday, so every run sees the same history.
class BenchClock final : public Clock {
public:
    TimestampMs nowMs() const override { return 1'795'000'000'000; }
    std::string today() const override { return kToday; }
};

struct Family_ {
    std::unique_ptr<Database> db;
    std::unique_ptr<Store> store;
    std::vector<ChildSummary> children;
};

BenchClock g_clock;
std::filesystem::path g_folder;
std::map<int, Family_> g_families; // by years of history

Family_& family(int years)
{
    auto found = g_families.find(years);
    if (found != g_families.end())
        return found->second;
    Family_ made;
    const auto path = g_folder / ("demo-" + std::to_string(years) + "y.sqlite");
    made.db = std::make_unique<Database>(Database::create(path));
    made.store = std::make_unique<Store>(*made.db, g_clock);
    made.store->setActor(Family(*made.store).caregivers().front().meta.uuid);
    DemoOptions options;
    options.years = years;
    options.children = 4;
    options.seed = 1;
    const auto started = std::chrono::steady_clock::now();
    const DemoSummary summary = generateDemo(*made.store, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "demo file: %d years, 4 children, %d sessions, %d day states, made in %.2f s\n", years,
                 summary.count("sessions"), summary.count("day states"), seconds);
    made.children = Family(*made.store).children();
    return g_families.emplace(years, std::move(made)).first->second;
}

void BM_WeekView(benchmark::State& state)
{
    TimeSummary summary(*family(10).store);
    for (auto _ : state)
        benchmark::DoNotOptimize(summary.week(kToday));
}
BENCHMARK(BM_WeekView)->Unit(benchmark::kMillisecond);

void BM_YearGridAllChildren(benchmark::State& state)
{
    TimeSummary summary(*family(10).store);
    for (auto _ : state)
        benchmark::DoNotOptimize(summary.year(2026));
}
BENCHMARK(BM_YearGridAllChildren)->Unit(benchmark::kMillisecond);

void BM_MonthCountsOneChildOneYear(benchmark::State& state)
{
    Family_& f = family(10);
    TimeSummary summary(*f.store);
    for (auto _ : state)
        benchmark::DoNotOptimize(summary.months(f.children.front().id, 2026));
}
BENCHMARK(BM_MonthCountsOneChildOneYear)->Unit(benchmark::kMillisecond);

// The Today page's data: every child's card (today, this week, last 7 days, timer).
void BM_TodayCards(benchmark::State& state)
{
    TimeSummary summary(*family(static_cast<int>(state.range(0))).store);
    for (auto _ : state)
        benchmark::DoNotOptimize(summary.today());
    state.SetLabel(std::to_string(state.range(0)) + " years of history");
}
BENCHMARK(BM_TodayCards)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

void BM_LastSevenDaysOneChild(benchmark::State& state)
{
    Family_& f = family(10);
    TimeSummary summary(*f.store);
    for (auto _ : state)
        benchmark::DoNotOptimize(summary.lastDays(f.children.front().id, 7));
}
BENCHMARK(BM_LastSevenDaysOneChild)->Unit(benchmark::kMillisecond);

void BM_RhythmAllChildren(benchmark::State& state)
{
    TimeSummary summary(*family(static_cast<int>(state.range(0))).store);
    for (auto _ : state)
        benchmark::DoNotOptimize(summary.rhythms());
    state.SetLabel(std::to_string(state.range(0)) + " years of history");
}
BENCHMARK(BM_RhythmAllChildren)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

void BM_ActivityChips(benchmark::State& state)
{
    Family_& f = family(10);
    TimeLog log(*f.store);
    for (auto _ : state)
        benchmark::DoNotOptimize(log.recentActivities(f.children.front().id, 8));
}
BENCHMARK(BM_ActivityChips)->Unit(benchmark::kMillisecond);

void BM_SessionListFirstPage(benchmark::State& state)
{
    TimeLog log(*family(10).store);
    SessionFilter filter;
    filter.limit = 50;
    for (auto _ : state)
        benchmark::DoNotOptimize(log.sessions(filter));
}
BENCHMARK(BM_SessionListFirstPage)->Unit(benchmark::kMillisecond);

void BM_ActiveTimers(benchmark::State& state)
{
    Timers timers(*family(10).store);
    for (auto _ : state)
        benchmark::DoNotOptimize(timers.active());
}
BENCHMARK(BM_ActiveTimers)->Unit(benchmark::kMillisecond);

// Writes last: the rows they add do not change what the read benchmarks above measured.
void BM_LogSession(benchmark::State& state)
{
    Family_& f = family(10);
    TimeLog log(*f.store);
    SessionDraft draft;
    draft.childId = f.children.front().id;
    draft.day = kToday;
    draft.minutes = 15;
    draft.activity = "Lego";
    draft.childLed = true;
    draft.noScreens = true;
    draft.presence = 4;
    draft.moodBefore = "Tired";
    draft.moodAfter = "Proud";
    draft.marvel = "The tallest tower yet.";
    for (auto _ : state)
        benchmark::DoNotOptimize(log.addSession(draft));
    state.SetLabel("one committed transaction, fsync included");
}
BENCHMARK(BM_LogSession)->Unit(benchmark::kMillisecond);

void BM_QuickLog(benchmark::State& state)
{
    Family_& f = family(10);
    TimeLog log(*f.store);
    for (auto _ : state)
        benchmark::DoNotOptimize(log.quickLog(f.children.back().id, 10));
}
BENCHMARK(BM_QuickLog)->Unit(benchmark::kMillisecond);

void BM_GenerateDemo10Years4Children(benchmark::State& state)
{
    for (auto _ : state) {
        Database db = Database::openInMemory();
        Store store(db, g_clock);
        DemoOptions options;
        options.today = kToday;
        benchmark::DoNotOptimize(generateDemo(store, options));
    }
    state.SetLabel("in memory");
}
BENCHMARK(BM_GenerateDemo10Years4Children)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char** argv)
{
    ::umask(077); // as the app and the CLI do: the files are the parent's alone
    spdlog::set_level(spdlog::level::warn); // the core's info lines would drown the table
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    std::string pattern = (std::filesystem::temp_directory_path() / "attune-bench-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        return 1;
    g_folder = pattern;
    family(10);
    family(1);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_families.clear(); // closes the files before their folder goes
    std::error_code error;
    std::filesystem::remove_all(g_folder, error);
    return 0;
}
