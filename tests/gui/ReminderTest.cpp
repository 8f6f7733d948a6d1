// SPDX-License-Identifier: MIT
// The daily reminder's decision, pinned with times: on at the chosen time, once a day, not
// late at night, and never when every child already has today's time.
#include "GuiFixture.h"

#include "main/MainWindow.h"
#include "main/Tray.h"
#include "onetoone/Reminder.h"
#include "settings/SettingsPage.h"

#include "attune/core/TimeLog.h"
#include "attune/core/Timers.h"

#include <QCheckBox>
#include <QSettings>
#include <QTimeEdit>

#include <gtest/gtest.h>

using namespace attune;
using gui::shouldRemind;

namespace {
QDateTime at(int hour, int minute, QDate day = QDate(2026, 11, 28))
{
    return QDateTime(day, QTime(hour, minute));
}
const gui::ReminderSettings kSixPm { true, QTime(18, 0) };
const QDate kNever;
} // namespace

TEST(Reminder, ComesAtTheChosenTimeAndForAWhileAfter)
{
    EXPECT_FALSE(shouldRemind(kSixPm, at(17, 59), kNever, 2));
    EXPECT_TRUE(shouldRemind(kSixPm, at(18, 0), kNever, 2));
    EXPECT_TRUE(shouldRemind(kSixPm, at(20, 59), kNever, 1));
    // Three hours on, it would only nag.
    EXPECT_FALSE(shouldRemind(kSixPm, at(21, 0), kNever, 1));
    EXPECT_FALSE(shouldRemind(kSixPm, at(23, 30), kNever, 1));
}

TEST(Reminder, AtMostOnceADay)
{
    const QDate today(2026, 11, 28);
    EXPECT_FALSE(shouldRemind(kSixPm, at(18, 30), today, 2));
    EXPECT_TRUE(shouldRemind(kSixPm, at(18, 30), today.addDays(-1), 2));
    EXPECT_TRUE(shouldRemind(kSixPm, at(18, 0, today.addDays(1)), today, 2));
}

TEST(Reminder, NoneWhenEveryChildHasTodaysTimeOrWhenOff)
{
    EXPECT_FALSE(shouldRemind(kSixPm, at(18, 30), kNever, 0));
    EXPECT_FALSE(shouldRemind({ false, QTime(18, 0) }, at(18, 30), kNever, 2));
    EXPECT_FALSE(shouldRemind({ true, QTime() }, at(18, 30), kNever, 2));
}

TEST(Reminder, LateReminderTimesStopAtMidnight)
{
    const gui::ReminderSettings late { true, QTime(22, 30) };
    EXPECT_TRUE(shouldRemind(late, at(23, 59), kNever, 1));
    EXPECT_FALSE(shouldRemind(late, at(0, 15, QDate(2026, 11, 29)), QDate(2026, 11, 28), 1));
}

TEST(Reminder, NamesTheChildrenWarmly)
{
    EXPECT_EQ(gui::reminderText({ QStringLiteral("Maya") }),
        QStringLiteral("There's still time today for one-on-one with Maya."));
    EXPECT_EQ(gui::reminderText({ QStringLiteral("Maya"), QStringLiteral("Leo"), QStringLiteral("Sam") }),
        QStringLiteral("There's still time today for one-on-one with Maya, Leo and Sam."));
}

namespace {
class ReminderGuiTest : public test::GuiTest { };
} // namespace

TEST_F(ReminderGuiTest, SettingsKeepTheChoice)
{
    gui::SettingsPage settings(*workspace, QStringLiteral("/tmp/logs"));
    auto* enabled = settings.findChild<QCheckBox*>(QStringLiteral("reminderEnabled"));
    auto* time = settings.findChild<QTimeEdit*>(QStringLiteral("reminderTime"));
    ASSERT_NE(enabled, nullptr);
    EXPECT_FALSE(enabled->isChecked());
    EXPECT_FALSE(time->isEnabled());
    enabled->setChecked(true);
    time->setTime(QTime(19, 15));
    const gui::ReminderSettings saved = gui::loadReminderSettings();
    EXPECT_TRUE(saved.isEnabled);
    EXPECT_EQ(saved.at, QTime(19, 15));
    EXPECT_EQ(QSettings().value(QStringLiteral("reminder/time")).toString(), QStringLiteral("19:15"));
}

TEST_F(ReminderGuiTest, WaitingChildrenLeaveOutThoseWithTimeAwaySickOrATimer)
{
    const core::Id maya = addChild("Maya");
    const core::Id leo = addChild("Leo");
    const core::Id sam = addChild("Sam");
    const core::Id ada = addChild("Ada");
    addChild("Noor");
    workspace->timeLog().quickLog(maya, 10);
    workspace->timeLog().setDayState(leo, "2026-11-28", core::DayState::Away);
    workspace->timeLog().setDayState(sam, "2026-11-28", core::DayState::PartnerDidIt);
    workspace->timers().start(ada);
    gui::MainWindow window(*workspace, QStringLiteral("/tmp/logs"));
    gui::Tray tray(*workspace, window);
    EXPECT_EQ(tray.childrenWaiting(), QStringList { QStringLiteral("Noor") });
}
