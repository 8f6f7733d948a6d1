// SPDX-License-Identifier: MIT
// Internal: checks and text matching the reflection and plans repositories share. Row
// helpers (readMeta, throwIfInvalid, setDeleted…) are in storage/Rows.h, for every repository.
#pragma once

#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <string>
#include <vector>

namespace attune::core {
class Store;
}

namespace attune::core::detail {

// A checked date: "" stays "", otherwise strict "YYYY-MM-DD".
bool isDateOrEmpty(const std::string& text);
// "HH:MM", 00:00–23:59, or "".
bool isTimeOrEmpty(const std::string& text);
// 8-4-4-4-12 hex digits; isCanonicalUuid() also wants them lowercase, as Attune writes them.
bool isUuid(const std::string& text);
bool isCanonicalUuid(const std::string& text);

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
