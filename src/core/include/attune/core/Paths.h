// SPDX-License-Identifier: MIT
// Where Attune keeps its file when no path is given, for the CLI (the GUI asks Qt, which
// answers the same on Linux: tests/cli/CliTest.cpp checks they agree).
#pragma once

#include <filesystem>

namespace attune::core {

inline constexpr const char* kDatabaseFileName = "attune.sqlite";

// $ATTUNE_DATABASE when set; else <XDG data home>/attune/attune.sqlite.
std::filesystem::path defaultDatabasePath();
// <XDG data home>/attune
std::filesystem::path defaultDataFolder();

} // namespace attune::core
