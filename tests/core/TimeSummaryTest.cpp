// SPDX-License-Identifier: MIT
// Counts, the week view, months, the year grid and Today's cards on hand-built data,
// including a week that crosses a year end and days logged in other time zones.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/TimeSummary.h"
#include "attune/core/Timers.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {

// A UTC instant from a UTC date and time.
TimestampMs utc(const std::string& day, int hour, int minute)
{
    return (static_cast<TimestampMs>(daysFromCivil(*parseDate(day))) * 1440 + hour * 60 + minute) * 60'000;
}

class TimeSummaryTest : public ::testing::Test {
protected:
    test::FixedClock clock{"2027-01-02"};
    Database db = Database::openInMemory();
    Store store{db, clock, 3};
    Family family{store};
    TimeLog log{store};
    TimeSummary summary{store};
    Id maya = 0;
    Id leo = 0;

    void SetUp() override
    {
        store.setActor(family.caregivers().front().meta.uuid);
        maya = addChild("Maya");
        leo = addChild("Leo");
    }

    Id addChild(const std::string& name)
    {
        ChildDraft d;
        d.name = name;
        return family.addChild(d).meta.id;
    }

    Id add(Id childId, const std::string& day, int minutes, std::optional<TimestampMs> startMs = std::nullopt)
    {
        SessionDraft d;
        d.childId = childId;
        d.day = day;
        d.minutes = minutes;
        d.startMs = startMs;
        return log.addSession(d).meta.id;
    }
};

} // namespace

TEST_F(TimeSummaryTest, AWeekCrossingTheYearEndKeepsItsSevenDays)
{
    // Monday 2026-12-28 … Sunday 2027-01-03; the week before is 2026-12-21 … 2026-12-27.
    add(maya, "2026-12-21", 10);
    add(maya, "2026-12-27", 20);
    add(maya, "2026-12-28", 15);
    add(maya, "2026-12-31", 10);
    add(maya, "2026-12-31", 5);
    add(maya, "2027-01-01", 30);
    add(maya, "2027-01-03", 12); // one day ahead of today: logged where it is already Sunday
    add(leo, "2026-12-29", 20);
    log.setDayState(leo, "2026-12-30", DayState::PartnerDidIt);
    log.setDayState(leo, "2027-01-01", DayState::Away);
    log.setDayState(leo, "2026-12-22", DayState::Sick);
    log.trashSession(add(leo, "2026-12-31", 45)); // trash never counts

    const WeekView view = summary.week("2027-01-01");
    EXPECT_EQ(view.monday, "2026-12-28");
    EXPECT_EQ(view.lastMonday, "2026-12-21");
    ASSERT_EQ(view.children.size(), 2u);

    const ChildWeek& m = view.children[0];
    EXPECT_EQ(m.name, "Maya");
    EXPECT_EQ(m.thisWeek[0].day, "2026-12-28");
    EXPECT_EQ(m.thisWeek[3].day, "2026-12-31");
    EXPECT_EQ(m.thisWeek[4].day, "2027-01-01");
    EXPECT_EQ(m.thisWeek[6].day, "2027-01-03");
    EXPECT_EQ(m.thisWeek[0].minutes, 15);
    EXPECT_EQ(m.thisWeek[3].minutes, 15);
    EXPECT_EQ(m.thisWeek[3].sessions, 2);
    EXPECT_EQ(m.thisWeek[4].minutes, 30);
    EXPECT_EQ(m.thisWeek[5].status(), DayStatus::Blank);
    EXPECT_EQ(m.thisWeek[6].minutes, 12);
    EXPECT_EQ(m.thisWeekTally, (Tally{4, 4, 0, 0, 0, 72, 5}));
    EXPECT_EQ(m.lastWeek[0].day, "2026-12-21");
    EXPECT_EQ(m.lastWeek[6].day, "2026-12-27");
    EXPECT_EQ(m.lastWeekTally, (Tally{2, 2, 0, 0, 0, 30, 2}));

    const ChildWeek& l = view.children[1];
    EXPECT_EQ(l.thisWeek[1].status(), DayStatus::Done);
    EXPECT_EQ(l.thisWeek[2].status(), DayStatus::PartnerDidIt);
    EXPECT_EQ(l.thisWeek[3].status(), DayStatus::Blank);
    EXPECT_EQ(l.thisWeek[4].status(), DayStatus::Away);
    EXPECT_EQ(l.thisWeekTally, (Tally{2, 1, 1, 1, 0, 20, 1}));
    EXPECT_EQ(l.lastWeek[1].status(), DayStatus::Sick);
    EXPECT_EQ(l.lastWeekTally, (Tally{0, 0, 0, 0, 1, 0, 0}));

    // Any day of the week gives the same week.
    EXPECT_EQ(summary.week("2026-12-28").monday, "2026-12-28");
    EXPECT_EQ(summary.week("2027-01-03").monday, "2026-12-28");
    EXPECT_EQ(summary.week("2027-01-04").monday, "2027-01-04");
}

TEST_F(TimeSummaryTest, DaysAreStoredAsLoggedNeverRecomputedFromTheInstant)
{
    clock.setToday("2026-11-28"); // a Saturday; this week is 2026-11-23 … 2026-11-29
    // Logged in Auckland (UTC+13) at 01:30 on Sunday the 29th, which is still Saturday in UTC.
    const Id nz = add(maya, "2026-11-29", 20, utc("2026-11-28", 12, 30));
    // Logged in Berlin (UTC+1) at 00:30 on Monday the 23rd, which is Sunday the 22nd in UTC.
    add(maya, "2026-11-23", 10, utc("2026-11-22", 23, 30));
    // Logged in Los Angeles (UTC−8) at 19:00 on Friday the 27th, Saturday 03:00 in UTC.
    add(leo, "2026-11-27", 15, utc("2026-11-28", 3, 0));

    EXPECT_EQ(log.session(nz).data.day, "2026-11-29");
    const WeekView view = summary.week("2026-11-28");
    const ChildWeek& m = view.children[0];
    EXPECT_EQ(m.thisWeek[0].minutes, 10) << "Monday as logged, not Sunday in UTC";
    EXPECT_EQ(m.thisWeek[5].minutes, 0);
    EXPECT_EQ(m.thisWeek[6].minutes, 20) << "Sunday as logged, not Saturday in UTC";
    EXPECT_EQ(m.lastWeekTally.minutes, 0);
    EXPECT_EQ(view.children[1].thisWeek[4].minutes, 15) << "Friday as logged";
    EXPECT_EQ(view.children[1].thisWeek[5].minutes, 0);

    // The machine's own zone changing later (its today jumps) moves nothing.
    clock.setToday("2026-11-29");
    EXPECT_EQ(summary.week("2026-11-29").children[0].thisWeek[6].minutes, 20);
}

TEST_F(TimeSummaryTest, MonthCountsAndTheYearGrid)
{
    add(maya, "2026-12-21", 10);
    add(maya, "2026-12-27", 20);
    add(maya, "2026-12-31", 10);
    add(maya, "2026-12-31", 5);
    add(maya, "2027-01-01", 30);
    add(maya, "2026-02-28", 7);
    log.setDayState(maya, "2026-12-24", DayState::PartnerDidIt);
    log.setDayState(leo, "2027-01-01", DayState::Away);

    const auto months = summary.months(maya, 2026);
    ASSERT_EQ(months.size(), 12u);
    EXPECT_EQ(months[1].month, 2);
    EXPECT_EQ(months[1].tally, (Tally{1, 1, 0, 0, 0, 7, 1}));
    EXPECT_EQ(months[10].tally, Tally{});
    EXPECT_EQ(months[11].tally, (Tally{4, 3, 1, 0, 0, 45, 4}));
    EXPECT_EQ(summary.months(maya, 2027)[0].tally, (Tally{1, 1, 0, 0, 0, 30, 1}));

    const YearGrid grid = summary.year(2026);
    ASSERT_EQ(grid.children.size(), 2u);
    const auto& row = grid.children[0].days;
    ASSERT_EQ(row.size(), 365u);
    EXPECT_EQ(row.front().day, "2026-01-01");
    EXPECT_EQ(row.back().day, "2026-12-31");
    EXPECT_EQ(row.back().minutes, 15);
    EXPECT_EQ(row.back().sessions, 2);
    EXPECT_EQ(row[58].day, "2026-02-28");
    EXPECT_EQ(row[58].minutes, 7);
    EXPECT_EQ(row[357].status(), DayStatus::PartnerDidIt);

    const YearGrid next = summary.year(2027);
    EXPECT_EQ(next.children[0].days[0].minutes, 30);
    EXPECT_EQ(next.children[1].days[0].status(), DayStatus::Away);
    EXPECT_EQ(summary.year(2028).children[0].days.size(), 366u);
}

TEST_F(TimeSummaryTest, TodayCardsAndTheLastSevenDays)
{
    clock.setToday("2026-11-28"); // Saturday; Monday was the 23rd; the last 7 days start on the 22nd
    add(maya, "2026-11-21", 40); // eight days ago: in neither count
    add(maya, "2026-11-22", 20);
    add(maya, "2026-11-23", 10);
    log.setDayState(maya, "2026-11-25", DayState::PartnerDidIt);
    add(maya, "2026-11-28", 15);
    log.setDayState(leo, "2026-11-28", DayState::Away);
    Timers(store).start(leo);

    const auto cards = summary.today();
    ASSERT_EQ(cards.size(), 2u);
    const TodayCard& m = cards[0];
    EXPECT_EQ(m.today.day, "2026-11-28");
    EXPECT_EQ(m.today.status(), DayStatus::Done);
    EXPECT_EQ(m.today.minutes, 15);
    EXPECT_EQ(m.thisWeek, (Tally{3, 2, 1, 0, 0, 25, 2}));
    EXPECT_EQ(m.lastSeven, (Tally{4, 3, 1, 0, 0, 45, 3}));
    EXPECT_FALSE(m.timer.has_value());
    EXPECT_EQ(countsLine(m.lastSeven, 7), "4 of the last 7 days \xC2\xB7 45 min");
    EXPECT_EQ(summary.lastDays(maya), m.lastSeven);
    EXPECT_EQ(summary.lastDays(maya, 1), (Tally{1, 1, 0, 0, 0, 15, 1}));

    const TodayCard& l = cards[1];
    EXPECT_EQ(l.today.status(), DayStatus::Away);
    ASSERT_TRUE(l.timer.has_value());
    EXPECT_EQ(l.timer->childId, leo);
}

TEST_F(TimeSummaryTest, OnMondayThisWeekIsOneDay)
{
    clock.setToday("2026-11-23");
    add(maya, "2026-11-22", 20);
    add(maya, "2026-11-23", 10);
    const TodayCard card = summary.today()[0];
    EXPECT_EQ(card.thisWeek, (Tally{1, 1, 0, 0, 0, 10, 1}));
    EXPECT_EQ(card.lastSeven, (Tally{2, 2, 0, 0, 0, 30, 2}));
}

TEST_F(TimeSummaryTest, ArchivedAndTrashedChildrenLeaveTheViews)
{
    const Id ivy = addChild("Ivy");
    family.setArchived(leo, true);
    family.trashChild(ivy);
    EXPECT_EQ(summary.week("2027-01-01").children.size(), 1u);
    EXPECT_EQ(summary.year(2026).children.size(), 1u);
    EXPECT_EQ(summary.today().size(), 1u);
    EXPECT_EQ(summary.rhythms().size(), 1u);
}

TEST_F(TimeSummaryTest, RangesAreCheckedAndBounded)
{
    EXPECT_TRUE(summary.days(maya, "2026-12-02", "2026-12-01").empty());
    EXPECT_EQ(summary.days(maya, "2026-12-01", "2026-12-01").size(), 1u);
    EXPECT_THROW(summary.days(maya, "yesterday", "2026-12-01"), ValidationError);
    EXPECT_THROW(summary.days(maya, "1900-01-01", "2026-12-01"), ValidationError);
    EXPECT_THROW(summary.week("2026-13-01"), ValidationError);
}

TEST_F(TimeSummaryTest, PerDayAggregatesReadOnlyTheCoveringIndex)
{
    SQLite::Statement plan(db.sql(), "EXPLAIN QUERY PLAN SELECT day, sum(minutes), count(*) FROM sessions "
                                     "WHERE child_id = ? AND deleted_at IS NULL AND day BETWEEN ? AND ? GROUP BY day");
    std::string detail;
    while (plan.executeStep())
        detail += plan.getColumn(3).getString() + "\n";
    EXPECT_NE(detail.find("USING COVERING INDEX sessions_by_child_day"), std::string::npos) << detail;
    EXPECT_EQ(detail.find("TEMP B-TREE"), std::string::npos) << detail;
}
