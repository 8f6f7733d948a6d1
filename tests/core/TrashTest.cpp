// SPDX-License-Identifier: MIT
// Emptying the trash and "Delete forever" through the public Trash API: what goes, what stays.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/Search.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/Timers.h"
#include "attune/core/Trash.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {

class TrashTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock; // today is 2026-11-28
    Database db = Database::create(dir / "trash.sqlite");
    Store store{db, clock, 42};
    Family family{store};
    TimeLog timeLog{store};
    Timers timers{store};
    Notebook notebook{store};
    Reflections reflections{store};
    Plans plans{store};
    Search search{store};
    Trash trash{store};

    void SetUp() override { store.setActor(family.caregivers().front().meta.uuid); }

    int rows(const std::string& table) { return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt(); }

    int trashedRows(const std::string& table)
    {
        return db.sql().execAndGet("SELECT count(*) FROM " + table + " WHERE deleted_at IS NOT NULL").getInt();
    }

    Id addChild(const std::string& name)
    {
        ChildDraft draft;
        draft.name = name;
        return family.addChild(draft).meta.id;
    }

    Id addSession(Id childId, int minutes)
    {
        SessionDraft draft;
        draft.childId = childId;
        draft.day = "2026-11-27";
        draft.minutes = minutes;
        return timeLog.addSession(draft).meta.id;
    }

    Id addEntry(Id childId, const std::string& title)
    {
        EntryDraft draft;
        draft.section = Section::Strengths;
        draft.title = title;
        return notebook.addEntry(childId, draft).meta.id;
    }

    Id addReflection(Id childId, const std::string& summary)
    {
        ReflectionDraft draft;
        draft.uuid = reflections.newDraftUuid();
        draft.childId = childId;
        draft.summary = summary;
        return reflections.saveDraft(draft, ReflectionField::Summary);
    }

    Problem addProblem(Id childId, const std::string& text, Id reflectionId = 0)
    {
        ProblemDraft draft;
        draft.childId = childId;
        draft.text = text;
        if (reflectionId != 0)
            draft.reflectionId = reflectionId;
        return plans.addProblem(draft);
    }

    Id addTalk(Id problemId)
    {
        PlanBTalkDraft draft;
        draft.problemId = problemId;
        draft.scheduledOn = "2026-11-30";
        return plans.addTalk(draft).meta.id;
    }

    // Nothing dangles and the file is sound.
    void expectSoundFile()
    {
        SQLite::Statement check(db.sql(), "PRAGMA foreign_key_check");
        EXPECT_FALSE(check.executeStep()) << "a row points at a purged row in " << check.getColumn(0).getString();
        EXPECT_EQ(db.sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
    }

    std::size_t hits(const std::string& typed) { return search.find(typed).size(); }
};

} // namespace

TEST_F(TrashTest, EmptyDeletesEverythingTrashedAndKeepsLiveRows)
{
    const Id maya = addChild("Maya");
    const Id leo = addChild("Leo");

    // Maya stays; some of her things go to the trash.
    const Id keptSession = addSession(maya, 15);
    timeLog.trashSession(addSession(maya, 20));
    const Id keptItem = family.addCoregItem(maya, "touch", "Firm hug", CoregRating::Helps).meta.id;
    family.trashCoregItem(family.addCoregItem(maya, "sound", "Humming", CoregRating::Helps).meta.id);
    const Id keptEntry = addEntry(maya, "Kind to animals");
    notebook.trashEvidence(notebook.addEvidence(keptEntry, EvidenceSide::Entry, "2026-11-01", "Fed the zebrafinch").meta.id);
    const Id keptLine = notebook.addEvidence(keptEntry, EvidenceSide::Entry, "2026-11-02", "Patted the neighbour's dog").meta.id;
    const Id goneEntry = addEntry(maya, "Loves the xylophone");
    notebook.addEvidence(goneEntry, EvidenceSide::Entry, "2026-11-03", "Played a quokka song");
    notebook.trashEntry(goneEntry);
    reflections.trash(addReflection(maya, "Hard evening at the park"));
    const Id keptReflection = addReflection(maya, "Bath time went well");
    const Problem trashedProblem = addProblem(maya, "Difficulty leaving the park at five", keptReflection);
    addTalk(trashedProblem.meta.id);
    plans.trashProblem(trashedProblem.meta.id);
    const Problem keptProblem = addProblem(maya, "Difficulty getting dressed before school");
    plans.trashTalk(addTalk(keptProblem.meta.id));

    // Leo goes to the trash with everything of his, trashed or not.
    addSession(leo, 30);
    timeLog.setDayState(leo, "2026-11-20", DayState::Away);
    timers.start(leo);
    family.addCoregItem(leo, "touch", "Back rub", CoregRating::Helps);
    const Id leoEntry = addEntry(leo, "Builds marble runs");
    notebook.addEvidence(leoEntry, EvidenceSide::Entry, "2026-11-05", "A marble run with a wombat tunnel");
    const Id leoReflection = addReflection(leo, "Shoes");
    const Problem leoProblem = addProblem(leo, "Difficulty putting on shoes", leoReflection);
    addTalk(leoProblem.meta.id);
    family.trashChild(leo);

    EXPECT_EQ(hits("xylophone"), 0u) << "trashed text is already out of search";
    ASSERT_FALSE(trash.entries().empty());
    trash.empty();

    EXPECT_TRUE(trash.entries().empty());
    for (const char* table : {"children", "coreg_items", "sessions", "notebook_entries", "notebook_evidence",
                              "reflections", "problems", "plan_b_talks"})
        EXPECT_EQ(trashedRows(table), 0) << table;
    EXPECT_EQ(rows("children"), 1);
    EXPECT_EQ(family.child(maya).data.name, "Maya");
    EXPECT_EQ(timeLog.session(keptSession).data.minutes, 15);
    EXPECT_EQ(rows("sessions"), 1);
    ASSERT_EQ(family.coregItems(maya).size(), 1u);
    EXPECT_EQ(family.coregItems(maya)[0].meta.id, keptItem);
    ASSERT_EQ(notebook.entry(keptEntry).evidence.size(), 1u);
    EXPECT_EQ(notebook.entry(keptEntry).evidence[0].meta.id, keptLine);
    EXPECT_EQ(rows("notebook_entries"), 1);
    EXPECT_EQ(rows("notebook_evidence"), 1);
    EXPECT_EQ(rows("reflections"), 1);
    EXPECT_EQ(reflections.reflection(keptReflection).data.problemId, 0)
        << "a kept reflection lets go of its purged problem";
    EXPECT_EQ(rows("problems"), 1);
    EXPECT_TRUE(plans.talks(keptProblem.meta.id).empty());
    EXPECT_EQ(rows("plan_b_talks"), 0);
    EXPECT_EQ(rows("day_states"), 0);
    EXPECT_EQ(rows("timers"), 0);

    EXPECT_EQ(hits("kind"), 1u);
    EXPECT_EQ(hits("neighbour"), 1u);
    EXPECT_EQ(hits("zebrafinch"), 0u);
    EXPECT_EQ(hits("marble"), 0u) << "a purged child's notebook leaves the index";
    EXPECT_EQ(rows("search_docs"), 2);
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'wombat OR quokka'").getInt(),
              0);
    expectSoundFile();
}

TEST_F(TrashTest, EmptyOnAnEmptyTrashChangesNothing)
{
    const Id maya = addChild("Maya");
    addSession(maya, 10);
    trash.empty();
    EXPECT_EQ(rows("children"), 1);
    EXPECT_EQ(rows("sessions"), 1);
    expectSoundFile();
}

TEST_F(TrashTest, PurgeDeletesOneRowForGood)
{
    const Id maya = addChild("Maya");
    const Id first = addSession(maya, 10);
    const Id second = addSession(maya, 20);
    timeLog.trashSession(first);
    timeLog.trashSession(second);
    const Id entry = addEntry(maya, "Draws axolotls");
    notebook.addEvidence(entry, EvidenceSide::Entry, "2026-11-03", "A pink axolotl with a crown");
    notebook.trashEntry(entry);

    const auto entries = trash.entries();
    ASSERT_EQ(entries.size(), 3u);
    for (const auto& item : entries) {
        if (item.table == "sessions" && item.id == first)
            trash.purge(item);
        if (item.table == "notebook_entries")
            trash.purge(item);
    }
    ASSERT_EQ(trash.entries().size(), 1u);
    EXPECT_EQ(trash.entries()[0].id, second);
    EXPECT_EQ(rows("sessions"), 1);
    EXPECT_EQ(rows("notebook_entries"), 0);
    EXPECT_EQ(rows("notebook_evidence"), 0) << "an entry's evidence goes with it";
    EXPECT_EQ(hits("axolotl"), 0u);
    expectSoundFile();

    // Gone for good: neither a second purge nor a restore finds it.
    const TrashEntry gone{"sessions", first, "", 0};
    try {
        trash.purge(gone);
        FAIL() << "purged twice";
    } catch (const StorageError& error) {
        EXPECT_STREQ(error.what(), "That is no longer in the trash.");
    }
    EXPECT_THROW(trash.restore(gone), StorageError);
    EXPECT_THROW(timeLog.restoreSession(first), StorageError);
}

TEST_F(TrashTest, PurgeRefusesLiveRowsAndUnknownTables)
{
    const Id maya = addChild("Maya");
    const Id session = addSession(maya, 10);
    EXPECT_THROW(trash.purge({"sessions", session, "", 0}), StorageError);
    EXPECT_THROW(trash.purge({"children", maya, "", 0}), StorageError);
    EXPECT_THROW(trash.purge({"caregivers", 1, "", 0}), StorageError);
    EXPECT_EQ(rows("sessions"), 1);
    EXPECT_EQ(rows("children"), 1);
    EXPECT_EQ(rows("caregivers"), 1);
}

TEST_F(TrashTest, PurgingAChildTakesEverythingOfTheirs)
{
    const Id maya = addChild("Maya");
    const Id leo = addChild("Leo");
    addSession(leo, 10);
    addEntry(leo, "Sings to the platypus");
    const Id reflection = addReflection(leo, "Bedtime");
    addTalk(addProblem(leo, "Difficulty brushing teeth at night", reflection).meta.id);
    addSession(maya, 25);
    family.trashChild(leo);

    trash.purge(trash.entries().at(0));
    EXPECT_EQ(rows("children"), 1);
    EXPECT_EQ(rows("sessions"), 1);
    EXPECT_EQ(rows("notebook_entries"), 0);
    EXPECT_EQ(rows("reflections"), 0);
    EXPECT_EQ(rows("problems"), 0);
    EXPECT_EQ(rows("plan_b_talks"), 0);
    EXPECT_EQ(hits("platypus"), 0u);
    EXPECT_EQ(family.children().size(), 1u);
    expectSoundFile();
}
