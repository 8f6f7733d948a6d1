// SPDX-License-Identifier: MIT
// The daily backup, taken in the background on its own connection so the window never waits.
#pragma once

class QWidget;

namespace attune::gui {

class Workspace;

// Takes a backup when the newest is more than a day old (core::backupIfDue) on a worker
// thread. Success emits backupsChanged; a failure is warned about loudly over `window`. When
// the app quits first, it waits for the backup to end. Does nothing without a backup folder.
void startDailyBackup(Workspace& workspace, QWidget& window);

} // namespace attune::gui
