// SPDX-License-Identifier: MIT
#include "attune/core/Insights.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>

namespace attune::core {

namespace {

// About twelve years: more is never a view, and it bounds what a bad argument can cost.
constexpr long kMaxRangeDays = 366 * 12;

// The children counted: live ones, all or one. Every query filters through this list, so
// a trashed child's rows never count and each query walks its per-child index.
// Parameter ?1 is the child id (0 = every child).
#define ATTUNE_INSIGHTS_CHILDREN "child_id IN (SELECT id FROM children WHERE deleted_at IS NULL AND (?1 = 0 OR id = ?1))"

// Saved, live reflections of the counted children in the range (?2 .. ?3).
#define ATTUNE_INSIGHTS_MOMENTS                                                                                   \
    "FROM reflections WHERE " ATTUNE_INSIGHTS_CHILDREN " AND status = 'saved' AND deleted_at IS NULL "          \
    "AND happened_on BETWEEN ?2 AND ?3"

long dayNumber(const std::string& text, const char* field)
{
    const auto date = parseDate(text);
    if (!date)
        throw ValidationError(std::vector<FieldError>{{field, "Please enter the day as year-month-day, like 2026-11-28."}});
    return daysFromCivil(*date);
}

std::string dayText(long number)
{
    return formatDate(civilFromDays(number));
}

long mondayOf(long day)
{
    return day - weekday(civilFromDays(day));
}

void bindRange(SQLite::Statement& query, Id childId, const std::string& from, const std::string& to)
{
    query.bind(1, childId);
    query.bind(2, from);
    query.bind(3, to);
}

std::vector<KeyCount> topKeys(SQLite::Database& db, const char* column, Id childId, const std::string& from,
                              const std::string& to, int top)
{
    // json_each() opens each moment's pick-list; DISTINCT keeps a key listed twice in one
    // moment from counting twice.
    const std::string sql = std::string("SELECT j.value, count(DISTINCT r.id) FROM (SELECT id, ") + column +
                            " AS picks " ATTUNE_INSIGHTS_MOMENTS ") AS r, json_each(r.picks) AS j "
                            "WHERE j.type = 'text' GROUP BY j.value ORDER BY 2 DESC, 1 LIMIT ?4";
    SQLite::Statement query(db, sql);
    bindRange(query, childId, from, to);
    query.bind(4, std::max(top, 0));
    std::vector<KeyCount> result;
    while (query.executeStep())
        result.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt()});
    return result;
}

} // namespace

int ChildWeeks::totalMinutes() const
{
    int total = 0;
    for (int value : minutes)
        total += value;
    return total;
}

double ChildWeeks::averageMinutes() const
{
    return minutes.empty() ? 0.0 : static_cast<double>(totalMinutes()) / static_cast<double>(minutes.size());
}

double WeeksComparison::moreAverage() const
{
    return moreWeeks == 0 ? 0.0 : static_cast<double>(moreMoments) / moreWeeks;
}

double WeeksComparison::fewerAverage() const
{
    return fewerWeeks == 0 ? 0.0 : static_cast<double>(fewerMoments) / fewerWeeks;
}

Insights::Insights(Store& store)
    : m_store(store)
{
}

std::pair<std::string, std::string> Insights::lastWeeks(const std::string& today, int weeks)
{
    const long last = dayNumber(today, "to");
    const long first = mondayOf(last) - 7L * (std::max(weeks, 1) - 1);
    return {dayText(first), today};
}

InsightsReport Insights::report(const std::string& from, const std::string& to, Id childId, int threshold,
                                int top) const
{
    const long first = dayNumber(from, "from");
    const long last = dayNumber(to, "to");
    if (last < first)
        throw ValidationError(std::vector<FieldError>{{"to", "Please choose an end day on or after the first day."}});
    if (last - first >= kMaxRangeDays)
        throw ValidationError(std::vector<FieldError>{{"from", "Please choose a shorter stretch of days."}});

    InsightsReport report;
    report.from = from;
    report.to = to;
    report.childId = childId;
    SQLite::Database& db = m_store.db().sql();

    // Hard moments by part of day and weekday, in one pass over the per-child index. The
    // time is text "HH:MM", so plain text comparison places it; strftime('%w') is 0 = Sunday.
    {
        SQLite::Statement query(db, "SELECT CASE WHEN happened_time = '' THEN 4 WHEN happened_time < '05:00' THEN 3 "
                                    "WHEN happened_time < '12:00' THEN 0 WHEN happened_time < '17:00' THEN 1 "
                                    "WHEN happened_time < '21:00' THEN 2 ELSE 3 END AS part, "
                                    "CAST(strftime('%w', happened_on) AS INTEGER) AS wd, count(*), sum(was_transition) "
                                    ATTUNE_INSIGHTS_MOMENTS " GROUP BY part, wd");
        bindRange(query, childId, from, to);
        while (query.executeStep()) {
            const int part = query.getColumn(0).getInt();
            const int count = query.getColumn(2).getInt();
            report.hardMoments += count;
            report.duringTransition += query.getColumn(3).getInt();
            report.byPartOfDay[static_cast<std::size_t>(std::clamp(part, 0, kPartOfDayCount - 1))] += count;
            if (!query.getColumn(1).isNull()) {
                const int sundayFirst = query.getColumn(1).getInt();
                report.byWeekday[static_cast<std::size_t>((sundayFirst + 6) % 7)] += count;
            }
        }
    }

    report.unmetNeeds = topKeys(db, "unmet_needs", childId, from, to, top);
    report.laggingSkills = topKeys(db, "lagging_skills", childId, from, to, top);

    // Unsolved problems by the month they were written (the local date of created_at: a
    // problem has no day of its own) and where they stand now.
    {
        const Date a = civilFromDays(first);
        const Date b = civilFromDays(last);
        std::map<std::string, std::size_t> index;
        for (Date month{a.year, a.month, 1}; month <= Date{b.year, b.month, 1};) {
            const std::string key = formatDate(month).substr(0, 7);
            index[key] = report.problems.size();
            report.problems.push_back({key, {}});
            month = month.month == 12 ? Date{month.year + 1, 1, 1} : Date{month.year, month.month + 1, 1};
        }
        SQLite::Statement query(db, "SELECT substr(made, 1, 7) AS month, status, count(*) FROM (SELECT status, "
                                    "date(created_at / 1000, 'unixepoch', 'localtime') AS made FROM problems WHERE "
                                    ATTUNE_INSIGHTS_CHILDREN " AND deleted_at IS NULL) WHERE made BETWEEN ?2 AND ?3 "
                                    "GROUP BY month, status");
        bindRange(query, childId, from, to);
        while (query.executeStep()) {
            const auto found = index.find(query.getColumn(0).getString());
            const auto status = problemStatusFromString(query.getColumn(1).getString());
            if (found != index.end() && status)
                report.problems[found->second].byStatus[static_cast<std::size_t>(*status)] += query.getColumn(2).getInt();
        }
    }

    // Weeks: index 0 is the week holding `from`.
    const long monday0 = mondayOf(first);
    const auto weekCount = static_cast<std::size_t>((mondayOf(last) - monday0) / 7 + 1);
    for (std::size_t w = 0; w < weekCount; ++w)
        report.weekStarts.push_back(dayText(monday0 + 7 * static_cast<long>(w)));
    const std::string mondayText = dayText(monday0);

    struct WeekCell {
        int minutes = 0;
        int days = 0;
        int moments = 0;
    };
    std::map<Id, std::vector<WeekCell>> cells;
    auto cellOf = [&](Id child, long week) -> WeekCell* {
        if (week < 0 || static_cast<std::size_t>(week) >= weekCount)
            return nullptr;
        auto& row = cells[child];
        row.resize(weekCount);
        return &row[static_cast<std::size_t>(week)];
    };

    // One-on-one minutes and days per child and week, from the covering sessions index.
    {
        SQLite::Statement query(db, "SELECT child_id, CAST(julianday(day) - julianday(?4) AS INTEGER) / 7 AS week, "
                                    "sum(minutes), count(DISTINCT day) FROM sessions WHERE " ATTUNE_INSIGHTS_CHILDREN
                                    " AND deleted_at IS NULL AND day BETWEEN ?2 AND ?3 GROUP BY child_id, week");
        bindRange(query, childId, from, to);
        query.bind(4, mondayText);
        while (query.executeStep()) {
            if (query.getColumn(1).isNull())
                continue; // not a day Attune wrote
            if (WeekCell* cell = cellOf(query.getColumn(0).getInt64(), query.getColumn(1).getInt64())) {
                cell->minutes = query.getColumn(2).getInt();
                cell->days = query.getColumn(3).getInt();
            }
        }
    }
    {
        SQLite::Statement query(db, "SELECT child_id, CAST(julianday(happened_on) - julianday(?4) AS INTEGER) / 7 AS week, "
                                    "count(*) " ATTUNE_INSIGHTS_MOMENTS " GROUP BY child_id, week");
        bindRange(query, childId, from, to);
        query.bind(4, mondayText);
        while (query.executeStep()) {
            if (query.getColumn(1).isNull())
                continue;
            if (WeekCell* cell = cellOf(query.getColumn(0).getInt64(), query.getColumn(1).getInt64()))
                cell->moments = query.getColumn(2).getInt();
        }
    }

    // The children shown: active ones, and archived ones with minutes in the range.
    {
        SQLite::Statement query(db, "SELECT id, name, archived_at IS NOT NULL FROM children WHERE deleted_at IS NULL "
                                    "AND (?1 = 0 OR id = ?1) ORDER BY sort_order, id");
        query.bind(1, childId);
        while (query.executeStep()) {
            ChildWeeks row;
            row.childId = query.getColumn(0).getInt64();
            row.name = query.getColumn(1).getString();
            row.minutes.assign(weekCount, 0);
            const auto found = cells.find(row.childId);
            if (found != cells.end()) {
                for (std::size_t w = 0; w < weekCount; ++w)
                    row.minutes[w] = found->second[w].minutes;
            }
            if (query.getColumn(2).getInt() == 0 || row.totalMinutes() > 0)
                report.oneOnOne.push_back(std::move(row));
        }
    }

    // The comparison counts each child's whole weeks inside the range, from the week of
    // their first session or reflection (ever) on: weeks before a child's notes began would
    // only add empty weeks to the "fewer" side.
    std::vector<WeekCell> compared;
    {
        SQLite::Statement query(db, "SELECT child_id, min(first) FROM ("
                                    "SELECT child_id, min(day) AS first FROM sessions WHERE " ATTUNE_INSIGHTS_CHILDREN
                                    " AND deleted_at IS NULL GROUP BY child_id UNION ALL "
                                    "SELECT child_id, min(happened_on) FROM reflections WHERE " ATTUNE_INSIGHTS_CHILDREN
                                    " AND status = 'saved' AND deleted_at IS NULL GROUP BY child_id) GROUP BY child_id");
        query.bind(1, childId);
        while (query.executeStep()) {
            const auto began = parseDate(query.getColumn(1).getString());
            if (!began)
                continue;
            const long startMonday = std::max(mondayOf(daysFromCivil(*began)), monday0);
            const auto found = cells.find(query.getColumn(0).getInt64());
            for (std::size_t w = 0; w < weekCount; ++w) {
                const long monday = monday0 + 7 * static_cast<long>(w);
                if (monday < first || monday + 6 > last || monday < startMonday)
                    continue; // not a whole week of the range, or before this child's notes
                compared.push_back(found == cells.end() ? WeekCell{} : found->second[w]);
            }
        }
    }
    if (threshold <= 0) {
        // The even split: of every day count that leaves weeks on both sides, the one whose
        // sides differ least in size (the smaller count on a tie).
        threshold = 1;
        std::size_t bestGap = compared.size() + 1;
        for (int t = 1; t <= 7; ++t) {
            const auto more = static_cast<std::size_t>(
                std::count_if(compared.begin(), compared.end(), [t](const WeekCell& cell) { return cell.days >= t; }));
            const std::size_t fewer = compared.size() - more;
            const std::size_t gap = more > fewer ? more - fewer : fewer - more;
            if (more > 0 && fewer > 0 && gap < bestGap) {
                bestGap = gap;
                threshold = t;
            }
        }
    }
    report.weeks.threshold = threshold;
    for (const WeekCell& cell : compared) {
        if (cell.days >= threshold) {
            ++report.weeks.moreWeeks;
            report.weeks.moreMoments += cell.moments;
        } else {
            ++report.weeks.fewerWeeks;
            report.weeks.fewerMoments += cell.moments;
        }
    }
    return report;
}

} // namespace attune::core
