// SPDX-License-Identifier: MIT
#include "main/Screenshots.h"

#include "common/QtConvert.h"
#include "common/Workspace.h"
#include "data/ExportDialog.h"
#include "data/ImportDialog.h"
#include "data/RestoreDialog.h"
#include "family/CareCard.h"
#include "family/CareCardDialog.h"
#include "family/ChildEditorDialog.h"
#include "help/GetHelpDialog.h"
#include "help/WelcomeDialog.h"
#include "insights/InsightsPage.h"
#include "main/FileMovedBanner.h"
#include "main/MainWindow.h"
#include "notebook/EntryEditorDialog.h"
#include "notebook/KeepMarvelDialog.h"
#include "notebook/NotebookPage.h"
#include "notebook/OnePageProfile.h"
#include "notebook/OnePageProfileDialog.h"
#include "onetoone/OneOnOnePage.h"
#include "onetoone/SessionDialog.h"
#include "onetoone/TimerCard.h"
#include "reflection/ReflectionStep.h"
#include "reflection/ReflectionSummary.h"
#include "reflection/ReflectionWizard.h"
#include "settings/SettingsPage.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Demo.h"
#include "attune/core/Export.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/ReflectionCatalog.h"
#include "attune/core/Search.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"

#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>

#include <stdexcept>

namespace attune::gui {

namespace {
void settle()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

QString save(QWidget& widget, const QDir& dir, const QString& name)
{
    settle();
    const QString file = dir.filePath(name + QStringLiteral(".png"));
    if (!widget.grab().save(file, "PNG"))
        throw std::runtime_error("could not write " + toStd(file));
    return file;
}
// A filled-in reflection like a parent's, shown without saving anything.
core::ReflectionDraft demoReflection(Workspace& workspace, core::Id childId)
{
    core::ReflectionDraft draft;
    draft.childId = childId;
    draft.safety = core::SafetyAnswer::AllSafe;
    draft.myState = "fight_flight";
    draft.budget = {1, 2, 1, 2};
    draft.regulatingAction = "breathe";
    draft.activationBefore = 7;
    draft.happenedOn = workspace.clock().today();
    draft.happenedTime = "17:40";
    draft.place = "At the park";
    draft.justBefore = "I said it was time to go home for dinner.";
    draft.wasTransition = true;
    draft.whatHappened = "I gave a five-minute warning, then said it was time to go. They shouted \"No!\", threw "
                         "their shoe and lay down by the slide. I raised my voice and carried them to the car.";
    draft.summary = "Meltdown leaving the park";
    draft.childFeelings = {"mad", "sad", core::feelingKey("sad", "Disappointed")};
    draft.childState = "fight_flight";
    draft.source = "bottom_up";
    draft.unmetNeeds = {"hungry", "tired"};
    draft.laggingSkills = {"transitions"};
    draft.whyFeeling = "They were having so much fun, and it ended all at once.";
    draft.whyBehaving = "Tired and hungry after school; stopping something fun is still hard.";
    draft.whyStruggling = "I was rushing to get dinner on and had no patience left.";
    draft.lostTemper = true;
    draft.repair = core::RepairState::Open;
    draft.repairSteps = {"name_it", "own_it"};
    draft.selfCompassion = "I was running on empty. I can come back to this at bedtime.";
    try {
        for (const auto& item : workspace.family().coregItems(childId)) {
            if (item.rating == core::CoregRating::Helps && draft.coregTried.size() < 2)
                draft.coregTried.push_back({item.meta.id, draft.coregTried.empty() ? core::CoregOutcome::Helped
                                                                                   : core::CoregOutcome::NotSure});
        }
        const auto strengths = workspace.notebook().strengthsForUses(
            childId, core::UseSet{core::Use::CoolDown, core::Use::Transitions, core::Use::Repair});
        if (!strengths.empty())
            draft.strengthUuids = {workspace.notebook().entry(strengths.front().id).meta.uuid};
    } catch (const std::exception&) {
    }
    draft.coregNote = "Sitting close in the car, without talking, helped more than anything I said.";
    draft.activationAfter = 3;
    return draft;
}


// A word that finds several things in this child's notebook, so the search screenshot has results.
QString queryWithResults(Workspace& workspace, qint64 childId)
{
    for (const char* candidate : {"lego", "built", "asked", "park", "book"}) {
        if (workspace.search().find(candidate, childId, 10).size() >= 4)
            return QString::fromLatin1(candidate);
    }
    for (const auto& section : workspace.notebook().page(childId).sections) {
        if (!section.entries.empty())
            return toQString(section.entries.front().title).section(QLatin1Char(' '), 0, 0);
    }
    return QStringLiteral("a");
}

// The notebook's views and dialogs, on the selected child's notebook.
QStringList saveNotebookScreenshots(MainWindow& window, Workspace& workspace, const QDir& dir)
{
    QStringList files;
    const qint64 childId = window.currentChild();
    auto* notebook = window.findChild<NotebookPage*>();
    if (!notebook || childId == 0)
        return files;
    window.showPage(MainWindow::Page::Notebook);
    notebook->scrollToSection(core::Section::MirrorTraits);
    files << save(window, dir, QStringLiteral("notebook-mirror-traits"));
    notebook->setSearchText(queryWithResults(workspace, childId));
    files << save(window, dir, QStringLiteral("notebook-search"));
    notebook->setSearchText({});

    // The entry with the most notes, and the first mirror trait.
    const core::NotebookPage page = workspace.notebook().page(childId);
    qint64 richest = 0;
    int most = -1;
    qint64 mirror = 0;
    for (const auto& section : page.sections) {
        for (const auto& entry : section.entries) {
            if (section.section == core::Section::MirrorTraits && mirror == 0)
                mirror = entry.id;
            if (section.section != core::Section::MirrorTraits && entry.evidenceCount > most) {
                most = entry.evidenceCount;
                richest = entry.id;
            }
        }
    }
    if (richest != 0) {
        EntryEditorDialog editor(workspace, childId, richest, core::Section::Strengths, &window);
        editor.show();
        files << save(editor, dir, QStringLiteral("entry-editor"));
    }
    if (mirror != 0) {
        EntryEditorDialog editor(workspace, childId, mirror, core::Section::MirrorTraits, &window);
        editor.show();
        files << save(editor, dir, QStringLiteral("entry-editor-mirror-trait"));
    }

    // The one-page profile as it prints, and the dialog that makes it.
    // A fuller page than the first suggestion: a few more of what we admire.
    std::vector<ProfileChoice> choices = loadProfileChoices(workspace, childId);
    int admired = 0;
    for (auto& choice : choices) {
        if (choice.heading == ProfileChoice::Heading::Admire && admired < 6) {
            choice.isChosen = true;
            ++admired;
        }
    }
    const OnePageProfile profile = buildOnePageProfile(workspace, childId, choices);
    const QString sheet = dir.filePath(QStringLiteral("one-page-profile.png"));
    if (!renderOnePageProfile(profile, QPageSize::A4, 110).save(sheet, "PNG"))
        throw std::runtime_error("could not write " + toStd(sheet));
    files << sheet;
    OnePageProfileDialog profileDialog(workspace, childId, &window);
    profileDialog.show();
    files << save(profileDialog, dir, QStringLiteral("one-page-profile-dialog"));

    KeepMarvelDialog marvel(workspace, childId, QObject::tr("Explained the whole marble run to his little sister, slowly, twice."),
                            toQString(workspace.clock().today()), &window);
    if (richest != 0)
        marvel.chooseEntry(richest);
    marvel.show();
    files << save(marvel, dir, QStringLiteral("keep-marvel"));
    return files;
}
// Export (a PDF report being set up), import (a dry run of another family's copy) and restore
// (the newest backup previewed). Nothing in the file changes.
QStringList saveDataScreenshots(MainWindow& window, Workspace& workspace, const QDir& dir)
{
    QStringList files;
    ExportDialog exporter(workspace, &window);
    exporter.setFormat(ExportDialog::Format::Pdf);
    if (auto* child = exporter.findChild<QComboBox*>(QStringLiteral("reportChild")); child && child->count() > 1)
        child->setCurrentIndex(1);
    if (auto* from = exporter.findChild<QLineEdit*>(QStringLiteral("reportFrom")))
        from->setText(QStringLiteral("2026-01-01"));
    exporter.show();
    files << save(exporter, dir, QStringLiteral("export"));
    exporter.close();

    // A copy from another (made-up) family, so the dry run has something to add.
    QTemporaryDir temp;
    if (temp.isValid()) {
        const std::filesystem::path json = toStd(temp.filePath(QStringLiteral("other-family.json")));
        {
            core::Database other = core::Database::create(toStd(temp.filePath(QStringLiteral("other.sqlite"))));
            core::Store store(other, workspace.clock(), 5);
            core::DemoOptions options;
            options.years = 1;
            options.children = 1;
            options.seed = 5;
            core::generateDemo(store, options);
            core::writeJsonExport(other, json);
        }
        ImportDialog importer(workspace, &window);
        importer.resize(700, 640);
        importer.checkFile(toQString(json.string()));
        importer.waitForWork();
        importer.show();
        files << save(importer, dir, QStringLiteral("import"));
        importer.close();
    }

    RestoreDialog restorer(workspace, &window);
    if (auto* list = restorer.findChild<QListWidget*>(QStringLiteral("backupList")); list && list->count() > 0) {
        restorer.selectBackup(0);
        restorer.waitForWork();
    }
    restorer.show();
    files << save(restorer, dir, QStringLiteral("restore"));
    restorer.close();

    // Settings, scrolled down to the "Your data" card with its buttons.
    window.showPage(MainWindow::Page::Settings);
    settle();
    auto* scroll = window.settingsPage()->findChild<QScrollArea*>();
    auto* backupNow = window.settingsPage()->findChild<QPushButton*>(QStringLiteral("backupNow"));
    if (scroll && backupNow) {
        scroll->ensureWidgetVisible(backupNow, 0, 260);
        files << save(window, dir, QStringLiteral("settings-your-data"));
    }
    window.showPage(MainWindow::Page::Today);
    return files;
}
} // namespace

QStringList saveScreenshots(MainWindow& window, Workspace& workspace, const QString& folder)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        throw std::runtime_error("could not create " + toStd(folder));
    QStringList files;
    window.resize(1280, 800);
    window.show();
    for (int page = 0; page < MainWindow::kPageCount; ++page) {
        const auto which = static_cast<MainWindow::Page>(page);
        window.showPage(which);
        if (which == MainWindow::Page::OneOnOne) {
            // The top of the page (counts, quick log, day states), then the look back.
            files << save(window, dir, QStringLiteral("one-on-one-log"));
            settle();
            window.oneOnOnePage()->scrollToViews();
        }
        files << save(window, dir, MainWindow::pageId(which));
        if (which == MainWindow::Page::Insights) {
            // The lower half over a year: one-on-one time, the weeks side by side, problems.
            auto* insights = window.findChild<InsightsPage*>();
            auto* scroll = window.findChild<QScrollArea*>(QStringLiteral("insightsScroll"));
            if (insights && scroll) {
                insights->setRange(InsightsPage::Range::Year);
                settle();
                scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
                files << save(window, dir, QStringLiteral("insights-year"));
                scroll->verticalScrollBar()->setValue(0);
                insights->setRange(InsightsPage::Range::TwelveWeeks);
            }
        }
    }
    // Settings → Trash (Restore, Delete forever…, Empty trash…), scrolled into view.
    window.showPage(MainWindow::Page::Settings);
    if (auto* trash = window.settingsPage()->findChild<QListWidget*>(QStringLiteral("trash"))) {
        if (trash->count() > 0 && trash->item(0)->data(Qt::UserRole).isValid())
            trash->setCurrentRow(0); // a chosen item, so every button shows as it is used
        settle();
        for (auto* scroll : window.settingsPage()->findChildren<QScrollArea*>()) {
            if (scroll->widget() && scroll->widget()->isAncestorOf(trash))
                scroll->verticalScrollBar()->setValue(trash->mapTo(scroll->widget(), QPoint(0, 0)).y() - 200);
        }
    }
    files << save(window, dir, QStringLiteral("settings-trash"));
    // The strip shown when Attune's file is moved or deleted while it is open.
    if (auto* banner = window.findChild<FileMovedBanner*>()) {
        window.showPage(MainWindow::Page::Today);
        banner->show();
        Q_EMIT banner->fileGoneChanged(true); // the status line as it reads then
        settle();
        files << save(window, dir, QStringLiteral("file-moved"));
        banner->hide();
        Q_EMIT banner->fileGoneChanged(false);
    }
    // The Edit menu with Undo and Redo.
    if (auto* edit = window.findChild<QMenu*>(QStringLiteral("editMenu"))) {
        edit->popup(window.mapToGlobal(QPoint(0, window.menuBar()->height())));
        files << save(*edit, dir, QStringLiteral("edit-menu"));
        edit->hide();
    }
    window.showPage(MainWindow::Page::Today);

    // A session: a real one of the selected child with a few details filled in, if there is
    // one; shown, never saved.
    if (window.currentChild() != 0) {
        core::SessionFilter filter;
        filter.childId = window.currentChild();
        filter.limit = 300;
        const auto sessions = workspace.timeLog().sessions(filter);
        const core::Session* chosen = sessions.empty() ? nullptr : &sessions.front();
        for (const auto& session : sessions) {
            if (!session.data.marvel.empty() && !session.data.moodBefore.empty() && session.data.startMs) {
                chosen = &session;
                break;
            }
        }
        SessionDialog session(workspace, chosen ? chosen->data : SessionDialog::newDraft(workspace, window.currentChild()),
                              &window);
        session.show();
        files << save(session, dir, QStringLiteral("session"));
        session.close();

        // A running timer, drawn from a made-up state: nothing is started in the file.
        core::TimerState timer;
        timer.childId = window.currentChild();
        timer.elapsedMs = (7 * 60 + 42) * 1000;
        timer.goalMinutes = 15;
        TimerStrip frame(workspace);
        frame.setAttribute(Qt::WA_DontShowOnScreen);
        auto* card = new TimerCard(workspace, timer.childId, &frame);
        static_cast<QHBoxLayout*>(frame.layout())->insertWidget(0, card, 1);
        card->setState(timer);
        frame.resize(520, 118);
        frame.show();
        files << save(frame, dir, QStringLiteral("timer"));
    }

    if (window.currentChild() != 0) {
        ReflectionWizard wizard(workspace, window.currentChild(), &window);
        wizard.preview(demoReflection(workspace, window.currentChild()));
        core::ProblemDraft problem;
        problem.text = "Difficulty leaving the park when it's time to go home";
        problem.plan = core::PlanKind::B;
        core::PlanBTalkDraft talk;
        talk.scheduledOn = workspace.clock().today();
        talk.scheduledTime = "16:00";
        talk.childConcern = "Leaving feels too sudden, and they never get the last turn on the slide.";
        talk.myConcern = "We need to get home in time to eat and rest.";
        talk.ideas = "A two-minute warning with the sand timer; one last slide; a snack in the car.";
        talk.agreed = "Sand timer, then one last slide, then the snack is waiting in the car.";
        talk.likelihood = 4;
        if (auto* plan = dynamic_cast<PlanStep*>(wizard.step(8)))
            plan->preview(problem, talk);
        wizard.show();
        for (int step = 0; step < ReflectionWizard::kStepCount; ++step) {
            wizard.goToStep(step);
            files << save(wizard, dir, QStringLiteral("reflection-step-%1").arg(step));
        }
        wizard.close();
        try {
            for (const auto& row : workspace.reflections().list(window.currentChild(), 20)) {
                if (row.status != core::ReflectionStatus::Saved || row.activationAfter == std::nullopt)
                    continue;
                ReflectionView view(workspace, row.id, &window);
                view.show();
                files << save(view, dir, QStringLiteral("reflection-summary"));
                view.close();
                break;
            }
        } catch (const std::exception&) {
        }
    }

    files << saveNotebookScreenshots(window, workspace, dir);
    files << saveDataScreenshots(window, workspace, dir);

    if (window.currentChild() != 0) {
        // The care card as it prints (with who to call), and the dialog that makes it.
        CareCardDialog care(workspace, window.currentChild(), &window);
        if (auto* emergency = care.findChild<QLineEdit*>(QStringLiteral("emergencyLine")))
            emergency->setText(QObject::tr("Mum on 07700 900123, or Grandad Joe on 0161 496 0000"));
        const QString card = dir.filePath(QStringLiteral("care-card.png"));
        if (!renderCareCard(care.card(), QPageSize::A4, 110).save(card, "PNG"))
            throw std::runtime_error("could not write " + toStd(card));
        files << card;
        care.show();
        files << save(care, dir, QStringLiteral("care-card-dialog"));
        care.close();
    }

    ChildEditorDialog editor(workspace, window.currentChild(), &window);
    editor.show();
    files << save(editor, dir, QStringLiteral("child-editor"));
    editor.close();

    GetHelpDialog help(workspace.content(), &window);
    help.show();
    files << save(help, dir, QStringLiteral("get-help"));
    help.close();

    WelcomeDialog welcome(workspace.content(), QString::fromStdString(workspace.database().path().string()), &window);
    welcome.show();
    files << save(welcome, dir, QStringLiteral("welcome"));
    welcome.close();
    return files;
}

} // namespace attune::gui
