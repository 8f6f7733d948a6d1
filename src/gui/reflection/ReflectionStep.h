// SPDX-License-Identifier: MIT
// One page of the reflection flow. Small helpers bind a widget to one field of the draft:
// the widget writes the field and asks the wizard to autosave it; load() fills every widget
// from the draft again (when a draft is continued).
#pragma once

#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"

#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSlider;
class QVBoxLayout;

namespace attune::gui {

class FieldErrorLabel;
class ReflectionWizard;
struct PickItem;

class ReflectionStep : public QWidget {
    Q_OBJECT

public:
    ReflectionStep(ReflectionWizard& wizard, int index, const QString& intro);
    int index() const { return m_index; }
    // Fills every widget from the wizard's draft, without saving anything.
    void load();

protected:
    core::ReflectionDraft& draft();
    QVBoxLayout* body() { return m_body; }
    bool isLoading() const { return m_isLoading; }
    void onLoad(std::function<void()> loader) { m_loaders.push_back(std::move(loader)); }

    QLabel* addLabel(const QString& text, const QString& objectName = QStringLiteral("fieldLabel"));
    QLabel* addNote(const QString& text); // muted, word-wrapped
    QPlainTextEdit* addText(const QString& objectName, const QString& label, const QString& placeholder,
                            std::string core::ReflectionDraft::*member, core::ReflectionField field, int height = 90);
    QLineEdit* addLine(const QString& objectName, const QString& label, const QString& placeholder,
                       std::string core::ReflectionDraft::*member, core::ReflectionField field);
    // One choice of a few, each with a plain description under it. Clicking the chosen one
    // again leaves it chosen; "not answered" is simply none.
    QButtonGroup* addChoices(const QString& prefix, const QString& label, const std::vector<PickItem>& items,
                             std::string core::ReflectionDraft::*member, core::ReflectionField field,
                             bool showDetails = true);
    // Chips: any number of keys from a list; the detail is the tooltip.
    QWidget* addChips(const QString& prefix, const std::vector<PickItem>& items,
                      std::vector<std::string> core::ReflectionDraft::*member, core::ReflectionField field,
                      int columns = 3);
    // A 0–10 slider for an optional activation rating.
    QSlider* addActivation(const QString& objectName, const QString& label, std::optional<int> core::ReflectionDraft::*member,
                           core::ReflectionField field);

    ReflectionWizard& m_wizard;

private:
    int m_index;
    QVBoxLayout* m_body;
    bool m_isLoading = false;
    std::vector<std::function<void()>> m_loaders;
};

// Step 8 keeps its words in an unsolved problem and a Plan B talk (core::Plans), not in the
// reflection; it autosaves them the same way.
class PlanStep : public ReflectionStep {
    Q_OBJECT

public:
    PlanStep(ReflectionWizard& wizard, int index);
    // Shows a problem and talk without saving (screenshots).
    void preview(const core::ProblemDraft& problem, const core::PlanBTalkDraft& talk);
    core::Id talkId() const { return m_talkId; }
    void saveNow();

private:
    void loadProblem();
    void changed();
    void refreshHints();
    core::PlanKind plan() const;

    QPlainTextEdit* m_problem;
    QLabel* m_hints;
    QButtonGroup* m_plan;
    QDateEdit* m_review;
    QWidget* m_planB;
    QDateEdit* m_talkOn;
    QLineEdit* m_talkTime;
    QPlainTextEdit* m_childConcern;
    QPlainTextEdit* m_myConcern;
    QPlainTextEdit* m_ideas;
    QPlainTextEdit* m_agreed;
    QComboBox* m_likelihood;
    QDateEdit* m_talkReview;
    FieldErrorLabel* m_error;
    QTimer m_timer;
    core::Id m_talkId = 0;
    // The problem and talk as this step last read or saved them, so a save writes only what
    // changed here (a status set on the Plans page meanwhile stays).
    std::optional<core::ProblemDraft> m_savedProblem;
    std::optional<core::PlanBTalkDraft> m_savedTalk;
    bool m_isFilling = false;
};

// The page of step `index` (0–9).
ReflectionStep* makeReflectionStep(ReflectionWizard& wizard, int index);

} // namespace attune::gui
