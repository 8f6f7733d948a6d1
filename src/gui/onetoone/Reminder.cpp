// SPDX-License-Identifier: MIT
#include "onetoone/Reminder.h"

#include <QObject>
#include <QSettings>

namespace attune::gui {

namespace key {
const QString enabled = QStringLiteral("reminder/enabled");
const QString time = QStringLiteral("reminder/time");
const QString lastShown = QStringLiteral("reminder/lastShown");
} // namespace key

bool shouldRemind(const ReminderSettings& settings, const QDateTime& now, const QDate& lastShown, int childrenWaiting)
{
    if (!settings.isEnabled || !settings.at.isValid() || childrenWaiting <= 0)
        return false;
    if (lastShown.isValid() && lastShown >= now.date())
        return false; // once a day at most
    const int minutesNow = now.time().hour() * 60 + now.time().minute();
    const int minutesAt = settings.at.hour() * 60 + settings.at.minute();
    return minutesNow >= minutesAt && minutesNow < minutesAt + kReminderWindowMinutes;
}

QString reminderText(const QStringList& names)
{
    QString who;
    if (names.size() == 1)
        who = names.front();
    else if (names.size() > 1)
        who = QObject::tr("%1 and %2")
                  .arg(QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")), names.back());
    if (who.isEmpty())
        return QObject::tr("There's still time today for a little one-on-one.");
    return QObject::tr("There's still time today for one-on-one with %1.").arg(who);
}

ReminderSettings loadReminderSettings()
{
    QSettings settings;
    ReminderSettings reminder;
    reminder.isEnabled = settings.value(key::enabled, false).toBool();
    const QTime at = QTime::fromString(settings.value(key::time).toString(), QStringLiteral("HH:mm"));
    if (at.isValid())
        reminder.at = at;
    return reminder;
}

void saveReminderSettings(const ReminderSettings& reminder)
{
    QSettings settings;
    settings.setValue(key::enabled, reminder.isEnabled);
    settings.setValue(key::time, reminder.at.toString(QStringLiteral("HH:mm")));
}

QDate reminderLastShown()
{
    return QDate::fromString(QSettings().value(key::lastShown).toString(), Qt::ISODate);
}

void setReminderLastShown(const QDate& day)
{
    QSettings().setValue(key::lastShown, day.toString(Qt::ISODate));
}

} // namespace attune::gui
