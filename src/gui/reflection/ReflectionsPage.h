// SPDX-License-Identifier: MIT
// A child's reflections: drafts first, then the newest. Open one to read it or continue it.
#pragma once

#include "common/ChildPage.h"

class QLabel;
class QListWidget;
class QPushButton;
class QStackedLayout;

namespace attune::gui {

class Workspace;

class ReflectionsPage : public ChildPage {
    Q_OBJECT

public:
    explicit ReflectionsPage(Workspace& workspace, QWidget* parent = nullptr);
    void setChild(qint64 childId) override;
    void reload();
    QListWidget* list() const { return m_list; }
    // Opens the selected reflection: a draft continues, a saved one is shown to read.
    void openSelected();
    void trashSelected();

Q_SIGNALS:
    void newReflectionRequested(qint64 childId);
    void continueRequested(qint64 childId, qint64 reflectionId);
    void readRequested(qint64 childId, qint64 reflectionId);

private:
    void updateButtons();

    Workspace& m_workspace;
    qint64 m_childId = 0;
    QStackedLayout* m_stack;
    QLabel* m_title;
    QListWidget* m_list;
    QPushButton* m_open;
    QPushButton* m_trash;
};

} // namespace attune::gui
