// SPDX-License-Identifier: MIT
#include "attune/core/OneOnOne.h"

#include "attune/core/Dates.h"
#include "attune/core/Validation.h"

#include <fmt/format.h>

#include <cmath>

namespace attune::core {

std::string toString(DayState state)
{
    switch (state) {
    case DayState::PartnerDidIt:
        return "partner_did_it";
    case DayState::Away:
        return "away";
    case DayState::Sick:
        return "sick";
    case DayState::None:
        break;
    }
    return {};
}

std::optional<DayState> dayStateFromString(const std::string& text)
{
    if (text == "partner_did_it")
        return DayState::PartnerDidIt;
    if (text == "away")
        return DayState::Away;
    if (text == "sick")
        return DayState::Sick;
    if (text.empty())
        return DayState::None;
    return std::nullopt;
}

DayStatus DayCell::status() const
{
    if (minutes > 0)
        return DayStatus::Done;
    switch (state) {
    case DayState::PartnerDidIt:
        return DayStatus::PartnerDidIt;
    case DayState::Away:
        return DayStatus::Away;
    case DayState::Sick:
        return DayStatus::Sick;
    case DayState::None:
        break;
    }
    return DayStatus::Blank;
}

std::string countsLine(const Tally& tally, int ofDays)
{
    // U+00B7 MIDDLE DOT between the two counts.
    return fmt::format("{} of the last {} days \xC2\xB7 {} min", tally.days, ofDays, tally.minutes);
}

int Rhythm::percent() const
{
    return static_cast<int>(std::lround(value * 100.0));
}

namespace {

constexpr const char* kDayFormat = "Please enter the day as year-month-day, like 2026-11-28.";

// Shared by sessions and day states: empty, format, before 1900, too far ahead.
void checkDay(const std::string& day, const std::string& today, int daysAhead, const char* tooFar,
              std::vector<FieldError>& errors)
{
    if (trimmed(day).empty()) {
        errors.push_back({"day", "Please choose the day."});
        return;
    }
    const auto date = parseDate(day);
    if (!date) {
        errors.push_back({"day", kDayFormat});
        return;
    }
    if (date->year < limits::kEarliestBirthYear) {
        errors.push_back({"day", "That date is before 1900. Please check the year."});
        return;
    }
    if (const auto now = parseDate(today); now && daysFromCivil(*date) > daysFromCivil(*now) + daysAhead)
        errors.push_back({"day", tooFar});
}

} // namespace

std::vector<FieldError> validateSession(const SessionDraft& draft, const std::string& today)
{
    std::vector<FieldError> errors;
    if (draft.childId <= 0)
        errors.push_back({"childId", "Please choose a child."});
    checkDay(draft.day, today, limits::kSessionDaysAhead, "That day hasn't come yet. Please check the date.", errors);
    if (draft.startMs && *draft.startMs < 0)
        errors.push_back({"startMs", "Please check the start time."});
    if (draft.minutes < limits::kSessionMinutesMin || draft.minutes > limits::kSessionMinutesMax)
        errors.push_back({"minutes", fmt::format("Choose between {} and {} minutes.", limits::kSessionMinutesMin,
                                                 limits::kSessionMinutesMax)});
    if (codePointCount(trimmed(draft.activity)) > static_cast<std::size_t>(limits::kActivityMax))
        errors.push_back({"activity", fmt::format("Please keep the activity to {} characters; the note can hold more.",
                                                  limits::kActivityMax)});
    if (draft.presence < 0 || draft.presence > limits::kPresenceMax)
        errors.push_back({"presence", "Choose how present you felt from 1 to 5, or leave it blank."});
    for (const auto& [field, mood] : {std::pair{"moodBefore", &draft.moodBefore}, {"moodAfter", &draft.moodAfter}}) {
        if (codePointCount(trimmed(*mood)) > static_cast<std::size_t>(limits::kMoodMax))
            errors.push_back({field, fmt::format("Please keep the feeling to {} characters or fewer.",
                                                 limits::kMoodMax)});
    }
    if (draft.note.size() > limits::kLongTextMax)
        errors.push_back({"note", "This note is longer than Attune can keep (1 MB). Please shorten it."});
    if (draft.marvel.size() > limits::kLongTextMax)
        errors.push_back({"marvel", "This is longer than Attune can keep (1 MB). Please shorten it."});
    return errors;
}

std::vector<FieldError> validateStateDay(const std::string& day, const std::string& today)
{
    std::vector<FieldError> errors;
    checkDay(day, today, limits::kDayStateDaysAhead, "That day is more than a year away. Please check the date.",
             errors);
    return errors;
}

} // namespace attune::core
