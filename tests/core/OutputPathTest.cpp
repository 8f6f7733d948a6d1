// SPDX-License-Identifier: MIT
// checkOutputPath() and the writers that use it: Attune's own files are never an output,
// temporary files can't be redirected, CSV cells are never formulas, and temporary copies
// live in Attune's cache folder and are tidied after a killed run.
#include "DataFixture.h"

#include "attune/core/Backup.h"
#include "attune/core/Backups.h"
#include "attune/core/Cache.h"
#include "attune/core/Check.h"
#include "attune/core/Export.h"
#include "attune/core/OutputPath.h"
#include "attune/core/Restore.h"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <csignal>
#include <map>

#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace attune;
using namespace attune::core;
namespace fs = std::filesystem;
using Reason = OutputPathError::Reason;

namespace {

class OutputPathTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock;
    fs::path file = dir / "family.sqlite";

    // The reason checkOutputPath() refuses `target` for, or nullopt when it does not.
    std::optional<Reason> refusal(const fs::path& target, OutputKind kind = OutputKind::File, bool mayReplace = false)
    {
        try {
            checkOutputPath(target, {kind, file, mayReplace});
            return std::nullopt;
        } catch (const OutputPathError& error) {
            return error.reason();
        }
    }
};

TEST_F(OutputPathTest, TheOpenFileItsCompanionsAndEveryAttuneFileAreRefusedHoweverSpelled)
{
    test::DemoFile family(file, clock);
    Database::create(dir / "other.sqlite").close();
    fs::create_directories(dir / "sub");
    fs::create_symlink(file, dir / "link.json");
    fs::create_hard_link(file, dir / "hard.json");
    fs::copy_file(dir / "other.sqlite", dir / "renamed.txt");
    for (const fs::path& target :
         {file, dir / "sub" / ".." / "family.sqlite", dir / "link.json", dir / "hard.json", fs::path(file.string() + "-wal"),
          fs::path(file.string() + "-shm"), fs::path(file.string() + "-journal"), fs::path(file.string() + ".lock"),
          dir / "other.sqlite", dir / "renamed.txt", dir / "other.sqlite-journal", dir / "renamed.txt-wal"}) {
        for (const OutputKind kind : {OutputKind::File, OutputKind::AddToFolder, OutputKind::WholeFolder})
            EXPECT_EQ(refusal(target, kind, true), Reason::AttuneFile) << target << " kind " << static_cast<int>(kind);
    }
    // A relative spelling from the folder the program runs in.
    const fs::path before = fs::current_path();
    fs::current_path(dir.path());
    EXPECT_EQ(refusal("family.sqlite", OutputKind::File, true), Reason::AttuneFile);
    EXPECT_EQ(refusal("./sub/../family.sqlite-wal", OutputKind::File, true), Reason::AttuneFile);
    fs::current_path(before);

    EXPECT_TRUE(isAttuneFile(dir / "other.sqlite"));
    EXPECT_TRUE(isAttuneFile(dir / "renamed.txt"));
    test::writeFile(dir / "notes.md", "SQLite format 3");
    EXPECT_FALSE(isAttuneFile(dir / "notes.md"));
    EXPECT_FALSE(isAttuneFile(dir / "nothing-here"));
}

TEST_F(OutputPathTest, OrdinaryFilesNeedAYesAndFoldersMustFit)
{
    test::DemoFile family(file, clock);
    test::writeFile(dir / "notes.md", "mine");
    EXPECT_EQ(refusal(dir / "notes.md"), Reason::Exists);
    EXPECT_EQ(refusal(dir / "notes.md", OutputKind::File, true), std::nullopt);
    EXPECT_EQ(refusal(dir / "new.md"), std::nullopt);
    EXPECT_EQ(refusal(dir / "missing" / "new.md"), Reason::WrongPlace);
    EXPECT_EQ(refusal(dir.path()), Reason::WrongPlace) << "a folder is not a file name";
    EXPECT_EQ(refusal(dir / "notes.md", OutputKind::AddToFolder), Reason::WrongPlace);
    EXPECT_EQ(refusal(dir / "new" / "backups", OutputKind::AddToFolder), std::nullopt) << "made when needed";
    EXPECT_EQ(refusal(dir.path(), OutputKind::AddToFolder), std::nullopt) << "backups go beside anything";
    // A CSV folder: new, empty, or an earlier export (with a yes); never one with other files.
    fs::create_directories(dir / "empty");
    EXPECT_EQ(refusal(dir / "sheets", OutputKind::WholeFolder), std::nullopt);
    EXPECT_EQ(refusal(dir / "empty", OutputKind::WholeFolder), std::nullopt);
    EXPECT_EQ(refusal(dir.path(), OutputKind::WholeFolder, true), Reason::WrongPlace);
    writeCsvExport(*family.db, dir / "sheets");
    EXPECT_EQ(refusal(dir / "sheets", OutputKind::WholeFolder), Reason::Exists);
    EXPECT_EQ(refusal(dir / "sheets/", OutputKind::WholeFolder, true), std::nullopt);
    EXPECT_EQ(refusal(dir / "notes.md", OutputKind::WholeFolder, true), Reason::WrongPlace);
}

TEST_F(OutputPathTest, EveryWriterRefusesAttuneFilesOnItsOwn)
{
    test::DemoFile family(file, clock, 1, 1);
    const fs::path backup = backupNow(*family.db, dir / "backups", clock.nowMs()).path;
    const std::string backupBytes = test::readFile(backup);
    const auto refuses = [](auto write) {
        try {
            write();
            return false;
        } catch (const OutputPathError& error) {
            return error.reason() == Reason::AttuneFile;
        }
    };
    EXPECT_TRUE(refuses([&] { writeFileSafely(backup, "report"); }));
    EXPECT_TRUE(refuses([&] { writeFileSafely(file.string() + "-journal", "report"); }));
    EXPECT_TRUE(refuses([&] { writeJsonExport(*family.db, backup); }));
    EXPECT_TRUE(refuses([&] { writeJsonExport(*family.db, file); }));
    EXPECT_TRUE(refuses([&] { writeCsvExport(*family.db, backup); }));
    EXPECT_TRUE(refuses([&] { writeVerifiedBackup(*family.db, file.string() + "-wal"); }));
    EXPECT_TRUE(refuses([&] { family.db->relocate(file.string() + ".lock"); }));
    EXPECT_EQ(test::readFile(backup), backupBytes);
    EXPECT_EQ(family.db->sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST_F(OutputPathTest, ASymlinkAtATemporaryNameIsNeverFollowed)
{
    test::DemoFile family(file, clock, 1, 1);
    const fs::path victim = dir / "victim.txt";
    test::writeFile(victim, "precious");
    for (const std::string name : {"out.json.partial", "out.md.partial", "sheets.partial", ".sheets.partial",
                                   "copy.sqlite.partial", "copy.sqlite.partial-journal"})
        fs::create_symlink(victim, dir / name);
    writeJsonExport(*family.db, dir / "out.json");
    writeFileSafely(dir / "out.md", "# report");
    writeCsvExport(*family.db, dir / "sheets");
    writeVerifiedBackup(*family.db, dir / "copy.sqlite");
    EXPECT_EQ(test::readFile(victim), "precious");
    EXPECT_EQ(test::readFile(dir / "out.md"), "# report");
    EXPECT_TRUE(fs::is_regular_file(dir / "sheets" / "sessions.csv"));
    EXPECT_TRUE(isAttuneFile(dir / "copy.sqlite"));
    // Nothing of ours is left beside them.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path()))
        ++entries;
    EXPECT_EQ(entries, 6U + 4U + 1U + 3U) << "the links, the four outputs, victim.txt and family.sqlite (+ -wal, -shm)";
}

// An RFC 4180 reader, enough to read Attune's CSV back: fields per row.
std::vector<std::vector<std::string>> readCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool isQuoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isQuoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else if (c == '"')
                isQuoted = false;
            else
                field += c;
        } else if (c == '"') {
            isQuoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::exchange(field, {}));
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::exchange(field, {}));
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    rows.pop_back(); // after the last CRLF
    return rows;
}

TEST_F(OutputPathTest, CsvCellsAreNeverFormulasAndTheFilesSayUtf8)
{
    test::DemoFile family(file, clock);
    const std::vector<std::string> notes = {"=HYPERLINK(\"http://x\",\"click\")", "+49 30 1234", "-2+3", "@SUM(A1:A9)",
                                            "\tTab first", "\rCR first", "'quoted already", "plain, with a comma",
                                            "Zoë 🌈 two\nlines", "a = b"};
    ChildDraft child;
    child.name = "Ada";
    Family(*family.store).addChild(child);
    family.db->write([&] {
        for (std::size_t i = 0; i < notes.size(); ++i) {
            SQLite::Statement insert(family.db->sql(), "INSERT INTO sessions (uuid, child_id, day, minutes, note, "
                                                       "created_at, updated_at) VALUES (?, (SELECT min(id) FROM "
                                                       "children), '2026-11-28', ?, ?, 1, 1)");
            insert.bind(1, "00000000-0000-4000-8000-00000000010" + std::to_string(i));
            insert.bind(2, static_cast<int>(i + 1));
            insert.bind(3, notes[i]);
            insert.exec();
        }
    });
    writeCsvExport(*family.db, dir / "sheets");
    const std::string text = test::readFile(dir / "sheets" / "sessions.csv");
    ASSERT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0U) << "UTF-8 with a byte order mark";
    const auto rows = readCsv(text.substr(3));
    ASSERT_EQ(rows.size(), notes.size() + 1);
    const auto& header = rows.front();
    const auto noteColumn = static_cast<std::size_t>(std::find(header.begin(), header.end(), "note") - header.begin());
    const auto minutesColumn = static_cast<std::size_t>(std::find(header.begin(), header.end(), "minutes") - header.begin());
    ASSERT_LT(noteColumn, header.size());
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const std::string& cell = rows[i + 1][noteColumn];
        const bool isRisky = std::string("=+-@\t\r'").find(notes[i].front()) != std::string::npos;
        // No cell starts with what a spreadsheet reads as a formula …
        EXPECT_EQ(std::string("=+-@\t\r").find(cell.front()), std::string::npos) << cell;
        // … and the original is always the cell, or the cell without the one apostrophe added.
        EXPECT_EQ(isRisky ? cell.substr(1) : cell, notes[i]);
        EXPECT_EQ(cell.front() == '\'', isRisky) << cell;
        EXPECT_EQ(rows[i + 1][minutesColumn], std::to_string(i + 1)) << "numbers stay numbers";
    }
    EXPECT_EQ(csvText("-5"), "'-5");
    EXPECT_EQ(csvText("=1,2"), "\"'=1,2\"");
    EXPECT_EQ(csvText("fine"), "fine");
    EXPECT_EQ(csvText(""), "");
}

TEST_F(OutputPathTest, PreviewsAndChecksWorkInTheCacheFolderAndLeaveNothing)
{
    test::DemoFile family(file, clock, 1, 1);
    const fs::path backup = backupNow(*family.db, dir / "backups", clock.nowMs()).path;
    setCacheFolder(dir / "cache");
    const FilePreview preview = previewFile(backup);
    EXPECT_GT(preview.tableCounts.size(), 5U);
    restoreFrom(*family.db, backup, dir / "backups", clock.nowMs() + 1000);
    ASSERT_TRUE(fs::is_directory(dir / "cache"));
    EXPECT_TRUE(fs::is_empty(dir / "cache"));
    EXPECT_EQ(test::permissionBits(dir / "cache"), 0700U);
    setCacheFolder({});
}

TEST_F(OutputPathTest, LeftoversAreRemovedOnlyWhenTheirRunIsGoneAndTheyAreOld)
{
    const fs::path cache = dir / "cache";
    // A run that ended without tidying (killed): its pid is free again.
    const pid_t gone = ::fork();
    if (gone == 0)
        ::_exit(0);
    ::waitpid(gone, nullptr, 0);
    const fs::path deadOld = cache / ("work-" + std::to_string(gone) + "-aaaaaaaaaaaa");
    const fs::path deadNew = cache / ("work-" + std::to_string(gone) + "-bbbbbbbbbbbb");
    const fs::path alive = cache / ("work-" + std::to_string(::getppid()) + "-cccccccccccc");
    const fs::path mine = cache / ("work-" + std::to_string(::getpid()) + "-dddddddddddd");
    const fs::path notOurs = cache / "something-else";
    for (const fs::path& folder : {deadOld, deadNew, alive, mine, notOurs}) {
        fs::create_directories(folder);
        test::writeFile(folder / "copy.sqlite", "x");
    }
    const struct timeval old[2] = {{::time(nullptr) - 3600, 0}, {::time(nullptr) - 3600, 0}};
    for (const fs::path& folder : {deadOld, alive, mine, notOurs}) {
        ::utimes((folder / "copy.sqlite").c_str(), old);
        ::utimes(folder.c_str(), old);
    }
    EXPECT_EQ(removeLeftoverCopies(cache), 1U);
    EXPECT_FALSE(fs::exists(deadOld));
    for (const fs::path& folder : {deadNew, alive, mine, notOurs})
        EXPECT_TRUE(fs::exists(folder / "copy.sqlite")) << folder;
    EXPECT_EQ(removeLeftoverCopies(dir / "no-cache-yet"), 0U);
}

} // namespace
