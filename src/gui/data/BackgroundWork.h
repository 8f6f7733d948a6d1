// SPDX-License-Identifier: MIT
// One piece of long core work (export, import, restore, PDF, backup) on a worker thread, so the
// window stays responsive. The work gets a core::Progress whose reports reach the GUI thread as
// queued signals (at most ~30 a second) and whose stop flag is set by cancel(). The work must
// open its own core::Database (see openOwnConnection): SQLite connections are never shared
// across threads here.
#pragma once

#include "attune/core/Errors.h"
#include "attune/core/Export.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <filesystem>
#include <functional>
#include <vector>

class QThread;

namespace attune::core {
class Database;
}

namespace attune::gui {

struct WorkOutcome {
    enum class Kind {
        Done,      // the work returned
        Cancelled, // core::WorkCancelled: stopped, nothing was written
        Invalid,   // core::ValidationError: `errors` name the fields
        Failed,    // anything else (StorageError, …): `message` says it plainly
    };
    Kind kind = Kind::Done;
    QString message;
    std::vector<core::FieldError> errors;
};

class BackgroundWork : public QObject {
    Q_OBJECT

public:
    using Work = std::function<void(const core::Progress&)>;

    explicit BackgroundWork(QObject* parent = nullptr);
    // Stops the work (stop flag) and waits for the thread: a running QThread is never destroyed.
    ~BackgroundWork() override;

    // Starts `work` on a new thread; false when work is already running.
    bool start(Work work);
    bool isRunning() const { return m_thread != nullptr; }
    // Asks the work to stop at its next check; finished() follows with Cancelled (or Done when
    // it was already past its last check).
    void cancel();
    bool isCancelling() const { return m_stop.load(); }
    // Blocks until the work has ended, then emits finished() before returning.
    void wait();

    // A second connection to the workspace's file, for use inside the work.
    static core::Database openOwnConnection(const std::filesystem::path& file);

Q_SIGNALS:
    void progressed(qint64 done, qint64 total);
    void finished(const attune::gui::WorkOutcome& outcome);

private:
    void collect();

    QThread* m_thread = nullptr;
    std::atomic<bool> m_stop{false};
    WorkOutcome m_outcome; // written by the worker, read after it ended
};

} // namespace attune::gui
