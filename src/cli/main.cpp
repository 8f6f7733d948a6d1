// SPDX-License-Identifier: MIT
// attune-cli: the same core as the app, from a terminal. Exit 0 only when the command
// fully succeeded; otherwise one plain message on stderr and a non-zero code.
#include "CliContext.h"
#include "ExitCodes.h"

#include "attune/core/Cache.h"
#include "attune/core/Errors.h"
#include "attune/core/Logging.h"
#include "attune/core/Paths.h"
#include "attune/core/Version.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <sys/stat.h>

int main(int argc, char** argv)
{
    ::umask(077); // files we create are the parent's alone

    attune::cli::CliContext context;
    CLI::App app{"attune-cli: Attune's data from a terminal"};
    app.set_version_flag("--version", fmt::format("attune-cli {}", attune::core::kVersion));
    app.add_option("--database", context.databaseOption, "Attune file to use (default: $ATTUNE_DATABASE or the app's)");
    app.add_option("--log-level", context.logLevel, "trace, debug, info, warn, error or off");
    app.require_subcommand(1);
    app.footer("Exit codes: 0 done; 1 not done (the message says why; nothing half-written);\n"
               "20 the path is one of Attune's own files; 21 a file is already there (add --overwrite);\n"
               "22 the wrong kind of place; 23 read-only; 24 the disk is full (nothing written);\n"
               "25 all saved, but the file could not be tidied on close (keep its -wal beside it);\n"
               "75 another Attune has the file open (the app, or attune-cli changing it): a command that\n"
               "changes the file was refused and nothing was changed; run it again once that one is\n"
               "closed. Commands that only read (check, stats, export, lists, search) work meanwhile.");
    attune::cli::addDatabaseCommands(app, context);
    attune::cli::addFamilyCommands(app, context);
    attune::cli::addOneOnOneCommands(app, context);
    attune::cli::addDemoCommands(app, context);
    attune::cli::addNotebookCommands(app, context);
    attune::cli::addReflectionCommands(app, context);
    attune::cli::addDataCommands(app, context);

    app.parse_complete_callback([&context] {
        attune::core::initLogging(attune::core::defaultDataFolder() / "logs", context.logLevel, "attune-cli");
        // Copies a killed run left in the cache folder (never another running Attune's).
        attune::core::removeLeftoverCopies(attune::core::cacheFolder());
    });
    using attune::cli::kExitFailed;
    int exitCode = 0;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    } catch (const attune::cli::CommandFailed& failure) {
        fmt::print(stderr, "{}\n", failure.message);
        exitCode = failure.exitCode;
    } catch (const attune::core::ValidationError& error) {
        for (const auto& field : error.errors())
            fmt::print(stderr, "{}\n", field.message);
        exitCode = kExitFailed;
    } catch (const attune::core::StorageError& error) {
        fmt::print(stderr, "{}\n", error.what());
        exitCode = attune::cli::exitCodeFor(error);
    } catch (const std::exception& error) {
        spdlog::error("unexpected failure");
        fmt::print(stderr, "Something went wrong: {}\n", error.what());
        exitCode = kExitFailed;
    }
    // Closed here rather than by a destructor, so a failed closing checkpoint reaches the parent.
    if (const std::string problem = context.close(); !problem.empty()) {
        fmt::print(stderr, "{}\n", problem);
        if (exitCode == 0)
            exitCode = attune::cli::kExitNotClosedCleanly;
    }
    return exitCode;
}
