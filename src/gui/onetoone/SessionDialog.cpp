// SPDX-License-Identifier: MIT
#include "onetoone/SessionDialog.h"

#include "notebook/KeepMarvelDialog.h"

#include "common/FormEdits.h"
#include "common/HistoryDialog.h"
#include "common/KeptVersions.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/TimeLog.h"
#include "attune/core/Timers.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTimeEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace attune::gui {

namespace {

constexpr const char* kFields[] = { "childId", "caregiverUuid", "day", "startMs", "minutes", "activity", "presence",
    "moodBefore", "moodAfter", "note", "marvel" };

// Each field: its editor plus the error label under it.
QWidget* withError(QWidget* editor, FieldErrorLabel* error)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    layout->addWidget(error);
    return box;
}

QWidget* row(std::initializer_list<QWidget*> widgets, bool addStretch = true)
{
    auto* box = new QWidget;
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    for (QWidget* widget : widgets)
        layout->addWidget(widget);
    if (addStretch)
        layout->addStretch();
    return box;
}

QDate toQDate(const std::string& day)
{
    const auto date = core::parseDate(day);
    return date ? QDate(date->year, date->month, date->day) : QDate();
}

void noTabs(QPlainTextEdit* edit)
{
    edit->setTabChangesFocus(true); // Tab moves on, as in every other field
}

} // namespace

void fillFeelings(QComboBox* combo, const Workspace& workspace)
{
    combo->addItem(QString());
    for (const auto& group : workspace.content().feelings) {
        combo->insertSeparator(combo->count());
        combo->addItem(toQString(group.word));
        for (const auto& word : group.simple)
            combo->addItem(toQString(word));
        for (const auto& word : group.more)
            combo->addItem(toQString(word));
    }
}

QStringList activityChips(Workspace& workspace, core::Id childId, int count)
{
    QStringList chips;
    QSet<QString> seen;
    const auto add = [&](const std::string& text) {
        const QString chip = toQString(text);
        if (chips.size() < count && !chip.isEmpty() && !seen.contains(chip.toCaseFolded())) {
            seen.insert(chip.toCaseFolded());
            chips << chip;
        }
    };
    if (childId > 0) {
        try {
            for (const auto& activity : workspace.timeLog().recentActivities(childId, 6))
                add(activity);
            // What the notebook says they love comes next.
            for (const auto& interest : workspace.notebook().interestTitles(childId))
                add(interest);
        } catch (const core::StorageError&) {
        }
    }
    for (const auto& idea : workspace.content().activityIdeas.activities)
        add(idea);
    return chips;
}

core::SessionDraft SessionDialog::newDraft(Workspace& workspace, core::Id childId)
{
    core::SessionDraft draft;
    draft.childId = childId;
    draft.day = workspace.clock().today();
    draft.caregiverUuid = workspace.currentCaregiver();
    draft.minutes = 10;
    try {
        if (childId > 0)
            draft.minutes = workspace.family().child(childId).data.goalMinutes;
    } catch (const core::StorageError&) {
    }
    return draft;
}

SessionDialog::SessionDialog(Workspace& workspace, const core::SessionDraft& draft, QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    build();
    setWindowTitle(tr("Log one-on-one time"));
    load(draft);
}

SessionDialog::SessionDialog(Workspace& workspace, core::Id sessionId, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_sessionId(sessionId), m_isEditing(true)
{
    build();
    setWindowTitle(tr("One-on-one time"));
    const core::Session session = m_workspace.timeLog().session(sessionId);
    load(session.data);
    if (m_caregiver->findData(toQString(session.data.caregiverUuid)) < 0) {
        // Someone who has since left the family's list: the session keeps them.
        m_caregiver->addItem(
            session.caregiverName.empty() ? tr("Someone no longer listed") : toQString(session.caregiverName),
            toQString(session.data.caregiverUuid));
        m_caregiver->setCurrentIndex(m_caregiver->count() - 1);
    }
    m_loaded = session.data;
    m_shown = draft();
    addEarlierVersionsButton(m_workspace, {session.meta.uuid}, findChild<QDialogButtonBox*>());
}

void SessionDialog::build()
{
    setObjectName(QStringLiteral("sessionDialog"));
    setMinimumWidth(620);
    for (const char* field : kFields)
        m_errors.insert(QString::fromLatin1(field), new FieldErrorLabel(this));
    const auto error = [this](const char* field) { return m_errors.value(QString::fromLatin1(field)); };

    m_child = new QComboBox(this);
    m_child->setObjectName(QStringLiteral("childId"));
    m_child->setAccessibleName(tr("Child"));
    for (const auto& child : m_workspace.family().children())
        m_child->addItem(toQString(child.name), static_cast<qlonglong>(child.id));

    m_caregiver = new QComboBox(this);
    m_caregiver->setObjectName(QStringLiteral("caregiverUuid"));
    m_caregiver->setAccessibleName(tr("Who spent the time"));
    for (const auto& caregiver : m_workspace.family().caregivers())
        m_caregiver->addItem(toQString(caregiver.name), toQString(caregiver.meta.uuid));

    m_day = new QDateEdit(this);
    m_day->setObjectName(QStringLiteral("day"));
    m_day->setAccessibleName(tr("Day"));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    m_day->setMinimumDate(QDate(1900, 1, 1));
    m_day->setMinimumWidth(160);
    m_hasStart = new QCheckBox(tr("started at"), this);
    m_hasStart->setObjectName(QStringLiteral("hasStart"));
    m_hasStart->setAccessibleName(tr("Started at a known time"));
    m_start = new QTimeEdit(this);
    m_start->setObjectName(QStringLiteral("startMs"));
    m_start->setAccessibleName(tr("Start time"));
    m_start->setDisplayFormat(QStringLiteral("HH:mm"));

    m_minutes = new QSpinBox(this);
    m_minutes->setObjectName(QStringLiteral("minutes"));
    m_minutes->setAccessibleName(tr("Minutes"));
    m_minutes->setRange(core::limits::kSessionMinutesMin, core::limits::kSessionMinutesMax);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setMinimumWidth(110);

    m_activity = new QComboBox(this);
    m_activity->setObjectName(QStringLiteral("activity"));
    m_activity->setEditable(true);
    m_activity->setInsertPolicy(QComboBox::NoInsert);
    m_activity->setAccessibleName(tr("What they chose to play"));
    m_activity->lineEdit()->setPlaceholderText(tr("Lego, drawing, a den under the table…"));
    m_chips = new ChipRow(this);
    m_chips->setObjectName(QStringLiteral("activityChips"));
    connect(m_chips, &ChipRow::chosen, this, [this](const QString& text) {
        m_activity->setEditText(text);
        m_activity->setFocus();
    });
    auto* activityBox = new QWidget(this);
    auto* activityLayout = new QVBoxLayout(activityBox);
    activityLayout->setContentsMargins(0, 0, 0, 0);
    activityLayout->setSpacing(6);
    activityLayout->addWidget(m_activity);
    activityLayout->addWidget(m_chips);
    activityLayout->addWidget(error("activity"));

    m_childLed = new QCheckBox(tr("They led the play"), this);
    m_childLed->setObjectName(QStringLiteral("childLed"));
    m_noScreens = new QCheckBox(tr("No screens"), this);
    m_noScreens->setObjectName(QStringLiteral("noScreens"));
    m_noInterruptions = new QCheckBox(tr("No interruptions"), this);
    m_noInterruptions->setObjectName(QStringLiteral("noInterruptions"));

    auto* presenceBox = new QWidget(this);
    presenceBox->setObjectName(QStringLiteral("presence"));
    auto* presenceLayout = new QHBoxLayout(presenceBox);
    presenceLayout->setContentsMargins(0, 0, 0, 0);
    presenceLayout->setSpacing(4);
    auto* scattered = new QLabel(tr("scattered"), presenceBox);
    scattered->setObjectName(QStringLiteral("muted"));
    presenceLayout->addWidget(scattered);
    m_presence = new QButtonGroup(this);
    m_presence->setExclusive(false); // clicking the chosen one again leaves it blank
    for (int value = 1; value <= core::limits::kPresenceMax; ++value) {
        auto* button = new QToolButton(presenceBox);
        button->setObjectName(QStringLiteral("presence%1").arg(value));
        button->setText(QString::number(value));
        button->setCheckable(true);
        button->setMinimumWidth(34);
        button->setAccessibleName(tr("Present %1 of 5").arg(value));
        m_presence->addButton(button, value);
        presenceLayout->addWidget(button);
    }
    auto* there = new QLabel(tr("fully there"), presenceBox);
    there->setObjectName(QStringLiteral("muted"));
    presenceLayout->addWidget(there);
    presenceLayout->addStretch();
    connect(m_presence, &QButtonGroup::idClicked, this,
        [this](int value) { setPresence(m_presence->button(value)->isChecked() ? value : 0); });

    m_moodBefore = new QComboBox(this);
    m_moodBefore->setObjectName(QStringLiteral("moodBefore"));
    m_moodAfter = new QComboBox(this);
    m_moodAfter->setObjectName(QStringLiteral("moodAfter"));
    for (QComboBox* mood : { m_moodBefore, m_moodAfter }) {
        mood->setEditable(true);
        mood->setInsertPolicy(QComboBox::NoInsert);
        mood->setMinimumWidth(170);
        mood->setMaxVisibleItems(14);
        fillFeelings(mood, m_workspace);
    }
    m_moodBefore->setAccessibleName(tr("Their mood before"));
    m_moodAfter->setAccessibleName(tr("Their mood after"));
    m_moodBefore->lineEdit()->setPlaceholderText(tr("before"));
    m_moodAfter->lineEdit()->setPlaceholderText(tr("after"));
    auto* arrow = new QLabel(QStringLiteral("→"), this);
    arrow->setObjectName(QStringLiteral("muted"));

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setAccessibleName(tr("A note"));
    m_note->setPlaceholderText(tr("Anything you'd like to remember (optional)"));
    m_note->setFixedHeight(64);
    noTabs(m_note);
    m_marvel = new QPlainTextEdit(this);
    m_marvel->setObjectName(QStringLiteral("marvel"));
    m_marvel->setAccessibleName(tr("Something I marvelled at"));
    m_marvel->setPlaceholderText(tr("Something they did or said that delighted you (optional)"));
    m_marvel->setFixedHeight(52);
    noTabs(m_marvel);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(8);
    form->addRow(tr("&Child"), withError(row({ m_child }), error("childId")));
    form->addRow(tr("&With"), withError(row({ m_caregiver }), error("caregiverUuid")));
    auto* when = new QWidget(this);
    auto* whenLayout = new QVBoxLayout(when);
    whenLayout->setContentsMargins(0, 0, 0, 0);
    whenLayout->setSpacing(2);
    whenLayout->addWidget(row({ m_day, m_hasStart, m_start }));
    whenLayout->addWidget(error("day"));
    whenLayout->addWidget(error("startMs"));
    form->addRow(tr("&Day"), when);
    form->addRow(tr("&Minutes"), withError(row({ m_minutes }), error("minutes")));
    m_activityLabel = new QLabel(tr("They chose"), this);
    m_activityLabel->setBuddy(m_activity);
    form->addRow(m_activityLabel, activityBox);
    form->addRow(tr("It was"), row({ m_childLed, m_noScreens, m_noInterruptions }));
    form->addRow(tr("How present\nI felt"), withError(presenceBox, error("presence")));
    auto* moods = new QWidget(this);
    auto* moodLayout = new QVBoxLayout(moods);
    moodLayout->setContentsMargins(0, 0, 0, 0);
    moodLayout->setSpacing(2);
    moodLayout->addWidget(row({ m_moodBefore, arrow, m_moodAfter }));
    moodLayout->addWidget(error("moodBefore"));
    moodLayout->addWidget(error("moodAfter"));
    form->addRow(tr("Their mood"), moods);
    form->addRow(tr("&Note"), withError(m_note, error("note")));
    auto* keepMarvel = new QPushButton(tr("Keep in the notebook…"), this);
    keepMarvel->setObjectName(QStringLiteral("keepMarvel"));
    keepMarvel->setToolTip(tr("Add this to their strengths and interests notebook"));
    connect(keepMarvel, &QPushButton::clicked, this, [this] {
        const QString text = m_marvel->toPlainText().trimmed();
        const qint64 childId = m_child->currentData().toLongLong();
        if (text.isEmpty() || childId <= 0)
            return;
        KeepMarvelDialog::keepMarvel(m_workspace, childId, text, m_day->date().toString(Qt::ISODate), this);
    });
    auto* marvelBox = new QWidget(this);
    auto* marvelLayout = new QVBoxLayout(marvelBox);
    marvelLayout->setContentsMargins(0, 0, 0, 0);
    marvelLayout->setSpacing(2);
    marvelLayout->addWidget(withError(m_marvel, error("marvel")));
    marvelLayout->addWidget(keepMarvel, 0, Qt::AlignRight);
    form->addRow(tr("Something I\nmarvelled at"), marvelBox);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* save = makePrimaryButton(tr("Save"), this);
    save->setObjectName(QStringLiteral("saveSession"));
    buttons->addButton(save, QDialogButtonBox::AcceptRole);
    save->setDefault(true);
    save->setAutoDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelSession"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &SessionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SessionDialog::reject);
    connect(m_child, &QComboBox::currentIndexChanged, this, [this] {
        m_errors.value(QStringLiteral("childId"))->showMessage({});
        reloadChips();
    });
    connect(m_hasStart, &QCheckBox::toggled, m_start, &QWidget::setEnabled);
    connect(m_hasStart, &QCheckBox::toggled, this, [this] { m_isStartTouched = true; });
    connect(m_start, &QTimeEdit::timeChanged, this, [this] { m_isStartTouched = true; });
    connect(m_day, &QDateEdit::dateChanged, this, [this] {
        m_isStartTouched = true;
        m_errors.value(QStringLiteral("day"))->showMessage({});
    });
    connect(m_activity, &QComboBox::editTextChanged, this,
        [this] { m_errors.value(QStringLiteral("activity"))->showMessage({}); });
}

void SessionDialog::load(const core::SessionDraft& draft)
{
    int child = m_child->findData(static_cast<qlonglong>(draft.childId));
    if (child < 0 && draft.childId > 0) {
        // An archived child's session stays theirs when edited.
        try {
            m_child->addItem(
                toQString(m_workspace.family().child(draft.childId).data.name), static_cast<qlonglong>(draft.childId));
            child = m_child->count() - 1;
        } catch (const core::StorageError&) {
        }
    }
    m_child->setCurrentIndex(child);
    const QString caregiver
        = toQString(draft.caregiverUuid.empty() ? m_workspace.currentCaregiver() : draft.caregiverUuid);
    m_caregiver->setCurrentIndex(qMax(0, m_caregiver->findData(caregiver)));
    const QDate day = toQDate(draft.day);
    m_day->setDate(day.isValid() ? day : toQDate(m_workspace.clock().today()));
    m_originalStart = draft.startMs;
    m_hasStart->setChecked(draft.startMs.has_value());
    m_start->setEnabled(draft.startMs.has_value());
    m_start->setTime(draft.startMs ? QDateTime::fromMSecsSinceEpoch(*draft.startMs).time() : QTime(17, 0));
    m_minutes->setValue(draft.minutes);
    reloadChips();
    m_activity->setEditText(toQString(draft.activity));
    m_childLed->setChecked(draft.childLed);
    m_noScreens->setChecked(draft.noScreens);
    m_noInterruptions->setChecked(draft.noInterruptions);
    setPresence(draft.presence);
    m_moodBefore->setEditText(toQString(draft.moodBefore));
    m_moodAfter->setEditText(toQString(draft.moodAfter));
    m_note->setPlainText(toQString(draft.note));
    m_marvel->setPlainText(toQString(draft.marvel));
    m_isStartTouched = false;
    m_minutes->setFocus();
    m_minutes->selectAll();
}

void SessionDialog::reloadChips()
{
    const qint64 childId = m_child->currentData().toLongLong();
    const QString name = m_child->currentText();
    m_activityLabel->setText(name.isEmpty() ? tr("They chose") : tr("%1 chose").arg(name));
    const QStringList chips = activityChips(m_workspace, childId);
    const QString typed = m_activity->currentText();
    {
        QSignalBlocker block(m_activity);
        m_activity->clear();
        m_activity->addItems(chips);
        m_activity->setEditText(typed);
    }
    m_chips->setChips(chips);
}

void SessionDialog::setPresence(int presence)
{
    for (QAbstractButton* button : m_presence->buttons())
        button->setChecked(m_presence->id(button) == presence);
}

core::SessionDraft SessionDialog::draft() const
{
    core::SessionDraft draft;
    draft.childId = m_child->currentData().toLongLong();
    draft.caregiverUuid = toStd(m_caregiver->currentData().toString());
    draft.day = toStd(m_day->date().toString(QStringLiteral("yyyy-MM-dd")));
    if (m_hasStart->isChecked()) {
        // An untouched start keeps its exact instant (a timer's); an edited one is read as
        // the chosen day at the chosen local time.
        draft.startMs = !m_isStartTouched && m_originalStart
            ? *m_originalStart
            : QDateTime(m_day->date(), m_start->time()).toMSecsSinceEpoch();
    }
    draft.minutes = m_minutes->value();
    draft.activity = toStd(m_activity->currentText());
    draft.childLed = m_childLed->isChecked();
    draft.noScreens = m_noScreens->isChecked();
    draft.noInterruptions = m_noInterruptions->isChecked();
    draft.presence = qMax(0, m_presence->checkedId());
    draft.moodBefore = toStd(m_moodBefore->currentText());
    draft.moodAfter = toStd(m_moodAfter->currentText());
    draft.note = toStd(m_note->toPlainText());
    draft.marvel = toStd(m_marvel->toPlainText());
    return draft;
}

void SessionDialog::showErrors(const std::vector<core::FieldError>& errors)
{
    QWidget* firstBad = nullptr;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        QString message;
        for (const auto& error : errors) {
            if (toQString(error.field) == it.key())
                message = toQString(error.message);
        }
        it.value()->showMessage(message);
        if (!message.isEmpty() && !firstBad)
            firstBad = findChild<QWidget*>(it.key());
    }
    if (firstBad)
        firstBad->setFocus();
}

void SessionDialog::accept()
{
    const core::SessionDraft form = draft();
    core::EditResult result;
    try {
        if (m_isEditing) {
            // Only what the parent changed here is saved; everything else keeps what the file
            // holds now. Undoable: the command saves it and emits the refresh signals. Saving
            // without a change adds nothing to undo.
            using D = core::SessionDraft;
            const D edited = touchedOnly(m_loaded, m_shown, form, &D::childId, &D::caregiverUuid, &D::day,
                                         &D::startMs, &D::minutes, &D::activity, &D::childLed, &D::noScreens,
                                         &D::noInterruptions, &D::presence, &D::moodBefore, &D::moodAfter, &D::note,
                                         &D::marvel);
            if (edited != m_loaded)
                perform(m_workspace, undo::editSession(m_workspace, m_sessionId, m_loaded, edited, &result));
        } else {
            // From a timer: the session and the end of its timer in one transaction.
            m_sessionId = (m_isFromTimer ? m_workspace.timers().logStopped(form) : m_workspace.timeLog().addSession(form))
                              .meta.id;
            Q_EMIT m_workspace.oneOnOneChanged(form.childId);
        }
    } catch (const core::ValidationError& error) {
        showErrors(error.errors());
        return;
    } catch (const core::StorageError& error) {
        // The dialog stays open with everything typed still in it.
        m_workspace.prompts().warn(this, tr("Not saved yet"), toQString(error.what()));
        return;
    }
    showErrors({});
    tellKeptVersions(m_workspace, this, "sessions", result);
    Q_EMIT saved(m_sessionId);
    QDialog::accept();
}

void SessionDialog::reject()
{
    if (m_isFromTimer
        && !m_workspace.prompts().confirm(this, tr("Leave without logging?"),
            tr("These %1 minutes with %2 won't be logged.").arg(m_minutes->value()).arg(m_child->currentText()),
            tr("Don't log them")))
        return;
    if (m_isFromTimer)
        closeStoppedTimer(draft().childId);
    QDialog::reject();
}

void SessionDialog::closeStoppedTimer(core::Id childId)
{
    // The timer's minutes are logged or let go: Attune stops offering them at start. If this
    // fails, the worst is being asked about them once more.
    try {
        m_workspace.timers().closeStopped(childId);
    } catch (const std::exception&) {
        spdlog::warn("could not close a stopped timer");
    }
}

} // namespace attune::gui
