// SPDX-License-Identifier: MIT
#include "attune/core/Validation.h"

#include "attune/core/Dates.h"

#include <fmt/format.h>

namespace attune::core {

namespace {
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

bool isHexColor(const std::string& text)
{
    if (text.size() != 7 || text[0] != '#')
        return false;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        const bool isHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!isHex)
            return false;
    }
    return true;
}
} // namespace

std::string trimmed(const std::string& text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

std::size_t codePointCount(const std::string& text)
{
    std::size_t count = 0;
    for (const char c : text) {
        // Continuation bytes (10xxxxxx) belong to the code point before them.
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

std::vector<FieldError> validateChild(const ChildDraft& draft, const std::string& today)
{
    std::vector<FieldError> errors;
    const std::string name = trimmed(draft.name);
    if (name.empty())
        errors.push_back({"name", "Please enter your child's name."});
    else if (codePointCount(name) > static_cast<std::size_t>(limits::kChildNameMax))
        errors.push_back({"name", fmt::format("Please keep the name to {} characters or fewer.",
                                              limits::kChildNameMax)});

    if (!draft.birthDate.empty()) {
        const auto birth = parseDate(draft.birthDate);
        const auto now = parseDate(today);
        if (!birth)
            errors.push_back({"birthDate", "Please enter the birth date as year-month-day, like 2019-04-23."});
        else if (birth->year < limits::kEarliestBirthYear)
            errors.push_back({"birthDate", "That date is before 1900. Please check the year."});
        else if (now && *birth > *now)
            errors.push_back({"birthDate", "That date is in the future. Please check it."});
    }

    if (codePointCount(draft.pronouns) > static_cast<std::size_t>(limits::kPronounsMax))
        errors.push_back({"pronouns", fmt::format("Please keep pronouns to {} characters or fewer.",
                                                  limits::kPronounsMax)});

    if (draft.goalMinutes < limits::kGoalMin || draft.goalMinutes > limits::kGoalMax)
        errors.push_back({"goalMinutes", fmt::format("Choose a daily goal between {} and {} minutes.",
                                                     limits::kGoalMin, limits::kGoalMax)});

    if (!draft.avatarColor.empty() && !isHexColor(draft.avatarColor))
        errors.push_back({"avatarColor", "Please pick one of the colours."});

    if (draft.photo.size() > limits::kPhotoMaxBytes)
        errors.push_back({"photo", "That photo is too large to keep. Please choose a smaller one."});

    if (draft.birthStory.size() > limits::kLongTextMax)
        errors.push_back({"birthStory", "This story is longer than Attune can keep (1 MB). Please shorten it."});
    return errors;
}

std::vector<FieldError> validateCaregiverName(const std::string& name)
{
    const std::string clean = trimmed(name);
    if (clean.empty())
        return {{"name", "Please enter a name, like \"Me\" or \"Dad\"."}};
    if (codePointCount(clean) > static_cast<std::size_t>(limits::kCaregiverNameMax))
        return {{"name", fmt::format("Please keep the name to {} characters or fewer.",
                                     limits::kCaregiverNameMax)}};
    return {};
}

std::vector<FieldError> validateCareCardEmergency(const std::string& text)
{
    const std::size_t length = codePointCount(trimmed(text));
    if (length > static_cast<std::size_t>(limits::kCareCardEmergencyMax))
        return {{"emergency", fmt::format("Please keep this to {} characters or fewer (it has {}), so it fits on the "
                                          "card.",
                                          limits::kCareCardEmergencyMax, length)}};
    return {};
}

std::vector<FieldError> validateCoregItem(const std::string& category, const std::string& label,
                                          const std::string& note)
{
    std::vector<FieldError> errors;
    if (trimmed(category).empty())
        errors.push_back({"category", "Please choose a part of the profile."});
    const std::string clean = trimmed(label);
    if (clean.empty())
        errors.push_back({"label", "Please describe what helps or doesn't, in a few words."});
    else if (codePointCount(clean) > static_cast<std::size_t>(limits::kCoregLabelMax))
        errors.push_back({"label", fmt::format("Please keep this to {} characters; the note can hold more.",
                                               limits::kCoregLabelMax)});
    if (note.size() > limits::kLongTextMax)
        errors.push_back({"note", "This note is longer than Attune can keep (1 MB). Please shorten it."});
    return errors;
}

} // namespace attune::core
