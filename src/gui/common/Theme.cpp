// SPDX-License-Identifier: MIT
#include "common/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace attune::gui {

void applyTheme(QApplication& app)
{
    if (QStyleFactory::keys().contains(QStringLiteral("Fusion")) && app.style()->name() == QStringLiteral("windows"))
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette palette = app.palette();
    const bool isDark = palette.color(QPalette::Window).lightness() < 128;
    const QString window = palette.color(QPalette::Window).name();
    const QString base = palette.color(QPalette::Base).name();
    const QString text = palette.color(QPalette::WindowText).name();
    const QString sidebar = isDark ? palette.color(QPalette::Window).darker(115).name()
                                   : QColor(QStringLiteral("#eef1ef")).name();
    const QString card = isDark ? palette.color(QPalette::Base).lighter(115).name() : QStringLiteral("#ffffff");
    const QString border = isDark ? QStringLiteral("#3b4046") : QStringLiteral("#dde3df");
    const QString muted = isDark ? QStringLiteral("#a8b0b6") : QStringLiteral("#5d6a66");
    const QString accent = isDark ? QStringLiteral("#8fbfa8") : QStringLiteral("#3f7d64");
    const QString pageBg = isDark ? window : QStringLiteral("#f7f8f6");
    const QString soft = isDark ? QStringLiteral("#2f4a3e") : QStringLiteral("#e3f0e8");

    QString sheet = QStringLiteral(R"(
QMainWindow, #page { background: %PAGE%; }
#sidebar { background: %SIDEBAR%; border-right: 1px solid %BORDER%; }
#sidebar QListView { background: transparent; border: none; font-size: 14px; }
#sidebar QListView::item { padding: 6px 8px; border-radius: 8px; }
#sidebar QListView::item:selected { background: %CARD%; color: %TEXT%; border: 1px solid %BORDER%; }
#sidebarTitle { color: %MUTED%; font-weight: 600; letter-spacing: 1px; }
#card { background: %CARD%; border: 1px solid %BORDER%; border-radius: 12px; }
#emptyState { background: transparent; }
#heading1 { font-size: 24px; font-weight: 600; }
#heading2 { font-size: 18px; font-weight: 600; }
#heading3 { font-size: 15px; font-weight: 600; }
#muted, QLabel#muted { color: %MUTED%; }
#fieldError { color: #b0413e; font-size: 12px; }
#getHelp { background: #8c3b3b; color: white; border: none; border-radius: 6px; padding: 5px 12px; font-weight: 600; }
#getHelp:hover { background: #a34646; }
QToolBar { background: %PAGE%; border-bottom: 1px solid %BORDER%; spacing: 4px; padding: 4px 8px; }
QToolBar QToolButton { padding: 5px 10px; border-radius: 6px; }
QToolBar QToolButton:checked { background: %CARD%; border: 1px solid %BORDER%; color: %ACCENT%; font-weight: 600; }
QPushButton[primary="true"] { background: %ACCENT%; color: white; border: none; border-radius: 6px; padding: 6px 14px; font-weight: 600; }
QPushButton[primary="true"]:disabled { background: %BORDER%; }
QScrollArea { background: transparent; border: none; }
QScrollArea > QWidget > QWidget { background: transparent; }
#disclaimer { color: %MUTED%; font-size: 11px; }
#timerStrip { background: %SIDEBAR%; border-bottom: 1px solid %BORDER%; }
#timerCard { background: %CARD%; border: 1px solid %BORDER%; border-radius: 12px; }
#timerCountdown { color: %MUTED%; }
#timerCountdown[goalReached="true"] { color: %ACCENT%; font-weight: 600; }
#timerDiscard { color: %MUTED%; }
QToolButton#chip { background: %CARD%; border: 1px solid %BORDER%; border-radius: 11px; padding: 2px 10px; }
QToolButton#chip:hover { border-color: %ACCENT%; color: %ACCENT%; }
#rhythm[pill="true"] { background: %SOFT%; color: %ACCENT%; border-radius: 10px; padding: 3px 10px; font-weight: 600; }
#rhythmHow { color: %ACCENT%; border: none; text-decoration: underline; }
#rhythmExplanation { background: %CARD%; border: 1px solid %BORDER%; border-radius: 10px; padding: 12px 14px; }
#counts { font-size: 18px; }
#todayStatus { font-size: 14px; }
#todayStatus[status="done"], #todayStatus[status="running"] { color: %ACCENT%; font-weight: 600; }
#quickDone { color: %ACCENT%; font-weight: 600; }
QPushButton[dayState="true"] { padding: 4px 10px; }
QPushButton[dayState="true"]:checked { background: %SOFT%; color: %ACCENT%; border: 1px solid %ACCENT%; border-radius: 4px; font-weight: 600; }
#presence QToolButton { padding: 3px 8px; }
#presence QToolButton:checked { background: %SOFT%; color: %ACCENT%; border: 1px solid %ACCENT%; border-radius: 4px; font-weight: 600; }
#ratingHelps:checked { background: #d9eedf; color: #245c3d; }
#ratingNeutral:checked { background: #e8e8e8; color: #333; }
#ratingAvoid:checked { background: #f5dedc; color: #803330; }
)");
    sheet.replace(QStringLiteral("%PAGE%"), pageBg)
        .replace(QStringLiteral("%SIDEBAR%"), sidebar)
        .replace(QStringLiteral("%BORDER%"), border)
        .replace(QStringLiteral("%CARD%"), card)
        .replace(QStringLiteral("%TEXT%"), text)
        .replace(QStringLiteral("%MUTED%"), muted)
        .replace(QStringLiteral("%ACCENT%"), accent)
        .replace(QStringLiteral("%SOFT%"), soft);
    Q_UNUSED(base)
    app.setStyleSheet(sheet);
}

} // namespace attune::gui
