// SPDX-License-Identifier: MIT
#include "data/ExportDialog.h"

#include "common/OutputPrompt.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "data/ReportPdf.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Export.h"
#include "attune/core/Family.h"
#include "attune/core/OutputPath.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>

namespace attune::gui {

namespace {
struct FormatInfo {
    ExportDialog::Format format;
    const char* objectName;
    const char* label;
    const char* hint;
};

const FormatInfo kFormats[] = {
    {ExportDialog::Format::Json, "formatJson", QT_TR_NOOP("Complete copy — JSON"),
     QT_TR_NOOP("Everything, the trash included, in one file Attune can import again.")},
    {ExportDialog::Format::Csv, "formatCsv", QT_TR_NOOP("Spreadsheets — CSV, one file per table"),
     QT_TR_NOOP("For a spreadsheet program: a folder with one file for each kind of record.")},
    {ExportDialog::Format::Markdown, "formatMarkdown", QT_TR_NOOP("Report — Markdown"),
     QT_TR_NOOP("A readable summary: one-on-one time, notebook and reflections, as plain text.")},
    {ExportDialog::Format::Pdf, "formatPdf", QT_TR_NOOP("Report — PDF"),
     QT_TR_NOOP("The same summary laid out on A4 pages, ready to print or share.")},
};
// The CSV files need a folder of their own, because it is put in place whole: the chosen folder
// when it is new, empty or an earlier export (asked about before it is replaced); otherwise a
// new folder inside it, so a parent who picks Documents gets one tidy folder there.
QString csvFolderIn(const QString& chosen, const QString& today)
{
    const QDir folder(chosen);
    if (!folder.exists())
        return chosen;
    const auto entries = folder.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    const bool isEarlierExport = std::all_of(entries.begin(), entries.end(), [](const QFileInfo& entry) {
        return entry.isFile() && entry.suffix() == QStringLiteral("csv");
    });
    if (isEarlierExport)
        return chosen;
    QString name = QStringLiteral("Attune CSV %1").arg(today);
    for (int n = 2; folder.exists(name); ++n)
        name = QStringLiteral("Attune CSV %1 (%2)").arg(today).arg(n);
    return folder.filePath(name);
}
} // namespace

ExportDialog::ExportDialog(Workspace& workspace, QWidget* parent)
    : DataDialog(workspace, tr("Export your data"), parent)
    , m_formats(new QButtonGroup(this))
    , m_reportFields(new QWidget(this))
    , m_child(new QComboBox(m_reportFields))
    , m_from(new QLineEdit(m_reportFields))
    , m_to(new QLineEdit(m_reportFields))
    , m_childError(new FieldErrorLabel(m_reportFields))
    , m_fromError(new FieldErrorLabel(m_reportFields))
    , m_toError(new FieldErrorLabel(m_reportFields))
    , m_export(makePrimaryButton(tr("Export…"), this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setMinimumWidth(560);
    fields()->addWidget(makeHeading(tr("Export your data"), 2, this));
    auto* intro = new QLabel(tr("Exports only read: nothing in Attune changes. The file is yours to keep, "
                                "print or open elsewhere."),
                             this);
    intro->setObjectName(QStringLiteral("muted"));
    intro->setWordWrap(true);
    fields()->addWidget(intro);

    for (const auto& info : kFormats) {
        auto* button = new QRadioButton(tr(info.label), this);
        button->setObjectName(QString::fromLatin1(info.objectName));
        button->setAccessibleName(tr(info.label));
        m_formats->addButton(button, static_cast<int>(info.format));
        auto* hint = new QLabel(tr(info.hint), this);
        hint->setObjectName(QStringLiteral("muted"));
        hint->setWordWrap(true);
        hint->setContentsMargins(26, 0, 0, 0);
        auto* choice = new QVBoxLayout;
        choice->setSpacing(0);
        choice->addWidget(button);
        choice->addWidget(hint);
        fields()->addLayout(choice);
    }
    m_formats->button(static_cast<int>(Format::Json))->setChecked(true);

    // What goes into a report.
    auto* form = new QFormLayout(m_reportFields);
    form->setContentsMargins(0, 6, 0, 0);
    m_child->setObjectName(QStringLiteral("reportChild"));
    m_child->setAccessibleName(tr("Which child"));
    m_child->addItem(tr("Every child"), QString());
    for (const auto& child : m_workspace.family().children(true))
        m_child->addItem(toQString(child.name), toQString(child.name));
    auto* childColumn = new QVBoxLayout;
    childColumn->addWidget(m_child);
    childColumn->addWidget(m_childError);
    form->addRow(tr("Child"), childColumn);
    const auto dateField = [this, form](QLineEdit* edit, FieldErrorLabel* error, const QString& name,
                                        const QString& label, const QString& placeholder) {
        edit->setObjectName(name);
        edit->setAccessibleName(label);
        edit->setPlaceholderText(placeholder);
        edit->setMaximumWidth(220);
        auto* column = new QVBoxLayout;
        column->addWidget(edit);
        column->addWidget(error);
        form->addRow(label, column);
    };
    dateField(m_from, m_fromError, QStringLiteral("reportFrom"), tr("From"), tr("YYYY-MM-DD, or blank for the start"));
    dateField(m_to, m_toError, QStringLiteral("reportTo"), tr("To"), tr("YYYY-MM-DD, or blank for the end"));
    fields()->addWidget(m_reportFields);
    fields()->addStretch();

    m_export->setObjectName(QStringLiteral("startExport"));
    m_export->setAccessibleName(tr("Choose where, then export"));
    buttons()->insertWidget(1, m_export);

    connect(m_formats, &QButtonGroup::idToggled, this, [this](int, bool isChecked) {
        if (isChecked)
            updateReportFields();
    });
    connect(m_export, &QPushButton::clicked, this, [this] { startExport(); });
    updateReportFields();
}

void ExportDialog::setFormat(Format format)
{
    m_formats->button(static_cast<int>(format))->setChecked(true);
}

ExportDialog::Format ExportDialog::format() const
{
    return static_cast<Format>(m_formats->checkedId());
}

void ExportDialog::updateReportFields()
{
    const bool isReport = format() == Format::Markdown || format() == Format::Pdf;
    m_reportFields->setEnabled(isReport);
    m_reportFields->setToolTip(isReport ? QString() : tr("A complete copy and spreadsheets always hold everything."));
}

void ExportDialog::setFieldsEnabled(bool isEnabled)
{
    for (QAbstractButton* button : m_formats->buttons())
        button->setEnabled(isEnabled);
    m_export->setEnabled(isEnabled);
    if (isEnabled)
        updateReportFields();
    else
        m_reportFields->setEnabled(false);
}

bool ExportDialog::showReportErrors(const std::vector<core::FieldError>& errors)
{
    QString child, from, to;
    for (const auto& error : errors) {
        QString& target = error.field == "from" ? from : error.field == "to" ? to : child;
        if (target.isEmpty())
            target = toQString(error.message);
    }
    m_childError->showMessage(child);
    m_fromError->showMessage(from);
    m_toError->showMessage(to);
    return !errors.empty();
}

bool ExportDialog::startExport()
{
    const Format chosen = format();
    const bool isReport = chosen == Format::Markdown || chosen == Format::Pdf;
    core::ReportOptions options;
    if (isReport) {
        options.childName = toStd(m_child->currentData().toString());
        options.from = toStd(m_from->text().trimmed());
        options.to = toStd(m_to->text().trimmed());
        // The core's rules, checked before asking where to save: a report with the stop flag
        // already set checks its options, then stops before reading any child.
        std::atomic<bool> stopAtOnce{true};
        try {
            core::markdownReport(m_workspace.database(), options, core::Progress{{}, &stopAtOnce});
        } catch (const core::ValidationError& error) {
            showReportErrors(error.errors());
            return false;
        } catch (const std::exception&) {
            // WorkCancelled (the options are fine) or a read failure the real run will report.
        }
    }
    showReportErrors({});

    const QString today = toQString(m_workspace.clock().today());
    QString target;
    switch (chosen) {
    case Format::Json:
        target = m_workspace.prompts().chooseSaveFile(this, tr("Save a complete copy"),
                                                      QStringLiteral("attune-%1.json").arg(today), tr("JSON (*.json)"));
        break;
    case Format::Csv:
        target = m_workspace.prompts().chooseFolder(this, tr("Choose a folder for the CSV files"));
        if (!target.isEmpty())
            target = csvFolderIn(target, today);
        break;
    case Format::Markdown:
        target = m_workspace.prompts().chooseSaveFile(this, tr("Save the report"),
                                                      QStringLiteral("attune-report-%1.md").arg(today),
                                                      tr("Markdown (*.md)"));
        break;
    case Format::Pdf:
        target = m_workspace.prompts().chooseSaveFile(this, tr("Save the report"),
                                                      QStringLiteral("attune-report-%1.pdf").arg(today),
                                                      tr("PDF (*.pdf)"));
        break;
    }
    if (target.isEmpty())
        return false;
    if (!mayWriteOutput(m_workspace, this, target,
                        chosen == Format::Csv ? core::OutputKind::WholeFolder : core::OutputKind::File,
                        tr("Nothing was exported"))) {
        setStatus(tr("Nothing was exported."));
        return false;
    }

    const std::filesystem::path database = m_workspace.database().path();
    auto work = [chosen, options, target, database](const core::Progress& progress) {
        core::Database db = BackgroundWork::openOwnConnection(database);
        switch (chosen) {
        case Format::Json: core::writeJsonExport(db, toStd(target), progress); break;
        case Format::Csv: core::writeCsvExport(db, toStd(target), progress); break;
        case Format::Markdown: core::writeFileSafely(toStd(target), core::markdownReport(db, options, progress)); break;
        case Format::Pdf: writeReportPdf(db, options, target, progress); break;
        }
    };
    runInBackground(tr("Exporting…"), work, [this, chosen, target](const WorkOutcome& outcome) {
        switch (outcome.kind) {
        case WorkOutcome::Kind::Done:
            m_written = target;
            setStatus(chosen == Format::Csv ? tr("Done. The CSV files are in %1").arg(QDir::toNativeSeparators(target))
                                            : tr("Done. Saved to %1").arg(QDir::toNativeSeparators(target)));
            break;
        case WorkOutcome::Kind::Cancelled: break;
        case WorkOutcome::Kind::Invalid:
            showReportErrors(outcome.errors);
            setStatus(tr("Nothing was written."));
            break;
        case WorkOutcome::Kind::Failed:
            setStatus(tr("Nothing was exported."));
            m_workspace.prompts().warn(this, tr("The export did not work"),
                                       tr("%1\nNothing in Attune was changed.").arg(outcome.message));
            break;
        }
    });
    return true;
}

} // namespace attune::gui
