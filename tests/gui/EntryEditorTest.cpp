// SPDX-License-Identifier: MIT
// The notebook entry editor typed into offscreen: fields, the rules' messages with nothing
// stored and nothing typed lost, the six uses, dated notes added, edited and trashed.
#include "NotebookFixture.h"

#include "common/QtConvert.h"
#include "notebook/EntryEditorDialog.h"
#include "notebook/EvidenceColumn.h"

#include "attune/core/Trash.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace attune;
using core::Section;

namespace {

class EntryEditorTest : public test::NotebookGuiTest {
protected:
    std::unique_ptr<gui::EntryEditorDialog> open(core::Id entryId, Section section = Section::Strengths)
    {
        auto dialog = std::make_unique<gui::EntryEditorDialog>(*workspace, maya, entryId, section);
        dialog->show();
        return dialog;
    }

    template <typename T>
    static T* field(QWidget* root, const char* name)
    {
        auto* found = root->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    static QToolButton* useToggle(QWidget* root, const char* key)
    {
        for (auto* toggle : root->findChildren<QToolButton*>(QStringLiteral("useToggle"))) {
            if (toggle->property("use").toString() == QLatin1String(key))
                return toggle;
        }
        ADD_FAILURE() << key;
        return nullptr;
    }
};

} // namespace

TEST_F(EntryEditorTest, TypingANewEntryAndSavingAddsItWithItsUses)
{
    auto dialog = open(0, Section::Interests);
    QTest::keyClicks(field<QLineEdit>(dialog.get(), "titleField"), QStringLiteral("Drawing maps"));
    QTest::keyClicks(field<QPlainTextEdit>(dialog.get(), "detailsField"), QStringLiteral("Whole cities, with bus routes."));
    QTest::keyClicks(field<QLineEdit>(dialog.get(), "noticedOnField"), QStringLiteral("2025-06-01"));
    field<QCheckBox>(dialog.get(), "pinnedField")->setChecked(true);
    QTest::mouseClick(useToggle(dialog.get(), "connection"), Qt::LeftButton);
    QTest::mouseClick(useToggle(dialog.get(), "cool_down"), Qt::LeftButton);
    EXPECT_TRUE(useToggle(dialog.get(), "cool_down")->text().startsWith(QStringLiteral("✓")));
    QTest::mouseClick(field<QPushButton>(dialog.get(), "saveEntry"), Qt::LeftButton);

    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    const core::Entry entry = workspace->notebook().entry(dialog->entryId());
    EXPECT_EQ(entry.data.section, Section::Interests);
    EXPECT_EQ(entry.data.title, "Drawing maps");
    EXPECT_EQ(entry.data.details, "Whole cities, with bus routes.");
    EXPECT_EQ(entry.data.noticedOn, "2025-06-01");
    EXPECT_TRUE(entry.data.isPinned);
    EXPECT_EQ(entry.data.uses, (core::UseSet{core::Use::Connection, core::Use::CoolDown}));
}

TEST_F(EntryEditorTest, AMissingTitleGetsAMessageAndNothingIsStoredOrLost)
{
    auto dialog = open(0);
    QTest::keyClicks(field<QPlainTextEdit>(dialog.get(), "detailsField"), QStringLiteral("Shares snacks without being asked."));
    QTest::keyClicks(field<QLineEdit>(dialog.get(), "titleField"), QStringLiteral("   "));
    QTest::mouseClick(field<QPushButton>(dialog.get(), "saveEntry"), Qt::LeftButton);

    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(visibleErrors(dialog.get()), QStringList{QStringLiteral("Please give this a title.")});
    EXPECT_TRUE(titles(Section::Strengths).empty());
    EXPECT_EQ(field<QPlainTextEdit>(dialog.get(), "detailsField")->toPlainText(),
              QStringLiteral("Shares snacks without being asked."));

    // Typing in the title clears its message; saving then works.
    QTest::keyClicks(field<QLineEdit>(dialog.get(), "titleField"), QStringLiteral("Generous"));
    EXPECT_TRUE(visibleErrors(dialog.get()).isEmpty());
    EXPECT_TRUE(dialog->save());
    EXPECT_EQ(titles(Section::Strengths), std::vector<std::string>{"Generous"});
}

TEST_F(EntryEditorTest, EveryRuleShowsItsMessageUnderItsField)
{
    auto dialog = open(0);
    field<QLineEdit>(dialog.get(), "titleField")->setText(QString(121, QLatin1Char('a')));
    field<QPlainTextEdit>(dialog.get(), "detailsField")->setPlainText(QString(10'001, QLatin1Char('b')));
    field<QLineEdit>(dialog.get(), "noticedOnField")->setText(QStringLiteral("2030-01-01"));
    EXPECT_FALSE(dialog->save());
    EXPECT_EQ(visibleErrors(dialog.get()),
              (QStringList{QStringLiteral("Please keep the title to 120 characters or fewer; the details can hold more."),
                           QStringLiteral("Please keep the details to 10,000 characters or fewer."),
                           QStringLiteral("That date is in the future. Please check it.")}));
    field<QLineEdit>(dialog.get(), "noticedOnField")->setText(QStringLiteral("last spring"));
    EXPECT_FALSE(dialog->save());
    EXPECT_TRUE(visibleErrors(dialog.get()).contains(QStringLiteral("Please enter the date as year-month-day, like 2024-03-15.")));
    EXPECT_TRUE(titles(Section::Strengths).empty());
    EXPECT_EQ(field<QLineEdit>(dialog.get(), "titleField")->text().size(), 121);
}

TEST_F(EntryEditorTest, HardTextIsStoredExactly)
{
    const QString hard = QStringLiteral("Zoë's 🦕 \"quote\" 'single' <b>not bold</b> \u200F");
    auto dialog = open(0);
    field<QLineEdit>(dialog.get(), "titleField")->setText(hard);
    field<QPlainTextEdit>(dialog.get(), "detailsField")->setPlainText(hard + QStringLiteral("\nline two"));
    ASSERT_TRUE(dialog->save());
    const core::Entry entry = workspace->notebook().entry(dialog->entryId());
    EXPECT_EQ(gui::toQString(entry.data.title), hard.trimmed());
    EXPECT_EQ(gui::toQString(entry.data.details), hard + QStringLiteral("\nline two"));
}

TEST_F(EntryEditorTest, EditingKeepsWhatWasThereAndSavesChanges)
{
    const core::Id id = addEntry(Section::Strengths, "Kind");
    workspace->notebook().setUses(id, {core::Use::Repair});
    auto dialog = open(id);
    EXPECT_EQ(field<QLineEdit>(dialog.get(), "titleField")->text(), QStringLiteral("Kind"));
    EXPECT_TRUE(useToggle(dialog.get(), "repair")->isChecked());
    field<QLineEdit>(dialog.get(), "titleField")->setText(QStringLiteral("Kind to little ones"));
    QTest::mouseClick(useToggle(dialog.get(), "repair"), Qt::LeftButton);
    QTest::keyClick(field<QLineEdit>(dialog.get(), "titleField"), Qt::Key_Return);
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    const core::Entry entry = workspace->notebook().entry(id);
    EXPECT_EQ(entry.data.title, "Kind to little ones");
    EXPECT_TRUE(entry.data.uses.isEmpty());
}

TEST_F(EntryEditorTest, LeavingWithUnsavedChangesAsksFirst)
{
    const core::Id id = addEntry(Section::Strengths, "Kind");
    auto dialog = open(id);
    field<QLineEdit>(dialog.get(), "titleField")->setText(QStringLiteral("Kinder"));
    prompts.confirmAnswer = false;
    dialog->reject();
    EXPECT_TRUE(dialog->isVisible()); // stayed, with what was typed
    EXPECT_EQ(field<QLineEdit>(dialog.get(), "titleField")->text(), QStringLiteral("Kinder"));
    EXPECT_EQ(prompts.asked, QStringList{QStringLiteral("Leave without saving?")});
    prompts.confirmAnswer = true;
    dialog->reject();
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(workspace->notebook().entry(id).data.title, "Kind");
}

TEST_F(EntryEditorTest, ANoteIsAddedOnEnterDatedTodayAndEditedAsTyped)
{
    const core::Id id = addEntry(Section::Skills, "Swims");
    auto dialog = open(id);
    auto* column = field<gui::EvidenceColumn>(dialog.get(), "evidence-entry");
    EXPECT_EQ(field<QLineEdit>(column, "evidenceDay")->text(), QStringLiteral("2026-11-28"));
    QTest::keyClicks(field<QLineEdit>(column, "evidenceText"), QStringLiteral("Swam a whole length!"));
    QTest::keyClick(field<QLineEdit>(column, "evidenceText"), Qt::Key_Return);
    EXPECT_TRUE(dialog->isVisible()); // Enter added the note; it did not close the editor
    auto entry = workspace->notebook().entry(id);
    ASSERT_EQ(entry.evidence.size(), 1u);
    EXPECT_EQ(entry.evidence[0].day, "2026-11-28");
    EXPECT_EQ(entry.evidence[0].text, "Swam a whole length!");
    EXPECT_TRUE(field<QLineEdit>(column, "evidenceText")->text().isEmpty());

    // An earlier day, typed.
    auto* day = field<QLineEdit>(column, "evidenceDay");
    day->setText(QStringLiteral("2026-11-02"));
    QTest::keyClicks(field<QLineEdit>(column, "evidenceText"), QStringLiteral("Jumped in."));
    QTest::mouseClick(field<QPushButton>(column, "addEvidence"), Qt::LeftButton);
    EXPECT_EQ(workspace->notebook().entry(id).evidence.size(), 2u);
    EXPECT_EQ(column->lineCount(), 2);

    // Editing a saved note saves it a moment later.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the rows read before the add
    auto rows = column->findChildren<QLineEdit*>(QStringLiteral("evidenceRowText"));
    ASSERT_EQ(rows.size(), 2);
    rows[0]->selectAll();
    QTest::keyClicks(rows[0], QStringLiteral("Swam two lengths"));
    QTRY_COMPARE(gui::toQString(workspace->notebook().entry(id).evidence[0].text), QStringLiteral("Swam two lengths"));
}

TEST_F(EntryEditorTest, ABrokenNoteKeepsWhatWasTypedAndStoresNothing)
{
    const core::Id id = addEntry(Section::Skills, "Swims");
    auto dialog = open(id);
    auto* column = field<gui::EvidenceColumn>(dialog.get(), "evidence-entry");
    field<QLineEdit>(column, "evidenceDay")->setText(QStringLiteral("next Tuesday"));
    QTest::keyClicks(field<QLineEdit>(column, "evidenceText"), QStringLiteral("Floated on her back"));
    QTest::keyClick(field<QLineEdit>(column, "evidenceText"), Qt::Key_Return);
    EXPECT_EQ(visibleErrors(column), QStringList{QStringLiteral("Please enter the day as year-month-day, like 2024-03-15.")});
    EXPECT_EQ(field<QLineEdit>(column, "evidenceText")->text(), QStringLiteral("Floated on her back"));
    EXPECT_TRUE(workspace->notebook().entry(id).evidence.empty());

    field<QLineEdit>(column, "evidenceDay")->setText(QStringLiteral("2026-11-27"));
    field<QLineEdit>(column, "evidenceText")->setText(QStringLiteral("  "));
    QTest::keyClick(field<QLineEdit>(column, "evidenceText"), Qt::Key_Return);
    EXPECT_EQ(visibleErrors(column), QStringList{QStringLiteral("Please write what you noticed.")});
    EXPECT_TRUE(workspace->notebook().entry(id).evidence.empty());
}

TEST_F(EntryEditorTest, ANoteGoesToTheTrashAndComesBack)
{
    const core::Id id = addEntry(Section::Skills, "Swims");
    workspace->notebook().addEvidence(id, core::EvidenceSide::Entry, "2026-11-01", "First length");
    auto dialog = open(id);
    auto* column = field<gui::EvidenceColumn>(dialog.get(), "evidence-entry");
    QTest::mouseClick(field<QToolButton>(column, "trashEvidence"), Qt::LeftButton);
    EXPECT_TRUE(workspace->notebook().entry(id).evidence.empty());
    QTRY_COMPARE(column->lineCount(), 0);
    const auto trash = workspace->trash().entries();
    ASSERT_EQ(trash.size(), 1u);
    EXPECT_EQ(trash[0].table, "notebook_evidence");
    workspace->trash().restore(trash[0]);
    EXPECT_EQ(workspace->notebook().entry(id).evidence.size(), 1u);
}

TEST_F(EntryEditorTest, AMirrorTraitHasTwoSidesAndTwoColumnsOfNotes)
{
    auto added = open(0, Section::MirrorTraits);
    EXPECT_EQ(added->findChild<QLineEdit*>(QStringLiteral("shineField")) != nullptr, true);
    field<QLineEdit>(added.get(), "titleField")->setText(QStringLiteral("Can't focus on homework"));
    EXPECT_FALSE(added->save());
    EXPECT_EQ(visibleErrors(added.get()), QStringList{QStringLiteral("Please describe where the same trait shines.")});
    field<QLineEdit>(added.get(), "shineField")->setText(QStringLiteral("Spends all day on a Lego build"));
    ASSERT_TRUE(added->save());
    const core::Id id = added->entryId();

    auto dialog = open(id);
    auto* struggle = field<gui::EvidenceColumn>(dialog.get(), "evidence-struggle");
    auto* shine = field<gui::EvidenceColumn>(dialog.get(), "evidence-shine");
    ASSERT_TRUE(struggle && shine);
    QCoreApplication::processEvents();
    EXPECT_LT(struggle->geometry().right(), shine->geometry().left()); // side by side
    EXPECT_EQ(struggle->y(), shine->y());
    EXPECT_TRUE(struggle->addLine(QStringLiteral("2026-11-20"), QStringLiteral("Twenty minutes on one sum")));
    EXPECT_TRUE(shine->addLine(QStringLiteral("2026-11-21"), QStringLiteral("Three hours on the harbour")));
    const core::Entry entry = workspace->notebook().entry(id);
    EXPECT_EQ(core::evidenceOn(entry, core::EvidenceSide::Struggle).at(0).text, "Twenty minutes on one sum");
    EXPECT_EQ(core::evidenceOn(entry, core::EvidenceSide::Shine).at(0).text, "Three hours on the harbour");
}

TEST_F(EntryEditorTest, MovingToTheTrashAsksAndCanBeUndone)
{
    const core::Id id = addEntry(Section::Strengths, "Brave");
    auto dialog = open(id);
    prompts.confirmAnswer = false;
    QTest::mouseClick(field<QPushButton>(dialog.get(), "trashEntryButton"), Qt::LeftButton);
    EXPECT_EQ(titles(Section::Strengths), std::vector<std::string>{"Brave"});
    prompts.confirmAnswer = true;
    QTest::mouseClick(field<QPushButton>(dialog.get(), "trashEntryButton"), Qt::LeftButton);
    EXPECT_TRUE(titles(Section::Strengths).empty());
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    workspace->trash().restore(workspace->trash().entries().at(0));
    EXPECT_EQ(titles(Section::Strengths), std::vector<std::string>{"Brave"});
}
