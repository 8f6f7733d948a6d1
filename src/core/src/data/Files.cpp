// SPDX-License-Identifier: MIT
#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "attune/core/OutputPath.h"
#include "data/TempFiles.h"

#include <cerrno>
#include <cstdio>
#include <spdlog/spdlog.h>

namespace fs = std::filesystem;

namespace attune::core {

WorkCancelled::WorkCancelled()
    : std::runtime_error("Stopped; nothing was written.")
{
}

void writeFileSafely(const fs::path& file, const std::string& bytes)
{
    // Whoever calls: never over an Attune file, never into a folder that is not there. Asking
    // before replacing an ordinary file is the caller's part (a dialog, or --overwrite).
    checkOutputPath(file, {OutputKind::File, {}, true});
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const detail::TempFile temp = detail::createTempFile(folder, file.filename().string() + ".partial-", file);
    int error = detail::writeAndClose(temp.fd, bytes);
    // rename() replaces a symlink at `file` itself, never the file it points to.
    if (error == 0 && std::rename(temp.path.c_str(), file.c_str()) != 0)
        error = errno;
    if (error != 0) {
        std::error_code ignored;
        fs::remove(temp.path, ignored);
        spdlog::error("writing an export failed: errno {}", error);
        throw detail::fileError(error, file);
    }
    detail::syncFolder(folder);
}

} // namespace attune::core
