// SPDX-License-Identifier: MIT
// Gentle hints for writing an unsolved problem the CPS way (DOMAIN §1.4). They never block:
// the parent can save whatever they wrote. Word lists are data tables here, matched as whole
// words, case-insensitively, apostrophes dropped ("he's" = "hes").
#include "attune/core/Plans.h"

#include "Records.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace attune::core {

namespace {

// What a child did, rather than the expectation they found hard (DOMAIN §1.4 rule 2).
// "bit" is left out on purpose ("a bit late"), as are nouns such as "breaks".
constexpr std::string_view kBehaviourWords[] = {
    "hit", "hits", "hitting", "scream", "screams", "screaming", "screamed", "yell", "yells", "yelling", "yelled",
    "shout", "shouts", "shouting", "shouted", "tantrum", "tantrums", "meltdown", "meltdowns", "melts down",
    "melting down", "refuse", "refuses", "refusing", "refused", "kick", "kicks", "kicking", "kicked", "bite",
    "bites", "biting", "throw", "throws", "throwing", "threw", "cry", "cries", "crying", "cried", "swear",
    "swears", "swearing", "swore", "lie", "lies", "lying", "lied", "whine", "whines", "whining", "whined", "spit",
    "spits", "spitting", "punch", "punches", "punching", "punched", "scratches", "scratching", "pinch",
    "pinches", "pinching", "slam", "slams", "slamming", "slammed", "pushes", "pushed", "shoves", "shoved",
    "shoving", "grabs", "grabbing", "grabbed", "destroys", "destroying", "runs off", "ran off", "runs away",
    "ran away", "argues", "arguing", "argued", "talks back", "talking back", "back talk", "backchat", "defies",
    "defiant", "defiance", "ignores me", "ignoring me", "sulks", "sulking", "storms off", "stormed off",
    "screeches", "screeching", "fights", "fighting", "stomps", "stomping", "rude", "disrespectful",
    "aggressive", "violent"};

// Everyday expectations that share a word with a behaviour; removed before looking.
constexpr std::string_view kBehaviourExceptions[] = {"lie down", "lies down", "lying down", "lie still",
                                                      "lying still", "lie in bed", "lying in bed"};

// Adult theories about the cause (rule 3), including the explanations CPS sets aside (§1.1).
// Matched without apostrophes; `shown` is how the hint quotes it.
struct TheoryPhrase {
    std::string_view match;
    std::string_view shown;
};
constexpr TheoryPhrase kTheoryPhrases[] = {
    {"because", "because"}, {"cos", "cos"}, {"since he", "since he"}, {"since she", "since she"},
    {"since they", "since they"}, {"since hes", "since he's"}, {"since shes", "since she's"},
    {"since theyre", "since they're"}, {"since it", "since it"}, {"due to", "due to"},
    {"as a result of", "as a result of"}, {"wants attention", "wants attention"},
    {"for attention", "for attention"}, {"attention seeking", "attention seeking"},
    {"attention seeker", "attention seeker"}, {"manipulative", "manipulative"}, {"manipulating", "manipulating"},
    {"manipulate", "manipulate"}, {"lazy", "lazy"}, {"unmotivated", "unmotivated"}, {"on purpose", "on purpose"},
    {"his own way", "his own way"}, {"her own way", "her own way"}, {"their own way", "their own way"},
    {"to get back at", "to get back at"}, {"to wind me up", "to wind me up"}, {"to annoy", "to annoy"},
    {"to push my buttons", "to push my buttons"}, {"spoiled", "spoiled"}, {"spoilt", "spoilt"},
    {"addicted", "addicted"}};

// Words joining two expectations when a doing word follows (rule 4).
constexpr std::string_view kJoiners[] = {"and", "or", "plus", "also", "then"};

// Words ending in "ing" that are not doing words.
constexpr std::string_view kNotDoingWords[] = {
    "morning", "mornings", "evening", "evenings", "thing", "things", "something", "nothing", "anything",
    "everything", "during", "ceiling", "pudding", "clothing", "bedding", "sibling", "siblings", "spring",
    "string", "ring", "king", "swing", "wing", "ending", "building", "icing", "ping"};

const std::string kEmpty = "Try starting with \"Difficulty…\" and one thing that was hard, like \"Difficulty "
                           "leaving the park when it's time to go\".";
const std::string kStart = "Try starting with \"Difficulty…\", then what was hard to do, like \"Difficulty "
                           "getting dressed before school\".";
const std::string kDoingWord = "After \"Difficulty\", try a doing word for the exact moment, like \"Difficulty "
                               "getting into pyjamas by 7:30\".";
const std::string kMoreThanOne = "This may hold more than one expectation. Try keeping one here and writing the "
                                 "other as its own problem.";

std::vector<std::string> words(const std::string& normalized)
{
    std::vector<std::string> result;
    for (std::size_t at = 1; at < normalized.size();) {
        const std::size_t end = normalized.find(' ', at);
        if (end > at)
            result.push_back(normalized.substr(at, end - at));
        at = end + 1;
    }
    return result;
}

bool isDoingWord(const std::string& word)
{
    if (word.size() < 5 || word.compare(word.size() - 3, 3, "ing") != 0)
        return false;
    return std::find(std::begin(kNotDoingWords), std::end(kNotDoingWords), word) == std::end(kNotDoingWords);
}

// The listed phrase that occurs first in `normalized` (shown as `shownOf` gives it), or empty.
template <typename List, typename Match, typename Shown>
std::string firstOf(const std::string& normalized, const List& phrases, Match matchOf, Shown shownOf)
{
    std::size_t bestAt = std::string::npos;
    std::string best;
    for (const auto& phrase : phrases) {
        const std::string padded = " " + std::string(matchOf(phrase)) + " ";
        const std::size_t at = normalized.find(padded);
        if (at < bestAt) {
            bestAt = at;
            best = std::string(shownOf(phrase));
        }
    }
    return best;
}

std::string withoutExceptions(std::string normalized)
{
    for (const auto exception : kBehaviourExceptions) {
        const std::string padded = " " + std::string(exception) + " ";
        for (auto at = normalized.find(padded); at != std::string::npos; at = normalized.find(padded, at))
            normalized.replace(at, padded.size(), " ");
    }
    return normalized;
}

// "and brushing", or a second "difficulty": the text seems to hold two expectations.
std::string secondExpectation(const std::vector<std::string>& list)
{
    for (std::size_t i = 1; i < list.size(); ++i) {
        if (list[i] == "difficulty")
            return "difficulty";
        if (std::find(std::begin(kJoiners), std::end(kJoiners), list[i]) == std::end(kJoiners))
            continue;
        std::size_t next = i + 1;
        if (next < list.size() && list[next] == "then")
            ++next; // "and then brushing"
        if (next < list.size() && isDoingWord(list[next]))
            return list[i] + " " + list[next];
    }
    return {};
}

} // namespace

std::vector<ProblemHint> unsolvedProblemHints(const std::string& text)
{
    std::string prepared = text;
    for (auto at = prepared.find('&'); at != std::string::npos; at = prepared.find('&', at))
        prepared.replace(at, 1, " and ");
    const std::string normalized = detail::normalizedForMatching(prepared);
    const std::vector<std::string> list = words(normalized);
    if (list.empty())
        return {{ProblemHintKind::Empty, {}, kEmpty}};

    std::vector<ProblemHint> hints;
    if (list.front() != "difficulty")
        hints.push_back({ProblemHintKind::StartWithDifficulty, {}, kStart});
    else if (list.size() < 2 || !isDoingWord(list[1]))
        hints.push_back({ProblemHintKind::NeedsDoingWord, list.size() < 2 ? std::string() : list[1], kDoingWord});

    const auto same = [](std::string_view phrase) { return phrase; };
    if (const std::string word = firstOf(withoutExceptions(normalized), kBehaviourWords, same, same); !word.empty())
        hints.push_back({ProblemHintKind::BehaviourWord, word,
                         fmt::format("\"{}\" describes what your child did. Try naming what was expected of them "
                                     "instead.",
                                     word)});
    const auto match = [](const TheoryPhrase& phrase) { return phrase.match; };
    const auto shown = [](const TheoryPhrase& phrase) { return phrase.shown; };
    if (const std::string word = firstOf(normalized, kTheoryPhrases, match, shown); !word.empty())
        hints.push_back({ProblemHintKind::Theory, word,
                         fmt::format("\"{}\" sounds like a guess about why. You can leave it out: the why is what "
                                     "you'll find out together.",
                                     word)});
    if (const std::string joined = secondExpectation(list); !joined.empty())
        hints.push_back({ProblemHintKind::MoreThanOne, joined, kMoreThanOne});
    return hints;
}

} // namespace attune::core
