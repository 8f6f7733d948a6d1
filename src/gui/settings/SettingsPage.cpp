// SPDX-License-Identifier: MIT
#include "settings/SettingsPage.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "data/ExportDialog.h"
#include "data/ImportDialog.h"
#include "data/RestoreDialog.h"
#include "onetoone/Reminder.h"

#include "attune/core/Backups.h"
#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Trash.h"
#include "attune/core/Version.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QUrl>
#include <QSystemTrayIcon>
#include <QTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

namespace attune::gui {

namespace {
QString trashKind(const std::string& table)
{
    if (table == "children")
        return QObject::tr("Child");
    if (table == "coreg_items")
        return QObject::tr("Co-regulation note");
    if (table == "reflections")
        return QObject::tr("Reflection");
    if (table == "problems")
        return QObject::tr("Plan");
    if (table == "plan_b_talks")
        return QObject::tr("Calm conversation");
    if (table == "sessions")
        return QObject::tr("One-on-one time");
    if (table == "notebook_entries")
        return QObject::tr("Notebook entry");
    if (table == "notebook_evidence")
        return QObject::tr("Notebook note");
    return QObject::tr("Item");
}

QListWidget* makeList(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    return list;
}
} // namespace

SettingsPage::SettingsPage(Workspace& workspace, const QString& logFolder, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_caregivers(makeList(QStringLiteral("caregivers"), tr("Caregivers"), this))
    , m_newCaregiver(new QLineEdit(this))
    , m_caregiverError(new FieldErrorLabel(this))
    , m_archived(makeList(QStringLiteral("archivedChildren"), tr("Archived children"), this))
    , m_trash(makeList(QStringLiteral("trash"), tr("Trash"), this))
    , m_trashError(new FieldErrorLabel(this))
    , m_restoreTrash(new QPushButton(tr("Restore"), this))
    , m_purgeTrash(new QPushButton(tr("Delete forever…"), this))
    , m_emptyTrash(new QPushButton(tr("Empty trash…"), this))
    , m_backupStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(28, 24, 28, 24);
    column->setSpacing(16);
    column->addWidget(makeHeading(tr("Settings"), 1, content));

    // Caregivers.
    auto* people = new Card(tr("Who logs"), content);
    auto* peopleHint = new QLabel(tr("Everything you log remembers who logged it. Choose who is using Attune at the "
                                     "top of the window. Double-click a name to change it."),
                                  content);
    peopleHint->setObjectName(QStringLiteral("muted"));
    peopleHint->setWordWrap(true);
    people->layout()->addWidget(peopleHint);
    people->layout()->addWidget(m_caregivers);
    auto* addRow = new QHBoxLayout;
    m_newCaregiver->setObjectName(QStringLiteral("newCaregiver"));
    m_newCaregiver->setPlaceholderText(tr("Another caregiver, e.g. Dad, Grandma"));
    m_newCaregiver->setAccessibleName(tr("New caregiver's name"));
    auto* add = new QPushButton(tr("Add"), content);
    add->setObjectName(QStringLiteral("addCaregiver"));
    addRow->addWidget(m_newCaregiver, 1);
    addRow->addWidget(add);
    static_cast<QVBoxLayout*>(people->layout())->addLayout(addRow);
    people->layout()->addWidget(m_caregiverError);
    column->addWidget(people);
    m_caregivers->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);

    column->addWidget(buildReminder(content));

    // Archived children.
    auto* archived = new Card(tr("Archived children"), content);
    auto* archivedHint = new QLabel(tr("Archived children are hidden from the sidebar. Their notes are kept."), content);
    archivedHint->setObjectName(QStringLiteral("muted"));
    archived->layout()->addWidget(archivedHint);
    archived->layout()->addWidget(m_archived);
    auto* unarchive = new QPushButton(tr("Bring back"), content);
    unarchive->setObjectName(QStringLiteral("unarchive"));
    archived->layout()->addWidget(unarchive);
    archived->layout()->setAlignment(unarchive, Qt::AlignRight);
    column->addWidget(archived);

    // Trash.
    auto* trash = new Card(tr("Trash"), content);
    auto* trashHint = new QLabel(tr("Nothing you delete is gone: it waits here until you restore it or empty the "
                                    "trash."),
                                 content);
    trashHint->setObjectName(QStringLiteral("muted"));
    trashHint->setWordWrap(true);
    trash->layout()->addWidget(trashHint);
    trash->layout()->addWidget(m_trash);
    m_restoreTrash->setObjectName(QStringLiteral("restoreTrash"));
    m_restoreTrash->setToolTip(tr("Puts the chosen item back where it was (Undo moves it back here)"));
    m_purgeTrash->setObjectName(QStringLiteral("purgeTrash"));
    m_purgeTrash->setToolTip(tr("Deletes the chosen item for good, after a backup"));
    m_emptyTrash->setObjectName(QStringLiteral("emptyTrash"));
    m_emptyTrash->setToolTip(tr("Deletes everything in the trash for good, after a backup"));
    auto* trashButtons = new QHBoxLayout;
    trashButtons->addWidget(m_emptyTrash);
    trashButtons->addStretch();
    trashButtons->addWidget(m_purgeTrash);
    trashButtons->addWidget(m_restoreTrash);
    static_cast<QVBoxLayout*>(trash->layout())->addLayout(trashButtons);
    trash->layout()->addWidget(m_trashError);
    column->addWidget(trash);

    // Your data.
    auto* dataCard = new Card(tr("Your data"), content);
    auto* where = new QLabel(tr("Everything is in one file on this computer. No account, no internet.\n"
                                "File: %1\nLogs (events only, never what you write): %2")
                                 .arg(QString::fromStdString(m_workspace.database().path().string()), logFolder),
                             content);
    where->setObjectName(QStringLiteral("dataLocation"));
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dataCard->layout()->addWidget(where);
    m_backupStatus->setObjectName(QStringLiteral("backupStatus"));
    m_backupStatus->setWordWrap(true);
    m_backupStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dataCard->layout()->addWidget(m_backupStatus);
    auto* backupNow = new QPushButton(tr("Back up now"), content);
    backupNow->setObjectName(QStringLiteral("backupNow"));
    backupNow->setToolTip(tr("Writes a checked copy of everything to the backup folder"));
    connect(backupNow, &QPushButton::clicked, this, [this] { this->backupNow(); });
    // Export, import and restore each open their own dialog; the work runs in the background.
    const auto dataButton = [content](const QString& text, const QString& name, const QString& tip) {
        auto* button = new QPushButton(text, content);
        button->setObjectName(name);
        button->setToolTip(tip);
        return button;
    };
    auto* exportData = dataButton(tr("Export…"), QStringLiteral("exportData"),
                                  tr("A complete copy, spreadsheets, or a report (Markdown or PDF)"));
    auto* importData = dataButton(tr("Import…"), QStringLiteral("importData"),
                                  tr("Bring in a complete copy (JSON); you see what changes first"));
    auto* restoreData = dataButton(tr("Restore…"), QStringLiteral("restoreData"),
                                   tr("Go back to a backup; your current data is backed up first"));
    auto* openFolder = dataButton(tr("Open backup folder"), QStringLiteral("openBackupFolder"),
                                  tr("Shows the backups in your file manager"));
    openFolder->setEnabled(!m_workspace.backupFolder().isEmpty());
    auto* dataRow = new QHBoxLayout;
    dataRow->addWidget(exportData);
    dataRow->addWidget(importData);
    dataRow->addWidget(restoreData);
    dataRow->addStretch();
    dataRow->addWidget(openFolder);
    dataRow->addWidget(backupNow);
    static_cast<QVBoxLayout*>(dataCard->layout())->addLayout(dataRow);
    connect(exportData, &QPushButton::clicked, this, [this] { openDataDialog(new ExportDialog(m_workspace, this)); });
    connect(importData, &QPushButton::clicked, this, [this] { openDataDialog(new ImportDialog(m_workspace, this)); });
    connect(restoreData, &QPushButton::clicked, this, [this] { openDataDialog(new RestoreDialog(m_workspace, this)); });
    connect(openFolder, &QPushButton::clicked, this, [this] {
        QDir().mkpath(m_workspace.backupFolder());
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_workspace.backupFolder()));
    });
    connect(&m_workspace, &Workspace::backupsChanged, this, &SettingsPage::reloadBackupStatus);
    column->addWidget(dataCard);

    // About.
    auto* about = new Card(tr("About Attune %1").arg(QString::fromLatin1(core::kVersion)), content);
    QString points;
    for (const auto& point : m_workspace.content().disclaimer.points)
        points += QStringLiteral("<p><b>%1</b> %2</p>")
                      .arg(toQString(point.title).toHtmlEscaped(), toQString(point.body).toHtmlEscaped());
    auto* aboutText = new QLabel(points, content);
    aboutText->setTextFormat(Qt::RichText);
    aboutText->setWordWrap(true);
    about->layout()->addWidget(aboutText);
    column->addWidget(about);
    column->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(add, &QPushButton::clicked, this, [this] { addCaregiver(m_newCaregiver->text()); });
    connect(m_newCaregiver, &QLineEdit::returnPressed, this, [this] { addCaregiver(m_newCaregiver->text()); });
    connect(m_caregivers, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (!m_isReloading)
            renameCaregiver(item->data(Qt::UserRole).toLongLong(), item->text());
    });
    connect(unarchive, &QPushButton::clicked, this, &SettingsPage::unarchiveSelected);
    connect(m_restoreTrash, &QPushButton::clicked, this, &SettingsPage::restoreSelectedTrash);
    connect(m_purgeTrash, &QPushButton::clicked, this, &SettingsPage::purgeSelectedTrash);
    connect(m_emptyTrash, &QPushButton::clicked, this, &SettingsPage::emptyTrash);
    connect(m_trash, &QListWidget::currentItemChanged, this, &SettingsPage::updateTrashButtons);
    connect(&m_workspace, &Workspace::childrenChanged, this, &SettingsPage::reloadArchived);
    connect(&m_workspace, &Workspace::trashChanged, this, &SettingsPage::reloadTrash);
    connect(&m_workspace, &Workspace::caregiversChanged, this, &SettingsPage::reloadCaregivers);
    reload();
}

void SettingsPage::reload()
{
    reloadBackupStatus();
    reloadCaregivers();
    reloadArchived();
    reloadTrash();
}

void SettingsPage::reloadCaregivers()
{
    m_isReloading = true;
    m_caregivers->clear();
    for (const auto& caregiver : m_workspace.family().caregivers()) {
        auto* item = new QListWidgetItem(toQString(caregiver.name), m_caregivers);
        item->setData(Qt::UserRole, static_cast<qlonglong>(caregiver.meta.id));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    fitListHeight(m_caregivers);
    m_isReloading = false;
}

void SettingsPage::reloadArchived()
{
    m_archived->clear();
    for (const auto& child : m_workspace.family().children(true)) {
        if (!child.isArchived)
            continue;
        auto* item = new QListWidgetItem(toQString(child.name), m_archived);
        item->setData(Qt::UserRole, static_cast<qlonglong>(child.id));
    }
    if (m_archived->count() == 0)
        m_archived->addItem(tr("No archived children."));
    fitListHeight(m_archived, 1);
}

void SettingsPage::reloadTrash()
{
    m_trash->clear();
    const auto entries = m_workspace.trash().entries();
    for (const auto& entry : entries) {
        const QString when = QDateTime::fromMSecsSinceEpoch(entry.deletedAt).toString(QStringLiteral("d MMM yyyy, HH:mm"));
        auto* item = new QListWidgetItem(
            QStringLiteral("%1: %2  ·  %3").arg(trashKind(entry.table), toQString(entry.title), when), m_trash);
        item->setData(Qt::UserRole, toQString(entry.table));
        item->setData(Qt::UserRole + 1, static_cast<qlonglong>(entry.id));
        item->setData(Qt::UserRole + 2, toQString(entry.title));
    }
    if (m_trash->count() == 0)
        m_trash->addItem(tr("The trash is empty."));
    fitListHeight(m_trash, 1, 10);
    m_emptyTrash->setEnabled(!entries.empty());
    updateTrashButtons();
}

void SettingsPage::updateTrashButtons()
{
    const QListWidgetItem* item = m_trash->currentItem();
    const bool hasOne = item != nullptr && item->data(Qt::UserRole).isValid();
    m_restoreTrash->setEnabled(hasOne);
    m_purgeTrash->setEnabled(hasOne);
}

bool SettingsPage::backupBeforeDeleting(const QString& reason)
{
    const QString folder = m_workspace.backupFolder();
    if (folder.isEmpty())
        return true; // backups are off for this window (tests, a file opened by hand)
    try {
        core::backupNow(m_workspace.database(), toStd(folder), m_workspace.clock().nowMs(), toStd(reason));
    } catch (const core::StorageError& error) {
        m_workspace.prompts().warn(this, tr("Nothing was deleted"),
                                   tr("%1\nAttune takes a backup before deleting anything for good, and that backup "
                                      "did not work, so everything is still in the trash.")
                                       .arg(toQString(error.what())));
        return false;
    }
    Q_EMIT m_workspace.backupsChanged();
    return true;
}

void SettingsPage::afterDeletingForGood()
{
    m_trashError->showMessage({});
    // Undo steps may point at rows that are gone now; none of them could be done any more.
    m_workspace.undoStack().clear();
    reloadTrash();
    // A purged child takes their sessions, notebook, reflections and timers along.
    Q_EMIT m_workspace.trashChanged();
    Q_EMIT m_workspace.childrenChanged();
    Q_EMIT m_workspace.oneOnOneChanged(0);
    Q_EMIT m_workspace.timersChanged();
}

bool SettingsPage::purgeSelectedTrash()
{
    QListWidgetItem* item = m_trash->currentItem();
    if (!item || !item->data(Qt::UserRole).isValid())
        return false;
    core::TrashEntry entry;
    entry.table = toStd(item->data(Qt::UserRole).toString());
    entry.id = item->data(Qt::UserRole + 1).toLongLong();
    const QString what = item->data(Qt::UserRole + 2).toString();
    QString text = tr("This cannot be undone.");
    if (entry.table == "children")
        text += QLatin1Char(' ') + tr("Everything about them goes with them.");
    if (!m_workspace.backupFolder().isEmpty())
        text += QLatin1Char(' ') + tr("A backup of everything is taken just before, so it is still in that backup if "
                                      "you ever need it.");
    if (!m_workspace.prompts().confirm(this, tr("Delete “%1” forever?").arg(what), text, tr("Delete forever")))
        return false;
    if (!backupBeforeDeleting(QStringLiteral("before-deleting-forever")))
        return false;
    try {
        m_workspace.trash().purge(entry);
    } catch (const core::StorageError& error) {
        m_trashError->showMessage(toQString(error.what()));
        reloadTrash();
        return false;
    }
    afterDeletingForGood();
    return true;
}

bool SettingsPage::emptyTrash()
{
    const auto count = static_cast<int>(m_workspace.trash().entries().size());
    if (count == 0)
        return false;
    QString text = tr("%1 will be deleted for good. This cannot be undone.")
                       .arg(countText(count, tr("thing"), tr("things")));
    if (!m_workspace.backupFolder().isEmpty())
        text += QLatin1Char(' ') + tr("A backup of everything is taken just before, so they are still in that backup "
                                      "if you ever need them.");
    if (!m_workspace.prompts().confirm(this, tr("Empty the trash?"), text, tr("Empty trash")))
        return false;
    if (!backupBeforeDeleting(QStringLiteral("before-emptying-trash")))
        return false;
    try {
        m_workspace.trash().empty();
    } catch (const core::StorageError& error) {
        m_trashError->showMessage(toQString(error.what()));
        return false;
    }
    afterDeletingForGood();
    return true;
}

void SettingsPage::reloadBackupStatus()
{
    const QString folder = m_workspace.backupFolder();
    if (folder.isEmpty()) {
        m_backupStatus->setText(tr("Backups are off for this window."));
        return;
    }
    const auto backups = core::listBackups(toStd(folder));
    if (backups.empty()) {
        m_backupStatus->setText(tr("No backup yet. Backups go to: %1").arg(folder));
        return;
    }
    const QString when = QDateTime::fromMSecsSinceEpoch(backups.front().takenAt).toString(QStringLiteral("d MMM yyyy, HH:mm"));
    m_backupStatus->setText(tr("Last backup: %1, checked and complete. %2 kept in %3")
                                .arg(when, countText(static_cast<int>(backups.size()), tr("backup"), tr("backups")), folder));
}

void SettingsPage::openDataDialog(QDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

bool SettingsPage::backupNow()
{
    const QString folder = m_workspace.backupFolder();
    if (folder.isEmpty())
        return false;
    try {
        core::backupNow(m_workspace.database(), toStd(folder), m_workspace.clock().nowMs());
    } catch (const core::StorageError& error) {
        // A failed backup is loud: the parent must know their safety net has a hole.
        m_workspace.prompts().warn(this, tr("The backup did not work"),
                                   tr("%1\nYour notes are safe in Attune's own file; only the copy failed.")
                                       .arg(toQString(error.what())));
        return false;
    }
    Q_EMIT m_workspace.backupsChanged();
    return true;
}

bool SettingsPage::addCaregiver(const QString& name)
{
    try {
        m_workspace.family().addCaregiver(toStd(name));
    } catch (const core::ValidationError& error) {
        m_caregiverError->showMessage(toQString(error.errors().front().message));
        return false;
    } catch (const core::StorageError& error) {
        m_caregiverError->showMessage(toQString(error.what()));
        return false;
    }
    m_caregiverError->showMessage({});
    m_newCaregiver->clear();
    Q_EMIT m_workspace.caregiversChanged();
    return true;
}

bool SettingsPage::renameCaregiver(qint64 id, const QString& name)
{
    try {
        m_workspace.family().renameCaregiver(id, toStd(name));
    } catch (const std::exception& error) {
        const auto* validation = dynamic_cast<const core::ValidationError*>(&error);
        m_caregiverError->showMessage(validation ? toQString(validation->errors().front().message)
                                                 : toQString(error.what()));
        reloadCaregivers();
        return false;
    }
    m_caregiverError->showMessage({});
    Q_EMIT m_workspace.caregiversChanged();
    return true;
}

void SettingsPage::restoreSelectedTrash()
{
    QListWidgetItem* item = m_trash->currentItem();
    if (!item || !item->data(Qt::UserRole).isValid())
        return;
    core::TrashEntry entry;
    entry.table = toStd(item->data(Qt::UserRole).toString());
    entry.id = item->data(Qt::UserRole + 1).toLongLong();
    entry.title = toStd(item->data(Qt::UserRole + 2).toString());
    try {
        // Undoable (undo moves it back to the trash); the command emits the refresh signals.
        perform(m_workspace, undo::restoreFromTrash(m_workspace, entry));
    } catch (const std::exception& error) {
        m_trashError->showMessage(toQString(error.what()));
        return;
    }
    m_trashError->showMessage({});
    reloadTrash();
}

QWidget* SettingsPage::buildReminder(QWidget* parent)
{
    auto* card = new Card(tr("A daily reminder"), parent);
    auto* hint = new QLabel(tr("One gentle note a day, at the time you choose, if a child hasn't had one-on-one time "
                               "yet. Never more than once a day, and none once every child has had theirs."),
                            parent);
    hint->setObjectName(QStringLiteral("muted"));
    hint->setWordWrap(true);
    card->layout()->addWidget(hint);
    auto* row = new QHBoxLayout;
    m_reminder = new QCheckBox(tr("Remind me at"), parent);
    m_reminder->setObjectName(QStringLiteral("reminderEnabled"));
    m_reminder->setAccessibleName(tr("Daily reminder"));
    m_reminderTime = new QTimeEdit(parent);
    m_reminderTime->setObjectName(QStringLiteral("reminderTime"));
    m_reminderTime->setAccessibleName(tr("Reminder time"));
    m_reminderTime->setDisplayFormat(QStringLiteral("HH:mm"));
    const ReminderSettings settings = loadReminderSettings();
    m_reminder->setChecked(settings.isEnabled);
    m_reminderTime->setTime(settings.at);
    m_reminderTime->setEnabled(settings.isEnabled);
    row->addWidget(m_reminder);
    row->addWidget(m_reminderTime);
    row->addStretch();
    static_cast<QVBoxLayout*>(card->layout())->addLayout(row);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        auto* noTray = new QLabel(tr("This desktop has no tray area, so Attune can't show the reminder here."), parent);
        noTray->setObjectName(QStringLiteral("muted"));
        noTray->setWordWrap(true);
        card->layout()->addWidget(noTray);
    }
    const auto save = [this] {
        m_reminderTime->setEnabled(m_reminder->isChecked());
        saveReminderSettings({m_reminder->isChecked(), m_reminderTime->time()});
    };
    connect(m_reminder, &QCheckBox::toggled, this, save);
    connect(m_reminderTime, &QTimeEdit::timeChanged, this, save);
    return card;
}

void SettingsPage::unarchiveSelected()
{
    QListWidgetItem* item = m_archived->currentItem();
    if (!item || !item->data(Qt::UserRole).isValid())
        return;
    try {
        // Undoable; the command emits childrenChanged.
        perform(m_workspace, undo::setArchived(m_workspace, item->data(Qt::UserRole).toLongLong(), false));
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(this, tr("Not changed"), toQString(error.what()));
    }
}

} // namespace attune::gui
