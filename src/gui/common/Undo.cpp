// SPDX-License-Identifier: MIT
#include "common/Undo.h"

#include "common/KeptVersions.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Workspace.h"

#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/TimeLog.h"
#include "attune/core/Trash.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QStringList>
#include <QUndoStack>
#include <QWidget>

#include <algorithm>

namespace attune::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Undo", text);
}

// The core's own words: a ValidationError's field messages, or a StorageError's message.
QString messageOf(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const core::ValidationError& validation) {
        QStringList messages;
        for (const auto& field : validation.errors())
            messages << toQString(field.message);
        return messages.join(QLatin1Char(' '));
    } catch (const std::exception& other) {
        return toQString(other.what());
    } catch (...) {
        return tr("Something went wrong.");
    }
}

// A long title stays readable in the Edit menu.
QString shortened(const QString& text)
{
    const QString line = text.simplified();
    constexpr int kMax = 40;
    return line.size() <= kMax ? line : line.left(kMax - 1) + QChar(0x2026);
}

QString quoted(const QString& text)
{
    return QStringLiteral("\u201C%1\u201D").arg(shortened(text));
}

QString dayText(const std::string& day)
{
    const QDate date = QDate::fromString(toQString(day), Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QStringLiteral("d MMMM")) : toQString(day);
}

// A notebook entry's position on its section's page (pinned first), or -1.
int positionOf(Workspace& workspace, core::Id childId, core::Id entryId)
{
    for (const auto& section : workspace.notebook().page(childId).sections) {
        for (std::size_t i = 0; i < section.entries.size(); ++i) {
            if (section.entries[i].id == entryId)
                return static_cast<int>(i);
        }
    }
    return -1;
}

// Moves a row of the trash back in: the inverse of Trash::restore().
void moveBackToTrash(Workspace& workspace, const core::TrashEntry& entry)
{
    const std::string& table = entry.table;
    if (table == "children")
        workspace.family().trashChild(entry.id);
    else if (table == "coreg_items")
        workspace.family().trashCoregItem(entry.id);
    else if (table == "sessions")
        workspace.timeLog().trashSession(entry.id);
    else if (table == "notebook_entries")
        workspace.notebook().trashEntry(entry.id);
    else if (table == "notebook_evidence")
        workspace.notebook().trashEvidence(entry.id);
    else if (table == "reflections")
        workspace.reflections().trash(entry.id);
    else if (table == "problems")
        workspace.plans().trashProblem(entry.id);
    else if (table == "plan_b_talks")
        workspace.plans().trashTalk(entry.id);
    else
        throw core::StorageError(core::StorageError::Kind::NotFound, "Attune doesn't know how to move that.");
}

std::unique_ptr<UndoCommand> make(Workspace& workspace, const QString& text, UndoCommand::Action doIt,
                                  UndoCommand::Action undoIt, UndoCommand::Action notify)
{
    return std::make_unique<UndoCommand>(workspace, text, std::move(doIt), std::move(undoIt), std::move(notify));
}

// The before and after of a field-level edit, and the first do's result for its form.
template <typename Draft>
struct EditStates {
    Draft before;
    Draft after;
    bool isFirstDo = true;
    core::EditResult* firstResult = nullptr;
};

// A field-level edit (see Undo.h): `read` reads the record, `save(loaded, edited)` is the
// core's update call, `table` names it for the message about kept versions.
template <typename Draft>
std::unique_ptr<UndoCommand> makeEdit(Workspace& workspace, const QString& text, const char* table,
                                      std::function<Draft()> read,
                                      std::function<core::EditResult(const Draft&, const Draft&)> save,
                                      UndoCommand::Action notify, const Draft& loaded, const Draft& edited,
                                      core::EditResult* firstResult)
{
    Workspace* ws = &workspace;
    auto states = std::make_shared<EditStates<Draft>>();
    states->before = read();
    states->firstResult = firstResult;
    auto doIt = [ws, table, states, read, save, loaded, edited] {
        if (states->isFirstDo) {
            states->isFirstDo = false;
            const core::EditResult result = save(loaded, edited);
            if (states->firstResult)
                *states->firstResult = result;
            states->firstResult = nullptr; // the form's, and only for now
            states->after = read();
            return;
        }
        tellKeptVersions(*ws, QApplication::activeWindow(), table, save(states->before, states->after));
    };
    auto undoIt = [ws, table, states, save] {
        tellKeptVersions(*ws, QApplication::activeWindow(), table, save(states->after, states->before));
    };
    auto command = make(workspace, text, std::move(doIt), std::move(undoIt), std::move(notify));
    command->setState(states);
    return command;
}

} // namespace

UndoCommand::UndoCommand(Workspace& workspace, const QString& text, Action doIt, Action undoIt, Action notify)
    : m_workspace(workspace)
    , m_do(std::move(doIt))
    , m_undo(std::move(undoIt))
    , m_notify(std::move(notify))
{
    setText(text);
}

void UndoCommand::redo()
{
    if (m_isSkippingRedo) {
        m_isSkippingRedo = false; // perform() already did it
        return;
    }
    run(m_do, tr("Not redone"));
}

void UndoCommand::undo()
{
    run(m_undo, tr("Not undone"));
}

bool UndoCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const UndoCommand*>(other);
    if (next == nullptr || m_mergeKey == 0 || next->m_mergeKey != m_mergeKey)
        return false;
    if (m_merge)
        m_merge(*next);
    else
        m_do = next->m_do; // undo still writes what was there before the first save
    return true;
}

void UndoCommand::run(const Action& action, const QString& title)
{
    const bool isFirstDo = m_isFirstDo;
    m_isFirstDo = false;
    try {
        action();
    } catch (const std::exception&) {
        // Nothing was written (one transaction). The command leaves the stack: what it points
        // at changed elsewhere or is gone, so trying again would only fail again.
        setObsolete(true);
        if (isFirstDo) {
            m_firstError = std::current_exception();
        } else {
            m_workspace.prompts().warn(QApplication::activeWindow(), title, messageOf(std::current_exception()));
        }
        return;
    }
    if (m_notify)
        m_notify();
}

void perform(Workspace& workspace, std::unique_ptr<UndoCommand> command)
{
    // The first do runs here, outside the stack, so a refused first do is never pushed; push()
    // calls redo() again, which the command skips, so nothing runs twice.
    command->redo();
    if (const std::exception_ptr error = command->firstError())
        std::rethrow_exception(error);
    command->skipNextRedo();
    workspace.undoStack().push(command.release());
}

namespace undo {

std::unique_ptr<UndoCommand> trashChild(Workspace& workspace, core::Id childId, const QString& name)
{
    Workspace* ws = &workspace;
    return make(
        workspace, tr("move %1 to the trash").arg(shortened(name)), [ws, childId] { ws->family().trashChild(childId); },
        [ws, childId] { ws->family().restoreChild(childId); },
        [ws] {
            Q_EMIT ws->childrenChanged();
            Q_EMIT ws->trashChanged();
        });
}

std::unique_ptr<UndoCommand> trashCoregItem(Workspace& workspace, core::Id childId, core::Id itemId,
                                            const QString& label)
{
    Workspace* ws = &workspace;
    return make(
        workspace, tr("move %1 to the trash").arg(quoted(label)), [ws, itemId] { ws->family().trashCoregItem(itemId); },
        [ws, itemId] { ws->family().restoreCoregItem(itemId); },
        [ws, childId] {
            Q_EMIT ws->childChanged(childId);
            Q_EMIT ws->trashChanged();
        });
}

std::unique_ptr<UndoCommand> trashSession(Workspace& workspace, core::Id childId, core::Id sessionId,
                                          const QString& label)
{
    Workspace* ws = &workspace;
    return make(
        workspace, tr("move the session %1 to the trash").arg(label),
        [ws, sessionId] { ws->timeLog().trashSession(sessionId); },
        [ws, sessionId] { ws->timeLog().restoreSession(sessionId); },
        [ws, childId] {
            Q_EMIT ws->trashChanged();
            Q_EMIT ws->oneOnOneChanged(childId);
        });
}

std::unique_ptr<UndoCommand> trashEntry(Workspace& workspace, core::Id childId, core::Id entryId,
                                        const QString& title)
{
    Workspace* ws = &workspace;
    return make(
        workspace, tr("move %1 to the trash").arg(quoted(title)), [ws, entryId] { ws->notebook().trashEntry(entryId); },
        [ws, entryId] { ws->notebook().restoreEntry(entryId); },
        [ws, childId] {
            Q_EMIT ws->notebookChanged(childId);
            Q_EMIT ws->trashChanged();
        });
}

std::unique_ptr<UndoCommand> trashEvidence(Workspace& workspace, core::Id childId, core::Id evidenceId)
{
    Workspace* ws = &workspace;
    return make(
        workspace, tr("move a note to the trash"), [ws, evidenceId] { ws->notebook().trashEvidence(evidenceId); },
        [ws, evidenceId] { ws->notebook().restoreEvidence(evidenceId); },
        [ws, childId] {
            Q_EMIT ws->notebookChanged(childId);
            Q_EMIT ws->trashChanged();
        });
}

std::unique_ptr<UndoCommand> trashReflection(Workspace& workspace, core::Id childId, core::Id reflectionId)
{
    Workspace* ws = &workspace;
    return make(
        workspace, tr("move a reflection to the trash"),
        [ws, reflectionId] { ws->reflections().trash(reflectionId); },
        [ws, reflectionId] { ws->reflections().restore(reflectionId); },
        [ws, childId] {
            Q_EMIT ws->trashChanged();
            Q_EMIT ws->reflectionsChanged(childId);
            Q_EMIT ws->plansChanged(childId);
        });
}

std::unique_ptr<UndoCommand> restoreFromTrash(Workspace& workspace, const core::TrashEntry& entry)
{
    Workspace* ws = &workspace;
    return make(
        workspace, tr("bring back %1").arg(quoted(toQString(entry.title))),
        [ws, entry] { ws->trash().restore(entry); }, [ws, entry] { moveBackToTrash(*ws, entry); },
        [ws] {
            // A restore may bring back a child or anything of any child: every page reloads.
            Q_EMIT ws->childrenChanged();
            Q_EMIT ws->trashChanged();
            Q_EMIT ws->oneOnOneChanged(0);
        });
}

std::unique_ptr<UndoCommand> editSession(Workspace& workspace, core::Id sessionId, const core::SessionDraft& loaded,
                                         const core::SessionDraft& edited, core::EditResult* firstResult)
{
    Workspace* ws = &workspace;
    const core::Id childId = loaded.childId;
    return makeEdit<core::SessionDraft>(
        workspace, tr("changes to the session on %1").arg(dayText(edited.day)), "sessions",
        [ws, sessionId] { return ws->timeLog().session(sessionId).data; },
        [ws, sessionId](const core::SessionDraft& from, const core::SessionDraft& to) {
            return ws->timeLog().updateSession(sessionId, from, to);
        },
        [ws, childId, afterChild = edited.childId] {
            Q_EMIT ws->oneOnOneChanged(childId);
            if (afterChild != childId)
                Q_EMIT ws->oneOnOneChanged(afterChild);
        },
        loaded, edited, firstResult);
}

std::unique_ptr<UndoCommand> editChild(Workspace& workspace, core::Id childId, const core::ChildDraft& loaded,
                                       const core::ChildDraft& edited, core::EditResult* firstResult)
{
    Workspace* ws = &workspace;
    return makeEdit<core::ChildDraft>(
        workspace, tr("changes to %1\u2019s profile").arg(shortened(toQString(loaded.name))), "children",
        [ws, childId] { return ws->family().child(childId).data; },
        [ws, childId](const core::ChildDraft& from, const core::ChildDraft& to) {
            return ws->family().updateChild(childId, from, to);
        },
        [ws, childId] {
            Q_EMIT ws->childrenChanged();
            Q_EMIT ws->childChanged(childId);
        },
        loaded, edited, firstResult);
}

std::unique_ptr<UndoCommand> editEntry(Workspace& workspace, core::Id childId, core::Id entryId,
                                       const core::EntryDraft& loaded, const core::EntryDraft& edited,
                                       core::EditResult* firstResult)
{
    Workspace* ws = &workspace;
    const int position = positionOf(workspace, childId, entryId);
    return makeEdit<core::EntryDraft>(
        workspace, tr("changes to %1").arg(quoted(toQString(loaded.title))), "notebook_entries",
        [ws, entryId] { return ws->notebook().entry(entryId).data; },
        [ws, childId, entryId, position, sectionBefore = loaded.section](const core::EntryDraft& from,
                                                                         const core::EntryDraft& to) {
            const core::EditResult result = ws->notebook().updateEntry(entryId, from, to);
            // Undoing a section change put the entry at the end of its old section; its place
            // is put back as well (a second transaction only for that rare case).
            if (to.section == sectionBefore && from.section != to.section && position >= 0
                && positionOf(*ws, childId, entryId) != position)
                ws->notebook().moveEntry(entryId, position);
            return result;
        },
        [ws, childId] { Q_EMIT ws->notebookChanged(childId); }, loaded, edited, firstResult);
}

std::unique_ptr<UndoCommand> editEvidence(Workspace& workspace, core::Id childId, const core::EvidenceLine& loaded,
                                          const std::string& day, const std::string& text,
                                          core::EditResult* firstResult)
{
    // The line's day and text stand in for a draft: the core's call takes them as a line.
    struct LineDraft {
        std::string day;
        std::string text;
    };
    Workspace* ws = &workspace;
    const core::EvidenceLine line = loaded;
    auto asLine = [line](const LineDraft& draft) {
        core::EvidenceLine copy = line;
        copy.day = draft.day;
        copy.text = draft.text;
        return copy;
    };
    auto command = makeEdit<LineDraft>(
        workspace, tr("changes to a note"), "notebook_evidence",
        [ws, id = loaded.meta.id] {
            const core::EvidenceLine now = ws->notebook().evidenceLine(id);
            return LineDraft{now.day, now.text};
        },
        [ws, asLine](const LineDraft& from, const LineDraft& to) {
            return ws->notebook().updateEvidence(asLine(from), to.day, to.text);
        },
        [ws, childId] { Q_EMIT ws->notebookChanged(childId); }, LineDraft{loaded.day, loaded.text},
        LineDraft{day, text}, firstResult);
    // Saves of one line in a row are one step: from before the first to after the last.
    auto states = std::static_pointer_cast<EditStates<LineDraft>>(command->state());
    command->setMergeKey(loaded.meta.id, [states](const UndoCommand& next) {
        states->after = std::static_pointer_cast<EditStates<LineDraft>>(next.state())->after;
    });
    return command;
}

std::unique_ptr<UndoCommand> setPinned(Workspace& workspace, core::Id childId, core::Id entryId, bool isPinned)
{
    Workspace* ws = &workspace;
    const QString title = toQString(workspace.notebook().entry(entryId).data.title);
    return make(
        workspace, (isPinned ? tr("pin %1") : tr("unpin %1")).arg(quoted(title)),
        [ws, entryId, isPinned] { ws->notebook().setPinned(entryId, isPinned); },
        [ws, entryId, isPinned] { ws->notebook().setPinned(entryId, !isPinned); },
        [ws, childId] { Q_EMIT ws->notebookChanged(childId); });
}

std::unique_ptr<UndoCommand> moveEntry(Workspace& workspace, core::Id childId, core::Id entryId, int step)
{
    Workspace* ws = &workspace;
    const QString title = toQString(workspace.notebook().entry(entryId).data.title);
    const int from = positionOf(workspace, childId, entryId);
    const int to = std::max(0, from + (step < 0 ? -1 : 1)); // the core keeps it within its group
    return make(
        workspace, tr("move %1").arg(quoted(title)), [ws, entryId, to] { ws->notebook().moveEntry(entryId, to); },
        [ws, entryId, from] { ws->notebook().moveEntry(entryId, from); },
        [ws, childId] { Q_EMIT ws->notebookChanged(childId); });
}

std::unique_ptr<UndoCommand> setDayState(Workspace& workspace, core::Id childId, const std::string& day,
                                         core::DayState state)
{
    Workspace* ws = &workspace;
    const core::DayState before = workspace.timeLog().dayState(childId, day);
    QString text;
    switch (state) {
    case core::DayState::None:
        text = tr("clear %1");
        break;
    case core::DayState::PartnerDidIt:
        text = tr("mark %1 as \u201Cpartner did it\u201D");
        break;
    case core::DayState::Away:
        text = tr("mark %1 as \u201Caway\u201D");
        break;
    case core::DayState::Sick:
        text = tr("mark %1 as \u201Csick\u201D");
        break;
    }
    return make(
        workspace, text.arg(dayText(day)), [ws, childId, day, state] { ws->timeLog().setDayState(childId, day, state); },
        [ws, childId, day, before] { ws->timeLog().setDayState(childId, day, before); },
        [ws, childId] { Q_EMIT ws->oneOnOneChanged(childId); });
}

std::unique_ptr<UndoCommand> setArchived(Workspace& workspace, core::Id childId, bool isArchived)
{
    Workspace* ws = &workspace;
    const QString name = shortened(toQString(workspace.family().child(childId).data.name));
    return make(
        workspace, (isArchived ? tr("archive %1") : tr("bring %1 back from the archive")).arg(name),
        [ws, childId, isArchived] { ws->family().setArchived(childId, isArchived); },
        [ws, childId, isArchived] { ws->family().setArchived(childId, !isArchived); },
        [ws, childId] {
            Q_EMIT ws->childrenChanged();
            Q_EMIT ws->childChanged(childId);
        });
}

} // namespace undo

} // namespace attune::gui
