// SPDX-License-Identifier: MIT
// Restoring a backup (or any Attune file): a preview that changes nothing, then a restore that
// first backs up the current data.
#pragma once

#include "attune/core/Backups.h"
#include "attune/core/Types.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace attune::core {

class Database;

struct ChildPreview {
    std::string name;
    bool isInTrash = false;
    // ("sessions", 812), … : live records of this child in every table that refers to children.
    std::vector<std::pair<std::string, std::int64_t>> counts;
};

struct FilePreview {
    std::filesystem::path path;
    int schemaVersion = 0;
    std::uintmax_t bytes = 0;
    std::vector<std::pair<std::string, std::int64_t>> tableCounts; // every data table, trash included
    std::vector<ChildPreview> children;
    std::string firstSessionDay; // empty when there are no sessions
    std::string lastSessionDay;
};

// Reads a copy of `file` (with its -wal, if any), so the file itself is never changed.
// StorageError: Missing (no file, 0 bytes), NotAttune (another program's file), TooNew (from a
// newer Attune), Corrupt (fails its integrity check) — each with a plain message.
FilePreview previewFile(const std::filesystem::path& file);

struct RestoreResult {
    FilePreview restored;
    BackupFile backupOfCurrent; // the verified backup of what was there before
};

// Replaces everything in `db` with the contents of `file`:
// 1. previewFile() rules (damaged, foreign and newer files are refused, nothing changes);
// 2. a copy of the file is opened through Database::open, which migrates an older file;
// 3. a verified backup of the current data goes into `backupFolder` (a failure stops here);
// 4. the SQLite online backup API copies the migrated copy into the live connection.
// Step 4 writes the live file in one transaction through its WAL, so a crash leaves either the
// old or the new data, and the Database object (and every service holding it) stays valid —
// unlike closing, renaming a file over it and reopening, which would leave other open
// handles pointing at the old inode and need a window with no open database.
RestoreResult restoreFrom(Database& db, const std::filesystem::path& file, const std::filesystem::path& backupFolder,
                          TimestampMs now);

// For a file that can't be opened at all (damaged, empty or missing) — Database::open refused it,
// so there is no connection to restore into. Checks `backup` by the previewFile() rules, writes a
// verified copy of it beside `file`, then sets whatever is at `file` aside as
// "<name>.damaged-<UTC time>" (its -wal and -shm too, so they can never be replayed onto the
// backup) and puts the copy in its place. Returns where the old file went (nullopt when there
// was nothing). Nothing is deleted, and a failure before the last step changes nothing.
std::optional<std::filesystem::path> replaceWithBackup(const std::filesystem::path& file,
                                                       const std::filesystem::path& backup, TimestampMs now);

} // namespace attune::core
