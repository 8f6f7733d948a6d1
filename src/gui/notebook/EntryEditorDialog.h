// SPDX-License-Identifier: MIT
// Adds or edits one notebook entry: its title (or, for a mirror trait, the struggle and where
// it shines), details, the day first noticed, pinned, its uses, and — once it exists — its
// dated notes, which save on their own as they are added or edited. Nothing typed is lost: a
// broken rule shows its message under the field and the form stays as it was.
#pragma once

#include "attune/core/Notebook.h"

#include <QDialog>
#include <QHash>

#include <vector>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace attune::gui {

class EvidenceColumn;
class FieldErrorLabel;
class Workspace;

class EntryEditorDialog : public QDialog {
    Q_OBJECT

public:
    // `entryId` 0 adds a new entry to `section` of the child's notebook.
    EntryEditorDialog(Workspace& workspace, qint64 childId, qint64 entryId, core::Section section,
                      QWidget* parent = nullptr);

    // Opens an existing entry and returns when it closes.
    static void openEntry(Workspace& workspace, qint64 entryId, QWidget* parent);

    qint64 entryId() const { return m_entryId; }
    // Validates and stores the form; on a broken rule shows the messages and keeps the form.
    bool save();
    // Moves the entry to the trash after asking.
    void moveToTrash();

    void reject() override;

private:
    void load();
    QWidget* buildFields();
    QWidget* buildEvidence();
    core::EntryDraft draftFromForm() const;
    void showErrors(const std::vector<core::FieldError>& errors);
    bool isChanged() const;

    Workspace& m_workspace;
    qint64 m_childId;
    qint64 m_entryId;
    core::EntryDraft m_loaded; // as read (or last saved), for saving only what the parent changed
    core::EntryDraft m_shown;  // the form right after it was filled with m_loaded
    bool m_isMirror = false;
    QComboBox* m_section = nullptr;
    QLineEdit* m_title;
    QLineEdit* m_shine = nullptr;
    QPlainTextEdit* m_details;
    QLineEdit* m_noticedOn;
    QCheckBox* m_pinned;
    std::vector<QToolButton*> m_useToggles; // in core::kAllUses order
    QHash<QString, FieldErrorLabel*> m_errors;
    std::vector<EvidenceColumn*> m_evidence;
};

} // namespace attune::gui
