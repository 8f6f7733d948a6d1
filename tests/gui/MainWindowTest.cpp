// SPDX-License-Identifier: MIT
// The main window: pages and shortcuts, the sidebar, caregivers, trash, help and settings.
#include "GuiFixture.h"

#include "common/Widgets.h"
#include "data/DailyBackup.h"
#include "family/CoregulationEditor.h"
#include "family/ProfilePage.h"
#include "help/GetHelpDialog.h"
#include "main/MainWindow.h"
#include "settings/SettingsPage.h"
#include "today/TodayPage.h"

#include "attune/core/Backups.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"
#include "attune/core/Trash.h"

#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QCoreApplication>
#include <QTest>

using namespace attune;
using Page = gui::MainWindow::Page;

namespace {

class MainWindowTest : public test::GuiTest {
protected:
    std::unique_ptr<gui::MainWindow> window;

    void openWindow()
    {
        window = std::make_unique<gui::MainWindow>(*workspace, QStringLiteral("/tmp/logs"));
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }
};

} // namespace

TEST_F(MainWindowTest, EveryPageHasAShortcut)
{
    openWindow();
    for (int page = 0; page < gui::MainWindow::kPageCount; ++page) {
        QTest::keyClick(window.get(), static_cast<Qt::Key>(Qt::Key_1 + page), Qt::ControlModifier);
        EXPECT_EQ(static_cast<int>(window->currentPage()), page);
    }
}

TEST_F(MainWindowTest, SidebarListsActiveChildrenAndOpensTheirProfile)
{
    addChild("Maya");
    const core::Id leo = addChild("Leo");
    const core::Id old = addChild("Sam");
    workspace->family().setArchived(old, true);
    openWindow();
    auto* list = window->findChild<QListView*>(QStringLiteral("childList"));
    ASSERT_EQ(list->model()->rowCount(), 2);
    EXPECT_EQ(list->model()->index(1, 0).data().toString(), QStringLiteral("Leo"));
    window->showPage(Page::Today);
    const QModelIndex leoRow = list->model()->index(1, 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(leoRow).center());
    EXPECT_EQ(window->currentChild(), leo);
    EXPECT_EQ(window->currentPage(), Page::Profile);
    EXPECT_EQ(window->profilePage()->childId(), leo);
}

TEST_F(MainWindowTest, LastPageAndChildAreRemembered)
{
    addChild("Maya");
    const core::Id leo = addChild("Leo");
    openWindow();
    window->selectChild(leo);
    window->showPage(Page::Settings);
    window->close();
    window.reset();
    openWindow();
    EXPECT_EQ(window->currentPage(), Page::Settings);
    EXPECT_EQ(window->currentChild(), leo);
}

TEST_F(MainWindowTest, TheChosenCaregiverIsRecordedOnWhatIsLogged)
{
    workspace->family().addCaregiver("Dad");
    Q_EMIT workspace->caregiversChanged();
    openWindow();
    QComboBox* picker = window->caregiverPicker();
    ASSERT_EQ(picker->count(), 2);
    picker->setCurrentIndex(1);
    const core::Id maya = addChild("Maya");
    const auto dad = workspace->family().caregivers()[1];
    EXPECT_EQ(workspace->family().child(maya).meta.updatedBy, dad.meta.uuid);
}

TEST_F(MainWindowTest, TrashFromProfileAndRestoreFromSettings)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    window->selectChild(maya);
    prompts.confirmAnswer = false;
    window->profilePage()->moveToTrash();
    EXPECT_EQ(workspace->family().children().size(), 1u) << "cancel keeps the child";
    prompts.confirmAnswer = true;
    window->profilePage()->moveToTrash();
    EXPECT_TRUE(workspace->family().children().empty());

    window->showPage(Page::Settings);
    auto* trash = window->findChild<QListWidget*>(QStringLiteral("trash"));
    ASSERT_EQ(trash->count(), 1);
    EXPECT_TRUE(trash->item(0)->text().contains(QStringLiteral("Maya")));
    trash->setCurrentRow(0);
    QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("restoreTrash")), Qt::LeftButton);
    EXPECT_EQ(workspace->family().children().size(), 1u);
    auto* list = window->findChild<QListView*>(QStringLiteral("childList"));
    EXPECT_EQ(list->model()->rowCount(), 1);
}

TEST_F(MainWindowTest, ArchiveHidesAndSettingsBringsBack)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    window->selectChild(maya);
    window->profilePage()->toggleArchived();
    auto* list = window->findChild<QListView*>(QStringLiteral("childList"));
    EXPECT_EQ(list->model()->rowCount(), 0);
    auto* archived = window->findChild<QListWidget*>(QStringLiteral("archivedChildren"));
    ASSERT_EQ(archived->count(), 1);
    archived->setCurrentRow(0);
    QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("unarchive")), Qt::LeftButton);
    EXPECT_EQ(list->model()->rowCount(), 1);
}

TEST_F(MainWindowTest, CaregiversAreAddedAndRenamedWithInlineMessages)
{
    openWindow();
    gui::SettingsPage* settings = window->settingsPage();
    EXPECT_FALSE(settings->addCaregiver(QStringLiteral("   ")));
    bool sawMessage = false;
    for (auto* label : settings->findChildren<gui::FieldErrorLabel*>())
        sawMessage = sawMessage || label->text() == QStringLiteral("Please enter a name, like \"Me\" or \"Dad\".");
    EXPECT_TRUE(sawMessage);
    EXPECT_EQ(workspace->family().caregivers().size(), 1u);

    auto* field = settings->findChild<QLineEdit*>(QStringLiteral("newCaregiver"));
    QTest::keyClicks(field, QStringLiteral("Grandma"));
    QTest::keyClick(field, Qt::Key_Return);
    ASSERT_EQ(workspace->family().caregivers().size(), 2u);
    EXPECT_EQ(window->caregiverPicker()->count(), 2);
    const auto grandma = workspace->family().caregivers()[1];
    EXPECT_TRUE(settings->renameCaregiver(grandma.meta.id, QStringLiteral("Nana")));
    EXPECT_EQ(workspace->family().caregiver(grandma.meta.id).name, "Nana");
    EXPECT_FALSE(settings->renameCaregiver(grandma.meta.id, QString()));
    EXPECT_EQ(workspace->family().caregiver(grandma.meta.id).name, "Nana");
}

TEST_F(MainWindowTest, GetHelpIsAlwaysInTheToolbar)
{
    openWindow();
    auto* help = window->findChild<QPushButton*>(QStringLiteral("getHelp"));
    ASSERT_NE(help, nullptr);
    EXPECT_TRUE(help->isVisible());
    for (int page = 0; page < gui::MainWindow::kPageCount; ++page) {
        window->showPage(static_cast<Page>(page));
        EXPECT_TRUE(help->isVisible());
    }
}

TEST_F(MainWindowTest, GetHelpShowsTheEmergencyNumberForTheChosenPlace)
{
    gui::GetHelpDialog dialog(workspace->content());
    dialog.showLocale(QStringLiteral("GB"));
    auto* steps = dialog.findChild<QLabel*>(QStringLiteral("crisisSteps"));
    auto* lines = dialog.findChild<QLabel*>(QStringLiteral("helplines"));
    EXPECT_TRUE(steps->text().contains(QStringLiteral("<b>999</b>")));
    EXPECT_FALSE(steps->text().contains(QStringLiteral("{emergency}")));
    EXPECT_TRUE(lines->text().contains(QStringLiteral("116 123")));
    dialog.showLocale(QStringLiteral("OTHER"));
    EXPECT_TRUE(steps->text().contains(QStringLiteral("your local emergency number")));
}

TEST_F(MainWindowTest, TodayGreetsWithAnAddButtonWhenThereAreNoChildren)
{
    openWindow();
    window->showPage(Page::Today);
    bool sawAdd = false;
    for (auto* button : window->todayPage()->findChildren<QPushButton*>())
        sawAdd = sawAdd || (button->isVisible() && button->text() == QStringLiteral("Add your first child"));
    EXPECT_TRUE(sawAdd);
    addChild("Maya");
    QCoreApplication::processEvents(); // new cards are shown by a queued call
    bool sawMaya = false;
    for (auto* label : window->todayPage()->findChildren<QLabel*>())
        sawMaya = sawMaya || (label->isVisible() && label->text() == QStringLiteral("Maya"));
    EXPECT_TRUE(sawMaya);
}

TEST_F(MainWindowTest, ProfileShowsWhatHelpsAndWhatToAvoidAtAGlance)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    window->selectChild(maya);
    auto* glance = window->profilePage()->findChild<QLabel*>(QStringLiteral("coregGlance"));
    ASSERT_NE(glance, nullptr);
    EXPECT_TRUE(glance->isHidden()) << "nothing to show yet";
    gui::CoregulationEditor* editor = window->profilePage()->coregulationEditor();
    editor->showCategory(QStringLiteral("touch"));
    ASSERT_TRUE(editor->addItem(QStringLiteral("Firm hug"), QStringLiteral("helps")));
    editor->showCategory(QStringLiteral("sound"));
    ASSERT_TRUE(editor->addItem(QStringLiteral("Loud <places>"), QStringLiteral("avoid")));
    EXPECT_FALSE(glance->isHidden());
    EXPECT_TRUE(glance->text().contains(QStringLiteral("Firm hug")));
    EXPECT_TRUE(glance->text().contains(QStringLiteral("Loud &lt;places&gt;"))) << "typed text is never markup";
}

TEST_F(MainWindowTest, BackUpNowWritesACheckedCopyAndSaysWhen)
{
    workspace->setBackupFolder(QString::fromStdString((dir / "backups").string()));
    openWindow();
    gui::SettingsPage* settings = window->settingsPage();
    auto* status = settings->findChild<QLabel*>(QStringLiteral("backupStatus"));
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("No backup yet")));
    QTest::mouseClick(settings->findChild<QPushButton*>(QStringLiteral("backupNow")), Qt::LeftButton);
    EXPECT_TRUE(prompts.warnings.isEmpty());
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Last backup:"))) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QStringLiteral("1 backup ")));
}

TEST_F(MainWindowTest, AFailedBackupIsLoud)
{
    test::writeFile(dir / "not-a-folder", "x"); // a file where the folder should be
    workspace->setBackupFolder(QString::fromStdString((dir / "not-a-folder").string()));
    openWindow();
    EXPECT_FALSE(window->settingsPage()->backupNow());
    ASSERT_EQ(prompts.warnings.size(), 1);
    EXPECT_TRUE(prompts.warnings[0].contains(QStringLiteral("only the copy failed")));
}

TEST_F(MainWindowTest, TheLastBackupIsAlwaysInSightAndOpensYourData)
{
    const QString folder = QString::fromStdString((dir / "backups").string());
    workspace->setBackupFolder(folder);
    openWindow();
    auto* label = window->findChild<QLabel*>(QStringLiteral("lastBackup"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
    EXPECT_TRUE(label->text().contains(QStringLiteral("No backup yet"))) << label->text().toStdString();

    core::backupNow(workspace->database(), dir / "backups", clock.nowMs());
    Q_EMIT workspace->backupsChanged();
    const QString time = QDateTime::fromMSecsSinceEpoch(clock.nowMs()).toString(QStringLiteral("HH:mm"));
    EXPECT_TRUE(label->text().contains(QStringLiteral("Last backup: today at ") + time)) << label->text().toStdString();

    // A day and more later the words follow the calendar.
    EXPECT_EQ(gui::lastBackupText(folder, clock.nowMs() + 24LL * 3600 * 1000), QStringLiteral("Last backup: yesterday at ") + time);
    EXPECT_TRUE(gui::lastBackupText(folder, clock.nowMs() + 5LL * 24 * 3600 * 1000).startsWith(QStringLiteral("Last backup: on ")));
    EXPECT_EQ(gui::lastBackupText(QString(), clock.nowMs()), QString()) << "backups off: nothing to show";

    Q_EMIT label->linkActivated(QStringLiteral("settings"));
    EXPECT_EQ(window->currentPage(), gui::MainWindow::Page::Settings);
}

TEST_F(MainWindowTest, GetHelpNowIsInSightEvenInANarrowWindow)
{
    openWindow();
    for (const int width : {900, 1280}) {
        window->resize(width, 700);
        QCoreApplication::processEvents();
        auto* help = window->findChild<QPushButton*>(QStringLiteral("getHelp"));
        ASSERT_NE(help, nullptr);
        EXPECT_TRUE(help->isVisible()) << width;
        const QRect inWindow(help->mapTo(window.get(), QPoint(0, 0)), help->size());
        EXPECT_TRUE(window->rect().contains(inWindow)) << "cut off at " << width << " px";
    }
}
