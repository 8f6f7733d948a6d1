// SPDX-License-Identifier: MIT
// Saving only what a parent changed, and keeping what a save replaced.
//
// Every update call of the services (Family::updateChild, TimeLog::updateSession, …) takes
// the record as the form loaded it and as the parent left it, and writes only the fields that
// differ between the two: a field the parent did not touch keeps whatever the file holds now,
// even if an import, a restore, an undo or another window changed it meanwhile. When a field
// the parent changed had *also* changed in the file since it was loaded, the parent's value is
// saved and the one it replaced is kept here, field by field, so nothing is lost and it can be
// copied back. (The co-parent sync keeps "also changed this" versions here too.)
#pragma once

#include "attune/core/Types.h"

#include <string>
#include <vector>

namespace attune::core {

class Store;

// What one field-level save did.
struct EditResult {
    bool isWritten = false; // at least one field differed from the file and was written
    // Columns ("birth_story", …) that had changed in the file since the form loaded them. The
    // parent's value was saved; the one it replaced is in RecordHistory.
    std::vector<std::string> keptFields;
};

// One value a save replaced.
struct HistoryEntry {
    RecordMeta meta;
    std::string table;      // "children", "sessions", …
    std::string recordUuid; // the record's uuid
    std::string field;      // its column, e.g. "birth_story"
    std::string value;      // the replaced text (a number as text); empty for bytes
    std::string bytes;      // the replaced bytes (a photo) when isBytes
    bool isBytes = false;
    TimestampMs replacedAt = 0;
    std::string writtenBy;     // caregiver uuid who had written the replaced value ('' unknown)
    std::string writtenByName; // that caregiver's name, when they are still in the file
};

class RecordHistory {
public:
    explicit RecordHistory(Store& store);

    // The values saves replaced in this record, newest first (the trash excluded).
    std::vector<HistoryEntry> entries(const std::string& recordUuid) const;
    // Every record's, newest first, at most `limit` (Edit → Earlier versions…).
    std::vector<HistoryEntry> recent(int limit = 200) const;
    int count(const std::string& recordUuid) const;

private:
    Store& m_store;
};

} // namespace attune::core
