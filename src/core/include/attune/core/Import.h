// SPDX-License-Identifier: MIT
// Reading a JSON export (docs/export-format.md) back in: the whole file is checked first, a
// dry run says what would change, and the import writes everything in one transaction or
// nothing. Merging into a file that already has data matches records by uuid, so importing the
// same file twice changes nothing the second time.
#pragma once

#include "attune/core/Backups.h"
#include "attune/core/Export.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace attune::core {

class Store;

namespace limits {
inline constexpr std::size_t kImportFileMaxBytes = 1024ULL * 1024 * 1024;
inline constexpr int kImportMaxDepth = 32;
inline constexpr std::size_t kImportMaxErrors = 20; // a broken file lists the first 20 problems
} // namespace limits

struct ImportTableSummary {
    std::string table;
    int added = 0;     // uuid not in this file yet
    int unchanged = 0; // same uuid, same values
    int updated = 0;   // same uuid, the file's copy is newer (updated_at): it replaces ours
    int keptOurs = 0;  // same uuid, ours is as new or newer: ours stays
};

struct ImportSummary {
    bool isDryRun = false;
    int schemaVersion = 0; // of the file
    std::vector<ImportTableSummary> tables; // every table in the file, alphabetical
    std::optional<BackupFile> backup;       // the backup taken before writing, if any
    int added() const;
    int updated() const;
    bool changesSomething() const;
};

struct ImportOptions {
    bool isDryRun = false;
    // Where the verified backup taken before writing goes. Empty: no backup (tests, new files).
    std::filesystem::path backupFolder;
    Progress progress;
};

// Checks the whole text, then (unless a dry run) writes it. A bad file throws ValidationError
// whose FieldErrors name where it is wrong: field "tables.sessions[12].minutes", message
// "tables.sessions[12].minutes: must be between 1 and 600". Nothing is written then.
// StorageError for the file's own problems (full disk, …), WorkCancelled when stopped.
ImportSummary importJson(Store& store, const std::string& text, const ImportOptions& options = {});
// The same for a file on disk (refused when larger than kImportFileMaxBytes).
ImportSummary importJsonFile(Store& store, const std::filesystem::path& file, const ImportOptions& options = {});

} // namespace attune::core
