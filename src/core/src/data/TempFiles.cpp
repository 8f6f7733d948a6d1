// SPDX-License-Identifier: MIT
#include "data/TempFiles.h"

#include "attune/core/Cache.h"
#include "attune/core/Paths.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <charconv>
#include <mutex>
#include <random>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace attune::core {

namespace {

constexpr int kAttempts = 100;
constexpr const char* kWorkPrefix = "work-";

std::mutex cacheMutex;
fs::path chosenCache; // empty: defaultCacheFolder()

std::string randomName()
{
    static constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device random;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof(kLetters) - 2);
    std::string name(12, 'x');
    for (char& c : name)
        c = kLetters[pick(random)];
    return name;
}

// The pid in "work-<pid>-<random>", or 0.
pid_t ownerOf(const std::string& name)
{
    const std::string prefix = kWorkPrefix;
    if (name.rfind(prefix, 0) != 0)
        return 0;
    int pid = 0;
    const char* begin = name.data() + prefix.size();
    const char* end = name.data() + name.size();
    const auto [next, error] = std::from_chars(begin, end, pid);
    if (error != std::errc() || next == begin || next == end || *next != '-')
        return 0;
    return static_cast<pid_t>(pid);
}

bool isRunning(pid_t pid)
{
    return pid == ::getpid() || ::kill(pid, 0) == 0 || errno == EPERM;
}

} // namespace

void setCacheFolder(const fs::path& folder)
{
    const std::lock_guard lock(cacheMutex);
    chosenCache = folder;
}

fs::path cacheFolder()
{
    const std::lock_guard lock(cacheMutex);
    return chosenCache.empty() ? defaultCacheFolder() : chosenCache;
}

std::size_t removeLeftoverCopies(const fs::path& folder, std::chrono::seconds minimumAge)
{
    std::size_t removed = 0;
    std::error_code error;
    const auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const pid_t owner = ownerOf(it->path().filename().string());
        std::error_code ignored;
        if (owner <= 0 || !it->is_directory(ignored) || isRunning(owner))
            continue;
        // A folder is touched whenever a file is added to it; its newest file counts too.
        auto newest = fs::last_write_time(it->path(), ignored);
        for (fs::recursive_directory_iterator inner(it->path(), ignored), innerEnd; !ignored && inner != innerEnd;
             inner.increment(ignored))
            newest = std::max(newest, fs::last_write_time(inner->path(), ignored));
        if (now - newest < minimumAge)
            continue;
        if (fs::remove_all(it->path(), ignored) > 0 && !ignored)
            ++removed;
    }
    if (removed > 0)
        spdlog::info("removed {} temporary copies left by an Attune that was stopped", removed);
    return removed;
}

namespace detail {

StorageError fileError(int error, const fs::path& file)
{
    if (error == ENOSPC || error == EDQUOT)
        return StorageError(StorageError::Kind::DiskFull,
                            fmt::format("The disk is full, so {} was not written. Free some space and try again.",
                                        file.filename().string()));
    if (error == EACCES || error == EPERM || error == EROFS)
        return StorageError(StorageError::Kind::ReadOnly,
                            fmt::format("Attune can't write {} (the {} is read-only).", file.filename().string(),
                                        error == EROFS ? "disk" : "folder"));
    return StorageError(StorageError::Kind::Io, fmt::format("{} could not be written.", file.filename().string()));
}

int openNewFile(const fs::path& file)
{
    return ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
}

int writeAndClose(int fd, const std::string& bytes)
{
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
    return error;
}

TempFile createTempFile(const fs::path& folder, const std::string& prefix, const fs::path& forFile)
{
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        TempFile temp;
        temp.path = folder / (prefix + randomName());
        temp.fd = openNewFile(temp.path);
        if (temp.fd >= 0)
            return temp;
        if (errno != EEXIST)
            throw fileError(errno, forFile);
        spdlog::warn("a temporary name was taken; trying another");
    }
    throw fileError(EEXIST, forFile);
}

fs::path createTempFolder(const fs::path& parent, const std::string& prefix, const fs::path& forFile)
{
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const fs::path folder = parent / (prefix + randomName());
        // mkdir never follows a symlink at its own name: it fails with EEXIST.
        if (::mkdir(folder.c_str(), 0700) == 0)
            return folder;
        if (errno != EEXIST)
            throw fileError(errno, forFile);
    }
    throw fileError(EEXIST, forFile);
}

void syncFolder(const fs::path& folder)
{
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

WorkFolder::WorkFolder()
{
    const fs::path cache = cacheFolder();
    std::error_code error;
    if (fs::create_directories(cache, error))
        fs::permissions(cache, fs::perms::owner_all, fs::perm_options::replace, error);
    try {
        m_path = createTempFolder(cache, fmt::format("{}{}-", kWorkPrefix, ::getpid()), cache / "copy");
    } catch (const StorageError& failure) {
        throw StorageError(failure.kind(), fmt::format("Attune could not make a working copy in {}: {}", cache.string(),
                                                       failure.what()));
    }
}

WorkFolder::~WorkFolder()
{
    std::error_code error;
    fs::remove_all(m_path, error);
}

fs::path WorkFolder::copyIn(const fs::path& file, const std::string& name)
{
    const fs::path target = m_path / name;
    std::error_code error;
    fs::copy_file(file, target, error);
    const fs::path wal(file.string() + "-wal");
    if (!error && fs::exists(wal))
        fs::copy_file(wal, fs::path(target.string() + "-wal"), error);
    if (error)
        throw StorageError(error == std::errc::no_space_on_device ? StorageError::Kind::DiskFull : StorageError::Kind::Io,
                           fmt::format("{} could not be read{}.", file.filename().string(),
                                       error == std::errc::no_space_on_device ? " (the disk is full)" : ""));
    return target;
}

} // namespace detail

} // namespace attune::core
