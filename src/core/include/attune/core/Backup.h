// SPDX-License-Identifier: MIT
// Verified copies of the database (SQLite online backup API).
#pragma once

#include <filesystem>

namespace attune::core {

class Database;

// Copies `db` to `target` the safe way: into a temporary file beside it, fsync, reopen and
// run integrity_check, compare every table's row count, then rename into place and fsync the
// folder. On any failure the temporary file is removed, `target` is untouched and a
// StorageError says why. Returns `target`.
std::filesystem::path writeVerifiedBackup(Database& db, const std::filesystem::path& target);

} // namespace attune::core
