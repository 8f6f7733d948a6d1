// SPDX-License-Identifier: MIT
// Insights (PRODUCT §6): when hard moments happened, the needs and skills named most often,
// unsolved problems over time, one-on-one minutes per child, and weeks with more one-on-one
// days beside weeks with fewer. Descriptive only: every chart says what it is and what it is
// not. One core call (core::Insights::report) per reload; reloads only while shown.
#pragma once

#include "attune/core/Insights.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedLayout;

namespace attune::gui {

class BarChart;
class Workspace;

class InsightsPage : public QWidget {
    Q_OBJECT

public:
    enum class Range { FourWeeks, TwelveWeeks, Year };

    explicit InsightsPage(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    void setRange(Range range);
    // 0 = every child.
    void setChild(qint64 childId);
    qint64 child() const;
    const core::InsightsReport& report() const { return m_report; }
    // True when the kind "nothing yet" message shows instead of the charts.
    bool isEmptyShown() const;
    // The sentence under the weeks comparison (tests, screenshots).
    QString weeksSentence() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void reloadChildren();
    void reloadWhenShown();
    void showReport();

    Workspace& m_workspace;
    core::InsightsReport m_report;
    bool m_isStale = true;
    QComboBox* m_childPicker;
    QComboBox* m_rangePicker;
    QLabel* m_rangeText;
    QStackedLayout* m_stack;
    QLabel* m_momentsText = nullptr;
    BarChart* m_partOfDay = nullptr;
    QLabel* m_weekdayText = nullptr;
    BarChart* m_weekday = nullptr;
    QLabel* m_needsText = nullptr;
    BarChart* m_needs = nullptr;
    QLabel* m_skillsText = nullptr;
    BarChart* m_skills = nullptr;
    QLabel* m_problemsText = nullptr;
    BarChart* m_problems = nullptr;
    QLabel* m_minutesText = nullptr;
    BarChart* m_minutes = nullptr;
    QLabel* m_weeksText = nullptr;
    BarChart* m_weeks = nullptr;
};

} // namespace attune::gui
