// SPDX-License-Identifier: MIT
#include "onetoone/SessionList.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "onetoone/SessionActions.h"
#include "onetoone/SessionDialog.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/TimeLog.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace attune::gui {

namespace {

enum Range { AnyTime, LastSevenDays, LastThirtyDays, ThisYear, LastYear, ChosenDays };
enum Column { DayColumn, MinutesColumn, PlayColumn, WithColumn, MoodColumn, NoteColumn };

QDate toQDate(const std::string& day)
{
    const auto date = core::parseDate(day);
    return date ? QDate(date->year, date->month, date->day) : QDate();
}

std::string toDay(const QDate& date)
{
    return toStd(date.toString(QStringLiteral("yyyy-MM-dd")));
}

QString firstLine(const std::string& text)
{
    return toQString(text).section(QLatin1Char('\n'), 0, 0).left(120);
}

QString details(const core::Session& session)
{
    const auto& d = session.data;
    QStringList lines;
    QStringList checks;
    if (d.childLed)
        checks << QObject::tr("they led the play");
    if (d.noScreens)
        checks << QObject::tr("no screens");
    if (d.noInterruptions)
        checks << QObject::tr("no interruptions");
    if (!checks.isEmpty())
        lines << checks.join(QStringLiteral(" · "));
    if (d.presence > 0)
        lines << QObject::tr("How present I felt: %1 of 5").arg(d.presence);
    if (!d.marvel.empty())
        lines << QObject::tr("Marvelled at: %1").arg(firstLine(d.marvel));
    if (!d.note.empty())
        lines << firstLine(d.note);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

SessionList::SessionList(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_caregiver(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_activity(new QLineEdit(this))
    , m_clear(new QPushButton(tr("Show all"), this))
    , m_tree(new QTreeWidget(this))
    , m_count(new QLabel(this))
    , m_more(new QPushButton(tr("Show more"), this))
    , m_edit(new QPushButton(tr("Open…"), this))
    , m_trash(new QPushButton(tr("Move to trash"), this))
    , m_undoRow(new QWidget(this))
    , m_undoText(new QLabel(m_undoRow))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("sessionListPanel"));
    m_caregiver->setObjectName(QStringLiteral("filterCaregiver"));
    m_caregiver->setAccessibleName(tr("Who spent the time"));
    m_range->setObjectName(QStringLiteral("filterRange"));
    m_range->setAccessibleName(tr("Which days"));
    m_range->addItems({ tr("Any time"), tr("The last 7 days"), tr("The last 30 days"), tr("This year"), tr("Last year"),
        tr("Choose days…") });
    for (QDateEdit* edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
        edit->setVisible(false);
    }
    m_from->setObjectName(QStringLiteral("filterFrom"));
    m_from->setAccessibleName(tr("From"));
    m_to->setObjectName(QStringLiteral("filterTo"));
    m_to->setAccessibleName(tr("To"));
    m_activity->setObjectName(QStringLiteral("filterActivity"));
    m_activity->setAccessibleName(tr("What was played"));
    m_activity->setPlaceholderText(tr("What was played…"));
    m_activity->setClearButtonEnabled(true);
    m_clear->setObjectName(QStringLiteral("filterClear"));

    m_tree->setObjectName(QStringLiteral("sessionList"));
    m_tree->setAccessibleName(tr("Sessions"));
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->setHeaderLabels({ tr("Day"), tr("Minutes"), tr("Play"), tr("With"), tr("Mood"), tr("Note") });
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(DayColumn, 150);
    m_tree->setColumnWidth(MinutesColumn, 70);
    m_tree->setColumnWidth(PlayColumn, 170);
    m_tree->setColumnWidth(WithColumn, 100);
    m_tree->setColumnWidth(MoodColumn, 170);
    m_tree->setMinimumHeight(260);
    m_count->setObjectName(QStringLiteral("sessionCount"));
    m_more->setObjectName(QStringLiteral("moreSessions"));
    m_edit->setObjectName(QStringLiteral("editSession"));
    m_edit->setToolTip(tr("See or change the chosen session (Enter)"));
    m_trash->setObjectName(QStringLiteral("trashSession"));
    m_trash->setToolTip(tr("Nothing is deleted: bring it back with Undo (Ctrl+Z) or from Settings → Trash (Delete)"));
    m_undoRow->setObjectName(QStringLiteral("undoRow"));
    m_undoText->setObjectName(QStringLiteral("muted"));
    auto* undo = new QPushButton(tr("Undo"), m_undoRow);
    undo->setObjectName(QStringLiteral("undoTrash"));
    undo->setToolTip(tr("Bring it back (Ctrl+Z)"));
    auto* undoLayout = new QHBoxLayout(m_undoRow);
    undoLayout->setContentsMargins(0, 0, 0, 0);
    undoLayout->addWidget(m_undoText);
    undoLayout->addWidget(undo);
    undoLayout->addStretch();
    m_undoRow->setVisible(false);

    auto* filters = new QHBoxLayout;
    filters->setSpacing(8);
    auto* with = new QLabel(tr("With"), this);
    with->setBuddy(m_caregiver);
    filters->addWidget(with);
    filters->addWidget(m_caregiver);
    filters->addWidget(m_range);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(m_activity, 1);
    filters->addWidget(m_clear);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_count);
    actions->addWidget(m_more);
    actions->addStretch();
    actions->addWidget(m_edit);
    actions->addWidget(m_trash);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(filters);
    layout->addWidget(m_tree);
    layout->addLayout(actions);
    layout->addWidget(m_undoRow);

    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, [this] {
        m_limit = kPageSize;
        reload();
    });
    connect(m_activity, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    const auto refilter = [this] {
        m_limit = kPageSize;
        reload();
    };
    connect(m_caregiver, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_range, &QComboBox::currentIndexChanged, this, &SessionList::selectRange);
    connect(m_from, &QDateEdit::dateChanged, this, refilter);
    connect(m_to, &QDateEdit::dateChanged, this, refilter);
    connect(m_clear, &QPushButton::clicked, this, &SessionList::clearFilters);
    connect(m_more, &QPushButton::clicked, this, [this] {
        m_limit += kPageSize;
        reload();
    });
    connect(m_edit, &QPushButton::clicked, this, &SessionList::editSelected);
    connect(m_trash, &QPushButton::clicked, this, &SessionList::trashSelected);
    connect(undo, &QPushButton::clicked, this, &SessionList::undoTrash);
    // The row offers Undo only while the trashing is the newest thing on the window's stack.
    connect(&m_workspace.undoStack(), &QUndoStack::indexChanged, this, [this](int index) {
        if (index != m_undoIndex)
            m_undoRow->setVisible(false);
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] { editSelected(); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        const bool hasRow = m_tree->currentItem() != nullptr;
        m_edit->setEnabled(hasRow);
        m_trash->setEnabled(hasRow);
    });
    auto* del = new QShortcut(QKeySequence::Delete, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &SessionList::trashSelected);
    reloadCaregivers();
}

void SessionList::reloadCaregivers()
{
    const QString keep = m_caregiver->currentData().toString();
    QSignalBlocker block(m_caregiver);
    m_caregiver->clear();
    m_caregiver->addItem(tr("anyone"), QString());
    for (const auto& caregiver : m_workspace.family().caregivers())
        m_caregiver->addItem(toQString(caregiver.name), toQString(caregiver.meta.uuid));
    m_caregiver->setCurrentIndex(qMax(0, m_caregiver->findData(keep)));
}

void SessionList::setChild(qint64 childId)
{
    if (childId != m_childId) {
        m_limit = kPageSize;
        m_undoRow->setVisible(false);
    }
    m_childId = childId;
    reload();
}

void SessionList::selectRange(int index)
{
    const QDate today = toQDate(m_workspace.clock().today());
    const bool isChosen = index == ChosenDays;
    m_from->setVisible(isChosen);
    m_to->setVisible(isChosen);
    if (isChosen && m_from->date() == m_from->minimumDate()) {
        QSignalBlocker blockFrom(m_from);
        QSignalBlocker blockTo(m_to);
        m_from->setDate(today.addDays(-29));
        m_to->setDate(today);
    }
    m_limit = kPageSize;
    reload();
}

void SessionList::showDay(const QString& day)
{
    const QDate date = QDate::fromString(day, QStringLiteral("yyyy-MM-dd"));
    {
        QSignalBlocker blockRange(m_range);
        QSignalBlocker blockFrom(m_from);
        QSignalBlocker blockTo(m_to);
        QSignalBlocker blockCaregiver(m_caregiver);
        QSignalBlocker blockActivity(m_activity);
        m_caregiver->setCurrentIndex(0);
        m_activity->clear();
        m_range->setCurrentIndex(ChosenDays);
        m_from->setDate(date);
        m_to->setDate(date);
        m_from->setVisible(true);
        m_to->setVisible(true);
    }
    m_limit = kPageSize;
    reload();
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

void SessionList::clearFilters()
{
    {
        QSignalBlocker blockRange(m_range);
        QSignalBlocker blockCaregiver(m_caregiver);
        QSignalBlocker blockActivity(m_activity);
        m_caregiver->setCurrentIndex(0);
        m_activity->clear();
        m_range->setCurrentIndex(AnyTime);
        m_from->setVisible(false);
        m_to->setVisible(false);
    }
    m_limit = kPageSize;
    reload();
}

core::SessionFilter SessionList::filter() const
{
    core::SessionFilter filter;
    filter.childId = m_childId;
    filter.caregiverUuid = toStd(m_caregiver->currentData().toString());
    filter.activity = toStd(m_activity->text().trimmed());
    const QDate today = toQDate(m_workspace.clock().today());
    switch (m_range->currentIndex()) {
    case LastSevenDays:
        filter.from = toDay(today.addDays(-6));
        break;
    case LastThirtyDays:
        filter.from = toDay(today.addDays(-29));
        break;
    case ThisYear:
        filter.from = toDay(QDate(today.year(), 1, 1));
        filter.to = toDay(QDate(today.year(), 12, 31));
        break;
    case LastYear:
        filter.from = toDay(QDate(today.year() - 1, 1, 1));
        filter.to = toDay(QDate(today.year() - 1, 12, 31));
        break;
    case ChosenDays:
        filter.from = toDay(std::min(m_from->date(), m_to->date()));
        filter.to = toDay(std::max(m_from->date(), m_to->date()));
        break;
    default:
        break;
    }
    filter.limit = m_limit;
    return filter;
}

void SessionList::reload()
{
    const qint64 keep = m_tree->currentItem() ? m_tree->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
    m_tree->clear();
    if (m_childId == 0)
        return;
    const core::SessionFilter query = filter();
    std::vector<core::Session> sessions;
    int total = 0;
    try {
        sessions = m_workspace.timeLog().sessions(query);
        total = m_workspace.timeLog().countSessions(query);
    } catch (const core::StorageError& error) {
        m_count->setText(toQString(error.what()));
        return;
    }
    QList<QTreeWidgetItem*> items;
    items.reserve(static_cast<qsizetype>(sessions.size()));
    const QLocale locale;
    QTreeWidgetItem* current = nullptr;
    for (const auto& session : sessions) {
        const auto& d = session.data;
        auto* item = new QTreeWidgetItem;
        item->setData(0, Qt::UserRole, static_cast<qlonglong>(session.meta.id));
        QString day = locale.toString(toQDate(d.day), QStringLiteral("ddd d MMM yyyy"));
        if (d.startMs)
            day += QStringLiteral(", ")
                + QDateTime::fromMSecsSinceEpoch(*d.startMs).time().toString(QStringLiteral("HH:mm"));
        item->setText(DayColumn, day);
        item->setText(MinutesColumn, tr("%1 min").arg(d.minutes));
        item->setText(PlayColumn, toQString(d.activity));
        item->setText(WithColumn, session.caregiverName.empty() ? tr("someone") : toQString(session.caregiverName));
        if (!d.moodBefore.empty() || !d.moodAfter.empty())
            item->setText(MoodColumn, QStringLiteral("%1 → %2").arg(toQString(d.moodBefore), toQString(d.moodAfter)));
        item->setText(NoteColumn, !d.marvel.empty() ? QStringLiteral("✨ ") + firstLine(d.marvel) : firstLine(d.note));
        const QString tip = details(session);
        for (int column = 0; column < m_tree->columnCount(); ++column)
            item->setToolTip(column, tip);
        items << item;
        if (session.meta.id == keep)
            current = item;
    }
    m_tree->addTopLevelItems(items);
    if (current)
        m_tree->setCurrentItem(current);
    const int shown = static_cast<int>(sessions.size());
    m_count->setText(total == 0 ? tr("No sessions here yet.")
            : shown < total     ? tr("Showing the newest %1 of %2").arg(shown).arg(total)
                                : countText(total, tr("session"), tr("sessions")));
    m_more->setVisible(shown < total);
    const bool hasRow = m_tree->currentItem() != nullptr;
    m_edit->setEnabled(hasRow);
    m_trash->setEnabled(hasRow);
}

int SessionList::rowCount() const
{
    return m_tree->topLevelItemCount();
}

qint64 SessionList::sessionAt(int row) const
{
    const QTreeWidgetItem* item = m_tree->topLevelItem(row);
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

void SessionList::editSelected()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return;
    openSession(m_workspace, item->data(0, Qt::UserRole).toLongLong(), window());
}

void SessionList::trashSelected()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return;
    const qint64 id = item->data(0, Qt::UserRole).toLongLong();
    const QString what = QStringLiteral("%1 · %2").arg(item->text(DayColumn), item->text(MinutesColumn));
    try {
        perform(m_workspace, undo::trashSession(m_workspace, m_childId, id, what));
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(this, tr("Not moved"), toQString(error.what()));
        return;
    }
    m_undoIndex = m_workspace.undoStack().index();
    m_undoText->setText(tr("%1 moved to the trash.").arg(what));
    m_undoRow->setVisible(true);
}

void SessionList::undoTrash()
{
    QUndoStack& stack = m_workspace.undoStack();
    if (m_undoIndex < 0 || stack.index() != m_undoIndex)
        return;
    stack.undo();
    m_undoIndex = -1;
    m_undoRow->setVisible(false);
}

} // namespace attune::gui
