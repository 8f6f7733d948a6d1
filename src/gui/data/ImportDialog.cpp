// SPDX-License-Identifier: MIT
#include "data/ImportDialog.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Store.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

namespace attune::gui {

ImportDialog::ImportDialog(Workspace& workspace, QWidget* parent)
    : DataDialog(workspace, tr("Import a complete copy"), parent)
    , m_file(new QLabel(tr("No file chosen yet."), this))
    , m_choose(new QPushButton(tr("Choose a file…"), this))
    , m_headline(new QLabel(this))
    , m_summary(new QTableWidget(0, 5, this))
    , m_problems(new QListWidget(this))
    , m_import(makePrimaryButton(tr("Import"), this))
{
    setObjectName(QStringLiteral("importDialog"));
    setMinimumWidth(640);
    fields()->addWidget(makeHeading(tr("Import a complete copy"), 2, this));
    auto* intro = new QLabel(tr("Bring in a complete copy (JSON) exported from Attune, on this computer or another. "
                                "The whole file is checked first and you see what it would change. Then all of it "
                                "is added in one go, or nothing is. Records you have already are matched, so "
                                "importing the same file twice adds nothing."),
                             this);
    intro->setObjectName(QStringLiteral("muted"));
    intro->setWordWrap(true);
    fields()->addWidget(intro);

    auto* fileRow = new QHBoxLayout;
    m_file->setObjectName(QStringLiteral("importFile"));
    m_file->setWordWrap(true);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_choose->setObjectName(QStringLiteral("chooseImportFile"));
    m_choose->setAccessibleName(tr("Choose a file to import"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_choose);
    fields()->addLayout(fileRow);

    m_headline->setObjectName(QStringLiteral("importHeadline"));
    m_headline->setWordWrap(true);
    m_headline->hide();
    fields()->addWidget(m_headline);

    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setAccessibleName(tr("What the file would change"));
    m_summary->setHorizontalHeaderLabels({tr("Records"), tr("New"), tr("Updated"), tr("Already here"), tr("Kept yours")});
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_summary->horizontalHeaderItem(4)->setToolTip(
        tr("Records changed here more recently than in the file: yours stay as they are."));
    m_summary->verticalHeader()->hide();
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->setFocusPolicy(Qt::NoFocus);
    m_summary->hide();
    fields()->addWidget(m_summary, 1);

    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setAccessibleName(tr("Where the file is wrong"));
    m_problems->setWordWrap(true);
    m_problems->hide();
    fields()->addWidget(m_problems, 1);

    m_import->setObjectName(QStringLiteral("importNow"));
    m_import->setAccessibleName(tr("Import this file"));
    m_import->setEnabled(false);
    buttons()->insertWidget(1, m_import);

    connect(m_choose, &QPushButton::clicked, this, [this] { chooseFile(); });
    connect(m_import, &QPushButton::clicked, this, [this] { startImport(); });
}

QString ImportDialog::headline() const
{
    return m_headline->isHidden() ? QString() : m_headline->text();
}

void ImportDialog::setFieldsEnabled(bool isEnabled)
{
    m_choose->setEnabled(isEnabled);
    m_import->setEnabled(isEnabled && !m_isImported && m_dryRun && m_dryRun->changesSomething());
}

BackgroundWork::Work ImportDialog::importWork(const QString& file, bool isDryRun,
                                             const std::shared_ptr<core::ImportSummary>& result) const
{
    // Everything the worker needs is copied here: it runs on its own thread and connection.
    const std::filesystem::path database = m_workspace.database().path();
    const core::Clock* clock = &m_workspace.clock();
    const std::string actor = m_workspace.currentCaregiver();
    // A real import takes a verified backup first; a dry run writes nothing at all.
    const std::string backups = isDryRun ? std::string() : toStd(m_workspace.backupFolder());
    return [database, clock, actor, backups, file, isDryRun, result](const core::Progress& progress) {
        core::Database db = BackgroundWork::openOwnConnection(database);
        core::Store store(db, *clock);
        store.setActor(actor);
        core::ImportOptions options;
        options.isDryRun = isDryRun;
        options.backupFolder = backups;
        options.progress = progress;
        *result = core::importJsonFile(store, toStd(file), options);
    };
}

bool ImportDialog::chooseFile()
{
    const QString file =
        m_workspace.prompts().chooseOpenFile(this, tr("Choose a complete copy to import"), {}, tr("JSON (*.json)"));
    if (file.isEmpty())
        return false;
    checkFile(file);
    return true;
}

void ImportDialog::checkFile(const QString& file)
{
    m_path = file;
    m_dryRun.reset();
    m_isImported = false;
    m_file->setText(QDir::toNativeSeparators(file));
    m_headline->hide();
    m_summary->hide();
    m_problems->hide();
    auto result = std::make_shared<core::ImportSummary>();
    const BackgroundWork::Work work = importWork(file, true, result);
    runInBackground(tr("Checking the whole file…"), work, [this, result](const WorkOutcome& outcome) {
        if (outcome.kind == WorkOutcome::Kind::Done) {
            m_dryRun = *result;
            showSummary(*result);
        } else {
            showProblems(outcome);
        }
        setFieldsEnabled(true);
    });
}

void ImportDialog::showSummary(const core::ImportSummary& summary)
{
    m_problems->hide();
    m_summary->setRowCount(0);
    for (const auto& table : summary.tables) {
        if (table.added + table.updated + table.unchanged + table.keptOurs == 0)
            continue;
        const int row = m_summary->rowCount();
        m_summary->insertRow(row);
        m_summary->setItem(row, 0, new QTableWidgetItem(recordKindName(table.table)));
        const int counts[] = {table.added, table.updated, table.unchanged, table.keptOurs};
        for (int column = 1; column <= 4; ++column) {
            const int count = counts[column - 1];
            auto* item = new QTableWidgetItem(count == 0 ? QStringLiteral("–") : QLocale().toString(count));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_summary->setItem(row, column, item);
        }
    }
    m_summary->sortItems(0);
    m_summary->setVisible(m_summary->rowCount() > 0);
    if (!summary.changesSomething()) {
        m_headline->setText(tr("Nothing new in this file: everything in it is already here."));
    } else {
        const QString added = countText(summary.added(), tr("new record"), tr("new records"));
        const QString updated = countText(summary.updated(), tr("record"), tr("records"));
        const QString change = summary.updated() == 0 ? tr("adds %1").arg(added)
                               : summary.added() == 0 ? tr("updates %1").arg(updated)
                                                      : tr("adds %1 and updates %2").arg(added, updated);
        m_headline->setText(tr("The whole file checked out. Importing it %1. Nothing has been written yet.").arg(change));
    }
    m_headline->show();
}

void ImportDialog::showProblems(const WorkOutcome& outcome)
{
    if (outcome.kind == WorkOutcome::Kind::Cancelled)
        return;
    m_headline->setText(outcome.kind == WorkOutcome::Kind::Invalid
                            ? tr("This file can't be imported as it is. Nothing was written. Where it is wrong:")
                            : tr("This file can't be imported. Nothing was written."));
    m_headline->show();
    m_summary->hide();
    m_problems->clear();
    if (outcome.errors.empty())
        m_problems->addItem(outcome.message);
    for (const auto& error : outcome.errors)
        m_problems->addItem(toQString(error.message));
    m_problems->show();
}

bool ImportDialog::startImport()
{
    if (!m_dryRun || !m_dryRun->changesSomething() || m_isImported || isWorking())
        return false;
    auto result = std::make_shared<core::ImportSummary>();
    const BackgroundWork::Work work = importWork(m_path, false, result);
    runInBackground(tr("Importing…"), work, [this, result](const WorkOutcome& outcome) {
        switch (outcome.kind) {
        case WorkOutcome::Kind::Done:
            m_isImported = true;
            setStatus(result->backup ? tr("Imported %1 and updated %2. What was here before is kept in the backup %3")
                                           .arg(countText(result->added(), tr("new record"), tr("new records")),
                                                countText(result->updated(), tr("record"), tr("records")),
                                                QDir::toNativeSeparators(toQString(result->backup->path.string())))
                                     : tr("Imported %1 and updated %2.")
                                           .arg(countText(result->added(), tr("new record"), tr("new records")),
                                                countText(result->updated(), tr("record"), tr("records"))));
            if (result->backup)
                Q_EMIT m_workspace.backupsChanged();
            Q_EMIT m_workspace.dataReplaced();
            break;
        case WorkOutcome::Kind::Cancelled: break;
        case WorkOutcome::Kind::Invalid: showProblems(outcome); break;
        case WorkOutcome::Kind::Failed:
            setStatus(tr("Nothing was imported."));
            m_workspace.prompts().warn(this, tr("The import did not work"),
                                       tr("%1\nNothing in Attune was changed.").arg(outcome.message));
            break;
        }
        setFieldsEnabled(true);
    });
    return true;
}

} // namespace attune::gui
