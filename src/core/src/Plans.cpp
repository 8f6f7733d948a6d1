// SPDX-License-Identifier: MIT
#include "attune/core/Plans.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Store.h"
#include "attune/core/Validation.h"
#include "Records.h"
#include "storage/FieldSave.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace attune::core {

namespace {

constexpr int kProblemTextMax = 300;
constexpr int kUpcomingTalksMax = 20;
constexpr const char* kProblemNotFound = "That plan is no longer here. It may have been moved to the trash.";
constexpr const char* kTalkNotFound = "That talk is no longer here. It may have been moved to the trash.";
constexpr const char* kChildNotFound = "That child is no longer here. They may have been moved to the trash.";
const std::string kTooLong = "This is longer than Attune can keep (1 MB). Please shorten it.";

// Reviews due on the Plans page: a problem's own review date, and the review date of the
// latest talk about a problem that is not solved yet; one line per problem, the earliest
// date. (SQLite takes the bare columns of a min() group from the row holding the minimum.)
// Parameters: child, today, child, today.
constexpr const char* kReviewsDueSql = R"sql(
SELECT problem_id, talk_id, text, min(review_on) AS review_on FROM (
  SELECT p.id AS problem_id, 0 AS talk_id, p.text AS text, p.review_on AS review_on FROM problems p
   WHERE p.child_id = ? AND p.deleted_at IS NULL AND p.review_on <> '' AND p.review_on <= ?
     AND p.status <> 'solved'
  UNION ALL
  SELECT p.id, t.id, p.text, t.review_on FROM plan_b_talks t JOIN problems p ON p.id = t.problem_id
   WHERE p.child_id = ? AND p.deleted_at IS NULL AND p.status <> 'solved' AND t.deleted_at IS NULL
     AND t.review_on <> '' AND t.review_on <= ?
     AND t.id = (SELECT t2.id FROM plan_b_talks t2 WHERE t2.problem_id = t.problem_id AND t2.deleted_at IS NULL
                 ORDER BY t2.scheduled_on DESC, t2.id DESC LIMIT 1))
GROUP BY problem_id
)sql";

ProblemDraft cleaned(const ProblemDraft& draft)
{
    ProblemDraft clean = draft;
    clean.text = trimmed(draft.text);
    clean.reviewOn = trimmed(draft.reviewOn);
    return clean;
}

PlanBTalkDraft cleaned(const PlanBTalkDraft& draft)
{
    PlanBTalkDraft clean = draft;
    clean.scheduledOn = trimmed(draft.scheduledOn);
    clean.scheduledTime = trimmed(draft.scheduledTime);
    clean.reviewOn = trimmed(draft.reviewOn);
    return clean;
}

// The columns a parent edits, for the field-level saves.
detail::Columns columns(const ProblemDraft& d)
{
    using detail::SqlValue;
    return {{"text", SqlValue::of(d.text)},
            {"status", SqlValue::of(toString(d.status))},
            {"plan", SqlValue::of(toString(d.plan))},
            {"review_on", SqlValue::of(d.reviewOn)}};
}

detail::Columns columns(const PlanBTalkDraft& d)
{
    using detail::SqlValue;
    return {{"scheduled_on", SqlValue::of(d.scheduledOn)},   {"scheduled_time", SqlValue::of(d.scheduledTime)},
            {"child_concern", SqlValue::of(d.childConcern)}, {"my_concern", SqlValue::of(d.myConcern)},
            {"ideas", SqlValue::of(d.ideas)},                {"agreed", SqlValue::of(d.agreed)},
            {"likelihood", SqlValue::of(std::int64_t{d.likelihood})}, {"review_on", SqlValue::of(d.reviewOn)}};
}

Problem readProblem(SQLite::Statement& row)
{
    Problem problem;
    problem.meta = detail::readMeta(row, 0);
    problem.data.childId = row.getColumn(5).getInt64();
    problem.data.text = row.getColumn(6).getString();
    problem.data.status = problemStatusFromString(row.getColumn(7).getString()).value_or(ProblemStatus::ToDiscuss);
    problem.data.plan = planKindFromString(row.getColumn(8).getString()).value_or(PlanKind::None);
    problem.data.reviewOn = row.getColumn(9).getString();
    problem.data.reflectionId = row.getColumn(10).getInt64();
    return problem;
}

constexpr const char* kProblemColumns = "id, uuid, created_at, updated_at, updated_by, child_id, text, status, plan, "
                                        "review_on, coalesce(reflection_id, 0)";

PlanBTalk readTalk(SQLite::Statement& row)
{
    PlanBTalk talk;
    talk.meta = detail::readMeta(row, 0);
    talk.data.problemId = row.getColumn(5).getInt64();
    talk.data.scheduledOn = row.getColumn(6).getString();
    talk.data.scheduledTime = row.getColumn(7).getString();
    talk.data.childConcern = row.getColumn(8).getString();
    talk.data.myConcern = row.getColumn(9).getString();
    talk.data.ideas = row.getColumn(10).getString();
    talk.data.agreed = row.getColumn(11).getString();
    talk.data.likelihood = row.getColumn(12).getInt();
    talk.data.reviewOn = row.getColumn(13).getString();
    return talk;
}

constexpr const char* kTalkColumns = "id, uuid, created_at, updated_at, updated_by, problem_id, scheduled_on, "
                                     "scheduled_time, child_concern, my_concern, ideas, agreed, likelihood, review_on";

void requireActive(SQLite::Database& db, const char* sql, Id id, const char* field, const char* message)
{
    SQLite::Statement query(db, sql);
    query.bind(1, id);
    if (!query.executeStep())
        throw ValidationError(std::vector<FieldError>{{field, message}});
}

void bindTalk(SQLite::Statement& statement, int first, const PlanBTalkDraft& d)
{
    statement.bind(first, d.scheduledOn);
    statement.bind(first + 1, d.scheduledTime);
    statement.bind(first + 2, d.childConcern);
    statement.bind(first + 3, d.myConcern);
    statement.bind(first + 4, d.ideas);
    statement.bind(first + 5, d.agreed);
    statement.bind(first + 6, d.likelihood);
    statement.bind(first + 7, d.reviewOn);
}

} // namespace

std::string toString(ProblemStatus status)
{
    switch (status) {
    case ProblemStatus::ToDiscuss: return "to_discuss";
    case ProblemStatus::Trying: return "trying";
    case ProblemStatus::Solved: return "solved";
    case ProblemStatus::SetAside: return "set_aside";
    }
    return "to_discuss";
}

std::optional<ProblemStatus> problemStatusFromString(const std::string& text)
{
    for (const auto status : {ProblemStatus::ToDiscuss, ProblemStatus::Trying, ProblemStatus::Solved,
                              ProblemStatus::SetAside}) {
        if (text == toString(status))
            return status;
    }
    return std::nullopt;
}

std::string toString(PlanKind plan)
{
    switch (plan) {
    case PlanKind::None: return "";
    case PlanKind::A: return "A";
    case PlanKind::B: return "B";
    case PlanKind::C: return "C";
    }
    return "";
}

std::optional<PlanKind> planKindFromString(const std::string& text)
{
    for (const auto plan : {PlanKind::None, PlanKind::A, PlanKind::B, PlanKind::C}) {
        if (text == toString(plan))
            return plan;
    }
    return std::nullopt;
}

std::vector<FieldError> validateProblem(const ProblemDraft& draft)
{
    std::vector<FieldError> errors;
    if (draft.childId <= 0)
        errors.push_back({"childId", "Please choose which child this is about."});
    const std::string text = trimmed(draft.text);
    if (text.empty())
        errors.push_back({"text", "Please write the problem in a few words, starting with \"Difficulty…\"."});
    else if (codePointCount(text) > static_cast<std::size_t>(kProblemTextMax))
        errors.push_back({"text", fmt::format("Please keep the problem to {} characters. One clear expectation is "
                                              "easier to talk about.",
                                              kProblemTextMax)});
    if (!detail::isDateOrEmpty(trimmed(draft.reviewOn)))
        errors.push_back({"reviewOn", "Please enter the review day as year-month-day, like 2026-03-14."});
    return errors;
}

std::vector<FieldError> validatePlanBTalk(const PlanBTalkDraft& draft)
{
    std::vector<FieldError> errors;
    if (draft.problemId <= 0)
        errors.push_back({"problemId", "Please choose which problem this talk is about."});
    const std::string day = trimmed(draft.scheduledOn);
    if (day.empty())
        errors.push_back({"scheduledOn", "Please choose a day for the talk."});
    else if (!parseDate(day))
        errors.push_back({"scheduledOn", "Please enter the day as year-month-day, like 2026-03-14."});
    if (!detail::isTimeOrEmpty(trimmed(draft.scheduledTime)))
        errors.push_back({"scheduledTime", "Please enter the time as hours and minutes, like 17:45."});
    const std::pair<const char*, const std::string*> texts[] = {{"childConcern", &draft.childConcern},
                                                                {"myConcern", &draft.myConcern},
                                                                {"ideas", &draft.ideas},
                                                                {"agreed", &draft.agreed}};
    for (const auto& [field, text] : texts) {
        if (text->size() > limits::kLongTextMax)
            errors.push_back({field, kTooLong});
    }
    if (draft.likelihood < 0 || draft.likelihood > 5)
        errors.push_back({"likelihood", "Choose how likely it is to work, from 1 (not very) to 5 (very)."});
    const std::string review = trimmed(draft.reviewOn);
    if (!detail::isDateOrEmpty(review))
        errors.push_back({"reviewOn", "Please enter the review day as year-month-day, like 2026-03-14."});
    else if (!review.empty() && parseDate(day) && review < day)
        errors.push_back({"reviewOn", "The review day comes before the talk. Please check it."});
    return errors;
}

Plans::Plans(Store& store)
    : m_store(store)
{
}

Problem Plans::addProblem(const ProblemDraft& draft)
{
    const ProblemDraft clean = cleaned(draft);
    detail::throwIfInvalid(validateProblem(clean));
    Id id = 0;
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        requireActive(db, "SELECT 1 FROM children WHERE id = ? AND deleted_at IS NULL", clean.childId, "childId",
                      kChildNotFound);
        if (clean.reflectionId != 0) {
            SQLite::Statement reflection(db, "SELECT 1 FROM reflections WHERE id = ? AND child_id = ? AND "
                                             "deleted_at IS NULL");
            reflection.bind(1, clean.reflectionId);
            reflection.bind(2, clean.childId);
            if (!reflection.executeStep())
                throw ValidationError(std::vector<FieldError>{{"reflectionId", "That reflection is no longer here. It may have been "
                                                        "moved to the trash."}});
        }
        SQLite::Statement insert(db, "INSERT INTO problems (uuid, child_id, text, status, plan, review_on, "
                                     "reflection_id, created_at, updated_at, updated_by) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const TimestampMs now = m_store.now();
        insert.bind(1, m_store.newUuid());
        insert.bind(2, clean.childId);
        insert.bind(3, clean.text);
        insert.bind(4, toString(clean.status));
        insert.bind(5, toString(clean.plan));
        insert.bind(6, clean.reviewOn);
        if (clean.reflectionId != 0)
            insert.bind(7, clean.reflectionId);
        else
            insert.bind(7);
        insert.bind(8, now);
        insert.bind(9, now);
        insert.bind(10, m_store.actor());
        insert.exec();
        id = db.getLastInsertRowid();
        if (clean.reflectionId != 0) {
            // Written in step 8 of a reflection: the reflection points at it too (one action).
            SQLite::Statement link(db, "UPDATE reflections SET problem_id = ?, updated_at = ?, updated_by = ? "
                                       "WHERE id = ? AND problem_id IS NULL");
            link.bind(1, id);
            link.bind(2, now);
            link.bind(3, m_store.actor());
            link.bind(4, clean.reflectionId);
            link.exec();
        }
    });
    spdlog::info("problem {} added for child {}", id, clean.childId);
    return problem(id);
}

EditResult Plans::updateProblem(Id id, const ProblemDraft& loaded, const ProblemDraft& edited)
{
    const ProblemDraft clean = cleaned(edited);
    detail::throwIfInvalid(validateProblem(clean));
    EditResult result;
    m_store.db().write([&] {
        result = detail::saveFields(m_store, "problems", id, columns(loaded), columns(cleaned(loaded)), columns(clean),
                                    kProblemNotFound);
    });
    spdlog::info("problem {} {}", id, result.isWritten ? "updated" : "saved unchanged");
    return result;
}

void Plans::setStatus(Id id, ProblemStatus status)
{
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        SQLite::Statement update(db, "UPDATE problems SET status = ?, updated_at = ?, updated_by = ? "
                                     "WHERE id = ? AND deleted_at IS NULL");
        update.bind(1, toString(status));
        update.bind(2, m_store.now());
        update.bind(3, m_store.actor());
        update.bind(4, id);
        update.exec();
        if (db.getChanges() == 0)
            throw StorageError(StorageError::Kind::NotFound, kProblemNotFound);
    });
    spdlog::info("problem {} is now {}", id, toString(status));
}

Problem Plans::problem(Id id) const
{
    SQLite::Statement query(m_store.db().sql(), std::string("SELECT ") + kProblemColumns
                                                    + " FROM problems WHERE id = ? AND deleted_at IS NULL");
    query.bind(1, id);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kProblemNotFound);
    return readProblem(query);
}

std::vector<Problem> Plans::problems(Id childId) const
{
    SQLite::Statement query(m_store.db().sql(), std::string("SELECT ") + kProblemColumns
                                                    + " FROM problems WHERE child_id = ? AND deleted_at IS NULL "
                                                      "ORDER BY status, updated_at DESC, id DESC");
    query.bind(1, childId);
    std::vector<Problem> result;
    while (query.executeStep())
        result.push_back(readProblem(query));
    return result;
}

void Plans::trashProblem(Id id)
{
    detail::setDeleted(m_store, "problems", id, true, kProblemNotFound);
    spdlog::info("problem {} moved to trash", id);
}

void Plans::restoreProblem(Id id)
{
    detail::setDeleted(m_store, "problems", id, false, "That plan is no longer in the trash.");
    spdlog::info("problem {} restored", id);
}

PlanBTalk Plans::addTalk(const PlanBTalkDraft& draft)
{
    const PlanBTalkDraft clean = cleaned(draft);
    detail::throwIfInvalid(validatePlanBTalk(clean));
    Id id = 0;
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        requireActive(db, "SELECT 1 FROM problems WHERE id = ? AND deleted_at IS NULL", clean.problemId, "problemId",
                      kProblemNotFound);
        SQLite::Statement insert(db, "INSERT INTO plan_b_talks (scheduled_on, scheduled_time, child_concern, "
                                     "my_concern, ideas, agreed, likelihood, review_on, uuid, problem_id, "
                                     "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bindTalk(insert, 1, clean);
        const TimestampMs now = m_store.now();
        insert.bind(9, m_store.newUuid());
        insert.bind(10, clean.problemId);
        insert.bind(11, now);
        insert.bind(12, now);
        insert.bind(13, m_store.actor());
        insert.exec();
        id = db.getLastInsertRowid();
    });
    spdlog::info("Plan B talk {} added for problem {}", id, clean.problemId);
    return talk(id);
}

EditResult Plans::updateTalk(Id id, const PlanBTalkDraft& loaded, const PlanBTalkDraft& edited)
{
    const PlanBTalkDraft clean = cleaned(edited);
    detail::throwIfInvalid(validatePlanBTalk(clean));
    EditResult result;
    m_store.db().write([&] {
        result = detail::saveFields(m_store, "plan_b_talks", id, columns(loaded), columns(cleaned(loaded)),
                                    columns(clean), kTalkNotFound);
    });
    spdlog::debug("Plan B talk {} {}", id, result.isWritten ? "updated" : "saved unchanged");
    return result;
}

PlanBTalk Plans::talk(Id id) const
{
    SQLite::Statement query(m_store.db().sql(), std::string("SELECT ") + kTalkColumns
                                                    + " FROM plan_b_talks WHERE id = ? AND deleted_at IS NULL");
    query.bind(1, id);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kTalkNotFound);
    return readTalk(query);
}

std::vector<PlanBTalk> Plans::talks(Id problemId) const
{
    SQLite::Statement query(m_store.db().sql(),
                            std::string("SELECT ") + kTalkColumns
                                + " FROM plan_b_talks WHERE problem_id = ? AND deleted_at IS NULL "
                                  "ORDER BY scheduled_on, scheduled_time, id");
    query.bind(1, problemId);
    std::vector<PlanBTalk> result;
    while (query.executeStep())
        result.push_back(readTalk(query));
    return result;
}

void Plans::trashTalk(Id id)
{
    detail::setDeleted(m_store, "plan_b_talks", id, true, kTalkNotFound);
    spdlog::info("Plan B talk {} moved to trash", id);
}

void Plans::restoreTalk(Id id)
{
    detail::setDeleted(m_store, "plan_b_talks", id, false, "That talk is no longer in the trash.");
    spdlog::info("Plan B talk {} restored", id);
}

PlansPage Plans::page(Id childId, const std::string& today, int perStatusLimit) const
{
    SQLite::Database& db = m_store.db().sql();
    PlansPage page;
    {
        SQLite::Statement counts(db, "SELECT status, count(*) FROM problems WHERE child_id = ? AND deleted_at IS NULL "
                                     "GROUP BY status");
        counts.bind(1, childId);
        while (counts.executeStep()) {
            if (const auto status = problemStatusFromString(counts.getColumn(0).getString()))
                page.counts[static_cast<std::size_t>(*status)] = counts.getColumn(1).getInt();
        }
    }
    {
        // The newest `perStatusLimit` problems of each status, with their talk counts.
        SQLite::Statement query(db, R"sql(
SELECT id, text, status, plan, review_on, updated_at, talks, next_talk FROM (
  SELECT p.id, p.text, p.status, p.plan, p.review_on, p.updated_at,
         (SELECT count(*) FROM plan_b_talks t WHERE t.problem_id = p.id AND t.deleted_at IS NULL) AS talks,
         (SELECT min(t.scheduled_on) FROM plan_b_talks t
           WHERE t.problem_id = p.id AND t.deleted_at IS NULL AND t.scheduled_on >= ?) AS next_talk,
         row_number() OVER (PARTITION BY p.status ORDER BY p.updated_at DESC, p.id DESC) AS position
    FROM problems p WHERE p.child_id = ? AND p.deleted_at IS NULL)
 WHERE position <= ? ORDER BY position)sql");
        query.bind(1, today);
        query.bind(2, childId);
        query.bind(3, perStatusLimit);
        while (query.executeStep()) {
            ProblemSummary problem;
            problem.id = query.getColumn(0).getInt64();
            problem.text = query.getColumn(1).getString();
            problem.status = problemStatusFromString(query.getColumn(2).getString()).value_or(ProblemStatus::ToDiscuss);
            problem.plan = planKindFromString(query.getColumn(3).getString()).value_or(PlanKind::None);
            problem.reviewOn = query.getColumn(4).getString();
            problem.updatedAt = query.getColumn(5).getInt64();
            problem.talkCount = query.getColumn(6).getInt();
            problem.nextTalkOn = query.getColumn(7).getString();
            page.problems[static_cast<std::size_t>(problem.status)].push_back(std::move(problem));
        }
    }
    {
        SQLite::Statement reviews(db, std::string(kReviewsDueSql) + " ORDER BY review_on, problem_id");
        reviews.bind(1, childId);
        reviews.bind(2, today);
        reviews.bind(3, childId);
        reviews.bind(4, today);
        while (reviews.executeStep()) {
            page.reviewsDue.push_back({reviews.getColumn(0).getInt64(), reviews.getColumn(1).getInt64(),
                                       reviews.getColumn(2).getString(), reviews.getColumn(3).getString()});
        }
    }
    {
        SQLite::Statement talks(db, "SELECT t.id, p.id, p.text, t.scheduled_on, t.scheduled_time "
                                    "FROM plan_b_talks t JOIN problems p ON p.id = t.problem_id "
                                    "WHERE p.child_id = ? AND p.deleted_at IS NULL AND t.deleted_at IS NULL "
                                    "AND t.scheduled_on >= ? ORDER BY t.scheduled_on, t.scheduled_time, t.id LIMIT ?");
        talks.bind(1, childId);
        talks.bind(2, today);
        talks.bind(3, kUpcomingTalksMax);
        while (talks.executeStep()) {
            page.upcomingTalks.push_back({talks.getColumn(0).getInt64(), talks.getColumn(1).getInt64(),
                                          talks.getColumn(2).getString(), talks.getColumn(3).getString(),
                                          talks.getColumn(4).getString()});
        }
    }
    page.openRepairs = Reflections(m_store).openRepairs(childId);
    return page;
}

PlansDue Plans::due(Id childId, const std::string& today) const
{
    SQLite::Database& db = m_store.db().sql();
    PlansDue due;
    SQLite::Statement reviews(db, std::string("SELECT count(*) FROM (") + kReviewsDueSql + ")");
    reviews.bind(1, childId);
    reviews.bind(2, today);
    reviews.bind(3, childId);
    reviews.bind(4, today);
    reviews.executeStep();
    due.reviewsDue = reviews.getColumn(0).getInt();
    SQLite::Statement talks(db, "SELECT count(*) FROM plan_b_talks t JOIN problems p ON p.id = t.problem_id "
                                "WHERE p.child_id = ? AND p.deleted_at IS NULL AND t.deleted_at IS NULL "
                                "AND t.scheduled_on = ?");
    talks.bind(1, childId);
    talks.bind(2, today);
    talks.executeStep();
    due.talksToday = talks.getColumn(0).getInt();
    SQLite::Statement repairs(db, "SELECT count(*) FROM reflections WHERE child_id = ? AND deleted_at IS NULL "
                                  "AND repair_state = 'open'");
    repairs.bind(1, childId);
    repairs.executeStep();
    due.openRepairs = repairs.getColumn(0).getInt();
    return due;
}

} // namespace attune::core
