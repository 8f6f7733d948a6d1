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
    // Opens the existing database (never creates one) and a Store acting as the first
    // caregiver. Throws core errors, which main() turns into a message and an exit code.
    core::Store& store();
    // The same, but creates a new database when there is none (or only a 0-byte file) at the
    // path; `attune-cli demo` uses it. `wasCreated` says which happened.
    core::Store& storeCreatingFile(bool* wasCreated = nullptr);
    // Closes the file (a checkpoint, so it is complete on its own). Empty when that worked or
    // nothing was open; otherwise what to tell the parent (everything is saved, in the file and
    // its -wal together).
    std::string close();

private:
    void startStore(); // a Store over m_db acting as the first caregiver
    std::unique_ptr<core::SystemClock> m_clock;
    std::unique_ptr<core::Database> m_db;
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
