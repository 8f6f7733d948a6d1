// SPDX-License-Identifier: MIT
#include "attune/core/Types.h"

namespace attune::core {

std::string toString(CoregRating rating)
{
    switch (rating) {
    case CoregRating::Helps: return "helps";
    case CoregRating::Neutral: return "neutral";
    case CoregRating::Avoid: return "avoid";
    }
    return "neutral";
}

std::optional<CoregRating> coregRatingFromString(const std::string& text)
{
    if (text == "helps")
        return CoregRating::Helps;
    if (text == "neutral")
        return CoregRating::Neutral;
    if (text == "avoid")
        return CoregRating::Avoid;
    return std::nullopt;
}

} // namespace attune::core
