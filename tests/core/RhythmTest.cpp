// SPDX-License-Identifier: MIT
// The rhythm's maths, pinned on cases worked out by hand: r = 0.95·r + 0.05·x, starting at 1,
// x = 1 for a day with time and 0 for a blank day, away and sick days frozen.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"
#include "attune/core/Rhythm.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/TimeSummary.h"

#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {
constexpr double kTolerance = 1e-12;
constexpr RhythmDay T = RhythmDay::WithTime;
constexpr RhythmDay B = RhythmDay::Blank;
constexpr RhythmDay F = RhythmDay::Frozen;
} // namespace

TEST(RhythmMaths, OneStep)
{
    EXPECT_DOUBLE_EQ(rhythmStep(1.0, T), 1.0);        // 0.95·1 + 0.05·1
    EXPECT_DOUBLE_EQ(rhythmStep(1.0, B), 0.95);       // 0.95·1 + 0.05·0
    EXPECT_DOUBLE_EQ(rhythmStep(0.95, T), 0.9525);    // 0.9025 + 0.05
    EXPECT_DOUBLE_EQ(rhythmStep(0.5, T), 0.525);      // 0.475 + 0.05
    EXPECT_DOUBLE_EQ(rhythmStep(0.5, B), 0.475);
    EXPECT_DOUBLE_EQ(rhythmStep(0.8123, F), 0.8123);  // away and sick: unchanged
    EXPECT_NEAR(rhythmStep(0.0, T), 0.05, kTolerance); // 1 − 0.95 is not exactly 0.05 in binary
}

TEST(RhythmMaths, ASteadyStretchStaysFull)
{
    EXPECT_DOUBLE_EQ(rhythmOver(std::vector<RhythmDay>(365, T)), 1.0);
    EXPECT_DOUBLE_EQ(rhythmOver({}), kRhythmStart);
}

TEST(RhythmMaths, OneGapBarelyMovesIt)
{
    std::vector<RhythmDay> days(30, T);
    days.push_back(B);
    EXPECT_NEAR(rhythmOver(days), 0.95, kTolerance); // 100% → 95%
    days.insert(days.end(), 6, T);
    // The shortfall of 0.05 shrinks by 0.95 each day with time: 1 − 0.05·0.95⁶.
    EXPECT_NEAR(rhythmOver(days), 0.96324540546875, kTolerance);
}

TEST(RhythmMaths, AlternatingDays)
{
    // 1 → 0.95 → 0.9525 → 0.904875 → 0.90963125
    EXPECT_NEAR(rhythmOver({B}), 0.95, kTolerance);
    EXPECT_NEAR(rhythmOver({B, T}), 0.9525, kTolerance);
    EXPECT_NEAR(rhythmOver({B, T, B}), 0.904875, kTolerance);
    EXPECT_NEAR(rhythmOver({B, T, B, T}), 0.90963125, kTolerance);
}

TEST(RhythmMaths, TwoBlankWeeksHalveIt)
{
    // 0.95^14 = 0.48767497911552954: a day two weeks back weighs about half as much.
    EXPECT_NEAR(rhythmOver(std::vector<RhythmDay>(14, B)), 0.48767497911552954, kTolerance);
}

TEST(RhythmMaths, AwayAndSickDaysAreFrozen)
{
    EXPECT_NEAR(rhythmOver({T, F, F, B}), 0.95, kTolerance);
    EXPECT_NEAR(rhythmOver({B, F, F, F, F, F, F, F}), 0.95, kTolerance);
    EXPECT_NEAR(rhythmOver({B, F, T}), rhythmOver({B, T}), kTolerance);
    EXPECT_NEAR(rhythmOver({B, B}, 0.5), 0.45125, kTolerance); // 0.5·0.95·0.95
}

TEST(RhythmMaths, TheExplanationSaysTheFormulaInPlainWords)
{
    const std::string text = rhythmExplanation();
    EXPECT_NE(text.find("0.95"), std::string::npos);
    EXPECT_NE(text.find("Away and sick days are left out"), std::string::npos);
    EXPECT_NE(text.find("partner"), std::string::npos);
    EXPECT_EQ(text.find("missed"), std::string::npos);
    EXPECT_EQ(text.find("fail"), std::string::npos);
}

namespace {

class RhythmServiceTest : public ::testing::Test {
protected:
    test::FixedClock clock{"2026-11-28"};
    Database db = Database::openInMemory();
    Store store{db, clock, 5};
    Family family{store};
    TimeLog log{store};
    TimeSummary summary{store};
    Id maya = 0;

    void SetUp() override
    {
        store.setActor(family.caregivers().front().meta.uuid);
        ChildDraft d;
        d.name = "Maya";
        maya = family.addChild(d).meta.id;
    }

    Id add(const std::string& day, int minutes = 10)
    {
        SessionDraft d;
        d.childId = maya;
        d.day = day;
        d.minutes = minutes;
        return log.addSession(d).meta.id;
    }
};

} // namespace

TEST_F(RhythmServiceTest, NoHistoryYetIsFullAndSaysSo)
{
    const Rhythm rhythm = summary.rhythm(maya);
    EXPECT_FALSE(rhythm.hasHistory);
    EXPECT_EQ(rhythm.countedDays, 0);
    EXPECT_EQ(rhythm.percent(), 100);
}

TEST_F(RhythmServiceTest, AHandWorkedFortnight)
{
    add("2026-11-20");                                        // T  1.0
                                                              // B  0.95          (21st)
                                                              // B  0.9025        (22nd)
    log.setDayState(maya, "2026-11-23", DayState::Away);      // F  0.9025
    add("2026-11-24", 25);                                    // T  0.907375
    log.setDayState(maya, "2026-11-25", DayState::PartnerDidIt); // T 0.91200625
    log.setDayState(maya, "2026-11-26", DayState::Sick);      // F  0.91200625
                                                              // B  0.8664059375  (27th)
                                                              // today, nothing yet: F
    Rhythm rhythm = summary.rhythm(maya);
    EXPECT_TRUE(rhythm.hasHistory);
    EXPECT_NEAR(rhythm.value, 0.8664059375, kTolerance);
    EXPECT_EQ(rhythm.countedDays, 6);
    EXPECT_EQ(rhythm.percent(), 87);

    add("2026-11-28"); // today counts once logged: 0.95·0.8664059375 + 0.05
    rhythm = summary.rhythm(maya);
    EXPECT_NEAR(rhythm.value, 0.873085640625, kTolerance);
    EXPECT_EQ(rhythm.countedDays, 7);
}

TEST_F(RhythmServiceTest, TrashTwoSessionsOnADayAndTomorrowsDay)
{
    add("2026-11-26");
    add("2026-11-26", 5); // two sessions are still one day
    const Id trashed = add("2026-11-27");
    log.trashSession(trashed);
    add("2026-11-29"); // logged where it is already tomorrow: counts once that day comes
    // 26th T 1.0, 27th B 0.95, 28th (today, blank) frozen
    EXPECT_NEAR(summary.rhythm(maya).value, 0.95, kTolerance);
    log.restoreSession(trashed);
    EXPECT_NEAR(summary.rhythm(maya).value, 1.0, kTolerance);
}

TEST_F(RhythmServiceTest, ASessionOnASickDayCountsAsTime)
{
    add("2026-11-25");
    add("2026-11-26");
    log.setDayState(maya, "2026-11-26", DayState::Sick);
    log.setDayState(maya, "2026-11-27", DayState::Sick);
    EXPECT_NEAR(summary.rhythm(maya).value, 1.0, kTolerance);
    EXPECT_EQ(summary.rhythm(maya).countedDays, 2);
}

TEST_F(RhythmServiceTest, HistoryMayStartWithADayState)
{
    log.setDayState(maya, "2026-11-24", DayState::Away); // F 1.0
                                                         // B 0.95 (25th)
    add("2026-11-26");                                   // T 0.9525
                                                         // B 0.904875 (27th)
    const Rhythm rhythm = summary.rhythm(maya);
    EXPECT_TRUE(rhythm.hasHistory);
    EXPECT_NEAR(rhythm.value, 0.904875, kTolerance);
    EXPECT_EQ(rhythm.countedDays, 3);
}
