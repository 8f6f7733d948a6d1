// SPDX-License-Identifier: MIT
// Reading beside another Attune that holds the file: attune-cli's read-only commands while the
// app is open (OpenOptions::isReader and ReadSnapshot).
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Migrations.h"
#include "attune/core/ReadSnapshot.h"
#include "attune/core/Store.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {

class ReaderTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock;
    std::filesystem::path path = dir / "family.sqlite";

    static OpenOptions asReader()
    {
        OpenOptions options;
        options.isReader = true;
        return options;
    }
};

} // namespace

TEST_F(ReaderTest, ASnapshotSeesTheFileAsItWasWhileTheHolderWrites)
{
    Database holder = Database::create(path);
    Store writer(holder, clock);
    Family family(writer);
    ChildDraft maya;
    maya.name = "Maya";
    family.addChild(maya);

    Database reader = Database::open(path, asReader());
    Store readerStore(reader, clock);
    {
        const ReadSnapshot snapshot(reader);
        ChildDraft sam;
        sam.name = "Sam";
        family.addChild(sam); // the app saves meanwhile
        EXPECT_EQ(Family(readerStore).children().size(), 1u) << "one snapshot for the whole command";
        EXPECT_THROW(Family(readerStore).addChild(sam), StorageError) << "no writing inside a snapshot";
    }
    EXPECT_EQ(Family(readerStore).children().size(), 2u);
}

TEST_F(ReaderTest, AReaderNeverMigratesAndLeavesTheCheckpointToTheHolder)
{
    std::vector<MigrationStep> older = migrationSteps();
    older.pop_back();
    OpenOptions asOlder;
    asOlder.steps = &older;
    {
        Database v = Database::create(path, asOlder);
    }
    try {
        Database reader = Database::open(path, asReader());
        FAIL() << "an older file was opened by a reader";
    } catch (const StorageError& error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::InUse);
    }
    SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), older.back().version) << "not migrated";
}

TEST_F(ReaderTest, AReaderClosingDoesNotCheckpointTheHoldersWal)
{
    Database holder = Database::create(path);
    Store writer(holder, clock);
    holder.sql().exec("PRAGMA wal_autocheckpoint = 0"); // the app's WAL, not yet checkpointed
    ChildDraft maya;
    maya.name = "Maya";
    Family(writer).addChild(maya);
    const auto walBefore = std::filesystem::file_size(path.string() + "-wal");
    ASSERT_GT(walBefore, 0u);
    {
        Database reader = Database::open(path, asReader());
    }
    EXPECT_EQ(std::filesystem::file_size(path.string() + "-wal"), walBefore);
}
