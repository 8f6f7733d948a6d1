// SPDX-License-Identifier: MIT
#include "attune/core/Timers.h"

#include "attune/core/TimeLog.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Store.h"
#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace attune::core {

namespace {

constexpr const char* kNoTimer = "There is no timer running for this child.";
constexpr TimestampMs kMinuteMs = 60'000;

// A timer row as stored; elapsed time is derived from it and the clock.
struct StoredTimer {
    Id id = 0;
    Id childId = 0;
    std::string caregiverUuid;
    std::string day;
    TimestampMs startedAt = 0;
    std::optional<TimestampMs> runStartedAt; // empty while paused
    TimestampMs accumulatedMs = 0;
    int goalMinutes = 10;

    // A clock that went backwards (or a timer started "in the future" by another machine)
    // never makes elapsed time shrink below what was already counted.
    TimestampMs elapsedAt(TimestampMs now) const
    {
        return accumulatedMs + (runStartedAt ? std::max<TimestampMs>(0, now - *runStartedAt) : 0);
    }

    TimerState state(TimestampMs now) const
    {
        TimerState timer;
        timer.timerId = id;
        timer.childId = childId;
        timer.caregiverUuid = caregiverUuid;
        timer.day = day;
        timer.startedAt = startedAt;
        timer.elapsedMs = elapsedAt(now);
        timer.isPaused = !runStartedAt.has_value();
        timer.goalMinutes = goalMinutes;
        return timer;
    }
};

constexpr const char* kTimerColumns =
    "SELECT t.id, t.child_id, t.caregiver_uuid, t.day, t.started_at, t.run_started_at, t.accumulated_ms, "
    "c.goal_minutes FROM timers t JOIN children c ON c.id = t.child_id AND c.deleted_at IS NULL "
    "WHERE t.stopped_at IS NULL AND t.deleted_at IS NULL ";

StoredTimer readTimer(SQLite::Statement& row)
{
    StoredTimer timer;
    timer.id = row.getColumn(0).getInt64();
    timer.childId = row.getColumn(1).getInt64();
    timer.caregiverUuid = row.getColumn(2).getString();
    timer.day = row.getColumn(3).getString();
    timer.startedAt = row.getColumn(4).getInt64();
    timer.runStartedAt = detail::optionalInt64(row, 5);
    timer.accumulatedMs = row.getColumn(6).getInt64();
    timer.goalMinutes = row.getColumn(7).getInt();
    return timer;
}

std::optional<StoredTimer> findTimer(SQLite::Database& db, Id childId)
{
    SQLite::Statement query(db, std::string(kTimerColumns) + "AND t.child_id = ?");
    query.bind(1, childId);
    if (!query.executeStep())
        return std::nullopt;
    return readTimer(query);
}

StoredTimer requireTimer(SQLite::Database& db, Id childId)
{
    auto timer = findTimer(db, childId);
    if (!timer)
        throw StorageError(StorageError::Kind::NotFound, kNoTimer);
    return *timer;
}

} // namespace

Timers::Timers(Store& store)
    : m_store(store)
{
}

TimerState Timers::start(Id childId)
{
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        if (!detail::childExists(db, childId))
            throw StorageError(StorageError::Kind::NotFound, detail::kChildGone);
        if (findTimer(db, childId))
            throw ValidationError(std::vector<FieldError>{{"childId", "This child's timer is already running."}});
        SQLite::Statement insert(db, "INSERT INTO timers (uuid, child_id, caregiver_uuid, day, started_at, "
                                     "run_started_at, accumulated_ms, created_at, updated_at, updated_by) "
                                     "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)");
        const TimestampMs now = m_store.now();
        detail::bindText(insert, 1, m_store.newUuid());
        insert.bind(2, childId);
        detail::bindText(insert, 3, m_store.actor());
        detail::bindText(insert, 4, m_store.clock().today());
        insert.bind(5, now);
        insert.bind(6, now);
        insert.bind(7, now);
        insert.bind(8, now);
        detail::bindText(insert, 9, m_store.actor());
        insert.exec();
    });
    spdlog::info("timer started for child {}", childId);
    return *timer(childId);
}

TimerState Timers::pause(Id childId)
{
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        const StoredTimer stored = requireTimer(db, childId);
        if (!stored.runStartedAt)
            return;
        SQLite::Statement update(db, "UPDATE timers SET accumulated_ms = ?, run_started_at = NULL, updated_at = ?, "
                                     "updated_by = ? WHERE id = ?");
        const TimestampMs now = m_store.now();
        update.bind(1, stored.elapsedAt(now));
        update.bind(2, now);
        detail::bindText(update, 3, m_store.actor());
        update.bind(4, stored.id);
        update.exec();
    });
    spdlog::info("timer paused for child {}", childId);
    return *timer(childId);
}

TimerState Timers::resume(Id childId)
{
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        const StoredTimer stored = requireTimer(db, childId);
        if (stored.runStartedAt)
            return;
        SQLite::Statement update(db, "UPDATE timers SET run_started_at = ?, updated_at = ?, updated_by = ? "
                                     "WHERE id = ?");
        const TimestampMs now = m_store.now();
        update.bind(1, now);
        update.bind(2, now);
        detail::bindText(update, 3, m_store.actor());
        update.bind(4, stored.id);
        update.exec();
    });
    spdlog::info("timer resumed for child {}", childId);
    return *timer(childId);
}

SessionDraft Timers::stop(Id childId)
{
    SessionDraft draft;
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        const StoredTimer stored = requireTimer(db, childId);
        const TimestampMs now = m_store.now();
        const TimestampMs elapsed = stored.elapsedAt(now);
        // The stopped row stays (with its elapsed time) so the time is not lost if the
        // parent closes the pre-filled session without saving it.
        SQLite::Statement update(db, "UPDATE timers SET accumulated_ms = ?, run_started_at = NULL, stopped_at = ?, "
                                     "updated_at = ?, updated_by = ? WHERE id = ?");
        update.bind(1, elapsed);
        update.bind(2, now);
        update.bind(3, now);
        detail::bindText(update, 4, m_store.actor());
        update.bind(5, stored.id);
        update.exec();

        draft.childId = stored.childId;
        draft.caregiverUuid = stored.caregiverUuid;
        draft.day = stored.day;
        draft.startMs = stored.startedAt;
        const TimestampMs minutes = std::clamp<TimestampMs>(elapsed / kMinuteMs, limits::kSessionMinutesMin,
                                                            limits::kSessionMinutesMax);
        draft.minutes = static_cast<int>(minutes);
    });
    spdlog::info("timer stopped for child {}", childId);
    return draft;
}

std::vector<SessionDraft> Timers::waitingToLog(TimestampMs since) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT t.child_id, t.caregiver_uuid, t.day, t.started_at, t.accumulated_ms FROM timers t "
                            "JOIN children c ON c.id = t.child_id AND c.deleted_at IS NULL "
                            "WHERE t.stopped_at IS NOT NULL AND t.stopped_at >= ? AND t.deleted_at IS NULL "
                            "AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.child_id = t.child_id "
                            "AND s.start_ms = t.started_at AND s.deleted_at IS NULL) "
                            "ORDER BY t.stopped_at, t.id");
    query.bind(1, since);
    std::vector<SessionDraft> drafts;
    while (query.executeStep()) {
        SessionDraft draft;
        draft.childId = query.getColumn(0).getInt64();
        draft.caregiverUuid = query.getColumn(1).getString();
        draft.day = query.getColumn(2).getString();
        draft.startMs = query.getColumn(3).getInt64();
        draft.minutes = static_cast<int>(std::clamp<TimestampMs>(query.getColumn(4).getInt64() / kMinuteMs,
                                                                 limits::kSessionMinutesMin, limits::kSessionMinutesMax));
        drafts.push_back(std::move(draft));
    }
    return drafts;
}

void Timers::closeStopped(Id childId)
{
    m_store.db().write([&] {
        SQLite::Statement update(m_store.db().sql(), "UPDATE timers SET deleted_at = ?, updated_at = ?, updated_by = ? "
                                                     "WHERE child_id = ? AND stopped_at IS NOT NULL AND deleted_at IS NULL");
        const TimestampMs now = m_store.now();
        update.bind(1, now);
        update.bind(2, now);
        detail::bindText(update, 3, m_store.actor());
        update.bind(4, childId);
        update.exec();
    });
    spdlog::info("stopped timers closed for child {}", childId);
}

Session Timers::logStopped(const SessionDraft& draft)
{
    Session session;
    m_store.db().write([&] {
        session = TimeLog(m_store).addSession(draft); // joins this transaction
        closeStopped(draft.childId);
    });
    return session;
}

void Timers::discard(Id childId)
{
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        const StoredTimer stored = requireTimer(db, childId);
        SQLite::Statement update(db, "UPDATE timers SET run_started_at = NULL, accumulated_ms = ?, deleted_at = ?, "
                                     "updated_at = ?, updated_by = ? WHERE id = ?");
        const TimestampMs now = m_store.now();
        update.bind(1, stored.elapsedAt(now));
        update.bind(2, now);
        update.bind(3, now);
        detail::bindText(update, 4, m_store.actor());
        update.bind(5, stored.id);
        update.exec();
    });
    spdlog::info("timer discarded for child {}", childId);
}

std::optional<TimerState> Timers::timer(Id childId) const
{
    const auto stored = findTimer(m_store.db().sql(), childId);
    if (!stored)
        return std::nullopt;
    return stored->state(m_store.now());
}

std::vector<TimerState> Timers::active() const
{
    SQLite::Statement query(m_store.db().sql(), std::string(kTimerColumns) + "ORDER BY c.sort_order, c.id");
    const TimestampMs now = m_store.now();
    std::vector<TimerState> result;
    while (query.executeStep())
        result.push_back(readTimer(query).state(now));
    return result;
}

} // namespace attune::core
