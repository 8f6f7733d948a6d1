// SPDX-License-Identifier: MIT
// JSON import: check everything, then write everything in one transaction (or nothing).
// The rules come from the schema itself (column types, NOT NULL, CHECK constraints evaluated
// by SQLite, foreign keys) plus a few explicit ones (uuids, dates, times, lengths), so a new
// table is checked as soon as its migration exists.
#include "attune/core/Import.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Search.h"
#include "attune/core/Store.h"
#include "attune/core/Validation.h"
#include "DataSchema.h"
#include "Records.h"
#include "storage/SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace attune::core {

int ImportSummary::added() const
{
    int total = 0;
    for (const auto& table : tables)
        total += table.added;
    return total;
}

int ImportSummary::updated() const
{
    int total = 0;
    for (const auto& table : tables)
        total += table.updated;
    return total;
}

bool ImportSummary::changesSomething() const
{
    return added() > 0 || updated() > 0;
}

namespace {

constexpr TimestampMs kLatestTimeMs = 32'503'680'000'000; // year 3000

class Problems {
public:
    void add(const std::string& where, const std::string& what)
    {
        if (m_list.size() < limits::kImportMaxErrors)
            m_list.push_back({where, where + ": " + what});
        else
            m_isTruncated = true;
    }
    bool isEmpty() const { return m_list.empty(); }
    bool isFull() const { return m_list.size() >= limits::kImportMaxErrors; }
    [[noreturn]] void raise() const
    {
        auto list = m_list;
        if (m_isTruncated)
            list.push_back({"file", "file: there are more problems; fix these first."});
        throw ValidationError(list);
    }
    void raiseIfAny() const
    {
        if (!isEmpty())
            raise();
    }

private:
    std::vector<FieldError> m_list;
    bool m_isTruncated = false;
};

// Invalid UTF-8 and deep nesting, found before the parser sees the text, with their place.
void prescan(const std::string& text, Problems& problems)
{
    int line = 1;
    std::size_t lineStart = 0;
    int depth = 0;
    bool inString = false;
    bool isEscaped = false;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    auto where = [&](std::size_t at) { return fmt::format("line {}, column {}", line, at - lineStart + 1); };
    for (std::size_t i = 0; i < size; ++i) {
        const unsigned char c = bytes[i];
        if (c >= 0x80) {
            std::size_t length = 0;
            std::uint32_t point = 0;
            if ((c & 0xE0) == 0xC0) { length = 2; point = c & 0x1FU; }
            else if ((c & 0xF0) == 0xE0) { length = 3; point = c & 0x0FU; }
            else if ((c & 0xF8) == 0xF0) { length = 4; point = c & 0x07U; }
            bool isValid = length > 0 && i + length <= size;
            for (std::size_t k = 1; isValid && k < length; ++k) {
                isValid = (bytes[i + k] & 0xC0) == 0x80;
                point = (point << 6) | (bytes[i + k] & 0x3FU);
            }
            if (isValid)
                isValid = !(length == 2 && point < 0x80) && !(length == 3 && point < 0x800)
                       && !(length == 4 && (point < 0x10000 || point > 0x10FFFF)) && !(point >= 0xD800 && point <= 0xDFFF);
            if (!isValid) {
                problems.add("file", where(i) + ": this is not valid UTF-8 text (the file must be saved as UTF-8)");
                return;
            }
            i += length - 1;
            continue;
        }
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        }
        if (inString) {
            if (isEscaped)
                isEscaped = false;
            else if (c == '\\')
                isEscaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limits::kImportMaxDepth) {
                problems.add("file", where(i) + fmt::format(": nested deeper than {} levels, which an Attune export "
                                                            "never is",
                                                            limits::kImportMaxDepth));
                return;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
}

struct Cell {
    enum class Type { Null, Int, Real, Text, Blob } type = Type::Null;
    std::int64_t i = 0;
    double d = 0;
    std::string s;
    bool operator==(const Cell& other) const
    {
        return type == other.type && i == other.i && d == other.d && s == other.s;
    }
};

struct FileRow {
    std::string path;
    std::string uuid;
    std::vector<std::optional<Cell>> cells; // by column of TableInfo; nullopt: not in the file
};

struct FileTable {
    const detail::TableInfo* info = nullptr;
    std::vector<FileRow> rows;
};

bool endsWith(const std::string& text, const std::string& end)
{
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

bool isDateColumn(const std::string& name)
{
    return name == "day" || endsWith(name, "_day") || endsWith(name, "_date") || endsWith(name, "_on");
}

bool isTimeColumn(const detail::ColumnInfo& column)
{
    return column.type == "INTEGER" && (endsWith(column.name, "_at") || endsWith(column.name, "_ms"));
}

const char* jsonTypeName(const json& value)
{
    switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: return "text";
    case json::value_t::boolean: return "true/false";
    case json::value_t::number_float: return "a decimal number";
    default: return "a number";
    }
}

// The value of one column, or a problem.
std::optional<Cell> readCell(const json& value, const detail::ColumnInfo& column, const std::string& where, Problems& problems)
{
    Cell cell;
    if (value.is_null()) {
        if (column.isNotNull) {
            problems.add(where, "must have a value (it is null)");
            return std::nullopt;
        }
        return cell;
    }
    if (!column.refTable.empty()) {
        if (!value.is_string() || !detail::isCanonicalUuid(value.get_ref<const std::string&>())) {
            problems.add(where, fmt::format("must be the uuid of a {} record (it is {})", column.refTable, jsonTypeName(value)));
            return std::nullopt;
        }
        cell.type = Cell::Type::Text;
        cell.s = value.get<std::string>();
        return cell;
    }
    if (column.type == "INTEGER") {
        if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            problems.add(where, "is too large a number");
            return std::nullopt;
        }
        if (!value.is_number_integer()) {
            problems.add(where, fmt::format("must be a whole number (it is {})", jsonTypeName(value)));
            return std::nullopt;
        }
        cell.type = Cell::Type::Int;
        cell.i = value.get<std::int64_t>();
        if (isTimeColumn(column) && (cell.i < 0 || cell.i > kLatestTimeMs)) {
            problems.add(where, "must be a time between 1970 and 3000 (milliseconds since 1970, UTC)");
            return std::nullopt;
        }
        return cell;
    }
    if (column.type == "REAL") {
        if (!value.is_number()) {
            problems.add(where, fmt::format("must be a number (it is {})", jsonTypeName(value)));
            return std::nullopt;
        }
        cell.type = Cell::Type::Real;
        cell.d = value.get<double>();
        return cell;
    }
    if (!value.is_string()) {
        problems.add(where, fmt::format("must be text (it is {})", jsonTypeName(value)));
        return std::nullopt;
    }
    const auto& text = value.get_ref<const std::string&>();
    if (column.type == "BLOB") {
        cell.type = Cell::Type::Blob;
        if (text.size() > (limits::kPhotoMaxBytes + 2) / 3 * 4 + 4) {
            problems.add(where, fmt::format("is larger than the {} MiB limit", limits::kPhotoMaxBytes / (1024 * 1024)));
            return std::nullopt;
        }
        if (!detail::base64Decode(text, cell.s)) {
            problems.add(where, "must be base64 text");
            return std::nullopt;
        }
        return cell;
    }
    if (text.size() > limits::kLongTextMax * 4 || codePointCount(text) > limits::kLongTextMax) {
        problems.add(where, fmt::format("is longer than the limit of {} characters", limits::kLongTextMax));
        return std::nullopt;
    }
    if (column.name == "uuid" && !detail::isCanonicalUuid(text)) {
        problems.add(where, "must be a uuid like 123e4567-e89b-42d3-a456-426614174000 (lower case)");
        return std::nullopt;
    }
    if (isDateColumn(column.name) && !text.empty() && !parseDate(text)) {
        problems.add(where, "must be a date like 2026-11-28");
        return std::nullopt;
    }
    cell.type = Cell::Type::Text;
    cell.s = text;
    return cell;
}

// A CHECK expression in plain words: (column it is about, message).
std::pair<std::string, std::string> explainCheck(const std::string& check, const detail::TableInfo& table)
{
    static const std::regex between(R"(^(\w+) BETWEEN (-?\d+) AND (-?\d+)$)", std::regex::icase);
    static const std::regex in(R"(^(\w+) IN \((.*)\)$)", std::regex::icase);
    static const std::regex notEmpty1(R"(^length\((\w+)\) > 0$)", std::regex::icase);
    static const std::regex notEmpty2(R"(^(\w+) <> ''$)");
    static const std::regex length(R"(^length\((\w+)\) = (\d+)$)", std::regex::icase);
    static const std::regex atLeast(R"(^(\w+) >= (-?\d+)$)");
    std::smatch match;
    if (std::regex_match(check, match, between))
        return {match[1], fmt::format("must be between {} and {}", match[2].str(), match[3].str())};
    if (std::regex_match(check, match, in)) {
        std::string items = match[2];
        items.erase(std::remove(items.begin(), items.end(), '\''), items.end());
        return {match[1], "must be one of: " + items};
    }
    if (std::regex_match(check, match, notEmpty1) || std::regex_match(check, match, notEmpty2))
        return {match[1], "must not be empty"};
    if (std::regex_match(check, match, length))
        return {match[1], fmt::format("must be {} characters long", match[2].str())};
    if (std::regex_match(check, match, atLeast))
        return {match[1], fmt::format("must be at least {}", match[2].str())};
    // Anything else: the first column the rule mentions, and the rule itself.
    static const std::regex word(R"(\w+)");
    for (auto it = std::sregex_iterator(check.begin(), check.end(), word); it != std::sregex_iterator(); ++it)
        if (table.hasColumn(it->str()))
            return {it->str(), "breaks the rule " + check};
    return {"", "breaks the rule " + check};
}

void bindCell(SQLite::Statement& statement, int index, const Cell& cell)
{
    switch (cell.type) {
    case Cell::Type::Null: statement.bind(index); break;
    case Cell::Type::Int: statement.bind(index, static_cast<std::int64_t>(cell.i)); break;
    case Cell::Type::Real: statement.bind(index, cell.d); break;
    case Cell::Type::Text: statement.bind(index, cell.s); break;
    case Cell::Type::Blob: statement.bind(index, cell.s.data(), static_cast<int>(cell.s.size())); break;
    }
}

Cell columnCell(SQLite::Statement& statement, int index, bool isBlobColumn)
{
    const SQLite::Column value = statement.getColumn(index);
    Cell cell;
    switch (value.getType()) {
    case SQLITE_NULL: break;
    case SQLITE_INTEGER:
        cell.type = Cell::Type::Int;
        cell.i = value.getInt64();
        break;
    case SQLITE_FLOAT:
        cell.type = Cell::Type::Real;
        cell.d = value.getDouble();
        break;
    default:
        cell.type = isBlobColumn ? Cell::Type::Blob : Cell::Type::Text;
        cell.s.assign(static_cast<const char*>(value.getBlob()), static_cast<std::size_t>(value.getBytes()));
    }
    return cell;
}

// Every rule of every row of `table`; fills `out`.
void readTable(SQLite::Database& db, const detail::TableInfo& table, const json& rows, const std::string& tablePath,
               FileTable& out, Problems& problems)
{
    out.info = &table;
    if (!rows.is_array()) {
        problems.add(tablePath, fmt::format("must be a list of records (it is {})", jsonTypeName(rows)));
        return;
    }
    // CHECK constraints, evaluated by SQLite on the row's values.
    std::unique_ptr<SQLite::Statement> checks;
    if (!table.checks.empty()) {
        std::string sql = "SELECT ";
        for (std::size_t i = 0; i < table.checks.size(); ++i)
            sql += fmt::format("{}(({}) IS NOT 0)", i > 0 ? ", " : "", table.checks[i]);
        sql += " FROM (SELECT NULL AS id";
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            sql += fmt::format(", ?{} AS {}", i + 1, detail::quoted(table.columns[i].name));
        sql += ")";
        checks = std::make_unique<SQLite::Statement>(db, sql);
    }
    std::map<std::string, std::size_t> seenUuids;
    std::size_t index = 0;
    for (const auto& row : rows) {
        if (problems.isFull())
            return;
        const std::string rowPath = fmt::format("{}[{}]", tablePath, index++);
        if (!row.is_object()) {
            problems.add(rowPath, fmt::format("must be a record in {{ }} (it is {})", jsonTypeName(row)));
            continue;
        }
        FileRow fileRow;
        fileRow.path = rowPath;
        bool isRowOk = true;
        for (const auto& [key, value] : row.items()) {
            if (!table.hasColumn(key)) {
                problems.add(rowPath + "." + key, key == "id" ? "ids belong to one file; leave them out (records are matched by uuid)"
                                                              : fmt::format("{} records have no such field", table.name));
                isRowOk = false;
            }
        }
        for (const auto& column : table.columns) {
            const std::string where = rowPath + "." + column.name;
            const auto found = row.find(column.name);
            if (found == row.end()) {
                if (column.isNotNull && !column.hasDefault) {
                    problems.add(where, "is missing");
                    isRowOk = false;
                }
                fileRow.cells.emplace_back();
                continue;
            }
            auto cell = readCell(*found, column, where, problems);
            isRowOk = isRowOk && cell.has_value();
            fileRow.cells.push_back(cell ? std::move(cell) : std::optional<Cell>(Cell{}));
        }
        if (!isRowOk)
            continue;
        const auto uuidAt = std::find_if(table.columns.begin(), table.columns.end(), [](auto& c) { return c.name == "uuid"; });
        if (uuidAt != table.columns.end()) {
            const auto& cell = fileRow.cells[static_cast<std::size_t>(uuidAt - table.columns.begin())];
            fileRow.uuid = cell ? cell->s : std::string();
            const auto [previous, isNew] = seenUuids.emplace(fileRow.uuid, index - 1);
            if (!isNew) {
                problems.add(rowPath + ".uuid", fmt::format("the same uuid as {}[{}]; each record must be there once",
                                                            tablePath, previous->second));
                continue;
            }
        }
        if (checks) {
            checks->reset();
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                const auto& cell = fileRow.cells[i];
                if (cell && table.columns[i].refTable.empty())
                    bindCell(*checks, static_cast<int>(i + 1), *cell);
                else
                    checks->bind(static_cast<int>(i + 1));
            }
            checks->executeStep();
            for (std::size_t i = 0; i < table.checks.size(); ++i) {
                if (checks->getColumn(static_cast<int>(i)).getInt() != 0)
                    continue;
                const auto [column, message] = explainCheck(table.checks[i], table);
                problems.add(column.empty() ? rowPath : rowPath + "." + column, message);
                isRowOk = false;
            }
            if (!isRowOk)
                continue;
        }
        out.rows.push_back(std::move(fileRow));
    }
}

struct DryRunDone {};

bool hasUuid(const FileTable& table, const std::string& uuid)
{
    return std::any_of(table.rows.begin(), table.rows.end(), [&](const FileRow& row) { return row.uuid == uuid; });
}

std::string constraintDetail(const std::string& what)
{
    const auto at = what.find("failed: ");
    if (at == std::string::npos)
        return {};
    std::string detail = what.substr(at + 8);
    // "day_states.child_id, day_states.day" → "child_id, day"
    static const std::regex tablePrefix(R"(\b\w+\.)");
    return std::regex_replace(detail, tablePrefix, "");
}

} // namespace

ImportSummary importJson(Store& store, const std::string& text, const ImportOptions& options)
{
    Problems problems;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        problems.add("file", "the file is empty");
        problems.raise();
    }
    prescan(text, problems);
    problems.raiseIfAny();
    json root;
    try {
        // A key twice in one object would silently keep the last value: refuse it instead,
        // naming where (tables.<table>[<row>].<key> for records).
        std::vector<std::set<std::string>> keys;
        std::string topKey;
        std::string table;
        long row = -1;
        std::string duplicate;
        const json::parser_callback_t findDuplicates = [&](int depth, json::parse_event_t event, json& parsed) {
            switch (event) {
            case json::parse_event_t::object_start:
                keys.emplace_back();
                if (depth == 3)
                    ++row;
                break;
            case json::parse_event_t::object_end:
                if (!keys.empty())
                    keys.pop_back();
                break;
            case json::parse_event_t::key: {
                const auto& key = parsed.get_ref<const std::string&>();
                if (depth == 1)
                    topKey = key;
                if (depth == 2 && topKey == "tables") {
                    table = key;
                    row = -1;
                }
                if (!keys.empty() && !keys.back().insert(key).second && duplicate.empty()) {
                    if (depth == 4 && topKey == "tables")
                        duplicate = fmt::format("tables.{}[{}].{}", table, row, key);
                    else if (depth == 2 && topKey == "tables")
                        duplicate = "tables." + key;
                    else
                        duplicate = key;
                }
                break;
            }
            default:
                break;
            }
            return true;
        };
        root = json::parse(text, findDuplicates);
        if (!duplicate.empty()) {
            problems.add(duplicate, "is there twice; each key may appear once");
            problems.raise();
        }
    } catch (const json::parse_error& error) {
        std::string message = error.what();
        const auto at = message.find("] ");
        if (at != std::string::npos)
            message = message.substr(at + 2);
        if (message.rfind("parse error ", 0) == 0)
            message = message.substr(12);
        problems.add("file", "the file is not complete, valid JSON (" + message + ")");
        problems.raise();
    } catch (const json::out_of_range& error) {
        // A number too large for any number type (1e9999): the parser throws this, not parse_error.
        const std::string message = error.what();
        const auto open = message.find('\'');
        const auto close = message.rfind('\'');
        const std::string number
            = open != std::string::npos && close > open ? message.substr(open + 1, std::min<std::size_t>(close - open - 1, 40)) : "";
        problems.add("file", fmt::format("a number in the file is too large to read ({})", number));
        problems.raise();
    }
    if (!root.is_object()) {
        problems.add("file", fmt::format("must hold one JSON object {{ … }} (it holds {})", jsonTypeName(root)));
        problems.raise();
    }
    ImportSummary summary;
    summary.isDryRun = options.isDryRun;
    for (const auto& [key, value] : root.items())
        if (key != "format" && key != "formatVersion" && key != "schemaVersion" && key != "tables")
            problems.add(key, "is not part of an Attune export");
    const auto format = root.find("format");
    if (format == root.end() || !format->is_string() || format->get<std::string>() != kExportFormatName)
        problems.add("format", fmt::format("must be \"{}\" (this is not an Attune export)", kExportFormatName));
    const auto formatVersion = root.find("formatVersion");
    if (formatVersion == root.end() || !formatVersion->is_number_integer() || formatVersion->get<std::int64_t>() < 1)
        problems.add("formatVersion", "must be a whole number from 1");
    else if (formatVersion->get<std::int64_t>() > kExportFormatVersion)
        problems.add("formatVersion", fmt::format("this export was made by a newer Attune (format {}; this one reads up "
                                                  "to {}); please update Attune to import it",
                                                  formatVersion->get<std::int64_t>(), kExportFormatVersion));
    const auto schemaVersion = root.find("schemaVersion");
    if (schemaVersion == root.end() || !schemaVersion->is_number_integer() || schemaVersion->get<std::int64_t>() < 1)
        problems.add("schemaVersion", "must be a whole number from 1");
    else if (schemaVersion->get<std::int64_t>() > Database::latestSchemaVersion())
        problems.add("schemaVersion", fmt::format("this export was made by a newer Attune (schema {}; this one knows up "
                                                  "to {}); please update Attune to import it",
                                                  schemaVersion->get<std::int64_t>(), Database::latestSchemaVersion()));
    else
        summary.schemaVersion = static_cast<int>(schemaVersion->get<std::int64_t>());
    const auto tablesValue = root.find("tables");
    if (tablesValue == root.end())
        problems.add("tables", "is missing");
    else if (!tablesValue->is_object())
        problems.add("tables", fmt::format("must be an object of tables (it is {})", jsonTypeName(*tablesValue)));
    problems.raiseIfAny();

    Database& db = store.db();
    SQLite::Database& sql = db.sql();
    std::vector<detail::TableInfo> schema;
    std::map<std::string, FileTable> fileTables;
    try {
        schema = detail::dataTables(sql);
        for (const auto& item : tablesValue->items()) {
            // Named, not a structured binding: clang 14 (the fuzz preset) can't capture those.
            const std::string& name = item.key();
            const json& rows = item.value();
            const std::string tablePath = "tables." + name;
            const auto info = std::find_if(schema.begin(), schema.end(), [&](auto& t) { return t.name == name; });
            if (info == schema.end()) {
                problems.add(tablePath, "there is no such kind of record in Attune");
                continue;
            }
            readTable(sql, *info, rows, tablePath, fileTables[name], problems);
        }
        problems.raiseIfAny();
        // References: by uuid, to a record in the file or already in this database.
        std::map<std::string, std::set<std::string>> uuidsInFile;
        for (const auto& [name, table] : fileTables)
            for (const auto& row : table.rows)
                uuidsInFile[name].insert(row.uuid);
        for (const auto& [name, table] : fileTables) {
            for (std::size_t c = 0; c < table.info->columns.size(); ++c) {
                const auto& column = table.info->columns[c];
                if (column.refTable.empty())
                    continue;
                SQLite::Statement local(sql, "SELECT 1 FROM " + detail::quoted(column.refTable) + " WHERE uuid = ?");
                for (const auto& row : table.rows) {
                    const auto& cell = row.cells[c];
                    if (!cell || cell->type == Cell::Type::Null || uuidsInFile[column.refTable].count(cell->s))
                        continue;
                    local.reset();
                    local.bind(1, cell->s);
                    if (!local.executeStep())
                        problems.add(row.path + "." + column.name,
                                     fmt::format("refers to {} record {}, which is neither in the file nor in this Attune "
                                                 "file",
                                                 column.refTable, cell->s));
                }
            }
        }
        problems.raiseIfAny();
    } catch (const SQLite::Exception& error) {
        throw detail::toStorageError(error);
    }

    std::size_t total = 0;
    for (const auto& [name, table] : fileTables) {
        total += table.rows.size();
        summary.tables.push_back({name});
    }
    if (!options.isDryRun && !options.backupFolder.empty())
        summary.backup = backupNow(db, options.backupFolder, store.clock().nowMs(), "before-import");

    try {
        db.write([&] {
            // A new file's placeholder caregiver ("Me", never edited, no children yet) makes way
            // for the file's caregivers, so importing into a new file gives back exactly the export.
            const auto caregivers = fileTables.find("caregivers");
            if (caregivers != fileTables.end() && !caregivers->second.rows.empty() && detail::tableExists(sql, "children")
                && sql.execAndGet("SELECT count(*) FROM children").getInt64() == 0) {
                SQLite::Statement placeholders(sql, "SELECT uuid FROM caregivers WHERE created_at = updated_at");
                std::vector<std::string> toRemove;
                while (placeholders.executeStep())
                    if (!hasUuid(caregivers->second, placeholders.getColumn(0).getString()))
                        toRemove.push_back(placeholders.getColumn(0).getString());
                for (const auto& uuid : toRemove) {
                    SQLite::Statement remove(sql, "DELETE FROM caregivers WHERE uuid = ?");
                    remove.bind(1, uuid);
                    remove.exec();
                }
            }
            std::size_t done = 0;
            std::map<std::string, std::map<std::string, std::int64_t>> localIds; // table → uuid → id
            auto localId = [&](const std::string& table, const std::string& uuid) -> std::int64_t {
                auto& ids = localIds[table];
                const auto found = ids.find(uuid);
                if (found != ids.end())
                    return found->second;
                SQLite::Statement query(sql, "SELECT id FROM " + detail::quoted(table) + " WHERE uuid = ?");
                query.bind(1, uuid);
                const std::int64_t id = query.executeStep() ? query.getColumn(0).getInt64() : 0;
                ids[uuid] = id;
                return id;
            };
            // References that close a cycle (problems <-> reflections) are written after every row.
            std::set<detail::DeferredReference> deferred;
            struct PendingReference {
                std::string table;
                std::string column;
                std::string refTable;
                std::string rowUuid;
                std::string refUuid;
            };
            std::vector<PendingReference> pending;
            for (const detail::TableInfo* info : detail::parentsFirst(schema, &deferred)) {
                const auto found = fileTables.find(info->name);
                if (found == fileTables.end())
                    continue;
                const FileTable& table = found->second;
                auto& counts = *std::find_if(summary.tables.begin(), summary.tables.end(),
                                             [&](auto& t) { return t.table == info->name; });
                const auto& columns = info->columns;
                std::vector<const detail::ColumnInfo*> columnPointers;
                for (const auto& column : columns)
                    columnPointers.push_back(&column);
                std::string select = "SELECT ";
                for (std::size_t i = 0; i < columns.size(); ++i) {
                    select += i > 0 ? ", " : "";
                    if (!columns[i].refTable.empty())
                        select += "(SELECT r.uuid FROM " + detail::quoted(columns[i].refTable) + " r WHERE r.id = t."
                                + detail::quoted(columns[i].name) + ")";
                    else
                        select += "t." + detail::quoted(columns[i].name);
                }
                SQLite::Statement existing(sql, select + " FROM " + detail::quoted(info->name) + " t WHERE t.uuid = ?");
                std::map<std::vector<bool>, std::unique_ptr<SQLite::Statement>> inserts;
                std::map<std::vector<bool>, std::unique_ptr<SQLite::Statement>> updates;
                const auto updatedAt = static_cast<std::size_t>(
                    std::find_if(columns.begin(), columns.end(), [](auto& c) { return c.name == "updated_at"; }) - columns.begin());
                for (const auto& row : table.rows) {
                    existing.reset();
                    existing.bind(1, row.uuid);
                    std::vector<bool> present;
                    for (const auto& cell : row.cells)
                        present.push_back(cell.has_value());
                    auto bindRow = [&](SQLite::Statement& statement) {
                        int index = 1;
                        for (std::size_t i = 0; i < columns.size(); ++i) {
                            if (!row.cells[i])
                                continue;
                            const Cell& cell = *row.cells[i];
                            if (!columns[i].refTable.empty() && cell.type != Cell::Type::Null
                                && deferred.count({info->name, columns[i].name})) {
                                pending.push_back({info->name, columns[i].name, columns[i].refTable, row.uuid, cell.s});
                                statement.bind(index++); // NULL until every row is in
                            } else if (!columns[i].refTable.empty() && cell.type != Cell::Type::Null)
                                statement.bind(index++, static_cast<std::int64_t>(localId(columns[i].refTable, cell.s)));
                            else
                                bindCell(statement, index++, cell);
                        }
                        return index;
                    };
                    try {
                        if (!existing.executeStep()) {
                            auto& insert = inserts[present];
                            if (!insert) {
                                std::string names, marks;
                                for (std::size_t i = 0; i < columns.size(); ++i) {
                                    if (!present[i])
                                        continue;
                                    names += (names.empty() ? "" : ", ") + detail::quoted(columns[i].name);
                                    marks += marks.empty() ? "?" : ", ?";
                                }
                                insert = std::make_unique<SQLite::Statement>(
                                    sql, "INSERT INTO " + detail::quoted(info->name) + " (" + names + ") VALUES (" + marks + ")");
                            }
                            insert->reset();
                            bindRow(*insert);
                            insert->exec();
                            localIds[info->name][row.uuid] = sql.getLastInsertRowid();
                            ++counts.added;
                        } else {
                            bool isSame = true;
                            for (std::size_t i = 0; i < columns.size() && isSame; ++i)
                                if (row.cells[i])
                                    isSame = columnCell(existing, static_cast<int>(i), columns[i].type == "BLOB") == *row.cells[i];
                            if (isSame) {
                                ++counts.unchanged;
                            } else {
                                const bool isFileNewer = updatedAt < columns.size() && row.cells[updatedAt]
                                                      && row.cells[updatedAt]->i
                                                             > columnCell(existing, static_cast<int>(updatedAt), false).i;
                                if (!isFileNewer) {
                                    ++counts.keptOurs;
                                } else {
                                    auto& update = updates[present];
                                    if (!update) {
                                        std::string sets;
                                        for (std::size_t i = 0; i < columns.size(); ++i)
                                            if (present[i])
                                                sets += (sets.empty() ? "" : ", ") + detail::quoted(columns[i].name) + " = ?";
                                        update = std::make_unique<SQLite::Statement>(
                                            sql, "UPDATE " + detail::quoted(info->name) + " SET " + sets + " WHERE uuid = ?");
                                    }
                                    update->reset();
                                    const int next = bindRow(*update);
                                    update->bind(next, row.uuid);
                                    update->exec();
                                    ++counts.updated;
                                }
                            }
                        }
                    } catch (const SQLite::Exception& error) {
                        const int code = error.getErrorCode() & 0xFF;
                        if (code != SQLITE_CONSTRAINT)
                            throw;
                        const std::string detailText = constraintDetail(error.what());
                        throw ValidationError(std::vector<FieldError>{{row.path, row.path + ": clashes with a record already in this Attune file"
                                                              + (detailText.empty() ? std::string()
                                                                                    : " (only one may have the same " + detailText + ")")}});
                    }
                    if (++done % 500 == 0) {
                        if (options.progress.stop && options.progress.stop->load())
                            throw WorkCancelled();
                        if (options.progress.report)
                            options.progress.report(done, total);
                    }
                }
            }
            for (const auto& reference : pending) {
                SQLite::Statement fix(sql, "UPDATE " + detail::quoted(reference.table) + " SET "
                                               + detail::quoted(reference.column) + " = ? WHERE uuid = ?");
                fix.bind(1, static_cast<std::int64_t>(localId(reference.refTable, reference.refUuid)));
                fix.bind(2, reference.rowUuid);
                fix.exec();
            }
            if (options.isDryRun)
                throw DryRunDone{};
            Search(store).rebuild();
        });
    } catch (const DryRunDone&) {
        // Everything was checked against the real file, then rolled back.
    } catch (const SQLite::Exception& error) {
        throw detail::toStorageError(error);
    }
    if (options.progress.report)
        options.progress.report(total, total);
    spdlog::info("JSON import {}: {} added, {} updated", options.isDryRun ? "checked (dry run)" : "written",
                 summary.added(), summary.updated());
    return summary;
}

ImportSummary importJsonFile(Store& store, const fs::path& file, const ImportOptions& options)
{
    std::error_code error;
    if (!fs::exists(file, error) || fs::is_directory(file, error))
        throw ValidationError(std::vector<FieldError>{{"file", fmt::format("file: there is no file at {}", file.string())}});
    if (fs::file_size(file, error) > limits::kImportFileMaxBytes)
        throw ValidationError(std::vector<FieldError>{{"file", "file: is larger than 1 GiB, which no Attune export is"}});
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof())
        throw StorageError(StorageError::Kind::Io, fmt::format("{} could not be read.", file.filename().string()));
    return importJson(store, bytes.str(), options);
}

} // namespace attune::core
