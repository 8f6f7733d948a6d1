// SPDX-License-Identifier: MIT
// Siblings side by side: for each child, this week's and last week's minutes as two calm
// bars on one shared scale, the days of this week as dots, and the plain counts.
// Painted from core::WeekView alone.
#pragma once

#include "attune/core/OneOnOne.h"

#include <QWidget>

namespace attune::gui {

class WeekChart : public QWidget {
    Q_OBJECT

public:
    explicit WeekChart(QWidget* parent = nullptr);
    void setWeek(const core::WeekView& week, const std::string& today);
    const core::WeekView& week() const { return m_week; }
    // "Maya: this week 4 days · 52 min; last week 3 days · 40 min" (tooltips, screen readers).
    QString childSummary(int index) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void childClicked(qint64 childId);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    int columnAt(QPoint point) const;
    QRect columnRect(int index) const;

    core::WeekView m_week;
    std::string m_today;
};

// "4 days · 52 min"
QString tallyText(const core::Tally& tally);

} // namespace attune::gui
