// SPDX-License-Identifier: MIT
#include "search/SearchSync.h"

#include "attune/core/Search.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <spdlog/spdlog.h>

#include <array>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace attune::core::detail {

namespace {

// One searchable kind of record. `liveRow` takes ?1 = ref_id and returns (child_id, owner_id,
// label, title text, body text) only while the record and everything it belongs to is out of
// the trash; no row means "not in the index". `allIds` lists every record for a rebuild.
struct SearchSource {
    const char* kind;
    const char* liveRow;
    const char* allIds;
};

constexpr SearchSource kSources[] = {
    {search_kind::kEntry,
     "SELECT e.child_id, e.id, e.title, e.title || CASE WHEN e.shine = '' THEN '' ELSE ' ↔ ' || e.shine END, "
     "e.details FROM notebook_entries e WHERE e.id = ?1 AND e.deleted_at IS NULL",
     "SELECT id FROM notebook_entries"},
    {search_kind::kEvidence,
     "SELECT e.child_id, e.id, e.title, '', v.note FROM notebook_evidence v "
     "JOIN notebook_entries e ON e.id = v.entry_id "
     "WHERE v.id = ?1 AND v.deleted_at IS NULL AND e.deleted_at IS NULL",
     "SELECT id FROM notebook_evidence"},
    {search_kind::kSession,
     "SELECT s.child_id, s.id, s.day, s.activity, "
     "s.note || CASE WHEN s.note <> '' AND s.marvel <> '' THEN char(10) ELSE '' END || s.marvel "
     "FROM sessions s WHERE s.id = ?1 AND s.deleted_at IS NULL "
     "AND (s.activity <> '' OR s.note <> '' OR s.marvel <> '')",
     "SELECT id FROM sessions"},
};

// Index into kSources, or -1.
int findSource(const std::string& kind)
{
    for (std::size_t i = 0; i < std::size(kSources); ++i) {
        if (kind == kSources[i].kind)
            return static_cast<int>(i);
    }
    return -1;
}

// The snippet markers must only ever come from the index, so stored text never holds them.
std::string withoutMarkers(std::string text)
{
    for (char& c : text) {
        if (c == kMatchStart || c == kMatchEnd)
            c = ' ';
    }
    return text;
}

} // namespace

bool isSearchIndexBehind(SQLite::Database& db)
{
    return db.execAndGet("SELECT EXISTS (SELECT 1 FROM search_queue)").getInt() != 0;
}

void syncSearchIndex(SQLite::Database& db)
{
    std::vector<std::pair<std::string, std::int64_t>> pending;
    {
        SQLite::Statement queued(db, "SELECT kind, ref_id FROM search_queue");
        while (queued.executeStep())
            pending.emplace_back(queued.getColumn(0).getString(), queued.getColumn(1).getInt64());
    }
    if (pending.empty())
        return;

    SQLite::Statement findDoc(db, "SELECT id FROM search_docs WHERE kind = ? AND ref_id = ?");
    SQLite::Statement dropText(db, "DELETE FROM search_fts WHERE rowid = ?");
    SQLite::Statement dropDoc(db, "DELETE FROM search_docs WHERE id = ?");
    SQLite::Statement addDoc(db, "INSERT INTO search_docs (kind, ref_id, child_id, owner_id, label) "
                                 "VALUES (?, ?, ?, ?, ?)");
    SQLite::Statement updateDoc(db, "UPDATE search_docs SET child_id = ?, owner_id = ?, label = ? WHERE id = ?");
    SQLite::Statement addText(db, "INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)");
    std::array<std::unique_ptr<SQLite::Statement>, std::size(kSources)> liveRows;

    for (const auto& [kind, refId] : pending) {
        std::int64_t docId = 0;
        findDoc.bind(1, kind);
        findDoc.bind(2, refId);
        if (findDoc.executeStep())
            docId = findDoc.getColumn(0).getInt64();
        findDoc.reset();
        if (docId != 0) {
            dropText.bind(1, docId);
            dropText.exec();
            dropText.reset();
        }

        const int source = findSource(kind);
        if (source < 0)
            spdlog::warn("search: no source for a queued kind");
        SQLite::Statement* row = nullptr;
        bool isLive = false;
        if (source >= 0) {
            auto& statement = liveRows[static_cast<std::size_t>(source)];
            if (!statement)
                statement = std::make_unique<SQLite::Statement>(db, kSources[static_cast<std::size_t>(source)].liveRow);
            row = statement.get();
            row->reset();
            row->bind(1, refId);
            isLive = row->executeStep();
        }
        if (!isLive) {
            if (docId != 0) {
                dropDoc.bind(1, docId);
                dropDoc.exec();
                dropDoc.reset();
            }
            continue;
        }
        const std::int64_t childId = row->getColumn(0).getInt64();
        const std::int64_t ownerId = row->getColumn(1).getInt64();
        const std::string label = withoutMarkers(row->getColumn(2).getString());
        if (docId == 0) {
            addDoc.bind(1, kind);
            addDoc.bind(2, refId);
            addDoc.bind(3, childId);
            addDoc.bind(4, ownerId);
            addDoc.bind(5, label);
            addDoc.exec();
            addDoc.reset();
            docId = db.getLastInsertRowid();
        } else {
            updateDoc.bind(1, childId);
            updateDoc.bind(2, ownerId);
            updateDoc.bind(3, label);
            updateDoc.bind(4, docId);
            updateDoc.exec();
            updateDoc.reset();
        }
        addText.bind(1, docId);
        addText.bind(2, withoutMarkers(row->getColumn(3).getString()));
        addText.bind(3, withoutMarkers(row->getColumn(4).getString()));
        addText.exec();
        addText.reset();
        row->reset();
    }
    db.exec("DELETE FROM search_queue");
    spdlog::debug("search index: {} records brought up to date", pending.size());
}

void queueFullSearchRebuild(SQLite::Database& db)
{
    db.exec("DELETE FROM search_fts");
    db.exec("DELETE FROM search_docs");
    for (const auto& source : kSources) {
        SQLite::Statement queue(db, std::string("INSERT OR IGNORE INTO search_queue (kind, ref_id) SELECT ?, id FROM (")
                                        + source.allIds + ")");
        queue.bind(1, source.kind);
        queue.exec();
    }
}

} // namespace attune::core::detail
