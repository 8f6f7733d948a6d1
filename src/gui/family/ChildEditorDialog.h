// SPDX-License-Identifier: MIT
// Add or edit a child: name, birth date, pronouns, daily goal, avatar and birth story.
// Every rule is answered next to its field; nothing is stored until all of them pass.
#pragma once

#include "attune/core/Types.h"

#include <QDialog>
#include <QHash>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace attune::gui {

class FieldErrorLabel;
class Workspace;

class ChildEditorDialog : public QDialog {
    Q_OBJECT

public:
    // `childId` 0 adds a new child.
    ChildEditorDialog(Workspace& workspace, qint64 childId, QWidget* parent = nullptr);

    qint64 childId() const { return m_childId; }

    // Saves and closes on success; on a broken rule shows the messages and stays open.
    void accept() override;

private:
    void load();
    core::ChildDraft draftFromForm() const;
    void choosePhoto();
    void removePhoto();
    void updateAvatarPreview();
    void showErrors(const QHash<QString, QString>& messages);

    Workspace& m_workspace;
    qint64 m_childId;
    QLineEdit* m_name;
    QLineEdit* m_birthDate;
    QComboBox* m_pronouns;
    QSpinBox* m_goal;
    QButtonGroup* m_colors;
    QLabel* m_avatarPreview;
    QPushButton* m_removePhoto;
    QPlainTextEdit* m_birthStory;
    QByteArray m_photo;
    QHash<QString, FieldErrorLabel*> m_errors;
    // For saving only what the parent changed: the child as read, and the form right after.
    core::ChildDraft m_loaded;
    core::ChildDraft m_shown;
};

} // namespace attune::gui
