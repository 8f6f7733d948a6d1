// SPDX-License-Identifier: MIT
#include "Records.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Store.h"

namespace attune::core::detail {

bool isDateOrEmpty(const std::string& text)
{
    return text.empty() || parseDate(text).has_value();
}

bool isTimeOrEmpty(const std::string& text)
{
    if (text.empty())
        return true;
    if (text.size() != 5 || text[2] != ':')
        return false;
    for (const std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    return hours < 24 && minutes < 60;
}

namespace {
bool hasUuidShape(const std::string& text, bool isUpperCaseAllowed)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (isUpperCaseAllowed && c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}
} // namespace

bool isUuid(const std::string& text)
{
    return hasUuidShape(text, true);
}

bool isCanonicalUuid(const std::string& text)
{
    return hasUuidShape(text, false);
}

std::string normalizedForMatching(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back(' ');
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\'')
            continue;
        // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) and U+2018 (E2 80 98): typographic apostrophes.
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80
            && (static_cast<unsigned char>(text[i + 2]) == 0x99 || static_cast<unsigned char>(text[i + 2]) == 0x98)) {
            i += 2;
            continue;
        }
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
            out.push_back(static_cast<char>(c));
        } else if (c >= 'A' && c <= 'Z') {
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (out.back() != ' ') {
            out.push_back(' ');
        }
    }
    if (out.back() != ' ')
        out.push_back(' ');
    return out;
}

} // namespace attune::core::detail
