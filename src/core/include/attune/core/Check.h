// SPDX-License-Identifier: MIT
// A read-only health check of a database file, for `attune-cli check` and the GUI.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace attune::core {

struct CheckReport {
    bool isOk = false;
    // The file, its folder or its disk can't be written: Attune can read it (the check ran on a
    // copy in its cache folder when SQLite could not read it in place) but not save to it.
    bool isReadOnly = false;
    int schemaVersion = 0;
    std::vector<std::string> problems; // plain sentences; empty when isOk
    std::vector<std::pair<std::string, std::int64_t>> rowCounts; // table → rows (trash included)
};

// Opens the file read-only and never changes it.
CheckReport checkDatabase(const std::filesystem::path& path);

} // namespace attune::core
