// SPDX-License-Identifier: MIT
// Internal: small helpers every repository in the core shares for binding and reading rows.
#pragma once

#include "attune/core/Errors.h"
#include "attune/core/Types.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace attune::core {
class Store;
}

namespace attune::core::detail {

// Reads id, uuid, created_at, updated_at, updated_by starting at column `first`.
inline RecordMeta readMeta(SQLite::Statement& row, int first)
{
    RecordMeta meta;
    meta.id = row.getColumn(first).getInt64();
    meta.uuid = row.getColumn(first + 1).getString();
    meta.createdAt = row.getColumn(first + 2).getInt64();
    meta.updatedAt = row.getColumn(first + 3).getInt64();
    meta.updatedBy = row.getColumn(first + 4).getString();
    return meta;
}

// Length-aware: embedded NUL bytes survive. Binds are 1-based.
inline void bindText(SQLite::Statement& statement, int index, const std::string& text)
{
    statement.bind(index, text);
}

inline void bindOptional(SQLite::Statement& statement, int index, const std::optional<std::int64_t>& value)
{
    if (value)
        statement.bind(index, *value);
    else
        statement.bind(index); // NULL
}

inline std::optional<std::int64_t> optionalInt64(SQLite::Statement& row, int column)
{
    if (row.getColumn(column).isNull())
        return std::nullopt;
    return row.getColumn(column).getInt64();
}

inline void requireChanged(SQLite::Database& db, const char* what)
{
    if (db.getChanges() == 0)
        throw StorageError(StorageError::Kind::NotFound, what);
}

inline void throwIfInvalid(std::vector<FieldError> errors)
{
    if (!errors.empty())
        throw ValidationError(std::move(errors));
}

// True when an active (not trashed) child has this id.
inline bool childExists(SQLite::Database& db, Id childId)
{
    SQLite::Statement exists(db, "SELECT 1 FROM children WHERE id = ? AND deleted_at IS NULL");
    exists.bind(1, childId);
    return exists.executeStep();
}

// Moves one row to the trash (isDeleted) or back, in one write transaction, recording when
// and by whom. `table` is a literal of the calling file, never input. Throws
// StorageError(NotFound) with `notFound` when the row is missing or already in that state.
void setDeleted(Store& store, const char* table, Id id, bool isDeleted, const char* notFound);

inline constexpr const char* kChildGone = "That child is no longer here. They may have been moved to the trash.";

} // namespace attune::core::detail
