// SPDX-License-Identifier: MIT
#include "notebook/NotebookActions.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Workspace.h"

#include "attune/core/Errors.h"
#include "attune/core/Notebook.h"

#include <QObject>

namespace attune::gui {

bool trashNotebookEntry(Workspace& workspace, QWidget* parent, qint64 childId, qint64 entryId, const QString& name)
{
    if (!workspace.prompts().confirm(parent, QObject::tr("Move “%1” to the trash?").arg(name),
                                     QObject::tr("It moves to the trash with its notes. Nothing is deleted: you can "
                                                 "bring it back with Undo (Ctrl+Z) or from Settings → Trash."),
                                     QObject::tr("Move to trash")))
        return false;
    try {
        // Undoable; the command emits notebookChanged and trashChanged.
        perform(workspace, undo::trashEntry(workspace, childId, entryId, name));
    } catch (const std::exception& error) {
        workspace.prompts().warn(parent, QObject::tr("Not moved"), toQString(error.what()));
        return false;
    }
    return true;
}

} // namespace attune::gui
