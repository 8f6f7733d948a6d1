// SPDX-License-Identifier: MIT
// The running one-on-one timers as the whole window sees them. The truth is in the core
// (core::Timers keeps each timer in the file and computes elapsed time from the clock); this
// hub only re-reads it once a second while a timer runs, so every display ticks together,
// and notices the moment a timer reaches its child's goal.
#pragma once

#include "attune/core/OneOnOne.h"

#include <QObject>
#include <QTimer>

#include <optional>
#include <set>
#include <vector>

class QWidget;

namespace attune::gui {

class Workspace;

class TimerHub : public QObject {
    Q_OBJECT

public:
    explicit TimerHub(Workspace& workspace);

    // Running and paused timers as of the last read, in sidebar order.
    const std::vector<core::TimerState>& active() const { return m_active; }
    std::optional<core::TimerState> timerFor(qint64 childId) const;

    // Each is one core call. A failure is told through prompts().warn() and returns false.
    bool start(qint64 childId, QWidget* parent);
    bool pause(qint64 childId, QWidget* parent);
    bool resume(qint64 childId, QWidget* parent);
    // Ends the timer without logging, after asking.
    bool discard(qint64 childId, QWidget* parent);
    // Ends the timer and hands back the pre-filled session; empty on failure.
    std::optional<core::SessionDraft> stop(qint64 childId, QWidget* parent);

    // Reads the timers from the file again and emits ticked().
    void refresh();
    void stopTicking();
    // Milliseconds between display ticks.
    static constexpr int kTickMs = 1000;

Q_SIGNALS:
    // Once a second while a timer runs, and after every change.
    void ticked();
    // A running timer has just reached its child's goal (once per timer; it keeps counting).
    void goalReached(qint64 childId);

private:
    void changed();
    QString childName(qint64 childId) const;

    Workspace& m_workspace;
    QTimer m_tick;
    std::vector<core::TimerState> m_active;
    bool m_isClosed = false;
};

// "4:05", "12:00", "1:02:03" for an elapsed time.
QString clockText(core::TimestampMs elapsedMs);
// The gentle countdown under a timer: "6 min to go of 15", "About a minute left: …",
// "15 min: Maya's goal. Keep going as long as you like." Never a red alarm.
QString countdownText(const core::TimerState& timer, const QString& childName);

} // namespace attune::gui
