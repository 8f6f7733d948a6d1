// SPDX-License-Identifier: MIT
#include "SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <spdlog/spdlog.h>

namespace attune::core::detail {

StorageError toStorageError(int sqliteCode, const std::string& what)
{
    using Kind = StorageError::Kind;
    // Only the error code reaches the log: SQLite's message can quote the data.
    spdlog::error("storage error: sqlite code {}", sqliteCode);
    switch (sqliteCode & 0xFF) {
    case SQLITE_FULL:
        return StorageError(Kind::DiskFull,
                            "The disk is full, so this was not saved. Free some space and try "
                            "again; what you typed is still here.");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return StorageError(Kind::ReadOnly, "Attune can't write to its file right now (it is read-only). "
                                            "Nothing was changed.");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StorageError(Kind::Busy, "The Attune file is busy in another program. Please try again in a moment.");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return StorageError(Kind::Corrupt, "The Attune file looks damaged, so nothing was changed. "
                                           "You can restore a backup.");
    case SQLITE_CANTOPEN:
        return StorageError(Kind::Missing, "Attune can't open its file. It may have been moved or deleted.");
    default:
        return StorageError(Kind::Io, what.empty() ? "Attune couldn't save this because of a problem with the disk. "
                                                     "Nothing was changed; please try again."
                                                   : what);
    }
}

StorageError toStorageError(const SQLite::Exception& error)
{
    const int code = error.getErrorCode();
    // Constraint failures are programming errors here (input is validated first), but they
    // still must not reach a parent as SQL text.
    return toStorageError(code == -1 ? SQLITE_ERROR : code, {});
}

std::vector<std::pair<std::string, std::int64_t>> tableRowCounts(SQLite::Database& db)
{
    std::vector<std::string> virtualTables;
    std::vector<std::string> tables;
    SQLite::Statement list(db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    while (list.executeStep()) {
        const std::string name = list.getColumn(0).getString();
        const std::string sql = list.getColumn(1).getString();
        if (sql.rfind("CREATE VIRTUAL", 0) == 0)
            virtualTables.push_back(name);
        else
            tables.push_back(name);
    }
    std::vector<std::pair<std::string, std::int64_t>> counts;
    for (const auto& table : tables) {
        bool isShadow = false;
        for (const auto& virtualTable : virtualTables)
            isShadow = isShadow || table.rfind(virtualTable + "_", 0) == 0;
        if (isShadow)
            continue;
        // Table names come from sqlite_master, never from input; quoting keeps odd names safe.
        SQLite::Statement count(db, "SELECT count(*) FROM \"" + table + "\"");
        count.executeStep();
        counts.emplace_back(table, count.getColumn(0).getInt64());
    }
    return counts;
}

} // namespace attune::core::detail
