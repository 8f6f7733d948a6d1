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
