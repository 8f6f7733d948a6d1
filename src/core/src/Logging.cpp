// SPDX-License-Identifier: MIT
#include "attune/core/Logging.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>

namespace attune::core {

bool initLogging(const std::filesystem::path& folder, const std::string& level, const std::string& loggerName)
{
    auto parsed = spdlog::level::from_str(level);
    if (parsed == spdlog::level::off && level != "off")
        parsed = spdlog::level::info;
    try {
        std::filesystem::create_directories(folder);
        auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>((folder / "attune.log").string(),
                                                                            1024 * 1024, 5);
        auto logger = std::make_shared<spdlog::logger>(loggerName, std::move(sink));
        logger->set_level(parsed);
        logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%n] %l: %v");
        logger->flush_on(spdlog::level::info);
        spdlog::set_default_logger(std::move(logger));
        return true;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "attune: logging disabled: %s\n", error.what());
        spdlog::set_level(spdlog::level::off);
        return false;
    }
}

} // namespace attune::core
