// SPDX-License-Identifier: MIT
#include "Startup.h"

#include "attune/core/Cache.h"
#include "attune/core/Errors.h"
#include "attune/core/Paths.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

namespace attune::app {

namespace {
const QString kKnownDatabases = QStringLiteral("database/known");

bool isKnown(const QString& path)
{
    return QSettings().value(kKnownDatabases).toStringList().contains(QFileInfo(path).absoluteFilePath());
}
} // namespace

Paths resolvePaths(const QString& databaseOption)
{
    Paths paths;
    paths.logFolder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
    const QString fromEnvironment = qEnvironmentVariable("ATTUNE_DATABASE");
    if (!databaseOption.isEmpty()) {
        paths.database = databaseOption;
        paths.isExplicit = true;
    } else if (!fromEnvironment.isEmpty()) {
        paths.database = fromEnvironment;
        paths.isExplicit = true;
    } else {
        paths.database = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1Char('/')
                       + QString::fromLatin1(core::kDatabaseFileName);
    }
    paths.database = QFileInfo(paths.database).absoluteFilePath();
    return paths;
}

void prepareCacheFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!folder.isEmpty())
        core::setCacheFolder(folder.toStdString());
    core::removeLeftoverCopies(core::cacheFolder());
}

void rememberDatabase(const QString& path)
{
    QSettings settings;
    QStringList known = settings.value(kKnownDatabases).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!known.contains(absolute)) {
        known << absolute;
        settings.setValue(kKnownDatabases, known);
    }
}

OpenResult openDatabase(const QString& path)
{
    OpenResult result;
    const std::filesystem::path file(path.toStdString());
    const QFileInfo info(path);
    try {
        if (info.exists() && info.size() > 0) {
            result.database.emplace(core::Database::open(file));
        } else if (!info.exists() && !isKnown(path)) {
            result.database.emplace(core::Database::create(file));
            result.isFirstRun = true;
        } else {
            result.isMissing = !info.exists();
            result.kind = core::StorageError::Kind::Missing;
            result.problem = info.exists()
                               ? QObject::tr("Attune's file at %1 is empty (0 bytes). It was not changed. If you "
                                             "have a backup, you can restore it; or choose another file.")
                                     .arg(path)
                               : QObject::tr("Attune's file is missing from %1. It may have been moved, renamed or "
                                             "deleted. Attune will not quietly start an empty one in its place.")
                                     .arg(path);
            return result;
        }
    } catch (const core::StorageError& error) {
        result.problem = QString::fromUtf8(error.what());
        result.kind = error.kind();
        spdlog::error("could not open database (kind {})", static_cast<int>(error.kind()));
        return result;
    }
    rememberDatabase(path);
    return result;
}

bool OpenResult::canRestoreBackup() const
{
    using Kind = core::StorageError::Kind;
    return kind == Kind::Missing || kind == Kind::Corrupt;
}

OpenResult createDatabase(const QString& path)
{
    OpenResult result;
    try {
        result.database.emplace(core::Database::create(std::filesystem::path(path.toStdString())));
        result.isFirstRun = true;
        rememberDatabase(path);
    } catch (const core::StorageError& error) {
        result.problem = QString::fromUtf8(error.what());
    }
    return result;
}

} // namespace attune::app
