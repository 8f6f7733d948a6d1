// SPDX-License-Identifier: MIT
#include "main/ChildListModel.h"

#include "common/Avatar.h"
#include "common/QtConvert.h"
#include "common/Workspace.h"

#include "attune/core/Family.h"

#include <QGuiApplication>

namespace attune::gui {

ChildListModel::ChildListModel(Workspace& workspace, QObject* parent)
    : QAbstractListModel(parent)
    , m_workspace(workspace)
{
    reload();
}

int ChildListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_children.size());
}

QVariant ChildListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& child = m_children[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: return toQString(child.name);
    case Qt::DecorationRole: return m_avatars.value(child.id);
    case ChildIdRole: return static_cast<qlonglong>(child.id);
    default: return {};
    }
}

void ChildListModel::reload()
{
    beginResetModel();
    m_children = m_workspace.family().children();
    m_avatars.clear();
    const qreal ratio = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    for (const auto& child : m_children) {
        const QByteArray photo = child.hasPhoto ? toBytes(m_workspace.family().child(child.id).data.photo) : QByteArray();
        m_avatars.insert(child.id, avatarPixmap(toQString(child.name), toQString(child.avatarColor), photo, 32, ratio));
    }
    endResetModel();
}

int ChildListModel::rowOf(qint64 childId) const
{
    for (std::size_t row = 0; row < m_children.size(); ++row) {
        if (m_children[row].id == childId)
            return static_cast<int>(row);
    }
    return -1;
}

qint64 ChildListModel::childAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_children[static_cast<std::size_t>(row)].id : 0;
}

} // namespace attune::gui
