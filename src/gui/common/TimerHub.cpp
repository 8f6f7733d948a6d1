// SPDX-License-Identifier: MIT
#include "common/TimerHub.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Workspace.h"

#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Timers.h"

#include <QCoreApplication>

#include <algorithm>

#include <spdlog/spdlog.h>

namespace attune::gui {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("TimerHub", text);
}

QString messageOf(const std::exception& error)
{
    if (const auto* validation = dynamic_cast<const core::ValidationError*>(&error);
        validation && !validation->errors().empty())
        return toQString(validation->errors().front().message);
    return toQString(error.what());
}
} // namespace

TimerHub::TimerHub(Workspace& workspace) : m_workspace(workspace)
{
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &TimerHub::refresh);
    connect(&m_workspace, &Workspace::timersChanged, this, &TimerHub::refresh);
    connect(&m_workspace, &Workspace::childrenChanged, this, &TimerHub::refresh);
    connect(&m_workspace, &Workspace::childChanged, this, &TimerHub::refresh); // the goal may change
    refresh();
}

std::optional<core::TimerState> TimerHub::timerFor(qint64 childId) const
{
    for (const auto& timer : m_active) {
        if (timer.childId == childId)
            return timer;
    }
    return std::nullopt;
}

void TimerHub::refresh()
{
    if (m_isClosed)
        return;
    std::vector<core::TimerState> fresh;
    try {
        fresh = m_workspace.timers().active();
    } catch (const std::exception& error) {
        spdlog::warn("timers could not be read: {}", error.what());
        return;
    }
    // The notice is given when a timer crosses its goal while we watch: a timer that was
    // already past it when Attune started (or when the goal changed) is not announced again.
    std::vector<qint64> reached;
    for (const auto& timer : fresh) {
        const auto before = timerFor(timer.childId);
        if (timer.isGoalReached() && before && before->timerId == timer.timerId && !before->isGoalReached())
            reached.push_back(timer.childId);
    }
    m_active = std::move(fresh);
    const bool isTicking = std::any_of(m_active.begin(), m_active.end(), [](const auto& t) { return !t.isPaused; });
    if (isTicking && !m_tick.isActive())
        m_tick.start();
    else if (!isTicking)
        m_tick.stop();
    Q_EMIT ticked();
    for (const qint64 childId : reached)
        Q_EMIT goalReached(childId);
}

void TimerHub::stopTicking()
{
    m_isClosed = true;
    m_tick.stop();
}

void TimerHub::changed()
{
    Q_EMIT m_workspace.timersChanged(); // refresh() follows through the connection
}

bool TimerHub::start(qint64 childId, QWidget* parent)
{
    try {
        m_workspace.timers().start(childId);
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(parent, tr("The timer didn't start"), messageOf(error));
        return false;
    }
    changed();
    return true;
}

bool TimerHub::pause(qint64 childId, QWidget* parent)
{
    try {
        m_workspace.timers().pause(childId);
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(parent, tr("The timer wasn't paused"), messageOf(error));
        return false;
    }
    changed();
    return true;
}

bool TimerHub::resume(qint64 childId, QWidget* parent)
{
    try {
        m_workspace.timers().resume(childId);
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(parent, tr("The timer didn't go on"), messageOf(error));
        return false;
    }
    changed();
    return true;
}

bool TimerHub::discard(qint64 childId, QWidget* parent)
{
    const QString name = childName(childId);
    if (!m_workspace.prompts().confirm(parent, tr("Put this timer away?"),
            tr("The time on %1's timer won't be logged. You can always log time "
               "by hand later.")
                .arg(name),
            tr("Don't log it")))
        return false;
    try {
        m_workspace.timers().discard(childId);
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(parent, tr("The timer is still running"), messageOf(error));
        return false;
    }
    changed();
    return true;
}

std::optional<core::SessionDraft> TimerHub::stop(qint64 childId, QWidget* parent)
{
    core::SessionDraft draft;
    try {
        draft = m_workspace.timers().stop(childId);
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(parent, tr("The timer is still running"), messageOf(error));
        return std::nullopt;
    }
    changed();
    return draft;
}

QString TimerHub::childName(qint64 childId) const
{
    try {
        return toQString(m_workspace.family().child(childId).data.name);
    } catch (const core::StorageError&) {
        return tr("your child");
    }
}

QString clockText(core::TimestampMs elapsedMs)
{
    const qint64 seconds = std::max<qint64>(0, elapsedMs / 1000);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const auto pad = [](qint64 value) { return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0')); };
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(pad(minutes), pad(seconds % 60));
    return QStringLiteral("%1:%2").arg(minutes).arg(pad(seconds % 60));
}

QString countdownText(const core::TimerState& timer, const QString& childName)
{
    const core::TimestampMs goalMs = static_cast<core::TimestampMs>(timer.goalMinutes) * 60'000;
    if (timer.isGoalReached())
        return tr("%1 min: %2's goal. Keep going as long as you like.").arg(timer.goalMinutes).arg(childName);
    const core::TimestampMs leftMs = goalMs - timer.elapsedMs;
    const qint64 leftMinutes = (leftMs + 59'999) / 60'000; // "1 min to go" until the very end
    if (timer.isPaused)
        return tr("Paused. %1 min to go of %2.").arg(leftMinutes).arg(timer.goalMinutes);
    if (leftMinutes <= 1)
        return tr("About a minute left: a gentle heads-up helps %1 get ready.").arg(childName);
    return tr("%1 min to go of %2.").arg(leftMinutes).arg(timer.goalMinutes);
}

} // namespace attune::gui
