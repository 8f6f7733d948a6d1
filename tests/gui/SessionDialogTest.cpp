// SPDX-License-Identifier: MIT
// The session dialog: every field reaches the core, the core's messages show under the
// right field with nothing stored, and an existing session is edited in place.
#include "GuiFixture.h"

#include "common/Widgets.h"
#include "onetoone/SessionDialog.h"

#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/TimeLog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>

using namespace attune;

namespace {

class SessionDialogTest : public test::GuiTest {
protected:
    std::unique_ptr<gui::SessionDialog> dialog;
    core::Id maya = 0;

    void SetUp() override
    {
        core::ChildDraft child;
        child.name = "Maya";
        child.goalMinutes = 15;
        maya = workspace->family().addChild(child).meta.id;
    }
    void openNew()
    {
        dialog = std::make_unique<gui::SessionDialog>(*workspace, gui::SessionDialog::newDraft(*workspace, maya));
        dialog->show();
    }
    template <typename T> T* field(const char* name) { return dialog->findChild<T*>(QString::fromLatin1(name)); }
    void save() { QTest::mouseClick(field<QPushButton>("saveSession"), Qt::LeftButton); }
    // The visible messages under the fields, by field name.
    QStringList messages()
    {
        QStringList shown;
        for (auto* label : dialog->findChildren<gui::FieldErrorLabel*>()) {
            if (!label->isHidden())
                shown << label->text();
        }
        return shown;
    }
    std::size_t sessionCount() { return workspace->timeLog().sessions({}).size(); }
};

} // namespace

TEST_F(SessionDialogTest, NewSessionStartsWithTodayAndTheGoal)
{
    openNew();
    EXPECT_EQ(field<QComboBox>("childId")->currentText(), QStringLiteral("Maya"));
    EXPECT_EQ(field<QComboBox>("caregiverUuid")->currentText(), QStringLiteral("Me"));
    EXPECT_EQ(field<QDateEdit>("day")->date(), QDate(2026, 11, 28));
    EXPECT_EQ(field<QSpinBox>("minutes")->value(), 15);
    EXPECT_FALSE(field<QCheckBox>("hasStart")->isChecked());
    EXPECT_EQ(field<QSpinBox>("minutes")->minimum(), 1);
    EXPECT_EQ(field<QSpinBox>("minutes")->maximum(), 600);
    // Mood words come from feelings.json; the chips from activities.json for a new child.
    EXPECT_GE(field<QComboBox>("moodBefore")->findText(QStringLiteral("Happy")), 0);
    EXPECT_GE(field<QComboBox>("moodAfter")->findText(QStringLiteral("Proud")), 0);
    EXPECT_TRUE(field<gui::ChipRow>("activityChips")->chips().contains(QStringLiteral("Play-dough")));
}

TEST_F(SessionDialogTest, EveryFieldIsSaved)
{
    openNew();
    auto* minutes = field<QSpinBox>("minutes");
    minutes->selectAll();
    QTest::keyClicks(minutes, QStringLiteral("22"));
    QTest::mouseClick(field<gui::ChipRow>("activityChips")->chip(QStringLiteral("Toy cars")), Qt::LeftButton);
    field<QCheckBox>("childLed")->setChecked(true);
    field<QCheckBox>("noScreens")->setChecked(true);
    QTest::mouseClick(field<QToolButton>("presence4"), Qt::LeftButton);
    field<QComboBox>("moodBefore")->setEditText(QStringLiteral("Grumpy"));
    field<QComboBox>("moodAfter")->setEditText(QStringLiteral("Calm"));
    QTest::keyClicks(field<QPlainTextEdit>("note"), QStringLiteral("After school"));
    // A text box keeps lines as "\n"; everything else of the hard text arrives as it was.
    std::string hard = test::hardText();
    std::erase(hard, '\r');
    field<QPlainTextEdit>("marvel")->setPlainText(QString::fromUtf8(hard.data(), static_cast<qsizetype>(hard.size())));
    field<QCheckBox>("hasStart")->setChecked(true);
    field<QTimeEdit>("startMs")->setTime(QTime(17, 30));
    save();

    ASSERT_EQ(dialog->result(), QDialog::Accepted);
    const core::Session saved = workspace->timeLog().session(dialog->sessionId());
    const core::SessionDraft& d = saved.data;
    EXPECT_EQ(d.childId, maya);
    EXPECT_EQ(d.day, "2026-11-28");
    EXPECT_EQ(d.minutes, 22);
    EXPECT_EQ(d.activity, "Toy cars");
    EXPECT_TRUE(d.childLed);
    EXPECT_TRUE(d.noScreens);
    EXPECT_FALSE(d.noInterruptions);
    EXPECT_EQ(d.presence, 4);
    EXPECT_EQ(d.moodBefore, "Grumpy");
    EXPECT_EQ(d.moodAfter, "Calm");
    EXPECT_EQ(d.note, "After school");
    EXPECT_EQ(d.marvel, hard);
    ASSERT_TRUE(d.startMs.has_value());
    EXPECT_EQ(*d.startMs, QDateTime(QDate(2026, 11, 28), QTime(17, 30)).toMSecsSinceEpoch());
}

TEST_F(SessionDialogTest, PresenceCanBeLeftBlankAgain)
{
    openNew();
    QTest::mouseClick(field<QToolButton>("presence3"), Qt::LeftButton);
    EXPECT_EQ(dialog->draft().presence, 3);
    QTest::mouseClick(field<QToolButton>("presence5"), Qt::LeftButton);
    EXPECT_EQ(dialog->draft().presence, 5);
    EXPECT_FALSE(field<QToolButton>("presence3")->isChecked());
    QTest::mouseClick(field<QToolButton>("presence5"), Qt::LeftButton);
    EXPECT_EQ(dialog->draft().presence, 0);
}

TEST_F(SessionDialogTest, BrokenRulesShowUnderTheirFieldsAndStoreNothing)
{
    openNew();
    field<QDateEdit>("day")->setDate(QDate(2026, 12, 5));
    field<QComboBox>("activity")->setEditText(QString(121, QLatin1Char('a')));
    field<QComboBox>("moodBefore")->setEditText(QString(41, QLatin1Char('b')));
    save();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(sessionCount(), 0u);
    const QStringList shown = messages();
    EXPECT_TRUE(shown.contains(QStringLiteral("That day hasn't come yet. Please check the date.")));
    EXPECT_TRUE(shown.contains(QStringLiteral("Please keep the activity to 120 characters; the note can hold more.")));
    EXPECT_TRUE(shown.contains(QStringLiteral("Please keep the feeling to 40 characters or fewer.")));
    EXPECT_EQ(shown.size(), 3);
    // What was typed is still there.
    EXPECT_EQ(field<QComboBox>("activity")->currentText().size(), 121);

    // Tomorrow is fine: someone in another time zone may already be there.
    field<QDateEdit>("day")->setDate(QDate(2026, 11, 29));
    field<QComboBox>("activity")->setEditText(QStringLiteral("Lego"));
    field<QComboBox>("moodBefore")->setEditText(QStringLiteral("Tired"));
    save();
    EXPECT_EQ(sessionCount(), 1u);
    EXPECT_TRUE(messages().isEmpty());
}

TEST_F(SessionDialogTest, ChildMustBeChosen)
{
    core::SessionDraft draft = gui::SessionDialog::newDraft(*workspace, maya);
    draft.childId = 0;
    dialog = std::make_unique<gui::SessionDialog>(*workspace, draft);
    dialog->show();
    EXPECT_EQ(field<QComboBox>("childId")->currentIndex(), -1);
    save();
    EXPECT_EQ(messages(), QStringList { QStringLiteral("Please choose a child.") });
    EXPECT_EQ(sessionCount(), 0u);
}

TEST_F(SessionDialogTest, EditingChangesTheSessionInPlace)
{
    core::SessionDraft draft;
    draft.childId = maya;
    draft.day = "2026-11-20";
    draft.minutes = 12;
    draft.activity = "Drawing";
    draft.startMs = 1'795'000'000'000;
    draft.moodAfter = "Proud";
    const core::Id id = workspace->timeLog().addSession(draft).meta.id;

    dialog = std::make_unique<gui::SessionDialog>(*workspace, id);
    dialog->show();
    EXPECT_TRUE(dialog->isEditing());
    EXPECT_EQ(field<QSpinBox>("minutes")->value(), 12);
    EXPECT_EQ(field<QComboBox>("activity")->currentText(), QStringLiteral("Drawing"));
    EXPECT_EQ(field<QComboBox>("moodAfter")->currentText(), QStringLiteral("Proud"));
    EXPECT_TRUE(field<QCheckBox>("hasStart")->isChecked());
    // Untouched, the start instant is kept to the millisecond.
    core::SessionDraft expected = draft;
    expected.caregiverUuid = workspace->currentCaregiver();
    EXPECT_EQ(dialog->draft(), expected);
    field<QPlainTextEdit>("note")->setPlainText(QStringLiteral("Long one"));
    save();
    EXPECT_EQ(sessionCount(), 1u);
    const core::Session saved = workspace->timeLog().session(id);
    EXPECT_EQ(saved.data.note, "Long one");
    EXPECT_EQ(saved.data.startMs, draft.startMs);
}

TEST_F(SessionDialogTest, ATimersMinutesAreNotDroppedByAStrayEscape)
{
    core::SessionDraft draft = gui::SessionDialog::newDraft(*workspace, maya);
    draft.minutes = 14;
    dialog = std::make_unique<gui::SessionDialog>(*workspace, draft);
    dialog->setFromTimer(true);
    dialog->show();
    prompts.confirmAnswer = false;
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(prompts.asked.back(), QStringLiteral("Leave without logging?"));
    prompts.confirmAnswer = true;
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(sessionCount(), 0u);
}

TEST_F(SessionDialogTest, InterestsFromTheNotebookAreAmongTheActivityChips)
{
    core::EntryDraft interest;
    interest.section = core::Section::Interests;
    interest.title = "Marble runs";
    workspace->notebook().addEntry(maya, interest);
    const QStringList chips = gui::activityChips(*workspace, maya, 10);
    EXPECT_TRUE(chips.contains(QStringLiteral("Marble runs"))) << chips.join(QStringLiteral(", ")).toStdString();
    EXPECT_FALSE(gui::activityChips(*workspace, addChild("Leo"), 10).contains(QStringLiteral("Marble runs")))
        << "another child's interests stay theirs";
}

TEST_F(SessionDialogTest, TheMarvelCanBeKeptInTheNotebook)
{
    openNew();
    auto* keep = field<QPushButton>("keepMarvel");
    ASSERT_NE(keep, nullptr);
    EXPECT_EQ(keep->text(), QStringLiteral("Keep in the notebook…"));
}
