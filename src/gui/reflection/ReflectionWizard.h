// SPDX-License-Identifier: MIT
// The "ask why" reflection after a hard moment (PRODUCT §4, DOMAIN §8): ten calm steps, one
// per page, with the moment's one-line summary pinned at the top. Every field autosaves into
// a draft as the parent types, so nothing is ever lost; any step can be skipped.
#pragma once

#include "attune/core/Crisis.h"
#include "attune/core/Reflection.h"

#include <QDialog>
#include <QTimer>

#include <functional>
#include <map>
#include <set>
#include <vector>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace attune::gui {

class FieldErrorLabel;
class ReflectionStep;
class Workspace;

class ReflectionWizard : public QDialog {
    Q_OBJECT

public:
    static constexpr int kStepCount = 10;
    // A new reflection about `childId`.
    ReflectionWizard(Workspace& workspace, qint64 childId, QWidget* parent = nullptr);
    ~ReflectionWizard() override;

    // Continues a draft, or edits a saved reflection, at the step it was on.
    void openReflection(core::Id reflectionId);
    // Shows `draft` without saving anything (screenshots).
    void preview(const core::ReflectionDraft& draft);

    int currentStep() const;
    void goToStep(int step);
    void next();
    void back();
    // "Quick save": what happened and my activation, saved at once. False when it could not.
    bool quickSave();
    // Saves the whole reflection. False (and says why) when it could not.
    bool finish();

    core::ReflectionDraft& draft() { return m_draft; }
    core::Id reflectionId() const { return m_id; }
    // True once finished or quick-saved (or when a saved one is being edited).
    bool isSaved() const { return m_wasSaved; }
    qint64 childId() const { return m_draft.childId; }
    Workspace& workspace() { return m_workspace; }
    // The page of a step, built on first use (pages are made lazily so the flow opens at once).
    ReflectionStep* step(int index);

    // Called by the steps: `field` of the draft changed. Saved after a short pause (or at
    // once by flush()). `crisisText` is the changed free text, checked for crisis words.
    void fieldChanged(core::ReflectionField field);
    void textChanged(core::ReflectionField field, const QString& crisisText);
    // The safety gate's answer: saved and checked at once.
    void safetyAnswered(core::SafetyAnswer answer);
    // Writes every pending change now.
    void flush();
    // The draft's id, saving it first when nothing was saved yet. 0 when saving is off.
    core::Id ensureSaved();
    bool isSavingEnabled() const { return m_isSaving; }
    void showError(const QString& message);
    void refreshPinned();

    // How the crisis steps are shown; tests answer through this seam instead of a dialog.
    using CrisisHandler = std::function<void(const core::CrisisCheck&)>;
    void setCrisisHandler(CrisisHandler handler) { m_crisisHandler = std::move(handler); }
    void showCrisisSteps(const core::CrisisCheck& check);

    static QString stepTitle(int step);

Q_SIGNALS:
    void reflectionSaved(qint64 childId, qint64 reflectionId);

protected:
    void closeEvent(QCloseEvent* event) override;
    void reject() override;

private:
    void buildSteps();
    void savePlan();
    void loadSteps();
    void updateButtons();
    void saveField(core::ReflectionField field);
    void handleError(const std::exception& error);

    Workspace& m_workspace;
    core::ReflectionDraft m_draft;
    core::Id m_id = 0;
    bool m_isSaving = true;
    bool m_wasSaved = false; // editing a finished reflection
    QLabel* m_pinned;
    QLabel* m_stepLabel;
    QStackedWidget* m_stack;
    FieldErrorLabel* m_error;
    QPushButton* m_quickSave;
    QPushButton* m_back;
    QPushButton* m_next;
    QPushButton* m_save;
    QPushButton* m_later;
    std::vector<ReflectionStep*> m_steps;
    QTimer m_autosave;
    std::set<core::ReflectionField> m_pending;
    std::map<core::ReflectionField, QString> m_crisisTexts;
    std::set<core::CrisisReason> m_crisisShown;
    CrisisHandler m_crisisHandler;
};

} // namespace attune::gui
