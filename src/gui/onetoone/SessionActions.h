// SPDX-License-Identifier: MIT
// Opening the session dialog from anywhere (a timer, the list, the year grid, Today). Each
// dialog is window-modal, opened without blocking, and deletes itself when closed.
#pragma once

#include "attune/core/OneOnOne.h"

#include <QtGlobal>

class QWidget;

namespace attune::gui {

class SessionDialog;
class Workspace;

// Stops the child's timer and opens the session it hands back, pre-filled; nullptr when the
// timer could not be stopped (the parent was told why).
SessionDialog* stopTimerAndLog(Workspace& workspace, qint64 childId, QWidget* parent);
// A new session for the child, today, with their goal's minutes.
SessionDialog* openNewSession(Workspace& workspace, const core::SessionDraft& draft, QWidget* parent);
// An existing session; nullptr (and a message) when it is gone.
SessionDialog* openSession(Workspace& workspace, core::Id sessionId, QWidget* parent);

} // namespace attune::gui
