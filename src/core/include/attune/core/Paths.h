// SPDX-License-Identifier: MIT
// Where Attune keeps its file when no path is given, for the CLI (the GUI asks Qt, which
// answers the same on Linux: tests/cli/CliTest.cpp checks they agree).
#pragma once

#include <filesystem>

namespace attune::core {

inline constexpr const char* kDatabaseFileName = "attune.sqlite";
inline constexpr const char* kBackupFolderName = "Attune Backups";

// $ATTUNE_DATABASE when set; else <XDG data home>/attune/attune.sqlite.
std::filesystem::path defaultDatabasePath();
// <XDG data home>/attune
std::filesystem::path defaultDataFolder();
// <XDG cache home>/attune: $XDG_CACHE_HOME/attune, else ~/.cache/attune (Cache.h).
std::filesystem::path defaultCacheFolder();
// The user's documents folder: $XDG_DOCUMENTS_DIR, else the one in user-dirs.dirs, else ~/Documents.
std::filesystem::path documentsFolder();
// <documents>/Attune Backups: visible to the user and outside the app's own folder, so
// removing the app (or its data folder) never removes the backups.
std::filesystem::path defaultBackupFolder();

} // namespace attune::core
