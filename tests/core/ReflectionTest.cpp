// SPDX-License-Identifier: MIT
// The "ask why" reflection through the public API: autosave of single fields, drafts and
// resuming them, quick save, finish, validation messages, repairs and the trash.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/ReflectionCatalog.h"
#include "attune/core/Store.h"
#include "attune/core/Trash.h"
#include "attune/core/Validation.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {

std::string content(const std::string& name)
{
    return test::readFile(std::filesystem::path(ATTUNE_SOURCE_DIR) / "resources" / "content" / name);
}

class ReflectionTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock;
    Database db = Database::create(dir / "family.sqlite");
    Store store{db, clock, 42};
    Family family{store};
    Reflections reflections{store};
    Id maya = 0;

    void SetUp() override
    {
        store.setActor(family.caregivers().front().meta.uuid);
        ChildDraft child;
        child.name = "Maya";
        child.birthDate = "2019-04-23";
        maya = family.addChild(child).meta.id;
    }

    int rows(const std::string& table) { return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt(); }

    ReflectionDraft fresh()
    {
        ReflectionDraft draft;
        draft.uuid = reflections.newDraftUuid();
        draft.childId = maya;
        return draft;
    }

    // Every field filled with something valid.
    ReflectionDraft full()
    {
        ReflectionDraft d = fresh();
        d.step = 9;
        d.safety = SafetyAnswer::AllSafe;
        d.myState = "fight_flight";
        d.budget = {1, 2, 1, 3};
        d.regulatingAction = "breathe";
        d.activationBefore = 8;
        d.happenedOn = "2026-11-27";
        d.happenedTime = "17:10";
        d.place = "The park";
        d.justBefore = "Swings";
        d.wasTransition = true;
        d.whatHappened = "She dropped to the ground when I said it was time to go.";
        d.summary = "Meltdown leaving the park";
        d.childFeelings = {"mad", "mad/frustrated", "mad/its_not_fair"};
        d.childState = "fight_flight";
        d.source = "bottom_up";
        d.unmetNeeds = {"transition", "tired"};
        d.laggingSkills = {"transitions", "frustration"};
        d.otherSkill = "Waiting for a turn";
        d.whyFeeling = "Tired after nursery.";
        d.whyBehaving = "A flood, not a choice.";
        d.whyStruggling = "I was rushing.";
        d.lostTemper = true;
        d.repairSteps = {"name_it", "own_it"};
        d.selfCompassion = "I'm a good parent having a hard day.";
        d.coregNote = "Sitting close helped.";
        d.strengthUuids = {"0f8fad5b-d9cb-469f-a165-70867728950e"};
        d.activationAfter = 3;
        return d;
    }
};

} // namespace

TEST_F(ReflectionTest, SchemaIsTheLatestVersion)
{
    EXPECT_EQ(db.schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(rows("reflections"), 0);
    EXPECT_EQ(rows("problems"), 0);
    EXPECT_EQ(rows("plan_b_talks"), 0);
}

TEST_F(ReflectionTest, ShippedCatalogMatchesTheContentFiles)
{
    const ReflectionCatalog fromFiles = parseReflectionCatalog(
        {content("states.json"), content("feelings.json"), content("unmet-needs.json"), content("lagging-skills.json"),
         content("repair-checklist.json"), content("regulating-actions.json")});
    const ReflectionCatalog& shipped = shippedReflectionCatalog();
    EXPECT_EQ(shipped.parentStates, fromFiles.parentStates);
    EXPECT_EQ(shipped.feelings, fromFiles.feelings);
    EXPECT_EQ(shipped.unmetNeeds, fromFiles.unmetNeeds);
    EXPECT_EQ(shipped.laggingSkills, fromFiles.laggingSkills);
    EXPECT_EQ(shipped.repairSteps, fromFiles.repairSteps);
    EXPECT_EQ(shipped.regulatingActions, fromFiles.regulatingActions);
    EXPECT_EQ(shipped.sources, (std::set<std::string>{"top_down", "bottom_up", "unsure"}));
    EXPECT_EQ(shipped.laggingSkills.size(), 23u);
    EXPECT_TRUE(shipped.feelings.count("scared/out_of_control"));
    EXPECT_TRUE(shipped.feelings.count("tired/cant_focus"));
}

TEST_F(ReflectionTest, FeelingKeysAreStableSlugs)
{
    EXPECT_EQ(feelingKey("mad", "It's not fair"), "mad/its_not_fair");
    EXPECT_EQ(feelingKey("scared", "Out of control"), "scared/out_of_control");
    EXPECT_EQ(feelingKey("tired", "Can\u2019t focus"), "tired/can_t_focus") << "only ASCII apostrophes vanish";
    EXPECT_EQ(feelingKey("happy", ""), "happy");
}

TEST_F(ReflectionTest, FirstAutosaveCreatesTheDraftAndLaterOnesUpdateIt)
{
    ReflectionDraft draft = fresh();
    draft.step = 2;
    draft.whatHappened = "S";
    const Id id = reflections.saveDraft(draft, ReflectionField::WhatHappened);
    EXPECT_GT(id, 0);
    draft.whatHappened = "She threw the cup";
    EXPECT_EQ(reflections.saveDraft(draft, ReflectionField::WhatHappened), id);
    EXPECT_EQ(rows("reflections"), 1);

    const Reflection stored = reflections.reflection(id);
    EXPECT_EQ(stored.status, ReflectionStatus::Draft);
    EXPECT_EQ(stored.data.whatHappened, "She threw the cup");
    EXPECT_EQ(stored.data.step, 2);
    EXPECT_EQ(stored.data.happenedOn, clock.today()) << "the day defaults to today";
    EXPECT_EQ(stored.data.caregiverId, family.caregivers().front().meta.id);
    EXPECT_EQ(stored.meta.updatedBy, store.actor());
    EXPECT_EQ(stored.meta.uuid, draft.uuid);
}

TEST_F(ReflectionTest, AutosaveWritesOnlyTheFieldThatChanged)
{
    ReflectionDraft draft = fresh();
    draft.summary = "Park";
    const Id id = reflections.saveDraft(draft, ReflectionField::Summary);
    // The GUI's copy also holds unsaved text elsewhere; only `summary` may be written.
    draft.whyFeeling = "not yet saved";
    draft.summary = "Leaving the park";
    reflections.saveDraft(draft, ReflectionField::Summary);
    const Reflection stored = reflections.reflection(id);
    EXPECT_EQ(stored.data.summary, "Leaving the park");
    EXPECT_EQ(stored.data.whyFeeling, "");
}

TEST_F(ReflectionTest, EveryFieldRoundTripsThroughAutosave)
{
    const CoregItem hug = family.addCoregItem(maya, "touch", "Firm hug", CoregRating::Helps);
    ReflectionDraft draft = full();
    draft.coregTried = {{hug.meta.id, CoregOutcome::Helped}};
    Id id = 0;
    for (const ReflectionField field :
         {ReflectionField::Step, ReflectionField::Child, ReflectionField::Safety, ReflectionField::MyState,
          ReflectionField::Budget, ReflectionField::RegulatingAction, ReflectionField::ActivationBefore,
          ReflectionField::HappenedOn, ReflectionField::HappenedTime, ReflectionField::Place,
          ReflectionField::JustBefore, ReflectionField::WasTransition, ReflectionField::WhatHappened,
          ReflectionField::Summary, ReflectionField::ChildFeelings, ReflectionField::ChildState,
          ReflectionField::Source, ReflectionField::UnmetNeeds, ReflectionField::LaggingSkills,
          ReflectionField::OtherSkill, ReflectionField::WhyFeeling, ReflectionField::WhyBehaving,
          ReflectionField::WhyStruggling, ReflectionField::LostTemper, ReflectionField::RepairSteps,
          ReflectionField::SelfCompassion, ReflectionField::CoregTried, ReflectionField::CoregNote,
          ReflectionField::Strengths, ReflectionField::ActivationAfter})
        id = reflections.saveDraft(draft, field);
    const Reflection stored = reflections.reflection(id);
    ReflectionDraft expected = draft;
    expected.caregiverId = stored.data.caregiverId;
    expected.repair = RepairState::Open; // "I lost my temper" opened a repair
    EXPECT_EQ(stored.data, expected);
    EXPECT_EQ(stored.status, ReflectionStatus::Draft);
}

TEST_F(ReflectionTest, EveryTypedCharacterIsKept)
{
    ReflectionDraft draft = fresh();
    draft.whatHappened = test::hardText();
    draft.whyBehaving = test::bigText(limits::kLongTextMax);
    draft.summary = std::string("Emoji \xF0\x9F\x98\xA2 and \0 NUL", 17);
    const Id id = reflections.saveDraft(draft, ReflectionField::WhatHappened);
    reflections.saveDraft(draft, ReflectionField::WhyBehaving);
    reflections.saveDraft(draft, ReflectionField::Summary);
    const Reflection stored = reflections.reflection(id);
    EXPECT_EQ(stored.data.whatHappened, test::hardText());
    EXPECT_EQ(stored.data.whyBehaving, draft.whyBehaving);
    EXPECT_EQ(stored.data.summary, draft.summary);
}

TEST_F(ReflectionTest, DraftSurvivesClosingAndReopeningTheFileAtItsStep)
{
    ReflectionDraft draft = fresh();
    draft.step = 4;
    draft.whyFeeling = "Tired after a long day \xE2\x80\x94 and hungry";
    const Id id = reflections.saveDraft(draft, ReflectionField::WhyFeeling);
    db.close();

    Database reopened = Database::open(dir / "family.sqlite");
    Store again(reopened, clock, 7);
    Reflections after(again);
    const auto drafts = after.openDrafts();
    ASSERT_EQ(drafts.size(), 1u);
    EXPECT_EQ(drafts[0].id, id);
    EXPECT_EQ(drafts[0].step, 4);
    const Reflection resumed = after.resumeDraft(id);
    EXPECT_EQ(resumed.data.step, 4);
    EXPECT_EQ(resumed.data.whyFeeling, draft.whyFeeling);
}

TEST_F(ReflectionTest, OpenDraftsListsOnlyThatChildsDraftsNewestFirst)
{
    ChildDraft leoDraft;
    leoDraft.name = "Leo";
    const Id leo = family.addChild(leoDraft).meta.id;
    ReflectionDraft first = fresh();
    first.summary = "first";
    const Id firstId = reflections.saveDraft(first, ReflectionField::Summary);
    clock.advanceMs(1000);
    ReflectionDraft second = fresh();
    second.summary = "second";
    const Id secondId = reflections.saveDraft(second, ReflectionField::Summary);
    ReflectionDraft leos = fresh();
    leos.childId = leo;
    leos.summary = "Leo's";
    reflections.saveDraft(leos, ReflectionField::Summary);
    ReflectionDraft done = full();
    reflections.finish(done);

    const auto drafts = reflections.openDrafts(maya);
    ASSERT_EQ(drafts.size(), 2u);
    EXPECT_EQ(drafts[0].id, secondId);
    EXPECT_EQ(drafts[1].id, firstId);
    EXPECT_EQ(drafts[0].title, "second");
    EXPECT_EQ(reflections.openDrafts().size(), 3u);
    family.trashChild(leo);
    EXPECT_EQ(reflections.openDrafts().size(), 2u) << "a trashed child's drafts are not offered";
}

TEST_F(ReflectionTest, ListShowsDraftsFirstThenNewestAndUsesWhatHappenedWhenNoSummary)
{
    ReflectionDraft older = full();
    older.happenedOn = "2026-10-01";
    older.summary = "";
    older.whatHappened = std::string(300, 'x');
    const Id olderId = reflections.finish(older);
    ReflectionDraft newer = full();
    newer.happenedOn = "2026-11-20";
    const Id newerId = reflections.finish(newer);
    ReflectionDraft draft = fresh();
    draft.happenedOn = "2026-09-01";
    draft.summary = "unfinished";
    const Id draftId = reflections.saveDraft(draft, ReflectionField::Summary);

    const auto list = reflections.list(maya);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id, draftId);
    EXPECT_EQ(list[1].id, newerId);
    EXPECT_EQ(list[2].id, olderId);
    EXPECT_EQ(list[2].title, std::string(120, 'x'));
    EXPECT_EQ(list[1].activationBefore, 8);
    EXPECT_EQ(list[1].activationAfter, 3);
    EXPECT_EQ(reflections.list(maya, 1, 1).front().id, newerId);
    EXPECT_EQ(reflections.count(maya), 3);
}

TEST_F(ReflectionTest, QuickSaveStoresWhatHappenedAndActivationAsSaved)
{
    ReflectionDraft draft = fresh();
    draft.whatHappened = "Shouting match at bedtime";
    draft.activationBefore = 9;
    draft.whyFeeling = "never written by a quick save";
    const Id id = reflections.quickSave(draft);
    const Reflection stored = reflections.reflection(id);
    EXPECT_EQ(stored.status, ReflectionStatus::Saved);
    EXPECT_EQ(stored.savedAt, clock.nowMs());
    EXPECT_EQ(stored.data.whatHappened, "Shouting match at bedtime");
    EXPECT_EQ(stored.data.activationBefore, 9);
    EXPECT_EQ(stored.data.whyFeeling, "");
    EXPECT_TRUE(reflections.openDrafts(maya).empty());
}

TEST_F(ReflectionTest, QuickSaveAndFinishNeedAFewWordsAboutWhatHappened)
{
    ReflectionDraft draft = fresh();
    draft.summary = "   ";
    draft.activationBefore = 5;
    try {
        reflections.quickSave(draft);
        FAIL() << "an empty quick save was accepted";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("summary"), "Please write a few words about what happened.");
    }
    EXPECT_THROW(reflections.finish(draft), ValidationError);
    EXPECT_EQ(rows("reflections"), 0) << "nothing stored";
}

TEST_F(ReflectionTest, FinishWritesEveryFieldAndTurnsADraftIntoASavedReflection)
{
    ReflectionDraft draft = full();
    draft.summary = "x";
    const Id id = reflections.saveDraft(draft, ReflectionField::Summary);
    draft.summary = "Meltdown leaving the park";
    EXPECT_EQ(reflections.finish(draft), id);
    const Reflection stored = reflections.reflection(id);
    EXPECT_EQ(stored.status, ReflectionStatus::Saved);
    EXPECT_EQ(stored.data.summary, "Meltdown leaving the park");
    EXPECT_EQ(stored.data.repair, RepairState::Open);
    EXPECT_THROW(reflections.resumeDraft(id), StorageError);

    // Editing a saved reflection later keeps it saved and keeps when it was first saved.
    clock.advanceMs(60'000);
    draft.whyStruggling = "We were both hungry.";
    reflections.saveDraft(draft, ReflectionField::WhyStruggling);
    const Reflection edited = reflections.reflection(id);
    EXPECT_EQ(edited.status, ReflectionStatus::Saved);
    EXPECT_EQ(edited.data.whyStruggling, "We were both hungry.");
    EXPECT_EQ(edited.savedAt, stored.savedAt);
}

TEST_F(ReflectionTest, BadInputGetsPlainMessagesAndNothingIsStored)
{
    ReflectionDraft draft = fresh();
    draft.activationBefore = 11;
    auto messageFor = [&](ReflectionField field, const std::string& name) {
        try {
            reflections.saveDraft(draft, field);
        } catch (const ValidationError& error) {
            return error.messageFor(name);
        }
        return std::string("(accepted)");
    };
    EXPECT_EQ(messageFor(ReflectionField::ActivationBefore, "activationBefore"),
              "Choose a number from 0 (calm) to 10 (as stirred up as it gets).");
    draft.activationAfter = -1;
    EXPECT_EQ(messageFor(ReflectionField::ActivationAfter, "activationAfter"),
              "Choose a number from 0 (calm) to 10 (as stirred up as it gets).");
    draft.whatHappened = std::string(limits::kLongTextMax + 1, 'a');
    EXPECT_EQ(messageFor(ReflectionField::WhatHappened, "whatHappened"),
              "This is longer than Attune can keep (1 MB). Please shorten it.");
    draft.unmetNeeds = {"tired", "grumpy_cat"};
    EXPECT_EQ(messageFor(ReflectionField::UnmetNeeds, "unmetNeeds"),
              "Please choose from the list; \"grumpy_cat\" isn't one of the options.");
    draft.myState = "purple";
    EXPECT_EQ(messageFor(ReflectionField::MyState, "myState"),
              "Please choose from the list; \"purple\" isn't one of the options.");
    draft.childFeelings = {"Mad"};
    EXPECT_EQ(messageFor(ReflectionField::ChildFeelings, "childFeelings"),
              "Please choose from the list; \"Mad\" isn't one of the options.");
    draft.happenedOn = "2026-13-01";
    EXPECT_EQ(messageFor(ReflectionField::HappenedOn, "happenedOn"),
              "Please enter the day as year-month-day, like 2026-03-14.");
    draft.happenedOn = "2026-11-29";
    EXPECT_EQ(messageFor(ReflectionField::HappenedOn, "happenedOn"), "That day is in the future. Please check it.");
    draft.happenedTime = "25:00";
    EXPECT_EQ(messageFor(ReflectionField::HappenedTime, "happenedTime"),
              "Please enter the time as hours and minutes, like 17:45.");
    draft.budget.sleep = 4;
    EXPECT_EQ(messageFor(ReflectionField::Budget, "budget"), "Please choose one of the options for sleep.");
    draft.summary = std::string(201, 's');
    EXPECT_EQ(messageFor(ReflectionField::Summary, "summary"),
              "Please keep the one-line summary to 200 characters; there's room for the whole story below.");
    draft.strengthUuids = {"not-a-uuid"};
    EXPECT_EQ(messageFor(ReflectionField::Strengths, "strengthUuids"),
              "That strength could not be found. Please pick it again.");
    draft.coregTried = {{999, CoregOutcome::Helped}};
    EXPECT_EQ(messageFor(ReflectionField::CoregTried, "coregTried"),
              "That idea is no longer in this child's co-regulation profile.");
    draft.problemId = 999;
    EXPECT_EQ(messageFor(ReflectionField::Problem, "problemId"),
              "That plan is no longer here. It may have been moved to the trash.");
    draft.step = 10;
    EXPECT_EQ(messageFor(ReflectionField::Step, "step"), "The steps go from 0 to 9.");
    draft.step = 0;
    draft.childId = 0;
    EXPECT_EQ(messageFor(ReflectionField::Place, "childId"), "Please choose which child this is about.");
    draft.childId = 12345;
    EXPECT_EQ(messageFor(ReflectionField::Place, "childId"),
              "That child is no longer here. They may have been moved to the trash.");
    EXPECT_EQ(rows("reflections"), 0);
}

TEST_F(ReflectionTest, AnotherChildsCoregulationItemIsRefused)
{
    ChildDraft leoDraft;
    leoDraft.name = "Leo";
    const Id leo = family.addChild(leoDraft).meta.id;
    const CoregItem leosItem = family.addCoregItem(leo, "voice", "Whisper", CoregRating::Helps);
    ReflectionDraft draft = fresh();
    draft.coregTried = {{leosItem.meta.id, CoregOutcome::Helped}};
    EXPECT_THROW(reflections.saveDraft(draft, ReflectionField::CoregTried), ValidationError);
    EXPECT_EQ(rows("reflections"), 0);
}

TEST_F(ReflectionTest, PickedKeysAreKeptOnceInTheirOrder)
{
    ReflectionDraft draft = fresh();
    draft.unmetNeeds = {"tired", "hungry", "tired"};
    const Id id = reflections.saveDraft(draft, ReflectionField::UnmetNeeds);
    EXPECT_EQ(reflections.reflection(id).data.unmetNeeds, (std::vector<std::string>{"tired", "hungry"}));
}

TEST_F(ReflectionTest, LosingMyTemperOpensARepairUntilItIsMarkedDone)
{
    ReflectionDraft draft = fresh();
    draft.happenedOn = "2026-11-20";
    draft.summary = "Yelled at bedtime";
    draft.lostTemper = true;
    const Id id = reflections.saveDraft(draft, ReflectionField::LostTemper);
    EXPECT_EQ(reflections.reflection(id).data.repair, RepairState::Open);
    auto open = reflections.openRepairs(maya);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].reflectionId, id);
    EXPECT_EQ(open[0].happenedOn, "2026-11-20");

    draft.repairSteps = {"name_it", "own_it", "love"};
    reflections.saveDraft(draft, ReflectionField::RepairSteps);
    EXPECT_EQ(reflections.openRepairs(maya)[0].stepsDone, 3);

    clock.advanceMs(3'600'000);
    reflections.markRepairDone(id);
    EXPECT_TRUE(reflections.openRepairs(maya).empty());
    const Reflection done = reflections.reflection(id);
    EXPECT_EQ(done.data.repair, RepairState::Done);
    EXPECT_EQ(done.repairDoneAt, clock.nowMs());

    // A later autosave or finish from an older copy of the form never reopens it.
    draft.repair = RepairState::Open;
    draft.lostTemper = true;
    reflections.saveDraft(draft, ReflectionField::LostTemper);
    reflections.finish(draft);
    EXPECT_EQ(reflections.reflection(id).data.repair, RepairState::Done);
    reflections.reopenRepair(id);
    EXPECT_EQ(reflections.openRepairs(maya).size(), 1u);
}

TEST_F(ReflectionTest, SayingIDidntLoseMyTemperClosesAnOpenRepair)
{
    ReflectionDraft draft = fresh();
    draft.lostTemper = true;
    const Id id = reflections.saveDraft(draft, ReflectionField::LostTemper);
    draft.lostTemper = false;
    reflections.saveDraft(draft, ReflectionField::LostTemper);
    EXPECT_EQ(reflections.reflection(id).data.repair, RepairState::None);
    EXPECT_TRUE(reflections.openRepairs(maya).empty());
}

TEST_F(ReflectionTest, TrashAndRestoreThroughTheServiceAndTheTrashPage)
{
    ReflectionDraft draft = full();
    const Id id = reflections.finish(draft);
    reflections.trash(id);
    EXPECT_THROW(reflections.reflection(id), StorageError);
    EXPECT_TRUE(reflections.list(maya).empty());
    EXPECT_TRUE(reflections.openRepairs(maya).empty()) << "a trashed reflection's repair is not shown";
    EXPECT_EQ(rows("reflections"), 1) << "nothing is hard-deleted";

    // Autosave into a trashed reflection is refused rather than silently reviving it.
    EXPECT_THROW(reflections.saveDraft(draft, ReflectionField::Summary), StorageError);

    Trash trash(store);
    const auto entries = trash.entries();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].table, "reflections");
    EXPECT_EQ(entries[0].title, "Meltdown leaving the park");
    trash.restore(entries[0]);
    EXPECT_EQ(reflections.reflection(id).data, [&] {
        ReflectionDraft expected = draft;
        expected.caregiverId = reflections.reflection(id).data.caregiverId;
        expected.repair = RepairState::Open;
        return expected;
    }());
    reflections.trash(id);
    reflections.restore(id);
    EXPECT_EQ(reflections.list(maya).size(), 1u);
    EXPECT_THROW(reflections.restore(id), StorageError);
}

TEST_F(ReflectionTest, ValidateReflectionChecksEveryKeyAgainstTheCatalog)
{
    const ReflectionCatalog& catalog = shippedReflectionCatalog();
    EXPECT_TRUE(validateReflection(full(), catalog, clock.today()).empty());
    ReflectionDraft draft = full();
    draft.source = "sideways";
    draft.repairSteps = {"shrug"};
    const auto errors = validateReflection(draft, catalog, clock.today());
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "source");
    EXPECT_EQ(errors[1].field, "repairSteps");
}
