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
#include "onetoone/SessionDialog.h"
#include "settings/SettingsPage.h"
#include "today/TodayPage.h"

#include "attune/core/TimeLog.h"
#include "attune/core/Trash.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QTimer>
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

    static void click(gui::EntryCard* card, gui::EntryCard::Button button)
    {
        QTest::mouseClick(card, Qt::LeftButton, {}, card->buttonRect(button).center());
    }

    // Chooses `actionName` in the card's menu, opened from its "⋯" button.
    static void chooseInMenu(gui::EntryCard* card, const QString& actionName)
    {
        QTimer::singleShot(0, [actionName] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            ASSERT_NE(menu, nullptr);
            QAction* action = menu->findChild<QAction*>(actionName);
            ASSERT_NE(action, nullptr);
            menu->setActiveAction(action);
            QTest::keyClick(menu, Qt::Key_Return);
        });
        click(card, gui::EntryCard::Button::More);
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

TEST_F(NotebookPageTest, ALongNotebookShowsItsTopAtOnceAndFillsInWithoutSqueezing)
{
    for (int i = 0; i < 40; ++i)
        addEntry(i % 2 == 0 ? Section::Strengths : Section::Interests, "Entry " + std::to_string(i));
    openPage();
    EXPECT_FALSE(page->hasAllCards()); // the first screen first; the rest on the next turns
    const auto checkHeights = [this] {
        for (auto* shown : page->findChildren<gui::EntryCard*>()) {
            if (shown->isVisible()) {
                EXPECT_GE(shown->height(), shown->heightForWidth(shown->width())) << shown->title().toStdString();
            }
        }
    };
    while (!page->hasAllCards()) {
        QCoreApplication::processEvents();
        checkHeights(); // every turn: no card is squeezed while the others arrive
    }
    EXPECT_EQ(page->findChildren<gui::EntryCard*>().size(), 40);
    checkHeights();
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
    EXPECT_EQ(added->title(), QStringLiteral("Loves maps"));
    QTRY_VERIFY(added->hasFocus());
}

TEST_F(NotebookPageTest, ACardShowsItsPreviewUsesAndNotes)
{
    const core::Id id = addEntry(Section::Strengths, "Patient");
    core::EntryDraft draft = workspace->notebook().entry(id).data;
    draft.details = "Waits for her turn, even on the slide.";
    draft.noticedOn = "2025-03-04";
    draft.uses = {core::Use::Offset, core::Use::CoolDown};
    workspace->notebook().updateEntry(id, workspace->notebook().entry(id).data, draft);
    workspace->notebook().addEvidence(id, core::EvidenceSide::Entry, "2026-11-20", "Waited for the swing");
    workspace->notebook().addEvidence(id, core::EvidenceSide::Entry, "2026-11-27", "Let her brother go first");
    openPage();
    auto* patient = card(id);
    EXPECT_EQ(patient->details(), QStringLiteral("Waits for her turn, even on the slide."));
    EXPECT_EQ(patient->useLabels(), (QStringList{QStringLiteral("Offset vulnerabilities"), QStringLiteral("Cool down")}));
    EXPECT_EQ(patient->meta(), QStringLiteral("2 notes  ·  latest yesterday  ·  first noticed 4 Mar 2025"));
    EXPECT_TRUE(patient->accessibleDescription().contains(QStringLiteral("Use it to: Offset vulnerabilities, Cool down.")));
}

TEST_F(NotebookPageTest, ClickingACardOrPressingEnterOpensIt)
{
    const core::Id id = addEntry(Section::Skills, "Reads maps");
    openPage();
    QList<qint64> opened;
    const auto record = [&opened](gui::EntryEditorDialog* dialog) {
        opened << dialog->entryId();
        dialog->reject();
    };
    onNextDialog<gui::EntryEditorDialog>(record);
    QTest::mouseClick(card(id), Qt::LeftButton, {}, QPoint(40, 20)); // on its title
    onNextDialog<gui::EntryEditorDialog>(record);
    card(id)->setFocus();
    QTest::keyClick(card(id), Qt::Key_Return);
    EXPECT_EQ(opened, (QList<qint64>{id, id}));
}

TEST_F(NotebookPageTest, ReordersWithButtonsAndAltArrows)
{
    const core::Id a = addEntry(Section::Strengths, "A");
    const core::Id b = addEntry(Section::Strengths, "B");
    addEntry(Section::Strengths, "C");
    openPage();
    EXPECT_FALSE(card(a)->isButtonEnabled(gui::EntryCard::Button::Up));
    click(card(a), gui::EntryCard::Button::Up); // does nothing: it is first
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"A", "B", "C"}));
    click(card(a), gui::EntryCard::Button::Down);
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"B", "A", "C"}));

    card(b)->setFocus();
    QTest::keyClick(card(b), Qt::Key_Down, Qt::AltModifier);
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"A", "B", "C"}));
    QTest::keyClick(card(b), Qt::Key_Down, Qt::AltModifier);
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"A", "C", "B"}));
    EXPECT_TRUE(card(b)->hasFocus()); // the card keeps the focus, so Alt+arrows can go on
    QTest::keyClick(card(b), Qt::Key_Up, Qt::AltModifier);
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"A", "B", "C"}));
    chooseInMenu(card(a), QStringLiteral("moveEntryDown")); // the same, from the card's menu
    EXPECT_EQ(titles(Section::Strengths), (std::vector<std::string>{"B", "A", "C"}));
}

TEST_F(NotebookPageTest, PinningPutsAnEntryFirst)
{
    addEntry(Section::Interests, "Trains");
    const core::Id music = addEntry(Section::Interests, "Music");
    openPage();
    EXPECT_FALSE(card(music)->isPinned());
    click(card(music), gui::EntryCard::Button::Pin);
    EXPECT_EQ(titles(Section::Interests), (std::vector<std::string>{"Music", "Trains"}));
    EXPECT_TRUE(card(music)->isPinned());
    EXPECT_TRUE(card(music)->accessibleDescription().startsWith(QStringLiteral("Pinned.")));
    // A pinned entry cannot move below the unpinned ones.
    EXPECT_FALSE(card(music)->isButtonEnabled(gui::EntryCard::Button::Down));
    click(card(music), gui::EntryCard::Button::Pin);
    EXPECT_FALSE(workspace->notebook().entry(music).data.isPinned);
}

TEST_F(NotebookPageTest, TrashFromTheCardAndRestoreFromSettings)
{
    const core::Id id = addEntry(Section::Growing, "Tries new food");
    gui::SettingsPage settings(*workspace, QStringLiteral("/tmp/logs"));
    openPage();
    chooseInMenu(card(id), QStringLiteral("trashEntry"));
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
    EXPECT_EQ(mirror->title(), QStringLiteral("Can't sit still at dinner"));
    EXPECT_EQ(mirror->shine(), QStringLiteral("Dances for an hour"));
    const QRect struggle = mirror->columnRect(core::EvidenceSide::Struggle);
    const QRect shine = mirror->columnRect(core::EvidenceSide::Shine);
    EXPECT_LT(struggle.right(), shine.left()); // side by side
    EXPECT_EQ(struggle.top(), shine.top());
    EXPECT_GT(struggle.width(), 150);
    EXPECT_EQ(mirror->mirrorNotes(core::EvidenceSide::Struggle), QStringList{QStringLiteral("20 Nov — Up and down six times")});
    EXPECT_EQ(mirror->mirrorNotes(core::EvidenceSide::Shine), QStringList{QStringLiteral("21 Nov — Made up a whole routine")});
    EXPECT_GT(mirror->width(), 600); // a whole row to itself
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

TEST_F(NotebookPageTest, SearchAlsoFindsOneOnOneNotesAndOpensTheSession)
{
    addEntry(Section::Interests, "Lego");
    core::SessionDraft draft;
    draft.childId = maya;
    draft.day = "2026-11-20";
    draft.minutes = 20;
    draft.activity = "Drawing";
    draft.note = "Drew the lighthouse from the beach walk";
    const core::Id session = workspace->timeLog().addSession(draft).meta.id;
    openPage();
    QTest::keyClicks(page->searchField(), QStringLiteral("lighthouse"));
    ASSERT_EQ(resultLabels(), QStringList{QStringLiteral("20 November 2026")});
    const QModelIndex hit = page->searchResults()->model()->index(0, 0);
    EXPECT_EQ(hit.data(gui::SearchResultsModel::WhereRole).toString(), QStringLiteral("One-on-one time"));
    EXPECT_EQ(hit.data(gui::SearchResultsModel::SnippetHtmlRole).toString(),
              QStringLiteral("Drew the <b>lighthouse</b> from the beach walk"));

    // Enter opens the best hit: here the session, ready to read or edit.
    QTest::keyClick(page->searchField(), Qt::Key_Return);
    QCoreApplication::processEvents();
    gui::SessionDialog* opened = nullptr;
    for (auto* widget : QApplication::topLevelWidgets())
        if (auto* dialog = qobject_cast<gui::SessionDialog*>(widget); dialog && dialog->isVisible())
            opened = dialog;
    ASSERT_NE(opened, nullptr);
    EXPECT_TRUE(opened->isEditing());
    EXPECT_EQ(opened->draft().note, draft.note);
    opened->reject();
    EXPECT_NE(session, 0);
}
