// SPDX-License-Identifier: MIT
#include "attune/core/Database.h"

#include "attune/core/Backups.h"
#include "attune/core/Errors.h"
#include "attune/core/Migrations.h"
#include "attune/core/OutputPath.h"
#include "SqlErrors.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <system_error>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace attune::core {

struct Database::Impl {
    fs::path path;
    std::unique_ptr<SQLite::Database> sql;
    int writeDepth = 0;
    std::optional<fs::path> migrationBackup;
    // Which file on disk the connection has open (device, inode), to notice it being moved,
    // deleted or replaced while open. Empty for a database in memory.
    std::optional<std::pair<dev_t, ino_t>> identity;
    bool isReader = false; // OpenOptions::isReader: the checkpoint at close is the holder's
};

namespace {

constexpr int kBusyTimeoutMs = 5000;

std::optional<std::pair<dev_t, ino_t>> identityOf(const fs::path& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return std::nullopt;
    return std::pair{info.st_dev, info.st_ino};
}

// Settings that live on the connection, not in the file: set on every open (reliability.md).
void applyConnectionSettings(SQLite::Database& db, bool isMemory)
{
    db.setBusyTimeout(kBusyTimeoutMs);
    if (!isMemory)
        db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA trusted_schema = OFF");
    db.exec("PRAGMA secure_delete = ON");
    db.exec("PRAGMA temp_store = MEMORY");
}

int intPragma(SQLite::Database& db, const char* pragma)
{
    return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

void tightenPermissions(const fs::path& path)
{
    std::error_code error;
    const auto perms = fs::status(path, error).permissions();
    if (error)
        return;
    const auto others = fs::perms::group_all | fs::perms::others_all;
    if ((perms & others) != fs::perms::none) {
        fs::permissions(path, others, fs::perm_options::remove, error);
        spdlog::warn("database file was readable by others; tightened to owner only");
    }
}

void runMigrations(Database::Impl& impl, const std::vector<MigrationStep>& steps, const OpenOptions& options)
{
    SQLite::Database& db = *impl.sql;
    const int current = intPragma(db, "user_version");
    const int latest = steps.empty() ? 0 : steps.back().version;
    if (current >= latest)
        return;
    if (options.isReader)
        throw StorageError(StorageError::Kind::InUse,
                           "This file needs an update for this version of Attune, and another Attune has it open. "
                           "Close that one, then try again. Nothing was changed.");
    if (current > 0) {
        // A verified copy of the old version before anything changes, named so a parent can find it.
        const fs::path folder = options.backupDir.empty() ? impl.path.parent_path() / "backups" : options.backupDir;
        std::error_code error;
        fs::create_directories(folder, error);
        // Named like every other backup, so the backup folder lists and rotates it too.
        const auto nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
        const fs::path target = folder / backupFileName(nowMs, fmt::format("before-v{}", latest));
        detail::backupConnection(db, target.string());
        impl.migrationBackup = target;
        spdlog::info("backup written before migrating from version {}", current);
    }
    for (const auto& step : steps) {
        if (step.version <= current)
            continue;
        spdlog::info("migrating schema to version {} ({})", step.version, step.name);
        db.exec("BEGIN IMMEDIATE");
        try {
            step.apply(db);
            db.exec(fmt::format("PRAGMA user_version = {}", step.version));
            db.exec("COMMIT");
        } catch (...) {
            db.exec("ROLLBACK");
            throw;
        }
    }
}

} // namespace

Database::Database(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        m_impl = std::move(other.m_impl);
    }
    return *this;
}

Database::~Database()
{
    close();
}

int Database::latestSchemaVersion()
{
    return migrationSteps().back().version;
}

Database Database::create(const fs::path& path, const OpenOptions& options)
{
    std::error_code error;
    if (fs::exists(path, error) && fs::file_size(path, error) > 0)
        throw StorageError(StorageError::Kind::Io,
                           fmt::format("There is already a file at {}; Attune will not replace it.", path.string()));
    if (path.has_parent_path())
        fs::create_directories(path.parent_path(), error);

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    try {
        impl->sql = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                       kBusyTimeoutMs);
        applyConnectionSettings(*impl->sql, false);
        impl->sql->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
        runMigrations(*impl, options.steps ? *options.steps : migrationSteps(), options);
    } catch (const SQLite::Exception& sqlError) {
        throw detail::toStorageError(sqlError);
    }
    tightenPermissions(path);
    impl->identity = identityOf(path);
    spdlog::info("created database, schema version {}", intPragma(*impl->sql, "user_version"));
    return Database(std::move(impl));
}

Database Database::open(const fs::path& path, const OpenOptions& options)
{
    using Kind = StorageError::Kind;
    std::error_code error;
    if (!fs::exists(path, error))
        throw StorageError(Kind::Missing, fmt::format("There is no Attune file at {}.", path.string()));
    if (fs::is_directory(path, error))
        throw StorageError(Kind::NotAttune, fmt::format("{} is a folder, not an Attune file.", path.string()));
    if (fs::file_size(path, error) == 0)
        throw StorageError(Kind::Missing, fmt::format("The file at {} is empty (0 bytes), so it holds no Attune data.",
                                                      path.string()));

    // SQLite would quietly open a read-only file read-only and fail at the first save (or, in
    // WAL mode, at the first read); say it plainly up front instead. The folder must be
    // writable too: the -wal and -shm files live next to the database.
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (::access(path.c_str(), W_OK) != 0 || ::access(folder.c_str(), W_OK) != 0)
        throw StorageError(Kind::ReadOnly, fmt::format("Attune can't write to {} (the file or its folder is read-only), "
                                                       "so it did not open it. Nothing was changed.",
                                                       path.string()));

    const auto& steps = options.steps ? *options.steps : migrationSteps();
    const int latest = steps.empty() ? 0 : steps.back().version;
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->isReader = options.isReader;
    try {
        // Read-write but never OPEN_CREATE: a missing file is an error above, not a new database.
        impl->sql = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE, kBusyTimeoutMs);
        SQLite::Database& db = *impl->sql;
        int applicationId = 0;
        try {
            applicationId = intPragma(db, "application_id");
        } catch (const SQLite::Exception& notDb) {
            if ((notDb.getErrorCode() & 0xFF) == SQLITE_NOTADB)
                throw StorageError(Kind::NotAttune, fmt::format("{} is not an Attune file.", path.string()));
            throw;
        }
        if (applicationId != kApplicationId)
            throw StorageError(Kind::NotAttune, fmt::format("{} is not an Attune file.", path.string()));
        const int version = intPragma(db, "user_version");
        if (version > latest)
            throw StorageError(Kind::TooNew, "This file was saved by a newer version of Attune. Please update "
                                             "Attune to open it; the file was not changed.");
        const std::string quick = db.execAndGet("PRAGMA quick_check").getString();
        if (quick != "ok")
            throw StorageError(Kind::Corrupt, "The Attune file looks damaged, so it was not changed. "
                                              "You can restore a backup.");
        applyConnectionSettings(db, false);
        runMigrations(*impl, steps, options);
    } catch (const SQLite::Exception& sqlError) {
        throw detail::toStorageError(sqlError);
    }
    tightenPermissions(path);
    impl->identity = identityOf(path);
    return Database(std::move(impl));
}

Database Database::openInMemory()
{
    auto impl = std::make_unique<Impl>();
    impl->path = ":memory:";
    impl->sql = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    applyConnectionSettings(*impl->sql, true);
    impl->sql->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    runMigrations(*impl, migrationSteps(), {});
    return Database(std::move(impl));
}

const fs::path& Database::path() const
{
    return m_impl->path;
}

int Database::schemaVersion() const
{
    return intPragma(*m_impl->sql, "user_version");
}

const std::optional<fs::path>& Database::migrationBackup() const
{
    return m_impl->migrationBackup;
}

bool Database::isFileInPlace() const
{
    if (!m_impl->identity)
        return true;
    return identityOf(m_impl->path) == m_impl->identity;
}

void Database::relocate(const fs::path& target)
{
    std::error_code error;
    if (fs::exists(target, error))
        throw StorageError(StorageError::Kind::Io,
                           fmt::format("There is already a file at {}; Attune will not replace it. "
                                       "Please choose another name.",
                                       target.string()));
    // Back at the file's own name is fine once nothing is there (its -wal beside it is this
    // connection's own); never at a companion's (-wal, -shm, .lock), nor at any Attune file.
    if (fs::weakly_canonical(target, error) != fs::weakly_canonical(path(), error))
        checkOutputPath(target, {OutputKind::File, path(), false});
    // Everything the open connection holds, verified, under the new name; then the old
    // connection (to a file that is no longer where it was) is closed and the copy opened.
    detail::backupConnection(sql(), target.string()); // writeVerifiedBackup() without its check: done above
    Database copy = open(target);
    close();
    m_impl = std::move(copy.m_impl);
    spdlog::info("database moved to a new file after the old one went missing");
}

void Database::write(const std::function<void()>& work)
{
    Impl& impl = *m_impl;
    if (impl.writeDepth == 0 && !isFileInPlace())
        throw StorageError(StorageError::Kind::Moved,
                           "Attune's file was moved, deleted or replaced while Attune was open, so this was not "
                           "saved. Everything saved before is safe in this window: use “Keep my notes safe…” at "
                           "the top of the window, then try again.");
    if (impl.writeDepth > 0) {
        // Nested: part of the caller's transaction, which commits or rolls back as a whole.
        ++impl.writeDepth;
        struct Leave {
            int& depth;
            ~Leave() { --depth; }
        } leave{impl.writeDepth};
        work();
        return;
    }
    try {
        impl.sql->exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception& error) {
        throw detail::toStorageError(error);
    }
    impl.writeDepth = 1;
    try {
        work();
        impl.sql->exec("COMMIT");
        impl.writeDepth = 0;
    } catch (const SQLite::Exception& error) {
        impl.writeDepth = 0;
        rollbackQuietly();
        throw detail::toStorageError(error);
    } catch (...) {
        impl.writeDepth = 0;
        rollbackQuietly();
        throw;
    }
}

void Database::rollbackQuietly() noexcept
{
    // After SQLITE_FULL and some I/O errors SQLite has already rolled back; ROLLBACK then
    // fails with "no transaction is active", which is fine.
    if (sqlite3_get_autocommit(m_impl->sql->getHandle()) == 0)
        sqlite3_exec(m_impl->sql->getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

SQLite::Database& Database::sql()
{
    return *m_impl->sql;
}

const SQLite::Database& Database::sql() const
{
    return *m_impl->sql;
}

bool Database::close()
{
    if (!m_impl || !m_impl->sql)
        return true;
    bool isCheckpointed = true;
    if (m_impl->path != ":memory:" && !m_impl->isReader) {
        const int rc = sqlite3_exec(m_impl->sql->getHandle(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            spdlog::warn("checkpoint on close failed: sqlite code {}", rc);
            isCheckpointed = false;
        }
    }
    m_impl->sql.reset();
    spdlog::debug("database closed");
    return isCheckpointed;
}

std::string untidyCloseMessage(const fs::path& database)
{
    return fmt::format("Everything was saved, but Attune could not tidy {0} when closing (the disk may be full). Keep "
                       "{0}-wal next to it: the two belong together until Attune next opens the file with room on the "
                       "disk, and then finishes the job.",
                       database.filename().string());
}

std::string pragmaValue(Database& db, const std::string& pragma)
{
    return db.sql().execAndGet("PRAGMA " + pragma).getString();
}

} // namespace attune::core
