// SPDX-License-Identifier: MIT
// Everything in the file, out: complete JSON (docs/export-format.md), CSV per table, and a
// Markdown report per child and date range. Exports only read; files are written to a
// temporary name, fsynced and renamed, so a half-written export never has the final name.
// Every writer runs checkOutputPath() (OutputPath.h): never over an Attune file. Asking before
// replacing an ordinary file is the caller's part (a confirmation, or --overwrite).
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace attune::core {

class Database;

// The version of the JSON layout (not of the database schema, which the file states too).
inline constexpr int kExportFormatVersion = 1;
inline constexpr const char* kExportFormatName = "attune-export";

// Long work reports how far it got and stops when asked (between rows, never mid-write).
struct Progress {
    std::function<void(std::size_t done, std::size_t total)> report; // may be empty
    const std::atomic<bool>* stop = nullptr;                          // may be null
};

// Thrown when Progress::stop was set. Nothing was written: no export file, no imported rows.
class WorkCancelled : public std::runtime_error {
public:
    WorkCancelled();
};

// The whole database as JSON: every data table, every column, trash included; ids replaced by
// uuids; keys and rows in a fixed order, so the same data always gives the same bytes.
std::string exportJson(Database& db, const Progress& progress = {});
void writeJsonExport(Database& db, const std::filesystem::path& file, const Progress& progress = {});

// One RFC 4180 file per data table (<table>.csv, CRLF, UTF-8 with a byte order mark) in
// `folder`. All the files are written into a new folder beside it, then put in place in one
// rename: the folder appears whole or not at all (a full disk leaves nothing). A `folder` that
// holds only CSV files (an earlier export) is replaced whole; one with anything else in it is
// refused (OutputPathError). Returns the files written.
std::vector<std::filesystem::path> writeCsvExport(Database& db, const std::filesystem::path& folder,
                                                  const Progress& progress = {});
// One field quoted the RFC 4180 way when it needs to be (public for tests).
std::string csvField(const std::string& text);
// A text cell that no spreadsheet program takes for a formula: text starting with = + - @,
// a tab, a carriage return or an apostrophe gets one apostrophe in front (docs/export-format.md),
// then csvField().
std::string csvText(const std::string& text);

struct ReportOptions {
    std::string childName; // empty: every child that is not in the trash
    std::string from;      // "YYYY-MM-DD"; empty: from the start
    std::string to;        // "YYYY-MM-DD"; empty: to the end
};

// Rules for ReportOptions: bad dates, from after to, a child that is not there.
// Throws ValidationError (fields "child", "from", "to").
std::string markdownReport(Database& db, const ReportOptions& options, const Progress& progress = {});

// Writes `bytes` to `file` the safe way: a new temporary file beside it (a random name, created
// exclusively, never through a symlink), fsync, rename, fsync the folder. On failure (a full
// disk) the temporary file is removed and StorageError is thrown. Refuses Attune's own files
// (checkOutputPath with mayReplace) but replaces an ordinary file: ask first.
void writeFileSafely(const std::filesystem::path& file, const std::string& bytes);

} // namespace attune::core
