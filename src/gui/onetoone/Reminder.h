// SPDX-License-Identifier: MIT
// The optional daily reminder: one gentle notice at a chosen time, at most once a day, and
// none once every child has had (or doesn't need) today's time. The decision is a pure
// function of times, so it is tested without a tray or a clock.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QTime>

namespace attune::gui {

struct ReminderSettings {
    bool isEnabled = false;
    QTime at = QTime(18, 0);
};

// After the chosen time, a notice still makes sense for this long; later in the evening it
// would only nag (the app was opened late, or the computer woke from sleep).
inline constexpr int kReminderWindowMinutes = 180;

// `now` is local time; `lastShown` the day a notice was last shown (invalid if never);
// `childrenWaiting` the children with nothing for today yet (no session, no partner's day,
// not away or sick, no timer running).
bool shouldRemind(const ReminderSettings& settings, const QDateTime& now, const QDate& lastShown, int childrenWaiting);

// "There's still time today for one-on-one with Maya and Leo."
QString reminderText(const QStringList& names);

// Kept in QSettings ("reminder/enabled", "reminder/time", "reminder/lastShown").
ReminderSettings loadReminderSettings();
void saveReminderSettings(const ReminderSettings& settings);
QDate reminderLastShown();
void setReminderLastShown(const QDate& day);

} // namespace attune::gui
