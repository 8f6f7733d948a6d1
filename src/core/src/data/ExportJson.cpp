// SPDX-License-Identifier: MIT
// JSON and CSV exports. Written by hand rather than through a JSON DOM: the output must be
// byte-for-byte stable (docs/export-format.md) and the 10-year file streams out in well under
// a second.
#include "attune/core/Export.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/OutputPath.h"
#include "DataSchema.h"
#include "data/TempFiles.h"
#include "storage/SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <string_view>

#include <fcntl.h>

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

// Before a formula: what spreadsheet programs read as the start of one (and the apostrophe,
// so that one added by csvText() can always be told from one the parent wrote).
constexpr std::string_view kFormulaStarts = "=+-@\t\r'";
// UTF-8's byte order mark: without it spreadsheet programs read accents and emoji as Latin-1.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Puts the finished `staging` folder where `target` is, in one step.
void putFolderInPlace(const fs::path& staging, const fs::path& target)
{
    std::error_code error;
    if (!fs::exists(target, error) || fs::is_empty(target, error)) {
        // rename() moves a whole folder into place; it also replaces an empty one.
        if (std::rename(staging.c_str(), target.c_str()) != 0)
            throw detail::fileError(errno, target);
        return;
    }
    // An earlier export (only CSV files: checkOutputPath saw to it) swapped for the new one.
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(staging, error); // it holds the earlier export now
        return;
    }
    if (errno != EINVAL && errno != ENOSYS)
        throw detail::fileError(errno, target);
    // A file system that can't swap: the earlier export aside, the new one in, the old one gone.
    const fs::path parent = staging.parent_path();
    const fs::path aside = detail::createTempFolder(parent, "." + target.filename().string() + ".old-", target);
    if (std::rename(target.c_str(), aside.c_str()) != 0) {
        const int failed = errno;
        fs::remove(aside, error);
        throw detail::fileError(failed, target);
    }
    if (std::rename(staging.c_str(), target.c_str()) != 0) {
        const int failed = errno;
        std::rename(aside.c_str(), target.c_str());
        throw detail::fileError(failed, target);
    }
    fs::remove_all(aside, error);
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
    checkOutputPath(file, {OutputKind::File, db.path(), true});
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

std::string csvText(const std::string& text)
{
    if (!text.empty() && kFormulaStarts.find(text.front()) != std::string_view::npos)
        return csvField("'" + text);
    return csvField(text);
}

std::vector<fs::path> writeCsvExport(Database& db, const fs::path& given, const Progress& progress)
{
    const fs::path folder = withoutTrailingSlash(given);
    checkOutputPath(folder, {OutputKind::WholeFolder, db.path(), true});
    std::vector<std::pair<std::string, std::string>> files; // name, bytes
    try {
        SQLite::Database& sql = db.sql();
        SQLite::Transaction snapshot(sql);
        const auto tables = detail::dataTables(sql);
        Ticker ticker(progress, static_cast<std::size_t>(countRows(sql, tables)));
        for (const auto& table : tables) {
            std::string out(kByteOrderMark);
            out += "id";
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
                    switch (value.getType()) {
                    case SQLITE_NULL: break;
                    case SQLITE_BLOB:
                        out += detail::base64Encode(value.getBlob(), static_cast<std::size_t>(value.getBytes()));
                        break;
                    case SQLITE_TEXT: out += csvText(value.getString()); break;
                    default: out += value.getString(); // a number: "-5" stays a number
                    }
                }
                out += "\r\n";
                ticker.tick();
            }
            files.emplace_back(table.name + ".csv", std::move(out));
        }
        ticker.finish();
    } catch (const SQLite::Exception& sqlError) {
        throw detail::toStorageError(sqlError);
    }

    // Every file into a new folder beside the target, then that folder into place in one go.
    const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
    std::error_code error;
    fs::create_directories(parent, error);
    if (error)
        throw StorageError(StorageError::Kind::ReadOnly,
                           fmt::format("The folder {} could not be made, so nothing was written.", parent.string()));
    const fs::path staging = detail::createTempFolder(parent, "." + folder.filename().string() + ".partial-", folder);
    std::vector<fs::path> written;
    try {
        for (const auto& [name, bytes] : files) {
            const fs::path file = staging / name;
            const int fd = detail::openNewFile(file);
            const int failed = fd < 0 ? errno : detail::writeAndClose(fd, bytes);
            if (failed != 0)
                throw detail::fileError(failed, folder / name);
            written.push_back(folder / name);
        }
        detail::syncFolder(staging);
        putFolderInPlace(staging, folder);
    } catch (...) {
        fs::remove_all(staging, error);
        spdlog::error("a CSV export was not written; nothing was left behind");
        throw;
    }
    detail::syncFolder(parent);
    spdlog::info("CSV export made: {} files", written.size());
    return written;
}

} // namespace attune::core
