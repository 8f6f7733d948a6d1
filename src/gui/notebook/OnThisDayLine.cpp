// SPDX-License-Identifier: MIT
#include "notebook/OnThisDayLine.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/EntryEditorDialog.h"
#include "notebook/NotebookFormat.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Notebook.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace attune::gui {

OnThisDayLine* OnThisDayLine::create(Workspace& workspace, qint64 childId, QWidget* parent)
{
    std::optional<core::OnThisDay> found;
    try {
        found = workspace.notebook().onThisDay(childId, workspace.clock().today());
    } catch (const core::StorageError&) {
        return nullptr; // a reminder is never worth an error on the Today page
    }
    if (!found)
        return nullptr;
    const QString year = toQString(found->day.substr(0, 4));
    const QString entry = found->section == core::Section::MirrorTraits && found->side != core::EvidenceSide::Struggle
                              ? toQString(found->shine)
                              : toQString(found->entryTitle);
    const QString said = notebook::firstSentence(toQString(found->text), 160);
    QString text;
    if (found->evidenceId != 0)
        text = tr("On this day in %1: %2").arg(year, said);
    else
        text = tr("On this day in %1 you first noticed: %2").arg(year, entry);
    const QString ago = countText(found->yearsAgo, tr("year ago"), tr("years ago"));
    const QString from = found->evidenceId != 0 ? tr("%1 · %2 · %3").arg(notebook::sectionTitle(found->section), entry, ago)
                                                : tr("%1 · %2").arg(notebook::sectionTitle(found->section), ago);
    return new OnThisDayLine(workspace, found->entryId, text, from, parent);
}

OnThisDayLine::OnThisDayLine(Workspace& workspace, qint64 entryId, const QString& text, const QString& from,
                             QWidget* parent)
    : QFrame(parent)
    , m_workspace(workspace)
    , m_entryId(entryId)
    , m_text(new QLabel(text, this))
{
    setObjectName(QStringLiteral("onThisDay"));
    setAccessibleName(text);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(12, 8, 8, 8);
    row->setSpacing(10);
    auto* star = new QLabel(QStringLiteral("✦"), this);
    star->setStyleSheet(QStringLiteral("color: #c98a2b; font-size: 15px;"));
    row->addWidget(star, 0, Qt::AlignTop);
    auto* words = new QVBoxLayout;
    words->setSpacing(2);
    m_text->setObjectName(QStringLiteral("onThisDayText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    words->addWidget(m_text);
    auto* source = new QLabel(from, this);
    source->setObjectName(QStringLiteral("muted"));
    source->setTextFormat(Qt::PlainText);
    source->setWordWrap(true);
    words->addWidget(source);
    row->addLayout(words, 1);
    auto* open = new QPushButton(tr("Open"), this);
    open->setObjectName(QStringLiteral("openOnThisDay"));
    open->setAccessibleName(tr("Open this in the notebook"));
    open->setFlat(true);
    row->addWidget(open, 0, Qt::AlignVCenter);
    connect(open, &QPushButton::clicked, this,
            [this] { EntryEditorDialog::openEntry(m_workspace, m_entryId, window()); });
}

QString OnThisDayLine::text() const
{
    return m_text->text();
}

} // namespace attune::gui
