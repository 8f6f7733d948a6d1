// SPDX-License-Identifier: MIT
#include "attune/core/Errors.h"

namespace attune::core {

namespace {
std::string joinMessages(const std::vector<FieldError>& errors)
{
    std::string text;
    for (const auto& error : errors) {
        if (!text.empty())
            text += ' ';
        text += error.message;
    }
    return text;
}
} // namespace

ValidationError::ValidationError(std::vector<FieldError> errors)
    : std::runtime_error(joinMessages(errors))
    , m_errors(std::move(errors))
{
}

std::string ValidationError::messageFor(const std::string& field) const
{
    for (const auto& error : m_errors) {
        if (error.field == field)
            return error.message;
    }
    return {};
}

StorageError::StorageError(Kind kind, const std::string& message)
    : std::runtime_error(message)
    , m_kind(kind)
{
}

} // namespace attune::core
