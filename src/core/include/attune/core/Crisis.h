// SPDX-License-Identifier: MIT
// When to show the crisis steps at once (DOMAIN §7.1): a pure check of the safety gate's
// answer and of what the parent wrote. It only decides what to show; Attune never calls,
// messages or reports anything.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace attune::core {

enum class SafetyAnswer;
struct ReflectionDraft;

enum class CrisisReason {
    AskedForHelp,     // the safety gate's plain "yes, I need help now"
    MightHurtChild,   // I might hurt my child, or I'm afraid I will
    ChildHurt,        // I hurt my child, or my child is injured
    SelfHarm,         // thoughts of suicide or self-harm, the parent's or the child's
    ChildInDanger,    // abuse, neglect, violence at home, a missing child
    InfantCrying,     // overwhelmed by a baby's crying (risk of shaking)
    MedicalEmergency,
};

// Trigger phrases as data. The format (also of the built-in list, see Crisis.cpp):
//   {"version": 1,
//    "words":    {"child": ["him", "my son", ...]},      // expands "{child}" in phrases
//    "ignore":   ["hurt his feelings", ...],             // removed from the text first
//    "triggers": [{"reason": "might_hurt_child", "phrases": ["might hurt {child}", ...]}]}
// Phrases match whole words, case-insensitively, with apostrophes dropped and any other
// punctuation or line break read as a space ("I'm" = "im", "won't" = "wont").
struct CrisisTriggers {
    struct Phrase {
        CrisisReason reason;
        std::string normalized; // " might hurt him "
    };
    std::vector<Phrase> phrases;
    std::vector<std::string> ignored; // normalized, padded like phrases; skipped over when read
    // Index into `phrases` by first word, so a long text is read once, not once per phrase.
    // Looked up with string_view (no copy per word of a long text).
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view word) const noexcept { return std::hash<std::string_view>{}(word); }
    };
    std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>> byFirstWord;
    std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>> ignoredByFirstWord;
};

// Throws std::runtime_error naming what is wrong.
CrisisTriggers parseCrisisTriggers(const std::string& json);
// resources/content/crisis-triggers.json when the build found it (see src/core/CMakeLists.txt),
// otherwise the list written into Crisis.cpp.
const CrisisTriggers& builtInCrisisTriggers();
// The JSON text of the list in Crisis.cpp, in the file format above: the starting point for
// resources/content/crisis-triggers.json.
const char* builtInCrisisTriggersJson();

struct CrisisCheck {
    bool showCrisisSteps = false;
    std::vector<CrisisReason> reasons; // each at most once, in enum order
};

CrisisCheck checkForCrisis(SafetyAnswer answer, const std::vector<std::string>& texts,
                           const CrisisTriggers& triggers = builtInCrisisTriggers());
// Every free text of the reflection. The GUI may instead pass only the field that changed.
CrisisCheck checkForCrisis(const ReflectionDraft& draft, const CrisisTriggers& triggers = builtInCrisisTriggers());

std::string toString(CrisisReason reason);

} // namespace attune::core
