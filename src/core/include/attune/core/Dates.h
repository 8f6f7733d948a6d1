// SPDX-License-Identifier: MIT
// Calendar dates as "YYYY-MM-DD" strings and days since the epoch, without time zones.
#pragma once

#include "attune/core/Types.h"

#include <optional>
#include <string>

namespace attune::core {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const Date&) const = default;
};

// Strict "YYYY-MM-DD" with a real calendar day; anything else is nullopt.
std::optional<Date> parseDate(const std::string& text);
std::string formatDate(const Date& date);
// Days since 1970-01-01 (proleptic Gregorian), and back.
long daysFromCivil(const Date& date);
Date civilFromDays(long days);
// 0 = Monday … 6 = Sunday.
int weekday(const Date& date);

// Clock seam: the core never reads the system clock directly, so tests can pin time.
class Clock {
public:
    virtual ~Clock() = default;
    virtual TimestampMs nowMs() const = 0;
    // The local calendar date of now, "YYYY-MM-DD".
    virtual std::string today() const = 0;
};

class SystemClock final : public Clock {
public:
    TimestampMs nowMs() const override;
    std::string today() const override;
};

// Age in whole years on `today`, or nullopt when the birth date is unknown.
std::optional<int> ageInYears(const std::string& birthDate, const std::string& today);

} // namespace attune::core
