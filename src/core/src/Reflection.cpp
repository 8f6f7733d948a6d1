// SPDX-License-Identifier: MIT
#include "attune/core/Reflection.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/ReflectionCatalog.h"
#include "attune/core/Store.h"
#include "attune/core/Validation.h"
#include "Records.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

using nlohmann::json;

namespace attune::core {

namespace {

constexpr const char* kNotFound = "That reflection is no longer here. It may have been moved to the trash.";
constexpr const char* kChildNotFound = "That child is no longer here. They may have been moved to the trash.";
constexpr int kSummaryMax = 200;
constexpr int kOtherSkillMax = 120;
constexpr std::size_t kListMax = 100;

// ---- Enum keys ------------------------------------------------------------------------

constexpr std::pair<SafetyAnswer, const char*> kSafetyKeys[] = {
    {SafetyAnswer::Unanswered, ""},
    {SafetyAnswer::AllSafe, "all_safe"},
    {SafetyAnswer::NeedHelpNow, "need_help_now"},
    {SafetyAnswer::MightHurtChild, "might_hurt_child"},
    {SafetyAnswer::ChildHurt, "child_hurt"},
    {SafetyAnswer::SelfHarm, "self_harm"},
    {SafetyAnswer::ChildInDanger, "child_in_danger"},
    {SafetyAnswer::InfantCrying, "infant_crying"},
    {SafetyAnswer::MedicalEmergency, "medical_emergency"},
};

// ---- Columns --------------------------------------------------------------------------

// One column of the reflections table, the field it belongs to, and how to bind it.
struct Column {
    const char* name;
    ReflectionField field;
    void (*bind)(SQLite::Statement& statement, int index, const ReflectionDraft& draft);
};

void bindOptionalInt(SQLite::Statement& statement, int index, const std::optional<int>& value)
{
    if (value)
        statement.bind(index, *value);
    else
        statement.bind(index); // NULL
}

template <typename Item, typename Convert>
std::string jsonList(const std::vector<Item>& items, Convert convert)
{
    json list = json::array();
    for (const auto& item : items) {
        json value = convert(item);
        if (std::find(list.begin(), list.end(), value) == list.end()) // a key picked twice is kept once
            list.push_back(std::move(value));
    }
    return list.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string keyList(const std::vector<std::string>& keys)
{
    return jsonList(keys, [](const std::string& key) { return json(key); });
}

std::string coregList(const std::vector<CoregTry>& tries)
{
    // The same item twice: the later outcome wins, so the list holds each item once.
    std::vector<CoregTry> unique;
    for (const auto& tried : tries) {
        auto same = std::find_if(unique.begin(), unique.end(), [&](const CoregTry& t) { return t.itemId == tried.itemId; });
        if (same != unique.end())
            same->outcome = tried.outcome;
        else
            unique.push_back(tried);
    }
    return jsonList(unique, [](const CoregTry& t) { return json{{"item", t.itemId}, {"outcome", toString(t.outcome)}}; });
}

std::vector<std::string> parseKeyList(const std::string& text)
{
    std::vector<std::string> keys;
    const json list = json::parse(text, nullptr, false);
    if (list.is_array()) {
        for (const auto& item : list) {
            if (item.is_string())
                keys.push_back(item.get<std::string>());
        }
    }
    return keys;
}

std::vector<CoregTry> parseCoregList(const std::string& text)
{
    std::vector<CoregTry> tries;
    const json list = json::parse(text, nullptr, false);
    if (list.is_array()) {
        for (const auto& item : list) {
            if (!item.is_object() || !item.contains("item") || !item["item"].is_number_integer())
                continue;
            tries.push_back({item["item"].get<Id>(),
                             coregOutcomeFromString(item.value("outcome", "")).value_or(CoregOutcome::NotSure)});
        }
    }
    return tries;
}

// Columns written by each field. child_id, step and happened_on are also written on every
// insert (see upsert()).
const Column kColumns[] = {
    {"child_id", ReflectionField::Child, [](auto& s, int i, const auto& d) { s.bind(i, d.childId); }},
    {"step", ReflectionField::Step, [](auto& s, int i, const auto& d) { s.bind(i, d.step); }},
    {"safety", ReflectionField::Safety, [](auto& s, int i, const auto& d) { s.bind(i, toString(d.safety)); }},
    {"my_state", ReflectionField::MyState, [](auto& s, int i, const auto& d) { s.bind(i, d.myState); }},
    {"budget_sleep", ReflectionField::Budget, [](auto& s, int i, const auto& d) { s.bind(i, d.budget.sleep); }},
    {"budget_food", ReflectionField::Budget, [](auto& s, int i, const auto& d) { s.bind(i, d.budget.food); }},
    {"budget_stress", ReflectionField::Budget, [](auto& s, int i, const auto& d) { s.bind(i, d.budget.stress); }},
    {"budget_support", ReflectionField::Budget, [](auto& s, int i, const auto& d) { s.bind(i, d.budget.support); }},
    {"regulating_action", ReflectionField::RegulatingAction,
     [](auto& s, int i, const auto& d) { s.bind(i, d.regulatingAction); }},
    {"activation_before", ReflectionField::ActivationBefore,
     [](auto& s, int i, const auto& d) { bindOptionalInt(s, i, d.activationBefore); }},
    {"happened_on", ReflectionField::HappenedOn, nullptr}, // bound with today's date as fallback
    {"happened_time", ReflectionField::HappenedTime, [](auto& s, int i, const auto& d) { s.bind(i, d.happenedTime); }},
    {"place", ReflectionField::Place, [](auto& s, int i, const auto& d) { s.bind(i, d.place); }},
    {"just_before", ReflectionField::JustBefore, [](auto& s, int i, const auto& d) { s.bind(i, d.justBefore); }},
    {"was_transition", ReflectionField::WasTransition,
     [](auto& s, int i, const auto& d) { s.bind(i, d.wasTransition ? 1 : 0); }},
    {"what_happened", ReflectionField::WhatHappened, [](auto& s, int i, const auto& d) { s.bind(i, d.whatHappened); }},
    {"summary", ReflectionField::Summary, [](auto& s, int i, const auto& d) { s.bind(i, d.summary); }},
    {"child_feelings", ReflectionField::ChildFeelings,
     [](auto& s, int i, const auto& d) { s.bind(i, keyList(d.childFeelings)); }},
    {"child_state", ReflectionField::ChildState, [](auto& s, int i, const auto& d) { s.bind(i, d.childState); }},
    {"source", ReflectionField::Source, [](auto& s, int i, const auto& d) { s.bind(i, d.source); }},
    {"unmet_needs", ReflectionField::UnmetNeeds, [](auto& s, int i, const auto& d) { s.bind(i, keyList(d.unmetNeeds)); }},
    {"lagging_skills", ReflectionField::LaggingSkills,
     [](auto& s, int i, const auto& d) { s.bind(i, keyList(d.laggingSkills)); }},
    {"other_skill", ReflectionField::OtherSkill, [](auto& s, int i, const auto& d) { s.bind(i, d.otherSkill); }},
    {"why_feeling", ReflectionField::WhyFeeling, [](auto& s, int i, const auto& d) { s.bind(i, d.whyFeeling); }},
    {"why_behaving", ReflectionField::WhyBehaving, [](auto& s, int i, const auto& d) { s.bind(i, d.whyBehaving); }},
    {"why_struggling", ReflectionField::WhyStruggling,
     [](auto& s, int i, const auto& d) { s.bind(i, d.whyStruggling); }},
    {"lost_temper", ReflectionField::LostTemper,
     [](auto& s, int i, const auto& d) {
         if (d.lostTemper)
             s.bind(i, *d.lostTemper ? 1 : 0);
         else
             s.bind(i);
     }},
    {"repair_steps", ReflectionField::RepairSteps,
     [](auto& s, int i, const auto& d) { s.bind(i, keyList(d.repairSteps)); }},
    {"self_compassion", ReflectionField::SelfCompassion,
     [](auto& s, int i, const auto& d) { s.bind(i, d.selfCompassion); }},
    {"repair_state", ReflectionField::Repair, [](auto& s, int i, const auto& d) { s.bind(i, toString(d.repair)); }},
    {"coreg_tried", ReflectionField::CoregTried,
     [](auto& s, int i, const auto& d) { s.bind(i, coregList(d.coregTried)); }},
    {"coreg_note", ReflectionField::CoregNote, [](auto& s, int i, const auto& d) { s.bind(i, d.coregNote); }},
    {"strengths", ReflectionField::Strengths,
     [](auto& s, int i, const auto& d) { s.bind(i, keyList(d.strengthUuids)); }},
    {"problem_id", ReflectionField::Problem,
     [](auto& s, int i, const auto& d) {
         if (d.problemId != 0)
             s.bind(i, d.problemId);
         else
             s.bind(i);
     }},
    {"activation_after", ReflectionField::ActivationAfter,
     [](auto& s, int i, const auto& d) { bindOptionalInt(s, i, d.activationAfter); }},
};

constexpr ReflectionField kAllFields[] = {
    ReflectionField::Step, ReflectionField::Child, ReflectionField::Safety, ReflectionField::MyState,
    ReflectionField::Budget, ReflectionField::RegulatingAction, ReflectionField::ActivationBefore,
    ReflectionField::HappenedOn, ReflectionField::HappenedTime, ReflectionField::Place, ReflectionField::JustBefore,
    ReflectionField::WasTransition, ReflectionField::WhatHappened, ReflectionField::Summary,
    ReflectionField::ChildFeelings, ReflectionField::ChildState, ReflectionField::Source,
    ReflectionField::UnmetNeeds, ReflectionField::LaggingSkills, ReflectionField::OtherSkill,
    ReflectionField::WhyFeeling, ReflectionField::WhyBehaving, ReflectionField::WhyStruggling,
    ReflectionField::LostTemper, ReflectionField::RepairSteps, ReflectionField::SelfCompassion,
    ReflectionField::Repair, ReflectionField::CoregTried, ReflectionField::CoregNote, ReflectionField::Strengths,
    ReflectionField::Problem, ReflectionField::ActivationAfter};

bool isBaseColumn(const char* name)
{
    const std::string_view column(name);
    return column == "child_id" || column == "step" || column == "happened_on";
}

// The repair state a write leaves: "I lost my temper" opens a repair that was not there;
// "I didn't" closes one that was open but not done.
RepairState effectiveRepair(const ReflectionDraft& draft)
{
    if (draft.lostTemper == true && draft.repair == RepairState::None)
        return RepairState::Open;
    if (draft.lostTemper == false && draft.repair == RepairState::Open)
        return RepairState::None;
    return draft.repair;
}

// New repair state on update: never overwrite "done" with "open" by an autosave (the GUI's
// copy may predate markRepairDone()); reopenRepair() is the way back.
constexpr const char* kRepairOnUpdate =
    "CASE WHEN reflections.repair_state = 'done' AND excluded.repair_state = 'open' THEN 'done' "
    "ELSE excluded.repair_state END";
// Same, when only lost_temper was written (the draft's repair state is not trusted then).
constexpr const char* kRepairOnLostTemper =
    "CASE WHEN excluded.lost_temper = 1 AND reflections.repair_state = 'none' THEN 'open' "
    "WHEN coalesce(excluded.lost_temper, 0) = 0 AND reflections.repair_state = 'open' THEN 'none' "
    "ELSE reflections.repair_state END";

enum class Finish { Keep, MarkSaved };

const char* const kSelectColumns =
    "id, uuid, created_at, updated_at, updated_by, child_id, coalesce(caregiver_id, 0), status, step, safety, "
    "my_state, budget_sleep, budget_food, budget_stress, budget_support, regulating_action, activation_before, "
    "happened_on, happened_time, place, just_before, was_transition, what_happened, summary, child_feelings, "
    "child_state, source, unmet_needs, lagging_skills, other_skill, why_feeling, why_behaving, why_struggling, "
    "lost_temper, repair_steps, self_compassion, repair_state, coreg_tried, coreg_note, strengths, "
    "coalesce(problem_id, 0), activation_after, coalesce(saved_at, 0), coalesce(repair_done_at, 0)";

std::optional<int> optionalInt(SQLite::Statement& row, int column)
{
    if (row.getColumn(column).isNull())
        return std::nullopt;
    return row.getColumn(column).getInt();
}

Reflection readReflection(SQLite::Statement& row)
{
    Reflection r;
    r.meta = detail::readMeta(row, 0);
    ReflectionDraft& d = r.data;
    d.uuid = r.meta.uuid;
    d.childId = row.getColumn(5).getInt64();
    d.caregiverId = row.getColumn(6).getInt64();
    r.status = row.getColumn(7).getString() == "saved" ? ReflectionStatus::Saved : ReflectionStatus::Draft;
    d.step = row.getColumn(8).getInt();
    d.safety = safetyAnswerFromString(row.getColumn(9).getString()).value_or(SafetyAnswer::Unanswered);
    d.myState = row.getColumn(10).getString();
    d.budget = {row.getColumn(11).getInt(), row.getColumn(12).getInt(), row.getColumn(13).getInt(),
                row.getColumn(14).getInt()};
    d.regulatingAction = row.getColumn(15).getString();
    d.activationBefore = optionalInt(row, 16);
    d.happenedOn = row.getColumn(17).getString();
    d.happenedTime = row.getColumn(18).getString();
    d.place = row.getColumn(19).getString();
    d.justBefore = row.getColumn(20).getString();
    d.wasTransition = row.getColumn(21).getInt() != 0;
    d.whatHappened = row.getColumn(22).getString();
    d.summary = row.getColumn(23).getString();
    d.childFeelings = parseKeyList(row.getColumn(24).getString());
    d.childState = row.getColumn(25).getString();
    d.source = row.getColumn(26).getString();
    d.unmetNeeds = parseKeyList(row.getColumn(27).getString());
    d.laggingSkills = parseKeyList(row.getColumn(28).getString());
    d.otherSkill = row.getColumn(29).getString();
    d.whyFeeling = row.getColumn(30).getString();
    d.whyBehaving = row.getColumn(31).getString();
    d.whyStruggling = row.getColumn(32).getString();
    if (!row.getColumn(33).isNull())
        d.lostTemper = row.getColumn(33).getInt() != 0;
    d.repairSteps = parseKeyList(row.getColumn(34).getString());
    d.selfCompassion = row.getColumn(35).getString();
    d.repair = repairStateFromString(row.getColumn(36).getString()).value_or(RepairState::None);
    d.coregTried = parseCoregList(row.getColumn(37).getString());
    d.coregNote = row.getColumn(38).getString();
    d.strengthUuids = parseKeyList(row.getColumn(39).getString());
    d.problemId = row.getColumn(40).getInt64();
    d.activationAfter = optionalInt(row, 41);
    r.savedAt = row.getColumn(42).getInt64();
    r.repairDoneAt = row.getColumn(43).getInt64();
    return r;
}

// The title of a list line: the summary, or the start of what happened.
constexpr const char* kTitleSql = "CASE WHEN summary <> '' THEN summary ELSE substr(what_happened, 1, 120) END";

ReflectionSummary readSummary(SQLite::Statement& row)
{
    // Columns: see kSummaryColumns.
    ReflectionSummary s;
    s.id = row.getColumn(0).getInt64();
    s.uuid = row.getColumn(1).getString();
    s.childId = row.getColumn(2).getInt64();
    s.status = row.getColumn(3).getString() == "saved" ? ReflectionStatus::Saved : ReflectionStatus::Draft;
    s.step = row.getColumn(4).getInt();
    s.happenedOn = row.getColumn(5).getString();
    s.happenedTime = row.getColumn(6).getString();
    s.title = row.getColumn(7).getString();
    s.activationBefore = optionalInt(row, 8);
    s.activationAfter = optionalInt(row, 9);
    s.repair = repairStateFromString(row.getColumn(10).getString()).value_or(RepairState::None);
    s.updatedAt = row.getColumn(11).getInt64();
    return s;
}

std::string summaryColumns()
{
    return std::string("id, uuid, child_id, status, step, happened_on, happened_time, ") + kTitleSql
         + ", activation_before, activation_after, repair_state, updated_at";
}

// ---- Validation helpers ---------------------------------------------------------------

const std::string kTooLong = "This is longer than Attune can keep (1 MB). Please shorten it.";

void checkLongText(std::vector<FieldError>& errors, const char* field, const std::string& text)
{
    if (text.size() > limits::kLongTextMax)
        errors.push_back({field, kTooLong});
}

void checkKey(std::vector<FieldError>& errors, const char* field, const std::string& key,
              const std::set<std::string>& known)
{
    if (!key.empty() && known.count(key) == 0)
        errors.push_back({field, fmt::format("Please choose from the list; \"{}\" isn't one of the options.", key)});
}

void checkKeys(std::vector<FieldError>& errors, const char* field, const std::vector<std::string>& keys,
               const std::set<std::string>& known)
{
    for (const auto& key : keys) {
        if (known.count(key) == 0) {
            errors.push_back(
                {field, fmt::format("Please choose from the list; \"{}\" isn't one of the options.", key)});
            return;
        }
    }
}

void checkActivation(std::vector<FieldError>& errors, const char* field, const std::optional<int>& value)
{
    if (value && (*value < 0 || *value > 10))
        errors.push_back({field, "Choose a number from 0 (calm) to 10 (as stirred up as it gets)."});
}

} // namespace

// ---- Enum strings ---------------------------------------------------------------------

std::string toString(ReflectionStatus status)
{
    return status == ReflectionStatus::Saved ? "saved" : "draft";
}

std::string toString(SafetyAnswer answer)
{
    for (const auto& [value, key] : kSafetyKeys) {
        if (value == answer)
            return key;
    }
    return "";
}

std::optional<SafetyAnswer> safetyAnswerFromString(const std::string& text)
{
    for (const auto& [value, key] : kSafetyKeys) {
        if (text == key)
            return value;
    }
    return std::nullopt;
}

std::string toString(RepairState state)
{
    switch (state) {
    case RepairState::None: return "none";
    case RepairState::Open: return "open";
    case RepairState::Done: return "done";
    }
    return "none";
}

std::optional<RepairState> repairStateFromString(const std::string& text)
{
    if (text == "none")
        return RepairState::None;
    if (text == "open")
        return RepairState::Open;
    if (text == "done")
        return RepairState::Done;
    return std::nullopt;
}

std::string toString(CoregOutcome outcome)
{
    switch (outcome) {
    case CoregOutcome::Helped: return "helped";
    case CoregOutcome::DidNotHelp: return "did_not_help";
    case CoregOutcome::NotSure: return "not_sure";
    }
    return "not_sure";
}

std::optional<CoregOutcome> coregOutcomeFromString(const std::string& text)
{
    if (text == "helped")
        return CoregOutcome::Helped;
    if (text == "did_not_help")
        return CoregOutcome::DidNotHelp;
    if (text == "not_sure")
        return CoregOutcome::NotSure;
    return std::nullopt;
}

// ---- Validation -----------------------------------------------------------------------

std::vector<FieldError> validateReflectionField(const ReflectionDraft& d, ReflectionField field,
                                                const ReflectionCatalog& catalog, const std::string& today)
{
    std::vector<FieldError> errors;
    switch (field) {
    case ReflectionField::Step:
        if (d.step < 0 || d.step > 9)
            errors.push_back({"step", "The steps go from 0 to 9."});
        break;
    case ReflectionField::Child:
        if (d.childId <= 0)
            errors.push_back({"childId", "Please choose which child this is about."});
        break;
    case ReflectionField::Safety: break; // an enum: every value is fine
    case ReflectionField::MyState: checkKey(errors, "myState", d.myState, catalog.parentStates); break;
    case ReflectionField::Budget: {
        const std::pair<const char*, int> parts[] = {
            {"sleep", d.budget.sleep}, {"food", d.budget.food}, {"stress", d.budget.stress}, {"support", d.budget.support}};
        for (const auto& [name, value] : parts) {
            if (value < 0 || value > 3) {
                errors.push_back({"budget", fmt::format("Please choose one of the options for {}.", name)});
                break;
            }
        }
        break;
    }
    case ReflectionField::RegulatingAction:
        checkKey(errors, "regulatingAction", d.regulatingAction, catalog.regulatingActions);
        break;
    case ReflectionField::ActivationBefore: checkActivation(errors, "activationBefore", d.activationBefore); break;
    case ReflectionField::HappenedOn: {
        if (d.happenedOn.empty())
            break; // today
        const auto day = parseDate(d.happenedOn);
        const auto now = parseDate(today);
        if (!day)
            errors.push_back({"happenedOn", "Please enter the day as year-month-day, like 2026-03-14."});
        else if (day->year < limits::kEarliestBirthYear)
            errors.push_back({"happenedOn", "That day is before 1900. Please check the year."});
        else if (now && *day > *now)
            errors.push_back({"happenedOn", "That day is in the future. Please check it."});
        break;
    }
    case ReflectionField::HappenedTime:
        if (!detail::isTimeOrEmpty(d.happenedTime))
            errors.push_back({"happenedTime", "Please enter the time as hours and minutes, like 17:45."});
        break;
    case ReflectionField::Place: checkLongText(errors, "place", d.place); break;
    case ReflectionField::JustBefore: checkLongText(errors, "justBefore", d.justBefore); break;
    case ReflectionField::WasTransition: break;
    case ReflectionField::WhatHappened: checkLongText(errors, "whatHappened", d.whatHappened); break;
    case ReflectionField::Summary:
        if (codePointCount(d.summary) > static_cast<std::size_t>(kSummaryMax))
            errors.push_back({"summary", fmt::format("Please keep the one-line summary to {} characters; there's "
                                                     "room for the whole story below.",
                                                     kSummaryMax)});
        break;
    case ReflectionField::ChildFeelings: checkKeys(errors, "childFeelings", d.childFeelings, catalog.feelings); break;
    case ReflectionField::ChildState: checkKey(errors, "childState", d.childState, catalog.childStates); break;
    case ReflectionField::Source: checkKey(errors, "source", d.source, catalog.sources); break;
    case ReflectionField::UnmetNeeds: checkKeys(errors, "unmetNeeds", d.unmetNeeds, catalog.unmetNeeds); break;
    case ReflectionField::LaggingSkills:
        checkKeys(errors, "laggingSkills", d.laggingSkills, catalog.laggingSkills);
        break;
    case ReflectionField::OtherSkill:
        if (codePointCount(d.otherSkill) > static_cast<std::size_t>(kOtherSkillMax))
            errors.push_back({"otherSkill", fmt::format("Please keep the skill to {} characters; the why questions "
                                                        "below can hold more.",
                                                        kOtherSkillMax)});
        break;
    case ReflectionField::WhyFeeling: checkLongText(errors, "whyFeeling", d.whyFeeling); break;
    case ReflectionField::WhyBehaving: checkLongText(errors, "whyBehaving", d.whyBehaving); break;
    case ReflectionField::WhyStruggling: checkLongText(errors, "whyStruggling", d.whyStruggling); break;
    case ReflectionField::LostTemper: break;
    case ReflectionField::RepairSteps: checkKeys(errors, "repairSteps", d.repairSteps, catalog.repairSteps); break;
    case ReflectionField::SelfCompassion: checkLongText(errors, "selfCompassion", d.selfCompassion); break;
    case ReflectionField::Repair: break;
    case ReflectionField::CoregTried:
        if (d.coregTried.size() > kListMax)
            errors.push_back({"coregTried", "That's more than Attune can keep in one list."});
        break;
    case ReflectionField::CoregNote: checkLongText(errors, "coregNote", d.coregNote); break;
    case ReflectionField::Strengths:
        if (d.strengthUuids.size() > kListMax)
            errors.push_back({"strengthUuids", "That's more than Attune can keep in one list."});
        else if (std::any_of(d.strengthUuids.begin(), d.strengthUuids.end(),
                             [](const std::string& id) { return !detail::isUuid(id); }))
            errors.push_back({"strengthUuids", "That strength could not be found. Please pick it again."});
        break;
    case ReflectionField::Problem: break; // checked against the database
    case ReflectionField::ActivationAfter: checkActivation(errors, "activationAfter", d.activationAfter); break;
    }
    return errors;
}

std::vector<FieldError> validateReflection(const ReflectionDraft& draft, const ReflectionCatalog& catalog,
                                           const std::string& today)
{
    std::vector<FieldError> errors;
    for (const ReflectionField field : kAllFields) {
        auto more = validateReflectionField(draft, field, catalog, today);
        errors.insert(errors.end(), more.begin(), more.end());
    }
    return errors;
}

// ---- Service --------------------------------------------------------------------------

namespace {

// Upserts `fields` of `draft` by uuid in the caller's transaction; returns the row id.
// The SQL is built from the fixed column table above, never from input.
Id upsert(Store& store, const ReflectionDraft& draft, const std::vector<ReflectionField>& fields, Finish finish)
{
    SQLite::Database& db = store.db().sql();
    auto includes = [&](ReflectionField field) { return std::find(fields.begin(), fields.end(), field) != fields.end(); };

    std::string insertColumns = "uuid, child_id, caregiver_id, step, happened_on, created_at, updated_at, updated_by";
    std::string insertValues = "?, ?, CASE WHEN ? > 0 THEN ? ELSE (SELECT id FROM caregivers WHERE uuid = ?) END, "
                               "?, ?, ?, ?, ?";
    std::string updates = "step = excluded.step, updated_at = excluded.updated_at, updated_by = excluded.updated_by";
    std::vector<const Column*> extra;
    for (const auto& column : kColumns) {
        if (!includes(column.field))
            continue;
        const std::string name = column.name;
        if (name == "repair_state")
            updates += std::string(", repair_state = ") + kRepairOnUpdate;
        else if (name != "step")
            updates += ", " + name + " = excluded." + name;
        if (!isBaseColumn(column.name)) {
            insertColumns += ", " + name;
            insertValues += ", ?";
            extra.push_back(&column);
        }
    }
    const bool writesRepair = includes(ReflectionField::Repair);
    if (includes(ReflectionField::LostTemper) && !writesRepair) {
        // Only "did I lose my temper?" changed: derive the repair from the stored state.
        insertColumns += ", repair_state";
        insertValues += ", ?";
        updates += std::string(", repair_state = ") + kRepairOnLostTemper;
    }
    if (writesRepair || includes(ReflectionField::LostTemper)) {
        insertColumns += ", repair_done_at";
        insertValues += ", CASE WHEN ? = 'done' THEN ? END";
        updates += std::string(", repair_done_at = CASE WHEN (") + (writesRepair ? kRepairOnUpdate : kRepairOnLostTemper)
                 + ") = 'done' THEN coalesce(reflections.repair_done_at, excluded.updated_at) END";
    }
    if (finish == Finish::MarkSaved) {
        insertColumns += ", status, saved_at";
        insertValues += ", 'saved', ?";
        updates += ", status = 'saved', saved_at = coalesce(reflections.saved_at, excluded.saved_at)";
    }
    const std::string sql = "INSERT INTO reflections (" + insertColumns + ") VALUES (" + insertValues
                          + ") ON CONFLICT (uuid) DO UPDATE SET " + updates
                          + " WHERE reflections.deleted_at IS NULL RETURNING id";

    SQLite::Statement statement(db, sql);
    const TimestampMs now = store.now();
    const std::string happenedOn = draft.happenedOn.empty() ? store.clock().today() : draft.happenedOn;
    int index = 1;
    statement.bind(index++, draft.uuid);
    statement.bind(index++, draft.childId);
    statement.bind(index++, draft.caregiverId);
    statement.bind(index++, draft.caregiverId);
    statement.bind(index++, store.actor());
    statement.bind(index++, draft.step);
    statement.bind(index++, happenedOn);
    statement.bind(index++, now);
    statement.bind(index++, now);
    statement.bind(index++, store.actor());
    ReflectionDraft effective = draft;
    effective.repair = effectiveRepair(draft);
    for (const Column* column : extra)
        column->bind(statement, index++, effective);
    if (includes(ReflectionField::LostTemper) && !writesRepair)
        statement.bind(index++, toString(effective.repair));
    if (writesRepair || includes(ReflectionField::LostTemper)) {
        statement.bind(index++, toString(effective.repair));
        statement.bind(index++, now);
    }
    if (finish == Finish::MarkSaved)
        statement.bind(index++, now);
    if (!statement.executeStep())
        throw StorageError(StorageError::Kind::NotFound,
                           "That reflection is in the trash. Restore it to keep writing in it.");
    return statement.getColumn(0).getInt64();
}

// Checks that what the fields point at exists and belongs to the child. In the transaction.
void checkReferences(Store& store, const ReflectionDraft& draft, const std::vector<ReflectionField>& fields)
{
    SQLite::Database& db = store.db().sql();
    std::vector<FieldError> errors;
    {
        SQLite::Statement child(db, "SELECT 1 FROM children WHERE id = ? AND deleted_at IS NULL");
        child.bind(1, draft.childId);
        if (!child.executeStep())
            errors.push_back({"childId", kChildNotFound});
    }
    if (draft.caregiverId != 0) {
        SQLite::Statement caregiver(db, "SELECT 1 FROM caregivers WHERE id = ?");
        caregiver.bind(1, draft.caregiverId);
        if (!caregiver.executeStep())
            errors.push_back({"caregiverId", "That caregiver is no longer here."});
    }
    auto includes = [&](ReflectionField field) { return std::find(fields.begin(), fields.end(), field) != fields.end(); };
    if (includes(ReflectionField::Problem) && draft.problemId != 0) {
        SQLite::Statement problem(db, "SELECT 1 FROM problems WHERE id = ? AND child_id = ? AND deleted_at IS NULL");
        problem.bind(1, draft.problemId);
        problem.bind(2, draft.childId);
        if (!problem.executeStep())
            errors.push_back({"problemId", "That plan is no longer here. It may have been moved to the trash."});
    }
    if (includes(ReflectionField::CoregTried) && !draft.coregTried.empty()) {
        SQLite::Statement item(db, "SELECT 1 FROM coreg_items WHERE id = ? AND child_id = ? AND deleted_at IS NULL");
        for (const auto& tried : draft.coregTried) {
            item.reset();
            item.bind(1, tried.itemId);
            item.bind(2, draft.childId);
            if (!item.executeStep()) {
                errors.push_back({"coregTried", "That idea is no longer in this child's co-regulation profile."});
                break;
            }
        }
    }
    detail::throwIfInvalid(std::move(errors));
}

std::vector<FieldError> baseErrors(const ReflectionDraft& draft)
{
    std::vector<FieldError> errors;
    if (!detail::isUuid(draft.uuid))
        errors.push_back({"uuid", "This reflection has lost its id. Please start it again."});
    if (draft.childId <= 0)
        errors.push_back({"childId", "Please choose which child this is about."});
    if (draft.step < 0 || draft.step > 9)
        errors.push_back({"step", "The steps go from 0 to 9."});
    return errors;
}

void requireWhatHappened(std::vector<FieldError>& errors, const ReflectionDraft& draft)
{
    if (trimmed(draft.summary).empty() && trimmed(draft.whatHappened).empty())
        errors.push_back({"summary", "Please write a few words about what happened."});
}

} // namespace

Reflections::Reflections(Store& store)
    : Reflections(store, shippedReflectionCatalog())
{
}

Reflections::Reflections(Store& store, const ReflectionCatalog& catalog)
    : m_store(store)
    , m_catalog(catalog)
{
}

std::string Reflections::newDraftUuid()
{
    return m_store.newUuid();
}

Id Reflections::saveDraft(const ReflectionDraft& draft, ReflectionField changed)
{
    std::vector<FieldError> errors = baseErrors(draft);
    if (errors.empty())
        errors = validateReflectionField(draft, changed, m_catalog, m_store.clock().today());
    detail::throwIfInvalid(std::move(errors));
    const std::vector<ReflectionField> fields = {changed};
    Id id = 0;
    m_store.db().write([&] {
        checkReferences(m_store, draft, fields);
        id = upsert(m_store, draft, fields, Finish::Keep);
    });
    spdlog::debug("reflection {} autosaved (field {}, step {})", id, static_cast<int>(changed), draft.step);
    return id;
}

Id Reflections::quickSave(const ReflectionDraft& draft)
{
    const std::vector<ReflectionField> fields = {ReflectionField::Summary, ReflectionField::WhatHappened,
                                                 ReflectionField::ActivationBefore};
    std::vector<FieldError> errors = baseErrors(draft);
    for (const ReflectionField field : fields) {
        auto more = validateReflectionField(draft, field, m_catalog, m_store.clock().today());
        errors.insert(errors.end(), more.begin(), more.end());
    }
    requireWhatHappened(errors, draft);
    detail::throwIfInvalid(std::move(errors));
    Id id = 0;
    m_store.db().write([&] {
        checkReferences(m_store, draft, fields);
        id = upsert(m_store, draft, fields, Finish::MarkSaved);
    });
    spdlog::info("reflection {} quick-saved", id);
    return id;
}

Id Reflections::finish(const ReflectionDraft& draft)
{
    std::vector<FieldError> errors = baseErrors(draft);
    auto more = validateReflection(draft, m_catalog, m_store.clock().today());
    errors.insert(errors.end(), more.begin(), more.end());
    requireWhatHappened(errors, draft);
    detail::throwIfInvalid(std::move(errors));
    const std::vector<ReflectionField> fields(std::begin(kAllFields), std::end(kAllFields));
    Id id = 0;
    m_store.db().write([&] {
        checkReferences(m_store, draft, fields);
        id = upsert(m_store, draft, fields, Finish::MarkSaved);
    });
    spdlog::info("reflection {} saved", id);
    return id;
}

std::vector<ReflectionSummary> Reflections::openDrafts(Id childId) const
{
    SQLite::Statement query(m_store.db().sql(), "SELECT " + summaryColumns()
                                                    + " FROM reflections WHERE child_id = ? AND status = 'draft' "
                                                      "AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC");
    query.bind(1, childId);
    std::vector<ReflectionSummary> result;
    while (query.executeStep())
        result.push_back(readSummary(query));
    return result;
}

std::vector<ReflectionSummary> Reflections::openDrafts() const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT " + summaryColumns()
                                + " FROM reflections WHERE status = 'draft' AND deleted_at IS NULL AND child_id IN "
                                  "(SELECT id FROM children WHERE deleted_at IS NULL) ORDER BY updated_at DESC, id DESC");
    std::vector<ReflectionSummary> result;
    while (query.executeStep())
        result.push_back(readSummary(query));
    return result;
}

Reflection Reflections::reflection(Id id) const
{
    SQLite::Statement query(m_store.db().sql(), std::string("SELECT ") + kSelectColumns
                                                    + " FROM reflections WHERE id = ? AND deleted_at IS NULL");
    query.bind(1, id);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kNotFound);
    return readReflection(query);
}

Reflection Reflections::resumeDraft(Id id) const
{
    Reflection found = reflection(id);
    if (found.status != ReflectionStatus::Draft)
        throw StorageError(StorageError::Kind::NotFound, "That reflection is already saved. You can open it to read "
                                                         "or change it.");
    return found;
}

std::vector<ReflectionSummary> Reflections::list(Id childId, int limit, int offset) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT " + summaryColumns()
                                + " FROM reflections WHERE child_id = ? AND deleted_at IS NULL "
                                  "ORDER BY status = 'draft' DESC, happened_on DESC, happened_time DESC, id DESC "
                                  "LIMIT ? OFFSET ?");
    query.bind(1, childId);
    query.bind(2, std::max(limit, 0));
    query.bind(3, std::max(offset, 0));
    std::vector<ReflectionSummary> result;
    while (query.executeStep())
        result.push_back(readSummary(query));
    return result;
}

int Reflections::count(Id childId) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT count(*) FROM reflections WHERE child_id = ? AND deleted_at IS NULL");
    query.bind(1, childId);
    query.executeStep();
    return query.getColumn(0).getInt();
}

void Reflections::trash(Id id)
{
    detail::setDeleted(m_store, "reflections", id, true, kNotFound);
    spdlog::info("reflection {} moved to trash", id);
}

void Reflections::restore(Id id)
{
    detail::setDeleted(m_store, "reflections", id, false, "That reflection is no longer in the trash.");
    spdlog::info("reflection {} restored", id);
}

std::vector<OpenRepair> Reflections::openRepairs(Id childId) const
{
    SQLite::Statement query(m_store.db().sql(),
                            std::string("SELECT id, happened_on, ") + kTitleSql
                                + ", json_array_length(repair_steps) FROM reflections WHERE child_id = ? "
                                  "AND deleted_at IS NULL AND repair_state = 'open' ORDER BY happened_on DESC, id DESC");
    query.bind(1, childId);
    std::vector<OpenRepair> result;
    while (query.executeStep()) {
        result.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                          query.getColumn(2).getString(), query.getColumn(3).getInt()});
    }
    return result;
}

namespace {
void setRepair(Store& store, Id id, bool isDone)
{
    store.db().write([&] {
        SQLite::Statement update(store.db().sql(),
                                 "UPDATE reflections SET repair_state = ?, repair_done_at = ?, updated_at = ?, "
                                 "updated_by = ? WHERE id = ? AND deleted_at IS NULL");
        const TimestampMs now = store.now();
        update.bind(1, isDone ? "done" : "open");
        if (isDone)
            update.bind(2, now);
        else
            update.bind(2);
        update.bind(3, now);
        update.bind(4, store.actor());
        update.bind(5, id);
        update.exec();
        if (store.db().sql().getChanges() == 0)
            throw StorageError(StorageError::Kind::NotFound, kNotFound);
    });
}
} // namespace

void Reflections::markRepairDone(Id id)
{
    setRepair(m_store, id, true);
    spdlog::info("repair of reflection {} marked done", id);
}

void Reflections::reopenRepair(Id id)
{
    setRepair(m_store, id, false);
    spdlog::info("repair of reflection {} reopened", id);
}

} // namespace attune::core
