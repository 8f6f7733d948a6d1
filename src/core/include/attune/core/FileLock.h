// SPDX-License-Identifier: MIT
// One writer per Attune file, across processes. The app and attune-cli take the same lock,
// `<database>.lock`, before they change the file. The operating system lets go of it when its
// holder ends in any way (a crash or a SIGKILL included), so a stale lock never keeps anyone
// out; the lock file itself may stay behind and is simply taken again. It names its holder
// (process id and program), for messages only.
//
// The platform calls live in src/core/src/platform/FileLockPosix.cpp alone.
#pragma once

#include "attune/core/Errors.h"

#include <filesystem>
#include <string>

namespace attune::core {

class FileLock {
public:
    enum class Outcome {
        Acquired,    // this process holds the file now
        HeldByOther, // another process (holder()) has it
        Failed,      // no lock could be made at all: problem() says why (full disk, read-only folder…)
    };
    // Who holds the lock, as it wrote itself into the lock file; pid 0 when unknown.
    struct Holder {
        long pid = 0;
        std::string program; // "attune", "attune-cli", …
    };

    // `<database>.lock`
    static std::filesystem::path lockPathFor(const std::filesystem::path& database);

    // Tries once and never waits. `program` is written into the lock file for other processes'
    // messages. Never throws: the outcome says what happened.
    static FileLock tryLock(const std::filesystem::path& database, const std::string& program);

    FileLock() = default;
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock(); // release()

    Outcome outcome() const { return m_outcome; }
    bool isHeld() const { return m_outcome == Outcome::Acquired && m_handle >= 0; }
    // The other holder, for Outcome::HeldByOther.
    const Holder& holder() const { return m_holder; }
    // What went wrong, in plain words, for Outcome::Failed.
    const std::string& problem() const { return m_problem; }
    // The kind of that problem (DiskFull, ReadOnly or Io), so callers report it like any other
    // storage failure.
    StorageError::Kind problemKind() const { return m_problemKind; }

    // Removes the lock file and lets go. Safe to call twice; the destructor calls it.
    void release() noexcept;

private:
    Outcome m_outcome = Outcome::Failed;
    int m_handle = -1; // the platform's handle of the open lock file
    std::filesystem::path m_path;
    Holder m_holder;
    std::string m_problem;
    StorageError::Kind m_problemKind = StorageError::Kind::Io;
};

} // namespace attune::core
