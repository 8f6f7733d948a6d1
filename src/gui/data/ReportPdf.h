// SPDX-License-Identifier: MIT
// The report as a PDF: the core's Markdown report (one child or all, a date range) laid out on
// A4 pages with page numbers. Safe on a worker thread with any Qt platform (no widgets).
#pragma once

#include "attune/core/Export.h"

#include <QString>

namespace attune::core {
class Database;
}

namespace attune::gui {

// Writes the report to a temporary file beside `file`, then renames it, so nothing
// half-written ever has the final name. ValidationError for bad options (as
// core::markdownReport), core::WorkCancelled when stopped (nothing written), StorageError with a
// plain message when the file can't be written (the temporary file is removed).
void writeReportPdf(core::Database& db, const core::ReportOptions& options, const QString& file,
                    const core::Progress& progress = {});

} // namespace attune::gui
