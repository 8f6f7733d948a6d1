// SPDX-License-Identifier: MIT
// attune_crash_writer DATABASE [BACKUP_FOLDER]: adds caregivers one at a time through the
// production write path (Family → Database::write, BEGIN IMMEDIATE … COMMIT, WAL,
// synchronous=FULL) and prints each one's uuid on its own line, flushed, only after commit()
// returned — the moment the app would say "saved". With a backup folder it also writes a
// verified backup after every 25th record, so kills land inside backups too.
// CrashTest.cpp kills it with SIGKILL at random moments.
#include "attune/core/Backups.h"
#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char** argv)
{
    using namespace attune::core;
    if (argc < 2) {
        std::fprintf(stderr, "usage: attune_crash_writer DATABASE [BACKUP_FOLDER]\n");
        return 2;
    }
    spdlog::set_level(spdlog::level::off);
    try {
        Database db = Database::open(argv[1]);
        SystemClock clock;
        Store store(db, clock);
        Family family(store);
        // Keep only the newest backup of the day, so a 1,000-kill soak stays small on disk.
        RetentionPolicy policy;
        policy.recentHours = 0;
        for (long i = 0;; ++i) {
            const Caregiver added = family.addCaregiver("Writer " + std::to_string(i));
            std::fprintf(stdout, "%s\n", added.meta.uuid.c_str());
            std::fflush(stdout);
            if (argc > 2 && i % 25 == 24)
                backupNow(db, argv[2], clock.nowMs(), {}, policy);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "crash writer stopped: %s\n", error.what());
        return 1;
    }
}
