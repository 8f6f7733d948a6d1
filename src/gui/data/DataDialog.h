// SPDX-License-Identifier: MIT
// What the export, import and restore dialogs share: their fields on top, then a progress bar
// with Cancel while the work runs off the GUI thread, a status line, and Close. Closing while
// work runs asks first, then stops it and waits, so no thread is ever left behind.
#pragma once

#include "data/BackgroundWork.h"

#include <QDialog>

#include <cstdint>
#include <functional>
#include <string>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace attune::gui {

class Workspace;

// "One-on-one sessions" for "sessions": a table's records in plain words.
QString recordKindName(const std::string& table);
// "1.2 MB", "340 KB"
QString sizeText(std::uintmax_t bytes);

class DataDialog : public QDialog {
    Q_OBJECT

public:
    DataDialog(Workspace& workspace, const QString& title, QWidget* parent = nullptr);

    bool isWorking() const { return m_work->isRunning(); }
    // Blocks until the running work (if any) has ended and its result is shown.
    void waitForWork() { m_work->wait(); }
    QString statusText() const;
    // Cancel while work runs, Close otherwise: asks before stopping running work.
    void reject() override;

protected:
    using Done = std::function<void(const WorkOutcome&)>;
    // Runs `work` in the background; `done` runs on the GUI thread afterwards. `busyText` shows
    // while it runs; without `isCancellable` the Cancel button is hidden (a restore can't stop
    // halfway, and takes seconds).
    void runInBackground(const QString& busyText, BackgroundWork::Work work, Done done, bool isCancellable = true);
    // Subclasses disable their fields while work runs.
    virtual void setFieldsEnabled(bool isEnabled) = 0;
    void setStatus(const QString& text);

    QVBoxLayout* fields() const { return m_fields; }
    QHBoxLayout* buttons() const { return m_buttons; }
    Workspace& m_workspace;

private:
    void finish(const WorkOutcome& outcome);

    BackgroundWork* m_work;
    QVBoxLayout* m_fields;
    QHBoxLayout* m_buttons;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_status;
    Done m_done;
};

} // namespace attune::gui
