// SPDX-License-Identifier: MIT
// Typed errors of the core: what a parent can act on, never a raw SQLite message.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace attune::core {

// One rule broken by one field of a form. `field` is the draft member's name ("name",
// "birthDate", …) so the GUI can show `message` next to the right widget.
struct FieldError {
    std::string field;
    std::string message;
    bool operator==(const FieldError&) const = default;
};

// Thrown when input breaks a rule. Nothing has been written when it is thrown.
class ValidationError : public std::runtime_error {
public:
    explicit ValidationError(std::vector<FieldError> errors);
    const std::vector<FieldError>& errors() const noexcept { return m_errors; }
    // The message for `field`, or an empty string when that field is fine.
    std::string messageFor(const std::string& field) const;

private:
    std::vector<FieldError> m_errors;
};

// Everything that can go wrong with the file itself. The action that hit it was rolled back.
class StorageError : public std::runtime_error {
public:
    enum class Kind {
        Missing,      // no file (or a 0-byte file) where one was expected
        NotAttune,    // a SQLite file of another application, or not SQLite at all
        TooNew,       // written by a newer Attune; left untouched
        Corrupt,      // quick_check failed or the file is not a database
        Busy,         // another program holds the write lock for too long
        ReadOnly,     // the file or its folder cannot be written
        DiskFull,     // no space left on the device
        Moved,        // the open file was moved, deleted or replaced by another program
        NotFound,     // a record that was asked for does not exist (or is in the trash)
        Io,           // any other I/O or SQLite failure
        InUse,        // another Attune (the app or attune-cli) holds the file's lock (FileLock.h)
    };
    StorageError(Kind kind, const std::string& message);
    Kind kind() const noexcept { return m_kind; }

private:
    Kind m_kind;
};

} // namespace attune::core
