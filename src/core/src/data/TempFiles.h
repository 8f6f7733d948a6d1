// SPDX-License-Identifier: MIT
// Internal: temporary files and folders made so nobody can redirect them. Each name carries
// 12 random letters and digits and is created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW, or
// mkdir), so a symlink planted at any name, predictable or not, is never followed: the
// creation fails and another name is tried.
#pragma once

#include "attune/core/Errors.h"

#include <filesystem>
#include <string>

namespace attune::core::detail {

struct TempFile {
    int fd = -1; // open for writing
    std::filesystem::path path;
};

// <folder>/<prefix><random>, a new 0600 file. Throws StorageError (see fileError).
TempFile createTempFile(const std::filesystem::path& folder, const std::string& prefix, const std::filesystem::path& forFile);
// <parent>/<prefix><random>, a new 0700 folder. Throws StorageError (see fileError).
std::filesystem::path createTempFolder(const std::filesystem::path& parent, const std::string& prefix,
                                       const std::filesystem::path& forFile);

// Opens a new file at exactly `file` (O_CREAT|O_EXCL|O_NOFOLLOW, 0600): -1 and errno when
// anything is there already.
int openNewFile(const std::filesystem::path& file);
// Writes all of `bytes` to `fd`, fsyncs and closes it (always). 0, or the errno that stopped it.
int writeAndClose(int fd, const std::string& bytes);

// The parent's words for errno `error` while writing `file`: full disk, read-only, other.
StorageError fileError(int error, const std::filesystem::path& file);

// fsync of a folder, so a rename in it survives a power cut. Best effort.
void syncFolder(const std::filesystem::path& folder);

// A private folder in Attune's cache folder for one piece of work, removed with everything in
// it when done. Named work-<pid>-<random>, so the next start knows whose it was.
class WorkFolder {
public:
    WorkFolder();
    ~WorkFolder();
    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    // A copy of `file` (with its -wal, when there is one) in here; the original is only read.
    std::filesystem::path copyIn(const std::filesystem::path& file, const std::string& name);

private:
    std::filesystem::path m_path;
};

} // namespace attune::core::detail
