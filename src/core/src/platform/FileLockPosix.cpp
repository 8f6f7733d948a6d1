// SPDX-License-Identifier: MIT
// FileLock on POSIX: flock(LOCK_EX | LOCK_NB) on `<database>.lock`. The kernel drops the lock
// when the process ends however it ends, which is what makes a crash harmless. Every POSIX call
// of the lock is in this file, so another platform needs only its own version of it.
#include "attune/core/FileLock.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <charconv>
#include <string_view>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace attune::core {

namespace {

// Two holders in a row may race: the one leaving removes the file just after we opened it, and
// we lock a file nobody else can find. So a lock counts only on the file the path names now.
constexpr int kAttempts = 5;
constexpr std::size_t kHolderMax = 256;

StorageError::Kind kindOf(int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT: return StorageError::Kind::DiskFull;
    case EROFS:
    case EACCES:
    case EPERM: return StorageError::Kind::ReadOnly;
    default: return StorageError::Kind::Io;
    }
}

std::string reason(int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT: return "the disk is full";
    case EROFS:
    case EACCES:
    case EPERM: return "the folder is read-only";
    case ENOENT:
    case ENOTDIR: return "its folder is not there";
    case ELOOP: return "its lock file is a link to somewhere else, which Attune never follows";
    default: return "the disk reported a problem";
    }
}

FileLock::Holder readHolder(int fd)
{
    char buffer[kHolderMax] = {};
    const ssize_t bytes = ::pread(fd, buffer, sizeof buffer - 1, 0);
    FileLock::Holder holder;
    if (bytes <= 0)
        return holder;
    const std::string_view text(buffer, static_cast<std::size_t>(bytes));
    const auto space = text.find(' ');
    const auto end = text.find('\n');
    if (space == std::string_view::npos || end == std::string_view::npos || end < space)
        return holder; // being written right now, or not ours: no name then
    long pid = 0;
    if (std::from_chars(text.data(), text.data() + space, pid).ec == std::errc())
        holder.pid = pid;
    holder.program = std::string(text.substr(space + 1, end - space - 1));
    return holder;
}

bool isSameFile(int fd, const fs::path& path)
{
    struct stat opened {};
    struct stat named {};
    return ::fstat(fd, &opened) == 0 && ::lstat(path.c_str(), &named) == 0 && opened.st_dev == named.st_dev
        && opened.st_ino == named.st_ino;
}

} // namespace

fs::path FileLock::lockPathFor(const fs::path& database)
{
    return fs::path(database.string() + ".lock");
}

FileLock FileLock::tryLock(const fs::path& database, const std::string& program)
{
    FileLock lock;
    lock.m_path = lockPathFor(database);
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        // O_NOFOLLOW: a link planted at the lock's name never makes us create or truncate its target.
        const int fd = ::open(lock.m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) {
            const int error = errno;
            lock.m_problem = reason(error);
            lock.m_problemKind = kindOf(error);
            spdlog::warn("lock file could not be opened (errno {})", error);
            return lock;
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            if (error == EWOULDBLOCK) {
                lock.m_outcome = Outcome::HeldByOther;
                lock.m_holder = readHolder(fd);
            } else {
                lock.m_problem = reason(error);
                lock.m_problemKind = kindOf(error);
                spdlog::warn("lock could not be taken (errno {})", error);
            }
            ::close(fd);
            return lock;
        }
        if (!isSameFile(fd, lock.m_path)) {
            ::close(fd);
            continue;
        }
        // Who we are, for the next one's message. A full disk may refuse these few bytes; the
        // lock holds all the same, so only the name is missing then.
        const std::string holder = fmt::format("{} {}\n", static_cast<long>(::getpid()), program);
        if (::ftruncate(fd, 0) != 0
            || ::pwrite(fd, holder.data(), holder.size(), 0) != static_cast<ssize_t>(holder.size())) {
            const int error = errno;
            spdlog::warn("lock holder could not be written (errno {})", error);
        }
        lock.m_handle = fd;
        lock.m_outcome = Outcome::Acquired;
        return lock;
    }
    lock.m_problem = "another program kept replacing its lock file";
    return lock;
}

FileLock::FileLock(FileLock&& other) noexcept
    : m_outcome(other.m_outcome)
    , m_handle(other.m_handle)
    , m_path(std::move(other.m_path))
    , m_holder(std::move(other.m_holder))
    , m_problem(std::move(other.m_problem))
    , m_problemKind(other.m_problemKind)
{
    other.m_handle = -1;
    other.m_outcome = Outcome::Failed;
}

FileLock& FileLock::operator=(FileLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_outcome = other.m_outcome;
        m_handle = other.m_handle;
        m_path = std::move(other.m_path);
        m_holder = std::move(other.m_holder);
        m_problem = std::move(other.m_problem);
        m_problemKind = other.m_problemKind;
        other.m_handle = -1;
        other.m_outcome = Outcome::Failed;
    }
    return *this;
}

FileLock::~FileLock()
{
    release();
}

void FileLock::release() noexcept
{
    if (m_handle < 0)
        return;
    // Removed while still held, so whoever opened it meanwhile finds it gone and starts again.
    if (isSameFile(m_handle, m_path))
        ::unlink(m_path.c_str());
    ::close(m_handle);
    m_handle = -1;
}

} // namespace attune::core
