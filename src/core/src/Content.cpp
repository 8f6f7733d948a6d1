// SPDX-License-Identifier: MIT
#include "attune/core/Content.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

using nlohmann::json;

namespace attune::core {

namespace {

json parse(const std::string& text, const char* what)
{
    try {
        json document = json::parse(text);
        if (!document.is_object() || document.value("version", 0) != 1)
            throw std::runtime_error(std::string(what) + ": expected an object with \"version\": 1");
        return document;
    } catch (const json::exception& error) {
        throw std::runtime_error(std::string(what) + ": " + error.what());
    }
}

std::string text(const json& object, const char* key, const char* what)
{
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string())
        throw std::runtime_error(std::string(what) + ": missing text \"" + key + "\"");
    return found->get<std::string>();
}

std::string optionalText(const json& object, const char* key)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

const json& array(const json& object, const char* key, const char* what)
{
    const auto found = object.find(key);
    if (found == object.end() || !found->is_array())
        throw std::runtime_error(std::string(what) + ": missing list \"" + key + "\"");
    return *found;
}

std::vector<CrisisStep> titledTexts(const json& list, const char* what)
{
    std::vector<CrisisStep> result;
    for (const auto& item : list)
        result.push_back({text(item, "title", what), text(item, "body", what)});
    return result;
}

std::vector<std::string> texts(const json& object, const char* key, const char* what)
{
    std::vector<std::string> result;
    for (const auto& item : array(object, key, what)) {
        if (!item.is_string())
            throw std::runtime_error(std::string(what) + ": \"" + key + "\" must hold only text");
        result.push_back(item.get<std::string>());
    }
    return result;
}

} // namespace

std::vector<CoregCategory> parseCoregCategories(const std::string& jsonText)
{
    constexpr const char* kWhat = "coregulation.json";
    const json document = parse(jsonText, kWhat);
    std::vector<CoregCategory> result;
    for (const auto& item : array(document, "categories", kWhat)) {
        CoregCategory category{text(item, "key", kWhat), text(item, "title", kWhat), optionalText(item, "prompt"), {}};
        for (const auto& suggestion : array(item, "suggestions", kWhat))
            category.suggestions.push_back(suggestion.get<std::string>());
        result.push_back(std::move(category));
    }
    return result;
}

std::vector<HelplineLocale> parseHelplines(const std::string& jsonText, std::string* defaultLocale)
{
    constexpr const char* kWhat = "helplines.json";
    const json document = parse(jsonText, kWhat);
    if (defaultLocale)
        *defaultLocale = optionalText(document, "default_locale");
    std::vector<HelplineLocale> result;
    for (const auto& item : array(document, "locales", kWhat)) {
        HelplineLocale locale{text(item, "code", kWhat), text(item, "name", kWhat), optionalText(item, "emergency"), {}};
        for (const auto& line : array(item, "lines", kWhat)) {
            locale.lines.push_back({text(line, "name", kWhat), text(line, "contact", kWhat),
                                    optionalText(line, "hours"), optionalText(line, "about"),
                                    line.value("verify", false)});
        }
        result.push_back(std::move(locale));
    }
    return result;
}

CrisisContent parseCrisis(const std::string& jsonText)
{
    constexpr const char* kWhat = "crisis.json";
    const json document = parse(jsonText, kWhat);
    return {text(document, "title", kWhat), text(document, "intro", kWhat),
            titledTexts(array(document, "steps", kWhat), kWhat), text(document, "never", kWhat)};
}

Disclaimer parseDisclaimer(const std::string& jsonText)
{
    constexpr const char* kWhat = "disclaimer.json";
    const json document = parse(jsonText, kWhat);
    return {text(document, "short", kWhat), titledTexts(array(document, "points", kWhat), kWhat)};
}

std::vector<Tip> parseTips(const std::string& jsonText)
{
    constexpr const char* kWhat = "tips.json";
    const json document = parse(jsonText, kWhat);
    std::vector<Tip> result;
    for (const auto& item : array(document, "tips", kWhat))
        result.push_back({text(item, "id", kWhat), text(item, "text", kWhat), optionalText(item, "topic")});
    return result;
}

std::vector<FeelingGroup> parseFeelings(const std::string& jsonText)
{
    constexpr const char* kWhat = "feelings.json";
    const json document = parse(jsonText, kWhat);
    std::vector<FeelingGroup> result;
    for (const auto& item : array(document, "groups", kWhat)) {
        result.push_back({text(item, "key", kWhat), text(item, "word", kWhat), texts(item, "simple", kWhat),
                          item.contains("more") ? texts(item, "more", kWhat) : std::vector<std::string>{}});
    }
    return result;
}

ActivityIdeas parseActivities(const std::string& jsonText)
{
    constexpr const char* kWhat = "activities.json";
    const json document = parse(jsonText, kWhat);
    return {texts(document, "activities", kWhat), optionalText(document, "avoid_note")};
}

std::vector<UseInfo> parseUses(const std::string& jsonText)
{
    constexpr const char* kWhat = "uses.json";
    const json document = parse(jsonText, kWhat);
    std::vector<UseInfo> result;
    for (const auto& item : array(document, "uses", kWhat))
        result.push_back({text(item, "key", kWhat), text(item, "label", kWhat), optionalText(item, "hint")});
    return result;
}

} // namespace attune::core
