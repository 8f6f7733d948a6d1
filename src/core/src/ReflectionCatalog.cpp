// SPDX-License-Identifier: MIT
#include "attune/core/ReflectionCatalog.h"

#include "ShippedContent.h"

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

const json& list(const json& object, const char* key, const char* what)
{
    const auto found = object.find(key);
    if (found == object.end() || !found->is_array())
        throw std::runtime_error(std::string(what) + ": missing list \"" + key + "\"");
    return *found;
}

std::string text(const json& object, const char* key, const char* what)
{
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string() || found->get<std::string>().empty())
        throw std::runtime_error(std::string(what) + ": missing text \"" + key + "\"");
    return found->get<std::string>();
}

// The "key" of every object in `object[listKey]`.
std::set<std::string> keys(const json& object, const char* listKey, const char* what)
{
    std::set<std::string> result;
    for (const auto& item : list(object, listKey, what))
        result.insert(text(item, "key", what));
    return result;
}

std::set<std::string> feelingKeys(const json& document)
{
    constexpr const char* kWhat = "feelings.json";
    std::set<std::string> result;
    for (const auto& group : list(document, "groups", kWhat)) {
        const std::string groupKey = text(group, "key", kWhat);
        result.insert(groupKey);
        for (const char* tier : {"simple", "more"}) {
            const auto words = group.find(tier);
            if (words == group.end() || !words->is_array())
                continue;
            for (const auto& word : *words) {
                if (!word.is_string())
                    throw std::runtime_error(std::string(kWhat) + ": a word in \"" + tier + "\" is not text");
                result.insert(feelingKey(groupKey, word.get<std::string>()));
            }
        }
    }
    return result;
}

std::set<std::string> unmetNeedKeys(const json& document)
{
    constexpr const char* kWhat = "unmet-needs.json";
    std::set<std::string> result;
    for (const auto& group : list(document, "groups", kWhat)) {
        const auto items = keys(group, "items", kWhat);
        result.insert(items.begin(), items.end());
    }
    return result;
}

} // namespace

std::string feelingKey(const std::string& groupKey, const std::string& word)
{
    std::string slug;
    bool pendingSeparator = false;
    for (const char raw : word) {
        const auto c = static_cast<unsigned char>(raw);
        if (c == '\'')
            continue;
        const bool isLetterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!isLetterOrDigit) {
            pendingSeparator = !slug.empty();
            continue;
        }
        if (pendingSeparator)
            slug.push_back('_');
        pendingSeparator = false;
        slug.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    return slug.empty() ? groupKey : groupKey + "/" + slug;
}

ReflectionCatalog parseReflectionCatalog(const ReflectionContentTexts& texts)
{
    ReflectionCatalog catalog;
    const json states = parse(texts.states, "states.json");
    catalog.parentStates = keys(states, "parent", "states.json");
    catalog.childStates = keys(states, "child", "states.json");
    catalog.sources = keys(states, "source", "states.json");
    catalog.feelings = feelingKeys(parse(texts.feelings, "feelings.json"));
    catalog.unmetNeeds = unmetNeedKeys(parse(texts.unmetNeeds, "unmet-needs.json"));
    catalog.laggingSkills = keys(parse(texts.laggingSkills, "lagging-skills.json"), "skills", "lagging-skills.json");
    catalog.repairSteps = keys(parse(texts.repairChecklist, "repair-checklist.json"), "steps", "repair-checklist.json");
    catalog.regulatingActions =
        keys(parse(texts.regulatingActions, "regulating-actions.json"), "actions", "regulating-actions.json");
    return catalog;
}

const ReflectionCatalog& shippedReflectionCatalog()
{
    static const ReflectionCatalog catalog = [] {
        auto file = [](const char* name) { return std::string(detail::shippedContent(name)); };
        return parseReflectionCatalog({file("states.json"), file("feelings.json"), file("unmet-needs.json"),
                                       file("lagging-skills.json"), file("repair-checklist.json"),
                                       file("regulating-actions.json")});
    }();
    return catalog;
}

} // namespace attune::core
