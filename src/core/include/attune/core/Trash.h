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
    // Deletes for good, in one transaction, everything in the trash, and with a child every
    // record of theirs (trashed or not). Their text leaves the search index too. Cannot be
    // undone: the GUI takes a backup first.
    void empty();
    // "Delete forever" for one row of the trash (with a child: everything of theirs).
    // Throws StorageError(NotFound) when it is no longer in the trash.
    void purge(const TrashEntry& entry);

private:
    Store& m_store;
};

} // namespace attune::core
