// SPDX-License-Identifier: MIT
// Demo part "one-on-one": sessions on most days with varied activities, partner days, family
// trips (away), short illnesses (sick) and a busier stretch each year, one transaction per year.
#include "attune/core/Database.h"
#include "attune/core/OneOnOne.h"
#include "attune/core/Store.h"
#include "demo/DemoParts.h"
#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace attune::core::demo {

namespace {

const std::vector<std::string> kMoodsBefore = {"Tired", "Grumpy", "Calm", "Excited", "Silly", "Worried",
                                               "Bored", "Playful", "Frustrated", "Content", "Sleepy"};
const std::vector<std::string> kMoodsAfter = {"Calm", "Proud", "Playful", "Loved", "Relaxed", "Silly",
                                              "Content", "Excited", "Cosy", "Confident"};

const std::vector<std::string> kNotes = {
    "Lots of giggles today.",
    "A quiet one; we sat close the whole time.",
    "Narrated the whole story to me as we went.",
    "Started tired, ended chatty.",
    "Phone stayed in the kitchen and it really helped.",
    "Gave a one-minute warning before dinner; it went fine.",
    "Asked for the same game as yesterday.",
    "Invented new rules halfway through and loved it.",
    "I found it hard not to ask questions. Getting better.",
    "Little sibling wandered in; we started again after.",
};

const std::vector<std::string> kMarvels = {
    "How carefully {} lined up every single piece.",
    "{} made up a whole song while we played.",
    "The patience {} had with the tricky part.",
    "{} explained exactly how it all works, step by step.",
    "How gentle {} was with the smallest toy.",
    "{} drew our whole family, everyone holding hands.",
    "{} laughed so hard at my silly voice.",
    "The story {} told had a beginning, a middle and a twist.",
};

std::string withName(const std::string& pattern, const std::string& name)
{
    std::string text = pattern;
    const auto at = text.find("{}");
    if (at != std::string::npos)
        text.replace(at, 2, name);
    return text;
}

struct Stretch {
    long first = 0;
    long last = 0;
    bool contains(long day) const { return day >= first && day <= last; }
};

bool inAny(const std::vector<Stretch>& stretches, long day)
{
    return std::any_of(stretches.begin(), stretches.end(), [day](const Stretch& s) { return s.contains(day); });
}

// The shape of one year of family life, drawn before its rows so every batch draws the same.
struct YearPlan {
    std::vector<Stretch> away;                     // family trips: every child away
    std::vector<std::vector<Stretch>> sick;        // per child
    Stretch busy;                                  // a few busier weeks: fewer sessions
};

YearPlan planYear(DemoRandom& random, long first, long last, std::size_t children)
{
    YearPlan plan;
    const int length = static_cast<int>(last - first + 1);
    auto stretch = [&](int minDays, int maxDays) {
        const int days = random.between(minDays, maxDays);
        const long start = first + random.between(0, std::max(0, length - days));
        return Stretch{start, std::min(last, start + days - 1)};
    };
    plan.away.push_back(stretch(6, 13)); // a summer trip
    plan.away.push_back(stretch(2, 5));  // a long weekend away
    plan.sick.resize(children);
    for (auto& sick : plan.sick) {
        const int times = random.between(1, 4);
        for (int i = 0; i < times; ++i)
            sick.push_back(stretch(1, 4));
    }
    plan.busy = stretch(20, 45);
    return plan;
}

int weekdayOf(long day)
{
    return static_cast<int>(((day % 7) + 7 + 3) % 7); // 0 = Monday; 1970-01-01 was a Thursday
}

} // namespace

const std::vector<std::string>& demoActivities()
{
    static const std::vector<std::string> activities = {
        "Lego",         "Building blocks", "Magnetic tiles", "Drawing",    "Colouring",  "Play-dough",
        "Toy cars",     "Train set",       "Farm animals",   "Dollhouse",  "Pretend play", "Soft toys",
        "Marble run",   "Dressing up",     "Making a den",   "Drawing comics",
    };
    return activities;
}

int oneOnOneDemoBatches(const DemoOptions& options)
{
    return options.years;
}

void generateOneOnOneDemo(DemoContext& context)
{
    DemoRandom random = context.random("one-on-one");
    SQLite::Database& db = context.store.db().sql();
    SQLite::Statement session(db, "INSERT INTO sessions (uuid, child_id, caregiver_uuid, day, start_ms, minutes, "
                                  "activity, child_led, no_screens, no_interruptions, presence, mood_before, "
                                  "mood_after, note, marvel, created_at, updated_at, updated_by) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement dayState(db, "INSERT INTO day_states (uuid, child_id, day, state, created_at, updated_at, "
                                   "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const std::vector<std::string>& activities = demoActivities();
    if (context.caregivers.size() < 2)
        return; // the family part was stopped before it ran

    int sessions = 0;
    int states = 0;
    auto addState = [&](const DemoChild& child, long day, DayState state, const std::string& dayText) {
        const TimestampMs at = DemoContext::at(day, 21 * 60);
        dayState.reset();
        detail::bindText(dayState, 1, context.store.newUuid());
        dayState.bind(2, child.id);
        detail::bindText(dayState, 3, dayText);
        detail::bindText(dayState, 4, toString(state));
        dayState.bind(5, at);
        dayState.bind(6, at);
        detail::bindText(dayState, 7, context.caregivers[0].uuid);
        dayState.exec();
        ++states;
    };
    auto addSession = [&](const DemoChild& child, long day, const std::string& dayText, bool isWeekend) {
        const DemoCaregiver& who = random.chance(0.3) ? context.caregivers[1] : context.caregivers[0];
        const bool isQuick = random.chance(0.12); // logged in a hurry: child and minutes only
        int minutes = child.goalMinutes;
        const double shape = random.unit();
        if (shape < 0.45)
            minutes = child.goalMinutes;
        else if (shape < 0.7)
            minutes = child.goalMinutes + random.between(1, 10);
        else if (shape < 0.85)
            minutes = std::max(3, child.goalMinutes - random.between(1, 6));
        else
            minutes = isWeekend ? random.between(25, 60) : random.between(15, 30);
        const int startMinute = isWeekend ? random.between(9 * 60, 17 * 60) : random.between(16 * 60 + 30, 19 * 60 + 30);
        const TimestampMs start = DemoContext::at(day, startMinute);
        const TimestampMs loggedAt = start + static_cast<TimestampMs>(minutes + random.between(1, 90)) * 60'000;

        // Tastes drift: each year of age one favourite leaves and a new one arrives.
        const int age = static_cast<int>((day - child.birthDay) / 365);
        const int favourite = std::min(random.between(0, 4), random.between(0, 4));
        const std::size_t activity = static_cast<std::size_t>(
            child.activityOrder[static_cast<std::size_t>(age + favourite) % child.activityOrder.size()]);

        session.reset();
        detail::bindText(session, 1, context.store.newUuid());
        session.bind(2, child.id);
        detail::bindText(session, 3, who.uuid);
        detail::bindText(session, 4, dayText);
        if (isQuick || random.chance(0.35))
            session.bind(5); // start time not known
        else
            session.bind(5, start);
        session.bind(6, minutes);
        detail::bindText(session, 7, isQuick ? std::string() : activities[activity]);
        session.bind(8, !isQuick && random.chance(0.92) ? 1 : 0);
        session.bind(9, !isQuick && random.chance(0.96) ? 1 : 0);
        session.bind(10, !isQuick && random.chance(0.78) ? 1 : 0);
        const double presence = random.unit();
        session.bind(11, isQuick || presence < 0.25 ? 0 : presence < 0.3 ? 2 : presence < 0.5 ? 3 : presence < 0.8 ? 4 : 5);
        const bool hasMoods = !isQuick && random.chance(0.45);
        detail::bindText(session, 12, hasMoods ? random.pick(kMoodsBefore) : std::string());
        detail::bindText(session, 13, hasMoods ? random.pick(kMoodsAfter) : std::string());
        detail::bindText(session, 14, !isQuick && random.chance(0.12) ? random.pick(kNotes) : std::string());
        detail::bindText(session, 15,
                         !isQuick && random.chance(0.08) ? withName(random.pick(kMarvels), child.name) : std::string());
        session.bind(16, loggedAt);
        session.bind(17, loggedAt);
        detail::bindText(session, 18, who.uuid);
        session.exec();
        ++sessions;
    };

    for (int year = 0; year < context.options.years; ++year) {
        const long first = context.firstDay + static_cast<long>(year) * 365 + year / 4;
        const long last = year + 1 == context.options.years ? context.lastDay
                                                            : context.firstDay + static_cast<long>(year + 1) * 365
                                                                  + (year + 1) / 4 - 1;
        const YearPlan plan = planYear(random, first, last, context.children.size());
        const bool isDone = context.batch([&] {
            for (std::size_t c = 0; c < context.children.size(); ++c) {
                const DemoChild& child = context.children[c];
                for (long day = std::max(first, child.firstPlayDay); day <= last; ++day) {
                    const std::string dayText = formatDate(civilFromDays(day));
                    if (inAny(plan.away, day)) {
                        addState(child, day, DayState::Away, dayText);
                        continue;
                    }
                    if (inAny(plan.sick[c], day)) {
                        addState(child, day, DayState::Sick, dayText);
                        continue;
                    }
                    const bool isWeekend = weekdayOf(day) >= 5;
                    double chance = isWeekend ? 0.88 : 0.78;
                    if (plan.busy.contains(day))
                        chance *= 0.6;
                    if (day == context.lastDay)
                        chance = 0.5; // some children's time today is still to come
                    if (random.chance(chance)) {
                        addSession(child, day, dayText, isWeekend);
                        if (random.chance(0.05))
                            addSession(child, day, dayText, isWeekend); // a second one, later
                    } else if (day != context.lastDay && random.chance(0.3)) {
                        addState(child, day, DayState::PartnerDidIt, dayText);
                    }
                }
            }
        });
        if (!isDone)
            break;
    }
    context.count("sessions", sessions);
    context.count("day states", states);
}

} // namespace attune::core::demo
