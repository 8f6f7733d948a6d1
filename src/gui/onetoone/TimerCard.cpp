// SPDX-License-Identifier: MIT
#include "onetoone/TimerCard.h"

#include "common/Avatar.h"
#include "common/QtConvert.h"
#include "common/TimerHub.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "onetoone/SessionActions.h"

#include "attune/core/Errors.h"
#include "attune/core/Family.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace attune::gui {

namespace {
const QColor kTrack(0xe3, 0xe9, 0xe5);
const QColor kFill(0x3f, 0x7d, 0x64);
const QColor kPausedFill(0x9a, 0xae, 0xa5);
} // namespace

TimerDial::TimerDial(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("timerDial"));
    setMinimumSize(sizeHint());
}

void TimerDial::setState(core::TimestampMs elapsedMs, int goalMinutes, bool isPaused)
{
    m_text = clockText(elapsedMs);
    const double goalMs = std::max(1, goalMinutes) * 60'000.0;
    m_fraction = std::min(1.0, static_cast<double>(elapsedMs) / goalMs);
    m_isPaused = isPaused;
    setAccessibleName(m_text);
    update();
}

void TimerDial::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int side = std::min(width(), height()) - 8;
    const QRectF ring((width() - side) / 2.0, (height() - side) / 2.0, side, side);
    painter.setPen(QPen(kTrack, 6, Qt::SolidLine, Qt::RoundCap));
    painter.drawEllipse(ring);
    if (m_fraction > 0.0) {
        painter.setPen(QPen(m_isPaused ? kPausedFill : kFill, 6, Qt::SolidLine, Qt::RoundCap));
        // Qt angles are in 1/16 degree, counter-clockwise from three o'clock: start at twelve
        // and go clockwise.
        painter.drawArc(ring, 90 * 16, -static_cast<int>(m_fraction * 360.0 * 16.0));
    }
    QFont font = painter.font();
    font.setPixelSize(m_text.size() > 5 ? 15 : 18);
    font.setWeight(QFont::DemiBold);
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(rect(), Qt::AlignCenter, m_text);
}

TimerCard::TimerCard(Workspace& workspace, qint64 childId, QWidget* parent)
    : QFrame(parent)
    , m_workspace(workspace)
    , m_childId(childId)
    , m_dial(new TimerDial(this))
    , m_title(makeHeading({}, 3, this))
    , m_countdown(new QLabel(this))
    , m_pause(new QPushButton(this))
    , m_stop(makePrimaryButton(tr("Stop and log"), this))
    , m_discard(new QToolButton(this))
{
    setObjectName(QStringLiteral("timerCard"));
    QString color;
    try {
        const core::Child child = m_workspace.family().child(childId);
        m_name = toQString(child.data.name);
        color = toQString(child.data.avatarColor);
    } catch (const core::StorageError&) {
    }
    m_title->setText(tr("One-on-one with %1").arg(m_name));
    m_countdown->setObjectName(QStringLiteral("timerCountdown"));
    m_countdown->setWordWrap(true);
    m_pause->setObjectName(QStringLiteral("timerPause"));
    m_stop->setObjectName(QStringLiteral("timerStop"));
    m_stop->setAccessibleName(tr("Stop %1's timer and log the time").arg(m_name));
    m_discard->setObjectName(QStringLiteral("timerDiscard"));
    m_discard->setText(tr("Put away"));
    m_discard->setAutoRaise(true);
    m_discard->setToolTip(tr("End this timer without logging it"));
    m_discard->setAccessibleName(tr("Put %1's timer away without logging").arg(m_name));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 14, 8);
    layout->setSpacing(12);
    layout->addWidget(m_dial);
    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addStretch();
    text->addWidget(m_title);
    text->addWidget(m_countdown);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_discard);
    buttons->addStretch();
    text->addLayout(buttons);
    text->addStretch();
    layout->addLayout(text, 1);

    connect(m_pause, &QPushButton::clicked, this, [this] {
        TimerHub& hub = m_workspace.timerHub();
        if (m_isPaused)
            hub.resume(m_childId, window());
        else
            hub.pause(m_childId, window());
    });
    connect(m_stop, &QPushButton::clicked, this, [this] { stopTimerAndLog(m_workspace, m_childId, window()); });
    connect(m_discard, &QToolButton::clicked, this, [this] { m_workspace.timerHub().discard(m_childId, window()); });
}

void TimerCard::setState(const core::TimerState& timer)
{
    m_isPaused = timer.isPaused;
    m_dial->setState(timer.elapsedMs, timer.goalMinutes, timer.isPaused);
    m_countdown->setText(countdownText(timer, m_name));
    m_countdown->setProperty("goalReached", timer.isGoalReached());
    m_pause->setText(timer.isPaused ? tr("Go on") : tr("Pause"));
    m_pause->setAccessibleName(
        timer.isPaused ? tr("Go on with %1's timer").arg(m_name) : tr("Pause %1's timer").arg(m_name));
    setAccessibleName(tr("%1's timer: %2").arg(m_name, m_dial->text()));
}

QString TimerCard::elapsedText() const
{
    return m_dial->text();
}

QString TimerCard::countdown() const
{
    return m_countdown->text();
}

TimerStrip::TimerStrip(Workspace& workspace, QWidget* parent)
    : QFrame(parent), m_workspace(workspace), m_row(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("timerStrip"));
    m_row->setContentsMargins(16, 10, 16, 10);
    m_row->setSpacing(12);
    m_row->addStretch();
    connect(&m_workspace.timerHub(), &TimerHub::ticked, this, &TimerStrip::refresh);
    refresh();
}

TimerCard* TimerStrip::card(qint64 childId) const
{
    const auto found = m_cards.find(childId);
    return found == m_cards.end() ? nullptr : found->second;
}

void TimerStrip::refresh()
{
    const auto& timers = m_workspace.timerHub().active();
    // Cards of timers that ended go; new timers get a card in sidebar order.
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        const bool isActive
            = std::any_of(timers.begin(), timers.end(), [&](const auto& t) { return t.childId == it->first; });
        if (isActive) {
            ++it;
            continue;
        }
        it->second->deleteLater();
        it = m_cards.erase(it);
    }
    int index = 0;
    for (const auto& timer : timers) {
        TimerCard*& card = m_cards[timer.childId];
        if (!card) {
            card = new TimerCard(m_workspace, timer.childId, this);
            card->setMaximumWidth(460);
            m_row->insertWidget(index, card, 1);
        }
        card->setState(timer);
        ++index;
    }
    setVisible(!timers.empty());
}

} // namespace attune::gui
