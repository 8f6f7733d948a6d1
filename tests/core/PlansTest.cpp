// SPDX-License-Identifier: MIT
// Unsolved problems, their gentle hints, Plan B talks and the Plans page of a child.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/Store.h"
#include "attune/core/Trash.h"
#include "attune/core/Validation.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {

const std::string kEmpty = "Try starting with \"Difficulty…\" and one thing that was hard, like \"Difficulty leaving "
                           "the park when it's time to go\".";
const std::string kStart = "Try starting with \"Difficulty…\", then what was hard to do, like \"Difficulty getting "
                           "dressed before school\".";
const std::string kDoingWord = "After \"Difficulty\", try a doing word for the exact moment, like \"Difficulty getting "
                               "into pyjamas by 7:30\".";
const std::string kMoreThanOne = "This may hold more than one expectation. Try keeping one here and writing the other "
                                 "as its own problem.";

std::string behaviour(const std::string& word)
{
    return "\"" + word + "\" describes what your child did. Try naming what was expected of them instead.";
}

std::string theory(const std::string& word)
{
    return "\"" + word + "\" sounds like a guess about why. You can leave it out: the why is what you'll find out "
                         "together.";
}

std::vector<ProblemHintKind> kinds(const std::string& text)
{
    std::vector<ProblemHintKind> result;
    for (const auto& hint : unsolvedProblemHints(text))
        result.push_back(hint.kind);
    return result;
}

class PlansTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock; // today is 2026-11-28
    Database db = Database::create(dir / "family.sqlite");
    Store store{db, clock, 42};
    Family family{store};
    Reflections reflections{store};
    Plans plans{store};
    Id maya = 0;

    void SetUp() override
    {
        store.setActor(family.caregivers().front().meta.uuid);
        ChildDraft child;
        child.name = "Maya";
        maya = family.addChild(child).meta.id;
    }

    int rows(const std::string& table) { return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt(); }

    Problem add(const std::string& text, ProblemStatus status = ProblemStatus::ToDiscuss, PlanKind plan = PlanKind::B,
                const std::string& reviewOn = {})
    {
        ProblemDraft draft;
        draft.childId = maya;
        draft.text = text;
        draft.status = status;
        draft.plan = plan;
        draft.reviewOn = reviewOn;
        return plans.addProblem(draft);
    }
};

} // namespace

TEST(ProblemHints, AWellWrittenProblemGetsNoHints)
{
    EXPECT_TRUE(unsolvedProblemHints("Difficulty turning off the tablet when asked before dinner on school nights.")
                    .empty());
    EXPECT_TRUE(unsolvedProblemHints("  difficulty getting into pyjamas by 7:30").empty());
    EXPECT_TRUE(unsolvedProblemHints("Difficulty putting away the Lego and the trains after tea").empty());
    EXPECT_TRUE(unsolvedProblemHints("Difficulty lying down at nap time").empty()) << "\"lying down\" is no behaviour";
    EXPECT_TRUE(unsolvedProblemHints("Difficulty leaving for school since Monday").empty()) << "\"since\" a day is fine";
}

TEST(ProblemHints, EmptyTextGetsOneStartingHint)
{
    const std::vector<ProblemHint> expected = {{ProblemHintKind::Empty, "", kEmpty}};
    EXPECT_EQ(unsolvedProblemHints(""), expected);
    EXPECT_EQ(unsolvedProblemHints(" \n\t"), expected);
}

TEST(ProblemHints, TheWeakExampleGetsEveryHintItNeeds)
{
    const std::vector<ProblemHint> expected = {
        {ProblemHintKind::StartWithDifficulty, "", kStart},
        {ProblemHintKind::BehaviourWord, "screams", behaviour("screams")},
        {ProblemHintKind::Theory, "because", theory("because")},
    };
    EXPECT_EQ(unsolvedProblemHints("Screams and hits when asked to turn off tablet because he's addicted"), expected);
}

TEST(ProblemHints, DifficultyNeedsADoingWord)
{
    const std::vector<ProblemHint> expected = {{ProblemHintKind::NeedsDoingWord, "with", kDoingWord}};
    EXPECT_EQ(unsolvedProblemHints("Difficulty with mornings"), expected);
    EXPECT_EQ(kinds("Difficulty"), std::vector<ProblemHintKind>{ProblemHintKind::NeedsDoingWord});
    EXPECT_EQ(kinds("Difficulty morning routine"), std::vector<ProblemHintKind>{ProblemHintKind::NeedsDoingWord});
    EXPECT_EQ(kinds("Trouble with bedtime"), std::vector<ProblemHintKind>{ProblemHintKind::StartWithDifficulty});
}

TEST(ProblemHints, BehaviourWordsAreNamedAsWritten)
{
    const auto hints = unsolvedProblemHints("Difficulty getting in the bath without a MELTDOWN");
    ASSERT_EQ(hints.size(), 1u);
    EXPECT_EQ(hints[0], (ProblemHint{ProblemHintKind::BehaviourWord, "meltdown", behaviour("meltdown")}));
    EXPECT_EQ(unsolvedProblemHints("Difficulty stopping play; she refuses and throws toys")[0].word, "refuses");
    EXPECT_EQ(unsolvedProblemHints("Difficulty sharing toys, runs off")[0].word, "runs off");
    EXPECT_TRUE(unsolvedProblemHints("Difficulty getting ready a bit earlier").empty()) << "\"a bit\" is no bite";
}

TEST(ProblemHints, TheoriesAreNamedGently)
{
    EXPECT_EQ(unsolvedProblemHints("Difficulty starting homework since he's tired")[0],
              (ProblemHint{ProblemHintKind::Theory, "since he's", theory("since he's")}));
    EXPECT_EQ(unsolvedProblemHints("Difficulty sharing due to jealousy")[0].word, "due to");
    EXPECT_EQ(unsolvedProblemHints("Difficulty waiting, she just wants attention")[0].word, "wants attention");
}

TEST(ProblemHints, TwoExpectationsJoinedByAndAreNoticed)
{
    const std::vector<ProblemHint> expected = {{ProblemHintKind::MoreThanOne, "and brushing", kMoreThanOne}};
    EXPECT_EQ(unsolvedProblemHints("Difficulty getting dressed and brushing teeth before school"), expected);
    EXPECT_EQ(unsolvedProblemHints("Difficulty getting dressed, and then brushing teeth")[0].word, "and brushing");
    EXPECT_EQ(unsolvedProblemHints("Difficulty tidying up & getting ready for bed")[0].word, "and getting");
    EXPECT_EQ(unsolvedProblemHints("Difficulty tidying up. Difficulty getting ready for bed.")[0].word, "difficulty");
    EXPECT_TRUE(unsolvedProblemHints("Difficulty leaving the house in the morning and evening").empty());
}

TEST_F(PlansTest, HintsNeverBlockSaving)
{
    const Problem problem = add("Hits his sister because he's jealous");
    EXPECT_EQ(problem.data.text, "Hits his sister because he's jealous");
    EXPECT_EQ(rows("problems"), 1);
}

TEST_F(PlansTest, ProblemRoundTripsAndChangesStatus)
{
    const Problem problem = add("  Difficulty leaving the park at five  ", ProblemStatus::ToDiscuss, PlanKind::B,
                                "2026-12-12");
    EXPECT_EQ(problem.data.text, "Difficulty leaving the park at five");
    EXPECT_EQ(problem.data.plan, PlanKind::B);
    EXPECT_EQ(problem.data.reviewOn, "2026-12-12");
    EXPECT_EQ(problem.meta.updatedBy, store.actor());
    plans.setStatus(problem.meta.id, ProblemStatus::Trying);
    EXPECT_EQ(plans.problem(problem.meta.id).data.status, ProblemStatus::Trying);
    ProblemDraft changed = plans.problem(problem.meta.id).data;
    changed.plan = PlanKind::C;
    changed.status = ProblemStatus::SetAside;
    plans.updateProblem(problem.meta.id, plans.problem(problem.meta.id).data, changed);
    EXPECT_EQ(plans.problem(problem.meta.id).data, changed);
    EXPECT_EQ(plans.problems(maya).size(), 1u);
}

TEST_F(PlansTest, BadProblemInputGetsPlainMessages)
{
    ProblemDraft draft;
    draft.childId = maya;
    draft.text = "   ";
    draft.reviewOn = "next week";
    try {
        plans.addProblem(draft);
        FAIL();
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("text"), "Please write the problem in a few words, starting with \"Difficulty…\".");
        EXPECT_EQ(error.messageFor("reviewOn"), "Please enter the review day as year-month-day, like 2026-03-14.");
    }
    draft.text = std::string(301, 'd');
    draft.reviewOn = "";
    try {
        plans.addProblem(draft);
        FAIL();
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("text"),
                  "Please keep the problem to 300 characters. One clear expectation is easier to talk about.");
    }
    EXPECT_EQ(rows("problems"), 0);
}

TEST_F(PlansTest, AProblemWrittenInAReflectionIsLinkedBothWays)
{
    ReflectionDraft draft;
    draft.uuid = reflections.newDraftUuid();
    draft.childId = maya;
    draft.step = 8;
    draft.summary = "Park";
    const Id reflectionId = reflections.saveDraft(draft, ReflectionField::Summary);
    ProblemDraft problemDraft;
    problemDraft.childId = maya;
    problemDraft.text = "Difficulty leaving the park at five";
    problemDraft.reflectionId = reflectionId;
    const Problem problem = plans.addProblem(problemDraft);
    EXPECT_EQ(problem.data.reflectionId, reflectionId);
    EXPECT_EQ(reflections.reflection(reflectionId).data.problemId, problem.meta.id);

    // A later hard moment can point at the same problem.
    ReflectionDraft again;
    again.uuid = reflections.newDraftUuid();
    again.childId = maya;
    again.problemId = problem.meta.id;
    const Id second = reflections.saveDraft(again, ReflectionField::Problem);
    EXPECT_EQ(reflections.reflection(second).data.problemId, problem.meta.id);
}

TEST_F(PlansTest, PlanBTalksKeepTheirNotesInThreeParts)
{
    const Problem problem = add("Difficulty stopping the game at 8:30 on school nights");
    PlanBTalkDraft talk;
    talk.problemId = problem.meta.id;
    talk.scheduledOn = "2026-11-30";
    talk.scheduledTime = "16:30";
    const PlanBTalk planned = plans.addTalk(talk);
    EXPECT_EQ(planned.data, talk);

    talk.childConcern = "I'm in the middle of a level with my friends.";
    talk.myConcern = "The thing is, you're tired the next day.";
    talk.ideas = test::hardText();
    talk.agreed = "A ten-minute warning, and finishing the level.";
    talk.likelihood = 4;
    talk.reviewOn = "2026-12-14";
    plans.updateTalk(planned.meta.id, planned.data, talk);
    EXPECT_EQ(plans.talk(planned.meta.id).data, talk);

    PlanBTalkDraft second = talk;
    second.scheduledOn = "2026-12-14";
    second.reviewOn = "";
    plans.addTalk(second);
    const auto talks = plans.talks(problem.meta.id);
    ASSERT_EQ(talks.size(), 2u);
    EXPECT_EQ(talks[0].meta.id, planned.meta.id);
}

TEST_F(PlansTest, BadTalkInputGetsPlainMessages)
{
    const Problem problem = add("Difficulty stopping the game at 8:30");
    PlanBTalkDraft talk;
    talk.problemId = problem.meta.id;
    talk.scheduledTime = "4pm";
    talk.likelihood = 6;
    talk.myConcern = std::string(limits::kLongTextMax + 1, 'm');
    try {
        plans.addTalk(talk);
        FAIL();
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("scheduledOn"), "Please choose a day for the talk.");
        EXPECT_EQ(error.messageFor("scheduledTime"), "Please enter the time as hours and minutes, like 17:45.");
        EXPECT_EQ(error.messageFor("likelihood"), "Choose how likely it is to work, from 1 (not very) to 5 (very).");
        EXPECT_EQ(error.messageFor("myConcern"), "This is longer than Attune can keep (1 MB). Please shorten it.");
    }
    talk = {};
    talk.problemId = problem.meta.id;
    talk.scheduledOn = "2026-12-10";
    talk.reviewOn = "2026-12-01";
    try {
        plans.addTalk(talk);
        FAIL();
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("reviewOn"), "The review day comes before the talk. Please check it.");
    }
    talk.reviewOn = "";
    talk.problemId = 999;
    EXPECT_THROW(plans.addTalk(talk), ValidationError);
    EXPECT_EQ(rows("plan_b_talks"), 0);
}

TEST_F(PlansTest, PlansPageGroupsByStatusWithReviewsDueTalksAndOpenRepairs)
{
    const Problem park = add("Difficulty leaving the park at five", ProblemStatus::Trying, PlanKind::B, "2026-11-28");
    const Problem bath = add("Difficulty getting in the bath", ProblemStatus::ToDiscuss, PlanKind::B, "2026-12-20");
    const Problem shoes = add("Difficulty finding shoes by 8:00", ProblemStatus::Solved, PlanKind::B, "2026-01-01");
    const Problem shop = add("Difficulty waiting at the checkout", ProblemStatus::SetAside, PlanKind::C, "2026-11-01");

    PlanBTalkDraft talk;
    talk.problemId = bath.meta.id;
    talk.scheduledOn = "2026-11-20";
    talk.reviewOn = "2026-11-27";
    const PlanBTalk bathTalk = plans.addTalk(talk);
    talk.scheduledOn = "2026-11-28";
    talk.reviewOn = "";
    plans.addTalk(talk); // today
    talk.problemId = park.meta.id;
    talk.scheduledOn = "2026-12-03";
    plans.addTalk(talk);

    ReflectionDraft hard;
    hard.uuid = reflections.newDraftUuid();
    hard.childId = maya;
    hard.summary = "Yelled about shoes";
    hard.lostTemper = true;
    const Id yelled = reflections.quickSave(hard);
    reflections.saveDraft(hard, ReflectionField::LostTemper);

    PlansPage page = plans.page(maya, clock.today());
    EXPECT_EQ(page.counts, (std::array<int, 4>{1, 1, 1, 1}));
    ASSERT_EQ(page.problems[static_cast<std::size_t>(ProblemStatus::Trying)].size(), 1u);
    const ProblemSummary& trying = page.problems[static_cast<std::size_t>(ProblemStatus::Trying)][0];
    EXPECT_EQ(trying.id, park.meta.id);
    EXPECT_EQ(trying.talkCount, 1);
    EXPECT_EQ(trying.nextTalkOn, "2026-12-03");
    const ProblemSummary& toDiscuss = page.problems[static_cast<std::size_t>(ProblemStatus::ToDiscuss)][0];
    EXPECT_EQ(toDiscuss.talkCount, 2);
    EXPECT_EQ(toDiscuss.nextTalkOn, "2026-11-28");

    // Due: the set-aside problem's review (Nov 1) and the park review (today). The bath
    // talk's review (Nov 27) is no longer due: a newer talk about it is planned. The solved
    // problem's old review date never shows.
    ASSERT_EQ(page.reviewsDue.size(), 2u);
    EXPECT_EQ(page.reviewsDue[0].problemId, shop.meta.id);
    EXPECT_EQ(page.reviewsDue[0].reviewOn, "2026-11-01");
    EXPECT_EQ(page.reviewsDue[1].problemId, park.meta.id);
    EXPECT_EQ(page.reviewsDue[1].talkId, 0);
    (void)bathTalk;
    (void)shoes;

    ASSERT_EQ(page.upcomingTalks.size(), 2u);
    EXPECT_EQ(page.upcomingTalks[0].scheduledOn, "2026-11-28");
    EXPECT_EQ(page.upcomingTalks[1].problemText, "Difficulty leaving the park at five");
    ASSERT_EQ(page.openRepairs.size(), 1u);
    EXPECT_EQ(page.openRepairs[0].reflectionId, yelled);

    const PlansDue due = plans.due(maya, clock.today());
    EXPECT_EQ(due.reviewsDue, 2);
    EXPECT_EQ(due.talksToday, 1);
    EXPECT_EQ(due.openRepairs, 1);

    reflections.markRepairDone(yelled);
    EXPECT_TRUE(plans.page(maya, clock.today()).openRepairs.empty());
}

TEST_F(PlansTest, ReviewsAreDueOncePerProblemUntilItIsSolved)
{
    const Problem bath = add("Difficulty getting in the bath", ProblemStatus::Trying);
    PlanBTalkDraft talk;
    talk.problemId = bath.meta.id;
    talk.scheduledOn = "2026-11-10";
    talk.reviewOn = "2026-11-24";
    const PlanBTalk held = plans.addTalk(talk);
    auto due = plans.page(maya, clock.today()).reviewsDue;
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].talkId, held.meta.id);

    // With its own earlier review date too, the problem still shows once, at the earlier day.
    ProblemDraft withReview = plans.problem(bath.meta.id).data;
    withReview.reviewOn = "2026-11-20";
    plans.updateProblem(bath.meta.id, plans.problem(bath.meta.id).data, withReview);
    due = plans.page(maya, clock.today()).reviewsDue;
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].reviewOn, "2026-11-20");
    EXPECT_EQ(due[0].talkId, 0);
    EXPECT_EQ(plans.due(maya, clock.today()).reviewsDue, 1);

    plans.setStatus(bath.meta.id, ProblemStatus::Solved);
    EXPECT_TRUE(plans.page(maya, clock.today()).reviewsDue.empty());
}

TEST_F(PlansTest, EachStatusListIsCutAtThePageLimitButCountsEverything)
{
    for (int i = 0; i < 5; ++i) {
        add("Difficulty number " + std::to_string(i), ProblemStatus::Solved);
        clock.advanceMs(1000);
    }
    const PlansPage page = plans.page(maya, clock.today(), 3);
    const auto& solved = page.problems[static_cast<std::size_t>(ProblemStatus::Solved)];
    ASSERT_EQ(solved.size(), 3u);
    EXPECT_EQ(solved[0].text, "Difficulty number 4") << "newest first";
    EXPECT_EQ(page.counts[static_cast<std::size_t>(ProblemStatus::Solved)], 5);
}

TEST_F(PlansTest, TrashedProblemsAndTalksLeaveThePageAndComeBack)
{
    const Problem park = add("Difficulty leaving the park at five", ProblemStatus::Trying, PlanKind::B, "2026-11-01");
    PlanBTalkDraft talk;
    talk.problemId = park.meta.id;
    talk.scheduledOn = "2026-12-01";
    const PlanBTalk planned = plans.addTalk(talk);
    plans.trashTalk(planned.meta.id);
    EXPECT_TRUE(plans.page(maya, clock.today()).upcomingTalks.empty());
    plans.trashProblem(park.meta.id);
    PlansPage page = plans.page(maya, clock.today());
    EXPECT_TRUE(page.reviewsDue.empty());
    EXPECT_EQ(page.counts[static_cast<std::size_t>(ProblemStatus::Trying)], 0);

    Trash trash(store);
    const auto entries = trash.entries();
    ASSERT_EQ(entries.size(), 2u);
    std::set<std::string> titles;
    for (const auto& entry : entries)
        titles.insert(entry.title);
    EXPECT_TRUE(titles.count("Difficulty leaving the park at five"));
    EXPECT_TRUE(titles.count("Plan B talk on 2026-12-01"));
    plans.restoreProblem(park.meta.id);
    plans.restoreTalk(planned.meta.id);
    page = plans.page(maya, clock.today());
    EXPECT_EQ(page.reviewsDue.size(), 1u);
    EXPECT_EQ(page.upcomingTalks.size(), 1u);
}

TEST_F(PlansTest, PageQueriesUseIndexes)
{
    // The Plans page and the lists must not scan whole tables as the years pile up.
    auto plan = [&](const std::string& sql) {
        SQLite::Statement explain(db.sql(), "EXPLAIN QUERY PLAN " + sql);
        std::string text;
        while (explain.executeStep())
            text += explain.getColumn(3).getString() + "\n";
        return text;
    };
    EXPECT_EQ(plan("SELECT id FROM reflections WHERE child_id = 1 AND deleted_at IS NULL AND repair_state = 'open'")
                  .find("SCAN reflections"),
              std::string::npos);
    EXPECT_EQ(plan("SELECT id FROM reflections WHERE child_id = 1 AND deleted_at IS NULL").find("SCAN reflections"),
              std::string::npos);
    EXPECT_EQ(plan("SELECT id FROM problems WHERE child_id = 1 AND deleted_at IS NULL").find("SCAN problems"),
              std::string::npos);
    EXPECT_EQ(plan("SELECT id FROM plan_b_talks WHERE problem_id = 1 AND deleted_at IS NULL")
                  .find("SCAN plan_b_talks"),
              std::string::npos);
}
