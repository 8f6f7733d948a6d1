// SPDX-License-Identifier: MIT
#include "attune/core/TimeSummary.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Rhythm.h"
#include "attune/core/Store.h"
#include "attune/core/Timers.h"
#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace attune::core {

namespace {

// More than ten years of cells is never a view; it bounds what a bad argument can cost.
constexpr long kMaxRangeDays = 366 * 12;

long dayNumber(const std::string& day)
{
    const auto date = parseDate(day);
    if (!date)
        throw ValidationError(std::vector<FieldError>{{"day", "Please enter the day as year-month-day, like 2026-11-28."}});
    return daysFromCivil(*date);
}

std::string dayText(long number)
{
    return formatDate(civilFromDays(number));
}

// The two per-day aggregates every view is built from, prepared once per view and reused
// for each child: minutes and sessions per day, and the day states.
class DayAggregates {
public:
    explicit DayAggregates(SQLite::Database& db)
        : m_sessions(db, "SELECT day, sum(minutes), count(*) FROM sessions WHERE child_id = ? AND deleted_at IS NULL "
                         "AND day BETWEEN ? AND ? GROUP BY day")
        , m_states(db, "SELECT day, state FROM day_states WHERE child_id = ? AND deleted_at IS NULL "
                       "AND day BETWEEN ? AND ?")
    {
    }

    std::vector<DayCell> cells(Id childId, long from, long to)
    {
        if (to < from)
            return {};
        if (to - from >= kMaxRangeDays)
            throw ValidationError(std::vector<FieldError>{{"day", "Please choose a shorter stretch of days."}});
        std::vector<DayCell> result(static_cast<std::size_t>(to - from + 1));
        for (long n = from; n <= to; ++n)
            result[static_cast<std::size_t>(n - from)].day = dayText(n);
        const std::string first = result.front().day;
        const std::string last = result.back().day;
        auto cellFor = [&](const std::string& day) -> DayCell* {
            const auto date = parseDate(day);
            if (!date)
                return nullptr; // not a day Attune wrote; leave it out of views
            const long n = daysFromCivil(*date);
            return n < from || n > to ? nullptr : &result[static_cast<std::size_t>(n - from)];
        };

        m_sessions.reset();
        m_sessions.bind(1, childId);
        m_sessions.bind(2, first);
        m_sessions.bind(3, last);
        while (m_sessions.executeStep()) {
            if (DayCell* cell = cellFor(m_sessions.getColumn(0).getString())) {
                cell->minutes = m_sessions.getColumn(1).getInt();
                cell->sessions = m_sessions.getColumn(2).getInt();
            }
        }
        m_states.reset();
        m_states.bind(1, childId);
        m_states.bind(2, first);
        m_states.bind(3, last);
        while (m_states.executeStep()) {
            if (DayCell* cell = cellFor(m_states.getColumn(0).getString()))
                cell->state = dayStateFromString(m_states.getColumn(1).getString()).value_or(DayState::None);
        }
        return result;
    }

private:
    SQLite::Statement m_sessions;
    SQLite::Statement m_states;
};

template <typename Cells>
Tally tallyOf(const Cells& cells)
{
    Tally tally;
    for (const DayCell& cell : cells) {
        tally.minutes += cell.minutes;
        tally.sessions += cell.sessions;
        switch (cell.status()) {
        case DayStatus::Done:
            ++tally.doneDays;
            break;
        case DayStatus::PartnerDidIt:
            ++tally.partnerDays;
            break;
        case DayStatus::Away:
            ++tally.awayDays;
            break;
        case DayStatus::Sick:
            ++tally.sickDays;
            break;
        case DayStatus::Blank:
            break;
        }
    }
    tally.days = tally.doneDays + tally.partnerDays;
    return tally;
}

std::array<DayCell, 7> weekCells(const std::vector<DayCell>& cells, std::size_t first)
{
    std::array<DayCell, 7> result;
    std::copy_n(cells.begin() + static_cast<std::ptrdiff_t>(first), 7, result.begin());
    return result;
}

} // namespace

TimeSummary::TimeSummary(Store& store)
    : m_store(store)
{
}

std::vector<DayCell> TimeSummary::days(Id childId, const std::string& from, const std::string& to) const
{
    DayAggregates aggregates(m_store.db().sql());
    return aggregates.cells(childId, dayNumber(from), dayNumber(to));
}

Tally TimeSummary::tally(Id childId, const std::string& from, const std::string& to) const
{
    return tallyOf(days(childId, from, to));
}

Tally TimeSummary::lastDays(Id childId, int count) const
{
    const long today = dayNumber(m_store.clock().today());
    DayAggregates aggregates(m_store.db().sql());
    return tallyOf(aggregates.cells(childId, today - std::max(1, count) + 1, today));
}

WeekView TimeSummary::week(const std::string& day) const
{
    const long n = dayNumber(day);
    const long monday = n - weekday(civilFromDays(n));
    const long lastMonday = monday - 7;
    WeekView view;
    view.monday = dayText(monday);
    view.lastMonday = dayText(lastMonday);
    DayAggregates aggregates(m_store.db().sql());
    for (const ChildSummary& child : Family(m_store).children()) {
        const std::vector<DayCell> cells = aggregates.cells(child.id, lastMonday, monday + 6);
        ChildWeek column;
        column.childId = child.id;
        column.name = child.name;
        column.avatarColor = child.avatarColor;
        column.goalMinutes = child.goalMinutes;
        column.lastWeek = weekCells(cells, 0);
        column.thisWeek = weekCells(cells, 7);
        column.lastWeekTally = tallyOf(column.lastWeek);
        column.thisWeekTally = tallyOf(column.thisWeek);
        view.children.push_back(std::move(column));
    }
    return view;
}

std::vector<MonthTally> TimeSummary::months(Id childId, int year) const
{
    const long first = daysFromCivil(Date{year, 1, 1});
    const long last = daysFromCivil(Date{year, 12, 31});
    DayAggregates aggregates(m_store.db().sql());
    const std::vector<DayCell> cells = aggregates.cells(childId, first, last);
    std::vector<MonthTally> result;
    std::size_t index = 0;
    for (int month = 1; month <= 12; ++month) {
        const long monthEnd = month == 12 ? last : daysFromCivil(Date{year, month + 1, 1}) - 1;
        const std::size_t end = static_cast<std::size_t>(monthEnd - first + 1);
        std::vector<DayCell> monthCells(cells.begin() + static_cast<std::ptrdiff_t>(index),
                                        cells.begin() + static_cast<std::ptrdiff_t>(end));
        result.push_back({month, tallyOf(monthCells)});
        index = end;
    }
    return result;
}

YearGrid TimeSummary::year(int year) const
{
    YearGrid grid;
    grid.year = year;
    const long first = daysFromCivil(Date{year, 1, 1});
    const long last = daysFromCivil(Date{year, 12, 31});
    DayAggregates aggregates(m_store.db().sql());
    for (const ChildSummary& child : Family(m_store).children()) {
        ChildYear row;
        row.childId = child.id;
        row.name = child.name;
        row.avatarColor = child.avatarColor;
        row.goalMinutes = child.goalMinutes;
        row.days = aggregates.cells(child.id, first, last);
        grid.children.push_back(std::move(row));
    }
    return grid;
}

std::vector<TodayCard> TimeSummary::today() const
{
    const long today = dayNumber(m_store.clock().today());
    const long monday = today - weekday(civilFromDays(today));
    const long from = std::min(monday, today - 6);
    const std::vector<TimerState> timers = Timers(m_store).active();
    DayAggregates aggregates(m_store.db().sql());
    std::vector<TodayCard> cards;
    for (const ChildSummary& child : Family(m_store).children()) {
        const std::vector<DayCell> cells = aggregates.cells(child.id, from, today);
        TodayCard card;
        card.childId = child.id;
        card.name = child.name;
        card.avatarColor = child.avatarColor;
        card.goalMinutes = child.goalMinutes;
        card.today = cells.back();
        card.thisWeek = tallyOf(std::vector<DayCell>(cells.begin() + (monday - from), cells.end()));
        card.lastSeven = tallyOf(std::vector<DayCell>(cells.end() - 7, cells.end()));
        for (const TimerState& timer : timers) {
            if (timer.childId == child.id)
                card.timer = timer;
        }
        cards.push_back(std::move(card));
    }
    return cards;
}

Rhythm TimeSummary::rhythm(Id childId) const
{
    // Two ordered per-day aggregates (distinct session days from the covering index, and the
    // day states), merged while walking the calendar once: O(days), no session rows loaded.
    SQLite::Database& db = m_store.db().sql();
    const std::string todayText = m_store.clock().today();
    const long today = dayNumber(todayText);

    SQLite::Statement sessionDays(db, "SELECT day FROM sessions WHERE child_id = ? AND deleted_at IS NULL "
                                      "AND day <= ? GROUP BY day ORDER BY day");
    sessionDays.bind(1, childId);
    sessionDays.bind(2, todayText);
    SQLite::Statement states(db, "SELECT day, state FROM day_states WHERE child_id = ? AND deleted_at IS NULL "
                                 "AND day <= ? ORDER BY day");
    states.bind(1, childId);
    states.bind(2, todayText);

    // The next day of each stream as a day number, or "none left".
    constexpr long kEnd = std::numeric_limits<long>::max();
    auto nextDay = [](SQLite::Statement& query) {
        while (query.executeStep()) {
            if (const auto date = parseDate(query.getColumn(0).getString()))
                return daysFromCivil(*date);
        }
        return kEnd;
    };
    long sessionDay = nextDay(sessionDays);
    long stateDay = nextDay(states);
    DayState state = stateDay == kEnd ? DayState::None
                                      : dayStateFromString(states.getColumn(1).getString()).value_or(DayState::None);

    Rhythm result;
    const long first = std::min(sessionDay, stateDay);
    if (first == kEnd)
        return result;
    result.hasHistory = true;
    double value = kRhythmStart;
    for (long day = first; day <= today; ++day) {
        const bool hasSession = day == sessionDay;
        const DayState dayState = day == stateDay ? state : DayState::None;
        RhythmDay kind = RhythmDay::Blank;
        if (hasSession || dayState == DayState::PartnerDidIt)
            kind = RhythmDay::WithTime;
        else if (dayState == DayState::Away || dayState == DayState::Sick || day == today)
            kind = RhythmDay::Frozen; // away, sick, or today before anything is logged
        value = rhythmStep(value, kind);
        if (kind != RhythmDay::Frozen)
            ++result.countedDays;
        if (hasSession)
            sessionDay = nextDay(sessionDays);
        if (day == stateDay) {
            stateDay = nextDay(states);
            if (stateDay != kEnd)
                state = dayStateFromString(states.getColumn(1).getString()).value_or(DayState::None);
        }
    }
    result.value = value;
    return result;
}

std::vector<std::pair<Id, Rhythm>> TimeSummary::rhythms() const
{
    std::vector<std::pair<Id, Rhythm>> result;
    for (const ChildSummary& child : Family(m_store).children())
        result.emplace_back(child.id, rhythm(child.id));
    return result;
}

} // namespace attune::core
