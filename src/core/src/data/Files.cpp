// SPDX-License-Identifier: MIT
#include "attune/core/Errors.h"
#include "attune/core/Export.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace fs = std::filesystem;

namespace attune::core {

namespace {

StorageError ioError(int error, const fs::path& file)
{
    if (error == ENOSPC || error == EDQUOT)
        return StorageError(StorageError::Kind::DiskFull,
                            fmt::format("The disk is full, so {} was not written. Free some space and try again.",
                                        file.filename().string()));
    if (error == EACCES || error == EPERM || error == EROFS)
        return StorageError(StorageError::Kind::ReadOnly,
                            fmt::format("Attune can't write {} (the folder is read-only).", file.filename().string()));
    return StorageError(StorageError::Kind::Io, fmt::format("{} could not be written.", file.filename().string()));
}

} // namespace

WorkCancelled::WorkCancelled()
    : std::runtime_error("Stopped; nothing was written.")
{
}

void writeFileSafely(const fs::path& file, const std::string& bytes)
{
    const fs::path temp(file.string() + ".partial");
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw ioError(errno, file);
    std::size_t written = 0;
    int error = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = errno;
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    if (error == 0 && ::fsync(fd) != 0)
        error = errno;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    std::error_code ignored;
    if (error != 0) {
        fs::remove(temp, ignored);
        spdlog::error("writing an export failed: errno {}", error);
        throw ioError(error, file);
    }
    fs::rename(temp, file, ignored);
    if (ignored) {
        fs::remove(temp, ignored);
        throw ioError(EIO, file);
    }
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace attune::core
