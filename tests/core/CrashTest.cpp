// SPDX-License-Identifier: MIT
// SIGKILL a real writer at random moments, many times: after every kill the file passes
// PRAGMA integrity_check and holds every record whose commit was acknowledged, and every
// backup with a final name is whole. 30 rounds here (a few seconds);
// scripts/crash-soak.sh runs 1,000 (ATTUNE_CRASH_ROUNDS) and docs/reliability.md has the result.
#include "TestSupport.h"

#include "attune/core/Backups.h"
#include "attune/core/Database.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace attune;
using namespace attune::core;

namespace {

struct Round {
    std::vector<std::string> acknowledged;
};

// Starts the writer, lets it run `runMs`, kills it, and returns the lines it printed.
Round runAndKill(const std::filesystem::path& db, const std::filesystem::path& backups, int runMs)
{
    int fds[2];
    if (::pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        ::execl(ATTUNE_CRASH_WRITER, ATTUNE_CRASH_WRITER, db.c_str(), backups.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    std::string output;
    char buffer[4096];
    // Read while it runs so the pipe never fills and blocks the writer.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(runMs);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd poller{fds[0], POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (::poll(&poller, 1, static_cast<int>(std::max<long long>(0, left.count()))) > 0) {
            const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
            if (n <= 0)
                break;
            output.append(buffer, static_cast<std::size_t>(n));
        }
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    // Whatever it printed before dying is still in the pipe.
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        output.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    Round round;
    std::size_t start = 0;
    for (std::size_t end; (end = output.find('\n', start)) != std::string::npos; start = end + 1)
        round.acknowledged.push_back(output.substr(start, end - start));
    return round;
}

TEST(CrashTest, KilledWriterLosesNoAcknowledgedCommit)
{
    const char* roundsText = std::getenv("ATTUNE_CRASH_ROUNDS");
    const int rounds = roundsText ? std::atoi(roundsText) : 30;
    const unsigned seed = std::random_device{}();
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> runMs(0, 150);

    test::TempDir dir;
    const auto path = dir / "crash.sqlite";
    const auto backups = dir / "backups";
    Database::create(path).close();
    spdlog::set_level(spdlog::level::warn);
    std::set<std::string> acknowledged;
    int killedInside = 0;
    std::set<std::string> checkedBackups;
    for (int round = 0; round < rounds; ++round) {
        const Round result = runAndKill(path, backups, runMs(random));
        acknowledged.insert(result.acknowledged.begin(), result.acknowledged.end());
        killedInside += result.acknowledged.empty() ? 0 : 1;
        // The production open path: application_id, version, quick_check, WAL recovery.
        Database db = Database::open(path);
        ASSERT_EQ(pragmaValue(db, "integrity_check"), "ok") << "round " << round;
        std::set<std::string> stored;
        {
            SQLite::Statement all(db.sql(), "SELECT uuid FROM caregivers");
            while (all.executeStep())
                stored.insert(all.getColumn(0).getString());
        }
        for (const auto& uuid : acknowledged)
            ASSERT_TRUE(stored.count(uuid)) << "round " << round << ": acknowledged record " << uuid << " was lost";
        db.close();
        for (const auto& backup : listBackups(backups)) {
            if (!checkedBackups.insert(backup.path.string()).second)
                continue; // a finished backup never changes; check each once
            SQLite::Database copy(backup.path.string(), SQLite::OPEN_READONLY);
            ASSERT_EQ(copy.execAndGet("PRAGMA integrity_check").getString(), "ok") << backup.path;
        }
    }
    std::printf("crash test: %d rounds, %zu acknowledged records, all present, integrity ok every round "
                "(%d rounds killed after at least one commit); %zu finished backups, all whole\n",
                rounds, acknowledged.size(), killedInside, checkedBackups.size());
    EXPECT_GT(acknowledged.size(), 0U);
}

} // namespace
