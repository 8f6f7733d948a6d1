// SPDX-License-Identifier: MIT
#include "notebook/EntryEditorDialog.h"

#include "common/FormEdits.h"
#include "common/HistoryDialog.h"
#include "common/KeptVersions.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/EvidenceColumn.h"
#include "common/FlowLayout.h"
#include "notebook/NotebookActions.h"
#include "notebook/NotebookFormat.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace attune::gui {

namespace {
QWidget* withError(QWidget* editor, FieldErrorLabel* error, QWidget* extra = nullptr)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    if (extra) {
        auto* row = new QHBoxLayout;
        row->addWidget(editor, 1);
        row->addWidget(extra);
        layout->addLayout(row);
    } else {
        layout->addWidget(editor);
    }
    layout->addWidget(error);
    return box;
}
} // namespace

EntryEditorDialog::EntryEditorDialog(Workspace& workspace, qint64 childId, qint64 entryId, core::Section section,
                                     QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_childId(childId)
    , m_entryId(entryId)
    , m_title(new QLineEdit(this))
    , m_details(new QPlainTextEdit(this))
    , m_noticedOn(new QLineEdit(this))
    , m_pinned(new QCheckBox(this))
{
    setObjectName(QStringLiteral("entryEditor"));
    m_loaded.section = section;
    if (m_entryId != 0) { // throws StorageError(NotFound) when it has gone to the trash
        const core::Entry entry = m_workspace.notebook().entry(m_entryId);
        m_loaded = entry.data;
        m_childId = entry.childId;
    }
    m_isMirror = m_loaded.section == core::Section::MirrorTraits;
    for (const char* field : {"title", "shine", "details", "noticedOn"})
        m_errors.insert(QString::fromLatin1(field), new FieldErrorLabel(this));

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(24, 20, 24, 12);
    column->setSpacing(14);
    auto* caption = new QLabel(notebook::sectionTitle(m_loaded.section).toUpper(), content);
    caption->setObjectName(QStringLiteral("sectionCaption"));
    caption->setStyleSheet(QStringLiteral("color: %1;").arg(notebook::sectionColor(m_loaded.section).darker(125).name()));
    column->addWidget(caption);
    column->addWidget(buildFields());
    column->addWidget(buildEvidence());
    column->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(24, 8, 24, 16);
    if (m_entryId != 0) {
        auto* trash = new QPushButton(tr("Move to trash…"), this);
        trash->setObjectName(QStringLiteral("trashEntryButton"));
        trash->setAutoDefault(false);
        connect(trash, &QPushButton::clicked, this, &EntryEditorDialog::moveToTrash);
        buttons->addWidget(trash);
    }
    buttons->addStretch();
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelEntry"));
    cancel->setAutoDefault(false);
    QPushButton* saveButton = makePrimaryButton(m_entryId == 0 ? tr("Add to notebook") : tr("Save"), this);
    saveButton->setObjectName(QStringLiteral("saveEntry"));
    saveButton->setAutoDefault(false);
    saveButton->setToolTip(tr("Save (Ctrl+Enter)"));
    buttons->setSpacing(10);
    if (m_entryId != 0) {
        // The entry's and its notes' earlier versions, when a save kept any.
        std::vector<std::string> uuids = {m_workspace.notebook().entry(m_entryId).meta.uuid};
        for (const auto& line : m_workspace.notebook().entry(m_entryId).evidence)
            uuids.push_back(line.meta.uuid);
        if (QPushButton* earlier = makeEarlierVersionsButton(m_workspace, uuids, this))
            buttons->insertWidget(0, earlier);
    }
    buttons->addWidget(cancel);
    buttons->addWidget(saveButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    connect(cancel, &QPushButton::clicked, this, &EntryEditorDialog::reject);
    const auto saveAndClose = [this] {
        if (save())
            accept();
    };
    connect(saveButton, &QPushButton::clicked, this, saveAndClose);
    connect(m_title, &QLineEdit::returnPressed, this, saveAndClose);
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter),
                                     QKeySequence(QKeySequence::Save)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, saveAndClose);

    load();
    resize(m_isMirror ? 1040 : 760, m_entryId == 0 ? 560 : 740);
}

QWidget* EntryEditorDialog::buildFields()
{
    auto* box = new QWidget;
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(10);

    if (!m_isMirror) {
        m_section = new QComboBox(box);
        m_section->setObjectName(QStringLiteral("sectionField"));
        m_section->setAccessibleName(tr("Section"));
        for (const core::Section section : core::kAllSections) {
            if (section != core::Section::MirrorTraits)
                m_section->addItem(notebook::sectionTitle(section), static_cast<int>(section));
        }
        form->addRow(tr("&Section"), m_section);
    }

    m_title->setObjectName(QStringLiteral("titleField"));
    m_title->setAccessibleName(m_isMirror ? notebook::struggleHeading() : tr("Title"));
    m_title->setPlaceholderText(m_isMirror ? tr("e.g. can't focus on homework") : tr("A few words, e.g. kind to younger children"));
    form->addRow(m_isMirror ? notebook::struggleHeading() : tr("&Title"), withError(m_title, m_errors.value(QStringLiteral("title"))));
    if (m_isMirror) {
        m_shine = new QLineEdit(box);
        m_shine->setObjectName(QStringLiteral("shineField"));
        m_shine->setAccessibleName(notebook::shineHeading());
        m_shine->setPlaceholderText(tr("e.g. spends all day on a detailed Lego build"));
        form->addRow(notebook::shineHeading(), withError(m_shine, m_errors.value(QStringLiteral("shine"))));
        connect(m_shine, &QLineEdit::textEdited, this, [this] { m_errors.value(QStringLiteral("shine"))->showMessage({}); });
    }

    m_details->setObjectName(QStringLiteral("detailsField"));
    m_details->setAccessibleName(tr("Details"));
    m_details->setPlaceholderText(tr("What you have noticed, in your own words. When does it show? What does it "
                                     "look like?"));
    m_details->setMinimumHeight(84);
    m_details->setMaximumHeight(140);
    m_details->setTabChangesFocus(true);
    form->addRow(tr("&Details"), withError(m_details, m_errors.value(QStringLiteral("details"))));

    m_noticedOn->setObjectName(QStringLiteral("noticedOnField"));
    m_noticedOn->setAccessibleName(tr("First noticed"));
    m_noticedOn->setPlaceholderText(tr("Year-month-day, e.g. 2024-03-15 (optional)"));
    auto* today = new QToolButton(box);
    today->setObjectName(QStringLiteral("noticedToday"));
    today->setText(tr("Today"));
    today->setAccessibleName(tr("First noticed today"));
    connect(today, &QToolButton::clicked, this, [this] {
        m_noticedOn->setText(toQString(m_workspace.clock().today()));
        m_errors.value(QStringLiteral("noticedOn"))->showMessage({});
    });
    form->addRow(tr("First &noticed"), withError(m_noticedOn, m_errors.value(QStringLiteral("noticedOn")), today));

    m_pinned->setObjectName(QStringLiteral("pinnedField"));
    m_pinned->setText(tr("Pin it to the top of its section"));
    m_pinned->setAccessibleName(tr("Pinned"));
    form->addRow(QString(), m_pinned);

    // The six uses, as chips to switch on and off.
    auto* uses = new QWidget(box);
    auto* usesColumn = new QVBoxLayout(uses);
    usesColumn->setContentsMargins(0, 4, 0, 0);
    usesColumn->setSpacing(6);
    auto* usesHint = new QLabel(tr("Ways this can help. Choose any that fit; hover for an idea."), uses);
    usesHint->setObjectName(QStringLiteral("muted"));
    usesHint->setWordWrap(true);
    usesColumn->addWidget(usesHint);
    auto* chips = new QWidget(uses);
    auto* flow = new FlowLayout(chips, 6);
    for (const core::Use use : core::kAllUses) {
        auto* toggle = new QToolButton(chips);
        toggle->setObjectName(QStringLiteral("useToggle"));
        toggle->setCheckable(true);
        toggle->setText(notebook::useLabel(m_workspace, use));
        toggle->setToolTip(notebook::useHint(m_workspace, use));
        toggle->setAccessibleName(notebook::useLabel(m_workspace, use));
        toggle->setProperty("use", toQString(core::toString(use)));
        // A tick as well as the colour, so the choice reads without colour too.
        connect(toggle, &QToolButton::toggled, toggle, [this, toggle, use](bool isOn) {
            const QString label = notebook::useLabel(m_workspace, use);
            toggle->setText(isOn ? QStringLiteral("✓ ") + label : label);
        });
        flow->addWidget(toggle);
        m_useToggles.push_back(toggle);
    }
    usesColumn->addWidget(chips);
    form->addRow(tr("Use it to"), uses);

    connect(m_title, &QLineEdit::textEdited, this, [this] { m_errors.value(QStringLiteral("title"))->showMessage({}); });
    connect(m_details, &QPlainTextEdit::textChanged, this,
            [this] { m_errors.value(QStringLiteral("details"))->showMessage({}); });
    connect(m_noticedOn, &QLineEdit::textEdited, this,
            [this] { m_errors.value(QStringLiteral("noticedOn"))->showMessage({}); });
    return box;
}

QWidget* EntryEditorDialog::buildEvidence()
{
    auto* box = new QWidget;
    box->setObjectName(QStringLiteral("evidencePanel"));
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(makeHeading(tr("What you've seen"), 2, box));
    auto* hint = new QLabel(box);
    hint->setObjectName(QStringLiteral("muted"));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    if (m_entryId == 0) {
        hint->setText(tr("Once this is in the notebook, open it again to add dated notes: the day, and what you "
                         "saw. Over time they become the story of how this shows up."));
        return box;
    }
    hint->setText(tr("Dated notes of moments that show it. Press Enter to add one; changes save on their own."));
    if (m_isMirror) {
        auto* columns = new QHBoxLayout;
        columns->setSpacing(24);
        for (const auto& [side, heading] : {std::pair{core::EvidenceSide::Struggle, notebook::struggleHeading()},
                                            std::pair{core::EvidenceSide::Shine, notebook::shineHeading()}}) {
            auto* evidence = new EvidenceColumn(m_workspace, m_childId, m_entryId, side, heading, box);
            m_evidence.push_back(evidence);
            columns->addWidget(evidence, 1);
        }
        layout->addLayout(columns);
    } else {
        auto* evidence = new EvidenceColumn(m_workspace, m_childId, m_entryId, core::EvidenceSide::Entry, {}, box);
        m_evidence.push_back(evidence);
        layout->addWidget(evidence);
    }
    return box;
}

void EntryEditorDialog::load()
{
    if (m_entryId == 0) {
        setWindowTitle(notebook::addLabel(m_loaded.section));
    } else {
        setWindowTitle(m_isMirror ? tr("%1 ↔ %2").arg(toQString(m_loaded.title), toQString(m_loaded.shine))
                                  : toQString(m_loaded.title));
    }
    if (m_section)
        m_section->setCurrentIndex(m_section->findData(static_cast<int>(m_loaded.section)));
    m_title->setText(toQString(m_loaded.title));
    if (m_shine)
        m_shine->setText(toQString(m_loaded.shine));
    m_details->setPlainText(toQString(m_loaded.details));
    m_noticedOn->setText(toQString(m_loaded.noticedOn));
    m_pinned->setChecked(m_loaded.isPinned);
    for (std::size_t i = 0; i < m_useToggles.size(); ++i)
        m_useToggles[i]->setChecked(m_loaded.uses.contains(core::kAllUses[i]));
    m_shown = draftFromForm();
}

core::EntryDraft EntryEditorDialog::draftFromForm() const
{
    core::EntryDraft draft;
    draft.section = m_section ? static_cast<core::Section>(m_section->currentData().toInt()) : m_loaded.section;
    draft.title = toStd(m_title->text());
    draft.shine = m_shine ? toStd(m_shine->text()) : std::string();
    draft.details = toStd(m_details->toPlainText());
    draft.noticedOn = toStd(m_noticedOn->text());
    draft.isPinned = m_pinned->isChecked();
    for (std::size_t i = 0; i < m_useToggles.size(); ++i) {
        if (m_useToggles[i]->isChecked())
            draft.uses.insert(core::kAllUses[i]);
    }
    return draft;
}

bool EntryEditorDialog::isChanged() const
{
    return !(draftFromForm() == m_shown);
}

bool EntryEditorDialog::save()
{
    const core::EntryDraft draft = draftFromForm();
    bool isNew = false;
    try {
        if (m_entryId == 0) {
            m_entryId = m_workspace.notebook().addEntry(m_childId, draft).meta.id;
            isNew = true;
        } else {
            // Only what the parent changed here is saved; everything else keeps what the file
            // holds now. Undoable; the command emits notebookChanged.
            using D = core::EntryDraft;
            const D edited = touchedOnly(m_loaded, m_shown, draft, &D::section, &D::title, &D::shine, &D::details,
                                         &D::noticedOn, &D::isPinned, &D::uses);
            if (edited == m_loaded)
                return true;
            core::EditResult result;
            perform(m_workspace, undo::editEntry(m_workspace, m_childId, m_entryId, m_loaded, edited, &result));
            tellKeptVersions(m_workspace, this, "notebook_entries", result);
        }
    } catch (const core::ValidationError& error) {
        showErrors(error.errors());
        return false;
    } catch (const core::StorageError& error) {
        m_workspace.prompts().warn(this, tr("Not saved yet"),
                                   tr("%1\n\nWhat you typed is still in the form.").arg(toQString(error.what())));
        return false;
    }
    m_loaded = m_workspace.notebook().entry(m_entryId).data;
    m_shown = draft;
    if (isNew)
        Q_EMIT m_workspace.notebookChanged(m_childId);
    return true;
}

void EntryEditorDialog::showErrors(const std::vector<core::FieldError>& errors)
{
    for (auto* label : std::as_const(m_errors))
        label->showMessage({});
    QWidget* first = nullptr;
    for (const auto& error : errors) {
        const QString field = toQString(error.field);
        if (auto* label = m_errors.value(field))
            label->showMessage(toQString(error.message));
        QWidget* editor = field == QStringLiteral("title")       ? static_cast<QWidget*>(m_title)
                          : field == QStringLiteral("shine")     ? static_cast<QWidget*>(m_shine)
                          : field == QStringLiteral("details")   ? static_cast<QWidget*>(m_details)
                          : field == QStringLiteral("noticedOn") ? static_cast<QWidget*>(m_noticedOn)
                                                                 : nullptr;
        if (!first && editor)
            first = editor;
    }
    if (first)
        first->setFocus();
}

void EntryEditorDialog::moveToTrash()
{
    if (m_entryId == 0)
        return;
    const QString name = m_title->text().trimmed().isEmpty() ? tr("this entry") : m_title->text().trimmed();
    if (!trashNotebookEntry(m_workspace, this, m_childId, m_entryId, name))
        return;
    QDialog::accept();
}

void EntryEditorDialog::reject()
{
    if (isChanged()
        && !m_workspace.prompts().confirm(this, tr("Leave without saving?"),
                                          tr("Your changes to this entry are not saved yet. Dated notes are "
                                             "already saved."),
                                          tr("Leave without saving")))
        return;
    QDialog::reject();
}

void EntryEditorDialog::openEntry(Workspace& workspace, qint64 entryId, QWidget* parent)
{
    try {
        EntryEditorDialog dialog(workspace, 0, entryId, core::Section::Strengths, parent);
        dialog.exec();
    } catch (const core::StorageError& error) {
        workspace.prompts().warn(parent, tr("Can't open this"), toQString(error.what()));
    }
}

} // namespace attune::gui
