// SPDX-License-Identifier: MIT
#include "attune/core/Notebook.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Store.h"
#include "attune/core/Validation.h"
#include "search/SearchSync.h"
#include "storage/FieldSave.h"
#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>
#include <iterator>

namespace attune::core {

namespace {

constexpr const char* kChildNotFound = "That child is no longer here. They may have been moved to the trash.";
constexpr const char* kEntryNotFound = "That notebook entry is no longer here. It may have been moved to the trash.";
constexpr const char* kEvidenceNotFound = "That note is no longer here. It may have been moved to the trash.";

struct SectionInfo {
    Section section;
    const char* key;
    const char* title;
};

constexpr SectionInfo kSectionInfo[] = {
    {Section::Strengths, "strengths", "Strengths"},
    {Section::Interests, "interests", "Interests"},
    {Section::Skills, "skills", "Skills"},
    {Section::HowTheyThink, "how_they_think", "How they think, speak and learn"},
    {Section::Growing, "growing", "Growing"},
    {Section::MirrorTraits, "mirror_traits", "Mirror traits"},
};

// Same order as enum class Use and resources/content/uses.json.
constexpr const char* kUseKeys[] = {"offset", "self_esteem", "connection", "transitions", "cool_down", "repair"};

constexpr const char* kSideKeys[] = {"entry", "struggle", "shine"};

// Sections in page order, for ORDER BY.
constexpr const char* kSectionOrderSql = "CASE e.section WHEN 'strengths' THEN 0 WHEN 'interests' THEN 1 "
                                         "WHEN 'skills' THEN 2 WHEN 'how_they_think' THEN 3 WHEN 'growing' THEN 4 "
                                         "ELSE 5 END";

using detail::readMeta;
using detail::requireChanged;
using detail::throwIfInvalid;

// Within a limit counted in characters (code points).
bool fits(std::size_t count, int limit)
{
    return count <= static_cast<std::size_t>(limit);
}

EntryDraft cleaned(const EntryDraft& draft)
{
    EntryDraft clean = draft;
    clean.title = trimmed(draft.title);
    clean.shine = trimmed(draft.shine);
    clean.details = trimmed(draft.details);
    clean.noticedOn = trimmed(draft.noticedOn);
    return clean;
}

// A day a parent gives: `field` names it in errors; `what` is "date" or "day" in the words.
void checkDay(std::vector<FieldError>& errors, const char* field, const char* what, const std::string& text,
              const std::string& today)
{
    const auto day = parseDate(text);
    const auto now = parseDate(today);
    if (!day)
        errors.push_back({field, fmt::format("Please enter the {} as year-month-day, like 2024-03-15.", what)});
    else if (day->year < limits::kEarliestBirthYear)
        errors.push_back({field, fmt::format("That {} is before 1900. Please check the year.", what)});
    else if (now && *day > *now)
        errors.push_back({field, fmt::format("That {} is in the future. Please check it.", what)});
}

// The first words of a marvel, as a title for a new entry: its first line, cut at a word
// when it is longer than a title may be.
std::string titleFromText(const std::string& text)
{
    std::string line = trimmed(text.substr(0, text.find('\n')));
    if (codePointCount(line) <= static_cast<std::size_t>(limits::kEntryTitleMax))
        return line;
    // Byte offset where the (kEntryTitleMax - 1)-th code point ends, leaving room for "…".
    std::size_t cut = 0;
    std::size_t points = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
            if (points == static_cast<std::size_t>(limits::kEntryTitleMax - 1)) {
                cut = i;
                break;
            }
            ++points;
        }
    }
    const std::size_t space = line.rfind(' ', cut);
    if (space != std::string::npos && space > cut / 2)
        cut = space;
    return trimmed(line.substr(0, cut)) + "…";
}

bool isChildLive(SQLite::Database& db, Id childId)
{
    SQLite::Statement exists(db, "SELECT 1 FROM children WHERE id = ? AND deleted_at IS NULL");
    exists.bind(1, childId);
    return exists.executeStep();
}

// The columns a parent edits, for the field-level save.
detail::Columns columns(const EntryDraft& d)
{
    using detail::SqlValue;
    return {{"section", SqlValue::of(toString(d.section))},
            {"title", SqlValue::of(d.title)},
            {"shine", SqlValue::of(d.shine)},
            {"details", SqlValue::of(d.details)},
            {"noticed_on", SqlValue::of(d.noticedOn)},
            {"is_pinned", SqlValue::of(std::int64_t{d.isPinned ? 1 : 0})},
            {"uses", SqlValue::of(std::int64_t{d.uses.bits()})}};
}

struct EntryPlace {
    Id childId = 0;
    Section section = Section::Strengths;
    bool isPinned = false;
};

// Where a live entry is; NotFound when it is trashed or missing.
EntryPlace placeOf(SQLite::Database& db, Id entryId)
{
    SQLite::Statement query(db, "SELECT child_id, section, is_pinned FROM notebook_entries "
                                "WHERE id = ? AND deleted_at IS NULL");
    query.bind(1, entryId);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kEntryNotFound);
    return {query.getColumn(0).getInt64(), sectionFromString(query.getColumn(1).getString()).value_or(Section::Strengths),
            query.getColumn(2).getInt() != 0};
}

int nextSortOrder(SQLite::Database& db, Id childId, Section section)
{
    SQLite::Statement order(db, "SELECT coalesce(max(sort_order), -1) + 1 FROM notebook_entries "
                                "WHERE child_id = ? AND section = ?");
    order.bind(1, childId);
    order.bind(2, toString(section));
    order.executeStep();
    return order.getColumn(0).getInt();
}

// Inserts a validated, cleaned entry at the end of its section. Inside a write.
Id insertEntry(Store& store, Id childId, const EntryDraft& clean)
{
    SQLite::Database& db = store.db().sql();
    if (!isChildLive(db, childId))
        throw StorageError(StorageError::Kind::NotFound, kChildNotFound);
    SQLite::Statement insert(db, "INSERT INTO notebook_entries (uuid, child_id, section, title, shine, details, "
                                 "noticed_on, is_pinned, uses, sort_order, created_at, updated_at, updated_by) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const TimestampMs now = store.now();
    insert.bind(1, store.newUuid());
    insert.bind(2, childId);
    insert.bind(3, toString(clean.section));
    insert.bind(4, clean.title);
    insert.bind(5, clean.shine);
    insert.bind(6, clean.details);
    insert.bind(7, clean.noticedOn);
    insert.bind(8, clean.isPinned ? 1 : 0);
    insert.bind(9, static_cast<int>(clean.uses.bits()));
    insert.bind(10, nextSortOrder(db, childId, clean.section));
    insert.bind(11, now);
    insert.bind(12, now);
    insert.bind(13, store.actor());
    insert.exec();
    return db.getLastInsertRowid();
}

std::vector<FieldError> sideErrors(Section section, EvidenceSide side)
{
    const bool isMirror = section == Section::MirrorTraits;
    if (isMirror && side == EvidenceSide::Entry)
        return {{"side", "Please choose which side of the mirror trait this belongs to."}};
    if (!isMirror && side != EvidenceSide::Entry)
        return {{"side", "Only mirror traits have two sides."}};
    return {};
}

// Inserts a validated evidence line (text already trimmed). Inside a write.
Id insertEvidence(Store& store, Id entryId, EvidenceSide side, const std::string& day, const std::string& text)
{
    SQLite::Database& db = store.db().sql();
    const EntryPlace place = placeOf(db, entryId);
    throwIfInvalid(sideErrors(place.section, side));
    SQLite::Statement insert(db, "INSERT INTO notebook_evidence (uuid, entry_id, side, day, note, created_at, "
                                 "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    const TimestampMs now = store.now();
    insert.bind(1, store.newUuid());
    insert.bind(2, entryId);
    insert.bind(3, toString(side));
    insert.bind(4, day);
    insert.bind(5, text);
    insert.bind(6, now);
    insert.bind(7, now);
    insert.bind(8, store.actor());
    insert.exec();
    return db.getLastInsertRowid();
}

// Trash or restore one row, and bring search up to date in the same transaction.
void setDeletedAndSync(Store& store, const char* table, Id id, bool isDeleted, const char* notFound)
{
    store.db().write([&] {
        detail::setDeleted(store, table, id, isDeleted, notFound);
        detail::syncSearchIndex(store.db().sql());
    });
}

// The columns of an EntrySummary, aggregated with the live evidence counts. ?1 = child,
// ?9 = preview length.
constexpr const char* kSummarySelect =
    "SELECT e.id, e.section, e.title, e.shine, substr(e.details, 1, ?9), length(e.details) > ?9, e.noticed_on, "
    "e.is_pinned, e.uses, e.sort_order, count(v.id) - coalesce(sum(v.side = 'shine'), 0), "
    "coalesce(sum(v.side = 'shine'), 0), coalesce(max(v.day), '') "
    "FROM notebook_entries e LEFT JOIN notebook_evidence v ON v.entry_id = e.id AND v.deleted_at IS NULL "
    "WHERE e.child_id = ?1 AND e.deleted_at IS NULL ";

EntrySummary readSummary(SQLite::Statement& row)
{
    EntrySummary summary;
    summary.id = row.getColumn(0).getInt64();
    summary.section = sectionFromString(row.getColumn(1).getString()).value_or(Section::Strengths);
    summary.title = row.getColumn(2).getString();
    summary.shine = row.getColumn(3).getString();
    summary.detailsPreview = row.getColumn(4).getString();
    summary.hasMoreDetails = row.getColumn(5).getInt() != 0;
    summary.noticedOn = row.getColumn(6).getString();
    summary.isPinned = row.getColumn(7).getInt() != 0;
    summary.uses = UseSet::fromBits(static_cast<unsigned>(row.getColumn(8).getInt()));
    summary.sortOrder = row.getColumn(9).getInt();
    summary.evidenceCount = row.getColumn(10).getInt();
    summary.shineEvidenceCount = row.getColumn(11).getInt();
    summary.lastEvidenceDay = row.getColumn(12).getString();
    return summary;
}

EvidenceLine readEvidence(SQLite::Statement& row)
{
    EvidenceLine line;
    line.meta = readMeta(row, 0);
    line.entryId = row.getColumn(5).getInt64();
    line.side = evidenceSideFromString(row.getColumn(6).getString()).value_or(EvidenceSide::Entry);
    line.day = row.getColumn(7).getString();
    line.text = row.getColumn(8).getString();
    return line;
}

constexpr const char* kEvidenceSelect = "SELECT id, uuid, created_at, updated_at, updated_by, entry_id, side, day, note "
                                        "FROM notebook_evidence ";

} // namespace

// ---- keys and value types ------------------------------------------------------------------

std::string toString(Section section)
{
    return kSectionInfo[static_cast<std::size_t>(section)].key;
}

std::optional<Section> sectionFromString(const std::string& key)
{
    for (const auto& info : kSectionInfo) {
        if (key == info.key)
            return info.section;
    }
    return std::nullopt;
}

std::string sectionTitle(Section section)
{
    return kSectionInfo[static_cast<std::size_t>(section)].title;
}

std::string toString(Use use)
{
    return kUseKeys[static_cast<std::size_t>(use)];
}

std::optional<Use> useFromString(const std::string& key)
{
    for (const Use use : kAllUses) {
        if (key == kUseKeys[static_cast<std::size_t>(use)])
            return use;
    }
    return std::nullopt;
}

std::vector<Use> UseSet::list() const
{
    std::vector<Use> uses;
    for (const Use use : kAllUses) {
        if (contains(use))
            uses.push_back(use);
    }
    return uses;
}

std::string toString(EvidenceSide side)
{
    return kSideKeys[static_cast<std::size_t>(side)];
}

std::optional<EvidenceSide> evidenceSideFromString(const std::string& key)
{
    for (std::size_t i = 0; i < std::size(kSideKeys); ++i) {
        if (key == kSideKeys[i])
            return static_cast<EvidenceSide>(i);
    }
    return std::nullopt;
}

std::vector<EvidenceLine> evidenceOn(const Entry& entry, EvidenceSide side)
{
    std::vector<EvidenceLine> lines;
    std::copy_if(entry.evidence.begin(), entry.evidence.end(), std::back_inserter(lines),
                 [side](const EvidenceLine& line) { return line.side == side; });
    return lines;
}

const NotebookSection& NotebookPage::section(Section which) const&
{
    return sections.at(static_cast<std::size_t>(which));
}

NotebookSection NotebookPage::section(Section which) &&
{
    return std::move(sections.at(static_cast<std::size_t>(which)));
}

// ---- validation -----------------------------------------------------------------------------

std::vector<FieldError> validateEntry(const EntryDraft& draft, const std::string& today)
{
    const EntryDraft clean = cleaned(draft);
    const bool isMirror = clean.section == Section::MirrorTraits;
    std::vector<FieldError> errors;
    if (clean.title.empty())
        errors.push_back({"title", isMirror ? "Please describe the struggle in a few words." : "Please give this a title."});
    else if (!fits(codePointCount(clean.title), limits::kEntryTitleMax))
        errors.push_back({"title", isMirror ? "Please keep each side to 120 characters or fewer; the details can hold more."
                                            : "Please keep the title to 120 characters or fewer; the details can hold more."});

    if (isMirror && clean.shine.empty())
        errors.push_back({"shine", "Please describe where the same trait shines."});
    else if (isMirror && !fits(codePointCount(clean.shine), limits::kEntryTitleMax))
        errors.push_back({"shine", "Please keep each side to 120 characters or fewer; the details can hold more."});
    else if (!isMirror && !clean.shine.empty())
        errors.push_back({"shine", "Only mirror traits have a shining side."});

    if (!fits(codePointCount(clean.details), limits::kNotebookTextMax))
        errors.push_back({"details", "Please keep the details to 10,000 characters or fewer."});

    if (!clean.noticedOn.empty())
        checkDay(errors, "noticedOn", "date", clean.noticedOn, today);
    return errors;
}

std::vector<FieldError> validateEvidence(const std::string& day, const std::string& text, const std::string& today)
{
    std::vector<FieldError> errors;
    const std::string cleanDay = trimmed(day);
    if (cleanDay.empty())
        errors.push_back({"day", "Please choose the day you noticed it."});
    else
        checkDay(errors, "day", "day", cleanDay, today);
    const std::string cleanText = trimmed(text);
    if (cleanText.empty())
        errors.push_back({"text", "Please write what you noticed."});
    else if (!fits(codePointCount(cleanText), limits::kNotebookTextMax))
        errors.push_back({"text", "Please keep this to 10,000 characters or fewer."});
    return errors;
}

// ---- queries --------------------------------------------------------------------------------

Notebook::Notebook(Store& store)
    : m_store(store)
{
}

NotebookPage Notebook::page(Id childId) const
{
    SQLite::Database& db = m_store.db().sql();
    if (!isChildLive(db, childId))
        throw StorageError(StorageError::Kind::NotFound, kChildNotFound);
    NotebookPage page;
    page.childId = childId;
    for (const Section section : kAllSections)
        page.sections.push_back({section, {}});
    SQLite::Statement query(db, std::string(kSummarySelect) + "GROUP BY e.id ORDER BY e.is_pinned DESC, e.sort_order, e.id");
    query.bind(1, childId);
    query.bind(9, limits::kDetailsPreviewChars);
    while (query.executeStep()) {
        EntrySummary summary = readSummary(query);
        page.sections[static_cast<std::size_t>(summary.section)].entries.push_back(std::move(summary));
    }
    return page;
}

Entry Notebook::entry(Id entryId) const
{
    SQLite::Database& db = m_store.db().sql();
    SQLite::Statement query(db, "SELECT e.id, e.uuid, e.created_at, e.updated_at, e.updated_by, e.child_id, e.section, "
                                "e.title, e.shine, e.details, e.noticed_on, e.is_pinned, e.uses, e.sort_order "
                                "FROM notebook_entries e JOIN children c ON c.id = e.child_id "
                                "WHERE e.id = ? AND e.deleted_at IS NULL AND c.deleted_at IS NULL");
    query.bind(1, entryId);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kEntryNotFound);
    Entry entry;
    entry.meta = readMeta(query, 0);
    entry.childId = query.getColumn(5).getInt64();
    entry.data.section = sectionFromString(query.getColumn(6).getString()).value_or(Section::Strengths);
    entry.data.title = query.getColumn(7).getString();
    entry.data.shine = query.getColumn(8).getString();
    entry.data.details = query.getColumn(9).getString();
    entry.data.noticedOn = query.getColumn(10).getString();
    entry.data.isPinned = query.getColumn(11).getInt() != 0;
    entry.data.uses = UseSet::fromBits(static_cast<unsigned>(query.getColumn(12).getInt()));
    entry.sortOrder = query.getColumn(13).getInt();

    SQLite::Statement lines(db, std::string(kEvidenceSelect)
                                    + "WHERE entry_id = ? AND deleted_at IS NULL ORDER BY day DESC, id DESC");
    lines.bind(1, entryId);
    while (lines.executeStep())
        entry.evidence.push_back(readEvidence(lines));
    return entry;
}

std::vector<std::string> Notebook::interestTitles(Id childId) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT e.title FROM notebook_entries e JOIN children c ON c.id = e.child_id "
                            "WHERE e.child_id = ? AND e.section = 'interests' AND e.deleted_at IS NULL "
                            "AND c.deleted_at IS NULL ORDER BY e.is_pinned DESC, e.sort_order, e.id");
    query.bind(1, childId);
    std::vector<std::string> titles;
    while (query.executeStep())
        titles.push_back(query.getColumn(0).getString());
    return titles;
}

std::vector<EntrySummary> Notebook::strengthsForUses(Id childId, UseSet uses) const
{
    if (uses.isEmpty() || !isChildLive(m_store.db().sql(), childId))
        return {};
    SQLite::Statement query(m_store.db().sql(), std::string(kSummarySelect) + "AND (e.uses & ?2) <> 0 GROUP BY e.id "
                                                    "ORDER BY e.is_pinned DESC, " + kSectionOrderSql
                                                    + ", e.sort_order, e.id");
    query.bind(1, childId);
    query.bind(2, static_cast<int>(uses.bits()));
    query.bind(9, limits::kDetailsPreviewChars);
    std::vector<EntrySummary> result;
    while (query.executeStep())
        result.push_back(readSummary(query));
    return result;
}

std::optional<OnThisDay> Notebook::onThisDay(Id childId, const std::string& today) const
{
    const auto now = parseDate(today);
    if (!now)
        return std::nullopt;
    SQLite::Database& db = m_store.db().sql();
    if (!isChildLive(db, childId))
        return std::nullopt;
    // Same month-day strictly before today means an earlier year. The evidence side uses the
    // month-day index; a child's entries are few.
    SQLite::Statement query(db,
                            "SELECT entry_id, evidence_id, section, title, shine, side, day, text FROM ("
                            " SELECT e.id AS entry_id, 0 AS evidence_id, e.section, e.title, e.shine, 'entry' AS side,"
                            "  e.noticed_on AS day, substr(e.details, 1, ?9) AS text"
                            " FROM notebook_entries e WHERE e.child_id = ?1 AND e.deleted_at IS NULL"
                            "  AND e.noticed_on <> '' AND substr(e.noticed_on, 6) = ?2 AND e.noticed_on < ?3"
                            " UNION ALL"
                            " SELECT e.id, v.id, e.section, e.title, e.shine, v.side, v.day, v.note"
                            " FROM notebook_evidence v JOIN notebook_entries e ON e.id = v.entry_id"
                            " WHERE substr(v.day, 6) = ?2 AND v.deleted_at IS NULL AND v.day < ?3"
                            "  AND e.child_id = ?1 AND e.deleted_at IS NULL"
                            ") ORDER BY day, evidence_id DESC, entry_id LIMIT 1");
    query.bind(1, childId);
    query.bind(2, today.substr(5));
    query.bind(3, today);
    query.bind(9, limits::kDetailsPreviewChars);
    if (!query.executeStep())
        return std::nullopt;
    OnThisDay found;
    found.entryId = query.getColumn(0).getInt64();
    found.evidenceId = query.getColumn(1).getInt64();
    found.section = sectionFromString(query.getColumn(2).getString()).value_or(Section::Strengths);
    found.entryTitle = query.getColumn(3).getString();
    found.shine = query.getColumn(4).getString();
    found.side = evidenceSideFromString(query.getColumn(5).getString()).value_or(EvidenceSide::Entry);
    found.day = query.getColumn(6).getString();
    found.text = query.getColumn(7).getString();
    if (const auto then = parseDate(found.day))
        found.yearsAgo = now->year - then->year;
    return found;
}

// ---- entries --------------------------------------------------------------------------------

Entry Notebook::addEntry(Id childId, const EntryDraft& draft)
{
    const EntryDraft clean = cleaned(draft);
    throwIfInvalid(validateEntry(clean, m_store.clock().today()));
    Id id = 0;
    m_store.db().write([&] {
        id = insertEntry(m_store, childId, clean);
        detail::syncSearchIndex(m_store.db().sql());
    });
    spdlog::info("notebook entry {} added for child {}", id, childId);
    return entry(id);
}

EditResult Notebook::updateEntry(Id entryId, const EntryDraft& loaded, const EntryDraft& edited)
{
    const EntryDraft before = cleaned(loaded);
    const EntryDraft clean = cleaned(edited);
    throwIfInvalid(validateEntry(clean, m_store.clock().today()));
    EditResult result;
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        const EntryPlace place = placeOf(db, entryId);
        // Only a section the parent chose moves the entry, from where it is now.
        const bool isMoving = before.section != clean.section && place.section != clean.section;
        if (isMoving && (place.section == Section::MirrorTraits || clean.section == Section::MirrorTraits))
            throw ValidationError(std::vector<FieldError>{
                {"section", "Mirror traits have two sides, so they stay in their own section."}});
        detail::Columns extra;
        if (isMoving)
            extra.emplace_back("sort_order",
                               detail::SqlValue::of(std::int64_t{nextSortOrder(db, place.childId, clean.section)}));
        result = detail::saveFields(m_store, "notebook_entries", entryId, columns(loaded), columns(before),
                                    columns(clean), kEntryNotFound, extra);
        detail::syncSearchIndex(db);
    });
    spdlog::info("notebook entry {} {}", entryId, result.isWritten ? "updated" : "saved unchanged");
    return result;
}

void Notebook::setPinned(Id entryId, bool isPinned)
{
    m_store.db().write([&] {
        SQLite::Statement update(m_store.db().sql(), "UPDATE notebook_entries SET is_pinned = ?, updated_at = ?, "
                                                     "updated_by = ? WHERE id = ? AND deleted_at IS NULL");
        update.bind(1, isPinned ? 1 : 0);
        update.bind(2, m_store.now());
        update.bind(3, m_store.actor());
        update.bind(4, entryId);
        update.exec();
        requireChanged(m_store.db().sql(), kEntryNotFound);
    });
    spdlog::info("notebook entry {} {}", entryId, isPinned ? "pinned" : "unpinned");
}

void Notebook::setUses(Id entryId, UseSet uses)
{
    m_store.db().write([&] {
        SQLite::Statement update(m_store.db().sql(), "UPDATE notebook_entries SET uses = ?, updated_at = ?, "
                                                     "updated_by = ? WHERE id = ? AND deleted_at IS NULL");
        update.bind(1, static_cast<int>(uses.bits()));
        update.bind(2, m_store.now());
        update.bind(3, m_store.actor());
        update.bind(4, entryId);
        update.exec();
        requireChanged(m_store.db().sql(), kEntryNotFound);
    });
    spdlog::info("notebook entry {} uses changed", entryId);
}

namespace {

// Moves an entry to the position `target(current)` of its section as shown (pinned first),
// kept within its pin group, then renumbers the section. Only rows whose order changed are
// written, so a no-op move writes nothing.
void moveWithinSection(Store& store, Id entryId, const std::function<long(long current)>& target)
{
    store.db().write([&] {
        SQLite::Database& db = store.db().sql();
        const EntryPlace place = placeOf(db, entryId);
        struct Row {
            Id id;
            bool isPinned;
            int sortOrder;
        };
        std::vector<Row> rows;
        SQLite::Statement list(db, "SELECT id, is_pinned, sort_order FROM notebook_entries WHERE child_id = ? "
                                   "AND section = ? AND deleted_at IS NULL ORDER BY is_pinned DESC, sort_order, id");
        list.bind(1, place.childId);
        list.bind(2, toString(place.section));
        while (list.executeStep())
            rows.push_back({list.getColumn(0).getInt64(), list.getColumn(1).getInt() != 0, list.getColumn(2).getInt()});

        const auto current = std::find_if(rows.begin(), rows.end(), [&](const Row& row) { return row.id == entryId; });
        const long from = std::distance(rows.begin(), current);
        const long pinnedCount = std::count_if(rows.begin(), rows.end(), [](const Row& row) { return row.isPinned; });
        const long groupBegin = place.isPinned ? 0 : pinnedCount;
        const long groupEnd = place.isPinned ? pinnedCount : static_cast<long>(rows.size());
        const long to = std::clamp(target(from), groupBegin, groupEnd - 1);

        const Row moving = rows[static_cast<std::size_t>(from)];
        rows.erase(rows.begin() + from);
        rows.insert(rows.begin() + to, moving);

        SQLite::Statement update(db, "UPDATE notebook_entries SET sort_order = ?, updated_at = ?, updated_by = ? "
                                     "WHERE id = ?");
        const TimestampMs now = store.now();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (rows[i].sortOrder == static_cast<int>(i))
                continue;
            update.bind(1, static_cast<int>(i));
            update.bind(2, now);
            update.bind(3, store.actor());
            update.bind(4, rows[i].id);
            update.exec();
            update.reset();
        }
    });
}

} // namespace

void Notebook::moveEntry(Id entryId, int toIndex)
{
    moveWithinSection(m_store, entryId, [toIndex](long) { return static_cast<long>(toIndex); });
    spdlog::info("notebook entry {} moved", entryId);
}

void Notebook::moveEntryUp(Id entryId)
{
    moveWithinSection(m_store, entryId, [](long current) { return current - 1; });
    spdlog::info("notebook entry {} moved up", entryId);
}

void Notebook::moveEntryDown(Id entryId)
{
    moveWithinSection(m_store, entryId, [](long current) { return current + 1; });
    spdlog::info("notebook entry {} moved down", entryId);
}

void Notebook::trashEntry(Id entryId)
{
    setDeletedAndSync(m_store, "notebook_entries", entryId, true, kEntryNotFound);
    spdlog::info("notebook entry {} moved to trash", entryId);
}

void Notebook::restoreEntry(Id entryId)
{
    setDeletedAndSync(m_store, "notebook_entries", entryId, false, kEntryNotFound);
    spdlog::info("notebook entry {} restored", entryId);
}

// ---- evidence -------------------------------------------------------------------------------

EvidenceLine Notebook::addEvidence(Id entryId, EvidenceSide side, const std::string& day, const std::string& text)
{
    throwIfInvalid(validateEvidence(day, text, m_store.clock().today()));
    Id id = 0;
    m_store.db().write([&] {
        id = insertEvidence(m_store, entryId, side, trimmed(day), trimmed(text));
        detail::syncSearchIndex(m_store.db().sql());
    });
    spdlog::debug("evidence {} added to notebook entry {}", id, entryId); // frequent: debug
    SQLite::Statement query(m_store.db().sql(), std::string(kEvidenceSelect) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kEvidenceNotFound);
    return readEvidence(query);
}

EvidenceLine Notebook::evidenceLine(Id evidenceId) const
{
    SQLite::Statement query(m_store.db().sql(), std::string(kEvidenceSelect) + "WHERE id = ? AND deleted_at IS NULL");
    query.bind(1, evidenceId);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kEvidenceNotFound);
    return readEvidence(query);
}

EditResult Notebook::updateEvidence(const EvidenceLine& loaded, const std::string& day, const std::string& text)
{
    throwIfInvalid(validateEvidence(day, text, m_store.clock().today()));
    using detail::SqlValue;
    const detail::Columns before = {{"day", SqlValue::of(loaded.day)}, {"note", SqlValue::of(loaded.text)}};
    const detail::Columns edited = {{"day", SqlValue::of(trimmed(day))}, {"note", SqlValue::of(trimmed(text))}};
    EditResult result;
    m_store.db().write([&] {
        result = detail::saveFields(m_store, "notebook_evidence", loaded.meta.id, before, before, edited,
                                    kEvidenceNotFound);
        detail::syncSearchIndex(m_store.db().sql());
    });
    spdlog::debug("evidence {} saved", loaded.meta.id);
    return result;
}

void Notebook::trashEvidence(Id evidenceId)
{
    setDeletedAndSync(m_store, "notebook_evidence", evidenceId, true, kEvidenceNotFound);
    spdlog::info("evidence {} moved to trash", evidenceId);
}

void Notebook::restoreEvidence(Id evidenceId)
{
    setDeletedAndSync(m_store, "notebook_evidence", evidenceId, false, kEvidenceNotFound);
    spdlog::info("evidence {} restored", evidenceId);
}

// ---- from anywhere --------------------------------------------------------------------------

MarvelResult Notebook::keepMarvel(Id childId, const std::string& text, const std::string& day,
                                  const MarvelDestination& destination)
{
    const std::string today = m_store.clock().today();
    std::vector<FieldError> errors = validateEvidence(day, text, today);
    const std::string cleanText = trimmed(text);
    const std::string cleanDay = trimmed(day);
    const bool isNew = destination.entryId == 0;
    EntryDraft draft;
    if (isNew && destination.section == Section::MirrorTraits) {
        errors.push_back({"section", "A mirror trait needs both sides. Add this to one you already have, "
                                     "or choose another section."});
    } else if (isNew) {
        draft.section = destination.section;
        draft.title = trimmed(destination.title).empty() ? titleFromText(cleanText) : trimmed(destination.title);
        const bool isDayFine = std::none_of(errors.begin(), errors.end(),
                                            [](const FieldError& error) { return error.field == "day"; });
        draft.noticedOn = isDayFine ? cleanDay : std::string(); // a bad day is reported once, as "day"
        if (!draft.title.empty() || !cleanText.empty()) { // an empty text has its own message
            for (auto& error : validateEntry(draft, today))
                errors.push_back(std::move(error));
        }
    }
    throwIfInvalid(std::move(errors));

    MarvelResult result;
    result.isNewEntry = isNew;
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        if (isNew) {
            result.entryId = insertEntry(m_store, childId, cleaned(draft));
            result.evidenceId = insertEvidence(m_store, result.entryId, EvidenceSide::Entry, cleanDay, cleanText);
        } else {
            const EntryPlace place = placeOf(db, destination.entryId);
            if (place.childId != childId)
                throw StorageError(StorageError::Kind::NotFound, kEntryNotFound);
            const EvidenceSide side = destination.side.value_or(
                place.section == Section::MirrorTraits ? EvidenceSide::Shine : EvidenceSide::Entry);
            result.entryId = destination.entryId;
            result.evidenceId = insertEvidence(m_store, result.entryId, side, cleanDay, cleanText);
        }
        detail::syncSearchIndex(db);
    });
    spdlog::info("marvel kept as evidence {} on notebook entry {}{}", result.evidenceId, result.entryId,
                 isNew ? " (new entry)" : "");
    return result;
}

} // namespace attune::core
