// SPDX-License-Identifier: MIT
#include "main/Tray.h"

#include "common/QtConvert.h"
#include "common/TimerHub.h"
#include "common/Workspace.h"
#include "onetoone/Reminder.h"

#include "attune/core/Dates.h"
#include "attune/core/TimeSummary.h"

#include <QApplication>
#include <QDateTime>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

#include <spdlog/spdlog.h>

namespace attune::gui {

namespace {
QIcon trayIcon()
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x3f, 0x7d, 0x64));
    painter.drawEllipse(4, 4, 56, 56);
    painter.setBrush(QColor(0xf7, 0xf8, 0xf6));
    painter.drawEllipse(20, 20, 24, 24);
    return QIcon(pixmap);
}
} // namespace

Tray::Tray(Workspace& workspace, QWidget& window, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_window(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_icon = new QSystemTrayIcon(trayIcon(), this);
    m_icon->setToolTip(QStringLiteral("Attune"));
    m_menu = new QMenu;
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_icon->setContextMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &Tray::rebuildMenu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) {
            m_window.showNormal();
            m_window.raise();
            m_window.activateWindow();
        }
    });
    rebuildMenu();
    m_icon->show();

    m_reminder = new QTimer(this);
    m_reminder->setInterval(60'000);
    connect(m_reminder, &QTimer::timeout, this, &Tray::checkReminder);
    m_reminder->start();
    QTimer::singleShot(5'000, this, &Tray::checkReminder);
}

Tray::~Tray()
{
    delete m_menu;
}

void Tray::rebuildMenu()
{
    if (!m_menu)
        return;
    m_menu->clear();
    QAction* show = m_menu->addAction(tr("Show Attune"));
    connect(show, &QAction::triggered, this, [this] {
        m_window.showNormal();
        m_window.raise();
        m_window.activateWindow();
    });
    m_menu->addSeparator();
    try {
        for (const auto& card : m_workspace.timeSummary().today()) {
            const QString name = toQString(card.name);
            const qint64 id = card.childId;
            if (card.timer) {
                QAction* running
                    = m_menu->addAction(tr("%1: one-on-one running, %2").arg(name, clockText(card.timer->elapsedMs)));
                running->setEnabled(false);
                continue;
            }
            QAction* start = m_menu->addAction(tr("Start one-on-one with %1").arg(name));
            connect(start, &QAction::triggered, this, [this, id] { m_workspace.timerHub().start(id, &m_window); });
        }
    } catch (const std::exception& error) {
        spdlog::warn("tray menu could not read the children: {}", error.what());
    }
    m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("Quit Attune"));
    connect(quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);
}

QStringList Tray::childrenWaiting() const
{
    QStringList names;
    for (const auto& card : m_workspace.timeSummary().today()) {
        const bool isSettled = card.today.hasTime() || card.today.state == core::DayState::Away
            || card.today.state == core::DayState::Sick || card.timer.has_value();
        if (!isSettled)
            names << toQString(card.name);
    }
    return names;
}

bool Tray::checkReminder()
{
    if (!m_icon)
        return false;
    const ReminderSettings settings = loadReminderSettings();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_workspace.clock().nowMs());
    const QDate last = reminderLastShown();
    // The cheap checks first: only look in the file when the time is right.
    if (!shouldRemind(settings, now, last, 1))
        return false;
    QStringList names;
    try {
        names = childrenWaiting();
    } catch (const std::exception& error) {
        spdlog::warn("reminder could not read today: {}", error.what());
        return false;
    }
    if (!shouldRemind(settings, now, last, static_cast<int>(names.size())))
        return false;
    setReminderLastShown(now.date());
    showNotice(tr("One-on-one time"), reminderText(names));
    spdlog::info("daily reminder shown");
    return true;
}

void Tray::showNotice(const QString& title, const QString& text)
{
    if (m_icon)
        m_icon->showMessage(title, text, QSystemTrayIcon::Information, 8'000);
}

} // namespace attune::gui
