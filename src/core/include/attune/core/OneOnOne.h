// SPDX-License-Identifier: MIT
// Value types of daily one-on-one time: sessions, day states, timers and the summaries built
// from them. Plain data: no storage, no Qt. The services are TimeLog.h, Timers.h and
// TimeSummary.h; the rhythm maths is Rhythm.h.
#pragma once

#include "attune/core/Errors.h"
#include "attune/core/Types.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace attune::core {

namespace limits {
inline constexpr int kSessionMinutesMin = 1;
inline constexpr int kSessionMinutesMax = 600;
inline constexpr int kActivityMax = 120;  // code points
inline constexpr int kMoodMax = 40;       // code points of one feeling word
inline constexpr int kPresenceMax = 5;    // 1–5; 0 means "not set"
// A session's day may be one day after the clock's today: a caregiver in another time zone
// (or just past midnight there) logs their own local date.
inline constexpr int kSessionDaysAhead = 1;
// Day states can be planned ahead ("away next week"), but not further than this.
inline constexpr int kDayStateDaysAhead = 366;
} // namespace limits

// What a parent fills in for one session. Validated by validateSession() before anything is
// stored; the same struct is what a stopped timer hands back, pre-filled.
struct SessionDraft {
    Id childId = 0;
    std::string caregiverUuid;          // who spent the time; empty means the acting caregiver
    std::string day;                    // local calendar date "YYYY-MM-DD", stored as given
    std::optional<TimestampMs> startMs; // UTC ms; empty when not known (quick log)
    int minutes = 0;                    // 1–600
    std::string activity;               // what the child chose to play
    bool childLed = false;
    bool noScreens = false;
    bool noInterruptions = false;
    int presence = 0;                   // how present I felt, 1–5; 0 = not set
    std::string moodBefore;             // a feeling word from resources/content/feelings.json
    std::string moodAfter;
    std::string note;
    std::string marvel;                 // "something I marvelled at"
    bool operator==(const SessionDraft&) const = default;
};

struct Session {
    RecordMeta meta;
    SessionDraft data;
    std::string caregiverName; // empty when that caregiver is gone
};

// What a list of sessions is narrowed to. Empty / zero members do not filter.
struct SessionFilter {
    Id childId = 0;
    std::string caregiverUuid;
    std::string from; // inclusive day
    std::string to;   // inclusive day
    std::string activity; // contained in the activity text (ASCII letters ignore case)
    int limit = 200;
    int offset = 0;
};

// What a parent sets on a day with no session of theirs. Any day with neither a session nor
// a state is simply blank: the app never calls it missed.
enum class DayState { None, PartnerDidIt, Away, Sick };

// How a day shows: done comes from sessions and wins over a stored state.
enum class DayStatus { Blank, Done, PartnerDidIt, Away, Sick };

std::string toString(DayState state); // "partner_did_it", "away", "sick"; "" for None
std::optional<DayState> dayStateFromString(const std::string& text);

// One child's day: the aggregate every view is built from.
struct DayCell {
    std::string day;
    int minutes = 0;
    int sessions = 0;
    DayState state = DayState::None;
    DayStatus status() const;
    // Done or partner did it: the day had one-on-one time.
    bool hasTime() const { return minutes > 0 || state == DayState::PartnerDidIt; }
};

// Counts over a range of days. `days` is the number a parent reads first ("5 of the last 7
// days"): days with a session of their own or a partner's day.
struct Tally {
    int days = 0;
    int doneDays = 0;
    int partnerDays = 0;
    int awayDays = 0;
    int sickDays = 0;
    int minutes = 0;
    int sessions = 0;
    bool operator==(const Tally&) const = default;
};

// "5 of the last 7 days · 64 min"
std::string countsLine(const Tally& tally, int ofDays);

// One child's column in the week view: Monday to Sunday of this week and the one before.
struct ChildWeek {
    Id childId = 0;
    std::string name;
    std::string avatarColor;
    int goalMinutes = 10;
    std::array<DayCell, 7> thisWeek;
    std::array<DayCell, 7> lastWeek;
    Tally thisWeekTally;
    Tally lastWeekTally;
};

struct WeekView {
    std::string monday;     // first day of the week asked for
    std::string lastMonday; // first day of the week before
    std::vector<ChildWeek> children; // siblings side by side, in sidebar order
};

struct MonthTally {
    int month = 1; // 1–12
    Tally tally;
};

struct ChildYear {
    Id childId = 0;
    std::string name;
    std::string avatarColor;
    int goalMinutes = 10;
    std::vector<DayCell> days; // January 1st … December 31st
};

struct YearGrid {
    int year = 1970;
    std::vector<ChildYear> children;
};

// A running (or paused) one-on-one timer. Elapsed time is computed from stored instants with
// the Clock, so it is right after a restart.
struct TimerState {
    Id timerId = 0;
    Id childId = 0;
    std::string caregiverUuid;
    std::string day;          // the local day the timer was started
    TimestampMs startedAt = 0;
    TimestampMs elapsedMs = 0;
    bool isPaused = false;
    int goalMinutes = 10;
    bool isGoalReached() const { return elapsedMs >= static_cast<TimestampMs>(goalMinutes) * 60'000; }
};

// A child's card on the Today page. Costs a few indexed look-ups, whatever the history's length.
struct TodayCard {
    Id childId = 0;
    std::string name;
    std::string avatarColor;
    int goalMinutes = 10;
    DayCell today;
    Tally thisWeek;  // Monday up to today
    Tally lastSeven; // the last 7 days, today included
    std::optional<TimerState> timer;
};

struct Rhythm {
    double value = 1.0;     // 0–1
    int countedDays = 0;    // days that moved it (not away, sick or an undecided today)
    bool hasHistory = false; // false until the child has a session or a day state
    int percent() const;
};

// Field-level rules for a session. `today` is the clock's local date. Caregiver and child
// existence are checked by the service, which knows the file.
std::vector<FieldError> validateSession(const SessionDraft& draft, const std::string& today);
// Rules for a day a state is set on.
std::vector<FieldError> validateStateDay(const std::string& day, const std::string& today);

} // namespace attune::core
