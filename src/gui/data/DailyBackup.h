// SPDX-License-Identifier: MIT
// The daily backup, taken in the background on its own connection so the window never waits.
#pragma once

#include "attune/core/Types.h"

#include <QString>

class QWidget;

namespace attune::gui {

class Workspace;

// Takes a backup when the newest is more than a day old (core::backupIfDue) on a worker
// thread. Success emits backupsChanged; a failure is warned about loudly over `window`. When
// the app quits first, it waits for the backup to end. Does nothing without a backup folder.
void startDailyBackup(Workspace& workspace, QWidget& window);

// The newest verified backup in `folder` in a few words for the status line, relative to `now`
// (local time): "Last backup: today at 08:31", "… yesterday at …", "… on 25 Nov", or
// "No backup yet". Empty when `folder` is empty (backups off).
QString lastBackupText(const QString& folder, core::TimestampMs now);

} // namespace attune::gui
