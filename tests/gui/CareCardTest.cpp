// SPDX-License-Identifier: MIT
// The care card: what is ticked to begin with, the PDF read back with pdftotext (one page, the
// ticked lines on it, the unticked not), the emergency line's limit, a child with nothing yet,
// and text in any script.
#include "NotebookFixture.h"

#include "common/QtConvert.h"
#include "family/CareCard.h"
#include "family/CareCardDialog.h"
#include "family/ProfilePage.h"

#include "attune/core/Family.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace attune;
using core::CoregRating;
using core::Section;

namespace {

class CareCardTest : public test::NotebookGuiTest {
protected:
    core::Id hug = 0;
    core::Id lamp = 0;
    core::Id shops = 0;
    core::Id loud = 0;
    core::Id words = 0;
    core::Id brave = 0;
    core::Id lego = 0;
    core::Id kind = 0;
    core::Id singing = 0;

    void SetUp() override
    {
        NotebookGuiTest::SetUp();
        auto& family = workspace->family();
        hug = family.addCoregItem(maya, "touch", "Firm hug", CoregRating::Helps, "Only when she asks.").meta.id;
        lamp = family.addCoregItem(maya, "light", "Lamp light", CoregRating::Neutral).meta.id;
        shops = family.addCoregItem(maya, "overloads", "Busy shops", CoregRating::Avoid).meta.id;
        loud = family.addCoregItem(maya, "warning_signs", "Gets loud and fast", CoregRating::Helps).meta.id;
        words = family.addCoregItem(maya, "words_that_help", "I'm right here", CoregRating::Helps).meta.id;
        lego = addEntry(Section::Strengths, "Building Lego towers");
        kind = addEntry(Section::Strengths, "Kind to little ones");
        singing = addEntry(Section::Strengths, "Singing in the car");
        brave = addEntry(Section::Strengths, "Brave with new people", true); // pinned: first
    }

    static bool hasPdftotext() { return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(); }

    // The PDF's text, and its number of pages (pdftotext ends every page with a form feed).
    static std::pair<QString, int> readPdf(const QString& path)
    {
        QProcess process;
        process.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        EXPECT_TRUE(process.waitForFinished(20'000));
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        return {text, static_cast<int>(text.count(QLatin1Char('\f')))};
    }

    static const gui::CareLine* find(const std::vector<gui::CareLine>& lines, bool isStrength, qint64 id)
    {
        for (const auto& line : lines) {
            if (line.isStrength == isStrength && line.id == id)
                return &line;
        }
        return nullptr;
    }

    QString pdfPath(const char* name) const { return QString::fromStdString((dir / name).string()); }
};

} // namespace

TEST_F(CareCardTest, HelpsAvoidSignsWordsAndThreeTopStrengthsAreTickedToBeginWith)
{
    const auto lines = gui::loadCareLines(*workspace, maya);
    for (const auto& [id, section] : {std::pair{hug, gui::CareSection::Helps}, std::pair{shops, gui::CareSection::Avoid},
                                      std::pair{loud, gui::CareSection::Signs}, std::pair{words, gui::CareSection::Words}}) {
        const gui::CareLine* line = find(lines, false, id);
        ASSERT_NE(line, nullptr) << id;
        EXPECT_EQ(line->section, section);
        EXPECT_TRUE(line->isChosen);
    }
    EXPECT_EQ(find(lines, false, lamp), nullptr); // neutral is not offered
    EXPECT_EQ(find(lines, false, hug)->context, QStringLiteral("Touch"));
    EXPECT_EQ(find(lines, false, hug)->detail, QStringLiteral("Only when she asks."));
    EXPECT_EQ(find(lines, false, words)->text, QStringLiteral("“I'm right here”"));

    // Pinned first, then the notebook's order; the first three are ticked.
    std::vector<qint64> strengths;
    for (const auto& line : lines) {
        if (line.isStrength)
            strengths.push_back(line.id);
    }
    EXPECT_EQ(strengths, (std::vector<qint64>{brave, lego, kind, singing}));
    EXPECT_TRUE(find(lines, true, brave)->isChosen);
    EXPECT_TRUE(find(lines, true, kind)->isChosen);
    EXPECT_FALSE(find(lines, true, singing)->isChosen);

    const gui::CareCard card = gui::buildCareCard(*workspace, maya, lines, QStringLiteral("  Sam on 0123  "));
    EXPECT_EQ(card.emergency, QStringLiteral("Sam on 0123"));
    QStringList headings;
    for (const auto& section : card.sections)
        headings << section.heading;
    EXPECT_EQ(headings, (QStringList{QStringLiteral("What helps Maya feel safe"), QStringLiteral("Please avoid"),
                                     QStringLiteral("Early signs Maya is struggling"), QStringLiteral("Words that help"),
                                     QStringLiteral("Maya shines at")}));
    EXPECT_TRUE(card.footer.contains(QStringLiteral("28 November 2026"))) << card.footer.toStdString();
}

TEST_F(CareCardTest, ThePdfIsOnePageWithTheTickedLinesAndNotTheOthers)
{
    if (!hasPdftotext())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    workspace->family().addCoregItem(maya, "not_to_do", "Don't rush me", CoregRating::Avoid);
    gui::CareCardDialog dialog(*workspace, maya);
    dialog.show();
    dialog.setChosen(false, shops, false);  // left off by the parent
    dialog.setChosen(true, singing, true);  // added by the parent
    auto* helps = dialog.findChild<QListWidget*>(QStringLiteral("careLines-helps"));
    ASSERT_NE(helps, nullptr);
    ASSERT_EQ(helps->count(), 1);
    helps->item(0)->setCheckState(Qt::Unchecked); // as a click on its box does
    dialog.findChild<QLineEdit*>(QStringLiteral("emergencyLine"))->setText(QStringLiteral("Grandad Joe on 0161 496 0000"));
    auto* save = dialog.findChild<QPushButton*>(QStringLiteral("saveCareCardPdf"));
    ASSERT_TRUE(save->isEnabled());

    // Cancelled: nothing written.
    QTest::mouseClick(save, Qt::LeftButton);
    EXPECT_EQ(prompts.asked, QStringList{QStringLiteral("Save the care card")});

    prompts.saveFile = pdfPath("for-grandma"); // ".pdf" is added
    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(save, Qt::LeftButton);
    std::fprintf(stderr, "care card PDF written in %lld ms\n", static_cast<long long>(timer.elapsed()));
    const QString written = prompts.saveFile + QStringLiteral(".pdf");
    ASSERT_TRUE(QFile::exists(written));
    EXPECT_FALSE(QFile::exists(written + QStringLiteral(".partial")));
    const auto [text, pages] = readPdf(written);
    EXPECT_EQ(pages, 1);
    for (const char* expected : {"Maya", "Please avoid", "Don't rush me", "Early signs Maya is struggling", "Gets loud and fast",
                                 "Words that help", "I'm right here", "Maya shines at", "Brave with new people",
                                 "Building Lego towers", "Kind to little ones", "Singing in the car",
                                 "In an emergency, call", "Grandad Joe on 0161 496 0000", "28 November 2026"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(expected))) << expected << "\n" << text.toStdString();
    for (const char* absent : {"Firm hug", "Busy shops", "Lamp light", "What helps Maya feel safe"})
        EXPECT_FALSE(text.contains(QString::fromUtf8(absent))) << absent << "\n" << text.toStdString();

    // A folder that cannot be written: a plain message, the dialog stays.
    prompts.saveFile = QStringLiteral("/proc/attune-cannot-write-here.pdf");
    EXPECT_FALSE(dialog.saveAsPdf());
    EXPECT_EQ(prompts.warnings.size(), 1);
    EXPECT_TRUE(dialog.isVisible());
}

TEST_F(CareCardTest, AnEmergencyLineOver200CharactersShowsWhyAndWritesNothing)
{
    gui::CareCardDialog dialog(*workspace, maya);
    dialog.show();
    auto* line = dialog.findChild<QLineEdit*>(QStringLiteral("emergencyLine"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("emergencyError"));
    ASSERT_NE(line, nullptr);
    ASSERT_NE(error, nullptr);
    const QString tooLong = QString(201, QLatin1Char('x'));
    line->setText(tooLong);
    QCoreApplication::processEvents();
    EXPECT_TRUE(error->isVisible());
    EXPECT_EQ(error->text(), QStringLiteral("Please keep this to 200 characters or fewer (it has 201), so it fits on "
                                            "the card."));

    prompts.saveFile = pdfPath("too-long.pdf");
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("saveCareCardPdf")), Qt::LeftButton);
    EXPECT_TRUE(prompts.asked.isEmpty()); // not even asked where
    EXPECT_FALSE(QFile::exists(prompts.saveFile));
    EXPECT_EQ(line->text(), tooLong); // what was typed is kept
    EXPECT_TRUE(dialog.card().emergency.isEmpty());

    // 200 characters of emoji count as 200, not as their bytes; the message goes.
    line->setText(QString(QStringLiteral("🌈")).repeated(200));
    EXPECT_FALSE(error->isVisible());
    EXPECT_TRUE(dialog.saveAsPdf());
    EXPECT_TRUE(QFile::exists(prompts.saveFile));
}

TEST_F(CareCardTest, AChildWithNothingYetIsToldKindlyWhatToAddAndCannotSave)
{
    const core::Id sam = addChild("Sam");
    gui::CareCardDialog dialog(*workspace, sam);
    dialog.show();
    QCoreApplication::processEvents();
    auto* empty = dialog.findChild<QLabel*>(QStringLiteral("careCardEmpty"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().contains(QStringLiteral("made from what you know about Sam")));
    EXPECT_TRUE(empty->text().contains(QStringLiteral("add a strength")));
    EXPECT_FALSE(dialog.findChild<QPushButton*>(QStringLiteral("saveCareCardPdf"))->isEnabled());
    EXPECT_FALSE(dialog.findChild<QPushButton*>(QStringLiteral("printCareCard"))->isEnabled());
    EXPECT_FALSE(dialog.findChild<QLineEdit*>(QStringLiteral("emergencyLine"))->isVisible());
    prompts.saveFile = pdfPath("sam.pdf");
    EXPECT_FALSE(dialog.saveAsPdf());
    EXPECT_FALSE(QFile::exists(prompts.saveFile));
}

TEST_F(CareCardTest, EmojiAndRightToLeftTextSurvive)
{
    const QString hebrew = QStringLiteral("אני כאן");
    const QString emoji = QStringLiteral("Hugs 🤗 and 🌈");
    workspace->family().addCoregItem(maya, "voice", gui::toStd(hebrew), CoregRating::Helps);
    workspace->family().addCoregItem(maya, "sound", gui::toStd(emoji), CoregRating::Helps);
    gui::CareCardDialog dialog(*workspace, maya);
    dialog.show();
    const QString emergency = QStringLiteral("Dad 📞 — أبي 0123");
    dialog.findChild<QLineEdit*>(QStringLiteral("emergencyLine"))->setText(emergency); // QTest cannot type emoji

    const gui::CareCard card = dialog.card();
    EXPECT_EQ(card.emergency, emergency);
    QStringList texts;
    for (const auto& section : card.sections) {
        for (const auto& line : section.lines)
            texts << line.text;
    }
    EXPECT_TRUE(texts.contains(hebrew));
    EXPECT_TRUE(texts.contains(emoji));

    if (!hasPdftotext())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    prompts.saveFile = pdfPath("scripts.pdf");
    ASSERT_TRUE(dialog.saveAsPdf());
    const auto [pdfText, pages] = readPdf(prompts.saveFile);
    EXPECT_EQ(pages, 1);
    // pdftotext gives Arabic in its presentation forms (the shaped letters); NFKC maps them back.
    const QString text = pdfText.normalized(QString::NormalizationForm_KC);
    for (const QString& word : {QStringLiteral("אני"), QStringLiteral("כאן"), QStringLiteral("أبي"),
                                QStringLiteral("Hugs"), QStringLiteral("Dad")})
        EXPECT_TRUE(text.contains(word)) << word.toStdString() << "\n" << text.toStdString();
}

TEST_F(CareCardTest, EvenAVeryFullCardStaysOnOnePage)
{
    if (!hasPdftotext())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    for (int i = 0; i < 40; ++i)
        workspace->family().addCoregItem(maya, "movement", "Movement number " + std::to_string(i) + " with a long name",
                                         CoregRating::Helps, "A note that goes on for a while to wrap the line.");
    auto lines = gui::loadCareLines(*workspace, maya);
    for (auto& line : lines)
        line.isChosen = true;
    const QString path = pdfPath("full.pdf");
    ASSERT_TRUE(gui::writeCareCardPdf(gui::buildCareCard(*workspace, maya, lines, QString(200, QLatin1Char('9'))),
                                      QPageSize::Letter, path));
    EXPECT_EQ(readPdf(path).second, 1);
}

TEST_F(CareCardTest, TheProfilePageOpensTheCareCard)
{
    gui::ProfilePage page(*workspace);
    page.setChild(maya);
    page.show();
    auto* button = page.findChild<QPushButton*>(QStringLiteral("openCareCard"));
    ASSERT_NE(button, nullptr);
    bool isOpened = false;
    onNextDialog<gui::CareCardDialog>([&isOpened](gui::CareCardDialog* dialog) {
        isOpened = dialog->lines().size() == 8;
        dialog->accept();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_TRUE(isOpened);

    const QImage image = gui::renderCareCard(gui::buildCareCard(*workspace, maya, gui::loadCareLines(*workspace, maya), {}),
                                             QPageSize::A4, 72);
    EXPECT_EQ(image.size(), QSize(595, 842));
}

TEST_F(CareCardTest, TheEmergencyLineIsKeptAsTypedAndComesBackNextTime)
{
    {
        gui::CareCardDialog dialog(*workspace, maya);
        dialog.show();
        auto* line = dialog.findChild<QLineEdit*>(QStringLiteral("emergencyLine"));
        ASSERT_NE(line, nullptr);
        EXPECT_TRUE(line->text().isEmpty());
        QTest::keyClicks(line, QStringLiteral("Grandad Joe on 0161 496 0000"));
        QTRY_COMPARE(workspace->family().careCardEmergency(maya), std::string("Grandad Joe on 0161 496 0000"));

        // Too long: the message shows, the file keeps the last good line.
        line->setText(QString(201, QLatin1Char('x')));
        QTest::qWait(400);
        EXPECT_EQ(workspace->family().careCardEmergency(maya), "Grandad Joe on 0161 496 0000");

        // Typed and closed at once: the close keeps it.
        line->setText(QStringLiteral("Sam (Dad) on 07700 900123"));
        dialog.reject();
        EXPECT_EQ(workspace->family().careCardEmergency(maya), "Sam (Dad) on 07700 900123");
    }
    gui::CareCardDialog again(*workspace, maya);
    EXPECT_EQ(again.findChild<QLineEdit*>(QStringLiteral("emergencyLine"))->text(), QStringLiteral("Sam (Dad) on 07700 900123"));
    EXPECT_EQ(again.card().emergency, QStringLiteral("Sam (Dad) on 07700 900123"));
    const core::Id leo = addChild("Leo");
    EXPECT_TRUE(gui::CareCardDialog(*workspace, leo).findChild<QLineEdit*>(QStringLiteral("emergencyLine"))->text().isEmpty())
        << "each child has their own";
}
