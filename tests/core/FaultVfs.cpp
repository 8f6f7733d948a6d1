// SPDX-License-Identifier: MIT
#include "FaultVfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace attune::test {

namespace {

sqlite3_vfs* g_base = nullptr;
sqlite3_vfs g_vfs{};
std::atomic<std::int64_t> g_spaceLeft{-1};
std::string g_damageMarker;

struct File {
    sqlite3_file base;
    sqlite3_file* real;
    bool isDamaged;
};

sqlite3_file* realOf(sqlite3_file* file)
{
    return reinterpret_cast<File*>(file)->real;
}

int xClose(sqlite3_file* file)
{
    sqlite3_file* real = realOf(file);
    const int rc = real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
    return rc;
}
int xRead(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset)
{
    return realOf(f)->pMethods->xRead(realOf(f), buffer, amount, offset);
}
int xWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset)
{
    std::int64_t left = g_spaceLeft.load();
    if (left >= 0) {
        if (amount > left)
            return SQLITE_FULL;
        g_spaceLeft.store(left - amount);
    }
    if (reinterpret_cast<File*>(f)->isDamaged && amount > 200) {
        std::vector<char> copy(static_cast<const char*>(buffer), static_cast<const char*>(buffer) + amount);
        for (int i = 100; i < amount; i += 7)
            copy[static_cast<std::size_t>(i)] = static_cast<char>(copy[static_cast<std::size_t>(i)] ^ 0x5A);
        return realOf(f)->pMethods->xWrite(realOf(f), copy.data(), amount, offset);
    }
    return realOf(f)->pMethods->xWrite(realOf(f), buffer, amount, offset);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) { return realOf(f)->pMethods->xTruncate(realOf(f), size); }
int xSync(sqlite3_file* f, int flags) { return realOf(f)->pMethods->xSync(realOf(f), flags); }
int xFileSize(sqlite3_file* f, sqlite3_int64* size) { return realOf(f)->pMethods->xFileSize(realOf(f), size); }
int xLock(sqlite3_file* f, int level) { return realOf(f)->pMethods->xLock(realOf(f), level); }
int xUnlock(sqlite3_file* f, int level) { return realOf(f)->pMethods->xUnlock(realOf(f), level); }
int xCheckReservedLock(sqlite3_file* f, int* out) { return realOf(f)->pMethods->xCheckReservedLock(realOf(f), out); }
int xFileControl(sqlite3_file* f, int op, void* arg) { return realOf(f)->pMethods->xFileControl(realOf(f), op, arg); }
int xSectorSize(sqlite3_file* f) { return realOf(f)->pMethods->xSectorSize(realOf(f)); }
int xDeviceCharacteristics(sqlite3_file* f) { return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f)); }
int xShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out)
{
    return realOf(f)->pMethods->xShmMap(realOf(f), page, size, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) { return realOf(f)->pMethods->xShmLock(realOf(f), offset, n, flags); }
void xShmBarrier(sqlite3_file* f) { realOf(f)->pMethods->xShmBarrier(realOf(f)); }
int xShmUnmap(sqlite3_file* f, int deleteFlag) { return realOf(f)->pMethods->xShmUnmap(realOf(f), deleteFlag); }
int xFetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out)
{
    return realOf(f)->pMethods->xFetch(realOf(f), offset, amount, out);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) { return realOf(f)->pMethods->xUnfetch(realOf(f), offset, page); }

const sqlite3_io_methods g_methods = {
    3,        xClose,      xRead,      xWrite,        xTruncate,  xSync,     xFileSize, xLock, xUnlock, xCheckReservedLock,
    xFileControl, xSectorSize, xDeviceCharacteristics, xShmMap, xShmLock, xShmBarrier, xShmUnmap, xFetch, xUnfetch,
};

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* wrapper = reinterpret_cast<File*>(file);
    wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
    wrapper->isDamaged = !g_damageMarker.empty() && name && std::strstr(name, g_damageMarker.c_str()) != nullptr;
    wrapper->base.pMethods = nullptr;
    const int rc = g_base->xOpen(g_base, name, wrapper->real, flags, outFlags);
    if (wrapper->real->pMethods)
        wrapper->base.pMethods = &g_methods;
    return rc;
}

} // namespace

FaultVfs::FaultVfs()
{
    g_base = sqlite3_vfs_find(nullptr);
    if (!g_base)
        throw std::runtime_error("no default SQLite VFS");
    g_vfs = *g_base;
    g_vfs.zName = "attune-fault";
    g_vfs.szOsFile = static_cast<int>(sizeof(File)) + g_base->szOsFile;
    g_vfs.xOpen = xOpen;
    g_vfs.pNext = nullptr;
    g_spaceLeft = -1;
    g_damageMarker.clear();
    sqlite3_vfs_register(&g_vfs, 1);
}

FaultVfs::~FaultVfs()
{
    sqlite3_vfs_unregister(&g_vfs);
    sqlite3_vfs_register(g_base, 1);
    g_spaceLeft = -1;
    g_damageMarker.clear();
}

void FaultVfs::setSpaceLeft(std::int64_t bytes)
{
    g_spaceLeft = bytes;
}

void FaultVfs::damageWritesTo(const std::string& marker)
{
    g_damageMarker = marker;
}

} // namespace attune::test
