// SPDX-License-Identifier: MIT
#include "notebook/EntryCard.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/FlowLayout.h"
#include "notebook/NotebookFormat.h"

#include "attune/core/Dates.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace attune::gui {

namespace {
constexpr int kNotesPerSide = 2; // the newest notes a mirror trait's column shows

QToolButton* makeToolButton(const QString& text, const QString& objectName, const QString& accessibleName,
                            QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setToolTip(accessibleName);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

// "12 notes · latest 3 Nov · first noticed 4 Mar 2023", leaving out what is unknown.
QString metaLine(int notes, const std::string& lastDay, const std::string& noticedOn, const std::string& today)
{
    QStringList parts;
    if (notes > 0) {
        parts << countText(notes, QObject::tr("note"), QObject::tr("notes"));
        if (!lastDay.empty())
            parts << QObject::tr("latest %1").arg(notebook::friendlyDay(lastDay, today));
    }
    if (!noticedOn.empty())
        parts << QObject::tr("first noticed %1").arg(notebook::friendlyDay(noticedOn, today));
    return parts.join(QStringLiteral("  ·  "));
}
} // namespace

EntryCard::EntryCard(Workspace& workspace, const core::EntrySummary& entry, Place place,
                     const std::optional<core::Entry>& full, QWidget* parent)
    : QFrame(parent)
    , m_workspace(workspace)
    , m_id(entry.id)
    , m_isPinned(entry.isPinned)
    , m_place(place)
    , m_today(workspace.clock().today())
{
    setObjectName(QStringLiteral("entryCard"));
    setProperty("pinned", entry.isPinned);
    setProperty("entryId", static_cast<qlonglong>(entry.id));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    const bool isMirror = entry.section == core::Section::MirrorTraits;
    const QString title = isMirror ? tr("%1 ↔ %2").arg(toQString(entry.title), toQString(entry.shine))
                                   : toQString(entry.title);
    setAccessibleName(title);
    setAccessibleDescription(tr("Press Enter to open. Alt+Up or Alt+Down moves it."));
    setToolTip(tr("Click to open. Alt+Up / Alt+Down moves it within %1.").arg(notebook::sectionTitle(entry.section)));

    // A thin bar in the section's colour, then the card's content.
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(14, 14, 12, 14);
    outer->setSpacing(12);
    auto* bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("sectionBar"));
    bar->setFixedWidth(4);
    bar->setStyleSheet(QStringLiteral("background: %1; border-radius: 2px;").arg(notebook::sectionColor(entry.section).name()));
    outer->addWidget(bar);
    auto* layout = new QVBoxLayout;
    layout->setSpacing(6);
    outer->addLayout(layout, 1);

    if (isMirror)
        addMirrorBody(layout, entry, full);
    else
        addOrdinaryBody(layout, entry);
}

QLabel* EntryCard::makeLabel(const QString& text, const char* objectName)
{
    auto* label = new QLabel(text, this);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLayout* EntryCard::buildActions(const QString& title)
{
    auto* row = new QHBoxLayout;
    row->setSpacing(0);
    auto* pin = makeToolButton(m_isPinned ? QStringLiteral("★") : QStringLiteral("☆"), QStringLiteral("pinEntry"),
                               m_isPinned ? tr("Unpin %1").arg(title) : tr("Pin %1 to the top").arg(title), this);
    pin->setProperty("pinned", m_isPinned);
    auto* up = makeToolButton(QStringLiteral("↑"), QStringLiteral("moveEntryUp"), tr("Move %1 up").arg(title), this);
    auto* down = makeToolButton(QStringLiteral("↓"), QStringLiteral("moveEntryDown"), tr("Move %1 down").arg(title), this);
    up->setEnabled(m_place.canMoveUp);
    down->setEnabled(m_place.canMoveDown);
    auto* more = makeToolButton(QStringLiteral("⋯"), QStringLiteral("entryMenu"), tr("More for %1").arg(title), this);
    more->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(more);
    QAction* open = menu->addAction(tr("Open"));
    open->setObjectName(QStringLiteral("openEntry"));
    QAction* trash = menu->addAction(tr("Move to trash…"));
    trash->setObjectName(QStringLiteral("trashEntry"));
    more->setMenu(menu);
    for (auto* button : {pin, up, down, more})
        row->addWidget(button);

    connect(pin, &QToolButton::clicked, this, [this] { Q_EMIT pinRequested(m_id, !m_isPinned); });
    connect(up, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(m_id, -1); });
    connect(down, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(m_id, +1); });
    connect(open, &QAction::triggered, this, [this] { Q_EMIT openRequested(m_id); });
    connect(trash, &QAction::triggered, this, [this] { Q_EMIT trashRequested(m_id); });
    return row;
}

void EntryCard::addOrdinaryBody(QVBoxLayout* layout, const core::EntrySummary& entry)
{
    const QString title = toQString(entry.title);
    auto* top = new QHBoxLayout;
    top->addWidget(makeLabel(title, "entryTitle"), 1, Qt::AlignTop);
    top->addLayout(buildActions(title));
    layout->addLayout(top);
    if (!entry.detailsPreview.empty()) {
        QString preview = toQString(entry.detailsPreview).simplified();
        if (entry.hasMoreDetails)
            preview += QStringLiteral("…");
        layout->addWidget(makeLabel(preview, "entryDetails"));
    }
    if (!entry.uses.isEmpty())
        layout->addWidget(makeUseChips(entry.uses));
    const QString meta = metaLine(entry.evidenceCount, entry.lastEvidenceDay, entry.noticedOn, m_today);
    if (!meta.isEmpty())
        layout->addWidget(makeLabel(meta, "entryMeta"));
    layout->addStretch();
}

void EntryCard::addMirrorBody(QVBoxLayout* layout, const core::EntrySummary& entry,
                              const std::optional<core::Entry>& full)
{
    const QString struggle = toQString(entry.title);
    const QString shine = toQString(entry.shine);
    auto* columns = new QHBoxLayout;
    columns->setSpacing(18);
    const auto addSide = [&](const QString& heading, const QString& text, core::EvidenceSide side, int count,
                             const char* name) {
        auto* column = new QVBoxLayout;
        column->setSpacing(4);
        auto* caption = makeLabel(heading.toUpper(), "mirrorCaption");
        column->addWidget(caption);
        auto* title = makeLabel(text, "entryTitle");
        title->setObjectName(QString::fromLatin1(name));
        column->addWidget(title);
        if (full) {
            int shown = 0;
            for (const auto& line : core::evidenceOn(*full, side)) {
                if (shown++ == kNotesPerSide)
                    break;
                auto* note = makeLabel(QStringLiteral("%1 — %2").arg(notebook::friendlyDay(line.day, m_today),
                                                                   notebook::firstSentence(toQString(line.text), 90)),
                                       "mirrorNote");
                column->addWidget(note);
            }
        }
        if (count > 0)
            column->addWidget(makeLabel(countText(count, tr("note"), tr("notes")), "entryMeta"));
        column->addStretch();
        return column;
    };
    columns->addLayout(addSide(notebook::struggleHeading(), struggle, core::EvidenceSide::Struggle,
                               entry.evidenceCount, "struggleTitle"),
                       1);
    auto* arrow = new QLabel(QStringLiteral("↔"), this);
    arrow->setObjectName(QStringLiteral("mirrorArrow"));
    columns->addWidget(arrow, 0, Qt::AlignTop);
    columns->addLayout(addSide(notebook::shineHeading(), shine, core::EvidenceSide::Shine, entry.shineEvidenceCount,
                               "shineTitle"),
                       1);
    auto* top = new QHBoxLayout;
    top->addLayout(columns, 1);
    top->addLayout(buildActions(tr("%1 ↔ %2").arg(struggle, shine)));
    top->setAlignment(top->itemAt(1)->layout(), Qt::AlignTop);
    layout->addLayout(top);
    if (!entry.detailsPreview.empty()) {
        QString preview = toQString(entry.detailsPreview).simplified();
        if (entry.hasMoreDetails)
            preview += QStringLiteral("…");
        layout->addWidget(makeLabel(preview, "entryDetails"));
    }
    if (!entry.uses.isEmpty())
        layout->addWidget(makeUseChips(entry.uses));
    const QString meta = metaLine(0, {}, entry.noticedOn, m_today);
    if (!meta.isEmpty())
        layout->addWidget(makeLabel(meta, "entryMeta"));
}

QWidget* EntryCard::makeUseChips(core::UseSet uses)
{
    auto* box = new QWidget(this);
    auto* flow = new FlowLayout(box, 6);
    for (const core::Use use : uses.list()) {
        auto* chip = new QLabel(notebook::useLabel(m_workspace, use), box);
        chip->setObjectName(QStringLiteral("useChip"));
        chip->setToolTip(notebook::useHint(m_workspace, use));
        flow->addWidget(chip);
    }
    return box;
}

void EntryCard::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        Q_EMIT openRequested(m_id);
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void EntryCard::keyPressEvent(QKeyEvent* event)
{
    const bool isAlt = event->modifiers() == Qt::AltModifier;
    if (isAlt && event->key() == Qt::Key_Up) {
        Q_EMIT moveRequested(m_id, -1);
        return;
    }
    if (isAlt && event->key() == Qt::Key_Down) {
        Q_EMIT moveRequested(m_id, +1);
        return;
    }
    if (event->modifiers() == Qt::NoModifier
        && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space)) {
        Q_EMIT openRequested(m_id);
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace attune::gui
