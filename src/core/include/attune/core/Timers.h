// SPDX-License-Identifier: MIT
// Persisted one-on-one timers: one per child, several children at once. Every change is one
// write, so quitting or crashing Attune loses nothing; elapsed time is computed from stored
// instants with the Store's Clock, never counted in memory.
#pragma once

#include "attune/core/OneOnOne.h"

#include <optional>
#include <vector>

namespace attune::core {

class Store;

class Timers {
public:
    explicit Timers(Store& store);

    // Starts a timer for the child, on the clock's today, by the acting caregiver.
    // ValidationError ("childId") when this child already has one.
    TimerState start(Id childId);
    // Pausing a paused timer or resuming a running one changes nothing.
    TimerState pause(Id childId);
    TimerState resume(Id childId);
    // Ends the timer and hands back a session draft: the timer's child, caregiver and day, its
    // start instant and the elapsed whole minutes (at least 1, at most 600). Nothing is logged
    // until the parent saves the draft with TimeLog::addSession.
    SessionDraft stop(Id childId);
    // Ends the timer without a session.
    void discard(Id childId);

    // Stopped timers whose minutes were never logged — Attune closed (or the computer stopped)
    // while the pre-filled session was open — stopped at or after `since`, oldest first, each
    // as the draft stop() gave. A timer counts as logged once closeStopped() was called for it,
    // or when a live session of its child starts at its start instant.
    std::vector<SessionDraft> waitingToLog(TimestampMs since) const;
    // The stopped timers of this child are done with: their session was saved, or the parent
    // chose not to log them. They are no longer offered by waitingToLog().
    void closeStopped(Id childId);
    // Saves the session of a stopped timer and closes the timer, in one transaction.
    Session logStopped(const SessionDraft& draft);

    std::optional<TimerState> timer(Id childId) const;
    // Every running or paused timer, in sidebar order of their children.
    std::vector<TimerState> active() const;

private:
    Store& m_store;
};

} // namespace attune::core
