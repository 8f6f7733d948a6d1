// SPDX-License-Identifier: MIT
// Demo reflections are realistic in number and shape, valid by the services' own rules, and
// the same every time for the same seed and clock.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/ReflectionCatalog.h"
#include "attune/core/ReflectionDemo.h"
#include "attune/core/Store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {

struct DemoFamily {
    test::FixedClock clock;
    Database db = Database::openInMemory();
    Store store{db, clock, 1};
    std::vector<Id> children;

    DemoFamily()
    {
        Family family(store);
        // The migration gives "Me" a random uuid; pin it so two files can be compared.
        db.sql().exec("UPDATE caregivers SET uuid = '00000000-0000-4000-8000-000000000001'");
        store.setActor(family.caregivers().front().meta.uuid);
        const std::pair<const char*, const char*> kids[] = {
            {"Maya", "2019-04-23"}, {"Leo", "2016-09-02"}, {"Ava", "2012-01-15"}, {"Sam", ""}};
        for (const auto& [name, birth] : kids) {
            ChildDraft draft;
            draft.name = name;
            draft.birthDate = birth;
            children.push_back(family.addChild(draft).meta.id);
        }
        family.addCoregItem(children[0], "touch", "Firm hug", CoregRating::Helps);
        family.addCoregItem(children[0], "voice", "Quiet voice", CoregRating::Helps);
    }

    std::string dump(const std::string& table)
    {
        SQLite::Statement rows(db.sql(), "SELECT * FROM " + table + " ORDER BY id");
        std::string text;
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i)
                text += rows.getColumn(i).getString() + "|";
            text += "\n";
        }
        return text;
    }
};

} // namespace

TEST(ReflectionDemo, TenYearsOfFourChildrenIsRealisticAndValid)
{
    DemoFamily demo;
    const ReflectionDemoCounts counts = addReflectionDemo(demo.store, demo.children, 10, 7);
    // Two to five a month per child while they are old enough (Maya is 7, Ava 14).
    EXPECT_GT(counts.reflections, 800);
    EXPECT_LT(counts.reflections, 2000);
    EXPECT_GT(counts.problems, 10);
    EXPECT_GT(counts.talks, counts.problems / 2);
    EXPECT_GT(counts.openRepairs, 0);

    Reflections reflections(demo.store);
    Plans plans(demo.store);
    int drafts = 0;
    std::set<ProblemStatus> statuses;
    for (const Id child : demo.children) {
        drafts += static_cast<int>(reflections.openDrafts(child).size());
        for (const auto& summary : reflections.list(child, 5000)) {
            const Reflection r = reflections.reflection(summary.id);
            EXPECT_TRUE(validateReflection(r.data, shippedReflectionCatalog(), demo.clock.today()).empty())
                << "reflection " << summary.id;
            EXPECT_FALSE(r.data.summary.empty());
        }
        for (const auto& problem : plans.problems(child)) {
            statuses.insert(problem.data.status);
            EXPECT_TRUE(validateProblem(problem.data).empty());
            EXPECT_TRUE(unsolvedProblemHints(problem.data.text).empty()) << problem.data.text;
            for (const auto& talk : plans.talks(problem.meta.id))
                EXPECT_TRUE(validatePlanBTalk(talk.data).empty()) << "talk " << talk.meta.id;
        }
    }
    EXPECT_EQ(drafts, counts.drafts);
    EXPECT_EQ(statuses.size(), 4u) << "problems across every status";
    SQLite::Statement foreignKeys(demo.db.sql(), "PRAGMA foreign_key_check");
    EXPECT_FALSE(foreignKeys.executeStep());
}

TEST(ReflectionDemo, SameSeedSameRows)
{
    DemoFamily first;
    DemoFamily second;
    addReflectionDemo(first.store, first.children, 2, 99);
    addReflectionDemo(second.store, second.children, 2, 99);
    EXPECT_EQ(first.dump("reflections"), second.dump("reflections"));
    EXPECT_EQ(first.dump("problems"), second.dump("problems"));
    EXPECT_EQ(first.dump("plan_b_talks"), second.dump("plan_b_talks"));
    DemoFamily other;
    addReflectionDemo(other.store, other.children, 2, 100);
    EXPECT_NE(first.dump("reflections"), other.dump("reflections"));
}
