// SPDX-License-Identifier: MIT
#include "main/MainWindow.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/TimerHub.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "data/DailyBackup.h"
#include "common/HistoryDialog.h"
#include "family/ChildEditorDialog.h"
#include "family/ProfilePage.h"
#include "help/GetHelpDialog.h"
#include "help/WelcomeDialog.h"
#include "insights/InsightsPage.h"
#include "main/ChildListModel.h"
#include "main/FileMovedBanner.h"
#include "main/Tray.h"
#include "notebook/NotebookPage.h"
#include "onetoone/OneOnOnePage.h"
#include "onetoone/SessionActions.h"
#include "onetoone/SessionDialog.h"
#include "onetoone/TimerCard.h"
#include "plans/PlansPage.h"
#include "reflection/ReflectionSummary.h"
#include "reflection/ReflectionWizard.h"
#include "reflection/ReflectionsPage.h"
#include "settings/SettingsPage.h"
#include "today/TodayPage.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"
#include "attune/core/Reflection.h"
#include "attune/core/TimeSummary.h"
#include "attune/core/Timers.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace attune::gui {

namespace {

struct PageInfo {
    MainWindow::Page page;
    const char* id;
    const char* title;
};

constexpr PageInfo kPages[] = {
    {MainWindow::Page::Today, "today", QT_TRANSLATE_NOOP("MainWindow", "Today")},
    {MainWindow::Page::OneOnOne, "one-on-one", QT_TRANSLATE_NOOP("MainWindow", "One-on-one")},
    {MainWindow::Page::Notebook, "notebook", QT_TRANSLATE_NOOP("MainWindow", "Notebook")},
    {MainWindow::Page::Reflections, "reflections", QT_TRANSLATE_NOOP("MainWindow", "Reflections")},
    {MainWindow::Page::Plans, "plans", QT_TRANSLATE_NOOP("MainWindow", "Plans")},
    {MainWindow::Page::Profile, "profile", QT_TRANSLATE_NOOP("MainWindow", "Profile")},
    {MainWindow::Page::Settings, "settings", QT_TRANSLATE_NOOP("MainWindow", "Settings")},
    {MainWindow::Page::Insights, "insights", QT_TRANSLATE_NOOP("MainWindow", "Insights")},
};
// The toolbar's order; each page keeps Ctrl+<its number in Page + 1>.
constexpr MainWindow::Page kToolbarOrder[] = {
    MainWindow::Page::Today, MainWindow::Page::OneOnOne, MainWindow::Page::Notebook, MainWindow::Page::Reflections,
    MainWindow::Page::Plans, MainWindow::Page::Insights, MainWindow::Page::Profile,  MainWindow::Page::Settings,
};
static_assert(std::size(kPages) == MainWindow::kPageCount && std::size(kToolbarOrder) == MainWindow::kPageCount);

// Settings keys: one table, so nothing is spelled twice.
namespace key {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString page = QStringLiteral("window/page");
const QString child = QStringLiteral("window/child");
const QString caregiver = QStringLiteral("caregiver/current");
} // namespace key

} // namespace

MainWindow::MainWindow(Workspace& workspace, const QString& logFolder, QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_children(new ChildListModel(workspace, this))
    , m_pages(new QStackedWidget(this))
    , m_pageActions(new QActionGroup(this))
    , m_today(new TodayPage(workspace, this))
    , m_oneOnOne(new OneOnOnePage(workspace, this))
    , m_profile(new ProfilePage(workspace, this))
    , m_reflections(new ReflectionsPage(workspace, this))
    , m_plans(new PlansPage(workspace, this))
    , m_timerStrip(new TimerStrip(workspace, this))
    , m_settings(new SettingsPage(workspace, logFolder, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Attune"));
    setMinimumSize(900, 600);

    m_pages->addWidget(m_today);
    m_pages->addWidget(m_oneOnOne);
    auto* notebook = new NotebookPage(workspace, this);
    m_pages->addWidget(notebook);
    m_pages->addWidget(m_reflections);
    m_pages->addWidget(m_plans);
    m_pages->addWidget(m_profile);
    m_pages->addWidget(m_settings);
    m_pages->addWidget(new InsightsPage(workspace, this));
    m_childPages = {m_profile, m_oneOnOne, notebook, m_reflections, m_plans};
    connect(notebook, &NotebookPage::addChildRequested, this, &MainWindow::addChild);

    // Running timers sit above every page, so one is always in sight.
    auto* main = new QWidget(this);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->setSpacing(0);
    auto* fileMoved = new FileMovedBanner(workspace, this);
    mainLayout->addWidget(fileMoved);
    mainLayout->addWidget(m_timerStrip);
    mainLayout->addWidget(m_pages, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(buildSidebar());
    splitter->addWidget(main);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);
    buildEditMenu();
    buildToolBar();
    statusBar()->showMessage(tr("Everything is saved on this computer as you go."));
    // The last good backup, always in sight; a click opens Settings → Your data.
    m_lastBackup = new QLabel(this);
    m_lastBackup->setObjectName(QStringLiteral("lastBackup"));
    m_lastBackup->setAccessibleName(tr("Last backup"));
    m_lastBackup->setToolTip(tr("Backups are checked copies of everything, kept in your Documents folder"));
    m_lastBackup->setTextFormat(Qt::RichText);
    m_lastBackup->setContentsMargins(0, 0, 8, 0);
    connect(m_lastBackup, &QLabel::linkActivated, this, [this] { showPage(Page::Settings); });
    statusBar()->addPermanentWidget(m_lastBackup);
    reloadLastBackup();
    connect(&m_workspace, &Workspace::backupsChanged, this, &MainWindow::reloadLastBackup);
    connect(fileMoved, &FileMovedBanner::fileGoneChanged, this, [this](bool isGone) {
        statusBar()->showMessage(isGone ? tr("Nothing new can be saved until you choose where to keep your notes.")
                                        : tr("Everything is saved on this computer as you go."));
    });

    connect(&m_workspace, &Workspace::childrenChanged, this, &MainWindow::reloadChildren);
    connect(&m_workspace, &Workspace::caregiversChanged, this, &MainWindow::reloadCaregivers);
    // An import or restore: everything may have changed, so everything is read again.
    connect(&m_workspace, &Workspace::dataReplaced, this, [this] {
        reloadCaregivers();
        reloadChildren();
        m_today->reload();
        m_settings->reload();
        Q_EMIT m_workspace.timersChanged();
    });
    connect(m_today, &TodayPage::addChildRequested, this, &MainWindow::addChild);
    connect(m_today, &TodayPage::childActivated, this, [this](qint64 id) {
        selectChild(id);
        showPage(Page::Profile);
    });
    connect(m_profile, &ProfilePage::addChildRequested, this, &MainWindow::addChild);
    connect(m_reflections, &ReflectionsPage::newReflectionRequested, this, [this](qint64 id) { startReflection(id); });
    connect(m_reflections, &ReflectionsPage::continueRequested, this,
            [this](qint64 childId, qint64 id) { startReflection(childId, id); });
    connect(m_reflections, &ReflectionsPage::readRequested, this, [this](qint64, qint64 id) { readReflection(id); });
    connect(m_oneOnOne, &OneOnOnePage::addChildRequested, this, &MainWindow::addChild);
    connect(m_oneOnOne, &OneOnOnePage::childRequested, this, &MainWindow::selectChild);
    connect(m_today, &TodayPage::oneOnOneRequested, this, [this](qint64 id) {
        selectChild(id);
        showPage(Page::OneOnOne);
    });
    connect(&m_workspace.timerHub(), &TimerHub::goalReached, this, &MainWindow::noticeGoalReached);
    m_tray = new Tray(m_workspace, *this, this);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildEditMenu()
{
    // Undo and redo from the window's one stack (common/Undo.h). A focused text field keeps
    // its own Ctrl+Z: it takes the key first (ShortcutOverride), so these never steal it.
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QUndoStack& stack = m_workspace.undoStack();
    QAction* undo = stack.createUndoAction(this, tr("Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts({QKeySequence::Undo});
    QAction* redo = stack.createRedoAction(this, tr("Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    // What saves replaced because it had changed elsewhere meanwhile (common/KeptVersions.h).
    QAction* earlier = edit->addAction(tr("Earlier versions\u2026"));
    earlier->setObjectName(QStringLiteral("earlierVersionsAction"));
    connect(earlier, &QAction::triggered, this, [this] { HistoryDialog(m_workspace, {}, this).exec(); });
}

void MainWindow::buildToolBar()
{
    auto* bar = addToolBar(tr("Pages"));
    bar->setObjectName(QStringLiteral("pagesToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_pageActionList.resize(std::size(kPages));
    for (const MainWindow::Page page : kToolbarOrder) {
        const PageInfo& info = kPages[static_cast<int>(page)];
        QAction* action = bar->addAction(tr(info.title));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(static_cast<int>(page) + 1)));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text(), action->shortcut().toString(QKeySequence::NativeText)));
        action->setObjectName(QStringLiteral("page-%1").arg(QString::fromLatin1(info.id)));
        m_pageActions->addAction(action);
        m_pageActionList[static_cast<std::size_t>(page)] = action;
        connect(action, &QAction::triggered, this, [this, page] { showPage(page); });
    }

    bar->addSeparator();
    QAction* hardMoment = bar->addAction(tr("After a hard moment"));
    hardMoment->setObjectName(QStringLiteral("afterHardMoment"));
    hardMoment->setShortcut(QKeySequence(tr("Ctrl+R")));
    hardMoment->setShortcutContext(Qt::ApplicationShortcut);
    hardMoment->setToolTip(tr("A calm reflection: look after yourself, ask why, plan for next time (Ctrl+R)"));
    connect(hardMoment, &QAction::triggered, this, [this] { startReflection(m_currentChild); });
    // Start a one-on-one timer from anywhere: the button's menu, or Ctrl+T.
    bar->addSeparator();
    m_startMenu = new QMenu(this);
    m_startMenu->setObjectName(QStringLiteral("startMenu"));
    connect(m_startMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildStartMenu);
    m_startButton = new QToolButton(bar);
    m_startButton->setObjectName(QStringLiteral("startOneOnOne"));
    m_startButton->setText(tr("Start one-on-one"));
    m_startButton->setAccessibleName(tr("Start a one-on-one timer"));
    m_startButton->setToolTip(tr("Start a one-on-one timer for a child (Ctrl+T)"));
    m_startButton->setPopupMode(QToolButton::InstantPopup);
    m_startButton->setMenu(m_startMenu);
    bar->addWidget(m_startButton);
    auto* startShortcut = new QAction(this);
    startShortcut->setObjectName(QStringLiteral("startOneOnOneShortcut"));
    startShortcut->setShortcut(QKeySequence(tr("Ctrl+T")));
    startShortcut->setShortcutContext(Qt::WindowShortcut);
    connect(startShortcut, &QAction::triggered, this, &MainWindow::showStartMenu);
    addAction(startShortcut);

    // Who is logging and "Get help now" sit in the menu bar's corner, not on the toolbar: a
    // toolbar hides what does not fit behind an overflow arrow, and Get help now must never be
    // hidden, however narrow the window or many the pages.
    auto* corner = new QWidget(menuBar());
    corner->setObjectName(QStringLiteral("menuCorner"));
    auto* cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 2, 8, 2);
    cornerLayout->setSpacing(6);
    auto* who = new QLabel(tr("Logging as"), corner);
    cornerLayout->addWidget(who);
    m_caregiver = new QComboBox(corner);
    m_caregiver->setObjectName(QStringLiteral("caregiverPicker"));
    m_caregiver->setAccessibleName(tr("Who is logging"));
    m_caregiver->setMinimumWidth(120);
    who->setBuddy(m_caregiver);
    cornerLayout->addWidget(m_caregiver);
    connect(m_caregiver, &QComboBox::currentIndexChanged, this, [this] {
        const QString uuid = m_caregiver->currentData().toString();
        if (uuid.isEmpty())
            return;
        m_workspace.setCurrentCaregiver(toStd(uuid));
        QSettings().setValue(key::caregiver, uuid);
    });
    reloadCaregivers();

    auto* help = new QPushButton(tr("Get help now"), corner);
    help->setObjectName(QStringLiteral("getHelp"));
    help->setShortcut(QKeySequence(tr("Ctrl+Shift+H")));
    help->setToolTip(tr("Crisis steps and people to call (Ctrl+Shift+H)"));
    help->setAccessibleName(tr("Get help now"));
    connect(help, &QPushButton::clicked, this, &MainWindow::showGetHelp);
    cornerLayout->addWidget(help);
    menuBar()->setCornerWidget(corner, Qt::TopRightCorner);
}

QWidget* MainWindow::buildSidebar()
{
    auto* sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setMinimumWidth(190);
    sidebar->setMaximumWidth(320);
    auto* layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(12, 16, 12, 12);
    auto* title = new QLabel(tr("FAMILY"), sidebar);
    title->setObjectName(QStringLiteral("sidebarTitle"));
    layout->addWidget(title);
    m_childList = new QListView(sidebar);
    m_childList->setObjectName(QStringLiteral("childList"));
    m_childList->setAccessibleName(tr("Children"));
    m_childList->setModel(m_children);
    m_childList->setIconSize(QSize(32, 32));
    m_childList->setSpacing(2);
    m_childList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_childList, 1);
    auto* add = new QPushButton(tr("Add a child"), sidebar);
    add->setObjectName(QStringLiteral("addChild"));
    add->setShortcut(QKeySequence(tr("Ctrl+N")));
    add->setToolTip(tr("Add a child (Ctrl+N)"));
    layout->addWidget(add);
    connect(add, &QPushButton::clicked, this, &MainWindow::addChild);
    connect(m_childList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& index) {
                const qint64 id = m_children->childAt(index.row());
                if (id != m_currentChild)
                    setCurrentChild(id);
            });
    // A click on a child from a page that is not about one child opens their profile;
    // selection changes made by the program (reloads, restores) never move the parent.
    connect(m_childList, &QListView::clicked, this, [this] {
        const Page page = currentPage();
        if (m_currentChild != 0 && (page == Page::Today || page == Page::Settings))
            showPage(Page::Profile);
    });
    return sidebar;
}

void MainWindow::reloadChildren()
{
    const qint64 keep = m_currentChild;
    {
        // The reset clears the selection; the right child is chosen again just below.
        QSignalBlocker block(m_childList->selectionModel());
        m_children->reload();
    }
    const int row = m_children->rowOf(keep);
    const int chosen = row >= 0 ? row : (m_children->rowCount() > 0 ? 0 : -1);
    {
        QSignalBlocker block(m_childList->selectionModel());
        m_childList->setCurrentIndex(chosen >= 0 ? m_children->index(chosen) : QModelIndex());
    }
    // Pages reload even when the same child stays selected: their details may have changed.
    setCurrentChild(m_children->childAt(chosen));
}

void MainWindow::setCurrentChild(qint64 childId)
{
    m_currentChild = childId;
    for (ChildPage* page : m_childPages)
        page->setChild(childId);
    QSettings().setValue(key::child, static_cast<qlonglong>(childId));
}

void MainWindow::reloadCaregivers()
{
    const QString current = QSettings().value(key::caregiver).toString();
    QSignalBlocker block(m_caregiver);
    m_caregiver->clear();
    for (const auto& caregiver : m_workspace.family().caregivers())
        m_caregiver->addItem(toQString(caregiver.name), toQString(caregiver.meta.uuid));
    const int index = m_caregiver->findData(current);
    m_caregiver->setCurrentIndex(index < 0 ? 0 : index);
    if (m_caregiver->currentIndex() >= 0)
        m_workspace.setCurrentCaregiver(toStd(m_caregiver->currentData().toString()));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(key::geometry).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(key::state).toByteArray());
    const qint64 child = settings.value(key::child).toLongLong();
    const int row = m_children->rowOf(child);
    if (m_children->rowCount() > 0)
        m_childList->setCurrentIndex(m_children->index(row >= 0 ? row : 0));
    const int page = settings.value(key::page, 0).toInt();
    showPage(page >= 0 && page < kPageCount ? static_cast<Page>(page) : Page::Today);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(key::geometry, saveGeometry());
    settings.setValue(key::state, saveState());
    settings.setValue(key::page, static_cast<int>(currentPage()));
    QMainWindow::closeEvent(event);
}

void MainWindow::showPage(Page page)
{
    const int index = static_cast<int>(page);
    m_pages->setCurrentIndex(index);
    m_pageActionList[static_cast<std::size_t>(index)]->setChecked(true);
    if (page == Page::Today)
        m_today->reload();
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

QString MainWindow::pageId(Page page)
{
    return QString::fromLatin1(kPages[static_cast<int>(page)].id);
}

void MainWindow::selectChild(qint64 childId)
{
    const int row = m_children->rowOf(childId);
    if (row >= 0)
        m_childList->setCurrentIndex(m_children->index(row));
}

void MainWindow::addChild()
{
    ChildEditorDialog dialog(m_workspace, 0, this);
    if (dialog.exec() == QDialog::Accepted) {
        selectChild(dialog.childId());
        showPage(Page::Profile);
    }
}

void MainWindow::showGetHelp()
{
    GetHelpDialog dialog(m_workspace.content(), this);
    dialog.exec();
}

ReflectionWizard* MainWindow::startReflection(qint64 childId, qint64 reflectionId)
{
    if (childId == 0) {
        m_workspace.prompts().inform(this, tr("Add a child first"),
                                     tr("A reflection is about one child. Add a child, then come back here."));
        return nullptr;
    }
    if (m_wizard) {
        // One reflection at a time: the open one is brought forward, with nothing lost.
        if (reflectionId == 0 || m_wizard->reflectionId() == reflectionId) {
            m_wizard->raise();
            m_wizard->activateWindow();
            return m_wizard;
        }
        m_wizard->close();
    }
    auto* wizard = new ReflectionWizard(m_workspace, childId, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (reflectionId != 0) {
        try {
            wizard->openReflection(reflectionId);
        } catch (const std::exception& error) {
            delete wizard;
            m_workspace.prompts().warn(this, tr("Can't open this reflection"), toQString(error.what()));
            return nullptr;
        }
    }
    connect(wizard, &ReflectionWizard::reflectionSaved, this, [this](qint64 child) {
        selectChild(child);
        statusBar()->showMessage(tr("Reflection saved. Well done for taking the time."), 6000);
    });
    connect(wizard, &QDialog::finished, this, [this, wizard] {
        if (wizard->reflectionId() != 0 && !wizard->isSaved())
            statusBar()->showMessage(tr("Your reflection is kept as a draft in Reflections, ready when you are."), 8000);
    });
    m_wizard = wizard;
    wizard->show();
    return wizard;
}

void MainWindow::readReflection(qint64 reflectionId)
{
    try {
        auto* view = new ReflectionView(m_workspace, reflectionId, this);
        view->setAttribute(Qt::WA_DeleteOnClose);
        connect(view, &ReflectionView::editRequested, this,
                [this](qint64 id) { startReflection(m_currentChild, id); });
        view->show();
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(this, tr("Can't open this reflection"), toQString(error.what()));
    }
}

void MainWindow::reloadLastBackup()
{
    const QString text = lastBackupText(m_workspace.backupFolder(), m_workspace.clock().nowMs());
    m_lastBackup->setVisible(!text.isEmpty());
    m_lastBackup->setText(QStringLiteral("<a href=\"settings\" style=\"color: palette(window-text); "
                                         "text-decoration: none;\">%1</a>")
                              .arg(text.toHtmlEscaped()));
}

bool MainWindow::offerUnloggedTimers()
{
    // A week back: minutes stopped longer ago than that are not worth a question at start.
    constexpr core::TimestampMs kLookBack = 7LL * 24 * 60 * 60 * 1000;
    std::vector<core::SessionDraft> waiting;
    try {
        waiting = m_workspace.timers().waitingToLog(m_workspace.clock().nowMs() - kLookBack);
    } catch (const std::exception&) {
        return false;
    }
    if (waiting.empty())
        return false;
    const core::SessionDraft& draft = waiting.front();
    QString name;
    try {
        name = toQString(m_workspace.family().child(draft.childId).data.name);
    } catch (const std::exception&) {
        return false;
    }
    const QString day = QDate::fromString(toQString(draft.day), Qt::ISODate).toString(QStringLiteral("d MMMM"));
    if (!m_workspace.prompts().confirm(this, tr("Log your time with %1?").arg(name),
                                       tr("Attune closed before your one-on-one time with %1 on %2 was logged "
                                          "(%3 minutes). The minutes are kept: log them now?")
                                           .arg(name, day)
                                           .arg(draft.minutes),
                                       tr("Log it")))
        return false;
    selectChild(draft.childId);
    auto* dialog = openNewSession(m_workspace, draft, this);
    dialog->setFromTimer(true);
    return true;
}

bool MainWindow::offerDrafts()
{
    // Unlogged timer minutes first: they are the easiest to lose track of.
    if (offerUnloggedTimers())
        return true;
    std::vector<core::ReflectionSummary> drafts;
    try {
        drafts = m_workspace.reflections().openDrafts();
    } catch (const std::exception&) {
        return false;
    }
    if (drafts.empty())
        return false;
    const core::ReflectionSummary& draft = drafts.front();
    QString about = toQString(draft.title).trimmed();
    if (about.isEmpty()) {
        try {
            about = tr("a hard moment with %1").arg(toQString(m_workspace.family().child(draft.childId).data.name));
        } catch (const std::exception&) {
            about = tr("a hard moment");
        }
    }
    if (!m_workspace.prompts().confirm(this, tr("Continue your reflection?"),
                                       tr("Continue your reflection about “%1”? Everything you wrote is still "
                                          "there. If not now, it waits in Reflections.")
                                           .arg(about),
                                       tr("Continue")))
        return false;
    selectChild(draft.childId);
    return startReflection(draft.childId, draft.id) != nullptr;
}

void MainWindow::rebuildStartMenu()
{
    m_startMenu->clear();
    QAction* current = nullptr;
    const auto cards = m_workspace.timeSummary().today();
    for (const auto& card : cards) {
        const QString name = toQString(card.name);
        const qint64 id = card.childId;
        QAction* action = nullptr;
        if (card.timer) {
            action = m_startMenu->addAction(tr("%1: running").arg(name));
            action->setEnabled(false);
        } else {
            action = m_startMenu->addAction(name);
            connect(action, &QAction::triggered, this, [this, id] { m_workspace.timerHub().start(id, this); });
        }
        action->setObjectName(QStringLiteral("start-%1").arg(id));
        if (id == m_currentChild && action->isEnabled())
            current = action;
    }
    if (cards.empty()) {
        QAction* none = m_startMenu->addAction(tr("Add a child first"));
        connect(none, &QAction::triggered, this, &MainWindow::addChild);
    }
    m_startMenu->setActiveAction(current);
}

QMenu* MainWindow::showStartMenu()
{
    rebuildStartMenu();
    QSignalBlocker block(m_startMenu); // already rebuilt: keep the active entry
    QAction* active = m_startMenu->activeAction();
    m_startMenu->popup(m_startButton->mapToGlobal(QPoint(0, m_startButton->height())));
    if (active)
        m_startMenu->setActiveAction(active);
    return m_startMenu;
}

void MainWindow::noticeGoalReached(qint64 childId)
{
    const auto timer = m_workspace.timerHub().timerFor(childId);
    QString name;
    for (const auto& child : m_workspace.family().children()) {
        if (child.id == childId)
            name = toQString(child.name);
    }
    const QString text = tr("%1 minutes with %2: that's the goal. The timer keeps counting; stop whenever you're ready.")
                             .arg(timer ? timer->goalMinutes : 0)
                             .arg(name);
    statusBar()->showMessage(text, 60'000);
    if (m_tray)
        m_tray->showNotice(tr("One-on-one with %1").arg(name), text);
}

void MainWindow::showWelcome()
{
    WelcomeDialog welcome(m_workspace.content(), QString::fromStdString(m_workspace.database().path().string()), this);
    welcome.exec();
    if (welcome.wantsToAddChild())
        addChild();
}

} // namespace attune::gui

namespace attune::gui {

ReflectionWizard* MainWindow::reflectionWizard() const
{
    return m_wizard.data();
}

} // namespace attune::gui
