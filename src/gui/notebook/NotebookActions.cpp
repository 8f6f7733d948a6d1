// SPDX-License-Identifier: MIT
#include "notebook/NotebookActions.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Workspace.h"

#include "attune/core/Errors.h"
#include "attune/core/Notebook.h"

#include <QObject>

namespace attune::gui {

bool trashNotebookEntry(Workspace& workspace, QWidget* parent, qint64 childId, qint64 entryId, const QString& name)
{
    if (!workspace.prompts().confirm(parent, QObject::tr("Move “%1” to the trash?").arg(name),
                                     QObject::tr("It moves to the trash with its notes. Nothing is deleted: you can "
                                                 "bring it back from Settings → Trash."),
                                     QObject::tr("Move to trash")))
        return false;
    try {
        workspace.notebook().trashEntry(entryId);
    } catch (const core::StorageError& error) {
        workspace.prompts().warn(parent, QObject::tr("Not moved"), toQString(error.what()));
        return false;
    }
    Q_EMIT workspace.notebookChanged(childId);
    Q_EMIT workspace.trashChanged();
    return true;
}

} // namespace attune::gui
