// SPDX-License-Identifier: MIT
// Everything a page needs, handed to it in its constructor: the open database, the core
// services, the shipped content, and the dialog service. Owned by the app's main().
#pragma once

#include "attune/core/Content.h"

#include <QObject>

class QUndoStack;

#include <memory>
#include <string>
#include <vector>

namespace attune::core {
class Clock;
class Database;
class Family;
class Insights;
class Notebook;
class Plans;
class Reflections;
class Search;
class Store;
class TimeLog;
class TimeSummary;
class Timers;
class Trash;
} // namespace attune::core

namespace attune::gui {

class Prompts;
class TimerHub;

// The content files of resources/content/, parsed once at start.
struct Content {
    std::vector<core::CoregCategory> coregCategories;
    std::vector<core::HelplineLocale> helplines;
    std::string defaultHelplineLocale;
    core::CrisisContent crisis;
    core::Disclaimer disclaimer;
    std::vector<core::Tip> tips;
    std::vector<core::FeelingGroup> feelings;
    core::ActivityIdeas activityIdeas;
    std::vector<core::UseInfo> uses; // the six uses of a strength, in core::kAllUses order

    static Content loadFromResources();
};

class Workspace : public QObject {
    Q_OBJECT

public:
    // Takes ownership of `db`; `clock` and `prompts` must outlive the workspace.
    Workspace(core::Database db, const core::Clock& clock, Prompts& prompts, QObject* parent = nullptr);
    ~Workspace() override;

    core::Database& database() { return *m_db; }
    core::Store& store() { return *m_store; }
    core::Family& family() { return *m_family; }
    core::Trash& trash() { return *m_trash; }
    core::Reflections& reflections() { return *m_reflections; }
    core::Plans& plans() { return *m_plans; }
    core::Notebook& notebook() { return *m_notebook; }
    core::TimeLog& timeLog() { return *m_timeLog; }
    core::Timers& timers() { return *m_timers; }
    core::TimeSummary& timeSummary() { return *m_timeSummary; }
    core::Insights& insights() { return *m_insights; }
    // The running one-on-one timers, ticking once a second for display.
    TimerHub& timerHub() { return *m_timerHub; }
    core::Search& search() { return *m_search; }
    const core::Clock& clock() const { return m_clock; }
    Prompts& prompts() { return m_prompts; }
    // The window's one undo stack (common/Undo.h). Cleared when the data is replaced.
    QUndoStack& undoStack() { return *m_undoStack; }
    const Content& content() const { return m_content; }

    // The caregiver recorded on everything logged from now on.
    void setCurrentCaregiver(const std::string& uuid);
    const std::string& currentCaregiver() const;

    // Where verified backups go (the app sets ~/Documents/Attune Backups); empty: no backups.
    void setBackupFolder(const QString& folder) { m_backupFolder = folder; }
    const QString& backupFolder() const { return m_backupFolder; }

    // Closes the database cleanly (checkpoint); later calls do nothing. False when the closing
    // checkpoint failed (core::Database::close): all is saved, but the -wal must stay beside it.
    bool close();

Q_SIGNALS:
    // Emitted after any committed change to children, so sidebars and pages refresh.
    void childrenChanged();
    void caregiversChanged();
    // A child's profile or co-regulation items changed.
    void childChanged(qint64 childId);
    void trashChanged();
    // A backup was written (or failed); the Settings page shows the newest.
    void backupsChanged();
    // A child's reflections (drafts included) changed.
    void reflectionsChanged(qint64 childId);
    // A child's unsolved problems, Plan B talks or open repairs changed.
    void plansChanged(qint64 childId);
    // A session or day state of this child was added, edited, trashed or restored;
    // 0 means "some child" (a restore from the trash).
    void oneOnOneChanged(qint64 childId);
    // A timer was started, paused, resumed, stopped or discarded.
    void timersChanged();
    // A child's notebook changed: an entry or evidence line added, edited, moved or trashed.
    void notebookChanged(qint64 childId);
    // The whole file's data was replaced (a restore or an import): every page reloads, and
    // nothing on the undo stack points at the old rows any more, so the stack is cleared.
    void dataReplaced();

private:
    std::unique_ptr<core::Database> m_db;
    const core::Clock& m_clock;
    Prompts& m_prompts;
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<core::Family> m_family;
    std::unique_ptr<core::Trash> m_trash;
    std::unique_ptr<core::Reflections> m_reflections;
    std::unique_ptr<core::Plans> m_plans;
    std::unique_ptr<core::Notebook> m_notebook;
    std::unique_ptr<core::TimeLog> m_timeLog;
    std::unique_ptr<core::Timers> m_timers;
    std::unique_ptr<core::TimeSummary> m_timeSummary;
    std::unique_ptr<core::Insights> m_insights;
    std::unique_ptr<TimerHub> m_timerHub;
    std::unique_ptr<core::Search> m_search;
    QUndoStack* m_undoStack; // a child QObject
    Content m_content;
    QString m_backupFolder;
};

} // namespace attune::gui
