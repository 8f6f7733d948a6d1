// SPDX-License-Identifier: MIT
#include "notebook/EntryCard.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/NotebookFormat.h"

#include "attune/core/Dates.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace attune::gui {

namespace {

constexpr int kNotesPerSide = 2; // the newest notes a mirror trait's column shows
constexpr int kPadTop = 14;
constexpr int kPadBottom = 14;
constexpr int kBarLeft = 14;
constexpr int kBarWidth = 4;
constexpr int kContentLeft = kBarLeft + kBarWidth + 12;
constexpr int kPadRight = 12;
constexpr int kButtonSize = 26;
constexpr int kButtonGap = 2;
constexpr int kButtonCount = 4;
constexpr int kButtonsWidth = kButtonCount * kButtonSize + (kButtonCount - 1) * kButtonGap;
constexpr int kArrowWidth = 28;
constexpr qreal kRadius = 12;

// What each piece of text is, for its font and colour.
enum Role { Title, Details, Meta, Caption, Note, Arrow, ChipText, Glyph };

QFont fontFor(int role, const QFont& base)
{
    QFont font = base;
    switch (role) {
    case Title: font.setPixelSize(15); font.setWeight(QFont::DemiBold); break;
    case Details: font.setPixelSize(13); break;
    case Meta:
    case Note:
    case ChipText: font.setPixelSize(12); break;
    case Caption:
        font.setPixelSize(11);
        font.setWeight(QFont::DemiBold);
        font.setLetterSpacing(QFont::AbsoluteSpacing, 1);
        break;
    case Arrow: font.setPixelSize(18); break;
    case Glyph: font.setPixelSize(15); break;
    default: break;
    }
    return font;
}

struct Colors {
    QColor text, muted, card, pinned, border, pinnedBorder, hoverBorder, focus, chip, chipText, star, hover;
};

Colors colorsFor(const QPalette& palette)
{
    const bool isDark = palette.color(QPalette::Window).lightness() < 128;
    Colors c;
    c.text = palette.color(QPalette::WindowText);
    c.muted = isDark ? QColor(0xa8, 0xb0, 0xb6) : QColor(0x5d, 0x6a, 0x66);
    c.card = isDark ? palette.color(QPalette::Base).lighter(115) : QColor(Qt::white);
    c.pinned = isDark ? QColor(0x3a, 0x35, 0x28) : QColor(0xff, 0xfa, 0xf0);
    c.border = isDark ? QColor(0x3b, 0x40, 0x46) : QColor(0xdd, 0xe3, 0xdf);
    c.pinnedBorder = isDark ? QColor(0x5a, 0x50, 0x38) : QColor(0xec, 0xdc, 0xb8);
    c.hoverBorder = isDark ? QColor(0x5b, 0x63, 0x6b) : QColor(0xbf, 0xcb, 0xc4);
    c.focus = isDark ? QColor(0x8f, 0xbf, 0xa8) : QColor(0x3f, 0x7d, 0x64);
    c.chip = isDark ? QColor(0x2f, 0x4a, 0x3e) : QColor(0xe6, 0xf1, 0xea);
    c.chipText = isDark ? QColor(0xcd, 0xe8, 0xd9) : QColor(0x2f, 0x5e, 0x4b);
    c.star = QColor(0xc9, 0x8a, 0x2b);
    c.hover = isDark ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 18);
    return c;
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

QStaticText laidOut(const QString& text, const QFont& font, qreal width)
{
    QStaticText staticText(text);
    staticText.setTextFormat(Qt::PlainText);
    if (width > 0)
        staticText.setTextWidth(width);
    staticText.prepare(QTransform(), font);
    return staticText;
}

} // namespace

EntryCard::EntryCard(Workspace& workspace, const core::EntrySummary& entry, Place place,
                     const std::optional<core::Entry>& full, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_id(entry.id)
    , m_section(entry.section)
    , m_isPinned(entry.isPinned)
    , m_isMirror(entry.section == core::Section::MirrorTraits)
    , m_place(place)
    , m_title(toQString(entry.title))
    , m_shine(toQString(entry.shine))
    , m_uses(entry.uses.list())
{
    setObjectName(QStringLiteral("entryCard"));
    setProperty("entryId", static_cast<qlonglong>(entry.id));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_Hover);
    setCursor(Qt::PointingHandCursor);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);

    const std::string today = workspace.clock().today();
    if (!entry.detailsPreview.empty()) {
        m_details = toQString(entry.detailsPreview).simplified();
        if (entry.hasMoreDetails)
            m_details += QStringLiteral("…");
    }
    if (m_isMirror) {
        m_meta = metaLine(0, {}, entry.noticedOn, today);
        m_counts[0] = entry.evidenceCount > 0 ? countText(entry.evidenceCount, tr("note"), tr("notes")) : QString();
        m_counts[1] = entry.shineEvidenceCount > 0 ? countText(entry.shineEvidenceCount, tr("note"), tr("notes"))
                                                   : QString();
        if (full) {
            for (int side = 0; side < 2; ++side) {
                int shown = 0;
                for (const auto& line : core::evidenceOn(*full, side == 0 ? core::EvidenceSide::Struggle
                                                                         : core::EvidenceSide::Shine)) {
                    if (shown++ == kNotesPerSide)
                        break;
                    m_notes[static_cast<std::size_t>(side)]
                        << QStringLiteral("%1 — %2").arg(notebook::friendlyDay(line.day, today),
                                                         notebook::firstSentence(toQString(line.text), 90));
                }
            }
        }
    } else {
        m_meta = metaLine(entry.evidenceCount, entry.lastEvidenceDay, entry.noticedOn, today);
    }

    const QString name = m_isMirror ? tr("%1 ↔ %2").arg(m_title, m_shine) : m_title;
    setAccessibleName(name);
    QStringList description;
    if (m_isPinned)
        description << tr("Pinned.");
    if (!m_details.isEmpty())
        description << m_details;
    if (!m_uses.empty())
        description << tr("Use it to: %1.").arg(useLabels().join(QStringLiteral(", ")));
    if (!m_meta.isEmpty())
        description << m_meta + QLatin1Char('.');
    description << tr("Enter opens it; Alt+Up and Alt+Down move it; the menu key shows more.");
    setAccessibleDescription(description.join(QLatin1Char(' ')));
}

QStringList EntryCard::useLabels() const
{
    QStringList labels;
    for (const core::Use use : m_uses)
        labels << notebook::useLabel(m_workspace, use);
    return labels;
}

QStringList EntryCard::mirrorNotes(core::EvidenceSide side) const
{
    return m_notes[side == core::EvidenceSide::Shine ? 1 : 0];
}

QRect EntryCard::buttonRect(Button button) const
{
    const int index = static_cast<int>(button);
    const int left = width() - 8 - kButtonsWidth + index * (kButtonSize + kButtonGap);
    return {left, 9, kButtonSize, kButtonSize};
}

bool EntryCard::isButtonEnabled(Button button) const
{
    switch (button) {
    case Button::Up: return m_place.canMoveUp;
    case Button::Down: return m_place.canMoveDown;
    default: return true;
    }
}

QRect EntryCard::columnRect(core::EvidenceSide side) const
{
    return layoutAt(width()).columns[side == core::EvidenceSide::Shine ? 1 : 0];
}

int EntryCard::heightForWidth(int width) const
{
    return layoutAt(width).height;
}

QSize EntryCard::sizeHint() const
{
    // The layout gives the card its width and asks heightForWidth(); laying the text out at a
    // width it will never have would only cost time.
    return {m_isMirror ? 640 : 360, 120};
}

QSize EntryCard::minimumSizeHint() const
{
    return {kContentLeft + kPadRight + kButtonsWidth + 120, 80};
}

const EntryCard::Layout& EntryCard::layoutAt(int width) const
{
    for (const Layout& layout : m_layouts) {
        if (layout.width == width)
            return layout;
    }
    Layout& layout = m_layouts[m_nextLayout];
    m_nextLayout = (m_nextLayout + 1) % m_layouts.size();
    buildLayout(layout, width);
    return layout;
}

void EntryCard::buildLayout(Layout& layout, int width) const
{
    layout = Layout();
    layout.width = width;
    const QFont base = font();
    const auto add = [&](const QString& text, int role, qreal x, qreal y, qreal textWidth) {
        Piece piece{laidOut(text, fontFor(role, base), textWidth), QPointF(x, y), role};
        const qreal height = piece.text.size().height();
        layout.pieces.push_back(std::move(piece));
        return height;
    };
    const qreal fullWidth = std::max(80, width - kContentLeft - kPadRight);
    const qreal besideButtons = std::max<qreal>(80, fullWidth - kButtonsWidth - 8);
    qreal y = kPadTop;

    if (m_isMirror) {
        const qreal column = std::max<qreal>(60, (besideButtons - kArrowWidth - 16) / 2);
        const qreal lefts[2] = {kContentLeft, kContentLeft + column + 8 + kArrowWidth + 8};
        const QString headings[2] = {notebook::struggleHeading().toUpper(), notebook::shineHeading().toUpper()};
        const QString titles[2] = {m_title, m_shine};
        qreal bottom = y;
        qreal titleTop = y;
        for (int side = 0; side < 2; ++side) {
            qreal at = y;
            at += add(headings[side], Caption, lefts[side], at, column) + 3;
            titleTop = at;
            at += add(titles[side], Title, lefts[side], at, column) + 5;
            for (const QString& note : m_notes[static_cast<std::size_t>(side)])
                at += add(note, Note, lefts[side], at, column) + 3;
            if (!m_counts[static_cast<std::size_t>(side)].isEmpty())
                at += add(m_counts[static_cast<std::size_t>(side)], Meta, lefts[side], at + 2, column) + 2;
            layout.columns[side] = QRect(qRound(lefts[side]), kPadTop, qRound(column), qRound(at - kPadTop));
            bottom = std::max(bottom, at);
        }
        add(QStringLiteral("↔"), Arrow, kContentLeft + column + 8, titleTop - 2, kArrowWidth);
        y = bottom + 8;
    } else {
        y += std::max<qreal>(add(m_title, Title, kContentLeft, y, besideButtons), 20) + 8;
    }

    if (!m_details.isEmpty())
        y += add(m_details, Details, kContentLeft, y, fullWidth) + 8;

    if (!m_uses.empty()) {
        const QFont chipFont = fontFor(ChipText, base);
        const QFontMetricsF metrics(chipFont);
        const qreal chipHeight = metrics.height() + 5;
        qreal x = kContentLeft;
        for (const core::Use use : m_uses) {
            const QString label = notebook::useLabel(m_workspace, use);
            const qreal chipWidth = metrics.horizontalAdvance(label) + 18;
            if (x > kContentLeft && x + chipWidth > kContentLeft + fullWidth) {
                x = kContentLeft;
                y += chipHeight + 6;
            }
            layout.chips.push_back({QRectF(x, y, chipWidth, chipHeight), label, notebook::useHint(m_workspace, use)});
            x += chipWidth + 6;
        }
        y += chipHeight + 8;
    }

    if (!m_meta.isEmpty()) {
        const QFont metaFont = fontFor(Meta, base);
        const QString elided = QFontMetricsF(metaFont).elidedText(m_meta, Qt::ElideRight, fullWidth);
        y += add(elided, Meta, kContentLeft, y, -1);
    } else {
        y -= 8;
    }
    layout.height = std::max(qCeil(y) + kPadBottom, kPadTop + kButtonSize + kPadBottom);
}

void EntryCard::paintEvent(QPaintEvent*)
{
    const Layout& layout = layoutAt(width());
    const Colors colors = colorsFor(palette());
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    // The card, its edge (the accent when it has the keyboard) and the section's bar.
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QColor edge = m_isPinned ? colors.pinnedBorder : colors.border;
    if (underMouse())
        edge = colors.hoverBorder;
    if (hasFocus())
        edge = colors.focus;
    painter.setPen(QPen(edge, hasFocus() ? 1.5 : 1.0));
    painter.setBrush(m_isPinned ? colors.pinned : colors.card);
    painter.drawRoundedRect(frame, kRadius, kRadius);
    painter.setPen(Qt::NoPen);
    painter.setBrush(notebook::sectionColor(m_section));
    painter.drawRoundedRect(QRectF(kBarLeft, kPadTop, kBarWidth, height() - kPadTop - kPadBottom), 2, 2);

    const QFont base = font();
    for (const Piece& piece : layout.pieces) {
        painter.setFont(fontFor(piece.role, base));
        painter.setPen(piece.role == Meta || piece.role == Caption || piece.role == Arrow ? colors.muted : colors.text);
        painter.drawStaticText(piece.at, piece.text);
    }

    painter.setFont(fontFor(ChipText, base));
    for (const Chip& chip : layout.chips) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(colors.chip);
        painter.drawRoundedRect(chip.rect, chip.rect.height() / 2, chip.rect.height() / 2);
        painter.setPen(colors.chipText);
        painter.drawText(chip.rect, Qt::AlignCenter, chip.label);
    }

    painter.setFont(fontFor(Glyph, base));
    for (const Button button : {Button::Pin, Button::Up, Button::Down, Button::More}) {
        const QRect area = buttonRect(button);
        const bool isEnabled = isButtonEnabled(button);
        if (isEnabled && m_hovered == button) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(colors.hover);
            painter.drawEllipse(area);
        }
        QColor ink = button == Button::Pin && m_isPinned ? colors.star : colors.muted;
        if (!isEnabled)
            ink.setAlpha(70);
        painter.setPen(ink);
        const QString glyph = button == Button::Pin  ? (m_isPinned ? QStringLiteral("★") : QStringLiteral("☆"))
                              : button == Button::Up ? QStringLiteral("↑")
                              : button == Button::Down ? QStringLiteral("↓")
                                                       : QStringLiteral("⋯");
        painter.drawText(area, Qt::AlignCenter, glyph);
    }
}

void EntryCard::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutAt(width());
}

std::optional<EntryCard::Button> EntryCard::buttonAt(const QPoint& pos) const
{
    for (const Button button : {Button::Pin, Button::Up, Button::Down, Button::More}) {
        if (buttonRect(button).contains(pos))
            return button;
    }
    return std::nullopt;
}

QString EntryCard::buttonTip(Button button) const
{
    switch (button) {
    case Button::Pin: return m_isPinned ? tr("Unpin") : tr("Pin to the top of %1").arg(notebook::sectionTitle(m_section));
    case Button::Up: return tr("Move up (Alt+Up)");
    case Button::Down: return tr("Move down (Alt+Down)");
    case Button::More: return tr("More: open, move to trash");
    }
    return {};
}

bool EntryCard::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        QString tip;
        if (const auto button = buttonAt(help->pos()))
            tip = buttonTip(*button);
        for (const Chip& chip : layoutAt(width()).chips) {
            if (chip.rect.contains(help->pos()))
                tip = chip.hint;
        }
        if (tip.isEmpty())
            tip = tr("Click to open. Alt+Up / Alt+Down moves it within %1.").arg(notebook::sectionTitle(m_section));
        QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

void EntryCard::mouseMoveEvent(QMouseEvent* event)
{
    const auto hovered = buttonAt(event->position().toPoint());
    if (hovered != m_hovered) {
        m_hovered = hovered;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void EntryCard::leaveEvent(QEvent* event)
{
    m_hovered.reset();
    update();
    QWidget::leaveEvent(event);
}

void EntryCard::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        m_pressed = buttonAt(event->position().toPoint());
    QWidget::mousePressEvent(event);
}

void EntryCard::mouseReleaseEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton || !rect().contains(pos)) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const auto button = buttonAt(pos);
    const bool wasOnButton = m_pressed.has_value();
    m_pressed.reset();
    if (button) {
        if (isButtonEnabled(*button))
            trigger(*button);
        return;
    }
    if (!wasOnButton)
        Q_EMIT openRequested(m_id);
}

void EntryCard::trigger(Button button)
{
    switch (button) {
    case Button::Pin: Q_EMIT pinRequested(m_id, !m_isPinned); break;
    case Button::Up: Q_EMIT moveRequested(m_id, -1); break;
    case Button::Down: Q_EMIT moveRequested(m_id, +1); break;
    case Button::More: showMenu(mapToGlobal(buttonRect(Button::More).bottomLeft())); break;
    }
}

void EntryCard::showMenu(const QPoint& globalPos)
{
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("entryMenu"));
    QAction* open = menu.addAction(tr("Open"));
    open->setObjectName(QStringLiteral("openEntry"));
    QAction* pin = menu.addAction(m_isPinned ? tr("Unpin") : tr("Pin to the top"));
    pin->setObjectName(QStringLiteral("pinEntry"));
    QAction* up = menu.addAction(tr("Move up"));
    up->setObjectName(QStringLiteral("moveEntryUp"));
    up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    up->setEnabled(m_place.canMoveUp);
    QAction* down = menu.addAction(tr("Move down"));
    down->setObjectName(QStringLiteral("moveEntryDown"));
    down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    down->setEnabled(m_place.canMoveDown);
    menu.addSeparator();
    QAction* trash = menu.addAction(tr("Move to trash…"));
    trash->setObjectName(QStringLiteral("trashEntry"));
    QAction* chosen = menu.exec(globalPos);
    if (chosen == open)
        Q_EMIT openRequested(m_id);
    else if (chosen == pin)
        Q_EMIT pinRequested(m_id, !m_isPinned);
    else if (chosen == up)
        Q_EMIT moveRequested(m_id, -1);
    else if (chosen == down)
        Q_EMIT moveRequested(m_id, +1);
    else if (chosen == trash)
        Q_EMIT trashRequested(m_id);
}

void EntryCard::keyPressEvent(QKeyEvent* event)
{
    const auto modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (modifiers == Qt::AltModifier && event->key() == Qt::Key_Up) {
        if (m_place.canMoveUp)
            Q_EMIT moveRequested(m_id, -1);
        return;
    }
    if (modifiers == Qt::AltModifier && event->key() == Qt::Key_Down) {
        if (m_place.canMoveDown)
            Q_EMIT moveRequested(m_id, +1);
        return;
    }
    if (modifiers == Qt::NoModifier
        && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space)) {
        Q_EMIT openRequested(m_id);
        return;
    }
    if (event->key() == Qt::Key_Menu || (modifiers == Qt::ShiftModifier && event->key() == Qt::Key_F10)) {
        showMenu(mapToGlobal(buttonRect(Button::More).bottomLeft()));
        return;
    }
    QWidget::keyPressEvent(event);
}

void EntryCard::contextMenuEvent(QContextMenuEvent* event)
{
    showMenu(event->globalPos());
}

} // namespace attune::gui
