// SPDX-License-Identifier: MIT
// attune-cli reflections / plans end to end: the file is filled through the core, then the
// real binary reads it.
#include "CliHarness.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/ReflectionDemo.h"
#include "attune/core/Store.h"

#include <gtest/gtest.h>

using namespace attune;

namespace {

using test::CliRun;

class ReflectionCliTest : public test::CliHarness {
protected:
    const std::filesystem::path& dbPath = db;
    // The CLI reads the system clock, so the file is written with it too.
    core::SystemClock clock;
    std::string today = clock.today();

    std::string daysFromToday(long days)
    {
        return core::formatDate(core::civilFromDays(core::daysFromCivil(*core::parseDate(today)) + days));
    }

    // Maya: a saved reflection with an open repair, a draft at step 4, two problems with a
    // review due and a talk coming up. Leo: nothing yet.
    void fillFamily()
    {
        core::Database database = core::Database::create(dbPath);
        core::Store store(database, clock, 5);
        core::Family family(store);
        store.setActor(family.caregivers().front().meta.uuid);
        core::ChildDraft child;
        child.name = "Maya";
        const core::Id maya = family.addChild(child).meta.id;
        child.name = "Leo";
        family.addChild(child);

        core::Reflections reflections(store);
        core::ReflectionDraft saved;
        saved.uuid = reflections.newDraftUuid();
        saved.childId = maya;
        saved.happenedOn = daysFromToday(-2);
        saved.happenedTime = "17:10";
        saved.summary = "Meltdown leaving the park";
        saved.whatHappened = "Dropped to the ground.\nCried all the way home.";
        saved.activationBefore = 8;
        saved.activationAfter = 3;
        saved.lostTemper = true;
        reflections.finish(saved);

        core::ReflectionDraft draft;
        draft.uuid = reflections.newDraftUuid();
        draft.childId = maya;
        draft.step = 4;
        draft.happenedOn = daysFromToday(-5);
        draft.whatHappened = "Bath time\nwent badly";
        reflections.saveDraft(draft, core::ReflectionField::WhatHappened);

        core::Plans plans(store);
        core::ProblemDraft park;
        park.childId = maya;
        park.text = "Difficulty leaving the playground when it's time to go";
        park.status = core::ProblemStatus::Trying;
        park.plan = core::PlanKind::B;
        park.reviewOn = daysFromToday(-1);
        plans.addProblem(park);
        core::ProblemDraft bath;
        bath.childId = maya;
        bath.text = "Difficulty getting in the bath after dinner";
        const core::Problem bathProblem = plans.addProblem(bath);
        core::PlanBTalkDraft talk;
        talk.problemId = bathProblem.meta.id;
        talk.scheduledOn = daysFromToday(3);
        talk.scheduledTime = "16:30";
        plans.addTalk(talk);
    }
};

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_F(ReflectionCliTest, ReflectionsListDraftsFirstWithStepActivationAndOpenRepair)
{
    fillFamily();
    const CliRun run = cli("reflections --child maya");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(contains(run.output, "Reflections for Maya")) << run.output;
    const auto draftAt = run.output.find("draft, step 4");
    const auto savedAt = run.output.find("Meltdown leaving the park");
    ASSERT_NE(draftAt, std::string::npos) << run.output;
    ASSERT_NE(savedAt, std::string::npos) << run.output;
    EXPECT_LT(draftAt, savedAt) << "drafts come first";
    EXPECT_TRUE(contains(run.output, "Bath time went badly")) << "line breaks become spaces";
    EXPECT_TRUE(contains(run.output, "8 -> 3"));
    EXPECT_TRUE(contains(run.output, "(repair open)"));
    EXPECT_TRUE(contains(run.output, daysFromToday(-2) + " 17:10"));
}

TEST_F(ReflectionCliTest, PlansShowProblemsByStatusReviewsTalksAndRepairs)
{
    fillFamily();
    const CliRun run = cli("plans --child Maya");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const std::string& out = run.output;
    EXPECT_TRUE(contains(out, "To discuss (1)")) << out;
    EXPECT_TRUE(contains(out, "Trying a solution (1)")) << out;
    EXPECT_FALSE(contains(out, "Solved (")) << "empty groups are left out";
    EXPECT_TRUE(contains(out, "Difficulty getting in the bath after dinner  (next talk " + daysFromToday(3) + ")"));
    EXPECT_TRUE(contains(out, "Reviews due\n  " + daysFromToday(-1)
                                  + "  Difficulty leaving the playground when it's time to go"))
        << out;
    EXPECT_TRUE(contains(out, "Talks coming up\n  " + daysFromToday(3) + " 16:30")) << out;
    EXPECT_TRUE(contains(out, "Open repairs\n")) << out;
    EXPECT_TRUE(contains(out, "Meltdown leaving the park")) << out;
}

TEST_F(ReflectionCliTest, AChildWithNothingYetGetsCalmEmptyMessages)
{
    fillFamily();
    const CliRun reflections = cli("reflections --child Leo");
    EXPECT_EQ(reflections.exitCode, 0);
    EXPECT_EQ(reflections.output, "No reflections for Leo yet.\n");
    const CliRun plans = cli("plans --child Leo");
    EXPECT_EQ(plans.exitCode, 0);
    EXPECT_TRUE(contains(plans.output, "No unsolved problems written down yet."));
    EXPECT_TRUE(contains(plans.output, "Nothing due."));
    EXPECT_TRUE(contains(plans.output, "None open."));
}

TEST_F(ReflectionCliTest, UnknownChildOrMissingOptionFailsPlainly)
{
    fillFamily();
    const CliRun unknown = cli("reflections --child Zed");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_EQ(unknown.output,
              "There is no child called \"Zed\" (or there are two with that name). See: attune-cli child list\n");
    EXPECT_EQ(cli("plans --child Zed").exitCode, 1);
    const CliRun missing = cli("plans");
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_TRUE(contains(missing.output, "--child"));
}

TEST_F(ReflectionCliTest, MissingDatabaseIsAnErrorNotANewFile)
{
    const CliRun run = cli("reflections --child Maya");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(contains(run.output, "There is no Attune file"));
    EXPECT_FALSE(std::filesystem::exists(dbPath));
}

TEST_F(ReflectionCliTest, ALongHistoryIsCutAtTheLimit)
{
    {
        core::Database database = core::Database::create(dbPath);
        core::Store store(database, clock, 5);
        core::Family family(store);
        store.setActor(family.caregivers().front().meta.uuid);
        core::ChildDraft child;
        child.name = "Ava";
        child.birthDate = daysFromToday(-9 * 365);
        const core::Id ava = family.addChild(child).meta.id;
        core::addReflectionDemo(store, {ava}, 2, 3);
    }
    const CliRun run = cli("reflections --child Ava --limit 5");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(contains(run.output, "Showing 5 of ")) << run.output;
    const CliRun plans = cli("plans --child Ava --limit 1");
    ASSERT_EQ(plans.exitCode, 0) << plans.output;
    EXPECT_TRUE(contains(plans.output, "Open repairs")) << plans.output;
}
