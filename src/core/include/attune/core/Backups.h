// SPDX-License-Identifier: MIT
// The backup folder: verified backups named by their UTC time, taken on start when the newest
// is more than a day old, before every restore and import, and on demand; rotated to
// 7 daily + 4 weekly + 12 monthly. The app passes ~/Documents/Attune Backups, the CLI
// defaultBackupFolder() or --out. Only verified backups ever get a final name (see Backup.h),
// so every file listed here passed its check when it was written.
#pragma once

#include "attune/core/Types.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace attune::core {

class Database;

struct RetentionPolicy {
    int daily = 7;    // the newest backup of each of the last 7 days that have one
    int weekly = 4;   // … of each of the last 4 weeks (Monday to Sunday, UTC)
    int monthly = 12; // … of each of the last 12 months
    int recentHours = 24; // and every backup taken within a day of the newest (a backup taken
                          // before an import or restore is not rotated away the same evening)
};

struct BackupFile {
    std::filesystem::path path;
    TimestampMs takenAt = 0; // UTC, from the file name
    std::uintmax_t bytes = 0;
};

inline constexpr TimestampMs kBackupInterval = 24LL * 60 * 60 * 1000;

// "attune-2026-11-28T05-38-00.123Z.sqlite", or with a reason "…Z-before-import.sqlite".
std::string backupFileName(TimestampMs takenAt, const std::string& reason = {});
// The time in a backup file name; nullopt for any other file.
std::optional<TimestampMs> backupTimeFromName(const std::string& fileName);

// Pure: which backups to keep (index-aligned with `takenAt`, any order). The newest is always kept.
std::vector<bool> backupsToKeep(const std::vector<TimestampMs>& takenAt, const RetentionPolicy& policy = {});

// Backups in `folder`, newest first (a missing folder has none).
std::vector<BackupFile> listBackups(const std::filesystem::path& folder);
std::optional<BackupFile> newestBackup(const std::filesystem::path& folder);
// True when there is no backup or the newest is older than a day.
bool isBackupDue(const std::filesystem::path& folder, TimestampMs now);

// Writes a verified backup of `db` into `folder` (created 0700 if needed), then rotates the
// folder. A failed backup throws StorageError (DiskFull, ReadOnly, Corrupt, Io) and leaves no
// partial file; a failed rotation only logs.
BackupFile backupNow(Database& db, const std::filesystem::path& folder, TimestampMs now,
                     const std::string& reason = {}, const RetentionPolicy& policy = {});
// backupNow() when isBackupDue(); what the app calls on start.
std::optional<BackupFile> backupIfDue(Database& db, const std::filesystem::path& folder, TimestampMs now);
// Removes the backups the policy does not keep; returns them.
std::vector<std::filesystem::path> rotateBackups(const std::filesystem::path& folder, const RetentionPolicy& policy = {});

} // namespace attune::core
