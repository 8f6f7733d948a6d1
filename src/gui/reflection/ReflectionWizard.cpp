// SPDX-License-Identifier: MIT
#include "reflection/ReflectionWizard.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "help/GetHelpDialog.h"
#include "reflection/ReflectionStep.h"

#include "attune/core/Errors.h"
#include "attune/core/Dates.h"
#include "attune/core/Family.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace attune::gui {

namespace {

// Chips are checkable buttons that look like soft tags; light and dark variants follow the
// system palette like the app's theme.
QString wizardStyle(bool isDark)
{
    QString sheet = QStringLiteral(R"(
QPushButton[chip="true"] { border: 1px solid %BORDER%; border-radius: 13px; padding: 4px 12px; background: %CHIP%; }
QPushButton[chip="true"]:checked { background: %ON%; border-color: %ACCENT%; color: %ONTEXT%; font-weight: 600; }
#pinnedSummary { background: %SOFT%; border-radius: 10px; padding: 10px 14px; font-size: 15px; }
#problemHints { background: %SOFT%; color: %ONTEXT%; border-radius: 8px; padding: 8px; }
)");
    return sheet.replace(QStringLiteral("%BORDER%"), isDark ? QStringLiteral("#4a5249") : QStringLiteral("#cfd8d3"))
        .replace(QStringLiteral("%CHIP%"), isDark ? QStringLiteral("#2b3030") : QStringLiteral("#ffffff"))
        .replace(QStringLiteral("%ON%"), isDark ? QStringLiteral("#2f4a3e") : QStringLiteral("#dcefe5"))
        .replace(QStringLiteral("%ACCENT%"), isDark ? QStringLiteral("#8fbfa8") : QStringLiteral("#3f7d64"))
        .replace(QStringLiteral("%ONTEXT%"), isDark ? QStringLiteral("#d8eee3") : QStringLiteral("#1f4f3b"))
        .replace(QStringLiteral("%SOFT%"), isDark ? QStringLiteral("#28352f") : QStringLiteral("#eef5f1"));
}

constexpr int kAutosaveMs = 300;

} // namespace

QString ReflectionWizard::stepTitle(int step)
{
    switch (step) {
    case 0: return tr("Is everyone safe?");
    case 1: return tr("You first");
    case 2: return tr("What happened");
    case 3: return tr("How your child felt");
    case 4: return tr("Ask why");
    case 5: return tr("Repair");
    case 6: return tr("Helping them settle");
    case 7: return tr("Strengths to lean on");
    case 8: return tr("A plan for next time");
    case 9: return tr("How are you now?");
    default: return {};
    }
}

ReflectionWizard::ReflectionWizard(Workspace& workspace, qint64 childId, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_pinned(new QLabel(this))
    , m_stepLabel(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_error(new FieldErrorLabel(this))
    , m_quickSave(new QPushButton(tr("Quick save"), this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_next(makePrimaryButton(tr("Next"), this))
    , m_save(makePrimaryButton(tr("Save reflection"), this))
    , m_later(new QPushButton(tr("Finish later"), this))
{
    setObjectName(QStringLiteral("reflectionWizard"));
    setWindowTitle(tr("After a hard moment"));
    setStyleSheet(wizardStyle(palette().color(QPalette::Window).lightness() < 128));
    resize(880, 760);
    m_draft.childId = childId;
    m_draft.uuid = workspace.reflections().newDraftUuid();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 16);
    layout->setSpacing(10);
    m_pinned->setObjectName(QStringLiteral("pinnedSummary"));
    m_pinned->setWordWrap(true);
    m_pinned->setAccessibleName(tr("This moment"));
    layout->addWidget(m_pinned);
    m_stepLabel->setObjectName(QStringLiteral("muted"));
    m_stepLabel->setAccessibleName(tr("Step"));
    layout->addWidget(m_stepLabel);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_error);

    auto* buttons = new QHBoxLayout;
    m_quickSave->setObjectName(QStringLiteral("quickSave"));
    m_quickSave->setToolTip(tr("Keep what happened and how you feel now, and come back to the rest another time"));
    m_back->setObjectName(QStringLiteral("back"));
    m_next->setObjectName(QStringLiteral("next"));
    m_next->setToolTip(tr("Every step is optional: Next moves on even when nothing is filled in"));
    m_save->setObjectName(QStringLiteral("saveReflection"));
    m_later->setObjectName(QStringLiteral("finishLater"));
    m_later->setToolTip(tr("Everything you typed is kept as a draft"));
    buttons->addWidget(m_later);
    buttons->addWidget(m_quickSave);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, &ReflectionWizard::flush);
    connect(m_back, &QPushButton::clicked, this, &ReflectionWizard::back);
    connect(m_next, &QPushButton::clicked, this, &ReflectionWizard::next);
    connect(m_quickSave, &QPushButton::clicked, this, [this] {
        if (quickSave())
            close();
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (finish())
            close();
    });
    connect(m_later, &QPushButton::clicked, this, &QDialog::close);

    m_crisisHandler = [this](const core::CrisisCheck&) {
        auto* help = new GetHelpDialog(m_workspace.content(), this);
        help->setAttribute(Qt::WA_DeleteOnClose);
        help->open();
    };
    buildSteps();
    loadSteps();
    goToStep(0);
}

ReflectionWizard::~ReflectionWizard()
{
    // Attune quitting with the flow open (window closed, logout): the last words are kept.
    m_crisisHandler = nullptr; // no dialogs from a window that is going away
    m_crisisTexts.clear();
    try {
        flush();
        savePlan();
    } catch (const std::exception&) {
        spdlog::error("reflection draft could not be saved on close");
    }
}

void ReflectionWizard::buildSteps()
{
    m_steps.assign(kStepCount, nullptr);
    for (int index = 0; index < kStepCount; ++index) {
        auto* scroll = new QScrollArea(m_stack);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        m_stack->addWidget(scroll);
    }
}

ReflectionStep* ReflectionWizard::step(int index)
{
    ReflectionStep*& page = m_steps[static_cast<std::size_t>(index)];
    if (page == nullptr) {
        page = makeReflectionStep(*this, index);
        static_cast<QScrollArea*>(m_stack->widget(index))->setWidget(page);
        page->load();
    }
    return page;
}

void ReflectionWizard::savePlan()
{
    if (auto* plan = dynamic_cast<PlanStep*>(m_steps[8]))
        plan->saveNow();
}

void ReflectionWizard::loadSteps()
{
    for (ReflectionStep* page : m_steps) {
        if (page != nullptr)
            page->load();
    }
    refreshPinned();
}

void ReflectionWizard::openReflection(core::Id reflectionId)
{
    const core::Reflection reflection = m_workspace.reflections().reflection(reflectionId);
    m_draft = reflection.data;
    m_id = reflectionId;
    m_wasSaved = reflection.status == core::ReflectionStatus::Saved;
    if (m_wasSaved)
        setWindowTitle(tr("Edit reflection"));
    loadSteps();
    goToStep(m_draft.step);
}

void ReflectionWizard::preview(const core::ReflectionDraft& draft)
{
    m_isSaving = false;
    m_draft = draft;
    loadSteps();
    goToStep(draft.step);
}

int ReflectionWizard::currentStep() const
{
    return m_stack->currentIndex();
}

void ReflectionWizard::goToStep(int step)
{
    step = std::clamp(step, 0, kStepCount - 1);
    flush();
    savePlan();
    const bool isBuilt = m_steps[static_cast<std::size_t>(step)] != nullptr;
    ReflectionStep* page = this->step(step); // a new page loads itself
    if (isBuilt)
        page->load(); // lists drawn from elsewhere (co-regulation, strengths) may have changed
    m_stack->setCurrentIndex(step);
    m_stepLabel->setText(tr("Step %1 of %2  ·  %3").arg(step + 1).arg(kStepCount).arg(stepTitle(step)));
    if (m_draft.step != step) {
        m_draft.step = step;
        if (m_id != 0)
            saveField(core::ReflectionField::Step);
    }
    m_error->showMessage({});
    updateButtons();
}

void ReflectionWizard::next()
{
    goToStep(currentStep() + 1);
}

void ReflectionWizard::back()
{
    goToStep(currentStep() - 1);
}

void ReflectionWizard::updateButtons()
{
    const int step = currentStep();
    m_back->setEnabled(step > 0);
    m_next->setVisible(step < kStepCount - 1);
    m_save->setVisible(step == kStepCount - 1);
    m_quickSave->setVisible(step <= 2 && !m_wasSaved);
}

void ReflectionWizard::refreshPinned()
{
    QString line = toQString(m_draft.summary).trimmed();
    if (line.isEmpty()) {
        const QString text = toQString(m_draft.whatHappened).trimmed();
        line = text.section(QLatin1Char('\n'), 0, 0).left(90);
    }
    if (line.isEmpty()) {
        QString name;
        try {
            name = toQString(m_workspace.family().child(m_draft.childId).data.name);
        } catch (const std::exception&) {
        }
        line = name.isEmpty() ? tr("A hard moment") : tr("A hard moment with %1").arg(name);
    }
    m_pinned->setText(line);
}

void ReflectionWizard::fieldChanged(core::ReflectionField field)
{
    m_pending.insert(field);
    // Saved at most a moment after the first unsaved change, even while the parent keeps typing.
    if (m_isSaving && !m_autosave.isActive())
        m_autosave.start();
}

void ReflectionWizard::textChanged(core::ReflectionField field, const QString& crisisText)
{
    if (field == core::ReflectionField::Summary || field == core::ReflectionField::WhatHappened)
        refreshPinned();
    m_crisisTexts[field] = crisisText;
    if (field != core::ReflectionField::Problem)
        m_pending.insert(field);
    if (!m_autosave.isActive())
        m_autosave.start();
}

void ReflectionWizard::safetyAnswered(core::SafetyAnswer answer)
{
    m_draft.safety = answer;
    m_pending.insert(core::ReflectionField::Safety);
    flush();
    const core::CrisisCheck check = core::checkForCrisis(answer, {});
    if (check.showCrisisSteps)
        showCrisisSteps(check);
}

void ReflectionWizard::showCrisisSteps(const core::CrisisCheck& check)
{
    for (const core::CrisisReason reason : check.reasons)
        m_crisisShown.insert(reason);
    spdlog::info("crisis steps shown from the reflection");
    if (m_crisisHandler)
        m_crisisHandler(check);
}

void ReflectionWizard::flush()
{
    m_autosave.stop();
    // Only the texts that changed are read for crisis words: a long text is read once, not on
    // every keystroke of another field.
    if (!m_crisisTexts.empty()) {
        std::vector<std::string> texts;
        for (const auto& [field, text] : m_crisisTexts)
            texts.push_back(toStd(text));
        m_crisisTexts.clear();
        const core::CrisisCheck check = core::checkForCrisis(core::SafetyAnswer::Unanswered, texts);
        bool isNew = false;
        for (const core::CrisisReason reason : check.reasons)
            isNew = isNew || m_crisisShown.count(reason) == 0;
        if (check.showCrisisSteps && isNew)
            showCrisisSteps(check);
    }
    if (!m_isSaving) {
        m_pending.clear();
        return;
    }
    const std::set<core::ReflectionField> pending = std::move(m_pending);
    m_pending.clear();
    for (const core::ReflectionField field : pending)
        saveField(field);
}

void ReflectionWizard::saveField(core::ReflectionField field)
{
    if (!m_isSaving)
        return;
    try {
        const bool isNew = m_id == 0;
        m_id = m_workspace.reflections().saveDraft(m_draft, field);
        m_error->showMessage({});
        if (isNew)
            Q_EMIT m_workspace.reflectionsChanged(m_draft.childId);
        if (field == core::ReflectionField::LostTemper || field == core::ReflectionField::Repair)
            Q_EMIT m_workspace.plansChanged(m_draft.childId);
    } catch (const std::exception& error) {
        handleError(error);
    }
}

core::Id ReflectionWizard::ensureSaved()
{
    if (!m_isSaving)
        return 0;
    if (m_id == 0)
        saveField(core::ReflectionField::Step);
    return m_id;
}

void ReflectionWizard::handleError(const std::exception& error)
{
    if (const auto* invalid = dynamic_cast<const core::ValidationError*>(&error)) {
        showError(toQString(invalid->errors().empty() ? std::string(invalid->what()) : invalid->errors().front().message));
        return;
    }
    spdlog::error("reflection could not be saved");
    m_workspace.prompts().warn(this, tr("Not saved yet"),
                               tr("Attune couldn't save this just now: %1 What you typed is still here.")
                                   .arg(toQString(error.what())));
}

void ReflectionWizard::showError(const QString& message)
{
    m_error->showMessage(message);
}

bool ReflectionWizard::quickSave()
{
    flush();
    if (toQString(m_draft.whatHappened).trimmed().isEmpty() && toQString(m_draft.summary).trimmed().isEmpty()) {
        goToStep(2);
        showError(tr("Write a few words about what happened first; that's all a quick save needs."));
        return false;
    }
    try {
        m_id = m_workspace.reflections().quickSave(m_draft);
        m_wasSaved = true;
        Q_EMIT m_workspace.reflectionsChanged(m_draft.childId);
        Q_EMIT reflectionSaved(m_draft.childId, m_id);
        return true;
    } catch (const std::exception& error) {
        handleError(error);
        return false;
    }
}

bool ReflectionWizard::finish()
{
    flush();
    savePlan();
    try {
        m_id = m_workspace.reflections().finish(m_draft);
        m_wasSaved = true;
        Q_EMIT m_workspace.reflectionsChanged(m_draft.childId);
        Q_EMIT m_workspace.plansChanged(m_draft.childId);
        Q_EMIT reflectionSaved(m_draft.childId, m_id);
        return true;
    } catch (const core::ValidationError& error) {
        const auto& errors = error.errors();
        const bool needsWords = !errors.empty() && (errors.front().field == "whatHappened" || errors.front().field == "summary");
        showError(toQString(errors.empty() ? std::string(error.what()) : errors.front().message)
                  + (needsWords ? tr(" (step 3, What happened)") : QString()));
        return false;
    } catch (const std::exception& error) {
        handleError(error);
        return false;
    }
}

void ReflectionWizard::closeEvent(QCloseEvent* event)
{
    flush();
    savePlan();
    QDialog::closeEvent(event);
}

void ReflectionWizard::reject()
{
    flush();
    savePlan();
    QDialog::reject();
}

} // namespace attune::gui
