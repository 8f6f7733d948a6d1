// SPDX-License-Identifier: MIT
// A calm strip at the top of the window when Attune's file was moved, deleted or replaced while
// it was open. Everything saved so far is still held by the open connection; "Keep my notes
// safe…" writes it to a file the parent chooses and carries on with that file.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QTimer;

namespace attune::gui {

class Workspace;

class FileMovedBanner : public QFrame {
    Q_OBJECT

public:
    explicit FileMovedBanner(Workspace& workspace, QWidget* parent = nullptr);

    // Looks at the file now (the banner also looks every two seconds and when the window is
    // activated); shows or hides itself.
    void check();
    // Asks where to keep the notes and moves to that file. False when cancelled or refused.
    bool keepNotesSafe();

Q_SIGNALS:
    // The open file is now `path` (after keepNotesSafe()).
    void relocated(const QString& path);
    // The file went missing (true) or is in place again (false).
    void fileGoneChanged(bool isGone);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    Workspace& m_workspace;
    QLabel* m_text;
    QPushButton* m_keep;
    QTimer* m_poll;
    bool m_isGone = false;
};

} // namespace attune::gui
