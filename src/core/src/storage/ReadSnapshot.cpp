// SPDX-License-Identifier: MIT
#include "attune/core/ReadSnapshot.h"

#include "attune/core/Database.h"
#include "SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace attune::core {

ReadSnapshot::ReadSnapshot(Database& db)
    : m_db(db)
{
    try {
        // A deferred transaction takes its snapshot at the first read, so read once now.
        m_db.sql().exec("BEGIN");
        m_db.sql().execAndGet("SELECT count(*) FROM sqlite_master");
    } catch (const SQLite::Exception& error) {
        sqlite3_exec(m_db.sql().getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw detail::toStorageError(error);
    }
}

ReadSnapshot::~ReadSnapshot()
{
    if (sqlite3_get_autocommit(m_db.sql().getHandle()) == 0)
        sqlite3_exec(m_db.sql().getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace attune::core
