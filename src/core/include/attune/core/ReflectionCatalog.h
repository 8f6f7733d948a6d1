// SPDX-License-Identifier: MIT
// The keys a reflection may store for its pick-lists, read from the content files in
// resources/content/ (states, feelings, unmet needs, lagging skills, repair checklist,
// regulating actions). The reflection keeps keys, never labels, so translations and wording
// changes never touch stored data; this catalogue is how the core rejects a key it doesn't know.
#pragma once

#include <set>
#include <string>

namespace attune::core {

struct ReflectionCatalog {
    std::set<std::string> parentStates;      // states.json "parent"
    std::set<std::string> childStates;       // states.json "child"
    std::set<std::string> sources;           // states.json "source": top_down / bottom_up / unsure
    std::set<std::string> feelings;          // feelingKey() of every word in feelings.json
    std::set<std::string> unmetNeeds;        // unmet-needs.json items
    std::set<std::string> laggingSkills;     // lagging-skills.json skills
    std::set<std::string> repairSteps;       // repair-checklist.json steps
    std::set<std::string> regulatingActions; // regulating-actions.json actions
};

// The JSON texts of the six content files. Throws std::runtime_error naming the file part
// that is wrong.
struct ReflectionContentTexts {
    std::string states;
    std::string feelings;
    std::string unmetNeeds;
    std::string laggingSkills;
    std::string repairChecklist;
    std::string regulatingActions;
};
ReflectionCatalog parseReflectionCatalog(const ReflectionContentTexts& texts);

// The catalogue of the content files this build was made from (they are compiled into the
// core, so the CLI and the demo need no resource files at run time).
const ReflectionCatalog& shippedReflectionCatalog();

// feelings.json gives words, not keys. A feeling's key is its group key for the core word
// ("mad"), or "<group>/<slug of the word>" for a finer word ("mad/its_not_fair",
// "scared/out_of_control"): lowercase ASCII letters and digits, any other run of characters
// becomes one "_", apostrophes vanish. The GUI builds keys with this same function.
std::string feelingKey(const std::string& groupKey, const std::string& word);

} // namespace attune::core
