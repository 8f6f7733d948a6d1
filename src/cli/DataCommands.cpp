// SPDX-License-Identifier: MIT
// attune-cli export / import / backup / restore: the data-safety commands. Exit 0 only when
// everything asked for was written (or, for --dry-run and a restore without --yes, when the
// file was fully checked and nothing was written on purpose — see each command).
#include "CliContext.h"
#include "ExitCodes.h"

#include "attune/core/Backups.h"
#include "attune/core/Check.h"
#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "attune/core/Import.h"
#include "attune/core/OutputPath.h"
#include "attune/core/Paths.h"
#include "attune/core/Restore.h"
#include "attune/core/Store.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <utility>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace attune::cli {

namespace {

std::string utcText(core::TimestampMs ms)
{
    // "attune-2026-11-28T05-38-07.123Z.sqlite" → "2026-11-28 05:38 UTC"
    const std::string name = core::backupFileName(ms);
    return fmt::format("{} {}:{} UTC", name.substr(7, 10), name.substr(18, 2), name.substr(21, 2));
}

fs::path backupFolderOr(const std::string& option)
{
    return option.empty() ? core::defaultBackupFolder() : fs::path(option);
}

struct ExportOptions {
    std::string format;
    std::string out;
    std::string child;
    std::string from;
    std::string to;
    bool mayOverwrite = false;
};

// The core's rules for a path to write, before anything is opened or made: Attune's own files
// never; an ordinary file (or a folder of CSV files) only with --overwrite.
void checkOutput(CliContext& context, const fs::path& out, core::OutputKind kind, bool mayOverwrite)
{
    try {
        core::checkOutputPath(out, {kind, context.databasePath(), mayOverwrite});
    } catch (const core::OutputPathError& error) {
        if (error.reason() != core::OutputPathError::Reason::Exists)
            throw;
        throw CommandFailed{fmt::format("{} To replace {}, add --overwrite.", error.what(),
                                        kind == core::OutputKind::File ? "it" : "them"),
                            kExitAlreadyThere};
    }
}

// The desktop app next to this program: installed side by side in bin/, or in the build tree
// (src/cli/attune-cli beside src/app/attune). ATTUNE_APP overrides both.
fs::path findDesktopApp()
{
    if (const char* overridden = std::getenv("ATTUNE_APP"); overridden && *overridden)
        return ::access(overridden, X_OK) == 0 ? fs::path(overridden) : fs::path();
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (error)
        return {};
    for (const fs::path& candidate : {self.parent_path() / "attune", self.parent_path().parent_path() / "app" / "attune"})
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    return {};
}

// A PDF needs a page layout engine, which lives in the desktop app (Qt) — this program has no
// Qt by design. So the app writes it, run headless: `attune --export-pdf OUT …`.
void runPdfExport(CliContext& context, const ExportOptions& options)
{
    core::ReportOptions report;
    report.childName = options.child;
    report.from = options.from;
    report.to = options.to;
    core::markdownReport(context.storeForReading(true).db(), report); // the same rules and messages as md, first
    const fs::path app = findDesktopApp();
    if (app.empty())
        throw CommandFailed{"A PDF report is made by the Attune app, which was not found next to attune-cli. "
                            "Install Attune, or use --format md."};
    std::vector<std::string> arguments = {app.string(), "--database", context.databasePath().string(),
                                          "--export-pdf", options.out};
    for (const auto& [flag, value] : {std::pair{"--child", options.child}, {"--from", options.from}, {"--to", options.to}})
        if (!value.empty()) {
            arguments.emplace_back(flag);
            arguments.push_back(value);
        }
    std::vector<char*> argv;
    for (auto& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    pid_t child = 0;
    if (::posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        throw CommandFailed{fmt::format("Could not start {} to write the PDF.", app.string())};
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw CommandFailed{"The PDF report was not written (see the message above)."};
}

void runExport(CliContext& context, const ExportOptions& options)
{
    const bool isReport = options.format == "md" || options.format == "pdf";
    if (!isReport && (!options.child.empty() || !options.from.empty() || !options.to.empty()))
        throw CommandFailed{"--child, --from and --to choose what goes into a report (md or pdf); JSON and CSV "
                            "exports always hold everything."};
    checkOutput(context, options.out, options.format == "csv" ? core::OutputKind::WholeFolder : core::OutputKind::File,
                options.mayOverwrite);
    if (options.format == "pdf") {
        runPdfExport(context, options);
        return;
    }
    core::Database& db = context.storeForReading(true).db(); // each export is one snapshot
    if (options.format == "json") {
        core::writeJsonExport(db, options.out);
        fmt::print("Exported everything (trash included) to {}.\n", options.out);
    } else if (options.format == "csv") {
        const auto files = core::writeCsvExport(db, options.out);
        fmt::print("Exported {} tables as CSV files into {}.\n", files.size(), options.out);
    } else {
        core::ReportOptions report;
        report.childName = options.child;
        report.from = options.from;
        report.to = options.to;
        core::writeFileSafely(options.out, core::markdownReport(db, report));
        fmt::print("Wrote the report to {}.\n", options.out);
    }
}

void printImportSummary(const core::ImportSummary& summary)
{
    fmt::print("{:<22} {:>8} {:>10} {:>8} {:>10}\n", "", "new", "unchanged", "updated", "kept ours");
    for (const auto& table : summary.tables)
        fmt::print("{:<22} {:>8} {:>10} {:>8} {:>10}\n", table.table, table.added, table.unchanged, table.updated,
                   table.keptOurs);
}

void runImport(CliContext& context, const std::string& file, bool isDryRun, const std::string& backups)
{
    core::ImportOptions options;
    options.isDryRun = isDryRun;
    options.backupFolder = backupFolderOr(backups);
    // A dry run writes nothing, but it rehearses the import in a write transaction that would
    // hold the app's saves up meanwhile: it needs the file to itself like a real import.
    const core::ImportSummary summary = core::importJsonFile(context.store(), file, options);
    printImportSummary(summary);
    if (isDryRun) {
        fmt::print("Dry run: the whole file checked out; nothing was written. {} new and {} updated records would be "
                   "imported.\n",
                   summary.added(), summary.updated());
        return;
    }
    fmt::print("Imported {} new and {} updated records in one go.\n", summary.added(), summary.updated());
    if (summary.backup)
        fmt::print("What was there before is in the backup {}.\n", summary.backup->path.string());
}

void runBackup(CliContext& context, const std::string& out)
{
    checkOutput(context, backupFolderOr(out), core::OutputKind::AddToFolder, false);
    core::Store& store = context.store();
    const core::BackupFile backup = core::backupNow(store.db(), backupFolderOr(out), store.clock().nowMs());
    fmt::print("Backup written and verified: {} ({} KiB).\n", backup.path.string(), (backup.bytes + 1023) / 1024);
}

void printPreview(const core::FilePreview& preview)
{
    fmt::print("{} (schema version {}, {} KiB)\n", preview.path.string(), preview.schemaVersion, (preview.bytes + 1023) / 1024);
    if (!preview.firstSessionDay.empty())
        fmt::print("One-on-one time from {} to {}\n", preview.firstSessionDay, preview.lastSessionDay);
    if (preview.children.empty())
        fmt::print("No children in it.\n");
    for (const auto& child : preview.children) {
        std::string counts;
        for (const auto& [table, count] : child.counts)
            counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", count, table);
        fmt::print("  {}{}: {}\n", child.name, child.isInTrash ? " (in the trash)" : "", counts.empty() ? "nothing yet" : counts);
    }
    fmt::print("Records per table (trash included):\n");
    for (const auto& [table, count] : preview.tableCounts)
        fmt::print("  {:<22} {}\n", table, count);
}

void runRestore(CliContext& context, const std::string& file, bool isConfirmed, const std::string& backups)
{
    if (isConfirmed)
        context.lockForWriting(); // before the preview, so what is shown is what gets replaced
    const core::FilePreview incoming = core::previewFile(file);
    fmt::print("The file to restore:\n");
    printPreview(incoming);
    const core::FilePreview current = core::previewFile(context.databasePath());
    fmt::print("\nIt would replace everything now in Attune:\n");
    printPreview(current);
    if (!isConfirmed)
        throw CommandFailed{"\nNothing was restored. To replace the current data with this file, run the same command "
                            "with --yes (a verified backup of the current data is taken first)."};
    core::Store& store = context.store();
    const core::RestoreResult result = core::restoreFrom(store.db(), file, backupFolderOr(backups), store.clock().nowMs());
    fmt::print("\nRestored. What was there before is in the backup {}.\n", result.backupOfCurrent.path.string());
}

} // namespace

void addDataCommands(CLI::App& app, CliContext& context)
{
    auto exportOptions = std::make_shared<ExportOptions>();
    CLI::App* exportCommand
        = app.add_subcommand("export", "Export everything as JSON or CSV, or a report as Markdown or PDF");
    exportCommand->add_option("--format", exportOptions->format, "json, csv, md or pdf")
        ->required()
        ->check(CLI::IsMember({"json", "csv", "md", "pdf"}));
    exportCommand->add_option("--out", exportOptions->out, "The file to write (a folder for csv)")->required();
    exportCommand->add_option("--child", exportOptions->child, "md, pdf: only this child");
    exportCommand->add_option("--from", exportOptions->from, "md, pdf: from this day, YYYY-MM-DD");
    exportCommand->add_option("--to", exportOptions->to, "md, pdf: to this day, YYYY-MM-DD");
    exportCommand->add_flag("--overwrite", exportOptions->mayOverwrite,
                            "Replace a file (or a folder of CSV files) that is already there");
    exportCommand->callback([&context, exportOptions] { runExport(context, *exportOptions); });

    auto importFile = std::make_shared<std::string>();
    auto isDryRun = std::make_shared<bool>(false);
    auto importBackups = std::make_shared<std::string>();
    CLI::App* importCommand = app.add_subcommand("import", "Import a JSON export: all of it, or nothing");
    importCommand->add_option("file", *importFile, "The JSON export")->required();
    importCommand->add_flag("--dry-run", *isDryRun, "Check the whole file and say what would change; write nothing");
    importCommand->add_option("--backups", *importBackups, "Backup folder (default: Documents/Attune Backups)");
    importCommand->callback([&context, importFile, isDryRun, importBackups] {
        runImport(context, *importFile, *isDryRun, *importBackups);
    });

    auto backupOut = std::make_shared<std::string>();
    CLI::App* backupCommand = app.add_subcommand("backup", "Write a verified backup now");
    backupCommand->add_option("--out", *backupOut, "Backup folder (default: Documents/Attune Backups)");
    backupCommand->callback([&context, backupOut] { runBackup(context, *backupOut); });

    auto restoreFile = std::make_shared<std::string>();
    auto isConfirmed = std::make_shared<bool>(false);
    auto restoreBackups = std::make_shared<std::string>();
    CLI::App* restoreCommand = app.add_subcommand("restore", "Replace the data with a backup (shows what first)");
    restoreCommand->add_option("file", *restoreFile, "The backup or Attune file to restore")->required();
    restoreCommand->add_flag("--yes", *isConfirmed, "Replace without asking again");
    restoreCommand->add_option("--backups", *restoreBackups, "Backup folder (default: Documents/Attune Backups)");
    restoreCommand->callback([&context, restoreFile, isConfirmed, restoreBackups] {
        runRestore(context, *restoreFile, *isConfirmed, *restoreBackups);
    });
}

// Used by `attune-cli check`: the newest backup, and whether it is whole.
std::string backupStatus(const fs::path& folder, core::TimestampMs now, bool* isOk)
{
    const auto newest = core::newestBackup(folder);
    *isOk = true;
    if (!newest)
        return fmt::format("No backups yet in {}. Make one with: attune-cli backup", folder.string());
    const core::CheckReport report = core::checkDatabase(newest->path);
    *isOk = report.isOk;
    return fmt::format("Newest backup: {} ({}){}{}", utcText(newest->takenAt), newest->path.string(),
                       report.isOk ? ", checked: ok" : ", but it did not pass its check",
                       core::isBackupDue(folder, now) ? "\nThe newest backup is more than a day old." : "");
}

} // namespace attune::cli
