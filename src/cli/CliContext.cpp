// SPDX-License-Identifier: MIT
#include "CliContext.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/FileLock.h"
#include "attune/core/Paths.h"
#include "attune/core/ReadSnapshot.h"
#include "attune/core/Store.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace attune::cli {

namespace {

constexpr const char* kProgram = "attune-cli";

std::string inUseMessage(const core::FileLock::Holder& holder)
{
    const std::string process = holder.pid > 0 ? fmt::format(" (process {})", holder.pid) : std::string();
    if (holder.program == kProgram)
        return fmt::format("Another attune-cli{} is changing this file right now. Nothing was changed; run this again "
                           "when it has finished.",
                           process);
    return fmt::format("Attune is open on this file{}. Close it first, or make this change in the app. Nothing was "
                       "changed.",
                       process);
}

} // namespace

CliContext::CliContext() = default;
CliContext::~CliContext() = default;

std::filesystem::path CliContext::databasePath() const
{
    return databaseOption.empty() ? core::defaultDatabasePath() : std::filesystem::path(databaseOption);
}

bool CliContext::tryLock(bool isRequired)
{
    if (m_lock && m_lock->isHeld())
        return true;
    const auto path = databasePath();
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error))
        return false; // no file can be there: opening it says so in its own words
    auto lock = std::make_unique<core::FileLock>(core::FileLock::tryLock(path, kProgram));
    switch (lock->outcome()) {
    case core::FileLock::Outcome::Acquired:
        m_lock = std::move(lock);
        return true;
    case core::FileLock::Outcome::HeldByOther:
        spdlog::info("the file's lock is held by process {}", lock->holder().pid);
        if (isRequired)
            throw core::StorageError(core::StorageError::Kind::InUse, inUseMessage(lock->holder()));
        return false;
    case core::FileLock::Outcome::Failed:
        if (isRequired)
            throw core::StorageError(lock->problemKind(),
                                     fmt::format("attune-cli can't write next to the file in {} ({}). Nothing was "
                                                 "changed.",
                                                 folder.string(), lock->problem()));
        return false;
    }
    return false;
}

void CliContext::lockForWriting(bool mayCreateFolder)
{
    const auto path = databasePath();
    if (mayCreateFolder && path.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(path.parent_path(), error);
    }
    tryLock(true);
}

core::Store& CliContext::store()
{
    if (!m_store) {
        lockForWriting();
        m_clock = std::make_unique<core::SystemClock>();
        // A migration's verified backup goes where every other backup is.
        core::OpenOptions options;
        options.backupDir = core::defaultBackupFolder();
        m_db = std::make_unique<core::Database>(core::Database::open(databasePath(), options));
        startStore();
    }
    return *m_store;
}

core::Store& CliContext::storeForReading(bool hasOwnSnapshot)
{
    if (!m_store) {
        const bool isHolder = tryLock(false);
        m_clock = std::make_unique<core::SystemClock>();
        core::OpenOptions options;
        options.backupDir = core::defaultBackupFolder();
        options.isReader = !isHolder;
        m_db = std::make_unique<core::Database>(core::Database::open(databasePath(), options));
        if (!isHolder && !hasOwnSnapshot)
            m_snapshot = std::make_unique<core::ReadSnapshot>(*m_db);
        startStore();
    }
    return *m_store;
}

core::Store& CliContext::storeCreatingFile(bool* wasCreated)
{
    bool isNew = false;
    if (!m_store) {
        lockForWriting(true);
        const auto path = databasePath();
        std::error_code error;
        isNew = !std::filesystem::exists(path, error) || std::filesystem::file_size(path, error) == 0;
        m_clock = std::make_unique<core::SystemClock>();
        core::OpenOptions options;
        options.backupDir = core::defaultBackupFolder();
        m_db = std::make_unique<core::Database>(isNew ? core::Database::create(path) : core::Database::open(path, options));
        startStore();
    }
    if (wasCreated)
        *wasCreated = isNew;
    return *m_store;
}

std::string CliContext::close()
{
    m_store.reset();
    m_snapshot.reset(); // the read transaction ends before its connection does
    if (!m_db)
        return {};
    const bool isTidy = m_db->close();
    const std::filesystem::path path = m_db->path();
    m_db.reset();
    return isTidy ? std::string() : core::untidyCloseMessage(path);
}

void CliContext::startStore()
{
    m_store = std::make_unique<core::Store>(*m_db, *m_clock);
    const auto caregivers = core::Family(*m_store).caregivers();
    if (!caregivers.empty())
        m_store->setActor(caregivers.front().meta.uuid);
}

} // namespace attune::cli
