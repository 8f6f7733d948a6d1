// SPDX-License-Identifier: MIT
#include "attune/core/Store.h"

#include "attune/core/Dates.h"

#include <fmt/format.h>

#include <random>

namespace attune::core {

struct Store::Random {
    std::mt19937_64 engine;
};

Store::Store(Database& db, const Clock& clock, std::uint64_t uuidSeed)
    : m_db(db)
    , m_clock(clock)
    , m_random(std::make_unique<Random>())
{
    if (uuidSeed == 0) {
        std::random_device device;
        m_random->engine.seed((static_cast<std::uint64_t>(device()) << 32) ^ device());
    } else {
        m_random->engine.seed(uuidSeed);
    }
}

Store::~Store() = default;

std::string Store::newUuid()
{
    std::uint64_t high = m_random->engine();
    std::uint64_t low = m_random->engine();
    high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL; // version 4
    low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;   // RFC 4122 variant
    return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF, high & 0xFFFF,
                       low >> 48, low & 0xFFFFFFFFFFFFULL);
}

TimestampMs Store::now() const
{
    return m_clock.nowMs();
}

} // namespace attune::core
