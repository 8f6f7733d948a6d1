// SPDX-License-Identifier: MIT
// One entry of a child's notebook as a card: title, a preview of the details, its uses as
// chips, how many dated notes it has and when the last one was. A mirror trait shows its two
// sides in two columns, each with its newest notes. Click (or Enter) opens it; the small
// buttons pin it and move it within its section (also Alt+Up / Alt+Down).
#pragma once

#include "attune/core/Notebook.h"

#include <QFrame>

#include <optional>
#include <string>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace attune::gui {

class Workspace;

class EntryCard : public QFrame {
    Q_OBJECT

public:
    struct Place {
        bool canMoveUp = false;
        bool canMoveDown = false;
    };
    // `full` is the whole entry, given for mirror traits so each column can show its notes.
    EntryCard(Workspace& workspace, const core::EntrySummary& entry, Place place,
              const std::optional<core::Entry>& full, QWidget* parent = nullptr);

    qint64 entryId() const { return m_id; }
    bool isPinned() const { return m_isPinned; }

Q_SIGNALS:
    void openRequested(qint64 entryId);
    void pinRequested(qint64 entryId, bool isPinned);
    void moveRequested(qint64 entryId, int step); // -1 up, +1 down
    void trashRequested(qint64 entryId);

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QLayout* buildActions(const QString& title);
    void addOrdinaryBody(QVBoxLayout* layout, const core::EntrySummary& entry);
    void addMirrorBody(QVBoxLayout* layout, const core::EntrySummary& entry, const std::optional<core::Entry>& full);
    QWidget* makeUseChips(core::UseSet uses);
    QLabel* makeLabel(const QString& text, const char* objectName);

    Workspace& m_workspace;
    qint64 m_id;
    bool m_isPinned;
    Place m_place;
    std::string m_today;
};

} // namespace attune::gui
