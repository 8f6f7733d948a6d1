// SPDX-License-Identifier: MIT
// Sessions and day states through the public TimeLog API: every validation rule with its
// exact message (and nothing stored), quick log, edit, trash and restore, lists and chips.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Migrations.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/Trash.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {

class TimeLogTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock{"2026-11-28"};
    Database db = Database::create(dir / "time.sqlite");
    Store store{db, clock, 42};
    Family family{store};
    TimeLog log{store};
    Id maya = 0;
    Id leo = 0;

    void SetUp() override
    {
        store.setActor(family.caregivers().front().meta.uuid);
        maya = family.addChild(child("Maya")).meta.id;
        leo = family.addChild(child("Leo")).meta.id;
    }

    static ChildDraft child(const std::string& name)
    {
        ChildDraft d;
        d.name = name;
        return d;
    }

    SessionDraft draft(Id childId, const std::string& day, int minutes)
    {
        SessionDraft d;
        d.childId = childId;
        d.day = day;
        d.minutes = minutes;
        return d;
    }

    int rows(const std::string& table) { return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt(); }

    // The one message for `field` when `bad` is added; asserts nothing was stored.
    std::string messageFor(const SessionDraft& bad, const std::string& field)
    {
        const int before = rows("sessions");
        try {
            log.addSession(bad);
        } catch (const ValidationError& error) {
            EXPECT_EQ(rows("sessions"), before) << "an invalid session was stored";
            return error.messageFor(field);
        }
        ADD_FAILURE() << "accepted an invalid session";
        return {};
    }
};

} // namespace

TEST_F(TimeLogTest, AddSessionStoresEveryFieldAndWhoLoggedIt)
{
    SessionDraft d = draft(maya, "2026-11-27", 25);
    d.startMs = 1'795'000'000'000;
    d.activity = "  Lego castle ";
    d.childLed = true;
    d.noScreens = true;
    d.noInterruptions = false;
    d.presence = 4;
    d.moodBefore = "Tired";
    d.moodAfter = " Proud ";
    d.note = "We built a moat.";
    d.marvel = "How she planned the towers.";
    const Session s = log.addSession(d);

    EXPECT_EQ(s.data.childId, maya);
    EXPECT_EQ(s.data.day, "2026-11-27");
    EXPECT_EQ(s.data.startMs, d.startMs);
    EXPECT_EQ(s.data.minutes, 25);
    EXPECT_EQ(s.data.activity, "Lego castle");
    EXPECT_TRUE(s.data.childLed);
    EXPECT_TRUE(s.data.noScreens);
    EXPECT_FALSE(s.data.noInterruptions);
    EXPECT_EQ(s.data.presence, 4);
    EXPECT_EQ(s.data.moodBefore, "Tired");
    EXPECT_EQ(s.data.moodAfter, "Proud");
    EXPECT_EQ(s.data.note, d.note);
    EXPECT_EQ(s.data.marvel, d.marvel);
    EXPECT_EQ(s.data.caregiverUuid, store.actor()) << "an empty caregiver means the acting one";
    EXPECT_EQ(s.caregiverName, "Me");
    EXPECT_EQ(s.meta.updatedBy, store.actor());
    EXPECT_EQ(s.meta.createdAt, clock.nowMs());
    EXPECT_EQ(s.meta.uuid.size(), 36u);
}

TEST_F(TimeLogTest, QuickLogIsChildMinutesAndToday)
{
    const Session s = log.quickLog(maya, 10);
    EXPECT_EQ(s.data.day, "2026-11-28");
    EXPECT_EQ(s.data.minutes, 10);
    EXPECT_FALSE(s.data.startMs.has_value());
    EXPECT_TRUE(s.data.activity.empty());
    EXPECT_EQ(s.data.presence, 0);
    EXPECT_EQ(s.data.caregiverUuid, store.actor());
    EXPECT_THROW(log.quickLog(maya, 0), ValidationError);
    EXPECT_EQ(rows("sessions"), 1);
}

TEST_F(TimeLogTest, EveryRuleHasItsOwnPlainMessage)
{
    EXPECT_EQ(messageFor(draft(0, "2026-11-28", 10), "childId"), "Please choose a child.");
    EXPECT_EQ(messageFor(draft(maya, "", 10), "day"), "Please choose the day.");
    EXPECT_EQ(messageFor(draft(maya, "28/11/2026", 10), "day"),
              "Please enter the day as year-month-day, like 2026-11-28.");
    EXPECT_EQ(messageFor(draft(maya, "2026-02-30", 10), "day"),
              "Please enter the day as year-month-day, like 2026-11-28.");
    EXPECT_EQ(messageFor(draft(maya, "1899-12-31", 10), "day"), "That date is before 1900. Please check the year.");
    EXPECT_EQ(messageFor(draft(maya, "2026-11-30", 10), "day"), "That day hasn't come yet. Please check the date.");
    EXPECT_EQ(messageFor(draft(maya, "2026-11-28", 0), "minutes"), "Choose between 1 and 600 minutes.");
    EXPECT_EQ(messageFor(draft(maya, "2026-11-28", 601), "minutes"), "Choose between 1 and 600 minutes.");
    EXPECT_EQ(messageFor(draft(maya, "2026-11-28", -5), "minutes"), "Choose between 1 and 600 minutes.");

    SessionDraft d = draft(maya, "2026-11-28", 10);
    d.startMs = -1;
    EXPECT_EQ(messageFor(d, "startMs"), "Please check the start time.");
    d = draft(maya, "2026-11-28", 10);
    d.activity = std::string(121, 'a');
    EXPECT_EQ(messageFor(d, "activity"), "Please keep the activity to 120 characters; the note can hold more.");
    d = draft(maya, "2026-11-28", 10);
    d.presence = 6;
    EXPECT_EQ(messageFor(d, "presence"), "Choose how present you felt from 1 to 5, or leave it blank.");
    d.presence = -1;
    EXPECT_EQ(messageFor(d, "presence"), "Choose how present you felt from 1 to 5, or leave it blank.");
    d = draft(maya, "2026-11-28", 10);
    d.moodBefore = std::string(41, 'x');
    EXPECT_EQ(messageFor(d, "moodBefore"), "Please keep the feeling to 40 characters or fewer.");
    d = draft(maya, "2026-11-28", 10);
    d.moodAfter = std::string(41, 'x');
    EXPECT_EQ(messageFor(d, "moodAfter"), "Please keep the feeling to 40 characters or fewer.");
    d = draft(maya, "2026-11-28", 10);
    d.note = test::bigText(1024 * 1024 + 1);
    EXPECT_EQ(messageFor(d, "note"), "This note is longer than Attune can keep (1 MB). Please shorten it.");
    d = draft(maya, "2026-11-28", 10);
    d.marvel = test::bigText(1024 * 1024 + 1);
    EXPECT_EQ(messageFor(d, "marvel"), "This is longer than Attune can keep (1 MB). Please shorten it.");
    d = draft(maya, "2026-11-28", 10);
    d.caregiverUuid = "00000000-0000-4000-8000-000000000000";
    EXPECT_EQ(messageFor(d, "caregiverUuid"), "Please choose who spent the time.");
}

TEST_F(TimeLogTest, LimitsAreInclusiveAndCountCharactersNotBytes)
{
    SessionDraft d = draft(maya, "2026-11-29", 600); // one day ahead: another time zone
    d.activity = std::string(120, 'a');
    d.presence = 5;
    d.moodBefore = std::string(40, 'x');
    EXPECT_NO_THROW(log.addSession(d));
    d = draft(maya, "1900-01-01", 1);
    d.activity.clear();
    for (int i = 0; i < 120; ++i)
        d.activity += "\xF0\x9F\xA6\x96"; // 120 emoji = 480 bytes
    d.note = test::bigText(1024 * 1024);
    EXPECT_NO_THROW(log.addSession(d));
    EXPECT_EQ(rows("sessions"), 2);
}

TEST_F(TimeLogTest, SeveralBrokenRulesAreReportedTogether)
{
    SessionDraft d = draft(0, "tomorrow", 0);
    d.presence = 9;
    try {
        log.addSession(d);
        FAIL();
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.errors().size(), 4u);
    }
}

TEST_F(TimeLogTest, MissingOrTrashedChildIsNotFound)
{
    EXPECT_THROW(log.addSession(draft(9999, "2026-11-28", 10)), StorageError);
    family.trashChild(leo);
    try {
        log.addSession(draft(leo, "2026-11-28", 10));
        FAIL();
    } catch (const StorageError& error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::NotFound);
    }
    EXPECT_EQ(rows("sessions"), 0);
}

TEST_F(TimeLogTest, HardTextIsStoredExactly)
{
    SessionDraft d = draft(maya, "2026-11-28", 10);
    d.note = test::hardText();
    d.marvel = test::hardText();
    d.activity = "Zo\xC3\xAB's \xF0\x9F\x8C\x88 '; DROP TABLE sessions; --";
    const Id id = log.addSession(d).meta.id;
    const Session s = log.session(id);
    EXPECT_EQ(s.data.note, test::hardText());
    EXPECT_EQ(s.data.note.size(), test::hardText().size());
    EXPECT_EQ(s.data.marvel, test::hardText());
    EXPECT_EQ(s.data.activity, d.activity);
}

TEST_F(TimeLogTest, EditKeepsTheRulesAndRecordsWhoChangedIt)
{
    const Id id = log.addSession(draft(maya, "2026-11-27", 10)).meta.id;
    const Caregiver alex = family.addCaregiver("Alex");
    store.setActor(alex.meta.uuid);
    clock.advanceMs(5000);
    SessionDraft changed = log.session(id).data;
    changed.minutes = 35;
    changed.childId = leo;
    changed.marvel = "The whole train line.";
    log.updateSession(id, log.session(id).data, changed);
    const Session s = log.session(id);
    EXPECT_EQ(s.data.minutes, 35);
    EXPECT_EQ(s.data.childId, leo);
    EXPECT_EQ(s.meta.updatedBy, alex.meta.uuid);
    EXPECT_EQ(s.meta.updatedAt, clock.nowMs());
    EXPECT_EQ(s.caregiverName, "Me") << "editing does not change who spent the time";

    // A caregiver who has since left the file does not block editing their old session.
    db.sql().exec("UPDATE caregivers SET deleted_at = 1 WHERE name = 'Me'");
    changed.note = "edited later";
    EXPECT_NO_THROW(log.updateSession(id, log.session(id).data, changed));
    changed.caregiverUuid = "00000000-0000-4000-8000-000000000000";
    EXPECT_THROW(log.updateSession(id, log.session(id).data, changed), ValidationError);

    changed = log.session(id).data;
    changed.minutes = 0;
    EXPECT_THROW(log.updateSession(id, log.session(id).data, changed), ValidationError);
    EXPECT_EQ(log.session(id).data.minutes, 35);
    EXPECT_THROW(log.updateSession(9999, log.session(id).data, log.session(id).data), StorageError);
}

TEST_F(TimeLogTest, TrashAndRestoreASession)
{
    const Id id = log.addSession(draft(maya, "2026-11-27", 15)).meta.id;
    log.trashSession(id);
    EXPECT_THROW(log.session(id), StorageError);
    EXPECT_TRUE(log.sessions({}).empty());
    EXPECT_EQ(rows("sessions"), 1) << "trash keeps the row";
    EXPECT_THROW(log.trashSession(id), StorageError);

    Trash trash(store);
    const auto entries = trash.entries();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].table, "sessions");
    EXPECT_EQ(entries[0].title, "Maya \xC2\xB7 2026-11-27 \xC2\xB7 15 min");
    trash.restore(entries[0]);
    EXPECT_EQ(log.session(id).data.minutes, 15);

    log.trashSession(id);
    log.restoreSession(id);
    EXPECT_EQ(log.sessions({}).size(), 1u);
    EXPECT_THROW(log.restoreSession(id), StorageError) << "only a trashed session can be restored";
}

TEST_F(TimeLogTest, ListsFilterByChildCaregiverDaysAndActivity)
{
    const Caregiver alex = family.addCaregiver("Alex");
    SessionDraft d = draft(maya, "2026-11-20", 10);
    d.activity = "Lego";
    log.addSession(d);
    d.day = "2026-11-25";
    d.activity = "Drawing comics";
    d.caregiverUuid = alex.meta.uuid;
    log.addSession(d);
    d = draft(leo, "2026-11-26", 20);
    d.activity = "Train set";
    log.addSession(d);

    const auto all = log.sessions({});
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].data.day, "2026-11-26") << "newest day first";
    EXPECT_EQ(all[2].data.day, "2026-11-20");

    SessionFilter byChild;
    byChild.childId = maya;
    EXPECT_EQ(log.sessions(byChild).size(), 2u);
    EXPECT_EQ(log.countSessions(byChild), 2);

    SessionFilter byCaregiver;
    byCaregiver.caregiverUuid = alex.meta.uuid;
    ASSERT_EQ(log.sessions(byCaregiver).size(), 1u);
    EXPECT_EQ(log.sessions(byCaregiver)[0].caregiverName, "Alex");

    SessionFilter byDays;
    byDays.from = "2026-11-21";
    byDays.to = "2026-11-25";
    ASSERT_EQ(log.sessions(byDays).size(), 1u);
    EXPECT_EQ(log.sessions(byDays)[0].data.day, "2026-11-25");

    SessionFilter byActivity;
    byActivity.activity = "DRAWING";
    EXPECT_EQ(log.countSessions(byActivity), 1);
    byActivity.activity = "'; DROP TABLE sessions; --";
    EXPECT_EQ(log.countSessions(byActivity), 0);

    SessionFilter page;
    page.limit = 1;
    page.offset = 1;
    ASSERT_EQ(log.sessions(page).size(), 1u);
    EXPECT_EQ(log.sessions(page)[0].data.day, "2026-11-25");

    EXPECT_EQ(log.sessionsOn(maya, "2026-11-25").size(), 1u);
    EXPECT_TRUE(log.sessionsOn(leo, "2026-11-25").empty());
}

TEST_F(TimeLogTest, RecentActivitiesAreThisChildsDistinctNewestFirst)
{
    const char* days[] = {"2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"};
    const char* activities[] = {"Lego", "Drawing", "lego", "Play-dough", ""};
    for (int i = 0; i < 5; ++i) {
        SessionDraft d = draft(maya, days[i], 10);
        d.activity = activities[i];
        log.addSession(d);
    }
    SessionDraft other = draft(leo, "2026-11-06", 10);
    other.activity = "Train set";
    log.addSession(other);

    EXPECT_EQ(log.recentActivities(maya), (std::vector<std::string>{"Play-dough", "lego", "Drawing"}));
    EXPECT_EQ(log.recentActivities(maya, 2), (std::vector<std::string>{"Play-dough", "lego"}));
    EXPECT_EQ(log.recentActivities(leo), (std::vector<std::string>{"Train set"}));
}

TEST_F(TimeLogTest, DayStatesSetChangeAndClear)
{
    EXPECT_EQ(log.dayState(maya, "2026-11-27"), DayState::None);
    log.setDayState(maya, "2026-11-27", DayState::Away);
    EXPECT_EQ(log.dayState(maya, "2026-11-27"), DayState::Away);
    EXPECT_EQ(log.dayState(leo, "2026-11-27"), DayState::None);
    log.setDayState(maya, "2026-11-27", DayState::Sick);
    EXPECT_EQ(log.dayState(maya, "2026-11-27"), DayState::Sick);
    log.setDayState(maya, "2026-11-27", DayState::None);
    EXPECT_EQ(log.dayState(maya, "2026-11-27"), DayState::None);
    log.setDayState(maya, "2026-11-27", DayState::PartnerDidIt);
    EXPECT_EQ(log.dayState(maya, "2026-11-27"), DayState::PartnerDidIt);
    EXPECT_EQ(rows("day_states"), 1) << "one row per child and day, revived when set again";

    log.setDayState(leo, "2026-12-20", DayState::Away); // planned ahead
    log.setDayState(leo, "2026-11-01", DayState::None); // clearing a blank day is fine
    EXPECT_EQ(log.dayState(leo, "2026-12-20"), DayState::Away);
}

TEST_F(TimeLogTest, SettingTheSameStateTwiceChangesNothing)
{
    log.setDayState(maya, "2026-11-27", DayState::Away);
    const auto stamp = [&] {
        return db.sql().execAndGet("SELECT updated_at FROM day_states").getInt64();
    };
    const auto first = stamp();
    clock.advanceMs(1000);
    log.setDayState(maya, "2026-11-27", DayState::Away);
    EXPECT_EQ(stamp(), first);
}

TEST_F(TimeLogTest, DayStateRules)
{
    auto message = [&](const std::string& day) {
        try {
            log.setDayState(maya, day, DayState::Away);
        } catch (const ValidationError& error) {
            return error.messageFor("day");
        }
        return std::string();
    };
    EXPECT_EQ(message(""), "Please choose the day.");
    EXPECT_EQ(message("2026-13-01"), "Please enter the day as year-month-day, like 2026-11-28.");
    EXPECT_EQ(message("1800-01-01"), "That date is before 1900. Please check the year.");
    EXPECT_EQ(message("2027-11-30"), "That day is more than a year away. Please check the date.");
    EXPECT_EQ(message("2027-11-29"), "");
    EXPECT_THROW(log.setDayState(9999, "2026-11-27", DayState::Away), StorageError);
    EXPECT_EQ(rows("day_states"), 1);
}

TEST_F(TimeLogTest, DayStateNamesRoundTrip)
{
    for (DayState state : {DayState::None, DayState::PartnerDidIt, DayState::Away, DayState::Sick})
        EXPECT_EQ(dayStateFromString(toString(state)), state);
    EXPECT_EQ(toString(DayState::PartnerDidIt), "partner_did_it");
    EXPECT_FALSE(dayStateFromString("missed").has_value());
}

TEST(OneOnOneMigration, AFileFromBeforeOneOnOneTimeGainsItsTablesAndKeepsItsFamily)
{
    // The steps up to (not including) this feature's, found by name so the lead can renumber.
    std::vector<MigrationStep> before;
    for (const auto& step : migrationSteps()) {
        if (std::string(step.name).rfind("one-on-one", 0) == 0)
            break;
        before.push_back(step);
    }
    ASSERT_LT(before.size(), migrationSteps().size());
    test::TempDir dir;
    test::FixedClock clock;
    {
        OpenOptions old;
        old.steps = &before;
        Database db = Database::create(dir / "old.sqlite", old);
        Store store(db, clock);
        ChildDraft d;
        d.name = "Maya";
        Family(store).addChild(d);
    }
    Database db = Database::open(dir / "old.sqlite");
    EXPECT_EQ(db.schemaVersion(), Database::latestSchemaVersion());
    EXPECT_TRUE(db.migrationBackup().has_value());
    Store store(db, clock);
    store.setActor(Family(store).caregivers().front().meta.uuid);
    const Id maya = Family(store).children().front().id;
    EXPECT_NO_THROW(TimeLog(store).quickLog(maya, 10));
    EXPECT_NO_THROW(TimeLog(store).setDayState(maya, "2026-11-27", DayState::Away));
}
