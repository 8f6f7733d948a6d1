// SPDX-License-Identifier: MIT
// A reflection as calm, readable text: the summary on the last step and the read-only view.
#pragma once

#include "attune/core/Reflection.h"

#include <QDialog>
#include <QString>

namespace attune::gui {

class Workspace;

// Rich text of everything filled in; skipped steps are simply left out.
QString reflectionSummaryHtml(Workspace& workspace, const core::ReflectionDraft& draft);

// The read-only view of a reflection, with "Edit" to change it.
class ReflectionView : public QDialog {
    Q_OBJECT

public:
    ReflectionView(Workspace& workspace, core::Id reflectionId, QWidget* parent = nullptr);

Q_SIGNALS:
    void editRequested(qint64 reflectionId);
};

} // namespace attune::gui
