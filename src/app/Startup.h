// SPDX-License-Identifier: MIT
// What happens between `attune` being started and the main window: where the file is,
// the single-instance lock, and opening (or, on first run only, creating) the database.
#pragma once

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/FileLock.h"

#include <QString>

#include <optional>

namespace attune::app {

struct Paths {
    QString database;  // the file to open
    QString logFolder; // rotating logs
    bool isExplicit = false; // from --database or ATTUNE_DATABASE
};

Paths resolvePaths(const QString& databaseOption);

// Tells the core where Attune's cache folder is (QStandardPaths::CacheLocation, e.g.
// ~/.cache/attune) and removes the temporary copies a killed run left there.
void prepareCacheFolder();

struct OpenResult {
    std::optional<core::Database> database;
    bool isFirstRun = false;
    QString problem; // a parent-facing message when database is empty
    bool isMissing = false; // the problem is that no file is there at all
    // Why it could not be opened (nullopt when it opened, or for the "missing / empty file
    // Attune knew" rule of openDatabase).
    std::optional<core::StorageError::Kind> kind;
    // A backup can take the file's place: it is missing, empty or damaged — not another
    // program's file, and not one from a newer Attune (both are left for the parent to sort).
    bool canRestoreBackup() const;
};

// Opens the file at `path`. Creates it only when Attune has never seen a file there before
// (first run); a file that existed once and is now missing is an error, never replaced.
OpenResult openDatabase(const QString& path);

// Starts a new, empty file at `path` because the parent asked for one (never on its own).
OpenResult createDatabase(const QString& path);

// Remembers that Attune created or opened a database at `path`.
void rememberDatabase(const QString& path);

// The file's lock (core::FileLock, shared with attune-cli), or why not in a parent's words.
struct LockAttempt {
    core::FileLock lock;
    QString title;   // empty when the lock is held
    QString message;
};
LockAttempt lockDatabase(const QString& path);

// Attune 0.1 kept its settings in ~/.config/Unknown Organization/attune.conf (no organisation
// was set). Moves that file to where QSettings() now looks, once, when nothing is there yet.
// Returns true when it moved one.
bool moveOldSettings();

} // namespace attune::app
