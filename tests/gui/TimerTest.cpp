// SPDX-License-Identifier: MIT
// One-on-one timers in the window: started from the toolbar (Ctrl+T), Today and the page;
// ticking toward the goal with a soft notice; surviving a restart with the right elapsed
// time; and stopping into a pre-filled session.
#include "GuiFixture.h"

#include "common/TimerHub.h"
#include "main/MainWindow.h"
#include "onetoone/OneOnOnePage.h"
#include "onetoone/SessionDialog.h"
#include "onetoone/TimerCard.h"
#include "today/TodayPage.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"
#include "attune/core/TimeLog.h"
#include "attune/core/Timers.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>

using namespace attune;
using Page = gui::MainWindow::Page;

namespace {

constexpr core::TimestampMs kMinute = 60'000;

class TimerTest : public test::GuiTest {
protected:
    std::unique_ptr<gui::MainWindow> window;

    void openWindow()
    {
        window = std::make_unique<gui::MainWindow>(*workspace, QStringLiteral("/tmp/logs"));
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    }
    void restart()
    {
        window.reset(); // with any dialog it opened
        workspace.reset();
        workspace = std::make_unique<gui::Workspace>(core::Database::open(dir / "family.sqlite"), clock, prompts);
        openWindow();
    }
    void TearDown() override { window.reset(); }
    gui::SessionDialog* openDialog()
    {
        QCoreApplication::processEvents();
        for (auto* widget : QApplication::topLevelWidgets()) {
            if (auto* dialog = qobject_cast<gui::SessionDialog*>(widget); dialog && dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }
    gui::TimerCard* card(core::Id child)
    {
        QCoreApplication::processEvents();
        return window->timerStrip()->card(child);
    }
};

} // namespace

TEST_F(TimerTest, CtrlTThenEnterStartsTheSelectedChildsTimer)
{
    addChild("Maya");
    const core::Id leo = addChild("Leo");
    openWindow();
    window->selectChild(leo);
    EXPECT_FALSE(window->timerStrip()->isVisible());

    QTest::keyClick(window.get(), Qt::Key_T, Qt::ControlModifier);
    QMenu* menu = window->startMenu();
    ASSERT_TRUE(menu->isVisible());
    ASSERT_NE(menu->activeAction(), nullptr);
    EXPECT_EQ(menu->activeAction()->text(), QStringLiteral("Leo"));
    QTest::keyClick(menu, Qt::Key_Return);

    ASSERT_TRUE(workspace->timers().timer(leo).has_value());
    ASSERT_NE(card(leo), nullptr);
    EXPECT_TRUE(window->timerStrip()->isVisible());
    EXPECT_EQ(card(leo)->elapsedText(), QStringLiteral("0:00"));
    EXPECT_EQ(card(leo)->countdown(), QStringLiteral("10 min to go of 10."));

    // A child with a timer is not offered again; another child may have one at once.
    window->showStartMenu();
    const auto actions = menu->actions();
    EXPECT_EQ(actions.at(1)->text(), QStringLiteral("Leo: running"));
    EXPECT_FALSE(actions.at(1)->isEnabled());
    menu->hide();
}

TEST_F(TimerTest, SeveralChildrenTickTogetherTowardTheirGoals)
{
    const core::Id maya = addChild("Maya");
    const core::Id leo = addChild("Leo");
    openWindow();
    workspace->timerHub().start(maya, window.get());
    clock.advanceMs(3 * kMinute);
    workspace->timerHub().start(leo, window.get());
    clock.advanceMs(6 * kMinute + 5'000);
    workspace->timerHub().refresh(); // what the one-second tick does
    EXPECT_EQ(card(maya)->elapsedText(), QStringLiteral("9:05"));
    EXPECT_EQ(card(maya)->countdown(), QStringLiteral("About a minute left: a gentle heads-up helps Maya get ready."));
    EXPECT_EQ(card(leo)->elapsedText(), QStringLiteral("6:05"));
    EXPECT_EQ(card(leo)->countdown(), QStringLiteral("4 min to go of 10."));

    // Reaching the goal: a soft notice, once, and the timer keeps counting.
    QSignalSpy reached(&workspace->timerHub(), &gui::TimerHub::goalReached);
    clock.advanceMs(kMinute);
    workspace->timerHub().refresh();
    ASSERT_EQ(reached.count(), 1);
    EXPECT_EQ(reached.front().front().toLongLong(), maya);
    EXPECT_TRUE(
        window->statusBar()->currentMessage().startsWith(QStringLiteral("10 minutes with Maya: that's the goal.")));
    EXPECT_EQ(card(maya)->countdown(), QStringLiteral("10 min: Maya's goal. Keep going as long as you like."));
    clock.advanceMs(5 * kMinute);
    workspace->timerHub().refresh();
    EXPECT_EQ(reached.count(), 2); // Leo's turn; Maya is not told twice
    EXPECT_EQ(card(maya)->elapsedText(), QStringLiteral("15:05"));
}

TEST_F(TimerTest, PauseAndGoOn)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    workspace->timerHub().start(maya, window.get());
    clock.advanceMs(2 * kMinute);
    QTest::mouseClick(card(maya)->findChild<QPushButton*>(QStringLiteral("timerPause")), Qt::LeftButton);
    clock.advanceMs(30 * kMinute); // a phone call
    workspace->timerHub().refresh();
    EXPECT_EQ(card(maya)->elapsedText(), QStringLiteral("2:00"));
    EXPECT_EQ(card(maya)->countdown(), QStringLiteral("Paused. 8 min to go of 10."));
    QTest::mouseClick(card(maya)->findChild<QPushButton*>(QStringLiteral("timerPause")), Qt::LeftButton);
    clock.advanceMs(kMinute);
    workspace->timerHub().refresh();
    EXPECT_EQ(card(maya)->elapsedText(), QStringLiteral("3:00"));
}

TEST_F(TimerTest, ARunningTimerSurvivesARestartAndStopsIntoAPrefilledSession)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    window->selectChild(maya);
    window->showPage(Page::OneOnOne);
    auto* start = window->findChild<QPushButton*>(QStringLiteral("startTimer"));
    QTest::mouseClick(start, Qt::LeftButton);
    const core::TimestampMs startedAt = clock.nowMs();
    ASSERT_NE(card(maya), nullptr);

    // Attune is closed (or crashes) and opened again twelve minutes later.
    clock.advanceMs(12 * kMinute + 7'000);
    restart();
    ASSERT_NE(card(maya), nullptr);
    EXPECT_EQ(card(maya)->elapsedText(), QStringLiteral("12:07"));
    EXPECT_EQ(card(maya)->countdown(), QStringLiteral("10 min: Maya's goal. Keep going as long as you like."));
    window->showPage(Page::OneOnOne);
    EXPECT_EQ(window->findChild<QLabel*>(QStringLiteral("timerNote"))->text(), QStringLiteral("Running: 12:07"));
    window->showPage(Page::Today);
    EXPECT_EQ(window->todayPage()->statusText(maya), QStringLiteral("One-on-one running: 12:07"));

    // Stop: the session opens with the timer's child, day, start and whole minutes.
    QTest::mouseClick(card(maya)->findChild<QPushButton*>(QStringLiteral("timerStop")), Qt::LeftButton);
    EXPECT_FALSE(workspace->timers().timer(maya).has_value());
    gui::SessionDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(dialog->isEditing());
    const core::SessionDraft draft = dialog->draft();
    EXPECT_EQ(draft.childId, maya);
    EXPECT_EQ(draft.day, "2026-11-28");
    EXPECT_EQ(draft.minutes, 12);
    EXPECT_EQ(draft.startMs, startedAt);
    EXPECT_EQ(draft.caregiverUuid, workspace->currentCaregiver());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveSession")), Qt::LeftButton);
    core::SessionFilter filter;
    filter.childId = maya;
    const auto sessions = workspace->timeLog().sessions(filter);
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions.front().data.minutes, 12);
    QCoreApplication::processEvents();
    EXPECT_FALSE(window->timerStrip()->isVisible());
    EXPECT_EQ(window->todayPage()->statusText(maya), QStringLiteral("Logged 12 min today"));
}

TEST_F(TimerTest, TodayStartsAndStopsTimers)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    window->showPage(Page::Today);
    auto* start = window->todayPage()->findChild<QPushButton*>(QStringLiteral("todayStart"));
    ASSERT_NE(start, nullptr);
    QTest::mouseClick(start, Qt::LeftButton);
    ASSERT_TRUE(workspace->timers().timer(maya).has_value());
    QCoreApplication::processEvents(); // the old card goes once its click is over
    clock.advanceMs(4 * kMinute + 5'000);
    workspace->timerHub().refresh();
    EXPECT_EQ(window->todayPage()->statusText(maya), QStringLiteral("One-on-one running: 4:05"));
    auto* stop = window->todayPage()->findChild<QPushButton*>(QStringLiteral("todayStop"));
    ASSERT_NE(stop, nullptr);
    QTest::mouseClick(stop, Qt::LeftButton);
    gui::SessionDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->draft().minutes, 4);
}

TEST_F(TimerTest, PuttingATimerAwayAsksFirst)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    workspace->timerHub().start(maya, window.get());
    prompts.confirmAnswer = false;
    QTest::mouseClick(card(maya)->findChild<QAbstractButton*>(QStringLiteral("timerDiscard")), Qt::LeftButton);
    EXPECT_TRUE(workspace->timers().timer(maya).has_value());
    prompts.confirmAnswer = true;
    QTest::mouseClick(card(maya)->findChild<QAbstractButton*>(QStringLiteral("timerDiscard")), Qt::LeftButton);
    EXPECT_FALSE(workspace->timers().timer(maya).has_value());
    EXPECT_EQ(workspace->timeLog().sessions({}).size(), 0u);
}

TEST_F(TimerTest, MinutesStoppedButNeverLoggedAreOfferedAtTheNextStart)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    workspace->timerHub().start(maya, window.get());
    clock.advanceMs(23 * kMinute);
    QTest::mouseClick(card(maya)->findChild<QPushButton*>(QStringLiteral("timerStop")), Qt::LeftButton);
    ASSERT_NE(openDialog(), nullptr);

    // Attune stops while the pre-filled session is open: nothing was saved yet.
    restart();
    prompts.asked.clear();
    prompts.confirmAnswer = false; // "not now": asked again next time, nothing lost
    EXPECT_FALSE(window->offerDrafts());
    ASSERT_EQ(prompts.asked.size(), 1);
    EXPECT_EQ(prompts.asked.front(), QStringLiteral("Log your time with Maya?"));
    EXPECT_EQ(openDialog(), nullptr);

    restart();
    prompts.confirmAnswer = true;
    EXPECT_TRUE(window->offerDrafts());
    gui::SessionDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->draft().minutes, 23);
    EXPECT_EQ(dialog->draft().childId, maya);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveSession")), Qt::LeftButton);
    core::SessionFilter filter;
    filter.childId = maya;
    ASSERT_EQ(workspace->timeLog().sessions(filter).size(), 1u);

    // Logged: never offered again.
    restart();
    prompts.asked.clear();
    EXPECT_FALSE(window->offerDrafts());
    EXPECT_TRUE(prompts.asked.isEmpty());
}

TEST_F(TimerTest, LettingStoppedMinutesGoIsRemembered)
{
    const core::Id maya = addChild("Maya");
    openWindow();
    workspace->timerHub().start(maya, window.get());
    clock.advanceMs(5 * kMinute);
    QTest::mouseClick(card(maya)->findChild<QPushButton*>(QStringLiteral("timerStop")), Qt::LeftButton);
    gui::SessionDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    prompts.confirmAnswer = true; // "Don't log them"
    dialog->reject();
    restart();
    prompts.asked.clear();
    EXPECT_FALSE(window->offerUnloggedTimers());
    EXPECT_TRUE(prompts.asked.isEmpty());
}
