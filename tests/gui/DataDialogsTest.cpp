// SPDX-License-Identifier: MIT
// Export, import and restore through their dialogs: the work runs on a worker thread with its
// own connection, the results match the core's, Cancel and faults leave nothing behind, and an
// import or restore tells every page to reload.
#include "GuiFixture.h"

#include "data/BackgroundWork.h"
#include "data/DailyBackup.h"
#include "data/ExportDialog.h"
#include "data/ImportDialog.h"
#include "data/ReportPdf.h"
#include "data/RestoreDialog.h"
#include "main/MainWindow.h"
#include "settings/SettingsPage.h"

#include "attune/core/Backups.h"
#include "attune/core/Database.h"
#include "attune/core/Demo.h"
#include "attune/core/Export.h"
#include "attune/core/Family.h"
#include "attune/core/OneOnOne.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QWidget>

#include <sys/mount.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

using namespace attune;
namespace fs = std::filesystem;

namespace {

constexpr int kWorkTimeoutMs = 60'000;

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeAll(const fs::path& file, const std::string& bytes)
{
    std::ofstream out(file, std::ios::binary);
    out << bytes;
}

QString pdfText(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    EXPECT_TRUE(process.waitForFinished(30'000));
    return QString::fromUtf8(process.readAllStandardOutput());
}

class DataDialogsTest : public test::GuiTest {
protected:
    DataDialogsTest()
    {
        workspace->setBackupFolder(QString::fromStdString((dir / "backups").string()));
    }

    // Two children with sessions on known days and notes, one of them outside the range.
    void addFamily()
    {
        maya = addChild("Maya");
        leo = addChild("Leo");
        addSession(maya, "2026-03-02", "Built a marble run together");
        addSession(maya, "2026-06-15", "Baked bread, she kneaded");
        addSession(maya, "2025-12-20", "Snow walk before the holidays");
        addSession(leo, "2026-06-16", "Leo drew dinosaurs");
    }

    void addSession(core::Id child, const std::string& day, const std::string& note)
    {
        core::SessionDraft draft;
        draft.childId = child;
        draft.day = day;
        draft.minutes = 20;
        draft.activity = "Playing";
        draft.note = note;
        workspace->timeLog().addSession(draft);
    }

    void addDemo(int years, int children)
    {
        core::DemoOptions options;
        options.years = years;
        options.children = children;
        options.today = "2026-11-28";
        core::generateDemo(workspace->store(), options);
        Q_EMIT workspace->childrenChanged();
    }

    // Another Attune file with a one-year demo family, exported as JSON.
    fs::path otherFamilyJson()
    {
        const fs::path other = dir / "other.sqlite";
        core::Database db = core::Database::create(other);
        core::Store store(db, clock, 11);
        store.setActor(core::Family(store).caregivers().front().meta.uuid);
        core::DemoOptions options;
        options.years = 1;
        options.children = 1;
        options.seed = 5;
        options.today = "2026-11-28";
        core::generateDemo(store, options);
        const fs::path json = dir / "other.json";
        core::writeJsonExport(db, json);
        return json;
    }

    std::size_t childCount() { return workspace->family().children(true).size(); }

    static void waitFor(gui::DataDialog& dialog)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isWorking(), kWorkTimeoutMs);
    }

    static QString fieldError(QWidget& field)
    {
        // The FieldErrorLabel sits right under its field in the same column.
        auto* column = field.parentWidget();
        for (auto* label : column->findChildren<QLabel*>()) {
            if (label->inherits("attune::gui::FieldErrorLabel") && !label->isHidden() && !label->text().isEmpty())
                return label->text();
        }
        return {};
    }

    core::Id maya = 0;
    core::Id leo = 0;
};

TEST_F(DataDialogsTest, JsonExportWritesTheSameBytesAsTheCore)
{
    addFamily();
    gui::ExportDialog dialog(*workspace);
    dialog.setFormat(gui::ExportDialog::Format::Json);
    const fs::path file = dir / "copy.json";
    prompts.saveFile = QString::fromStdString(file.string());
    ASSERT_TRUE(dialog.startExport());
    EXPECT_TRUE(dialog.isWorking());
    waitFor(dialog);
    EXPECT_EQ(readAll(file), core::exportJson(workspace->database()));
    EXPECT_TRUE(dialog.statusText().contains(QString::fromStdString(file.string()))) << dialog.statusText().toStdString();
    EXPECT_FALSE(fs::exists(file.string() + ".partial"));
}

TEST_F(DataDialogsTest, CsvExportWritesOneFilePerTableIntoTheChosenFolder)
{
    addFamily();
    gui::ExportDialog dialog(*workspace);
    dialog.setFormat(gui::ExportDialog::Format::Csv);
    const fs::path folder = dir / "sheets";
    prompts.folder = QString::fromStdString(folder.string());
    ASSERT_TRUE(dialog.startExport());
    waitFor(dialog);
    EXPECT_TRUE(fs::exists(folder / "children.csv"));
    EXPECT_TRUE(fs::exists(folder / "sessions.csv"));
    EXPECT_NE(readAll(folder / "sessions.csv").find("Baked bread, she kneaded"), std::string::npos);
    EXPECT_TRUE(dialog.statusText().contains(QStringLiteral("CSV files")));
}

TEST_F(DataDialogsTest, MarkdownReportHoldsOneChildAndOnlyTheRange)
{
    addFamily();
    gui::ExportDialog dialog(*workspace);
    dialog.setFormat(gui::ExportDialog::Format::Markdown);
    auto* child = dialog.findChild<QComboBox*>(QStringLiteral("reportChild"));
    ASSERT_NE(child, nullptr);
    child->setCurrentIndex(child->findText(QStringLiteral("Maya")));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("reportFrom")), QStringLiteral("2026-01-01"));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("reportTo")), QStringLiteral("2026-12-31"));
    const fs::path file = dir / "report.md";
    prompts.saveFile = QString::fromStdString(file.string());
    ASSERT_TRUE(dialog.startExport());
    waitFor(dialog);
    const std::string report = readAll(file);
    EXPECT_NE(report.find("## Maya"), std::string::npos);
    EXPECT_NE(report.find("Built a marble run together"), std::string::npos);
    EXPECT_EQ(report.find("Snow walk"), std::string::npos);
    EXPECT_EQ(report.find("## Leo"), std::string::npos);
}

TEST_F(DataDialogsTest, PdfReportHoldsTheChildsNameAndNotesInTheRangeOnly)
{
    addFamily();
    gui::ExportDialog dialog(*workspace);
    dialog.setFormat(gui::ExportDialog::Format::Pdf);
    auto* child = dialog.findChild<QComboBox*>(QStringLiteral("reportChild"));
    child->setCurrentIndex(child->findText(QStringLiteral("Maya")));
    dialog.findChild<QLineEdit*>(QStringLiteral("reportFrom"))->setText(QStringLiteral("2026-01-01"));
    const fs::path file = dir / "report.pdf";
    prompts.saveFile = QString::fromStdString(file.string());
    ASSERT_TRUE(dialog.startExport());
    waitFor(dialog);
    ASSERT_TRUE(fs::exists(file)) << dialog.statusText().toStdString();
    const QString text = pdfText(QString::fromStdString(file.string()));
    EXPECT_TRUE(text.contains(QStringLiteral("Maya"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Baked bread"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("Snow walk")));
    EXPECT_FALSE(text.contains(QStringLiteral("Leo drew")));
    EXPECT_TRUE(text.contains(QStringLiteral("Page 1 of")));
}

TEST_F(DataDialogsTest, WriteReportPdfWorksOnAWorkerThreadAndLeavesNoTemporaryFile)
{
    addFamily();
    const QString file = QString::fromStdString((dir / "direct.pdf").string());
    gui::BackgroundWork work;
    QSignalSpy finished(&work, &gui::BackgroundWork::finished);
    const fs::path database = workspace->database().path();
    work.start([database, file](const core::Progress& progress) {
        core::Database db = gui::BackgroundWork::openOwnConnection(database);
        core::ReportOptions options;
        options.to = "2025-12-31";
        gui::writeReportPdf(db, options, file, progress);
    });
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWorkTimeoutMs);
    EXPECT_EQ(finished.front().front().value<gui::WorkOutcome>().kind, gui::WorkOutcome::Kind::Done);
    const QString text = pdfText(file);
    EXPECT_TRUE(text.contains(QStringLiteral("Snow walk before the holidays"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("Baked bread")));
    EXPECT_FALSE(QFile::exists(file + QStringLiteral(".partial")));
}

TEST_F(DataDialogsTest, AStartAfterTheEndIsShownAtTheFieldAndNothingIsWritten)
{
    addFamily();
    gui::ExportDialog dialog(*workspace);
    dialog.show();
    dialog.setFormat(gui::ExportDialog::Format::Markdown);
    auto* to = dialog.findChild<QLineEdit*>(QStringLiteral("reportTo"));
    dialog.findChild<QLineEdit*>(QStringLiteral("reportFrom"))->setText(QStringLiteral("2026-06-01"));
    to->setText(QStringLiteral("2026-01-01"));
    prompts.saveFile = QString::fromStdString((dir / "never.md").string());
    EXPECT_FALSE(dialog.startExport());
    EXPECT_EQ(fieldError(*to), QStringLiteral("The end date is before the start date."));
    EXPECT_FALSE(prompts.asked.contains(QStringLiteral("Save the report"))); // not even asked where
    EXPECT_FALSE(fs::exists(dir / "never.md"));
}

TEST_F(DataDialogsTest, CancelStopsALongExportAndLeavesNoFile)
{
    addDemo(2, 2);
    gui::ExportDialog dialog(*workspace);
    dialog.setFormat(gui::ExportDialog::Format::Json);
    const fs::path file = dir / "stopped.json";
    prompts.saveFile = QString::fromStdString(file.string());
    ASSERT_TRUE(dialog.startExport());
    auto* cancel = dialog.findChild<QPushButton*>(QStringLiteral("cancelWork"));
    ASSERT_NE(cancel, nullptr);
    QTest::mouseClick(cancel, Qt::LeftButton); // before the worker has read its first table
    waitFor(dialog);
    EXPECT_EQ(dialog.statusText(), QStringLiteral("Stopped — nothing was written."));
    EXPECT_FALSE(fs::exists(file));
    EXPECT_FALSE(fs::exists(file.string() + ".partial"));
}

TEST_F(DataDialogsTest, ClosingWhileWorkRunsAsksStopsAndWaits)
{
    addDemo(2, 2);
    gui::ExportDialog dialog(*workspace);
    dialog.setFormat(gui::ExportDialog::Format::Csv);
    const fs::path folder = dir / "closed";
    prompts.folder = QString::fromStdString(folder.string());
    ASSERT_TRUE(dialog.startExport());
    prompts.confirmAnswer = false;
    dialog.reject(); // "Stop now?" → no: the work goes on
    EXPECT_TRUE(prompts.asked.contains(QStringLiteral("Stop now?")));
    prompts.confirmAnswer = true;
    dialog.reject();
    EXPECT_FALSE(dialog.isWorking()); // the thread has ended before the dialog closes
}

TEST_F(DataDialogsTest, ImportShowsADryRunThenAddsEverythingAndEveryPageReloads)
{
    addChild("Maya");
    const fs::path json = otherFamilyJson();
    QSignalSpy replaced(workspace.get(), &gui::Workspace::dataReplaced);
    gui::ImportDialog dialog(*workspace);
    prompts.openFile = QString::fromStdString(json.string());
    ASSERT_TRUE(dialog.chooseFile());
    waitFor(dialog);
    ASSERT_TRUE(dialog.dryRun().has_value()) << dialog.headline().toStdString();
    EXPECT_TRUE(dialog.dryRun()->isDryRun);
    EXPECT_TRUE(dialog.headline().contains(QStringLiteral("Nothing has been written yet"))) << dialog.headline().toStdString();
    auto* summary = dialog.findChild<QTableWidget*>(QStringLiteral("importSummary"));
    ASSERT_GT(summary->rowCount(), 2);
    EXPECT_EQ(childCount(), 1U); // a dry run writes nothing
    EXPECT_EQ(replaced.count(), 0);

    auto* import = dialog.findChild<QPushButton*>(QStringLiteral("importNow"));
    ASSERT_TRUE(import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    waitFor(dialog);
    EXPECT_EQ(childCount(), 2U);
    EXPECT_EQ(replaced.count(), 1);
    EXPECT_FALSE(import->isEnabled());
    EXPECT_TRUE(dialog.statusText().startsWith(QStringLiteral("Imported "))) << dialog.statusText().toStdString();
    EXPECT_EQ(core::listBackups(dir / "backups").size(), 1U); // the data before the import

    // The same file again: nothing new.
    gui::ImportDialog again(*workspace);
    again.checkFile(QString::fromStdString(json.string()));
    waitFor(again);
    EXPECT_EQ(again.headline(), QStringLiteral("Nothing new in this file: everything in it is already here."));
    EXPECT_FALSE(again.findChild<QPushButton*>(QStringLiteral("importNow"))->isEnabled());
}

TEST_F(DataDialogsTest, AMalformedImportSaysWhereItIsWrongAndChangesNothing)
{
    const fs::path json = otherFamilyJson();
    QString text = QString::fromStdString(readAll(json));
    const QRegularExpression minutes(QStringLiteral("\"minutes\":\\s*\\d+"));
    const auto match = minutes.match(text);
    ASSERT_TRUE(match.hasMatch());
    text.replace(match.capturedStart(), match.capturedLength(), QStringLiteral("\"minutes\": 0"));
    const fs::path broken = dir / "broken.json";
    writeAll(broken, text.toStdString());

    gui::ImportDialog dialog(*workspace);
    dialog.checkFile(QString::fromStdString(broken.string()));
    waitFor(dialog);
    EXPECT_FALSE(dialog.dryRun().has_value());
    auto* problems = dialog.findChild<QListWidget*>(QStringLiteral("importProblems"));
    ASSERT_EQ(problems->count(), 1);
    EXPECT_TRUE(problems->item(0)->text().startsWith(QStringLiteral("tables.sessions[")));
    EXPECT_TRUE(problems->item(0)->text().endsWith(QStringLiteral("minutes: must be between 1 and 600")))
        << problems->item(0)->text().toStdString();
    EXPECT_TRUE(dialog.headline().contains(QStringLiteral("Nothing was written")));
    EXPECT_FALSE(dialog.findChild<QPushButton*>(QStringLiteral("importNow"))->isEnabled());
    EXPECT_EQ(childCount(), 0U);
}

TEST_F(DataDialogsTest, RestorePreviewShowsTheCopyThenRestoreReplacesAndKeepsTheOldData)
{
    addFamily();
    core::backupNow(workspace->database(), dir / "backups", clock.nowMs() - 60'000);
    addChild("Noor"); // after the backup
    QSignalSpy replaced(workspace.get(), &gui::Workspace::dataReplaced);

    gui::RestoreDialog dialog(*workspace);
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("backupList"));
    ASSERT_EQ(list->count(), 1);
    dialog.selectBackup(0);
    waitFor(dialog);
    ASSERT_TRUE(dialog.preview().has_value());
    const QString preview = dialog.previewText();
    EXPECT_TRUE(preview.contains(QStringLiteral("<b>Maya</b>: 3 one-on-one sessions"))) << preview.toStdString();
    EXPECT_TRUE(preview.contains(QStringLiteral("<b>Leo</b>: 1 one-on-one sessions"))) << preview.toStdString();
    EXPECT_FALSE(preview.contains(QStringLiteral("Noor")));
    EXPECT_TRUE(preview.contains(QStringLiteral("Restoring replaces everything in this window with this copy.")));
    EXPECT_EQ(childCount(), 3U); // a preview changes nothing

    auto* restore = dialog.findChild<QPushButton*>(QStringLiteral("restoreNow"));
    ASSERT_TRUE(restore->isEnabled());
    QTest::mouseClick(restore, Qt::LeftButton);
    EXPECT_TRUE(prompts.asked.contains(QStringLiteral("Replace everything with this copy?")));
    waitFor(dialog);
    EXPECT_EQ(childCount(), 2U); // the workspace's own connection sees the restored data
    EXPECT_EQ(replaced.count(), 1);
    const auto backups = core::listBackups(dir / "backups");
    ASSERT_EQ(backups.size(), 2U);
    const core::FilePreview old = core::previewFile(backups.front().path); // the newest: before the restore
    EXPECT_EQ(old.children.size(), 3U);
    EXPECT_TRUE(dialog.statusText().startsWith(QStringLiteral("Restored."))) << dialog.statusText().toStdString();
}

TEST_F(DataDialogsTest, ADamagedFileIsRefusedWithThePlainMessage)
{
    addChild("Maya");
    const fs::path damaged = dir / "damaged.sqlite";
    writeAll(damaged, std::string(8192, 'x'));
    gui::RestoreDialog dialog(*workspace);
    prompts.openFile = QString::fromStdString(damaged.string());
    ASSERT_TRUE(dialog.chooseFile());
    waitFor(dialog);
    EXPECT_FALSE(dialog.preview().has_value());
    auto* problem = dialog.findChild<QLabel*>(QStringLiteral("restoreProblem"));
    EXPECT_FALSE(problem->isHidden());
    EXPECT_TRUE(problem->text().startsWith(QStringLiteral("This copy can't be restored: "))) << problem->text().toStdString();
    EXPECT_FALSE(dialog.findChild<QPushButton*>(QStringLiteral("restoreNow"))->isEnabled());
    EXPECT_FALSE(dialog.startRestore());
    EXPECT_EQ(childCount(), 1U);
}

TEST_F(DataDialogsTest, AReadOnlyFolderGivesAClearMessageAndNoFile)
{
    addFamily();
    const fs::path folder = dir / "locked";
    fs::create_directories(folder);
    bool isMounted = false;
    if (::geteuid() == 0) {
        // Root ignores permissions: a read-only tmpfs it is.
        isMounted = ::mount("tmpfs", folder.c_str(), "tmpfs", MS_RDONLY, "size=1m") == 0;
        if (!isMounted)
            GTEST_SKIP() << "root ignores permissions and a read-only tmpfs could not be mounted";
    } else {
        fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec, fs::perm_options::replace);
    }
    gui::ExportDialog dialog(*workspace);
    dialog.setFormat(gui::ExportDialog::Format::Json);
    prompts.saveFile = QString::fromStdString((folder / "copy.json").string());
    EXPECT_FALSE(dialog.startExport()) << "refused before any work starts";
    EXPECT_FALSE(dialog.isWorking());
    const bool isWritten = fs::exists(folder / "copy.json") || fs::exists(folder / "copy.json.partial");
    if (isMounted)
        ::umount2(folder.c_str(), MNT_DETACH);
    else
        fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace);
    EXPECT_FALSE(isWritten);
    ASSERT_EQ(prompts.warnings.size(), 1);
    EXPECT_TRUE(prompts.warnings.front().contains(QStringLiteral("read-only"))) << prompts.warnings.front().toStdString();
    EXPECT_EQ(dialog.statusText(), QStringLiteral("Nothing was exported."));
}

TEST_F(DataDialogsTest, TheDailyBackupRunsInTheBackground)
{
    addChild("Maya");
    QWidget window;
    QSignalSpy changed(workspace.get(), &gui::Workspace::backupsChanged);
    gui::startDailyBackup(*workspace, window);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kWorkTimeoutMs);
    EXPECT_EQ(core::listBackups(dir / "backups").size(), 1U);
    EXPECT_TRUE(prompts.warnings.isEmpty());
}

TEST_F(DataDialogsTest, TheMainWindowReloadsItsChildrenAfterARestoreFromSettings)
{
    addFamily();
    core::backupNow(workspace->database(), dir / "backups", clock.nowMs() - 60'000);
    addChild("Noor");
    gui::MainWindow window(*workspace, QStringLiteral("/tmp/logs"));
    window.show();
    auto* list = window.findChild<QListView*>(QStringLiteral("childList"));
    ASSERT_EQ(list->model()->rowCount(), 3);

    window.showPage(gui::MainWindow::Page::Settings);
    QTest::mouseClick(window.settingsPage()->findChild<QPushButton*>(QStringLiteral("restoreData")), Qt::LeftButton);
    auto* dialog = window.settingsPage()->findChild<gui::RestoreDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    dialog->selectBackup(0);
    waitFor(*dialog);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("restoreNow")), Qt::LeftButton);
    waitFor(*dialog);
    EXPECT_EQ(list->model()->rowCount(), 2);
    EXPECT_TRUE(window.settingsPage()->findChild<QLabel*>(QStringLiteral("backupStatus"))->text().contains(
        QStringLiteral("2 backups")));
    dialog->close();
}

} // namespace
