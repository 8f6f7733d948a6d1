// SPDX-License-Identifier: MIT
// The one check for every path a parent names for Attune to write (exports, reports, PDFs,
// backups, "Keep my notes safe…"), GUI and CLI alike: never the open file, its companions
// (-wal, -shm, -journal, .lock), a backup or any other Attune file, however the path is spelled
// (symlinks, "..", hard links); never over an ordinary file unless the parent said so.
#pragma once

#include "attune/core/Errors.h"

#include <filesystem>
#include <string>

namespace attune::core {

enum class OutputKind {
    File,        // one file, written whole under a temporary name and renamed into place
    AddToFolder, // a folder that new files are added to under new names (backups)
    WholeFolder, // a folder that is the output itself, put in place whole (CSV export)
};

struct OutputRules {
    OutputKind kind = OutputKind::File;
    // The file Attune has open; empty (or ":memory:") when there is none.
    std::filesystem::path openDatabase;
    // The parent confirmed (GUI) or gave --overwrite (CLI): an ordinary file, or a folder
    // holding only CSV files, may be replaced. Attune's own files never may.
    bool mayReplace = false;
};

// Why a path was refused. A StorageError (Kind::ReadOnly for Reason::ReadOnly, else Kind::Io),
// so every caller that already shows storage errors shows these too.
class OutputPathError : public StorageError {
public:
    enum class Reason {
        AttuneFile, // the open file or a companion of it, a backup, any other Attune file
        Exists,     // something ordinary is there already: ask (GUI) or --overwrite (CLI)
        WrongPlace, // a folder where a file goes or the other way round, a folder with other
                    // files in it (CSV), a folder that does not exist
        ReadOnly,   // the folder, or the whole disk, can't be written
    };
    OutputPathError(Reason reason, const std::string& message);
    Reason reason() const noexcept { return m_reason; }

private:
    Reason m_reason;
};

// Throws OutputPathError when `target` must not be written by `rules`. Changes nothing.
void checkOutputPath(const std::filesystem::path& target, const OutputRules& rules);

// True for a SQLite file whose header carries Attune's application_id: the database, a
// backup, a copy under any name. Reads 72 bytes; false when the file can't be read.
bool isAttuneFile(const std::filesystem::path& file);

// "folder/" → "folder": the name a folder output really has.
std::filesystem::path withoutTrailingSlash(const std::filesystem::path& path);

} // namespace attune::core
