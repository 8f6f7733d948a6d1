// SPDX-License-Identifier: MIT
// Every schema version of Attune. Never edit a released step: add a new one.
// docs/database.md has one row per version.
#include "attune/core/Migrations.h"

#include <SQLiteCpp/Database.h>

namespace attune::core {

namespace {

// SQL expressions used by steps that create rows themselves.
#define ATTUNE_SQL_NOW_MS "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
#define ATTUNE_SQL_UUID                                                                              \
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) " \
    "|| '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' "   \
    "|| hex(randomblob(6)))"

void createFamily(SQLite::Database& db)
{
    // Every table: id for joins, uuid for identity across files, audit columns, and
    // deleted_at for the trash (nothing is hard-deleted by a user action).
    db.exec(R"sql(
CREATE TABLE caregivers (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT '',
    deleted_at  INTEGER
);
CREATE TABLE children (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL CHECK (length(name) > 0),
    birth_date    TEXT NOT NULL DEFAULT '',
    pronouns      TEXT NOT NULL DEFAULT '',
    goal_minutes  INTEGER NOT NULL DEFAULT 10 CHECK (goal_minutes BETWEEN 1 AND 240),
    avatar_color  TEXT NOT NULL DEFAULT '',
    photo         BLOB,
    birth_story   TEXT NOT NULL DEFAULT '',
    sort_order    INTEGER NOT NULL DEFAULT 0,
    archived_at   INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT '',
    deleted_at    INTEGER
);
CREATE INDEX children_by_order ON children (deleted_at, sort_order);
CREATE TABLE coreg_items (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    child_id    INTEGER NOT NULL REFERENCES children (id),
    category    TEXT NOT NULL,
    label       TEXT NOT NULL CHECK (length(label) > 0),
    rating      TEXT NOT NULL CHECK (rating IN ('helps', 'neutral', 'avoid')),
    note        TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT '',
    deleted_at  INTEGER
);
CREATE INDEX coreg_items_by_child ON coreg_items (child_id, category, sort_order);
)sql");
    db.exec("INSERT INTO caregivers (uuid, name, created_at, updated_at) VALUES (" ATTUNE_SQL_UUID ", 'Me', "
            ATTUNE_SQL_NOW_MS ", " ATTUNE_SQL_NOW_MS ")");
}

} // namespace

const std::vector<MigrationStep>& migrationSteps()
{
    static const std::vector<MigrationStep> steps = {
        {1, "family: caregivers, children, co-regulation profile", &createFamily},
    };
    return steps;
}

} // namespace attune::core
