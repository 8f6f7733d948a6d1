// SPDX-License-Identifier: MIT
// One entry of a child's notebook as a card: title, a preview of the details, its uses as
// chips, how many dated notes it has and when the last one was. A mirror trait shows its two
// sides in two columns, each with its newest notes. Click (or Enter) opens it; the small
// buttons pin it, move it within its section (also Alt+Up / Alt+Down) and offer the rest
// (also by right-click or the menu key).
//
// The card paints itself: a notebook holds dozens of entries, and a widget per label and chip
// made opening it cost a hundred milliseconds. Everything a button does is also in the card's
// menu, which names it for screen readers.
#pragma once

#include "attune/core/Notebook.h"

#include <QFrame>
#include <QStaticText>

#include <array>
#include <optional>
#include <vector>

class QMenu;

namespace attune::gui {

class Workspace;

class EntryCard : public QWidget {
    Q_OBJECT

public:
    struct Place {
        bool canMoveUp = false;
        bool canMoveDown = false;
    };
    enum class Button { Pin, Up, Down, More };

    // `full` is the whole entry, given for mirror traits so each column can show its notes.
    EntryCard(Workspace& workspace, const core::EntrySummary& entry, Place place,
              const std::optional<core::Entry>& full, QWidget* parent = nullptr);

    qint64 entryId() const { return m_id; }
    bool isPinned() const { return m_isPinned; }
    bool isMirror() const { return m_isMirror; }

    // What the card shows (tests and accessibility).
    QString title() const { return m_title; }
    QString shine() const { return m_shine; }
    QString details() const { return m_details; }
    QString meta() const { return m_meta; }
    QStringList useLabels() const;
    QStringList mirrorNotes(core::EvidenceSide side) const;
    // Where things are drawn, in the card's coordinates, at its current width.
    QRect buttonRect(Button button) const;
    bool isButtonEnabled(Button button) const;
    QRect columnRect(core::EvidenceSide side) const; // a mirror trait's two columns

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void openRequested(qint64 entryId);
    void pinRequested(qint64 entryId, bool isPinned);
    void moveRequested(qint64 entryId, int step); // -1 up, +1 down
    void trashRequested(qint64 entryId);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    // Text laid out at one width: where each piece goes.
    struct Piece {
        QStaticText text;
        QPointF at;
        int role = 0; // which font and colour (see EntryCard.cpp)
    };
    struct Chip {
        QRectF rect;
        QString label;
        QString hint;
    };
    struct Layout {
        int width = -1;
        int height = 0;
        std::vector<Piece> pieces;
        std::vector<Chip> chips;
        QRect columns[2];
    };

    const Layout& layoutAt(int width) const;
    void buildLayout(Layout& layout, int width) const;
    std::optional<Button> buttonAt(const QPoint& pos) const;
    void trigger(Button button);
    void showMenu(const QPoint& globalPos);
    QString buttonTip(Button button) const;

    Workspace& m_workspace;
    qint64 m_id;
    core::Section m_section;
    bool m_isPinned;
    bool m_isMirror;
    Place m_place;
    QString m_title;
    QString m_shine;
    QString m_details;
    QString m_meta;
    std::vector<core::Use> m_uses;
    std::array<QStringList, 2> m_notes;      // newest notes: struggle, shine
    std::array<QString, 2> m_counts;         // "8 notes" per column
    // The last two widths asked for: a layout pass asks for a width or two, again and again.
    mutable std::array<Layout, 2> m_layouts;
    mutable std::size_t m_nextLayout = 0;
    std::optional<Button> m_hovered;
    std::optional<Button> m_pressed;
};

} // namespace attune::gui
