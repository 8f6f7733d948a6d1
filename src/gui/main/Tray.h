// SPDX-License-Identifier: MIT
// The tray icon, where the desktop has a tray: start a one-on-one timer for a child from its
// menu, a soft notice when a timer reaches its goal, and the optional daily reminder.
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QSystemTrayIcon;
class QTimer;
class QWidget;

namespace attune::gui {

class Workspace;

class Tray : public QObject {
    Q_OBJECT

public:
    // `window` is shown again from the menu. Creates nothing visible when there is no tray.
    Tray(Workspace& workspace, QWidget& window, QObject* parent = nullptr);
    ~Tray() override;

    bool isAvailable() const { return m_icon != nullptr; }
    // Checks the reminder now (also done once a minute); true when a notice was shown.
    bool checkReminder();
    // Children who have nothing for today yet (no session, partner's day, away, sick or timer).
    QStringList childrenWaiting() const;
    void showNotice(const QString& title, const QString& text);

private:
    void rebuildMenu();

    Workspace& m_workspace;
    QWidget& m_window;
    QSystemTrayIcon* m_icon = nullptr;
    QMenu* m_menu = nullptr;
    QTimer* m_reminder = nullptr;
};

} // namespace attune::gui
