// SPDX-License-Identifier: MIT
// The store and opening rules of docs/reliability.md, read back through the production path.
#include "TestSupport.h"

#include "attune/core/Backup.h"
#include "attune/core/Check.h"
#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Migrations.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace attune;
using core::Database;
using core::StorageError;
using Kind = core::StorageError::Kind;

namespace {

Kind openKind(const std::filesystem::path& path, const core::OpenOptions& options = {})
{
    try {
        Database::open(path, options);
    } catch (const StorageError& error) {
        return error.kind();
    }
    ADD_FAILURE() << "open() accepted a file it should refuse";
    return Kind::Io;
}

class DatabaseTest : public ::testing::Test {
protected:
    test::TempDir dir;
    std::filesystem::path file = dir / "family.sqlite";
};

} // namespace

TEST_F(DatabaseTest, CreateSetsUpLatestSchemaAndDefaultCaregiver)
{
    Database db = Database::create(file);
    EXPECT_EQ(db.schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(core::pragmaValue(db, "application_id"), std::to_string(Database::kApplicationId));
    EXPECT_EQ(db.sql().execAndGet("SELECT name FROM caregivers").getString(), "Me");
}

TEST_F(DatabaseTest, ConnectionSettingsAreReadBackThroughTheOpenPath)
{
    Database::create(file).close();
    Database db = Database::open(file);
    EXPECT_EQ(core::pragmaValue(db, "journal_mode"), "wal");
    EXPECT_EQ(core::pragmaValue(db, "synchronous"), "2"); // FULL
    EXPECT_EQ(core::pragmaValue(db, "foreign_keys"), "1");
    EXPECT_GE(std::stoi(core::pragmaValue(db, "busy_timeout")), 5000);
    EXPECT_EQ(core::pragmaValue(db, "trusted_schema"), "0");
    EXPECT_EQ(core::pragmaValue(db, "secure_delete"), "1");
    EXPECT_EQ(core::pragmaValue(db, "temp_store"), "2"); // MEMORY
}

TEST_F(DatabaseTest, WriteTransactionsAreImmediateAndRollBackOnError)
{
    Database db = Database::create(file);
    EXPECT_THROW(db.write([&] {
        db.sql().exec("INSERT INTO caregivers (uuid, name, created_at, updated_at) VALUES ('u1', 'Dad', 1, 1)");
        // A second connection cannot even start a write while this one is open: IMMEDIATE.
        SQLite::Database other(file, SQLite::OPEN_READWRITE, 0);
        EXPECT_THROW(other.exec("BEGIN IMMEDIATE"), SQLite::Exception);
        throw std::runtime_error("the user action failed half way");
    }),
                 std::runtime_error);
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM caregivers").getInt(), 1);
}

TEST_F(DatabaseTest, CloseCheckpointsSoTheFileStandsAlone)
{
    {
        Database db = Database::create(file);
        db.write([&] {
            db.sql().exec("INSERT INTO caregivers (uuid, name, created_at, updated_at) VALUES ('u1', 'Dad', 1, 1)");
        });
    }
    std::error_code error;
    const auto walSize = std::filesystem::file_size(dir / "family.sqlite-wal", error);
    EXPECT_TRUE(error || walSize == 0) << "WAL still holds " << walSize << " bytes";
    SQLite::Database plain(file, SQLite::OPEN_READONLY);
    EXPECT_EQ(plain.execAndGet("SELECT count(*) FROM caregivers").getInt(), 2);
}

TEST_F(DatabaseTest, MissingFileIsNeverCreatedByOpen)
{
    EXPECT_EQ(openKind(file), Kind::Missing);
    EXPECT_FALSE(std::filesystem::exists(file));
}

TEST_F(DatabaseTest, EmptyFileIsRefusedAndLeftAlone)
{
    test::writeFile(file, "");
    EXPECT_EQ(openKind(file), Kind::Missing);
    EXPECT_EQ(std::filesystem::file_size(file), 0u);
}

TEST_F(DatabaseTest, CreateRefusesToReplaceAnExistingFile)
{
    test::writeFile(file, "precious notes");
    EXPECT_THROW(Database::create(file), StorageError);
    EXPECT_EQ(test::readFile(file), "precious notes");
}

TEST_F(DatabaseTest, TextFileIsNotAttune)
{
    test::writeFile(file, std::string(4096, 'x'));
    EXPECT_EQ(openKind(file), Kind::NotAttune);
    EXPECT_EQ(test::readFile(file), std::string(4096, 'x'));
}

TEST_F(DatabaseTest, ForeignSqliteFileIsRefusedUntouched)
{
    {
        SQLite::Database other(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE songs (title TEXT)");
    }
    const std::string before = test::readFile(file);
    EXPECT_EQ(openKind(file), Kind::NotAttune);
    EXPECT_EQ(test::readFile(file), before);
}

TEST_F(DatabaseTest, NewerSchemaIsRefusedUntouched)
{
    Database::create(file).close();
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA journal_mode = DELETE");
        raw.exec("PRAGMA user_version = " + std::to_string(Database::latestSchemaVersion() + 1));
    }
    const std::string before = test::readFile(file);
    EXPECT_EQ(openKind(file), Kind::TooNew);
    EXPECT_EQ(test::readFile(file), before);
}

TEST_F(DatabaseTest, DamagedFileIsRefusedUntouchedAndCheckSaysSo)
{
    {
        Database db = Database::create(file);
        db.write([&] {
            for (int i = 0; i < 400; ++i)
                db.sql().exec("INSERT INTO caregivers (uuid, name, created_at, updated_at) VALUES (hex(randomblob(16)), "
                              "hex(randomblob(200)), 1, 1)");
        });
        db.sql().exec("PRAGMA journal_mode = DELETE");
    }
    // Scribble over the middle of the file, leaving the header (and application_id) intact.
    std::string bytes = test::readFile(file);
    ASSERT_GT(bytes.size(), 20000u);
    for (std::size_t i = 8192; i < 16384; ++i)
        bytes[i] = static_cast<char>(i * 7);
    test::writeFile(file, bytes);

    EXPECT_EQ(openKind(file), Kind::Corrupt);
    EXPECT_EQ(test::readFile(file), bytes);
    const core::CheckReport report = core::checkDatabase(file);
    EXPECT_FALSE(report.isOk);
    EXPECT_FALSE(report.problems.empty());
}

TEST_F(DatabaseTest, FilesAreOwnerOnlyEvenWhenAnExistingFileWasLoose)
{
    const mode_t old = ::umask(022);
    Database::create(file).close();
    ::chmod(file.c_str(), 0644);
    Database::open(file).close();
    ::umask(old);
    EXPECT_EQ(test::permissionBits(file), 0600u);
}

namespace {
void addNotes(SQLite::Database& db) { db.exec("CREATE TABLE test_notes (text TEXT)"); }
void failHalfWay(SQLite::Database& db)
{
    db.exec("CREATE TABLE half_done (x)");
    throw std::runtime_error("power went out");
}
} // namespace

TEST_F(DatabaseTest, MigrationWritesVerifiedBackupFirst)
{
    Database::create(file).close();
    std::vector<core::MigrationStep> steps = core::migrationSteps();
    const int next = steps.back().version + 1;
    steps.push_back({next, "test step", &addNotes});

    core::OpenOptions options;
    options.backupDir = dir / "backups";
    options.steps = &steps;
    Database db = Database::open(file, options);
    EXPECT_EQ(db.schemaVersion(), next);
    ASSERT_TRUE(db.migrationBackup().has_value());
    ASSERT_TRUE(std::filesystem::exists(*db.migrationBackup()));
    const core::CheckReport backup = core::checkDatabase(*db.migrationBackup());
    EXPECT_TRUE(backup.isOk);
    EXPECT_EQ(backup.schemaVersion, next - 1);
}

TEST_F(DatabaseTest, FailedMigrationLeavesTheOldSchema)
{
    Database::create(file).close();
    std::vector<core::MigrationStep> steps = core::migrationSteps();
    const int previous = steps.back().version;
    steps.push_back({previous + 1, "broken step", &failHalfWay});
    core::OpenOptions options;
    options.steps = &steps;
    EXPECT_THROW(Database::open(file, options), std::runtime_error);

    Database db = Database::open(file);
    EXPECT_EQ(db.schemaVersion(), previous);
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").getInt(), 0);
}

TEST_F(DatabaseTest, VerifiedBackupMatchesAndIsOwnerOnly)
{
    Database db = Database::create(file);
    const auto target = core::writeVerifiedBackup(db, dir / "copy.sqlite");
    EXPECT_TRUE(core::checkDatabase(target).isOk);
    EXPECT_EQ(core::checkDatabase(target).rowCounts, core::checkDatabase(file).rowCounts);
    EXPECT_FALSE(std::filesystem::exists(dir / "copy.sqlite.partial"));
}

TEST_F(DatabaseTest, BackupIntoMissingFolderFailsLoudlyAndLeavesNothing)
{
    Database db = Database::create(file);
    EXPECT_THROW(core::writeVerifiedBackup(db, dir / "no-such-folder" / "copy.sqlite"), StorageError);
    EXPECT_FALSE(std::filesystem::exists(dir / "no-such-folder"));
}

TEST_F(DatabaseTest, CheckReportsCountsForAHealthyFile)
{
    Database::create(file).close();
    const core::CheckReport report = core::checkDatabase(file);
    EXPECT_TRUE(report.isOk);
    EXPECT_EQ(report.schemaVersion, Database::latestSchemaVersion());
    bool sawCaregivers = false;
    for (const auto& [table, rows] : report.rowCounts)
        sawCaregivers = sawCaregivers || (table == "caregivers" && rows == 1);
    EXPECT_TRUE(sawCaregivers);
}

namespace {

void addCaregiver(Database& db, const std::string& uuid)
{
    db.write([&] {
        SQLite::Statement insert(db.sql(), "INSERT INTO caregivers (uuid, name, created_at, updated_at) VALUES (?, 'Dad', 1, 1)");
        insert.bind(1, uuid);
        insert.exec();
    });
}

int caregiverCount(Database& db)
{
    return db.sql().execAndGet("SELECT count(*) FROM caregivers").getInt();
}

Kind writeKind(Database& db)
{
    try {
        addCaregiver(db, "refused");
    } catch (const StorageError& error) {
        return error.kind();
    }
    ADD_FAILURE() << "a write into a file that is gone was accepted";
    return Kind::Io;
}

} // namespace

TEST_F(DatabaseTest, DeletedWhileOpenRefusesWritesAndRelocateKeepsEverything)
{
    Database db = Database::create(file);
    addCaregiver(db, "before");
    EXPECT_TRUE(db.isFileInPlace());

    std::filesystem::remove(file);
    EXPECT_FALSE(db.isFileInPlace());
    EXPECT_EQ(writeKind(db), Kind::Moved);
    EXPECT_EQ(caregiverCount(db), 2) << "the refused write left nothing behind";

    // Everything committed before the file went is still reachable, and saved to a new name.
    const auto rescued = dir / "rescued.sqlite";
    db.relocate(rescued);
    EXPECT_EQ(db.path(), rescued);
    EXPECT_TRUE(db.isFileInPlace());
    addCaregiver(db, "after");
    db.close();

    Database reopened = Database::open(rescued);
    EXPECT_EQ(caregiverCount(reopened), 3);
    EXPECT_EQ(reopened.sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST_F(DatabaseTest, RelocateBackToTheSamePlaceAfterTheFileWasDeleted)
{
    Database db = Database::create(file);
    addCaregiver(db, "before");
    std::filesystem::remove(file);
    std::filesystem::remove(dir / "family.sqlite-wal");
    db.relocate(file);
    EXPECT_TRUE(db.isFileInPlace());
    addCaregiver(db, "after");
    db.close();
    Database again = Database::open(file);
    EXPECT_EQ(caregiverCount(again), 3);
}

TEST_F(DatabaseTest, ReplacedWhileOpenIsNoticedAndTheNewFileIsLeftAlone)
{
    Database db = Database::create(file);
    addCaregiver(db, "ours");
    // Another program (a sync tool, a copy from another computer) puts a different file there.
    const auto other = dir / "other.sqlite";
    Database::create(other).close();
    const std::string otherBytes = test::readFile(other);
    std::filesystem::rename(other, file);

    EXPECT_FALSE(db.isFileInPlace());
    EXPECT_EQ(writeKind(db), Kind::Moved);
    EXPECT_EQ(test::readFile(file), otherBytes);

    // Relocating onto a name that is taken is refused; nothing changes.
    EXPECT_THROW(db.relocate(file), StorageError);
    EXPECT_EQ(test::readFile(file), otherBytes);
    db.relocate(dir / "ours.sqlite");
    EXPECT_EQ(caregiverCount(db), 2);
}

TEST_F(DatabaseTest, MemoryDatabaseIsAlwaysInPlace)
{
    Database db = Database::openInMemory();
    EXPECT_TRUE(db.isFileInPlace());
    addCaregiver(db, "x");
}
