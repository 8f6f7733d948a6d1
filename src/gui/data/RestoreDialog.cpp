// SPDX-License-Identifier: MIT
#include "data/RestoreDialog.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include "attune/core/Backups.h"
#include "attune/core/Database.h"
#include "attune/core/Dates.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace attune::gui {

namespace {
QString whenText(core::TimestampMs ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("d MMM yyyy, HH:mm"));
}

QString dayText(const std::string& day)
{
    const QDate date = QDate::fromString(toQString(day), Qt::ISODate);
    return date.isValid() ? date.toString(QStringLiteral("d MMM yyyy")) : toQString(day);
}

// "before-import" in "attune-…Z-before-import.sqlite": why the backup was taken.
QString reasonText(const std::filesystem::path& path)
{
    const QString name = toQString(path.filename().string());
    if (name.contains(QStringLiteral("before-import")))
        return DataDialog::tr("before an import");
    if (name.contains(QStringLiteral("before-restore")))
        return DataDialog::tr("before a restore");
    if (name.contains(QStringLiteral("before-v")))
        return DataDialog::tr("before an update");
    return {};
}
} // namespace

RestoreDialog::RestoreDialog(Workspace& workspace, QWidget* parent)
    : DataDialog(workspace, tr("Restore a backup"), parent)
    , m_backups(new QListWidget(this))
    , m_choose(new QPushButton(tr("Choose a file…"), this))
    , m_details(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_restore(makePrimaryButton(tr("Restore…"), this))
{
    setObjectName(QStringLiteral("restoreDialog"));
    setMinimumWidth(620);
    fields()->addWidget(makeHeading(tr("Restore a backup"), 2, this));
    auto* intro = new QLabel(tr("Choose a backup to see what is in it. Nothing changes until you press Restore."), this);
    intro->setObjectName(QStringLiteral("muted"));
    intro->setWordWrap(true);
    fields()->addWidget(intro);

    m_backups->setObjectName(QStringLiteral("backupList"));
    m_backups->setAccessibleName(tr("Backups, newest first"));
    fields()->addWidget(m_backups);
    m_choose->setObjectName(QStringLiteral("chooseRestoreFile"));
    m_choose->setAccessibleName(tr("Choose another Attune file to restore"));
    auto* chooseRow = new QHBoxLayout;
    auto* elsewhere = new QLabel(tr("Or a copy kept somewhere else:"), this);
    elsewhere->setObjectName(QStringLiteral("muted"));
    chooseRow->addWidget(elsewhere);
    chooseRow->addWidget(m_choose);
    chooseRow->addStretch();
    fields()->addLayout(chooseRow);

    m_details->setObjectName(QStringLiteral("restorePreview"));
    m_details->setAccessibleName(tr("What is in this copy"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->hide();
    fields()->addWidget(m_details);
    m_problem->setObjectName(QStringLiteral("restoreProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    fields()->addWidget(m_problem);
    fields()->addStretch();

    m_restore->setObjectName(QStringLiteral("restoreNow"));
    m_restore->setAccessibleName(tr("Restore this copy"));
    m_restore->setEnabled(false);
    buttons()->insertWidget(1, m_restore);

    connect(m_backups, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            selectBackup(row);
    });
    connect(m_choose, &QPushButton::clicked, this, [this] { chooseFile(); });
    connect(m_restore, &QPushButton::clicked, this, [this] { startRestore(); });
    reloadBackups();
}

void RestoreDialog::reloadBackups()
{
    QSignalBlocker block(m_backups);
    m_backups->clear();
    const QString folder = m_workspace.backupFolder();
    const auto backups = folder.isEmpty() ? std::vector<core::BackupFile>{} : core::listBackups(toStd(folder));
    for (const auto& backup : backups) {
        const QString reason = reasonText(backup.path);
        auto* item = new QListWidgetItem(
            reason.isEmpty() ? tr("%1  ·  %2").arg(whenText(backup.takenAt), sizeText(backup.bytes))
                             : tr("%1  ·  %2  ·  %3").arg(whenText(backup.takenAt), sizeText(backup.bytes), reason),
            m_backups);
        item->setData(Qt::UserRole, toQString(backup.path.string()));
        item->setToolTip(QDir::toNativeSeparators(toQString(backup.path.string())));
    }
    if (backups.empty()) {
        auto* item = new QListWidgetItem(tr("No backups yet. Attune makes one every day it is open."), m_backups);
        item->setFlags(Qt::NoItemFlags);
    }
    fitListHeight(m_backups, 2, 7);
}

void RestoreDialog::selectBackup(int row)
{
    QListWidgetItem* item = m_backups->item(row);
    if (!item || !item->data(Qt::UserRole).isValid())
        return;
    if (m_backups->currentRow() != row) {
        QSignalBlocker block(m_backups);
        m_backups->setCurrentRow(row);
    }
    previewFile(item->data(Qt::UserRole).toString());
}

bool RestoreDialog::chooseFile()
{
    const QString file = m_workspace.prompts().chooseOpenFile(this, tr("Choose an Attune file or backup"),
                                                              m_workspace.backupFolder(),
                                                              tr("Attune files (*.sqlite *.db);;All files (*)"));
    if (file.isEmpty())
        return false;
    {
        QSignalBlocker block(m_backups);
        m_backups->setCurrentRow(-1);
    }
    previewFile(file);
    return true;
}

void RestoreDialog::previewFile(const QString& file)
{
    if (isWorking())
        return;
    m_path = file;
    m_preview.reset();
    m_details->hide();
    m_problem->hide();
    auto result = std::make_shared<core::FilePreview>();
    auto work = [file, result](const core::Progress&) { *result = core::previewFile(toStd(file)); };
    runInBackground(tr("Looking inside…"), work, [this, result](const WorkOutcome& outcome) {
        if (outcome.kind == WorkOutcome::Kind::Done) {
            m_preview = *result;
            showPreview(*result);
        } else if (outcome.kind != WorkOutcome::Kind::Cancelled) {
            m_problem->setText(tr("This copy can't be restored: %1").arg(outcome.message));
            m_problem->show();
        }
        setFieldsEnabled(true);
    });
}

QString RestoreDialog::previewText() const
{
    return m_details->isHidden() ? QString() : m_details->text();
}

void RestoreDialog::showPreview(const core::FilePreview& preview)
{
    QString html;
    html += tr("<p><b>%1</b><br><span style='color:#6b6b6b'>%2 · made by Attune (data version %3)</span></p>")
                .arg(QFileInfo(toQString(preview.path.string())).fileName().toHtmlEscaped(), sizeText(preview.bytes))
                .arg(preview.schemaVersion);
    if (preview.children.empty())
        html += tr("<p>No children in this copy.</p>");
    else
        html += QStringLiteral("<ul style='margin-left:-20px'>");
    for (const auto& child : preview.children) {
        QStringList counts;
        for (const auto& [table, count] : child.counts) {
            if (count == 0)
                continue;
            const QString text = QStringLiteral("%1 %2").arg(QLocale().toString(static_cast<qlonglong>(count)),
                                                              recordKindName(table).toLower());
            // One-on-one time first: it is what most parents look for.
            if (table == "sessions")
                counts.prepend(text);
            else
                counts << text;
        }
        html += QStringLiteral("<li><b>%1</b>%2: %3</li>")
                    .arg(toQString(child.name).toHtmlEscaped(), child.isInTrash ? tr(" (in the trash)") : QString(),
                         counts.isEmpty() ? tr("nothing logged yet") : counts.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    if (!preview.children.empty())
        html += QStringLiteral("</ul>");
    if (!preview.firstSessionDay.empty())
        html += tr("<p>One-on-one time from %1 to %2.</p>")
                    .arg(dayText(preview.firstSessionDay), dayText(preview.lastSessionDay));
    html += tr("<p><b>Restoring replaces everything in this window with this copy.</b> Your current data is "
               "backed up first, so you can come back to it.</p>");
    m_details->setText(html);
    m_details->show();
}

void RestoreDialog::setFieldsEnabled(bool isEnabled)
{
    m_backups->setEnabled(isEnabled);
    m_choose->setEnabled(isEnabled);
    m_restore->setEnabled(isEnabled && m_preview.has_value());
}

bool RestoreDialog::startRestore()
{
    if (!m_preview || isWorking())
        return false;
    if (m_workspace.backupFolder().isEmpty()) {
        m_problem->setText(tr("Backups are off for this window, so the current data can't be kept safe first. "
                              "Nothing was restored."));
        m_problem->show();
        return false;
    }
    if (!m_workspace.prompts().confirm(this, tr("Replace everything with this copy?"),
                                       tr("Everything in this window is replaced by the copy you chose. Your current "
                                          "data is backed up first."),
                                       tr("Restore")))
        return false;
    const std::filesystem::path database = m_workspace.database().path();
    const std::string backups = toStd(m_workspace.backupFolder());
    const core::TimestampMs now = m_workspace.clock().nowMs();
    const QString file = m_path;
    auto result = std::make_shared<core::RestoreResult>();
    auto work = [database, backups, now, file, result](const core::Progress&) {
        core::Database db = BackgroundWork::openOwnConnection(database);
        *result = core::restoreFrom(db, toStd(file), backups, now);
    };
    runInBackground(
        tr("Restoring… This takes a few seconds."), work,
        [this, result](const WorkOutcome& outcome) {
            if (outcome.kind == WorkOutcome::Kind::Done) {
                setStatus(tr("Restored. What was here before is kept in the backup %1")
                              .arg(QDir::toNativeSeparators(toQString(result->backupOfCurrent.path.string()))));
                m_preview.reset();
                m_details->hide();
                reloadBackups();
                Q_EMIT m_workspace.backupsChanged();
                Q_EMIT m_workspace.dataReplaced();
            } else {
                setStatus(tr("Nothing was restored."));
                m_workspace.prompts().warn(this, tr("The restore did not work"),
                                           tr("%1\nYour data is as it was.").arg(outcome.message));
            }
            setFieldsEnabled(true);
        },
        false);
    return true;
}

} // namespace attune::gui
