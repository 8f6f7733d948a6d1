// SPDX-License-Identifier: MIT
// attune-cli export / import / backup / restore / check end to end, through the real binary.
#include "CliHarness.h"

#include <cstdlib>

#include <filesystem>

using namespace attune;
namespace fs = std::filesystem;

namespace {

class DataCliTest : public test::CliHarness {
protected:
    fs::path other = dir / "other.sqlite";
    void SetUp() override { ASSERT_EQ(cli("demo --years 1 --children 2").exitCode, 0); }
    std::string backups() const { return "'" + (dir / "Backups").string() + "'"; }
};

TEST_F(DataCliTest, JsonExportImportAndExportAgainGiveTheSameFile)
{
    const auto first = dir / "first.json";
    const auto second = dir / "second.json";
    ASSERT_EQ(cli("export --format json --out '" + first.string() + "'").exitCode, 0);
    ASSERT_EQ(cliOn(other, "init").exitCode, 0);
    const auto dry = cliOn(other, "import '" + first.string() + "' --dry-run --backups " + backups());
    EXPECT_EQ(dry.exitCode, 0) << dry.output;
    EXPECT_TRUE(dry.has("Dry run: the whole file checked out; nothing was written.")) << dry.output;
    EXPECT_FALSE(fs::exists(dir / "Backups")) << "a dry run takes no backup";
    const auto run = cliOn(other, "import '" + first.string() + "' --backups " + backups());
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(run.has("Imported ")) << run.output;
    EXPECT_TRUE(run.has("before-import")) << run.output;
    ASSERT_EQ(cliOn(other, "export --format json --out '" + second.string() + "'").exitCode, 0);
    EXPECT_TRUE(test::readFile(first) == test::readFile(second));
    // Again: nothing new.
    const auto again = cliOn(other, "import '" + first.string() + "' --backups " + backups());
    EXPECT_TRUE(again.has("Imported 0 new and 0 updated records")) << again.output;
}

TEST_F(DataCliTest, ABadImportSaysWhereAndChangesNothing)
{
    const auto good = dir / "good.json";
    ASSERT_EQ(cli("export --format json --out '" + good.string() + "'").exitCode, 0);
    std::string text = test::readFile(good);
    const auto at = text.find("\"minutes\": ");
    ASSERT_NE(at, std::string::npos);
    const auto end = text.find(',', at);
    text.replace(at, end - at, "\"minutes\": 0");
    test::writeFile(dir / "bad.json", text);
    ASSERT_EQ(cliOn(other, "init").exitCode, 0);
    const auto run = cliOn(other, "import '" + (dir / "bad.json").string() + "' --backups " + backups());
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.has("tables.sessions[0].minutes: must be between 1 and 600")) << run.output;
    const auto check = cliOn(other, "check --backups " + backups());
    EXPECT_TRUE(check.has("sessions                 0")) << check.output;

    test::writeFile(dir / "truncated.json", text.substr(0, 100));
    const auto truncated = cliOn(other, "import '" + (dir / "truncated.json").string() + "' --dry-run");
    EXPECT_EQ(truncated.exitCode, 1);
    EXPECT_TRUE(truncated.has("file: the file is not complete, valid JSON")) << truncated.output;
    const auto missing = cliOn(other, "import '" + (dir / "nothing.json").string() + "'");
    EXPECT_EQ(missing.exitCode, 1);
}

TEST_F(DataCliTest, CsvAndMarkdownExports)
{
    const auto csv = cli("export --format csv --out '" + (dir / "csv").string() + "'");
    EXPECT_EQ(csv.exitCode, 0) << csv.output;
    EXPECT_TRUE(fs::exists(dir / "csv" / "sessions.csv"));
    EXPECT_TRUE(fs::exists(dir / "csv" / "children.csv"));
    const auto md = cli("export --format md --out '" + (dir / "report.md").string() + "' --from 2026-11-01 --to 2026-11-28");
    EXPECT_EQ(md.exitCode, 0) << md.output;
    const std::string report = test::readFile(dir / "report.md");
    EXPECT_EQ(report.rfind("# Attune report", 0), 0U);
    EXPECT_NE(report.find("From 2026-11-01 to 2026-11-28."), std::string::npos);
    const auto nobody = cli("export --format md --out '" + (dir / "x.md").string() + "' --child Nobody");
    EXPECT_EQ(nobody.exitCode, 1);
    EXPECT_TRUE(nobody.has("There is no child with that name in this file.")) << nobody.output;
    EXPECT_FALSE(fs::exists(dir / "x.md"));
    const auto badDate = cli("export --format md --out '" + (dir / "x.md").string() + "' --from 2026-13-01");
    EXPECT_EQ(badDate.exitCode, 1);
    const auto mixed = cli("export --format json --out '" + (dir / "x.json").string() + "' --child Leo");
    EXPECT_EQ(mixed.exitCode, 1);
    // A PDF is laid out by the desktop app (tests/gui/AppSmokeTest writes one through this
    // command); its options are checked here first, and without the app nothing is written.
    ::setenv("ATTUNE_APP", (dir / "no-app-here").c_str(), 1);
    const auto pdfNobody = cli("export --format pdf --out '" + (dir / "x.pdf").string() + "' --child Nobody");
    EXPECT_EQ(pdfNobody.exitCode, 1);
    EXPECT_TRUE(pdfNobody.has("There is no child with that name in this file.")) << pdfNobody.output;
    const auto pdf = cli("export --format pdf --out '" + (dir / "x.pdf").string() + "'");
    ::unsetenv("ATTUNE_APP");
    EXPECT_EQ(pdf.exitCode, 1);
    EXPECT_TRUE(pdf.has("A PDF report is made by the Attune app, which was not found")) << pdf.output;
    EXPECT_FALSE(fs::exists(dir / "x.pdf"));
}

TEST_F(DataCliTest, BackupThenCheckShowsIt)
{
    const auto none = cli("check --backups " + backups());
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_TRUE(none.has("No backups yet")) << none.output;
    const auto backup = cli("backup --out " + backups());
    EXPECT_EQ(backup.exitCode, 0) << backup.output;
    EXPECT_TRUE(backup.has("Backup written and verified")) << backup.output;
    const auto check = cli("check --backups " + backups());
    EXPECT_EQ(check.exitCode, 0);
    EXPECT_TRUE(check.has("Newest backup: ")) << check.output;
    EXPECT_TRUE(check.has("checked: ok")) << check.output;
    // The default folder is under the user's documents.
    const auto byDefault = cli("backup");
    EXPECT_EQ(byDefault.exitCode, 0) << byDefault.output;
    EXPECT_TRUE(fs::exists(dir / "Documents" / "Attune Backups"));
}

TEST_F(DataCliTest, RestoreShowsWhatItWouldReplaceAndNeedsYes)
{
    ASSERT_EQ(cli("backup --out " + backups()).exitCode, 0);
    fs::path backupFile;
    for (const auto& entry : fs::directory_iterator(dir / "Backups"))
        backupFile = entry.path();
    ASSERT_EQ(cliOn(other, "init").exitCode, 0);
    ASSERT_EQ(cliOn(other, "child add Solo").exitCode, 0);

    const auto ask = cliOn(other, "restore '" + backupFile.string() + "' --backups " + backups());
    EXPECT_EQ(ask.exitCode, 1);
    EXPECT_TRUE(ask.has("The file to restore:")) << ask.output;
    EXPECT_TRUE(ask.has("It would replace everything now in Attune:")) << ask.output;
    EXPECT_TRUE(ask.has("Solo")) << ask.output;
    EXPECT_TRUE(ask.has("Nothing was restored.")) << ask.output;
    EXPECT_TRUE(cliOn(other, "child list").has("Solo"));

    const auto run = cliOn(other, "restore '" + backupFile.string() + "' --yes --backups " + backups());
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(run.has("Restored. What was there before is in the backup")) << run.output;
    EXPECT_FALSE(cliOn(other, "child list").has("Solo"));
    EXPECT_EQ(cliOn(other, "check --backups " + backups()).exitCode, 0);

    test::writeFile(dir / "notes.txt", "not a database at all");
    const auto foreign = cliOn(other, "restore '" + (dir / "notes.txt").string() + "' --yes --backups " + backups());
    EXPECT_EQ(foreign.exitCode, 1);
    EXPECT_TRUE(foreign.has("notes.txt is not an Attune file or backup.")) << foreign.output;
}

} // namespace
