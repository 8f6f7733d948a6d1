// SPDX-License-Identifier: MIT
// One child's sessions, newest first, narrowed by who spent the time, a range of days and
// what was played; edit a session, or move it to the trash (with Undo right there, which
// undoes it on the window's undo stack, and Settings → Trash later). Loads one page of rows at a time.
#pragma once

#include "attune/core/OneOnOne.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace attune::gui {

class Workspace;

class SessionList : public QWidget {
    Q_OBJECT

public:
    explicit SessionList(Workspace& workspace, QWidget* parent = nullptr);

    void setChild(qint64 childId);
    void reload();
    void reloadCaregivers();
    // Narrows the list to one day (from the year grid).
    void showDay(const QString& day);
    void clearFilters();
    core::SessionFilter filter() const;

    void editSelected();
    void trashSelected();
    void undoTrash();
    int rowCount() const;
    qint64 sessionAt(int row) const;
    static constexpr int kPageSize = 30; // a little more than the list shows at once

private:
    void selectRange(int index);

    Workspace& m_workspace;
    qint64 m_childId = 0;
    int m_limit = kPageSize;
    int m_undoIndex = -1; // the undo stack's index right after the last trashing here
    QComboBox* m_caregiver;
    QComboBox* m_range;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QLineEdit* m_activity;
    QPushButton* m_clear;
    QTreeWidget* m_tree;
    QLabel* m_count;
    QPushButton* m_more;
    QPushButton* m_edit;
    QPushButton* m_trash;
    QWidget* m_undoRow;
    QLabel* m_undoText;
    QTimer* m_typing;
};

} // namespace attune::gui
