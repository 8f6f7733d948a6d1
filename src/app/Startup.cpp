// SPDX-License-Identifier: MIT
#include "Startup.h"

#include "attune/core/Cache.h"
#include "attune/core/Errors.h"
#include "attune/core/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
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

LockAttempt lockDatabase(const QString& path)
{
    LockAttempt attempt;
    attempt.lock = core::FileLock::tryLock(std::filesystem::path(path.toStdString()), "attune");
    switch (attempt.lock.outcome()) {
    case core::FileLock::Outcome::Acquired:
        break;
    case core::FileLock::Outcome::HeldByOther:
        if (attempt.lock.holder().program == "attune-cli") {
            attempt.title = QObject::tr("Attune's file is busy");
            attempt.message = QObject::tr("attune-cli is changing this file right now (process %1). Please open "
                                          "Attune again when it has finished. Nothing was changed.")
                                  .arg(attempt.lock.holder().pid);
        } else {
            attempt.title = QObject::tr("Attune is already open");
            attempt.message = QObject::tr("Attune is already open with this file in another window. Please switch "
                                          "to that window.");
        }
        break;
    case core::FileLock::Outcome::Failed:
        // Never "already open": a full disk or a read-only folder is not another window.
        attempt.title = QObject::tr("Attune can't start");
        attempt.message = QObject::tr("Attune can't write next to its file in %1 (%2). Nothing was changed.")
                              .arg(QFileInfo(path).absolutePath(), QString::fromStdString(attempt.lock.problem()));
        break;
    }
    return attempt;
}

bool moveOldSettings()
{
    const QString current = QSettings().fileName();
    const QString old = QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Unknown Organization"),
                                  QCoreApplication::applicationName())
                            .fileName();
    if (old == current || !QFileInfo::exists(old) || QFileInfo::exists(current))
        return false; // nothing to move, or the new file already holds newer settings: both stay
    QDir().mkpath(QFileInfo(current).absolutePath());
    if (!QFile::rename(old, current)) {
        spdlog::warn("the old settings file could not be moved; it stays where it was");
        return false;
    }
    QDir().rmdir(QFileInfo(old).absolutePath()); // only when it is empty now
    spdlog::info("settings moved to their documented place");
    return true;
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
