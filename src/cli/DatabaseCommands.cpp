// SPDX-License-Identifier: MIT
// attune-cli init / check
#include "CliContext.h"

#include "attune/core/Check.h"
#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Paths.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <memory>

namespace attune::cli {

namespace {

void runInit(CliContext& context)
{
    const auto path = context.databasePath();
    context.lockForWriting(true); // it may migrate an older file, or create a new one
    std::error_code error;
    if (std::filesystem::exists(path, error) && std::filesystem::file_size(path, error) > 0) {
        // Already there: open it (which migrates an older file) and change nothing else.
        core::Database db = core::Database::open(path);
        fmt::print("Attune's file is already set up at {} (schema version {}). Nothing was changed.\n", path.string(),
                   db.schemaVersion());
        return;
    }
    core::Database db = core::Database::create(path);
    fmt::print("Created a new Attune file at {} (schema version {}).\n", path.string(), db.schemaVersion());
}

void runCheck(CliContext& context, const std::string& backups)
{
    const auto path = context.databasePath();
    const core::CheckReport report = core::checkDatabase(path);
    const std::string readOnly = report.isReadOnly ? fmt::format("{} is read-only (the file, its folder or the disk), "
                                                                 "so Attune can read it but can't save to it.",
                                                                 path.string())
                                                   : std::string();
    if (!report.isOk) {
        std::string message = fmt::format("{} has problems:", path.string());
        for (const auto& problem : report.problems)
            message += "\n  - " + problem;
        if (!readOnly.empty())
            message += "\n" + readOnly;
        throw CommandFailed{message};
    }
    if (!readOnly.empty())
        fmt::print("{}\n", readOnly);
    fmt::print("{}: ok\nSchema version: {} (this Attune writes {})\nRows per table:\n", path.string(),
               report.schemaVersion, core::Database::latestSchemaVersion());
    for (const auto& [table, rows] : report.rowCounts)
        fmt::print("  {:<24} {}\n", table, rows);
    bool isBackupOk = true;
    const auto folder = backups.empty() ? core::defaultBackupFolder() : std::filesystem::path(backups);
    fmt::print("{}\n", backupStatus(folder, core::SystemClock().nowMs(), &isBackupOk));
    if (!isBackupOk)
        throw CommandFailed{"The newest backup is damaged; make a new one with: attune-cli backup"};
}

} // namespace

void addDatabaseCommands(CLI::App& app, CliContext& context)
{
    app.add_subcommand("init", "Create Attune's file (or check an existing one is ready)")
        ->callback([&context] { runInit(context); });
    auto backups = std::make_shared<std::string>();
    CLI::App* check = app.add_subcommand("check", "Check the file: integrity, schema version, rows per table, backups");
    check->add_option("--backups", *backups, "Backup folder (default: Documents/Attune Backups)");
    check->callback([&context, backups] { runCheck(context, *backups); });
}

} // namespace attune::cli
