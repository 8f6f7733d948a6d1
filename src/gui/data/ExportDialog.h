// SPDX-License-Identifier: MIT
// Export: a complete copy (JSON), spreadsheets (one CSV per table), or a report (Markdown or
// PDF) for one child or all and an optional date range. Runs in the background; says where the
// file went.
#pragma once

#include "data/DataDialog.h"

class QButtonGroup;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QWidget;

namespace attune::gui {

class FieldErrorLabel;

class ExportDialog : public DataDialog {
    Q_OBJECT

public:
    enum class Format { Json, Csv, Markdown, Pdf };

    ExportDialog(Workspace& workspace, QWidget* parent = nullptr);

    void setFormat(Format format);
    Format format() const;
    // Asks where to write (through prompts()), then exports in the background. False when
    // nothing was started (cancelled, or a report option was refused: see the field errors).
    bool startExport();
    // The file or folder of the last finished export; empty until one finished.
    const QString& written() const { return m_written; }

protected:
    void setFieldsEnabled(bool isEnabled) override;

private:
    void updateReportFields();
    bool showReportErrors(const std::vector<core::FieldError>& errors);

    QButtonGroup* m_formats;
    QWidget* m_reportFields;
    QComboBox* m_child;
    QLineEdit* m_from;
    QLineEdit* m_to;
    FieldErrorLabel* m_childError;
    FieldErrorLabel* m_fromError;
    FieldErrorLabel* m_toError;
    QPushButton* m_export;
    QString m_written;
};

} // namespace attune::gui
