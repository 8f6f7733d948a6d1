// SPDX-License-Identifier: MIT
// spdlog set-up for the two executables. Logs hold events and ids only, never what a
// parent wrote and never a child's name.
#pragma once

#include <filesystem>
#include <string>

namespace attune::core {

// A rotating file (1 MiB × 5) in `folder`/attune.log. `level` is an spdlog level name
// ("trace" … "off"); an unknown name falls back to "info". Returns false (and logs to
// stderr only) when the folder cannot be written.
bool initLogging(const std::filesystem::path& folder, const std::string& level,
                 const std::string& loggerName = "attune");

} // namespace attune::core
