// SPDX-License-Identifier: MIT
#include "attune/core/Rhythm.h"

namespace attune::core {

double rhythmStep(double rhythm, RhythmDay day)
{
    switch (day) {
    case RhythmDay::WithTime:
        return kRhythmLambda * rhythm + (1.0 - kRhythmLambda);
    case RhythmDay::Blank:
        return kRhythmLambda * rhythm;
    case RhythmDay::Frozen:
        break;
    }
    return rhythm;
}

double rhythmOver(const std::vector<RhythmDay>& days, double start)
{
    double rhythm = start;
    for (const RhythmDay day : days)
        rhythm = rhythmStep(rhythm, day);
    return rhythm;
}

std::string rhythmExplanation()
{
    return "Rhythm is a gentle measure of how regular one-on-one time has been lately. It is not a score "
           "and it never resets.\n\n"
           "It starts full on the first day you record anything for a child. Each day after that, it moves "
           "5% of the way toward full when the day had one-on-one time (yours, or a partner's), and 5% of "
           "the way toward empty when the day stayed blank. Away and sick days are left out: the rhythm "
           "waits for you. Today only counts once something is logged.\n\n"
           "So one quiet day moves it only a little (from 100% to 95%), and recent days matter most: a day "
           "two weeks ago counts about half as much as yesterday, and a day two months ago hardly at all.\n\n"
           "In numbers: rhythm = 0.95 \xC3\x97 yesterday's rhythm + 0.05 \xC3\x97 today, where today is 1 "
           "with one-on-one time and 0 without.";
}

} // namespace attune::core
