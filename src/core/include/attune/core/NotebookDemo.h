// SPDX-License-Identifier: MIT
// Realistic, repeatable notebook data for `attune-cli demo`, screenshots and benchmarks.
#pragma once

#include "attune/core/Types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attune::core {

class Store;

struct NotebookDemoCounts {
    int entries = 0;
    int evidence = 0;
};

// Fills the notebooks of `childIds` with `years` years of entries, mirror traits, uses, pins
// and evidence lines, ending on the store clock's today and fitting each child's age (when a
// birth date is known). The same seed and today give the same data. One transaction.
// `today` ("YYYY-MM-DD") overrides the clock's today, so it matches generateDemo()'s options.
NotebookDemoCounts addNotebookDemo(Store& store, const std::vector<Id>& childIds, int years, std::uint64_t seed,
                                   const std::string& today = {});

} // namespace attune::core
