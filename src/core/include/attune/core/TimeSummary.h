// SPDX-License-Identifier: MIT
// Read-only views of one-on-one time, built from SQL per-day aggregates over indexes: counts,
// the week view, month counts, the year grid, Today's cards and the rhythm.
#pragma once

#include "attune/core/OneOnOne.h"

#include <string>
#include <utility>
#include <vector>

namespace attune::core {

class Store;

class TimeSummary {
public:
    explicit TimeSummary(Store& store);

    // One cell per day from `from` to `to` inclusive (at most ~10 years).
    std::vector<DayCell> days(Id childId, const std::string& from, const std::string& to) const;
    Tally tally(Id childId, const std::string& from, const std::string& to) const;
    // The last `count` days ending on the clock's today.
    Tally lastDays(Id childId, int count = 7) const;
    // The Monday–Sunday week holding `day` and the week before, for every active child.
    WeekView week(const std::string& day) const;
    // Twelve months of one child.
    std::vector<MonthTally> months(Id childId, int year) const;
    // One row per active child, one cell per day of `year`.
    YearGrid year(int year) const;
    // One card per active child for the Today page.
    std::vector<TodayCard> today() const;

    // The forgiving rhythm of one child up to the clock's today (see Rhythm.h).
    Rhythm rhythm(Id childId) const;
    // Every active child's rhythm, in sidebar order.
    std::vector<std::pair<Id, Rhythm>> rhythms() const;

private:
    Store& m_store;
};

} // namespace attune::core
