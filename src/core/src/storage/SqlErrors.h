// SPDX-License-Identifier: MIT
// Internal: turns SQLite failures into the core's typed StorageError.
#pragma once

#include "attune/core/Errors.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace SQLite {
class Database;
class Exception;
} // namespace SQLite

namespace attune::core::detail {

StorageError toStorageError(int sqliteCode, const std::string& what);
StorageError toStorageError(const SQLite::Exception& error);

// Tables the user's data lives in (no sqlite_ internals, no FTS shadow tables), with rows.
std::vector<std::pair<std::string, std::int64_t>> tableRowCounts(SQLite::Database& db);

} // namespace attune::core::detail

namespace attune::core::detail {
// The verified backup of writeVerifiedBackup(), on a raw connection (used before migrations,
// when no Database object exists yet).
void backupConnection(SQLite::Database& source, const std::string& target);
} // namespace attune::core::detail
