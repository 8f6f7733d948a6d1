// SPDX-License-Identifier: MIT
#include "attune/core/Paths.h"

#include <cstdlib>

namespace attune::core {

std::filesystem::path defaultDataFolder()
{
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "attune";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "attune";
}

std::filesystem::path defaultDatabasePath()
{
    if (const char* explicitPath = std::getenv("ATTUNE_DATABASE"); explicitPath && *explicitPath)
        return explicitPath;
    return defaultDataFolder() / kDatabaseFileName;
}

} // namespace attune::core
