// SPDX-License-Identifier: MIT
// The Insights page through its real widgets: the kind empty state, the bars' numbers, the
// weeks sentence, the child and range pickers, reloading when shown, and its toolbar place.
#include "GuiFixture.h"

#include "common/Widgets.h"
#include "insights/BarChart.h"
#include "insights/InsightsPage.h"
#include "main/MainWindow.h"

#include "attune/core/Insights.h"
#include "attune/core/OneOnOne.h"
#include "attune/core/Reflection.h"
#include "attune/core/TimeLog.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QTest>
#include <QToolBar>

using namespace attune;

namespace {

QStringList list(std::initializer_list<const char*> items)
{
    QStringList result;
    for (const char* item : items)
        result << QString::fromUtf8(item);
    return result;
}

class InsightsPageTest : public test::GuiTest {
protected:
    std::unique_ptr<gui::InsightsPage> page;
    core::Id maya = 0;
    core::Id leo = 0;

    void openPage()
    {
        page = std::make_unique<gui::InsightsPage>(*workspace);
        page->resize(1000, 800);
        page->show();
        QCoreApplication::processEvents();
    }

    gui::BarChart* chart(const QString& name) { return page->findChild<gui::BarChart*>(name + QStringLiteral("Chart")); }
    QComboBox* combo(const QString& name) { return page->findChild<QComboBox*>(name); }

    void moment(core::Id childId, const std::string& day, const std::string& time, std::vector<std::string> needs = {})
    {
        core::ReflectionDraft draft;
        draft.uuid = workspace->reflections().newDraftUuid();
        draft.childId = childId;
        draft.safety = core::SafetyAnswer::AllSafe;
        draft.happenedOn = day;
        draft.happenedTime = time;
        draft.summary = "A hard moment";
        draft.unmetNeeds = std::move(needs);
        workspace->reflections().finish(draft);
    }

    void session(core::Id childId, const std::string& day, int minutes)
    {
        core::SessionDraft draft;
        draft.childId = childId;
        draft.day = day;
        draft.minutes = minutes;
        workspace->timeLog().addSession(draft);
    }

    // Today is Saturday 2026-11-28; the last 12 weeks start on Monday 2026-09-07.
    void addNotes()
    {
        maya = addChild("Maya");
        leo = addChild("Leo");
        moment(maya, "2026-11-24", "07:30", {"hungry", "tired"});
        moment(maya, "2026-11-26", "17:40", {"tired"});
        moment(leo, "2026-11-22", "22:10");
        moment(maya, "2026-10-01", "", {"tired"}); // inside 12 weeks, not inside 4
        session(maya, "2026-11-09", 10);
        session(maya, "2026-11-10", 10);
        session(maya, "2026-11-11", 10);
        session(leo, "2026-11-16", 10);
    }
};

} // namespace

TEST_F(InsightsPageTest, NothingYetShowsAKindEmptyState)
{
    openPage();
    EXPECT_TRUE(page->isEmptyShown());
    auto* empty = page->findChild<gui::EmptyState*>(QStringLiteral("insightsEmpty"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    QStringList texts;
    for (auto* label : empty->findChildren<QLabel*>())
        texts << label->text();
    EXPECT_TRUE(texts.join(QLatin1Char(' ')).contains(QStringLiteral("patterns will show here"))) << texts.join(QLatin1Char('|')).toStdString();
    EXPECT_FALSE(chart(QStringLiteral("partOfDay"))->isVisible());
}

TEST_F(InsightsPageTest, BarsShowTheCountsAndTheWeeksSentence)
{
    addNotes();
    openPage();
    ASSERT_FALSE(page->isEmptyShown());
    EXPECT_EQ(chart(QStringLiteral("partOfDay"))->rowTexts(),
              list({"Morning: 1", "Afternoon: 0", "Evening: 1", "Night: 1", "No time given: 1"}));
    EXPECT_EQ(chart(QStringLiteral("weekday"))->rowTexts(),
              list({"Monday: 0", "Tuesday: 1", "Wednesday: 0", "Thursday: 2", "Friday: 0", "Saturday: 0",
                           "Sunday: 1"}));
    EXPECT_EQ(chart(QStringLiteral("needs"))->rowTexts(),
              list({"Tired or short on sleep: 3", "Hungry or thirsty: 1"}));
    EXPECT_EQ(chart(QStringLiteral("minutes"))->rowTexts(),
              list({"Maya: 3 min a week · 30 min in all", "Leo: 1 min a week · 10 min in all"}));
    // Whole weeks (to 22 Nov) from each child's first notes. Maya's began on 1 October: her
    // weeks from 28 Sep are 0 days with 1 moment, five blank ones, 9 Nov with 3 days and
    // 16 Nov blank. Leo's began on 16 Nov: 1 day, 1 moment. One day or more splits evenest.
    const core::WeeksComparison& weeks = page->report().weeks;
    EXPECT_EQ(weeks.threshold, 1);
    EXPECT_EQ(weeks.moreWeeks, 2);
    EXPECT_EQ(weeks.moreMoments, 1);
    EXPECT_EQ(weeks.fewerWeeks, 7);
    EXPECT_EQ(weeks.fewerMoments, 1);
    EXPECT_EQ(page->weeksSentence(),
              QStringLiteral("Weeks with more one-on-one days had on average 0.5 hard moments; weeks with fewer had "
                             "0.1. This shows the two go together here, not that one causes the other. Each child's "
                             "weeks count on their own."));
    EXPECT_EQ(chart(QStringLiteral("weeks"))->rowTexts(),
              list({"1 or more days (2 weeks): 0.5 hard moments a week",
                           "Fewer days (7 weeks): 0.1 hard moments a week"}));
    for (auto* chartWidget : page->findChildren<gui::BarChart*>())
        EXPECT_FALSE(chartWidget->accessibleName().isEmpty()) << chartWidget->objectName().toStdString();
    for (auto* picker : page->findChildren<QComboBox*>())
        EXPECT_FALSE(picker->accessibleName().isEmpty()) << picker->objectName().toStdString();
}

TEST_F(InsightsPageTest, TheChildPickerShowsOneChild)
{
    addNotes();
    openPage();
    QComboBox* picker = combo(QStringLiteral("insightsChild"));
    ASSERT_EQ(picker->count(), 3);
    EXPECT_EQ(picker->itemText(0), QStringLiteral("All children"));
    picker->setCurrentIndex(picker->findData(static_cast<qint64>(leo)));
    EXPECT_EQ(page->child(), leo);
    EXPECT_EQ(page->report().hardMoments, 1);
    EXPECT_EQ(chart(QStringLiteral("partOfDay"))->rowTexts(),
              list({"Morning: 0", "Afternoon: 0", "Evening: 0", "Night: 1"}))
        << "no \"no time given\" row when every moment has a time";
    EXPECT_EQ(chart(QStringLiteral("minutes"))->rowTexts(), list({"Leo: 1 min a week · 10 min in all"}));
    EXPECT_FALSE(page->weeksSentence().contains(QStringLiteral("Each child")));
}

TEST_F(InsightsPageTest, TheRangePickerChangesTheDays)
{
    addNotes();
    openPage();
    auto* rangeText = page->findChild<QLabel*>(QStringLiteral("insightsRangeText"));
    ASSERT_NE(rangeText, nullptr);
    EXPECT_EQ(page->report().hardMoments, 4);
    EXPECT_EQ(page->report().from, "2026-09-07");
    QComboBox* range = combo(QStringLiteral("insightsRange"));
    range->setCurrentIndex(range->findText(QStringLiteral("Last 4 weeks")));
    EXPECT_EQ(page->report().from, "2026-11-02");
    EXPECT_EQ(page->report().hardMoments, 3) << "the October moment is older than four weeks";
    EXPECT_TRUE(rangeText->text().contains(QStringLiteral("2026"))) << rangeText->text().toStdString();
    range->setCurrentIndex(range->findText(QStringLiteral("Last year")));
    EXPECT_EQ(page->report().from, "2025-12-01");
    EXPECT_EQ(page->report().hardMoments, 4);
}

TEST_F(InsightsPageTest, ReloadsWhenShownAfterAChange)
{
    maya = addChild("Maya");
    Q_EMIT workspace->childrenChanged();
    openPage();
    EXPECT_TRUE(page->isEmptyShown());
    moment(maya, "2026-11-27", "09:00");
    Q_EMIT workspace->reflectionsChanged(maya);
    EXPECT_FALSE(page->isEmptyShown()) << "a shown page reloads at once";
    EXPECT_EQ(page->report().hardMoments, 1);

    page->hide();
    moment(maya, "2026-11-26", "09:00");
    Q_EMIT workspace->reflectionsChanged(maya);
    EXPECT_EQ(page->report().hardMoments, 1) << "a hidden page waits";
    page->show();
    QCoreApplication::processEvents();
    EXPECT_EQ(page->report().hardMoments, 2);

    leo = addChild("Leo");
    Q_EMIT workspace->childrenChanged();
    EXPECT_EQ(combo(QStringLiteral("insightsChild"))->count(), 3);
}

TEST_F(InsightsPageTest, SitsAfterPlansInTheToolbarWithCtrl8)
{
    gui::MainWindow window(*workspace, QStringLiteral("/tmp/logs"));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QStringList pages;
    for (QAction* action : window.findChild<QToolBar*>(QStringLiteral("pagesToolBar"))->actions()) {
        if (action->objectName().startsWith(QStringLiteral("page-")))
            pages << action->text();
    }
    EXPECT_EQ(pages, list({"Today", "One-on-one", "Notebook", "Reflections", "Plans", "Insights", "Profile",
                                  "Settings"}));
    auto* insights = window.findChild<QAction*>(QStringLiteral("page-insights"));
    ASSERT_NE(insights, nullptr);
    EXPECT_EQ(insights->shortcut(), QKeySequence(QStringLiteral("Ctrl+8")));
    QTest::keyClick(&window, Qt::Key_8, Qt::ControlModifier);
    EXPECT_EQ(window.currentPage(), gui::MainWindow::Page::Insights);
    EXPECT_NE(window.findChild<gui::InsightsPage*>(), nullptr);
}
