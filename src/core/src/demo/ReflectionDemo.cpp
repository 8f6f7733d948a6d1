// SPDX-License-Identifier: MIT
// Demo reflections: believable hard moments for children of different ages, the problems
// they lead to, calm Plan B talks, and repairs. Rows are written with SQL in one transaction
// (thousands of service calls would each validate and build SQL); tests check every row
// against the same validation the services use.
#include "attune/core/ReflectionDemo.h"

#include "demo/DemoParts.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <random>

using nlohmann::json;

namespace attune::core {

namespace {

constexpr TimestampMs kDayMs = 86'400'000;

// One kind of hard moment and the CPS problem behind it. Keys are from resources/content/.
struct Moment {
    int minAge;
    int maxAge;
    const char* summary;
    const char* place;
    const char* justBefore;
    bool isTransition;
    const char* time;
    const char* whatHappened;
    std::vector<const char*> needs;
    std::vector<const char*> skills;
    std::vector<const char*> feelings;
    const char* childState;
    const char* source;
    const char* problem;
};

const std::vector<Moment>& moments()
{
    static const std::vector<Moment> list = {
        {2, 6, "Meltdown leaving the park", "The playground", "Swings; I said five more minutes", true, "17:10",
         "When I said it was time to go, they dropped to the ground and wouldn't walk. I carried them to the "
         "buggy and they cried all the way home.",
         {"transition", "tired"}, {"transitions", "frustration"}, {"mad", "mad/frustrated", "sad/disappointed"},
         "fight_flight", "bottom_up", "Difficulty leaving the playground when it's time to go home for dinner"},
        {2, 7, "Hard time getting dressed", "Bedroom", "Breakfast; we were already late", false, "07:45",
         "The socks felt wrong, then the jumper. Every piece of clothing became a battle and we were late again.",
         {"rushing", "clothing"}, {"sensory_motor", "sequencing"}, {"mad/grumpy", "scared/overwhelmed"},
         "fight_flight", "bottom_up", "Difficulty getting dressed before we leave for nursery on weekday mornings"},
        {3, 10, "Bedtime fell apart", "Bathroom", "Screen time had just ended", true, "19:40",
         "I turned the tablet off and it went downhill from there: no bath, no teeth, and a lot of shouting from "
         "both of us.",
         {"tired", "transition"}, {"transitions", "time"}, {"tired", "tired/sleepy", "mad/annoyed"}, "fight_flight",
         "bottom_up", "Difficulty turning off the tablet when asked before bath time on school nights"},
        {3, 12, "Fight over the Lego", "Living room", "Both children playing side by side", false, "16:30",
         "A tower got knocked over and within seconds they were grabbing pieces from each other. I had to "
         "separate them.",
         {"conflict", "connection"}, {"perspective", "impulsivity"}, {"mad/jealous", "mad/its_not_fair"},
         "fight_flight", "unsure", "Difficulty sharing the big Lego box with their sibling after school"},
        {5, 12, "Homework ended in tears", "Kitchen table", "Came home from school hungry", false, "17:30",
         "They stared at the page, said they were stupid, and pushed the book away. I kept explaining and it only "
         "got worse.",
         {"too_hard", "tired", "hungry"}, {"persistence", "frustration", "focus"},
         {"sad/discouraged", "scared/overwhelmed"}, "shut_down", "bottom_up",
         "Difficulty starting the reading homework after dinner on weekdays"},
        {4, 11, "The supermarket was too much", "Supermarket", "A long morning of errands", false, "11:20",
         "The queue was long and the music loud. They started pulling at the trolley and covering their ears.",
         {"overstimulated", "waiting"}, {"sensory_motor", "frustration"}, {"scared/overwhelmed", "yucky/uncomfortable"},
         "fight_flight", "bottom_up", "Difficulty waiting in the checkout queue at the supermarket on Saturdays"},
        {5, 14, "Upset when plans changed", "Hallway", "We had to cancel the visit to Grandma", false, "10:00",
         "When I said we couldn't go after all, they slammed the door and wouldn't come out for an hour.",
         {"change", "worry"}, {"letting_go", "uncertainty", "routines"}, {"sad/disappointed", "mad/its_not_fair"},
         "fight_flight", "bottom_up", "Difficulty accepting a change of plan when a weekend visit is cancelled"},
        {8, 16, "Wouldn't come off the game", "Bedroom", "Gaming online with friends", true, "20:30",
         "I asked three times, then switched the router off. They said I was ruining everything.",
         {"transition", "control"}, {"transitions", "time", "letting_go"}, {"mad/irritated", "mad/fed_up"},
         "fight_flight", "top_down", "Difficulty stopping the online game at 8:30 on school nights"},
        {11, 16, "Went quiet after school", "Car", "Pick-up after school", false, "15:40",
         "One-word answers, hood up, headphones in. At home they went straight to their room and skipped dinner.",
         {"left_out", "worry"}, {"expressing", "joining_in"}, {"sad/left_out", "sad/lonely", "tired/flat"},
         "shut_down", "bottom_up", "Difficulty telling me about a hard day at school on the drive home"},
        {12, 16, "Argument about chores", "Kitchen", "I had asked twice to empty the dishwasher", false, "18:15",
         "It turned into a row about everything they do and don't do. Doors were slammed on both sides.",
         {"control", "parent_stress"}, {"options", "perspective"}, {"mad/annoyed", "mad/resentful"}, "fight_flight",
         "top_down", "Difficulty emptying the dishwasher before dinner on weekdays"},
        {2, 5, "Car seat struggle", "Driveway", "Leaving for nursery", true, "08:05",
         "They arched their back and wouldn't bend into the seat. Ten minutes of wrestling and both of us in tears.",
         {"rushing", "control", "transition"}, {"transitions", "sensory_motor"}, {"mad/furious", "mad"},
         "fight_flight", "bottom_up", "Difficulty getting into the car seat when we leave for nursery"},
        {6, 13, "Losing a board game", "Living room", "Family games night", false, "19:00",
         "When it was clear they would lose, the board went flying and they said nobody ever lets them win.",
         {"conflict", "too_hard"}, {"frustration", "black_and_white", "harsh_beliefs"},
         {"sad/embarrassed", "mad/its_not_fair"}, "fight_flight", "bottom_up",
         "Difficulty finishing a board game when they are losing on family games night"},
        {4, 16, "Morning rush fell apart", "Front door", "Looking for shoes and bags", false, "08:10",
         "One shoe was missing and the bag wasn't packed. I snapped, they snapped back, and we left in silence.",
         {"rushing", "tired"}, {"time", "sequencing"}, {"scared/rushed", "mad/grumpy"}, "fight_flight", "bottom_up",
         "Difficulty finding shoes and school bag by 8:00 on school mornings"},
        {3, 12, "Hard drop-off", "School gate", "Walking to school", true, "08:45",
         "They held on to my coat and wouldn't let go. The teacher had to take their hand.",
         {"worry", "transition"}, {"uncertainty", "expressing"}, {"scared/worried", "scared/nervous", "sad"},
         "shut_down", "bottom_up", "Difficulty saying goodbye at the school gate on Monday mornings"},
    };
    return list;
}

const char* const kWhyFeeling[] = {"They were running on empty after a long day.",
                                   "It felt unfair to them, and they didn't have the words for it yet.",
                                   "Their body was already full before this started.",
                                   "Something earlier in the day was still sitting with them."};
const char* const kWhyBehaving[] = {"It looked like a flood, not a choice: they couldn't stop in time.",
                                    "They didn't have another way yet to show how big it felt.",
                                    "Stopping something they love is still a growing skill.",
                                    "Kids do well if they can; today they couldn't."};
const char* const kWhyStruggling[] = {"I was rushing and tired too.", "We were both hungry and it was late.",
                                      "I had a lot on my mind and less patience than usual.",
                                      "I expected more than this moment could hold."};
const char* const kSelfCompassion[] = {"I raised my voice. That's human, and I can come back and repair.",
                                       "I'm a good parent who had a hard moment.",
                                       "One hard evening doesn't undo all the love."};
const char* const kCoregNotes[] = {"Sitting nearby quietly helped more than talking.",
                                   "A snack and a slow walk changed everything.",
                                   "Fewer words, lower voice. It took a while, but it worked.", ""};
const char* const kParentStates[] = {"fight_flight", "fight_flight", "shut_down", "calm"};
const char* const kActions[] = {"breathe", "step_away", "water", "count", "hands", "ground", "snack", "reach_out"};
const char* const kRepairSteps[] = {"name_it", "own_it",   "impact",   "no_burden", "love",
                                    "next_time", "keep_limit", "upstream", "reconnect"};

struct Talk {
    const char* childConcern;
    const char* myConcern;
    const char* ideas;
    const char* agreed;
};
const Talk kTalks[] = {
    {"It's hard to stop when I'm in the middle of something.", "I'm worried we're late and everyone ends up upset.",
     "A five-minute warning with a timer they can see; choosing the last thing to do.",
     "We'll try the sand timer and a 'last turn' for two weeks."},
    {"It feels like I never get a say.", "I need this done so the evening works for everyone.",
     "Picking the time themselves; a checklist on the fridge; doing it together the first week.",
     "They choose when, as long as it's before dinner. We'll check in on Sunday."},
    {"It's too loud and I don't know how long it will take.", "I worry about the rest of the day going wrong.",
     "Headphones in the bag; a job to do like holding the list; going at a quieter time.",
     "Headphones come with us, and we try Saturday mornings early."},
    {"I don't know", "I want to understand what makes this so hard.",
     "Talk again after a good night's sleep; draw it instead of saying it.",
     "We'll try again on Thursday after a snack."},
};

class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    {
    }
    // [0, n): modulo of the raw engine output, so results are the same on every standard library.
    int below(int n) { return static_cast<int>(m_engine() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    std::string uuid()
    {
        std::uint64_t high = m_engine();
        std::uint64_t low = m_engine();
        high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
        low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
        return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF, high & 0xFFFF,
                           low >> 48, low & 0xFFFFFFFFFFFFULL);
    }

private:
    std::mt19937_64 m_engine;
};

std::string keys(const std::vector<const char*>& list)
{
    json out = json::array();
    for (const char* key : list)
        out.push_back(key);
    return out.dump();
}

TimestampMs instant(long day, const std::string& time)
{
    const int minutes = std::stoi(time.substr(0, 2)) * 60 + std::stoi(time.substr(3, 2));
    return static_cast<TimestampMs>(day) * kDayMs + static_cast<TimestampMs>(minutes) * 60'000;
}

struct ChildInfo {
    Id id = 0;
    long birthDay = -1; // days since epoch; -1 unknown
    std::vector<Id> coregItems;
    // The newest problem written for each kind of moment, and the day it was written.
    std::map<std::size_t, std::pair<Id, long>> problemByMoment;
    bool hasProblemToDiscuss = false;
};

struct Writer {
    SQLite::Database& db;
    Random& random;
    std::string caregiverUuid;
    Id caregiverId = 0;
    long today = 0;
    ReflectionDemoCounts counts;

    Id addProblem(ChildInfo& child, const Moment& moment, long createdDay, Id reflectionId,
                  const char* forcedStatus = nullptr)
    {
        const long age = today - createdDay;
        const int roll = random.below(100);
        const char* status = "to_discuss";
        if (forcedStatus)
            status = forcedStatus;
        else if (age > 540) // long ago: talked through or consciously let go
            status = roll < 70 ? "solved" : "set_aside";
        else if (age > 90)
            status = roll < 40 ? "solved" : roll < 70 ? "trying" : roll < 85 ? "set_aside" : "to_discuss";
        else
            status = roll < 50 ? "to_discuss" : roll < 90 ? "trying" : "set_aside";
        const std::string statusText = status;
        std::string plan = "B";
        if (statusText == "set_aside")
            plan = "C";
        else if (statusText != "to_discuss" && random.chance(20))
            plan = "A";
        else if (statusText == "to_discuss" && random.chance(40))
            plan = "";
        std::string review;
        if (statusText == "trying")
            review = formatDate(civilFromDays(std::min(today + 20, createdDay + 14 + random.below(60))));
        else if (statusText == "set_aside" && age < 180) // "Plan C now, Plan B soon"
            review = formatDate(civilFromDays(createdDay + 90));
        const TimestampMs created = static_cast<TimestampMs>(createdDay) * kDayMs + TimestampMs{21} * 3'600'000;
        SQLite::Statement insert(db, "INSERT INTO problems (uuid, child_id, text, status, plan, review_on, "
                                     "reflection_id, created_at, updated_at, updated_by) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, random.uuid());
        insert.bind(2, child.id);
        insert.bind(3, moment.problem);
        insert.bind(4, statusText);
        insert.bind(5, plan);
        insert.bind(6, review);
        if (reflectionId != 0)
            insert.bind(7, reflectionId);
        else
            insert.bind(7);
        insert.bind(8, created);
        insert.bind(9, created + static_cast<TimestampMs>(random.below(60)) * kDayMs);
        insert.bind(10, caregiverUuid);
        insert.exec();
        const Id problemId = db.getLastInsertRowid();
        ++counts.problems;
        child.hasProblemToDiscuss = child.hasProblemToDiscuss || statusText == "to_discuss";
        if (plan == "B")
            addTalks(problemId, createdDay, statusText);
        return problemId;
    }

    void addTalks(Id problemId, long createdDay, const std::string& status)
    {
        const int talks = status == "to_discuss" ? 1 : 1 + random.below(3);
        long day = createdDay + 2 + random.below(5);
        for (int i = 0; i < talks; ++i) {
            const bool isUpcoming = status == "to_discuss" || day >= today;
            if (isUpcoming)
                day = std::max(day, today + 1 + random.below(6));
            const Talk& notes = kTalks[random.below(static_cast<int>(std::size(kTalks)))];
            SQLite::Statement insert(db, "INSERT INTO plan_b_talks (uuid, problem_id, scheduled_on, scheduled_time, "
                                         "child_concern, my_concern, ideas, agreed, likelihood, review_on, "
                                         "created_at, updated_at, updated_by) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.bind(1, random.uuid());
            insert.bind(2, problemId);
            insert.bind(3, formatDate(civilFromDays(day)));
            insert.bind(4, random.chance(50) ? "16:30" : "19:15");
            insert.bind(5, isUpcoming ? "" : notes.childConcern);
            insert.bind(6, isUpcoming ? "" : notes.myConcern);
            insert.bind(7, isUpcoming ? "" : notes.ideas);
            insert.bind(8, isUpcoming ? "" : notes.agreed);
            insert.bind(9, isUpcoming ? 0 : 2 + random.below(4));
            insert.bind(10, isUpcoming ? std::string() : formatDate(civilFromDays(day + 14)));
            const TimestampMs created = static_cast<TimestampMs>(std::min(day, today)) * kDayMs + TimestampMs{20} * 3'600'000;
            insert.bind(11, created);
            insert.bind(12, created);
            insert.bind(13, caregiverUuid);
            insert.exec();
            ++counts.talks;
            if (isUpcoming)
                break;
            day += 14 + random.below(21);
        }
    }

    // Every child's page shows something to talk about and a repair still open, as real
    // pages usually do: the newest hard moment is left with its repair open, and a fresh
    // problem waits for a talk when chance gave none.
    void finishChild(ChildInfo& child)
    {
        SQLite::Statement latest(db, "SELECT id, happened_on FROM reflections WHERE child_id = ? AND status = 'saved' "
                                     "ORDER BY happened_on DESC, id DESC LIMIT 1");
        latest.bind(1, child.id);
        if (!latest.executeStep())
            return;
        const Id latestId = latest.getColumn(0).getInt64();
        SQLite::Statement open(db, "UPDATE reflections SET lost_temper = 1, repair_state = 'open', "
                                   "repair_done_at = NULL, self_compassion = ? WHERE id = ? AND repair_state <> 'open'");
        open.bind(1, kSelfCompassion[0]);
        open.bind(2, latestId);
        open.exec();
        counts.openRepairs += db.getChanges();
        if (child.hasProblemToDiscuss)
            return;
        const long ageYears = child.birthDay < 0 ? 6 : (today - child.birthDay) / 365;
        // The fitting kind of moment whose problem is oldest (or that has none) comes up again.
        std::size_t pick = moments().size();
        long oldest = today;
        for (std::size_t i = 0; i < moments().size(); ++i) {
            const Moment& moment = moments()[i];
            if (ageYears < moment.minAge || ageYears > moment.maxAge)
                continue;
            const auto known = child.problemByMoment.find(i);
            const long written = known == child.problemByMoment.end() ? -1 : known->second.second;
            if (written < oldest) {
                oldest = written;
                pick = i;
            }
        }
        if (pick < moments().size())
            child.problemByMoment[pick] = {addProblem(child, moments()[pick], today - 3, 0, "to_discuss"), today - 3};
    }

    void addReflection(ChildInfo& child, long day, bool isDraft)
    {
        const long ageYears = child.birthDay < 0 ? 6 : (day - child.birthDay) / 365;
        std::vector<std::size_t> fitting;
        for (std::size_t i = 0; i < moments().size(); ++i) {
            if (ageYears >= moments()[i].minAge && ageYears <= moments()[i].maxAge)
                fitting.push_back(i);
        }
        if (fitting.empty())
            return; // a baby: no reflections yet
        const std::size_t index = fitting[static_cast<std::size_t>(random.below(static_cast<int>(fitting.size())))];
        const Moment& moment = moments()[index];
        const int step = isDraft ? 1 + random.below(8) : 9;
        const bool lostTemper = random.chance(30);
        const int before = 4 + random.below(6);
        const int after = std::max(1, before - 2 - random.below(4));
        std::string repair = "none";
        if (lostTemper)
            repair = (today - day < 30 && random.chance(50)) || isDraft ? "open" : "done";
        std::vector<const char*> repairSteps;
        if (lostTemper) {
            const int done = repair == "done" ? 4 + random.below(6) : random.below(4);
            for (int i = 0; i < done; ++i)
                repairSteps.push_back(kRepairSteps[i]);
        }
        json coreg = json::array();
        if (!child.coregItems.empty() && random.chance(70)) {
            const Id item = child.coregItems[static_cast<std::size_t>(random.below(static_cast<int>(child.coregItems.size())))];
            coreg.push_back({{"item", item}, {"outcome", random.chance(70) ? "helped" : "not_sure"}});
        }
        const TimestampMs at = instant(day, moment.time);
        Id problemId = 0;
        // A difficulty that comes back years later is written down afresh.
        const auto known = child.problemByMoment.find(index);
        if (known != child.problemByMoment.end() && day - known->second.second < 730)
            problemId = known->second.first;

        SQLite::Statement insert(db, R"sql(
INSERT INTO reflections (uuid, child_id, caregiver_id, status, step, safety, my_state, budget_sleep, budget_food,
  budget_stress, budget_support, regulating_action, activation_before, happened_on, happened_time, place,
  just_before, was_transition, what_happened, summary, child_feelings, child_state, source, unmet_needs,
  lagging_skills, why_feeling, why_behaving, why_struggling, lost_temper, repair_steps, self_compassion,
  repair_state, repair_done_at, coreg_tried, coreg_note, problem_id, activation_after, saved_at, created_at,
  updated_at, updated_by)
VALUES (?, ?, ?, ?, ?, 'all_safe', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
  ?, ?, ?, ?, ?, ?, ?, ?))sql");
        int i = 1;
        insert.bind(i++, random.uuid());
        insert.bind(i++, child.id);
        insert.bind(i++, caregiverId);
        insert.bind(i++, isDraft ? "draft" : "saved");
        insert.bind(i++, step);
        insert.bind(i++, kParentStates[random.below(4)]);
        for (int part = 0; part < 4; ++part)
            insert.bind(i++, 1 + random.below(3));
        insert.bind(i++, kActions[random.below(static_cast<int>(std::size(kActions)))]);
        insert.bind(i++, before);
        insert.bind(i++, formatDate(civilFromDays(day)));
        insert.bind(i++, moment.time);
        insert.bind(i++, moment.place);
        insert.bind(i++, moment.justBefore);
        insert.bind(i++, moment.isTransition ? 1 : 0);
        insert.bind(i++, moment.whatHappened);
        insert.bind(i++, moment.summary);
        insert.bind(i++, step >= 3 ? keys(moment.feelings) : "[]");
        insert.bind(i++, step >= 3 ? moment.childState : "");
        insert.bind(i++, step >= 3 ? moment.source : "");
        insert.bind(i++, step >= 4 ? keys(moment.needs) : "[]");
        insert.bind(i++, step >= 4 ? keys(moment.skills) : "[]");
        insert.bind(i++, step >= 4 ? kWhyFeeling[random.below(4)] : "");
        insert.bind(i++, step >= 4 ? kWhyBehaving[random.below(4)] : "");
        insert.bind(i++, step >= 4 ? kWhyStruggling[random.below(4)] : "");
        insert.bind(i++, lostTemper ? 1 : 0);
        insert.bind(i++, keys(repairSteps));
        insert.bind(i++, lostTemper ? kSelfCompassion[random.below(3)] : "");
        insert.bind(i++, repair);
        if (repair == "done")
            insert.bind(i++, at + (1 + random.below(3)) * kDayMs / 4);
        else
            insert.bind(i++);
        insert.bind(i++, coreg.dump());
        insert.bind(i++, kCoregNotes[random.below(4)]);
        if (problemId != 0)
            insert.bind(i++, problemId);
        else
            insert.bind(i++);
        if (isDraft)
            insert.bind(i++);
        else
            insert.bind(i++, after);
        if (isDraft)
            insert.bind(i++);
        else
            insert.bind(i++, at + 30 * 60'000);
        insert.bind(i++, at + 10 * 60'000);
        insert.bind(i++, at + 30 * 60'000);
        insert.bind(i++, caregiverUuid);
        insert.exec();
        const Id reflectionId = db.getLastInsertRowid();
        if (isDraft)
            ++counts.drafts;
        else
            ++counts.reflections;
        if (repair == "open")
            ++counts.openRepairs;

        // Step 8: now and then a kind of moment that keeps coming back becomes a problem.
        if (!isDraft && problemId == 0 && random.chance(20)) {
            const Id newProblem = addProblem(child, moment, day, reflectionId);
            child.problemByMoment[index] = {newProblem, day};
            SQLite::Statement link(db, "UPDATE reflections SET problem_id = ? WHERE id = ?");
            link.bind(1, newProblem);
            link.bind(2, reflectionId);
            link.exec();
        }
    }
};

ChildInfo loadChild(SQLite::Database& db, Id childId)
{
    ChildInfo child;
    child.id = childId;
    SQLite::Statement birth(db, "SELECT birth_date FROM children WHERE id = ? AND deleted_at IS NULL");
    birth.bind(1, childId);
    if (!birth.executeStep())
        throw StorageError(StorageError::Kind::NotFound, "A child for the demo is no longer here.");
    if (const auto date = parseDate(birth.getColumn(0).getString()))
        child.birthDay = daysFromCivil(*date);
    SQLite::Statement items(db, "SELECT id FROM coreg_items WHERE child_id = ? AND deleted_at IS NULL "
                                "AND rating = 'helps' ORDER BY id");
    items.bind(1, childId);
    while (items.executeStep())
        child.coregItems.push_back(items.getColumn(0).getInt64());
    return child;
}

} // namespace

ReflectionDemoCounts addReflectionDemo(Store& store, const std::vector<Id>& childIds, int years, std::uint64_t seed,
                                       const std::string& todayText)
{
    Random random(seed);
    const auto today = parseDate(todayText.empty() ? store.clock().today() : todayText);
    if (!today || years <= 0)
        return {};
    SQLite::Database& db = store.db().sql();
    ReflectionDemoCounts counts;
    store.db().write([&] {
        Writer writer{db, random, store.actor(), 0, daysFromCivil(*today), {}};
        SQLite::Statement caregiver(db, "SELECT id, uuid FROM caregivers WHERE deleted_at IS NULL "
                                        "ORDER BY uuid = ? DESC, id LIMIT 1");
        caregiver.bind(1, store.actor());
        if (caregiver.executeStep()) {
            writer.caregiverId = caregiver.getColumn(0).getInt64();
            writer.caregiverUuid = caregiver.getColumn(1).getString();
        }
        const long first = writer.today - static_cast<long>(years) * 365;
        for (const Id childId : childIds) {
            ChildInfo child = loadChild(db, childId);
            // Two to five hard moments a month, on days spread through the month.
            for (long monthStart = first; monthStart < writer.today; monthStart += 30) {
                const int moments = 2 + random.below(4);
                std::vector<long> days;
                for (int i = 0; i < moments; ++i)
                    days.push_back(monthStart + random.below(30));
                std::sort(days.begin(), days.end());
                for (const long day : days) {
                    if (day < writer.today && day >= child.birthDay)
                        writer.addReflection(child, day, false);
                }
            }
            writer.finishChild(child);
            // An interrupted reflection or two, waiting to be continued.
            const int drafts = random.below(3);
            for (int i = 0; i < drafts; ++i)
                writer.addReflection(child, writer.today - 1 - random.below(5), true);
        }
        counts = writer.counts;
    });
    spdlog::info("demo reflections added: {} saved, {} drafts, {} problems, {} talks", counts.reflections,
                 counts.drafts, counts.problems, counts.talks);
    return counts;
}

namespace demo {

int reflectionDemoBatches(const DemoOptions&)
{
    return 1;
}

// The reflection part of `generateDemo()`: hard moments, problems, talks and repairs for the
// children the family part made, over the same years.
void generateReflectionDemo(DemoContext& context)
{
    std::vector<Id> childIds;
    for (const auto& child : context.children)
        childIds.push_back(child.id);
    context.batch([&] {
        const ReflectionDemoCounts counts =
            addReflectionDemo(context.store, childIds, context.options.years,
                              mixSeed(context.options.seed ^ 0x7265666cULL), formatDate(civilFromDays(context.lastDay)));
        context.count("reflections", counts.reflections);
        context.count("reflection drafts", counts.drafts);
        context.count("unsolved problems", counts.problems);
        context.count("Plan B talks", counts.talks);
        context.count("open repairs", counts.openRepairs);
    });
}

} // namespace demo

} // namespace attune::core
