// SPDX-License-Identifier: MIT
// attune-cli end to end: exit codes and what a person reads.
#include "CliHarness.h"

#include "attune/core/Database.h"

#include <gtest/gtest.h>

using namespace attune;

namespace {
using test::CliRun;
class CliTest : public test::CliHarness {};
} // namespace

TEST_F(CliTest, VersionPrintsAndExitsZero)
{
    const CliRun run = cli("--version");
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_NE(run.output.find("attune-cli 0."), std::string::npos);
}

TEST_F(CliTest, InitCreatesAnOwnerOnlyFileAndCheckReportsIt)
{
    CliRun init = cli("init");
    ASSERT_EQ(init.exitCode, 0) << init.output;
    EXPECT_NE(init.output.find("Created"), std::string::npos);
    EXPECT_EQ(test::permissionBits(db), 0600u);

    CliRun again = cli("init");
    EXPECT_EQ(again.exitCode, 0) << again.output;
    EXPECT_NE(again.output.find("Nothing was changed"), std::string::npos);

    CliRun check = cli("check");
    EXPECT_EQ(check.exitCode, 0) << check.output;
    EXPECT_NE(check.output.find(": ok"), std::string::npos);
    EXPECT_NE(check.output.find("caregivers"), std::string::npos);
    EXPECT_NE(check.output.find("Schema version: " + std::to_string(core::Database::latestSchemaVersion())),
              std::string::npos);
}

TEST_F(CliTest, ChildAddAndListRoundTrip)
{
    ASSERT_EQ(cli("init").exitCode, 0);
    CliRun add = cli("child add 'Maya Rose' --birth-date 2019-04-23 --goal 15");
    EXPECT_EQ(add.exitCode, 0) << add.output;
    EXPECT_EQ(cli("child add Leo").exitCode, 0);
    CliRun list = cli("child list");
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_NE(list.output.find("Maya Rose"), std::string::npos);
    EXPECT_NE(list.output.find("2019-04-23"), std::string::npos);
    EXPECT_NE(list.output.find("Leo"), std::string::npos);
}

TEST_F(CliTest, BadChildInputIsRefusedWithTheRuleAndNothingStored)
{
    ASSERT_EQ(cli("init").exitCode, 0);
    CliRun future = cli("child add Maya --birth-date 2999-01-01");
    EXPECT_EQ(future.exitCode, 1);
    EXPECT_NE(future.output.find("in the future"), std::string::npos);
    CliRun goal = cli("child add Maya --goal 0");
    EXPECT_EQ(goal.exitCode, 1);
    EXPECT_NE(goal.output.find("between 1 and 240"), std::string::npos);
    CliRun blank = cli("child add '   '");
    EXPECT_EQ(blank.exitCode, 1);
    EXPECT_NE(blank.output.find("Please enter your child's name."), std::string::npos);
    EXPECT_NE(cli("child list").output.find("No children yet"), std::string::npos);
}

TEST_F(CliTest, MissingDatabaseIsAnErrorNotANewFile)
{
    CliRun list = cli("child list");
    EXPECT_EQ(list.exitCode, 1);
    EXPECT_NE(list.output.find("There is no Attune file"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(db));
    CliRun check = cli("check");
    EXPECT_EQ(check.exitCode, 1);
}

TEST_F(CliTest, CheckOnADamagedFileFailsPlainly)
{
    ASSERT_EQ(cli("init").exitCode, 0);
    for (int i = 0; i < 50; ++i)
        ASSERT_EQ(cli("child add Child" + std::to_string(i)).exitCode, 0);
    std::string bytes = test::readFile(db);
    ASSERT_GT(bytes.size(), 8192u);
    for (std::size_t i = 4096; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(0xA5);
    test::writeFile(db, bytes);
    CliRun check = cli("check");
    EXPECT_EQ(check.exitCode, 1);
    EXPECT_NE(check.output.find("has problems"), std::string::npos);
}

TEST_F(CliTest, CheckOnANonAttuneFileFailsPlainly)
{
    test::writeFile(db, "just some text, not a database at all, long enough to look like something");
    CliRun check = cli("check");
    EXPECT_EQ(check.exitCode, 1);
    EXPECT_NE(check.output.find("not an Attune file"), std::string::npos);
}

TEST_F(CliTest, UnknownCommandIsAUsageError)
{
    CliRun run = cli("frobnicate");
    EXPECT_NE(run.exitCode, 0);
}
