// SPDX-License-Identifier: MIT
#include "onetoone/OneOnOnePage.h"

#include "common/Avatar.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/TimerHub.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "onetoone/SessionActions.h"
#include "onetoone/SessionDialog.h"
#include "onetoone/SessionList.h"
#include "onetoone/WeekChart.h"
#include "onetoone/YearGridView.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Rhythm.h"
#include "attune/core/TimeLog.h"
#include "attune/core/TimeSummary.h"
#include "attune/core/Validation.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedLayout>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace attune::gui {

namespace {

QDate toQDate(const std::string& day)
{
    const auto date = core::parseDate(day);
    return date ? QDate(date->year, date->month, date->day) : QDate();
}

QString dayText(const QDate& date)
{
    return date.toString(QStringLiteral("yyyy-MM-dd"));
}

QLabel* muted(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("muted"));
    label->setWordWrap(true);
    return label;
}

struct StateButton {
    const char* key;
    core::DayState state;
    const char* label;
};

constexpr StateButton kStateButtons[] = {
    { "partner", core::DayState::PartnerDidIt, QT_TRANSLATE_NOOP("OneOnOnePage", "Partner did it") },
    { "away", core::DayState::Away, QT_TRANSLATE_NOOP("OneOnOnePage", "Away") },
    { "sick", core::DayState::Sick, QT_TRANSLATE_NOOP("OneOnOnePage", "Sick") },
    { "clear", core::DayState::None, QT_TRANSLATE_NOOP("OneOnOnePage", "Clear") },
};

} // namespace

QString dayStatusText(const core::DayCell& cell)
{
    switch (cell.status()) {
    case core::DayStatus::Done:
        return cell.sessions > 1 ? QObject::tr("Logged %1 min in %2 sessions").arg(cell.minutes).arg(cell.sessions)
                                 : QObject::tr("Logged %1 min").arg(cell.minutes);
    case core::DayStatus::PartnerDidIt:
        return QObject::tr("Partner did it");
    case core::DayStatus::Away:
        return QObject::tr("Away");
    case core::DayStatus::Sick:
        return QObject::tr("Sick");
    case core::DayStatus::Blank:
        break;
    }
    return QObject::tr("Nothing logged yet");
}

OneOnOnePage::OneOnOnePage(Workspace& workspace, QWidget* parent)
    : ChildPage(parent), m_workspace(workspace), m_stack(new QStackedLayout(this))
{
    setObjectName(QStringLiteral("oneOnOnePage"));
    m_yearNumber = toQDate(m_workspace.clock().today()).year();

    auto* empty = new EmptyState(tr("One-on-one time"),
        tr("Ten minutes or more a day where your child leads the play, with no screens and "
           "no interruptions. Choose a child on the left, or add your first child."),
        this);
    connect(empty->addAction(tr("Add a child")), &QPushButton::clicked, this, &OneOnOnePage::addChildRequested);
    m_stack->addWidget(empty);

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(28, 24, 28, 24);
    column->setSpacing(16);
    column->addWidget(buildHeader());
    auto* topRow = new QHBoxLayout;
    topRow->setSpacing(16);
    topRow->addWidget(buildQuickLog(), 3);
    topRow->addWidget(buildDayStates(), 2);
    column->addLayout(topRow);
    column->addWidget(buildWeek());
    column->addWidget(buildYear());
    column->addWidget(buildSessions());
    column->addStretch();

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(content);
    m_stack->addWidget(m_scroll);

    connect(&m_workspace, &Workspace::oneOnOneChanged, this, &OneOnOnePage::familyChanged);
    connect(&m_workspace, &Workspace::trashChanged, this, &OneOnOnePage::familyChanged);
    connect(&m_workspace, &Workspace::childChanged, this, &OneOnOnePage::familyChanged);
    connect(&m_workspace, &Workspace::childrenChanged, this, [this] { m_isFamilyStale = true; });
    connect(&m_workspace, &Workspace::caregiversChanged, m_sessions, &SessionList::reloadCaregivers);
    connect(&m_workspace.timerHub(), &TimerHub::ticked, this, &OneOnOnePage::reloadTimer);
}

QWidget* OneOnOnePage::buildHeader()
{
    auto* header = new QWidget(this);
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(16);
    m_avatar = new QLabel(header);
    row->addWidget(m_avatar, 0, Qt::AlignTop);

    auto* text = new QVBoxLayout;
    text->setSpacing(6);
    m_title = makeHeading({}, 1, header);
    text->addWidget(m_title);
    auto* countsRow = new QHBoxLayout;
    countsRow->setSpacing(12);
    m_counts = makeHeading({}, 2, header);
    m_counts->setObjectName(QStringLiteral("counts"));
    m_counts->setWordWrap(false);
    countsRow->addWidget(m_counts);
    m_rhythm = new QLabel(header);
    m_rhythm->setObjectName(QStringLiteral("rhythm"));
    countsRow->addWidget(m_rhythm);
    m_rhythmHow = new QToolButton(header);
    m_rhythmHow->setObjectName(QStringLiteral("rhythmHow"));
    m_rhythmHow->setText(tr("How is this calculated?"));
    m_rhythmHow->setCheckable(true);
    m_rhythmHow->setAutoRaise(true);
    m_rhythmHow->setCursor(Qt::PointingHandCursor);
    countsRow->addWidget(m_rhythmHow);
    countsRow->addStretch();
    text->addLayout(countsRow);
    m_rhythmExplanation = new QLabel(toQString(core::rhythmExplanation()), header);
    m_rhythmExplanation->setObjectName(QStringLiteral("rhythmExplanation"));
    m_rhythmExplanation->setWordWrap(true);
    m_rhythmExplanation->setMaximumWidth(760);
    m_rhythmExplanation->setVisible(false);
    m_rhythmExplanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->addWidget(m_rhythmExplanation);
    row->addLayout(text, 1);

    auto* actions = new QVBoxLayout;
    actions->setSpacing(6);
    m_startTimer = makePrimaryButton(tr("Start one-on-one"), header);
    m_startTimer->setObjectName(QStringLiteral("startTimer"));
    actions->addWidget(m_startTimer);
    auto* details = new QPushButton(tr("Log with details…"), header);
    details->setObjectName(QStringLiteral("logDetails"));
    actions->addWidget(details);
    m_timerNote = muted({}, header);
    m_timerNote->setObjectName(QStringLiteral("timerNote"));
    m_timerNote->setAlignment(Qt::AlignCenter);
    actions->addWidget(m_timerNote);
    actions->addStretch();
    row->addLayout(actions);

    connect(m_rhythmHow, &QToolButton::toggled, m_rhythmExplanation, &QWidget::setVisible);
    connect(m_startTimer, &QPushButton::clicked, this, [this] {
        if (m_workspace.timerHub().timerFor(m_childId))
            stopTimerAndLog(m_workspace, m_childId, window());
        else
            m_workspace.timerHub().start(m_childId, this);
    });
    connect(details, &QPushButton::clicked, this,
        [this] { openNewSession(m_workspace, SessionDialog::newDraft(m_workspace, m_childId), window()); });
    return header;
}

QWidget* OneOnOnePage::buildQuickLog()
{
    auto* card = new Card(tr("Log today's time"), this);
    auto* layout = static_cast<QVBoxLayout*>(card->layout());
    auto* row = new QHBoxLayout;
    row->setSpacing(8);
    m_quickMinutes = new QSpinBox(card);
    m_quickMinutes->setObjectName(QStringLiteral("quickMinutes"));
    m_quickMinutes->setAccessibleName(tr("Minutes of one-on-one time today"));
    m_quickMinutes->setRange(core::limits::kSessionMinutesMin, core::limits::kSessionMinutesMax);
    m_quickMinutes->setSuffix(tr(" min"));
    m_quickMinutes->setMinimumWidth(96);
    m_quickActivity = new QComboBox(card);
    m_quickActivity->setObjectName(QStringLiteral("quickActivity"));
    m_quickActivity->setEditable(true);
    m_quickActivity->setInsertPolicy(QComboBox::NoInsert);
    m_quickActivity->setAccessibleName(tr("What they chose to play (optional)"));
    m_quickActivity->setMinimumWidth(160);
    auto* log = makePrimaryButton(tr("Log it"), card);
    log->setObjectName(QStringLiteral("quickLog"));
    row->addWidget(m_quickMinutes);
    row->addWidget(m_quickActivity, 1);
    row->addWidget(log);
    layout->addLayout(row);
    m_quickChips = new ChipRow(card);
    m_quickChips->setObjectName(QStringLiteral("quickChips"));
    layout->addWidget(m_quickChips);
    m_quickError = new FieldErrorLabel(card);
    layout->addWidget(m_quickError);
    layout->addWidget(muted(tr("Type the minutes and press Enter; what they played is optional. They lead the play, "
                               "with no screens and no interruptions: even ten minutes counts."),
        card));

    m_quickDoneRow = new QWidget(card);
    m_quickDoneRow->setObjectName(QStringLiteral("quickDoneRow"));
    auto* doneLayout = new QHBoxLayout(m_quickDoneRow);
    doneLayout->setContentsMargins(0, 0, 0, 0);
    m_quickDone = new QLabel(m_quickDoneRow);
    m_quickDone->setObjectName(QStringLiteral("quickDone"));
    auto* addDetails = new QPushButton(tr("Add details…"), m_quickDoneRow);
    addDetails->setObjectName(QStringLiteral("quickDetails"));
    doneLayout->addWidget(m_quickDone, 1);
    doneLayout->addWidget(addDetails);
    m_quickDoneRow->setVisible(false);
    layout->addWidget(m_quickDoneRow);
    layout->addStretch();

    m_quickMinutes->installEventFilter(this);
    m_quickActivity->installEventFilter(this);
    m_quickActivity->lineEdit()->installEventFilter(this);
    connect(log, &QPushButton::clicked, this, &OneOnOnePage::quickLog);
    connect(m_quickChips, &ChipRow::chosen, this, [this](const QString& text) {
        m_quickActivity->setEditText(text);
        m_quickMinutes->setFocus();
        m_quickMinutes->selectAll();
    });
    connect(addDetails, &QPushButton::clicked, this, [this] {
        if (m_lastLogged != 0)
            openSession(m_workspace, m_lastLogged, window());
    });
    return card;
}

QWidget* OneOnOnePage::buildDayStates()
{
    auto* card = new Card(tr("Partner, away or sick"), this);
    auto* layout = static_cast<QVBoxLayout*>(card->layout());
    layout->addWidget(muted(tr("No day is ever missed. If a partner had the time, or you were away or ill, note it "
                               "here and the rhythm simply waits."),
        card));
    const auto addRow = [&](const QString& prefix, QWidget* lead, QLabel* state) {
        auto* top = new QHBoxLayout;
        top->addWidget(lead);
        top->addWidget(state, 1);
        layout->addLayout(top);
        auto* buttons = new QHBoxLayout;
        buttons->setSpacing(4);
        for (const auto& info : kStateButtons) {
            auto* button = new QPushButton(tr(info.label), card);
            const QString key = prefix + QLatin1Char('-') + QString::fromLatin1(info.key);
            button->setObjectName(key);
            button->setCheckable(info.state != core::DayState::None);
            button->setProperty("dayState", true);
            button->setAccessibleName(prefix == QStringLiteral("today") ? tr("%1 today").arg(button->text())
                                                                        : tr("%1 on the chosen day").arg(button->text()));
            m_stateButtons.insert(key, button);
            buttons->addWidget(button);
            connect(button, &QPushButton::clicked, this, [this, prefix, state = info.state] {
                const QString day = prefix == QStringLiteral("today") ? toQString(m_workspace.clock().today())
                                                                      : dayText(m_stateDay->date());
                setDayState(day, state);
            });
        }
        buttons->addStretch();
        layout->addLayout(buttons);
    };
    auto* todayLabel = new QLabel(tr("Today"), card);
    todayLabel->setObjectName(QStringLiteral("heading3"));
    m_todayState = muted({}, card);
    m_todayState->setObjectName(QStringLiteral("todayState"));
    addRow(QStringLiteral("today"), todayLabel, m_todayState);

    m_stateDay = new QDateEdit(card);
    m_stateDay->setObjectName(QStringLiteral("stateDay"));
    m_stateDay->setAccessibleName(tr("Another day"));
    m_stateDay->setCalendarPopup(true);
    m_stateDay->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    m_stateDay->setMinimumDate(QDate(1900, 1, 1));
    m_stateDay->setDate(toQDate(m_workspace.clock().today()).addDays(-1));
    m_otherDayState = muted({}, card);
    m_otherDayState->setObjectName(QStringLiteral("otherDayState"));
    layout->addSpacing(6);
    auto* otherLabel = new QLabel(tr("Another day"), card);
    otherLabel->setObjectName(QStringLiteral("heading3"));
    otherLabel->setBuddy(m_stateDay);
    layout->addWidget(otherLabel);
    addRow(QStringLiteral("day"), m_stateDay, m_otherDayState);
    m_stateError = new FieldErrorLabel(card);
    m_stateError->setObjectName(QStringLiteral("stateError"));
    layout->addWidget(m_stateError);
    layout->addStretch();
    connect(m_stateDay, &QDateEdit::dateChanged, this, [this] {
        m_stateError->showMessage({});
        reloadDayStates();
    });
    return card;
}

QWidget* OneOnOnePage::buildWeek()
{
    auto* card = new Card(tr("This week and last, side by side"), this);
    m_weekCard = card;
    m_week = new WeekChart(card);
    card->layout()->addWidget(m_week);
    connect(m_week, &WeekChart::childClicked, this, [this](qint64 id) {
        if (id != m_childId)
            Q_EMIT childRequested(id);
    });
    return card;
}

QWidget* OneOnOnePage::buildYear()
{
    auto* card = new Card({}, this);
    auto* layout = static_cast<QVBoxLayout*>(card->layout());
    auto* head = new QHBoxLayout;
    head->addWidget(makeHeading(tr("The year at a glance"), 3, card));
    head->addStretch();
    auto* legend = new QLabel(YearGridView::legendHtml(), card);
    legend->setObjectName(QStringLiteral("yearLegend"));
    legend->setTextFormat(Qt::RichText);
    head->addWidget(legend);
    head->addSpacing(16);
    auto* back = new QPushButton(QStringLiteral("‹"), card);
    back->setObjectName(QStringLiteral("yearBack"));
    back->setAccessibleName(tr("The year before"));
    back->setFixedWidth(32);
    m_yearLabel = new QLabel(card);
    m_yearLabel->setObjectName(QStringLiteral("yearLabel"));
    m_yearForward = new QPushButton(QStringLiteral("›"), card);
    m_yearForward->setObjectName(QStringLiteral("yearForward"));
    m_yearForward->setAccessibleName(tr("The year after"));
    m_yearForward->setFixedWidth(32);
    head->addWidget(back);
    head->addWidget(m_yearLabel);
    head->addWidget(m_yearForward);
    layout->addLayout(head);
    m_year = new YearGridView(card);
    m_year->setSessionLookup([this](qint64 childId, const std::string& day) {
        try {
            return m_workspace.timeLog().sessionsOn(childId, day);
        } catch (const core::StorageError&) {
            return std::vector<core::Session> {};
        }
    });
    layout->addWidget(m_year);
    connect(back, &QPushButton::clicked, this, [this] { showYear(m_yearNumber - 1); });
    connect(m_yearForward, &QPushButton::clicked, this, [this] { showYear(m_yearNumber + 1); });
    connect(m_year, &YearGridView::dayClicked, this, &OneOnOnePage::showDay);
    return card;
}

QWidget* OneOnOnePage::buildSessions()
{
    auto* card = new Card(tr("Sessions"), this);
    m_sessions = new SessionList(m_workspace, card);
    card->layout()->addWidget(m_sessions);
    m_sessionsCard = card;
    return card;
}

void OneOnOnePage::setChild(qint64 childId)
{
    if (childId != m_childId) {
        m_quickDoneRow->setVisible(false);
        m_quickError->showMessage({});
        m_stateError->showMessage({});
        m_lastLogged = 0;
        m_quickActivity->setEditText({});
    }
    m_childId = childId;
    m_stack->setCurrentIndex(childId == 0 ? 0 : 1);
    m_isStale = true;
    reloadIfShown();
}

void OneOnOnePage::familyChanged()
{
    m_isFamilyStale = true;
    reloadIfShown();
}

void OneOnOnePage::reloadIfShown()
{
    if (isVisible())
        reload();
    else
        m_isStale = true;
}

void OneOnOnePage::showEvent(QShowEvent* event)
{
    ChildPage::showEvent(event);
    if (m_isStale)
        reload();
    if (m_childId != 0) {
        m_quickMinutes->setFocus();
        m_quickMinutes->selectAll();
    }
}

void OneOnOnePage::reload()
{
    m_isStale = false;
    if (m_childId == 0)
        return;
    core::Child child;
    try {
        child = m_workspace.family().child(m_childId);
    } catch (const core::StorageError&) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_name = toQString(child.data.name);
    const bool goalChanged = m_goalMinutes != child.data.goalMinutes;
    m_goalMinutes = child.data.goalMinutes;
    m_avatar->setPixmap(
        avatarPixmap(m_name, toQString(child.data.avatarColor), toBytes(child.data.photo), 56, devicePixelRatioF()));
    m_title->setText(tr("One-on-one with %1").arg(m_name));
    if (goalChanged || !m_quickMinutes->hasFocus())
        m_quickMinutes->setValue(m_goalMinutes);
    m_quickActivity->lineEdit()->setPlaceholderText(tr("What did %1 choose? (optional)").arg(m_name));

    const QStringList chips = activityChips(m_workspace, m_childId, 8);
    if (chips != m_quickChips->chips()) { // most refreshes change no chip: keep the widgets
        const QString typed = m_quickActivity->currentText();
        QSignalBlocker block(m_quickActivity);
        m_quickActivity->clear();
        m_quickActivity->addItems(chips);
        m_quickActivity->setEditText(typed);
        m_quickChips->setChips(chips);
    }

    reloadHeader();
    reloadTimer();
    reloadDayStates();
    if (m_isFamilyStale) {
        const std::string today = m_workspace.clock().today();
        m_week->setWeek(m_workspace.timeSummary().week(today), today);
        showYear(m_yearNumber);
        m_isFamilyStale = false;
    }
    m_sessions->setChild(m_childId);
}

void OneOnOnePage::reloadHeader()
{
    const core::Tally lastSeven = m_workspace.timeSummary().lastDays(m_childId, 7);
    const core::Rhythm rhythm = m_workspace.timeSummary().rhythm(m_childId);
    const bool wasPill = m_rhythm->property("pill").toBool();
    if (!rhythm.hasHistory) {
        m_counts->setText(tr("Nothing logged yet"));
        m_rhythm->setText(tr("Ten minutes where %1 leads the play is plenty.").arg(m_name));
        m_rhythm->setProperty("pill", false);
        m_rhythmHow->setVisible(false);
    } else {
        m_counts->setText(toQString(core::countsLine(lastSeven, 7)));
        m_rhythm->setText(tr("Rhythm %1%").arg(rhythm.percent()));
        m_rhythm->setProperty("pill", true);
        m_rhythm->setToolTip(tr("How regular one-on-one time has been lately; one quiet day barely moves it."));
        m_rhythmHow->setVisible(true);
    }
    if (wasPill != m_rhythm->property("pill").toBool()) { // the style sheet reads the property
        m_rhythm->style()->unpolish(m_rhythm);
        m_rhythm->style()->polish(m_rhythm);
    }
    m_rhythm->setAccessibleName(m_rhythm->text());
    m_counts->setAccessibleName(m_counts->text());
}

void OneOnOnePage::reloadTimer()
{
    if (m_childId == 0)
        return;
    const auto timer = m_workspace.timerHub().timerFor(m_childId);
    if (timer) {
        m_startTimer->setText(tr("Stop and log"));
        m_startTimer->setToolTip(tr("Stop %1's timer and log the time").arg(m_name));
        m_timerNote->setText(timer->isPaused ? tr("Paused at %1").arg(clockText(timer->elapsedMs))
                                             : tr("Running: %1").arg(clockText(timer->elapsedMs)));
        m_timerNote->setVisible(true);
    } else {
        m_startTimer->setText(tr("Start one-on-one"));
        m_startTimer->setToolTip(
            tr("A gentle timer toward %1's %2 minutes (Ctrl+T from anywhere)").arg(m_name).arg(m_goalMinutes));
        m_timerNote->setVisible(false);
    }
}

void OneOnOnePage::reloadDayStates()
{
    if (m_childId == 0)
        return;
    const std::string today = m_workspace.clock().today();
    const std::string other = toStd(dayText(m_stateDay->date()));
    const auto cellOf = [this](const std::string& day) {
        const auto cells = m_workspace.timeSummary().days(m_childId, day, day);
        return cells.empty() ? core::DayCell { day } : cells.front();
    };
    const auto show = [this](const QString& prefix, const core::DayCell& cell, QLabel* label) {
        label->setText(dayStatusText(cell));
        for (const auto& info : kStateButtons) {
            QPushButton* button = m_stateButtons.value(prefix + QLatin1Char('-') + QString::fromLatin1(info.key));
            if (info.state == core::DayState::None)
                button->setEnabled(cell.state != core::DayState::None);
            else
                button->setChecked(cell.state == info.state);
        }
    };
    show(QStringLiteral("today"), cellOf(today), m_todayState);
    if (core::parseDate(other))
        show(QStringLiteral("day"), cellOf(other), m_otherDayState);
}

bool OneOnOnePage::quickLog()
{
    if (m_childId == 0)
        return false;
    m_quickMinutes->interpretText();
    const int minutes = m_quickMinutes->value();
    const QString activity = m_quickActivity->currentText().trimmed();
    core::Session session;
    try {
        if (activity.isEmpty()) {
            session = m_workspace.timeLog().quickLog(m_childId, minutes);
        } else {
            core::SessionDraft draft;
            draft.childId = m_childId;
            draft.day = m_workspace.clock().today();
            draft.minutes = minutes;
            draft.activity = toStd(activity);
            session = m_workspace.timeLog().addSession(draft);
        }
    } catch (const core::ValidationError& error) {
        m_quickError->showMessage(toQString(error.errors().front().message));
        return false;
    } catch (const core::StorageError& error) {
        m_workspace.prompts().warn(this, tr("Not logged yet"), toQString(error.what()));
        return false;
    }
    m_quickError->showMessage({});
    m_lastLogged = session.meta.id;
    m_quickDone->setText(tr("Logged %1 min with %2 today.").arg(minutes).arg(m_name));
    m_quickDoneRow->setVisible(true);
    m_quickActivity->setEditText({});
    Q_EMIT m_workspace.oneOnOneChanged(m_childId);
    m_quickMinutes->setValue(m_goalMinutes);
    m_quickMinutes->selectAll();
    return true;
}

void OneOnOnePage::setDayState(const QString& day, core::DayState state)
{
    if (m_childId == 0)
        return;
    try {
        if (m_workspace.timeLog().dayState(m_childId, toStd(day)) != state)
            perform(m_workspace, undo::setDayState(m_workspace, m_childId, toStd(day), state)); // emits the change
    } catch (const core::ValidationError& error) {
        m_stateError->showMessage(toQString(error.errors().front().message));
        reloadDayStates(); // the buttons show what is stored, not what was clicked
        return;
    } catch (const core::StorageError& error) {
        m_workspace.prompts().warn(this, tr("Not changed"), toQString(error.what()));
        reloadDayStates();
        return;
    }
    m_stateError->showMessage({});
}

void OneOnOnePage::showYear(int year)
{
    const int thisYear = toQDate(m_workspace.clock().today()).year();
    m_yearNumber = std::clamp(year, core::limits::kEarliestBirthYear, thisYear);
    m_yearLabel->setText(QString::number(m_yearNumber));
    m_yearForward->setEnabled(m_yearNumber < thisYear);
    m_year->setGrid(m_workspace.timeSummary().year(m_yearNumber), m_workspace.clock().today());
}

void OneOnOnePage::showDay(qint64 childId, const QString& day)
{
    if (childId != m_childId)
        Q_EMIT childRequested(childId); // the main window selects them, which calls setChild()
    if (childId != m_childId)
        return; // nobody switched (a page on its own): nothing more to show
    m_sessions->showDay(day);
    m_scroll->ensureWidgetVisible(m_sessionsCard, 0, 0);
}

void OneOnOnePage::scrollToViews()
{
    if (m_isStale)
        reload();
    m_scroll->widget()->adjustSize();
    m_scroll->verticalScrollBar()->setValue(m_weekCard->y() - 10);
}

bool OneOnOnePage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool isEnter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        const bool isPopupOpen = m_quickActivity->view() && m_quickActivity->view()->isVisible();
        if (isEnter && !isPopupOpen
            && (watched == m_quickMinutes || watched == m_quickActivity || watched == m_quickActivity->lineEdit())) {
            quickLog();
            return true;
        }
    }
    return ChildPage::eventFilter(watched, event);
}

} // namespace attune::gui
