// SPDX-License-Identifier: MIT
// One quiet line for a child's card on Today: reviews due, a calm conversation today, repairs
// still open. Hidden when there is nothing.
#pragma once

#include <QLabel>

namespace attune::gui {

class Workspace;

class PlansDueWidget : public QLabel {
    Q_OBJECT

public:
    PlansDueWidget(Workspace& workspace, qint64 childId, QWidget* parent = nullptr);
    void reload();

private:
    Workspace& m_workspace;
    qint64 m_childId;
};

} // namespace attune::gui
