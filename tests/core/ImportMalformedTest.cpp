// SPDX-License-Identifier: MIT
// Every malformed export gets a message that names where it is wrong, and the target file is
// left exactly as it was. Each case starts from a real export of a one-year demo family.
#include "DataFixture.h"

#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "attune/core/Import.h"
#include "attune/core/Validation.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>

using namespace attune;
using namespace attune::core;
using json = nlohmann::json;

namespace {

struct Malformed {
    const char* name;
    std::function<std::string(const std::string& text, json& file)> make;
    std::function<std::string(const json& file)> expected; // the first message, or its start when ending in "…"
};

std::string dumped(const json& file)
{
    return file.dump(2);
}

json& firstSession(json& file)
{
    return file["tables"]["sessions"][0];
}

std::string sessionUuid(const json& file, int index = 0)
{
    return file["tables"]["sessions"][static_cast<std::size_t>(index)]["uuid"].get<std::string>();
}

const std::vector<Malformed>& cases()
{
    static const std::vector<Malformed> list = {
        {"Empty", [](const std::string&, json&) { return std::string("  \n"); },
         [](const json&) { return std::string("file: the file is empty"); }},
        {"Truncated", [](const std::string& text, json&) { return text.substr(0, text.size() / 2); },
         [](const json&) { return std::string("file: the file is not complete, valid JSON (at line …"); }},
        // Found by fuzz/ImportFuzzer.cpp: the JSON library throws a different error for this.
        {"NumberTooLarge",
         [](const std::string&, json&) { return std::string("{\"format\": \"attune-export\", \"schemaVersion\": 1e9994}"); },
         [](const json&) {
             return std::string("file: a number in the file is too large to read (1e9994)");
         }},
        {"NotJson", [](const std::string&, json&) { return std::string("Dear diary, today we built a castle."); },
         [](const json&) { return std::string("file: the file is not complete, valid JSON (at line 1, column 1: …"); }},
        {"TrailingComma", [](const std::string&, json&) { return std::string("{\"format\": \"attune-export\",}"); },
         [](const json&) { return std::string("file: the file is not complete, valid JSON (at line 1, column 28: …"); }},
        {"RootIsAList", [](const std::string&, json&) { return std::string("[1, 2]"); },
         [](const json&) { return std::string("file: must hold one JSON object { … } (it holds a list)"); }},
        {"ForeignFormat", [](const std::string&, json& file) { file["format"] = "other-app"; return dumped(file); },
         [](const json&) { return std::string("format: must be \"attune-export\" (this is not an Attune export)"); }},
        {"NewerFormat", [](const std::string&, json& file) { file["formatVersion"] = 2; return dumped(file); },
         [](const json&) {
             return std::string("formatVersion: this export was made by a newer Attune (format 2; this one reads up to "
                                "1); please update Attune to import it");
         }},
        {"NewerSchema",
         [](const std::string&, json& file) { file["schemaVersion"] = Database::latestSchemaVersion() + 1; return dumped(file); },
         [](const json&) { return std::string("schemaVersion: this export was made by a newer Attune (schema …"); }},
        {"SchemaVersionAsText", [](const std::string&, json& file) { file["schemaVersion"] = "3"; return dumped(file); },
         [](const json&) { return std::string("schemaVersion: must be a whole number from 1"); }},
        {"UnknownTopLevelKey", [](const std::string&, json& file) { file["password"] = "x"; return dumped(file); },
         [](const json&) { return std::string("password: is not part of an Attune export"); }},
        {"NoTables", [](const std::string&, json& file) { file.erase("tables"); return dumped(file); },
         [](const json&) { return std::string("tables: is missing"); }},
        {"TablesIsAList", [](const std::string&, json& file) { file["tables"] = json::array(); return dumped(file); },
         [](const json&) { return std::string("tables: must be an object of tables (it is a list)"); }},
        {"UnknownTable", [](const std::string&, json& file) { file["tables"]["secrets"] = json::array(); return dumped(file); },
         [](const json&) { return std::string("tables.secrets: there is no such kind of record in Attune"); }},
        {"DerivedTableIsNotImported",
         [](const std::string&, json& file) { file["tables"]["search_docs"] = json::array(); return dumped(file); },
         [](const json&) { return std::string("tables.search_docs: there is no such kind of record in Attune"); }},
        {"TableIsNotAList", [](const std::string&, json& file) { file["tables"]["sessions"] = json::object(); return dumped(file); },
         [](const json&) { return std::string("tables.sessions: must be a list of records (it is an object)"); }},
        {"RowIsNotAnObject", [](const std::string&, json& file) { firstSession(file) = 42; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0]: must be a record in { } (it is a number)"); }},
        {"UnknownColumn", [](const std::string&, json& file) { firstSession(file)["mood"] = "x"; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].mood: sessions records have no such field"); }},
        {"LocalIdIncluded", [](const std::string&, json& file) { firstSession(file)["id"] = 3; return dumped(file); },
         [](const json&) {
             return std::string("tables.sessions[0].id: ids belong to one file; leave them out (records are matched by uuid)");
         }},
        {"MinutesAsText", [](const std::string&, json& file) { firstSession(file)["minutes"] = "15"; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].minutes: must be a whole number (it is text)"); }},
        {"MinutesAsDecimal", [](const std::string&, json& file) { firstSession(file)["minutes"] = 1.5; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].minutes: must be a whole number (it is a decimal number)"); }},
        {"MinutesHuge", [](const std::string&, json& file) { firstSession(file)["minutes"] = 1e30; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].minutes: must be a whole number (it is a decimal number)"); }},
        {"MinutesZero", [](const std::string&, json& file) { firstSession(file)["minutes"] = 0; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].minutes: must be between 1 and 600"); }},
        {"MinutesTooMany", [](const std::string&, json& file) { firstSession(file)["minutes"] = 601; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].minutes: must be between 1 and 600"); }},
        {"FlagNotZeroOrOne", [](const std::string&, json& file) { firstSession(file)["child_led"] = 2; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].child_led: must be one of: 0, 1"); }},
        {"FlagAsBoolean", [](const std::string&, json& file) { firstSession(file)["child_led"] = true; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].child_led: must be a whole number (it is true/false)"); }},
        {"UnknownDayState",
         [](const std::string&, json& file) { file["tables"]["day_states"][0]["state"] = "missed"; return dumped(file); },
         [](const json&) { return std::string("tables.day_states[0].state: must be one of: partner_did_it, away, sick"); }},
        {"ImpossibleDay", [](const std::string&, json& file) { firstSession(file)["day"] = "2026-02-30"; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].day: must be a date like 2026-11-28"); }},
        {"NegativeTime", [](const std::string&, json& file) { firstSession(file)["created_at"] = -5; return dumped(file); },
         [](const json&) {
             return std::string("tables.sessions[0].created_at: must be a time between 1970 and 3000 (milliseconds since "
                                "1970, UTC)");
         }},
        {"MissingColumn", [](const std::string&, json& file) { firstSession(file).erase("minutes"); return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].minutes: is missing"); }},
        {"NullInRequiredColumn", [](const std::string&, json& file) { firstSession(file)["note"] = nullptr; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].note: must have a value (it is null)"); }},
        {"EmptyChildName", [](const std::string&, json& file) { file["tables"]["children"][0]["name"] = ""; return dumped(file); },
         [](const json&) { return std::string("tables.children[0].name: must not be empty"); }},
        {"MirrorRuleBroken",
         [](const std::string&, json& file) {
             for (auto& entry : file["tables"]["notebook_entries"])
                 if (entry["section"] == "strengths") {
                     entry["shine"] = "bright";
                     break;
                 }
             return dumped(file);
         },
         [](const json& file) {
             std::size_t index = 0;
             for (const auto& entry : file["tables"]["notebook_entries"]) {
                 if (entry["section"] == "strengths")
                     break;
                 ++index;
             }
             return "tables.notebook_entries[" + std::to_string(index)
                  + "].section: breaks the rule (section = 'mirror_traits') = (shine <> '')";
         }},
        {"DanglingReference",
         [](const std::string&, json& file) {
             firstSession(file)["child_id"] = "00000000-0000-4000-8000-000000000000";
             return dumped(file);
         },
         [](const json&) {
             return std::string("tables.sessions[0].child_id: refers to children record 00000000-0000-4000-8000-000000000000, "
                                "which is neither in the file nor in this Attune file");
         }},
        {"ReferenceByLocalId", [](const std::string&, json& file) { firstSession(file)["child_id"] = 1; return dumped(file); },
         [](const json&) { return std::string("tables.sessions[0].child_id: must be the uuid of a children record (it is a number)"); }},
        {"DuplicateUuid",
         [](const std::string&, json& file) {
             file["tables"]["sessions"][1]["uuid"] = sessionUuid(file, 0);
             return dumped(file);
         },
         [](const json&) {
             return std::string("tables.sessions[1].uuid: the same uuid as tables.sessions[0]; each record must be there once");
         }},
        {"NotAUuid", [](const std::string&, json& file) { firstSession(file)["uuid"] = "session-1"; return dumped(file); },
         [](const json&) {
             return std::string("tables.sessions[0].uuid: must be a uuid like 123e4567-e89b-42d3-a456-426614174000 (lower case)");
         }},
        {"PhotoNotBase64",
         [](const std::string&, json& file) { file["tables"]["children"][0]["photo"] = "not base64!"; return dumped(file); },
         [](const json&) { return std::string("tables.children[0].photo: must be base64 text"); }},
        {"HugeString",
         [](const std::string&, json& file) {
             firstSession(file)["note"] = std::string(limits::kLongTextMax + 1, 'a');
             return dumped(file);
         },
         [](const json&) { return std::string("tables.sessions[0].note: is longer than the limit of 1048576 characters"); }},
        {"InvalidUtf8",
         [](const std::string&, json& file) {
             firstSession(file)["note"] = "PLACEHOLDER";
             std::string text = dumped(file);
             text.replace(text.find("PLACEHOLDER"), 11, "caf\xC3\x28");
             return text;
         },
         [](const json&) { return std::string("file: line …"); }},
        {"OverlongUtf8",
         [](const std::string&, json& file) {
             firstSession(file)["note"] = "PLACEHOLDER";
             std::string text = dumped(file);
             text.replace(text.find("PLACEHOLDER"), 11, "\xC0\xAF");
             return text;
         },
         [](const json&) { return std::string("file: line …"); }},
        {"DeepNesting",
         [](const std::string&, json&) {
             return std::string("{\"format\": ") + std::string(100000, '[') + std::string(100000, ']') + "}";
         },
         [](const json&) {
             return std::string("file: line 1, column 43: nested deeper than 32 levels, which an Attune export never is");
         }},
        {"DuplicateKeyInARecord",
         [](const std::string&, json& file) {
             firstSession(file)["note"] = "PLACEHOLDER";
             std::string text = dumped(file);
             const auto at = text.find("\"note\": \"PLACEHOLDER\"");
             text.insert(at, "\"minutes\": 5, ");
             return text;
         },
         [](const json&) { return std::string("tables.sessions[0].minutes: is there twice; each key may appear once"); }},
        {"DuplicateTable",
         [](const std::string&, json& file) {
             std::string text = dumped(file);
             const auto at = text.find("\"timers\": [");
             text.insert(at, "\"sessions\": [], ");
             return text;
         },
         [](const json&) { return std::string("tables.sessions: is there twice; each key may appear once"); }},
        {"UniqueRuleClash",
         [](const std::string&, json& file) {
             json copy = file["tables"]["day_states"][0];
             copy["uuid"] = "ffffffff-ffff-4fff-bfff-ffffffffffff";
             file["tables"]["day_states"].push_back(copy);
             return dumped(file);
         },
         [](const json& file) {
             return "tables.day_states[" + std::to_string(file["tables"]["day_states"].size())
                  + "]: clashes with a record already in this Attune file (only one may have the same child_id, day)";
         }},
    };
    return list;
}

class ImportMalformedTest : public ::testing::TestWithParam<std::size_t> {
protected:
    static void SetUpTestSuite()
    {
        test::TempDir sourceDir;
        test::FixedClock clock;
        test::DemoFile source(sourceDir / "source.sqlite", clock, 1, 1);
        s_base = new std::string(exportJson(*source.db));
    }
    static void TearDownTestSuite()
    {
        delete s_base;
        s_base = nullptr;
    }
    static std::string* s_base;
    test::TempDir dir;
    test::FixedClock clock;
};

std::string* ImportMalformedTest::s_base = nullptr;

TEST_P(ImportMalformedTest, IsRejectedWithItsPlaceAndNothingChanges)
{
    const Malformed& malformed = cases()[GetParam()];
    json file = json::parse(*s_base);
    const json original = file;
    const std::string text = malformed.make(*s_base, file);
    const std::string expected = malformed.expected(original);

    // A target that already holds data, so "unchanged" means something.
    test::DemoFile target(dir / "target.sqlite", clock);
    ChildDraft child;
    child.name = "Ada";
    Family(*target.store).addChild(child);
    const std::string before = exportJson(*target.db);
    try {
        importJson(*target.store, text);
        FAIL() << malformed.name << " was accepted";
    } catch (const ValidationError& error) {
        ASSERT_FALSE(error.errors().empty());
        const std::string& message = error.errors().front().message;
        const std::string ellipsis = "…";
        if (expected.size() > ellipsis.size() && expected.compare(expected.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0)
            EXPECT_EQ(message.rfind(expected.substr(0, expected.size() - ellipsis.size()), 0), 0U)
                << malformed.name << ": " << message.substr(0, 300);
        else
            EXPECT_EQ(message, expected) << malformed.name;
        EXPECT_EQ(error.errors().front().message.rfind(error.errors().front().field + ": ", 0), 0U);
    }
    EXPECT_TRUE(exportJson(*target.db) == before) << malformed.name << " changed the target";
}

INSTANTIATE_TEST_SUITE_P(Files, ImportMalformedTest, ::testing::Range(std::size_t{0}, cases().size()),
                         [](const ::testing::TestParamInfo<std::size_t>& param) { return cases()[param.param].name; });

TEST(ImportMalformedCount, AtLeastTwentyFiveDistinctFiles)
{
    EXPECT_GE(cases().size(), 25U);
}

} // namespace
