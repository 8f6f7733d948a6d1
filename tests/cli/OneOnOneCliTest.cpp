// SPDX-License-Identifier: MIT
// attune-cli log / stats / demo end to end: what a person reads, exit codes, and what is
// (or is not) in the file afterwards.
#include "CliHarness.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"

#include <SQLiteCpp/Database.h>

using namespace attune;
using attune::test::CliRun;

namespace {

class OneOnOneCliTest : public test::CliHarness {
protected:
    void SetUp() override
    {
        ASSERT_EQ(cli("init").exitCode, 0);
        ASSERT_EQ(cli("child add Maya --goal 15").exitCode, 0);
        ASSERT_EQ(cli("child add Leo").exitCode, 0);
    }

    std::vector<core::Session> sessions()
    {
        core::Database file = core::Database::open(db);
        core::SystemClock clock;
        core::Store store(file, clock);
        return core::TimeLog(store).sessions({});
    }

    static std::string today() { return core::SystemClock().today(); }
};

} // namespace

TEST_F(OneOnOneCliTest, LogAddsASessionForTodayAndSaysSo)
{
    const CliRun run = cli("log --child maya --minutes 15");
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(run.has("Logged 15 min with Maya on " + today() + ".")) << run.output;
    const auto stored = sessions();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].data.minutes, 15);
    EXPECT_EQ(stored[0].data.day, today());
    EXPECT_EQ(stored[0].caregiverName, "Me");
}

TEST_F(OneOnOneCliTest, LogTakesADateAndAnActivity)
{
    const CliRun run = cli("log --child Leo --minutes 600 --date 2024-02-29 --activity 'Train set \xF0\x9F\x9A\x82'");
    EXPECT_EQ(run.exitCode, 0) << run.output;
    const auto stored = sessions();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].data.day, "2024-02-29");
    EXPECT_EQ(stored[0].data.minutes, 600);
    EXPECT_EQ(stored[0].data.activity, "Train set \xF0\x9F\x9A\x82");
}

TEST_F(OneOnOneCliTest, BadMinutesAreRefusedPlainlyAndNothingIsStored)
{
    for (const char* minutes : {"0", "601", "-5", "1.5", "15min", "abc", "''", "99999999999"}) {
        const CliRun run = cli(std::string("log --child Maya --minutes ") + minutes);
        EXPECT_EQ(run.exitCode, 1) << minutes << ": " << run.output;
        EXPECT_TRUE(run.has("Choose between 1 and 600 minutes.")) << minutes << ": " << run.output;
    }
    EXPECT_TRUE(sessions().empty());
}

TEST_F(OneOnOneCliTest, BadDatesAreRefusedPlainly)
{
    CliRun run = cli("log --child Maya --minutes 10 --date 2026-02-30");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("Please enter the day as year-month-day, like 2026-11-28.")) << run.output;
    run = cli("log --child Maya --minutes 10 --date 28/11/2026");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("year-month-day")) << run.output;
    run = cli("log --child Maya --minutes 10 --date 2999-01-01");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("That day hasn't come yet. Please check the date.")) << run.output;
    EXPECT_TRUE(sessions().empty());
}

TEST_F(OneOnOneCliTest, UnknownOrAmbiguousChildIsRefusedPlainly)
{
    CliRun run = cli("log --child Zed --minutes 10");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("There is no child called \"Zed\".")) << run.output;
    ASSERT_EQ(cli("child add MAYA").exitCode, 0);
    run = cli("log --child maya --minutes 10");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("More than one child is called \"maya\".")) << run.output;
    EXPECT_TRUE(sessions().empty());
}

TEST_F(OneOnOneCliTest, LogWithoutAFileCreatesNothing)
{
    const auto missing = dir / "nowhere.sqlite";
    const CliRun run = cliOn(missing, "log --child Maya --minutes 10");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("There is no Attune file")) << run.output;
    EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(OneOnOneCliTest, LogNeedsChildAndMinutes)
{
    EXPECT_NE(cli("log --minutes 10").exitCode, 0);
    EXPECT_NE(cli("log --child Maya").exitCode, 0);
    EXPECT_TRUE(sessions().empty());
}

TEST_F(OneOnOneCliTest, StatsShowCountsMinutesAndRhythm)
{
    ASSERT_EQ(cli("log --child Maya --minutes 15").exitCode, 0);
    ASSERT_EQ(cli("log --child Maya --minutes 5 --activity Lego").exitCode, 0);
    CliRun run = cli("stats");
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(run.has("Maya (goal 15 min a day)")) << run.output;
    EXPECT_TRUE(run.has("Last 7 days   1 of the last 7 days \xC2\xB7 20 min")) << run.output;
    EXPECT_TRUE(run.has("This week     1 day \xC2\xB7 20 min")) << run.output;
    EXPECT_TRUE(run.has("Rhythm        100%")) << run.output;
    EXPECT_TRUE(run.has("Leo (goal 10 min a day)")) << run.output;
    EXPECT_TRUE(run.has("Rhythm        starts with the first session")) << run.output;
    EXPECT_FALSE(run.has("missed"));

    run = cli("stats --child leo");
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_FALSE(run.has("Maya"));
    EXPECT_TRUE(run.has("0 of the last 7 days \xC2\xB7 0 min")) << run.output;

    run = cli("stats --child Zed");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("There is no child called \"Zed\".")) << run.output;

    run = cli("stats --explain");
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.has("How is the rhythm calculated?")) << run.output;
    EXPECT_TRUE(run.has("0.95")) << run.output;
}

namespace {
class DemoCliTest : public test::CliHarness {};
} // namespace

TEST_F(DemoCliTest, DemoCreatesTheFileAndSaysWhatItMade)
{
    const CliRun run = cli("demo --years 2 --children 3 --seed 5");
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(run.has("Created a demo family in a new file at")) << run.output;
    EXPECT_TRUE(run.has("(seed 5)")) << run.output;
    EXPECT_TRUE(run.has("Children: ")) << run.output;
    EXPECT_TRUE(run.has("sessions")) << run.output;
    EXPECT_EQ(test::permissionBits(db), 0600u);
    EXPECT_EQ(cli("check").exitCode, 0);

    const CliRun stats = cli("stats");
    EXPECT_EQ(stats.exitCode, 0);
    EXPECT_TRUE(stats.has("Rhythm")) << stats.output;
}

TEST_F(DemoCliTest, DemoRefusesAFileThatHasAFamily)
{
    ASSERT_EQ(cli("init").exitCode, 0);
    ASSERT_EQ(cli("child add Maya").exitCode, 0);
    const CliRun run = cli("demo --years 1");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("This file already has children in it, so no demo family was added.")) << run.output;
    const CliRun list = cli("child list");
    EXPECT_TRUE(list.has("Maya"));
    EXPECT_EQ(list.output.find("Leo"), std::string::npos);
}

TEST_F(DemoCliTest, DemoFillsAnEmptyFileOnce)
{
    ASSERT_EQ(cli("init").exitCode, 0);
    CliRun run = cli("demo --years 1 --children 1");
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(run.has("Added a demo family to")) << run.output;
    run = cli("demo --years 1 --children 1");
    EXPECT_EQ(run.exitCode, 1);
}

TEST_F(DemoCliTest, BadOptionsCreateNoFile)
{
    CliRun run = cli("demo --years 0");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("Choose between 1 and 30 years.")) << run.output;
    run = cli("demo --children 9");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("Choose between 1 and 8 children.")) << run.output;
    EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(DemoCliTest, TheSameSeedMakesTheSameFamily)
{
    const auto other = dir / "other.sqlite";
    ASSERT_EQ(cli("demo --years 2 --children 2 --seed 11").exitCode, 0);
    ASSERT_EQ(cliOn(other, "demo --years 2 --children 2 --seed 11").exitCode, 0);
    auto rows = [](const std::filesystem::path& file) {
        SQLite::Database sql(file, SQLite::OPEN_READONLY);
        return sql.execAndGet("SELECT group_concat(uuid || day || minutes || activity, ',') FROM "
                              "(SELECT * FROM sessions ORDER BY id)")
            .getString();
    };
    EXPECT_EQ(rows(db), rows(other));
    EXPECT_EQ(cli("child list").output, cliOn(other, "child list").output);
}
