// SPDX-License-Identifier: MIT
// The sidebar's children: a snapshot of core summaries with avatars, refreshed on change.
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QPixmap>

#include "attune/core/Types.h"

#include <vector>

namespace attune::gui {

class Workspace;

class ChildListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { ChildIdRole = Qt::UserRole + 1 };

    explicit ChildListModel(Workspace& workspace, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    void reload();
    int rowOf(qint64 childId) const; // -1 when not listed
    qint64 childAt(int row) const;

private:
    Workspace& m_workspace;
    std::vector<core::ChildSummary> m_children;
    QHash<qint64, QPixmap> m_avatars;
};

} // namespace attune::gui
