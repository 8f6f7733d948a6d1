// SPDX-License-Identifier: MIT
// The demo notebooks: repeatable, plentiful, varied and valid.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/NotebookDemo.h"
#include "attune/core/Search.h"
#include "attune/core/Store.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <set>

using namespace attune;
using namespace attune::core;

namespace {

struct DemoFamily {
    test::FixedClock clock;
    Database db = Database::openInMemory();
    Store store{db, clock, 5};
    std::vector<Id> children;

    DemoFamily()
    {
        Family family(store);
        const std::pair<const char*, const char*> kids[] = {
            {"Maya Rose", "2011-03-14"}, {"Leo", "2014-07-02"}, {"Ava", "2017-11-20"}, {"Sam", ""}};
        for (const auto& [name, birth] : kids) {
            ChildDraft child;
            child.name = name;
            child.birthDate = birth;
            children.push_back(family.addChild(child).meta.id);
        }
    }

    int scalar(const std::string& sql) { return db.sql().execAndGet(sql).getInt(); }

    // Everything a parent would see, as one string, to compare two runs.
    std::string dump()
    {
        std::string text;
        SQLite::Statement rows(db.sql(), "SELECT e.child_id, e.section, e.title, e.shine, e.details, e.noticed_on, "
                                         "e.is_pinned, e.uses, e.sort_order, v.side, v.day, v.note "
                                         "FROM notebook_entries e LEFT JOIN notebook_evidence v ON v.entry_id = e.id "
                                         "ORDER BY e.id, v.id");
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i)
                text += rows.getColumn(i).getString() + "|";
            text += "\n";
        }
        return text;
    }
};

} // namespace

TEST(NotebookDemoTest, TenYearsOfFourChildrenIsRichAndValid)
{
    DemoFamily family;
    const NotebookDemoCounts counts = addNotebookDemo(family.store, family.children, 10, 42);
    EXPECT_GE(counts.entries, 180);
    EXPECT_GE(counts.evidence, 2000);
    EXPECT_EQ(family.scalar("SELECT count(*) FROM notebook_entries"), counts.entries);
    EXPECT_EQ(family.scalar("SELECT count(*) FROM notebook_evidence"), counts.evidence);

    // Every section, for every child; mirror traits with both columns; pins and uses.
    EXPECT_EQ(family.scalar("SELECT count(DISTINCT child_id || section) FROM notebook_entries"), 4 * 6);
    EXPECT_GT(family.scalar("SELECT count(*) FROM notebook_evidence WHERE side = 'struggle'"), 20);
    EXPECT_GT(family.scalar("SELECT count(*) FROM notebook_evidence WHERE side = 'shine'"), 40);
    EXPECT_GT(family.scalar("SELECT count(*) FROM notebook_entries WHERE is_pinned"), 10);
    EXPECT_GT(family.scalar("SELECT count(DISTINCT uses) FROM notebook_entries"), 20);
    EXPECT_GT(family.scalar("SELECT count(DISTINCT note) FROM notebook_evidence"), 1000);

    // Nothing in the future, nothing before a child could have done it, ten years covered.
    EXPECT_EQ(family.scalar("SELECT count(*) FROM notebook_evidence WHERE day > '2026-11-28'"), 0);
    EXPECT_EQ(family.scalar("SELECT count(*) FROM notebook_entries WHERE noticed_on > '2026-11-28'"), 0);
    EXPECT_EQ(family.scalar("SELECT count(*) FROM notebook_evidence v JOIN notebook_entries e ON e.id = v.entry_id "
                            "JOIN children c ON c.id = e.child_id WHERE c.birth_date <> '' AND v.day < c.birth_date"),
              0);
    EXPECT_EQ(family.db.sql().execAndGet("SELECT min(day) < '2018-01-01' FROM notebook_evidence").getInt(), 1);

    // The index followed along, and the queries have something to show.
    EXPECT_EQ(family.scalar("SELECT count(*) FROM search_docs"), counts.entries + counts.evidence);
    Search search(family.store);
    EXPECT_FALSE(search.find("lego").empty());
    EXPECT_FALSE(search.find("zoe").empty());
    Notebook notebook(family.store);
    EXPECT_FALSE(notebook.interestTitles(family.children[0]).empty());
    EXPECT_FALSE(notebook.strengthsForUses(family.children[0], {Use::CoolDown, Use::Transitions, Use::Repair}).empty());
    int onThisDay = 0;
    for (const Id child : family.children)
        onThisDay += notebook.onThisDay(child, "2026-11-28").has_value() ? 1 : 0;
    EXPECT_GE(onThisDay, 2);
}

TEST(NotebookDemoTest, SameSeedSameNotebooksOtherSeedOtherNotebooks)
{
    DemoFamily first;
    DemoFamily second;
    DemoFamily other;
    addNotebookDemo(first.store, first.children, 3, 7);
    addNotebookDemo(second.store, second.children, 3, 7);
    addNotebookDemo(other.store, other.children, 3, 8);
    EXPECT_EQ(first.dump(), second.dump());
    EXPECT_NE(first.dump(), other.dump());
    EXPECT_GT(first.scalar("SELECT count(*) FROM notebook_entries"), 20);
}

TEST(NotebookDemoTest, NoYearsOrNoChildrenAddNothing)
{
    DemoFamily family;
    EXPECT_EQ(addNotebookDemo(family.store, family.children, 0, 1).entries, 0);
    EXPECT_EQ(addNotebookDemo(family.store, {}, 10, 1).entries, 0);
    EXPECT_EQ(family.scalar("SELECT count(*) FROM notebook_entries"), 0);
}
