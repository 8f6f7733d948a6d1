// SPDX-License-Identifier: MIT
// Insights (PRODUCT §6): descriptive counts over a stretch of days, never a verdict. Every
// number is one SQL aggregate over an index; nothing loads all rows. Trashed rows, and the
// rows of a trashed child, are never counted.
//
// A "hard moment" is a saved reflection: a draft may be an unfinished start, so it counts
// once it is written down. Its day and time are the ones the parent gave (happened_on,
// happened_time); the time is optional, so moments without one are counted apart.
#pragma once

#include "attune/core/Plans.h"
#include "attune/core/Types.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace attune::core {

class Store;

// Morning 05:00–11:59, afternoon 12:00–16:59, evening 17:00–20:59, night 21:00–04:59.
enum class PartOfDay { Morning, Afternoon, Evening, Night, NotGiven };
inline constexpr int kPartOfDayCount = 5;

// A pick-list key (unmet need or lagging skill) and how many hard moments named it.
struct KeyCount {
    std::string key;
    int count = 0;
    bool operator==(const KeyCount&) const = default;
};

// Unsolved problems written in one month, by where each one is now (indexed by
// ProblemStatus). There is no status history, so this is "written then, standing now".
struct ProblemMonth {
    std::string month; // "YYYY-MM"
    std::array<int, kProblemStatusCount> byStatus{};
    bool operator==(const ProblemMonth&) const = default;
};

// One child's one-on-one minutes in each week of the range (oldest first, one per
// InsightsReport::weekStarts entry).
struct ChildWeeks {
    Id childId = 0;
    std::string name;
    std::vector<int> minutes;
    int totalMinutes() const;
    // Minutes per week over the weeks of the range.
    double averageMinutes() const;
};

// Weeks with more one-on-one days beside weeks with fewer. The unit is one child's whole
// Monday–Sunday week inside the range, from the week of that child's first session or
// reflection on; a week's one-on-one days are the days with at least one session. An
// association only: it says nothing about what causes what.
struct WeeksComparison {
    int threshold = 0;       // "more" means at least this many one-on-one days (at least 1)
    int moreWeeks = 0;       // child-weeks with >= threshold days
    int moreMoments = 0;     // hard moments in those weeks
    int fewerWeeks = 0;
    int fewerMoments = 0;
    double moreAverage() const;  // hard moments per week; 0 when there are no such weeks
    double fewerAverage() const;
    bool operator==(const WeeksComparison&) const = default;
};

struct InsightsReport {
    std::string from; // "YYYY-MM-DD", inclusive
    std::string to;
    Id childId = 0; // 0 = every child

    int hardMoments = 0;
    std::array<int, kPartOfDayCount> byPartOfDay{}; // indexed by PartOfDay
    std::array<int, 7> byWeekday{};                  // 0 = Monday … 6 = Sunday
    int duringTransition = 0;                        // moments marked "stopping or switching"
    std::vector<KeyCount> unmetNeeds;                // most often first, then by key
    std::vector<KeyCount> laggingSkills;
    std::vector<ProblemMonth> problems; // every month of the range, oldest first
    std::vector<std::string> weekStarts; // the Monday of every week touching the range
    std::vector<ChildWeeks> oneOnOne;    // sidebar order; active children and any with minutes
    WeeksComparison weeks;
};

class Insights {
public:
    static constexpr int kDefaultWeeks = 12;
    static constexpr int kDefaultThreshold = 3; // one-on-one days that make a week "more"
    // Pass as `threshold` to split the weeks where the two sides come out most even (both
    // non-empty when the weeks differ at all); the chosen number is in WeeksComparison.
    static constexpr int kEvenSplit = 0;
    static constexpr int kDefaultTop = 6;

    explicit Insights(Store& store);

    // The last `weeks` weeks: from the Monday `weeks - 1` weeks before the week holding
    // `today`, to `today` (so this week so far is the last one).
    static std::pair<std::string, std::string> lastWeeks(const std::string& today, int weeks = kDefaultWeeks);

    // Everything the Insights page shows, for `childId` (0 = every child) from `from` to `to`
    // inclusive ("YYYY-MM-DD"; at most about twelve years). Throws ValidationError for a bad
    // range. `top` bounds the unmet needs and lagging skills listed.
    InsightsReport report(const std::string& from, const std::string& to, Id childId = 0,
                          int threshold = kDefaultThreshold, int top = kDefaultTop) const;

private:
    Store& m_store;
};

} // namespace attune::core
