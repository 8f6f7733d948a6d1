// SPDX-License-Identifier: MIT
// Thousands of damaged exports made by mutating a small valid one (bytes flipped, cut, repeated,
// JSON tokens dropped in; values swapped for other types, extremes, other rows' uuids). Every
// one must be imported whole or refused with messages that name a place — never a crash, an
// unexpected exception, or a target left half changed. (fuzz/ runs the same check under
// libFuzzer with sanitizers for as long as you like; see docs/testing.md.)
#include "DataFixture.h"

#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "attune/core/Import.h"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>

using namespace attune;
using namespace attune::core;
using json = nlohmann::json;

namespace {

constexpr int kRounds = 500;

// A valid export small enough to import hundreds of times a second: a one-year demo with most
// sessions, day states and evidence lines left out (nothing refers to those).
std::string smallExport(const core::Clock& clock)
{
    Database db = Database::openInMemory();
    Store store(db, clock, 11);
    DemoOptions options;
    options.years = 1;
    options.children = 1;
    options.today = "2026-11-28";
    generateDemo(store, options);
    json file = json::parse(exportJson(db));
    for (const char* table : {"sessions", "day_states", "notebook_evidence"}) {
        auto& rows = file["tables"][table];
        if (rows.size() > 4)
            rows.erase(rows.begin() + 4, rows.end());
    }
    return file.dump(1);
}

class Mutator {
public:
    explicit Mutator(std::uint32_t seed)
        : m_random(seed)
    {
    }

    std::string mutate(const std::string& base)
    {
        switch (pick(6)) {
        case 0: return bytes(base);
        case 1: return structure(base);
        case 2: return structure(bytes(base));
        default: return structure(base, 1 + pick(3));
        }
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }

    std::string bytes(std::string text)
    {
        static const std::vector<std::string> tokens = {
            "null", "-1", "0", "1e999", "-1e999", "99999999999999999999999", "\"\"", "{", "}", "[", "]", ",", ":",
            "\"\\ud800\"", "\"\\u0000\"", "\xff", "\xc3\x28", "\xf0\x9f\x98", "true", "\"2026-02-30\"", "[[[[[[[[",
        };
        for (std::size_t edits = 1 + pick(4); edits > 0 && !text.empty(); --edits) {
            const std::size_t at = pick(text.size());
            switch (pick(4)) {
            case 0: text[at] = static_cast<char>(text[at] ^ (1 << pick(8))); break;
            case 1: text.erase(at, 1 + pick(std::min<std::size_t>(64, text.size() - at))); break;
            case 2: text.insert(at, text.substr(at, 1 + pick(std::min<std::size_t>(64, text.size() - at)))); break;
            default: text.insert(at, tokens[pick(tokens.size())]); break;
            }
        }
        return text;
    }

    json strangeValue(const json& file)
    {
        switch (pick(12)) {
        case 0: return nullptr;
        case 1: return -1;
        case 2: return std::numeric_limits<std::int64_t>::max();
        case 3: return 1.5;
        case 4: return true;
        case 5: return "";
        case 6: return std::string(70'000, 'x');
        case 7: return json::array({1, 2});
        case 8: return json::object({{"a", 1}});
        case 9: return "9999-99-99";
        case 10: {
            // Another row's uuid: duplicates, and references to the wrong kind of record.
            const auto& tables = file["tables"];
            auto table = tables.begin();
            std::advance(table, static_cast<long>(pick(tables.size())));
            if (!table->is_array() || table->empty())
                return "00000000-0000-4000-8000-000000000000";
            const json& row = (*table)[pick(table->size())];
            return row.is_object() && row.contains("uuid") && row["uuid"].is_string() ? row["uuid"].get<std::string>()
                                                                                     : std::string();
        }
        default: return "\u00e9\U0001F600\u200f";
        }
    }

    std::string structure(const std::string& text, std::size_t edits = 1)
    {
        json file = json::parse(text, nullptr, false);
        if (file.is_discarded() || !file.is_object() || !file.contains("tables") || !file["tables"].is_object()
            || file["tables"].empty())
            return text;
        for (; edits > 0; --edits) {
            auto& tables = file["tables"];
            auto table = tables.begin();
            std::advance(table, static_cast<long>(pick(tables.size())));
            if (!table->is_array() || table->empty()) {
                *table = strangeValue(file);
                continue;
            }
            json& row = (*table)[pick(table->size())];
            if (!row.is_object() || row.empty()) {
                row = strangeValue(file);
                continue;
            }
            auto field = row.begin();
            std::advance(field, static_cast<long>(pick(row.size())));
            switch (pick(5)) {
            case 0: row.erase(field); break;                               // a field missing
            case 1: table->push_back(row); break;                          // a row twice
            case 2: row["surprise"] = 1; break;                            // a field that does not exist
            default: *field = strangeValue(file); break;                   // a wrong value
            }
        }
        return file.dump(pick(2) == 0 ? -1 : 1);
    }

    std::mt19937 m_random;
};

bool isClean(Database& db)
{
    if (db.sql().execAndGet("PRAGMA integrity_check").getString() != "ok")
        return false;
    SQLite::Statement foreignKeys(db.sql(), "PRAGMA foreign_key_check");
    return !foreignKeys.executeStep();
}

} // namespace

TEST(ImportFuzzTest, EveryMutatedFileIsImportedWholeOrRefusedWithItsPlace)
{
    test::FixedClock clock;
    const std::string base = smallExport(clock);

    // The base itself is good, so the mutations explore the edges of a valid file.
    {
        Database empty = Database::openInMemory();
        Store store(empty, clock);
        ASSERT_TRUE(importJson(store, base).changesSomething());
    }

    // Half the rounds import into an empty file, half merge into one that holds the base.
    Database emptyTarget = Database::openInMemory();
    Store emptyStore(emptyTarget, clock);
    Database fullTarget = Database::openInMemory();
    Store fullStore(fullTarget, clock);
    importJson(fullStore, base);
    std::string emptyBefore = exportJson(emptyTarget);
    std::string fullBefore = exportJson(fullTarget);

    Mutator mutator(20261128);
    int accepted = 0;
    int refused = 0;
    for (int round = 0; round < kRounds; ++round) {
        const std::string text = mutator.mutate(base);
        const bool isMerge = round % 2 == 1;
        Store& store = isMerge ? fullStore : emptyStore;
        Database& db = isMerge ? fullTarget : emptyTarget;
        std::string& before = isMerge ? fullBefore : emptyBefore;
        try {
            importJson(store, text);
            ++accepted;
            ASSERT_TRUE(isClean(db)) << "round " << round << " left a damaged or inconsistent file";
            before = exportJson(db); // accepted changes are the new "before"
        } catch (const ValidationError& error) {
            ++refused;
            ASSERT_FALSE(error.errors().empty()) << "round " << round;
            ASSERT_LE(error.errors().size(), limits::kImportMaxErrors);
            for (const auto& problem : error.errors()) {
                ASSERT_FALSE(problem.field.empty()) << "round " << round << ": " << problem.message.substr(0, 200);
                ASSERT_EQ(problem.message.rfind(problem.field + ": ", 0), 0U)
                    << "round " << round << ": " << problem.message.substr(0, 200);
            }
            ASSERT_EQ(exportJson(db), before) << "round " << round << " was refused but changed the file";
        } catch (const StorageError& error) {
            FAIL() << "round " << round << ": a file problem for a bad import: " << error.what();
        } catch (const std::exception& error) {
            FAIL() << "round " << round << ": unexpected " << error.what();
        }
    }
    // Both outcomes are exercised, and most damage is caught.
    EXPECT_GT(refused, kRounds / 2);
    EXPECT_GT(accepted, 0);
    RecordProperty("accepted", accepted);
    RecordProperty("refused", refused);
}
