// SPDX-License-Identifier: MIT
// Never lose a word: the real attune binary types into a reflection through its real widgets
// (a test-only hook), is killed with SIGKILL mid-flow, and the draft is all there afterwards,
// at the step it was on.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Reflection.h"
#include "attune/core/Store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace attune;

namespace {

// What the draft holds right now, read without taking any lock the app needs.
std::optional<std::pair<std::string, int>> readDraft(const std::filesystem::path& db)
{
    try {
        SQLite::Database file(db.string(), SQLite::OPEN_READONLY);
        SQLite::Statement query(file, "SELECT what_happened, step FROM reflections WHERE status = 'draft'");
        if (!query.executeStep())
            return std::nullopt;
        return std::make_pair(query.getColumn(0).getString(), query.getColumn(1).getInt());
    } catch (const std::exception&) {
        return std::nullopt; // not created yet, or busy for a moment
    }
}

} // namespace

TEST(ReflectionCrashTest, AKilledAttuneKeepsEveryTypedCharacterOfTheDraft)
{
    test::TempDir dir;
    const auto db = dir / "family.sqlite";
    {
        test::FixedClock clock;
        core::Database database = core::Database::create(db);
        core::Store store(database, clock);
        core::Family family(store);
        store.setActor(family.caregivers().front().meta.uuid);
        core::ChildDraft child;
        child.name = "Maya";
        family.addChild(child);
        database.close();
    }

    // Several lines, punctuation and letters beyond ASCII, typed one key at a time.
    const std::string text = "We were late for school.\nShe said \u201cno\u201d three times \u2014 I raised my voice. "
                             "Caf\u00e9 after, and a hug.";
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
        ::setenv("HOME", dir.path().c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
        ::setenv("ATTUNE_TEST_TYPE_REFLECTION", text.c_str(), 1);
        ::execl(ATTUNE_APP, ATTUNE_APP, "--database", db.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }

    // Wait until the whole text is in the file (autosaved as it was typed), then pull the plug.
    std::optional<std::pair<std::string, int>> seen;
    bool sawPartial = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        seen = readDraft(db);
        if (seen && seen->first == text)
            break;
        sawPartial = sawPartial || (seen && !seen->first.empty());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status)) << "attune should still have been running when killed";
    ASSERT_TRUE(seen.has_value()) << "no draft was autosaved";
    EXPECT_TRUE(sawPartial) << "the draft should be saved while typing, not only at the end";
    ASSERT_EQ(seen->first, text);

    // Attune starts again: the core finds the draft, whole, at the step it was on.
    test::FixedClock clock;
    core::Database database = core::Database::open(db);
    core::Store store(database, clock);
    core::Reflections reflections(store);
    const auto drafts = reflections.openDrafts();
    ASSERT_EQ(drafts.size(), 1u);
    const core::Reflection draft = reflections.resumeDraft(drafts.front().id);
    EXPECT_EQ(draft.data.whatHappened, text);
    EXPECT_EQ(draft.data.step, 2);
    EXPECT_EQ(draft.status, core::ReflectionStatus::Draft);
}
