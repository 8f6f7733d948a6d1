// SPDX-License-Identifier: MIT
#include "attune/core/Backup.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/OutputPath.h"
#include "SqlErrors.h"
#include "data/TempFiles.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace fs = std::filesystem;

namespace attune::core {

namespace {

bool fsyncPath(const fs::path& path, bool isDirectory)
{
    const int fd = ::open(path.c_str(), isDirectory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0)
        return false;
    const bool isOk = ::fsync(fd) == 0;
    ::close(fd);
    return isOk;
}

void removeQuietly(const fs::path& path)
{
    std::error_code error;
    fs::remove(path, error);
    fs::remove(fs::path(path.string() + "-journal"), error);
    fs::remove(fs::path(path.string() + "-wal"), error);
    fs::remove(fs::path(path.string() + "-shm"), error);
}

} // namespace

namespace detail {

void backupConnection(SQLite::Database& source, const std::string& targetText)
{
    const fs::path target(targetText);
    // A new file under a random name, made by us: a symlink planted at any name beside the
    // target is never followed (SQLite is told not to follow one either), and SQLite's own
    // -journal beside it gets an unguessable name too.
    const detail::TempFile created = createTempFile(target.has_parent_path() ? target.parent_path() : fs::path("."),
                                                    target.filename().string() + ".partial-", target);
    ::close(created.fd);
    const fs::path& temp = created.path;
    try {
        {
            SQLite::Database copy(temp, SQLite::OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW);
            SQLite::Backup backup(copy, source);
            backup.executeStep(); // -1: all pages in one step
            // A backup is one self-contained file: no -wal or -shm beside it, ever.
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        // The parent's alone, whatever the umask of the process that asked for it.
        std::error_code permissionError;
        fs::permissions(temp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, permissionError);
        if (!fsyncPath(temp, false))
            throw StorageError(StorageError::Kind::Io, "The backup could not be written to disk.");
        {
            SQLite::Database check(temp, SQLite::OPEN_READONLY);
            if (check.execAndGet("PRAGMA integrity_check").getString() != "ok")
                throw StorageError(StorageError::Kind::Corrupt, "The backup did not pass its check, so it was not kept.");
            if (tableRowCounts(check) != tableRowCounts(source))
                throw StorageError(StorageError::Kind::Io, "The backup's contents did not match, so it was not kept.");
        }
        std::error_code error;
        fs::remove(fs::path(temp.string() + "-journal"), error);
        fs::rename(temp, target, error);
        if (error)
            throw StorageError(StorageError::Kind::Io, "The backup could not be put in place.");
        fsyncPath(target.parent_path().empty() ? fs::path(".") : target.parent_path(), true);
    } catch (const SQLite::Exception& sqlError) {
        removeQuietly(temp);
        const StorageError typed = toStorageError(sqlError);
        throw StorageError(typed.kind(), fmt::format("The backup failed: {}", typed.what()));
    } catch (...) {
        removeQuietly(temp);
        throw;
    }
}

} // namespace detail

fs::path writeVerifiedBackup(Database& db, const fs::path& target)
{
    // A backup never replaces anything, least of all an Attune file.
    checkOutputPath(target, {OutputKind::File, db.path(), false});
    detail::backupConnection(db.sql(), target.string());
    spdlog::info("verified backup written");
    return target;
}

} // namespace attune::core
