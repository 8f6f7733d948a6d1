// SPDX-License-Identifier: MIT
// Notebook actions shared by the page and the entry editor.
#pragma once

#include <QString>

class QWidget;

namespace attune::gui {

class Workspace;

// Asks, then moves one entry (with its notes) to the trash and tells the other pages. False when
// the parent said no or it could not be moved (they were told why).
bool trashNotebookEntry(Workspace& workspace, QWidget* parent, qint64 childId, qint64 entryId, const QString& name);

} // namespace attune::gui
