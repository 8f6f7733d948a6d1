// SPDX-License-Identifier: MIT
// Every schema version of Attune. Never edit a released step: add a new one.
// docs/database.md has one row per version.
#include "attune/core/Migrations.h"
#include "search/SearchSync.h"

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

void createNotebook(SQLite::Database& db)
{
    // The notebook. A mirror trait keeps its struggle in `title` and the shining side in `shine`;
    // every other section leaves `shine` empty. `uses` is a bit mask of the six uses (bit n =
    // the n-th key of resources/content/uses.json). Evidence `side` says which column a line
    // belongs to.
    db.exec(R"sql(
CREATE TABLE notebook_entries (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    child_id    INTEGER NOT NULL REFERENCES children (id),
    section     TEXT NOT NULL CHECK (section IN ('strengths', 'interests', 'skills', 'how_they_think',
                                                 'growing', 'mirror_traits')),
    title       TEXT NOT NULL CHECK (title <> ''),
    shine       TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL DEFAULT '',
    noticed_on  TEXT NOT NULL DEFAULT '',
    is_pinned   INTEGER NOT NULL DEFAULT 0 CHECK (is_pinned IN (0, 1)),
    uses        INTEGER NOT NULL DEFAULT 0 CHECK (uses BETWEEN 0 AND 63),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT '',
    deleted_at  INTEGER,
    CHECK ((section = 'mirror_traits') = (shine <> ''))
);
CREATE INDEX notebook_entries_by_child ON notebook_entries (child_id, section, is_pinned DESC, sort_order)
    WHERE deleted_at IS NULL;
CREATE TABLE notebook_evidence (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    entry_id    INTEGER NOT NULL REFERENCES notebook_entries (id),
    side        TEXT NOT NULL DEFAULT 'entry' CHECK (side IN ('entry', 'struggle', 'shine')),
    day         TEXT NOT NULL CHECK (day <> ''),
    note        TEXT NOT NULL CHECK (note <> ''),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT '',
    deleted_at  INTEGER
);
-- Covers the page's per-entry counts and the entry's evidence list.
CREATE INDEX notebook_evidence_by_entry ON notebook_evidence (entry_id, deleted_at, side, day);
-- "On this day": the same month and day in any year.
CREATE INDEX notebook_evidence_by_month_day ON notebook_evidence (substr(day, 6)) WHERE deleted_at IS NULL;
)sql");

    // Search. One FTS5 index for every feature's free text: a document is (kind, ref_id), its
    // FTS rowid is search_docs.id. SQLite refuses FTS5 writes inside triggers while
    // trusted_schema is OFF, so triggers only note what changed in search_queue and the core
    // brings the index up to date in the same transaction (search/SearchSync.cpp). These
    // tables are derived data: rebuilt from the records, never exported or merged.
    db.exec(R"sql(
CREATE TABLE search_docs (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    ref_id    INTEGER NOT NULL,
    child_id  INTEGER NOT NULL,
    owner_id  INTEGER NOT NULL,
    label     TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, ref_id)
);
CREATE TABLE search_queue (
    kind    TEXT NOT NULL,
    ref_id  INTEGER NOT NULL,
    PRIMARY KEY (kind, ref_id)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE search_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2',
                                            prefix = '1 2 3');
INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

CREATE TRIGGER notebook_entries_search_insert AFTER INSERT ON notebook_entries BEGIN
    INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('entry', new.id);
END;
-- Evidence documents carry their entry's title and liveness, so they follow it.
CREATE TRIGGER notebook_entries_search_update
AFTER UPDATE OF child_id, title, shine, details, deleted_at ON notebook_entries BEGIN
    INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('entry', new.id);
    INSERT OR IGNORE INTO search_queue (kind, ref_id)
        SELECT 'evidence', id FROM notebook_evidence WHERE entry_id = new.id;
END;
CREATE TRIGGER notebook_entries_search_delete AFTER DELETE ON notebook_entries BEGIN
    INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('entry', old.id);
END;
CREATE TRIGGER notebook_evidence_search_insert AFTER INSERT ON notebook_evidence BEGIN
    INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('evidence', new.id);
END;
CREATE TRIGGER notebook_evidence_search_update
AFTER UPDATE OF entry_id, note, deleted_at ON notebook_evidence BEGIN
    INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('evidence', new.id);
END;
CREATE TRIGGER notebook_evidence_search_delete AFTER DELETE ON notebook_evidence BEGIN
    INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('evidence', old.id);
END;
)sql");
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

// Version 5: one-on-one session notes join the search index (kind "session": the activity as
// its title, the note and "something I marvelled at" as its body, the day as its label).
// Existing sessions are indexed right here, so the index is whole when the step commits.
// And the care card's "In an emergency, call …" line is kept per child, as typed.
void indexSessionNotes(SQLite::Database& db)
{
    db.exec(R"sql(
ALTER TABLE children ADD COLUMN care_card_emergency TEXT NOT NULL DEFAULT ''
    CHECK (length(care_card_emergency) <= 200);
CREATE TRIGGER sessions_search_insert AFTER INSERT ON sessions BEGIN
    INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('session', new.id);
END;
CREATE TRIGGER sessions_search_update
AFTER UPDATE OF child_id, day, activity, note, marvel, deleted_at ON sessions BEGIN
    INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('session', new.id);
END;
CREATE TRIGGER sessions_search_delete AFTER DELETE ON sessions BEGIN
    INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('session', old.id);
END;
INSERT OR IGNORE INTO search_queue (kind, ref_id)
    SELECT 'session', id FROM sessions WHERE activity <> '' OR note <> '' OR marvel <> '';
)sql");
    detail::syncSearchIndex(db);
}

// Version 6: what a save replaced. A parent's save writes only the fields they changed; when one
// of those had also changed in the file since the form opened (another window, an undo, an
// import or a restore; later the co-parent's computer), the value it replaces is kept here,
// field by field, so it can be seen and copied back (RecordHistory.h). An ordinary record:
// exported, imported and restored with the rest. `record_uuid` names a row of `table_name`
// (any table, so no foreign key); `value_bytes` holds a replaced photo.
void addRecordHistory(SQLite::Database& db)
{
    db.exec(R"sql(
CREATE TABLE record_history (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    table_name   TEXT NOT NULL,
    record_uuid  TEXT NOT NULL,
    field        TEXT NOT NULL,
    value        TEXT,
    value_bytes  BLOB,
    written_by   TEXT NOT NULL DEFAULT '',
    replaced_at  INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    updated_by   TEXT NOT NULL DEFAULT '',
    deleted_at   INTEGER
);
CREATE INDEX record_history_by_record ON record_history (record_uuid, replaced_at);
)sql");
}

} // namespace

const std::vector<MigrationStep>& migrationSteps()
{
    static const std::vector<MigrationStep> steps = {
        {1, "family: caregivers, children, co-regulation profile", &createFamily},
        {2, "one-on-one: sessions, day states, running timers", &createOneOnOne},
        {3, "notebook: entries, mirror traits, evidence; full-text search", &createNotebook},
        {4, "reflections: hard moments, unsolved problems, Plan B talks, repairs", &createReflections},
        {5, "search: one-on-one session notes; the care card's emergency line", &indexSessionNotes},
        {6, "record history: what a save replaced, field by field", &addRecordHistory},
    };
    return steps;
}

} // namespace attune::core
