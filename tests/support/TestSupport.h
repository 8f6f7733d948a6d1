// SPDX-License-Identifier: MIT
// Shared helpers for every test suite: temporary folders, a fixed clock, hard text.
#pragma once

#include "attune/core/Dates.h"

#include <filesystem>
#include <string>

namespace attune::test {

// A fresh folder under the system temp dir, removed (with everything in it) on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// Time stands still unless a test moves it.
class FixedClock final : public core::Clock {
public:
    explicit FixedClock(std::string today = "2026-11-28", core::TimestampMs nowMs = 1'795'000'000'000)
        : m_today(std::move(today))
        , m_now(nowMs)
    {
    }
    core::TimestampMs nowMs() const override { return m_now; }
    std::string today() const override { return m_today; }
    void setToday(std::string today) { m_today = std::move(today); }
    void advanceMs(core::TimestampMs ms) { m_now += ms; }

private:
    std::string m_today;
    core::TimestampMs m_now;
};

// Text that breaks naive storage: emoji, right-to-left marks, control characters, an
// embedded NUL, quotes and SQL metacharacters.
std::string hardText();
// `bytes` bytes of mixed multi-byte UTF-8.
std::string bigText(std::size_t bytes);
std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& bytes);
// Octal permission bits of a file, e.g. 0600.
unsigned permissionBits(const std::filesystem::path& path);

} // namespace attune::test
