// SPDX-License-Identifier: MIT
#include "reflection/ReflectionStep.h"

#include "common/KeptVersions.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/KeepMarvelDialog.h"
#include "reflection/ReflectionContent.h"
#include "reflection/ReflectionWizard.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/ReflectionCatalog.h"
#include "attune/core/Validation.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>

namespace attune::gui {

namespace {

// A date field where the earliest date reads "Not set": an empty date in the core.
const QDate kNoDate(2000, 1, 1);

QDateEdit* makeOptionalDate(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoDate);
    edit->setSpecialValueText(QObject::tr("Not set"));
    edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    edit->setDate(kNoDate);
    edit->setMinimumWidth(150);
    return edit;
}

std::string dateText(const QDateEdit* edit)
{
    return edit->date() == kNoDate ? std::string() : toStd(edit->date().toString(Qt::ISODate));
}

void setDateText(QDateEdit* edit, const std::string& text)
{
    const QDate date = QDate::fromString(toQString(text), Qt::ISODate);
    edit->setDate(date.isValid() ? date : kNoDate);
}

bool contains(const std::vector<std::string>& list, const std::string& key)
{
    return std::find(list.begin(), list.end(), key) != list.end();
}

void toggle(std::vector<std::string>& list, const std::string& key, bool isOn)
{
    const auto found = std::find(list.begin(), list.end(), key);
    if (isOn && found == list.end())
        list.push_back(key);
    else if (!isOn && found != list.end())
        list.erase(found);
}

QPushButton* makeChip(const QString& objectName, const QString& text, QWidget* parent)
{
    auto* chip = new QPushButton(text, parent);
    chip->setObjectName(objectName);
    chip->setProperty("chip", true);
    chip->setCheckable(true);
    chip->setAccessibleName(text);
    return chip;
}

QString childName(ReflectionWizard& wizard)
{
    try {
        return toQString(wizard.workspace().family().child(wizard.childId()).data.name);
    } catch (const std::exception&) {
        return QObject::tr("your child");
    }
}

} // namespace

// --- the base page ---

ReflectionStep::ReflectionStep(ReflectionWizard& wizard, int index, const QString& intro)
    : m_wizard(wizard)
    , m_index(index)
    , m_body(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("reflectionStep%1").arg(index));
    m_body->setContentsMargins(4, 4, 12, 12);
    m_body->setSpacing(8);
    m_body->addWidget(makeHeading(ReflectionWizard::stepTitle(index), 2, this));
    if (!intro.isEmpty())
        addNote(intro);
}

core::ReflectionDraft& ReflectionStep::draft()
{
    return m_wizard.draft();
}

void ReflectionStep::load()
{
    m_isLoading = true;
    for (const auto& loader : m_loaders)
        loader();
    m_isLoading = false;
}

QLabel* ReflectionStep::addLabel(const QString& text, const QString& objectName)
{
    auto* label = new QLabel(text, this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    if (objectName == QLatin1String("fieldLabel"))
        label->setStyleSheet(QStringLiteral("font-weight: 600; margin-top: 6px;"));
    m_body->addWidget(label);
    return label;
}

QLabel* ReflectionStep::addNote(const QString& text)
{
    return addLabel(text, QStringLiteral("muted"));
}

QPlainTextEdit* ReflectionStep::addText(const QString& objectName, const QString& label, const QString& placeholder,
                                        std::string core::ReflectionDraft::*member, core::ReflectionField field,
                                        int height)
{
    QLabel* title = addLabel(label);
    auto* edit = new QPlainTextEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(label);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(height);
    edit->setMaximumHeight(height * 2);
    title->setBuddy(edit);
    m_body->addWidget(edit);
    connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, member, field] {
        if (m_isLoading)
            return;
        const QString text = edit->toPlainText();
        draft().*member = toStd(text);
        m_wizard.textChanged(field, text);
    });
    onLoad([this, edit, member] {
        if (edit->toPlainText() != toQString(draft().*member))
            edit->setPlainText(toQString(draft().*member));
    });
    return edit;
}

QLineEdit* ReflectionStep::addLine(const QString& objectName, const QString& label, const QString& placeholder,
                                   std::string core::ReflectionDraft::*member, core::ReflectionField field)
{
    QLabel* title = addLabel(label);
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(label);
    edit->setPlaceholderText(placeholder);
    title->setBuddy(edit);
    m_body->addWidget(edit);
    connect(edit, &QLineEdit::textChanged, this, [this, member, field](const QString& text) {
        if (m_isLoading)
            return;
        draft().*member = toStd(text);
        m_wizard.textChanged(field, text);
    });
    onLoad([this, edit, member] {
        if (edit->text() != toQString(draft().*member))
            edit->setText(toQString(draft().*member));
    });
    return edit;
}

QButtonGroup* ReflectionStep::addChoices(const QString& prefix, const QString& label, const std::vector<PickItem>& items,
                                         std::string core::ReflectionDraft::*member, core::ReflectionField field,
                                         bool showDetails)
{
    if (!label.isEmpty())
        addLabel(label);
    auto* group = new QButtonGroup(this);
    for (const PickItem& item : items) {
        auto* button = new QRadioButton(item.label, this);
        button->setObjectName(prefix + QLatin1Char('-') + item.key);
        button->setAccessibleName(item.label);
        button->setProperty("key", item.key);
        button->setToolTip(item.detail);
        group->addButton(button);
        m_body->addWidget(button);
        if (showDetails && !item.detail.isEmpty()) {
            auto* detail = new QLabel(item.detail, this);
            detail->setObjectName(QStringLiteral("muted"));
            detail->setWordWrap(true);
            detail->setContentsMargins(24, 0, 0, 4);
            m_body->addWidget(detail);
        }
    }
    connect(group, &QButtonGroup::buttonClicked, this, [this, member, field](QAbstractButton* button) {
        if (m_isLoading)
            return;
        draft().*member = toStd(button->property("key").toString());
        m_wizard.fieldChanged(field);
    });
    onLoad([this, group, member] {
        const QString key = toQString(draft().*member);
        group->setExclusive(false);
        for (QAbstractButton* button : group->buttons())
            button->setChecked(button->property("key").toString() == key);
        group->setExclusive(true);
    });
    return group;
}

QWidget* ReflectionStep::addChips(const QString& prefix, const std::vector<PickItem>& items,
                                  std::vector<std::string> core::ReflectionDraft::*member, core::ReflectionField field,
                                  int columns)
{
    auto* box = new QWidget(this);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    int position = 0;
    for (const PickItem& item : items) {
        QPushButton* chip = makeChip(prefix + QLatin1Char('-') + item.key, item.label, box);
        chip->setToolTip(item.detail);
        if (!item.detail.isEmpty())
            chip->setAccessibleDescription(item.detail);
        grid->addWidget(chip, position / columns, position % columns);
        ++position;
        const std::string key = toStd(item.key);
        connect(chip, &QPushButton::toggled, this, [this, member, field, key](bool isOn) {
            if (m_isLoading)
                return;
            toggle(draft().*member, key, isOn);
            m_wizard.fieldChanged(field);
        });
        onLoad([this, chip, member, key] { chip->setChecked(contains(draft().*member, key)); });
    }
    m_body->addWidget(box);
    return box;
}

QSlider* ReflectionStep::addActivation(const QString& objectName, const QString& label,
                                       std::optional<int> core::ReflectionDraft::*member, core::ReflectionField field)
{
    addLabel(label);
    auto* row = new QHBoxLayout;
    auto* calm = new QLabel(tr("0 calm"), this);
    calm->setObjectName(QStringLiteral("muted"));
    auto* slider = new QSlider(Qt::Horizontal, this);
    slider->setObjectName(objectName);
    slider->setAccessibleName(label);
    slider->setRange(0, 10);
    slider->setPageStep(1);
    slider->setTickPosition(QSlider::TicksBelow);
    slider->setTickInterval(1);
    auto* most = new QLabel(tr("10 the most upset I get"), this);
    most->setObjectName(QStringLiteral("muted"));
    auto* value = new QLabel(this);
    value->setObjectName(objectName + QStringLiteral("Value"));
    value->setMinimumWidth(110);
    row->addWidget(calm);
    row->addWidget(slider, 1);
    row->addWidget(most);
    row->addSpacing(12);
    row->addWidget(value);
    m_body->addLayout(row);
    auto show = [value](std::optional<int> rating) {
        value->setText(rating ? tr("%1 of 10").arg(*rating) : tr("Not rated yet"));
    };
    connect(slider, &QSlider::valueChanged, this, [this, member, field, show](int rating) {
        if (m_isLoading)
            return;
        draft().*member = rating;
        show(rating);
        m_wizard.fieldChanged(field);
    });
    onLoad([this, slider, member, show] {
        slider->setValue((draft().*member).value_or(0));
        show(draft().*member);
    });
    return slider;
}

// --- 0 Safety gate ---

namespace {

class SafetyStep final : public ReflectionStep {
public:
    SafetyStep(ReflectionWizard& wizard, int index)
        : ReflectionStep(wizard, index, tr("Before anything else: is anyone in danger right now? There is no wrong answer."))
    {
        struct Answer {
            core::SafetyAnswer answer;
            QString key;
            QString text;
        };
        const Answer answers[] = {
            {core::SafetyAnswer::AllSafe, QStringLiteral("all_safe"), tr("Everyone is safe right now")},
            {core::SafetyAnswer::NeedHelpNow, QStringLiteral("need_help"), tr("Yes, I need help now")},
            {core::SafetyAnswer::MightHurtChild, QStringLiteral("might_hurt_child"),
             tr("I'm afraid I might hurt my child")},
            {core::SafetyAnswer::ChildHurt, QStringLiteral("child_hurt"), tr("My child is hurt")},
            {core::SafetyAnswer::SelfHarm, QStringLiteral("self_harm"),
             tr("Someone here is thinking about suicide or self-harm")},
            {core::SafetyAnswer::ChildInDanger, QStringLiteral("child_in_danger"), tr("A child is not safe at home")},
            {core::SafetyAnswer::InfantCrying, QStringLiteral("infant_crying"),
             tr("A baby's crying is becoming too much for me")},
            {core::SafetyAnswer::MedicalEmergency, QStringLiteral("medical"), tr("Someone needs a doctor right now")},
        };
        auto* group = new QButtonGroup(this);
        for (const Answer& answer : answers) {
            auto* button = new QRadioButton(answer.text, this);
            button->setObjectName(QStringLiteral("safety-") + answer.key);
            button->setAccessibleName(answer.text);
            group->addButton(button, static_cast<int>(answer.answer));
            body()->addWidget(button);
        }
        connect(group, &QButtonGroup::idClicked, this, [this](int id) {
            if (isLoading())
                return;
            m_wizard.safetyAnswered(static_cast<core::SafetyAnswer>(id));
        });
        onLoad([this, group] {
            group->setExclusive(false);
            for (QAbstractButton* button : group->buttons())
                button->setChecked(group->id(button) == static_cast<int>(draft().safety));
            group->setExclusive(true);
        });
        addNote(tr("If someone is in danger, the crisis steps and people to call come first. Attune never calls or "
                   "tells anyone anything by itself."));
        auto* help = new QPushButton(tr("Get help now"), this);
        help->setObjectName(QStringLiteral("safetyGetHelp"));
        help->setStyleSheet(QStringLiteral("background: #8c3b3b; color: white; border: none; border-radius: 6px; "
                                           "padding: 6px 14px; font-weight: 600;"));
        connect(help, &QPushButton::clicked, this, [this] {
            core::CrisisCheck check;
            check.showCrisisSteps = true;
            check.reasons = {core::CrisisReason::AskedForHelp};
            m_wizard.showCrisisSteps(check);
        });
        auto* row = new QHBoxLayout;
        row->addWidget(help);
        row->addStretch();
        body()->addLayout(row);
        body()->addStretch();
    }
};

// --- 1 Me first ---

class MeFirstStep final : public ReflectionStep {
public:
    MeFirstStep(ReflectionWizard& wizard, int index)
        : ReflectionStep(wizard, index,
                         tr("Your calm comes first: a settled grown-up is what helps a child settle. Take a breath. "
                            "Answer only what feels useful."))
    {
        const auto& content = ReflectionContent::shipped();
        addChoices(QStringLiteral("myState"), tr("How is your body right now?"), content.parentStates,
                   &core::ReflectionDraft::myState, core::ReflectionField::MyState);

        addLabel(tr("How full is your tank today?"));
        auto* grid = new QGridLayout;
        grid->setHorizontalSpacing(12);
        struct Part {
            QString key;
            QString label;
            int core::BodyBudget::*member;
            QStringList answers; // for 1, 2, 3
        };
        const Part parts[] = {
            {QStringLiteral("sleep"), tr("Sleep"), &core::BodyBudget::sleep, {tr("Running low"), tr("So-so"), tr("Rested")}},
            {QStringLiteral("food"), tr("Food and water"), &core::BodyBudget::food, {tr("Running low"), tr("So-so"), tr("Fed")}},
            {QStringLiteral("stress"), tr("Stress"), &core::BodyBudget::stress, {tr("A lot"), tr("Some"), tr("Not much")}},
            {QStringLiteral("support"), tr("Support"), &core::BodyBudget::support,
             {tr("On my own"), tr("A little"), tr("Well supported")}},
        };
        int row = 0;
        for (const Part& part : parts) {
            grid->addWidget(new QLabel(part.label, this), row, 0);
            auto* group = new QButtonGroup(this);
            for (int level = 1; level <= 3; ++level) {
                auto* button = new QRadioButton(part.answers[level - 1], this);
                button->setObjectName(QStringLiteral("budget-%1-%2").arg(part.key).arg(level));
                button->setAccessibleName(part.label + QStringLiteral(": ") + button->text());
                group->addButton(button, level);
                grid->addWidget(button, row, level);
            }
            connect(group, &QButtonGroup::idClicked, this, [this, member = part.member](int level) {
                if (isLoading())
                    return;
                draft().budget.*member = level;
                m_wizard.fieldChanged(core::ReflectionField::Budget);
            });
            onLoad([this, group, member = part.member] {
                group->setExclusive(false);
                for (QAbstractButton* button : group->buttons())
                    button->setChecked(group->id(button) == draft().budget.*member);
                group->setExclusive(true);
            });
            ++row;
        }
        grid->setColumnStretch(4, 1);
        body()->addLayout(grid);
        addNote(tr("A low tank makes anyone quicker to snap. That's a body that needs care, not a bad parent."));

        addLabel(tr("One thing to steady yourself"));
        addActionChips(QStringLiteral("action"), content.regulatingActions, core::ReflectionField::RegulatingAction, 4);
        m_actionDetail = addNote({});
        onLoad([this] { showActionDetail(); });

        addActivation(QStringLiteral("activationBefore"),
                      tr("How strong is the upset in your body right now?"), &core::ReflectionDraft::activationBefore,
                      core::ReflectionField::ActivationBefore);
        body()->addStretch();
    }

private:
    // The action chips act like radio buttons over one key.
    QWidget* addActionChips(const QString& prefix, const std::vector<PickItem>& items, core::ReflectionField field,
                            int columns)
    {
        auto* box = new QWidget(this);
        auto* grid = new QGridLayout(box);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setSpacing(6);
        auto* group = new QButtonGroup(this);
        group->setExclusive(false);
        int position = 0;
        for (const PickItem& item : items) {
            QPushButton* chip = makeChip(prefix + QLatin1Char('-') + item.key, item.label, box);
            chip->setToolTip(item.detail);
            chip->setProperty("key", item.key);
            group->addButton(chip);
            grid->addWidget(chip, position / columns, position % columns);
            ++position;
        }
        connect(group, &QButtonGroup::buttonClicked, this, [this, group, field](QAbstractButton* clicked) {
            if (isLoading())
                return;
            for (QAbstractButton* button : group->buttons()) {
                if (button != clicked)
                    button->setChecked(false);
            }
            draft().regulatingAction = clicked->isChecked() ? toStd(clicked->property("key").toString()) : std::string();
            showActionDetail();
            m_wizard.fieldChanged(field);
        });
        onLoad([this, group] {
            for (QAbstractButton* button : group->buttons())
                button->setChecked(toStd(button->property("key").toString()) == draft().regulatingAction);
        });
        body()->addWidget(box);
        return box;
    }

    void showActionDetail()
    {
        QString detail;
        for (const PickItem& item : ReflectionContent::shipped().regulatingActions) {
            if (toStd(item.key) == draft().regulatingAction)
                detail = item.detail;
        }
        m_actionDetail->setText(detail);
        m_actionDetail->setVisible(!detail.isEmpty());
    }

    QLabel* m_actionDetail = nullptr;
};

// --- 2 What happened ---

class WhatHappenedStep final : public ReflectionStep {
public:
    WhatHappenedStep(ReflectionWizard& wizard, int index)
        : ReflectionStep(wizard, index, tr("Describe it plainly, the way a camera would have seen it. Just the facts "
                                           "for now; the why comes later."))
    {
        auto* row = new QHBoxLayout;
        auto* dayLabel = new QLabel(tr("When"), this);
        dayLabel->setStyleSheet(QStringLiteral("font-weight: 600;"));
        m_day = new QDateEdit(this);
        m_day->setObjectName(QStringLiteral("happenedOn"));
        m_day->setAccessibleName(tr("The day it happened"));
        m_day->setCalendarPopup(true);
        m_day->setDisplayFormat(QStringLiteral("d MMM yyyy"));
        m_time = new QLineEdit(this);
        m_time->setObjectName(QStringLiteral("happenedTime"));
        m_time->setAccessibleName(tr("The time it happened"));
        m_time->setPlaceholderText(tr("time, e.g. 17:30"));
        m_time->setMaximumWidth(140);
        row->addWidget(dayLabel);
        row->addWidget(m_day);
        row->addWidget(m_time);
        row->addStretch();
        body()->addLayout(row);
        connect(m_day, &QDateEdit::dateChanged, this, [this](const QDate& date) {
            if (isLoading())
                return;
            draft().happenedOn = toStd(date.toString(Qt::ISODate));
            m_wizard.fieldChanged(core::ReflectionField::HappenedOn);
        });
        connect(m_time, &QLineEdit::textChanged, this, [this](const QString& text) {
            if (isLoading())
                return;
            draft().happenedTime = toStd(text.trimmed());
            m_wizard.fieldChanged(core::ReflectionField::HappenedTime);
        });
        onLoad([this] {
            const std::string day = draft().happenedOn.empty() ? m_wizard.workspace().clock().today() : draft().happenedOn;
            m_day->setDate(QDate::fromString(toQString(day), Qt::ISODate));
            m_time->setText(toQString(draft().happenedTime));
        });

        addLine(QStringLiteral("place"), tr("Where"), tr("e.g. at the park, in the car, at bedtime"),
                &core::ReflectionDraft::place, core::ReflectionField::Place);
        addLine(QStringLiteral("justBefore"), tr("What came just before"),
                tr("e.g. I said it was time to go home"), &core::ReflectionDraft::justBefore,
                core::ReflectionField::JustBefore);
        auto* transition = new QCheckBox(tr("It was a change from one thing to another (a transition)"), this);
        transition->setObjectName(QStringLiteral("wasTransition"));
        body()->addWidget(transition);
        connect(transition, &QCheckBox::toggled, this, [this](bool isOn) {
            if (isLoading())
                return;
            draft().wasTransition = isOn;
            m_wizard.fieldChanged(core::ReflectionField::WasTransition);
        });
        onLoad([this, transition] { transition->setChecked(draft().wasTransition); });
        addText(QStringLiteral("whatHappened"), tr("What happened"),
                tr("What did you see and hear? What did you say and do?"), &core::ReflectionDraft::whatHappened,
                core::ReflectionField::WhatHappened, 110);
        addLine(QStringLiteral("summary"), tr("In one line"),
                tr("e.g. Meltdown leaving the park"), &core::ReflectionDraft::summary, core::ReflectionField::Summary);
        addNote(tr("This line stays at the top while you go on, and names the reflection in your list."));
        body()->addStretch();
    }

private:
    QDateEdit* m_day;
    QLineEdit* m_time;
};

// --- 3 How my child felt ---

class ChildFeltStep final : public ReflectionStep {
public:
    ChildFeltStep(ReflectionWizard& wizard, int index)
        : ReflectionStep(wizard, index,
                         tr("Guess what %1 might have been feeling underneath. Pick a big feeling first; finer words "
                            "appear under it.")
                             .arg(childName(wizard)))
    {
        const auto& content = ReflectionContent::shipped();
        addLabel(tr("Feelings"));
        std::vector<PickItem> bigFeelings;
        for (const FeelingGroup& group : content.feelings)
            bigFeelings.push_back({group.key, group.word, {}});
        addChips(QStringLiteral("feeling"), bigFeelings, &core::ReflectionDraft::childFeelings,
                 core::ReflectionField::ChildFeelings, 8);

        for (const FeelingGroup& group : content.feelings) {
            auto* finer = new QWidget(this);
            finer->setObjectName(QStringLiteral("finer-") + group.key);
            auto* column = new QVBoxLayout(finer);
            column->setContentsMargins(0, 4, 0, 0);
            auto* title = new QLabel(tr("%1, in finer words").arg(group.word), finer);
            title->setObjectName(QStringLiteral("muted"));
            column->addWidget(title);
            auto* grid = new QGridLayout;
            grid->setSpacing(6);
            int position = 0;
            const std::string groupKey = toStd(group.key);
            for (const QStringList* words : {&group.simple, &group.more}) {
                for (const QString& word : *words) {
                    const std::string key = core::feelingKey(groupKey, toStd(word));
                    QPushButton* chip = makeChip(QStringLiteral("feeling-") + toQString(key), word, finer);
                    if (words == &group.more)
                        chip->setToolTip(tr("A finer word, for older children"));
                    grid->addWidget(chip, position / 6, position % 6);
                    ++position;
                    connect(chip, &QPushButton::toggled, this, [this, key](bool isOn) {
                        if (isLoading())
                            return;
                        toggle(draft().childFeelings, key, isOn);
                        m_wizard.fieldChanged(core::ReflectionField::ChildFeelings);
                    });
                    onLoad([this, chip, key] { chip->setChecked(contains(draft().childFeelings, key)); });
                }
            }
            column->addLayout(grid);
            body()->addWidget(finer);
            finer->setVisible(false);
            m_finer.emplace_back(groupKey, finer);
        }
        onLoad([this] { showFiner(); });

        addChoices(QStringLiteral("childState"), tr("What did their body look like?"), content.childStates,
                   &core::ReflectionDraft::childState, core::ReflectionField::ChildState);
        addChoices(QStringLiteral("source"), tr("Did it look more like…"), content.sources,
                   &core::ReflectionDraft::source, core::ReflectionField::Source, false);
        addNote(tr("A flood or a freeze comes from the body, not a plan: comfort and closeness help first. A choice "
                   "still often hides a skill that is hard for them."));
        body()->addStretch();
    }

    void showFiner()
    {
        for (const auto& [groupKey, widget] : m_finer) {
            const auto& feelings = draft().childFeelings;
            const bool isShown = std::any_of(feelings.begin(), feelings.end(), [&](const std::string& key) {
                return key == groupKey || key.rfind(groupKey + "/", 0) == 0;
            });
            widget->setVisible(isShown);
        }
    }

private:
    std::vector<std::pair<std::string, QWidget*>> m_finer;

public:

    void connectFiner()
    {
        for (QPushButton* chip : findChildren<QPushButton*>()) {
            if (chip->property("chip").toBool())
                connect(chip, &QPushButton::toggled, this, [this] { showFiner(); });
        }
    }
};

// --- 4 Ask why ---

class AskWhyStep final : public ReflectionStep {
public:
    AskWhyStep(ReflectionWizard& wizard, int index)
        : ReflectionStep(wizard, index,
                         tr("Behaviour is a signal. Look for what was hard, not for who was wrong."))
    {
        const auto& content = ReflectionContent::shipped();
        auto* reframe = new Card({}, this);
        reframe->setObjectName(QStringLiteral("card"));
        auto* reframeText = new QLabel(content.reframe, reframe);
        reframeText->setObjectName(QStringLiteral("reframe"));
        reframeText->setWordWrap(true);
        reframeText->setStyleSheet(QStringLiteral("font-size: 15px;"));
        reframe->layout()->addWidget(reframeText);
        body()->addWidget(reframe);

        addLabel(tr("What might have been going on?"));
        for (const PickGroup& group : content.unmetNeeds) {
            auto* title = new QLabel(group.title, this);
            title->setObjectName(QStringLiteral("muted"));
            body()->addWidget(title);
            addChips(QStringLiteral("need"), group.items, &core::ReflectionDraft::unmetNeeds,
                     core::ReflectionField::UnmetNeeds, 4);
        }

        addLabel(tr("Which skills might still be growing?"));
        auto* grid = new QGridLayout;
        grid->setHorizontalSpacing(18);
        grid->setVerticalSpacing(2);
        int position = 0;
        for (const PickItem& skill : content.laggingSkills) {
            auto* box = new QCheckBox(skill.label, this);
            box->setObjectName(QStringLiteral("skill-") + skill.key);
            box->setAccessibleDescription(skill.detail);
            auto* gloss = new QLabel(skill.detail, this);
            gloss->setObjectName(QStringLiteral("muted"));
            gloss->setWordWrap(true);
            gloss->setContentsMargins(24, 0, 0, 6);
            const int row = (position / 2) * 2;
            const int column = position % 2;
            grid->addWidget(box, row, column);
            grid->addWidget(gloss, row + 1, column, Qt::AlignTop);
            ++position;
            const std::string key = toStd(skill.key);
            connect(box, &QCheckBox::toggled, this, [this, key](bool isOn) {
                if (isLoading())
                    return;
                toggle(draft().laggingSkills, key, isOn);
                m_wizard.fieldChanged(core::ReflectionField::LaggingSkills);
            });
            onLoad([this, box, key] { box->setChecked(contains(draft().laggingSkills, key)); });
        }
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(1, 1);
        body()->addLayout(grid);
        addLine(QStringLiteral("otherSkill"), tr("Another skill, in your words"), tr("optional"),
                &core::ReflectionDraft::otherSkill, core::ReflectionField::OtherSkill);

        addText(QStringLiteral("whyFeeling"), tr("Why might %1 have felt this way?").arg(childName(wizard)), {},
                &core::ReflectionDraft::whyFeeling, core::ReflectionField::WhyFeeling, 60);
        addText(QStringLiteral("whyBehaving"), tr("Why might they have acted this way?"), {},
                &core::ReflectionDraft::whyBehaving, core::ReflectionField::WhyBehaving, 60);
        addText(QStringLiteral("whyStruggling"), tr("Why might we both have been struggling?"), {},
                &core::ReflectionDraft::whyStruggling, core::ReflectionField::WhyStruggling, 60);
        body()->addStretch();
    }
};

// --- 5 Repair ---

class RepairStep final : public ReflectionStep {
public:
    RepairStep(ReflectionWizard& wizard, int index)
        : ReflectionStep(wizard, index, ReflectionContent::shipped().repairIntro)
    {
        const auto& content = ReflectionContent::shipped();
        addLabel(tr("Did you lose your temper?"));
        auto* group = new QButtonGroup(this);
        auto* yes = new QRadioButton(tr("Yes, and I'd like to make it right"), this);
        yes->setObjectName(QStringLiteral("lostTemper-yes"));
        auto* no = new QRadioButton(tr("No, not this time"), this);
        no->setObjectName(QStringLiteral("lostTemper-no"));
        group->addButton(yes, 1);
        group->addButton(no, 0);
        body()->addWidget(yes);
        body()->addWidget(no);

        m_checklist = new QWidget(this);
        m_checklist->setObjectName(QStringLiteral("repairChecklist"));
        auto* column = new QVBoxLayout(m_checklist);
        column->setContentsMargins(0, 6, 0, 0);
        auto* title = new QLabel(tr("When you are both ready"), m_checklist);
        title->setStyleSheet(QStringLiteral("font-weight: 600;"));
        column->addWidget(title);
        for (const PickItem& step : content.repairSteps) {
            auto* box = new QCheckBox(step.label, m_checklist);
            box->setObjectName(QStringLiteral("repair-") + step.key);
            column->addWidget(box);
            const std::string key = toStd(step.key);
            connect(box, &QCheckBox::toggled, this, [this, key](bool isOn) {
                if (isLoading())
                    return;
                toggle(draft().repairSteps, key, isOn);
                m_wizard.fieldChanged(core::ReflectionField::RepairSteps);
            });
            onLoad([this, box, key] { box->setChecked(contains(draft().repairSteps, key)); });
        }
        auto* notReady = new QLabel(content.repairNotReady, m_checklist);
        notReady->setObjectName(QStringLiteral("muted"));
        notReady->setWordWrap(true);
        column->addWidget(notReady);
        auto* stays = new QLabel(tr("The repair stays on %1's Plans page until you mark it done.").arg(childName(wizard)),
                                 m_checklist);
        stays->setObjectName(QStringLiteral("muted"));
        stays->setWordWrap(true);
        column->addWidget(stays);
        body()->addWidget(m_checklist);

        connect(group, &QButtonGroup::idClicked, this, [this](int id) {
            if (isLoading())
                return;
            draft().lostTemper = id == 1;
            if (draft().repair != core::RepairState::Done)
                draft().repair = id == 1 ? core::RepairState::Open : core::RepairState::None;
            m_checklist->setVisible(id == 1);
            m_wizard.fieldChanged(core::ReflectionField::LostTemper);
        });
        onLoad([this, group] {
            group->setExclusive(false);
            for (QAbstractButton* button : group->buttons())
                button->setChecked(draft().lostTemper && group->id(button) == (*draft().lostTemper ? 1 : 0));
            group->setExclusive(true);
            m_checklist->setVisible(draft().lostTemper.value_or(false));
        });

        auto* kind = new Card({}, this);
        kind->setObjectName(QStringLiteral("card"));
        auto* kindText = new QLabel(content.selfCompassion.isEmpty() ? QString() : content.selfCompassion.front(), kind);
        kindText->setObjectName(QStringLiteral("kindLine"));
        kindText->setWordWrap(true);
        kindText->setStyleSheet(QStringLiteral("font-size: 15px;"));
        kind->layout()->addWidget(kindText);
        body()->addWidget(kind);
        addText(QStringLiteral("selfCompassion"), tr("A kind word to yourself"),
                content.selfCompassion.size() > 3 ? content.selfCompassion.at(3) : QString(),
                &core::ReflectionDraft::selfCompassion, core::ReflectionField::SelfCompassion, 60);
        body()->addStretch();
    }

private:
    QWidget* m_checklist;
};

// --- 6 Co-regulate ---

class CoregulateStep final : public ReflectionStep {
public:
    CoregulateStep(ReflectionWizard& wizard, int index)
        : ReflectionStep(wizard, index,
                         tr("What did you try to help %1 settle? These come from what you noted helps them.")
                             .arg(childName(wizard)))
    {
        m_list = new QVBoxLayout;
        m_list->setSpacing(4);
        body()->addLayout(m_list);
        m_empty = addNote(tr("Nothing is noted yet as helping %1 settle. You can add what helps on their Profile page, "
                             "and it will show up here next time.")
                              .arg(childName(wizard)));
        addText(QStringLiteral("coregNote"), tr("Anything else you tried, or noticed"), {},
                &core::ReflectionDraft::coregNote, core::ReflectionField::CoregNote, 60);
        body()->addStretch();
        onLoad([this] { rebuild(); });
    }

private:
    void rebuild()
    {
        while (QLayoutItem* old = m_list->takeAt(0)) {
            delete old->widget();
            delete old;
        }
        std::vector<core::CoregItem> helps;
        try {
            for (auto& item : m_wizard.workspace().family().coregItems(m_wizard.childId())) {
                if (item.rating == core::CoregRating::Helps)
                    helps.push_back(std::move(item));
            }
        } catch (const std::exception&) {
        }
        m_empty->setVisible(helps.empty());
        for (const core::CoregItem& item : helps) {
            auto* row = new QWidget(this);
            auto* line = new QHBoxLayout(row);
            line->setContentsMargins(0, 0, 0, 0);
            auto* tried = new QCheckBox(toQString(item.label), row);
            tried->setObjectName(QStringLiteral("coreg-%1").arg(item.meta.id));
            line->addWidget(tried, 1);
            auto* outcome = new QButtonGroup(row);
            const std::pair<core::CoregOutcome, QString> outcomes[] = {{core::CoregOutcome::Helped, tr("Helped")},
                                                                       {core::CoregOutcome::DidNotHelp, tr("Didn't help")},
                                                                       {core::CoregOutcome::NotSure, tr("Not sure")}};
            for (const auto& [value, text] : outcomes) {
                auto* button = new QRadioButton(text, row);
                button->setObjectName(QStringLiteral("coreg-%1-%2").arg(item.meta.id).arg(toQString(core::toString(value))));
                button->setAccessibleName(toQString(item.label) + QStringLiteral(": ") + text);
                outcome->addButton(button, static_cast<int>(value));
                line->addWidget(button);
            }
            const core::Id id = item.meta.id;
            auto find = [this, id]() -> core::CoregTry* {
                for (auto& entry : draft().coregTried) {
                    if (entry.itemId == id)
                        return &entry;
                }
                return nullptr;
            };
            const core::CoregTry* current = find();
            tried->setChecked(current != nullptr);
            for (QAbstractButton* button : outcome->buttons()) {
                button->setEnabled(current != nullptr);
                if (current && outcome->id(button) == static_cast<int>(current->outcome))
                    button->setChecked(true);
            }
            connect(tried, &QCheckBox::toggled, this, [this, id, outcome](bool isOn) {
                auto& list = draft().coregTried;
                list.erase(std::remove_if(list.begin(), list.end(), [id](const core::CoregTry& t) { return t.itemId == id; }),
                           list.end());
                if (isOn) {
                    const int chosen = outcome->checkedId();
                    list.push_back({id, chosen >= 0 ? static_cast<core::CoregOutcome>(chosen) : core::CoregOutcome::NotSure});
                }
                for (QAbstractButton* button : outcome->buttons())
                    button->setEnabled(isOn);
                m_wizard.fieldChanged(core::ReflectionField::CoregTried);
            });
            connect(outcome, &QButtonGroup::idClicked, this, [this, find](int value) {
                if (core::CoregTry* entry = find()) {
                    entry->outcome = static_cast<core::CoregOutcome>(value);
                    m_wizard.fieldChanged(core::ReflectionField::CoregTried);
                }
            });
            m_list->addWidget(row);
        }
    }

    QVBoxLayout* m_list;
    QLabel* m_empty;
};

// --- 7 Strengths to lean on ---

class StrengthsStep final : public ReflectionStep {
public:
    StrengthsStep(ReflectionWizard& wizard, int index)
        : ReflectionStep(wizard, index,
                         tr("What is %1 good at that could help next time: to cool down, to move between things, or "
                            "to come back together?")
                             .arg(childName(wizard)))
    {
        m_list = new QVBoxLayout;
        m_list->setSpacing(4);
        body()->addLayout(m_list);
        m_empty = addNote(tr("When you note strengths in the Notebook and mark them for cooling down, transitions or "
                             "repair, they will show up here."));
        // Even a hard moment can show a strength (they waited, they said sorry, they found
        // words): kept as a dated note in the notebook, straight from here.
        auto* keep = new QPushButton(tr("Saw a strength in this moment? Keep it in the notebook…"), this);
        keep->setObjectName(QStringLiteral("keepStrength"));
        keep->setAccessibleName(tr("Keep a strength from this moment in the notebook"));
        body()->addSpacing(6);
        body()->addWidget(keep, 0, Qt::AlignLeft);
        connect(keep, &QPushButton::clicked, this, [this] {
            const QString day = draft().happenedOn.empty() ? toQString(m_wizard.workspace().clock().today())
                                                           : toQString(draft().happenedOn);
            if (KeepMarvelDialog::keepMarvel(m_wizard.workspace(), m_wizard.childId(), QString(), day, this))
                rebuild();
        });
        body()->addStretch();
        onLoad([this] { rebuild(); });
    }

private:
    void rebuild()
    {
        while (QLayoutItem* old = m_list->takeAt(0)) {
            delete old->widget();
            delete old;
        }
        std::vector<core::EntrySummary> entries;
        try {
            entries = m_wizard.workspace().notebook().strengthsForUses(
                m_wizard.childId(), core::UseSet{core::Use::CoolDown, core::Use::Transitions, core::Use::Repair});
        } catch (const std::exception&) {
        }
        m_empty->setVisible(entries.empty());
        for (const core::EntrySummary& entry : entries) {
            // A struggle's bright side is the strength to lean on; the struggle is context.
            QString text = toQString(entry.title);
            if (!entry.shine.empty())
                text = tr("%1 (the bright side of \u201c%2\u201d)").arg(toQString(entry.shine), toQString(entry.title));
            auto* box = new QCheckBox(text, this);
            box->setObjectName(QStringLiteral("strength-%1").arg(entry.id));
            std::string uuid;
            try {
                uuid = m_wizard.workspace().notebook().entry(entry.id).meta.uuid;
            } catch (const std::exception&) {
                continue;
            }
            box->setChecked(contains(draft().strengthUuids, uuid));
            connect(box, &QCheckBox::toggled, this, [this, uuid](bool isOn) {
                toggle(draft().strengthUuids, uuid, isOn);
                m_wizard.fieldChanged(core::ReflectionField::Strengths);
            });
            m_list->addWidget(box);
        }
    }

    QVBoxLayout* m_list;
    QLabel* m_empty;
};

// --- 9 How are you now ---

class ReRateStep final : public ReflectionStep {
public:
    ReRateStep(ReflectionWizard& wizard, int index)
        : ReflectionStep(wizard, index, tr("You took time to understand. That matters. Check in with your body once more."))
    {
        addActivation(QStringLiteral("activationAfter"), tr("How strong is the upset in your body now?"),
                      &core::ReflectionDraft::activationAfter, core::ReflectionField::ActivationAfter);
        m_summary = new QLabel(this);
        m_summary->setObjectName(QStringLiteral("reflectionSummary"));
        m_summary->setWordWrap(true);
        m_summary->setTextFormat(Qt::RichText);
        auto* card = new Card(tr("What you noted"), this);
        card->setObjectName(QStringLiteral("card"));
        card->layout()->addWidget(m_summary);
        body()->addWidget(card);
        body()->addStretch();
        onLoad([this] { refresh(); });
    }

    void refresh();

private:
    QLabel* m_summary;
};

} // namespace

// --- 8 Plan for next time ---

PlanStep::PlanStep(ReflectionWizard& wizard, int index)
    : ReflectionStep(wizard, index,
                     tr("Name the problem, not the child. Start with \u201cDifficulty\u2026\u201d and one expectation "
                        "that was hard to meet."))
    , m_problem(new QPlainTextEdit(this))
    , m_hints(new QLabel(this))
    , m_plan(new QButtonGroup(this))
    , m_review(makeOptionalDate(QStringLiteral("problemReview"), tr("Review the problem on"), this))
    , m_planB(new QWidget(this))
    , m_talkOn(makeOptionalDate(QStringLiteral("talkOn"), tr("Calm conversation on"), m_planB))
    , m_talkTime(new QLineEdit(m_planB))
    , m_childConcern(new QPlainTextEdit(m_planB))
    , m_myConcern(new QPlainTextEdit(m_planB))
    , m_ideas(new QPlainTextEdit(m_planB))
    , m_agreed(new QPlainTextEdit(m_planB))
    , m_likelihood(new QComboBox(m_planB))
    , m_talkReview(makeOptionalDate(QStringLiteral("talkReview"), tr("Review how it went on"), m_planB))
    , m_error(new FieldErrorLabel(this))
{
    addLabel(tr("The unsolved problem"));
    auto* row = new QHBoxLayout;
    m_problem->setObjectName(QStringLiteral("problemText"));
    m_problem->setAccessibleName(tr("The unsolved problem"));
    m_problem->setPlaceholderText(tr("e.g. Difficulty leaving the park when it's time to go home"));
    m_problem->setTabChangesFocus(true);
    m_problem->setFixedHeight(70);
    row->addWidget(m_problem, 3);
    m_hints->setObjectName(QStringLiteral("problemHints"));
    m_hints->setWordWrap(true);
    m_hints->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_hints->setMinimumWidth(220);
    row->addWidget(m_hints, 2);
    body()->addLayout(row);
    body()->addWidget(m_error);

    addLabel(tr("How will you handle it for now?"));
    const std::tuple<core::PlanKind, QString, QString> plans[] = {
        {core::PlanKind::A, tr("Plan A"), tr("You decide and hold the expectation. Best kept for safety.")},
        {core::PlanKind::B, tr("Plan B"), tr("You and your child solve it together, calmly and ahead of time.")},
        {core::PlanKind::C, tr("Plan C"), tr("Set this expectation aside for now, to ease the load.")},
    };
    for (const auto& [kind, name, explanation] : plans) {
        auto* button = new QRadioButton(name + QStringLiteral(": ") + explanation, this);
        button->setObjectName(QStringLiteral("plan-") + toQString(core::toString(kind)).toLower());
        button->setAccessibleName(name);
        m_plan->addButton(button, static_cast<int>(kind));
        body()->addWidget(button);
    }
    auto* reviewRow = new QHBoxLayout;
    auto* reviewLabel = new QLabel(tr("Look at it again on"), this);
    reviewLabel->setBuddy(m_review);
    reviewRow->addWidget(reviewLabel);
    reviewRow->addWidget(m_review);
    reviewRow->addStretch();
    body()->addLayout(reviewRow);

    // Plan B: the calm conversation and its notes in three parts.
    m_planB->setObjectName(QStringLiteral("planB"));
    auto* planB = new QVBoxLayout(m_planB);
    planB->setContentsMargins(0, 8, 0, 0);
    auto* talkTitle = new QLabel(tr("A calm conversation, ahead of time"), m_planB);
    talkTitle->setStyleSheet(QStringLiteral("font-weight: 600;"));
    planB->addWidget(talkTitle);
    auto* talkRow = new QHBoxLayout;
    talkRow->addWidget(new QLabel(tr("When"), m_planB));
    talkRow->addWidget(m_talkOn);
    m_talkTime->setObjectName(QStringLiteral("talkTime"));
    m_talkTime->setAccessibleName(tr("Conversation time"));
    m_talkTime->setPlaceholderText(tr("time, e.g. 16:00"));
    m_talkTime->setMaximumWidth(140);
    talkRow->addWidget(m_talkTime);
    talkRow->addStretch();
    planB->addLayout(talkRow);
    const std::tuple<QPlainTextEdit*, QString, QString, QString> notes[] = {
        {m_childConcern, QStringLiteral("childConcern"), tr("1. %1's concern").arg(childName(wizard)),
         tr("What is hard for them about it? Listen, and ask \u201cwhat's up?\u201d")},
        {m_myConcern, QStringLiteral("myConcern"), tr("2. My concern"), tr("Why does this matter to you?")},
        {m_ideas, QStringLiteral("ideas"), tr("3. Ideas we had together"), tr("Any idea counts; start with theirs.")},
        {m_agreed, QStringLiteral("agreed"), tr("What we agreed to try"), tr("Something that works for both of you.")},
    };
    for (const auto& [edit, name, label, placeholder] : notes) {
        auto* title = new QLabel(label, m_planB);
        title->setBuddy(edit);
        planB->addWidget(title);
        edit->setObjectName(name);
        edit->setAccessibleName(label);
        edit->setPlaceholderText(placeholder);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(56);
        planB->addWidget(edit);
        connect(edit, &QPlainTextEdit::textChanged, this, [this, edit] {
            if (m_isFilling || isLoading())
                return;
            changed();
            m_wizard.textChanged(core::ReflectionField::Problem, edit->toPlainText());
        });
    }
    auto* likelyRow = new QHBoxLayout;
    likelyRow->addWidget(new QLabel(tr("How likely is it to work?"), m_planB));
    m_likelihood->setObjectName(QStringLiteral("likelihood"));
    m_likelihood->setAccessibleName(tr("How likely it is to work"));
    m_likelihood->addItems({tr("Not rated"), tr("1 · Not very likely"), tr("2 · Maybe"), tr("3 · Fairly likely"),
                            tr("4 · Likely"), tr("5 · Very likely")});
    likelyRow->addWidget(m_likelihood);
    likelyRow->addSpacing(16);
    likelyRow->addWidget(new QLabel(tr("Review on"), m_planB));
    likelyRow->addWidget(m_talkReview);
    likelyRow->addStretch();
    planB->addLayout(likelyRow);
    body()->addWidget(m_planB);
    body()->addStretch();

    m_timer.setSingleShot(true);
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &PlanStep::saveNow);
    connect(m_problem, &QPlainTextEdit::textChanged, this, [this] {
        refreshHints();
        if (m_isFilling || isLoading())
            return;
        changed();
        m_wizard.textChanged(core::ReflectionField::Problem, m_problem->toPlainText());
    });
    connect(m_plan, &QButtonGroup::idClicked, this, [this] {
        m_planB->setVisible(plan() == core::PlanKind::B);
        if (plan() == core::PlanKind::B && m_talkOn->date() == kNoDate) {
            const QSignalBlocker block(m_talkOn);
            m_talkOn->setDate(QDate::fromString(toQString(m_wizard.workspace().clock().today()), Qt::ISODate).addDays(1));
        }
        changed();
    });
    for (QDateEdit* edit : {m_review, m_talkOn, m_talkReview})
        connect(edit, &QDateEdit::dateChanged, this, &PlanStep::changed);
    connect(m_talkTime, &QLineEdit::textChanged, this, &PlanStep::changed);
    connect(m_likelihood, &QComboBox::currentIndexChanged, this, &PlanStep::changed);
    onLoad([this] { loadProblem(); });
    refreshHints();
    m_planB->setVisible(false);
}

core::PlanKind PlanStep::plan() const
{
    const int id = m_plan->checkedId();
    return id < 0 ? core::PlanKind::None : static_cast<core::PlanKind>(id);
}

void PlanStep::refreshHints()
{
    const auto hints = core::unsolvedProblemHints(toStd(m_problem->toPlainText()));
    QStringList lines;
    for (const auto& hint : hints)
        lines << toQString(hint.message);
    if (lines.isEmpty())
        lines << tr("That reads clearly: one expectation, no blame. Nicely put.");
    m_hints->setText(lines.join(QStringLiteral("\n\n")));
}

void PlanStep::changed()
{
    if (m_isFilling || isLoading())
        return;
    if (m_wizard.isSavingEnabled() && !m_timer.isActive())
        m_timer.start();
}

void PlanStep::saveNow()
{
    m_timer.stop();
    if (!m_wizard.isSavingEnabled())
        return;
    const std::string text = toStd(m_problem->toPlainText());
    if (core::trimmed(text).empty() && draft().problemId == 0)
        return; // nothing to keep yet
    try {
        const core::Id reflectionId = m_wizard.ensureSaved();
        core::ProblemDraft problem;
        problem.childId = m_wizard.childId();
        problem.text = text;
        problem.plan = plan();
        problem.reviewOn = dateText(m_review);
        problem.reflectionId = reflectionId;
        auto& plans = m_wizard.workspace().plans();
        std::vector<std::pair<std::string, core::EditResult>> saves;
        if (draft().problemId == 0) {
            draft().problemId = plans.addProblem(problem).meta.id;
            m_savedProblem = plans.problem(draft().problemId).data;
        } else {
            const core::ProblemDraft loaded = m_savedProblem.value_or(plans.problem(draft().problemId).data);
            problem.status = loaded.status; // set on the Plans page, not here
            problem.reflectionId = loaded.reflectionId;
            saves.emplace_back("problems", plans.updateProblem(draft().problemId, loaded, problem));
            m_savedProblem = plans.problem(draft().problemId).data; // as stored: trimmed
        }
        if (problem.plan == core::PlanKind::B && m_talkOn->date() != kNoDate) {
            core::PlanBTalkDraft talk;
            talk.problemId = draft().problemId;
            talk.scheduledOn = dateText(m_talkOn);
            talk.scheduledTime = toStd(m_talkTime->text().trimmed());
            talk.childConcern = toStd(m_childConcern->toPlainText());
            talk.myConcern = toStd(m_myConcern->toPlainText());
            talk.ideas = toStd(m_ideas->toPlainText());
            talk.agreed = toStd(m_agreed->toPlainText());
            talk.likelihood = m_likelihood->currentIndex();
            talk.reviewOn = dateText(m_talkReview);
            if (m_talkId == 0) {
                m_talkId = plans.addTalk(talk).meta.id;
            } else {
                const core::PlanBTalkDraft loaded = m_savedTalk.value_or(plans.talk(m_talkId).data);
                saves.emplace_back("plan_b_talks", plans.updateTalk(m_talkId, loaded, talk));
            }
            m_savedTalk = plans.talk(m_talkId).data;
        }
        m_error->showMessage({});
        for (const auto& [table, result] : saves)
            tellKeptVersions(m_wizard.workspace(), this, table, result);
        Q_EMIT m_wizard.workspace().plansChanged(m_wizard.childId());
    } catch (const core::ValidationError& error) {
        m_error->showMessage(toQString(error.errors().front().message));
    } catch (const std::exception& error) {
        m_error->showMessage(toQString(error.what()));
    }
}

void PlanStep::loadProblem()
{
    if (draft().problemId == 0)
        return;
    m_isFilling = true;
    try {
        auto& plans = m_wizard.workspace().plans();
        const core::Problem problem = plans.problem(draft().problemId);
        m_savedProblem = problem.data;
        if (m_problem->toPlainText() != toQString(problem.data.text))
            m_problem->setPlainText(toQString(problem.data.text));
        if (QAbstractButton* button = m_plan->button(static_cast<int>(problem.data.plan)))
            button->setChecked(true);
        setDateText(m_review, problem.data.reviewOn);
        const auto talks = plans.talks(draft().problemId);
        if (!talks.empty()) {
            const core::PlanBTalk& talk = talks.back();
            m_talkId = talk.meta.id;
            m_savedTalk = talk.data;
            setDateText(m_talkOn, talk.data.scheduledOn);
            m_talkTime->setText(toQString(talk.data.scheduledTime));
            m_childConcern->setPlainText(toQString(talk.data.childConcern));
            m_myConcern->setPlainText(toQString(talk.data.myConcern));
            m_ideas->setPlainText(toQString(talk.data.ideas));
            m_agreed->setPlainText(toQString(talk.data.agreed));
            m_likelihood->setCurrentIndex(talk.data.likelihood);
            setDateText(m_talkReview, talk.data.reviewOn);
        }
        m_planB->setVisible(problem.data.plan == core::PlanKind::B);
    } catch (const std::exception&) {
    }
    refreshHints();
    m_isFilling = false;
}

void PlanStep::preview(const core::ProblemDraft& problem, const core::PlanBTalkDraft& talk)
{
    m_isFilling = true;
    m_problem->setPlainText(toQString(problem.text));
    if (QAbstractButton* button = m_plan->button(static_cast<int>(problem.plan)))
        button->setChecked(true);
    setDateText(m_review, problem.reviewOn);
    setDateText(m_talkOn, talk.scheduledOn);
    m_talkTime->setText(toQString(talk.scheduledTime));
    m_childConcern->setPlainText(toQString(talk.childConcern));
    m_myConcern->setPlainText(toQString(talk.myConcern));
    m_ideas->setPlainText(toQString(talk.ideas));
    m_agreed->setPlainText(toQString(talk.agreed));
    m_likelihood->setCurrentIndex(talk.likelihood);
    setDateText(m_talkReview, talk.reviewOn);
    m_planB->setVisible(problem.plan == core::PlanKind::B);
    refreshHints();
    m_isFilling = false;
}

ReflectionStep* makeReflectionStep(ReflectionWizard& wizard, int index)
{
    switch (index) {
    case 0: return new SafetyStep(wizard, 0);
    case 1: return new MeFirstStep(wizard, 1);
    case 2: return new WhatHappenedStep(wizard, 2);
    case 3: {
        auto* felt = new ChildFeltStep(wizard, 3);
        felt->connectFiner();
        return felt;
    }
    case 4: return new AskWhyStep(wizard, 4);
    case 5: return new RepairStep(wizard, 5);
    case 6: return new CoregulateStep(wizard, 6);
    case 7: return new StrengthsStep(wizard, 7);
    case 8: return new PlanStep(wizard, 8);
    default: return new ReRateStep(wizard, 9);
    }
}

} // namespace attune::gui

#include "reflection/ReflectionSummary.h"

namespace attune::gui {
namespace {
void ReRateStep::refresh()
{
    m_summary->setText(reflectionSummaryHtml(m_wizard.workspace(), m_wizard.draft()));
}
} // namespace
} // namespace attune::gui
