// SPDX-License-Identifier: MIT
#include "attune/core/Restore.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "DataSchema.h"
#include "data/TempFiles.h"
#include "storage/SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <string_view>

#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace attune::core {

namespace {

using Kind = StorageError::Kind;

void checkShape(const fs::path& file)
{
    std::error_code error;
    if (!fs::exists(file, error))
        throw StorageError(Kind::Missing, fmt::format("There is no file at {}.", file.string()));
    if (fs::is_directory(file, error))
        throw StorageError(Kind::NotAttune, fmt::format("{} is a folder, not an Attune file.", file.string()));
    if (fs::file_size(file, error) == 0)
        throw StorageError(Kind::Missing, fmt::format("{} is empty (0 bytes), so there is nothing in it to restore.",
                                                      file.filename().string()));
}

FilePreview previewCopy(const fs::path& copy, const fs::path& original)
{
    FilePreview preview;
    preview.path = original;
    std::error_code error;
    preview.bytes = fs::file_size(original, error);
    const std::string name = original.filename().string();
    try {
        SQLite::Database db(copy, SQLite::OPEN_READWRITE);
        int applicationId = 0;
        try {
            applicationId = db.execAndGet("PRAGMA application_id").getInt();
        } catch (const SQLite::Exception&) {
            throw StorageError(Kind::NotAttune, fmt::format("{} is not an Attune file or backup.", name));
        }
        if (applicationId != Database::kApplicationId)
            throw StorageError(Kind::NotAttune, fmt::format("{} is not an Attune file or backup.", name));
        preview.schemaVersion = db.execAndGet("PRAGMA user_version").getInt();
        if (preview.schemaVersion > Database::latestSchemaVersion())
            throw StorageError(Kind::TooNew, fmt::format("{} was saved by a newer version of Attune. Please update Attune "
                                                         "to restore it.",
                                                         name));
        if (db.execAndGet("PRAGMA integrity_check").getString() != "ok")
            throw StorageError(Kind::Corrupt, fmt::format("{} is damaged (it did not pass its check), so it can't be "
                                                          "restored. Try an older backup.",
                                                          name));
        const auto tables = detail::dataTables(db);
        for (const auto& table : tables)
            preview.tableCounts.emplace_back(
                table.name, db.execAndGet("SELECT count(*) FROM " + detail::quoted(table.name)).getInt64());
        if (detail::tableExists(db, "children")) {
            SQLite::Statement children(db, "SELECT id, name, deleted_at IS NOT NULL FROM children ORDER BY sort_order, id");
            while (children.executeStep()) {
                ChildPreview child;
                const auto id = children.getColumn(0).getInt64();
                child.name = children.getColumn(1).getString();
                child.isInTrash = children.getColumn(2).getInt() != 0;
                for (const auto& table : tables) {
                    for (const auto& column : table.columns) {
                        if (column.refTable != "children")
                            continue;
                        SQLite::Statement count(db, "SELECT count(*) FROM " + detail::quoted(table.name) + " WHERE "
                                                        + detail::quoted(column.name) + " = ?"
                                                        + (table.hasColumn("deleted_at") ? " AND deleted_at IS NULL" : ""));
                        count.bind(1, id);
                        count.executeStep();
                        child.counts.emplace_back(table.name, count.getColumn(0).getInt64());
                    }
                }
                preview.children.push_back(std::move(child));
            }
        }
        if (detail::tableExists(db, "sessions")) {
            SQLite::Statement range(db, "SELECT coalesce(min(day), ''), coalesce(max(day), '') FROM sessions "
                                        "WHERE deleted_at IS NULL");
            range.executeStep();
            preview.firstSessionDay = range.getColumn(0).getString();
            preview.lastSessionDay = range.getColumn(1).getString();
        }
    } catch (const SQLite::Exception& sqlError) {
        const int code = sqlError.getErrorCode() & 0xFF;
        if (code == SQLITE_NOTADB)
            throw StorageError(Kind::NotAttune, fmt::format("{} is not an Attune file or backup.", name));
        if (code == SQLITE_CORRUPT)
            throw StorageError(Kind::Corrupt, fmt::format("{} is damaged (it did not pass its check), so it can't be "
                                                          "restored. Try an older backup.",
                                                          name));
        throw detail::toStorageError(sqlError);
    }
    return preview;
}

} // namespace

FilePreview previewFile(const fs::path& file)
{
    checkShape(file);
    // Read from a copy in Attune's cache folder (Cache.h): the file itself is never opened
    // for writing, and a run killed halfway leaves its copy where the next start finds it.
    detail::WorkFolder staging;
    return previewCopy(staging.copyIn(file, "preview.sqlite"), file);
}

RestoreResult restoreFrom(Database& db, const fs::path& file, const fs::path& backupFolder, TimestampMs now)
{
    checkShape(file);
    std::error_code error;
    if (db.path() != ":memory:" && fs::equivalent(file, db.path(), error))
        throw StorageError(Kind::Io, "That is the file Attune has open now; choose a backup to restore.");
    detail::WorkFolder staging;
    const fs::path copy = staging.copyIn(file, "restore.sqlite");
    RestoreResult result;
    result.restored = previewCopy(copy, file);
    {
        // Brings an older file up to this version (in the copy) with the usual open checks.
        OpenOptions options;
        options.backupDir = staging.path() / "migration";
        Database migrated = Database::open(copy, options);
        migrated.close();
    }
    result.backupOfCurrent = backupNow(db, backupFolder, now, "before-restore");
    SQLite::Database source(copy, SQLite::OPEN_READONLY);
    sqlite3* live = db.sql().getHandle();
    sqlite3_backup* backup = sqlite3_backup_init(live, "main", source.getHandle(), "main");
    if (backup == nullptr)
        throw detail::toStorageError(sqlite3_errcode(live), "The backup could not be restored; nothing was changed.");
    const int stepCode = sqlite3_backup_step(backup, -1);
    const int finishCode = sqlite3_backup_finish(backup);
    if (stepCode != SQLITE_DONE || finishCode != SQLITE_OK) {
        spdlog::error("restore failed: sqlite codes {} {}", stepCode, finishCode);
        throw detail::toStorageError(stepCode != SQLITE_DONE ? stepCode : finishCode,
                                     "The backup could not be restored; nothing was changed.");
    }
    // Loud if the live file does not now hold exactly what was restored (the backup of the
    // data before is in place either way).
    try {
        if (detail::tableRowCounts(db.sql()) != detail::tableRowCounts(source))
            throw StorageError(Kind::Io, fmt::format("The restore did not come out whole. The data from before is in {}.",
                                                     result.backupOfCurrent.path.string()));
    } catch (const SQLite::Exception& sqlError) {
        throw detail::toStorageError(sqlError);
    }
    spdlog::info("restored a backup (schema version {})", result.restored.schemaVersion);
    return result;
}

std::optional<fs::path> replaceWithBackup(const fs::path& file, const fs::path& backup, TimestampMs now)
{
    checkShape(backup);
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::error_code error;
    fs::create_directories(folder, error);
    detail::WorkFolder staging;
    const fs::path copy = staging.copyIn(backup, "restore.sqlite");
    previewCopy(copy, backup); // foreign, newer and damaged backups stop here

    // The verified copy, under a name beside the file (same folder, so the rename is atomic).
    const fs::path incoming(file.string() + ".restoring");
    try {
        SQLite::Database source(copy, SQLite::OPEN_READONLY);
        detail::backupConnection(source, incoming.string());
    } catch (const SQLite::Exception& sqlError) {
        throw detail::toStorageError(sqlError);
    }

    std::optional<fs::path> setAside;
    const std::string stamp = backupFileName(now).substr(std::string_view("attune-").size());
    const std::string asideBase = file.string() + ".damaged-" + stamp.substr(0, stamp.size() - std::string_view(".sqlite").size());
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const fs::path part(file.string() + suffix);
        if (!fs::exists(part, error))
            continue;
        const fs::path aside(asideBase + suffix);
        fs::rename(part, aside, error);
        if (error) {
            fs::remove(incoming, error);
            throw StorageError(Kind::ReadOnly, fmt::format("Attune could not move the damaged file aside in {}, so "
                                                           "nothing was changed.",
                                                           folder.string()));
        }
        if (*suffix == '\0')
            setAside = aside;
    }
    fs::rename(incoming, file, error);
    if (error)
        throw StorageError(Kind::Io, fmt::format("The backup is ready in {} but could not be put in place.",
                                                 incoming.string()));
    if (const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    spdlog::info("replaced an unopenable file with a backup{}", setAside ? " (old file set aside)" : "");
    return setAside;
}

} // namespace attune::core
