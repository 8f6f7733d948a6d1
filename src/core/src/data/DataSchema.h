// SPDX-License-Identifier: MIT
// Internal: the shape of the user's data read from the file itself (sqlite_master, table_info,
// foreign_key_list), so export, import, restore previews and reports cover every feature's
// tables — including ones added after this was written — without a list to keep up to date.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace attune::core::detail {

struct ColumnInfo {
    std::string name;
    std::string type;       // declared type, upper case ("INTEGER", "TEXT", "BLOB", "REAL", "")
    bool isNotNull = false;
    bool hasDefault = false;
    std::string refTable;   // the table a foreign key points at (by its id), empty when none
};

struct TableInfo {
    std::string name;
    std::vector<ColumnInfo> columns; // in table order, without `id`
    std::vector<std::string> checks; // CHECK expressions of the CREATE TABLE statement
    bool hasColumn(const std::string& column) const;
    const ColumnInfo* column(const std::string& column) const;
};

// Derived data (the search index and its queue, FTS shadow tables): rebuilt from the records,
// never exported, imported, counted in previews or merged.
bool isDerivedTable(const std::string& name);

// Every table holding a parent's data, alphabetical. Each has `id` and `uuid` (checked by
// tests/core/ExportImportTest.cpp, so a new table without a uuid is noticed at once).
std::vector<TableInfo> dataTables(SQLite::Database& db);

// A reference column that cannot be filled when its row is written, because its table refers
// back to a table that comes later (problems ↔ reflections). It is written as NULL first and
// set once every row is in.
struct DeferredReference {
    std::string table;
    std::string column;
    bool operator<(const DeferredReference& other) const
    {
        return table != other.table ? table < other.table : column < other.column;
    }
};

// The same tables ordered so that every table comes after the tables it refers to. Where
// tables refer to each other in a cycle, the cycle is broken at nullable references, which
// are added to `deferred`; a cycle through NOT NULL references throws std::logic_error.
std::vector<const TableInfo*> parentsFirst(const std::vector<TableInfo>& tables,
                                           std::set<DeferredReference>* deferred = nullptr);

bool tableExists(SQLite::Database& db, const std::string& table);

// "name" quoted as an SQL identifier; names come from sqlite_master, never from input.
std::string quoted(const std::string& identifier);

std::string base64Encode(const void* data, std::size_t size);
// False when `text` is not canonical base64.
bool base64Decode(const std::string& text, std::string& bytes);

} // namespace attune::core::detail
