// SPDX-License-Identifier: MIT
// JSON and CSV exports. Written by hand rather than through a JSON DOM: the output must be
// byte-for-byte stable (docs/export-format.md) and the 10-year file streams out in well under
// a second.
#include "attune/core/Export.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "DataSchema.h"
#include "storage/SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace attune::core {

namespace {

void appendJsonString(std::string& out, const char* text, std::size_t size)
{
    out += '"';
    for (std::size_t i = 0; i < size; ++i) {
        const char c = text[i];
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
            else
                out += c;
        }
    }
    out += '"';
}

std::int64_t countRows(SQLite::Database& db, const std::vector<detail::TableInfo>& tables)
{
    std::int64_t total = 0;
    for (const auto& table : tables)
        total += db.execAndGet("SELECT count(*) FROM " + detail::quoted(table.name)).getInt64();
    return total;
}

// Reports every 500 rows and stops when asked.
class Ticker {
public:
    Ticker(const Progress& progress, std::size_t total)
        : m_progress(progress)
        , m_total(total)
    {
    }
    void tick()
    {
        ++m_done;
        if (m_done % 500 != 0)
            return;
        check();
    }
    void check() const
    {
        if (m_progress.stop && m_progress.stop->load())
            throw WorkCancelled();
        if (m_progress.report)
            m_progress.report(m_done, m_total);
    }
    void finish() const
    {
        if (m_progress.report)
            m_progress.report(m_total, m_total);
    }

private:
    const Progress& m_progress;
    std::size_t m_total;
    std::size_t m_done = 0;
};

// SELECT of every column of `table` with references turned into the referenced row's uuid.
std::string selectWithUuids(const detail::TableInfo& table, const std::vector<const detail::ColumnInfo*>& columns,
                            const char* order)
{
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& column = *columns[i];
        if (i > 0)
            sql += ", ";
        if (!column.refTable.empty())
            sql += "(SELECT r.uuid FROM " + detail::quoted(column.refTable) + " r WHERE r.id = t." + detail::quoted(column.name) + ")";
        else
            sql += "t." + detail::quoted(column.name);
    }
    return sql + " FROM " + detail::quoted(table.name) + " t ORDER BY " + order;
}

} // namespace

std::string exportJson(Database& db, const Progress& progress)
{
    try {
        SQLite::Database& sql = db.sql();
        // One read transaction: the export is a consistent snapshot even if the app writes.
        SQLite::Transaction snapshot(sql);
        const auto tables = detail::dataTables(sql);
        Ticker ticker(progress, static_cast<std::size_t>(countRows(sql, tables)));
        std::string out;
        out.reserve(1 << 20);
        out += fmt::format("{{\n  \"format\": \"{}\",\n  \"formatVersion\": {},\n  \"schemaVersion\": {},\n  \"tables\": {{",
                           kExportFormatName, kExportFormatVersion, db.schemaVersion());
        bool isFirstTable = true;
        for (const auto& table : tables) {
            std::vector<const detail::ColumnInfo*> columns;
            for (const auto& column : table.columns)
                columns.push_back(&column);
            std::sort(columns.begin(), columns.end(), [](auto* a, auto* b) { return a->name < b->name; });
            out += isFirstTable ? "\n    " : ",\n    ";
            isFirstTable = false;
            appendJsonString(out, table.name.data(), table.name.size());
            out += ": [";
            SQLite::Statement rows(sql, selectWithUuids(table, columns, table.hasColumn("uuid") ? "t.uuid" : "t.rowid"));
            bool isFirstRow = true;
            while (rows.executeStep()) {
                out += isFirstRow ? "\n      {" : ",\n      {";
                isFirstRow = false;
                for (std::size_t i = 0; i < columns.size(); ++i) {
                    if (i > 0)
                        out += ", ";
                    appendJsonString(out, columns[i]->name.data(), columns[i]->name.size());
                    out += ": ";
                    const SQLite::Column value = rows.getColumn(static_cast<int>(i));
                    const bool isBlobColumn = columns[i]->type == "BLOB";
                    switch (value.getType()) {
                    case SQLITE_NULL: out += "null"; break;
                    case SQLITE_INTEGER:
                        if (isBlobColumn) {
                            const std::string text = std::to_string(value.getInt64());
                            out += '"' + detail::base64Encode(text.data(), text.size()) + '"';
                        } else {
                            out += std::to_string(value.getInt64());
                        }
                        break;
                    case SQLITE_FLOAT: out += fmt::format("{}", value.getDouble()); break;
                    default: {
                        // getBlob() for text too: length-aware, so an embedded NUL survives.
                        const void* data = value.getBlob();
                        const auto size = static_cast<std::size_t>(value.getBytes());
                        if (isBlobColumn)
                            out += '"' + detail::base64Encode(data, size) + '"';
                        else
                            appendJsonString(out, static_cast<const char*>(data), size);
                    }
                    }
                }
                out += '}';
                ticker.tick();
            }
            out += isFirstRow ? "]" : "\n    ]";
        }
        out += "\n  }\n}\n";
        ticker.finish();
        spdlog::info("JSON export made: {} tables", tables.size());
        return out;
    } catch (const SQLite::Exception& error) {
        throw detail::toStorageError(error);
    }
}

void writeJsonExport(Database& db, const fs::path& file, const Progress& progress)
{
    writeFileSafely(file, exportJson(db, progress));
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string field = "\"";
    for (const char c : text) {
        if (c == '"')
            field += '"';
        field += c;
    }
    return field + '"';
}

std::vector<fs::path> writeCsvExport(Database& db, const fs::path& folder, const Progress& progress)
{
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        throw StorageError(StorageError::Kind::ReadOnly, fmt::format("The folder {} could not be made.", folder.string()));
    std::vector<std::pair<fs::path, std::string>> files;
    try {
        SQLite::Database& sql = db.sql();
        SQLite::Transaction snapshot(sql);
        const auto tables = detail::dataTables(sql);
        Ticker ticker(progress, static_cast<std::size_t>(countRows(sql, tables)));
        for (const auto& table : tables) {
            std::string out = "id";
            std::string select = "SELECT id";
            for (const auto& column : table.columns) {
                out += "," + csvField(column.name);
                select += ", " + detail::quoted(column.name);
            }
            out += "\r\n";
            SQLite::Statement rows(sql, select + " FROM " + detail::quoted(table.name) + " ORDER BY id");
            const int count = rows.getColumnCount();
            while (rows.executeStep()) {
                for (int i = 0; i < count; ++i) {
                    if (i > 0)
                        out += ',';
                    const SQLite::Column value = rows.getColumn(i);
                    if (value.getType() == SQLITE_NULL)
                        continue;
                    if (value.getType() == SQLITE_BLOB)
                        out += detail::base64Encode(value.getBlob(), static_cast<std::size_t>(value.getBytes()));
                    else
                        out += csvField(value.getString());
                }
                out += "\r\n";
                ticker.tick();
            }
            files.emplace_back(folder / (table.name + ".csv"), std::move(out));
        }
        ticker.finish();
    } catch (const SQLite::Exception& sqlError) {
        throw detail::toStorageError(sqlError);
    }
    std::vector<fs::path> written;
    for (const auto& [file, bytes] : files) {
        writeFileSafely(file, bytes);
        written.push_back(file);
    }
    spdlog::info("CSV export made: {} files", written.size());
    return written;
}

} // namespace attune::core
