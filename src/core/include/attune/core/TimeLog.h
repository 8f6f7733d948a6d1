// SPDX-License-Identifier: MIT
// Daily one-on-one time: sessions (add, quick log, edit, trash, restore, list) and the day
// states a parent sets (partner did it, away, sick).
#pragma once

#include "attune/core/OneOnOne.h"
#include "attune/core/RecordHistory.h"

#include <string>
#include <vector>

namespace attune::core {

class Store;

class TimeLog {
public:
    explicit TimeLog(Store& store);

    // Validates (ValidationError with field messages, nothing stored), then one transaction.
    // A missing or trashed child is StorageError(NotFound).
    Session addSession(const SessionDraft& draft);
    // The quick log: child + minutes, today, by the acting caregiver.
    Session quickLog(Id childId, int minutes);
    // Saves the fields that differ between `loaded` (as the form read them) and `edited`, and
    // nothing else; see RecordHistory.h for a field that changed in the file meanwhile.
    EditResult updateSession(Id id, const SessionDraft& loaded, const SessionDraft& edited);
    void trashSession(Id id);
    void restoreSession(Id id);

    Session session(Id id) const; // throws StorageError(NotFound)
    // Newest day first (then newest logged first), at most filter.limit rows.
    std::vector<Session> sessions(const SessionFilter& filter) const;
    int countSessions(const SessionFilter& filter) const;
    // The sessions of one child on one day, for the year grid's tooltip and click.
    std::vector<Session> sessionsOn(Id childId, const std::string& day) const;

    // This child's most recent distinct activities, most recent first (chip suggestions).
    std::vector<std::string> recentActivities(Id childId, int limit = 8) const;

    // DayState::None clears the day. Setting the same state twice changes nothing.
    void setDayState(Id childId, const std::string& day, DayState state);
    DayState dayState(Id childId, const std::string& day) const;

private:
    Store& m_store;
};

} // namespace attune::core
