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

void createOneOnOne(SQLite::Database& db)
{
    // Days are the caregiver's local calendar date as logged ('YYYY-MM-DD'), never recomputed
    // from an instant, so a week never shifts when a clock's time zone changes. The partial
    // indexes hold live rows only; every summary query says `deleted_at IS NULL` to use them.
    // sessions_by_child_day carries minutes and deleted_at so per-day aggregates read the
    // index alone (SQLite 3.40 does not count a partial index's condition as covered).
    db.exec(R"sql(
CREATE TABLE sessions (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE,
    child_id          INTEGER NOT NULL REFERENCES children (id),
    caregiver_uuid    TEXT NOT NULL DEFAULT '',
    day               TEXT NOT NULL CHECK (length(day) = 10),
    start_ms          INTEGER,
    minutes           INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    activity          TEXT NOT NULL DEFAULT '',
    child_led         INTEGER NOT NULL DEFAULT 0 CHECK (child_led IN (0, 1)),
    no_screens        INTEGER NOT NULL DEFAULT 0 CHECK (no_screens IN (0, 1)),
    no_interruptions  INTEGER NOT NULL DEFAULT 0 CHECK (no_interruptions IN (0, 1)),
    presence          INTEGER NOT NULL DEFAULT 0 CHECK (presence BETWEEN 0 AND 5),
    mood_before       TEXT NOT NULL DEFAULT '',
    mood_after        TEXT NOT NULL DEFAULT '',
    note              TEXT NOT NULL DEFAULT '',
    marvel            TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    updated_by        TEXT NOT NULL DEFAULT '',
    deleted_at        INTEGER
);
CREATE INDEX sessions_by_child_day ON sessions (child_id, day, minutes, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX sessions_by_day ON sessions (day) WHERE deleted_at IS NULL;
CREATE INDEX sessions_in_trash ON sessions (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE TABLE day_states (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    child_id    INTEGER NOT NULL REFERENCES children (id),
    day         TEXT NOT NULL CHECK (length(day) = 10),
    state       TEXT NOT NULL CHECK (state IN ('partner_did_it', 'away', 'sick')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT '',
    deleted_at  INTEGER,
    UNIQUE (child_id, day)
);
CREATE TABLE timers (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    child_id        INTEGER NOT NULL REFERENCES children (id),
    caregiver_uuid  TEXT NOT NULL DEFAULT '',
    day             TEXT NOT NULL CHECK (length(day) = 10),
    started_at      INTEGER NOT NULL,
    run_started_at  INTEGER,
    accumulated_ms  INTEGER NOT NULL DEFAULT 0 CHECK (accumulated_ms >= 0),
    stopped_at      INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    updated_by      TEXT NOT NULL DEFAULT '',
    deleted_at      INTEGER
);
CREATE UNIQUE INDEX timers_one_per_child ON timers (child_id) WHERE stopped_at IS NULL AND deleted_at IS NULL;
)sql");
}

} // namespace

const std::vector<MigrationStep>& migrationSteps()
{
    static const std::vector<MigrationStep> steps = {
        {1, "family: caregivers, children, co-regulation profile", &createFamily},
        {2, "one-on-one: sessions, day states, running timers", &createOneOnOne},
    };
    return steps;
}

} // namespace attune::core
