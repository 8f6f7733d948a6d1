// SPDX-License-Identifier: MIT
// Attune's own folder for its temporary copies (restore previews, checks of a read-only file),
// so they never pile up in the system's temporary folder and a killed run's leftovers can be
// found and removed. The caller says where it is: the app from QStandardPaths::CacheLocation,
// the CLI from $XDG_CACHE_HOME (defaultCacheFolder()).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>

namespace attune::core {

// Set once at start, before any work; until then cacheFolder() is defaultCacheFolder().
void setCacheFolder(const std::filesystem::path& folder);
std::filesystem::path cacheFolder();

// Removes what killed runs left in `folder`: working folders older than `minimumAge` whose
// process is gone. Another running Attune's folder is never touched. Returns how many went.
std::size_t removeLeftoverCopies(const std::filesystem::path& folder,
                                 std::chrono::seconds minimumAge = std::chrono::minutes(5));

} // namespace attune::core
