// SPDX-License-Identifier: MIT
// Internal: small helpers the reflection and plans repositories share for reading and
// writing rows. (Family.cpp keeps its own copies; fold them together when it next changes.)
#pragma once

#include "attune/core/Errors.h"
#include "attune/core/Types.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <string>
#include <vector>

namespace attune::core {
class Store;
}

namespace attune::core::detail {

// id, uuid, created_at, updated_at, updated_by starting at column `first` (0-based).
RecordMeta readMeta(SQLite::Statement& row, int first);

// Throws ValidationError when there is anything in `errors`.
void throwIfInvalid(std::vector<FieldError> errors);

// Sets or clears deleted_at of one row (trash / restore). `table` is a literal of the
// calling file, never input. Throws StorageError(NotFound) with `notFound` when no row changed.
void setDeleted(Store& store, const char* table, Id id, bool isDeleted, const char* notFound);

// A checked date: "" stays "", otherwise strict "YYYY-MM-DD".
bool isDateOrEmpty(const std::string& text);
// "HH:MM", 00:00–23:59, or "".
bool isTimeOrEmpty(const std::string& text);
bool isUuid(const std::string& text);

// Text prepared for whole-word phrase matching: ASCII letters lowercased, apostrophes
// (' and ’) dropped, every other ASCII character that is not a letter or digit turned into
// one space, runs of spaces collapsed, one space added at both ends. Bytes of other
// scripts are kept as they are, so they count as parts of words.
std::string normalizedForMatching(const std::string& text);
// True when `normalized` (from normalizedForMatching) holds `phrase` (also normalized, so
// padded with spaces) as whole words.
inline bool containsPhrase(const std::string& normalized, const std::string& phrase)
{
    return normalized.find(phrase) != std::string::npos;
}

} // namespace attune::core::detail
