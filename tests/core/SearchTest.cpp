// SPDX-License-Identifier: MIT
// Full-text search: what it finds, how it ranks and highlights, that anything a parent types is
// safe, and that the index follows every edit, trash and restore.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"
#include "attune/core/Migrations.h"
#include "attune/core/Notebook.h"
#include "attune/core/Search.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/Trash.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <random>

using namespace attune;
using namespace attune::core;

namespace {

class SearchTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock;
    Database db = Database::create(dir / "search.sqlite");
    Store store{db, clock, 11};
    Family family{store};
    Notebook notebook{store};
    Search search{store};
    Id maya = 0;
    Id leo = 0;
    Id dinosaurs = 0;
    Id baking = 0;
    Id focus = 0;
    Id castleLine = 0;
    Id zoeLine = 0;

    void SetUp() override
    {
        ChildDraft child;
        child.name = "Maya";
        maya = family.addChild(child).meta.id;
        child.name = "Leo";
        leo = family.addChild(child).meta.id;

        EntryDraft d;
        d.section = Section::Interests;
        d.title = "Dinosaurs 🦕";
        d.details = "Knows every sauropod, and the Triceratops too.";
        dinosaurs = notebook.addEntry(maya, d).meta.id;
        d.title = "Baking";
        d.details = "Made crème brûlée for Grandma's birthday.";
        baking = notebook.addEntry(maya, d).meta.id;
        d.section = Section::MirrorTraits;
        d.title = "Can't focus on homework";
        d.shine = "Spends all day on a detailed Lego build";
        d.details.clear();
        focus = notebook.addEntry(maya, d).meta.id;
        castleLine = notebook.addEvidence(focus, EvidenceSide::Shine, "2026-10-04", "Built a Lego castle with a working drawbridge").meta.id;
        zoeLine = notebook.addEvidence(dinosaurs, EvidenceSide::Entry, "2026-09-01", "Told Zoë all about the stegosaurus").meta.id;

        EntryDraft l;
        l.section = Section::Interests;
        l.title = "Trains";
        l.details = "Waves at every train. Also loves dinosaurs.";
        notebook.addEntry(leo, l);
    }

    std::vector<std::string> labels(const std::string& typed, Id child = 0)
    {
        std::vector<std::string> result;
        for (const auto& hit : search.find(typed, child))
            result.push_back(hit.label);
        return result;
    }

    std::size_t count(const std::string& typed) { return search.find(typed).size(); }
};

std::string marked(const std::string& word)
{
    return std::string(1, kMatchStart) + word + std::string(1, kMatchEnd);
}

} // namespace

TEST_F(SearchTest, QueryQuotesEveryWordAndPrefixesTheLastOne)
{
    EXPECT_EQ(ftsQueryFor("lego castle"), "\"lego\" \"castle\"*");
    EXPECT_EQ(ftsQueryFor("lego castle "), "\"lego\" \"castle\"");
    EXPECT_EQ(ftsQueryFor("  say \"hi\"\t"), "\"say\" \"\"\"hi\"\"\"");
    EXPECT_EQ(ftsQueryFor("NOT"), "\"NOT\"*");
    EXPECT_EQ(ftsQueryFor(std::string("a\0b", 3)), "\"a\" \"b\"*");
    EXPECT_EQ(ftsQueryFor(" \t\r\n "), "");
    EXPECT_EQ(ftsQueryFor(""), "");
}

TEST_F(SearchTest, FindsTitlesDetailsEvidenceAndBothMirrorSides)
{
    auto hits = search.find("drawbridge");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].kind, search_kind::kEvidence);
    EXPECT_EQ(hits[0].refId, castleLine);
    EXPECT_EQ(hits[0].ownerId, focus);
    EXPECT_EQ(hits[0].childId, maya);
    EXPECT_EQ(hits[0].label, "Can't focus on homework");

    hits = search.find("sauropod");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].kind, search_kind::kEntry);
    EXPECT_EQ(hits[0].refId, dinosaurs);
    EXPECT_EQ(hits[0].ownerId, dinosaurs);

    EXPECT_EQ(labels("homework"), (std::vector<std::string>{"Can't focus on homework"}));
    EXPECT_EQ(labels("detailed lego build"), (std::vector<std::string>{"Can't focus on homework"}));
    EXPECT_EQ(count("nothing like this"), 0u);
}

TEST_F(SearchTest, AccentsMatchEitherWay)
{
    EXPECT_EQ(labels("creme brulee"), (std::vector<std::string>{"Baking"}));
    EXPECT_EQ(labels("Crème Brûlée"), (std::vector<std::string>{"Baking"}));
    EXPECT_EQ(labels("zoe"), (std::vector<std::string>{"Dinosaurs 🦕"}));
    EXPECT_EQ(labels("ZOË"), (std::vector<std::string>{"Dinosaurs 🦕"}));
    EXPECT_EQ(labels("grandmas"), std::vector<std::string>{}); // "Grandma's" is two words: grandma, s
    EXPECT_EQ(labels("grandma's"), (std::vector<std::string>{"Baking"}));
}

TEST_F(SearchTest, ResultsComeAsYouTypeWithThePartWordAsAPrefix)
{
    EXPECT_EQ(count("d"), 4u); // Dinosaurs, "day"/"detailed", "drawbridge", Leo's "dinosaurs"
    EXPECT_EQ(count("din"), 2u);
    EXPECT_EQ(count("dinosaur"), 2u);
    EXPECT_EQ(count("dinosaur "), 0u); // a finished word matches whole words only
    EXPECT_EQ(count("dinosaurs "), 2u);
    EXPECT_EQ(count("lego cas"), 1u);
    // A lone first letter lists the most recently written first instead of ranking the lot.
    const auto firstLetter = search.find("d");
    ASSERT_FALSE(firstLetter.empty());
    EXPECT_EQ(firstLetter[0].label, "Trains");
    EXPECT_EQ(firstLetter[1].refId, castleLine);
    EXPECT_EQ(firstLetter[1].kind, search_kind::kEvidence);
}

TEST_F(SearchTest, FiltersByChild)
{
    EXPECT_EQ(labels("dinosaurs", maya), (std::vector<std::string>{"Dinosaurs 🦕"}));
    EXPECT_EQ(labels("dinosaurs", leo), (std::vector<std::string>{"Trains"}));
    EXPECT_EQ(labels("dinosaurs").size(), 2u);
}

TEST_F(SearchTest, RankedBestFirstWithTitlesAboveDetails)
{
    // "dinosaurs" is Maya's title but only in Leo's details: the title wins.
    auto hits = search.find("dinosaurs");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].label, "Dinosaurs 🦕");
    EXPECT_LE(hits[0].rank, hits[1].rank);
    EXPECT_EQ(search.find("d", 0, 2).size(), 2u); // the limit holds
    EXPECT_TRUE(search.find("d", 0, 0).empty());
}

TEST_F(SearchTest, SnippetsMarkTheMatchedWords)
{
    auto hits = search.find("drawbr");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].snippet, "Built a Lego castle with a working " + marked("drawbridge"));
    hits = search.find("creme");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_NE(hits[0].snippet.find(marked("crème")), std::string::npos) << hits[0].snippet;

    // A long text is cut around the match with an ellipsis.
    EntryDraft d;
    d.section = Section::Growing;
    d.title = "Patience";
    d.details = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen waited eighteen nineteen twenty twenty-one twenty-two twenty-three.";
    notebook.addEntry(maya, d);
    hits = search.find("waited");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_NE(hits[0].snippet.find(marked("waited")), std::string::npos);
    EXPECT_NE(hits[0].snippet.find(kSnippetEllipsis), std::string::npos);

    // Marker characters a parent pasted are never mistaken for highlights.
    notebook.addEvidence(baking, EvidenceSide::Entry, "2026-11-01", std::string("odd \x02pasted\x03 text"));
    hits = search.find("odd");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].snippet, marked("odd") + "  pasted  text");
}

TEST_F(SearchTest, EmojiAndHardTextAreSearchable)
{
    EXPECT_EQ(labels("🦕"), (std::vector<std::string>{"Dinosaurs 🦕"}));
    notebook.addEvidence(baking, EvidenceSide::Entry, "2026-11-01", test::hardText());
    EXPECT_EQ(labels("DROP TABLE children"), (std::vector<std::string>{"Baking"}));
    EXPECT_EQ(labels("\"quoted\""), (std::vector<std::string>{"Baking"}));
    EXPECT_EQ(count("nul after"), 1u);
}

TEST_F(SearchTest, FtsSyntaxTypedAsPlainTextIsPlainText)
{
    EntryDraft d;
    d.section = Section::Strengths;
    d.title = "Rock and roll, not jazz";
    d.details = "Near the front: (loud) -- \"star\" * ^ fan";
    notebook.addEntry(maya, d);
    for (const std::string word : {"AND", "and", "NOT", "not", "NEAR", "near", "OR"}) {
        EXPECT_NO_THROW(search.find(word)) << word;
    }
    EXPECT_EQ(labels("rock AND roll"), (std::vector<std::string>{"Rock and roll, not jazz"}));
    EXPECT_EQ(labels("NOT jazz"), (std::vector<std::string>{"Rock and roll, not jazz"}));
    EXPECT_EQ(labels("near front"), (std::vector<std::string>{"Rock and roll, not jazz"}));
    EXPECT_EQ(labels("front: (loud)"), (std::vector<std::string>{"Rock and roll, not jazz"}));
    EXPECT_EQ(labels("\"star\" fan"), (std::vector<std::string>{"Rock and roll, not jazz"}));
    EXPECT_EQ(labels("rock OR jazz"), std::vector<std::string>{}); // "or" is a word, not an operator
    EXPECT_EQ(labels("jazz -rock"), (std::vector<std::string>{"Rock and roll, not jazz"})); // "-" is not NOT
    EXPECT_EQ(labels("can't"), (std::vector<std::string>{"Can't focus on homework"}));
}

TEST_F(SearchTest, AnythingAParentTypesIsSafe)
{
    const std::vector<std::string> nasty = {
        "\"", "\"\"", "\"unbalanced", "unbalanced\"", "'", "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "NEAR/3",
        "a NEAR/2 b", "*", "**", "a*", "*a", "^", "^start", "title:", "title:lego", "{title body}: x", "body:x",
        "(", ")", "()", "(a OR b)", "-", "--", "a - b", "+", ":", ":)", ";)", "🦕", "👨‍👩‍👧", "\xEF\xB8\x8F",
        "'; DROP TABLE children; --", "\\", "\\\"", "%", "_", "\xFF\xFE", "\xC3", std::string(1, '\0'),
        std::string("a\0b", 3), "\x01\x02\x03", "\t\n", "…", "«»", "“smart quotes”", "ß", "İstanbul",
        "עברית", "日本語", "a\"b\"c", "\"\" OR \"\"", "a AND", "AND a", "OR OR OR", "NOT NOT", "x:y:z",
        "rowid", "rank", "search_fts", "MATCH", "a'b", "col*:", "0", "-1", "1e10", "NULL",
    };
    for (const auto& typed : nasty) {
        EXPECT_NO_THROW(search.find(typed)) << typed;
        EXPECT_NO_THROW(search.find(typed + " ")) << typed;
        EXPECT_NO_THROW(search.find("lego " + typed)) << typed;
        EXPECT_NO_THROW(search.find(typed + " lego")) << typed;
    }
    EXPECT_NO_THROW(search.find(std::string(20'000, 'a')));
    std::string manyWords;
    for (int i = 0; i < 500; ++i)
        manyWords += "lego ";
    EXPECT_NO_THROW(search.find(manyWords));
    EXPECT_NO_THROW(search.find(test::hardText()));
    EXPECT_NO_THROW(search.find(test::bigText(100'000)));

    // Random mixes of FTS syntax, quotes, accents, emoji and bytes.
    const std::vector<std::string> pieces = {"\"", "'", "*", "^", ":", "(", ")", "-", "+", "{", "}", " ", " ",
                                             "AND", "OR", "NOT", "NEAR", "/", ",", ".", "lego", "é", "🦕", "\xFF",
                                             "\\", "%", "\t", "castle", "c", "ë", "\xE2\x80\x8F", "0"};
    std::mt19937 engine(2026);
    for (int round = 0; round < 2000; ++round) {
        std::string typed;
        const auto length = engine() % 12;
        for (unsigned i = 0; i < length; ++i)
            typed += pieces[engine() % pieces.size()];
        EXPECT_NO_THROW(search.find(typed)) << typed;
    }
}

TEST_F(SearchTest, EditsAreSearchableAtOnce)
{
    EntryDraft d = notebook.entry(baking).data;
    d.title = "Cooking";
    d.details = "Makes pancakes on Sundays.";
    notebook.updateEntry(baking, notebook.entry(baking).data, d);
    EXPECT_EQ(count("brulee"), 0u);
    EXPECT_EQ(labels("pancakes"), (std::vector<std::string>{"Cooking"}));

    // Evidence hits show the entry's current title.
    d = notebook.entry(focus).data;
    d.title = "Homework is hard";
    notebook.updateEntry(focus, notebook.entry(focus).data, d);
    EXPECT_EQ(labels("drawbridge"), (std::vector<std::string>{"Homework is hard"}));

    notebook.updateEvidence(notebook.evidenceLine(castleLine), "2026-10-04", "Built a pirate ship");
    EXPECT_EQ(count("drawbridge"), 0u);
    EXPECT_EQ(count("pirate"), 1u);
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM search_queue").getInt(), 0); // nothing left behind
}

TEST_F(SearchTest, TrashedRecordsAndChildrenNeverAppear)
{
    notebook.trashEvidence(zoeLine);
    EXPECT_EQ(count("zoe"), 0u);
    notebook.restoreEvidence(zoeLine);
    EXPECT_EQ(count("zoe"), 1u);

    // Trashing an entry hides its evidence too; the trash brings both back.
    notebook.trashEntry(focus);
    EXPECT_EQ(count("homework"), 0u);
    EXPECT_EQ(count("drawbridge"), 0u);
    Trash trash(store);
    for (const auto& entry : trash.entries())
        trash.restore(entry);
    EXPECT_EQ(count("homework"), 1u);
    EXPECT_EQ(count("drawbridge"), 1u);

    family.trashChild(maya);
    EXPECT_EQ(labels("dinosaurs"), (std::vector<std::string>{"Trains"}));
    EXPECT_EQ(count("drawbridge"), 0u);
    family.restoreChild(maya);
    EXPECT_EQ(count("drawbridge"), 1u);
}

TEST_F(SearchTest, CatchesUpWithOtherWritersAndRebuilds)
{
    // An import or a future sync writes the tables directly; triggers queue the change and the
    // next search brings the index up to date.
    db.sql().exec("INSERT INTO notebook_evidence (uuid, entry_id, side, day, note, created_at, updated_at) "
                  "VALUES ('e-import', " + std::to_string(baking) + ", 'entry', '2026-01-01', 'Imported kayak trip', 1, 1)");
    EXPECT_EQ(count("kayak"), 1u);
    db.sql().exec("UPDATE notebook_evidence SET deleted_at = 5 WHERE uuid = 'e-import'");
    EXPECT_EQ(count("kayak"), 0u);

    db.sql().exec("DELETE FROM search_fts");
    EXPECT_EQ(count("drawbridge"), 0u);
    search.rebuild();
    EXPECT_EQ(count("drawbridge"), 1u);
    EXPECT_EQ(count("kayak"), 0u);
    EXPECT_EQ(labels("dinosaurs").size(), 2u);
}

TEST_F(SearchTest, OneOnOneNotesAndMarvelsAreFoundAndFollowEdits)
{
    TimeLog log(store);
    SessionDraft draft;
    draft.childId = maya;
    draft.day = "2026-11-20";
    draft.minutes = 20;
    draft.activity = "Lighthouse drawing";
    draft.note = "She explained every window of the lighthouse";
    draft.marvel = "Patient with the tiny brush strokes";
    const Id session = log.addSession(draft).meta.id;
    SessionDraft quiet = draft; // no words at all: nothing to index
    quiet.activity.clear();
    quiet.note.clear();
    quiet.marvel.clear();
    quiet.day = "2026-11-21";
    log.addSession(quiet);

    auto hits = search.find("lighthouse", maya);
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].kind, search_kind::kSession);
    EXPECT_EQ(hits[0].refId, session);
    EXPECT_EQ(hits[0].ownerId, session);
    EXPECT_EQ(hits[0].label, "2026-11-20");
    EXPECT_EQ(search.find("brush", maya).size(), 1U) << "the marvel is searchable";
    EXPECT_TRUE(search.find("lighthouse", leo).empty());

    draft.note = "A quiet afternoon of sketching";
    draft.activity = "Drawing";
    draft.marvel.clear();
    log.updateSession(session, log.session(session).data, draft);
    EXPECT_TRUE(search.find("lighthouse", maya).empty()) << "old words leave the index";
    EXPECT_EQ(search.find("sketching", maya).size(), 1U);

    log.trashSession(session);
    EXPECT_TRUE(search.find("sketching", maya).empty());
    const auto trashed = Trash(store).entries();
    ASSERT_FALSE(trashed.empty());
    Trash(store).restore(trashed.front());
    EXPECT_EQ(search.find("sketching", maya).size(), 1U);
}

TEST_F(SearchTest, AFileFromBeforeSessionSearchIsIndexedWhenItIsOpened)
{
    // A version-4 file with a session already in it, as an older Attune left it.
    const auto older = dir / "older.sqlite";
    {
        std::vector<MigrationStep> steps(migrationSteps().begin(), migrationSteps().begin() + 4);
        OpenOptions options;
        options.steps = &steps;
        Database v4 = Database::create(older, options);
        Store oldStore(v4, clock, 3);
        ChildDraft child;
        child.name = "Ada";
        const Id ada = Family(oldStore).addChild(child).meta.id;
        SessionDraft draft;
        draft.childId = ada;
        draft.day = "2026-11-02";
        draft.minutes = 15;
        draft.note = "Built a marble run together";
        TimeLog(oldStore).addSession(draft);
    }
    Database upgraded = Database::open(older, {});
    Store upgradedStore(upgraded, clock, 4);
    EXPECT_EQ(upgraded.schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(upgraded.sql().execAndGet("SELECT count(*) FROM search_queue").getInt(), 0) << "indexed in the migration";
    EXPECT_EQ(Search(upgradedStore).find("marble").size(), 1U);
}
