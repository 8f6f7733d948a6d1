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

void createReflections(SQLite::Database& db)
{
    // Multi-select pick-lists (feelings, needs, skills, repair steps, co-regulation tries,
    // strengths) are JSON arrays in one TEXT column each, not child tables, because:
    // - a list is picked and saved as one value, so an autosave stays one UPDATE of one
    //   column of one row (a child table would need delete + insert of rows per click);
    // - the keys are content vocabulary, not rows, so a foreign key would protect nothing
    //   (notebook strengths deliberately have none yet; co-regulation item ids are checked
    //   against the child's profile when saved);
    // - for a later co-parent merge a list is one field with one updated_at;
    // - Insights can still count them with json_each(). The CHECK only guards the shape
    //   ("[...]"): json_valid() is not allowed in a schema with trusted_schema=OFF on
    //   SQLite 3.40, and the core writes these columns only from a JSON library.
    // Days are local dates 'YYYY-MM-DD'; empty text means "not given".
    db.exec(R"sql(
CREATE TABLE problems (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    child_id       INTEGER NOT NULL REFERENCES children (id),
    text           TEXT NOT NULL CHECK (length(text) > 0),
    status         TEXT NOT NULL DEFAULT 'to_discuss'
                   CHECK (status IN ('to_discuss', 'trying', 'solved', 'set_aside')),
    plan           TEXT NOT NULL DEFAULT '' CHECK (plan IN ('', 'A', 'B', 'C')),
    review_on      TEXT NOT NULL DEFAULT '',
    reflection_id  INTEGER REFERENCES reflections (id),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    updated_by     TEXT NOT NULL DEFAULT '',
    deleted_at     INTEGER
);
CREATE INDEX problems_by_child ON problems (child_id, status, updated_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_by_review ON problems (child_id, review_on) WHERE deleted_at IS NULL AND review_on <> '';
CREATE INDEX problems_in_trash ON problems (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE plan_b_talks (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    problem_id      INTEGER NOT NULL REFERENCES problems (id),
    scheduled_on    TEXT NOT NULL,
    scheduled_time  TEXT NOT NULL DEFAULT '',
    child_concern   TEXT NOT NULL DEFAULT '',
    my_concern      TEXT NOT NULL DEFAULT '',
    ideas           TEXT NOT NULL DEFAULT '',
    agreed          TEXT NOT NULL DEFAULT '',
    likelihood      INTEGER NOT NULL DEFAULT 0 CHECK (likelihood BETWEEN 0 AND 5),
    review_on       TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    updated_by      TEXT NOT NULL DEFAULT '',
    deleted_at      INTEGER
);
CREATE INDEX plan_b_talks_by_problem ON plan_b_talks (problem_id, scheduled_on) WHERE deleted_at IS NULL;
CREATE INDEX plan_b_talks_in_trash ON plan_b_talks (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE reflections (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT NOT NULL UNIQUE,
    child_id           INTEGER NOT NULL REFERENCES children (id),
    caregiver_id       INTEGER REFERENCES caregivers (id),
    status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'saved')),
    step               INTEGER NOT NULL DEFAULT 0 CHECK (step BETWEEN 0 AND 9),
    safety             TEXT NOT NULL DEFAULT '',
    my_state           TEXT NOT NULL DEFAULT '',
    budget_sleep       INTEGER NOT NULL DEFAULT 0 CHECK (budget_sleep BETWEEN 0 AND 3),
    budget_food        INTEGER NOT NULL DEFAULT 0 CHECK (budget_food BETWEEN 0 AND 3),
    budget_stress      INTEGER NOT NULL DEFAULT 0 CHECK (budget_stress BETWEEN 0 AND 3),
    budget_support     INTEGER NOT NULL DEFAULT 0 CHECK (budget_support BETWEEN 0 AND 3),
    regulating_action  TEXT NOT NULL DEFAULT '',
    activation_before  INTEGER CHECK (activation_before BETWEEN 0 AND 10),
    happened_on        TEXT NOT NULL,
    happened_time      TEXT NOT NULL DEFAULT '',
    place              TEXT NOT NULL DEFAULT '',
    just_before        TEXT NOT NULL DEFAULT '',
    was_transition     INTEGER NOT NULL DEFAULT 0 CHECK (was_transition IN (0, 1)),
    what_happened      TEXT NOT NULL DEFAULT '',
    summary            TEXT NOT NULL DEFAULT '',
    child_feelings     TEXT NOT NULL DEFAULT '[]' CHECK (child_feelings LIKE '[%]'),
    child_state        TEXT NOT NULL DEFAULT '',
    source             TEXT NOT NULL DEFAULT '',
    unmet_needs        TEXT NOT NULL DEFAULT '[]' CHECK (unmet_needs LIKE '[%]'),
    lagging_skills     TEXT NOT NULL DEFAULT '[]' CHECK (lagging_skills LIKE '[%]'),
    other_skill        TEXT NOT NULL DEFAULT '',
    why_feeling        TEXT NOT NULL DEFAULT '',
    why_behaving       TEXT NOT NULL DEFAULT '',
    why_struggling     TEXT NOT NULL DEFAULT '',
    lost_temper        INTEGER CHECK (lost_temper IN (0, 1)),
    repair_steps       TEXT NOT NULL DEFAULT '[]' CHECK (repair_steps LIKE '[%]'),
    self_compassion    TEXT NOT NULL DEFAULT '',
    repair_state       TEXT NOT NULL DEFAULT 'none' CHECK (repair_state IN ('none', 'open', 'done')),
    repair_done_at     INTEGER,
    coreg_tried        TEXT NOT NULL DEFAULT '[]' CHECK (coreg_tried LIKE '[%]'),
    coreg_note         TEXT NOT NULL DEFAULT '',
    strengths          TEXT NOT NULL DEFAULT '[]' CHECK (strengths LIKE '[%]'),
    problem_id         INTEGER REFERENCES problems (id),
    activation_after   INTEGER CHECK (activation_after BETWEEN 0 AND 10),
    saved_at           INTEGER,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    updated_by         TEXT NOT NULL DEFAULT '',
    deleted_at         INTEGER
);
-- The Reflections page (drafts first, newest first), the drafts offered at start, open
-- repairs on the child's page, and the trash.
CREATE INDEX reflections_by_child ON reflections (child_id, status, happened_on) WHERE deleted_at IS NULL;
CREATE INDEX reflections_drafts ON reflections (updated_at) WHERE deleted_at IS NULL AND status = 'draft';
CREATE INDEX reflections_open_repairs ON reflections (child_id, happened_on)
    WHERE deleted_at IS NULL AND repair_state = 'open';
CREATE INDEX reflections_by_problem ON reflections (problem_id) WHERE problem_id IS NOT NULL;
CREATE INDEX reflections_in_trash ON reflections (deleted_at) WHERE deleted_at IS NOT NULL;
)sql");
}

} // namespace

const std::vector<MigrationStep>& migrationSteps()
{
    static const std::vector<MigrationStep> steps = {
        {1, "family: caregivers, children, co-regulation profile", &createFamily},
        {2, "reflections: hard moments, unsolved problems, Plan B talks, repairs", &createReflections},
    };
    return steps;
}

} // namespace attune::core
