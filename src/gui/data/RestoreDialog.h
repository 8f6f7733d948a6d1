// SPDX-License-Identifier: MIT
// Restore: the backups in the backup folder (newest first) or any Attune file; choosing one
// previews it in the background (children, counts, dates); "Restore…" asks once more, backs
// up the current data, then replaces everything with the copy.
#pragma once

#include "data/DataDialog.h"

#include "attune/core/Restore.h"

#include <optional>

class QLabel;
class QListWidget;

namespace attune::gui {

class RestoreDialog : public DataDialog {
    Q_OBJECT

public:
    RestoreDialog(Workspace& workspace, QWidget* parent = nullptr);

    void reloadBackups();
    // Previews the backup in row `row` of the list.
    void selectBackup(int row);
    // Asks for any Attune file (through prompts()) and previews it.
    bool chooseFile();
    void previewFile(const QString& file);
    // Asks once more, then restores in the background; false when nothing was started.
    bool startRestore();
    const std::optional<core::FilePreview>& preview() const { return m_preview; }
    QString previewText() const;

protected:
    void setFieldsEnabled(bool isEnabled) override;

private:
    void showPreview(const core::FilePreview& preview);

    QListWidget* m_backups;
    QPushButton* m_choose;
    QLabel* m_details;
    QLabel* m_problem;
    QPushButton* m_restore;
    QString m_path;
    std::optional<core::FilePreview> m_preview;
};

} // namespace attune::gui
