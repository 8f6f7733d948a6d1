// SPDX-License-Identifier: MIT
#include "onetoone/SessionActions.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/TimerHub.h"
#include "common/Workspace.h"
#include "onetoone/SessionDialog.h"

#include "attune/core/Errors.h"

namespace attune::gui {

namespace {
SessionDialog* show(SessionDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}
} // namespace

SessionDialog* stopTimerAndLog(Workspace& workspace, qint64 childId, QWidget* parent)
{
    const auto draft = workspace.timerHub().stop(childId, parent);
    if (!draft)
        return nullptr;
    auto* dialog = new SessionDialog(workspace, *draft, parent);
    dialog->setFromTimer(true);
    return show(dialog);
}

SessionDialog* openNewSession(Workspace& workspace, const core::SessionDraft& draft, QWidget* parent)
{
    return show(new SessionDialog(workspace, draft, parent));
}

SessionDialog* openSession(Workspace& workspace, core::Id sessionId, QWidget* parent)
{
    try {
        return show(new SessionDialog(workspace, sessionId, parent));
    } catch (const core::StorageError& error) {
        workspace.prompts().warn(parent, QObject::tr("This session can't be opened"), toQString(error.what()));
        return nullptr;
    }
}

} // namespace attune::gui
