// SPDX-License-Identifier: MIT
// Complete JSON export and import (docs/export-format.md), CSV and the Markdown report.
#include "DataFixture.h"

#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "attune/core/Import.h"
#include "attune/core/Search.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace attune;
using namespace attune::core;
using json = nlohmann::json;

namespace {

class ExportImportTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock;
};

TEST_F(ExportImportTest, RoundTripOfTheTenYearDemoIsByteForByte)
{
    test::DemoFile source(dir / "source.sqlite", clock, 10, 4);
    // Trash and hard text must survive too.
    source.db->sql().exec("UPDATE sessions SET deleted_at = 1795000000000 WHERE id % 97 = 0");
    SQLite::Statement hard(source.db->sql(), "UPDATE sessions SET note = ? WHERE id = 5");
    hard.bind(1, test::hardText());
    hard.exec();
    const std::string first = exportJson(*source.db);

    test::DemoFile target(dir / "target.sqlite", clock);
    const ImportSummary summary = importJson(*target.store, first);
    EXPECT_GT(summary.added(), 7000);
    const std::string second = exportJson(*target.db);
    ASSERT_EQ(first.size(), second.size());
    EXPECT_TRUE(first == second) << "the second export differs from the first";

    // The search index is rebuilt from the imported records.
    EXPECT_FALSE(Search(*target.store).find("a").empty());
    EXPECT_EQ(target.rows("sessions"), source.rows("sessions"));
}

TEST_F(ExportImportTest, ExportCoversEveryDataTableAndEveryColumn)
{
    test::DemoFile source(dir / "source.sqlite", clock, 1, 1);
    const json file = json::parse(exportJson(*source.db));
    EXPECT_EQ(file["format"], kExportFormatName);
    EXPECT_EQ(file["formatVersion"], kExportFormatVersion);
    EXPECT_EQ(file["schemaVersion"], Database::latestSchemaVersion());
    std::set<std::string> expected;
    SQLite::Statement tables(source.db->sql(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                               "'sqlite%' AND name NOT LIKE 'search%'");
    while (tables.executeStep())
        expected.insert(tables.getColumn(0).getString());
    std::set<std::string> exported;
    for (const auto& [name, rows] : file["tables"].items()) {
        exported.insert(name);
        // Every table is matched by uuid on import, so every table needs one.
        SQLite::Statement columns(source.db->sql(), "SELECT name FROM pragma_table_info(?)");
        columns.bind(1, name);
        std::set<std::string> names;
        while (columns.executeStep())
            names.insert(columns.getColumn(0).getString());
        EXPECT_TRUE(names.count("uuid")) << name << " has no uuid column";
        for (const auto& row : rows) {
            EXPECT_EQ(row.size(), names.size() - 1) << name; // every column but the local id
            EXPECT_FALSE(row.contains("id"));
        }
    }
    EXPECT_EQ(exported, expected);
}

TEST_F(ExportImportTest, ImportingTwiceChangesNothingTheSecondTime)
{
    test::DemoFile source(dir / "source.sqlite", clock, 1, 2);
    const std::string file = exportJson(*source.db);
    test::DemoFile target(dir / "target.sqlite", clock);
    importJson(*target.store, file);
    const auto sessions = target.rows("sessions");
    const ImportSummary again = importJson(*target.store, file);
    EXPECT_EQ(again.added(), 0);
    EXPECT_EQ(again.updated(), 0);
    EXPECT_FALSE(again.changesSomething());
    EXPECT_EQ(target.rows("sessions"), sessions);
    EXPECT_EQ(exportJson(*target.db), file);
}

TEST_F(ExportImportTest, MergeMatchesByUuidAndTheNewerCopyWins)
{
    test::DemoFile source(dir / "source.sqlite", clock, 1, 1);
    test::DemoFile target(dir / "target.sqlite", clock);
    importJson(*target.store, exportJson(*source.db));
    // The source edits one session later; the target edits another one later.
    source.db->sql().exec("UPDATE sessions SET note = 'from the other computer', updated_at = updated_at + 1000 "
                          "WHERE id = 1");
    const std::string uuidTwo = source.db->sql().execAndGet("SELECT uuid FROM sessions WHERE id = 2").getString();
    SQLite::Statement mine(target.db->sql(), "UPDATE sessions SET note = 'mine, newer', updated_at = updated_at + 5000 "
                                             "WHERE uuid = ?");
    mine.bind(1, uuidTwo);
    mine.exec();
    source.db->sql().exec("UPDATE sessions SET note = 'older edit' WHERE id = 2");
    source.db->sql().exec("INSERT INTO sessions (uuid, child_id, day, minutes, created_at, updated_at) VALUES "
                          "('0a1b2c3d-0000-4000-8000-000000000001', 1, '2026-11-27', 15, 1, 1)");

    ImportOptions dry;
    dry.isDryRun = true;
    const auto before = target.rows("sessions");
    const ImportSummary preview = importJson(*target.store, exportJson(*source.db), dry);
    EXPECT_EQ(target.rows("sessions"), before) << "a dry run writes nothing";
    const auto sessions = std::find_if(preview.tables.begin(), preview.tables.end(),
                                       [](auto& t) { return t.table == "sessions"; });
    ASSERT_NE(sessions, preview.tables.end());
    EXPECT_EQ(sessions->added, 1);
    EXPECT_EQ(sessions->updated, 1);
    EXPECT_EQ(sessions->keptOurs, 1);

    importJson(*target.store, exportJson(*source.db));
    EXPECT_EQ(target.rows("sessions"), before + 1);
    EXPECT_EQ(target.db->sql().execAndGet("SELECT count(*) FROM sessions WHERE note = 'from the other computer'").getInt(), 1);
    SQLite::Statement kept(target.db->sql(), "SELECT note FROM sessions WHERE uuid = ?");
    kept.bind(1, uuidTwo);
    ASSERT_TRUE(kept.executeStep());
    EXPECT_EQ(kept.getColumn(0).getString(), "mine, newer");
}

TEST_F(ExportImportTest, AnOlderExportWithoutLaterTablesAndColumnsImports)
{
    test::DemoFile source(dir / "source.sqlite", clock, 1, 1);
    json file = json::parse(exportJson(*source.db));
    file["schemaVersion"] = 2;
    file["tables"].erase("notebook_entries");
    file["tables"].erase("notebook_evidence");
    for (auto& session : file["tables"]["sessions"])
        session.erase("presence"); // a column with a default, as if added later
    test::DemoFile target(dir / "target.sqlite", clock);
    const ImportSummary summary = importJson(*target.store, file.dump());
    EXPECT_EQ(summary.schemaVersion, 2);
    EXPECT_EQ(target.rows("sessions"), source.rows("sessions"));
    EXPECT_EQ(target.db->sql().execAndGet("SELECT count(*) FROM sessions WHERE presence <> 0").getInt(), 0);
    EXPECT_EQ(target.rows("notebook_entries"), 0);
}

TEST_F(ExportImportTest, ImportTakesABackupFirst)
{
    test::DemoFile source(dir / "source.sqlite", clock, 1, 1);
    test::DemoFile target(dir / "target.sqlite", clock);
    ImportOptions options;
    options.backupFolder = dir / "backups";
    const ImportSummary summary = importJson(*target.store, exportJson(*source.db), options);
    ASSERT_TRUE(summary.backup.has_value());
    EXPECT_TRUE(std::filesystem::exists(summary.backup->path));
    EXPECT_NE(summary.backup->path.filename().string().find("before-import"), std::string::npos);
}

TEST_F(ExportImportTest, PhotosAndHardTextSurvive)
{
    test::DemoFile source(dir / "source.sqlite", clock);
    ChildDraft child;
    child.name = "Zo\xC3\xAB";
    child.photo = std::string("\x89PNG\0\x01\xFF", 7);
    const Id id = Family(*source.store).addChild(child).meta.id;
    SQLite::Statement story(source.db->sql(), "UPDATE children SET birth_story = ? WHERE id = ?");
    story.bind(1, test::hardText());
    story.bind(2, id);
    story.exec();
    test::DemoFile target(dir / "target.sqlite", clock);
    importJson(*target.store, exportJson(*source.db));
    const auto children = Family(*target.store).children();
    ASSERT_EQ(children.size(), 1U);
    const Child read = Family(*target.store).child(children.front().id);
    EXPECT_EQ(read.data.photo, child.photo);
    EXPECT_EQ(read.data.birthStory, test::hardText());
}

TEST_F(ExportImportTest, StoppingAnExportOrImportLeavesNothing)
{
    test::DemoFile source(dir / "source.sqlite", clock, 2, 2);
    std::atomic<bool> stop{true};
    Progress progress;
    progress.stop = &stop;
    EXPECT_THROW(writeJsonExport(*source.db, dir / "out.json", progress), WorkCancelled);
    EXPECT_FALSE(std::filesystem::exists(dir / "out.json"));
    EXPECT_FALSE(std::filesystem::exists(dir / "out.json.partial"));

    test::DemoFile target(dir / "target.sqlite", clock);
    ImportOptions options;
    options.progress = progress;
    EXPECT_THROW(importJson(*target.store, exportJson(*source.db), options), WorkCancelled);
    EXPECT_EQ(target.rows("sessions"), 0);
    EXPECT_EQ(target.rows("caregivers"), 1);
}

TEST_F(ExportImportTest, ProgressIsReported)
{
    test::DemoFile source(dir / "source.sqlite", clock, 2, 2);
    std::size_t last = 0;
    std::size_t total = 0;
    Progress progress;
    progress.report = [&](std::size_t done, std::size_t all) {
        EXPECT_GE(done, last);
        last = done;
        total = all;
    };
    exportJson(*source.db, progress);
    EXPECT_GT(total, 0U);
    EXPECT_EQ(last, total);
}

TEST_F(ExportImportTest, CsvFieldsAreQuotedTheRfc4180Way)
{
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvField("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csvField(""), "");
}

TEST_F(ExportImportTest, CsvHasOneFilePerTableWithAHeaderAndEveryRow)
{
    test::DemoFile source(dir / "source.sqlite", clock, 1, 1);
    const auto files = writeCsvExport(*source.db, dir / "csv");
    EXPECT_GE(files.size(), 8U);
    const std::string sessions = test::readFile(dir / "csv" / "sessions.csv");
    EXPECT_EQ(sessions.rfind("\xEF\xBB\xBFid,uuid,child_id,caregiver_uuid,day,", 0), 0U);
    std::size_t lines = 0;
    for (std::size_t at = 0; (at = sessions.find("\r\n", at)) != std::string::npos; at += 2)
        ++lines;
    EXPECT_GE(lines, static_cast<std::size_t>(source.rows("sessions")) + 1);
}

TEST_F(ExportImportTest, MarkdownReportPerChildAndRange)
{
    test::DemoFile source(dir / "source.sqlite", clock, 1, 2);
    const auto children = Family(*source.store).children();
    ReportOptions options;
    options.childName = children.front().name;
    options.from = "2026-11-01";
    options.to = "2026-11-28";
    const std::string report = markdownReport(*source.db, options);
    EXPECT_NE(report.find("## " + children.front().name), std::string::npos);
    EXPECT_EQ(report.find("## " + children.back().name), std::string::npos);
    EXPECT_NE(report.find("### One-on-one time"), std::string::npos);
    EXPECT_NE(report.find("### Notebook"), std::string::npos);
    EXPECT_NE(report.find("### Reflections"), std::string::npos);
    EXPECT_NE(report.find("| 2026-11-"), std::string::npos);
    EXPECT_EQ(report.find("| 2026-10-"), std::string::npos);

    options.childName = "Nobody";
    try {
        markdownReport(*source.db, options);
        FAIL() << "an unknown child is refused";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("child"), "There is no child with that name in this file.");
    }
    options.childName.clear();
    options.from = "2026-12-01";
    try {
        markdownReport(*source.db, options);
        FAIL() << "from after to is refused";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("to"), "The end date is before the start date.");
    }
}

} // namespace
