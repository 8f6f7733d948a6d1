// SPDX-License-Identifier: MIT
#include "notebook/KeepMarvelDialog.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/NotebookFormat.h"

#include "attune/core/Errors.h"
#include "attune/core/Family.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace attune::gui {

namespace {
constexpr int kEntryRole = Qt::UserRole + 1;   // entry id, or 0 on a "new entry" row
constexpr int kSectionRole = Qt::UserRole + 2; // core::Section of the row
constexpr int kMirrorRole = Qt::UserRole + 3;  // true on an existing mirror trait
} // namespace

KeepMarvelDialog::KeepMarvelDialog(Workspace& workspace, qint64 childId, const QString& text, const QString& day,
                                   QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_childId(childId)
    , m_text(new QPlainTextEdit(text, this))
    , m_day(new QLineEdit(day, this))
    , m_find(new QLineEdit(this))
    , m_destinations(new QListWidget(this))
    , m_title(new QLineEdit(this))
    , m_side(new QComboBox(this))
    , m_keep(makePrimaryButton(tr("Keep it"), this))
    , m_textError(new FieldErrorLabel(this))
    , m_dayError(new FieldErrorLabel(this))
    , m_choiceError(new FieldErrorLabel(this))
{
    setObjectName(QStringLiteral("keepMarvelDialog"));
    QString name;
    try {
        name = toQString(m_workspace.family().child(childId).data.name);
    } catch (const core::StorageError&) {
    }
    setWindowTitle(tr("Keep this in %1's notebook").arg(name));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(makeHeading(tr("Keep this in %1's notebook").arg(name), 2, this));

    m_text->setObjectName(QStringLiteral("marvelText"));
    m_text->setAccessibleName(tr("What you marvelled at"));
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(64);
    m_day->setObjectName(QStringLiteral("marvelDay"));
    m_day->setAccessibleName(tr("Day"));
    m_day->setFixedWidth(110);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* textBox = new QVBoxLayout;
    textBox->setSpacing(2);
    textBox->addWidget(m_text);
    textBox->addWidget(m_textError);
    form->addRow(tr("What you saw"), textBox);
    auto* dayBox = new QVBoxLayout;
    dayBox->setSpacing(2);
    dayBox->addWidget(m_day);
    dayBox->addWidget(m_dayError);
    form->addRow(tr("Day"), dayBox);
    layout->addLayout(form);

    layout->addSpacing(4);
    layout->addWidget(makeHeading(tr("Where does it belong?"), 3, this));
    auto* hint = new QLabel(tr("Add it as a note to something already in the notebook, or start something new."), this);
    hint->setObjectName(QStringLiteral("muted"));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_find->setObjectName(QStringLiteral("marvelFind"));
    m_find->setPlaceholderText(tr("Find an entry…"));
    m_find->setAccessibleName(tr("Find an entry"));
    m_find->setClearButtonEnabled(true);
    layout->addWidget(m_find);
    m_destinations->setObjectName(QStringLiteral("marvelDestinations"));
    m_destinations->setAccessibleName(tr("Where it belongs"));
    m_destinations->setMinimumHeight(240);
    layout->addWidget(m_destinations, 1);

    m_title->setObjectName(QStringLiteral("marvelTitle"));
    m_title->setAccessibleName(tr("Title of the new entry"));
    m_title->setPlaceholderText(tr("A title for the new entry (or leave it: the first words are used)"));
    m_side->setObjectName(QStringLiteral("marvelSide"));
    m_side->setAccessibleName(tr("Which side of the mirror trait"));
    m_side->addItem(notebook::shineHeading(), static_cast<int>(core::EvidenceSide::Shine));
    m_side->addItem(notebook::struggleHeading(), static_cast<int>(core::EvidenceSide::Struggle));
    layout->addWidget(m_title);
    layout->addWidget(m_side);
    layout->addWidget(m_choiceError);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    auto* cancel = new QPushButton(tr("Not now"), this);
    cancel->setObjectName(QStringLiteral("cancelMarvel"));
    cancel->setAutoDefault(false);
    m_keep->setObjectName(QStringLiteral("keepMarvel"));
    m_keep->setAutoDefault(false);
    buttons->addWidget(cancel);
    buttons->addWidget(m_keep);
    layout->addLayout(buttons);

    connect(cancel, &QPushButton::clicked, this, &KeepMarvelDialog::reject);
    connect(m_keep, &QPushButton::clicked, this, [this] {
        if (keep())
            accept();
    });
    connect(m_destinations, &QListWidget::currentItemChanged, this, &KeepMarvelDialog::updateChoice);
    connect(m_destinations, &QListWidget::itemDoubleClicked, this, [this] {
        if (keep())
            accept();
    });
    connect(m_find, &QLineEdit::textChanged, this, &KeepMarvelDialog::filter);
    connect(m_text, &QPlainTextEdit::textChanged, m_textError, [this] { m_textError->showMessage({}); });
    connect(m_day, &QLineEdit::textEdited, m_dayError, [this] { m_dayError->showMessage({}); });
    fillDestinations();
    updateChoice();
    resize(560, 640);
}

void KeepMarvelDialog::fillDestinations()
{
    core::NotebookPage page;
    try {
        page = m_workspace.notebook().page(m_childId);
    } catch (const core::StorageError& error) {
        m_choiceError->showMessage(toQString(error.what()));
        return;
    }
    QFont captionFont = m_destinations->font();
    captionFont.setWeight(QFont::DemiBold);
    const int rowHeight = m_destinations->fontMetrics().height() + 8;
    for (const auto& section : page.sections) {
        auto* caption = new QListWidgetItem(notebook::sectionTitle(section.section), m_destinations);
        caption->setFlags(Qt::NoItemFlags);
        caption->setFont(captionFont);
        caption->setForeground(notebook::sectionColor(section.section).darker(130));
        caption->setSizeHint(QSize(0, rowHeight + 6));
        const bool isMirror = section.section == core::Section::MirrorTraits;
        // Starting something new comes first in each section, where it is seen without scrolling.
        // A new mirror trait needs two sides, so it is started from the notebook itself.
        if (!isMirror) {
            auto* add = new QListWidgetItem(QStringLiteral("    + ") + notebook::newLabel(section.section),
                                            m_destinations);
            add->setData(kEntryRole, 0);
            add->setData(kSectionRole, static_cast<int>(section.section));
            add->setData(Qt::AccessibleTextRole, notebook::newLabel(section.section));
            add->setForeground(notebook::sectionColor(section.section).darker(140));
            add->setSizeHint(QSize(0, rowHeight));
        }
        for (const auto& entry : section.entries) {
            const QString title = isMirror ? tr("%1 ↔ %2").arg(toQString(entry.title), toQString(entry.shine))
                                           : toQString(entry.title);
            auto* item = new QListWidgetItem(QStringLiteral("    ") + title, m_destinations);
            item->setData(kEntryRole, static_cast<qlonglong>(entry.id));
            item->setData(kSectionRole, static_cast<int>(section.section));
            item->setData(kMirrorRole, isMirror);
            item->setData(Qt::AccessibleTextRole, title);
            item->setToolTip(title);
            item->setSizeHint(QSize(0, rowHeight));
        }
    }
}

void KeepMarvelDialog::filter(const QString& text)
{
    const QString needle = text.trimmed();
    for (int row = 0; row < m_destinations->count(); ++row) {
        QListWidgetItem* item = m_destinations->item(row);
        const bool isEntry = item->data(kEntryRole).toLongLong() != 0;
        item->setHidden(isEntry && !needle.isEmpty()
                        && !item->data(Qt::AccessibleTextRole).toString().contains(needle, Qt::CaseInsensitive));
    }
}

void KeepMarvelDialog::updateChoice()
{
    const QListWidgetItem* item = m_destinations->currentItem();
    const bool isChosen = item && item->data(kSectionRole).isValid();
    const bool isNew = isChosen && item->data(kEntryRole).toLongLong() == 0;
    const bool isMirror = isChosen && item->data(kMirrorRole).toBool();
    m_title->setVisible(isNew);
    m_side->setVisible(isMirror);
    m_keep->setEnabled(isChosen);
    m_choiceError->showMessage({});
}

void KeepMarvelDialog::chooseEntry(qint64 entryId)
{
    for (int row = 0; row < m_destinations->count(); ++row) {
        if (m_destinations->item(row)->data(kEntryRole).toLongLong() == entryId && entryId != 0)
            m_destinations->setCurrentRow(row);
    }
}

void KeepMarvelDialog::chooseNewEntry(core::Section section)
{
    for (int row = 0; row < m_destinations->count(); ++row) {
        const QListWidgetItem* item = m_destinations->item(row);
        if (item->data(kEntryRole).isValid() && item->data(kEntryRole).toLongLong() == 0
            && item->data(kSectionRole).toInt() == static_cast<int>(section))
            m_destinations->setCurrentRow(row);
    }
}

bool KeepMarvelDialog::keep()
{
    const QListWidgetItem* item = m_destinations->currentItem();
    if (!item || !item->data(kSectionRole).isValid()) {
        m_choiceError->showMessage(tr("Please choose where it belongs."));
        return false;
    }
    core::MarvelDestination destination;
    destination.entryId = item->data(kEntryRole).toLongLong();
    destination.section = static_cast<core::Section>(item->data(kSectionRole).toInt());
    if (destination.entryId == 0)
        destination.title = toStd(m_title->text());
    else if (item->data(kMirrorRole).toBool())
        destination.side = static_cast<core::EvidenceSide>(m_side->currentData().toInt());
    try {
        m_result = m_workspace.notebook().keepMarvel(m_childId, toStd(m_text->toPlainText()), toStd(m_day->text()),
                                                     destination);
    } catch (const core::ValidationError& error) {
        m_textError->showMessage(toQString(error.messageFor("text")));
        m_dayError->showMessage(toQString(error.messageFor("day")));
        QStringList other;
        for (const char* field : {"title", "section", "side"}) {
            const std::string message = error.messageFor(field);
            if (!message.empty())
                other << toQString(message);
        }
        m_choiceError->showMessage(other.join(QLatin1Char(' ')));
        return false;
    } catch (const core::StorageError& error) {
        m_workspace.prompts().warn(this, tr("Not kept yet"),
                                   tr("%1\n\nWhat you wrote is still here.").arg(toQString(error.what())));
        return false;
    }
    Q_EMIT m_workspace.notebookChanged(m_childId);
    return true;
}

bool KeepMarvelDialog::keepMarvel(Workspace& workspace, qint64 childId, const QString& text, const QString& day,
                                  QWidget* parent)
{
    KeepMarvelDialog dialog(workspace, childId, text, day, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace attune::gui
