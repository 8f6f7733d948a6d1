// SPDX-License-Identifier: MIT
#include "attune/core/Check.h"

#include "attune/core/Database.h"
#include "storage/SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace attune::core {

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
    try {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        const int applicationId = db.execAndGet("PRAGMA application_id").getInt();
        if (applicationId != Database::kApplicationId) {
            report.problems.push_back("This is not an Attune file.");
            return report;
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
    } catch (const SQLite::Exception& sqlError) {
        const StorageError typed = detail::toStorageError(sqlError);
        report.problems.push_back(typed.kind() == StorageError::Kind::Corrupt ? "This is not an Attune file, or it is badly damaged."
                                                                              : typed.what());
    }
    report.isOk = report.problems.empty();
    return report;
}

} // namespace attune::core
