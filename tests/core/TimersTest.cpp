// SPDX-License-Identifier: MIT
// One-on-one timers: one per child, several children at once, pause/resume, stop into a
// pre-filled draft, and the right elapsed time after Attune is closed and opened again.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/Timers.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <memory>

using namespace attune;
using namespace attune::core;

namespace {

constexpr TimestampMs kMinute = 60'000;

class TimersTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock{"2026-11-28"};
    std::unique_ptr<Database> db = std::make_unique<Database>(Database::create(dir / "timers.sqlite"));
    std::unique_ptr<Store> store = std::make_unique<Store>(*db, clock, 7);
    Id maya = 0;
    Id leo = 0;

    void SetUp() override
    {
        Family family(*store);
        store->setActor(family.caregivers().front().meta.uuid);
        ChildDraft d;
        d.name = "Maya";
        d.goalMinutes = 15;
        maya = family.addChild(d).meta.id;
        d.name = "Leo";
        d.goalMinutes = 10;
        leo = family.addChild(d).meta.id;
    }

    // Closes the file as quitting Attune would, and opens it again.
    void restart()
    {
        store.reset();
        db->close();
        db.reset();
        db = std::make_unique<Database>(Database::open(dir / "timers.sqlite"));
        store = std::make_unique<Store>(*db, clock, 8);
    }
};

} // namespace

TEST_F(TimersTest, ARunningTimerCountsWithTheClock)
{
    Timers timers(*store);
    const TimerState started = timers.start(maya);
    EXPECT_EQ(started.childId, maya);
    EXPECT_EQ(started.elapsedMs, 0);
    EXPECT_FALSE(started.isPaused);
    EXPECT_EQ(started.day, "2026-11-28");
    EXPECT_EQ(started.startedAt, clock.nowMs());
    EXPECT_EQ(started.goalMinutes, 15);
    EXPECT_EQ(started.caregiverUuid, store->actor());

    clock.advanceMs(14 * kMinute + 59'000);
    EXPECT_EQ(timers.timer(maya)->elapsedMs, 14 * kMinute + 59'000);
    EXPECT_FALSE(timers.timer(maya)->isGoalReached());
    clock.advanceMs(1000);
    EXPECT_TRUE(timers.timer(maya)->isGoalReached()) << "the goal is reached and the timer keeps counting";
    clock.advanceMs(kMinute);
    EXPECT_EQ(timers.timer(maya)->elapsedMs, 16 * kMinute);
}

TEST_F(TimersTest, PauseAndResumeCountOnlyRunningTime)
{
    Timers timers(*store);
    timers.start(maya);
    clock.advanceMs(3 * kMinute);
    TimerState paused = timers.pause(maya);
    EXPECT_TRUE(paused.isPaused);
    EXPECT_EQ(paused.elapsedMs, 3 * kMinute);
    clock.advanceMs(10 * kMinute); // a phone call
    EXPECT_EQ(timers.timer(maya)->elapsedMs, 3 * kMinute);
    EXPECT_EQ(timers.pause(maya).elapsedMs, 3 * kMinute) << "pausing twice changes nothing";
    TimerState resumed = timers.resume(maya);
    EXPECT_FALSE(resumed.isPaused);
    clock.advanceMs(2 * kMinute);
    EXPECT_EQ(timers.resume(maya).elapsedMs, 5 * kMinute) << "resuming a running timer changes nothing";
}

TEST_F(TimersTest, OneTimerPerChildButSeveralChildrenAtOnce)
{
    Timers timers(*store);
    timers.start(maya);
    try {
        timers.start(maya);
        FAIL() << "a second timer for the same child";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("childId"), "This child's timer is already running.");
    }
    clock.advanceMs(kMinute);
    timers.start(leo);
    const auto active = timers.active();
    ASSERT_EQ(active.size(), 2u);
    EXPECT_EQ(active[0].childId, maya);
    EXPECT_EQ(active[0].elapsedMs, kMinute);
    EXPECT_EQ(active[1].childId, leo);
    EXPECT_EQ(active[1].elapsedMs, 0);
}

TEST_F(TimersTest, StopHandsBackAPrefilledDraftAndFreesTheChild)
{
    Timers timers(*store);
    const TimestampMs startedAt = clock.nowMs();
    timers.start(maya);
    clock.advanceMs(12 * kMinute + 40'000); // whole minutes: 12
    clock.setToday("2026-11-29");           // past midnight: the session stays on its day
    const SessionDraft draft = timers.stop(maya);
    EXPECT_EQ(draft.childId, maya);
    EXPECT_EQ(draft.minutes, 12);
    EXPECT_EQ(draft.day, "2026-11-28");
    EXPECT_EQ(draft.startMs, startedAt);
    EXPECT_EQ(draft.caregiverUuid, store->actor());
    EXPECT_FALSE(timers.timer(maya).has_value());
    EXPECT_TRUE(timers.active().empty());

    const Session saved = TimeLog(*store).addSession(draft);
    EXPECT_EQ(saved.data.minutes, 12);
    EXPECT_NO_THROW(timers.start(maya)) << "a new timer once the last one stopped";
}

TEST_F(TimersTest, StopRoundsToAtLeastOneAndAtMostSixHundredMinutes)
{
    Timers timers(*store);
    timers.start(maya);
    clock.advanceMs(20'000);
    EXPECT_EQ(timers.stop(maya).minutes, 1);
    timers.start(maya);
    clock.advanceMs(11 * 60 * kMinute); // forgotten overnight
    EXPECT_EQ(timers.stop(maya).minutes, 600);
}

TEST_F(TimersTest, DiscardEndsWithoutASession)
{
    Timers timers(*store);
    timers.start(leo);
    clock.advanceMs(kMinute);
    timers.discard(leo);
    EXPECT_FALSE(timers.timer(leo).has_value());
    EXPECT_TRUE(TimeLog(*store).sessions({}).empty());
    EXPECT_NO_THROW(timers.start(leo));
}

TEST_F(TimersTest, NoTimerIsAPlainNotFound)
{
    Timers timers(*store);
    for (auto action : {+[](Timers& t, Id id) { t.pause(id); }, +[](Timers& t, Id id) { t.resume(id); },
                        +[](Timers& t, Id id) { t.stop(id); }, +[](Timers& t, Id id) { t.discard(id); }}) {
        try {
            action(timers, maya);
            FAIL();
        } catch (const StorageError& error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::NotFound);
            EXPECT_STREQ(error.what(), "There is no timer running for this child.");
        }
    }
    EXPECT_THROW(timers.start(9999), StorageError);
}

TEST_F(TimersTest, ATrashedChildsTimerIsNoLongerShown)
{
    Timers timers(*store);
    timers.start(leo);
    Family(*store).trashChild(leo);
    EXPECT_TRUE(timers.active().empty());
    Family(*store).restoreChild(leo);
    EXPECT_EQ(timers.active().size(), 1u);
}

TEST_F(TimersTest, ARunningTimerResumesWithTheRightElapsedTimeAfterARestart)
{
    Timers(*store).start(maya);
    clock.advanceMs(4 * kMinute);
    Timers(*store).start(leo);
    Timers(*store).pause(leo);

    restart();
    clock.advanceMs(6 * kMinute); // Attune was closed for six minutes; Maya kept playing
    Timers timers(*store);
    const auto mayaTimer = timers.timer(maya);
    ASSERT_TRUE(mayaTimer.has_value());
    EXPECT_EQ(mayaTimer->elapsedMs, 10 * kMinute);
    EXPECT_FALSE(mayaTimer->isPaused);
    const auto leoTimer = timers.timer(leo);
    ASSERT_TRUE(leoTimer.has_value());
    EXPECT_TRUE(leoTimer->isPaused);
    EXPECT_EQ(leoTimer->elapsedMs, 0);

    timers.resume(leo);
    restart();
    clock.advanceMs(3 * kMinute);
    EXPECT_EQ(Timers(*store).stop(leo).minutes, 3);
    EXPECT_EQ(Timers(*store).stop(maya).minutes, 13);
}

TEST_F(TimersTest, AClockThatJumpsBackNeverShrinksElapsedTime)
{
    Timers timers(*store);
    timers.start(maya);
    clock.advanceMs(5 * kMinute);
    timers.pause(maya);
    timers.resume(maya);
    clock.advanceMs(-2 * kMinute);
    EXPECT_EQ(timers.timer(maya)->elapsedMs, 5 * kMinute);
}

TEST_F(TimersTest, AStoppedTimerNeverLoggedIsOfferedAgainAfterARestart)
{
    const TimestampMs since = clock.nowMs() - 2 * 24 * 60 * kMinute;
    Timers(*store).start(maya);
    Timers(*store).start(leo);
    clock.advanceMs(23 * kMinute);
    const SessionDraft mayaDraft = Timers(*store).stop(maya);
    clock.advanceMs(kMinute);
    Timers(*store).stop(leo);
    // Attune stops while both pre-filled sessions are open: nothing was saved.
    restart();
    auto waiting = Timers(*store).waitingToLog(since);
    ASSERT_EQ(waiting.size(), 2U);
    EXPECT_EQ(waiting[0], mayaDraft) << "the same draft, oldest first";
    EXPECT_EQ(waiting[1].childId, leo);
    EXPECT_EQ(waiting[1].minutes, 24);

    // Maya's is saved (start time untouched): it is logged. Leo's the parent lets go.
    TimeLog(*store).addSession(waiting[0]);
    EXPECT_EQ(Timers(*store).waitingToLog(since).size(), 1U);
    Timers(*store).closeStopped(leo);
    EXPECT_TRUE(Timers(*store).waitingToLog(since).empty());
    EXPECT_NO_THROW(Timers(*store).start(leo));
}

TEST_F(TimersTest, ASessionSavedWithAnotherStartTimeIsClosedExplicitly)
{
    const TimestampMs since = clock.nowMs();
    Timers(*store).start(maya);
    clock.advanceMs(15 * kMinute);
    SessionDraft draft = Timers(*store).stop(maya);
    draft.startMs = *draft.startMs + 5 * kMinute; // the parent corrected the start
    TimeLog(*store).addSession(draft);
    EXPECT_EQ(Timers(*store).waitingToLog(since).size(), 1U) << "no session starts at the timer's start";
    Timers(*store).closeStopped(maya);
    EXPECT_TRUE(Timers(*store).waitingToLog(since).empty());
}

TEST_F(TimersTest, OldStoppedTimersTrashedChildrenAndDiscardedTimersAreNotOffered)
{
    Timers(*store).start(maya);
    clock.advanceMs(10 * kMinute);
    Timers(*store).stop(maya);
    const TimestampMs afterFirst = clock.nowMs() + 1;
    Timers(*store).start(leo);
    Timers(*store).discard(leo);
    EXPECT_TRUE(Timers(*store).waitingToLog(afterFirst).empty()) << "stopped before `since`; a discard is no stop";
    EXPECT_EQ(Timers(*store).waitingToLog(0).size(), 1U);
    Family(*store).trashChild(maya);
    EXPECT_TRUE(Timers(*store).waitingToLog(0).empty());
}

TEST_F(TimersTest, LoggingAStoppedTimerSavesTheSessionAndClosesTheTimerTogether)
{
    Timers(*store).start(maya);
    clock.advanceMs(9 * kMinute);
    SessionDraft draft = Timers(*store).stop(maya);
    draft.startMs = *draft.startMs + kMinute; // even with the start corrected
    const Session saved = Timers(*store).logStopped(draft);
    EXPECT_EQ(saved.data.minutes, 9);
    EXPECT_TRUE(Timers(*store).waitingToLog(0).empty());

    // A refused session closes nothing.
    Timers(*store).start(leo);
    clock.advanceMs(kMinute);
    SessionDraft bad = Timers(*store).stop(leo);
    bad.minutes = 0;
    EXPECT_THROW(Timers(*store).logStopped(bad), ValidationError);
    EXPECT_EQ(Timers(*store).waitingToLog(0).size(), 1U);
}
