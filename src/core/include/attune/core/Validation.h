// SPDX-License-Identifier: MIT
// The rules for what a parent types, with messages written to be shown next to the field.
#pragma once

#include "attune/core/Errors.h"
#include "attune/core/Types.h"

#include <string>
#include <vector>

namespace attune::core {

namespace limits {
inline constexpr int kChildNameMax = 80;
inline constexpr int kCaregiverNameMax = 60;
inline constexpr int kPronounsMax = 40;
inline constexpr int kGoalMin = 1;
inline constexpr int kGoalMax = 240;
inline constexpr int kEarliestBirthYear = 1900;
inline constexpr std::size_t kPhotoMaxBytes = 2 * 1024 * 1024;
inline constexpr std::size_t kLongTextMax = 1024 * 1024; // stories and notes
inline constexpr int kCoregLabelMax = 120;
inline constexpr int kCareCardEmergencyMax = 200; // "In an emergency, call …" on the care card
} // namespace limits

// Trims spaces, tabs and line breaks at both ends (UTF-8 safe: only ASCII white space).
std::string trimmed(const std::string& text);

// Length in Unicode code points of valid UTF-8; invalid bytes count one each.
std::size_t codePointCount(const std::string& text);

// `today` is the local calendar date "YYYY-MM-DD" (passed in so tests are deterministic).
std::vector<FieldError> validateChild(const ChildDraft& draft, const std::string& today);
std::vector<FieldError> validateCaregiverName(const std::string& name);
// The care card's "In an emergency, call …" line (field "emergency"), counted in characters.
std::vector<FieldError> validateCareCardEmergency(const std::string& text);
std::vector<FieldError> validateCoregItem(const std::string& category, const std::string& label,
                                          const std::string& note);

} // namespace attune::core
