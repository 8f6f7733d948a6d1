// SPDX-License-Identifier: MIT
// A child's Plans: repairs still open, reviews due, calm conversations coming up, and the
// unsolved problems by status (to discuss · trying a solution · solved · set aside for now).
#pragma once

#include "common/ChildPage.h"

class QLabel;
class QStackedLayout;
class QVBoxLayout;

namespace attune::gui {

class Workspace;

class PlansPage : public ChildPage {
    Q_OBJECT

public:
    explicit PlansPage(Workspace& workspace, QWidget* parent = nullptr);
    void setChild(qint64 childId) override;
    void reload();

    void markRepairDone(qint64 reflectionId);
    void setProblemStatus(qint64 problemId, int status);

private:
    Workspace& m_workspace;
    qint64 m_childId = 0;
    int m_perStatus = 10; // rows per status; "Show all" lifts it
    QStackedLayout* m_stack;
    QLabel* m_title;
    QVBoxLayout* m_sections;
};

} // namespace attune::gui
