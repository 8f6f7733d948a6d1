// SPDX-License-Identifier: MIT
// Today's cards: each child's status for today and this week's plain counts.
#include "GuiFixture.h"

#include "today/TodayPage.h"

#include "attune/core/Family.h"
#include "attune/core/TimeLog.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace attune;

namespace {
class TodayPageTest : public test::GuiTest { };
} // namespace

TEST_F(TodayPageTest, EachCardSaysTodaysStatusAndThisWeek)
{
    core::ChildDraft draft;
    draft.name = "Maya";
    draft.goalMinutes = 15;
    const core::Id maya = workspace->family().addChild(draft).meta.id;
    const core::Id leo = addChild("Leo");
    const core::Id sam = addChild("Sam");
    const core::Id ada = addChild("Ada");
    // Saturday 2026-11-28: this week began on Monday the 23rd.
    workspace->timeLog().quickLog(leo, 15);
    core::SessionDraft earlier;
    earlier.childId = leo;
    earlier.day = "2026-11-23";
    earlier.minutes = 20;
    workspace->timeLog().addSession(earlier);
    earlier.day = "2026-11-22"; // last week: not counted
    workspace->timeLog().addSession(earlier);
    workspace->timeLog().setDayState(sam, "2026-11-28", core::DayState::Sick);
    workspace->timeLog().setDayState(ada, "2026-11-28", core::DayState::PartnerDidIt);

    gui::TodayPage page(*workspace);
    EXPECT_EQ(page.statusText(maya), QStringLiteral("Today's one-on-one: 15 minutes where Maya leads the play."));
    EXPECT_EQ(page.weekText(maya), QStringLiteral("This week: 0 days \u00b7 0 min"));
    EXPECT_EQ(page.statusText(leo), QStringLiteral("Logged 15 min today"));
    EXPECT_EQ(page.weekText(leo), QStringLiteral("This week: 2 days \u00b7 35 min"));
    EXPECT_EQ(page.statusText(sam), QStringLiteral("Sick today: rest comes first"));
    EXPECT_EQ(page.statusText(ada), QStringLiteral("Partner did it today"));
    EXPECT_EQ(page.weekText(ada), QStringLiteral("This week: 1 day \u00b7 0 min"));
    // Nothing about a goal missed anywhere.
    for (auto* label : page.findChildren<QLabel*>())
        EXPECT_FALSE(label->text().contains(QStringLiteral("miss"), Qt::CaseInsensitive))
            << label->text().toStdString();
}

TEST_F(TodayPageTest, ANewLogShowsAtOnce)
{
    const core::Id maya = addChild("Maya");
    gui::TodayPage page(*workspace);
    page.show();
    workspace->timeLog().quickLog(maya, 12);
    Q_EMIT workspace->oneOnOneChanged(maya);
    EXPECT_EQ(page.statusText(maya), QStringLiteral("Logged 12 min today"));
    EXPECT_EQ(page.weekText(maya), QStringLiteral("This week: 1 day \u00b7 12 min"));

    // While hidden it waits, and catches up when shown.
    page.hide();
    workspace->timeLog().quickLog(maya, 3);
    Q_EMIT workspace->oneOnOneChanged(maya);
    EXPECT_EQ(page.statusText(maya), QStringLiteral("Logged 12 min today"));
    page.show();
    EXPECT_EQ(page.statusText(maya), QStringLiteral("Logged 15 min today"));
    EXPECT_EQ(page.weekText(maya), QStringLiteral("This week: 1 day \u00b7 15 min"));
}
