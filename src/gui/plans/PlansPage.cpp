// SPDX-License-Identifier: MIT
#include "plans/PlansPage.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Plans.h"

#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace attune::gui {

namespace {

QString statusTitle(core::ProblemStatus status)
{
    switch (status) {
    case core::ProblemStatus::ToDiscuss: return QObject::tr("To talk about");
    case core::ProblemStatus::Trying: return QObject::tr("Trying a solution");
    case core::ProblemStatus::Solved: return QObject::tr("Solved");
    case core::ProblemStatus::SetAside: return QObject::tr("Set aside for now");
    }
    return {};
}

QString dayText(const std::string& day)
{
    const QDate date = QDate::fromString(toQString(day), Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QStringLiteral("ddd d MMM")) : toQString(day);
}

QLabel* wrapped(const QString& text, QWidget* parent, bool isMuted = false)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    if (isMuted)
        label->setObjectName(QStringLiteral("muted"));
    return label;
}

} // namespace

PlansPage::PlansPage(Workspace& workspace, QWidget* parent)
    : ChildPage(parent)
    , m_workspace(workspace)
    , m_stack(new QStackedLayout(this))
    , m_title(makeHeading(tr("Plans"), 1, this))
    , m_sections(new QVBoxLayout)
{
    setObjectName(QStringLiteral("plansPage"));
    m_stack->addWidget(new EmptyState(tr("Plans"),
                                      tr("Problems you and your child are working on together, conversations to have, "
                                         "and repairs still open will gather here. Add a child to begin."),
                                      this));
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(28, 24, 28, 24);
    column->setSpacing(14);
    column->addWidget(m_title);
    auto* intro = wrapped(tr("Kids do well if they can. Each plan here is about a skill that's still growing, worked "
                             "out together, one problem at a time."),
                          content, true);
    column->addWidget(intro);
    m_sections->setSpacing(12);
    column->addLayout(m_sections);
    column->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);

    connect(&m_workspace, &Workspace::plansChanged, this, [this](qint64 childId) {
        if (childId == m_childId)
            reload();
    });
    connect(&m_workspace, &Workspace::reflectionsChanged, this, [this](qint64 childId) {
        if (childId == m_childId)
            reload();
    });
    connect(&m_workspace, &Workspace::trashChanged, this, &PlansPage::reload);
}

void PlansPage::setChild(qint64 childId)
{
    m_childId = childId;
    m_perStatus = 10;
    reload();
}

void PlansPage::reload()
{
    m_stack->setCurrentIndex(m_childId == 0 ? 0 : 1);
    while (QLayoutItem* old = m_sections->takeAt(0)) {
        delete old->widget();
        delete old;
    }
    if (m_childId == 0)
        return;
    core::PlansPage page;
    QString name;
    try {
        name = toQString(m_workspace.family().child(m_childId).data.name);
        page = m_workspace.plans().page(m_childId, m_workspace.clock().today(), m_perStatus);
    } catch (const std::exception& error) {
        m_sections->addWidget(wrapped(toQString(error.what()), this, true));
        return;
    }
    m_title->setText(tr("Plans with %1").arg(name));

    if (!page.openRepairs.empty()) {
        auto* card = new Card(tr("Repairs to come back to"), this);
        card->setObjectName(QStringLiteral("card"));
        card->layout()->addWidget(wrapped(tr("Coming back to make it right helps %1 feel safe again. Later today or "
                                             "tomorrow is fine.")
                                              .arg(name),
                                          card, true));
        for (const core::OpenRepair& repair : page.openRepairs) {
            auto* row = new QHBoxLayout;
            QString text = toQString(repair.title).trimmed();
            if (text.isEmpty())
                text = tr("A hard moment");
            row->addWidget(wrapped(QStringLiteral("%1  ·  %2").arg(dayText(repair.happenedOn), text), card), 1);
            auto* done = new QPushButton(tr("Mark done"), card);
            done->setObjectName(QStringLiteral("repairDone-%1").arg(repair.reflectionId));
            done->setAccessibleName(tr("Mark the repair for %1 done").arg(text));
            connect(done, &QPushButton::clicked, this, [this, id = repair.reflectionId] { markRepairDone(id); });
            row->addWidget(done);
            static_cast<QVBoxLayout*>(card->layout())->addLayout(row);
        }
        m_sections->addWidget(card);
    }

    if (!page.reviewsDue.empty() || !page.upcomingTalks.empty()) {
        auto* card = new Card(tr("Coming up"), this);
        card->setObjectName(QStringLiteral("card"));
        for (const core::UpcomingTalk& talk : page.upcomingTalks) {
            QString when = dayText(talk.scheduledOn);
            if (!talk.scheduledTime.empty())
                when += QStringLiteral(" ") + toQString(talk.scheduledTime);
            card->layout()->addWidget(
                wrapped(tr("Calm conversation, %1: %2").arg(when, toQString(talk.problemText)), card));
        }
        for (const core::ReviewDue& review : page.reviewsDue) {
            card->layout()->addWidget(wrapped(tr("Time to look again at how it's going: %1")
                                                  .arg(toQString(review.problemText)),
                                              card));
        }
        m_sections->addWidget(card);
    }

    int total = 0;
    for (int count : page.counts)
        total += count;
    if (total == 0 && page.openRepairs.empty()) {
        m_sections->addWidget(wrapped(tr("Nothing here yet. When a reflection ends with a plan for next time, the "
                                         "problem you named will wait here, and so will any repair you'd like to "
                                         "come back to."),
                                      this, true));
        return;
    }

    for (int index = 0; index < core::kProblemStatusCount; ++index) {
        const auto status = static_cast<core::ProblemStatus>(index);
        const auto& problems = page.problems[static_cast<std::size_t>(index)];
        const int count = page.counts[static_cast<std::size_t>(index)];
        if (count == 0)
            continue;
        auto* card = new Card(QStringLiteral("%1 (%2)").arg(statusTitle(status)).arg(count), this);
        card->setObjectName(QStringLiteral("card"));
        card->setProperty("status", QString::fromStdString(core::toString(status)));
        for (const core::ProblemSummary& problem : problems) {
            auto* row = new QHBoxLayout;
            auto* text = new QVBoxLayout;
            text->addWidget(wrapped(toQString(problem.text), card));
            QStringList details;
            if (problem.plan != core::PlanKind::None)
                details << tr("Plan %1").arg(toQString(core::toString(problem.plan)).toUpper());
            if (!problem.nextTalkOn.empty())
                details << tr("talk on %1").arg(dayText(problem.nextTalkOn));
            const bool isOpen = status == core::ProblemStatus::ToDiscuss || status == core::ProblemStatus::Trying;
            if (!problem.reviewOn.empty() && isOpen)
                details << tr("look again %1").arg(dayText(problem.reviewOn));
            if (!details.isEmpty())
                text->addWidget(wrapped(details.join(QStringLiteral("  ·  ")), card, true));
            row->addLayout(text, 1);
            auto* picker = new QComboBox(card);
            picker->setObjectName(QStringLiteral("problemStatus-%1").arg(problem.id));
            picker->setAccessibleName(tr("Where this problem is"));
            for (int option = 0; option < core::kProblemStatusCount; ++option)
                picker->addItem(statusTitle(static_cast<core::ProblemStatus>(option)));
            picker->setCurrentIndex(index);
            connect(picker, &QComboBox::activated, this, [this, id = problem.id](int chosen) {
                setProblemStatus(id, chosen);
            });
            row->addWidget(picker, 0, Qt::AlignTop);
            static_cast<QVBoxLayout*>(card->layout())->addLayout(row);
        }
        if (count > static_cast<int>(problems.size())) {
            auto* more = new QPushButton(tr("Show all %1").arg(count), card);
            more->setObjectName(QStringLiteral("showAll-%1").arg(QString::fromStdString(core::toString(status))));
            connect(more, &QPushButton::clicked, this, [this] {
                m_perStatus = 100000;
                QMetaObject::invokeMethod(this, &PlansPage::reload, Qt::QueuedConnection);
            });
            card->layout()->addWidget(more);
            card->layout()->setAlignment(more, Qt::AlignLeft);
        }
        m_sections->addWidget(card);
    }
}

void PlansPage::markRepairDone(qint64 reflectionId)
{
    try {
        m_workspace.reflections().markRepairDone(reflectionId);
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(this, tr("Not saved yet"), toQString(error.what()));
        return;
    }
    Q_EMIT m_workspace.plansChanged(m_childId);
    Q_EMIT m_workspace.reflectionsChanged(m_childId);
}

void PlansPage::setProblemStatus(qint64 problemId, int status)
{
    if (status < 0 || status >= core::kProblemStatusCount)
        return;
    try {
        m_workspace.plans().setStatus(problemId, static_cast<core::ProblemStatus>(status));
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(this, tr("Not saved yet"), toQString(error.what()));
        return;
    }
    // Reloaded after the combo box's own signal has finished.
    QMetaObject::invokeMethod(this, [this] { Q_EMIT m_workspace.plansChanged(m_childId); }, Qt::QueuedConnection);
}

} // namespace attune::gui
