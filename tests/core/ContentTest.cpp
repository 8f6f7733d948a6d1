// SPDX-License-Identifier: MIT
// The content files the app ships parse, and hold what the screens need.
#include "TestSupport.h"

#include "attune/core/Content.h"
#include "attune/core/Notebook.h"

#include <gtest/gtest.h>

#include <iterator>
#include <set>

using namespace attune;

namespace {
std::string content(const std::string& name)
{
    return test::readFile(std::filesystem::path(ATTUNE_SOURCE_DIR) / "resources" / "content" / name);
}
} // namespace

TEST(Content, CoregulationCategoriesCoverTheProfile)
{
    const auto categories = core::parseCoregCategories(content("coregulation.json"));
    std::set<std::string> keys;
    for (const auto& category : categories) {
        keys.insert(category.key);
        EXPECT_FALSE(category.title.empty());
        EXPECT_GE(category.suggestions.size(), 3u) << category.key;
    }
    for (const char* key : {"touch", "eye_contact", "proximity", "voice", "light", "sound", "movement",
                            "deep_pressure", "sensory_materials", "body_budget", "overloads", "warning_signs",
                            "not_to_do", "words_that_help"})
        EXPECT_TRUE(keys.count(key)) << key;
}

TEST(Content, HelplinesHaveAnEmergencyNumberPerLocale)
{
    std::string defaultLocale;
    const auto locales = core::parseHelplines(content("helplines.json"), &defaultLocale);
    EXPECT_FALSE(defaultLocale.empty());
    bool sawDefault = false;
    for (const auto& locale : locales) {
        sawDefault = sawDefault || locale.code == defaultLocale;
        if (locale.code != "OTHER") {
            EXPECT_FALSE(locale.emergency.empty()) << locale.code;
        }
    }
    EXPECT_TRUE(sawDefault);
}

TEST(Content, CrisisDisclaimerAndTipsParse)
{
    const auto crisis = core::parseCrisis(content("crisis.json"));
    EXPECT_GE(crisis.steps.size(), 4u);
    EXPECT_NE(crisis.steps.front().body.find("{emergency}"), std::string::npos);
    EXPECT_GE(core::parseDisclaimer(content("disclaimer.json")).points.size(), 4u);
    EXPECT_GE(core::parseTips(content("tips.json")).size(), 20u);
}

TEST(Content, FeelingsHaveCoreWordsAndSimpleOnes)
{
    const auto groups = core::parseFeelings(content("feelings.json"));
    ASSERT_EQ(groups.size(), 8u);
    EXPECT_EQ(groups.front().key, "happy");
    EXPECT_EQ(groups.front().word, "Happy");
    for (const auto& group : groups) {
        EXPECT_FALSE(group.word.empty());
        EXPECT_GE(group.simple.size(), 2u) << group.key;
        for (const auto& word : group.simple)
            EXPECT_LE(word.size(), 40u) << word; // fits a session's mood (limits::kMoodMax)
    }
}

TEST(Content, ActivityIdeasAreChildLedPlay)
{
    const auto ideas = core::parseActivities(content("activities.json"));
    EXPECT_GE(ideas.activities.size(), 10u);
    EXPECT_EQ(ideas.activities.front(), "Lego");
    EXPECT_NE(ideas.avoidNote.find("Screens"), std::string::npos);
    EXPECT_THROW(core::parseActivities(R"({"version": 1, "activities": [1]})"), std::runtime_error);
    EXPECT_THROW(core::parseFeelings(R"({"version": 1, "groups": [{"key": "x"}]})"), std::runtime_error);
}

TEST(Content, UsesMatchTheNotebookUsesInOrder)
{
    const auto uses = core::parseUses(content("uses.json"));
    ASSERT_EQ(uses.size(), std::size(core::kAllUses));
    for (std::size_t i = 0; i < uses.size(); ++i) {
        EXPECT_EQ(uses[i].key, core::toString(core::kAllUses[i]));
        EXPECT_FALSE(uses[i].label.empty());
        EXPECT_FALSE(uses[i].hint.empty());
    }
}

TEST(Content, MalformedFilesNameWhatIsWrong)
{
    EXPECT_THROW(core::parseTips("{"), std::runtime_error);
    EXPECT_THROW(core::parseTips(R"({"version": 2, "tips": []})"), std::runtime_error);
    try {
        core::parseCrisis(R"({"version": 1, "title": "x", "intro": "y"})");
        FAIL();
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("steps"), std::string::npos);
    }
}
