// SPDX-License-Identifier: MIT
// Undo and redo through real widgets: the Edit menu's actions and Ctrl+Z / Ctrl+Shift+Z on the
// window, for deletes (sessions, children, notebook entries, restores from the trash) and saved
// edits (sessions, profiles, notebook entries, order, day states, archive); a step whose core
// call fails; text fields keeping their own Ctrl+Z; and emptying the trash.
#include "GuiFixture.h"

#include "common/Undo.h"
#include "family/CoregulationEditor.h"
#include "family/ChildEditorDialog.h"
#include "main/MainWindow.h"
#include "notebook/EntryCard.h"
#include "notebook/EvidenceColumn.h"
#include "notebook/EntryEditorDialog.h"
#include "notebook/NotebookPage.h"
#include "onetoone/SessionDialog.h"
#include "settings/SettingsPage.h"

#include "attune/core/Backups.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/TimeLog.h"
#include "attune/core/Trash.h"

#include <QAction>
#include <QComboBox>
#include <QToolButton>
#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <filesystem>

using namespace attune;
using Page = gui::MainWindow::Page;
using core::Section;

namespace {

class UndoTest : public test::GuiTest {
protected:
    std::unique_ptr<gui::MainWindow> window;
    core::Id maya = 0;

    void SetUp() override { maya = addChild("Maya"); }
    void TearDown() override { window.reset(); }

    void openWindow()
    {
        window = std::make_unique<gui::MainWindow>(*workspace, QStringLiteral("/tmp/logs"));
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    }
    template <typename T> T* find(const char* name) { return window->findChild<T*>(QString::fromLatin1(name)); }
    void click(const char* name)
    {
        auto* button = window->findChild<QAbstractButton*>(QString::fromLatin1(name));
        ASSERT_NE(button, nullptr) << name;
        QTest::mouseClick(button, Qt::LeftButton);
    }
    QAction* undoAction() { return find<QAction>("undoAction"); }
    QAction* redoAction() { return find<QAction>("redoAction"); }
    // The keys a parent presses, sent to whatever has the focus in the window.
    void pressUndo() { QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier); }
    void pressRedo() { QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); }
    QWidget* focused()
    {
        QWidget* widget = QApplication::focusWidget();
        return widget ? widget : window.get();
    }
    QUndoStack& stack() { return workspace->undoStack(); }

    core::Id logSession(int minutes)
    {
        core::SessionDraft draft;
        draft.childId = maya;
        draft.day = "2026-11-27";
        draft.minutes = minutes;
        return workspace->timeLog().addSession(draft).meta.id;
    }
    int liveSessions()
    {
        core::SessionFilter filter;
        filter.childId = maya;
        return workspace->timeLog().countSessions(filter);
    }
    core::Id addEntry(const std::string& title)
    {
        core::EntryDraft draft;
        draft.section = Section::Strengths;
        draft.title = title;
        return workspace->notebook().addEntry(maya, draft).meta.id;
    }
    std::vector<std::string> strengths()
    {
        std::vector<std::string> result;
        for (const auto& entry : workspace->notebook().page(maya).section(Section::Strengths).entries)
            result.push_back(entry.title);
        return result;
    }
    void trashFirstSession()
    {
        window->showPage(Page::OneOnOne);
        auto* tree = find<QTreeWidget>("sessionList");
        ASSERT_NE(tree->topLevelItem(0), nullptr);
        tree->setCurrentItem(tree->topLevelItem(0));
        click("trashSession");
    }
    gui::SessionDialog* openSessionDialog()
    {
        QCoreApplication::processEvents();
        for (auto* widget : QApplication::topLevelWidgets()) {
            if (auto* dialog = qobject_cast<gui::SessionDialog*>(widget); dialog && dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }
};

} // namespace

TEST_F(UndoTest, NothingToUndoAtFirst)
{
    openWindow();
    ASSERT_NE(undoAction(), nullptr);
    ASSERT_NE(redoAction(), nullptr);
    EXPECT_FALSE(undoAction()->isEnabled());
    EXPECT_FALSE(redoAction()->isEnabled());
    EXPECT_EQ(undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
    EXPECT_TRUE(redoAction()->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+Shift+Z"))));
    EXPECT_TRUE(redoAction()->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+Y"))));
}

TEST_F(UndoTest, TrashedSessionComesBackWithCtrlZAndGoesAgainWithRedo)
{
    const core::Id id = logSession(15);
    openWindow();
    trashFirstSession();
    EXPECT_EQ(liveSessions(), 0);
    EXPECT_EQ(stack().count(), 1);
    ASSERT_TRUE(undoAction()->isEnabled());
    EXPECT_TRUE(undoAction()->text().startsWith(QStringLiteral("Undo move the session ")));
    EXPECT_TRUE(undoAction()->text().endsWith(QStringLiteral("15 min to the trash")));

    pressUndo();
    EXPECT_EQ(liveSessions(), 1);
    EXPECT_EQ(workspace->timeLog().session(id).data.minutes, 15);
    EXPECT_EQ(find<QTreeWidget>("sessionList")->topLevelItemCount(), 1) << "the list refreshed";
    EXPECT_TRUE(workspace->trash().entries().empty());
    EXPECT_FALSE(undoAction()->isEnabled());
    ASSERT_TRUE(redoAction()->isEnabled());

    pressRedo();
    EXPECT_EQ(liveSessions(), 0);
    EXPECT_EQ(workspace->trash().entries().size(), 1u);
    redoAction()->trigger(); // nothing left to redo: nothing happens
    undoAction()->trigger(); // the menu's action works as the keys do
    EXPECT_EQ(liveSessions(), 1);
    EXPECT_TRUE(prompts.warnings.isEmpty());
}

TEST_F(UndoTest, TheUndoButtonUnderTheListUsesTheSameStack)
{
    logSession(15);
    openWindow();
    trashFirstSession();
    QCoreApplication::processEvents();
    EXPECT_TRUE(find<QWidget>("undoRow")->isVisible());
    click("undoTrash");
    EXPECT_EQ(liveSessions(), 1);
    EXPECT_FALSE(find<QWidget>("undoRow")->isVisible());
    EXPECT_TRUE(redoAction()->isEnabled()) << "and it can be redone from the Edit menu";

    // Undone from the menu instead, the button goes away: it would have nothing to undo.
    trashFirstSession();
    QCoreApplication::processEvents();
    EXPECT_TRUE(find<QWidget>("undoRow")->isVisible());
    undoAction()->trigger();
    EXPECT_FALSE(find<QWidget>("undoRow")->isVisible());
    EXPECT_EQ(liveSessions(), 1);
}

TEST_F(UndoTest, EditedSessionMinutesComeBack)
{
    const core::Id id = logSession(15);
    openWindow();
    window->showPage(Page::OneOnOne);
    auto* tree = find<QTreeWidget>("sessionList");
    tree->setCurrentItem(tree->topLevelItem(0));
    click("editSession");
    gui::SessionDialog* dialog = openSessionDialog();
    ASSERT_NE(dialog, nullptr);
    auto* minutes = dialog->findChild<QSpinBox*>(QStringLiteral("minutes"));
    minutes->selectAll();
    QTest::keyClicks(minutes, QStringLiteral("40"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveSession")), Qt::LeftButton);
    ASSERT_EQ(workspace->timeLog().session(id).data.minutes, 40);
    QCoreApplication::processEvents(); // the dialog closes and the window is active again
    EXPECT_TRUE(undoAction()->text().startsWith(QStringLiteral("Undo changes to the session on ")));

    undoAction()->trigger();
    EXPECT_EQ(workspace->timeLog().session(id).data.minutes, 15);
    EXPECT_EQ(tree->topLevelItem(0)->text(1), QStringLiteral("15 min"));
    redoAction()->trigger();
    EXPECT_EQ(workspace->timeLog().session(id).data.minutes, 40);
    EXPECT_EQ(tree->topLevelItem(0)->text(1), QStringLiteral("40 min"));
}

TEST_F(UndoTest, SavingWithoutAChangeAddsNothingToUndo)
{
    logSession(15);
    openWindow();
    window->showPage(Page::OneOnOne);
    auto* tree = find<QTreeWidget>("sessionList");
    tree->setCurrentItem(tree->topLevelItem(0));
    click("editSession");
    gui::SessionDialog* dialog = openSessionDialog();
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveSession")), Qt::LeftButton);
    EXPECT_EQ(stack().count(), 0);
}

TEST_F(UndoTest, NotebookEntryEditComesBack)
{
    const core::Id id = addEntry("Kind to animals");
    gui::EntryEditorDialog dialog(*workspace, maya, id, Section::Strengths);
    dialog.show();
    auto* title = dialog.findChild<QLineEdit*>(QStringLiteral("titleField"));
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Gentle with animals"));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("saveEntry")), Qt::LeftButton);
    ASSERT_EQ(workspace->notebook().entry(id).data.title, "Gentle with animals");
    ASSERT_EQ(stack().count(), 1);
    EXPECT_EQ(stack().undoText(), QStringLiteral("changes to \u201CKind to animals\u201D"));

    stack().undo();
    EXPECT_EQ(workspace->notebook().entry(id).data.title, "Kind to animals");
    stack().redo();
    EXPECT_EQ(workspace->notebook().entry(id).data.title, "Gentle with animals");
}

TEST_F(UndoTest, ChildProfileEditComesBackInTheSidebar)
{
    openWindow();
    auto* editor = new gui::ChildEditorDialog(*workspace, maya, window.get());
    editor->show();
    auto* name = editor->findChild<QLineEdit*>(QStringLiteral("name"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Maya Rose"));
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveChild")), Qt::LeftButton);
    ASSERT_EQ(workspace->family().child(maya).data.name, "Maya Rose");
    auto* list = find<QListView>("childList");
    EXPECT_EQ(list->model()->index(0, 0).data().toString(), QStringLiteral("Maya Rose"));
    EXPECT_EQ(undoAction()->text(), QStringLiteral("Undo changes to Maya\u2019s profile"));

    undoAction()->trigger();
    EXPECT_EQ(workspace->family().child(maya).data.name, "Maya");
    EXPECT_EQ(list->model()->index(0, 0).data().toString(), QStringLiteral("Maya"));
    redoAction()->trigger();
    EXPECT_EQ(workspace->family().child(maya).data.name, "Maya Rose");
    delete editor;
}

TEST_F(UndoTest, TrashedChildComesBackToTheSidebar)
{
    openWindow();
    window->showPage(Page::Profile);
    auto* list = find<QListView>("childList");
    ASSERT_EQ(list->model()->rowCount(), 1);
    click("trashChild"); // FakePrompts says yes
    EXPECT_EQ(list->model()->rowCount(), 0);
    EXPECT_EQ(undoAction()->text(), QStringLiteral("Undo move Maya to the trash"));

    window->setFocus();
    pressUndo();
    ASSERT_EQ(list->model()->rowCount(), 1);
    EXPECT_EQ(list->model()->index(0, 0).data().toString(), QStringLiteral("Maya"));
    EXPECT_EQ(workspace->family().children().size(), 1u);
    pressRedo();
    EXPECT_EQ(list->model()->rowCount(), 0);
}

TEST_F(UndoTest, ArchivingComesBack)
{
    openWindow();
    window->showPage(Page::Profile);
    click("archiveChild");
    EXPECT_TRUE(workspace->family().child(maya).isArchived);
    undoAction()->trigger();
    EXPECT_FALSE(workspace->family().child(maya).isArchived);
    EXPECT_EQ(find<QListView>("childList")->model()->rowCount(), 1);
    redoAction()->trigger();
    EXPECT_TRUE(workspace->family().child(maya).isArchived);
}

TEST_F(UndoTest, ReorderAndPinComeBack)
{
    addEntry("A");
    const core::Id b = addEntry("B");
    addEntry("C");
    openWindow();
    window->showPage(Page::Notebook);
    auto* notebook = window->findChild<gui::NotebookPage*>();
    ASSERT_NE(notebook, nullptr);
    QTRY_VERIFY(notebook->hasAllCards());
    gui::EntryCard* card = notebook->card(b);
    ASSERT_NE(card, nullptr);
    card->setFocus();
    QTest::keyClick(card, Qt::Key_Down, Qt::AltModifier);
    ASSERT_EQ(strengths(), (std::vector<std::string>{"A", "C", "B"}));
    EXPECT_EQ(stack().undoText(), QStringLiteral("move \u201CB\u201D"));

    undoAction()->trigger();
    EXPECT_EQ(strengths(), (std::vector<std::string>{"A", "B", "C"}));
    redoAction()->trigger();
    EXPECT_EQ(strengths(), (std::vector<std::string>{"A", "C", "B"}));
    undoAction()->trigger();
    // The first card going up changes nothing and adds nothing to undo.
    const int steps = stack().count();
    const core::Id first = workspace->notebook().page(maya).section(Section::Strengths).entries[0].id;
    QTRY_VERIFY(notebook->card(first) != nullptr);
    notebook->card(first)->setFocus();
    QTest::keyClick(notebook->card(first), Qt::Key_Up, Qt::AltModifier);
    EXPECT_EQ(stack().count(), steps);

    Q_EMIT notebook->card(b)->pinRequested(b, true);
    // (The card asks the page; the page makes the undoable change.)
    QCoreApplication::processEvents();
    ASSERT_EQ(strengths(), (std::vector<std::string>{"B", "A", "C"}));
    undoAction()->trigger();
    EXPECT_EQ(strengths(), (std::vector<std::string>{"A", "B", "C"}));
    EXPECT_FALSE(workspace->notebook().entry(b).data.isPinned);
}

TEST_F(UndoTest, DayStateComesBack)
{
    openWindow();
    window->showPage(Page::OneOnOne);
    click("today-away");
    ASSERT_EQ(workspace->timeLog().dayState(maya, "2026-11-28"), core::DayState::Away);
    EXPECT_EQ(undoAction()->text(), QStringLiteral("Undo mark 28 November as \u201Caway\u201D"));
    click("today-sick");
    ASSERT_EQ(workspace->timeLog().dayState(maya, "2026-11-28"), core::DayState::Sick);

    undoAction()->trigger();
    EXPECT_EQ(workspace->timeLog().dayState(maya, "2026-11-28"), core::DayState::Away);
    EXPECT_TRUE(find<QPushButton>("today-away")->isChecked()) << "the buttons show what is stored";
    undoAction()->trigger();
    EXPECT_EQ(workspace->timeLog().dayState(maya, "2026-11-28"), core::DayState::None);
    redoAction()->trigger();
    EXPECT_EQ(workspace->timeLog().dayState(maya, "2026-11-28"), core::DayState::Away);
}

TEST_F(UndoTest, RestoringFromTheTrashCanBeUndone)
{
    const core::Id id = logSession(20);
    workspace->timeLog().trashSession(id);
    openWindow();
    window->showPage(Page::Settings);
    auto* trash = find<QListWidget>("trash");
    trash->setCurrentRow(0);
    click("restoreTrash");
    ASSERT_EQ(liveSessions(), 1);
    EXPECT_TRUE(undoAction()->text().startsWith(QStringLiteral("Undo bring back \u201CMaya")));

    undoAction()->trigger();
    EXPECT_EQ(liveSessions(), 0);
    EXPECT_EQ(trash->count(), 1);
    EXPECT_TRUE(trash->item(0)->data(Qt::UserRole).isValid()) << "the list shows it again";
    redoAction()->trigger();
    EXPECT_EQ(liveSessions(), 1);
}

TEST_F(UndoTest, AStepThatCanNoLongerBeDoneWarnsAndLeavesTheStack)
{
    logSession(15);
    logSession(25);
    openWindow();
    trashFirstSession();
    trashFirstSession();
    ASSERT_EQ(stack().count(), 2);
    // Deleted for good behind the stack's back (another window, a sync): undo cannot bring it back.
    workspace->trash().empty();

    undoAction()->trigger();
    ASSERT_EQ(prompts.warnings.size(), 1);
    EXPECT_FALSE(prompts.warnings.front().isEmpty());
    EXPECT_EQ(stack().count(), 1) << "the step that failed is gone";
    EXPECT_EQ(liveSessions(), 0);
    undoAction()->trigger();
    EXPECT_EQ(prompts.warnings.size(), 2);
    EXPECT_EQ(stack().count(), 0);
    EXPECT_FALSE(undoAction()->isEnabled());
}

TEST_F(UndoTest, ARefusedFirstDoIsNeverPushed)
{
    const core::Id id = logSession(15);
    workspace->timeLog().trashSession(id);
    EXPECT_THROW(gui::perform(*workspace, gui::undo::trashSession(*workspace, maya, id, QStringLiteral("15 min"))),
                 core::StorageError);
    EXPECT_EQ(stack().count(), 0);

    // A validation error comes back to the caller as it is, for the field labels.
    const core::Id second = logSession(10);
    core::SessionDraft bad = workspace->timeLog().session(second).data;
    bad.minutes = 0;
    const core::SessionDraft loaded = workspace->timeLog().session(second).data;
    EXPECT_THROW(gui::perform(*workspace, gui::undo::editSession(*workspace, second, loaded, bad)),
                 core::ValidationError);
    EXPECT_EQ(stack().count(), 0);
}

TEST_F(UndoTest, ATextFieldKeepsItsOwnCtrlZ)
{
    logSession(15);
    openWindow();
    trashFirstSession();
    ASSERT_EQ(stack().index(), 1);
    auto* field = find<QLineEdit>("filterActivity");
    field->setFocus();
    ASSERT_TRUE(field->hasFocus());
    QTest::keyClicks(field, QStringLiteral("lego"));
    pressUndo();
    EXPECT_EQ(field->text(), QString()) << "the field undid the typing";
    EXPECT_EQ(stack().index(), 1) << "the window's stack was not touched";
    EXPECT_EQ(liveSessions(), 0);

    // Away from the field, Ctrl+Z is the window's again.
    find<QTreeWidget>("sessionList")->setFocus();
    pressUndo();
    EXPECT_EQ(stack().index(), 0);
    EXPECT_EQ(liveSessions(), 1);
}

TEST_F(UndoTest, ReplacingTheDataClearsTheStack)
{
    logSession(15);
    openWindow();
    trashFirstSession();
    ASSERT_EQ(stack().count(), 1);
    Q_EMIT workspace->dataReplaced();
    EXPECT_EQ(stack().count(), 0);
    EXPECT_FALSE(undoAction()->isEnabled());
}

TEST_F(UndoTest, EmptyingTheTrashTakesABackupFirstAndClearsUndo)
{
    const auto backups = dir / "backups";
    workspace->setBackupFolder(QString::fromStdString(backups.string()));
    const core::Id kept = logSession(30);
    logSession(15);
    openWindow();
    trashFirstSession(); // the newest of the day: either one, one stays
    ASSERT_EQ(workspace->trash().entries().size(), 1u);
    window->showPage(Page::Settings);
    auto* settings = window->settingsPage();
    EXPECT_TRUE(find<QPushButton>("emptyTrash")->isEnabled());

    prompts.confirmAnswer = false;
    EXPECT_FALSE(settings->emptyTrash());
    EXPECT_EQ(workspace->trash().entries().size(), 1u) << "no means no";

    prompts.confirmAnswer = true;
    click("emptyTrash");
    EXPECT_TRUE(prompts.asked.contains(QStringLiteral("Empty the trash?")));
    EXPECT_TRUE(workspace->trash().entries().empty());
    EXPECT_EQ(liveSessions(), 1);
    EXPECT_NO_THROW(workspace->timeLog().session(kept));
    const auto taken = core::listBackups(backups);
    ASSERT_EQ(taken.size(), 1u);
    EXPECT_NE(taken.front().path.filename().string().find("before-emptying-trash"), std::string::npos);
    EXPECT_EQ(stack().count(), 0) << "nothing points at purged rows";
    EXPECT_FALSE(find<QPushButton>("emptyTrash")->isEnabled());
    EXPECT_EQ(find<QListWidget>("trash")->item(0)->text(), QStringLiteral("The trash is empty."));
}

TEST_F(UndoTest, NoBackupMeansNothingIsDeleted)
{
    // A file where the backup folder should be: the backup cannot be written.
    test::writeFile(dir / "not-a-folder", "x");
    workspace->setBackupFolder(QString::fromStdString((dir / "not-a-folder").string()));
    logSession(15);
    openWindow();
    trashFirstSession();
    window->showPage(Page::Settings);
    EXPECT_FALSE(window->settingsPage()->emptyTrash());
    ASSERT_EQ(prompts.warnings.size(), 1);
    EXPECT_EQ(workspace->trash().entries().size(), 1u);
    EXPECT_EQ(stack().count(), 1);
}

TEST_F(UndoTest, DeleteForeverTakesOneItem)
{
    logSession(15);
    logSession(25);
    openWindow();
    trashFirstSession();
    trashFirstSession();
    window->showPage(Page::Settings);
    auto* trash = find<QListWidget>("trash");
    ASSERT_EQ(trash->count(), 2);
    EXPECT_FALSE(find<QPushButton>("purgeTrash")->isEnabled()) << "nothing chosen yet";
    trash->setCurrentRow(0);
    EXPECT_TRUE(find<QPushButton>("purgeTrash")->isEnabled());
    click("purgeTrash");
    EXPECT_TRUE(prompts.asked.back().startsWith(QStringLiteral("Delete \u201CMaya")));
    EXPECT_EQ(workspace->trash().entries().size(), 1u);
    EXPECT_EQ(trash->count(), 1);
    EXPECT_EQ(stack().count(), 0);
}

TEST_F(UndoTest, TrashedNotebookEntryComesBack)
{
    const core::Id id = addEntry("Kind to animals");
    openWindow();
    window->showPage(Page::Notebook);
    auto* notebook = window->findChild<gui::NotebookPage*>();
    QTRY_VERIFY(notebook->hasAllCards());
    Q_EMIT notebook->card(id)->trashRequested(id); // FakePrompts says yes
    QCoreApplication::processEvents();
    ASSERT_THROW(workspace->notebook().entry(id), core::StorageError);
    EXPECT_EQ(stack().undoText(), QStringLiteral("move \u201CKind to animals\u201D to the trash"));
    undoAction()->trigger();
    EXPECT_EQ(workspace->notebook().entry(id).data.title, "Kind to animals");
    QTRY_VERIFY(notebook->card(id) != nullptr);
}

TEST_F(UndoTest, RemovedCoregulationItemComesBackInTheEditor)
{
    gui::CoregulationEditor editor(*workspace);
    editor.setChild(maya);
    editor.resize(900, 500);
    editor.show();
    editor.showCategory(QStringLiteral("light"));
    auto* combo = editor.findChild<QComboBox*>(QStringLiteral("newCoregLabel"));
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("Dim lamp"));
    QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    const auto removeButton = [&editor]() -> QToolButton* {
        for (auto* candidate : editor.findChildren<QToolButton*>()) {
            if (candidate->accessibleName() == QStringLiteral("Remove Dim lamp"))
                return candidate;
        }
        return nullptr;
    };
    ASSERT_NE(removeButton(), nullptr);
    QTest::mouseClick(removeButton(), Qt::LeftButton);
    ASSERT_TRUE(workspace->family().coregItems(maya).empty());
    QTRY_COMPARE(removeButton(), nullptr);

    stack().undo();
    EXPECT_EQ(workspace->family().coregItems(maya).size(), 1u);
    QTRY_VERIFY(removeButton() != nullptr);
    stack().redo();
    EXPECT_TRUE(workspace->family().coregItems(maya).empty());
    QTRY_COMPARE(removeButton(), nullptr);
}

TEST_F(UndoTest, EditsOfOneNoteAreOneStep)
{
    const core::Id id = addEntry("Swims");
    const core::Id line =
        workspace->notebook().addEvidence(id, core::EvidenceSide::Entry, "2026-11-20", "Swam one length").meta.id;
    {
        gui::EntryEditorDialog dialog(*workspace, maya, id, Section::Strengths);
        dialog.show();
        auto* text = dialog.findChild<QLineEdit*>(QStringLiteral("evidenceRowText"));
        ASSERT_NE(text, nullptr);
        text->selectAll();
        QTest::keyClicks(text, QStringLiteral("Swam two"));
        QTRY_COMPARE(QString::fromStdString(workspace->notebook().entry(id).evidence[0].text), QStringLiteral("Swam two"));
        QTest::keyClicks(text, QStringLiteral(" lengths")); // a second autosave after a pause
        QTRY_COMPARE(QString::fromStdString(workspace->notebook().entry(id).evidence[0].text),
                     QStringLiteral("Swam two lengths"));
    }
    ASSERT_EQ(stack().count(), 1);
    EXPECT_EQ(stack().undoText(), QStringLiteral("changes to a note"));
    stack().undo();
    EXPECT_EQ(workspace->notebook().entry(id).evidence[0].text, "Swam one length");
    stack().redo();
    EXPECT_EQ(workspace->notebook().entry(id).evidence[0].text, "Swam two lengths");
    EXPECT_EQ(workspace->notebook().entry(id).evidence[0].meta.id, line);
}
