// SPDX-License-Identifier: MIT
#include "attune/core/Check.h"

#include "attune/core/Database.h"
#include "data/TempFiles.h"
#include "storage/SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <fmt/format.h>

#include <unistd.h>

namespace fs = std::filesystem;

namespace attune::core {

namespace {

// Fills `report` from the file; throws SQLite::Exception when SQLite can't read it.
void checkContents(const fs::path& file, CheckReport& report)
{
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    const int applicationId = db.execAndGet("PRAGMA application_id").getInt();
    if (applicationId != Database::kApplicationId) {
        report.problems.push_back("This is not an Attune file.");
        return;
    }
    report.schemaVersion = db.execAndGet("PRAGMA user_version").getInt();
    if (report.schemaVersion > Database::latestSchemaVersion())
        report.problems.push_back(fmt::format("The file is from a newer Attune (schema version {}; this one knows "
                                              "up to {}).",
                                              report.schemaVersion, Database::latestSchemaVersion()));
    SQLite::Statement integrity(db, "PRAGMA integrity_check");
    while (integrity.executeStep()) {
        const std::string line = integrity.getColumn(0).getString();
        if (line != "ok")
            report.problems.push_back("Integrity check: " + line);
    }
    SQLite::Statement foreignKeys(db, "PRAGMA foreign_key_check");
    if (foreignKeys.executeStep())
        report.problems.push_back("Some records point at records that do not exist.");
    report.rowCounts = detail::tableRowCounts(db);
}

std::string problemText(const SQLite::Exception& sqlError)
{
    const StorageError typed = detail::toStorageError(sqlError);
    return typed.kind() == StorageError::Kind::Corrupt ? "This is not an Attune file, or it is badly damaged."
                                                       : typed.what();
}

} // namespace

CheckReport checkDatabase(const fs::path& path)
{
    CheckReport report;
    std::error_code error;
    if (!fs::exists(path, error)) {
        report.problems.push_back(fmt::format("There is no file at {}.", path.string()));
        return report;
    }
    if (fs::file_size(path, error) == 0) {
        report.problems.push_back(fmt::format("The file at {} is empty (0 bytes).", path.string()));
        return report;
    }
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    report.isReadOnly = ::access(path.c_str(), W_OK) != 0 || ::access(folder.c_str(), W_OK) != 0;
    try {
        checkContents(path, report);
    } catch (const SQLite::Exception& sqlError) {
        if (!report.isReadOnly) {
            report.problems.push_back(problemText(sqlError));
        } else {
            // SQLite can't read a file kept in WAL mode where it can't make its -shm beside it:
            // a copy (with the -wal) in Attune's cache folder can be read.
            try {
                detail::WorkFolder work;
                checkContents(work.copyIn(path, "check.sqlite"), report);
            } catch (const SQLite::Exception& copyError) {
                report.problems.push_back(problemText(copyError));
            } catch (const StorageError& copyError) {
                report.problems.push_back(fmt::format("The file is read-only, and Attune could not check a copy of "
                                                      "it either: {}",
                                                      copyError.what()));
            }
        }
    }
    report.isOk = report.problems.empty();
    return report;
}

} // namespace attune::core
