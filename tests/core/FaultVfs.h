// SPDX-License-Identifier: MIT
// A SQLite VFS shim for fault tests: wraps the default VFS and, on request, fails writes with
// SQLITE_FULL once a byte budget is spent (a full disk without root), or flips bytes written
// to files whose name contains a marker (a disk that silently damages a backup). Installed as
// the default VFS for its lifetime; every connection opened meanwhile goes through it.
#pragma once

#include <cstdint>
#include <string>

namespace attune::test {

class FaultVfs {
public:
    FaultVfs();
    ~FaultVfs();
    FaultVfs(const FaultVfs&) = delete;
    FaultVfs& operator=(const FaultVfs&) = delete;

    // Bytes that may still be written; negative means no limit.
    void setSpaceLeft(std::int64_t bytes);
    // Writes to files whose path contains `marker` are damaged; empty turns it off.
    void damageWritesTo(const std::string& marker);
};

} // namespace attune::test
