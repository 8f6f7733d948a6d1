// SPDX-License-Identifier: MIT
// Attune's file deleted or replaced while the window is open: the parent is told at once, what
// they typed stays in the form, and "Keep my notes safe…" puts everything in a new file.
#include "GuiFixture.h"

#include "family/ChildEditorDialog.h"
#include "main/FileMovedBanner.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <filesystem>

using namespace attune;

namespace {

class FileMovedTest : public test::GuiTest {
protected:
    QWidget window;
    gui::FileMovedBanner* banner = nullptr;

    void SetUp() override
    {
        banner = new gui::FileMovedBanner(*workspace, &window);
        window.show();
    }
    std::size_t childCount() { return workspace->family().children(true).size(); }
};

} // namespace

TEST_F(FileMovedTest, HiddenWhileTheFileIsInPlace)
{
    banner->check();
    EXPECT_TRUE(banner->isHidden());
}

TEST_F(FileMovedTest, DeletedFileShowsTheBannerAndTheFormKeepsItsText)
{
    addChild("Maya");
    QSignalSpy gone(banner, &gui::FileMovedBanner::fileGoneChanged);
    std::filesystem::remove(dir / "family.sqlite");
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), 5000); // the two-second look
    ASSERT_EQ(gone.count(), 1);
    EXPECT_TRUE(gone.front().front().toBool());

    gui::ChildEditorDialog editor(*workspace, 0);
    editor.show();
    auto* name = editor.findChild<QLineEdit*>(QStringLiteral("name"));
    ASSERT_NE(name, nullptr);
    QTest::keyClicks(name, QStringLiteral("Leo"));
    QTest::mouseClick(editor.findChild<QPushButton*>(QStringLiteral("saveChild")), Qt::LeftButton);
    ASSERT_EQ(prompts.warnings.size(), 1);
    EXPECT_TRUE(prompts.warnings.front().contains(QStringLiteral("moved, deleted or replaced")))
        << prompts.warnings.front().toStdString();
    EXPECT_TRUE(editor.isVisible());
    EXPECT_EQ(name->text(), QStringLiteral("Leo"));
    EXPECT_EQ(childCount(), 1u);

    // Cancelling the file dialog changes nothing; the banner stays.
    prompts.saveFile.clear();
    EXPECT_FALSE(banner->keepNotesSafe());
    EXPECT_FALSE(banner->isHidden());

    // Back where it was: everything saved before is there, and saving works again.
    prompts.saveFile = QString::fromStdString((dir / "family.sqlite").string());
    QSignalSpy relocated(banner, &gui::FileMovedBanner::relocated);
    EXPECT_TRUE(banner->keepNotesSafe());
    EXPECT_EQ(relocated.count(), 1);
    EXPECT_TRUE(banner->isHidden());
    ASSERT_EQ(gone.count(), 2);
    EXPECT_FALSE(gone.back().front().toBool());
    QTest::mouseClick(editor.findChild<QPushButton*>(QStringLiteral("saveChild")), Qt::LeftButton);
    EXPECT_EQ(childCount(), 2u);

    workspace->database().close();
    core::Database reopened = core::Database::open(dir / "family.sqlite");
    core::Store store(reopened, clock);
    EXPECT_EQ(core::Family(store).children(true).size(), 2u);
}

TEST_F(FileMovedTest, ReplacedFileIsLeftAloneAndANameThatIsTakenIsRefused)
{
    addChild("Maya");
    const auto path = dir / "family.sqlite";
    core::Database::create(dir / "other.sqlite").close();
    std::filesystem::rename(dir / "other.sqlite", path);
    banner->check();
    EXPECT_FALSE(banner->isHidden());

    prompts.saveFile = QString::fromStdString(path.string()); // taken by the other file
    EXPECT_FALSE(banner->keepNotesSafe());
    ASSERT_EQ(prompts.warnings.size(), 1);
    EXPECT_TRUE(prompts.warnings.front().contains(QStringLiteral("already a file")));

    prompts.saveFile = QString::fromStdString((dir / "kept.sqlite").string());
    EXPECT_TRUE(banner->keepNotesSafe());
    EXPECT_EQ(childCount(), 1u);
    addChild("Leo");
    EXPECT_EQ(childCount(), 2u);
}
