// SPDX-License-Identifier: MIT
// Everything a parent deleted, across every kind of record, and its way back.
#pragma once

#include "attune/core/Types.h"

#include <vector>

namespace attune::core {

class Store;

class Trash {
public:
    explicit Trash(Store& store);
    // Newest first.
    std::vector<TrashEntry> entries() const;
    void restore(const TrashEntry& entry);

private:
    Store& m_store;
};

} // namespace attune::core
