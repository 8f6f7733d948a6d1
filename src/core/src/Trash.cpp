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
#include <optional>
#include <string>

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

// Hard deletes, dependents first: foreign keys have no ON DELETE rules (a user action never
// deletes), so every row that points at a purged row goes (or lets go) before it. `which` is a
// constant condition on the table's own columns; ?1 is bound when `id` is given.
class Purger {
public:
    Purger(Store& store, std::optional<Id> id)
        : m_store(store)
        , m_id(id)
    {
    }

    // Each takes a subquery of ids (a constant SQL text that may use ?1).
    void children(const std::string& ids)
    {
        const std::string problems = "SELECT id FROM problems WHERE child_id IN (" + ids + ")";
        const std::string reflections = "SELECT id FROM reflections WHERE child_id IN (" + ids + ")";
        exec("DELETE FROM plan_b_talks WHERE problem_id IN (" + problems + ")");
        letGo("reflections", "problem_id", problems);
        letGo("problems", "reflection_id", reflections);
        exec("DELETE FROM problems WHERE child_id IN (" + ids + ")");
        exec("DELETE FROM reflections WHERE child_id IN (" + ids + ")");
        entries("SELECT id FROM notebook_entries WHERE child_id IN (" + ids + ")");
        for (const char* table : {"sessions", "day_states", "timers", "coreg_items"})
            exec(std::string("DELETE FROM ") + table + " WHERE child_id IN (" + ids + ")");
        exec("DELETE FROM children WHERE id IN (" + ids + ")");
    }

    void entries(const std::string& ids)
    {
        exec("DELETE FROM notebook_evidence WHERE entry_id IN (" + ids + ")");
        exec("DELETE FROM notebook_entries WHERE id IN (" + ids + ")");
    }

    void problems(const std::string& ids)
    {
        exec("DELETE FROM plan_b_talks WHERE problem_id IN (" + ids + ")");
        letGo("reflections", "problem_id", ids);
        exec("DELETE FROM problems WHERE id IN (" + ids + ")");
    }

    void reflections(const std::string& ids)
    {
        letGo("problems", "reflection_id", ids);
        exec("DELETE FROM reflections WHERE id IN (" + ids + ")");
    }

    void rows(const std::string& table, const std::string& ids)
    {
        exec("DELETE FROM " + table + " WHERE id IN (" + ids + ")");
    }

    void any(const std::string& table, const std::string& ids)
    {
        if (table == "children")
            children(ids);
        else if (table == "notebook_entries")
            entries(ids);
        else if (table == "problems")
            problems(ids);
        else if (table == "reflections")
            reflections(ids);
        else
            rows(table, ids);
    }

private:
    void exec(const std::string& sql)
    {
        SQLite::Statement statement(m_store.db().sql(), sql);
        if (m_id && statement.getBindParameterCount() > 0)
            statement.bind(1, *m_id);
        statement.exec();
    }

    // A live record that pointed at a purged one keeps its own data and forgets the link.
    void letGo(const std::string& table, const std::string& column, const std::string& ids)
    {
        SQLite::Statement statement(m_store.db().sql(), "UPDATE " + table + " SET " + column
                                                            + " = NULL, updated_at = ?2, updated_by = ?3 WHERE "
                                                            + column + " IN (" + ids + ")");
        if (m_id)
            statement.bind(1, *m_id);
        statement.bind(2, m_store.now());
        statement.bind(3, m_store.actor());
        statement.exec();
    }

    Store& m_store;
    std::optional<Id> m_id;
};

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

void Trash::empty()
{
    m_store.db().write([&] {
        Purger purger(m_store, std::nullopt);
        // Children first: their own trashed rows go with them.
        purger.children("SELECT id FROM children WHERE deleted_at IS NOT NULL");
        for (const auto& table : kTables) {
            const std::string name = table.table;
            if (name != "children")
                purger.any(name, "SELECT id FROM " + name + " WHERE deleted_at IS NOT NULL");
        }
        detail::syncSearchIndex(m_store.db().sql()); // purged text leaves the index
    });
    spdlog::info("trash emptied");
}

void Trash::purge(const TrashEntry& entry)
{
    const TrashableTable* table = findTable(entry.table);
    if (!table)
        throw StorageError(StorageError::Kind::NotFound, "Attune doesn't know how to delete that.");
    const std::string name = table->table;
    m_store.db().write([&] {
        SQLite::Statement exists(m_store.db().sql(),
                                 "SELECT 1 FROM " + name + " WHERE id = ? AND deleted_at IS NOT NULL");
        exists.bind(1, entry.id);
        if (!exists.executeStep())
            throw StorageError(StorageError::Kind::NotFound, "That is no longer in the trash.");
        Purger(m_store, entry.id).any(name, "SELECT ?1");
        detail::syncSearchIndex(m_store.db().sql());
    });
    spdlog::info("deleted {} {} from trash for good", entry.table, entry.id);
}

} // namespace attune::core
