// SPDX-License-Identifier: MIT
#include "family/ProfilePage.h"

#include "common/Avatar.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "family/CareCardDialog.h"
#include "family/ChildEditorDialog.h"
#include "family/CoregulationEditor.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace attune::gui {

ProfilePage::ProfilePage(Workspace& workspace, QWidget* parent)
    : ChildPage(parent)
    , m_workspace(workspace)
    , m_stack(new QStackedLayout(this))
    , m_avatar(new QLabel(this))
    , m_name(makeHeading({}, 1, this))
    , m_details(new QLabel(this))
    , m_story(new QLabel(this))
    , m_glance(new QLabel(this))
    , m_archive(new QPushButton(this))
    , m_coreg(new CoregulationEditor(workspace, this))
{
    setObjectName(QStringLiteral("profilePage"));
    auto* empty = new EmptyState(tr("No child chosen"), tr("Choose a child on the left to see their profile, "
                                                           "or add your first child."), this);
    connect(empty->addAction(tr("Add a child")), &QPushButton::clicked, this, &ProfilePage::addChildRequested);
    m_stack->addWidget(empty);

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(28, 24, 28, 24);
    column->setSpacing(16);

    // Who they are.
    auto* header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(m_avatar, 0, Qt::AlignTop);
    auto* names = new QVBoxLayout;
    names->addWidget(m_name);
    m_details->setObjectName(QStringLiteral("muted"));
    names->addWidget(m_details);
    header->addLayout(names, 1);
    auto* edit = new QPushButton(tr("Edit profile"), this);
    edit->setObjectName(QStringLiteral("editChild"));
    edit->setShortcut(QKeySequence(tr("Ctrl+E")));
    edit->setToolTip(tr("Edit name, birthday, goal and avatar (Ctrl+E)"));
    m_archive->setObjectName(QStringLiteral("archiveChild"));
    auto* trash = new QPushButton(tr("Move to trash…"), this);
    trash->setObjectName(QStringLiteral("trashChild"));
    header->addWidget(edit, 0, Qt::AlignTop);
    header->addWidget(m_archive, 0, Qt::AlignTop);
    header->addWidget(trash, 0, Qt::AlignTop);
    column->addLayout(header);

    // The day you were born.
    auto* storyCard = new Card(tr("The day you were born"), this);
    m_story->setWordWrap(true);
    m_story->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_story->setObjectName(QStringLiteral("birthStory"));
    storyCard->layout()->addWidget(m_story);
    column->addWidget(storyCard);

    // Co-regulation profile.
    auto* coregCard = new Card({}, this);
    auto* coregHeader = new QHBoxLayout;
    coregHeader->addWidget(makeHeading(tr("What helps them feel safe"), 3, this), 1);
    auto* careCard = new QPushButton(tr("Care card…"), this);
    careCard->setObjectName(QStringLiteral("openCareCard"));
    careCard->setToolTip(tr("One printable page for grandparents, sitters and teachers: what helps, what to "
                            "avoid and what they shine at"));
    coregHeader->addWidget(careCard, 0, Qt::AlignVCenter);
    static_cast<QVBoxLayout*>(coregCard->layout())->addLayout(coregHeader);
    auto* coregHint = new QLabel(tr("When they are upset, what calms their body? Mark each thing as helps, neutral "
                                    "or avoid. Every child is different; this is about this child."),
                                 this);
    coregHint->setObjectName(QStringLiteral("muted"));
    coregHint->setWordWrap(true);
    coregCard->layout()->addWidget(coregHint);
    m_glance->setObjectName(QStringLiteral("coregGlance"));
    m_glance->setWordWrap(true);
    m_glance->setTextFormat(Qt::RichText);
    coregCard->layout()->addWidget(m_glance);
    coregCard->layout()->addWidget(m_coreg);
    column->addWidget(coregCard);
    column->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);

    connect(edit, &QPushButton::clicked, this, &ProfilePage::editChild);
    connect(m_archive, &QPushButton::clicked, this, &ProfilePage::toggleArchived);
    connect(trash, &QPushButton::clicked, this, &ProfilePage::moveToTrash);
    connect(careCard, &QPushButton::clicked, this, &ProfilePage::openCareCard);
    connect(m_coreg, &CoregulationEditor::profileChanged, this, &ProfilePage::refreshGlance);
    connect(&m_workspace, &Workspace::childChanged, this, [this](qint64 id) {
        if (id == m_childId)
            refreshHeader();
    });
}

void ProfilePage::setChild(qint64 childId)
{
    m_childId = childId;
    m_stack->setCurrentIndex(childId == 0 ? 0 : 1);
    if (childId == 0)
        return;
    refreshHeader();
    m_coreg->setChild(childId);
    refreshGlance();
}

// "At a glance": what helps and what to avoid, across every part of the profile.
void ProfilePage::refreshGlance()
{
    QStringList helps;
    QStringList avoid;
    for (const auto& item : m_workspace.family().coregItems(m_childId)) {
        if (item.rating == core::CoregRating::Helps)
            helps << toQString(item.label).toHtmlEscaped();
        else if (item.rating == core::CoregRating::Avoid)
            avoid << toQString(item.label).toHtmlEscaped();
    }
    if (helps.isEmpty() && avoid.isEmpty()) {
        m_glance->setVisible(false);
        return;
    }
    QString text;
    if (!helps.isEmpty())
        text += tr("<p><b>Helps:</b> %1</p>").arg(helps.join(QStringLiteral(", ")));
    if (!avoid.isEmpty())
        text += tr("<p><b>Best avoided:</b> %1</p>").arg(avoid.join(QStringLiteral(", ")));
    m_glance->setText(text);
    m_glance->setVisible(true);
}

void ProfilePage::refreshHeader()
{
    core::Child child;
    try {
        child = m_workspace.family().child(m_childId);
    } catch (const core::StorageError&) {
        setChild(0);
        return;
    }
    const QString name = toQString(child.data.name);
    m_avatar->setPixmap(avatarPixmap(name, toQString(child.data.avatarColor), toBytes(child.data.photo), 72,
                                     devicePixelRatioF()));
    m_name->setText(name);
    QStringList details;
    if (const auto age = core::ageInYears(child.data.birthDate, m_workspace.clock().today()))
        details << (*age == 0 ? tr("under a year old") : countText(*age, tr("year old"), tr("years old")));
    if (!child.data.pronouns.empty())
        details << toQString(child.data.pronouns);
    details << tr("daily one-on-one goal: %1").arg(countText(child.data.goalMinutes, tr("minute"), tr("minutes")));
    if (child.isArchived)
        details << tr("archived");
    m_details->setText(details.join(QStringLiteral("  ·  ")));
    m_story->setText(child.data.birthStory.empty()
                         ? tr("Write a few lines about the day %1 was born: something to re-read on a hard day. "
                              "They needed you completely then, and they still do, even when it doesn't look "
                              "like it.").arg(name)
                         : toQString(child.data.birthStory));
    m_archive->setText(child.isArchived ? tr("Bring back") : tr("Archive"));
    m_archive->setToolTip(child.isArchived ? tr("Show %1 in the sidebar again").arg(name)
                                           : tr("Hide %1 from the sidebar; nothing is deleted").arg(name));
}

void ProfilePage::openCareCard()
{
    if (m_childId == 0)
        return;
    CareCardDialog dialog(m_workspace, m_childId, this);
    dialog.exec();
}

void ProfilePage::editChild()
{
    if (m_childId == 0)
        return;
    ChildEditorDialog dialog(m_workspace, m_childId, this);
    dialog.exec();
}

void ProfilePage::toggleArchived()
{
    if (m_childId == 0)
        return;
    try {
        const bool isArchived = m_workspace.family().child(m_childId).isArchived;
        perform(m_workspace, undo::setArchived(m_workspace, m_childId, !isArchived)); // emits childrenChanged
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(this, tr("Not changed"), toQString(error.what()));
        return;
    }
    refreshHeader();
}

void ProfilePage::moveToTrash()
{
    if (m_childId == 0)
        return;
    const QString name = m_name->text();
    if (!m_workspace.prompts().confirm(this, tr("Move %1 to the trash?").arg(name),
                                       tr("%1 and everything about them will move to the trash. Nothing is deleted: "
                                          "you can bring them back with Undo (Ctrl+Z) or from Settings → Trash at any time.")
                                           .arg(name),
                                       tr("Move to trash")))
        return;
    const qint64 childId = m_childId;
    setChild(0);
    try {
        perform(m_workspace, undo::trashChild(m_workspace, childId, name)); // emits childrenChanged
    } catch (const std::exception& error) {
        setChild(childId);
        m_workspace.prompts().warn(this, tr("Not moved"), toQString(error.what()));
        return;
    }
}

} // namespace attune::gui
