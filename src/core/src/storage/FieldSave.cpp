// SPDX-License-Identifier: MIT
#include "FieldSave.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Store.h"
#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <cstring>
#include <spdlog/spdlog.h>

namespace attune::core::detail {

SqlValue SqlValue::of(std::int64_t value)
{
    SqlValue result;
    result.kind = Kind::Integer;
    result.integer = value;
    return result;
}

SqlValue SqlValue::of(const std::string& value)
{
    SqlValue result;
    result.kind = Kind::Text;
    result.text = value;
    return result;
}

SqlValue SqlValue::of(const std::optional<std::int64_t>& value)
{
    return value ? of(*value) : SqlValue();
}

SqlValue SqlValue::ofBytes(const std::string& bytes)
{
    SqlValue result;
    result.kind = Kind::Bytes;
    result.text = bytes;
    return result;
}

bool SqlValue::isEmpty() const
{
    return kind == Kind::Null || ((kind == Kind::Text || kind == Kind::Bytes) && text.empty());
}

bool SqlValue::operator==(const SqlValue& other) const
{
    if (isEmpty() || other.isEmpty())
        return isEmpty() && other.isEmpty();
    if (kind == Kind::Integer || other.kind == Kind::Integer)
        return kind == other.kind && integer == other.integer;
    return text == other.text; // text and bytes alike, byte for byte
}

namespace {

void bind(SQLite::Statement& statement, int index, const SqlValue& value)
{
    switch (value.kind) {
    case SqlValue::Kind::Null: statement.bind(index); break;
    case SqlValue::Kind::Integer: statement.bind(index, value.integer); break;
    case SqlValue::Kind::Text: statement.bind(index, value.text); break;
    case SqlValue::Kind::Bytes:
        if (value.text.empty())
            statement.bind(index); // no photo is NULL, as addChild writes it
        else
            statement.bind(index, value.text.data(), static_cast<int>(value.text.size()));
        break;
    }
}

SqlValue read(SQLite::Statement& row, int column)
{
    const SQLite::Column cell = row.getColumn(column);
    switch (cell.getType()) {
    case SQLITE_INTEGER: return SqlValue::of(cell.getInt64());
    case SQLITE_NULL: return {};
    case SQLITE_BLOB: return SqlValue::ofBytes(cell.getString());
    default: return SqlValue::of(cell.getString()); // length-aware: an embedded NUL survives
    }
}

// Keeps `stored`, which a save is about to replace, in record_history.
void keep(Store& store, const char* table, const std::string& recordUuid, const char* column, const SqlValue& stored,
          const std::string& writtenBy)
{
    SQLite::Statement insert(store.db().sql(),
                             "INSERT INTO record_history (uuid, table_name, record_uuid, field, value, value_bytes, "
                             "written_by, replaced_at, created_at, updated_at, updated_by) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const TimestampMs now = store.now();
    insert.bind(1, store.newUuid());
    insert.bind(2, table);
    insert.bind(3, recordUuid);
    insert.bind(4, column);
    if (stored.kind == SqlValue::Kind::Bytes) {
        insert.bind(5);
        bind(insert, 6, stored);
    } else {
        insert.bind(5, stored.kind == SqlValue::Kind::Integer ? std::to_string(stored.integer) : stored.text);
        insert.bind(6);
    }
    insert.bind(7, writtenBy);
    insert.bind(8, now);
    insert.bind(9, now);
    insert.bind(10, now);
    insert.bind(11, store.actor());
    insert.exec();
}

} // namespace

bool isChanged(const Columns& before, const Columns& edited, const char* column)
{
    for (std::size_t i = 0; i < before.size() && i < edited.size(); ++i)
        if (std::strcmp(before[i].first, column) == 0)
            return !(before[i].second == edited[i].second);
    return false;
}

EditResult saveFields(Store& store, const char* table, Id id, const Columns& loaded, const Columns& before,
                      const Columns& edited, const char* notFound, const Columns& extra)
{
    SQLite::Database& db = store.db().sql();
    EditResult result;
    std::string select = "SELECT uuid, updated_by";
    for (const auto& [column, value] : edited)
        select += std::string(", ") + column;
    SQLite::Statement current(db, select + " FROM " + table + " WHERE id = ? AND deleted_at IS NULL");
    current.bind(1, id);
    if (!current.executeStep())
        throw StorageError(StorageError::Kind::NotFound, notFound);
    const std::string uuid = current.getColumn(0).getString();
    const std::string storedBy = current.getColumn(1).getString();

    Columns writes;
    for (std::size_t i = 0; i < edited.size(); ++i) {
        const auto& [column, value] = edited[i];
        if (before[i].second == value)
            continue; // the parent did not touch it: what the file holds now stays
        const SqlValue stored = read(current, static_cast<int>(i) + 2);
        if (stored == value)
            continue; // already so (the same change made elsewhere)
        if (!(stored == loaded[i].second)) {
            keep(store, table, uuid, column, stored, storedBy);
            result.keptFields.emplace_back(column);
        }
        writes.emplace_back(column, value);
    }
    current.reset();
    if (writes.empty())
        return result;
    writes.insert(writes.end(), extra.begin(), extra.end());
    std::string update = std::string("UPDATE ") + table + " SET ";
    for (const auto& [column, value] : writes)
        update += std::string(column) + " = ?, ";
    update += "updated_at = ?, updated_by = ? WHERE id = ? AND deleted_at IS NULL";
    SQLite::Statement statement(db, update);
    int index = 1;
    for (const auto& [column, value] : writes)
        bind(statement, index++, value);
    statement.bind(index++, store.now());
    bindText(statement, index++, store.actor());
    statement.bind(index, id);
    statement.exec();
    requireChanged(db, notFound);
    result.isWritten = true;
    if (!result.keptFields.empty())
        spdlog::info("{} {}: {} field(s) had changed since loading; the replaced values are kept", table, id,
                     result.keptFields.size());
    return result;
}

} // namespace attune::core::detail
