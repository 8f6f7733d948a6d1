// SPDX-License-Identifier: MIT
#include "insights/InsightsPage.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "insights/BarChart.h"
#include "reflection/ReflectionContent.h"

#include "attune/core/Dates.h"
#include "attune/core/Family.h"

#include <QComboBox>
#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedLayout>
#include <QVBoxLayout>

#include <algorithm>

namespace attune::gui {

namespace {

QLabel* mutedLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("muted"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString oneDecimal(double value)
{
    return QLocale().toString(value, 'f', 1);
}

QString dateText(const std::string& day, const QString& format)
{
    const QDate date = QDate::fromString(toQString(day), Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, format) : toQString(day);
}

QString partOfDayName(core::PartOfDay part)
{
    switch (part) {
    case core::PartOfDay::Morning: return QObject::tr("Morning");
    case core::PartOfDay::Afternoon: return QObject::tr("Afternoon");
    case core::PartOfDay::Evening: return QObject::tr("Evening");
    case core::PartOfDay::Night: return QObject::tr("Night");
    case core::PartOfDay::NotGiven: return QObject::tr("No time given");
    }
    return {};
}

QString statusName(core::ProblemStatus status)
{
    switch (status) {
    case core::ProblemStatus::ToDiscuss: return QObject::tr("To talk about");
    case core::ProblemStatus::Trying: return QObject::tr("Trying a solution");
    case core::ProblemStatus::Solved: return QObject::tr("Solved");
    case core::ProblemStatus::SetAside: return QObject::tr("Set aside for now");
    }
    return {};
}

const std::vector<QColor>& statusColors()
{
    static const std::vector<QColor> colors = {chartColors::blue, chartColors::bar, chartColors::barStrong,
                                               chartColors::sand};
    return colors;
}

// A card: a plain heading, a muted sentence saying what the chart is (and is not), the chart.
Card* makeCard(const QString& heading, const QString& name, QLabel*& text, BarChart*& chart, QWidget* parent)
{
    auto* card = new Card(heading, parent);
    text = mutedLabel(card);
    text->setAccessibleName(heading);
    card->layout()->addWidget(text);
    chart = new BarChart(card);
    chart->setObjectName(name + QStringLiteral("Chart"));
    chart->setAccessibleName(heading);
    card->layout()->addWidget(chart);
    static_cast<QVBoxLayout*>(card->layout())->addStretch();
    return card;
}

} // namespace

InsightsPage::InsightsPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_childPicker(new QComboBox(this))
    , m_rangePicker(new QComboBox(this))
    , m_rangeText(mutedLabel(this))
    , m_stack(new QStackedLayout)
{
    setObjectName(QStringLiteral("insightsPage"));
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(28, 24, 28, 24);
    column->setSpacing(14);
    column->addWidget(makeHeading(tr("Insights"), 1, content));
    auto* intro = mutedLabel(content);
    intro->setText(tr("Patterns in what you have written down. They describe what happened, never how well anyone "
                      "did: something to wonder about, not to worry about."));
    column->addWidget(intro);

    auto* controls = new QHBoxLayout;
    controls->setSpacing(8);
    auto* childLabel = new QLabel(tr("Child"), content);
    childLabel->setBuddy(m_childPicker);
    m_childPicker->setObjectName(QStringLiteral("insightsChild"));
    m_childPicker->setAccessibleName(tr("Which child"));
    m_childPicker->setMinimumWidth(160);
    auto* rangeLabel = new QLabel(tr("Time"), content);
    rangeLabel->setBuddy(m_rangePicker);
    m_rangePicker->setObjectName(QStringLiteral("insightsRange"));
    m_rangePicker->setAccessibleName(tr("How far back"));
    m_rangePicker->addItem(tr("Last 4 weeks"), static_cast<int>(Range::FourWeeks));
    m_rangePicker->addItem(tr("Last 12 weeks"), static_cast<int>(Range::TwelveWeeks));
    m_rangePicker->addItem(tr("Last year"), static_cast<int>(Range::Year));
    m_rangePicker->setCurrentIndex(1);
    m_rangeText->setObjectName(QStringLiteral("insightsRangeText"));
    m_rangeText->setAccessibleName(tr("Days shown"));
    m_rangeText->setWordWrap(false);
    controls->addWidget(childLabel);
    controls->addWidget(m_childPicker);
    controls->addSpacing(16);
    controls->addWidget(rangeLabel);
    controls->addWidget(m_rangePicker);
    controls->addSpacing(16);
    controls->addWidget(m_rangeText);
    controls->addStretch();
    column->addLayout(controls);

    auto* empty = new EmptyState(tr("Patterns will show here"),
                                 tr("Once you write a few reflections or log some one-on-one time, patterns will show "
                                    "here. There is no hurry: a few weeks of notes is plenty."),
                                 content);
    empty->setObjectName(QStringLiteral("insightsEmpty"));
    m_stack->addWidget(empty);

    auto* charts = new QWidget(content);
    charts->setObjectName(QStringLiteral("insightsCharts"));
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(12);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->addWidget(makeCard(tr("Time of day"), QStringLiteral("partOfDay"), m_momentsText, m_partOfDay, charts), 0, 0);
    grid->addWidget(makeCard(tr("Day of the week"), QStringLiteral("weekday"), m_weekdayText, m_weekday, charts), 0, 1);
    grid->addWidget(makeCard(tr("What was going on"), QStringLiteral("needs"), m_needsText, m_needs, charts), 1, 0);
    grid->addWidget(makeCard(tr("Skills still growing"), QStringLiteral("skills"), m_skillsText, m_skills, charts), 1, 1);
    grid->addWidget(makeCard(tr("One-on-one time"), QStringLiteral("minutes"), m_minutesText, m_minutes, charts), 2, 0);
    grid->addWidget(
        makeCard(tr("Weeks with more one-on-one days"), QStringLiteral("weeks"), m_weeksText, m_weeks, charts), 2, 1);
    m_weeks->setPartColors({chartColors::blue});
    Card* problems = makeCard(tr("Unsolved problems over time"), QStringLiteral("problems"), m_problemsText,
                              m_problems, charts);
    m_problems->setPartColors(statusColors());
    QStringList legend;
    for (int s = 0; s < core::kProblemStatusCount; ++s) {
        legend << QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                      .arg(statusColors()[static_cast<std::size_t>(s)].name(),
                           statusName(static_cast<core::ProblemStatus>(s)).toHtmlEscaped());
    }
    auto* legendLabel = new QLabel(legend.join(QStringLiteral("&nbsp;&nbsp;&nbsp;")), problems);
    legendLabel->setObjectName(QStringLiteral("problemsLegend"));
    legendLabel->setAccessibleName(tr("Colours of the problem bars"));
    static_cast<QVBoxLayout*>(problems->layout())->insertWidget(2, legendLabel);
    grid->addWidget(problems, 3, 0, 1, 2);
    m_stack->addWidget(charts);
    column->addLayout(m_stack);
    column->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("insightsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    reloadChildren();
    connect(m_childPicker, &QComboBox::currentIndexChanged, this, &InsightsPage::reload);
    connect(m_rangePicker, &QComboBox::currentIndexChanged, this, &InsightsPage::reload);
    // Anything that changes a count marks the page; it reads again when next shown.
    for (auto signal : {&Workspace::reflectionsChanged, &Workspace::oneOnOneChanged, &Workspace::plansChanged})
        connect(&m_workspace, signal, this, &InsightsPage::reloadWhenShown);
    connect(&m_workspace, &Workspace::trashChanged, this, &InsightsPage::reloadWhenShown);
    connect(&m_workspace, &Workspace::childrenChanged, this, [this] {
        reloadChildren();
        reloadWhenShown();
    });
    connect(&m_workspace, &Workspace::childChanged, this, [this] {
        reloadChildren(); // a new name
        reloadWhenShown();
    });
    connect(&m_workspace, &Workspace::dataReplaced, this, [this] {
        reloadChildren();
        reloadWhenShown();
    });
}

void InsightsPage::reloadChildren()
{
    const qint64 keep = child();
    QSignalBlocker block(m_childPicker);
    m_childPicker->clear();
    m_childPicker->addItem(tr("All children"), qint64{0});
    try {
        for (const auto& summary : m_workspace.family().children())
            m_childPicker->addItem(toQString(summary.name), static_cast<qint64>(summary.id));
    } catch (const std::exception&) {
        // The picker keeps "All children"; the report says what went wrong.
    }
    const int index = m_childPicker->findData(keep);
    m_childPicker->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && keep != 0)
        m_isStale = true; // the chosen child is gone
}

void InsightsPage::reloadWhenShown()
{
    if (isVisible())
        reload();
    else
        m_isStale = true;
}

void InsightsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_isStale)
        reload();
}

void InsightsPage::setRange(Range range)
{
    m_rangePicker->setCurrentIndex(m_rangePicker->findData(static_cast<int>(range)));
}

void InsightsPage::setChild(qint64 childId)
{
    const int index = m_childPicker->findData(childId);
    m_childPicker->setCurrentIndex(index < 0 ? 0 : index);
}

qint64 InsightsPage::child() const
{
    return m_childPicker->currentData().toLongLong();
}

QString InsightsPage::weeksSentence() const
{
    return m_weeksText->text();
}

bool InsightsPage::isEmptyShown() const
{
    return m_stack->currentIndex() == 0;
}

void InsightsPage::reload()
{
    m_isStale = false;
    const auto range = static_cast<Range>(m_rangePicker->currentData().toInt());
    const int weeks = range == Range::FourWeeks ? 4 : range == Range::TwelveWeeks ? 12 : 52;
    try {
        const auto [from, to] = core::Insights::lastWeeks(m_workspace.clock().today(), weeks);
        m_report = m_workspace.insights().report(from, to, child(), core::Insights::kEvenSplit);
    } catch (const std::exception& error) {
        m_report = {};
        m_rangeText->setText(toQString(error.what()));
        m_stack->setCurrentIndex(0);
        return;
    }
    m_rangeText->setText(tr("%1 to %2").arg(dateText(m_report.from, QStringLiteral("d MMM yyyy")),
                                            dateText(m_report.to, QStringLiteral("d MMM yyyy"))));
    showReport();
}

void InsightsPage::showReport()
{
    const core::InsightsReport& r = m_report;
    int problemCount = 0;
    for (const auto& month : r.problems) {
        for (int count : month.byStatus)
            problemCount += count;
    }
    int minutes = 0;
    for (const auto& row : r.oneOnOne)
        minutes += row.totalMinutes();
    const bool isEmpty = r.hardMoments == 0 && minutes == 0 && problemCount == 0;
    m_stack->setCurrentIndex(isEmpty ? 0 : 1);
    if (isEmpty)
        return;

    const bool hasMoments = r.hardMoments > 0;
    const QString noMoments = tr("No saved reflections in this time. Once you write a few, patterns will show here.");

    // When hard moments happened.
    std::vector<BarChart::Row> rows;
    for (int p = 0; p < core::kPartOfDayCount; ++p) {
        const int count = r.byPartOfDay[static_cast<std::size_t>(p)];
        if (p == static_cast<int>(core::PartOfDay::NotGiven) && count == 0)
            continue; // every moment has a time: no empty row
        rows.push_back({partOfDayName(static_cast<core::PartOfDay>(p)), {static_cast<double>(count)},
                        QString::number(count)});
    }
    m_partOfDay->setRows(hasMoments ? rows : std::vector<BarChart::Row>{});
    m_momentsText->setText(
        hasMoments ? tr("%1 from your saved reflections, by the time they happened. A count, not a measure of how "
                        "things are going.")
                         .arg(countText(r.hardMoments, tr("hard moment"), tr("hard moments")))
                   : noMoments);

    rows.clear();
    const QStringList days = {tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"),
                              tr("Friday"), tr("Saturday"), tr("Sunday")};
    for (int d = 0; d < 7; ++d) {
        const int count = r.byWeekday[static_cast<std::size_t>(d)];
        rows.push_back({days[d], {static_cast<double>(count)}, QString::number(count)});
    }
    m_weekday->setRows(hasMoments ? rows : std::vector<BarChart::Row>{});
    {
        m_weekdayText->setText(hasMoments ? tr("The same moments, by weekday. %1 came around stopping or switching from one "
                                      "thing to another.")
                                       .arg(r.duringTransition == r.hardMoments && r.hardMoments > 1
                                                ? tr("All of them")
                                                : tr("%1 of %2").arg(r.duringTransition).arg(r.hardMoments))
                                 : tr("Weekdays will show here too."));
    }

    // Needs and skills, by their labels.
    const ReflectionContent& content = ReflectionContent::shipped();
    rows.clear();
    for (const auto& need : r.unmetNeeds)
        rows.push_back({content.unmetNeedLabel(toQString(need.key)), {static_cast<double>(need.count)},
                        QString::number(need.count)});
    m_needs->setRows(rows);
    m_needsText->setText(!hasMoments ? noMoments
                         : rows.empty()
                             ? tr("No needs or triggers were picked in these reflections. They are in the “Ask why” "
                                  "step, whenever you want them.")
                             : tr("The needs and triggers you picked most often. Each moment counts once per need."));
    rows.clear();
    for (const auto& skill : r.laggingSkills)
        rows.push_back({ReflectionContent::labelOf(content.laggingSkills, toQString(skill.key)),
                        {static_cast<double>(skill.count)}, QString::number(skill.count)});
    m_skills->setRows(rows);
    m_skillsText->setText(!hasMoments ? tr("Skills that got in the way will show here.")
                          : rows.empty()
                              ? tr("No skills were picked in these reflections. Kids do well if they can: the “Ask "
                                   "why” step lists skills that may still be growing.")
                              : tr("Kids do well if they can. These are the skills still growing that you noticed "
                                   "most often."));

    // One-on-one minutes: the average per week, every week of the range counted.
    rows.clear();
    const int weeks = static_cast<int>(r.weekStarts.size());
    for (const auto& row : r.oneOnOne) {
        const double average = row.averageMinutes();
        rows.push_back({toQString(row.name), {average},
                        tr("%1 min a week · %2 min in all").arg(QLocale().toString(qRound(average))).arg(row.totalMinutes())});
    }
    m_minutes->setRows(rows);
    m_minutesText->setText(
        rows.empty() ? tr("Add a child to see one-on-one time here.")
                     : tr("Minutes a week on average over %1, weeks without time counted as zero. Little and often "
                          "adds up.")
                           .arg(countText(weeks, tr("week"), tr("weeks"))));

    // Weeks with more one-on-one days beside weeks with fewer.
    const core::WeeksComparison& w = r.weeks;
    rows.clear();
    if (w.moreWeeks > 0 && w.fewerWeeks > 0) {
        rows.push_back({tr("%1 or more days (%2)")
                            .arg(w.threshold)
                            .arg(countText(w.moreWeeks, tr("week"), tr("weeks"))),
                        {w.moreAverage()}, tr("%1 hard moments a week").arg(oneDecimal(w.moreAverage()))});
        rows.push_back({tr("Fewer days (%1)").arg(countText(w.fewerWeeks, tr("week"), tr("weeks"))),
                        {w.fewerAverage()}, tr("%1 hard moments a week").arg(oneDecimal(w.fewerAverage()))});
        const QString more = oneDecimal(w.moreAverage());
        const QString fewer = oneDecimal(w.fewerAverage());
        // Equal averages are no pattern: saying "the two go together" then would be untrue.
        QString sentence = more == fewer
                             ? tr("Weeks with more one-on-one days and weeks with fewer had about the same number of "
                                  "hard moments: %1 a week. Here the two don't seem to go together.")
                                   .arg(more)
                             : tr("Weeks with more one-on-one days had on average %1 hard moments; weeks with fewer "
                                  "had %2. This shows the two go together here, not that one causes the other.")
                                   .arg(more, fewer);
        if (r.childId == 0 && r.oneOnOne.size() > 1)
            sentence += QLatin1Char(' ') + tr("Each child's weeks count on their own.");
        m_weeksText->setText(sentence);
    } else {
        m_weeksText->setText(tr("Once there are whole weeks with %1 or more one-on-one days and weeks with fewer, "
                                "they will show side by side here.")
                                 .arg(w.threshold));
    }
    m_weeks->setRows(rows);

    // Unsolved problems by month written, coloured by where they stand now.
    rows.clear();
    for (const auto& month : r.problems) {
        int total = 0;
        std::vector<double> parts;
        for (int count : month.byStatus) {
            total += count;
            parts.push_back(count);
        }
        rows.push_back({dateText(month.month + "-01", QStringLiteral("MMM yyyy")), parts, QString::number(total)});
    }
    if (problemCount == 0)
        rows.clear();
    m_problems->setRows(rows);
    m_problemsText->setText(problemCount == 0
                                ? tr("No unsolved problems were written in this time. They come from “Plan for next "
                                     "time” in a reflection, or from the Plans page.")
                                : tr("Problems written each month, coloured by where each one stands now. Solving "
                                     "takes as long as it takes."));
    if (auto* legend = m_problems->parentWidget()->findChild<QLabel*>(QStringLiteral("problemsLegend")))
        legend->setVisible(problemCount > 0);
}

} // namespace attune::gui
