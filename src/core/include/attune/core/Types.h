// SPDX-License-Identifier: MIT
// Value types of the family model. Plain data: no storage, no Qt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attune::core {

using Id = std::int64_t;
using TimestampMs = std::int64_t; // UTC milliseconds since the Unix epoch

// Identity and audit columns every record carries (see docs/database.md).
struct RecordMeta {
    Id id = 0;
    std::string uuid;
    TimestampMs createdAt = 0;
    TimestampMs updatedAt = 0;
    std::string updatedBy; // caregiver uuid; empty for records the app made itself
};

struct Caregiver {
    RecordMeta meta;
    std::string name;
};

// The fields a parent edits. Validated by validateChild() before anything is stored.
struct ChildDraft {
    std::string name;
    std::string birthDate;   // "YYYY-MM-DD" or empty
    std::string pronouns;    // free text, optional
    int goalMinutes = 10;    // daily one-on-one goal, 1–240
    std::string avatarColor; // "#rrggbb"; empty picks a calm default
    std::string photo;       // encoded image bytes (PNG/JPEG), empty for none
    std::string birthStory;  // "the day you were born"
    bool operator==(const ChildDraft&) const = default;
};

struct Child {
    RecordMeta meta;
    ChildDraft data;
    int sortOrder = 0;
    bool isArchived = false;
};

// A short list item for sidebars and pickers: no photo or story loaded.
struct ChildSummary {
    Id id = 0;
    std::string name;
    std::string avatarColor;
    bool hasPhoto = false;
    bool isArchived = false;
    int goalMinutes = 10;
    std::string birthDate;
};

enum class CoregRating { Helps, Neutral, Avoid };

struct CoregItem {
    RecordMeta meta;
    Id childId = 0;
    std::string category; // key from resources/content/coregulation.json
    std::string label;
    CoregRating rating = CoregRating::Helps;
    std::string note;
    int sortOrder = 0;
};

// One row of the trash: enough to show and restore it.
struct TrashEntry {
    std::string table; // "children", "coreg_items", …
    Id id = 0;
    std::string title;
    TimestampMs deletedAt = 0;
};

std::string toString(CoregRating rating);
std::optional<CoregRating> coregRatingFromString(const std::string& text);

} // namespace attune::core
