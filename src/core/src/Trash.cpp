// SPDX-License-Identifier: MIT
#include "attune/core/Trash.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Store.h"
#include "search/SearchSync.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace attune::core {

namespace {

struct TrashableTable {
    const char* table;
    const char* title; // SQL expression for the line shown in the trash
};

// Every table a parent can delete from. A feature that adds a trashable table adds it here.
constexpr TrashableTable kTables[] = {
    {"children", "name"},
    {"coreg_items", "label"},
    // "Maya · 2026-11-28 · 15 min"
    {"sessions", "coalesce((SELECT name FROM children WHERE children.id = sessions.child_id), '') || ' \xC2\xB7 ' "
                 "|| day || ' \xC2\xB7 ' || minutes || ' min'"},
    {"notebook_entries", "title || CASE WHEN shine = '' THEN '' ELSE ' ↔ ' || shine END"},
    // An evidence line is shown with the entry it belongs to.
    {"notebook_evidence", "(SELECT e.title FROM notebook_entries e WHERE e.id = entry_id) || ': ' || "
                          "substr(note, 1, 120)"},
    {"reflections", "CASE WHEN summary <> '' THEN summary ELSE substr(what_happened, 1, 120) END"},
    {"problems", "text"},
    {"plan_b_talks", "'Plan B talk on ' || scheduled_on"},
};

const TrashableTable* findTable(const std::string& name)
{
    for (const auto& table : kTables) {
        if (name == table.table)
            return &table;
    }
    return nullptr;
}

} // namespace

Trash::Trash(Store& store)
    : m_store(store)
{
}

std::vector<TrashEntry> Trash::entries() const
{
    std::vector<TrashEntry> result;
    for (const auto& table : kTables) {
        SQLite::Statement query(m_store.db().sql(), std::string("SELECT id, ") + table.title + ", deleted_at FROM "
                                                        + table.table + " WHERE deleted_at IS NOT NULL");
        while (query.executeStep()) {
            result.push_back({table.table, query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                              query.getColumn(2).getInt64()});
        }
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const TrashEntry& a, const TrashEntry& b) { return a.deletedAt > b.deletedAt; });
    return result;
}

void Trash::restore(const TrashEntry& entry)
{
    const TrashableTable* table = findTable(entry.table);
    if (!table)
        throw StorageError(StorageError::Kind::NotFound, "Attune doesn't know how to restore that.");
    m_store.db().write([&] {
        SQLite::Statement update(m_store.db().sql(), std::string("UPDATE ") + table->table
                                                         + " SET deleted_at = NULL, updated_at = ?, updated_by = ? "
                                                           "WHERE id = ? AND deleted_at IS NOT NULL");
        update.bind(1, m_store.now());
        update.bind(2, m_store.actor());
        update.bind(3, entry.id);
        update.exec();
        if (m_store.db().sql().getChanges() == 0)
            throw StorageError(StorageError::Kind::NotFound, "That is no longer in the trash.");
        detail::syncSearchIndex(m_store.db().sql()); // restored text is searchable again
    });
    spdlog::info("restored {} {} from trash", entry.table, entry.id);
}

} // namespace attune::core
