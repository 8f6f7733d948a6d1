// SPDX-License-Identifier: MIT
// The one-page profile: what is chosen to begin with, and the PDF itself, read back with
// pdftotext — one page, the chosen words on it, the rest not.
#include "NotebookFixture.h"

#include "notebook/NotebookPage.h"
#include "notebook/OnePageProfile.h"
#include "notebook/OnePageProfileDialog.h"

#include "attune/core/Family.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace attune;
using core::Section;

namespace {

class OnePageProfileTest : public test::NotebookGuiTest {
protected:
    core::Id brave = 0;
    core::Id drawing = 0;
    core::Id patient = 0;
    core::Id trains = 0;
    core::Id hug = 0;
    core::Id noisy = 0;

    void SetUp() override
    {
        NotebookGuiTest::SetUp();
        brave = addEntry(Section::Strengths, "Brave with new people", true);
        patient = addEntry(Section::Strengths, "Patient with puzzles");
        drawing = addEntry(Section::Interests, "Drawing dragons", true);
        trains = addEntry(Section::Interests, "Steam trains");
        addEntry(Section::MirrorTraits, "Can't sit still", false, "Dances like nobody's watching");
        hug = workspace->family().addCoregItem(maya, "touch", "Firm hug", core::CoregRating::Helps).meta.id;
        noisy = workspace->family().addCoregItem(maya, "overloads", "Busy shops", core::CoregRating::Avoid).meta.id;
        workspace->family().addCoregItem(maya, "light", "Lamp light", core::CoregRating::Neutral);
        workspace->family().addCoregItem(maya, "words_that_help", "I'm right here", core::CoregRating::Helps);
    }

    // The PDF's text, and its number of pages (pdftotext ends every page with a form feed).
    static std::pair<QString, int> readPdf(const QString& path)
    {
        QProcess process;
        process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        EXPECT_TRUE(process.waitForFinished(20'000));
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        return {text, static_cast<int>(text.count(QLatin1Char('\f')))};
    }

    static bool isChosen(const std::vector<gui::ProfileChoice>& choices, gui::ProfileChoice::Kind kind, qint64 id)
    {
        for (const auto& choice : choices) {
            if (choice.kind == kind && choice.id == id)
                return choice.isChosen;
        }
        ADD_FAILURE() << id;
        return false;
    }
};

} // namespace

TEST_F(OnePageProfileTest, PinnedStrengthsInterestsAndHelpsOrAvoidAreChosenToBeginWith)
{
    using Kind = gui::ProfileChoice::Kind;
    const auto choices = gui::loadProfileChoices(*workspace, maya);
    EXPECT_TRUE(isChosen(choices, Kind::Entry, brave));
    EXPECT_FALSE(isChosen(choices, Kind::Entry, patient));
    EXPECT_TRUE(isChosen(choices, Kind::Entry, drawing));
    EXPECT_FALSE(isChosen(choices, Kind::Entry, trains));
    EXPECT_TRUE(isChosen(choices, Kind::Coreg, hug));
    EXPECT_TRUE(isChosen(choices, Kind::Coreg, noisy));
    for (const auto& choice : choices)
        EXPECT_NE(choice.title, QStringLiteral("Lamp light")); // neutral items are not offered

    const gui::OnePageProfile profile = gui::buildOnePageProfile(*workspace, maya, choices);
    ASSERT_EQ(profile.sections.size(), 3u);
    EXPECT_EQ(profile.sections[0].heading, QStringLiteral("What we admire about you"));
    EXPECT_EQ(profile.sections[1].heading, QStringLiteral("What matters to you"));
    EXPECT_EQ(profile.sections[2].heading, QStringLiteral("How best to support you"));
    QStringList captions;
    for (const auto& group : profile.sections[2].groups)
        captions << group.caption;
    EXPECT_EQ(captions, (QStringList{QStringLiteral("What helps"), QStringLiteral("Words that help"),
                                     QStringLiteral("What makes it harder")}));
}

TEST_F(OnePageProfileTest, ThePdfIsOnePageWithTheChosenWordsAndNotTheOthers)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    auto choices = gui::loadProfileChoices(*workspace, maya);
    for (auto& choice : choices) {
        if (choice.kind == gui::ProfileChoice::Kind::Entry && choice.id == patient)
            choice.isChosen = true; // chosen by the parent
        if (choice.kind == gui::ProfileChoice::Kind::Coreg && choice.id == noisy)
            choice.isChosen = false; // left off by the parent
    }
    const QString path = QString::fromStdString((dir / "maya.pdf").string());
    QElapsedTimer timer;
    timer.start();
    ASSERT_TRUE(gui::writeOnePageProfilePdf(gui::buildOnePageProfile(*workspace, maya, choices), QPageSize::A4, path));
    std::fprintf(stderr, "one-page PDF written in %lld ms\n", static_cast<long long>(timer.elapsed()));

    const auto [text, pages] = readPdf(path);
    EXPECT_EQ(pages, 1);
    for (const char* expected : {"Maya", "What we admire about you", "Brave with new people", "Patient with puzzles",
                                 "What matters to you", "Drawing dragons", "How best to support you", "Firm hug",
                                 "I'm right here"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(expected))) << expected << "\n" << text.toStdString();
    for (const char* absent : {"Steam trains", "Busy shops", "Lamp light", "Dances like"})
        EXPECT_FALSE(text.contains(QString::fromUtf8(absent))) << absent;
}

TEST_F(OnePageProfileTest, EvenAVeryFullProfileStaysOnOnePage)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    for (int i = 0; i < 60; ++i)
        addEntry(Section::Strengths, "Strength number " + std::to_string(i) + " with quite a long title to wrap", true);
    const QString path = QString::fromStdString((dir / "full.pdf").string());
    ASSERT_TRUE(gui::writeOnePageProfilePdf(gui::buildOnePageProfile(*workspace, maya, gui::loadProfileChoices(*workspace, maya)),
                                            QPageSize::Letter, path));
    EXPECT_EQ(readPdf(path).second, 1);
}

TEST_F(OnePageProfileTest, TheDialogSavesWhereTheParentChose)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    gui::OnePageProfileDialog dialog(*workspace, maya);
    dialog.show();
    auto* interests = dialog.findChild<QListWidget*>(QStringLiteral("choices-matters"));
    ASSERT_NE(interests, nullptr);
    for (int row = 0; row < interests->count(); ++row) {
        if (interests->item(row)->text() == QStringLiteral("Steam trains"))
            interests->item(row)->setCheckState(Qt::Checked); // as a click on its box does
    }
    dialog.setChosen(gui::ProfileChoice::Kind::Entry, brave, false);

    // Cancelled: nothing written.
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("saveProfilePdf")), Qt::LeftButton);
    EXPECT_EQ(prompts.asked, QStringList{QStringLiteral("Save the one-page profile")});

    prompts.saveFile = QString::fromStdString((dir / "for-grandma").string()); // ".pdf" is added
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("saveProfilePdf")), Qt::LeftButton);
    const QString written = prompts.saveFile + QStringLiteral(".pdf");
    ASSERT_TRUE(QFile::exists(written));
    const auto [text, pages] = readPdf(written);
    EXPECT_EQ(pages, 1);
    EXPECT_TRUE(text.contains(QStringLiteral("Steam trains")));
    EXPECT_FALSE(text.contains(QStringLiteral("Brave with new people")));

    // A folder that cannot be written: a plain message, the dialog stays.
    prompts.saveFile = QStringLiteral("/proc/attune-cannot-write-here.pdf");
    EXPECT_FALSE(dialog.saveAsPdf());
    EXPECT_EQ(prompts.warnings.size(), 1);
    EXPECT_TRUE(dialog.isVisible());
}

TEST_F(OnePageProfileTest, TheSamePageRendersAsAPicture)
{
    const QImage image = gui::renderOnePageProfile(gui::buildOnePageProfile(*workspace, maya,
                                                                            gui::loadProfileChoices(*workspace, maya)),
                                                   QPageSize::A4, 72);
    EXPECT_EQ(image.size(), QSize(595, 842));
    EXPECT_NE(image.pixel(60, 70), image.pixel(5, 5)); // the avatar is drawn; the margin is white
}
