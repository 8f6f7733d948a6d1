// SPDX-License-Identifier: MIT
// libFuzzer over the JSON importer (docs/testing.md): whatever bytes arrive, the import either
// writes the whole file or refuses it with messages naming a place, and a refused file leaves
// the target exactly as it was. AddressSanitizer and UBSan watch every run.
#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "attune/core/Import.h"
#include "attune/core/Logging.h"
#include "attune/core/Store.h"

#include <SQLiteCpp/Database.h>
#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

class FixedClock final : public attune::core::Clock {
public:
    attune::core::TimestampMs nowMs() const override { return 1'795'000'000'000; }
    std::string today() const override { return "2026-11-28"; }
};

void fail(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "import fuzzer: %s: %.300s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace attune::core;
    // Kept for the whole run and never destroyed: static destructors would run after spdlog's.
    static const FixedClock clock;
    static Database* db = nullptr;
    static Store* store = nullptr;
    static std::string* before = nullptr;
    if (!db) {
        spdlog::set_level(spdlog::level::off);
        db = new Database(Database::openInMemory());
        store = new Store(*db, clock, 1);
        before = new std::string(exportJson(*db));
    }
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        importJson(*store, text);
        if (db->sql().execAndGet("PRAGMA integrity_check").getString() != "ok")
            fail("an accepted import damaged the file", text);
        // Start the next input from an empty file again.
        delete store;
        delete db;
        db = new Database(Database::openInMemory());
        store = new Store(*db, clock, 1);
        *before = exportJson(*db);
    } catch (const ValidationError& error) {
        if (error.errors().empty())
            fail("refused without a message", text);
        for (const auto& problem : error.errors())
            if (problem.field.empty() || problem.message.rfind(problem.field + ": ", 0) != 0)
                fail("a message that names no place", problem.message);
        if (exportJson(*db) != *before)
            fail("a refused import changed the file", text);
    } catch (const StorageError& error) {
        fail("a file problem for a bad import", error.what());
    }
    return 0;
}
