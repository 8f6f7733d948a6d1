// SPDX-License-Identifier: MIT
// "From anywhere to the notebook": a marvel kept as a note on an entry, or as a new entry, in
// two clicks; and the messages when something is missing.
#include "NotebookFixture.h"

#include "notebook/KeepMarvelDialog.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace attune;
using core::Section;

namespace {

class KeepMarvelTest : public test::NotebookGuiTest {
protected:
    static QListWidgetItem* row(QListWidget* list, const QString& text)
    {
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::AccessibleTextRole).toString() == text)
                return list->item(i);
        }
        ADD_FAILURE() << text.toStdString();
        return nullptr;
    }

    static void click(QListWidget* list, QListWidgetItem* item)
    {
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    }
};

} // namespace

TEST_F(KeepMarvelTest, TwoClicksAddItAsANoteToAnEntry)
{
    const core::Id kind = addEntry(Section::Strengths, "Kind");
    addEntry(Section::Interests, "Trains");
    gui::KeepMarvelDialog dialog(*workspace, maya, QStringLiteral("Shared her last biscuit with Leo"),
                                 QStringLiteral("2026-11-27"));
    dialog.show();
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("marvelDestinations"));
    auto* keep = dialog.findChild<QPushButton*>(QStringLiteral("keepMarvel"));
    EXPECT_FALSE(keep->isEnabled()); // nothing chosen yet
    click(list, row(list, QStringLiteral("Kind")));
    QTest::mouseClick(keep, Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_FALSE(dialog.marvelResult().isNewEntry);
    const auto evidence = workspace->notebook().entry(kind).evidence;
    ASSERT_EQ(evidence.size(), 1u);
    EXPECT_EQ(evidence[0].day, "2026-11-27");
    EXPECT_EQ(evidence[0].text, "Shared her last biscuit with Leo");
}

TEST_F(KeepMarvelTest, OrStartANewEntryInAChosenSection)
{
    gui::KeepMarvelDialog dialog(*workspace, maya, QStringLiteral("Named every bird at the pond 🦆"),
                                 QStringLiteral("2026-11-28"));
    dialog.show();
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("marvelDestinations"));
    click(list, row(list, QStringLiteral("New interest")));
    auto* title = dialog.findChild<QLineEdit*>(QStringLiteral("marvelTitle"));
    EXPECT_TRUE(title->isVisible());
    QTest::keyClicks(title, QStringLiteral("Birds"));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("keepMarvel")), Qt::LeftButton);
    ASSERT_TRUE(dialog.marvelResult().isNewEntry);
    const core::Entry entry = workspace->notebook().entry(dialog.marvelResult().entryId);
    EXPECT_EQ(entry.data.section, Section::Interests);
    EXPECT_EQ(entry.data.title, "Birds");
    ASSERT_EQ(entry.evidence.size(), 1u);
    EXPECT_EQ(entry.evidence[0].text, "Named every bird at the pond 🦆");
}

TEST_F(KeepMarvelTest, DoubleClickKeepsItOnTheShiningSideOfAMirrorTrait)
{
    const core::Id mirror = addEntry(Section::MirrorTraits, "Won't do homework", false, "Builds for hours");
    bool kept = false;
    onNextDialog<gui::KeepMarvelDialog>([](gui::KeepMarvelDialog* dialog) {
        auto* list = dialog->findChild<QListWidget*>(QStringLiteral("marvelDestinations"));
        QListWidgetItem* item = row(list, QStringLiteral("Won't do homework ↔ Builds for hours"));
        const QPoint at = list->visualItemRect(item).center();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at); // a double click starts with a click
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
        if (dialog->isVisible()) { // never leave the test waiting on an open dialog
            ADD_FAILURE() << "the double click did not keep it";
            dialog->reject();
        }
    });
    kept = gui::KeepMarvelDialog::keepMarvel(*workspace, maya, QStringLiteral("A drawbridge that works"),
                                             QStringLiteral("2026-11-28"), nullptr);
    EXPECT_TRUE(kept);
    const auto shine = core::evidenceOn(workspace->notebook().entry(mirror), core::EvidenceSide::Shine);
    ASSERT_EQ(shine.size(), 1u);
    EXPECT_EQ(shine[0].text, "A drawbridge that works");
}

TEST_F(KeepMarvelTest, NothingWrittenGetsAMessageAndNothingIsStored)
{
    const core::Id kind = addEntry(Section::Strengths, "Kind");
    gui::KeepMarvelDialog dialog(*workspace, maya, QStringLiteral("   "), QStringLiteral("someday"));
    dialog.show();
    EXPECT_FALSE(dialog.keep());
    EXPECT_EQ(visibleErrors(&dialog), QStringList{QStringLiteral("Please choose where it belongs.")});
    dialog.chooseEntry(kind);
    EXPECT_FALSE(dialog.keep());
    EXPECT_EQ(visibleErrors(&dialog), (QStringList{QStringLiteral("Please write what you noticed."),
                                                   QStringLiteral("Please enter the day as year-month-day, like 2024-03-15.")}));
    EXPECT_TRUE(workspace->notebook().entry(kind).evidence.empty());
    // What was typed stays; fixing it keeps it.
    dialog.findChild<QPlainTextEdit*>(QStringLiteral("marvelText"))->setPlainText(QStringLiteral("Hugged a sad friend"));
    dialog.findChild<QLineEdit*>(QStringLiteral("marvelDay"))->setText(QStringLiteral("2026-11-28"));
    EXPECT_TRUE(dialog.keep());
    EXPECT_EQ(workspace->notebook().entry(kind).evidence.size(), 1u);
}
