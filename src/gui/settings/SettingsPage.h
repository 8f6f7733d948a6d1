// SPDX-License-Identifier: MIT
// Settings: who logs (caregivers), archived children, the trash, where the data lives, and About.
#pragma once

#include <QWidget>

class QCheckBox;
class QDialog;
class QLabel;
class QTimeEdit;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace attune::gui {

class FieldErrorLabel;
class Workspace;

class SettingsPage : public QWidget {
    Q_OBJECT

public:
    SettingsPage(Workspace& workspace, const QString& logFolder, QWidget* parent = nullptr);

    void reload();
    // Adds a caregiver from the text field; false (with the message shown) when refused.
    bool addCaregiver(const QString& name);
    bool renameCaregiver(qint64 id, const QString& name);
    void restoreSelectedTrash();
    // "Delete forever…" and "Empty trash…": after a confirm and a backup (when backups are on);
    // false when the parent said no, the backup failed (nothing deleted) or the core refused.
    bool purgeSelectedTrash();
    bool emptyTrash();
    void unarchiveSelected();
    // Writes a verified backup now; false (after a loud warning) when it failed.
    bool backupNow();

private:
    void reloadCaregivers();
    void reloadArchived();
    void reloadTrash();
    void reloadBackupStatus();
    void updateTrashButtons();
    bool backupBeforeDeleting(const QString& reason);
    void afterDeletingForGood();
    QWidget* buildReminder(QWidget* parent);
    // Export, import and restore: window-modal, deleted when closed.
    void openDataDialog(QDialog* dialog);

    Workspace& m_workspace;
    QListWidget* m_caregivers;
    QLineEdit* m_newCaregiver;
    FieldErrorLabel* m_caregiverError;
    QListWidget* m_archived;
    QListWidget* m_trash;
    FieldErrorLabel* m_trashError;
    QPushButton* m_restoreTrash;
    QPushButton* m_purgeTrash;
    QPushButton* m_emptyTrash;
    QLabel* m_backupStatus;
    QCheckBox* m_reminder = nullptr;
    QTimeEdit* m_reminderTime = nullptr;
    bool m_isReloading = false;
};

} // namespace attune::gui
