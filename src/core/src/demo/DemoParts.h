// SPDX-License-Identifier: MIT
// Internal: how the demo generator is put together. Each feature writes one part (a function
// that adds its rows) and lists it in kDemoParts in Demo.cpp, after the parts it builds on.
// A part draws from its own random stream, so adding a part never changes another's rows.
#pragma once

#include "attune/core/Dates.h"
#include "attune/core/Demo.h"
#include "attune/core/Types.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace attune::core {
class Store;
}

namespace attune::core::demo {

// A small, portable random source: std:: distributions differ between standard libraries,
// and the demo must give identical rows everywhere for the same seed.
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed);
    std::uint64_t next();
    int between(int low, int high); // inclusive
    double unit();                  // [0, 1)
    bool chance(double probability) { return unit() < probability; }
    template <typename T>
    const T& pick(const std::vector<T>& items)
    {
        return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
    }

private:
    std::uint64_t m_state;
};

std::uint64_t mixSeed(std::uint64_t value);

struct DemoCaregiver {
    Id id = 0;
    std::string uuid;
    std::string name;
};

struct DemoChild {
    Id id = 0;
    std::string name;
    long birthDay = 0;    // day number (days since 1970-01-01)
    long firstPlayDay = 0; // first day of their one-on-one history
    int goalMinutes = 10;
    std::vector<int> activityOrder; // a permutation of the activity list: this child's tastes
};

struct DemoContext {
    Store& store; // seeded with the demo seed: uuids repeat
    const DemoOptions& options;
    DemoSummary& summary;
    long firstDay = 0; // day numbers of the history's first and last day
    long lastDay = 0;
    int batchesTotal = 0;
    int batchesDone = 0;

    // Filled by the family part, used by later parts.
    std::vector<DemoCaregiver> caregivers; // [0] is "Me", [1] the co-parent
    std::vector<DemoChild> children;

    // A random stream of one part, from the seed and the part's name.
    DemoRandom random(const std::string& part) const;
    // An instant on a day, `minuteOfDay` minutes after midnight (the demo treats local as UTC).
    static TimestampMs at(long day, int minuteOfDay);
    void count(const std::string& what, int added);
    // Runs `work` as one transaction and reports progress. Returns false (and runs nothing)
    // once the caller asked to stop.
    bool batch(const std::function<void()>& work);
};

struct DemoPart {
    const char* name;
    int (*batches)(const DemoOptions& options); // how many batch() calls the part makes
    void (*generate)(DemoContext& context);
};

// The parts, one per feature.
int familyDemoBatches(const DemoOptions& options);
void generateFamilyDemo(DemoContext& context);
int oneOnOneDemoBatches(const DemoOptions& options);
void generateOneOnOneDemo(DemoContext& context);
int notebookDemoBatches(const DemoOptions& options);
void generateNotebookDemo(DemoContext& context);
int reflectionDemoBatches(const DemoOptions& options);
void generateReflectionDemo(DemoContext& context);

// Activity ideas from resources/content/activities.json (tests check they match).
const std::vector<std::string>& demoActivities();

} // namespace attune::core::demo
