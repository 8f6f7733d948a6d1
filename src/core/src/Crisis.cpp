// SPDX-License-Identifier: MIT
#include "attune/core/Crisis.h"

#include "attune/core/Reflection.h"
#include "Records.h"
#include "ShippedContent.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>

using nlohmann::json;

namespace attune::core {

namespace {

// The built-in trigger list (DOMAIN §7.1, app wording). It is JSON in the file format of
// Crisis.h so it can move as it is to resources/content/crisis-triggers.json. Choices:
// - Harm to or by the child counts only in the first person ("I hit him"): reflections are
//   full of "he hit me" and "she hit her brother", which are hard moments, not crises.
// - An everyday knock ("he hurt his knee", "hurt her feelings") does not trigger; an injury
//   now ("my child is hurt", "is bleeding", "not breathing") does.
// - Venting idioms ("I could kill him", "this is killing me") do not trigger; "I might hurt
//   him", "afraid I'll hurt her" do. Review with a clinician before release (DOMAIN §7.5).
// - A false alarm costs a calm screen the parent can close; a missed one costs more, so
//   where a phrase is ambiguous about danger now, it triggers.
constexpr const char* kBuiltInJson = R"json({
  "version": 1,
  "words": {
    "child": ["him", "her", "them", "my child", "my kid", "my kids", "my son", "my daughter", "my baby",
              "the baby", "my children", "the kids", "my boy", "my girl", "my toddler"],
    "my_child": ["my child", "my kid", "my son", "my daughter", "my baby", "the baby", "my toddler", "my boy",
                 "my girl"],
    "kid_is": ["he is", "hes", "he was", "she is", "shes", "she was", "they are", "theyre", "they were",
               "my child is", "my son is", "my daughter is", "my baby is", "the baby is"],
    "baby": ["baby", "newborn", "infant"],
    "adult": ["my partner", "my husband", "my wife", "my boyfriend", "my girlfriend", "my ex", "his dad",
              "her dad", "their dad", "his father", "her father", "his mum", "her mum", "his mom", "her mom",
              "their mum", "their mom", "his stepdad", "her stepdad", "someone", "a grown up", "an adult"]
  },
  "ignore": ["hurt his feelings", "hurt her feelings", "hurt their feelings", "hurt my feelings",
             "hurt your feelings", "choking back", "to die for", "die laughing"],
  "triggers": [
    {"reason": "might_hurt_child", "phrases": [
      "i might hurt {child}", "i could hurt {child}", "i may hurt {child}", "im going to hurt {child}",
      "i am going to hurt {child}", "im gonna hurt {child}", "i want to hurt {child}", "i wanted to hurt {child}",
      "i feel like hurting {child}", "afraid i will hurt", "afraid ill hurt", "afraid i might hurt",
      "afraid i could hurt", "scared i will hurt", "scared ill hurt", "scared i might hurt", "worried i will hurt",
      "worried ill hurt", "worried i might hurt", "i might hit {child}", "i almost hit {child}",
      "i nearly hit {child}", "i want to hit {child}", "i wanted to hit {child}", "i was about to hit {child}",
      "im going to hit {child}", "i might shake {child}", "i want to shake {child}", "i wanted to shake {child}",
      "i almost shook {child}", "i nearly shook {child}", "afraid of what ill do", "afraid of what i will do",
      "afraid of what i might do", "scared of what ill do", "scared of what i will do",
      "scared of what i might do", "dont trust myself with {child}", "cant trust myself with {child}",
      "dont trust myself around {child}", "cant trust myself around {child}", "lose control and hurt"]},
    {"reason": "child_hurt", "phrases": [
      "i hurt {child}", "i hit {child}", "i slapped {child}", "i smacked {child}", "i spanked {child}",
      "i punched {child}", "i kicked {child}", "i shook {child}", "i choked {child}", "i beat {child}",
      "i threw {child}", "i bruised {child}", "left a mark on {child}", "left marks on {child}", "left a bruise",
      "left bruises", "{my_child} is hurt", "{my_child} is injured", "{my_child} is bleeding",
      "{kid_is} badly hurt", "{kid_is} seriously hurt", "{kid_is} injured", "{kid_is} bleeding"]},
    {"reason": "self_harm", "phrases": [
      "kill myself", "killing myself", "end my life", "end it all", "want to die", "wants to die",
      "wanted to die", "wish i was dead", "wish i were dead", "better off dead", "better off without me",
      "suicide", "suicidal", "self harm", "selfharm", "self harming", "harm myself", "harming myself",
      "want to hurt myself", "might hurt myself", "going to hurt myself", "hurting myself",
      "thoughts of hurting myself", "kill himself", "kill herself", "kill themselves", "killing himself",
      "killing herself", "hurting himself", "hurting herself", "harming himself", "harming herself",
      "cutting himself", "cutting herself", "cuts himself", "cuts herself", "dont want to live",
      "doesnt want to live", "dont want to be alive", "doesnt want to be alive", "dont want to be here anymore",
      "doesnt want to be here anymore", "no reason to live", "not worth living", "overdose"]},
    {"reason": "child_in_danger", "phrases": [
      "abuse", "abused", "abusing", "abusive", "molest", "molested", "sexually", "touched {child} inappropriately",
      "domestic violence", "{adult} hit {child}", "{adult} hits {child}", "{adult} hurt {child}",
      "{adult} hurts {child}", "{adult} beat {child}", "{adult} beats {child}", "{adult} threatened",
      "not safe at home", "afraid to go home", "scared to go home", "threatened to kill", "{kid_is} missing",
      "{my_child} is missing", "cant find {my_child}", "ran away from home"]},
    {"reason": "infant_crying", "phrases": [
      "{baby} wont stop crying", "{baby} will not stop crying", "{baby} keeps crying", "{baby} keeps screaming",
      "{baby} wont stop screaming", "{baby} has been crying for hours", "{baby} cried for hours",
      "{baby} crying for hours", "{baby} screaming for hours", "cant take the crying", "cant stand the crying",
      "cant cope with the crying", "cant bear the crying", "the crying is too much", "shake the baby",
      "shaking the baby", "shake my baby"]},
    {"reason": "medical_emergency", "phrases": [
      "not breathing", "isnt breathing", "stopped breathing", "cant breathe", "struggling to breathe",
      "unconscious", "wont wake up", "not waking up", "unresponsive", "passed out", "seizure", "convulsing",
      "choking", "swallowed a battery", "swallowed batteries", "swallowed pills", "swallowed medicine",
      "swallowed bleach", "poisoned", "poisoning", "overdose", "allergic reaction", "anaphylaxis",
      "anaphylactic", "head injury", "lot of blood", "bleeding heavily", "wont stop bleeding", "lips are blue",
      "turned blue", "call 911", "called 911", "call 999", "called 999", "call 112", "called 112",
      "call 000", "called 000", "call an ambulance", "called an ambulance"]}
  ]
})json";

constexpr std::pair<const char*, CrisisReason> kReasonKeys[] = {
    {"asked_for_help", CrisisReason::AskedForHelp},
    {"might_hurt_child", CrisisReason::MightHurtChild},
    {"child_hurt", CrisisReason::ChildHurt},
    {"self_harm", CrisisReason::SelfHarm},
    {"child_in_danger", CrisisReason::ChildInDanger},
    {"infant_crying", CrisisReason::InfantCrying},
    {"medical_emergency", CrisisReason::MedicalEmergency},
};

using WordLists = std::map<std::string, std::vector<std::string>>;

// Expands every "{name}" in `phrase` with each word of words[name].
void expand(const std::string& phrase, const WordLists& words, std::vector<std::string>& out)
{
    const auto open = phrase.find('{');
    if (open == std::string::npos) {
        out.push_back(phrase);
        return;
    }
    const auto close = phrase.find('}', open);
    if (close == std::string::npos)
        throw std::runtime_error("crisis-triggers.json: \"{\" without \"}\" in \"" + phrase + "\"");
    const std::string name = phrase.substr(open + 1, close - open - 1);
    const auto list = words.find(name);
    if (list == words.end())
        throw std::runtime_error("crisis-triggers.json: unknown word list {" + name + "}");
    for (const auto& word : list->second)
        expand(phrase.substr(0, open) + word + phrase.substr(close + 1), words, out);
}

std::string firstWord(const std::string& normalized)
{
    // normalized starts with a space; the word runs to the next one.
    return normalized.substr(1, normalized.find(' ', 1) - 1);
}

CrisisReason reasonFor(SafetyAnswer answer)
{
    switch (answer) {
    case SafetyAnswer::MightHurtChild: return CrisisReason::MightHurtChild;
    case SafetyAnswer::ChildHurt: return CrisisReason::ChildHurt;
    case SafetyAnswer::SelfHarm: return CrisisReason::SelfHarm;
    case SafetyAnswer::ChildInDanger: return CrisisReason::ChildInDanger;
    case SafetyAnswer::InfantCrying: return CrisisReason::InfantCrying;
    case SafetyAnswer::MedicalEmergency: return CrisisReason::MedicalEmergency;
    case SafetyAnswer::NeedHelpNow:
    case SafetyAnswer::Unanswered:
    case SafetyAnswer::AllSafe: break;
    }
    return CrisisReason::AskedForHelp;
}

// Reads the text once, word by word: every trigger phrase starting with the word is
// compared there. Ignored phrases ("hurt her feelings") are skipped as a whole, and a
// trigger that runs into one ("I hurt her" + "feelings") does not count.
void scan(const std::string& text, const CrisisTriggers& triggers, std::vector<bool>& found)
{
    const std::string normalized = detail::normalizedForMatching(text);
    const std::string_view view(normalized);
    // Length of the ignored phrase starting at the space `at`, or 0.
    auto ignoredAt = [&](std::size_t at) -> std::size_t {
        const std::size_t end = normalized.find(' ', at + 1);
        const auto ignored = triggers.ignoredByFirstWord.find(view.substr(at + 1, end - at - 1));
        if (ignored == triggers.ignoredByFirstWord.end())
            return 0;
        std::size_t longest = 0;
        for (const std::size_t index : ignored->second) {
            const std::string& phrase = triggers.ignored[index];
            if (view.compare(at, phrase.size(), phrase) == 0)
                longest = std::max(longest, phrase.size());
        }
        return longest;
    };
    auto runsIntoIgnored = [&](std::size_t at, std::size_t length) {
        for (std::size_t space = normalized.find(' ', at + 1); space < at + length - 1;
             space = normalized.find(' ', space + 1)) {
            if (ignoredAt(space) > 0)
                return true;
        }
        return false;
    };
    // `at` is always the space in front of a word.
    for (std::size_t at = 0; at + 1 < normalized.size();) {
        if (const std::size_t ignored = ignoredAt(at); ignored > 0) {
            at += ignored - 1; // the space after the ignored phrase
            continue;
        }
        const std::size_t end = normalized.find(' ', at + 1);
        const auto candidates = triggers.byFirstWord.find(view.substr(at + 1, end - at - 1));
        if (candidates != triggers.byFirstWord.end()) {
            for (const std::size_t index : candidates->second) {
                const auto& phrase = triggers.phrases[index];
                if (!found[static_cast<std::size_t>(phrase.reason)]
                    && view.compare(at, phrase.normalized.size(), phrase.normalized) == 0
                    && !runsIntoIgnored(at, phrase.normalized.size()))
                    found[static_cast<std::size_t>(phrase.reason)] = true;
            }
        }
        at = end;
    }
}

} // namespace

CrisisTriggers parseCrisisTriggers(const std::string& jsonText)
{
    constexpr const char* kWhat = "crisis-triggers.json";
    json document;
    try {
        document = json::parse(jsonText);
    } catch (const json::exception& error) {
        throw std::runtime_error(std::string(kWhat) + ": " + error.what());
    }
    if (!document.is_object() || document.value("version", 0) != 1)
        throw std::runtime_error(std::string(kWhat) + ": expected an object with \"version\": 1");
    try {
        WordLists words;
        if (document.contains("words"))
            words = document.at("words").get<WordLists>();
        CrisisTriggers triggers;
        for (const auto& ignored : document.value("ignore", std::vector<std::string>{})) {
            std::string normalized = detail::normalizedForMatching(ignored);
            if (normalized.size() < 3)
                throw std::runtime_error(std::string(kWhat) + ": an empty phrase under \"ignore\"");
            triggers.ignoredByFirstWord[firstWord(normalized)].push_back(triggers.ignored.size());
            triggers.ignored.push_back(std::move(normalized));
        }
        for (const auto& group : document.at("triggers")) {
            const std::string key = group.at("reason").get<std::string>();
            const auto* reason = std::find_if(std::begin(kReasonKeys), std::end(kReasonKeys),
                                              [&](const auto& pair) { return key == pair.first; });
            if (reason == std::end(kReasonKeys))
                throw std::runtime_error(std::string(kWhat) + ": unknown reason \"" + key + "\"");
            for (const auto& phrase : group.at("phrases")) {
                std::vector<std::string> expanded;
                expand(phrase.get<std::string>(), words, expanded);
                for (const auto& one : expanded) {
                    std::string normalized = detail::normalizedForMatching(one);
                    if (normalized.size() < 3)
                        throw std::runtime_error(std::string(kWhat) + ": an empty phrase under \"" + key + "\"");
                    triggers.byFirstWord[firstWord(normalized)].push_back(triggers.phrases.size());
                    triggers.phrases.push_back({reason->second, std::move(normalized)});
                }
            }
        }
        return triggers;
    } catch (const json::exception& error) {
        throw std::runtime_error(std::string(kWhat) + ": " + error.what());
    }
}

const char* builtInCrisisTriggersJson()
{
    return kBuiltInJson;
}

const CrisisTriggers& builtInCrisisTriggers()
{
    // resources/content/crisis-triggers.json once it exists (compiled in), else the list above.
    static const CrisisTriggers triggers = [] {
        const std::string_view shipped = detail::shippedContent("crisis-triggers.json");
        return parseCrisisTriggers(shipped.empty() ? std::string(kBuiltInJson) : std::string(shipped));
    }();
    return triggers;
}

CrisisCheck checkForCrisis(SafetyAnswer answer, const std::vector<std::string>& texts, const CrisisTriggers& triggers)
{
    std::vector<bool> found(std::size(kReasonKeys), false);
    if (answer != SafetyAnswer::Unanswered && answer != SafetyAnswer::AllSafe)
        found[static_cast<std::size_t>(reasonFor(answer))] = true;
    for (const auto& text : texts)
        scan(text, triggers, found);
    CrisisCheck check;
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (found[i])
            check.reasons.push_back(kReasonKeys[i].second);
    }
    check.showCrisisSteps = !check.reasons.empty();
    return check;
}

CrisisCheck checkForCrisis(const ReflectionDraft& draft, const CrisisTriggers& triggers)
{
    return checkForCrisis(draft.safety,
                          {draft.summary, draft.whatHappened, draft.place, draft.justBefore, draft.whyFeeling,
                           draft.whyBehaving, draft.whyStruggling, draft.otherSkill, draft.selfCompassion,
                           draft.coregNote},
                          triggers);
}

std::string toString(CrisisReason reason)
{
    for (const auto& [key, value] : kReasonKeys) {
        if (value == reason)
            return key;
    }
    return "asked_for_help";
}

} // namespace attune::core
