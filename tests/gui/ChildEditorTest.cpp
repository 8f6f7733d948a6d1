// SPDX-License-Identifier: MIT
// The child editor driven as a parent would: typing, clicking Save, reading the messages.
#include "GuiFixture.h"

#include "common/Widgets.h"
#include "family/ChildEditorDialog.h"

#include "attune/core/Family.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace attune;

namespace {

class ChildEditorTest : public test::GuiTest {
protected:
    gui::ChildEditorDialog* dialog = nullptr;

    void open(core::Id id = 0) { dialog = new gui::ChildEditorDialog(*workspace, id); }
    void TearDown() override { delete dialog; }

    QLineEdit* field(const char* name) { return dialog->findChild<QLineEdit*>(QString::fromLatin1(name)); }
    void type(const char* name, const QString& text)
    {
        QLineEdit* edit = field(name);
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }
    void clickSave()
    {
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveChild")), Qt::LeftButton);
    }
    // The visible error message under the field called `name`.
    QString errorUnder(const char* name)
    {
        QWidget* box = field(name) ? field(name)->parentWidget()
                                   : dialog->findChild<QWidget*>(QString::fromLatin1(name))->parentWidget();
        for (auto* label : box->findChildren<gui::FieldErrorLabel*>()) {
            if (!label->isHidden())
                return label->text();
        }
        return {};
    }
    std::size_t childCount() { return workspace->family().children(true).size(); }
};

} // namespace

TEST_F(ChildEditorTest, SavingWithoutANameSaysSoAndStoresNothing)
{
    open();
    dialog->show();
    clickSave();
    EXPECT_EQ(errorUnder("name"), QStringLiteral("Please enter your child's name."));
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(childCount(), 0u);
}

TEST_F(ChildEditorTest, BadBirthDatesAreExplainedNextToTheField)
{
    open();
    dialog->show();
    type("name", QStringLiteral("Maya"));
    type("birthDate", QStringLiteral("23/04/2019"));
    clickSave();
    EXPECT_EQ(errorUnder("birthDate"), QStringLiteral("Please enter the birth date as year-month-day, like 2019-04-23."));
    type("birthDate", QStringLiteral("2099-01-01"));
    EXPECT_EQ(errorUnder("birthDate"), QString()) << "typing clears the old message";
    clickSave();
    EXPECT_EQ(errorUnder("birthDate"), QStringLiteral("That date is in the future. Please check it."));
    type("birthDate", QStringLiteral("1850-01-01"));
    clickSave();
    EXPECT_EQ(errorUnder("birthDate"), QStringLiteral("That date is before 1900. Please check the year."));
    EXPECT_EQ(childCount(), 0u);
}

TEST_F(ChildEditorTest, TooLongANameIsRefused)
{
    open();
    dialog->show();
    type("name", QString(81, QLatin1Char('a')));
    clickSave();
    EXPECT_EQ(errorUnder("name"), QStringLiteral("Please keep the name to 80 characters or fewer."));
    EXPECT_EQ(childCount(), 0u);
}

TEST_F(ChildEditorTest, AValidChildIsSavedWithEveryField)
{
    open();
    dialog->show();
    field("name")->setText(QStringLiteral("  Maya 🌈 ")); // QTest cannot type emoji
    type("birthDate", QStringLiteral("2019-04-23"));
    dialog->findChild<QComboBox*>(QStringLiteral("pronouns"))->setCurrentText(QStringLiteral("she/her"));
    auto* goal = dialog->findChild<QSpinBox*>(QStringLiteral("goalMinutes"));
    goal->setValue(20);
    auto* story = dialog->findChild<QPlainTextEdit*>(QStringLiteral("birthStory"));
    QTest::keyClicks(story, QStringLiteral("It snowed."));
    clickSave();
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    const core::Child child = workspace->family().child(dialog->childId());
    EXPECT_EQ(child.data.name, "Maya \xF0\x9F\x8C\x88");
    EXPECT_EQ(child.data.birthDate, "2019-04-23");
    EXPECT_EQ(child.data.pronouns, "she/her");
    EXPECT_EQ(child.data.goalMinutes, 20);
    EXPECT_EQ(child.data.birthStory, "It snowed.");
    EXPECT_EQ(child.data.avatarColor.size(), 7u);
}

TEST_F(ChildEditorTest, GoalCannotBeTypedOutOfRange)
{
    open();
    auto* goal = dialog->findChild<QSpinBox*>(QStringLiteral("goalMinutes"));
    goal->setValue(0);
    EXPECT_EQ(goal->value(), 1);
    goal->setValue(999);
    EXPECT_EQ(goal->value(), 240);
}

TEST_F(ChildEditorTest, APhotoIsScaledDownAndStored)
{
    QImage big(3000, 2000, QImage::Format_RGB32);
    big.fill(QColor(QStringLiteral("#88aacc")));
    const QString file = QString::fromStdString((dir / "big.png").string());
    ASSERT_TRUE(big.save(file));
    prompts.imageFile = file;

    open();
    dialog->show();
    type("name", QStringLiteral("Leo"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("choosePhoto")), Qt::LeftButton);
    clickSave();
    const std::string photo = workspace->family().child(dialog->childId()).data.photo;
    ASSERT_FALSE(photo.empty());
    QImage stored;
    ASSERT_TRUE(stored.loadFromData(QByteArray(photo.data(), static_cast<qsizetype>(photo.size()))));
    EXPECT_EQ(stored.width(), 512);
    EXPECT_LT(photo.size(), 200u * 1024u);
}

TEST_F(ChildEditorTest, ANonPictureFileIsRefusedPlainly)
{
    test::writeFile(dir / "notes.png", "this is not a picture");
    prompts.imageFile = QString::fromStdString((dir / "notes.png").string());
    open();
    dialog->show();
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("choosePhoto")), Qt::LeftButton);
    QStringList shown;
    for (auto* label : dialog->findChildren<gui::FieldErrorLabel*>()) {
        if (!label->isHidden())
            shown << label->text();
    }
    EXPECT_EQ(shown, QStringList{QStringLiteral("That file doesn't look like a picture. Please choose a photo.")});
}

TEST_F(ChildEditorTest, EditingKeepsWhatWasThereAndSavesChanges)
{
    const core::Id id = addChild("Maya");
    open(id);
    dialog->show();
    EXPECT_EQ(field("name")->text(), QStringLiteral("Maya"));
    type("name", QStringLiteral("Maya Rose"));
    clickSave();
    EXPECT_EQ(workspace->family().child(id).data.name, "Maya Rose");
    EXPECT_EQ(childCount(), 1u);
}
