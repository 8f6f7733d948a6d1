// SPDX-License-Identifier: MIT
#include "attune/core/Paths.h"

#include <cstdlib>
#include <fstream>
#include <string>

namespace attune::core {

std::filesystem::path defaultDataFolder()
{
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "attune";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "attune";
}

std::filesystem::path defaultCacheFolder()
{
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "attune";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".cache" / "attune";
}

std::filesystem::path defaultDatabasePath()
{
    if (const char* explicitPath = std::getenv("ATTUNE_DATABASE"); explicitPath && *explicitPath)
        return explicitPath;
    return defaultDataFolder() / kDatabaseFileName;
}

std::filesystem::path documentsFolder()
{
    const char* homeText = std::getenv("HOME");
    const std::filesystem::path home(homeText && *homeText ? homeText : ".");
    if (const char* xdg = std::getenv("XDG_DOCUMENTS_DIR"); xdg && *xdg)
        return xdg;
    // xdg-user-dirs writes XDG_DOCUMENTS_DIR="$HOME/Documents" (or a translated name) here.
    const char* configText = std::getenv("XDG_CONFIG_HOME");
    const std::filesystem::path config = configText && *configText ? std::filesystem::path(configText) : home / ".config";
    std::ifstream dirs(config / "user-dirs.dirs");
    for (std::string line; std::getline(dirs, line);) {
        const std::string key = "XDG_DOCUMENTS_DIR=\"";
        if (line.rfind(key, 0) != 0 || line.size() < key.size() + 1 || line.back() != '"')
            continue;
        std::string value = line.substr(key.size(), line.size() - key.size() - 1);
        if (value.rfind("$HOME", 0) == 0)
            return home / value.substr(value.size() > 5 && value[5] == '/' ? 6 : 5);
        if (!value.empty() && value.front() == '/')
            return value;
    }
    return home / "Documents";
}

std::filesystem::path defaultBackupFolder()
{
    return documentsFolder() / kBackupFolderName;
}

} // namespace attune::core
