// SPDX-License-Identifier: MIT
// The co-regulation profile editor driven offscreen: add, rate, note, remove.
#include "GuiFixture.h"

#include "common/Widgets.h"
#include "family/CoregulationEditor.h"

#include "attune/core/Family.h"
#include "attune/core/Trash.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace attune;

namespace {

class CoregulationEditorTest : public test::GuiTest {
protected:
    core::Id maya = 0;
    std::unique_ptr<gui::CoregulationEditor> editor;

    void SetUp() override
    {
        maya = addChild("Maya");
        editor = std::make_unique<gui::CoregulationEditor>(*workspace);
        editor->setChild(maya);
        editor->resize(900, 500);
        editor->show();
    }

    void typeNewItem(const QString& text)
    {
        auto* combo = editor->findChild<QComboBox*>(QStringLiteral("newCoregLabel"));
        combo->lineEdit()->clear();
        QTest::keyClicks(combo->lineEdit(), text);
        QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    }

    QToolButton* button(const QString& accessibleName)
    {
        for (auto* candidate : editor->findChildren<QToolButton*>()) {
            if (candidate->accessibleName() == accessibleName)
                return candidate;
        }
        return nullptr;
    }
};

} // namespace

TEST_F(CoregulationEditorTest, CategoriesComeFromTheShippedContent)
{
    auto* list = editor->findChild<QListWidget*>(QStringLiteral("coregCategories"));
    EXPECT_EQ(static_cast<std::size_t>(list->count()), workspace->content().coregCategories.size());
    EXPECT_GE(list->count(), 14);
}

TEST_F(CoregulationEditorTest, TypingAnItemAndPressingEnterSavesIt)
{
    editor->showCategory(QStringLiteral("touch"));
    typeNewItem(QStringLiteral("Squeeze on the shoulder"));
    const auto items = workspace->family().coregItems(maya);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].category, "touch");
    EXPECT_EQ(items[0].label, "Squeeze on the shoulder");
    EXPECT_EQ(items[0].rating, core::CoregRating::Helps);
}

TEST_F(CoregulationEditorTest, AnEmptyItemGetsAMessageAndNothingIsSaved)
{
    editor->showCategory(QStringLiteral("voice"));
    typeNewItem(QStringLiteral("   "));
    EXPECT_TRUE(workspace->family().coregItems(maya).empty());
    bool sawMessage = false;
    for (auto* label : editor->findChildren<gui::FieldErrorLabel*>())
        sawMessage = sawMessage || label->text() == QStringLiteral("Please describe what helps or doesn't, in a few words.");
    EXPECT_TRUE(sawMessage);
}

TEST_F(CoregulationEditorTest, RatingAndNoteAreSavedAsTheyChange)
{
    editor->showCategory(QStringLiteral("sound"));
    typeNewItem(QStringLiteral("Loud places"));
    QToolButton* avoid = button(QStringLiteral("Loud places: Avoid"));
    ASSERT_NE(avoid, nullptr);
    QTest::mouseClick(avoid, Qt::LeftButton);
    EXPECT_EQ(workspace->family().coregItems(maya)[0].rating, core::CoregRating::Avoid);

    QLineEdit* note = nullptr;
    for (auto* edit : editor->findChildren<QLineEdit*>()) {
        if (edit->accessibleName() == QStringLiteral("Note for Loud places"))
            note = edit;
    }
    ASSERT_NE(note, nullptr);
    QTest::keyClicks(note, QStringLiteral("Ear defenders help"));
    // Autosave waits for a pause in typing, then writes without any button.
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(workspace->family().coregItems(maya)[0].note),
                              QStringLiteral("Ear defenders help"), 3000);
}

TEST_F(CoregulationEditorTest, RemoveMovesTheItemToTheTrash)
{
    editor->showCategory(QStringLiteral("light"));
    typeNewItem(QStringLiteral("Dim lamp"));
    QTest::mouseClick(button(QStringLiteral("Remove Dim lamp")), Qt::LeftButton);
    EXPECT_TRUE(workspace->family().coregItems(maya).empty());
    ASSERT_EQ(workspace->trash().entries().size(), 1u);
    EXPECT_EQ(workspace->trash().entries()[0].title, "Dim lamp");
}
