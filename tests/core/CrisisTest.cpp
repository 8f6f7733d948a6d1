// SPDX-License-Identifier: MIT
// When the crisis steps show at once (DOMAIN §7.1): the safety gate's answers and phrases
// in what a parent wrote that must, and must not, trigger them.
#include "attune/core/Crisis.h"
#include "attune/core/Reflection.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace attune::core;

namespace {

CrisisCheck check(const std::string& text)
{
    return checkForCrisis(SafetyAnswer::AllSafe, {text});
}

struct Case {
    const char* text;
    CrisisReason reason;
};

} // namespace

TEST(Crisis, EverySafetyGateAnswerButSafeShowsTheStepsAtOnce)
{
    EXPECT_FALSE(checkForCrisis(SafetyAnswer::Unanswered, {}).showCrisisSteps);
    EXPECT_FALSE(checkForCrisis(SafetyAnswer::AllSafe, {}).showCrisisSteps);
    const std::pair<SafetyAnswer, CrisisReason> answers[] = {
        {SafetyAnswer::NeedHelpNow, CrisisReason::AskedForHelp},
        {SafetyAnswer::MightHurtChild, CrisisReason::MightHurtChild},
        {SafetyAnswer::ChildHurt, CrisisReason::ChildHurt},
        {SafetyAnswer::SelfHarm, CrisisReason::SelfHarm},
        {SafetyAnswer::ChildInDanger, CrisisReason::ChildInDanger},
        {SafetyAnswer::InfantCrying, CrisisReason::InfantCrying},
        {SafetyAnswer::MedicalEmergency, CrisisReason::MedicalEmergency},
    };
    for (const auto& [answer, reason] : answers) {
        const CrisisCheck result = checkForCrisis(answer, {});
        EXPECT_TRUE(result.showCrisisSteps) << toString(answer);
        EXPECT_EQ(result.reasons, std::vector<CrisisReason>{reason}) << toString(answer);
    }
}

TEST(Crisis, PhrasesThatMustTrigger)
{
    const Case cases[] = {
        {"I might hurt him", CrisisReason::MightHurtChild},
        {"I'm so afraid I'll hurt her if this goes on", CrisisReason::MightHurtChild},
        {"I\u2019M AFRAID I\u2019LL HURT HER", CrisisReason::MightHurtChild},
        {"scared of what I might do", CrisisReason::MightHurtChild},
        {"I almost hit my son today", CrisisReason::MightHurtChild},
        {"I hit him.", CrisisReason::ChildHurt},
        {"then I shook the baby", CrisisReason::ChildHurt},
        {"My child is hurt", CrisisReason::ChildHurt},
        {"she's bleeding", CrisisReason::ChildHurt},
        {"I want to die", CrisisReason::SelfHarm},
        {"he said he wants to die", CrisisReason::SelfHarm},
        {"I've been having suicidal thoughts", CrisisReason::SelfHarm},
        {"she has been cutting herself", CrisisReason::SelfHarm},
        {"everyone would be better off without me", CrisisReason::SelfHarm},
        {"my partner hits them when drunk", CrisisReason::ChildInDanger},
        {"I think she is being abused", CrisisReason::ChildInDanger},
        {"I can't find my daughter", CrisisReason::ChildInDanger},
        {"The baby won't stop crying and I can't take it", CrisisReason::InfantCrying},
        {"I can't take the crying any more", CrisisReason::InfantCrying},
        {"he's not breathing", CrisisReason::MedicalEmergency},
        {"She swallowed a battery", CrisisReason::MedicalEmergency},
        {"we called 999", CrisisReason::MedicalEmergency},
    };
    for (const auto& [text, reason] : cases) {
        const CrisisCheck result = check(text);
        EXPECT_TRUE(result.showCrisisSteps) << text;
        EXPECT_NE(std::find(result.reasons.begin(), result.reasons.end(), reason), result.reasons.end())
            << text << " should give " << toString(reason);
    }
}

TEST(Crisis, EverydayHardMomentsDoNotTrigger)
{
    // Decisions (see Crisis.cpp): a child hurting someone, an everyday knock, hurt
    // feelings and venting idioms are hard moments, not crises.
    const char* const texts[] = {
        "he hurt his knee on the slide",
        "He hit me when I turned off the TV",
        "she hit her brother and he hit her back",
        "I hurt her feelings when I laughed",
        "I would never hurt him",
        "He cries every morning at drop-off",
        "She was crying for ages after the party",
        "He screamed and kicked the door",
        "I could kill him sometimes, honestly",
        "I yelled and then I hit the pause button",
        "I'm choking back tears writing this",
        "A button is missing from his coat and I can't find her shoes",
        "she said the cake was to die for",
        "",
    };
    for (const char* text : texts)
        EXPECT_FALSE(check(text).showCrisisSteps) << text;
}

TEST(Crisis, WordsMustBeWholeWords)
{
    EXPECT_FALSE(check("choking").reasons.empty());
    EXPECT_TRUE(check("unchoking").reasons.empty());
    EXPECT_FALSE(check("a suicide-prevention leaflet").reasons.empty()) << "punctuation separates words";
    EXPECT_TRUE(check("suicides").reasons.empty());
    EXPECT_TRUE(check("xsuicidal").reasons.empty());
}

TEST(Crisis, ReasonsComeOnceInOrderAcrossAllTexts)
{
    const CrisisCheck result = checkForCrisis(SafetyAnswer::NeedHelpNow,
                                              {"he's not breathing", "I might hurt him", "I might hurt him again"});
    EXPECT_EQ(result.reasons, (std::vector<CrisisReason>{CrisisReason::AskedForHelp, CrisisReason::MightHurtChild,
                                                         CrisisReason::MedicalEmergency}));
}

TEST(Crisis, AReflectionIsCheckedInEveryFreeText)
{
    ReflectionDraft draft;
    draft.safety = SafetyAnswer::AllSafe;
    draft.whatHappened = "Bedtime again.";
    EXPECT_FALSE(checkForCrisis(draft).showCrisisSteps);
    draft.selfCompassion = "Honestly I want to die some days";
    EXPECT_EQ(checkForCrisis(draft).reasons, std::vector<CrisisReason>{CrisisReason::SelfHarm});
}

TEST(Crisis, TriggersCanComeFromAFile)
{
    const CrisisTriggers custom = parseCrisisTriggers(R"({"version": 1,
        "words": {"kid": ["him", "my boy"]},
        "ignore": ["not really"],
        "triggers": [{"reason": "child_in_danger", "phrases": ["locked {kid} out"]}]})");
    EXPECT_EQ(custom.phrases.size(), 2u);
    EXPECT_TRUE(checkForCrisis(SafetyAnswer::AllSafe, {"They locked my boy out"}, custom).showCrisisSteps);
    EXPECT_FALSE(checkForCrisis(SafetyAnswer::AllSafe, {"I might hurt him"}, custom).showCrisisSteps);
    // The built-in list is in the same format, ready to become resources/content/crisis-triggers.json.
    EXPECT_GT(parseCrisisTriggers(builtInCrisisTriggersJson()).phrases.size(), 300u);
}

TEST(Crisis, MalformedTriggerFilesSayWhatIsWrong)
{
    auto messageOf = [](const std::string& json) {
        try {
            parseCrisisTriggers(json);
        } catch (const std::runtime_error& error) {
            return std::string(error.what());
        }
        return std::string("(accepted)");
    };
    EXPECT_NE(messageOf("{").find("crisis-triggers.json"), std::string::npos);
    EXPECT_NE(messageOf(R"({"version": 2, "triggers": []})").find("\"version\": 1"), std::string::npos);
    EXPECT_NE(messageOf(R"({"version": 1, "triggers": [{"reason": "sad", "phrases": []}]})").find("unknown reason"),
              std::string::npos);
    EXPECT_NE(messageOf(R"({"version": 1, "triggers": [{"reason": "self_harm", "phrases": ["{nope}"]}]})")
                  .find("unknown word list {nope}"),
              std::string::npos);
}

TEST(Crisis, ALongTextIsReadInOnePass)
{
    std::string text;
    while (text.size() < 1024 * 1024)
        text += "We had a hard evening and everyone was tired and cross. ";
    EXPECT_FALSE(check(text).showCrisisSteps);
    text += "I might hurt her.";
    EXPECT_TRUE(check(text).showCrisisSteps);
}
