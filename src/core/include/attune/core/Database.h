// SPDX-License-Identifier: MIT
// The one SQLite file: opening rules, connection settings, write transactions, clean close.
// Follows docs/reliability.md; every rule here has a test in tests/core/DatabaseTest.cpp.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace attune::core {

struct MigrationStep;

struct OpenOptions {
    // Where the verified backup taken before a migration goes; empty means
    // "<folder of the database>/backups".
    std::filesystem::path backupDir;
    // Tests replace the production migration list; nullptr means migrationSteps().
    const std::vector<MigrationStep>* steps = nullptr;
    // Opens beside another Attune that holds the file (FileLock) just to read: an older file is
    // not migrated (StorageError Kind::InUse, nothing changed) and close() leaves the WAL
    // checkpoint to the holder.
    bool isReader = false;
};

class Database {
public:
    // "ATUN": marks a file as Attune's so a foreign SQLite file is never written to.
    static constexpr int kApplicationId = 0x4154554E;

    // Creates a new database. Refuses when a non-empty file is already there.
    static Database create(const std::filesystem::path& path, const OpenOptions& options = {});
    // Opens an existing database read-write, never creating one. Checks application_id,
    // refuses newer schema versions, runs quick_check, then migrates (backup first).
    static Database open(const std::filesystem::path& path, const OpenOptions& options = {});
    // A private database for tests and benchmarks.
    static Database openInMemory();
    // The schema version this build writes.
    static int latestSchemaVersion();

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    ~Database();

    const std::filesystem::path& path() const;
    int schemaVersion() const;
    // The backup written before the last migration of this open, if any.
    const std::optional<std::filesystem::path>& migrationBackup() const;

    // False when the file at path() is no longer the one this connection opened: it was
    // deleted, moved away or replaced by another file. Writes are refused then (Kind::Moved),
    // because SQLite would carry on writing into a file nobody can find. Always true in memory.
    bool isFileInPlace() const;

    // Writes a verified copy of everything this connection holds to `target` (which must not
    // exist yet, and passes checkOutputPath()), then carries on with that file: the way out after isFileInPlace() turned
    // false. The Database object stays the same, so every service holding it keeps working.
    void relocate(const std::filesystem::path& target);

    // Runs `work` inside one BEGIN IMMEDIATE … COMMIT. Any exception rolls back and is
    // rethrown, SQLite failures as StorageError. Nested calls join the outer transaction.
    void write(const std::function<void()>& work);

    // The connection, for repositories inside the core only.
    SQLite::Database& sql();
    const SQLite::Database& sql() const;

    // wal_checkpoint(TRUNCATE) then close, so the file on disk is complete on its own.
    // Called by the destructor too; safe to call twice. False when the checkpoint failed (a full
    // disk): everything is saved, in the file and its -wal together, which must stay side by
    // side; the next open finishes the job. Callers tell the parent (see the CLI and the app).
    bool close();

    struct Impl; // public so the open path's helpers in Database.cpp can fill it

private:
    explicit Database(std::unique_ptr<Impl> impl);
    void rollbackQuietly() noexcept;
    std::unique_ptr<Impl> m_impl;
};

// What to tell the parent when close() returned false, in the CLI and the app alike.
std::string untidyCloseMessage(const std::filesystem::path& database);

// A connection setting read back from the file, for tests and `attune-cli check`.
std::string pragmaValue(Database& db, const std::string& pragma);

} // namespace attune::core
