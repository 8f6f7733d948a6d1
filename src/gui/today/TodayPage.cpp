// SPDX-License-Identifier: MIT
#include "today/TodayPage.h"

#include "common/Avatar.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/OnThisDayLine.h"

#include "attune/core/Dates.h"
#include "attune/core/Family.h"

#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace attune::gui {

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

    connect(&m_workspace, &Workspace::childrenChanged, this, &TodayPage::reload);
    connect(&m_workspace, &Workspace::childChanged, this, &TodayPage::reload);
    reload();
}

void TodayPage::reload()
{
    const auto children = m_workspace.family().children();
    m_stack->setCurrentIndex(children.empty() ? 0 : 1);

    const std::string today = m_workspace.clock().today();
    const auto date = core::parseDate(today);
    if (date)
        m_date->setText(QLocale().toString(QDate(date->year, date->month, date->day), QLocale::LongFormat));

    while (QLayoutItem* old = m_cards->takeAt(0)) {
        delete old->widget();
        delete old;
    }
    for (const auto& child : children) {
        auto* card = new Card({}, this);
        card->setObjectName(QStringLiteral("card"));
        auto* row = new QHBoxLayout;
        const QString name = toQString(child.name);
        auto* avatar = new QLabel(card);
        const QByteArray photo = child.hasPhoto ? toBytes(m_workspace.family().child(child.id).data.photo) : QByteArray();
        avatar->setPixmap(avatarPixmap(name, toQString(child.avatarColor), photo, 48, devicePixelRatioF()));
        row->addWidget(avatar, 0, Qt::AlignTop);
        auto* text = new QVBoxLayout;
        text->addWidget(makeHeading(name, 2, card));
        QString line = tr("Goal: %1 of one-on-one time, with %2 leading the play.")
                           .arg(countText(child.goalMinutes, tr("minute"), tr("minutes")), name);
        if (const auto age = core::ageInYears(child.birthDate, today); age && *age > 0)
            line = countText(*age, tr("year old"), tr("years old")) + QStringLiteral("  ·  ") + line;
        auto* details = new QLabel(line, card);
        details->setObjectName(QStringLiteral("muted"));
        details->setWordWrap(true);
        text->addWidget(details);
        if (auto* onThisDay = OnThisDayLine::create(m_workspace, child.id, card))
            text->addWidget(onThisDay);
        row->addLayout(text, 1);
        auto* open = new QPushButton(tr("Open profile"), card);
        open->setAccessibleName(tr("Open %1's profile").arg(name));
        connect(open, &QPushButton::clicked, this, [this, id = child.id] { Q_EMIT childActivated(id); });
        row->addWidget(open, 0, Qt::AlignTop);
        static_cast<QVBoxLayout*>(card->layout())->addLayout(row);
        m_cards->addWidget(card);
    }

    // One tip a day, the same all day, moving on at midnight.
    const auto& tips = m_workspace.content().tips;
    if (!tips.empty() && date) {
        const auto index = static_cast<std::size_t>(core::daysFromCivil(*date)) % tips.size();
        m_tip->setText(toQString(tips[index].text));
    }
}

} // namespace attune::gui
