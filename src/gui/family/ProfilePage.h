// SPDX-License-Identifier: MIT
// The selected child's page: who they are, the day they were born, and their
// co-regulation profile; edit, archive or move to the trash from here.
#pragma once

#include "common/ChildPage.h"

class QLabel;
class QPushButton;
class QStackedLayout;

namespace attune::gui {

class CoregulationEditor;
class Workspace;

class ProfilePage : public ChildPage {
    Q_OBJECT

public:
    explicit ProfilePage(Workspace& workspace, QWidget* parent = nullptr);

    void setChild(qint64 childId) override;
    qint64 childId() const { return m_childId; }
    CoregulationEditor* coregulationEditor() const { return m_coreg; }

    void editChild();
    void openCareCard();
    void toggleArchived();
    void moveToTrash();

Q_SIGNALS:
    void addChildRequested();

private:
    void refreshHeader();
    void refreshGlance();

    Workspace& m_workspace;
    qint64 m_childId = 0;
    QStackedLayout* m_stack;
    QLabel* m_avatar;
    QLabel* m_name;
    QLabel* m_details;
    QLabel* m_story;
    QLabel* m_glance;
    QPushButton* m_archive;
    CoregulationEditor* m_coreg;
};

} // namespace attune::gui
