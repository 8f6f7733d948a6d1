// SPDX-License-Identifier: MIT
#include "attune/core/OutputPath.h"

#include "attune/core/Database.h"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <optional>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace attune::core {

namespace {

using Reason = OutputPathError::Reason;

// What SQLite (and the app's single-instance lock) keep beside a database file.
constexpr std::array<const char*, 4> kCompanions = {"-wal", "-shm", "-journal", ".lock"};

std::string quotedName(const fs::path& path)
{
    return fmt::format("“{}”", path.filename().string());
}

[[noreturn]] void refuse(Reason reason, const std::string& message)
{
    throw OutputPathError(reason, message);
}

// The path with symlinks and ".." resolved as far as it exists.
fs::path resolved(const fs::path& path)
{
    std::error_code error;
    fs::path absolute = fs::absolute(path, error);
    if (error)
        absolute = path;
    fs::path canonical = fs::weakly_canonical(absolute, error);
    return error ? absolute.lexically_normal() : canonical;
}

std::optional<std::pair<dev_t, ino_t>> identityOf(const fs::path& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return std::nullopt;
    return std::pair{info.st_dev, info.st_ino};
}

// Up to `size` bytes from the start of a regular file (never blocks on a FIFO).
std::string readHead(const fs::path& file, std::size_t size)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return {};
    std::string head(size, '\0');
    struct stat info {};
    ssize_t got = -1;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode))
        got = ::read(fd, head.data(), size);
    ::close(fd);
    head.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return head;
}

std::uint32_t bigEndianAt(const std::string& bytes, std::size_t at)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

// A SQLite write-ahead log (of any program): its header's magic number.
bool isWalFile(const fs::path& file)
{
    const std::string head = readHead(file, 4);
    return head.size() == 4 && (bigEndianAt(head, 0) & 0xFFFFFFFEU) == 0x377F0682U;
}

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void refuseTheOpenDatabase(const fs::path& target, const fs::path& database)
{
    const std::string isItself = fmt::format("{} is the file Attune keeps your notes in, so nothing was written "
                                             "there. Please choose another name.",
                                             quotedName(target));
    const std::string isCompanion = fmt::format("{} belongs to the file Attune keeps your notes in, so nothing was "
                                                "written there. Please choose another name.",
                                                quotedName(target));
    const fs::path where = resolved(target);
    const fs::path databaseWhere = resolved(database);
    if (where == databaseWhere)
        refuse(Reason::AttuneFile, isItself);
    for (const char* suffix : kCompanions) {
        if (where == fs::path(databaseWhere.string() + suffix) || where == resolved(database.string() + suffix))
            refuse(Reason::AttuneFile, isCompanion);
    }
    // The same file under another name: a hard link, or a path through a bind mount.
    const auto identity = identityOf(target);
    if (!identity)
        return;
    if (identityOf(database) == identity)
        refuse(Reason::AttuneFile, isItself);
    for (const char* suffix : kCompanions) {
        if (identityOf(database.string() + suffix) == identity)
            refuse(Reason::AttuneFile, isCompanion);
    }
}

// Any SQLite database in WAL mode that is open now (or was not closed cleanly): its newest
// pages, Attune's mark in the header included on a new file, may still be only in its -wal.
bool isDatabaseInUse(const fs::path& file)
{
    return isWalFile(file.string() + "-wal");
}

void refuseAnyAttuneFile(const fs::path& target)
{
    if (isAttuneFile(target))
        refuse(Reason::AttuneFile, fmt::format("{} is an Attune file or backup, so nothing was written over it. "
                                               "Please choose another name.",
                                               quotedName(target)));
    if (isDatabaseInUse(target))
        refuse(Reason::AttuneFile, fmt::format("{} is a database that is in use, so nothing was written over it. "
                                               "Please choose another name.",
                                               quotedName(target)));
    const std::string isCompanion = fmt::format("{} belongs to an Attune file, so nothing was written there. Please "
                                                "choose another name.",
                                                quotedName(target));
    if (isWalFile(target))
        refuse(Reason::AttuneFile, isCompanion);
    // By name too, even when nothing is there yet: SQLite would take a file written as
    // "<backup>-journal" for that backup's own journal and play it back into it.
    for (const std::string& spelling : {target.string(), resolved(target).string()}) {
        for (const char* suffix : kCompanions) {
            if (!endsWith(spelling, suffix))
                continue;
            const fs::path base = spelling.substr(0, spelling.size() - std::string(suffix).size());
            if (isAttuneFile(base) || isDatabaseInUse(base))
                refuse(Reason::AttuneFile, isCompanion);
        }
    }
}

void refuseUnlessWritable(const fs::path& folder)
{
    if (::access(folder.c_str(), W_OK) == 0)
        return;
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR)
        refuse(Reason::WrongPlace, fmt::format("There is no folder “{}”, so nothing was written. Please choose a "
                                               "folder that exists.",
                                               folder.string()));
    refuse(Reason::ReadOnly, fmt::format("Attune can't write in “{}” ({}), so nothing was written. Please choose "
                                         "another place.",
                                         folder.string(), error == EROFS ? "the disk is read-only" : "it is read-only"));
}

fs::path folderOf(const fs::path& path)
{
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

// The folder a new folder would be made in: the nearest one that is already there.
fs::path nearestExisting(fs::path path)
{
    std::error_code error;
    while (!path.empty() && !fs::exists(path, error) && path.has_parent_path() && path.parent_path() != path)
        path = path.parent_path();
    return path.empty() || !fs::exists(path, error) ? fs::path(".") : path;
}

void checkFile(const fs::path& target, const OutputRules& rules)
{
    std::error_code error;
    const auto status = fs::status(target, error);
    if (fs::is_directory(status))
        refuse(Reason::WrongPlace, fmt::format("{} is a folder, so nothing was written. Please choose a file name.",
                                               quotedName(target)));
    if (fs::exists(status) && !rules.mayReplace)
        refuse(Reason::Exists, fmt::format("There is already a file called {}, so nothing was written.",
                                           quotedName(target)));
    const fs::path folder = folderOf(target);
    if (!fs::is_directory(folder, error))
        refuse(Reason::WrongPlace, fmt::format("There is no folder “{}”, so nothing was written. Please choose a "
                                               "folder that exists.",
                                               folder.string()));
    refuseUnlessWritable(folder);
}

void checkFolder(const fs::path& target, const OutputRules& rules)
{
    std::error_code error;
    const auto status = fs::status(target, error);
    if (fs::exists(status) && !fs::is_directory(status))
        refuse(Reason::WrongPlace, fmt::format("{} is a file, not a folder, so nothing was written. Please choose a "
                                               "folder.",
                                               quotedName(target)));
    if (rules.kind == OutputKind::AddToFolder) {
        refuseUnlessWritable(nearestExisting(target));
        return;
    }
    if (fs::exists(status)) {
        bool hasFiles = false;
        for (fs::directory_iterator it(target, error), end; !error && it != end; it.increment(error)) {
            std::error_code ignored;
            if (!it->is_regular_file(ignored) || it->path().extension() != ".csv")
                refuse(Reason::WrongPlace, fmt::format("The folder {} has other files in it, so nothing was written: "
                                                       "the CSV files need a folder of their own. Please choose a new "
                                                       "or empty folder.",
                                                       quotedName(target)));
            hasFiles = true;
        }
        if (hasFiles && !rules.mayReplace)
            refuse(Reason::Exists, fmt::format("The folder {} already holds CSV files, so nothing was written.",
                                               quotedName(target)));
    }
    // The whole folder is put in place from beside it.
    refuseUnlessWritable(nearestExisting(folderOf(target)));
}

} // namespace

OutputPathError::OutputPathError(Reason reason, const std::string& message)
    : StorageError(reason == Reason::ReadOnly ? Kind::ReadOnly : Kind::Io, message)
    , m_reason(reason)
{
}

bool isAttuneFile(const fs::path& file)
{
    const std::string head = readHead(file, 72);
    return head.size() == 72 && head.compare(0, 16, std::string("SQLite format 3\0", 16)) == 0
        && bigEndianAt(head, 68) == static_cast<std::uint32_t>(Database::kApplicationId);
}

fs::path withoutTrailingSlash(const fs::path& path)
{
    return path.has_filename() || !path.has_parent_path() ? path : path.parent_path();
}

void checkOutputPath(const fs::path& given, const OutputRules& rules)
{
    const fs::path target = withoutTrailingSlash(given);
    if (target.empty())
        refuse(Reason::WrongPlace, "No place was chosen, so nothing was written.");
    if (!rules.openDatabase.empty() && rules.openDatabase != ":memory:")
        refuseTheOpenDatabase(target, rules.openDatabase);
    refuseAnyAttuneFile(target);
    if (rules.kind == OutputKind::File)
        checkFile(target, rules);
    else
        checkFolder(target, rules);
}

} // namespace attune::core
