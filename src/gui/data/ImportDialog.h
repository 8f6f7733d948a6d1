// SPDX-License-Identifier: MIT
// Import of a complete copy (JSON): the whole file is checked and a dry run shows what would
// change, table by table; "Import" then writes all of it in one transaction (after a verified
// backup), or nothing. A broken file lists where it is wrong.
#pragma once

#include "data/DataDialog.h"

#include "attune/core/Import.h"

#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QTableWidget;

namespace attune::gui {

class ImportDialog : public DataDialog {
    Q_OBJECT

public:
    ImportDialog(Workspace& workspace, QWidget* parent = nullptr);

    // Asks for a file (through prompts()) and checks it; false when none was chosen.
    bool chooseFile();
    // Checks `file` in the background (a dry run: nothing is written).
    void checkFile(const QString& file);
    // Imports the checked file in the background; false when there is nothing to import.
    bool startImport();
    const std::optional<core::ImportSummary>& dryRun() const { return m_dryRun; }
    QString headline() const;

protected:
    void setFieldsEnabled(bool isEnabled) override;

private:
    // The core import (or its dry run) of `file`, for the worker thread; fills `result`.
    BackgroundWork::Work importWork(const QString& file, bool isDryRun,
                                    const std::shared_ptr<core::ImportSummary>& result) const;
    void showSummary(const core::ImportSummary& summary);
    void showProblems(const WorkOutcome& outcome);

    QLabel* m_file;
    QPushButton* m_choose;
    QLabel* m_headline;
    QTableWidget* m_summary;
    QListWidget* m_problems;
    QPushButton* m_import;
    QString m_path;
    std::optional<core::ImportSummary> m_dryRun;
    bool m_isImported = false;
};

} // namespace attune::gui
