// SPDX-License-Identifier: MIT
// One session of one-on-one time, new or edited: child, who, day and start, minutes, what the
// child chose to play, the checklist, how present I felt, mood before and after, a note and
// something I marvelled at. The core's field messages show under each field; nothing is
// stored until Save, and what was typed stays when saving fails.
#pragma once

#include "attune/core/OneOnOne.h"

#include <QDialog>
#include <QHash>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTimeEdit;

namespace attune::gui {

class ChipRow;
class FieldErrorLabel;
class Workspace;

class SessionDialog : public QDialog {
    Q_OBJECT

public:
    // A new session, pre-filled with `draft` (a stopped timer's, or newDraft()'s).
    SessionDialog(Workspace& workspace, const core::SessionDraft& draft, QWidget* parent = nullptr);
    // An existing session, to edit.
    SessionDialog(Workspace& workspace, core::Id sessionId, QWidget* parent = nullptr);

    // Today, this child, their goal in minutes, by whoever is logging.
    static core::SessionDraft newDraft(Workspace& workspace, core::Id childId);

    // The minutes came from a timer: closing without saving asks first, so they are not
    // dropped by a stray Escape.
    void setFromTimer(bool isFromTimer) { m_isFromTimer = isFromTimer; }
    bool isEditing() const { return m_isEditing; }
    // The saved session's id (0 until saved, for a new one).
    core::Id sessionId() const { return m_sessionId; }
    // What the form holds now, as the core would receive it.
    core::SessionDraft draft() const;

    void accept() override;
    void reject() override;

Q_SIGNALS:
    void saved(qint64 sessionId);

private:
    void build();
    void load(const core::SessionDraft& draft);
    void reloadChips();
    void showErrors(const std::vector<core::FieldError>& errors);
    void closeStoppedTimer(core::Id childId);
    void setPresence(int presence);

    Workspace& m_workspace;
    core::Id m_sessionId = 0;
    bool m_isEditing = false;
    bool m_isFromTimer = false;
    bool m_isStartTouched = false;
    std::optional<core::TimestampMs> m_originalStart;
    // For saving only what the parent changed: the session as read, and the form right after.
    core::SessionDraft m_loaded;
    core::SessionDraft m_shown;
    QHash<QString, FieldErrorLabel*> m_errors;
    QComboBox* m_child = nullptr;
    QComboBox* m_caregiver = nullptr;
    QDateEdit* m_day = nullptr;
    QCheckBox* m_hasStart = nullptr;
    QTimeEdit* m_start = nullptr;
    QSpinBox* m_minutes = nullptr;
    QLabel* m_activityLabel = nullptr;
    QComboBox* m_activity = nullptr;
    ChipRow* m_chips = nullptr;
    QCheckBox* m_childLed = nullptr;
    QCheckBox* m_noScreens = nullptr;
    QCheckBox* m_noInterruptions = nullptr;
    QButtonGroup* m_presence = nullptr;
    QComboBox* m_moodBefore = nullptr;
    QComboBox* m_moodAfter = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QPlainTextEdit* m_marvel = nullptr;
};

// Fills a combo box with the feeling words of resources/content/feelings.json, grouped under
// each core feeling; the parent may also type their own word.
void fillFeelings(QComboBox* combo, const Workspace& workspace);

// Up to `count` activity chips for a child: their most recent activities first, then play
// ideas from resources/content/activities.json, without repeats.
QStringList activityChips(Workspace& workspace, core::Id childId, int count = 10);

} // namespace attune::gui
