// SPDX-License-Identifier: MIT
// Editors save only what the parent changed; a field that changed underneath while the form
// was open keeps both versions, says so, and shows the other one under "Earlier versions".
#include "NotebookFixture.h"

#include "common/HistoryDialog.h"
#include "family/ChildEditorDialog.h"
#include "notebook/EntryEditorDialog.h"
#include "onetoone/SessionDialog.h"

#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/RecordHistory.h"
#include "attune/core/TimeLog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace attune;

namespace {

class KeptVersionsTest : public test::NotebookGuiTest {
protected:
    core::Id leo = 0;

    void SetUp() override
    {
        NotebookGuiTest::SetUp();
        core::ChildDraft d;
        d.name = "Leo";
        d.pronouns = "he/him";
        d.birthStory = "A snowy morning.";
        leo = workspace->family().addChild(d).meta.id;
    }

    // What an import, an undo or another window does while a form is open: a save through the core.
    void changeChild(const std::function<void(core::ChildDraft&)>& change)
    {
        const core::ChildDraft now = workspace->family().child(leo).data;
        core::ChildDraft changed = now;
        change(changed);
        workspace->family().updateChild(leo, now, changed);
    }

    template <typename T> static T* field(QWidget* dialog, const char* name)
    {
        return dialog->findChild<T*>(QString::fromLatin1(name));
    }
    static void retype(QPlainTextEdit* edit, const QString& text)
    {
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }
};

} // namespace

// Issue 10 item 2: an imported birth story and goal were wiped when only the pronouns were
// changed in the child editor, because it saved every field it had loaded.
TEST_F(KeptVersionsTest, TheChildEditorSavesOnlyWhatWasChangedInIt)
{
    gui::ChildEditorDialog dialog(*workspace, leo);
    dialog.show();
    changeChild([](core::ChildDraft& d) {
        d.birthStory = "Imported: the night the power went out.";
        d.goalMinutes = 25;
    });
    field<QComboBox>(&dialog, "pronouns")->setCurrentText(QStringLiteral("they/them"));
    QTest::mouseClick(field<QPushButton>(&dialog, "saveChild"), Qt::LeftButton);

    const core::Child child = workspace->family().child(leo);
    EXPECT_EQ(child.data.pronouns, "they/them");
    EXPECT_EQ(child.data.birthStory, "Imported: the night the power went out.");
    EXPECT_EQ(child.data.goalMinutes, 25);
    EXPECT_TRUE(prompts.informed.isEmpty()) << "nothing of theirs was replaced, so nothing to say";
}

TEST_F(KeptVersionsTest, AFieldChangedOnBothSidesKeepsBothAndSaysSo)
{
    gui::ChildEditorDialog dialog(*workspace, leo);
    dialog.show();
    EXPECT_EQ(field<QPushButton>(&dialog, "earlierVersions"), nullptr) << "nothing kept yet";
    changeChild([](core::ChildDraft& d) { d.birthStory = "Sam's telling of that morning."; });
    retype(field<QPlainTextEdit>(&dialog, "birthStory"), QStringLiteral("My telling of that morning."));
    QTest::mouseClick(field<QPushButton>(&dialog, "saveChild"), Qt::LeftButton);

    EXPECT_EQ(workspace->family().child(leo).data.birthStory, "My telling of that morning.");
    ASSERT_EQ(prompts.informed.size(), 1);
    EXPECT_TRUE(prompts.informed[0].contains(QStringLiteral("The day you were born"))) << prompts.informed[0].toStdString();
    EXPECT_TRUE(prompts.informed[0].contains(QStringLiteral("Your version is saved")));

    // Next time the editor opens, the other version is one click away, and can be copied back.
    gui::ChildEditorDialog again(*workspace, leo);
    auto* earlier = field<QPushButton>(&again, "earlierVersions");
    ASSERT_NE(earlier, nullptr);
    EXPECT_TRUE(earlier->text().contains(QStringLiteral("(1)")));
    gui::HistoryDialog history(*workspace, {workspace->family().child(leo).meta.uuid});
    ASSERT_EQ(history.entryCount(), 1);
    EXPECT_EQ(field<QPlainTextEdit>(&history, "versionText")->toPlainText(), QStringLiteral("Sam's telling of that morning."));
    QTest::mouseClick(field<QPushButton>(&history, "copyVersion"), Qt::LeftButton);
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("Sam's telling of that morning."));
}

TEST_F(KeptVersionsTest, UndoPutsBackWhatTheSaveReplaced)
{
    gui::ChildEditorDialog dialog(*workspace, leo);
    dialog.show();
    changeChild([](core::ChildDraft& d) { d.birthStory = "Theirs."; });
    retype(field<QPlainTextEdit>(&dialog, "birthStory"), QStringLiteral("Mine."));
    QTest::mouseClick(field<QPushButton>(&dialog, "saveChild"), Qt::LeftButton);
    ASSERT_EQ(workspace->family().child(leo).data.birthStory, "Mine.");
    workspace->undoStack().undo();
    EXPECT_EQ(workspace->family().child(leo).data.birthStory, "Theirs.");
    workspace->undoStack().redo();
    EXPECT_EQ(workspace->family().child(leo).data.birthStory, "Mine.");
    EXPECT_TRUE(prompts.warnings.isEmpty());
}

TEST_F(KeptVersionsTest, TheSessionDialogSavesOnlyWhatWasChangedInIt)
{
    core::SessionDraft d;
    d.childId = leo;
    d.day = clock.today();
    d.minutes = 15;
    d.activity = "Lego";
    const core::Id id = workspace->timeLog().addSession(d).meta.id;
    gui::SessionDialog dialog(*workspace, id);
    dialog.show();
    const core::SessionDraft loaded = workspace->timeLog().session(id).data;
    core::SessionDraft underneath = loaded;
    underneath.note = "Written in another window.";
    workspace->timeLog().updateSession(id, loaded, underneath);

    field<QSpinBox>(&dialog, "minutes")->setValue(40);
    QTest::mouseClick(field<QPushButton>(&dialog, "saveSession"), Qt::LeftButton);
    const core::SessionDraft stored = workspace->timeLog().session(id).data;
    EXPECT_EQ(stored.minutes, 40);
    EXPECT_EQ(stored.note, "Written in another window.");
    EXPECT_TRUE(prompts.informed.isEmpty());
}

TEST_F(KeptVersionsTest, TheEntryEditorKeepsBothVersionsOfItsDetails)
{
    const core::Id kind = addEntry(core::Section::Strengths, "Kind");
    gui::EntryEditorDialog dialog(*workspace, maya, kind, core::Section::Strengths);
    dialog.show();
    const core::EntryDraft loaded = workspace->notebook().entry(kind).data;
    core::EntryDraft underneath = loaded;
    underneath.details = "From the import.";
    underneath.isPinned = true;
    workspace->notebook().updateEntry(kind, loaded, underneath);

    retype(field<QPlainTextEdit>(&dialog, "detailsField"), QStringLiteral("From me."));
    ASSERT_TRUE(dialog.save());
    const core::Entry entry = workspace->notebook().entry(kind);
    EXPECT_EQ(entry.data.details, "From me.");
    EXPECT_TRUE(entry.data.isPinned) << "untouched in the form, so left as it is";
    ASSERT_EQ(prompts.informed.size(), 1);
    EXPECT_TRUE(prompts.informed[0].contains(QStringLiteral("Details")));
    const auto kept = core::RecordHistory(workspace->store()).entries(entry.meta.uuid);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].value, "From the import.");
}

TEST_F(KeptVersionsTest, EveryEarlierVersionIsListedFromTheEditMenu)
{
    changeChild([](core::ChildDraft& d) { d.pronouns = "they/them"; });
    gui::HistoryDialog none(*workspace, {});
    EXPECT_EQ(none.entryCount(), 0);

    const core::ChildDraft loaded = workspace->family().child(leo).data;
    changeChild([](core::ChildDraft& d) { d.name = "Leo James"; });
    core::ChildDraft mine = loaded;
    mine.name = "Leon";
    workspace->family().updateChild(leo, loaded, mine);
    gui::HistoryDialog every(*workspace, {});
    ASSERT_EQ(every.entryCount(), 1);
    EXPECT_TRUE(field<QListWidget>(&every, "versions")->item(0)->text().contains(QStringLiteral("Profile: Name")));
}
