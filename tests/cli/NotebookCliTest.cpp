// SPDX-License-Identifier: MIT
// attune-cli notebook: add, evidence, list and search end to end, through the real binary.
#include "CliHarness.h"

#include <gtest/gtest.h>

using namespace attune;

namespace {

using test::CliRun;

// One shell word, whatever it holds.
std::string shellWord(const std::string& text)
{
    std::string word = "'";
    for (const char c : text) {
        if (c == '\'')
            word += "'\\''";
        else
            word += c;
    }
    return word + "'";
}

class NotebookCliTest : public test::CliHarness {
protected:
    CliRun search(const std::string& query, const std::string& extra = {})
    {
        return cli("notebook search " + extra + " -- " + shellWord(query));
    }

    void SetUp() override
    {
        ASSERT_EQ(cli("init").exitCode, 0);
        ASSERT_EQ(cli("child add Maya --birth-date 2016-05-02").exitCode, 0);
        ASSERT_EQ(cli("child add Leo --birth-date 2019-09-14").exitCode, 0);
    }

    static bool has(const CliRun& run, const std::string& text) { return run.output.find(text) != std::string::npos; }
};

} // namespace

TEST_F(NotebookCliTest, AddEvidenceListAndSearchRoundTrip)
{
    CliRun add = cli("notebook add --child maya --section interests --uses cool_down,connection --pin "
                     "--noticed 2021-03-04 --details 'Knows every sauropod.' 'Dinosaurs 🦕'");
    ASSERT_EQ(add.exitCode, 0) << add.output;
    EXPECT_TRUE(has(add, "Added #1 to Interests.")) << add.output;
    CliRun mirror = cli("notebook add --child Maya --section mirror_traits --shine 'Spends all day on a detailed "
                        "Lego build' \"Can't focus on homework\"");
    ASSERT_EQ(mirror.exitCode, 0) << mirror.output;
    ASSERT_EQ(cli("notebook evidence 2 'Built a Lego castle with Zoë' --day 2025-03-01").exitCode, 0);
    ASSERT_EQ(cli("notebook evidence 2 'Stared at the worksheet' --side struggle --day 2025-03-02").exitCode, 0);
    ASSERT_EQ(cli("notebook evidence 1 'Told the museum guide about Triceratops' --day 2024-05-06").exitCode, 0);
    ASSERT_EQ(cli("notebook add --child Leo --section interests Trains --details 'Also likes dinosaurs.'").exitCode, 0);

    CliRun list = cli("notebook list --child Maya");
    ASSERT_EQ(list.exitCode, 0) << list.output;
    EXPECT_TRUE(has(list, "Maya's notebook"));
    EXPECT_TRUE(has(list, "How they think, speak and learn (0)"));
    EXPECT_TRUE(has(list, "* #1 Dinosaurs 🦕  · 1 note  · helps: connection, cool down")) << list.output;
    EXPECT_TRUE(has(list, "#2 Can't focus on homework  <->  Spends all day on a detailed Lego build  · 1 note | 1 note"))
        << list.output;
    EXPECT_FALSE(has(list, "Trains"));

    CliRun found = search("zoe");
    ASSERT_EQ(found.exitCode, 0) << found.output;
    EXPECT_TRUE(has(found, "Maya · Can't focus on homework #2 (evidence)")) << found.output;
    EXPECT_TRUE(has(found, "Built a Lego castle with **Zoë**")) << found.output;

    CliRun both = search("dinosaur");
    EXPECT_TRUE(has(both, "Maya · Dinosaurs 🦕 #1 (entry)")) << both.output;
    EXPECT_TRUE(has(both, "Leo · Trains")) << both.output;
    CliRun leoOnly = search("dinosaur", "--child leo");
    EXPECT_FALSE(has(leoOnly, "Maya")) << leoOnly.output;
    EXPECT_TRUE(has(leoOnly, "**dinosaurs**")) << leoOnly.output;
}

TEST_F(NotebookCliTest, SearchTakesAnyTextAsPlainWords)
{
    ASSERT_EQ(cli("notebook add --child Maya --details 'Rock and roll, not jazz (loud) \"star\"' 'Music'").exitCode, 0);
    for (const std::string query : {"\"", "\"unbalanced", "AND", "rock AND roll", "NOT jazz", "NEAR(a b)", "*", "^",
                                    "title:music", "(loud", ")", "-", "-rock", ":)", "🦕", "'; DROP TABLE children; --",
                                    "\\", "\"star\"", "crème brûlée", "%_"}) {
        const CliRun run = search(query);
        EXPECT_EQ(run.exitCode, 0) << query << "\n" << run.output;
    }
    EXPECT_TRUE(has(search("rock AND roll"), "Maya · Music #1 (entry)"));
    EXPECT_TRUE(has(search("(loud"), "**loud**"));
    EXPECT_TRUE(has(search("\"star\""), "**star**"));
    CliRun nothing = search("kayak");
    EXPECT_EQ(nothing.exitCode, 0);
    EXPECT_TRUE(has(nothing, "Nothing found for \"kayak\".")) << nothing.output;
    EXPECT_EQ(cli("child list").exitCode, 0); // the table is still there
}

TEST_F(NotebookCliTest, BadInputIsRefusedWithTheRuleAndNothingStored)
{
    CliRun blank = cli("notebook add --child Maya '   '");
    EXPECT_EQ(blank.exitCode, 1);
    EXPECT_TRUE(has(blank, "Please give this a title.")) << blank.output;
    CliRun future = cli("notebook add --child Maya Kind --noticed 2999-01-01");
    EXPECT_EQ(future.exitCode, 1);
    EXPECT_TRUE(has(future, "That date is in the future. Please check it.")) << future.output;
    CliRun noShine = cli("notebook add --child Maya --section mirror_traits 'Loud'");
    EXPECT_EQ(noShine.exitCode, 1);
    EXPECT_TRUE(has(noShine, "Please describe where the same trait shines.")) << noShine.output;
    CliRun section = cli("notebook add --child Maya --section hobbies Kind");
    EXPECT_EQ(section.exitCode, 1);
    EXPECT_TRUE(has(section, "There is no section \"hobbies\"")) << section.output;
    CliRun use = cli("notebook add --child Maya --uses calm Kind");
    EXPECT_EQ(use.exitCode, 1);
    EXPECT_TRUE(has(use, "There is no use \"calm\"")) << use.output;
    CliRun nobody = cli("notebook add --child Nobody Kind");
    EXPECT_EQ(nobody.exitCode, 1);
    EXPECT_TRUE(has(nobody, "There is no child called \"Nobody\"")) << nobody.output;
    CliRun missingEntry = cli("notebook evidence 99 'Something'");
    EXPECT_EQ(missingEntry.exitCode, 1);
    EXPECT_TRUE(has(missingEntry, "That notebook entry is no longer here.")) << missingEntry.output;
    EXPECT_NE(cli("notebook list").exitCode, 0); // --child is required: a usage error

    CliRun list = cli("notebook list --child Maya");
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_FALSE(has(list, "#1")) << list.output;
}
