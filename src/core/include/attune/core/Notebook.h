// SPDX-License-Identifier: MIT
// A child's strengths & interests notebook: sections of entries, mirror traits (a struggle and
// the same trait where it shines), the six uses, and dated evidence lines added over time.
#pragma once

#include "attune/core/RecordHistory.h"
#include "attune/core/Errors.h"
#include "attune/core/Types.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace attune::core {

class Store;

namespace limits {
inline constexpr int kEntryTitleMax = 120;        // title, and each side of a mirror trait
inline constexpr int kNotebookTextMax = 10'000;   // details and each evidence line
inline constexpr int kDetailsPreviewChars = 240;  // what a card on the notebook page shows
} // namespace limits

// The page's sections, in the order they are shown. Keys (toString) are stored in the file.
enum class Section { Strengths, Interests, Skills, HowTheyThink, Growing, MirrorTraits };
inline constexpr Section kAllSections[] = {Section::Strengths, Section::Interests, Section::Skills,
                                           Section::HowTheyThink, Section::Growing, Section::MirrorTraits};
// "strengths", "interests", "skills", "how_they_think", "growing", "mirror_traits".
std::string toString(Section section);
std::optional<Section> sectionFromString(const std::string& key);
// "Strengths", …, "How they think, speak and learn", "Growing", "Mirror traits".
std::string sectionTitle(Section section);

// Ways to use a strength, from the seed article. Keys match resources/content/uses.json.
enum class Use { Offset, SelfEsteem, Connection, Transitions, CoolDown, Repair };
inline constexpr Use kAllUses[] = {Use::Offset,      Use::SelfEsteem, Use::Connection,
                                   Use::Transitions, Use::CoolDown,   Use::Repair};
// "offset", "self_esteem", "connection", "transitions", "cool_down", "repair".
std::string toString(Use use);
std::optional<Use> useFromString(const std::string& key);

// Any combination of the six uses; stored as a bit mask (bit n = the n-th Use).
class UseSet {
public:
    constexpr UseSet() = default;
    constexpr UseSet(std::initializer_list<Use> uses)
    {
        for (const Use use : uses)
            insert(use);
    }
    // Bits that name no use are dropped.
    static constexpr UseSet fromBits(unsigned bits)
    {
        UseSet set;
        set.m_bits = bits & kAllBits;
        return set;
    }
    constexpr bool contains(Use use) const { return (m_bits & bit(use)) != 0; }
    constexpr void insert(Use use) { m_bits |= bit(use); }
    constexpr void erase(Use use) { m_bits &= ~bit(use); }
    constexpr bool isEmpty() const { return m_bits == 0; }
    constexpr bool intersects(UseSet other) const { return (m_bits & other.m_bits) != 0; }
    constexpr unsigned bits() const { return m_bits; }
    std::vector<Use> list() const; // in kAllUses order
    constexpr bool operator==(const UseSet&) const = default;

    static constexpr unsigned kAllBits = 0x3F;

private:
    static constexpr unsigned bit(Use use) { return 1u << static_cast<unsigned>(use); }
    unsigned m_bits = 0;
};

// Which column an evidence line belongs to. Ordinary entries take Entry only; a mirror trait
// takes Struggle (left column) or Shine (right column).
enum class EvidenceSide { Entry, Struggle, Shine };
std::string toString(EvidenceSide side); // "entry", "struggle", "shine"
std::optional<EvidenceSide> evidenceSideFromString(const std::string& key);

// The fields a parent edits. Validated by validateEntry() before anything is stored.
struct EntryDraft {
    Section section = Section::Strengths;
    // Required, 1–120 characters. For a mirror trait this is the struggle ("can't focus on
    // homework").
    std::string title;
    // Mirror traits only (required there, empty elsewhere): the same trait where it shines
    // ("spends all day on a detailed Lego build").
    std::string shine;
    std::string details;   // up to 10,000 characters
    std::string noticedOn; // "YYYY-MM-DD" (not in the future) or empty
    bool isPinned = false;
    UseSet uses;
    bool operator==(const EntryDraft&) const = default;
};

struct EvidenceLine {
    RecordMeta meta;
    Id entryId = 0;
    EvidenceSide side = EvidenceSide::Entry;
    std::string day;  // "YYYY-MM-DD"
    std::string text; // 1–10,000 characters
};

// One entry with all its evidence, newest day first (for the entry's own page or editor).
struct Entry {
    RecordMeta meta;
    Id childId = 0;
    EntryDraft data;
    int sortOrder = 0;
    std::vector<EvidenceLine> evidence;
};
// The evidence of one column, in the entry's order.
std::vector<EvidenceLine> evidenceOn(const Entry& entry, EvidenceSide side);

// One card on the notebook page: what the card shows, nothing more.
struct EntrySummary {
    Id id = 0;
    Section section = Section::Strengths;
    std::string title;
    std::string shine;
    std::string detailsPreview; // the first 240 characters of the details
    bool hasMoreDetails = false;
    std::string noticedOn;
    bool isPinned = false;
    UseSet uses;
    int sortOrder = 0;
    int evidenceCount = 0;      // side Entry, or the struggle side of a mirror trait
    int shineEvidenceCount = 0; // the shining side of a mirror trait
    std::string lastEvidenceDay; // empty when there is none
};

struct NotebookSection {
    Section section = Section::Strengths;
    std::vector<EntrySummary> entries; // pinned first, then the parent's order
};

// A child's whole notebook page: always all six sections, in kAllSections order.
struct NotebookPage {
    Id childId = 0;
    std::vector<NotebookSection> sections;
    const NotebookSection& section(Section which) const&;
    // On a temporary page (notebook.page(id).section(…)) a copy, so it cannot dangle.
    NotebookSection section(Section which) &&;
};

// Something from the same month and day in an earlier year, for the Today page.
struct OnThisDay {
    Id entryId = 0;
    Id evidenceId = 0; // 0 when it is the entry itself (its "first noticed" date)
    Section section = Section::Strengths;
    std::string entryTitle;
    std::string shine;
    EvidenceSide side = EvidenceSide::Entry;
    std::string day;
    int yearsAgo = 0;
    std::string text; // the evidence line, or the first 240 characters of the entry's details
};

// Where "something I marvelled at" goes: onto an existing entry (entryId != 0) as an evidence
// line, or into a new entry in `section` (entryId == 0), with the text as its first evidence.
struct MarvelDestination {
    Id entryId = 0;
    // For an existing entry: the column. Unset means Entry, or Shine for a mirror trait.
    std::optional<EvidenceSide> side;
    Section section = Section::Strengths;
    // For a new entry: its title. Empty takes the first words of the text.
    std::string title;
};

struct MarvelResult {
    Id entryId = 0;
    Id evidenceId = 0;
    bool isNewEntry = false;
};

class Notebook {
public:
    explicit Notebook(Store& store);

    // Queries. A trashed child or entry is NotFound; trashed evidence is never returned.
    NotebookPage page(Id childId) const;
    Entry entry(Id entryId) const;
    // Titles of the child's interests, pinned first (for the one-on-one activity chips).
    std::vector<std::string> interestTitles(Id childId) const;
    // Entries of any section tagged with at least one of `uses`, pinned first (e.g. the
    // reflection flow asks for {CoolDown, Transitions, Repair}).
    std::vector<EntrySummary> strengthsForUses(Id childId, UseSet uses) const;
    // An entry noticed, or an evidence line, on today's month and day in an earlier year; the
    // longest ago wins. `today` is "YYYY-MM-DD".
    std::optional<OnThisDay> onThisDay(Id childId, const std::string& today) const;

    // Entries. New entries go to the end of their section.
    Entry addEntry(Id childId, const EntryDraft& draft);
    // A section may change between ordinary sections (the entry goes to the end of the new
    // one), never to or from Mirror traits. Saves the fields that differ between `loaded` (as
    // the form read them) and `edited`, and nothing else (RecordHistory.h).
    EditResult updateEntry(Id entryId, const EntryDraft& loaded, const EntryDraft& edited);
    void setPinned(Id entryId, bool isPinned);
    void setUses(Id entryId, UseSet uses);
    // Reordering within a section. `toIndex` is the position on the page (0 = top), kept within
    // the entry's group: pinned entries always stay above the others.
    void moveEntry(Id entryId, int toIndex);
    void moveEntryUp(Id entryId);
    void moveEntryDown(Id entryId);
    // To the trash with its evidence (which comes back with it).
    void trashEntry(Id entryId);
    void restoreEntry(Id entryId);

    // Evidence lines.
    EvidenceLine addEvidence(Id entryId, EvidenceSide side, const std::string& day, const std::string& text);
    EvidenceLine evidenceLine(Id evidenceId) const; // throws StorageError(NotFound)
    // Field by field like updateEntry(): `loaded` is the line as its row last read or saved it.
    EditResult updateEvidence(const EvidenceLine& loaded, const std::string& day, const std::string& text);
    void trashEvidence(Id evidenceId);
    void restoreEvidence(Id evidenceId);

    // "From anywhere to the notebook": `text` dated `day` becomes an evidence line on an
    // existing entry of this child, or a new entry with it as its first evidence, in one
    // transaction. Field errors name "text", "day", "title", "section" or "side".
    MarvelResult keepMarvel(Id childId, const std::string& text, const std::string& day,
                            const MarvelDestination& destination);

private:
    Store& m_store;
};

// `today` is the local calendar date "YYYY-MM-DD". Fields: "title", "shine", "details",
// "noticedOn".
std::vector<FieldError> validateEntry(const EntryDraft& draft, const std::string& today);
// Fields: "day", "text".
std::vector<FieldError> validateEvidence(const std::string& day, const std::string& text, const std::string& today);

} // namespace attune::core
