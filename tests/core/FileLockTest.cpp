// SPDX-License-Identifier: MIT
// One writer per file across processes: the lock the app and attune-cli share.
#include "TestSupport.h"

#include "attune/core/FileLock.h"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace attune;
using core::FileLock;

namespace {

class FileLockTest : public ::testing::Test {
protected:
    test::TempDir dir;
    std::filesystem::path db = dir / "family.sqlite";
};

// A child process that takes the lock, says so through a pipe and waits to be killed.
pid_t holdInChild(const std::filesystem::path& db)
{
    int ready[2];
    if (::pipe(ready) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(ready[0]);
        FileLock lock = FileLock::tryLock(db, "attune");
        const char byte = lock.isHeld() ? 1 : 0;
        [[maybe_unused]] const auto written = ::write(ready[1], &byte, 1);
        ::pause();
        ::_exit(0);
    }
    ::close(ready[1]);
    char byte = 0;
    [[maybe_unused]] const auto got = ::read(ready[0], &byte, 1);
    ::close(ready[0]);
    return byte == 1 ? pid : -1;
}

} // namespace

TEST_F(FileLockTest, ASecondHolderIsTurnedAwayAndToldWhoHasIt)
{
    FileLock first = FileLock::tryLock(db, "attune");
    ASSERT_TRUE(first.isHeld()) << first.problem();
    const FileLock second = FileLock::tryLock(db, "attune-cli");
    EXPECT_EQ(second.outcome(), FileLock::Outcome::HeldByOther);
    EXPECT_FALSE(second.isHeld());
    EXPECT_EQ(second.holder().pid, static_cast<long>(::getpid()));
    EXPECT_EQ(second.holder().program, "attune");
    EXPECT_EQ(test::permissionBits(FileLock::lockPathFor(db)), 0600u);
}

TEST_F(FileLockTest, ReleasingRemovesTheFileAndLetsTheNextOneIn)
{
    FileLock first = FileLock::tryLock(db, "attune");
    ASSERT_TRUE(first.isHeld());
    first.release();
    EXPECT_FALSE(std::filesystem::exists(FileLock::lockPathFor(db)));
    const FileLock next = FileLock::tryLock(db, "attune-cli");
    EXPECT_TRUE(next.isHeld());
}

TEST_F(FileLockTest, AnotherProcessHoldingItKeepsUsOutUntilItIsKilled)
{
    const pid_t holder = holdInChild(db);
    ASSERT_GT(holder, 0);
    const FileLock refused = FileLock::tryLock(db, "attune-cli");
    EXPECT_EQ(refused.outcome(), FileLock::Outcome::HeldByOther);
    EXPECT_EQ(refused.holder().pid, static_cast<long>(holder));

    // A SIGKILL leaves the file behind, but never the lock.
    ::kill(holder, SIGKILL);
    ::waitpid(holder, nullptr, 0);
    EXPECT_TRUE(std::filesystem::exists(FileLock::lockPathFor(db)));
    const FileLock after = FileLock::tryLock(db, "attune-cli");
    EXPECT_TRUE(after.isHeld()) << after.problem();
}

TEST_F(FileLockTest, AReadOnlyFolderIsAFailureNeverHeldByOther)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root writes into read-only folders";
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    const FileLock lock = FileLock::tryLock(db, "attune");
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
    EXPECT_EQ(lock.outcome(), FileLock::Outcome::Failed);
    EXPECT_NE(lock.problem().find("read-only"), std::string::npos) << lock.problem();
}

TEST_F(FileLockTest, ALinkAtTheLockNameIsNeverFollowed)
{
    const auto target = dir / "precious.txt";
    test::writeFile(target, "keep me");
    std::filesystem::create_symlink(target, FileLock::lockPathFor(db));
    const FileLock lock = FileLock::tryLock(db, "attune");
    EXPECT_EQ(lock.outcome(), FileLock::Outcome::Failed);
    EXPECT_EQ(test::readFile(target), "keep me");
}

TEST_F(FileLockTest, MovingTheLockKeepsItHeldOnce)
{
    FileLock first = FileLock::tryLock(db, "attune");
    ASSERT_TRUE(first.isHeld());
    FileLock moved = std::move(first);
    EXPECT_FALSE(first.isHeld());
    EXPECT_TRUE(moved.isHeld());
    EXPECT_EQ(FileLock::tryLock(db, "x").outcome(), FileLock::Outcome::HeldByOther);
    moved = FileLock();
    EXPECT_TRUE(FileLock::tryLock(db, "x").isHeld());
}

TEST_F(FileLockTest, AFolderThatIsNotThereIsAFailureNeverHeldByOther)
{
    const FileLock lock = FileLock::tryLock(dir / "gone" / "family.sqlite", "attune");
    EXPECT_EQ(lock.outcome(), FileLock::Outcome::Failed);
    EXPECT_FALSE(lock.problem().empty());
}
