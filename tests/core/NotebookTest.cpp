// SPDX-License-Identifier: MIT
// The strengths & interests notebook through the public Notebook API: data rules, mirror
// traits, uses, evidence, order, trash, on this day and "from anywhere to the notebook".
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Migrations.h"
#include "attune/core/Notebook.h"
#include "attune/core/Search.h"
#include "attune/core/Store.h"
#include "attune/core/Trash.h"
#include "attune/core/Validation.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

using namespace attune;
using namespace attune::core;

namespace {

class NotebookTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock; // today is 2026-11-28
    Database db = Database::create(dir / "notebook.sqlite");
    Store store{db, clock, 7};
    Family family{store};
    Notebook notebook{store};
    Id maya = 0;
    Id leo = 0;

    void SetUp() override
    {
        store.setActor(family.caregivers().front().meta.uuid);
        ChildDraft child;
        child.name = "Maya";
        child.birthDate = "2016-05-02";
        maya = family.addChild(child).meta.id;
        child.name = "Leo";
        child.birthDate = "2019-09-14";
        leo = family.addChild(child).meta.id;
    }

    int rows(const std::string& table)
    {
        return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt();
    }

    static EntryDraft draft(Section section, const std::string& title, const std::string& shine = {})
    {
        EntryDraft d;
        d.section = section;
        d.title = title;
        d.shine = shine;
        return d;
    }

    Id add(Id child, Section section, const std::string& title, const std::string& shine = {})
    {
        return notebook.addEntry(child, draft(section, title, shine)).meta.id;
    }

    std::vector<std::string> titlesIn(Id child, Section section)
    {
        std::vector<std::string> titles;
        for (const auto& entry : notebook.page(child).section(section).entries)
            titles.push_back(entry.title);
        return titles;
    }

    // The errors a call threw, or none.
    template <typename Call>
    static std::vector<FieldError> errorsOf(Call call)
    {
        try {
            call();
        } catch (const ValidationError& error) {
            return error.errors();
        }
        return {};
    }
};

std::string repeated(const std::string& unit, int times)
{
    std::string text;
    for (int i = 0; i < times; ++i)
        text += unit;
    return text;
}

} // namespace

TEST_F(NotebookTest, KeysAreStableAndMatchTheUsesContentFile)
{
    const std::vector<std::string> sections = {"strengths", "interests", "skills", "how_they_think", "growing",
                                               "mirror_traits"};
    for (std::size_t i = 0; i < std::size(kAllSections); ++i) {
        EXPECT_EQ(toString(kAllSections[i]), sections[i]);
        EXPECT_EQ(sectionFromString(sections[i]), kAllSections[i]);
    }
    EXPECT_EQ(sectionTitle(Section::HowTheyThink), "How they think, speak and learn");
    EXPECT_FALSE(sectionFromString("Strengths").has_value());

    const std::string usesJson = test::readFile(std::filesystem::path(ATTUNE_SOURCE_DIR) / "resources/content/uses.json");
    for (const Use use : kAllUses) {
        EXPECT_NE(usesJson.find("\"key\": \"" + toString(use) + "\""), std::string::npos) << toString(use);
        EXPECT_EQ(useFromString(toString(use)), use);
    }
    EXPECT_EQ(toString(Use::CoolDown), "cool_down");
    EXPECT_EQ(toString(Use::SelfEsteem), "self_esteem");
    EXPECT_FALSE(useFromString("cooldown").has_value());
    EXPECT_EQ(toString(EvidenceSide::Shine), "shine");
    EXPECT_EQ(evidenceSideFromString("struggle"), EvidenceSide::Struggle);
}

TEST_F(NotebookTest, UseSetHoldsAnyCombination)
{
    UseSet uses{Use::CoolDown, Use::Repair};
    EXPECT_TRUE(uses.contains(Use::CoolDown));
    EXPECT_FALSE(uses.contains(Use::Offset));
    uses.insert(Use::Offset);
    uses.erase(Use::Repair);
    EXPECT_EQ(uses.list(), (std::vector<Use>{Use::Offset, Use::CoolDown}));
    EXPECT_EQ(UseSet::fromBits(0xFFFF).bits(), UseSet::kAllBits);
    EXPECT_TRUE(UseSet{}.isEmpty());
    EXPECT_TRUE(uses.intersects(UseSet{Use::CoolDown}));
}

TEST_F(NotebookTest, AddEntryStoresEveryFieldTrimmedAndWhoDidIt)
{
    EntryDraft d = draft(Section::Interests, "  Dinosaurs \n");
    d.details = "  Knows every sauropod.  ";
    d.noticedOn = "2021-03-04";
    d.isPinned = true;
    d.uses = {Use::Connection, Use::CoolDown};
    const Entry entry = notebook.addEntry(maya, d);
    EXPECT_EQ(entry.childId, maya);
    EXPECT_EQ(entry.data.section, Section::Interests);
    EXPECT_EQ(entry.data.title, "Dinosaurs");
    EXPECT_EQ(entry.data.details, "Knows every sauropod.");
    EXPECT_EQ(entry.data.noticedOn, "2021-03-04");
    EXPECT_TRUE(entry.data.isPinned);
    EXPECT_EQ(entry.data.uses, (UseSet{Use::Connection, Use::CoolDown}));
    EXPECT_EQ(entry.meta.updatedBy, store.actor());
    EXPECT_EQ(entry.meta.createdAt, clock.nowMs());
    EXPECT_EQ(entry.meta.uuid.size(), 36u);
    EXPECT_TRUE(entry.evidence.empty());
}

TEST_F(NotebookTest, HardTextSurvivesEveryField)
{
    // hardText() has no white space at its ends, so trimming leaves it whole.
    const std::string hard = test::hardText();
    ASSERT_LE(codePointCount(hard), 120u);
    EntryDraft d = draft(Section::MirrorTraits, hard, hard);
    d.details = hard;
    const Entry entry = notebook.addEntry(maya, d);
    notebook.addEvidence(entry.meta.id, EvidenceSide::Shine, "2026-11-01", hard);
    const Entry back = notebook.entry(entry.meta.id);
    EXPECT_EQ(back.data.title, hard);
    EXPECT_EQ(back.data.shine, hard);
    EXPECT_EQ(back.data.details, hard);
    ASSERT_EQ(back.evidence.size(), 1u);
    EXPECT_EQ(back.evidence[0].text, hard);
    EXPECT_EQ(rows("children"), 2); // the DROP TABLE in the text was only text
}

TEST_F(NotebookTest, EntryRulesHaveExactMessagesAndStoreNothing)
{
    const auto only = [](const std::vector<FieldError>& errors, const std::string& field) {
        EXPECT_EQ(errors.size(), 1u);
        return errors.empty() ? std::string() : (errors[0].field == field ? errors[0].message : "field " + errors[0].field);
    };
    EXPECT_EQ(only(errorsOf([&] { add(maya, Section::Strengths, " \t\n "); }), "title"), "Please give this a title.");
    EXPECT_EQ(only(errorsOf([&] { add(maya, Section::Strengths, repeated("é", 121)); }), "title"),
              "Please keep the title to 120 characters or fewer; the details can hold more.");
    EXPECT_EQ(only(errorsOf([&] { add(maya, Section::Strengths, "Kind", "Shines"); }), "shine"),
              "Only mirror traits have a shining side.");
    EXPECT_EQ(only(errorsOf([&] { add(maya, Section::MirrorTraits, "", "Lego all day"); }), "title"),
              "Please describe the struggle in a few words.");
    EXPECT_EQ(only(errorsOf([&] { add(maya, Section::MirrorTraits, "Homework is hard", "  "); }), "shine"),
              "Please describe where the same trait shines.");
    EXPECT_EQ(only(errorsOf([&] { add(maya, Section::MirrorTraits, "Homework is hard", repeated("x", 121)); }), "shine"),
              "Please keep each side to 120 characters or fewer; the details can hold more.");

    EntryDraft d = draft(Section::Strengths, "Kind");
    d.details = repeated("ü", 10'001);
    EXPECT_EQ(only(errorsOf([&] { notebook.addEntry(maya, d); }), "details"),
              "Please keep the details to 10,000 characters or fewer.");
    d.details.clear();
    d.noticedOn = "2026-11-29";
    EXPECT_EQ(only(errorsOf([&] { notebook.addEntry(maya, d); }), "noticedOn"),
              "That date is in the future. Please check it.");
    d.noticedOn = "2026-02-30";
    EXPECT_EQ(only(errorsOf([&] { notebook.addEntry(maya, d); }), "noticedOn"),
              "Please enter the date as year-month-day, like 2024-03-15.");
    d.noticedOn = "1899-12-31";
    EXPECT_EQ(only(errorsOf([&] { notebook.addEntry(maya, d); }), "noticedOn"),
              "That date is before 1900. Please check the year.");

    // Several problems at once are all reported, one per field.
    EntryDraft bad = draft(Section::Skills, "");
    bad.details = repeated("a", 10'001);
    bad.noticedOn = "soon";
    const auto errors = errorsOf([&] { notebook.addEntry(maya, bad); });
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].field, "title");
    EXPECT_EQ(errors[1].field, "details");
    EXPECT_EQ(errors[2].field, "noticedOn");
    EXPECT_EQ(rows("notebook_entries"), 0);

    // The limits themselves are fine: 120 and 10,000 characters, counted as characters.
    EntryDraft edge = draft(Section::Strengths, repeated("🦕", 120));
    edge.details = repeated("é", 10'000);
    edge.noticedOn = "2026-11-28";
    EXPECT_NO_THROW(notebook.addEntry(maya, edge));
    EXPECT_EQ(rows("notebook_entries"), 1);
}

TEST_F(NotebookTest, UpdateValidatesTooAndKeepsTheOldValues)
{
    const Id kind = add(maya, Section::Strengths, "Kind");
    EntryDraft d = draft(Section::Strengths, "");
    EXPECT_EQ(errorsOf([&] { notebook.updateEntry(kind, notebook.entry(kind).data, d); }).at(0).message, "Please give this a title.");
    EXPECT_EQ(notebook.entry(kind).data.title, "Kind");
    d.title = "Kind to little ones";
    d.details = "Always.";
    d.uses = {Use::Connection};
    notebook.updateEntry(kind, notebook.entry(kind).data, d);
    const Entry entry = notebook.entry(kind);
    EXPECT_EQ(entry.data.title, "Kind to little ones");
    EXPECT_EQ(entry.data.details, "Always.");
    EXPECT_EQ(entry.data.uses, UseSet{Use::Connection});
    EXPECT_THROW(notebook.updateEntry(9999, d, d), StorageError);
}

TEST_F(NotebookTest, EvidenceRulesHaveExactMessagesAndStoreNothing)
{
    const Id lego = add(maya, Section::Interests, "Lego");
    const auto messageOf = [&](const std::string& day, const std::string& text, const std::string& field) {
        try {
            notebook.addEvidence(lego, EvidenceSide::Entry, day, text);
        } catch (const ValidationError& error) {
            return error.messageFor(field);
        }
        return std::string("(accepted)");
    };
    EXPECT_EQ(messageOf("", "Built a castle", "day"), "Please choose the day you noticed it.");
    EXPECT_EQ(messageOf("28/11/2026", "Built a castle", "day"), "Please enter the day as year-month-day, like 2024-03-15.");
    EXPECT_EQ(messageOf("2026-11-29", "Built a castle", "day"), "That day is in the future. Please check it.");
    EXPECT_EQ(messageOf("1850-01-01", "Built a castle", "day"), "That day is before 1900. Please check the year.");
    EXPECT_EQ(messageOf("2026-11-28", " \n ", "text"), "Please write what you noticed.");
    EXPECT_EQ(messageOf("2026-11-28", repeated("ß", 10'001), "text"), "Please keep this to 10,000 characters or fewer.");
    EXPECT_EQ(messageOf("2026-11-28", "Built a castle", "side"), "(accepted)");

    const auto sideMessage = [&](Id entry, EvidenceSide side) {
        const auto errors = errorsOf([&] { notebook.addEvidence(entry, side, "2026-11-28", "Something"); });
        return errors.empty() ? std::string("(accepted)") : errors[0].field + ": " + errors[0].message;
    };
    EXPECT_EQ(sideMessage(lego, EvidenceSide::Shine), "side: Only mirror traits have two sides.");
    const Id focus = add(maya, Section::MirrorTraits, "Can't focus on homework", "Spends all day on a Lego build");
    EXPECT_EQ(sideMessage(focus, EvidenceSide::Entry),
              "side: Please choose which side of the mirror trait this belongs to.");
    EXPECT_EQ(rows("notebook_evidence"), 1);

    EXPECT_THROW(notebook.addEvidence(9999, EvidenceSide::Entry, "2026-11-28", "x"), StorageError);
    EXPECT_NO_THROW(notebook.addEvidence(lego, EvidenceSide::Entry, "2026-11-28", repeated("ß", 10'000)));
}

TEST_F(NotebookTest, EvidenceIsDatedAndNewestFirstAndEditable)
{
    const Id lego = add(maya, Section::Interests, "Lego");
    notebook.addEvidence(lego, EvidenceSide::Entry, "2024-01-10", "Built a harbour");
    const EvidenceLine castle = notebook.addEvidence(lego, EvidenceSide::Entry, " 2026-11-20 ", "  Built the castle for three hours ");
    notebook.addEvidence(lego, EvidenceSide::Entry, "2025-06-01", "Sorted the bricks");
    EXPECT_EQ(castle.day, "2026-11-20");
    EXPECT_EQ(castle.text, "Built the castle for three hours");
    EXPECT_EQ(castle.entryId, lego);
    EXPECT_EQ(castle.side, EvidenceSide::Entry);

    Entry entry = notebook.entry(lego);
    ASSERT_EQ(entry.evidence.size(), 3u);
    EXPECT_EQ(entry.evidence[0].day, "2026-11-20");
    EXPECT_EQ(entry.evidence[1].day, "2025-06-01");
    EXPECT_EQ(entry.evidence[2].day, "2024-01-10");

    notebook.updateEvidence(castle, "2026-11-21", "Built the castle for four hours");
    EXPECT_THROW(notebook.updateEvidence(castle, "2026-11-21", ""), ValidationError);
    entry = notebook.entry(lego);
    EXPECT_EQ(entry.evidence[0].text, "Built the castle for four hours");
    EXPECT_EQ(entry.evidence[0].day, "2026-11-21");
}

TEST_F(NotebookTest, MirrorTraitIsAPairWithTwoColumnsOfEvidence)
{
    EntryDraft d = draft(Section::MirrorTraits, "Can't focus on homework", "Spends all day on a detailed Lego build");
    d.details = "The same deep focus, when it's their own project.";
    const Id focus = notebook.addEntry(maya, d).meta.id;
    notebook.addEvidence(focus, EvidenceSide::Struggle, "2026-10-01", "Stared at the worksheet for half an hour");
    notebook.addEvidence(focus, EvidenceSide::Shine, "2026-10-04", "Built a Lego harbour for five hours");
    notebook.addEvidence(focus, EvidenceSide::Shine, "2026-10-11", "Drew the whole city");

    const Entry entry = notebook.entry(focus);
    EXPECT_EQ(entry.data.title, "Can't focus on homework");
    EXPECT_EQ(entry.data.shine, "Spends all day on a detailed Lego build");
    const auto left = evidenceOn(entry, EvidenceSide::Struggle);
    const auto right = evidenceOn(entry, EvidenceSide::Shine);
    ASSERT_EQ(left.size(), 1u);
    ASSERT_EQ(right.size(), 2u);
    EXPECT_EQ(right[0].text, "Drew the whole city");

    const auto& cards = notebook.page(maya).section(Section::MirrorTraits).entries;
    ASSERT_EQ(cards.size(), 1u);
    EXPECT_EQ(cards[0].shine, "Spends all day on a detailed Lego build");
    EXPECT_EQ(cards[0].evidenceCount, 1);
    EXPECT_EQ(cards[0].shineEvidenceCount, 2);
    EXPECT_EQ(cards[0].lastEvidenceDay, "2026-10-11");
}

TEST_F(NotebookTest, MirrorTraitsStayInTheirOwnSection)
{
    const Id focus = add(maya, Section::MirrorTraits, "Can't sit still", "Tireless on a hike");
    const Id kind = add(maya, Section::Strengths, "Kind");
    const std::string message = "Mirror traits have two sides, so they stay in their own section.";
    EXPECT_EQ(errorsOf([&] { notebook.updateEntry(focus, notebook.entry(focus).data, draft(Section::Strengths, "Can't sit still")); }).at(0).message,
              message);
    EXPECT_EQ(errorsOf([&] { notebook.updateEntry(kind, notebook.entry(kind).data, draft(Section::MirrorTraits, "Kind", "Kinder")); }).at(0).message,
              message);
    EXPECT_EQ(notebook.entry(kind).data.section, Section::Strengths);

    // Between ordinary sections an entry moves, to the end of the new one.
    add(maya, Section::Interests, "Horses");
    notebook.updateEntry(kind, notebook.entry(kind).data, draft(Section::Interests, "Kind"));
    EXPECT_EQ(titlesIn(maya, Section::Interests), (std::vector<std::string>{"Horses", "Kind"}));
    EXPECT_TRUE(titlesIn(maya, Section::Strengths).empty());
}

TEST_F(NotebookTest, PageHasEverySectionPinnedFirstWithCountsAndAShortPreview)
{
    add(maya, Section::Strengths, "Honest");
    EntryDraft long_ = draft(Section::Strengths, "Keeps going");
    long_.details = repeated("é", 300);
    const Id keeps = notebook.addEntry(maya, long_).meta.id;
    const Id kind = add(maya, Section::Strengths, "Kind");
    notebook.setPinned(kind, true);
    notebook.addEvidence(keeps, EvidenceSide::Entry, "2026-01-01", "Tried again");
    const EvidenceLine gone = notebook.addEvidence(keeps, EvidenceSide::Entry, "2026-02-01", "Tried once more");
    notebook.trashEvidence(gone.meta.id);
    add(leo, Section::Strengths, "Leo's own");

    const NotebookPage page = notebook.page(maya);
    ASSERT_EQ(page.sections.size(), 6u);
    for (std::size_t i = 0; i < page.sections.size(); ++i)
        EXPECT_EQ(page.sections[i].section, kAllSections[i]);
    EXPECT_EQ(titlesIn(maya, Section::Strengths), (std::vector<std::string>{"Kind", "Honest", "Keeps going"}));
    const EntrySummary& card = page.section(Section::Strengths).entries[2];
    EXPECT_EQ(codePointCount(card.detailsPreview), 240u);
    EXPECT_TRUE(card.hasMoreDetails);
    EXPECT_EQ(card.evidenceCount, 1); // the trashed line is not counted
    EXPECT_EQ(card.lastEvidenceDay, "2026-01-01");
    EXPECT_TRUE(page.section(Section::Strengths).entries[0].isPinned);
    EXPECT_FALSE(page.section(Section::Strengths).entries[1].hasMoreDetails);
    EXPECT_TRUE(page.section(Section::Skills).entries.empty());
    EXPECT_THROW(notebook.page(9999), StorageError);
}

TEST_F(NotebookTest, ReorderWithinASectionKeepsPinnedOnTop)
{
    const Id a = add(maya, Section::Skills, "A");
    const Id b = add(maya, Section::Skills, "B");
    const Id c = add(maya, Section::Skills, "C");
    const Id d = add(maya, Section::Skills, "D");
    add(maya, Section::Strengths, "Elsewhere");
    using Titles = std::vector<std::string>;

    notebook.moveEntry(d, 0);
    EXPECT_EQ(titlesIn(maya, Section::Skills), (Titles{"D", "A", "B", "C"}));
    notebook.moveEntryDown(d);
    EXPECT_EQ(titlesIn(maya, Section::Skills), (Titles{"A", "D", "B", "C"}));
    notebook.moveEntryUp(c);
    EXPECT_EQ(titlesIn(maya, Section::Skills), (Titles{"A", "D", "C", "B"}));
    notebook.moveEntryUp(a); // already at the top: nothing happens
    notebook.moveEntryDown(b); // already at the bottom
    notebook.moveEntry(a, 99);
    EXPECT_EQ(titlesIn(maya, Section::Skills), (Titles{"D", "C", "B", "A"}));
    notebook.moveEntry(a, -5);
    EXPECT_EQ(titlesIn(maya, Section::Skills), (Titles{"A", "D", "C", "B"}));

    // Pinned entries stay above the others, whatever the move.
    notebook.setPinned(b, true);
    EXPECT_EQ(titlesIn(maya, Section::Skills), (Titles{"B", "A", "D", "C"}));
    notebook.moveEntry(c, 0);
    EXPECT_EQ(titlesIn(maya, Section::Skills), (Titles{"B", "C", "A", "D"}));
    notebook.moveEntryDown(b);
    EXPECT_EQ(titlesIn(maya, Section::Skills), (Titles{"B", "C", "A", "D"}));
    notebook.setPinned(b, false);
    EXPECT_EQ(titlesIn(maya, Section::Skills), (Titles{"B", "C", "A", "D"}));
    EXPECT_EQ(titlesIn(maya, Section::Strengths), (Titles{"Elsewhere"}));
    EXPECT_THROW(notebook.moveEntryUp(9999), StorageError);
}

TEST_F(NotebookTest, TrashAndRestoreEntriesAndEvidence)
{
    const Id lego = add(maya, Section::Interests, "Lego");
    const Id kept = notebook.addEvidence(lego, EvidenceSide::Entry, "2026-11-01", "Built a castle").meta.id;
    const Id line = notebook.addEvidence(lego, EvidenceSide::Entry, "2026-11-02", "Built a harbour").meta.id;
    const Id focus = add(maya, Section::MirrorTraits, "Can't focus", "Lego all day");

    notebook.trashEvidence(line);
    EXPECT_EQ(notebook.entry(lego).evidence.size(), 1u);
    EXPECT_THROW(notebook.trashEvidence(line), StorageError); // already in the trash
    notebook.trashEntry(lego);
    notebook.trashEntry(focus);
    EXPECT_THROW(notebook.entry(lego), StorageError);
    EXPECT_TRUE(titlesIn(maya, Section::Interests).empty());
    EXPECT_TRUE(notebook.interestTitles(maya).empty());
    EXPECT_THROW(notebook.addEvidence(lego, EvidenceSide::Entry, "2026-11-03", "x"), StorageError);
    EXPECT_EQ(rows("notebook_entries"), 2); // nothing is hard-deleted

    Trash trash(store);
    std::vector<std::string> titles;
    for (const auto& entry : trash.entries())
        titles.push_back(entry.table + " | " + entry.title);
    EXPECT_NE(std::find(titles.begin(), titles.end(), "notebook_entries | Lego"), titles.end());
    EXPECT_NE(std::find(titles.begin(), titles.end(), "notebook_entries | Can't focus ↔ Lego all day"), titles.end());
    EXPECT_NE(std::find(titles.begin(), titles.end(), "notebook_evidence | Lego: Built a harbour"), titles.end());

    for (const auto& entry : trash.entries()) {
        if (entry.table == "notebook_entries" && entry.id == lego)
            trash.restore(entry);
    }
    Entry back = notebook.entry(lego);
    ASSERT_EQ(back.evidence.size(), 1u); // comes back with the evidence it had
    EXPECT_EQ(back.evidence[0].meta.id, kept);
    notebook.restoreEvidence(line);
    notebook.restoreEntry(focus);
    EXPECT_EQ(notebook.entry(lego).evidence.size(), 2u);
    EXPECT_EQ(titlesIn(maya, Section::MirrorTraits).size(), 1u);
    EXPECT_THROW(notebook.restoreEntry(focus), StorageError); // not in the trash any more
}

TEST_F(NotebookTest, InterestTitlesFeedTheActivityChips)
{
    add(maya, Section::Interests, "Lego");
    const Id horses = add(maya, Section::Interests, "Horses");
    add(maya, Section::Interests, "Baking");
    add(maya, Section::Strengths, "Kind");
    add(leo, Section::Interests, "Trains");
    notebook.setPinned(horses, true);
    EXPECT_EQ(notebook.interestTitles(maya), (std::vector<std::string>{"Horses", "Lego", "Baking"}));
    EXPECT_EQ(notebook.interestTitles(leo), (std::vector<std::string>{"Trains"}));
    family.trashChild(leo);
    EXPECT_TRUE(notebook.interestTitles(leo).empty());
    EXPECT_THROW(notebook.page(leo), StorageError);
}

TEST_F(NotebookTest, StrengthsForUsesOffersTaggedEntriesPinnedFirst)
{
    EntryDraft music = draft(Section::Interests, "Music");
    music.uses = {Use::CoolDown, Use::Transitions};
    const Id musicId = notebook.addEntry(maya, music).meta.id;
    EntryDraft humour = draft(Section::Strengths, "Funny");
    humour.uses = {Use::Repair};
    notebook.addEntry(maya, humour);
    EntryDraft honest = draft(Section::Strengths, "Honest");
    honest.uses = {Use::SelfEsteem};
    notebook.addEntry(maya, honest);
    EntryDraft dance = draft(Section::Interests, "Dance");
    dance.uses = {Use::CoolDown};
    dance.isPinned = true;
    notebook.addEntry(maya, dance);
    EntryDraft other = draft(Section::Interests, "Trains");
    other.uses = {Use::CoolDown};
    notebook.addEntry(leo, other);

    const UseSet reflection{Use::CoolDown, Use::Transitions, Use::Repair};
    std::vector<std::string> titles;
    for (const auto& entry : notebook.strengthsForUses(maya, reflection))
        titles.push_back(entry.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"Dance", "Funny", "Music"}));
    EXPECT_EQ(notebook.strengthsForUses(maya, {Use::Offset}).size(), 0u);
    EXPECT_TRUE(notebook.strengthsForUses(maya, {}).empty());

    notebook.setUses(musicId, {Use::Connection});
    EXPECT_EQ(notebook.strengthsForUses(maya, {Use::Transitions}).size(), 0u);
    EXPECT_EQ(notebook.entry(musicId).data.uses, UseSet{Use::Connection});
}

TEST_F(NotebookTest, OnThisDayFindsTheSameDayInAnEarlierYear)
{
    EXPECT_FALSE(notebook.onThisDay(maya, "2026-11-28").has_value());
    EntryDraft d = draft(Section::Strengths, "Brave");
    d.noticedOn = "2023-11-28";
    d.details = "Jumped off the diving board.";
    const Id brave = notebook.addEntry(maya, d).meta.id;
    const Id lego = add(maya, Section::Interests, "Lego");
    notebook.addEvidence(lego, EvidenceSide::Entry, "2026-11-28", "Today does not count");
    notebook.addEvidence(lego, EvidenceSide::Entry, "2025-11-27", "Another day");
    notebook.addEvidence(add(leo, Section::Interests, "Trains"), EvidenceSide::Entry, "2020-11-28", "Leo's, not Maya's");

    auto found = notebook.onThisDay(maya, "2026-11-28");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->entryId, brave);
    EXPECT_EQ(found->evidenceId, 0);
    EXPECT_EQ(found->day, "2023-11-28");
    EXPECT_EQ(found->yearsAgo, 3);
    EXPECT_EQ(found->text, "Jumped off the diving board.");
    EXPECT_EQ(found->entryTitle, "Brave");

    // The longest ago wins; an evidence line counts as much as an entry.
    const Id old = notebook.addEvidence(lego, EvidenceSide::Entry, "2021-11-28", "Built the first castle").meta.id;
    found = notebook.onThisDay(maya, "2026-11-28");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->evidenceId, old);
    EXPECT_EQ(found->entryId, lego);
    EXPECT_EQ(found->yearsAgo, 5);
    EXPECT_EQ(found->text, "Built the first castle");
    EXPECT_EQ(found->section, Section::Interests);

    notebook.trashEvidence(old);
    EXPECT_EQ(notebook.onThisDay(maya, "2026-11-28")->entryId, brave);
    notebook.trashEntry(brave);
    EXPECT_FALSE(notebook.onThisDay(maya, "2026-11-28").has_value());
    EXPECT_EQ(notebook.onThisDay(maya, "2026-11-27")->day, "2025-11-27");
    EXPECT_FALSE(notebook.onThisDay(maya, "not a day").has_value());
    EXPECT_FALSE(notebook.onThisDay(maya, "2028-02-29").has_value());
}

TEST_F(NotebookTest, MarvelBecomesEvidenceOnAnExistingEntry)
{
    const Id lego = add(maya, Section::Interests, "Lego");
    const Id focus = add(maya, Section::MirrorTraits, "Can't focus on homework", "Lego all day");
    MarvelDestination to;
    to.entryId = lego;
    MarvelResult result = notebook.keepMarvel(maya, "  Explained every room of the castle  ", "2026-11-27", to);
    EXPECT_FALSE(result.isNewEntry);
    EXPECT_EQ(result.entryId, lego);
    Entry entry = notebook.entry(lego);
    ASSERT_EQ(entry.evidence.size(), 1u);
    EXPECT_EQ(entry.evidence[0].meta.id, result.evidenceId);
    EXPECT_EQ(entry.evidence[0].text, "Explained every room of the castle");
    EXPECT_EQ(entry.evidence[0].day, "2026-11-27");

    // On a mirror trait a marvel goes to the shining side unless told otherwise.
    to.entryId = focus;
    notebook.keepMarvel(maya, "Five hours on the harbour", "2026-11-27", to);
    to.side = EvidenceSide::Struggle;
    notebook.keepMarvel(maya, "Stared at the worksheet", "2026-11-27", to);
    entry = notebook.entry(focus);
    EXPECT_EQ(evidenceOn(entry, EvidenceSide::Shine).size(), 1u);
    EXPECT_EQ(evidenceOn(entry, EvidenceSide::Struggle).size(), 1u);

    // Another child's entry is not a place for Maya's marvel; nothing is stored.
    const Id trains = add(leo, Section::Interests, "Trains");
    to = {};
    to.entryId = trains;
    EXPECT_THROW(notebook.keepMarvel(maya, "Waved at the train", "2026-11-27", to), StorageError);
    EXPECT_EQ(rows("notebook_evidence"), 3);
}

TEST_F(NotebookTest, MarvelBecomesANewEntryInOneStep)
{
    MarvelDestination to;
    to.section = Section::Strengths;
    MarvelResult result = notebook.keepMarvel(maya, "Comforted her friend at the gate\nand walked her in", "2026-11-27", to);
    EXPECT_TRUE(result.isNewEntry);
    Entry entry = notebook.entry(result.entryId);
    EXPECT_EQ(entry.data.section, Section::Strengths);
    EXPECT_EQ(entry.data.title, "Comforted her friend at the gate");
    EXPECT_EQ(entry.data.noticedOn, "2026-11-27");
    ASSERT_EQ(entry.evidence.size(), 1u);
    EXPECT_EQ(entry.evidence[0].text, "Comforted her friend at the gate\nand walked her in");
    EXPECT_EQ(entry.evidence[0].meta.id, result.evidenceId);

    // A long marvel gives a title cut at a word, within the limit.
    const std::string longText = repeated("marvellous ", 30);
    result = notebook.keepMarvel(maya, longText, "2026-11-27", to);
    const std::string title = notebook.entry(result.entryId).data.title;
    EXPECT_LE(codePointCount(title), 120u);
    EXPECT_EQ(title.substr(title.size() - std::strlen("…")), "…");
    EXPECT_EQ(title.find("marvellous …"), std::string::npos) << title;

    to.title = "  Kind at school ";
    result = notebook.keepMarvel(maya, "Walked the new boy to class", "2026-11-27", to);
    EXPECT_EQ(notebook.entry(result.entryId).data.title, "Kind at school");
    EXPECT_EQ(Search(store).find("new boy").size(), 1u); // searchable at once
}

TEST_F(NotebookTest, MarvelRefusalsAreFieldMessagesAndStoreNothing)
{
    MarvelDestination to;
    to.section = Section::MirrorTraits;
    auto errors = errorsOf([&] { notebook.keepMarvel(maya, "Lego all day", "2026-11-27", to); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "section");
    EXPECT_EQ(errors[0].message, "A mirror trait needs both sides. Add this to one you already have, "
                                 "or choose another section.");
    to.section = Section::Interests;
    errors = errorsOf([&] { notebook.keepMarvel(maya, "   ", "2026-12-01", to); });
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].message, "That day is in the future. Please check it.");
    EXPECT_EQ(errors[1].message, "Please write what you noticed.");
    to.title = repeated("x", 121);
    errors = errorsOf([&] { notebook.keepMarvel(maya, "Lego", "2026-11-27", to); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "title");
    to.title.clear();
    EXPECT_THROW(notebook.keepMarvel(9999, "Lego", "2026-11-27", to), StorageError);
    EXPECT_EQ(rows("notebook_entries"), 0);
    EXPECT_EQ(rows("notebook_evidence"), 0);
}

TEST_F(NotebookTest, AFileFromBeforeTheNotebookMigratesAndKeepsItsChildren)
{
    // The production steps up to (not including) the notebook's, found by name so the lead
    // can renumber steps at merge.
    std::vector<MigrationStep> before;
    for (const auto& step : migrationSteps()) {
        if (std::string(step.name).rfind("notebook:", 0) == 0)
            break;
        before.push_back(step);
    }
    ASSERT_LT(before.size(), migrationSteps().size());
    const auto path = dir / "old.sqlite";
    {
        OpenOptions options;
        options.steps = &before;
        Database old = Database::create(path, options);
        old.sql().exec("INSERT INTO children (uuid, name, created_at, updated_at) VALUES ('c1', 'Maya', 1, 1)");
    }
    Database migrated = Database::open(path);
    EXPECT_EQ(migrated.schemaVersion(), Database::latestSchemaVersion());
    Store newStore(migrated, clock, 3);
    Notebook book(newStore);
    const Id child = Family(newStore).findChildByName("Maya");
    ASSERT_NE(child, 0);
    const Id lego = book.addEntry(child, draft(Section::Interests, "Lego")).meta.id;
    book.addEvidence(lego, EvidenceSide::Entry, "2026-11-01", "Castle");
    EXPECT_EQ(Search(newStore).find("castle").size(), 1u);
}
