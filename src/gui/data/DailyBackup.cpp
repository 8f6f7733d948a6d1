// SPDX-License-Identifier: MIT
#include "data/DailyBackup.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Workspace.h"
#include "data/BackgroundWork.h"

#include "attune/core/Backups.h"
#include "attune/core/Database.h"
#include "attune/core/Dates.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <memory>

namespace attune::gui {

void startDailyBackup(Workspace& workspace, QWidget& window)
{
    if (workspace.backupFolder().isEmpty())
        return;
    auto* work = new BackgroundWork(&window);
    const std::filesystem::path database = workspace.database().path();
    const std::string folder = toStd(workspace.backupFolder());
    const core::TimestampMs now = workspace.clock().nowMs();
    auto isTaken = std::make_shared<bool>(false);
    // The app closes the database right after the event loop ends: the backup ends first.
    QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, work, &BackgroundWork::wait);
    QObject::connect(work, &BackgroundWork::finished, &window,
                     [&workspace, owner = QPointer<QWidget>(&window), work, isTaken](const WorkOutcome& outcome) {
                         work->deleteLater();
                         if (outcome.kind == WorkOutcome::Kind::Done) {
                             if (*isTaken)
                                 Q_EMIT workspace.backupsChanged();
                             return;
                         }
                         // A failed backup is loud: the parent must know their safety net has a hole.
                         workspace.prompts().warn(owner, QObject::tr("Today's backup did not work"),
                                                  QObject::tr("%1\nYour notes are safe in Attune's own file; only the "
                                                              "copy failed. Settings → Your data can try again.")
                                                      .arg(outcome.message));
                     });
    work->start([database, folder, now, isTaken](const core::Progress&) {
        core::Database db = BackgroundWork::openOwnConnection(database);
        *isTaken = core::backupIfDue(db, folder, now).has_value();
    });
}

QString lastBackupText(const QString& folder, core::TimestampMs now)
{
    if (folder.isEmpty())
        return {};
    const auto newest = core::newestBackup(toStd(folder));
    if (!newest)
        return QObject::tr("No backup yet");
    const QDateTime taken = QDateTime::fromMSecsSinceEpoch(newest->takenAt);
    const QDate today = QDateTime::fromMSecsSinceEpoch(now).date();
    const QString time = taken.toString(QStringLiteral("HH:mm"));
    if (taken.date() == today)
        return QObject::tr("Last backup: today at %1").arg(time);
    if (taken.date() == today.addDays(-1))
        return QObject::tr("Last backup: yesterday at %1").arg(time);
    const QString format = taken.date().year() == today.year() ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy");
    return QObject::tr("Last backup: on %1").arg(taken.toString(format));
}

} // namespace attune::gui
