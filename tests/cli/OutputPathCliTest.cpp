// SPDX-License-Identifier: MIT
// Every attune-cli command that writes a path the user named: never over the open file, its
// companions, a backup or any other Attune file (however the path is spelled); never over an
// ordinary file without --overwrite; never through a planted symlink; each refusal with its
// documented exit code (README "Exit codes") and the database byte-identical afterwards.
#include "CliHarness.h"

#include <SQLiteCpp/Database.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

using namespace attune;
namespace fs = std::filesystem;

namespace {

// The documented exit codes (src/cli/ExitCodes.h, README).
constexpr int kAttuneFile = 20;
constexpr int kAlreadyThere = 21;
constexpr int kWrongPlace = 22;
constexpr int kReadOnly = 23;
constexpr int kNotClosedCleanly = 25;

class OutputPathCliTest : public test::CliHarness {
protected:
    void SetUp() override { ASSERT_EQ(cli("demo --years 1 --children 2").exitCode, 0); }
    std::string quoted(const fs::path& path) const { return "'" + path.string() + "'"; }
    fs::path makeBackup()
    {
        EXPECT_EQ(cli("backup --out " + quoted(dir / "Backups")).exitCode, 0);
        for (const auto& entry : fs::directory_iterator(dir / "Backups"))
            return entry.path();
        return {};
    }
    // Every way of asking for a file to be written over `target`.
    void expectEveryWriterRefuses(const fs::path& target, int exitCode, const std::string& words)
    {
        const std::string before = fs::exists(target) ? test::readFile(target) : std::string();
        const std::string database = test::readFile(db);
        for (const std::string format : {"json", "md", "csv"}) {
            const auto run = cli("export --format " + format + " --out " + quoted(target) + " --overwrite");
            EXPECT_EQ(run.exitCode, exitCode) << format << " over " << target << ": " << run.output;
            EXPECT_TRUE(run.has(words)) << run.output;
            EXPECT_TRUE(run.has("nothing was written")) << run.output;
        }
        const auto backup = cli("backup --out " + quoted(target));
        EXPECT_NE(backup.exitCode, 0) << backup.output;
        if (fs::exists(target) && !fs::is_directory(target)) {
            EXPECT_EQ(test::readFile(target), before) << target;
        }
        EXPECT_EQ(test::readFile(db), database) << "the database is byte-identical";
    }
};

TEST_F(OutputPathCliTest, TheOpenDatabaseIsNeverAnOutput)
{
    expectEveryWriterRefuses(db, kAttuneFile, "the file Attune keeps your notes in");
    // However the path is spelled: through a folder and back, through a symlink, a hard link.
    fs::create_directories(dir / "sub");
    expectEveryWriterRefuses(dir / "sub" / ".." / "family.sqlite", kAttuneFile, "the file Attune keeps your notes in");
    fs::create_symlink(db, dir / "link.md");
    expectEveryWriterRefuses(dir / "link.md", kAttuneFile, "the file Attune keeps your notes in");
    fs::create_hard_link(db, dir / "hard.md");
    expectEveryWriterRefuses(dir / "hard.md", kAttuneFile, "the file Attune keeps your notes in");
    EXPECT_EQ(cli("check").exitCode, 0);
}

TEST_F(OutputPathCliTest, ItsCompanionFilesAreNeverAnOutput)
{
    for (const std::string suffix : {"-wal", "-shm", "-journal", ".lock"}) {
        const fs::path companion(db.string() + suffix);
        expectEveryWriterRefuses(companion, kAttuneFile, "belongs to the file Attune keeps your notes in");
        EXPECT_FALSE(fs::exists(companion)) << companion;
    }
    // A -wal that is really there (a reader keeps it: SQLite then leaves it on close).
    SQLite::Database reader(db.string(), SQLite::OPEN_READONLY);
    reader.exec("BEGIN");
    reader.execAndGet("SELECT count(*) FROM children");
    ASSERT_EQ(cli("child add Noor").exitCode, 0);
    ASSERT_TRUE(fs::exists(db.string() + "-wal"));
    expectEveryWriterRefuses(db.string() + "-wal", kAttuneFile, "belongs to the file Attune keeps your notes in");
    reader.exec("COMMIT");
}

TEST_F(OutputPathCliTest, BackupsAndOtherAttuneFilesAreNeverAnOutput)
{
    const fs::path backup = makeBackup();
    ASSERT_FALSE(backup.empty());
    expectEveryWriterRefuses(backup, kAttuneFile, "is an Attune file or backup");
    // Renamed to anything at all, it is still found by what is in it.
    const fs::path renamed = dir / "holiday-notes.txt";
    fs::copy_file(backup, renamed);
    expectEveryWriterRefuses(renamed, kAttuneFile, "is an Attune file or backup");
    ASSERT_EQ(cliOn(dir / "other.sqlite", "init").exitCode, 0);
    expectEveryWriterRefuses(dir / "other.sqlite", kAttuneFile, "is an Attune file or backup");
    expectEveryWriterRefuses(dir / "other.sqlite-journal", kAttuneFile, "belongs to an Attune file");
    EXPECT_EQ(cliOn(dir / "other.sqlite", "check").exitCode, 0);
}

TEST_F(OutputPathCliTest, AnOrdinaryFileIsReplacedOnlyWithOverwrite)
{
    const fs::path file = dir / "notes.md";
    test::writeFile(file, "my own notes");
    const auto refused = cli("export --format md --out " + quoted(file));
    EXPECT_EQ(refused.exitCode, kAlreadyThere) << refused.output;
    EXPECT_TRUE(refused.has("There is already a file called “notes.md”")) << refused.output;
    EXPECT_TRUE(refused.has("--overwrite")) << refused.output;
    EXPECT_EQ(test::readFile(file), "my own notes");
    const auto json = cli("export --format json --out " + quoted(file));
    EXPECT_EQ(json.exitCode, kAlreadyThere) << json.output;
    EXPECT_EQ(test::readFile(file), "my own notes");

    const auto replaced = cli("export --format md --out " + quoted(file) + " --overwrite");
    EXPECT_EQ(replaced.exitCode, 0) << replaced.output;
    EXPECT_EQ(test::readFile(file).rfind("# Attune report", 0), 0U);
}

TEST_F(OutputPathCliTest, ACsvFolderIsWholeAndNeverMixedWithOtherFiles)
{
    const fs::path folder = dir / "sheets";
    ASSERT_EQ(cli("export --format csv --out " + quoted(folder) + "/").exitCode, 0);
    const std::size_t count = static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), {}));
    EXPECT_GT(count, 5U);
    const auto again = cli("export --format csv --out " + quoted(folder));
    EXPECT_EQ(again.exitCode, kAlreadyThere) << again.output;
    EXPECT_TRUE(again.has("--overwrite")) << again.output;
    test::writeFile(folder / "sessions.csv", "old");
    const auto replaced = cli("export --format csv --out " + quoted(folder) + " --overwrite");
    EXPECT_EQ(replaced.exitCode, 0) << replaced.output;
    EXPECT_NE(test::readFile(folder / "sessions.csv"), "old");

    fs::create_directories(dir / "mixed");
    test::writeFile(dir / "mixed" / "letter.txt", "dear");
    const auto mixed = cli("export --format csv --out " + quoted(dir / "mixed") + " --overwrite");
    EXPECT_EQ(mixed.exitCode, kWrongPlace) << mixed.output;
    EXPECT_TRUE(mixed.has("has other files in it")) << mixed.output;
    EXPECT_EQ(std::distance(fs::directory_iterator(dir / "mixed"), {}), 1);

    // Nothing is left beside it: no staging folder, no partial file.
    for (const auto& entry : fs::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename().string().find("partial"), std::string::npos) << entry.path();
}

TEST_F(OutputPathCliTest, AFileWhereAFolderGoesAndTheOtherWayRound)
{
    fs::create_directories(dir / "a-folder");
    const auto json = cli("export --format json --out " + quoted(dir / "a-folder"));
    EXPECT_EQ(json.exitCode, kWrongPlace) << json.output;
    EXPECT_TRUE(json.has("is a folder")) << json.output;
    test::writeFile(dir / "a-file", "x");
    const auto backup = cli("backup --out " + quoted(dir / "a-file"));
    EXPECT_EQ(backup.exitCode, kWrongPlace) << backup.output;
    EXPECT_TRUE(backup.has("is a file, not a folder")) << backup.output;
    const auto nowhere = cli("export --format md --out " + quoted(dir / "no" / "such" / "r.md"));
    EXPECT_EQ(nowhere.exitCode, kWrongPlace) << nowhere.output;
    EXPECT_TRUE(nowhere.has("There is no folder")) << nowhere.output;
}

TEST_F(OutputPathCliTest, ASymlinkPlantedAtATemporaryNameRedirectsNothing)
{
    const fs::path victim = dir / "victim.txt";
    test::writeFile(victim, "precious");
    const fs::path out = dir / "out.json";
    // The old fixed temporary name, and the names a guesser would try.
    for (const std::string suffix : {".partial", ".tmp", "~", ".partial-0", ".new"})
        fs::create_symlink(victim, out.string() + suffix);
    const auto run = cli("export --format json --out " + quoted(out));
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(test::readFile(victim), "precious");
    EXPECT_EQ(test::readFile(out).rfind("{\n  \"format\": \"attune-export\"", 0), 0U);
    EXPECT_TRUE(fs::is_symlink(out.string() + ".partial")) << "someone else's file is left alone";

    // A backup's temporary file the same way.
    fs::create_directories(dir / "Backups");
    const auto backup = cli("backup --out " + quoted(dir / "Backups"));
    EXPECT_EQ(backup.exitCode, 0) << backup.output;
    EXPECT_EQ(test::readFile(victim), "precious");
}

// Root ignores file permissions, so a read-only place is a read-only tmpfs then.
class ReadOnlyPlace {
public:
    explicit ReadOnlyPlace(const fs::path& folder)
        : m_folder(folder)
    {
        if (::geteuid() == 0) {
            m_isMounted = ::mount("tmpfs", folder.c_str(), "tmpfs", 0, "size=4m") == 0;
            m_whyNot = m_isMounted ? "" : std::string("mounting a tmpfs failed: ") + std::strerror(errno);
        }
    }
    // Makes it read-only after the test put its files in.
    bool lock()
    {
        if (::geteuid() == 0)
            return m_isMounted && ::mount("tmpfs", m_folder.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
        fs::permissions(m_folder, fs::perms::owner_read | fs::perms::owner_exec, fs::perm_options::replace);
        for (const auto& entry : fs::directory_iterator(m_folder))
            fs::permissions(entry.path(), fs::perms::owner_read, fs::perm_options::replace);
        return true;
    }
    ~ReadOnlyPlace()
    {
        if (m_isMounted)
            ::umount2(m_folder.c_str(), MNT_DETACH);
        else if (::geteuid() != 0)
            fs::permissions(m_folder, fs::perms::owner_all, fs::perm_options::replace);
    }
    const std::string& whyNot() const { return m_whyNot; }

private:
    fs::path m_folder;
    bool m_isMounted = false;
    std::string m_whyNot;
};

TEST_F(OutputPathCliTest, AReadOnlyPlaceIsCalledReadOnly)
{
    fs::create_directories(dir / "ro");
    ReadOnlyPlace place(dir / "ro");
    if (!place.whyNot().empty())
        GTEST_SKIP() << place.whyNot();
    const fs::path copy = dir / "ro" / "family.sqlite";
    fs::copy_file(db, copy);
    ASSERT_TRUE(place.lock());

    const auto check = cliOn(copy, "check --backups " + quoted(dir / "Backups"));
    EXPECT_TRUE(check.has("read-only")) << check.output;
    EXPECT_FALSE(check.has("moved or deleted")) << check.output;
    EXPECT_TRUE(check.has("family.sqlite: ok")) << "a read-only file is still checked: " << check.output;
    EXPECT_EQ(check.exitCode, 0) << check.output;

    const auto add = cliOn(copy, "child add Noor");
    EXPECT_EQ(add.exitCode, kReadOnly) << add.output;
    EXPECT_TRUE(add.has("read-only")) << add.output;
    const auto out = cli("export --format json --out " + quoted(dir / "ro" / "copy.json"));
    EXPECT_EQ(out.exitCode, kReadOnly) << out.output;
    EXPECT_TRUE(out.has("read-only")) << out.output;
}

TEST_F(OutputPathCliTest, AFailedClosingCheckpointIsReportedAndLosesNothing)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "needs root to mount a small tmpfs (DatabaseTest covers a failed checkpoint without it)";
    // A large import fits in the -wal, but copying it into the file on close needs as much
    // again: a disk with room for only the first half.
    const fs::path json = dir / "big.json";
    ASSERT_EQ(cliOn(dir / "big.sqlite", "demo --years 3 --children 3").exitCode, 0);
    ASSERT_EQ(cliOn(dir / "big.sqlite", "export --format json --out " + quoted(json)).exitCode, 0);
    const auto bigSize = fs::file_size(dir / "big.sqlite");
    const fs::path disk = dir / "disk";
    fs::create_directories(disk);
    const std::string options = "size=" + std::to_string(bigSize * 3 / 2 / 4096 * 4096 + 64 * 1024);
    ASSERT_EQ(::mount("tmpfs", disk.c_str(), "tmpfs", 0, options.c_str()), 0) << std::strerror(errno);
    struct Unmount {
        fs::path folder;
        ~Unmount() { ::umount2(folder.c_str(), MNT_DETACH); }
    } unmount{disk};
    const fs::path file = disk / "family.sqlite";
    ASSERT_EQ(cliOn(file, "init").exitCode, 0);
    const auto run = cliOn(file, "import " + quoted(json) + " --backups " + quoted(dir / "Backups"));
    ASSERT_EQ(run.exitCode, kNotClosedCleanly) << "the import itself must fit: " << run.output;
    EXPECT_TRUE(run.has("Everything was saved")) << run.output;
    EXPECT_TRUE(run.has("family.sqlite-wal")) << run.output;
    // The file and its -wal together hold the import; once there is room it is tidied.
    ASSERT_TRUE(fs::exists(file.string() + "-wal"));
    fs::copy_file(file, dir / "moved.sqlite");
    fs::copy_file(file.string() + "-wal", (dir / "moved.sqlite").string() + "-wal");
    EXPECT_EQ(cliOn(dir / "moved.sqlite", "child list").exitCode, 0);
    EXPECT_FALSE(fs::exists((dir / "moved.sqlite").string() + "-wal"));
    const auto check = cliOn(dir / "moved.sqlite", "check --backups " + quoted(dir / "Backups"));
    EXPECT_EQ(check.exitCode, 0) << check.output;
    EXPECT_EQ(cliOn(dir / "moved.sqlite", "export --format json --out " + quoted(dir / "again.json")).exitCode, 0);
    EXPECT_TRUE(test::readFile(dir / "again.json") == test::readFile(json));
}

TEST_F(OutputPathCliTest, APreviewKilledHalfwayLeavesNothingAfterTheNextStart)
{
    ASSERT_EQ(cliOn(dir / "big.sqlite", "demo --years 10 --children 4").exitCode, 0);
    const fs::path cache = dir / "cache" / "attune";
    const fs::path temp = dir / "tmp";
    fs::create_directories(temp);
    ::setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);
    ::setenv("TMPDIR", temp.c_str(), 1);
    struct Unset {
        ~Unset()
        {
            ::unsetenv("XDG_CACHE_HOME");
            ::unsetenv("TMPDIR");
        }
    } unset;
    const auto isEmpty = [](const fs::path& folder) {
        std::error_code error;
        return !fs::exists(folder, error) || fs::is_empty(folder, error);
    };
    int killed = 0;
    for (int attempt = 0; attempt < 5 && killed == 0; ++attempt) {
        const pid_t child = ::fork();
        if (child == 0) {
            ::setenv("HOME", dir.path().c_str(), 1);
            ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
            ::execl(ATTUNE_CLI, ATTUNE_CLI, "--database", db.c_str(), "restore", (dir / "big.sqlite").c_str(), nullptr);
            ::_exit(127);
        }
        // Kill it as soon as its working copy is there, wherever it puts it.
        for (int i = 0; i < 8000; ++i) {
            if (!isEmpty(cache) || !isEmpty(temp)) {
                ::kill(child, SIGKILL);
                ++killed;
                break;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(250));
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        if (killed > 0 && !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
            killed = 0; // it finished first and tidied up itself; try again
    }
    if (killed == 0)
        GTEST_SKIP() << "the preview always finished before it could be killed";
    EXPECT_TRUE(isEmpty(temp)) << "Attune's copies go to its own cache folder, not the system's temporary folder";
    ASSERT_FALSE(isEmpty(cache)) << "the killed run left its copy";

    // A run right away leaves it alone (it could be another Attune's, still working) …
    ASSERT_EQ(cli("child list").exitCode, 0);
    ASSERT_FALSE(isEmpty(cache));
    // … and a run some minutes later removes it.
    const struct timeval old[2] = {{::time(nullptr) - 600, 0}, {::time(nullptr) - 600, 0}};
    for (const auto& entry : fs::recursive_directory_iterator(cache))
        ::utimes(entry.path().c_str(), old);
    ASSERT_EQ(cli("child list").exitCode, 0);
    EXPECT_TRUE(isEmpty(cache));
    EXPECT_TRUE(isEmpty(temp));
    // A preview that runs to its end tidies up after itself.
    EXPECT_EQ(cli("restore '" + (dir / "big.sqlite").string() + "'").exitCode, 1);
    EXPECT_TRUE(isEmpty(cache));
    EXPECT_TRUE(isEmpty(temp));
}

} // namespace
