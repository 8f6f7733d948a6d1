// SPDX-License-Identifier: MIT
// Plans for next time (DOMAIN §1.4–1.8): unsolved problems written the CPS way, Plan A/B/C,
// calm Plan B conversations with their notes, and the Plans page of a child.
#pragma once

#include "attune/core/RecordHistory.h"
#include "attune/core/Reflection.h"
#include "attune/core/Types.h"

#include <array>
#include <string>
#include <vector>

namespace attune::core {

class Store;

enum class ProblemStatus { ToDiscuss, Trying, Solved, SetAside };
inline constexpr int kProblemStatusCount = 4;

// How the adults handle it (DOMAIN §1.6). None = not chosen yet.
enum class PlanKind { None, A, B, C };

struct ProblemDraft {
    Id childId = 0;
    std::string text; // "Difficulty …", one expectation; see unsolvedProblemHints()
    ProblemStatus status = ProblemStatus::ToDiscuss;
    PlanKind plan = PlanKind::None;
    std::string reviewOn; // "YYYY-MM-DD" or empty
    Id reflectionId = 0;  // the reflection it was written in; 0 = written on its own
    bool operator==(const ProblemDraft&) const = default;
};

struct Problem {
    RecordMeta meta;
    ProblemDraft data;
};

// A calm, proactive Plan B conversation about one problem, and its notes in three parts.
struct PlanBTalkDraft {
    Id problemId = 0;
    std::string scheduledOn;   // "YYYY-MM-DD", required
    std::string scheduledTime; // "HH:MM" or empty
    std::string childConcern;  // 1. empathy: my child's concern
    std::string myConcern;     // 2. my concern
    std::string ideas;         // 3. invitation: ideas we had …
    std::string agreed;        //    … and what we agreed to try
    int likelihood = 0;        // how likely it is to work, 1–5; 0 = not rated
    std::string reviewOn;      // "YYYY-MM-DD" or empty
    bool operator==(const PlanBTalkDraft&) const = default;
};

struct PlanBTalk {
    RecordMeta meta;
    PlanBTalkDraft data;
};

// --- Gentle hints for writing an unsolved problem (never blocking) ---

enum class ProblemHintKind {
    Empty,             // nothing written yet
    StartWithDifficulty,
    NeedsDoingWord,    // "Difficulty with mornings": say what was hard to do
    BehaviourWord,     // "hits", "tantrum"…: describe the expectation, not the behaviour
    Theory,            // "because", "due to"…: a guess about why
    MoreThanOne,       // two expectations joined by "and"
};

struct ProblemHint {
    ProblemHintKind kind;
    std::string word;    // the word or phrase that prompted it, lowercase; empty if none
    std::string message; // a short, warm sentence to show under the field
    bool operator==(const ProblemHint&) const = default;
};

// Checks `text` against the rules of DOMAIN §1.4, at most one hint per kind, in enum order.
// Pure and cheap enough to run on every keystroke.
std::vector<ProblemHint> unsolvedProblemHints(const std::string& text);

// --- The Plans page ---

struct ProblemSummary {
    Id id = 0;
    std::string text;
    ProblemStatus status = ProblemStatus::ToDiscuss;
    PlanKind plan = PlanKind::None;
    std::string reviewOn;
    int talkCount = 0;
    std::string nextTalkOn; // the next talk on or after today; empty if none
    TimestampMs updatedAt = 0;
};

struct ReviewDue {
    Id problemId = 0;
    Id talkId = 0; // 0 when the problem's own review date is due
    std::string problemText;
    std::string reviewOn;
};

struct UpcomingTalk {
    Id talkId = 0;
    Id problemId = 0;
    std::string problemText;
    std::string scheduledOn;
    std::string scheduledTime;
};

struct PlansPage {
    // Indexed by ProblemStatus; each newest first and cut at the page's per-status limit.
    std::array<std::vector<ProblemSummary>, kProblemStatusCount> problems;
    std::array<int, kProblemStatusCount> counts{}; // all of them, not only those listed
    std::vector<ReviewDue> reviewsDue;             // one per problem with a review date on or
                                                   // before today, oldest first
    std::vector<UpcomingTalk> upcomingTalks;       // today onwards, soonest first
    std::vector<OpenRepair> openRepairs;
};

// What the Today page shows for a child, as counts.
struct PlansDue {
    int reviewsDue = 0;
    int talksToday = 0;
    int openRepairs = 0;
};

class Plans {
public:
    explicit Plans(Store& store);

    // Writes the problem; when `reflectionId` is set, also links that reflection to it (one
    // action). Hints never block; only an empty or over-long text does.
    Problem addProblem(const ProblemDraft& draft);
    // Field by field: writes what differs between `loaded` (as the form read it) and `edited`,
    // and nothing else (RecordHistory.h).
    EditResult updateProblem(Id id, const ProblemDraft& loaded, const ProblemDraft& edited);
    void setStatus(Id id, ProblemStatus status);
    Problem problem(Id id) const; // throws StorageError(NotFound)
    std::vector<Problem> problems(Id childId) const;
    void trashProblem(Id id);
    void restoreProblem(Id id);

    PlanBTalk addTalk(const PlanBTalkDraft& draft);
    EditResult updateTalk(Id id, const PlanBTalkDraft& loaded, const PlanBTalkDraft& edited); // as updateProblem()
    PlanBTalk talk(Id id) const;
    std::vector<PlanBTalk> talks(Id problemId) const; // by scheduled date
    void trashTalk(Id id);
    void restoreTalk(Id id);

    // `today` is the local date "YYYY-MM-DD".
    PlansPage page(Id childId, const std::string& today, int perStatusLimit = 50) const;
    PlansDue due(Id childId, const std::string& today) const;

private:
    Store& m_store;
};

std::vector<FieldError> validateProblem(const ProblemDraft& draft);
std::vector<FieldError> validatePlanBTalk(const PlanBTalkDraft& draft);

std::string toString(ProblemStatus status);
std::string toString(PlanKind plan);
std::optional<ProblemStatus> problemStatusFromString(const std::string& text);
std::optional<PlanKind> planKindFromString(const std::string& text);

} // namespace attune::core
