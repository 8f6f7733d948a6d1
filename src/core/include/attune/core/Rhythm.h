// SPDX-License-Identifier: MIT
// The rhythm: a forgiving, exponentially weighted measure of how regular one-on-one time has
// been lately. docs/rhythm.md explains it; tests/core/RhythmTest.cpp pins its maths.
#pragma once

#include <string>
#include <vector>

namespace attune::core {

// How much of the rhythm each counted day keeps: r = λ·r + (1 − λ)·x.
// 0.95 means one blank day after a steady stretch moves it from 100% to 95%, and a day two
// weeks back weighs about half as much as yesterday (0.95^14 ≈ 0.49).
inline constexpr double kRhythmLambda = 0.95;
// Where the rhythm starts on a child's first recorded day: full, because beginning is enough.
inline constexpr double kRhythmStart = 1.0;

enum class RhythmDay {
    WithTime, // a session (done) or "partner did it": x = 1
    Blank,    // nothing recorded: x = 0
    Frozen,   // away or sick (or today before anything is logged): r unchanged
};

// One day's step.
double rhythmStep(double rhythm, RhythmDay day);
// The rhythm after `days`, oldest first, starting from `start`. O(days).
double rhythmOver(const std::vector<RhythmDay>& days, double start = kRhythmStart);

// "How is this calculated?" in plain words, for the GUI and the CLI.
std::string rhythmExplanation();

} // namespace attune::core
