// SPDX-License-Identifier: MIT
// Realistic, repeatable demo data for reflections, unsolved problems, Plan B talks and
// repairs, for `attune-cli demo`, screenshots and benchmarks.
#pragma once

#include "attune/core/Types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attune::core {

class Store;

struct ReflectionDemoCounts {
    int reflections = 0; // finished ones
    int drafts = 0;
    int problems = 0;
    int talks = 0;
    int openRepairs = 0;
};

// A few hard moments a month per child over the last `years` years (ending yesterday, by
// the store's clock), problems across every status, Plan B notes, repairs open and done.
// The same seed and clock give the same rows. One transaction; uses the children's birth
// dates for age-fitting moments and their co-regulation items when they have some.
// `today` ("YYYY-MM-DD") overrides the clock's today, so it matches generateDemo()'s options.
ReflectionDemoCounts addReflectionDemo(Store& store, const std::vector<Id>& childIds, int years, std::uint64_t seed,
                                       const std::string& today = {});

} // namespace attune::core
