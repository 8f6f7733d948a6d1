// SPDX-License-Identifier: MIT
#include "CliContext.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Paths.h"
#include "attune/core/Store.h"

namespace attune::cli {

CliContext::CliContext() = default;
CliContext::~CliContext() = default;

std::filesystem::path CliContext::databasePath() const
{
    return databaseOption.empty() ? core::defaultDatabasePath() : std::filesystem::path(databaseOption);
}

core::Store& CliContext::store()
{
    if (!m_store) {
        m_clock = std::make_unique<core::SystemClock>();
        // A migration's verified backup goes where every other backup is.
        core::OpenOptions options;
        options.backupDir = core::defaultBackupFolder();
        m_db = std::make_unique<core::Database>(core::Database::open(databasePath(), options));
        startStore();
    }
    return *m_store;
}

core::Store& CliContext::storeCreatingFile(bool* wasCreated)
{
    bool isNew = false;
    if (!m_store) {
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
