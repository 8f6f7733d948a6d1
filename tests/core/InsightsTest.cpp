// SPDX-License-Identifier: MIT
// Insights: hard moments by part of day and weekday, top needs and skills, problems by month,
// one-on-one minutes per week and the weeks comparison, on a small hand-counted family.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Insights.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"

#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {

using Counts5 = std::array<int, kPartOfDayCount>;
using Counts7 = std::array<int, 7>;

class InsightsTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock; // today is Saturday 2026-11-28
    Database db = Database::create(dir / "family.sqlite");
    Store store{db, clock, 7};
    Family family{store};
    Reflections reflections{store};
    TimeLog timeLog{store};
    Plans plans{store};
    Insights insights{store};
    Id maya = 0;
    Id leo = 0;

    void SetUp() override
    {
        store.setActor(family.caregivers().front().meta.uuid);
        ChildDraft child;
        child.name = "Maya";
        maya = family.addChild(child).meta.id;
        child.name = "Leo";
        leo = family.addChild(child).meta.id;
    }

    Id moment(Id childId, const std::string& day, const std::string& time, std::vector<std::string> needs = {},
              std::vector<std::string> skills = {}, bool wasTransition = false)
    {
        ReflectionDraft draft;
        draft.uuid = reflections.newDraftUuid();
        draft.childId = childId;
        draft.safety = SafetyAnswer::AllSafe;
        draft.happenedOn = day;
        draft.happenedTime = time;
        draft.summary = "A hard moment";
        draft.unmetNeeds = std::move(needs);
        draft.laggingSkills = std::move(skills);
        draft.wasTransition = wasTransition;
        return reflections.finish(draft);
    }

    Id session(Id childId, const std::string& day, int minutes)
    {
        SessionDraft draft;
        draft.childId = childId;
        draft.day = day;
        draft.minutes = minutes;
        return timeLog.addSession(draft).meta.id;
    }

    // The family of the tests below (range 2026-11-02 … 2026-11-28: weeks W0 = 11-02,
    // W1 = 11-09, W2 = 11-16, and W3 = 11-23, which is not whole).
    void addFamilyNotes()
    {
        moment(maya, "2026-11-24", "07:30", {"hungry", "tired"}, {"transitions"}, true); // Tue morning, W3
        moment(maya, "2026-11-26", "17:40", {"tired"}, {"transitions", "persistence"});   // Thu evening, W3
        moment(maya, "2026-11-16", "", {"tired"});                                        // Mon, no time, W2
        moment(maya, "2026-11-03", "15:00");                                              // Tue afternoon, W0
        moment(leo, "2026-11-28", "22:10", {"hungry"}, {"sequencing"}, true);              // Sat night, W3
        moment(leo, "2026-11-22", "04:59");                                               // Sun night, W2
        moment(maya, "2026-10-01", "09:00", {"tired"});  // before the range: counts nowhere, but Maya's notes began then
        reflections.trash(moment(maya, "2026-11-20", "12:00", {"tired"})); // trashed

        ReflectionDraft draft; // a draft is not counted
        draft.uuid = reflections.newDraftUuid();
        draft.childId = maya;
        draft.happenedOn = "2026-11-25";
        draft.happenedTime = "10:00";
        draft.unmetNeeds = {"hungry"};
        reflections.saveDraft(draft, ReflectionField::UnmetNeeds);

        session(maya, "2026-11-09", 20); // W1: three days, 50 minutes
        session(maya, "2026-11-11", 15);
        session(maya, "2026-11-15", 10); // Sunday: still W1
        session(maya, "2026-11-15", 5);
        session(maya, "2026-11-16", 30); // Monday: W2
        session(maya, "2026-11-23", 10); // W3
        timeLog.trashSession(session(maya, "2026-11-24", 60));
        session(leo, "2026-11-18", 10); // Leo's first notes: W2, three days
        session(leo, "2026-11-19", 10);
        session(leo, "2026-11-20", 10);
        session(leo, "2026-11-27", 15);
    }
};

} // namespace

TEST_F(InsightsTest, LastWeeksEndTodayAndStartOnAMonday)
{
    EXPECT_EQ(Insights::lastWeeks("2026-11-28"), std::make_pair(std::string("2026-09-07"), std::string("2026-11-28")));
    EXPECT_EQ(Insights::lastWeeks("2026-11-28", 4).first, "2026-11-02");
    EXPECT_EQ(Insights::lastWeeks("2026-11-23", 1).first, "2026-11-23");
    EXPECT_EQ(Insights::lastWeeks("2026-11-29", 1).first, "2026-11-23") << "Sunday ends the week";
}

TEST_F(InsightsTest, EmptyDataGivesZerosAndEveryWeek)
{
    const InsightsReport report = insights.report("2026-11-02", "2026-11-28");
    EXPECT_EQ(report.hardMoments, 0);
    EXPECT_EQ(report.byPartOfDay, Counts5{});
    EXPECT_EQ(report.byWeekday, Counts7{});
    EXPECT_TRUE(report.unmetNeeds.empty());
    EXPECT_TRUE(report.laggingSkills.empty());
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0], (ProblemMonth{"2026-11", {}}));
    EXPECT_EQ(report.weekStarts, (std::vector<std::string>{"2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"}));
    ASSERT_EQ(report.oneOnOne.size(), 2u) << "every active child has a row, even with no minutes";
    EXPECT_EQ(report.oneOnOne[0].minutes, (std::vector<int>{0, 0, 0, 0}));
    EXPECT_EQ(report.weeks, (WeeksComparison{3, 0, 0, 0, 0})) << "weeks before any notes are not compared";
    EXPECT_EQ(insights.report("2026-11-02", "2026-11-28", 0, Insights::kEvenSplit).weeks, (WeeksComparison{1, 0, 0, 0, 0}));
}

TEST_F(InsightsTest, HardMomentsByPartOfDayWeekdayAndTransition)
{
    addFamilyNotes();
    const InsightsReport report = insights.report("2026-11-02", "2026-11-28");
    EXPECT_EQ(report.hardMoments, 6) << "trashed, drafts and days outside the range are left out";
    // Morning, afternoon, evening, night (22:10 and 04:59), no time given.
    EXPECT_EQ(report.byPartOfDay, (Counts5{1, 1, 1, 2, 1}));
    // Monday … Sunday.
    EXPECT_EQ(report.byWeekday, (Counts7{1, 2, 0, 1, 0, 1, 1}));
    EXPECT_EQ(report.duringTransition, 2);
}

TEST_F(InsightsTest, TopNeedsAndSkillsCountEachMomentOnce)
{
    addFamilyNotes();
    const InsightsReport report = insights.report("2026-11-02", "2026-11-28");
    EXPECT_EQ(report.unmetNeeds, (std::vector<KeyCount>{{"tired", 3}, {"hungry", 2}}));
    EXPECT_EQ(report.laggingSkills, (std::vector<KeyCount>{{"transitions", 2}, {"persistence", 1}, {"sequencing", 1}}));
    EXPECT_EQ(insights.report("2026-11-02", "2026-11-28", 0, 3, 1).laggingSkills,
              (std::vector<KeyCount>{{"transitions", 2}}))
        << "`top` cuts the list";
}

TEST_F(InsightsTest, OneOnOneMinutesPerWeekSplitOnMondays)
{
    addFamilyNotes();
    const InsightsReport report = insights.report("2026-11-02", "2026-11-28");
    ASSERT_EQ(report.oneOnOne.size(), 2u);
    EXPECT_EQ(report.oneOnOne[0].name, "Maya");
    EXPECT_EQ(report.oneOnOne[0].minutes, (std::vector<int>{0, 50, 30, 10}));
    EXPECT_EQ(report.oneOnOne[1].name, "Leo");
    EXPECT_EQ(report.oneOnOne[1].minutes, (std::vector<int>{0, 0, 30, 15}));
    EXPECT_DOUBLE_EQ(report.oneOnOne[0].averageMinutes(), 22.5);
}

TEST_F(InsightsTest, WeeksWithMoreOneOnOneDaysBesideWeeksWithFewer)
{
    addFamilyNotes();
    // Whole weeks only (W3 ends after the 28th). Maya's notes began in October, so her W0,
    // W1 and W2 count; Leo's began in W2. More (>= 3 days): Maya W1 (0 moments), Leo W2 (1).
    // Fewer: Maya W0 (1 moment) and W2 (1 moment; the trashed one on the 20th is left out).
    const WeeksComparison weeks = insights.report("2026-11-02", "2026-11-28").weeks;
    EXPECT_EQ(weeks, (WeeksComparison{3, 2, 1, 2, 2}));
    EXPECT_DOUBLE_EQ(weeks.moreAverage(), 0.5);
    EXPECT_DOUBLE_EQ(weeks.fewerAverage(), 1.0);

    // With one day enough: Maya W1, W2 and Leo W2 are "more".
    EXPECT_EQ(insights.report("2026-11-02", "2026-11-28", 0, 1).weeks, (WeeksComparison{1, 3, 2, 1, 1}));
    // The even split: day counts are Maya 0, 3, 1 and Leo 3; "2 or more" gives 2 beside 2.
    EXPECT_EQ(insights.report("2026-11-02", "2026-11-28", 0, Insights::kEvenSplit).weeks,
              (WeeksComparison{2, 2, 1, 2, 2}));
    // A range ending on a Sunday makes its last week whole.
    EXPECT_EQ(insights.report("2026-11-16", "2026-11-29").weeks, (WeeksComparison{3, 1, 1, 3, 4}));
}

TEST_F(InsightsTest, OneChildOnly)
{
    addFamilyNotes();
    const InsightsReport report = insights.report("2026-11-02", "2026-11-28", leo);
    EXPECT_EQ(report.hardMoments, 2);
    EXPECT_EQ(report.byPartOfDay, (Counts5{0, 0, 0, 2, 0}));
    EXPECT_EQ(report.unmetNeeds, (std::vector<KeyCount>{{"hungry", 1}}));
    ASSERT_EQ(report.oneOnOne.size(), 1u);
    EXPECT_EQ(report.oneOnOne[0].childId, leo);
    EXPECT_EQ(report.weeks, (WeeksComparison{3, 1, 1, 0, 0}));

    EXPECT_EQ(insights.report("2026-11-02", "2026-11-28", maya).hardMoments, 4);
}

TEST_F(InsightsTest, ATrashedChildCountsNowhere)
{
    addFamilyNotes();
    family.trashChild(leo);
    const InsightsReport report = insights.report("2026-11-02", "2026-11-28");
    EXPECT_EQ(report.hardMoments, 4);
    EXPECT_EQ(report.unmetNeeds, (std::vector<KeyCount>{{"tired", 3}, {"hungry", 1}}));
    ASSERT_EQ(report.oneOnOne.size(), 1u);
    EXPECT_EQ(report.weeks, (WeeksComparison{3, 1, 0, 2, 2}));
}

TEST_F(InsightsTest, ProblemsByTheMonthTheyWereWrittenAndWhereTheyStandNow)
{
    const auto at = [&](TimestampMs ms) { clock.advanceMs(ms - clock.nowMs()); };
    const auto add = [&](Id child, ProblemStatus status) {
        ProblemDraft draft;
        draft.childId = child;
        draft.text = "Difficulty leaving the park when it's time to go";
        draft.status = status;
        return plans.addProblem(draft).meta.id;
    };
    at(1'792'065'600'000); // 2026-10-15 12:00 UTC
    const Id october = add(maya, ProblemStatus::ToDiscuss);
    at(1'794'744'000'000); // 2026-11-15 12:00 UTC
    add(maya, ProblemStatus::Trying);
    add(leo, ProblemStatus::ToDiscuss);
    plans.trashProblem(add(maya, ProblemStatus::Solved));
    plans.setStatus(october, ProblemStatus::Solved); // counted where it stands now

    const InsightsReport report = insights.report("2026-10-01", "2026-11-28");
    ASSERT_EQ(report.problems.size(), 2u);
    EXPECT_EQ(report.problems[0], (ProblemMonth{"2026-10", {0, 0, 1, 0}}));
    EXPECT_EQ(report.problems[1], (ProblemMonth{"2026-11", {1, 1, 0, 0}}));
    EXPECT_EQ(insights.report("2026-11-01", "2026-11-28", maya).problems,
              (std::vector<ProblemMonth>{{"2026-11", {0, 1, 0, 0}}}));
}

TEST_F(InsightsTest, ABadRangeIsRefusedPlainly)
{
    try {
        insights.report("28/11/2026", "2026-11-28");
        FAIL() << "expected a ValidationError";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.errors().front().message, "Please enter the day as year-month-day, like 2026-11-28.");
    }
    EXPECT_THROW(insights.report("2026-11-28", "2026-11-01"), ValidationError);
    EXPECT_THROW(insights.report("2000-01-01", "2026-11-28"), ValidationError);
}
