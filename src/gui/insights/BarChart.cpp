// SPDX-License-Identifier: MIT
#include "insights/BarChart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <numeric>

namespace attune::gui {

namespace {
constexpr int kRowHeight = 30;
constexpr int kBarHeight = 22;
constexpr int kGap = 12;
constexpr int kLabelMax = 260;

double total(const BarChart::Row& row)
{
    return std::accumulate(row.parts.begin(), row.parts.end(), 0.0);
}
} // namespace

BarChart::BarChart(QWidget* parent)
    : QWidget(parent)
    , m_colors{chartColors::bar}
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void BarChart::setRows(std::vector<Row> rows)
{
    m_rows = std::move(rows);
    setAccessibleDescription(rowTexts().join(QStringLiteral("\n")));
    updateGeometry();
    update();
}

void BarChart::setPartColors(std::vector<QColor> colors)
{
    if (!colors.empty())
        m_colors = std::move(colors);
    update();
}

QStringList BarChart::rowTexts() const
{
    QStringList texts;
    for (const Row& row : m_rows)
        texts << QStringLiteral("%1: %2").arg(row.label, row.text);
    return texts;
}

QSize BarChart::sizeHint() const
{
    return {480, static_cast<int>(m_rows.size()) * kRowHeight};
}

QSize BarChart::minimumSizeHint() const
{
    return {260, static_cast<int>(m_rows.size()) * kRowHeight};
}

int BarChart::labelWidth() const
{
    int widest = 0;
    for (const Row& row : m_rows)
        widest = std::max(widest, fontMetrics().horizontalAdvance(row.label));
    return std::min({widest + 4, kLabelMax, width() * 9 / 20});
}

void BarChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::WindowText);
    const QColor track = palette().color(QPalette::Window).darker(104);
    const int labels = labelWidth();
    const int barLeft = labels + kGap;
    const int barSpace = std::max(40, width() - barLeft - 4);
    double maxTotal = 0;
    for (const Row& row : m_rows)
        maxTotal = std::max(maxTotal, total(row));

    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        const int top = static_cast<int>(i) * kRowHeight;
        const QRect labelRect(0, top, labels, kRowHeight);
        painter.setPen(text);
        painter.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
                         fontMetrics().elidedText(row.label, Qt::ElideRight, labels));

        const QRectF trackRect(barLeft, top + (kRowHeight - kBarHeight) / 2.0, barSpace, kBarHeight);
        QPainterPath trackPath;
        trackPath.addRoundedRect(trackRect, 5, 5);
        painter.fillPath(trackPath, track);

        const double sum = total(row);
        const double length = maxTotal > 0 ? sum / maxTotal * barSpace : 0;
        if (length > 0) {
            // Parts side by side, clipped to one rounded bar.
            QPainterPath barPath;
            barPath.addRoundedRect(QRectF(trackRect.left(), trackRect.top(), std::max(length, 6.0), kBarHeight), 5, 5);
            painter.save();
            painter.setClipPath(barPath);
            double x = trackRect.left();
            for (std::size_t p = 0; p < row.parts.size(); ++p) {
                const double w = sum > 0 ? row.parts[p] / sum * std::max(length, 6.0) : 0;
                painter.fillRect(QRectF(x, trackRect.top(), w, kBarHeight), m_colors[p % m_colors.size()]);
                x += w;
            }
            painter.restore();
        }
        // The number, on the bar when it fits, otherwise just after it.
        const int textWidth = fontMetrics().horizontalAdvance(row.text) + 16;
        const bool fitsOnBar = length >= textWidth;
        const QRectF textRect = fitsOnBar
                                    ? QRectF(trackRect.left() + 8, trackRect.top(), length - 8, kBarHeight)
                                    : QRectF(trackRect.left() + length + 8, trackRect.top(),
                                             std::max(0.0, barSpace - length - 8), kBarHeight);
        painter.setPen(text);
        painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, row.text);
    }
}

} // namespace attune::gui
