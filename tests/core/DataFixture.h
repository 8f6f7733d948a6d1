// SPDX-License-Identifier: MIT
// A demo family on disk, for the export, import, backup and restore tests.
#pragma once

#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Demo.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"

#include <SQLiteCpp/Database.h>

#include <memory>

namespace attune::test {

struct DemoFile {
    std::unique_ptr<core::Database> db;
    std::unique_ptr<core::Store> store;

    DemoFile(const std::filesystem::path& path, const core::Clock& clock, int years = 0, int children = 1)
    {
        db = std::make_unique<core::Database>(core::Database::create(path));
        store = std::make_unique<core::Store>(*db, clock, 7);
        store->setActor(core::Family(*store).caregivers().front().meta.uuid);
        if (years > 0) {
            core::DemoOptions options;
            options.years = years;
            options.children = children;
            options.today = "2026-11-28";
            core::generateDemo(*store, options);
        }
    }
    std::int64_t rows(const std::string& table) const
    {
        return db->sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
    }
};

} // namespace attune::test
