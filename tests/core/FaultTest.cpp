// SPDX-License-Identifier: MIT
// Faults of the disk and of other programs: a full disk (a real small tmpfs when running as
// root, and the fault-injecting VFS anywhere), a read-only file, a file locked by another
// program. Each gives a typed StorageError with a plain message, loses nothing committed,
// leaves no partial backup or export, and works again once the fault is gone.
#include "DataFixture.h"
#include "FaultVfs.h"

#include "attune/core/Backups.h"
#include "attune/core/Errors.h"
#include "attune/core/Export.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace attune;
using namespace attune::core;
namespace fs = std::filesystem;

namespace {

// A tmpfs of `size` mounted on a folder for the test's lifetime (root only).
class SmallDisk {
public:
    SmallDisk(const fs::path& folder, const char* size)
        : m_folder(folder)
    {
        fs::create_directories(folder);
        if (::geteuid() != 0) {
            m_whyNot = "needs root to mount a small tmpfs (the FaultVfs test covers a full disk without it)";
            return;
        }
        const std::string options = std::string("size=") + size + ",mode=0700";
        if (::mount("tmpfs", folder.c_str(), "tmpfs", 0, options.c_str()) != 0) {
            m_whyNot = std::string("mounting a tmpfs failed: ") + std::strerror(errno);
            return;
        }
        m_isMounted = true;
    }
    ~SmallDisk()
    {
        if (m_isMounted)
            ::umount2(m_folder.c_str(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    bool isMounted() const { return m_isMounted; }
    const std::string& whyNot() const { return m_whyNot; }
    bool remountReadOnly() { return ::mount("tmpfs", m_folder.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0; }

private:
    fs::path m_folder;
    bool m_isMounted = false;
    std::string m_whyNot;
};

// Fills the disk with a file; returns its path (remove it to free the space).
fs::path fillDisk(const fs::path& folder)
{
    const fs::path ballast = folder / "ballast";
    const int fd = ::open(ballast.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const std::string chunk(4096, 'x');
    while (::write(fd, chunk.data(), chunk.size()) > 0) {
    }
    ::close(fd);
    return ballast;
}

void addSession(Database& db, int n, const std::string& note)
{
    db.write([&] {
        SQLite::Statement insert(db.sql(), "INSERT INTO sessions (uuid, child_id, day, minutes, note, created_at, "
                                           "updated_at) VALUES (?, 1, '2026-11-28', 10, ?, 1, 1)");
        insert.bind(1, fmt::format("00000000-0000-4000-8000-{:012}", n));
        insert.bind(2, note);
        insert.exec();
    });
}

std::int64_t sessionCount(Database& db)
{
    return db.sql().execAndGet("SELECT count(*) FROM sessions").getInt64();
}

std::size_t filesIn(const fs::path& folder)
{
    std::size_t count = 0;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        ++count;
    return count;
}

class FaultTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock;
};

TEST_F(FaultTest, FullDiskOnASmallFilesystem)
{
    SmallDisk disk(dir / "disk", "3m");
    if (!disk.isMounted())
        GTEST_SKIP() << disk.whyNot();
    {
        test::DemoFile family(dir / "disk" / "family.sqlite", clock);
        ChildDraft child;
        child.name = "Ada";
        Family(*family.store).addChild(child);
        const fs::path ballast = fillDisk(dir / "disk");
        const std::string note(64 * 1024, 'n');
        int committed = 0;
        try {
            for (; committed < 1000; ++committed)
                addSession(*family.db, committed, note);
            FAIL() << "the disk never filled up";
        } catch (const StorageError& error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::DiskFull);
            EXPECT_STREQ(error.what(), "The disk is full, so this was not saved. Free some space and try again; what you "
                                       "typed is still here.");
        }
        EXPECT_EQ(sessionCount(*family.db), committed) << "every committed row is still there";
        EXPECT_EQ(pragmaValue(*family.db, "integrity_check"), "ok");

        // Backups and exports on the full disk fail loudly and leave nothing behind.
        fs::create_directories(dir / "disk" / "backups");
        try {
            backupNow(*family.db, dir / "disk" / "backups", clock.nowMs());
            FAIL() << "a backup on a full disk was reported as written";
        } catch (const StorageError& error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::DiskFull) << error.what();
        }
        EXPECT_EQ(filesIn(dir / "disk" / "backups"), 0U);
        try {
            writeJsonExport(*family.db, dir / "disk" / "family.json");
            FAIL() << "an export on a full disk was reported as written";
        } catch (const StorageError& error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::DiskFull) << error.what();
        }
        EXPECT_FALSE(fs::exists(dir / "disk" / "family.json"));
        EXPECT_FALSE(fs::exists(dir / "disk" / "family.json.partial"));

        // Space freed: everything works again.
        fs::remove(ballast);
        addSession(*family.db, 5000, "after");
        EXPECT_EQ(sessionCount(*family.db), committed + 1);
        EXPECT_NO_THROW(backupNow(*family.db, dir / "disk" / "backups", clock.nowMs()));
        EXPECT_EQ(listBackups(dir / "disk" / "backups").size(), 1U);
    }
}

TEST_F(FaultTest, FullDiskThroughTheFaultVfs)
{
    test::FaultVfs vfs;
    test::DemoFile family(dir / "family.sqlite", clock);
    ChildDraft child;
    child.name = "Ada";
    Family(*family.store).addChild(child);
    for (int i = 0; i < 5; ++i)
        addSession(*family.db, i, "kept");
    vfs.setSpaceLeft(10'000);
    try {
        for (int i = 5; i < 100; ++i)
            addSession(*family.db, i, std::string(4000, 'x'));
        FAIL() << "the budget never ran out";
    } catch (const StorageError& error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::DiskFull);
    }
    const auto committed = sessionCount(*family.db);
    EXPECT_GE(committed, 5);
    vfs.setSpaceLeft(0);
    EXPECT_THROW(backupNow(*family.db, dir / "backups", clock.nowMs()), StorageError);
    EXPECT_EQ(filesIn(dir / "backups"), 0U) << "no partial backup";
    vfs.setSpaceLeft(-1);
    EXPECT_EQ(sessionCount(*family.db), committed);
    EXPECT_EQ(pragmaValue(*family.db, "integrity_check"), "ok");
    addSession(*family.db, 500, "after");
    EXPECT_EQ(sessionCount(*family.db), committed + 1);
    EXPECT_NO_THROW(backupNow(*family.db, dir / "backups", clock.nowMs()));
}

TEST_F(FaultTest, ReadOnlyFileIsSaidPlainly)
{
    const fs::path path = dir / "disk" / "family.sqlite";
    SmallDisk disk(dir / "disk", "4m");
    bool isReadOnly = false;
    {
        test::DemoFile family(path, clock);
        ChildDraft child;
        child.name = "Ada";
        Family(*family.store).addChild(child);
    }
    if (disk.isMounted()) {
        isReadOnly = disk.remountReadOnly();
    } else if (::geteuid() != 0) {
        fs::permissions(path, fs::perms::owner_read, fs::perm_options::replace);
        fs::permissions(dir / "disk", fs::perms::owner_read | fs::perms::owner_exec, fs::perm_options::replace);
        isReadOnly = true;
    }
    if (!isReadOnly)
        GTEST_SKIP() << "root ignores file permissions and a read-only tmpfs could not be mounted";
    {
        // A backup into a read-only folder says so too, and leaves nothing.
        test::DemoFile elsewhere(dir / "elsewhere.sqlite", clock);
        const fs::path folder = dir / "disk";
        try {
            backupNow(*elsewhere.db, folder, clock.nowMs());
            FAIL() << "a backup into a read-only folder was reported as written";
        } catch (const StorageError& error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::ReadOnly);
            EXPECT_EQ(std::string(error.what()), "The backup folder " + folder.string() + " is read-only, so no backup was written.");
        }
    }
    try {
        Database::open(path);
        FAIL() << "a read-only file was opened for writing";
    } catch (const StorageError& error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::ReadOnly);
        EXPECT_NE(std::string(error.what()).find("is read-only"), std::string::npos) << error.what();
    }
    std::error_code ignored; // let TempDir clean up after the non-root variant
    fs::permissions(dir / "disk", fs::perms::owner_all, fs::perm_options::replace, ignored);
}

TEST_F(FaultTest, ACsvExportOnAFullDiskLeavesNothingAndKeepsTheEarlierOne)
{
    SmallDisk disk(dir / "disk", "1m");
    if (!disk.isMounted())
        GTEST_SKIP() << disk.whyNot();
    test::DemoFile family(dir / "family.sqlite", clock, 1, 2);
    const fs::path earlier = dir / "disk" / "earlier";
    writeCsvExport(*family.db, earlier);
    const std::string earlierSessions = test::readFile(earlier / "sessions.csv");
    const fs::path ballast = fillDisk(dir / "disk");
    // Room for the small tables, not for the sessions.
    fs::resize_file(ballast, fs::file_size(ballast) - 48 * 1024);
    ASSERT_GT(earlierSessions.size(), 64U * 1024) << "the sessions must not fit";
    for (const fs::path& target : {dir / "disk" / "new", earlier}) {
        try {
            writeCsvExport(*family.db, target);
            FAIL() << "a CSV export on a full disk was reported as written";
        } catch (const StorageError& error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::DiskFull) << error.what();
        }
    }
    EXPECT_FALSE(fs::exists(dir / "disk" / "new")) << "all files or none";
    EXPECT_EQ(test::readFile(earlier / "sessions.csv"), earlierSessions) << "the earlier export is whole";
    EXPECT_EQ(filesIn(dir / "disk"), 2U) << "no half-written folder beside them";
    fs::remove(ballast);
    const auto written = writeCsvExport(*family.db, dir / "disk" / "new");
    EXPECT_EQ(written.size(), filesIn(dir / "disk" / "new"));
}

TEST_F(FaultTest, AFailedClosingCheckpointIsToldAndTheFileStaysWhole)
{
    test::FaultVfs vfs;
    {
        test::DemoFile family(dir / "family.sqlite", clock);
        ChildDraft child;
        child.name = "Ada";
        Family(*family.store).addChild(child);
        for (int i = 0; i < 20; ++i)
            addSession(*family.db, i, std::string(2000, 'x'));
        vfs.setSpaceLeft(0); // the -wal holds it all; copying it into the file needs room
        EXPECT_FALSE(family.db->close()) << "the caller must be able to tell the parent";
        EXPECT_TRUE(family.db->close()) << "closing again is harmless";
    }
    vfs.setSpaceLeft(-1);
    ASSERT_TRUE(fs::exists(dir / "family.sqlite-wal"));
    Database again = Database::open(dir / "family.sqlite");
    EXPECT_EQ(sessionCount(again), 20);
    EXPECT_EQ(pragmaValue(again, "integrity_check"), "ok");
    EXPECT_TRUE(again.close());
    EXPECT_FALSE(fs::exists(dir / "family.sqlite-wal")) << "tidied once there was room";
}

TEST_F(FaultTest, LockedFileIsBusyNotLost)
{
    test::DemoFile family(dir / "family.sqlite", clock);
    ChildDraft child;
    child.name = "Ada";
    Family(*family.store).addChild(child);
    addSession(*family.db, 1, "before");
    {
        // Another program holds the write lock longer than the 5 s busy timeout.
        SQLite::Database other((dir / "family.sqlite").string(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN IMMEDIATE");
        try {
            addSession(*family.db, 2, "while locked");
            FAIL() << "a write went through a held lock";
        } catch (const StorageError& error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::Busy);
            EXPECT_STREQ(error.what(), "The Attune file is busy in another program. Please try again in a moment.");
        }
        other.exec("ROLLBACK");
    }
    EXPECT_EQ(sessionCount(*family.db), 1);
    addSession(*family.db, 2, "after");
    EXPECT_EQ(sessionCount(*family.db), 2);
}

} // namespace
