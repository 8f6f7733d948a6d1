// SPDX-License-Identifier: MIT
#include "attune/core/RecordHistory.h"

#include "attune/core/Database.h"
#include "attune/core/Store.h"
#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace attune::core {

RecordHistory::RecordHistory(Store& store)
    : m_store(store)
{
}

namespace {

constexpr const char* kSelect = "SELECT h.id, h.uuid, h.created_at, h.updated_at, h.updated_by, h.table_name, "
                                "h.record_uuid, h.field, h.value, h.value_bytes, h.value_bytes IS NOT NULL, "
                                "h.replaced_at, h.written_by, coalesce(c.name, '') "
                                "FROM record_history h LEFT JOIN caregivers c ON c.uuid = h.written_by "
                                "AND c.deleted_at IS NULL ";
constexpr const char* kNewestFirst = " ORDER BY h.replaced_at DESC, h.id DESC";

std::vector<HistoryEntry> readEntries(SQLite::Statement& query)
{
    std::vector<HistoryEntry> result;
    while (query.executeStep()) {
        HistoryEntry entry;
        entry.meta = detail::readMeta(query, 0);
        entry.table = query.getColumn(5).getString();
        entry.recordUuid = query.getColumn(6).getString();
        entry.field = query.getColumn(7).getString();
        entry.value = query.getColumn(8).getString();
        entry.bytes = query.getColumn(9).getString(); // length-aware: a photo's bytes whole
        entry.isBytes = query.getColumn(10).getInt() != 0;
        entry.replacedAt = query.getColumn(11).getInt64();
        entry.writtenBy = query.getColumn(12).getString();
        entry.writtenByName = query.getColumn(13).getString();
        result.push_back(std::move(entry));
    }
    return result;
}

} // namespace

std::vector<HistoryEntry> RecordHistory::entries(const std::string& recordUuid) const
{
    SQLite::Statement query(m_store.db().sql(), std::string(kSelect)
                                                    + "WHERE h.record_uuid = ? AND h.deleted_at IS NULL" + kNewestFirst);
    query.bind(1, recordUuid);
    return readEntries(query);
}

std::vector<HistoryEntry> RecordHistory::recent(int limit) const
{
    SQLite::Statement query(m_store.db().sql(),
                            std::string(kSelect) + "WHERE h.deleted_at IS NULL" + kNewestFirst + " LIMIT ?");
    query.bind(1, limit);
    return readEntries(query);
}

int RecordHistory::count(const std::string& recordUuid) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT count(*) FROM record_history WHERE record_uuid = ? AND deleted_at IS NULL");
    query.bind(1, recordUuid);
    query.executeStep();
    return query.getColumn(0).getInt();
}

} // namespace attune::core
