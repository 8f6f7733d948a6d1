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
    // The notebook's chips and pinned cards.
    const QString chip = isDark ? QStringLiteral("#2f4a3e") : QStringLiteral("#e6f1ea");
    const QString chipText = isDark ? QStringLiteral("#cde8d9") : QStringLiteral("#2f5e4b");
    const QString pinned = isDark ? QStringLiteral("#3a3528") : QStringLiteral("#fffaf0");
    const QString pinnedBorder = isDark ? QStringLiteral("#5a5038") : QStringLiteral("#ecdcb8");

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
QMenuBar { background: %PAGE%; padding: 2px 8px 0 8px; }
QMenuBar::item { padding: 3px 10px; border-radius: 4px; background: transparent; }
QMenuBar::item:selected { background: %CARD%; }
QToolBar { background: %PAGE%; border-bottom: 1px solid %BORDER%; spacing: 4px; padding: 4px 8px; }
QToolBar QToolButton { padding: 5px 10px; border-radius: 6px; }
QToolBar QToolButton:checked { background: %CARD%; border: 1px solid %BORDER%; color: %ACCENT%; font-weight: 600; }
QPushButton[primary="true"] { background: %ACCENT%; color: white; border: none; border-radius: 6px; padding: 6px 14px; font-weight: 600; }
QPushButton[primary="true"]:disabled { background: %BORDER%; }
QScrollArea { background: transparent; border: none; }
QScrollArea > QWidget > QWidget { background: transparent; }
#disclaimer { color: %MUTED%; font-size: 11px; }
#fileMovedBanner { background: %PINNED%; border-bottom: 1px solid %PINNEDBORDER%; }
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
#sectionCaption { font-size: 11px; font-weight: 600; letter-spacing: 1px; }
QToolButton#useToggle { border: 1px solid %BORDER%; border-radius: 11px; padding: 4px 12px; background: %CARD%; }
QToolButton#useToggle:checked { background: %CHIP%; color: %CHIPTEXT%; border-color: %ACCENT%; }
QPushButton[primary="true"]::menu-indicator { subcontrol-origin: padding; subcontrol-position: right center; right: 6px; }
QPushButton#addToNotebook { padding-right: 26px; }
QToolButton#sectionJump { border: 1px solid %BORDER%; border-radius: 11px; padding: 4px 12px; background: %CARD%; }
QToolButton#sectionJump:hover { border-color: %ACCENT%; }
#emptySection { border: 1px dashed %BORDER%; border-radius: 12px; color: %MUTED%; padding: 16px; }
QLineEdit#notebookSearch { padding: 7px 12px; border: 1px solid %BORDER%; border-radius: 12px; font-size: 14px; background: %CARD%; }
QLineEdit#notebookSearch:focus { border-color: %ACCENT%; }
#notebookPage QScrollBar:vertical { background: transparent; width: 10px; margin: 2px; }
#notebookPage QScrollBar::handle:vertical { background: %BORDER%; border-radius: 3px; min-height: 32px; }
#notebookPage QScrollBar::add-line:vertical, #notebookPage QScrollBar::sub-line:vertical { height: 0px; }
#notebookPage QScrollBar::add-page:vertical, #notebookPage QScrollBar::sub-page:vertical { background: transparent; }
#onThisDay { background: %PINNED%; border: 1px solid %PINNEDBORDER%; border-radius: 8px; }
)");
    sheet.replace(QStringLiteral("%PAGE%"), pageBg)
        .replace(QStringLiteral("%SIDEBAR%"), sidebar)
        .replace(QStringLiteral("%BORDER%"), border)
        .replace(QStringLiteral("%CARD%"), card)
        .replace(QStringLiteral("%TEXT%"), text)
        .replace(QStringLiteral("%MUTED%"), muted)
        .replace(QStringLiteral("%ACCENT%"), accent)
        .replace(QStringLiteral("%SOFT%"), soft)
        .replace(QStringLiteral("%CHIPTEXT%"), chipText)
        .replace(QStringLiteral("%CHIP%"), chip)
        .replace(QStringLiteral("%PINNEDBORDER%"), pinnedBorder)
        .replace(QStringLiteral("%PINNED%"), pinned);
    Q_UNUSED(base)
    app.setStyleSheet(sheet);
}

} // namespace attune::gui
