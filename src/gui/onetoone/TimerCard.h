// SPDX-License-Identifier: MIT
// A running one-on-one timer: the elapsed time in a soft ring that fills toward the child's
// goal, a gentle countdown, pause/resume, and "Stop and log". The strip above the pages
// shows one card per running timer, so a timer is in sight on every page.
#pragma once

#include "attune/core/OneOnOne.h"

#include <QFrame>
#include <QWidget>

#include <map>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace attune::gui {

class Workspace;

// The ring: elapsed time in the middle, the arc filled by elapsed / goal.
class TimerDial : public QWidget {
    Q_OBJECT

public:
    explicit TimerDial(QWidget* parent = nullptr);
    void setState(core::TimestampMs elapsedMs, int goalMinutes, bool isPaused);
    QString text() const { return m_text; }
    QSize sizeHint() const override { return { 76, 76 }; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_text;
    double m_fraction = 0.0;
    bool m_isPaused = false;
};

class TimerCard : public QFrame {
    Q_OBJECT

public:
    TimerCard(Workspace& workspace, qint64 childId, QWidget* parent = nullptr);
    qint64 childId() const { return m_childId; }
    // Shows `timer` (display only: nothing is read or written).
    void setState(const core::TimerState& timer);
    QString elapsedText() const;
    QString countdown() const;

private:
    Workspace& m_workspace;
    qint64 m_childId;
    QString m_name;
    TimerDial* m_dial;
    QLabel* m_title;
    QLabel* m_countdown;
    QPushButton* m_pause;
    QPushButton* m_stop;
    QToolButton* m_discard;
    bool m_isPaused = false;
};

// Every running timer, side by side; hidden when none runs.
class TimerStrip : public QFrame {
    Q_OBJECT

public:
    explicit TimerStrip(Workspace& workspace, QWidget* parent = nullptr);
    TimerCard* card(qint64 childId) const;
    void refresh();

private:
    Workspace& m_workspace;
    QHBoxLayout* m_row;
    std::map<qint64, TimerCard*> m_cards;
};

} // namespace attune::gui
