// SPDX-License-Identifier: MIT
// Schema versions as an ordered list of steps; each step runs in one transaction with its
// `PRAGMA user_version` bump, so a crash leaves the old or the new schema, never half.
#pragma once

#include <vector>

namespace SQLite {
class Database;
}

namespace attune::core {

struct MigrationStep {
    int version;       // the user_version this step produces
    const char* name;  // for logs and docs/database.md
    void (*apply)(SQLite::Database& db);
};

// The production list, oldest first. Versions are 1, 2, 3, … without gaps.
const std::vector<MigrationStep>& migrationSteps();

} // namespace attune::core
