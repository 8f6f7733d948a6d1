// SPDX-License-Identifier: MIT
// One writer per file: attune-cli takes the lock the app holds (core::FileLock). Commands that
// change the file are refused with exit code 75 while another Attune holds it; readers work.
#include "CliHarness.h"

#include "attune/core/FileLock.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <unistd.h>

using namespace attune;

namespace {

class LockCliTest : public test::CliHarness {
protected:
    void SetUp() override
    {
        ASSERT_EQ(cli("child add Maya").exitCode, 1) << "no file yet";
        ASSERT_EQ(cli("init").exitCode, 0);
        ASSERT_EQ(cli("child add Maya").exitCode, 0);
        json = dir / "family.json";
        ASSERT_EQ(cli("export --format json --out '" + json.string() + "'").exitCode, 0);
    }

    std::filesystem::path json;
    std::filesystem::path lockFile() const { return core::FileLock::lockPathFor(db); }
};

} // namespace

TEST_F(LockCliTest, EveryWriterIsRefusedWhileTheAppHoldsTheFile)
{
    const core::FileLock app = core::FileLock::tryLock(db, "attune");
    ASSERT_TRUE(app.isHeld());
    const std::string before = test::readFile(db);
    for (const std::string& writer : std::vector<std::string>
         {"child add Sam", "log --child Maya --minutes 10", "notebook add Kind --child Maya",
          "notebook evidence 1 'Shared her snack'", "import '" + json.string() + "'",
          "import '" + json.string() + "' --dry-run",
          "restore '" + json.string() + "' --yes", "backup --out '" + (dir / "b").string() + "'", "init",
          "demo --years 1 --children 1"}) {
        const test::CliRun run = cli(writer);
        EXPECT_EQ(run.exitCode, 75) << writer << ": " << run.output;
        EXPECT_TRUE(run.has("Attune is open on this file (process " + std::to_string(::getpid()) + ")")) << run.output;
        EXPECT_TRUE(run.has("Nothing was changed")) << run.output;
    }
    EXPECT_EQ(test::readFile(db), before);
    EXPECT_FALSE(std::filesystem::exists(dir / "b")) << "no backup folder was made";
}

TEST_F(LockCliTest, ReadersWorkBesideTheHolder)
{
    const core::FileLock app = core::FileLock::tryLock(db, "attune");
    ASSERT_TRUE(app.isHeld());
    for (const std::string& reader : std::vector<std::string>
         {"child list", "stats", "notebook list --child Maya", "notebook search Maya", "reflections --child Maya",
          "plans --child Maya", "check",
          "export --format csv --out '" + (dir / "csv").string() + "'",
          "export --format json --out '" + (dir / "again.json").string() + "'",
          "export --format md --out '" + (dir / "report.md").string() + "'", "restore '" + json.string() + "'"}) {
        const test::CliRun run = cli(reader);
        // restore without --yes only previews, and says nothing was restored (exit 1 by design).
        EXPECT_EQ(run.exitCode, reader.rfind("restore", 0) == 0 ? 1 : 0) << reader << ": " << run.output;
        EXPECT_FALSE(run.has("Attune is open on this file")) << reader << ": " << run.output;
    }
    EXPECT_TRUE(cli("child list").has("Maya"));
}

TEST_F(LockCliTest, AnotherCliWriterIsNamedAsSuch)
{
    const core::FileLock other = core::FileLock::tryLock(db, "attune-cli");
    ASSERT_TRUE(other.isHeld());
    const test::CliRun run = cli("child add Sam");
    EXPECT_EQ(run.exitCode, 75);
    EXPECT_TRUE(run.has("Another attune-cli")) << run.output;
}

TEST_F(LockCliTest, AWriterLetsGoWhenItIsDone)
{
    ASSERT_EQ(cli("child add Sam").exitCode, 0);
    EXPECT_FALSE(std::filesystem::exists(lockFile()));
    const core::FileLock next = core::FileLock::tryLock(db, "attune");
    EXPECT_TRUE(next.isHeld());
}

TEST_F(LockCliTest, HelpDocumentsTheExitCodes)
{
    const test::CliRun help = cli("--help");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.has("75 another Attune has the file open")) << help.output;
}
