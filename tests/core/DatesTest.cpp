// SPDX-License-Identifier: MIT
#include "attune/core/Dates.h"

#include <gtest/gtest.h>

using namespace attune::core;

TEST(Dates, ParsesOnlyRealCalendarDays)
{
    EXPECT_TRUE(parseDate("2024-02-29"));
    EXPECT_FALSE(parseDate("2023-02-29"));
    EXPECT_FALSE(parseDate("2023-13-01"));
    EXPECT_FALSE(parseDate("2023-1-01"));
    EXPECT_FALSE(parseDate("2023-01-01 "));
    EXPECT_FALSE(parseDate("yesterday"));
    EXPECT_FALSE(parseDate(""));
}

TEST(Dates, DayNumbersRoundTripAcrossYearsAndLeapDays)
{
    EXPECT_EQ(daysFromCivil({1970, 1, 1}), 0);
    EXPECT_EQ(daysFromCivil({2000, 3, 1}) - daysFromCivil({2000, 2, 28}), 2);
    for (long day = -800000; day < 800000; day += 997)
        EXPECT_EQ(daysFromCivil(civilFromDays(day)), day);
}

TEST(Dates, WeekdayStartsOnMonday)
{
    EXPECT_EQ(weekday({2026, 11, 23}), 0); // a Monday
    EXPECT_EQ(weekday({2026, 11, 29}), 6);
}

TEST(Dates, AgeCountsWholeYears)
{
    EXPECT_EQ(ageInYears("2019-11-29", "2026-11-28"), 6);
    EXPECT_EQ(ageInYears("2019-11-28", "2026-11-28"), 7);
    EXPECT_FALSE(ageInYears("", "2026-11-28"));
}
