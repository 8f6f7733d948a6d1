// SPDX-License-Identifier: MIT
// The calm colours of one-on-one days, shared by the week view, the year grid and their
// legends: greens that deepen with minutes, a soft blue for a partner's day, neutral grey for
// away and sick, and a pale cell for a blank day. Never red.
#pragma once

#include "attune/core/OneOnOne.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace attune::gui::dayColors {

// In a dark theme the quiet colours (blank, partner, away) go dark too, so a blank day is a
// calm cell rather than the brightest thing on the screen; the greens read well on both.
inline bool isDarkTheme()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}
inline QColor blank()
{
    return isDarkTheme() ? QColor(0x3a, 0x40, 0x45) : QColor(0xec, 0xef, 0xed);
}
inline QColor partner()
{
    return isDarkTheme() ? QColor(0x4e, 0x6d, 0x85) : QColor(0xb9, 0xd2, 0xe4);
}
inline QColor awayOrSick()
{
    return isDarkTheme() ? QColor(0x5f, 0x64, 0x63) : QColor(0xc8, 0xcb, 0xca);
}
// Lines around blank cells: a touch darker in a light theme, a touch lighter in a dark one.
inline QColor blankEdge(int factor)
{
    return isDarkTheme() ? blank().lighter(factor + 10) : blank().darker(factor);
}
// Today's ring.
inline QColor ring()
{
    return isDarkTheme() ? QColor(0x8f, 0xbf, 0xa8) : QColor(0x3f, 0x7d, 0x64);
}
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
        return partner();
    case core::DayStatus::Away:
    case core::DayStatus::Sick:
        return awayOrSick();
    case core::DayStatus::Blank:
        break;
    }
    return blank();
}

} // namespace attune::gui::dayColors
