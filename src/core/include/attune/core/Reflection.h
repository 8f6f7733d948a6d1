// SPDX-License-Identifier: MIT
// The "ask why" reflection after a hard moment (PRODUCT §4, DOMAIN §8): one record with every
// field of the ten steps, autosaved field by field as a draft, finished or quick-saved, and
// the repair it may leave open on the child's page.
#pragma once

#include "attune/core/Errors.h"
#include "attune/core/Types.h"

#include <optional>
#include <string>
#include <vector>

namespace attune::core {

class Store;
struct ReflectionCatalog;

enum class ReflectionStatus { Draft, Saved };

// Step 0: "Is anyone in danger right now?" Every answer except Unanswered and AllSafe leads
// straight to the crisis steps (see Crisis.h).
enum class SafetyAnswer {
    Unanswered,
    AllSafe,
    NeedHelpNow,      // "yes", without saying more
    MightHurtChild,   // I might hurt my child, or I'm afraid I will
    ChildHurt,        // my child is hurt
    SelfHarm,         // thoughts of suicide or self-harm, mine or my child's
    ChildInDanger,    // abuse, neglect, violence at home
    InfantCrying,     // a baby's crying is overwhelming me
    MedicalEmergency,
};

enum class RepairState {
    None, // no repair needed (or not decided)
    Open, // I lost my temper; the repair stays on the child's page until marked done
    Done,
};

enum class CoregOutcome { Helped, DidNotHelp, NotSure };

// One thing tried from this child's co-regulation profile (step 6).
struct CoregTry {
    Id itemId = 0; // coreg_items.id of this child
    CoregOutcome outcome = CoregOutcome::NotSure;
    bool operator==(const CoregTry&) const = default;
};

// How full each part of my body budget is today (step 1): 0 = not answered, 1 = running low,
// 2 = so-so, 3 = doing fine. For stress, 1 means a lot of stress (it drains the budget).
struct BodyBudget {
    int sleep = 0;
    int food = 0;
    int stress = 0;
    int support = 0;
    bool operator==(const BodyBudget&) const = default;
};

// Every field a parent fills in, by step. Keys come from ReflectionCatalog; free texts are
// kept byte for byte (up to 1 MiB each).
struct ReflectionDraft {
    std::string uuid; // identity; take one from Reflections::newDraftUuid() before the first save
    Id childId = 0;
    Id caregiverId = 0; // who is reflecting; 0 = the store's actor
    int step = 0;       // the step the parent was on, 0–9, so a draft reopens there

    // 0 Safety gate
    SafetyAnswer safety = SafetyAnswer::Unanswered;
    // 1 Me first
    std::string myState; // states.json parent key
    BodyBudget budget;
    std::string regulatingAction; // regulating-actions.json key
    std::optional<int> activationBefore; // 0–10
    // 2 What happened
    std::string happenedOn;   // "YYYY-MM-DD"; empty = today
    std::string happenedTime; // "HH:MM" or empty
    std::string place;
    std::string justBefore; // what came just before
    bool wasTransition = false;
    std::string whatHappened;
    std::string summary; // the one line pinned at the top of every step
    // 3 How my child felt
    std::vector<std::string> childFeelings; // feelingKey()s
    std::string childState;                 // states.json child key
    std::string source;                     // top_down / bottom_up / unsure
    // 4 Ask why
    std::vector<std::string> unmetNeeds;
    std::vector<std::string> laggingSkills;
    std::string otherSkill; // a skill not on the list, in the parent's words
    std::string whyFeeling;    // why is my child feeling this?
    std::string whyBehaving;   // why are they behaving this way?
    std::string whyStruggling; // why are we struggling?
    // 5 Repair
    std::optional<bool> lostTemper;
    std::vector<std::string> repairSteps; // repair-checklist.json keys done
    std::string selfCompassion;
    RepairState repair = RepairState::None;
    // 6 Co-regulate
    std::vector<CoregTry> coregTried;
    std::string coregNote;
    // 7 Strengths to lean on: notebook entry uuids. No foreign key yet (the notebook lands
    // separately); a uuid stays meaningful across export and merge.
    std::vector<std::string> strengthUuids;
    // 8 Plan for next time
    Id problemId = 0; // the unsolved problem this moment belongs to; 0 = none
    // 9 Re-rate
    std::optional<int> activationAfter; // 0–10

    bool operator==(const ReflectionDraft&) const = default;
};

// What saveDraft() writes: one field (a few columns at most) of the draft.
enum class ReflectionField {
    Step,
    Child,
    Safety,
    MyState,
    Budget,
    RegulatingAction,
    ActivationBefore,
    HappenedOn,
    HappenedTime,
    Place,
    JustBefore,
    WasTransition,
    WhatHappened,
    Summary,
    ChildFeelings,
    ChildState,
    Source,
    UnmetNeeds,
    LaggingSkills,
    OtherSkill,
    WhyFeeling,
    WhyBehaving,
    WhyStruggling,
    LostTemper,
    RepairSteps,
    SelfCompassion,
    Repair,
    CoregTried,
    CoregNote,
    Strengths,
    Problem,
    ActivationAfter,
};

struct Reflection {
    RecordMeta meta;
    ReflectionDraft data;
    ReflectionStatus status = ReflectionStatus::Draft;
    TimestampMs savedAt = 0;      // when first finished; 0 for a draft
    TimestampMs repairDoneAt = 0; // when the repair was marked done
};

// A line of the Reflections page or the "continue where you left off" offer. No long texts.
struct ReflectionSummary {
    Id id = 0;
    std::string uuid;
    Id childId = 0;
    ReflectionStatus status = ReflectionStatus::Draft;
    int step = 0;
    std::string happenedOn;
    std::string happenedTime;
    std::string title; // the summary, or the start of what happened when there is none
    std::optional<int> activationBefore;
    std::optional<int> activationAfter;
    RepairState repair = RepairState::None;
    TimestampMs updatedAt = 0;
};

// A repair that stays on the child's page until it is marked done.
struct OpenRepair {
    Id reflectionId = 0;
    std::string happenedOn;
    std::string title;
    int stepsDone = 0; // repair checklist steps ticked so far
};

class Reflections {
public:
    // `catalog` decides which pick-list keys are accepted; it must outlive this object.
    explicit Reflections(Store& store);
    Reflections(Store& store, const ReflectionCatalog& catalog);

    std::string newDraftUuid();

    // Autosave: writes `changed` (and the step) of `draft` as one upsert in one transaction,
    // creating the draft on its first call. Validates only that field. A saved reflection
    // being edited stays saved. Returns the reflection's id.
    Id saveDraft(const ReflectionDraft& draft, ReflectionField changed);
    // Drafts, most recently touched first: one child's, or every child's (offered at start).
    std::vector<ReflectionSummary> openDrafts(Id childId) const;
    std::vector<ReflectionSummary> openDrafts() const;
    // The whole draft, with the step it was on. Throws NotFound for a saved or trashed one.
    Reflection resumeDraft(Id id) const;

    // "Quick save": what happened (summary or text) and my activation only, saved at once.
    Id quickSave(const ReflectionDraft& draft);
    // Validates every field, writes them all and marks the reflection saved.
    Id finish(const ReflectionDraft& draft);

    Reflection reflection(Id id) const; // throws StorageError(NotFound)
    // A child's reflections: drafts first, then newest first. `limit` rows from `offset`.
    std::vector<ReflectionSummary> list(Id childId, int limit = 200, int offset = 0) const;
    int count(Id childId) const;

    void trash(Id id);
    void restore(Id id);

    // Repairs (step 5): open ones stay on the child's page until marked done.
    std::vector<OpenRepair> openRepairs(Id childId) const;
    void markRepairDone(Id id);
    void reopenRepair(Id id);

private:
    Store& m_store;
    const ReflectionCatalog& m_catalog;
};

// Field-level rules, in plain words. `today` is the local date "YYYY-MM-DD". Checks keys
// against `catalog` but not database references (children, problems, co-regulation items).
std::vector<FieldError> validateReflectionField(const ReflectionDraft& draft, ReflectionField field,
                                                const ReflectionCatalog& catalog, const std::string& today);
std::vector<FieldError> validateReflection(const ReflectionDraft& draft, const ReflectionCatalog& catalog,
                                           const std::string& today);

// Stored keys of the enums (also used by export and the CLI).
std::string toString(ReflectionStatus status);
std::string toString(SafetyAnswer answer);
std::string toString(RepairState state);
std::string toString(CoregOutcome outcome);
std::optional<SafetyAnswer> safetyAnswerFromString(const std::string& text);
std::optional<RepairState> repairStateFromString(const std::string& text);
std::optional<CoregOutcome> coregOutcomeFromString(const std::string& text);

} // namespace attune::core
