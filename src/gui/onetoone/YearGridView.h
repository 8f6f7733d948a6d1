// SPDX-License-Identifier: MIT
// The year at a glance: one band per child, one cell per day (weeks across, Monday to Sunday
// down), shaded by minutes against the child's goal; partner days soft blue, away and sick
// neutral grey, blank days pale. Painted from core::YearGrid alone; a tooltip names the day's
// sessions and a click opens them.
#pragma once

#include "attune/core/OneOnOne.h"

#include <QPixmap>
#include <QWidget>

#include <functional>
#include <optional>

namespace attune::gui {

class YearGridView : public QWidget {
    Q_OBJECT

public:
    // Looks up the sessions of one child's day for a tooltip (only when one is asked for).
    using SessionsOf = std::function<std::vector<core::Session>(qint64 childId, const std::string& day)>;

    explicit YearGridView(QWidget* parent = nullptr);
    void setGrid(core::YearGrid grid, const std::string& today);
    void setSessionLookup(SessionsOf lookup) { m_sessionsOf = std::move(lookup); }
    const core::YearGrid& grid() const { return m_grid; }

    struct Hit {
        int child = 0; // index into grid().children
        int day = 0; // index into that child's days
    };
    std::optional<Hit> hitAt(QPoint point) const;
    // Where the cell of `day` ("YYYY-MM-DD") of child `childIndex` is drawn.
    QRect cellRect(int childIndex, const std::string& day) const;
    // "Saturday 28 November 2026 · Maya" and one line per session, or the day's state.
    QString tooltipFor(int childIndex, int dayIndex) const;
    // What the shades mean, in words, as rich text for a label beside the grid.
    static QString legendHtml();

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void dayClicked(qint64 childId, const QString& day);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Metrics {
        int cell = 10;
        int gap = 2;
        int x0 = 0; // where the grid starts, centring it
        int left = 34; // weekday names
        int top = 18; // month names
        int bandHead = 22; // child's name above their band
        int band = 0; // height of one child's band
        int legend = 4;
    };
    Metrics metrics(int width) const;
    int firstWeekday() const; // 0 = Monday, of January 1st
    QRect cellRectAt(const Metrics& m, int childIndex, int dayIndex) const;
    void render(QPainter& painter) const;

    core::YearGrid m_grid;
    long m_todayNumber = 0;
    long m_firstNumber = 0;
    SessionsOf m_sessionsOf;
    // The grid changes only with its data, size or palette: painted once into a pixmap, so
    // repaints (a tooltip, a scroll) cost a copy.
    QPixmap m_cache;
};

// "Saturday 28 November 2026"
QString longDayText(const std::string& day);

} // namespace attune::gui
