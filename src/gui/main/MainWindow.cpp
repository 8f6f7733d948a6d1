// SPDX-License-Identifier: MIT
#include "main/MainWindow.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "family/ChildEditorDialog.h"
#include "family/ProfilePage.h"
#include "help/GetHelpDialog.h"
#include "help/WelcomeDialog.h"
#include "main/ChildListModel.h"
#include "notebook/NotebookPage.h"
#include "settings/SettingsPage.h"
#include "today/TodayPage.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
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
};

// Settings keys: one table, so nothing is spelled twice.
namespace key {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString page = QStringLiteral("window/page");
const QString child = QStringLiteral("window/child");
const QString caregiver = QStringLiteral("caregiver/current");
} // namespace key

// The honest empty state of a page that a later release fills.
QWidget* makeUpcomingPage(const QString& objectName, const QString& title, const QString& text, QWidget* parent)
{
    auto* page = new EmptyState(title, text, parent);
    page->setObjectName(objectName);
    return page;
}

} // namespace

MainWindow::MainWindow(Workspace& workspace, const QString& logFolder, QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_children(new ChildListModel(workspace, this))
    , m_pages(new QStackedWidget(this))
    , m_pageActions(new QActionGroup(this))
    , m_today(new TodayPage(workspace, this))
    , m_profile(new ProfilePage(workspace, this))
    , m_settings(new SettingsPage(workspace, logFolder, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Attune"));
    setMinimumSize(900, 600);

    m_pages->addWidget(m_today);
    m_pages->addWidget(makeUpcomingPage(
        QStringLiteral("oneOnOnePage"), tr("One-on-one time"),
        tr("Here you will log each child's daily one-on-one time: ten minutes or more where they lead the play, "
           "with no screens and no interruptions. A timer, a quick log, and a gentle look back at the week and "
           "the year will live here."),
        this));
    auto* notebook = new NotebookPage(workspace, this);
    m_pages->addWidget(notebook);
    m_pages->addWidget(makeUpcomingPage(
        QStringLiteral("reflectionsPage"), tr("Reflections"),
        tr("After a hard moment, a few calm questions will help you look after yourself first, ask why it "
           "happened, repair if you need to, and plan for next time. Your reflections will be listed here."),
        this));
    m_pages->addWidget(makeUpcomingPage(
        QStringLiteral("plansPage"), tr("Plans"),
        tr("Problems you and your child are working on together, conversations to have, and repairs still "
           "open will gather here, so nothing slips through."),
        this));
    m_pages->addWidget(m_profile);
    m_pages->addWidget(m_settings);
    m_childPages = {m_profile};
    m_childPages.push_back(notebook);
    connect(notebook, &NotebookPage::addChildRequested, this, &MainWindow::addChild);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(buildSidebar());
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);
    buildToolBar();
    statusBar()->showMessage(tr("Everything is saved on this computer as you go."));

    connect(&m_workspace, &Workspace::childrenChanged, this, &MainWindow::reloadChildren);
    connect(&m_workspace, &Workspace::caregiversChanged, this, &MainWindow::reloadCaregivers);
    connect(m_today, &TodayPage::addChildRequested, this, &MainWindow::addChild);
    connect(m_today, &TodayPage::childActivated, this, [this](qint64 id) {
        selectChild(id);
        showPage(Page::Profile);
    });
    connect(m_profile, &ProfilePage::addChildRequested, this, &MainWindow::addChild);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildToolBar()
{
    auto* bar = addToolBar(tr("Pages"));
    bar->setObjectName(QStringLiteral("pagesToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    int number = 1;
    for (const auto& info : kPages) {
        QAction* action = bar->addAction(tr(info.title));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(number++)));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text(), action->shortcut().toString(QKeySequence::NativeText)));
        action->setObjectName(QStringLiteral("page-%1").arg(QString::fromLatin1(info.id)));
        m_pageActions->addAction(action);
        m_pageActionList.push_back(action);
        connect(action, &QAction::triggered, this, [this, page = info.page] { showPage(page); });
    }

    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    auto* who = new QLabel(tr("Logging as"), bar);
    bar->addWidget(who);
    m_caregiver = new QComboBox(bar);
    m_caregiver->setObjectName(QStringLiteral("caregiverPicker"));
    m_caregiver->setAccessibleName(tr("Who is logging"));
    m_caregiver->setMinimumWidth(120);
    who->setBuddy(m_caregiver);
    bar->addWidget(m_caregiver);
    connect(m_caregiver, &QComboBox::currentIndexChanged, this, [this] {
        const QString uuid = m_caregiver->currentData().toString();
        if (uuid.isEmpty())
            return;
        m_workspace.setCurrentCaregiver(toStd(uuid));
        QSettings().setValue(key::caregiver, uuid);
    });
    reloadCaregivers();

    auto* help = new QPushButton(tr("Get help now"), bar);
    help->setObjectName(QStringLiteral("getHelp"));
    help->setShortcut(QKeySequence(tr("Ctrl+Shift+H")));
    help->setToolTip(tr("Crisis steps and people to call (Ctrl+Shift+H)"));
    help->setAccessibleName(tr("Get help now"));
    connect(help, &QPushButton::clicked, this, &MainWindow::showGetHelp);
    bar->addWidget(help);
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

void MainWindow::showWelcome()
{
    WelcomeDialog welcome(m_workspace.content(), QString::fromStdString(m_workspace.database().path().string()), this);
    welcome.exec();
    if (welcome.wantsToAddChild())
        addChild();
}

} // namespace attune::gui
