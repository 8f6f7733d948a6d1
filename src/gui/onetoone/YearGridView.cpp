// SPDX-License-Identifier: MIT
#include "onetoone/YearGridView.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "onetoone/DayColors.h"

#include "attune/core/Dates.h"

#include <QDate>
#include <QHash>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace attune::gui {

namespace {
constexpr int kWeeks = 54; // a leap year starting on a Sunday touches 54 week columns

long dayNumber(const std::string& day)
{
    const auto date = core::parseDate(day);
    return date ? core::daysFromCivil(*date) : 0;
}

QString stateText(core::DayState state)
{
    switch (state) {
    case core::DayState::PartnerDidIt:
        return QObject::tr("Partner did it");
    case core::DayState::Away:
        return QObject::tr("Away");
    case core::DayState::Sick:
        return QObject::tr("Sick");
    case core::DayState::None:
        break;
    }
    return {};
}
} // namespace

QString YearGridView::legendHtml()
{
    const auto square = [](const QColor& color) {
        return QStringLiteral("<span style=\"color:%1; font-size:15px\">&#9632;</span>").arg(color.name());
    };
    QString shades;
    for (const QColor& shade : dayColors::shades)
        shades += square(shade);
    return QStringLiteral("<span style=\"font-size:11px\">%1 %2%3 %4 &nbsp;&nbsp; %5 %6 &nbsp;&nbsp; %7 %8</span>")
        .arg(tr("less"), square(dayColors::blank()), shades, tr("more"), square(dayColors::partner()), tr("partner did it"),
            square(dayColors::awayOrSick()), tr("away or sick"));
}

QString longDayText(const std::string& day)
{
    const auto date = core::parseDate(day);
    if (!date)
        return toQString(day);
    return QLocale().toString(QDate(date->year, date->month, date->day), QStringLiteral("dddd d MMMM yyyy"));
}

YearGridView::YearGridView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("yearGrid"));
    setMouseTracking(true);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("The year, one row per child"));
}

void YearGridView::setGrid(core::YearGrid grid, const std::string& today)
{
    m_grid = std::move(grid);
    m_todayNumber = dayNumber(today);
    m_firstNumber = core::daysFromCivil(core::Date { m_grid.year, 1, 1 });
    m_cache = QPixmap();
    updateGeometry();
    setMinimumHeight(heightForWidth(width()));
    update();
}

int YearGridView::firstWeekday() const
{
    return core::weekday(core::Date { m_grid.year, 1, 1 });
}

YearGridView::Metrics YearGridView::metrics(int width) const
{
    Metrics m;
    m.cell = std::clamp((width - m.left) / kWeeks - m.gap, 7, 12);
    m.x0 = std::max(0, (width - m.left - kWeeks * (m.cell + m.gap)) / 2); // centred in wide windows
    m.band = m.bandHead + 7 * (m.cell + m.gap) + 8;
    return m;
}

int YearGridView::heightForWidth(int width) const
{
    const Metrics m = metrics(width);
    return m.top + static_cast<int>(std::max<std::size_t>(1, m_grid.children.size())) * m.band + m.legend;
}

QSize YearGridView::sizeHint() const
{
    const int width = 34 + kWeeks * 14; // 12 px cells and their gaps
    return { width, heightForWidth(width) };
}

QSize YearGridView::minimumSizeHint() const
{
    const int width = 34 + kWeeks * 9;
    return { width, heightForWidth(width) };
}

void YearGridView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_cache = QPixmap();
    const int wanted = heightForWidth(width());
    if (minimumHeight() != wanted)
        setMinimumHeight(wanted);
}

QRect YearGridView::cellRectAt(const Metrics& m, int childIndex, int dayIndex) const
{
    const int slot = dayIndex + firstWeekday();
    const int week = slot / 7;
    const int weekday = slot % 7;
    const int x = m.x0 + m.left + week * (m.cell + m.gap);
    const int y = m.top + childIndex * m.band + m.bandHead + weekday * (m.cell + m.gap);
    return QRect(x, y, m.cell, m.cell);
}

QRect YearGridView::cellRect(int childIndex, const std::string& day) const
{
    return cellRectAt(metrics(width()), childIndex, static_cast<int>(dayNumber(day) - m_firstNumber));
}

std::optional<YearGridView::Hit> YearGridView::hitAt(QPoint point) const
{
    const Metrics m = metrics(width());
    const int pitch = m.cell + m.gap;
    const int childIndex = (point.y() - m.top) / std::max(1, m.band);
    if (point.y() < m.top || childIndex < 0 || childIndex >= static_cast<int>(m_grid.children.size()))
        return std::nullopt;
    const int inBand = point.y() - m.top - childIndex * m.band - m.bandHead;
    const int x = point.x() - m.x0 - m.left;
    if (x < 0 || inBand < 0 || inBand >= 7 * pitch)
        return std::nullopt;
    const int week = x / pitch;
    const int weekday = inBand / pitch;
    const int dayIndex = week * 7 + weekday - firstWeekday();
    const auto& days = m_grid.children[static_cast<std::size_t>(childIndex)].days;
    if (dayIndex < 0 || dayIndex >= static_cast<int>(days.size()))
        return std::nullopt;
    return Hit { childIndex, dayIndex };
}

QString YearGridView::tooltipFor(int childIndex, int dayIndex) const
{
    if (childIndex < 0 || childIndex >= static_cast<int>(m_grid.children.size()))
        return {};
    const auto& child = m_grid.children[static_cast<std::size_t>(childIndex)];
    if (dayIndex < 0 || dayIndex >= static_cast<int>(child.days.size()))
        return {};
    const core::DayCell& cell = child.days[static_cast<std::size_t>(dayIndex)];
    QStringList lines;
    lines << QStringLiteral("%1 · %2").arg(longDayText(cell.day), toQString(child.name));
    if (cell.sessions > 0 && m_sessionsOf) {
        for (const auto& session : m_sessionsOf(child.childId, cell.day)) {
            QStringList parts;
            parts << tr("%1 min").arg(session.data.minutes);
            if (!session.data.activity.empty())
                parts << toQString(session.data.activity);
            if (!session.caregiverName.empty())
                parts << tr("with %1").arg(toQString(session.caregiverName));
            lines << parts.join(QStringLiteral(" · "));
        }
    } else if (cell.sessions > 0) {
        lines << tr("%1 · %2 min").arg(countText(cell.sessions, tr("session"), tr("sessions"))).arg(cell.minutes);
    }
    if (cell.state != core::DayState::None)
        lines << stateText(cell.state);
    if (cell.sessions == 0 && cell.state == core::DayState::None)
        lines << (dayNumber(cell.day) > m_todayNumber ? tr("Still to come") : tr("Nothing logged"));
    return lines.join(QLatin1Char('\n'));
}

void YearGridView::paintEvent(QPaintEvent*)
{
    const qreal ratio = devicePixelRatioF();
    if (m_cache.isNull() || m_cache.size() != size() * ratio) {
        m_cache = QPixmap(size() * ratio);
        m_cache.setDevicePixelRatio(ratio);
        m_cache.fill(Qt::transparent);
        QPainter cache(&m_cache);
        render(cache);
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_cache);
}

void YearGridView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        m_cache = QPixmap();
    QWidget::changeEvent(event);
}

void YearGridView::render(QPainter& painter) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    const Metrics m = metrics(width());
    const QColor text = palette().color(QPalette::WindowText);
    QColor muted = text;
    muted.setAlphaF(0.6f);
    QFont small = font();
    small.setPixelSize(11);
    QFont name = font();
    name.setPixelSize(13);
    name.setWeight(QFont::DemiBold);

    // Month names over the week where each month begins.
    painter.setFont(small);
    painter.setPen(muted);
    for (int month = 1; month <= 12; ++month) {
        const long first = core::daysFromCivil(core::Date { m_grid.year, month, 1 }) - m_firstNumber;
        const QRect cell = cellRectAt(m, 0, static_cast<int>(first));
        const QString label = QLocale().standaloneMonthName(month, QLocale::ShortFormat);
        painter.drawText(QRect(cell.left(), 0, 60, m.top - 4), Qt::AlignLeft | Qt::AlignBottom, label);
    }

    const int radius = m.cell >= 10 ? 3 : 2;
    // One small rounded stamp per colour, copied into each cell: far cheaper than drawing
    // 1,460 antialiased rounded rectangles.
    const qreal ratio = painter.device()->devicePixelRatioF();
    QHash<QRgb, QPixmap> stamps;
    const auto stamp = [&](const QColor& color) -> const QPixmap& {
        auto found = stamps.find(color.rgba());
        if (found == stamps.end()) {
            QPixmap pixmap(QSize(m.cell, m.cell) * ratio);
            pixmap.setDevicePixelRatio(ratio);
            pixmap.fill(Qt::transparent);
            QPainter paint(&pixmap);
            paint.setRenderHint(QPainter::Antialiasing);
            paint.setPen(Qt::NoPen);
            paint.setBrush(color);
            paint.drawRoundedRect(QRectF(0, 0, m.cell, m.cell), radius, radius);
            found = stamps.insert(color.rgba(), pixmap);
        }
        return *found;
    };
    for (int c = 0; c < static_cast<int>(m_grid.children.size()); ++c) {
        const auto& child = m_grid.children[static_cast<std::size_t>(c)];
        const int bandTop = m.top + c * m.band;
        int minutes = 0;
        int days = 0;
        for (const auto& cell : child.days) {
            minutes += cell.minutes;
            days += cell.hasTime() ? 1 : 0;
        }
        painter.setFont(name);
        painter.setPen(text);
        const QString title = toQString(child.name);
        painter.drawText(
            QRect(m.x0 + m.left, bandTop + 2, 400, m.bandHead - 4), Qt::AlignLeft | Qt::AlignVCenter, title);
        painter.setFont(small);
        painter.setPen(muted);
        const int nameWidth = QFontMetrics(name).horizontalAdvance(title);
        painter.drawText(QRect(m.x0 + m.left + nameWidth + 10, bandTop + 2, 400, m.bandHead - 4),
            Qt::AlignLeft | Qt::AlignVCenter,
            tr("%1 · %2 min").arg(countText(days, tr("day"), tr("days"))).arg(minutes));
        for (int d = 0; d < 7; d += 2) { // Mon, Wed, Fri, Sun
            const int y = bandTop + m.bandHead + d * (m.cell + m.gap);
            painter.drawText(QRect(m.x0, y - 2, m.left - 6, m.cell + 4), Qt::AlignRight | Qt::AlignVCenter,
                QLocale().dayName(d + 1, QLocale::ShortFormat));
        }
        painter.setPen(Qt::NoPen);
        for (int d = 0; d < static_cast<int>(child.days.size()); ++d) {
            if (m_firstNumber + d > m_todayNumber)
                break; // days still to come stay empty
            const auto& cell = child.days[static_cast<std::size_t>(d)];
            painter.drawPixmap(cellRectAt(m, c, d).topLeft(), stamp(dayColors::forCell(cell, child.goalMinutes)));
        }
        if (m_todayNumber >= m_firstNumber && m_todayNumber - m_firstNumber < static_cast<long>(child.days.size())) {
            painter.setPen(QPen(dayColors::ring(), 1.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(QRectF(cellRectAt(m, c, static_cast<int>(m_todayNumber - m_firstNumber)))
                                        .adjusted(-1.5, -1.5, 1.5, 1.5),
                radius + 1, radius + 1);
            painter.setPen(Qt::NoPen);
        }
    }
}

bool YearGridView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto hit = hitAt(help->pos());
        if (hit)
            QToolTip::showText(help->globalPos(), tooltipFor(hit->child, hit->day), this,
                cellRectAt(metrics(width()), hit->child, hit->day));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void YearGridView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const auto hit = hitAt(event->position().toPoint());
    if (!hit)
        return;
    const auto& child = m_grid.children[static_cast<std::size_t>(hit->child)];
    Q_EMIT dayClicked(child.childId, toQString(child.days[static_cast<std::size_t>(hit->day)].day));
}

} // namespace attune::gui
