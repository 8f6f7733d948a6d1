// SPDX-License-Identifier: MIT
#include "DataSchema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

namespace attune::core::detail {

namespace {

std::string upper(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// The CHECK (...) expressions of a CREATE TABLE statement, parentheses balanced, quotes skipped.
std::vector<std::string> checkExpressions(const std::string& sql)
{
    std::vector<std::string> checks;
    const std::string upperSql = upper(sql);
    std::size_t at = 0;
    while ((at = upperSql.find("CHECK", at)) != std::string::npos) {
        const bool isWordStart = at == 0 || !(std::isalnum(static_cast<unsigned char>(upperSql[at - 1])) || upperSql[at - 1] == '_');
        std::size_t open = at + 5;
        while (open < sql.size() && std::isspace(static_cast<unsigned char>(sql[open])))
            ++open;
        if (!isWordStart || open >= sql.size() || sql[open] != '(') {
            at += 5;
            continue;
        }
        int depth = 0;
        bool inQuote = false;
        std::size_t end = open;
        for (; end < sql.size(); ++end) {
            const char c = sql[end];
            if (c == '\'')
                inQuote = !inQuote;
            if (inQuote)
                continue;
            if (c == '(')
                ++depth;
            else if (c == ')' && --depth == 0)
                break;
        }
        std::string expression = sql.substr(open + 1, end - open - 1);
        // One line, single spaces: it may be shown in a message.
        std::string flat;
        for (const char c : expression) {
            const bool isSpace = std::isspace(static_cast<unsigned char>(c)) != 0;
            if (isSpace && (flat.empty() || flat.back() == ' '))
                continue;
            flat += isSpace ? ' ' : c;
        }
        while (!flat.empty() && flat.back() == ' ')
            flat.pop_back();
        checks.push_back(flat);
        at = end;
    }
    return checks;
}

} // namespace

bool TableInfo::hasColumn(const std::string& name_) const
{
    return column(name_) != nullptr;
}

const ColumnInfo* TableInfo::column(const std::string& name_) const
{
    for (const auto& c : columns)
        if (c.name == name_)
            return &c;
    return nullptr;
}

bool isDerivedTable(const std::string& name)
{
    return name == "search_docs" || name == "search_queue" || name.rfind("search_fts", 0) == 0
        || name.rfind("sqlite_", 0) == 0;
}

std::string quoted(const std::string& identifier)
{
    std::string text = "\"";
    for (const char c : identifier) {
        if (c == '"')
            text += '"';
        text += c;
    }
    return text + "\"";
}

bool tableExists(SQLite::Database& db, const std::string& table)
{
    SQLite::Statement query(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    query.bind(1, table);
    return query.executeStep();
}

std::vector<TableInfo> dataTables(SQLite::Database& db)
{
    std::vector<std::string> virtualTables;
    std::vector<std::pair<std::string, std::string>> candidates;
    {
        SQLite::Statement list(db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (list.executeStep()) {
            const std::string name = list.getColumn(0).getString();
            const std::string sql = list.getColumn(1).getString();
            if (upper(sql).rfind("CREATE VIRTUAL", 0) == 0)
                virtualTables.push_back(name);
            else
                candidates.emplace_back(name, sql);
        }
    }
    std::vector<TableInfo> tables;
    for (const auto& [name, sql] : candidates) {
        bool isShadow = isDerivedTable(name);
        for (const auto& virtualTable : virtualTables)
            isShadow = isShadow || name.rfind(virtualTable + "_", 0) == 0;
        if (isShadow)
            continue;
        TableInfo table;
        table.name = name;
        table.checks = checkExpressions(sql);
        std::map<std::string, std::string> references;
        {
            SQLite::Statement keys(db, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)");
            keys.bind(1, name);
            while (keys.executeStep())
                references[keys.getColumn(0).getString()] = keys.getColumn(1).getString();
        }
        SQLite::Statement columns(db, "SELECT name, type, \"notnull\", dflt_value IS NOT NULL FROM pragma_table_info(?) "
                                      "ORDER BY cid");
        columns.bind(1, name);
        while (columns.executeStep()) {
            ColumnInfo column;
            column.name = columns.getColumn(0).getString();
            if (column.name == "id")
                continue;
            column.type = upper(columns.getColumn(1).getString());
            column.isNotNull = columns.getColumn(2).getInt() != 0;
            column.hasDefault = columns.getColumn(3).getInt() != 0;
            const auto found = references.find(column.name);
            if (found != references.end())
                column.refTable = found->second;
            table.columns.push_back(column);
        }
        tables.push_back(std::move(table));
    }
    return tables;
}

std::vector<const TableInfo*> parentsFirst(const std::vector<TableInfo>& tables, std::set<DeferredReference>* deferred)
{
    std::vector<const TableInfo*> ordered;
    std::set<std::string> placed;
    // Whether `table` can be written now; with `allowNullable`, unmet nullable references are
    // allowed (they will be deferred).
    auto isReady = [&](const TableInfo& table, bool allowNullable) {
        for (const auto& column : table.columns) {
            const bool isUnmet =
                !column.refTable.empty() && column.refTable != table.name && !placed.count(column.refTable);
            if (isUnmet && (!allowNullable || column.isNotNull))
                return false;
        }
        return true;
    };
    while (ordered.size() < tables.size()) {
        bool isProgress = false;
        for (const auto& table : tables) {
            if (!placed.count(table.name) && isReady(table, false)) {
                ordered.push_back(&table);
                placed.insert(table.name);
                isProgress = true;
            }
        }
        if (isProgress)
            continue;
        // Stuck in a cycle: place the first table whose missing parents are all nullable
        // references, and defer those columns.
        const TableInfo* breaker = nullptr;
        for (const auto& table : tables) {
            if (!placed.count(table.name) && isReady(table, true)) {
                breaker = &table;
                break;
            }
        }
        if (!breaker || !deferred)
            throw std::logic_error("tables refer to each other in a cycle");
        for (const auto& column : breaker->columns) {
            if (!column.refTable.empty() && column.refTable != breaker->name && !placed.count(column.refTable))
                deferred->insert({breaker->name, column.name});
        }
        ordered.push_back(breaker);
        placed.insert(breaker->name);
    }
    return ordered;
}

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string base64Encode(const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::string text;
    text.reserve((size + 2) / 3 * 4);
    for (std::size_t i = 0; i < size; i += 3) {
        const unsigned a = bytes[i];
        const unsigned b = i + 1 < size ? bytes[i + 1] : 0U;
        const unsigned c = i + 2 < size ? bytes[i + 2] : 0U;
        const unsigned triple = (a << 16) | (b << 8) | c;
        text += kAlphabet[(triple >> 18) & 63U];
        text += kAlphabet[(triple >> 12) & 63U];
        text += i + 1 < size ? kAlphabet[(triple >> 6) & 63U] : '=';
        text += i + 2 < size ? kAlphabet[triple & 63U] : '=';
    }
    return text;
}

bool base64Decode(const std::string& text, std::string& bytes)
{
    if (text.size() % 4 != 0)
        return false;
    std::array<int, 256> values{};
    values.fill(-1);
    for (int i = 0; i < 64; ++i)
        values[static_cast<unsigned char>(kAlphabet[i])] = i;
    bytes.clear();
    bytes.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        int quad[4];
        int padding = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            if (c == '=' && i + 4 == text.size() && j >= 2) {
                quad[j] = 0;
                ++padding;
                continue;
            }
            if (padding > 0)
                return false;
            quad[j] = values[static_cast<unsigned char>(c)];
            if (quad[j] < 0)
                return false;
        }
        const unsigned triple = (static_cast<unsigned>(quad[0]) << 18) | (static_cast<unsigned>(quad[1]) << 12)
                              | (static_cast<unsigned>(quad[2]) << 6) | static_cast<unsigned>(quad[3]);
        bytes += static_cast<char>((triple >> 16) & 0xFFU);
        if (padding < 2)
            bytes += static_cast<char>((triple >> 8) & 0xFFU);
        if (padding < 1)
            bytes += static_cast<char>(triple & 0xFFU);
    }
    return base64Encode(bytes.data(), bytes.size()) == text;
}

} // namespace attune::core::detail
