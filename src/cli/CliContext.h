// SPDX-License-Identifier: MIT
// What every attune-cli command shares: the database path, opening it, and how to say things.
#pragma once

#include <filesystem>
#include <cstdint>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace attune::core {
class Database;
class FileLock;
class ReadSnapshot;
class Store;
class SystemClock;
} // namespace attune::core

namespace attune::cli {

// A command's failure that should reach the user as one plain line and an exit code
// (ExitCodes.h).
struct CommandFailed {
    std::string message;
    int exitCode = 1;
};


class CliContext {
public:
    CliContext();
    ~CliContext();

    std::string databaseOption; // --database; empty means the default path
    std::string logLevel = "warn";

    std::filesystem::path databasePath() const;
    // For commands that change the file: takes the file's lock (the one the app holds while
    // open), then opens the existing database (never creates one) and a Store acting as the
    // first caregiver. While another Attune holds the lock it throws StorageError Kind::InUse
    // (exit code kExitInUse) before anything is opened. Other core errors: exit code 1.
    core::Store& store();
    // For commands that only read. With the lock free it is taken as for store(), so an older
    // file is migrated safely. While the app holds it, the file is opened beside it as a reader
    // (never migrated, never checkpointed by us) and every read sees one snapshot — except for
    // `hasOwnSnapshot` callers (the exports), which read in one transaction of their own.
    core::Store& storeForReading(bool hasOwnSnapshot = false);
    // Like store(), but creates a new database when there is none (or only a 0-byte file) at
    // the path; `attune-cli demo` uses it. `wasCreated` says which happened.
    core::Store& storeCreatingFile(bool* wasCreated = nullptr);
    // Takes the file's lock for a command that opens the database itself (`init`), creating
    // the folder when `mayCreateFolder`. Throws as store() does.
    void lockForWriting(bool mayCreateFolder = false);
    // Closes the file (a checkpoint, so it is complete on its own). Empty when that worked or
    // nothing was open; otherwise what to tell the parent (everything is saved, in the file and
    // its -wal together).
    std::string close();

private:
    // Tries the lock; true when held. Throws Kind::InUse (held by another) only when `isRequired`.
    bool tryLock(bool isRequired);
    void startStore(); // a Store over m_db acting as the first caregiver
    std::unique_ptr<core::FileLock> m_lock;
    std::unique_ptr<core::SystemClock> m_clock;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<core::ReadSnapshot> m_snapshot; // declared after m_db: ends before it closes
    std::unique_ptr<core::Store> m_store;
};

// Each feature adds its subcommands to the app; the callbacks throw CommandFailed on failure.
void addDatabaseCommands(CLI::App& app, CliContext& context);
void addFamilyCommands(CLI::App& app, CliContext& context);
void addOneOnOneCommands(CLI::App& app, CliContext& context);
void addDemoCommands(CLI::App& app, CliContext& context);
void addNotebookCommands(CLI::App& app, CliContext& context);
void addReflectionCommands(CLI::App& app, CliContext& context);
void addDataCommands(CLI::App& app, CliContext& context);

// "Newest backup: …" for `check`; *isOk is false when that backup fails its own check.
std::string backupStatus(const std::filesystem::path& folder, std::int64_t nowMs, bool* isOk);

} // namespace attune::cli
