// SPDX-License-Identifier: MIT
// The selected child's one-on-one time: the plain counts first and the rhythm beside them,
// a quick log (minutes, Enter), day states for today and any day, siblings side by side this
// week and last, the year at a glance, and the list of sessions.
#pragma once

#include "common/ChildPage.h"

#include "attune/core/OneOnOne.h"

#include <QHash>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedLayout;
class QToolButton;
class QScrollArea;

namespace attune::gui {

class ChipRow;
class FieldErrorLabel;
class SessionList;
class WeekChart;
class Workspace;
class YearGridView;

class OneOnOnePage : public ChildPage {
    Q_OBJECT

public:
    explicit OneOnOnePage(Workspace& workspace, QWidget* parent = nullptr);

    void setChild(qint64 childId) override;
    qint64 childId() const { return m_childId; }
    // Reads everything the page shows again (the page does this itself when it is shown
    // after a change).
    void reload();

    // Logs the quick-log row's minutes (and activity) for today; false when refused.
    bool quickLog();
    void setDayState(const QString& day, core::DayState state);
    void showYear(int year);
    // Shows the sessions of one child's day in the list (a click on the year grid).
    void showDay(qint64 childId, const QString& day);
    // Scrolls so the week view and the year grid fill the page (screenshots, "look back").
    void scrollToViews();

    WeekChart* weekChart() const { return m_week; }
    YearGridView* yearGrid() const { return m_year; }
    SessionList* sessionList() const { return m_sessions; }

Q_SIGNALS:
    // The page wants another child selected (a click on a sibling in the week or year).
    void childRequested(qint64 childId);
    void addChildRequested();

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildHeader();
    QWidget* buildQuickLog();
    QWidget* buildDayStates();
    QWidget* buildWeek();
    QWidget* buildYear();
    QWidget* buildSessions();
    void reloadHeader();
    void reloadTimer();
    void reloadDayStates();
    void reloadIfShown();
    void familyChanged();

    Workspace& m_workspace;
    qint64 m_childId = 0;
    QString m_name;
    int m_goalMinutes = 10;
    int m_yearNumber = 0;
    bool m_isStale = true;
    // The week view and the year grid show every child: a change of the selected child
    // leaves them as they are; a change of the data reads them again.
    bool m_isFamilyStale = true;
    QStackedLayout* m_stack;
    QScrollArea* m_scroll = nullptr;
    // Header.
    QLabel* m_avatar = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_rhythm = nullptr;
    QToolButton* m_rhythmHow = nullptr;
    QLabel* m_rhythmExplanation = nullptr;
    QPushButton* m_startTimer = nullptr;
    QLabel* m_timerNote = nullptr;
    // Quick log.
    QSpinBox* m_quickMinutes = nullptr;
    QComboBox* m_quickActivity = nullptr;
    ChipRow* m_quickChips = nullptr;
    FieldErrorLabel* m_quickError = nullptr;
    QWidget* m_quickDoneRow = nullptr;
    QLabel* m_quickDone = nullptr;
    qint64 m_lastLogged = 0;
    // Day states.
    QLabel* m_todayState = nullptr;
    QDateEdit* m_stateDay = nullptr;
    QLabel* m_otherDayState = nullptr;
    FieldErrorLabel* m_stateError = nullptr;
    QHash<QString, QPushButton*> m_stateButtons; // "today-away", "day-sick", …
    // Views.
    WeekChart* m_week = nullptr;
    YearGridView* m_year = nullptr;
    QLabel* m_yearLabel = nullptr;
    QPushButton* m_yearForward = nullptr;
    SessionList* m_sessions = nullptr;
    QWidget* m_sessionsCard = nullptr;
    QWidget* m_weekCard = nullptr;
};

// "Partner did it", "Away", "Sick", "Logged 15 min" … for a day's cell, in the app's words.
QString dayStatusText(const core::DayCell& cell);

} // namespace attune::gui
