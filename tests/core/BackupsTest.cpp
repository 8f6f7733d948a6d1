// SPDX-License-Identifier: MIT
// The backup folder (names, rotation, due), backup verification, restore preview and restore.
#include "DataFixture.h"
#include "FaultVfs.h"

#include "attune/core/Backups.h"
#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "attune/core/Migrations.h"
#include "attune/core/Restore.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;
namespace fs = std::filesystem;

namespace {

constexpr TimestampMs kHour = 60LL * 60 * 1000;
constexpr TimestampMs kDay = 24 * kHour;

TimestampMs at(const std::string& day, int hour = 12)
{
    return static_cast<TimestampMs>(daysFromCivil(*parseDate(day))) * kDay + hour * kHour;
}

std::vector<std::string> kept(const std::vector<TimestampMs>& times, const RetentionPolicy& policy = {})
{
    const auto keep = backupsToKeep(times, policy);
    std::vector<std::string> days;
    for (std::size_t i = 0; i < times.size(); ++i)
        if (keep[i])
            days.push_back(backupFileName(times[i]).substr(7, 13));
    return days;
}

// Files in `folder` (only those whose name starts with `prefix`, when given).
std::size_t filesIn(const fs::path& folder, const std::string& prefix = {})
{
    std::size_t count = 0;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        count += it->path().filename().string().rfind(prefix, 0) == 0 ? 1 : 0;
    return count;
}

TEST(BackupNames, CarryTheUtcTimeAndReadBack)
{
    const TimestampMs time = at("2026-11-28", 5) + 38 * 60 * 1000 + 7 * 1000 + 123;
    EXPECT_EQ(backupFileName(time), "attune-2026-11-28T05-38-07.123Z.sqlite");
    EXPECT_EQ(backupFileName(time, "before-import"), "attune-2026-11-28T05-38-07.123Z-before-import.sqlite");
    EXPECT_EQ(backupTimeFromName(backupFileName(time)), time);
    EXPECT_EQ(backupTimeFromName(backupFileName(time, "before-restore")), time);
    EXPECT_FALSE(backupTimeFromName("attune-2026-11-28T05-38-07.123Z.sqlite.partial"));
    EXPECT_FALSE(backupTimeFromName("notes.sqlite"));
    EXPECT_FALSE(backupTimeFromName("attune-2026-02-30T05-38-07.123Z.sqlite"));
}

TEST(BackupRotation, KeepsSevenDailyFourWeeklyTwelveMonthly)
{
    // One backup every day at noon for two years, newest 2026-11-28 (a Saturday).
    std::vector<TimestampMs> times;
    for (int i = 0; i < 730; ++i)
        times.push_back(at("2026-11-28") - i * kDay);
    const auto days = kept(times);
    const std::vector<std::string> expected = {
        // 7 daily
        "2026-11-28T12", "2026-11-27T12", "2026-11-26T12", "2026-11-25T12", "2026-11-24T12", "2026-11-23T12",
        "2026-11-22T12",
        // weekly: the newest of each week (Sunday) — this week and the one before are already kept
        "2026-11-15T12", "2026-11-08T12",
        // monthly: the newest of each month — November is already kept
        "2026-10-31T12", "2026-09-30T12", "2026-08-31T12", "2026-07-31T12", "2026-06-30T12", "2026-05-31T12",
        "2026-04-30T12", "2026-03-31T12", "2026-02-28T12", "2026-01-31T12", "2025-12-31T12"};
    std::vector<std::string> sorted = days;
    std::sort(sorted.rbegin(), sorted.rend());
    EXPECT_EQ(sorted, expected);
}

TEST(BackupRotation, KeepsTheNewestOfADayAndEverythingWhenThereIsLittle)
{
    const std::vector<TimestampMs> times = {at("2026-11-28", 9), at("2026-11-28", 18), at("2026-11-27", 8)};
    RetentionPolicy noRecent;
    noRecent.recentHours = 0;
    EXPECT_EQ(kept(times, noRecent), (std::vector<std::string>{"2026-11-28T18", "2026-11-27T08"}));
    EXPECT_EQ(kept(times), (std::vector<std::string>{"2026-11-28T09", "2026-11-28T18", "2026-11-27T08"}))
        << "everything from the last day stays";
    EXPECT_EQ(kept({at("2026-11-28")}), (std::vector<std::string>{"2026-11-28T12"}));
    EXPECT_TRUE(kept({}).empty());
    RetentionPolicy none{0, 0, 0, 0};
    EXPECT_EQ(kept(times, none), (std::vector<std::string>{"2026-11-28T18"})) << "the newest is always kept";
}

TEST(BackupRotation, GapsOfMonthsKeepOnePerMonthThatHasOne)
{
    const std::vector<TimestampMs> times = {at("2026-11-28"), at("2026-06-15"), at("2026-06-01"), at("2025-01-01"),
                                            at("2023-05-05")};
    EXPECT_EQ(kept(times), (std::vector<std::string>{"2026-11-28T12", "2026-06-15T12", "2026-06-01T12", "2025-01-01T12",
                                                     "2023-05-05T12"}));
}

class BackupsTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock;
    fs::path folder = dir / "Attune Backups";
};

TEST_F(BackupsTest, BackupNowIsVerifiedRotatedAndDueAgainAfterADay)
{
    test::DemoFile family(dir / "family.sqlite", clock, 1, 1);
    EXPECT_TRUE(isBackupDue(folder, clock.nowMs()));
    EXPECT_FALSE(newestBackup(folder));
    const auto first = backupIfDue(*family.db, folder, clock.nowMs());
    ASSERT_TRUE(first);
    EXPECT_EQ(newestBackup(folder)->takenAt, clock.nowMs());
    EXPECT_FALSE(isBackupDue(folder, clock.nowMs() + kDay - 1));
    EXPECT_FALSE(backupIfDue(*family.db, folder, clock.nowMs() + kHour));
    EXPECT_TRUE(isBackupDue(folder, clock.nowMs() + kDay));
    EXPECT_EQ(test::permissionBits(first->path) & 0077U, 0U);
    // Thirty daily backups rotate down to what the policy keeps.
    for (int i = 1; i <= 30; ++i)
        backupNow(*family.db, folder, clock.nowMs() + i * kDay);
    const auto backups = listBackups(folder);
    EXPECT_LE(backups.size(), 7U + 4U + 12U);
    EXPECT_GE(backups.size(), 7U);
    EXPECT_EQ(backups.front().takenAt, clock.nowMs() + 30 * kDay);
    // Every kept backup opens and holds the family.
    const FilePreview preview = previewFile(backups.back().path);
    EXPECT_EQ(preview.children.size(), 1U);
}

TEST_F(BackupsTest, TwoBackupsInTheSameMillisecondBothKeepTheirFile)
{
    test::DemoFile family(dir / "family.sqlite", clock);
    const auto a = backupNow(*family.db, folder, clock.nowMs(), "before-import");
    const auto b = backupNow(*family.db, folder, clock.nowMs(), "before-import");
    EXPECT_NE(a.path, b.path);
    EXPECT_TRUE(fs::exists(a.path));
    EXPECT_TRUE(fs::exists(b.path));
}

TEST_F(BackupsTest, LeftoversOfAnInterruptedBackupAreTidiedAway)
{
    test::DemoFile family(dir / "family.sqlite", clock);
    fs::create_directories(folder);
    const fs::path leftover = folder / (backupFileName(clock.nowMs() - kDay) + ".partial");
    test::writeFile(leftover, "half a backup");
    test::writeFile(folder / "my notes.txt", "not ours");
    backupNow(*family.db, folder, clock.nowMs());
    EXPECT_FALSE(fs::exists(leftover));
    EXPECT_TRUE(fs::exists(folder / "my notes.txt")) << "only Attune's own leftovers are removed";
    EXPECT_EQ(listBackups(folder).size(), 1U);
}

TEST_F(BackupsTest, AVerificationFailureIsLoudAndLeavesNoFile)
{
    test::DemoFile family(dir / "family.sqlite", clock, 1, 1);
    fs::create_directories(folder);
    {
        test::FaultVfs vfs;
        vfs.damageWritesTo(".partial"); // the disk garbles the copy as it is written
        try {
            backupNow(*family.db, folder, clock.nowMs());
            FAIL() << "a damaged backup was accepted";
        } catch (const StorageError& error) {
            EXPECT_NE(std::string(error.what()).find("backup"), std::string::npos) << error.what();
        }
    }
    EXPECT_EQ(filesIn(folder), 0U) << "neither the damaged copy nor a partial file is left";
    EXPECT_FALSE(newestBackup(folder));
}

TEST_F(BackupsTest, PreviewShowsWhatIsInsideAndChangesNothing)
{
    test::DemoFile family(dir / "family.sqlite", clock, 1, 2);
    const auto backup = backupNow(*family.db, folder, clock.nowMs());
    const std::string before = test::readFile(backup.path);
    const FilePreview preview = previewFile(backup.path);
    EXPECT_EQ(test::readFile(backup.path), before);
    EXPECT_FALSE(fs::exists(backup.path.string() + "-wal"));
    EXPECT_EQ(preview.schemaVersion, Database::latestSchemaVersion());
    ASSERT_EQ(preview.children.size(), 2U);
    const auto names = Family(*family.store).children();
    EXPECT_EQ(preview.children[0].name, names[0].name);
    bool hasSessions = false;
    for (const auto& [table, count] : preview.children[0].counts)
        hasSessions = hasSessions || (table == "sessions" && count > 100);
    EXPECT_TRUE(hasSessions);
    EXPECT_EQ(preview.lastSessionDay.substr(0, 7), "2026-11");
    EXPECT_LT(preview.firstSessionDay, "2026-01-01");
    bool hasTable = false;
    for (const auto& [table, count] : preview.tableCounts) {
        EXPECT_NE(table.rfind("search", 0), 0U) << "derived tables are not shown";
        hasTable = hasTable || (table == "sessions" && count == family.rows("sessions"));
    }
    EXPECT_TRUE(hasTable);
}

TEST_F(BackupsTest, RestoreBacksUpTheCurrentDataThenReplacesIt)
{
    test::DemoFile old(dir / "old.sqlite", clock, 1, 2);
    const auto backup = backupNow(*old.db, dir / "elsewhere", clock.nowMs());
    const std::string oldExport = exportJson(*old.db);

    test::DemoFile current(dir / "current.sqlite", clock);
    ChildDraft child;
    child.name = "Only me";
    Family(*current.store).addChild(child);
    const RestoreResult result = restoreFrom(*current.db, backup.path, folder, clock.nowMs());
    EXPECT_EQ(result.restored.children.size(), 2U);
    EXPECT_EQ(exportJson(*current.db), oldExport) << "the live file now holds exactly the backup";
    EXPECT_EQ(Family(*current.store).children().size(), 2U) << "the same Database object keeps working";
    // The data that was replaced is in a verified backup.
    const FilePreview before = previewFile(result.backupOfCurrent.path);
    ASSERT_EQ(before.children.size(), 1U);
    EXPECT_EQ(before.children[0].name, "Only me");
    EXPECT_NE(result.backupOfCurrent.path.filename().string().find("before-restore"), std::string::npos);
    // And the restored file reopens cleanly.
    current.store.reset();
    current.db.reset();
    Database reopened = Database::open(dir / "current.sqlite");
    EXPECT_EQ(pragmaValue(reopened, "integrity_check"), "ok");
    EXPECT_EQ(pragmaValue(reopened, "journal_mode"), "wal");
}

TEST_F(BackupsTest, RestoreOfAnOlderFileMigratesIt)
{
    const std::vector<MigrationStep> firstTwo(migrationSteps().begin(), migrationSteps().begin() + 2);
    OpenOptions options;
    options.steps = &firstTwo;
    {
        Database older = Database::create(dir / "older.sqlite", options);
        older.sql().exec("INSERT INTO children (uuid, name, created_at, updated_at) VALUES "
                         "('11111111-1111-4111-8111-111111111111', 'Rowan', 1, 1)");
    }
    test::DemoFile current(dir / "current.sqlite", clock);
    const RestoreResult result = restoreFrom(*current.db, dir / "older.sqlite", folder, clock.nowMs());
    EXPECT_EQ(result.restored.schemaVersion, 2);
    EXPECT_EQ(current.db->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(Family(*current.store).children().front().name, "Rowan");
}

struct BadFile {
    const char* name;
    StorageError::Kind kind;
    const char* message; // start of the message
};

TEST_F(BackupsTest, AnUnopenableFileIsSetAsideAndTheBackupPutInItsPlace)
{
    const fs::path file = dir / "family.sqlite";
    {
        test::DemoFile family(file, clock, 1, 2);
        backupNow(*family.db, folder, clock.nowMs());
    }
    // The file is damaged beyond opening, and a stale -wal lies beside it.
    test::writeFile(file, "scribbled over");
    test::writeFile(dir / "family.sqlite-wal", "not ours to replay");

    const auto aside = replaceWithBackup(file, newestBackup(folder)->path, clock.nowMs());
    ASSERT_TRUE(aside);
    EXPECT_EQ(test::readFile(*aside), "scribbled over") << "the damaged file is kept, never deleted";
    EXPECT_NE(aside->filename().string().find("family.sqlite.damaged-2026-"), std::string::npos) << *aside;
    EXPECT_EQ(test::readFile(aside->string() + "-wal"), "not ours to replay");
    EXPECT_FALSE(fs::exists(dir / "family.sqlite-wal"));
    EXPECT_FALSE(fs::exists(dir / "family.sqlite.restoring"));

    Database restored = Database::open(file);
    EXPECT_EQ(restored.sql().execAndGet("SELECT count(*) FROM children").getInt(), 2);
    EXPECT_EQ(restored.sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST_F(BackupsTest, AMissingFileGetsTheBackupAndNothingIsSetAside)
{
    const fs::path file = dir / "family.sqlite";
    {
        test::DemoFile family(file, clock, 1, 1);
        backupNow(*family.db, folder, clock.nowMs());
    }
    fs::remove(file);
    EXPECT_FALSE(replaceWithBackup(file, newestBackup(folder)->path, clock.nowMs()));
    Database restored = Database::open(file);
    EXPECT_EQ(restored.sql().execAndGet("SELECT count(*) FROM children").getInt(), 1);
}

class RestoreRefusesTest : public BackupsTest, public ::testing::WithParamInterface<BadFile> {};

TEST_P(RestoreRefusesTest, WithAPlainMessageAndNothingChanged)
{
    const BadFile& bad = GetParam();
    const fs::path file = dir / "bad.sqlite";
    const std::string kind = bad.name;
    if (kind == "empty") {
        test::writeFile(file, "");
    } else if (kind == "text") {
        test::writeFile(file, "These are my notes, not a database.\n");
    } else if (kind == "foreign") {
        SQLite::Database other(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    } else if (kind == "newer" || kind == "damaged") {
        test::DemoFile source(dir / "source.sqlite", clock, 1, 1);
        backupNow(*source.db, dir / "b", clock.nowMs());
        fs::copy_file(newestBackup(dir / "b")->path, file);
        if (kind == "newer") {
            SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
            raw.exec("PRAGMA user_version = " + std::to_string(Database::latestSchemaVersion() + 1));
        } else {
            std::string bytes = test::readFile(file);
            for (std::size_t i = 4096 * 3; i < bytes.size() && i < 4096 * 12; i += 3)
                bytes[i] = static_cast<char>(bytes[i] ^ 0x55);
            test::writeFile(file, bytes);
        }
    }
    test::DemoFile current(dir / "current.sqlite", clock, 1, 1);
    const std::string before = exportJson(*current.db);
    const std::string fileBefore = fs::exists(file) ? test::readFile(file) : std::string();
    for (const bool isPreview : {true, false}) {
        try {
            if (isPreview)
                previewFile(kind == "missing" ? dir / "nothing-here.sqlite" : file);
            else
                restoreFrom(*current.db, kind == "missing" ? dir / "nothing-here.sqlite" : file, folder, clock.nowMs());
            FAIL() << bad.name << " was accepted";
        } catch (const StorageError& error) {
            EXPECT_EQ(error.kind(), bad.kind) << bad.name;
            EXPECT_NE(std::string(error.what()).find(bad.message), std::string::npos) << error.what();
        }
    }
    // Putting it in place of a file that can't be opened is refused the same way.
    const fs::path damaged = dir / "unopenable.sqlite";
    test::writeFile(damaged, "a damaged file");
    try {
        replaceWithBackup(damaged, kind == "missing" ? dir / "nothing-here.sqlite" : file, clock.nowMs());
        FAIL() << bad.name << " was put in place";
    } catch (const StorageError& error) {
        EXPECT_EQ(error.kind(), bad.kind) << bad.name;
    }
    EXPECT_EQ(test::readFile(damaged), "a damaged file");
    EXPECT_EQ(filesIn(dir.path(), "unopenable"), 1U) << "nothing set aside, nothing half-copied";
    EXPECT_EQ(exportJson(*current.db), before);
    EXPECT_FALSE(newestBackup(folder)) << "a refused restore takes no backup";
    if (fs::exists(file)) {
        EXPECT_EQ(test::readFile(file), fileBefore) << "the file itself is never changed";
    }
}

INSTANTIATE_TEST_SUITE_P(
    Files, RestoreRefusesTest,
    ::testing::Values(BadFile{"missing", StorageError::Kind::Missing, "There is no file at"},
                      BadFile{"empty", StorageError::Kind::Missing, "is empty (0 bytes)"},
                      BadFile{"text", StorageError::Kind::NotAttune, "is not an Attune file or backup."},
                      BadFile{"foreign", StorageError::Kind::NotAttune, "is not an Attune file or backup."},
                      BadFile{"newer", StorageError::Kind::TooNew, "was saved by a newer version of Attune"},
                      BadFile{"damaged", StorageError::Kind::Corrupt, "is damaged"}),
    [](const ::testing::TestParamInfo<BadFile>& param) { return std::string(param.param.name); });

} // namespace
