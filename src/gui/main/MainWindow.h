// SPDX-License-Identifier: MIT
// The main window: pages across the top, the family down the side, and "Get help now"
// always in reach.
#pragma once

#include <QMainWindow>
#include <QPointer>

#include <vector>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QListView;
class QMenu;
class QStackedWidget;
class QToolButton;

namespace attune::gui {

class ChildListModel;
class ChildPage;
class PlansPage;
class OneOnOnePage;
class ProfilePage;
class ReflectionWizard;
class ReflectionsPage;
class SettingsPage;
class TimerStrip;
class TodayPage;
class Tray;
class Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // Insights came later: it is last here (saved page numbers and Ctrl+<n> stay put) but
    // shows after Plans in the toolbar.
    enum class Page { Today, OneOnOne, Notebook, Reflections, Plans, Profile, Settings, Insights };
    static constexpr int kPageCount = 8;

    MainWindow(Workspace& workspace, const QString& logFolder, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    // File-name style id of a page: "today", "one-on-one", … (screenshots, settings).
    static QString pageId(Page page);

    void selectChild(qint64 childId);
    qint64 currentChild() const { return m_currentChild; }

    void addChild();
    void showGetHelp();
    // The first-run welcome; offers to add the first child.
    void showWelcome();

    // The "ask why" reflection: a new one about `childId`, or a draft / saved one continued.
    ReflectionWizard* startReflection(qint64 childId, qint64 reflectionId = 0);
    void readReflection(qint64 reflectionId);
    // At start-up: offers to continue the most recent draft, if any. True when one was opened.
    bool offerDrafts();
    // A timer stopped but never logged (Attune closed while its session was open): asks to log
    // it and opens the pre-filled session. True when it did. offerDrafts() calls it first.
    bool offerUnloggedTimers();
    // The status line's "Last backup: …", read again from the backup folder.
    void reloadLastBackup();
    ReflectionWizard* reflectionWizard() const;
    ReflectionsPage* reflectionsPage() const { return m_reflections; }
    PlansPage* plansPage() const { return m_plans; }
    // The "Start one-on-one" menu (Ctrl+T): one entry per child, the selected one active, so
    // Ctrl+T then Enter starts the selected child's timer.
    QMenu* showStartMenu();
    QMenu* startMenu() const { return m_startMenu; }

    ProfilePage* profilePage() const { return m_profile; }
    OneOnOnePage* oneOnOnePage() const { return m_oneOnOne; }
    TimerStrip* timerStrip() const { return m_timerStrip; }
    Tray* tray() const { return m_tray; }
    SettingsPage* settingsPage() const { return m_settings; }
    TodayPage* todayPage() const { return m_today; }
    QComboBox* caregiverPicker() const { return m_caregiver; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildEditMenu();
    void buildToolBar();
    QWidget* buildSidebar();
    void reloadChildren();
    void reloadCaregivers();
    void restoreLayout();
    void setCurrentChild(qint64 childId);
    void rebuildStartMenu();
    void noticeGoalReached(qint64 childId);

    Workspace& m_workspace;
    ChildListModel* m_children;
    QListView* m_childList = nullptr;
    QStackedWidget* m_pages;
    QActionGroup* m_pageActions;
    std::vector<QAction*> m_pageActionList;
    std::vector<ChildPage*> m_childPages; // told about every change of the selected child
    QComboBox* m_caregiver = nullptr;
    QLabel* m_lastBackup = nullptr;
    TodayPage* m_today;
    OneOnOnePage* m_oneOnOne;
    ProfilePage* m_profile;
    ReflectionsPage* m_reflections;
    PlansPage* m_plans;
    QPointer<ReflectionWizard> m_wizard;
    TimerStrip* m_timerStrip;
    QToolButton* m_startButton = nullptr;
    QMenu* m_startMenu = nullptr;
    Tray* m_tray = nullptr;
    SettingsPage* m_settings;
    qint64 m_currentChild = 0;
};

} // namespace attune::gui
