// SPDX-License-Identifier: MIT
// The demo family: deterministic for a seed, realistic enough to look at, fast, and never
// added to a file that already holds a family.
#include "TestSupport.h"

#include "attune/core/Check.h"
#include "attune/core/Content.h"
#include "attune/core/Database.h"
#include "attune/core/Demo.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/TimeSummary.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <chrono>
#include <set>

using namespace attune;
using namespace attune::core;

namespace {

std::string content(const std::string& file)
{
    return test::readFile(std::filesystem::path(ATTUNE_SOURCE_DIR) / "resources" / "content" / file);
}

// Every row of a table as text, with the file's own "Me" uuid (made at random when the file
// was created, before the demo) replaced so two files can be compared.
std::string dump(Database& db, const std::string& table)
{
    const std::string me = db.sql().execAndGet("SELECT uuid FROM caregivers ORDER BY id LIMIT 1").getString();
    // "Me" itself was made when the file was created (its own clock and random uuid).
    SQLite::Statement rows(db.sql(), "SELECT * FROM " + table + " WHERE uuid <> ? ORDER BY id");
    rows.bind(1, me);
    std::string text;
    while (rows.executeStep()) {
        for (int i = 0; i < rows.getColumnCount(); ++i) {
            std::string value = rows.getColumn(i).getString();
            if (value == me)
                value = "ME";
            text += value + "|";
        }
        text += "\n";
    }
    return text;
}

int count(Database& db, const std::string& sql)
{
    return db.sql().execAndGet(sql).getInt();
}

class DemoTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock{"2026-11-28"};

    struct File {
        Database db;
        Store store;
        File(const std::filesystem::path& path, const Clock& clock)
            : db(Database::create(path))
            , store(db, clock)
        {
            store.setActor(Family(store).caregivers().front().meta.uuid);
        }
    };
};

} // namespace

TEST_F(DemoTest, TenYearsOfFourChildrenIsFastAndRealistic)
{
    File file(dir / "demo.sqlite", clock);
    const auto started = std::chrono::steady_clock::now();
    const DemoSummary summary = generateDemo(file.store, DemoOptions{});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_LT(seconds, 10.0) << "the demo must stay quick to make";
    std::printf("demo: 10 years x 4 children in %.2f s, %d sessions\n", seconds, summary.count("sessions"));

    EXPECT_FALSE(summary.isCancelled);
    EXPECT_EQ(summary.lastDay, "2026-11-28");
    EXPECT_EQ(summary.firstDay, "2016-11-29");
    EXPECT_EQ(summary.count("children"), 4);
    EXPECT_EQ(summary.count("caregivers"), 1) << "\"Me\" was already there; the co-parent is new";
    EXPECT_GE(summary.count("co-regulation items"), 24);
    EXPECT_GT(summary.count("sessions"), 6000);
    EXPECT_GT(summary.count("day states"), 500);

    Database& db = file.db;
    EXPECT_EQ(count(db, "SELECT count(*) FROM sessions"), summary.count("sessions"));
    EXPECT_EQ(count(db, "SELECT count(*) FROM day_states"), summary.count("day states"));
    EXPECT_EQ(count(db, "SELECT count(*) FROM caregivers"), 2);
    EXPECT_EQ(count(db, "SELECT count(*) FROM sessions WHERE day < '2016-11-29' OR day > '2026-11-28'"), 0);
    EXPECT_EQ(count(db, "SELECT count(DISTINCT caregiver_uuid) FROM sessions"), 2);
    EXPECT_GT(count(db, "SELECT count(DISTINCT activity) FROM sessions"), 10);
    EXPECT_GT(count(db, "SELECT count(*) FROM sessions WHERE marvel <> ''"), 100);
    EXPECT_EQ(count(db, "SELECT count(*) FROM sessions s JOIN children c ON c.id = s.child_id "
                        "WHERE s.day < date(c.birth_date, '+2 years')"),
              0)
        << "one-on-one play starts at about two";
    for (const char* state : {"partner_did_it", "away", "sick"})
        EXPECT_GT(count(db, std::string("SELECT count(*) FROM day_states WHERE state = '") + state + "'"), 20) << state;

    const auto children = Family(file.store).children();
    ASSERT_EQ(children.size(), 4u);
    std::set<std::string> names;
    for (const auto& child : children) {
        names.insert(child.name);
        EXPECT_FALSE(child.birthDate.empty());
        EXPECT_EQ(child.avatarColor.size(), 7u);
        EXPECT_FALSE(Family(file.store).coregItems(child.id).empty());
        const Rhythm rhythm = TimeSummary(file.store).rhythm(child.id);
        EXPECT_TRUE(rhythm.hasHistory);
        EXPECT_GT(rhythm.value, 0.5);
        EXPECT_LE(rhythm.value, 1.0);
    }
    EXPECT_EQ(names.size(), 4u);
    EXPECT_TRUE(core::checkDatabase(dir / "demo.sqlite").isOk);
}

TEST_F(DemoTest, TheSameSeedGivesIdenticalRows)
{
    DemoOptions options;
    options.years = 3;
    options.children = 3;
    options.seed = 99;
    File a(dir / "a.sqlite", clock);
    File b(dir / "b.sqlite", clock);
    generateDemo(a.store, options);
    generateDemo(b.store, options);
    for (const char* table : {"caregivers", "children", "coreg_items", "sessions", "day_states"}) {
        const std::string rowsA = dump(a.db, table);
        EXPECT_FALSE(rowsA.empty()) << table;
        EXPECT_EQ(rowsA, dump(b.db, table)) << table;
    }

    options.seed = 100;
    File c(dir / "c.sqlite", clock);
    generateDemo(c.store, options);
    EXPECT_NE(dump(a.db, "sessions"), dump(c.db, "sessions"));
}

TEST_F(DemoTest, ItUsesTheAppsOwnContent)
{
    Database db = Database::openInMemory();
    Store store(db, clock);
    DemoOptions options;
    options.years = 2;
    options.children = 8;
    generateDemo(store, options);

    std::set<std::string> categories;
    for (const auto& category : parseCoregCategories(content("coregulation.json")))
        categories.insert(category.key);
    SQLite::Statement items(db.sql(), "SELECT DISTINCT category FROM coreg_items");
    while (items.executeStep())
        EXPECT_TRUE(categories.count(items.getColumn(0).getString())) << items.getColumn(0).getString();

    const std::string activities = content("activities.json");
    SQLite::Statement played(db.sql(), "SELECT DISTINCT activity FROM sessions WHERE activity <> ''");
    while (played.executeStep())
        EXPECT_NE(activities.find('"' + played.getColumn(0).getString() + '"'), std::string::npos)
            << played.getColumn(0).getString();

    const std::string feelings = content("feelings.json");
    SQLite::Statement moods(db.sql(), "SELECT mood_before FROM sessions WHERE mood_before <> '' UNION "
                                      "SELECT mood_after FROM sessions WHERE mood_after <> ''");
    while (moods.executeStep())
        EXPECT_NE(feelings.find('"' + moods.getColumn(0).getString() + '"'), std::string::npos)
            << moods.getColumn(0).getString();
}

TEST_F(DemoTest, AFileWithChildrenIsLeftAlone)
{
    File file(dir / "family.sqlite", clock);
    ChildDraft d;
    d.name = "Maya";
    Family(file.store).addChild(d);
    Family(file.store).trashChild(Family(file.store).children().front().id);
    try {
        generateDemo(file.store);
        FAIL() << "demo data added to a real family";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("children"), "This file already has children in it, so no demo family was "
                                                "added. Please use a new file for the demo.");
    }
    EXPECT_EQ(count(file.db, "SELECT count(*) FROM children"), 1);
    EXPECT_EQ(count(file.db, "SELECT count(*) FROM caregivers"), 1);
    EXPECT_EQ(count(file.db, "SELECT count(*) FROM sessions"), 0);
}

TEST_F(DemoTest, BadOptionsAreRefusedPlainly)
{
    Database db = Database::openInMemory();
    Store store(db, clock);
    DemoOptions options;
    options.years = 0;
    options.children = 9;
    options.today = "soon";
    try {
        generateDemo(store, options);
        FAIL();
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("years"), "Choose between 1 and 30 years.");
        EXPECT_EQ(error.messageFor("children"), "Choose between 1 and 8 children.");
        EXPECT_EQ(error.messageFor("today"), "Please enter the day as year-month-day, like 2026-11-28.");
    }
    EXPECT_EQ(count(db, "SELECT count(*) FROM children"), 0);
}

TEST_F(DemoTest, ProgressIsReportedAndStopLeavesWholeBatches)
{
    Database db = Database::openInMemory();
    Store store(db, clock);
    std::atomic<bool> stop{false};
    std::vector<std::pair<int, int>> reports;
    DemoOptions options;
    options.years = 5;
    options.children = 2;
    options.stop = &stop;
    options.progress = [&](int done, int total) {
        reports.emplace_back(done, total);
        if (done == 3)
            stop = true;
    };
    const DemoSummary summary = generateDemo(store, options);
    EXPECT_TRUE(summary.isCancelled);
    ASSERT_EQ(reports.size(), 3u);
    // family, one batch per year of one-on-one time, then the notebook and the reflections
    EXPECT_EQ(reports[0], std::make_pair(1, 8));
    EXPECT_EQ(reports[2], std::make_pair(3, 8));
    EXPECT_EQ(count(db, "SELECT count(*) FROM children"), 2);
    EXPECT_EQ(count(db, "SELECT count(*) FROM sessions"), summary.count("sessions"));
    EXPECT_EQ(count(db, "SELECT max(day) < '2024' FROM sessions"), 1) << "later years were not written";
}

TEST_F(DemoTest, TodayMayBeChosen)
{
    Database db = Database::openInMemory();
    Store store(db, clock);
    DemoOptions options;
    options.years = 1;
    options.children = 1;
    options.today = "2020-02-29";
    const DemoSummary summary = generateDemo(store, options);
    EXPECT_EQ(summary.lastDay, "2020-02-29");
    EXPECT_EQ(db.sql().execAndGet("SELECT max(day) FROM sessions").getString() <= "2020-02-29", true);
}
