// SPDX-License-Identifier: MIT
// The notebook page driven as a parent would: adding from a section, cards with their uses and
// notes, reordering with buttons and Alt+Up/Down, pinning, trash and restore from Settings,
// mirror traits in two columns, search as you type with anything typed, and "on this day".
#include "NotebookFixture.h"

#include "common/QtConvert.h"
#include "notebook/EntryCard.h"
#include "notebook/EntryEditorDialog.h"
#include "notebook/NotebookPage.h"
#include "notebook/OnThisDayLine.h"
#include "notebook/SearchResultsView.h"
#include "settings/SettingsPage.h"
#include "today/TodayPage.h"

#include "attune/core/Trash.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace attune;
using core::Section;

namespace {

class NotebookPageTest : public test::NotebookGuiTest {
protected:
    std::unique_ptr<gui::NotebookPage> page;

    void openPage()
    {
        page = std::make_unique<gui::NotebookPage>(*workspace);
        page->resize(1000, 760);
        page->setChild(maya);
        page->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(page.get()));
    }

    gui::EntryCard* card(core::Id id) const
    {
        auto* found = page->card(id);
        EXPECT_NE(found, nullptr) << id;
        return found;
    }

    template <typename T>
    static T* child(QWidget* root, const char* name)
    {
        auto* found = root->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    QStringList resultLabels() const
    {
        QStringList labels;
        const auto* model = page->searchResults()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            labels << model->index(row, 0).data().toString();
        return labels;
    }
};

} // namespace

TEST_F(NotebookPageTest, ShowsAllSixSectionsWithAnInvitationWhenEmpty)
{
    openPage();
    for (const Section section : core::kAllSections) {
        auto* block = page->findChild<QWidget*>(QStringLiteral("section-") + gui::toQString(core::toString(section)));
        ASSERT_NE(block, nullptr);
        EXPECT_NE(block->findChild<QLabel*>(QStringLiteral("emptySection")), nullptr);
    }
    EXPECT_EQ(page->findChild<QLabel*>(QStringLiteral("heading1"))->text(), QStringLiteral("Maya's notebook"));
}

TEST_F(NotebookPageTest, AddingFromASectionTypesAnEntryOntoThePage)
{
    openPage();
    onNextDialog<gui::EntryEditorDialog>([](gui::EntryEditorDialog* dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("titleField")), QStringLiteral("Loves maps"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveEntry")), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(page.get(), "add-interests"), Qt::LeftButton);
    ASSERT_EQ(titles(Section::Interests), std::vector<std::string>{"Loves maps"});
    const core::Id id = workspace->notebook().page(maya).section(Section::Interests).entries[0].id;
    auto* added = card(id);
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(child<QLabel>(added, "entryTitle")->text(), QStringLiteral("Loves maps"));
    QTRY_VERIFY(added->hasFocus());
}

TEST_F(NotebookPageTest, ACardShowsItsPreviewUsesAndNotes)
{
    const core::Id id = addEntry(Section::Strengths, "Patient");
    core::EntryDraft draft = workspace->notebook().entry(id).data;
    draft.details = "Waits for her turn, even on the slide.";
    draft.noticedOn = "2025-03-04";
    draft.uses = {core::Use::Offset, core::Use::CoolDown};
    workspace->notebook().updateEntry(id, draft);
    workspace->notebook().addEvidence(id, core::EvidenceSide::Entry, "2026-11-20", "Waited for the swing");
    workspace->notebook().addEvidence(id, core::EvidenceSide::Entry, "2026-11-27", "Let her brother go first");
    openPage();
    auto* patient = card(id);
    EXPECT_EQ(child<QLabel>(patient, "entryDetails")->text(), QStringLiteral("Waits for her turn, even on the slide."));
    QStringList chips;
    for (auto* chip : patient->findChildren<QLabel*>(QStringLiteral("useChip")))
        chips << chip->text();
    EXPECT_EQ(chips, (QStringList{QStringLiteral("Offset vulnerabilities"), QStringLiteral("Cool down")}));
    EXPECT_EQ(child<QLabel>(patient, "entryMeta")->text(),
              QStringLiteral("2 notes  ·  latest yesterday  ·  first noticed 4 Mar 2025"));
}

TEST_F(NotebookPageTest, ReordersWithButtonsAndAltArrows)
{
    const core::Id a = addEntry(Section::Strengths, "A");
    const core::Id b = addEntry(Section::Strengths, "B");
    addEntry(Section::Strengths, "C");
    openPage();
    EXPECT_FALSE(child<QToolButton>(card(a), "moveEntryUp")->isEnabled());
    QTest::mouseClick(child<QToolButton>(card(a), "moveEntryDown"), Qt::LeftButton);
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"B", "A", "C"}));

    card(b)->setFocus();
    QTest::keyClick(card(b), Qt::Key_Down, Qt::AltModifier);
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"A", "B", "C"}));
    QTest::keyClick(card(b), Qt::Key_Down, Qt::AltModifier);
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"A", "C", "B"}));
    EXPECT_TRUE(card(b)->hasFocus()); // the card keeps the focus, so Alt+arrows can go on
    QTest::keyClick(card(b), Qt::Key_Up, Qt::AltModifier);
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"A", "B", "C"}));
}

TEST_F(NotebookPageTest, PinningPutsAnEntryFirst)
{
    addEntry(Section::Interests, "Trains");
    const core::Id music = addEntry(Section::Interests, "Music");
    openPage();
    auto* pin = child<QToolButton>(card(music), "pinEntry");
    EXPECT_EQ(pin->text(), QStringLiteral("☆"));
    QTest::mouseClick(pin, Qt::LeftButton);
    EXPECT_EQ(titles(Section::Interests), (std::vector<std::string>{"Music", "Trains"}));
    EXPECT_TRUE(card(music)->isPinned());
    EXPECT_EQ(child<QToolButton>(card(music), "pinEntry")->text(), QStringLiteral("★"));
    // A pinned entry cannot move below the unpinned ones.
    EXPECT_FALSE(child<QToolButton>(card(music), "moveEntryDown")->isEnabled());
}

TEST_F(NotebookPageTest, TrashFromTheCardAndRestoreFromSettings)
{
    const core::Id id = addEntry(Section::Growing, "Tries new food");
    gui::SettingsPage settings(*workspace, QStringLiteral("/tmp/logs"));
    openPage();
    auto* menu = child<QToolButton>(card(id), "entryMenu")->menu();
    QAction* trash = menu->findChild<QAction*>(QStringLiteral("trashEntry"));
    ASSERT_NE(trash, nullptr);
    trash->trigger();
    EXPECT_EQ(prompts.asked.last(), QStringLiteral("Move “Tries new food” to the trash?"));
    EXPECT_TRUE(titles(Section::Growing).empty());
    EXPECT_EQ(page->card(id), nullptr);

    auto* list = settings.findChild<QListWidget*>(QStringLiteral("trash"));
    ASSERT_EQ(list->count(), 1);
    EXPECT_TRUE(list->item(0)->text().startsWith(QStringLiteral("Notebook entry: Tries new food")));
    list->setCurrentRow(0);
    QTest::mouseClick(settings.findChild<QPushButton*>(QStringLiteral("restoreTrash")), Qt::LeftButton);
    EXPECT_EQ(titles(Section::Growing), std::vector<std::string>{"Tries new food"});
    QTRY_VERIFY(page->card(id) != nullptr); // the page reads the notebook again
}

TEST_F(NotebookPageTest, MirrorTraitsShowTheirTwoSidesSideBySide)
{
    const core::Id id = addEntry(Section::MirrorTraits, "Can't sit still at dinner", false, "Dances for an hour");
    workspace->notebook().addEvidence(id, core::EvidenceSide::Struggle, "2026-11-20", "Up and down six times");
    workspace->notebook().addEvidence(id, core::EvidenceSide::Shine, "2026-11-21", "Made up a whole routine");
    openPage();
    auto* mirror = card(id);
    auto* struggle = child<QLabel>(mirror, "struggleTitle");
    auto* shine = child<QLabel>(mirror, "shineTitle");
    EXPECT_EQ(struggle->text(), QStringLiteral("Can't sit still at dinner"));
    EXPECT_EQ(shine->text(), QStringLiteral("Dances for an hour"));
    const QPoint left = struggle->mapTo(mirror, QPoint(0, 0));
    const QPoint right = shine->mapTo(mirror, QPoint(0, 0));
    EXPECT_LT(left.x() + struggle->width(), right.x());
    EXPECT_EQ(left.y(), right.y());
    QStringList notes;
    for (auto* note : mirror->findChildren<QLabel*>(QStringLiteral("mirrorNote")))
        notes << note->text();
    EXPECT_EQ(notes, (QStringList{QStringLiteral("20 Nov — Up and down six times"),
                                  QStringLiteral("21 Nov — Made up a whole routine")}));
}

TEST_F(NotebookPageTest, SearchFindsAsYouTypeAndOpensTheEntry)
{
    const core::Id lego = addEntry(Section::Interests, "Lego");
    workspace->notebook().addEvidence(lego, core::EvidenceSide::Entry, "2026-11-01", "Built a lighthouse");
    addEntry(Section::Strengths, "Listens");
    openPage();
    auto* search = page->searchField();
    QTest::keyClick(page.get(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(search->hasFocus());

    QTest::keyClick(search, Qt::Key_L);
    EXPECT_EQ(resultLabels().size(), 3); // Lego, its note ("lighthouse"), Listens
    QTest::keyClicks(search, QStringLiteral("ig"));
    EXPECT_EQ(resultLabels(), QStringList{QStringLiteral("Lego")});
    const auto snippet = page->searchResults()->model()->index(0, 0).data(gui::SearchResultsModel::SnippetHtmlRole);
    EXPECT_EQ(snippet.toString(), QStringLiteral("Built a <b>lighthouse</b>"));
    EXPECT_EQ(page->findChild<QLabel*>(QStringLiteral("searchSummary"))->text(), QStringLiteral("1 match for “lig”"));

    qint64 opened = 0;
    onNextDialog<gui::EntryEditorDialog>([&opened](gui::EntryEditorDialog* dialog) {
        opened = dialog->entryId();
        dialog->reject();
    });
    auto* view = page->searchResults();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
    EXPECT_EQ(opened, lego);

    QTest::keyClick(search, Qt::Key_Escape);
    EXPECT_TRUE(search->text().isEmpty());
    EXPECT_TRUE(page->card(lego)->isVisible());
}

TEST_F(NotebookPageTest, AnythingAParentTypesIsSearchedSafely)
{
    const core::Id id = addEntry(Section::Interests, "Dinosaurs 🦕");
    workspace->notebook().addEvidence(id, core::EvidenceSide::Entry, "2026-11-01",
                                      "Told Zoë \"T. rex\" was (mostly) a chicken AND a lizard");
    openPage();
    auto* search = page->searchField();
    for (const QString& typed : {QStringLiteral("AND ( \""), QStringLiteral("\""), QStringLiteral("'"),
                                 QStringLiteral("NEAR(a b)"), QStringLiteral("*"), QStringLiteral("-"),
                                 QStringLiteral("col:umn"), QStringLiteral("\\"), QStringLiteral("%_")}) {
        search->setText(typed);
        EXPECT_TRUE(prompts.warnings.isEmpty()) << typed.toStdString();
        EXPECT_FALSE(page->findChild<QLabel*>(QStringLiteral("searchSummary"))->text().isEmpty());
    }
    search->clear();
    QTest::keyClicks(search, QStringLiteral("\"t. rex\""));
    EXPECT_EQ(resultLabels(), QStringList{QStringLiteral("Dinosaurs 🦕")});
    search->setText(QStringLiteral("zoe"));
    EXPECT_EQ(resultLabels(), QStringList{QStringLiteral("Dinosaurs 🦕")});
    search->setText(QStringLiteral("ZOË"));
    EXPECT_EQ(resultLabels(), QStringList{QStringLiteral("Dinosaurs 🦕")});
    search->setText(QStringLiteral("🦕")); // QTest cannot type emoji
    EXPECT_EQ(resultLabels(), QStringList{QStringLiteral("Dinosaurs 🦕")});
    search->setText(QStringLiteral("chicken AND ("));
    EXPECT_EQ(resultLabels(), QStringList{QStringLiteral("Dinosaurs 🦕")});
    search->setText(QStringLiteral("nothing like it"));
    EXPECT_TRUE(resultLabels().isEmpty());
    EXPECT_EQ(page->findChild<QLabel*>(QStringLiteral("searchSummary"))->text(),
              QStringLiteral("Nothing found for “nothing like it”. Try fewer letters, or another word."));
}

TEST_F(NotebookPageTest, OnThisDayShowsALineFromAnEarlierYear)
{
    EXPECT_EQ(gui::OnThisDayLine::create(*workspace, maya), nullptr);
    const core::Id id = addEntry(Section::Strengths, "Brave");
    workspace->notebook().addEvidence(id, core::EvidenceSide::Entry, "2023-11-28", "Jumped off the high board");
    std::unique_ptr<gui::OnThisDayLine> line(gui::OnThisDayLine::create(*workspace, maya));
    ASSERT_NE(line, nullptr);
    EXPECT_EQ(line->text(), QStringLiteral("On this day in 2023: Jumped off the high board"));
    EXPECT_EQ(line->entryId(), id);

    gui::TodayPage today(*workspace);
    today.reload();
    auto* onToday = today.findChild<gui::OnThisDayLine*>(QStringLiteral("onThisDay"));
    ASSERT_NE(onToday, nullptr);
    EXPECT_EQ(onToday->text(), line->text());
}
