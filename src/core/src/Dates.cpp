// SPDX-License-Identifier: MIT
#include "attune/core/Dates.h"

#include <chrono>
#include <ctime>

#include <fmt/format.h>

namespace attune::core {

namespace {
bool isLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}
} // namespace

std::optional<Date> parseDate(const std::string& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    }
    auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    Date date{number(0, 4), number(5, 2), number(8, 2)};
    if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1
        || date.day > daysInMonth(date.year, date.month))
        return std::nullopt;
    return date;
}

std::string formatDate(const Date& date)
{
    return fmt::format("{:04d}-{:02d}-{:02d}", date.year, date.month, date.day);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long daysFromCivil(const Date& date)
{
    const long y = date.year - (date.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long m = date.month;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civilFromDays(long days)
{
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int weekday(const Date& date)
{
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const long days = daysFromCivil(date);
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

TimestampMs SystemClock::nowMs() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string SystemClock::today() const
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return formatDate(Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
}

std::optional<int> ageInYears(const std::string& birthDate, const std::string& today)
{
    const auto born = parseDate(birthDate);
    const auto now = parseDate(today);
    if (!born || !now || *now < *born)
        return std::nullopt;
    int years = now->year - born->year;
    if (now->month < born->month || (now->month == born->month && now->day < born->day))
        --years;
    return years;
}

} // namespace attune::core
