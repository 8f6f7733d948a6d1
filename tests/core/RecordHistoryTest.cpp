// SPDX-License-Identifier: MIT
// Saving only what a parent changed, and keeping what a save replaced (RecordHistory.h), for
// every update call of the services.
#include "DataFixture.h"

#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "attune/core/Import.h"
#include "attune/core/Migrations.h"
#include "attune/core/Notebook.h"
#include "attune/core/Plans.h"
#include "attune/core/RecordHistory.h"
#include "attune/core/TimeLog.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <functional>

using namespace attune;
using namespace attune::core;

namespace {

class RecordHistoryTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock;
    test::DemoFile file{dir / "family.sqlite", clock};
    Store& store = *file.store;
    Family family{store};
    RecordHistory history{store};
    Id maya = 0;

    void SetUp() override
    {
        ChildDraft d;
        d.name = "Maya";
        d.pronouns = "she/her";
        d.goalMinutes = 10;
        d.birthStory = "A snowy morning.";
        maya = family.addChild(d).meta.id;
    }

    // Another window, an undo or an import changes the child while a form has it open.
    void changeUnderneath(const std::function<void(ChildDraft&)>& change, const std::string& by = {})
    {
        const std::string actor = store.actor();
        if (!by.empty())
            store.setActor(by);
        const ChildDraft now = family.child(maya).data;
        ChildDraft changed = now;
        change(changed);
        family.updateChild(maya, now, changed);
        store.setActor(actor);
        clock.advanceMs(1000);
    }

    std::string uuidOf(Id child) { return family.child(child).meta.uuid; }
};

} // namespace

// Issue 10: an imported birth story and goal were wiped when only the pronouns were changed
// in the child editor, because the editor saved every field it had loaded.
TEST_F(RecordHistoryTest, FieldsTheParentDidNotTouchKeepWhatTheFileHoldsNow)
{
    const ChildDraft loaded = family.child(maya).data; // the editor opens
    changeUnderneath([](ChildDraft& d) {
        d.birthStory = "Imported: the night the power went out.";
        d.goalMinutes = 25;
    });
    ChildDraft edited = loaded;
    edited.pronouns = "they/them";
    const EditResult result = family.updateChild(maya, loaded, edited);

    const Child child = family.child(maya);
    EXPECT_TRUE(result.isWritten);
    EXPECT_TRUE(result.keptFields.empty());
    EXPECT_EQ(child.data.pronouns, "they/them");
    EXPECT_EQ(child.data.birthStory, "Imported: the night the power went out.");
    EXPECT_EQ(child.data.goalMinutes, 25);
    EXPECT_EQ(history.count(child.meta.uuid), 0);
}

TEST_F(RecordHistoryTest, AFieldChangedOnBothSidesKeepsTheParentsAndTheOther)
{
    const Caregiver sam = family.addCaregiver("Sam");
    const ChildDraft loaded = family.child(maya).data;
    changeUnderneath([](ChildDraft& d) { d.birthStory = "Sam's version of that morning."; }, sam.meta.uuid);
    ChildDraft edited = loaded;
    edited.birthStory = "My version of that morning.";
    const EditResult result = family.updateChild(maya, loaded, edited);

    EXPECT_EQ(result.keptFields, std::vector<std::string>{"birth_story"});
    EXPECT_EQ(family.child(maya).data.birthStory, "My version of that morning.");
    const auto kept = history.entries(uuidOf(maya));
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].table, "children");
    EXPECT_EQ(kept[0].field, "birth_story");
    EXPECT_EQ(kept[0].value, "Sam's version of that morning.");
    EXPECT_FALSE(kept[0].isBytes);
    EXPECT_EQ(kept[0].writtenBy, sam.meta.uuid);
    EXPECT_EQ(kept[0].writtenByName, "Sam");
    EXPECT_EQ(kept[0].replacedAt, clock.nowMs());
    EXPECT_EQ(kept[0].meta.updatedBy, store.actor());
}

TEST_F(RecordHistoryTest, TheSameChangeMadeElsewhereIsNoConflict)
{
    const ChildDraft loaded = family.child(maya).data;
    changeUnderneath([](ChildDraft& d) { d.pronouns = "they/them"; });
    ChildDraft edited = loaded;
    edited.pronouns = "they/them";
    const EditResult result = family.updateChild(maya, loaded, edited);
    EXPECT_FALSE(result.isWritten);
    EXPECT_TRUE(result.keptFields.empty());
    EXPECT_EQ(history.count(uuidOf(maya)), 0);
}

TEST_F(RecordHistoryTest, SavingWithoutAChangeWritesNothing)
{
    const Child before = family.child(maya);
    clock.advanceMs(5000);
    const EditResult result = family.updateChild(maya, before.data, before.data);
    EXPECT_FALSE(result.isWritten);
    EXPECT_EQ(family.child(maya).meta.updatedAt, before.meta.updatedAt);
}

TEST_F(RecordHistoryTest, AReplacedPhotoIsKeptAsBytes)
{
    const std::string first = std::string("\x89PNG\0first", 10);
    changeUnderneath([&](ChildDraft& d) { d.photo = first; });
    const ChildDraft loaded = family.child(maya).data;
    changeUnderneath([](ChildDraft& d) { d.photo = std::string("\xff\xd8\0second", 9); });
    ChildDraft edited = loaded;
    edited.photo.clear(); // the parent removed the photo they saw
    EXPECT_EQ(family.updateChild(maya, loaded, edited).keptFields, std::vector<std::string>{"photo"});
    EXPECT_TRUE(family.child(maya).data.photo.empty());
    const auto kept = history.entries(uuidOf(maya));
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_TRUE(kept[0].isBytes);
    EXPECT_EQ(kept[0].bytes, std::string("\xff\xd8\0second", 9));
}

TEST_F(RecordHistoryTest, ARecordMovedToTheTrashMeanwhileIsNotFound)
{
    const ChildDraft loaded = family.child(maya).data;
    family.trashChild(maya);
    ChildDraft edited = loaded;
    edited.pronouns = "he/him";
    EXPECT_THROW(family.updateChild(maya, loaded, edited), StorageError);
}

TEST_F(RecordHistoryTest, SessionsSaveOnlyWhatChanged)
{
    TimeLog log(store);
    SessionDraft d;
    d.childId = maya;
    d.day = clock.today();
    d.minutes = 15;
    d.activity = "Lego";
    const Id id = log.addSession(d).meta.id;
    const SessionDraft loaded = log.session(id).data;

    SessionDraft underneath = loaded;
    underneath.note = "Written in another window.";
    underneath.minutes = 20;
    log.updateSession(id, loaded, underneath);

    SessionDraft edited = loaded;
    edited.activity = "Lego castle";
    edited.minutes = 30;
    const EditResult result = log.updateSession(id, loaded, edited);
    const SessionDraft stored = log.session(id).data;
    EXPECT_EQ(stored.activity, "Lego castle");
    EXPECT_EQ(stored.minutes, 30);
    EXPECT_EQ(stored.note, "Written in another window.");
    EXPECT_EQ(result.keptFields, std::vector<std::string>{"minutes"});
    const auto kept = history.entries(log.session(id).meta.uuid);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].value, "20");
}

TEST_F(RecordHistoryTest, NotebookEntriesAndEvidenceSaveOnlyWhatChanged)
{
    Notebook notebook(store);
    EntryDraft d;
    d.section = Section::Strengths;
    d.title = "Kind";
    const Id kind = notebook.addEntry(maya, d).meta.id;
    const EntryDraft loaded = notebook.entry(kind).data;

    EntryDraft moved = loaded;
    moved.section = Section::Interests; // another window moved it
    notebook.updateEntry(kind, loaded, moved);
    EntryDraft edited = loaded;
    edited.details = "Shares her snack.";
    EXPECT_TRUE(notebook.updateEntry(kind, loaded, edited).keptFields.empty());
    EXPECT_EQ(notebook.entry(kind).data.section, Section::Interests) << "an untouched section is not moved back";
    EXPECT_EQ(notebook.entry(kind).data.details, "Shares her snack.");

    const EvidenceLine line = notebook.addEvidence(kind, EvidenceSide::Entry, "2026-11-20", "Gave her scarf away");
    notebook.updateEvidence(line, "2026-11-21", line.text); // another window fixed the day
    const EditResult result = notebook.updateEvidence(line, line.day, "Gave her scarf to a friend");
    EXPECT_TRUE(result.keptFields.empty());
    EXPECT_EQ(notebook.evidenceLine(line.meta.id).day, "2026-11-21");
    EXPECT_EQ(notebook.evidenceLine(line.meta.id).text, "Gave her scarf to a friend");
}

TEST_F(RecordHistoryTest, PlansAndCoregulationSaveOnlyWhatChanged)
{
    Plans plans(store);
    ProblemDraft p;
    p.childId = maya;
    p.text = "Difficulty leaving the park";
    const Problem problem = plans.addProblem(p);
    ProblemDraft status = problem.data;
    status.status = ProblemStatus::Trying; // the Plans page changed the status meanwhile
    plans.updateProblem(problem.meta.id, problem.data, status);
    ProblemDraft edited = problem.data;
    edited.text = "Difficulty leaving the park when friends are there";
    plans.updateProblem(problem.meta.id, problem.data, edited);
    EXPECT_EQ(plans.problem(problem.meta.id).data.status, ProblemStatus::Trying);
    EXPECT_EQ(plans.problem(problem.meta.id).data.text, edited.text);

    PlanBTalkDraft t;
    t.problemId = problem.meta.id;
    t.scheduledOn = "2026-11-30";
    const PlanBTalk talk = plans.addTalk(t);
    PlanBTalkDraft mine = talk.data;
    mine.ideas = "Five more minutes.";
    PlanBTalkDraft theirs = talk.data;
    theirs.ideas = "A timer.";
    plans.updateTalk(talk.meta.id, talk.data, theirs);
    EXPECT_EQ(plans.updateTalk(talk.meta.id, talk.data, mine).keptFields, std::vector<std::string>{"ideas"});
    EXPECT_EQ(history.entries(talk.meta.uuid).at(0).value, "A timer.");

    const CoregItem hug = family.addCoregItem(maya, "touch", "Firm hug", CoregRating::Helps);
    family.updateCoregItem(hug, CoregRating::Avoid, hug.note); // rated elsewhere meanwhile
    family.updateCoregItem(hug, hug.rating, "Only when she asks");
    const CoregItem stored = family.coregItems(maya).at(0);
    EXPECT_EQ(stored.rating, CoregRating::Avoid);
    EXPECT_EQ(stored.note, "Only when she asks");
}

TEST_F(RecordHistoryTest, HistoryTravelsWithTheExport)
{
    const ChildDraft loaded = family.child(maya).data;
    changeUnderneath([](ChildDraft& d) { d.birthStory = "Theirs."; });
    ChildDraft edited = loaded;
    edited.birthStory = "Mine.";
    family.updateChild(maya, loaded, edited);

    test::DemoFile other(dir / "other.sqlite", clock);
    importJson(*other.store, exportJson(*file.db));
    const auto kept = RecordHistory(*other.store).entries(uuidOf(maya));
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].value, "Theirs.");
}

TEST_F(RecordHistoryTest, AFileOfVersionFiveGetsTheHistoryTable)
{
    const auto older = dir / "v5.sqlite";
    std::vector<MigrationStep> steps = migrationSteps();
    steps.resize(5);
    OpenOptions options;
    options.steps = &steps;
    {
        Database v5 = Database::create(older, options);
        v5.sql().exec("INSERT INTO children (uuid, name, created_at, updated_at) "
                      "VALUES ('123e4567-e89b-42d3-a456-426614174000', 'Leo', 1, 1)");
    }
    OpenOptions production;
    production.backupDir = dir / "backups";
    Database migrated = Database::open(older, production);
    EXPECT_EQ(migrated.schemaVersion(), 6);
    EXPECT_EQ(migrated.sql().execAndGet("SELECT count(*) FROM record_history").getInt(), 0);
    EXPECT_EQ(migrated.sql().execAndGet("SELECT name FROM children").getString(), "Leo");
}
