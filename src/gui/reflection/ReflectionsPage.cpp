// SPDX-License-Identifier: MIT
#include "reflection/ReflectionsPage.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "reflection/ReflectionWizard.h"

#include "attune/core/Family.h"
#include "attune/core/Reflection.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace attune::gui {

namespace {

enum Role { IdRole = Qt::UserRole, DraftRole };

QString rowText(const core::ReflectionSummary& row)
{
    QString title = toQString(row.title).trimmed();
    if (title.isEmpty())
        title = QObject::tr("A hard moment");
    QStringList parts;
    const QDate day = QDate::fromString(toQString(row.happenedOn), Qt::ISODate);
    if (row.status == core::ReflectionStatus::Draft)
        parts << QObject::tr("Draft, at step %1 of %2").arg(row.step + 1).arg(ReflectionWizard::kStepCount);
    else if (day.isValid())
        parts << QLocale().toString(day, QLocale::ShortFormat);
    parts << title;
    if (row.activationBefore && row.activationAfter)
        parts << QObject::tr("upset %1 → %2").arg(*row.activationBefore).arg(*row.activationAfter);
    if (row.repair == core::RepairState::Open)
        parts << QObject::tr("repair still open");
    else if (row.repair == core::RepairState::Done)
        parts << QObject::tr("repaired");
    return parts.join(QStringLiteral("  ·  "));
}

} // namespace

ReflectionsPage::ReflectionsPage(Workspace& workspace, QWidget* parent)
    : ChildPage(parent)
    , m_workspace(workspace)
    , m_stack(new QStackedLayout(this))
    , m_title(makeHeading(tr("Reflections"), 1, this))
    , m_list(new QListWidget(this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_trash(new QPushButton(tr("Move to trash"), this))
{
    setObjectName(QStringLiteral("reflectionsPage"));

    auto* noChild = new EmptyState(tr("Reflections"),
                                   tr("After a hard moment, a few calm questions help you look after yourself first, "
                                      "ask why it happened, repair if you need to, and plan for next time. Add a child "
                                      "to begin."),
                                   this);
    m_stack->addWidget(noChild);

    auto* content = new QWidget(this);
    content->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(28, 24, 28, 24);
    column->setSpacing(12);
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    QPushButton* start = makePrimaryButton(tr("New reflection"), content);
    start->setObjectName(QStringLiteral("newReflection"));
    start->setToolTip(tr("After a hard moment (Ctrl+R)"));
    header->addWidget(start);
    column->addLayout(header);
    auto* intro = new QLabel(tr("Hard moments happen in every family. Looking back calmly, when you're ready, is how "
                                "you both learn. Drafts wait here until you finish them."),
                             content);
    intro->setObjectName(QStringLiteral("muted"));
    intro->setWordWrap(true);
    column->addWidget(intro);

    m_list->setObjectName(QStringLiteral("reflectionList"));
    m_list->setAccessibleName(tr("Reflections"));
    m_list->setAlternatingRowColors(false);
    m_list->setSpacing(3);
    m_list->setWordWrap(true);
    column->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout;
    m_open->setObjectName(QStringLiteral("openReflection"));
    m_trash->setObjectName(QStringLiteral("trashReflection"));
    m_trash->setToolTip(tr("It waits in the trash in Settings until you restore it"));
    buttons->addWidget(m_open);
    buttons->addStretch();
    buttons->addWidget(m_trash);
    column->addLayout(buttons);
    m_stack->addWidget(content);

    connect(start, &QPushButton::clicked, this, [this] { Q_EMIT newReflectionRequested(m_childId); });
    connect(m_open, &QPushButton::clicked, this, &ReflectionsPage::openSelected);
    connect(m_trash, &QPushButton::clicked, this, &ReflectionsPage::trashSelected);
    connect(m_list, &QListWidget::itemActivated, this, &ReflectionsPage::openSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &ReflectionsPage::updateButtons);
    connect(&m_workspace, &Workspace::reflectionsChanged, this, [this](qint64 childId) {
        if (childId == m_childId)
            reload();
    });
    connect(&m_workspace, &Workspace::trashChanged, this, &ReflectionsPage::reload);
    updateButtons();
}

void ReflectionsPage::setChild(qint64 childId)
{
    m_childId = childId;
    reload();
}

void ReflectionsPage::reload()
{
    m_stack->setCurrentIndex(m_childId == 0 ? 0 : 1);
    m_list->clear();
    if (m_childId == 0)
        return;
    try {
        m_title->setText(tr("Reflections about %1").arg(toQString(m_workspace.family().child(m_childId).data.name)));
        for (const auto& row : m_workspace.reflections().list(m_childId)) {
            auto* item = new QListWidgetItem(rowText(row), m_list);
            item->setData(IdRole, static_cast<qlonglong>(row.id));
            item->setData(DraftRole, row.status == core::ReflectionStatus::Draft);
            item->setSizeHint(QSize(0, 34));
        }
    } catch (const std::exception&) {
        m_title->setText(tr("Reflections"));
    }
    if (m_list->count() == 0) {
        auto* item = new QListWidgetItem(tr("No reflections yet. After a hard moment, \u201cNew reflection\u201d walks you "
                                            "through it, one calm step at a time."),
                                         m_list);
        item->setFlags(Qt::NoItemFlags);
    } else {
        m_list->setCurrentRow(0);
    }
    updateButtons();
}

void ReflectionsPage::updateButtons()
{
    const QListWidgetItem* item = m_list->currentItem();
    const bool hasOne = item != nullptr && item->data(IdRole).toLongLong() != 0;
    m_open->setEnabled(hasOne);
    m_trash->setEnabled(hasOne);
    m_open->setText(hasOne && item->data(DraftRole).toBool() ? tr("Continue") : tr("Open"));
}

void ReflectionsPage::openSelected()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (item == nullptr || item->data(IdRole).toLongLong() == 0)
        return;
    const qint64 id = item->data(IdRole).toLongLong();
    if (item->data(DraftRole).toBool())
        Q_EMIT continueRequested(m_childId, id);
    else
        Q_EMIT readRequested(m_childId, id);
}

void ReflectionsPage::trashSelected()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (item == nullptr || item->data(IdRole).toLongLong() == 0)
        return;
    try {
        // Undoable; the command emits trashChanged, reflectionsChanged and plansChanged.
        perform(m_workspace, undo::trashReflection(m_workspace, m_childId, item->data(IdRole).toLongLong()));
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(this, tr("Not moved"), toQString(error.what()));
        return;
    }
    reload();
}

} // namespace attune::gui
