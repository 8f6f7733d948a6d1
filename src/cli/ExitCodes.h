// SPDX-License-Identifier: MIT
// attune-cli's exit codes, one per thing a parent (or a script) can act on. Documented in
// README.md ("Exit codes"); tests/cli and scripts/attack-paths.sh check them.
#pragma once

namespace attune::core {
class StorageError;
}

namespace attune::cli {

inline constexpr int kExitFailed = 1;       // anything else; the message says what
inline constexpr int kExitAttuneFile = 20;  // the path is Attune's own: the open file, its -wal, -shm,
                                            // -journal or .lock, a backup, any Attune file
inline constexpr int kExitAlreadyThere = 21; // a file (or a folder of CSV files) is there: add --overwrite
inline constexpr int kExitWrongPlace = 22;  // a folder where a file goes or the other way round, a
                                            // folder with other files in it (CSV), no such folder
inline constexpr int kExitReadOnly = 23;    // the file, its folder or the disk can't be written
inline constexpr int kExitDiskFull = 24;    // no space left; nothing was written
inline constexpr int kExitNotClosedCleanly = 25; // all saved, but the file could not be tidied on
                                                 // close: keep its -wal beside it
// Another Attune (the app, or another attune-cli that changes it) has the file: nothing was
// changed; try again once it is closed. 75 is EX_TEMPFAIL of sysexits.h: "try again later".
inline constexpr int kExitInUse = 75;

// The exit code for a core storage error (OutputPathError included).
int exitCodeFor(const core::StorageError& error);

} // namespace attune::cli
