// SPDX-License-Identifier: MIT
#include "today/TodayPage.h"

#include "common/Avatar.h"
#include "common/QtConvert.h"
#include "common/TimerHub.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "plans/PlansDueWidget.h"
#include "onetoone/SessionActions.h"
#include "onetoone/SessionDialog.h"
#include "onetoone/WeekChart.h"
#include "notebook/OnThisDayLine.h"

#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/TimeSummary.h"

#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedLayout>
#include <QVBoxLayout>

#include <map>

namespace attune::gui {

namespace {

QString timerStatus(const core::TimerState& timer)
{
    return timer.isPaused ? TodayPage::tr("One-on-one paused at %1").arg(clockText(timer.elapsedMs))
                          : TodayPage::tr("One-on-one running: %1").arg(clockText(timer.elapsedMs));
}

QString cardStatus(const core::TodayCard& card)
{
    if (card.timer)
        return timerStatus(*card.timer);
    switch (card.today.status()) {
    case core::DayStatus::Done:
        return TodayPage::tr("Logged %1 min today").arg(card.today.minutes);
    case core::DayStatus::PartnerDidIt:
        return TodayPage::tr("Partner did it today");
    case core::DayStatus::Away:
        return TodayPage::tr("Away today");
    case core::DayStatus::Sick:
        return TodayPage::tr("Sick today: rest comes first");
    case core::DayStatus::Blank:
        break;
    }
    return TodayPage::tr("Today's one-on-one: %1 minutes where %2 leads the play.")
        .arg(card.goalMinutes)
        .arg(toQString(card.name));
}

} // namespace

TodayPage::TodayPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_stack(new QStackedLayout(this))
    , m_date(new QLabel(this))
    , m_cards(new QVBoxLayout)
    , m_tip(new QLabel(this))
{
    setObjectName(QStringLiteral("todayPage"));
    auto* empty = new EmptyState(tr("Welcome"),
        tr("Attune keeps a little space for each of your children: their daily one-on-one "
           "time, what you notice they are good at, and a calm place to think after a "
           "hard moment. Start by adding a child."),
        this);
    auto* add = empty->addAction(tr("Add your first child"), true);
    connect(add, &QPushButton::clicked, this, &TodayPage::addChildRequested);
    m_stack->addWidget(empty);

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(28, 24, 28, 24);
    column->setSpacing(16);
    column->addWidget(makeHeading(tr("Today"), 1, content));
    m_date->setObjectName(QStringLiteral("muted"));
    column->addWidget(m_date);
    m_cards->setSpacing(12);
    column->addLayout(m_cards);

    auto* tipCard = new Card(tr("A small idea for today"), content);
    m_tip->setWordWrap(true);
    m_tip->setObjectName(QStringLiteral("tip"));
    tipCard->layout()->addWidget(m_tip);
    column->addWidget(tipCard);
    column->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);

    // A child's name, photo or birthday may have changed: build the cards again.
    const auto rebuild = [this] {
        m_cardsKey.clear();
        reloadIfShown();
    };
    connect(&m_workspace, &Workspace::childrenChanged, this, rebuild);
    connect(&m_workspace, &Workspace::childChanged, this, rebuild);
    connect(&m_workspace, &Workspace::oneOnOneChanged, this, &TodayPage::reloadIfShown);
    connect(&m_workspace, &Workspace::trashChanged, this, &TodayPage::reloadIfShown);
    connect(&m_workspace.timerHub(), &TimerHub::ticked, this, &TodayPage::tick);
    reload();
}

QString TodayPage::timersKey() const
{
    QStringList key;
    for (const auto& timer : m_workspace.timerHub().active())
        key << QStringLiteral("%1%2").arg(timer.childId).arg(timer.isPaused ? QLatin1Char('p') : QLatin1Char('r'));
    return key.join(QLatin1Char(','));
}

void TodayPage::reloadIfShown()
{
    if (isVisible())
        reload();
    else
        m_isStale = true;
}

void TodayPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_isStale)
        reload();
}

void TodayPage::tick()
{
    if (!isVisible()) {
        m_isStale = m_isStale || timersKey() != m_shownTimers;
        return;
    }
    // A timer started, stopped, paused or resumed: its card changes its buttons. Otherwise
    // only the running times move.
    if (timersKey() != m_shownTimers) {
        reload();
        return;
    }
    for (const auto& timer : m_workspace.timerHub().active()) {
        if (QLabel* label = m_status.value(timer.childId))
            label->setText(timerStatus(timer));
    }
}

void TodayPage::reload()
{
    m_isStale = false;
    const auto children = m_workspace.family().children();
    m_stack->setCurrentIndex(children.empty() ? 0 : 1);
    m_shownTimers = timersKey();

    const std::string today = m_workspace.clock().today();
    const auto date = core::parseDate(today);
    if (date)
        m_date->setText(QLocale().toString(QDate(date->year, date->month, date->day), QLocale::LongFormat));

    std::map<qint64, core::TodayCard> todayCards;
    for (auto& card : m_workspace.timeSummary().today())
        todayCards.emplace(card.childId, std::move(card));

    // Most reloads (a session logged, a day marked) change only words: the cards stay, and
    // only their status and week lines are set again.
    QStringList key;
    for (const auto& child : children) {
        const auto found = todayCards.find(child.id);
        if (found == todayCards.end())
            continue;
        const core::TodayCard& info = found->second;
        key << QStringLiteral("%1:%2:%3")
                   .arg(child.id)
                   .arg(info.timer ? (info.timer->isPaused ? QLatin1Char('p') : QLatin1Char('r')) : QLatin1Char('-'))
                   .arg(static_cast<int>(info.today.status()));
    }
    if (key.join(QLatin1Char(',')) == m_cardsKey) {
        for (const auto& [id, info] : todayCards) {
            if (QLabel* status = m_status.value(id))
                status->setText(cardStatus(info));
            if (QLabel* week = m_week.value(id))
                week->setText(tr("This week: %1").arg(tallyText(info.thisWeek)));
        }
        updateTip(date);
        return;
    }
    m_cardsKey = key.join(QLatin1Char(','));

    while (QLayoutItem* old = m_cards->takeAt(0)) {
        // Later, not now: the click that led here may come from a button on this card.
        if (QWidget* widget = old->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete old;
    }
    m_status.clear();
    m_week.clear();

    for (const auto& child : children) {
        const auto found = todayCards.find(child.id);
        if (found == todayCards.end())
            continue;
        const core::TodayCard& info = found->second;
        const qint64 id = child.id;
        const QString name = toQString(child.name);

        auto* card = new Card({}, this);
        card->setObjectName(QStringLiteral("card"));
        card->setProperty("childId", id);
        auto* row = new QHBoxLayout;
        row->setSpacing(14);
        auto* avatar = new QLabel(card);
        const QByteArray photo
            = child.hasPhoto ? toBytes(m_workspace.family().child(child.id).data.photo) : QByteArray();
        avatar->setPixmap(avatarPixmap(name, toQString(child.avatarColor), photo, 48, devicePixelRatioF()));
        row->addWidget(avatar, 0, Qt::AlignTop);

        auto* text = new QVBoxLayout;
        text->setSpacing(4);
        auto* nameRow = new QHBoxLayout;
        nameRow->addWidget(makeHeading(name, 2, card));
        if (const auto age = core::ageInYears(child.birthDate, m_workspace.clock().today()); age && *age > 0) {
            auto* ageLabel = new QLabel(countText(*age, tr("year old"), tr("years old")), card);
            ageLabel->setObjectName(QStringLiteral("muted"));
            nameRow->addWidget(ageLabel, 0, Qt::AlignBottom);
        }
        nameRow->addStretch();
        text->addLayout(nameRow);

        auto* status = new QLabel(cardStatus(info), card);
        status->setObjectName(QStringLiteral("todayStatus"));
        status->setProperty("status",
            info.timer                 ? QStringLiteral("running")
                : info.today.hasTime() ? QStringLiteral("done")
                                       : QString());
        status->setWordWrap(true);
        m_status.insert(id, status);
        text->addWidget(status);
        auto* week = new QLabel(tr("This week: %1").arg(tallyText(info.thisWeek)), card);
        week->setObjectName(QStringLiteral("muted"));
        week->setAccessibleName(week->text());
        m_week.insert(id, week);
        text->addWidget(week);
        text->addWidget(new PlansDueWidget(m_workspace, id, card));
        if (auto* onThisDay = OnThisDayLine::create(m_workspace, id, card))
            text->addWidget(onThisDay);
        row->addLayout(text, 1);

        // The one next step for today, then the way to the child's pages.
        auto* actions = new QHBoxLayout;
        actions->setSpacing(6);
        if (info.timer) {
            auto* stop = makePrimaryButton(tr("Stop and log"), card);
            stop->setObjectName(QStringLiteral("todayStop"));
            stop->setAccessibleName(tr("Stop %1's timer and log the time").arg(name));
            connect(stop, &QPushButton::clicked, this, [this, id] { stopTimerAndLog(m_workspace, id, window()); });
            auto* pause = new QPushButton(info.timer->isPaused ? tr("Go on") : tr("Pause"), card);
            pause->setObjectName(QStringLiteral("todayPause"));
            const bool isPaused = info.timer->isPaused;
            connect(pause, &QPushButton::clicked, this, [this, id, isPaused] {
                if (isPaused)
                    m_workspace.timerHub().resume(id, this);
                else
                    m_workspace.timerHub().pause(id, this);
            });
            actions->addWidget(stop);
            actions->addWidget(pause);
        } else {
            const bool hasToday = info.today.status() != core::DayStatus::Blank;
            auto* start = hasToday ? new QPushButton(tr("Start one-on-one"), card)
                                   : makePrimaryButton(tr("Start one-on-one"), card);
            start->setObjectName(QStringLiteral("todayStart"));
            start->setAccessibleName(tr("Start a one-on-one timer for %1").arg(name));
            connect(start, &QPushButton::clicked, this, [this, id] { m_workspace.timerHub().start(id, this); });
            auto* log = new QPushButton(tr("Log time…"), card);
            log->setObjectName(QStringLiteral("todayLog"));
            log->setAccessibleName(tr("Log one-on-one time with %1").arg(name));
            connect(log, &QPushButton::clicked, this,
                [this, id] { openNewSession(m_workspace, SessionDialog::newDraft(m_workspace, id), window()); });
            actions->addWidget(start);
            actions->addWidget(log);
        }
        auto* open = new QPushButton(tr("One-on-one"), card);
        open->setObjectName(QStringLiteral("todayOpen"));
        open->setAccessibleName(tr("Open %1's one-on-one time").arg(name));
        connect(open, &QPushButton::clicked, this, [this, id] { Q_EMIT oneOnOneRequested(id); });
        auto* profile = new QPushButton(tr("Profile"), card);
        profile->setObjectName(QStringLiteral("todayProfile"));
        profile->setAccessibleName(tr("Open %1's profile").arg(name));
        connect(profile, &QPushButton::clicked, this, [this, id] { Q_EMIT childActivated(id); });
        actions->addWidget(open);
        actions->addWidget(profile);
        auto* right = new QVBoxLayout;
        right->addLayout(actions);
        right->addStretch();
        row->addLayout(right);
        static_cast<QVBoxLayout*>(card->layout())->addLayout(row);
        m_cards->addWidget(card);
    }

    updateTip(date);
}

void TodayPage::updateTip(const std::optional<core::Date>& date)
{
    // One tip a day, the same all day, moving on at midnight.
    const auto& tips = m_workspace.content().tips;
    if (!tips.empty() && date) {
        const auto index = static_cast<std::size_t>(core::daysFromCivil(*date)) % tips.size();
        m_tip->setText(toQString(tips[index].text));
    }
}

QString TodayPage::statusText(qint64 childId) const
{
    const QLabel* label = m_status.value(childId);
    return label ? label->text() : QString();
}

QString TodayPage::weekText(qint64 childId) const
{
    const QLabel* label = m_week.value(childId);
    return label ? label->text() : QString();
}

} // namespace attune::gui
