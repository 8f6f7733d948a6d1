// SPDX-License-Identifier: MIT
// Demo part "family": "Me" and a co-parent, the children (names, birth dates, goals, colours,
// a few birth stories) and each child's co-regulation profile.
#include "attune/core/Database.h"
#include "attune/core/Store.h"
#include "demo/DemoParts.h"
#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <numeric>

namespace attune::core::demo {

namespace {

struct DemoName {
    const char* name;
    const char* pronouns;
};

const std::vector<DemoName> kNames = {
    {"Maya", "she/her"}, {"Leo", "he/him"},  {"Isla", "she/her"},  {"Noah", "he/him"},
    {"Ava", "she/her"},  {"Theo", "he/him"}, {"Zara", "she/her"},  {"Finn", "he/him"},
    {"Nora", "she/her"}, {"Sami", "they/them"}, {"Lucia", "she/her"}, {"Arlo", "he/him"},
};

const std::vector<int> kGoals = {10, 10, 10, 15, 15, 20};
const std::vector<std::string> kColours = {"#6a8caf", "#c9846b", "#7fa37a", "#a98bc2", "#d0a441", "#5fa3a0"};

const std::vector<std::string> kBirthStories = {
    "You arrived just after sunrise on a windy morning, and the nurse said you had the loudest little voice on "
    "the ward.",
    "It snowed the night you were born. We drove home so slowly, and you slept through all of it.",
    "You took your time coming, then came all at once. The first thing you did was grab my finger and not let go.",
};

struct DemoCoreg {
    const char* category; // a key of resources/content/coregulation.json
    std::vector<std::string> labels;
};

// Drawn from the suggestion chips of resources/content/coregulation.json.
const std::vector<DemoCoreg> kCoreg = {
    {"touch", {"Firm hug", "Hand on back", "Holding hands", "Only if offered and accepted"}},
    {"eye_contact", {"Side by side works better", "Looking at something together", "Eye contact helps"}},
    {"proximity", {"Right beside them", "Space first, then close", "Nearby in the room"}},
    {"voice", {"Quiet and low", "Very few words", "Humming or singing"}},
    {"light", {"Dim lights", "A lamp, not the big light"}},
    {"sound", {"A quiet room", "Soft music", "Headphones"}},
    {"movement", {"Rocking", "Walking together", "Jumping"}},
    {"deep_pressure", {"Weighted blanket", "Wrapped in a blanket", "Pillow squeeze"}},
    {"sensory_materials", {"Play-dough", "Kinetic sand", "Water play", "Soft toy or blanket"}},
    {"body_budget", {"A snack", "A drink of water", "An early night"}},
    {"overloads", {"Busy shops", "Clothing tags", "Loud places", "Crowds"}},
    {"warning_signs", {"Gets loud and fast", "Goes quiet and far away", "Hides or covers face"}},
    {"not_to_do", {"Don't talk to me yet", "No questions yet", "Don't rush me"}},
    {"words_that_help", {"I'm right here", "You're safe", "Take your time", "I've got you"}},
};

Id insertCaregiver(DemoContext& context, const std::string& uuid, const std::string& name, TimestampMs at)
{
    SQLite::Database& db = context.store.db().sql();
    SQLite::Statement insert(db, "INSERT INTO caregivers (uuid, name, created_at, updated_at, updated_by) "
                                 "VALUES (?, ?, ?, ?, ?)");
    detail::bindText(insert, 1, uuid);
    detail::bindText(insert, 2, name);
    insert.bind(3, at);
    insert.bind(4, at);
    detail::bindText(insert, 5, context.store.actor());
    insert.exec();
    return db.getLastInsertRowid();
}

} // namespace

int familyDemoBatches(const DemoOptions&)
{
    return 1;
}

void generateFamilyDemo(DemoContext& context)
{
    DemoRandom random = context.random("family");
    const TimestampMs startedAt = DemoContext::at(context.firstDay, 20 * 60);
    context.batch([&] {
        SQLite::Database& db = context.store.db().sql();

        // "Me" is the file's first caregiver (every new file has one); the co-parent is new.
        SQLite::Statement me(db, "SELECT id, uuid, name FROM caregivers WHERE deleted_at IS NULL ORDER BY id LIMIT 1");
        DemoCaregiver self;
        if (me.executeStep()) {
            self = {me.getColumn(0).getInt64(), me.getColumn(1).getString(), me.getColumn(2).getString()};
        } else {
            self.uuid = context.store.newUuid();
            self.name = "Me";
            self.id = insertCaregiver(context, self.uuid, self.name, startedAt);
            context.count("caregivers", 1);
        }
        context.store.setActor(self.uuid);
        DemoCaregiver partner{0, context.store.newUuid(), "Alex"};
        partner.id = insertCaregiver(context, partner.uuid, partner.name, startedAt);
        context.count("caregivers", 1);
        context.caregivers = {self, partner};

        // Children: the youngest is 5–7 years old today, each older one 1½–2½ years older.
        std::vector<std::size_t> names(kNames.size());
        std::iota(names.begin(), names.end(), std::size_t{0});
        for (std::size_t i = names.size() - 1; i > 0; --i)
            std::swap(names[i], names[static_cast<std::size_t>(random.between(0, static_cast<int>(i)))]);
        std::vector<long> births(static_cast<std::size_t>(context.options.children));
        long birth = context.lastDay - random.between(5 * 365, 7 * 365);
        for (auto it = births.rbegin(); it != births.rend(); ++it) {
            *it = birth;
            birth -= random.between(550, 900);
        }

        SQLite::Statement child(db, "INSERT INTO children (uuid, name, birth_date, pronouns, goal_minutes, "
                                    "avatar_color, birth_story, sort_order, created_at, updated_at, updated_by) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        SQLite::Statement coreg(db, "INSERT INTO coreg_items (uuid, child_id, category, label, rating, note, "
                                    "sort_order, created_at, updated_at, updated_by) "
                                    "VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?)");
        for (int i = 0; i < context.options.children; ++i) {
            const DemoName& name = kNames[names[static_cast<std::size_t>(i)]];
            DemoChild made;
            made.name = name.name;
            made.birthDay = births[static_cast<std::size_t>(i)];
            // One-on-one play from about age two, or from the start of the history.
            made.firstPlayDay = std::max(context.firstDay, made.birthDay + 731); // two years, leap day included
            made.goalMinutes = random.pick(kGoals);
            made.activityOrder.resize(demoActivities().size());
            std::iota(made.activityOrder.begin(), made.activityOrder.end(), 0);
            for (std::size_t k = made.activityOrder.size() - 1; k > 0; --k)
                std::swap(made.activityOrder[k],
                          made.activityOrder[static_cast<std::size_t>(random.between(0, static_cast<int>(k)))]);

            const TimestampMs createdAt = std::max(startedAt, DemoContext::at(made.birthDay, 20 * 60));
            child.reset();
            detail::bindText(child, 1, context.store.newUuid());
            detail::bindText(child, 2, made.name);
            detail::bindText(child, 3, formatDate(civilFromDays(made.birthDay)));
            detail::bindText(child, 4, random.chance(0.5) ? name.pronouns : "");
            child.bind(5, made.goalMinutes);
            detail::bindText(child, 6, kColours[static_cast<std::size_t>(i) % kColours.size()]);
            detail::bindText(child, 7, random.chance(0.6) ? random.pick(kBirthStories) : "");
            child.bind(8, i);
            child.bind(9, createdAt);
            child.bind(10, createdAt);
            detail::bindText(child, 11, context.store.actor());
            child.exec();
            made.id = db.getLastInsertRowid();
            context.count("children", 1);

            // Six to nine parts of the profile, one known item each.
            std::vector<std::size_t> categories(kCoreg.size());
            std::iota(categories.begin(), categories.end(), std::size_t{0});
            for (std::size_t k = categories.size() - 1; k > 0; --k)
                std::swap(categories[k], categories[static_cast<std::size_t>(random.between(0, static_cast<int>(k)))]);
            categories.resize(static_cast<std::size_t>(random.between(6, 9)));
            std::sort(categories.begin(), categories.end());
            int order = 0;
            for (const std::size_t c : categories) {
                const DemoCoreg& part = kCoreg[c];
                const bool isAvoid = part.category == std::string("overloads") || part.category == std::string("not_to_do");
                const double roll = random.unit();
                const char* rating = isAvoid ? "avoid" : roll < 0.78 ? "helps" : roll < 0.95 ? "neutral" : "avoid";
                coreg.reset();
                detail::bindText(coreg, 1, context.store.newUuid());
                coreg.bind(2, made.id);
                detail::bindText(coreg, 3, part.category);
                detail::bindText(coreg, 4, random.pick(part.labels));
                detail::bindText(coreg, 5, rating);
                coreg.bind(6, order++);
                coreg.bind(7, createdAt);
                coreg.bind(8, createdAt);
                detail::bindText(coreg, 9, context.store.actor());
                coreg.exec();
                context.count("co-regulation items", 1);
            }
            context.children.push_back(std::move(made));
        }
    });
}

} // namespace attune::core::demo
