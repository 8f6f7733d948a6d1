// SPDX-License-Identifier: MIT
#include "attune/core/TimeLog.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Store.h"
#include "attune/core/Validation.h"
#include "storage/FieldSave.h"
#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace attune::core {

using detail::bindOptional;
using detail::bindText;
using detail::throwIfInvalid;

namespace {

constexpr const char* kSessionGone = "That session is no longer here. It may have been moved to the trash.";

constexpr const char* kSessionColumns =
    "SELECT s.id, s.uuid, s.created_at, s.updated_at, s.updated_by, s.child_id, s.caregiver_uuid, s.day, "
    "s.start_ms, s.minutes, s.activity, s.child_led, s.no_screens, s.no_interruptions, s.presence, s.mood_before, "
    "s.mood_after, s.note, s.marvel, coalesce(c.name, '') FROM sessions s "
    "LEFT JOIN caregivers c ON c.uuid = s.caregiver_uuid AND c.deleted_at IS NULL ";

Session readSession(SQLite::Statement& row)
{
    Session session;
    session.meta = detail::readMeta(row, 0);
    SessionDraft& d = session.data;
    d.childId = row.getColumn(5).getInt64();
    d.caregiverUuid = row.getColumn(6).getString();
    d.day = row.getColumn(7).getString();
    d.startMs = detail::optionalInt64(row, 8);
    d.minutes = row.getColumn(9).getInt();
    d.activity = row.getColumn(10).getString();
    d.childLed = row.getColumn(11).getInt() != 0;
    d.noScreens = row.getColumn(12).getInt() != 0;
    d.noInterruptions = row.getColumn(13).getInt() != 0;
    d.presence = row.getColumn(14).getInt();
    d.moodBefore = row.getColumn(15).getString();
    d.moodAfter = row.getColumn(16).getString();
    d.note = row.getColumn(17).getString();
    d.marvel = row.getColumn(18).getString();
    session.caregiverName = row.getColumn(19).getString();
    return session;
}

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Trims what a parent typed into one-line fields; long texts are kept exactly.
SessionDraft cleaned(const SessionDraft& draft, const std::string& actor)
{
    SessionDraft clean = draft;
    clean.caregiverUuid = trimmed(draft.caregiverUuid);
    if (clean.caregiverUuid.empty())
        clean.caregiverUuid = actor;
    clean.activity = trimmed(draft.activity);
    clean.moodBefore = trimmed(draft.moodBefore);
    clean.moodAfter = trimmed(draft.moodAfter);
    return clean;
}

// Everything a form can be told about before writing, including a caregiver that is gone.
// `keptCaregiver` is the caregiver an edited session already has: keeping it is always fine.
void validate(Store& store, const SessionDraft& clean, const std::string& keptCaregiver = {})
{
    std::vector<FieldError> errors = validateSession(clean, store.clock().today());
    if (!clean.caregiverUuid.empty() && clean.caregiverUuid != keptCaregiver) {
        SQLite::Statement caregiver(store.db().sql(),
                                    "SELECT 1 FROM caregivers WHERE uuid = ? AND deleted_at IS NULL");
        bindText(caregiver, 1, clean.caregiverUuid);
        if (!caregiver.executeStep())
            errors.push_back({"caregiverUuid", "Please choose who spent the time."});
    }
    throwIfInvalid(std::move(errors));
}

// Binds the draft's columns in the order of kDraftColumns, starting at `first`.
constexpr const char* kDraftColumns = "child_id, caregiver_uuid, day, start_ms, minutes, activity, child_led, "
                                      "no_screens, no_interruptions, presence, mood_before, mood_after, note, marvel";
constexpr int kDraftColumnCount = 14;

void bindDraft(SQLite::Statement& statement, int first, const SessionDraft& d)
{
    statement.bind(first, d.childId);
    bindText(statement, first + 1, d.caregiverUuid);
    bindText(statement, first + 2, d.day);
    bindOptional(statement, first + 3, d.startMs);
    statement.bind(first + 4, d.minutes);
    bindText(statement, first + 5, d.activity);
    statement.bind(first + 6, d.childLed ? 1 : 0);
    statement.bind(first + 7, d.noScreens ? 1 : 0);
    statement.bind(first + 8, d.noInterruptions ? 1 : 0);
    statement.bind(first + 9, d.presence);
    bindText(statement, first + 10, d.moodBefore);
    bindText(statement, first + 11, d.moodAfter);
    bindText(statement, first + 12, d.note);
    bindText(statement, first + 13, d.marvel);
}

// The same columns for the field-level save.
detail::Columns columns(const SessionDraft& d)
{
    using detail::SqlValue;
    return {{"child_id", SqlValue::of(d.childId)},
            {"caregiver_uuid", SqlValue::of(d.caregiverUuid)},
            {"day", SqlValue::of(d.day)},
            {"start_ms", SqlValue::of(d.startMs)},
            {"minutes", SqlValue::of(std::int64_t{d.minutes})},
            {"activity", SqlValue::of(d.activity)},
            {"child_led", SqlValue::of(std::int64_t{d.childLed ? 1 : 0})},
            {"no_screens", SqlValue::of(std::int64_t{d.noScreens ? 1 : 0})},
            {"no_interruptions", SqlValue::of(std::int64_t{d.noInterruptions ? 1 : 0})},
            {"presence", SqlValue::of(std::int64_t{d.presence})},
            {"mood_before", SqlValue::of(d.moodBefore)},
            {"mood_after", SqlValue::of(d.moodAfter)},
            {"note", SqlValue::of(d.note)},
            {"marvel", SqlValue::of(d.marvel)}};
}

// WHERE clause of a filter; the fragments are fixed text, every value is bound in order.
struct FilterSql {
    std::string where;
    std::vector<std::string> texts;
    Id childId = 0;
};

FilterSql filterSql(const SessionFilter& filter)
{
    FilterSql sql;
    sql.where = "WHERE s.deleted_at IS NULL";
    if (filter.childId > 0) {
        sql.where += " AND s.child_id = ?";
        sql.childId = filter.childId;
    }
    auto add = [&](const std::string& value, const char* fragment) {
        if (!value.empty()) {
            sql.where += fragment;
            sql.texts.push_back(value);
        }
    };
    add(trimmed(filter.caregiverUuid), " AND s.caregiver_uuid = ?");
    add(filter.from, " AND s.day >= ?");
    add(filter.to, " AND s.day <= ?");
    add(trimmed(filter.activity), " AND instr(lower(s.activity), lower(?)) > 0");
    return sql;
}

int bindFilter(SQLite::Statement& statement, const FilterSql& sql)
{
    int index = 1;
    if (sql.childId > 0)
        statement.bind(index++, sql.childId);
    for (const auto& text : sql.texts)
        bindText(statement, index++, text);
    return index;
}

void setSessionDeleted(Store& store, Id id, bool isDeleted)
{
    store.db().write([&] {
        SQLite::Database& db = store.db().sql();
        SQLite::Statement update(db, isDeleted ? "UPDATE sessions SET deleted_at = ?, updated_at = ?, updated_by = ? "
                                                 "WHERE id = ? AND deleted_at IS NULL"
                                               : "UPDATE sessions SET deleted_at = NULL, updated_at = ?, "
                                                 "updated_by = ? WHERE id = ? AND deleted_at IS NOT NULL");
        const TimestampMs now = store.now();
        int index = 1;
        if (isDeleted)
            update.bind(index++, now);
        update.bind(index++, now);
        bindText(update, index++, store.actor());
        update.bind(index, id);
        update.exec();
        detail::requireChanged(db, kSessionGone);
    });
}

} // namespace

TimeLog::TimeLog(Store& store)
    : m_store(store)
{
}

Session TimeLog::addSession(const SessionDraft& draft)
{
    const SessionDraft clean = cleaned(draft, m_store.actor());
    validate(m_store, clean);
    Id id = 0;
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        if (!detail::childExists(db, clean.childId))
            throw StorageError(StorageError::Kind::NotFound, detail::kChildGone);
        SQLite::Statement insert(db, std::string("INSERT INTO sessions (uuid, ") + kDraftColumns
                                         + ", created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                           "?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const TimestampMs now = m_store.now();
        bindText(insert, 1, m_store.newUuid());
        bindDraft(insert, 2, clean);
        insert.bind(2 + kDraftColumnCount, now);
        insert.bind(3 + kDraftColumnCount, now);
        bindText(insert, 4 + kDraftColumnCount, m_store.actor());
        insert.exec();
        id = db.getLastInsertRowid();
    });
    spdlog::info("session {} added for child {}", id, clean.childId);
    return session(id);
}

Session TimeLog::quickLog(Id childId, int minutes)
{
    SessionDraft draft;
    draft.childId = childId;
    draft.minutes = minutes;
    draft.day = m_store.clock().today();
    return addSession(draft);
}

EditResult TimeLog::updateSession(Id id, const SessionDraft& loaded, const SessionDraft& edited)
{
    const SessionDraft before = cleaned(loaded, m_store.actor());
    const SessionDraft clean = cleaned(edited, m_store.actor());
    validate(m_store, clean, session(id).data.caregiverUuid);
    EditResult result;
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        if (clean.childId != before.childId && !detail::childExists(db, clean.childId))
            throw StorageError(StorageError::Kind::NotFound, detail::kChildGone);
        result = detail::saveFields(m_store, "sessions", id, columns(loaded), columns(before), columns(clean),
                                    kSessionGone);
    });
    spdlog::info("session {} {}", id, result.isWritten ? "updated" : "saved unchanged");
    return result;
}

void TimeLog::trashSession(Id id)
{
    setSessionDeleted(m_store, id, true);
    spdlog::info("session {} moved to trash", id);
}

void TimeLog::restoreSession(Id id)
{
    setSessionDeleted(m_store, id, false);
    spdlog::info("session {} restored", id);
}

Session TimeLog::session(Id id) const
{
    SQLite::Statement query(m_store.db().sql(), std::string(kSessionColumns) + "WHERE s.id = ? AND s.deleted_at IS NULL");
    query.bind(1, id);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kSessionGone);
    return readSession(query);
}

std::vector<Session> TimeLog::sessions(const SessionFilter& filter) const
{
    const FilterSql sql = filterSql(filter);
    SQLite::Statement query(m_store.db().sql(), std::string(kSessionColumns) + sql.where
                                                    + " ORDER BY s.day DESC, s.id DESC LIMIT ? OFFSET ?");
    int index = bindFilter(query, sql);
    query.bind(index++, std::max(0, filter.limit));
    query.bind(index, std::max(0, filter.offset));
    std::vector<Session> result;
    while (query.executeStep())
        result.push_back(readSession(query));
    return result;
}

int TimeLog::countSessions(const SessionFilter& filter) const
{
    const FilterSql sql = filterSql(filter);
    SQLite::Statement query(m_store.db().sql(), "SELECT count(*) FROM sessions s " + sql.where);
    bindFilter(query, sql);
    query.executeStep();
    return query.getColumn(0).getInt();
}

std::vector<Session> TimeLog::sessionsOn(Id childId, const std::string& day) const
{
    SessionFilter filter;
    filter.childId = childId;
    filter.from = day;
    filter.to = day;
    return sessions(filter);
}

std::vector<std::string> TimeLog::recentActivities(Id childId, int limit) const
{
    // Walks this child's sessions newest first and stops once `limit` distinct activities are
    // found; the scan is capped so a child who always plays the same thing costs little.
    constexpr int kScanCap = 400;
    SQLite::Statement query(m_store.db().sql(), "SELECT activity FROM sessions WHERE child_id = ? AND deleted_at IS NULL "
                                                "AND activity <> '' ORDER BY day DESC, id DESC LIMIT ?");
    query.bind(1, childId);
    query.bind(2, kScanCap);
    std::vector<std::string> result;
    std::set<std::string> seen;
    while (static_cast<int>(result.size()) < limit && query.executeStep()) {
        std::string activity = query.getColumn(0).getString();
        if (seen.insert(lowerAscii(activity)).second)
            result.push_back(std::move(activity));
    }
    return result;
}

void TimeLog::setDayState(Id childId, const std::string& day, DayState state)
{
    throwIfInvalid(validateStateDay(day, m_store.clock().today()));
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        if (!detail::childExists(db, childId))
            throw StorageError(StorageError::Kind::NotFound, detail::kChildGone);
        const TimestampMs now = m_store.now();
        if (state == DayState::None) {
            // Clearing keeps the row as a tombstone, so a merge can tell "cleared" from "never set".
            SQLite::Statement clear(db, "UPDATE day_states SET deleted_at = ?, updated_at = ?, updated_by = ? "
                                        "WHERE child_id = ? AND day = ? AND deleted_at IS NULL");
            clear.bind(1, now);
            clear.bind(2, now);
            bindText(clear, 3, m_store.actor());
            clear.bind(4, childId);
            bindText(clear, 5, day);
            clear.exec();
            return;
        }
        // One row per child and day for ever: setting again revives it with the new state.
        SQLite::Statement upsert(db, "INSERT INTO day_states (uuid, child_id, day, state, created_at, updated_at, "
                                     "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (child_id, day) DO UPDATE "
                                     "SET state = excluded.state, deleted_at = NULL, updated_at = excluded.updated_at, "
                                     "updated_by = excluded.updated_by "
                                     "WHERE state <> excluded.state OR deleted_at IS NOT NULL");
        bindText(upsert, 1, m_store.newUuid());
        upsert.bind(2, childId);
        bindText(upsert, 3, day);
        bindText(upsert, 4, toString(state));
        upsert.bind(5, now);
        upsert.bind(6, now);
        bindText(upsert, 7, m_store.actor());
        upsert.exec();
    });
    spdlog::info("day state of child {} set to {}", childId, state == DayState::None ? "none" : toString(state));
}

DayState TimeLog::dayState(Id childId, const std::string& day) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT state FROM day_states WHERE child_id = ? AND day = ? AND deleted_at IS NULL");
    query.bind(1, childId);
    bindText(query, 2, day);
    if (!query.executeStep())
        return DayState::None;
    return dayStateFromString(query.getColumn(0).getString()).value_or(DayState::None);
}

} // namespace attune::core
