// SPDX-License-Identifier: MIT
// Keeps the FTS5 index in step with the records (inside the core only).
//
// SQLite refuses writes to an FTS5 table from a trigger while trusted_schema is OFF (our
// setting, see docs/reliability.md), so triggers on each searchable table only queue
// (kind, ref_id) in search_queue, and syncSearchIndex() re-reads the queued records and updates
// search_docs and search_fts. Every service that writes searchable text calls it at the end of
// its write transaction, so the index is committed together with the change; Search::find()
// catches up on anything another writer (an import, a future sync) left queued.
//
// To make another feature's text searchable: add a SearchSource for its kind in SearchSync.cpp
// and AFTER INSERT / UPDATE OF <text columns, deleted_at> / DELETE triggers on its table that
// INSERT OR IGNORE INTO search_queue (kind, ref_id).
#pragma once

namespace SQLite {
class Database;
}

namespace attune::core::detail {

// Must run inside a write transaction. Cheap when nothing is queued.
void syncSearchIndex(SQLite::Database& db);
// True when some change has not reached the index yet.
bool isSearchIndexBehind(SQLite::Database& db);
// Queues every record of every kind and drops the index; follow with syncSearchIndex().
void queueFullSearchRebuild(SQLite::Database& db);

} // namespace attune::core::detail
