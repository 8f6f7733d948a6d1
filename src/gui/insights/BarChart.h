// SPDX-License-Identifier: MIT
// A calm horizontal bar chart painted with QPainter: one row per label, the bar's length on
// a scale shared by every row of the chart, and the row's number written on the bar (or just
// beside it when the bar is short). A row may be split into coloured parts (problems by
// status). No axes, no red: it says how many, nothing more.
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace attune::gui {

class BarChart : public QWidget {
    Q_OBJECT

public:
    struct Row {
        QString label;
        std::vector<double> parts; // the bar's length is their sum
        QString text;              // written on the bar, e.g. "3" or "22 min a week"
    };

    explicit BarChart(QWidget* parent = nullptr);
    void setRows(std::vector<Row> rows);
    // One colour per part, in order; the first is used for single-part rows.
    void setPartColors(std::vector<QColor> colors);
    const std::vector<Row>& rows() const { return m_rows; }
    // "Morning: 3" per row, as read by screen readers and tests.
    QStringList rowTexts() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int labelWidth() const;

    std::vector<Row> m_rows;
    std::vector<QColor> m_colors;
};

// The chart's calm palette.
namespace chartColors {
inline const QColor bar{0x9c, 0xcb, 0xb0};
inline const QColor barStrong{0x62, 0xa4, 0x82};
inline const QColor blue{0xb9, 0xd2, 0xe4};
inline const QColor sand{0xe3, 0xcf, 0xa9};
inline const QColor deep{0x3f, 0x7d, 0x64};
} // namespace chartColors

} // namespace attune::gui
