// SPDX-License-Identifier: MIT
// Data safety on the 10-year, 4-child demo family (seed 1, today 2026-11-28), on disk with the
// app's settings: complete JSON export, import of that export into a new empty file, and a
// verified backup (copy, fsync, integrity_check, row counts, rename, fsync of the folder).
// Targets (issue 6): export < 1 s, import < 2 s, backup < 1 s.
#include "attune/core/Backups.h"
#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Demo.h"
#include "attune/core/Export.h"
#include "attune/core/Family.h"
#include "attune/core/Import.h"
#include "attune/core/Store.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

using namespace attune::core;
namespace fs = std::filesystem;

namespace {

class DataBenchClock final : public Clock {
public:
    TimestampMs nowMs() const override { return 1'795'000'000'000; }
    std::string today() const override { return "2026-11-28"; }
};

struct DemoData {
    fs::path folder;
    DataBenchClock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<Store> store;
    std::string json;

    DemoData()
    {
        std::string pattern = (fs::temp_directory_path() / "attune-data-bench-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            std::abort();
        folder = pattern;
        db = std::make_unique<Database>(Database::create(folder / "demo.sqlite"));
        store = std::make_unique<Store>(*db, clock);
        store->setActor(Family(*store).caregivers().front().meta.uuid);
        DemoOptions options;
        options.years = 10;
        options.children = 4;
        options.seed = 1;
        generateDemo(*store, options);
        json = exportJson(*db);
    }
    ~DemoData()
    {
        store.reset();
        db.reset();
        std::error_code error;
        fs::remove_all(folder, error);
    }
};

DemoData& demo()
{
    static DemoData data;
    return data;
}

void BM_ExportJson(benchmark::State& state)
{
    DemoData& data = demo();
    for (auto _ : state)
        benchmark::DoNotOptimize(exportJson(*data.db));
    state.counters["MB"] = static_cast<double>(data.json.size()) / 1e6;
}
BENCHMARK(BM_ExportJson)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_ImportIntoEmptyFile(benchmark::State& state)
{
    DemoData& data = demo();
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const fs::path path = data.folder / ("import-" + std::to_string(round++) + ".sqlite");
        auto db = std::make_unique<Database>(Database::create(path));
        auto store = std::make_unique<Store>(*db, data.clock);
        state.ResumeTiming();
        benchmark::DoNotOptimize(importJson(*store, data.json));
        state.PauseTiming();
        store.reset();
        db.reset();
        fs::remove(path);
        state.ResumeTiming();
    }
}
BENCHMARK(BM_ImportIntoEmptyFile)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_VerifiedBackup(benchmark::State& state)
{
    DemoData& data = demo();
    const fs::path backups = data.folder / "backups";
    TimestampMs now = data.clock.nowMs();
    for (auto _ : state) {
        benchmark::DoNotOptimize(backupNow(*data.db, backups, now));
        now += 25LL * 60 * 60 * 1000;
    }
}
BENCHMARK(BM_VerifiedBackup)->Unit(benchmark::kMillisecond)->Iterations(5);

} // namespace
