// SPDX-License-Identifier: MIT
// Every dialog that saves where the parent chose (export, care card, one-page profile, "Keep
// my notes safe…") goes through the core's output-path check: Attune's own files are refused
// with a warning that names the problem, and a file already there is replaced only after a yes.
#include "NotebookFixture.h"

#include "data/ExportDialog.h"
#include "family/CareCardDialog.h"
#include "main/FileMovedBanner.h"
#include "notebook/OnePageProfileDialog.h"

#include "attune/core/Backups.h"
#include "attune/core/Database.h"
#include "attune/core/Export.h"
#include "attune/core/Family.h"

#include <QPushButton>
#include <QTest>

using namespace attune;
namespace fs = std::filesystem;

namespace {

constexpr int kWorkTimeoutMs = 60'000;

class OutputPathDialogsTest : public test::NotebookGuiTest {
protected:
    fs::path database = dir / "family.sqlite";

    void SetUp() override
    {
        NotebookGuiTest::SetUp();
        addEntry(core::Section::Strengths, "Building Lego towers", true);
        workspace->family().addCoregItem(maya, "touch", "Firm hug", core::CoregRating::Helps);
    }
    QString text(const fs::path& path) const { return QString::fromStdString(path.string()); }
    static void waitFor(gui::ExportDialog& dialog)
    {
        dialog.waitForWork();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isWorking(), kWorkTimeoutMs);
    }
    std::string databaseRows()
    {
        return std::to_string(workspace->family().children(true).size()) + "/"
             + core::pragmaValue(workspace->database(), "integrity_check");
    }
};

TEST_F(OutputPathDialogsTest, TheExportNeverWritesOverAttuneFiles)
{
    const fs::path backup = core::backupNow(workspace->database(), dir / "backups", clock.nowMs()).path;
    const std::string backupBytes = test::readFile(backup);
    const std::string before = databaseRows();
    gui::ExportDialog dialog(*workspace);
    const std::vector<std::pair<fs::path, QString>> attempts = {
        {database, QStringLiteral("is the file Attune keeps your notes in")},
        {fs::path(database.string() + "-wal"), QStringLiteral("belongs to the file Attune keeps your notes in")},
        {fs::path(database.string() + ".lock"), QStringLiteral("belongs to the file Attune keeps your notes in")},
        {backup, QStringLiteral("is an Attune file or backup")},
    };
    for (const auto format : {gui::ExportDialog::Format::Json, gui::ExportDialog::Format::Markdown,
                              gui::ExportDialog::Format::Pdf, gui::ExportDialog::Format::Csv}) {
        dialog.setFormat(format);
        for (const auto& [target, words] : attempts) {
            prompts.warnings.clear();
            prompts.saveFile = text(target);
            prompts.folder = text(target);
            EXPECT_FALSE(dialog.startExport()) << target;
            EXPECT_FALSE(dialog.isWorking());
            ASSERT_EQ(prompts.warnings.size(), 1) << target;
            EXPECT_TRUE(prompts.warnings.front().contains(words)) << prompts.warnings.front().toStdString();
            EXPECT_EQ(dialog.statusText(), QStringLiteral("Nothing was exported."));
        }
    }
    EXPECT_EQ(test::readFile(backup), backupBytes);
    EXPECT_EQ(databaseRows(), before);
    EXPECT_FALSE(fs::exists(database.string() + ".lock"));
}

TEST_F(OutputPathDialogsTest, TheExportAsksBeforeReplacingAFile)
{
    const fs::path file = dir / "copy.json";
    test::writeFile(file, "my own notes");
    gui::ExportDialog dialog(*workspace);
    dialog.setFormat(gui::ExportDialog::Format::Json);
    prompts.saveFile = text(file);
    prompts.confirmAnswer = false;
    EXPECT_FALSE(dialog.startExport());
    EXPECT_TRUE(prompts.asked.contains(QStringLiteral("Replace “copy.json”?"))) << prompts.asked.join(QLatin1Char(',')).toStdString();
    EXPECT_EQ(test::readFile(file), "my own notes");
    EXPECT_TRUE(prompts.warnings.isEmpty());

    prompts.confirmAnswer = true;
    ASSERT_TRUE(dialog.startExport());
    waitFor(dialog);
    EXPECT_EQ(test::readFile(file), core::exportJson(workspace->database()));
}

TEST_F(OutputPathDialogsTest, CsvFilesGetAFolderOfTheirOwn)
{
    // Documents, say: other files in it. The CSV files go into a new folder inside.
    const fs::path documents = dir / "Documents";
    fs::create_directories(documents);
    test::writeFile(documents / "letter.txt", "dear");
    gui::ExportDialog dialog(*workspace);
    dialog.setFormat(gui::ExportDialog::Format::Csv);
    prompts.folder = text(documents);
    ASSERT_TRUE(dialog.startExport());
    waitFor(dialog);
    const fs::path own = documents / "Attune CSV 2026-11-28";
    EXPECT_TRUE(fs::exists(own / "sessions.csv"));
    EXPECT_EQ(test::readFile(documents / "letter.txt"), "dear");
    EXPECT_TRUE(dialog.statusText().contains(text(own))) << dialog.statusText().toStdString();
    // Again: another new folder, nothing replaced, nothing asked.
    ASSERT_TRUE(dialog.startExport());
    waitFor(dialog);
    EXPECT_TRUE(fs::exists(documents / "Attune CSV 2026-11-28 (2)" / "sessions.csv"));
    EXPECT_FALSE(prompts.asked.contains(QStringLiteral("Replace the CSV files in “Attune CSV 2026-11-28”?")));

    // The folder of an earlier export itself: replaced whole after a yes.
    prompts.folder = text(own);
    prompts.confirmAnswer = false;
    test::writeFile(own / "sessions.csv", "old");
    EXPECT_FALSE(dialog.startExport());
    EXPECT_TRUE(prompts.asked.contains(QStringLiteral("Replace the CSV files in “Attune CSV 2026-11-28”?")));
    EXPECT_EQ(test::readFile(own / "sessions.csv"), "old");
    prompts.confirmAnswer = true;
    ASSERT_TRUE(dialog.startExport());
    waitFor(dialog);
    EXPECT_NE(test::readFile(own / "sessions.csv"), "old");
}

TEST_F(OutputPathDialogsTest, TheCareCardAndTheOnePageProfileNeverWriteOverAttuneFiles)
{
    const std::string before = databaseRows();
    gui::CareCardDialog care(*workspace, maya);
    gui::OnePageProfileDialog profile(*workspace, maya);
    const std::vector<std::function<bool()>> saves = {[&] { return care.saveAsPdf(); },
                                                      [&] { return profile.saveAsPdf(); }};
    for (const auto& save : saves) {
        // The database under a .pdf name (".pdf" is added to any other), as a hard link and a symlink.
        fs::remove(dir / "link.pdf");
        fs::remove(dir / "hard.pdf");
        fs::create_symlink(database, dir / "link.pdf");
        fs::create_hard_link(database, dir / "hard.pdf");
        for (const fs::path& target : {dir / "link.pdf", dir / "hard.pdf"}) {
            prompts.warnings.clear();
            prompts.saveFile = text(target);
            EXPECT_FALSE(save()) << target;
            ASSERT_EQ(prompts.warnings.size(), 1) << target;
            EXPECT_TRUE(prompts.warnings.front().contains(QStringLiteral("nothing was written")))
                << prompts.warnings.front().toStdString();
        }
        EXPECT_TRUE(fs::is_symlink(dir / "link.pdf"));
        EXPECT_EQ(databaseRows(), before);

        // An ordinary PDF: asked first; "no" keeps it.
        test::writeFile(dir / "card.pdf", "an older card");
        prompts.saveFile = text(dir / "card.pdf");
        prompts.confirmAnswer = false;
        prompts.asked.clear();
        EXPECT_FALSE(save());
        EXPECT_TRUE(prompts.asked.contains(QStringLiteral("Replace “card.pdf”?")));
        EXPECT_EQ(test::readFile(dir / "card.pdf"), "an older card");
        prompts.confirmAnswer = true;
        EXPECT_TRUE(save());
        EXPECT_EQ(test::readFile(dir / "card.pdf").rfind("%PDF", 0), 0U);
    }
}

TEST_F(OutputPathDialogsTest, KeepMyNotesSafeNeverChoosesAnAttuneFile)
{
    QWidget window;
    auto* banner = new gui::FileMovedBanner(*workspace, &window);
    const fs::path backup = core::backupNow(workspace->database(), dir / "backups", clock.nowMs()).path;
    fs::rename(database, dir / "moved.sqlite");
    banner->check();
    ASSERT_FALSE(banner->isHidden());
    for (const fs::path& target : {fs::path(database.string() + "-journal"), fs::path(database.string() + ".lock"),
                                   fs::path(backup.string() + "-journal")}) {
        prompts.warnings.clear();
        prompts.saveFile = text(target);
        EXPECT_FALSE(banner->keepNotesSafe()) << target;
        ASSERT_EQ(prompts.warnings.size(), 1);
        EXPECT_TRUE(prompts.warnings.front().contains(QStringLiteral("belongs to"))) << prompts.warnings.front().toStdString();
        EXPECT_FALSE(fs::exists(target));
    }
    EXPECT_FALSE(banner->isHidden());
    prompts.saveFile = text(dir / "kept.sqlite");
    EXPECT_TRUE(banner->keepNotesSafe());
}

} // namespace
