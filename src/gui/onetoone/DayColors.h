// SPDX-License-Identifier: MIT
// The calm colours of one-on-one days, shared by the week view, the year grid and their
// legends: greens that deepen with minutes, a soft blue for a partner's day, neutral grey for
// away and sick, and a pale cell for a blank day. Never red.
#pragma once

#include "attune/core/OneOnOne.h"

#include <QColor>

#include <algorithm>

namespace attune::gui::dayColors {

inline const QColor blank { 0xec, 0xef, 0xed };
inline const QColor partner { 0xb9, 0xd2, 0xe4 };
inline const QColor awayOrSick { 0xc8, 0xcb, 0xca };
inline const QColor ring { 0x3f, 0x7d, 0x64 };
// Four shades of time: under half the goal, under the goal, up to twice it, more.
inline const QColor shades[4]
    = { { 0xcf, 0xe6, 0xd8 }, { 0x9c, 0xcb, 0xb0 }, { 0x62, 0xa4, 0x82 }, { 0x3f, 0x7d, 0x64 } };

inline QColor forMinutes(int minutes, int goalMinutes)
{
    const double ratio = static_cast<double>(minutes) / std::max(1, goalMinutes);
    if (ratio < 0.5)
        return shades[0];
    if (ratio < 1.0)
        return shades[1];
    if (ratio < 2.0)
        return shades[2];
    return shades[3];
}

inline QColor forCell(const core::DayCell& cell, int goalMinutes)
{
    switch (cell.status()) {
    case core::DayStatus::Done:
        return forMinutes(cell.minutes, goalMinutes);
    case core::DayStatus::PartnerDidIt:
        return partner;
    case core::DayStatus::Away:
    case core::DayStatus::Sick:
        return awayOrSick;
    case core::DayStatus::Blank:
        break;
    }
    return blank;
}

} // namespace attune::gui::dayColors
