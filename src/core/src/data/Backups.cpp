// SPDX-License-Identifier: MIT
#include "attune/core/Backups.h"

#include "attune/core/Backup.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <numeric>

#include <unistd.h>

namespace fs = std::filesystem;

namespace attune::core {

namespace {

constexpr TimestampMs kDayMs = 24LL * 60 * 60 * 1000;
constexpr const char* kPrefix = "attune-";
constexpr const char* kSuffix = ".sqlite";

long dayOf(TimestampMs ms)
{
    return static_cast<long>(ms >= 0 ? ms / kDayMs : (ms - kDayMs + 1) / kDayMs);
}

} // namespace

std::string backupFileName(TimestampMs takenAt, const std::string& reason)
{
    const long day = dayOf(takenAt);
    const Date date = civilFromDays(day);
    const TimestampMs inDay = takenAt - static_cast<TimestampMs>(day) * kDayMs;
    const auto seconds = inDay / 1000;
    return fmt::format("{}{}T{:02}-{:02}-{:02}.{:03}Z{}{}", kPrefix, formatDate(date), seconds / 3600,
                       seconds / 60 % 60, seconds % 60, inDay % 1000, reason.empty() ? "" : "-" + reason, kSuffix);
}

std::optional<TimestampMs> backupTimeFromName(const std::string& name)
{
    // attune-YYYY-MM-DDTHH-MM-SS.mmmZ…sqlite
    const std::string prefix = kPrefix;
    const std::size_t stampSize = 24;
    if (name.size() < prefix.size() + stampSize + 7 || name.rfind(prefix, 0) != 0
        || name.compare(name.size() - 7, 7, kSuffix) != 0)
        return std::nullopt;
    const std::string stamp = name.substr(prefix.size(), stampSize);
    const auto date = parseDate(stamp.substr(0, 10));
    int hour = 0, minute = 0, second = 0, milli = 0;
    char tail = 0;
    if (!date || stamp[10] != 'T'
        || std::sscanf(stamp.c_str() + 11, "%2d-%2d-%2d.%3d%c", &hour, &minute, &second, &milli, &tail) != 5 || tail != 'Z'
        || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    return static_cast<TimestampMs>(daysFromCivil(*date)) * kDayMs + ((hour * 60LL + minute) * 60 + second) * 1000 + milli;
}

std::vector<bool> backupsToKeep(const std::vector<TimestampMs>& takenAt, const RetentionPolicy& policy)
{
    std::vector<bool> keep(takenAt.size(), false);
    std::vector<std::size_t> order(takenAt.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return takenAt[a] > takenAt[b]; });
    if (!order.empty()) {
        const TimestampMs newest = takenAt[order.front()];
        for (const std::size_t index : order)
            keep[index] = keep[index] || newest - takenAt[index] < static_cast<TimestampMs>(policy.recentHours) * 3'600'000;
        keep[order.front()] = true;
    }
    // One pass per rule: walking newest first, the first backup of each new period is kept
    // until the rule has kept its number of periods.
    auto apply = [&](int count, auto periodOf) {
        long last = 0;
        bool hasLast = false;
        int kept = 0;
        for (const std::size_t index : order) {
            if (kept >= count)
                break;
            const long period = periodOf(takenAt[index]);
            if (hasLast && period == last)
                continue;
            keep[index] = true;
            last = period;
            hasLast = true;
            ++kept;
        }
    };
    apply(policy.daily, [](TimestampMs ms) { return dayOf(ms); });
    // 1970-01-01 was a Thursday: +3 makes weeks start on Monday.
    apply(policy.weekly, [](TimestampMs ms) { return (dayOf(ms) + 3 + 7 * 100000) / 7; });
    apply(policy.monthly, [](TimestampMs ms) {
        const Date date = civilFromDays(dayOf(ms));
        return static_cast<long>(date.year) * 12 + date.month;
    });
    return keep;
}

std::vector<BackupFile> listBackups(const fs::path& folder)
{
    std::vector<BackupFile> backups;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const auto taken = backupTimeFromName(it->path().filename().string());
        if (!taken || !it->is_regular_file(error))
            continue;
        backups.push_back({it->path(), *taken, it->file_size(error)});
    }
    std::sort(backups.begin(), backups.end(), [](const BackupFile& a, const BackupFile& b) {
        return a.takenAt != b.takenAt ? a.takenAt > b.takenAt : a.path > b.path;
    });
    return backups;
}

std::optional<BackupFile> newestBackup(const fs::path& folder)
{
    auto backups = listBackups(folder);
    if (backups.empty())
        return std::nullopt;
    return backups.front();
}

bool isBackupDue(const fs::path& folder, TimestampMs now)
{
    const auto newest = newestBackup(folder);
    return !newest || now - newest->takenAt >= kBackupInterval;
}

std::vector<fs::path> rotateBackups(const fs::path& folder, const RetentionPolicy& policy)
{
    const auto backups = listBackups(folder);
    std::vector<TimestampMs> times;
    for (const auto& backup : backups)
        times.push_back(backup.takenAt);
    const auto keep = backupsToKeep(times, policy);
    std::vector<fs::path> removed;
    for (std::size_t i = 0; i < backups.size(); ++i) {
        if (keep[i])
            continue;
        std::error_code error;
        if (fs::remove(backups[i].path, error))
            removed.push_back(backups[i].path);
        else
            spdlog::warn("an old backup could not be removed during rotation");
    }
    if (!removed.empty())
        spdlog::info("backup rotation removed {} old backups", removed.size());
    return removed;
}

BackupFile backupNow(Database& db, const fs::path& folder, TimestampMs now, const std::string& reason,
                     const RetentionPolicy& policy)
{
    std::error_code error;
    if (fs::create_directories(folder, error))
        fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, error);
    if (!fs::is_directory(folder, error))
        throw StorageError(StorageError::Kind::ReadOnly,
                           fmt::format("The backup folder {} could not be made, so no backup was written.", folder.string()));
    if (::access(folder.c_str(), W_OK) != 0)
        throw StorageError(StorageError::Kind::ReadOnly,
                           fmt::format("The backup folder {} is read-only, so no backup was written.", folder.string()));
    // A backup interrupted by a crash or power loss leaves only its temporary file: tidy up.
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(kPrefix, 0) == 0 && name.find(".sqlite.partial") != std::string::npos) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
    error.clear();
    fs::path target = folder / backupFileName(now, reason);
    for (int n = 2; fs::exists(target, error); ++n)
        target = folder / backupFileName(now, (reason.empty() ? "" : reason + "-") + std::to_string(n));
    writeVerifiedBackup(db, target);
    BackupFile written{target, now, fs::file_size(target, error)};
    try {
        rotateBackups(folder, policy);
    } catch (const std::exception&) {
        spdlog::warn("backup rotation failed; the new backup is in place");
    }
    return written;
}

std::optional<BackupFile> backupIfDue(Database& db, const fs::path& folder, TimestampMs now)
{
    if (!isBackupDue(folder, now))
        return std::nullopt;
    return backupNow(db, folder, now);
}

} // namespace attune::core
