// SPDX-License-Identifier: MIT
#include "onetoone/WeekChart.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "onetoone/DayColors.h"

#include "attune/core/Dates.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace attune::gui {

namespace {
constexpr int kColumnMax = 300;
constexpr int kNameHeight = 22;
constexpr int kAboveBars = 16; // room for the minutes over the taller bar
constexpr int kBarsHeight = 56;
constexpr int kBarWidth = 28;
constexpr int kBelowBars = 20;
constexpr int kDotsHeight = 28;
constexpr int kTextHeight = 36;
constexpr int kHeight = kNameHeight + kAboveBars + kBarsHeight + kBelowBars + kDotsHeight + kTextHeight;
const QColor kLastWeek(0xd5, 0xe2, 0xdb);
const char* const kDayLetters[] = { "M", "T", "W", "T", "F", "S", "S" };

long dayNumber(const std::string& day)
{
    const auto date = core::parseDate(day);
    return date ? core::daysFromCivil(*date) : 0;
}
} // namespace

QString tallyText(const core::Tally& tally)
{
    return QStringLiteral("%1 · %2").arg(
        countText(tally.days, QObject::tr("day"), QObject::tr("days")), QObject::tr("%1 min").arg(tally.minutes));
}

WeekChart::WeekChart(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("weekChart"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void WeekChart::setWeek(const core::WeekView& week, const std::string& today)
{
    m_week = week;
    m_today = today;
    QStringList summaries;
    for (int i = 0; i < static_cast<int>(m_week.children.size()); ++i)
        summaries << childSummary(i);
    setAccessibleName(tr("This week and last, side by side"));
    setAccessibleDescription(summaries.join(QStringLiteral("\n")));
    update();
}

QString WeekChart::childSummary(int index) const
{
    if (index < 0 || index >= static_cast<int>(m_week.children.size()))
        return {};
    const auto& child = m_week.children[static_cast<std::size_t>(index)];
    return tr("%1: this week %2; last week %3")
        .arg(toQString(child.name), tallyText(child.thisWeekTally), tallyText(child.lastWeekTally));
}

QSize WeekChart::sizeHint() const
{
    return { static_cast<int>(std::max<std::size_t>(1, m_week.children.size())) * kColumnMax, kHeight };
}

QSize WeekChart::minimumSizeHint() const
{
    return { static_cast<int>(std::max<std::size_t>(1, m_week.children.size())) * 140, kHeight };
}

QRect WeekChart::columnRect(int index) const
{
    const int count = std::max(1, static_cast<int>(m_week.children.size()));
    const int width = std::min(kColumnMax, this->width() / count);
    return QRect(index * width, 0, width, height());
}

int WeekChart::columnAt(QPoint point) const
{
    for (int i = 0; i < static_cast<int>(m_week.children.size()); ++i) {
        if (columnRect(i).contains(point))
            return i;
    }
    return -1;
}

void WeekChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::WindowText);
    QColor muted = text;
    muted.setAlphaF(0.62f);
    int maxMinutes = 1;
    for (const auto& child : m_week.children)
        maxMinutes = std::max({ maxMinutes, child.thisWeekTally.minutes, child.lastWeekTally.minutes });
    const long today = dayNumber(m_today);
    const long monday = dayNumber(m_week.monday);

    QFont base = font();
    QFont bold = base;
    bold.setWeight(QFont::DemiBold);
    bold.setPixelSize(15);
    QFont small = base;
    small.setPixelSize(11);

    for (int i = 0; i < static_cast<int>(m_week.children.size()); ++i) {
        const auto& child = m_week.children[static_cast<std::size_t>(i)];
        const QRect column = columnRect(i).adjusted(8, 0, -8, 0);
        int y = 0;

        // Name, with the child's colour as a small dot.
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(toQString(child.avatarColor.empty() ? std::string("#7a9e8e") : child.avatarColor)));
        painter.drawEllipse(QRectF(column.left(), y + 7, 10, 10));
        painter.setFont(bold);
        painter.setPen(text);
        painter.drawText(QRect(column.left() + 16, y, column.width() - 16, kNameHeight),
            Qt::AlignVCenter | Qt::AlignLeft,
            painter.fontMetrics().elidedText(toQString(child.name), Qt::ElideRight, column.width() - 16));
        y += kNameHeight + kAboveBars;

        // Two bars on one scale shared by every child: last week (pale), this week.
        const int baseline = y + kBarsHeight;
        const auto bar = [&](int x, int minutes, const QColor& color, const QString& label) {
            const int h = minutes > 0 ? std::max(3, minutes * kBarsHeight / maxMinutes) : 0;
            QPainterPath path;
            path.addRoundedRect(QRectF(x, baseline - h, kBarWidth, h + 4), 5, 5);
            painter.save();
            painter.setClipRect(QRect(x, y, kBarWidth, kBarsHeight));
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawPath(path);
            painter.restore();
            painter.setFont(small);
            painter.setPen(muted);
            painter.drawText(
                QRect(x - 14, baseline - h - 17, kBarWidth + 28, 15), Qt::AlignCenter, QString::number(minutes));
            painter.drawText(QRect(x - 14, baseline + 3, kBarWidth + 28, 15), Qt::AlignCenter, label);
        };
        const int barsLeft = column.left() + 4;
        bar(barsLeft, child.lastWeekTally.minutes, kLastWeek, tr("last"));
        bar(barsLeft + kBarWidth + 14, child.thisWeekTally.minutes, dayColors::shades[2], tr("this"));
        painter.setPen(QPen(dayColors::blankEdge(112), 1));
        painter.drawLine(column.left(), baseline, column.left() + 2 * kBarWidth + 26, baseline);
        y = baseline + kBelowBars;

        // This week's days, Monday first: filled with time, grey away/sick, open when blank.
        const int dot = 14;
        const int step = std::min(22, (column.width() - 4) / 7);
        for (int d = 0; d < 7; ++d) {
            const auto& cell = child.thisWeek[static_cast<std::size_t>(d)];
            const QRectF r(column.left() + d * step, y, dot, dot);
            const bool isFuture = monday + d > today;
            if (isFuture) {
                painter.setPen(QPen(dayColors::blankEdge(108), 1, Qt::DotLine));
                painter.setBrush(Qt::NoBrush);
            } else {
                painter.setPen(
                    cell.status() == core::DayStatus::Blank ? QPen(dayColors::blankEdge(118), 1) : Qt::NoPen);
                painter.setBrush(dayColors::forCell(cell, child.goalMinutes));
            }
            painter.drawEllipse(r);
            if (monday + d == today) {
                painter.setPen(QPen(dayColors::ring(), 1.5));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(r.adjusted(-2.5, -2.5, 2.5, 2.5));
            }
            painter.setFont(small);
            painter.setPen(muted);
            painter.drawText(QRectF(r.left() - 4, r.bottom() + 1, dot + 8, 13), Qt::AlignCenter,
                QString::fromLatin1(kDayLetters[d]));
        }
        y += kDotsHeight;

        // The plain counts.
        QFont countFont = base;
        countFont.setPixelSize(12);
        painter.setFont(countFont);
        painter.setPen(text);
        painter.drawText(QRect(column.left(), y, column.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
            tr("This week: %1").arg(tallyText(child.thisWeekTally)));
        painter.setPen(muted);
        painter.drawText(QRect(column.left(), y + 18, column.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Last week: %1").arg(tallyText(child.lastWeekTally)));
    }
}

bool WeekChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = columnAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), childSummary(index), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void WeekChart::mouseReleaseEvent(QMouseEvent* event)
{
    const int index = columnAt(event->position().toPoint());
    if (index >= 0 && event->button() == Qt::LeftButton)
        Q_EMIT childClicked(m_week.children[static_cast<std::size_t>(index)].childId);
}

} // namespace attune::gui
