// SPDX-License-Identifier: MIT
// Undo and redo for what a parent saves or moves to the trash. One QUndoStack for the window
// (Workspace::undoStack()); every command does its work through ONE core call (one
// transaction) in redo() and the inverse core call in undo(), then emits the Workspace signals
// the original action emits, so every page refreshes.
//
// The one rule for the first do: perform() runs the command's redo() once, and only when the
// core accepted it pushes the command with a flag that skips the redo() QUndoStack::push()
// makes, so the action never runs twice. When the core refuses that first do, perform()
// rethrows the core's error to the caller (which shows it next to the field, as it always
// did) and nothing is pushed. When a
// later undo or redo fails (the row was deleted for good, the disk is full), the parent sees
// the core's message through prompts().warn() and the command leaves the stack (obsolete), so
// the stack never points at something that cannot be done.
//
// Command text is shown in the Edit menu ("Undo move “Park walk” to the trash") and never
// logged: it may hold what a parent typed.
#pragma once

#include "attune/core/OneOnOne.h"
#include "attune/core/RecordHistory.h"
#include "attune/core/Types.h"

#include <QString>
#include <QUndoCommand>

#include <exception>
#include <functional>
#include <memory>

namespace attune::core {
struct EntryDraft;
struct EvidenceLine;
} // namespace attune::core

namespace attune::gui {

class Workspace;

class UndoCommand : public QUndoCommand {
public:
    using Action = std::function<void()>;

    // `doIt` and `undoIt` are one core call each; `notify` emits the Workspace signals.
    UndoCommand(Workspace& workspace, const QString& text, Action doIt, Action undoIt, Action notify);

    void redo() override;
    void undo() override;
    // Commands with the same merge key that follow each other become one step (the autosaves
    // of one evidence line while a parent types): the first one's undo, the last one's redo.
    // `merge`, when given, does the merging instead of taking over the later one's redo.
    using Merge = std::function<void(const UndoCommand& next)>;
    void setMergeKey(qint64 key, Merge merge = {})
    {
        m_mergeKey = key;
        m_merge = std::move(merge);
    }
    // What a command keeps between its do and undo (the field-level edits' before and after).
    void setState(std::shared_ptr<void> state) { m_state = std::move(state); }
    const std::shared_ptr<void>& state() const { return m_state; }
    int id() const override { return m_mergeKey != 0 ? kMergeableId : -1; }
    bool mergeWith(const QUndoCommand* other) override;

    // Only perform() uses these: the core error of the first do, if any, and the skip.
    std::exception_ptr firstError() const { return m_firstError; }
    void skipNextRedo() { m_isSkippingRedo = true; }

private:
    static constexpr int kMergeableId = 1;
    void run(const Action& action, const QString& title);

    Workspace& m_workspace;
    Action m_do;
    Action m_undo;
    Action m_notify;
    bool m_isFirstDo = true;
    bool m_isSkippingRedo = false;
    qint64 m_mergeKey = 0;
    Merge m_merge;
    std::shared_ptr<void> m_state;
    std::exception_ptr m_firstError;
};

// Does the command's first redo and keeps it on the window's stack. Rethrows the core's
// ValidationError or StorageError when that first do failed (nothing is pushed then).
void perform(Workspace& workspace, std::unique_ptr<UndoCommand> command);

namespace undo {

// Moving to the trash; undo brings the row back through the core's restore call.
std::unique_ptr<UndoCommand> trashChild(Workspace& workspace, core::Id childId, const QString& name);
std::unique_ptr<UndoCommand> trashCoregItem(Workspace& workspace, core::Id childId, core::Id itemId,
                                            const QString& label);
std::unique_ptr<UndoCommand> trashSession(Workspace& workspace, core::Id childId, core::Id sessionId,
                                          const QString& label);
std::unique_ptr<UndoCommand> trashEntry(Workspace& workspace, core::Id childId, core::Id entryId,
                                        const QString& title);
std::unique_ptr<UndoCommand> trashEvidence(Workspace& workspace, core::Id childId, core::Id evidenceId);
std::unique_ptr<UndoCommand> trashReflection(Workspace& workspace, core::Id childId, core::Id reflectionId);
// Settings → Trash → Restore; undo moves it back to the trash.
std::unique_ptr<UndoCommand> restoreFromTrash(Workspace& workspace, const core::TrashEntry& entry);

// Saved edits, field by field (attune/core/RecordHistory.h). The first do saves only what the
// parent changed between `loaded` (the record as the form read it) and `edited`, and puts what
// that save did in *firstResult. The record just before and just after it are read through the
// core; undo writes back, field by field, what the save changed, and redo writes it again. A
// field that changed elsewhere meanwhile is kept as an earlier version, and a later undo or
// redo says so (KeptVersions.h); the first do leaves that to the form, through *firstResult.
std::unique_ptr<UndoCommand> editSession(Workspace& workspace, core::Id sessionId, const core::SessionDraft& loaded,
                                         const core::SessionDraft& edited, core::EditResult* firstResult = nullptr);
std::unique_ptr<UndoCommand> editChild(Workspace& workspace, core::Id childId, const core::ChildDraft& loaded,
                                       const core::ChildDraft& edited, core::EditResult* firstResult = nullptr);
std::unique_ptr<UndoCommand> editEntry(Workspace& workspace, core::Id childId, core::Id entryId,
                                       const core::EntryDraft& loaded, const core::EntryDraft& edited,
                                       core::EditResult* firstResult = nullptr);
// An autosave of an evidence line (`loaded`: as its row last read or saved it); saves of the
// same line in a row merge into one step.
std::unique_ptr<UndoCommand> editEvidence(Workspace& workspace, core::Id childId, const core::EvidenceLine& loaded,
                                          const std::string& day, const std::string& text,
                                          core::EditResult* firstResult = nullptr);
std::unique_ptr<UndoCommand> setPinned(Workspace& workspace, core::Id childId, core::Id entryId, bool isPinned);
// Moves the entry one place up (step < 0) or down within its group.
std::unique_ptr<UndoCommand> moveEntry(Workspace& workspace, core::Id childId, core::Id entryId, int step);
std::unique_ptr<UndoCommand> setDayState(Workspace& workspace, core::Id childId, const std::string& day,
                                         core::DayState state);
std::unique_ptr<UndoCommand> setArchived(Workspace& workspace, core::Id childId, bool isArchived);

} // namespace undo

} // namespace attune::gui
