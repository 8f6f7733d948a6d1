// SPDX-License-Identifier: MIT
// The one-on-one page driven as a parent would: the quick log by keyboard, day states, the
// session list (edit, trash, undo, restore from Settings), the week view and the year grid.
#include "GuiFixture.h"

#include "common/Widgets.h"
#include "main/MainWindow.h"
#include "onetoone/OneOnOnePage.h"
#include "onetoone/SessionDialog.h"
#include "onetoone/SessionList.h"
#include "onetoone/WeekChart.h"
#include "onetoone/YearGridView.h"
#include "settings/SettingsPage.h"

#include "attune/core/Family.h"
#include "attune/core/Rhythm.h"
#include "attune/core/TimeLog.h"
#include "attune/core/TimeSummary.h"
#include "attune/core/Trash.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace attune;
using Page = gui::MainWindow::Page;

namespace {

class OneOnOneTest : public test::GuiTest {
protected:
    std::unique_ptr<gui::MainWindow> window;
    gui::OneOnOnePage* page = nullptr;

    void openWindow()
    {
        window = std::make_unique<gui::MainWindow>(*workspace, QStringLiteral("/tmp/logs"));
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
        page = window->oneOnOnePage();
    }
    // Dialogs opened without blocking belong to the window and go with it.
    void TearDown() override { window.reset(); }
    template <typename T> T* find(const char* name) { return window->findChild<T*>(QString::fromLatin1(name)); }
    void click(const char* name)
    {
        auto* button = window->findChild<QAbstractButton*>(QString::fromLatin1(name));
        ASSERT_NE(button, nullptr) << name;
        QTest::mouseClick(button, Qt::LeftButton);
    }
    std::vector<core::Session> sessionsOf(core::Id child)
    {
        core::SessionFilter filter;
        filter.childId = child;
        return workspace->timeLog().sessions(filter);
    }
    core::Session logSession(core::Id child, const std::string& day, int minutes, const std::string& activity = {})
    {
        core::SessionDraft draft;
        draft.childId = child;
        draft.day = day;
        draft.minutes = minutes;
        draft.activity = activity;
        return workspace->timeLog().addSession(draft);
    }
    gui::SessionDialog* openDialog()
    {
        QCoreApplication::processEvents();
        for (auto* widget : QApplication::topLevelWidgets()) {
            if (auto* dialog = qobject_cast<gui::SessionDialog*>(widget); dialog && dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }
};

} // namespace

TEST_F(OneOnOneTest, QuickLogIsTheMinutesAndEnter)
{
    addChild("Maya");
    const core::Id leo = addChild("Leo");
    openWindow();
    window->showPage(Page::Today);

    // Choose Leo, go to the page, type the minutes, press Enter: five key presses and a click.
    auto* list = find<QListView>("childList");
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(1, 0)).center());
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    ASSERT_EQ(window->currentPage(), Page::OneOnOne);
    ASSERT_EQ(page->childId(), leo);
    ASSERT_EQ(QApplication::focusWidget(), find<QSpinBox>("quickMinutes"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("15"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    const auto sessions = sessionsOf(leo);
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions.front().data.minutes, 15);
    EXPECT_EQ(sessions.front().data.day, "2026-11-28");
    EXPECT_EQ(sessions.front().data.caregiverUuid, workspace->currentCaregiver());
    EXPECT_EQ(find<QLabel>("quickDone")->text(), QStringLiteral("Logged 15 min with Leo today."));
    EXPECT_EQ(find<QLabel>("counts")->text(), QStringLiteral("1 of the last 7 days \u00b7 15 min"));
    EXPECT_EQ(find<QLabel>("todayState")->text(), QStringLiteral("Logged 15 min"));
    // The field is ready for the next one: the child's goal again.
    EXPECT_EQ(find<QSpinBox>("quickMinutes")->value(), 10);
}

TEST_F(OneOnOneTest, QuickLogKeepsWhatTheyPlayedFromAChip)
{
    const core::Id maya = addChild("Maya");
    logSession(maya, "2026-11-20", 10, "Marble run");
    openWindow();
    window->showPage(Page::OneOnOne);
    auto* chips = find<gui::ChipRow>("quickChips");
    ASSERT_EQ(chips->chips().front(), QStringLiteral("Marble run")); // her own activities first
    EXPECT_TRUE(chips->chips().contains(QStringLiteral("Lego"))); // then play ideas
    QTest::mouseClick(chips->chip(QStringLiteral("Lego")), Qt::LeftButton);
    EXPECT_EQ(find<QComboBox>("quickActivity")->currentText(), QStringLiteral("Lego"));
    QTest::keyClick(find<QComboBox>("quickActivity")->lineEdit(), Qt::Key_Enter);
    const auto sessions = sessionsOf(maya);
    ASSERT_EQ(sessions.size(), 2u);
    EXPECT_EQ(sessions.front().data.activity, "Lego");
    EXPECT_EQ(sessions.front().data.minutes, 10);
    EXPECT_TRUE(find<QComboBox>("quickActivity")->currentText().isEmpty());
}

TEST_F(OneOnOneTest, QuickLogAddDetailsOpensTheLoggedSession)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    window->showPage(Page::OneOnOne);
    ASSERT_TRUE(page->quickLog());
    click("quickDetails");
    gui::SessionDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isEditing());
    EXPECT_EQ(dialog->sessionId(), sessionsOf(maya).front().meta.id);
}

TEST_F(OneOnOneTest, DayStateButtonsSetAndClearTodayAndAnotherDay)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    window->showPage(Page::OneOnOne);
    EXPECT_EQ(find<QLabel>("todayState")->text(), QStringLiteral("Nothing logged yet"));
    EXPECT_FALSE(find<QPushButton>("today-clear")->isEnabled());

    click("today-partner");
    EXPECT_EQ(workspace->timeLog().dayState(maya, "2026-11-28"), core::DayState::PartnerDidIt);
    EXPECT_TRUE(find<QPushButton>("today-partner")->isChecked());
    EXPECT_EQ(find<QLabel>("todayState")->text(), QStringLiteral("Partner did it"));
    EXPECT_EQ(find<QLabel>("counts")->text(), QStringLiteral("1 of the last 7 days \u00b7 0 min"));

    click("today-away");
    EXPECT_EQ(workspace->timeLog().dayState(maya, "2026-11-28"), core::DayState::Away);
    EXPECT_FALSE(find<QPushButton>("today-partner")->isChecked());
    EXPECT_TRUE(find<QPushButton>("today-away")->isChecked());

    click("today-clear");
    EXPECT_EQ(workspace->timeLog().dayState(maya, "2026-11-28"), core::DayState::None);
    EXPECT_FALSE(find<QPushButton>("today-away")->isChecked());

    // Another day: yesterday by default, any day can be chosen.
    auto* day = find<QDateEdit>("stateDay");
    EXPECT_EQ(day->date(), QDate(2026, 11, 27));
    day->setDate(QDate(2026, 11, 20));
    click("day-sick");
    EXPECT_EQ(workspace->timeLog().dayState(maya, "2026-11-20"), core::DayState::Sick);
    EXPECT_EQ(find<QLabel>("otherDayState")->text(), QStringLiteral("Sick"));

    // More than a year ahead is refused with the core's words; nothing is stored.
    day->setDate(QDate(2028, 1, 1));
    click("day-away");
    EXPECT_EQ(find<gui::FieldErrorLabel>("stateError")->text(),
        QStringLiteral("That day is more than a year away. Please check the date."));
    EXPECT_EQ(workspace->timeLog().dayState(maya, "2028-01-01"), core::DayState::None);
    EXPECT_FALSE(find<QPushButton>("day-away")->isChecked());
}

TEST_F(OneOnOneTest, RhythmSitsBesideTheCountsAndExplainsItself)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    window->showPage(Page::OneOnOne);
    EXPECT_EQ(find<QLabel>("counts")->text(), QStringLiteral("Nothing logged yet"));
    EXPECT_FALSE(find<QToolButton>("rhythmHow")->isVisible());

    logSession(maya, "2026-11-26", 20);
    Q_EMIT workspace->oneOnOneChanged(maya);
    EXPECT_EQ(find<QLabel>("counts")->text(), QStringLiteral("1 of the last 7 days \u00b7 20 min"));
    // 26th: full; 27th blank: 0.95; today not yet logged: waits.
    EXPECT_EQ(find<QLabel>("rhythm")->text(), QStringLiteral("Rhythm 95%"));
    auto* how = find<QToolButton>("rhythmHow");
    auto* explanation = find<QLabel>("rhythmExplanation");
    EXPECT_FALSE(explanation->isVisible());
    QTest::mouseClick(how, Qt::LeftButton);
    EXPECT_TRUE(explanation->isVisible());
    EXPECT_EQ(explanation->text(), QString::fromStdString(core::rhythmExplanation()));
}

TEST_F(OneOnOneTest, SessionsAreEditedTrashedUndoneAndRestoredFromSettings)
{
    const core::Id maya = addChild("Maya");
    logSession(maya, "2026-11-20", 12, "Lego");
    const core::Session newest = logSession(maya, "2026-11-27", 20, "Drawing");
    openWindow();
    window->showPage(Page::OneOnOne);
    gui::SessionList* list = page->sessionList();
    ASSERT_EQ(list->rowCount(), 2);
    EXPECT_EQ(list->sessionAt(0), newest.meta.id);
    EXPECT_EQ(find<QLabel>("sessionCount")->text(), QStringLiteral("2 sessions"));

    // Edit: double-click opens the session; changing the minutes saves them.
    auto* tree = find<QTreeWidget>("sessionList");
    tree->setCurrentItem(tree->topLevelItem(0));
    click("editSession");
    gui::SessionDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    auto* minutes = dialog->findChild<QSpinBox*>(QStringLiteral("minutes"));
    minutes->selectAll();
    QTest::keyClicks(minutes, QStringLiteral("25"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveSession")), Qt::LeftButton);
    EXPECT_EQ(workspace->timeLog().session(newest.meta.id).data.minutes, 25);
    EXPECT_EQ(tree->topLevelItem(0)->text(1), QStringLiteral("25 min"));

    // Trash, then Undo right there.
    tree->setCurrentItem(tree->topLevelItem(0));
    click("trashSession");
    EXPECT_EQ(list->rowCount(), 1);
    EXPECT_THROW(workspace->timeLog().session(newest.meta.id), core::StorageError);
    QCoreApplication::processEvents();
    EXPECT_TRUE(find<QWidget>("undoRow")->isVisible());
    click("undoTrash");
    EXPECT_EQ(list->rowCount(), 2);
    EXPECT_EQ(workspace->timeLog().session(newest.meta.id).data.minutes, 25);

    // Trash again, and bring it back from Settings → Trash.
    tree->setCurrentItem(tree->topLevelItem(0));
    click("trashSession");
    window->showPage(Page::Settings);
    auto* trash = find<QListWidget>("trash");
    ASSERT_EQ(trash->count(), 1);
    EXPECT_EQ(trash->item(0)->text().section(QStringLiteral("  \u00b7  "), 0, 0),
        QStringLiteral("One-on-one time: Maya \u00b7 2026-11-27 \u00b7 25 min"));
    trash->setCurrentRow(0);
    click("restoreTrash");
    EXPECT_EQ(workspace->trash().entries().size(), 0u);
    window->showPage(Page::OneOnOne);
    EXPECT_EQ(list->rowCount(), 2);
}

TEST_F(OneOnOneTest, SessionListFilters)
{
    const core::Id maya = addChild("Maya");
    logSession(maya, "2026-11-27", 10, "Lego castle");
    logSession(maya, "2026-10-01", 10, "Drawing");
    logSession(maya, "2025-06-01", 10, "lego");
    openWindow();
    window->showPage(Page::OneOnOne);
    gui::SessionList* list = page->sessionList();
    ASSERT_EQ(list->rowCount(), 3);

    QTest::keyClicks(find<QLineEdit>("filterActivity"), QStringLiteral("LEGO"));
    QTRY_COMPARE(list->rowCount(), 2);
    find<QComboBox>("filterRange")->setCurrentIndex(3); // this year
    EXPECT_EQ(list->rowCount(), 1);
    click("filterClear");
    EXPECT_EQ(list->rowCount(), 3);
    find<QComboBox>("filterRange")->setCurrentIndex(1); // the last 7 days
    EXPECT_EQ(list->rowCount(), 1);

    // Someone else's time is filtered out by choosing who.
    const auto dad = workspace->family().addCaregiver("Dad");
    Q_EMIT workspace->caregiversChanged();
    click("filterClear");
    auto* who = find<QComboBox>("filterCaregiver");
    who->setCurrentIndex(who->findData(QString::fromStdString(dad.meta.uuid)));
    EXPECT_EQ(list->rowCount(), 0);
    EXPECT_EQ(find<QLabel>("sessionCount")->text(), QStringLiteral("No sessions here yet."));
}

TEST_F(OneOnOneTest, WeekViewPutsSiblingsSideBySide)
{
    const core::Id maya = addChild("Maya");
    const core::Id leo = addChild("Leo");
    // 2026-11-28 is a Saturday: this week runs from Monday the 23rd.
    logSession(maya, "2026-11-23", 10);
    logSession(maya, "2026-11-24", 15);
    logSession(leo, "2026-11-18", 30); // last week
    workspace->timeLog().setDayState(leo, "2026-11-25", core::DayState::PartnerDidIt);
    openWindow();
    window->showPage(Page::OneOnOne);
    gui::WeekChart* week = page->weekChart();
    ASSERT_EQ(week->week().children.size(), 2u);
    EXPECT_EQ(
        week->childSummary(0), QStringLiteral("Maya: this week 2 days \u00b7 25 min; last week 0 days \u00b7 0 min"));
    EXPECT_EQ(
        week->childSummary(1), QStringLiteral("Leo: this week 1 day \u00b7 0 min; last week 1 day \u00b7 30 min"));
}

TEST_F(OneOnOneTest, YearGridTooltipNamesTheDaysSessions)
{
    const core::Id maya = addChild("Maya");
    core::SessionDraft draft;
    draft.childId = maya;
    draft.day = "2026-11-27";
    draft.minutes = 20;
    draft.activity = "Lego";
    workspace->timeLog().addSession(draft);
    draft.minutes = 5;
    draft.activity = {};
    workspace->timeLog().addSession(draft);
    workspace->timeLog().setDayState(maya, "2026-11-26", core::DayState::Away);
    openWindow();
    window->showPage(Page::OneOnOne);
    gui::YearGridView* grid = page->yearGrid();
    ASSERT_EQ(grid->grid().year, 2026);
    const int day27 = 330; // 2026-11-27 is day 331 of the year
    ASSERT_EQ(grid->grid().children.front().days[day27].day, "2026-11-27");
    EXPECT_EQ(grid->tooltipFor(0, day27),
        QStringLiteral("Friday 27 November 2026 \u00b7 Maya\n"
                       "5 min \u00b7 with Me\n"
                       "20 min \u00b7 Lego \u00b7 with Me"));
    EXPECT_EQ(grid->tooltipFor(0, day27 - 1), QStringLiteral("Thursday 26 November 2026 \u00b7 Maya\nAway"));
    EXPECT_EQ(grid->tooltipFor(0, day27 - 2), QStringLiteral("Wednesday 25 November 2026 \u00b7 Maya\nNothing logged"));
    EXPECT_EQ(grid->tooltipFor(0, day27 + 10), QStringLiteral("Monday 7 December 2026 \u00b7 Maya\nStill to come"));

    // The cell under the mouse is that day; a click shows its sessions in the list.
    const QRect cell = grid->cellRect(0, "2026-11-27");
    const auto hit = grid->hitAt(cell.center());
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->day, day27);
    QTest::mouseClick(grid, Qt::LeftButton, {}, cell.center());
    EXPECT_EQ(page->sessionList()->rowCount(), 2);
    EXPECT_EQ(page->sessionList()->filter().from, "2026-11-27");
    EXPECT_EQ(page->sessionList()->filter().to, "2026-11-27");
}

TEST_F(OneOnOneTest, ClickingASiblingInTheYearGridSelectsThem)
{
    addChild("Maya");
    const core::Id leo = addChild("Leo");
    logSession(leo, "2026-11-02", 10);
    openWindow();
    window->showPage(Page::OneOnOne);
    gui::YearGridView* grid = page->yearGrid();
    QTest::mouseClick(grid, Qt::LeftButton, {}, grid->cellRect(1, "2026-11-02").center());
    EXPECT_EQ(window->currentChild(), leo);
    EXPECT_EQ(page->childId(), leo);
}

TEST_F(OneOnOneTest, YearsGoBackButNotPastThisYear)
{
    addChild("Maya");
    openWindow();
    window->showPage(Page::OneOnOne);
    EXPECT_FALSE(find<QPushButton>("yearForward")->isEnabled());
    click("yearBack");
    EXPECT_EQ(page->yearGrid()->grid().year, 2025);
    EXPECT_EQ(find<QLabel>("yearLabel")->text(), QStringLiteral("2025"));
    EXPECT_TRUE(find<QPushButton>("yearForward")->isEnabled());
}

TEST_F(OneOnOneTest, PageWithoutAChildInvitesToAddOne)
{
    openWindow();
    window->showPage(Page::OneOnOne);
    bool hasAdd = false;
    for (auto* button : page->findChildren<QPushButton*>())
        hasAdd = hasAdd || (button->isVisible() && button->text() == QStringLiteral("Add a child"));
    EXPECT_TRUE(hasAdd);
}
