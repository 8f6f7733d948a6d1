// SPDX-License-Identifier: MIT
// Every rule of a child's profile: which bad input gets which message.
#include "attune/core/Validation.h"

#include <gtest/gtest.h>

using namespace attune::core;

namespace {
const std::string kToday = "2026-11-28";

ChildDraft valid()
{
    ChildDraft draft;
    draft.name = "Maya";
    draft.birthDate = "2019-04-23";
    draft.goalMinutes = 10;
    return draft;
}

std::string messageFor(const ChildDraft& draft, const std::string& field)
{
    for (const auto& error : validateChild(draft, kToday)) {
        if (error.field == field)
            return error.message;
    }
    return {};
}
} // namespace

TEST(ValidateChild, AValidDraftHasNoErrors)
{
    EXPECT_TRUE(validateChild(valid(), kToday).empty());
    ChildDraft minimal;
    minimal.name = "A";
    EXPECT_TRUE(validateChild(minimal, kToday).empty());
}

struct BadChild {
    const char* what;
    void (*change)(ChildDraft&);
    const char* field;
    const char* message;
};

void PrintTo(const BadChild& bad, std::ostream* out)
{
    *out << bad.what;
}

class ValidateChildRejects : public ::testing::TestWithParam<BadChild> {};

TEST_P(ValidateChildRejects, WithAPlainMessageForTheField)
{
    ChildDraft draft = valid();
    GetParam().change(draft);
    EXPECT_EQ(messageFor(draft, GetParam().field), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ValidateChildRejects,
    ::testing::Values(
        BadChild{"empty name", [](ChildDraft& d) { d.name = ""; }, "name", "Please enter your child's name."},
        BadChild{"blank name", [](ChildDraft& d) { d.name = " \t\n "; }, "name", "Please enter your child's name."},
        BadChild{"81 characters", [](ChildDraft& d) { d.name = std::string(81, 'a'); }, "name",
                 "Please keep the name to 80 characters or fewer."},
        BadChild{"81 emoji", [](ChildDraft& d) {
                     d.name.clear();
                     for (int i = 0; i < 81; ++i)
                         d.name += "\xF0\x9F\x8C\x88";
                 },
                 "name", "Please keep the name to 80 characters or fewer."},
        BadChild{"date in words", [](ChildDraft& d) { d.birthDate = "April 23"; }, "birthDate",
                 "Please enter the birth date as year-month-day, like 2019-04-23."},
        BadChild{"impossible date", [](ChildDraft& d) { d.birthDate = "2019-02-30"; }, "birthDate",
                 "Please enter the birth date as year-month-day, like 2019-04-23."},
        BadChild{"future date", [](ChildDraft& d) { d.birthDate = "2026-11-29"; }, "birthDate",
                 "That date is in the future. Please check it."},
        BadChild{"before 1900", [](ChildDraft& d) { d.birthDate = "1899-12-31"; }, "birthDate",
                 "That date is before 1900. Please check the year."},
        BadChild{"goal zero", [](ChildDraft& d) { d.goalMinutes = 0; }, "goalMinutes",
                 "Choose a daily goal between 1 and 240 minutes."},
        BadChild{"goal 241", [](ChildDraft& d) { d.goalMinutes = 241; }, "goalMinutes",
                 "Choose a daily goal between 1 and 240 minutes."},
        BadChild{"negative goal", [](ChildDraft& d) { d.goalMinutes = -5; }, "goalMinutes",
                 "Choose a daily goal between 1 and 240 minutes."},
        BadChild{"long pronouns", [](ChildDraft& d) { d.pronouns = std::string(41, 'x'); }, "pronouns",
                 "Please keep pronouns to 40 characters or fewer."},
        BadChild{"bad colour", [](ChildDraft& d) { d.avatarColor = "blue"; }, "avatarColor",
                 "Please pick one of the colours."},
        BadChild{"huge photo", [](ChildDraft& d) { d.photo = std::string(2 * 1024 * 1024 + 1, 'p'); }, "photo",
                 "That photo is too large to keep. Please choose a smaller one."},
        BadChild{"huge story", [](ChildDraft& d) { d.birthStory = std::string(1024 * 1024 + 1, 's'); },
                 "birthStory", "This story is longer than Attune can keep (1 MB). Please shorten it."}),
    [](const auto& param) {
        std::string name = param.param.what;
        for (char& c : name)
            c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        return name;
    });

TEST(ValidateChild, EdgeValuesAreAccepted)
{
    ChildDraft draft = valid();
    draft.name = std::string(80, 'a');
    draft.goalMinutes = 240;
    draft.birthDate = kToday;
    EXPECT_TRUE(validateChild(draft, kToday).empty());
    draft.goalMinutes = 1;
    draft.birthDate = "1900-01-01";
    EXPECT_TRUE(validateChild(draft, kToday).empty());
}

TEST(ValidateCaregiver, NameRules)
{
    EXPECT_TRUE(validateCaregiverName("Dad").empty());
    ASSERT_EQ(validateCaregiverName("   ").size(), 1u);
    EXPECT_EQ(validateCaregiverName("   ")[0].message, "Please enter a name, like \"Me\" or \"Dad\".");
    EXPECT_EQ(validateCaregiverName(std::string(61, 'x'))[0].message, "Please keep the name to 60 characters or fewer.");
}

TEST(ValidateCoregItem, LabelAndCategoryRules)
{
    EXPECT_TRUE(validateCoregItem("touch", "Firm hug", "").empty());
    EXPECT_EQ(validateCoregItem("touch", "  ", "")[0].field, "label");
    EXPECT_EQ(validateCoregItem("", "Firm hug", "")[0].field, "category");
    EXPECT_EQ(validateCoregItem("touch", std::string(121, 'x'), "")[0].message,
              "Please keep this to 120 characters; the note can hold more.");
}

TEST(Trimmed, OnlyTrimsTheEnds)
{
    EXPECT_EQ(trimmed("  Maya Rose \n"), "Maya Rose");
    EXPECT_EQ(trimmed(""), "");
}
