// SPDX-License-Identifier: MIT
// What every service writes through: the database, the clock, and who is acting.
#pragma once

#include "attune/core/Types.h"

#include <cstdint>
#include <memory>
#include <string>

namespace attune::core {

class Clock;
class Database;

class Store {
public:
    // `uuidSeed` makes generated UUIDs repeatable (demo data, tests); 0 seeds from the OS.
    Store(Database& db, const Clock& clock, std::uint64_t uuidSeed = 0);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    Database& db() { return m_db; }
    const Clock& clock() const { return m_clock; }

    // The caregiver (uuid) recorded as `updated_by` on every write.
    void setActor(std::string caregiverUuid) { m_actor = std::move(caregiverUuid); }
    const std::string& actor() const { return m_actor; }

    // A random (version 4) UUID in canonical lowercase form.
    std::string newUuid();
    TimestampMs now() const;

private:
    struct Random;
    Database& m_db;
    const Clock& m_clock;
    std::string m_actor;
    std::unique_ptr<Random> m_random;
};

} // namespace attune::core
