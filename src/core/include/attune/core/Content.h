// SPDX-License-Identifier: MIT
// Parsers for the content the app ships in resources/content/ (JSON). The GUI reads the
// files from Qt resources and hands the text here; nothing in this header knows Qt.
#pragma once

#include <string>
#include <vector>

namespace attune::core {

struct CoregCategory {
    std::string key;
    std::string title;
    std::string prompt;
    std::vector<std::string> suggestions;
};

struct Helpline {
    std::string name;
    std::string contact;
    std::string hours;
    std::string about;
    bool needsVerifying = false;
};

struct HelplineLocale {
    std::string code;
    std::string name;
    std::string emergency;
    std::vector<Helpline> lines;
};

struct CrisisStep {
    std::string title;
    std::string body;
};

struct CrisisContent {
    std::string title;
    std::string intro;
    std::vector<CrisisStep> steps;
    std::string never;
};

struct Disclaimer {
    std::string shortText;
    std::vector<CrisisStep> points; // title + body
};

struct Tip {
    std::string id;
    std::string text;
    std::string topic;
};

// One core feeling ("Happy") with the words young children use and the finer ones for older
// children and parents (feelings.json).
struct FeelingGroup {
    std::string key;
    std::string word;
    std::vector<std::string> simple;
    std::vector<std::string> more;
};

// Child-led play ideas for the one-on-one activity chips (activities.json).
struct ActivityIdeas {
    std::vector<std::string> activities;
    std::string avoidNote; // what doesn't fit this time, in plain words
};

// One of the six ways to use a strength (uses.json); `key` matches core::Use's toString().
struct UseInfo {
    std::string key;
    std::string label;
    std::string hint;
};

// Each throws std::runtime_error naming the file part that is wrong.
std::vector<CoregCategory> parseCoregCategories(const std::string& json);
std::vector<HelplineLocale> parseHelplines(const std::string& json, std::string* defaultLocale = nullptr);
CrisisContent parseCrisis(const std::string& json);
Disclaimer parseDisclaimer(const std::string& json);
std::vector<Tip> parseTips(const std::string& json);
std::vector<FeelingGroup> parseFeelings(const std::string& json);
ActivityIdeas parseActivities(const std::string& json);
std::vector<UseInfo> parseUses(const std::string& json);

} // namespace attune::core
