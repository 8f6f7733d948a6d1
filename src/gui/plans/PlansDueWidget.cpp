// SPDX-License-Identifier: MIT
#include "plans/PlansDueWidget.h"

#include "common/Widgets.h"
#include "common/Workspace.h"

#include "attune/core/Dates.h"
#include "attune/core/Plans.h"

namespace attune::gui {

PlansDueWidget::PlansDueWidget(Workspace& workspace, qint64 childId, QWidget* parent)
    : QLabel(parent)
    , m_workspace(workspace)
    , m_childId(childId)
{
    setObjectName(QStringLiteral("plansDue"));
    setWordWrap(true);
    connect(&m_workspace, &Workspace::plansChanged, this, [this](qint64 id) {
        if (id == m_childId)
            reload();
    });
    reload();
}

void PlansDueWidget::reload()
{
    core::PlansDue due;
    try {
        due = m_workspace.plans().due(m_childId, m_workspace.clock().today());
    } catch (const std::exception&) {
    }
    QStringList parts;
    if (due.talksToday > 0)
        parts << countText(due.talksToday, tr("calm conversation today"), tr("calm conversations today"));
    if (due.reviewsDue > 0)
        parts << countText(due.reviewsDue, tr("plan to look at again"), tr("plans to look at again"));
    if (due.openRepairs > 0)
        parts << countText(due.openRepairs, tr("repair to come back to"), tr("repairs to come back to"));
    setText(parts.isEmpty() ? QString() : tr("Plans: %1").arg(parts.join(QStringLiteral("  ·  "))));
    setVisible(!parts.isEmpty());
}

} // namespace attune::gui
