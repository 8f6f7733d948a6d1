// SPDX-License-Identifier: MIT
// Internal: the field-level save every service's update call shares (RecordHistory.h says
// what it promises). A service lists its draft's columns once (column name → value) and hands
// the loaded and the edited draft over; this writes the differences and keeps what they replace.
#pragma once

#include "attune/core/RecordHistory.h"
#include "attune/core/Types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace attune::core {
class Store;
}

namespace attune::core::detail {

// One column's value as SQLite holds it. NULL, empty text and empty bytes are the same value
// here: a form cannot tell them apart, so neither may the comparison.
struct SqlValue {
    enum class Kind { Null, Integer, Text, Bytes };
    Kind kind = Kind::Null;
    std::int64_t integer = 0;
    std::string text; // Text and Bytes

    static SqlValue of(std::int64_t value);
    static SqlValue of(const std::string& value);
    static SqlValue of(const std::optional<std::int64_t>& value);
    static SqlValue ofBytes(const std::string& bytes);
    bool isEmpty() const;
    bool operator==(const SqlValue& other) const;
};

// A draft's editable columns, in a fixed order, as the service binds them.
using Columns = std::vector<std::pair<const char*, SqlValue>>;

// Inside the caller's write transaction. `loaded` is the record as the form read it (not
// cleaned); `before` and `edited` are the loaded and the edited drafts, cleaned the same way.
// A column is the parent's change when `before` and `edited` differ there; only those columns
// are written (with `extra`, untracked, such as a new sort_order), plus updated_at/updated_by.
// A changed column whose stored value is neither the loaded nor the edited one changed in the
// file meanwhile: its stored value goes to record_history first. `table` is a literal of the
// calling file, never input. Throws StorageError(NotFound, notFound) when the row is missing
// or in the trash.
EditResult saveFields(Store& store, const char* table, Id id, const Columns& loaded, const Columns& before,
                      const Columns& edited, const char* notFound, const Columns& extra = {});

// True when `column` is among the parent's changes (before and edited differ there).
bool isChanged(const Columns& before, const Columns& edited, const char* column);

} // namespace attune::core::detail
