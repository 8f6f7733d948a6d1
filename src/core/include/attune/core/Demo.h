// SPDX-License-Identifier: MIT
// A deterministic, realistic family history for demos, screenshots and benchmarks.
// Each feature adds its own part (see src/core/src/demo/DemoParts.h); parts run in order.
#pragma once

#include "attune/core/Errors.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace attune::core {

class Store;

namespace limits {
inline constexpr int kDemoYearsMax = 30;
inline constexpr int kDemoChildrenMax = 8;
} // namespace limits

struct DemoOptions {
    int years = 10;           // 1–30
    int children = 4;         // 1–8
    std::uint64_t seed = 1;   // same seed (and today) → identical rows, uuids included
    std::string today;        // last day of the history; empty means the Store's clock today
    // Called after each batch with (batches done, batches in all); may be empty.
    std::function<void(int, int)> progress;
    // When set and true, generation stops after the current batch (each batch is one
    // transaction, so what was written is whole).
    const std::atomic<bool>* stop = nullptr;
};

struct DemoSummary {
    std::vector<std::pair<std::string, int>> counts; // ("sessions", 12345), in the order made
    std::string firstDay;
    std::string lastDay;
    bool isCancelled = false;
    int count(const std::string& what) const;
};

// The option rules alone (years, children, today), so a caller can refuse bad options before
// it creates a file for the demo.
std::vector<FieldError> validateDemoOptions(const DemoOptions& options);

// Adds the demo family to a file that has no children yet; otherwise ValidationError
// ("children") and nothing is written. Bad options are a ValidationError too.
DemoSummary generateDemo(Store& store, const DemoOptions& options = {});

} // namespace attune::core
