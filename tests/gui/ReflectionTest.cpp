// SPDX-License-Identifier: MIT
// The "ask why" reflection driven as a parent would: every step, quick save, skipping,
// gentle problem hints, Plan B notes, repairs on the Plans page, autosaved drafts offered
// again, and the crisis steps shown at once.
#include "GuiFixture.h"

#include "main/MainWindow.h"
#include "notebook/KeepMarvelDialog.h"
#include "plans/PlansDueWidget.h"
#include "plans/PlansPage.h"
#include "reflection/ReflectionWizard.h"
#include "reflection/ReflectionsPage.h"

#include "attune/core/Crisis.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/Trash.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QTest>
#include <QTimer>

using namespace attune;

namespace {

class ReflectionTest : public test::GuiTest {
protected:
    std::unique_ptr<gui::MainWindow> window;
    core::Id maya = 0;
    std::vector<core::CrisisCheck> crises;

    void SetUp() override
    {
        maya = addChild("Maya");
        openWindow();
    }

    void openWindow()
    {
        window = std::make_unique<gui::MainWindow>(*workspace, QStringLiteral("/tmp/logs"));
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    gui::ReflectionWizard* start()
    {
        auto* action = window->findChild<QAction*>(QStringLiteral("afterHardMoment"));
        EXPECT_NE(action, nullptr);
        action->trigger();
        gui::ReflectionWizard* wizard = window->reflectionWizard();
        EXPECT_NE(wizard, nullptr);
        wizard->setCrisisHandler([this](const core::CrisisCheck& check) { crises.push_back(check); });
        return wizard;
    }

    template <typename T>
    T* find(QWidget* parent, const QString& name)
    {
        T* widget = parent->findChild<T*>(name);
        EXPECT_NE(widget, nullptr) << name.toStdString();
        return widget;
    }

    void click(QWidget* parent, const QString& name) { find<QAbstractButton>(parent, name)->click(); }

    void type(QWidget* parent, const QString& name, const QString& text)
    {
        QWidget* edit = find<QWidget>(parent, name);
        edit->setFocus();
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(edit, Qt::Key_Return);
            QTest::keyClicks(edit, lines[i]);
        }
    }
};

} // namespace

TEST_F(ReflectionTest, AParentWalksThroughEveryStep)
{
    core::Id helps = workspace->family().addCoregItem(maya, "touch", "Firm hug", core::CoregRating::Helps).meta.id;
    workspace->family().addCoregItem(maya, "sound", "Loud music", core::CoregRating::Avoid);
    gui::ReflectionWizard* wizard = start();
    ASSERT_NE(wizard, nullptr);
    EXPECT_EQ(wizard->currentStep(), 0);
    EXPECT_TRUE(find<QLabel>(wizard, QStringLiteral("pinnedSummary"))->text().contains(QStringLiteral("Maya")));

    click(wizard, QStringLiteral("safety-all_safe"));
    EXPECT_TRUE(crises.empty());
    click(wizard, QStringLiteral("next"));

    click(wizard, QStringLiteral("myState-fight_flight"));
    click(wizard, QStringLiteral("budget-sleep-1"));
    click(wizard, QStringLiteral("action-breathe"));
    find<QSlider>(wizard, QStringLiteral("activationBefore"))->setValue(8);
    click(wizard, QStringLiteral("next"));

    EXPECT_EQ(wizard->currentStep(), 2);
    type(wizard, QStringLiteral("place"), QStringLiteral("At the park"));
    click(wizard, QStringLiteral("wasTransition"));
    type(wizard, QStringLiteral("whatHappened"), QStringLiteral("She threw her shoe when I said it was time to go."));
    type(wizard, QStringLiteral("summary"), QStringLiteral("Leaving the park"));
    EXPECT_EQ(find<QLabel>(wizard, QStringLiteral("pinnedSummary"))->text(), QStringLiteral("Leaving the park"));
    click(wizard, QStringLiteral("next"));

    click(wizard, QStringLiteral("feeling-mad"));
    QCoreApplication::processEvents();
    auto* finer = find<QWidget>(wizard, QStringLiteral("finer-mad"));
    EXPECT_FALSE(finer->isHidden()); // finer words appear under the big feeling
    click(wizard, QStringLiteral("feeling-mad/its_not_fair"));
    click(wizard, QStringLiteral("childState-fight_flight"));
    click(wizard, QStringLiteral("source-bottom_up"));
    click(wizard, QStringLiteral("next"));

    EXPECT_FALSE(find<QLabel>(wizard, QStringLiteral("reframe"))->text().isEmpty());
    click(wizard, QStringLiteral("need-tired"));
    click(wizard, QStringLiteral("skill-transitions"));
    type(wizard, QStringLiteral("whyFeeling"), QStringLiteral("The fun ended all at once."));
    click(wizard, QStringLiteral("next"));

    click(wizard, QStringLiteral("lostTemper-yes"));
    click(wizard, QStringLiteral("repair-name_it"));
    type(wizard, QStringLiteral("selfCompassion"), QStringLiteral("I was running on empty."));
    click(wizard, QStringLiteral("next"));

    click(wizard, QStringLiteral("coreg-%1").arg(helps));
    click(wizard, QStringLiteral("coreg-%1-helped").arg(helps));
    EXPECT_EQ(wizard->findChildren<QCheckBox*>(QRegularExpression(QStringLiteral("^coreg-\\d+$"))).size(), 1)
        << "only what helps this child is offered";
    click(wizard, QStringLiteral("next"));
    click(wizard, QStringLiteral("next")); // no strengths noted yet: skipped

    EXPECT_EQ(wizard->currentStep(), 8);
    type(wizard, QStringLiteral("problemText"), QStringLiteral("Difficulty leaving the park when it's time to go home"));
    click(wizard, QStringLiteral("plan-b"));
    type(wizard, QStringLiteral("childConcern"), QStringLiteral("It ends too suddenly."));
    type(wizard, QStringLiteral("myConcern"), QStringLiteral("We need to eat on time."));
    type(wizard, QStringLiteral("agreed"), QStringLiteral("A sand timer, then one last slide."));
    find<QComboBox>(wizard, QStringLiteral("likelihood"))->setCurrentIndex(4);
    click(wizard, QStringLiteral("next"));

    find<QSlider>(wizard, QStringLiteral("activationAfter"))->setValue(3);
    EXPECT_TRUE(find<QLabel>(wizard, QStringLiteral("reflectionSummary"))->text().contains(QStringLiteral("threw her shoe")));
    const core::Id id = wizard->reflectionId();
    click(wizard, QStringLiteral("saveReflection"));
    QCoreApplication::processEvents();
    EXPECT_EQ(window->reflectionWizard(), nullptr) << "the wizard closes when saved";

    const core::Reflection saved = workspace->reflections().reflection(id);
    EXPECT_EQ(saved.status, core::ReflectionStatus::Saved);
    EXPECT_EQ(saved.data.safety, core::SafetyAnswer::AllSafe);
    EXPECT_EQ(saved.data.myState, "fight_flight");
    EXPECT_EQ(saved.data.budget.sleep, 1);
    EXPECT_EQ(saved.data.regulatingAction, "breathe");
    EXPECT_EQ(saved.data.activationBefore, 8);
    EXPECT_EQ(saved.data.activationAfter, 3);
    EXPECT_EQ(saved.data.place, "At the park");
    EXPECT_TRUE(saved.data.wasTransition);
    EXPECT_EQ(saved.data.whatHappened, "She threw her shoe when I said it was time to go.");
    EXPECT_EQ(saved.data.summary, "Leaving the park");
    EXPECT_EQ(saved.data.childFeelings, (std::vector<std::string>{"mad", "mad/its_not_fair"}));
    EXPECT_EQ(saved.data.source, "bottom_up");
    EXPECT_EQ(saved.data.unmetNeeds, std::vector<std::string>{"tired"});
    EXPECT_EQ(saved.data.laggingSkills, std::vector<std::string>{"transitions"});
    EXPECT_EQ(saved.data.whyFeeling, "The fun ended all at once.");
    EXPECT_EQ(saved.data.lostTemper, true);
    EXPECT_EQ(saved.data.repair, core::RepairState::Open);
    EXPECT_EQ(saved.data.repairSteps, std::vector<std::string>{"name_it"});
    ASSERT_EQ(saved.data.coregTried.size(), 1u);
    EXPECT_EQ(saved.data.coregTried[0].outcome, core::CoregOutcome::Helped);

    ASSERT_NE(saved.data.problemId, 0);
    const core::Problem problem = workspace->plans().problem(saved.data.problemId);
    EXPECT_EQ(problem.data.text, "Difficulty leaving the park when it's time to go home");
    EXPECT_EQ(problem.data.plan, core::PlanKind::B);
    const auto talks = workspace->plans().talks(problem.meta.id);
    ASSERT_EQ(talks.size(), 1u);
    EXPECT_EQ(talks[0].data.childConcern, "It ends too suddenly.");
    EXPECT_EQ(talks[0].data.myConcern, "We need to eat on time.");
    EXPECT_EQ(talks[0].data.agreed, "A sand timer, then one last slide.");
    EXPECT_EQ(talks[0].data.likelihood, 4);
    EXPECT_EQ(talks[0].data.scheduledOn, "2026-11-29"); // tomorrow, by default

    // The repair stays open on the Plans page (and on Today) until it is marked done.
    window->showPage(gui::MainWindow::Page::Today);
    auto* due = window->findChild<gui::PlansDueWidget*>(QStringLiteral("plansDue"));
    ASSERT_NE(due, nullptr);
    EXPECT_TRUE(due->text().contains(QStringLiteral("1 repair to come back to"))) << due->text().toStdString();
    window->showPage(gui::MainWindow::Page::Plans);
    gui::PlansPage* plans = window->plansPage();
    auto* done = find<QPushButton>(plans, QStringLiteral("repairDone-%1").arg(id));
    ASSERT_NE(done, nullptr);
    done->click();
    QCoreApplication::processEvents();
    EXPECT_TRUE(workspace->reflections().openRepairs(maya).empty());
    EXPECT_EQ(plans->findChild<QPushButton*>(QStringLiteral("repairDone-%1").arg(id)), nullptr);
    EXPECT_EQ(workspace->reflections().reflection(id).data.repair, core::RepairState::Done);

    // The problem's status changes from the Plans page.
    auto* status = find<QComboBox>(plans, QStringLiteral("problemStatus-%1").arg(problem.meta.id));
    status->setCurrentIndex(1);
    Q_EMIT status->activated(1);
    QCoreApplication::processEvents();
    EXPECT_EQ(workspace->plans().problem(problem.meta.id).data.status, core::ProblemStatus::Trying);
}

TEST_F(ReflectionTest, QuickSaveKeepsWhatHappenedAndActivation)
{
    gui::ReflectionWizard* wizard = start();
    click(wizard, QStringLiteral("next"));
    find<QSlider>(wizard, QStringLiteral("activationBefore"))->setValue(9);
    auto* quick = find<QPushButton>(wizard, QStringLiteral("quickSave"));
    EXPECT_TRUE(quick->isVisible());
    quick->click(); // nothing written yet: it asks gently for a few words
    EXPECT_EQ(wizard->currentStep(), 2);
    EXPECT_FALSE(find<QLabel>(wizard, QStringLiteral("fieldError"))->text().isEmpty());
    type(wizard, QStringLiteral("whatHappened"), QStringLiteral("Bedtime fell apart."));
    quick->click();
    QCoreApplication::processEvents();
    const auto rows = workspace->reflections().list(maya);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].status, core::ReflectionStatus::Saved);
    EXPECT_EQ(rows[0].activationBefore, 9);
    EXPECT_EQ(workspace->reflections().reflection(rows[0].id).data.whatHappened, "Bedtime fell apart.");
}

TEST_F(ReflectionTest, EveryStepCanBeSkipped)
{
    gui::ReflectionWizard* wizard = start();
    for (int step = 0; step < gui::ReflectionWizard::kStepCount - 1; ++step)
        click(wizard, QStringLiteral("next"));
    EXPECT_EQ(wizard->currentStep(), 9);
    EXPECT_EQ(wizard->reflectionId(), 0) << "nothing typed, nothing stored";
    click(wizard, QStringLiteral("saveReflection")); // needs a few words about what happened
    EXPECT_TRUE(find<QLabel>(wizard, QStringLiteral("fieldError"))->text().contains(QStringLiteral("what happened")));
    wizard->goToStep(2);
    type(wizard, QStringLiteral("summary"), QStringLiteral("Hard drop-off"));
    wizard->goToStep(9);
    click(wizard, QStringLiteral("saveReflection"));
    QCoreApplication::processEvents();
    const auto rows = workspace->reflections().list(maya);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].status, core::ReflectionStatus::Saved);
    EXPECT_EQ(rows[0].title, "Hard drop-off");
}

TEST_F(ReflectionTest, ProblemHintsAppearAsYouTypeAndNeverBlock)
{
    gui::ReflectionWizard* wizard = start();
    wizard->goToStep(8);
    auto* hints = find<QLabel>(wizard, QStringLiteral("problemHints"));
    type(wizard, QStringLiteral("problemText"), QStringLiteral("He hits his sister because he is jealous"));
    const QString shown = hints->text();
    const auto expected = core::unsolvedProblemHints("He hits his sister because he is jealous");
    ASSERT_FALSE(expected.empty());
    for (const auto& hint : expected)
        EXPECT_TRUE(shown.contains(QString::fromStdString(hint.message))) << hint.message;
    click(wizard, QStringLiteral("next"));
    EXPECT_EQ(wizard->currentStep(), 9) << "hints never block";
    const core::Id problemId = wizard->draft().problemId;
    ASSERT_NE(problemId, 0);
    EXPECT_EQ(workspace->plans().problem(problemId).data.text, "He hits his sister because he is jealous");
}

TEST_F(ReflectionTest, EveryCharacterIsAutosavedAndOfferedAgain)
{
    gui::ReflectionWizard* wizard = start();
    wizard->goToStep(2);
    const QString text = QStringLiteral("We were late, and I snapped at her.\nShe cried in the car.");
    type(wizard, QStringLiteral("whatHappened"), text);
    // Debounced: saved well under a second after the last keystroke, without leaving the page.
    QTRY_COMPARE_WITH_TIMEOUT(workspace->reflections().openDrafts(maya).size(), std::size_t{1}, 1000);
    const core::Id id = workspace->reflections().openDrafts(maya).front().id;
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(workspace->reflections().resumeDraft(id).data.whatHappened), text, 1000);
    EXPECT_EQ(workspace->reflections().resumeDraft(id).data.step, 2);

    // Attune starts again: it offers the draft and reopens it at its step, every word there.
    window.reset();
    openWindow();
    prompts.confirmAnswer = true;
    ASSERT_TRUE(window->offerDrafts());
    EXPECT_TRUE(prompts.asked.contains(QStringLiteral("Continue your reflection?")));
    gui::ReflectionWizard* again = window->reflectionWizard();
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(again->currentStep(), 2);
    EXPECT_EQ(find<QPlainTextEdit>(again, QStringLiteral("whatHappened"))->toPlainText(), text);
    EXPECT_EQ(again->reflectionId(), id);

    // Declining leaves it waiting in the Reflections list, drafts first.
    again->close();
    prompts.confirmAnswer = false;
    EXPECT_FALSE(window->offerDrafts());
    window->showPage(gui::MainWindow::Page::Reflections);
    auto* list = window->reflectionsPage()->list();
    ASSERT_GE(list->count(), 1);
    EXPECT_TRUE(list->item(0)->text().startsWith(QStringLiteral("Draft, at step 3 of 10")));
    EXPECT_EQ(find<QPushButton>(window->reflectionsPage(), QStringLiteral("openReflection"))->text(),
              QStringLiteral("Continue"));
}

TEST_F(ReflectionTest, CrisisWordsShowTheCrisisStepsAtOnce)
{
    gui::ReflectionWizard* wizard = start();
    click(wizard, QStringLiteral("safety-might_hurt_child"));
    ASSERT_EQ(crises.size(), 1u) << "the safety gate's answer shows the steps at once";
    EXPECT_EQ(crises[0].reasons, std::vector<core::CrisisReason>{core::CrisisReason::MightHurtChild});
    EXPECT_EQ(workspace->reflections().resumeDraft(wizard->reflectionId()).data.safety, core::SafetyAnswer::MightHurtChild);

    crises.clear();
    wizard->goToStep(2);
    type(wizard, QStringLiteral("whatHappened"), QStringLiteral("I am so tired. I want to kill myself"));
    QTRY_COMPARE_WITH_TIMEOUT(crises.size(), std::size_t{1}, 1000);
    EXPECT_EQ(crises[0].reasons, std::vector<core::CrisisReason>{core::CrisisReason::SelfHarm});
    type(wizard, QStringLiteral("whatHappened"), QStringLiteral(" tonight"));
    QTest::qWait(400);
    EXPECT_EQ(crises.size(), 1u) << "shown once per reason, not on every keystroke";
}

TEST_F(ReflectionTest, ReflectionsPageListsDraftsFirstAndTrashRestores)
{
    core::ReflectionDraft draft;
    draft.childId = maya;
    draft.uuid = workspace->reflections().newDraftUuid();
    draft.whatHappened = "A saved one";
    workspace->reflections().finish(draft);
    core::ReflectionDraft open;
    open.childId = maya;
    open.uuid = workspace->reflections().newDraftUuid();
    open.step = 4;
    open.summary = "Still thinking";
    workspace->reflections().saveDraft(open, core::ReflectionField::Summary);
    Q_EMIT workspace->reflectionsChanged(maya);

    window->showPage(gui::MainWindow::Page::Reflections);
    auto* page = window->reflectionsPage();
    auto* list = page->list();
    ASSERT_EQ(list->count(), 2);
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("Still thinking")));
    EXPECT_TRUE(list->item(1)->text().contains(QStringLiteral("A saved one")));

    list->setCurrentRow(1);
    page->openSelected(); // a saved reflection opens to read
    QCoreApplication::processEvents();
    auto* view = window->findChild<QDialog*>(QStringLiteral("reflectionView"));
    ASSERT_NE(view, nullptr);
    view->close();

    list->setCurrentRow(0);
    find<QPushButton>(page, QStringLiteral("trashReflection"))->click();
    ASSERT_EQ(list->count(), 1);
    const auto trash = workspace->trash().entries();
    ASSERT_FALSE(trash.empty());
    EXPECT_EQ(trash.front().table, "reflections");
    workspace->trash().restore(trash.front());
    Q_EMIT workspace->trashChanged();
    EXPECT_EQ(list->count(), 2);
}

TEST_F(ReflectionTest, ASavedReflectionCanBeReadAndEdited)
{
    core::ReflectionDraft draft;
    draft.childId = maya;
    draft.uuid = workspace->reflections().newDraftUuid();
    draft.step = 9;
    draft.whatHappened = "Tears at bath time.";
    const core::Id id = workspace->reflections().finish(draft);
    Q_EMIT workspace->reflectionsChanged(maya);

    window->readReflection(id);
    QCoreApplication::processEvents();
    auto* view = window->findChild<QDialog*>(QStringLiteral("reflectionView"));
    ASSERT_NE(view, nullptr);
    click(view, QStringLiteral("editReflection"));
    QCoreApplication::processEvents();
    gui::ReflectionWizard* wizard = window->reflectionWizard();
    ASSERT_NE(wizard, nullptr);
    EXPECT_EQ(wizard->currentStep(), 9);
    EXPECT_FALSE(find<QPushButton>(wizard, QStringLiteral("quickSave"))->isVisible());
    wizard->goToStep(4);
    type(wizard, QStringLiteral("whyFeeling"), QStringLiteral("The water was too hot."));
    wizard->close();
    const core::Reflection edited = workspace->reflections().reflection(id);
    EXPECT_EQ(edited.status, core::ReflectionStatus::Saved) << "editing keeps it saved";
    EXPECT_EQ(edited.data.whyFeeling, "The water was too hot.");
}

TEST_F(ReflectionTest, CtrlRStartsAReflectionFromAnyPage)
{
    window->showPage(gui::MainWindow::Page::Settings);
    QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier);
    gui::ReflectionWizard* wizard = window->reflectionWizard();
    ASSERT_NE(wizard, nullptr);
    EXPECT_EQ(wizard->childId(), maya);
    EXPECT_EQ(wizard->currentStep(), 0);
}

TEST_F(ReflectionTest, PlansPageShowsTenPerStatusThenAll)
{
    for (int i = 0; i < 12; ++i) {
        core::ProblemDraft problem;
        problem.childId = maya;
        problem.text = "Difficulty finding shoes on school morning " + std::to_string(i);
        workspace->plans().addProblem(problem);
    }
    window->showPage(gui::MainWindow::Page::Plans);
    window->plansPage()->reload();
    auto* page = window->plansPage();
    auto pickers = [page] {
        return page->findChildren<QComboBox*>(QRegularExpression(QStringLiteral("^problemStatus-"))).size();
    };
    EXPECT_EQ(pickers(), 10);
    click(page, QStringLiteral("showAll-to_discuss"));
    QTRY_COMPARE(pickers(), 12);
}

TEST_F(ReflectionTest, AStrengthSeenInTheMomentGoesIntoTheNotebookFromStepSeven)
{
    gui::ReflectionWizard* wizard = start();
    wizard->goToStep(7);
    // The notebook dialog is modal: answer it as a parent would, once it is up.
    bool wasAnswered = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<gui::KeepMarvelDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("marvelText"))
            ->setPlainText(QStringLiteral("Came back after two minutes and said sorry on his own"));
        dialog->chooseNewEntry(core::Section::Strengths);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("marvelTitle")), QStringLiteral("Finds his way back"));
        wasAnswered = dialog->keep();
        dialog->accept();
    });
    click(wizard, QStringLiteral("keepStrength"));
    ASSERT_TRUE(wasAnswered);
    const auto strengths = workspace->notebook().page(maya).section(core::Section::Strengths).entries;
    ASSERT_EQ(strengths.size(), 1u);
    EXPECT_EQ(strengths.front().title, "Finds his way back");
    const core::Entry entry = workspace->notebook().entry(strengths.front().id);
    ASSERT_EQ(entry.evidence.size(), 1u);
    EXPECT_EQ(entry.evidence[0].day, "2026-11-28") << "dated the day of the moment";
}
