// SPDX-License-Identifier: MIT
// "On this day in 2023: …" — a note or an entry from the same day in an earlier year, for a
// child's card on the Today page. Made only when there is one.
#pragma once

#include <QFrame>

class QLabel;

namespace attune::gui {

class Workspace;

class OnThisDayLine : public QFrame {
    Q_OBJECT

public:
    // The line for `childId` today, or nullptr when nothing happened on this day before.
    static OnThisDayLine* create(Workspace& workspace, qint64 childId, QWidget* parent = nullptr);

    QString text() const;
    qint64 entryId() const { return m_entryId; }

private:
    OnThisDayLine(Workspace& workspace, qint64 entryId, const QString& text, const QString& from, QWidget* parent);

    Workspace& m_workspace;
    qint64 m_entryId;
    QLabel* m_text;
};

} // namespace attune::gui
