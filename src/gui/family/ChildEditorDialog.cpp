// SPDX-License-Identifier: MIT
#include "family/ChildEditorDialog.h"

#include "common/Avatar.h"
#include "common/FormEdits.h"
#include "common/HistoryDialog.h"
#include "common/KeptVersions.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include "attune/core/Errors.h"
#include "attune/core/Family.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace attune::gui {

namespace {
// Each field: its editor plus the error label under it, in one column of the form.
QWidget* withError(QWidget* editor, FieldErrorLabel* error)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    layout->addWidget(error);
    return box;
}

QIcon swatch(const QString& color)
{
    QPixmap pixmap(22, 22);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(color));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(1, 1, 20, 20);
    return QIcon(pixmap);
}
} // namespace

ChildEditorDialog::ChildEditorDialog(Workspace& workspace, qint64 childId, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_childId(childId)
    , m_name(new QLineEdit(this))
    , m_birthDate(new QLineEdit(this))
    , m_pronouns(new QComboBox(this))
    , m_goal(new QSpinBox(this))
    , m_colors(new QButtonGroup(this))
    , m_avatarPreview(new QLabel(this))
    , m_removePhoto(new QPushButton(tr("Remove photo"), this))
    , m_birthStory(new QPlainTextEdit(this))
{
    setWindowTitle(childId == 0 ? tr("Add a child") : tr("Edit profile"));
    setObjectName(QStringLiteral("childEditor"));
    setMinimumWidth(560);
    for (const char* field : {"name", "birthDate", "pronouns", "goalMinutes", "avatarColor", "photo", "birthStory"})
        m_errors.insert(QString::fromLatin1(field), new FieldErrorLabel(this));

    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("First name or nickname"));
    m_name->setAccessibleName(tr("Name"));
    m_birthDate->setObjectName(QStringLiteral("birthDate"));
    m_birthDate->setPlaceholderText(tr("Year-month-day, e.g. 2019-04-23 (optional)"));
    m_birthDate->setAccessibleName(tr("Birth date"));
    m_pronouns->setObjectName(QStringLiteral("pronouns"));
    m_pronouns->setEditable(true);
    m_pronouns->addItems({QString(), tr("she/her"), tr("he/him"), tr("they/them")});
    m_pronouns->setAccessibleName(tr("Pronouns"));
    m_goal->setObjectName(QStringLiteral("goalMinutes"));
    m_goal->setRange(1, 240);
    m_goal->setValue(10);
    m_goal->setSuffix(tr(" minutes a day"));
    m_goal->setAccessibleName(tr("Daily one-on-one goal"));
    m_birthStory->setObjectName(QStringLiteral("birthStory"));
    m_birthStory->setPlaceholderText(
        tr("The day you were born: where you were, what the weather did, the first time you held them. "
           "Something to re-read on a hard day."));
    m_birthStory->setAccessibleName(tr("The day you were born"));
    m_birthStory->setMinimumHeight(110);

    // Avatar: colour swatches, or a photo.
    auto* colorRow = new QHBoxLayout;
    colorRow->setSpacing(4);
    int index = 0;
    for (const QString& color : avatarPalette()) {
        auto* button = new QToolButton(this);
        button->setCheckable(true);
        button->setIcon(swatch(color));
        button->setAutoRaise(true);
        button->setProperty("color", color);
        button->setAccessibleName(tr("Colour %1").arg(index + 1));
        m_colors->addButton(button, index++);
        colorRow->addWidget(button);
    }
    colorRow->addStretch();
    auto* choosePhotoButton = new QPushButton(tr("Choose photo…"), this);
    choosePhotoButton->setObjectName(QStringLiteral("choosePhoto"));
    m_removePhoto->setObjectName(QStringLiteral("removePhoto"));
    colorRow->addWidget(choosePhotoButton);
    colorRow->addWidget(m_removePhoto);
    auto* avatarRow = new QHBoxLayout;
    avatarRow->addWidget(m_avatarPreview);
    auto* avatarBox = new QWidget(this);
    avatarBox->setLayout(colorRow);
    avatarRow->addWidget(withError(avatarBox, m_errors.value(QStringLiteral("photo"))), 1);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name"), withError(m_name, m_errors.value(QStringLiteral("name"))));
    form->addRow(tr("&Birth date"), withError(m_birthDate, m_errors.value(QStringLiteral("birthDate"))));
    form->addRow(tr("&Pronouns"), withError(m_pronouns, m_errors.value(QStringLiteral("pronouns"))));
    form->addRow(tr("Daily &one-on-one"), withError(m_goal, m_errors.value(QStringLiteral("goalMinutes"))));
    form->addRow(tr("Avatar"), avatarRow);
    form->addRow(tr("The day you\nwere born"), withError(m_birthStory, m_errors.value(QStringLiteral("birthStory"))));

    auto* hint = new QLabel(tr("Only the name is needed. Everything stays on this computer."), this);
    hint->setObjectName(QStringLiteral("muted"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* save = makePrimaryButton(childId == 0 ? tr("Add child") : tr("Save"), this);
    save->setObjectName(QStringLiteral("saveChild"));
    buttons->addButton(save, QDialogButtonBox::AcceptRole);
    save->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ChildEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChildEditorDialog::reject);
    connect(choosePhotoButton, &QPushButton::clicked, this, &ChildEditorDialog::choosePhoto);
    connect(m_removePhoto, &QPushButton::clicked, this, &ChildEditorDialog::removePhoto);
    connect(m_colors, &QButtonGroup::idClicked, this, &ChildEditorDialog::updateAvatarPreview);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_errors.value(QStringLiteral("name"))->showMessage({});
        updateAvatarPreview();
    });
    connect(m_birthDate, &QLineEdit::textChanged, this,
            [this] { m_errors.value(QStringLiteral("birthDate"))->showMessage({}); });

    load();
}

void ChildEditorDialog::load()
{
    if (m_childId == 0) {
        const int next = static_cast<int>(m_workspace.family().children(true).size());
        m_colors->button(next % static_cast<int>(m_colors->buttons().size()))->setChecked(true);
    } else {
        const core::Child child = m_workspace.family().child(m_childId);
        m_name->setText(toQString(child.data.name));
        m_birthDate->setText(toQString(child.data.birthDate));
        m_pronouns->setCurrentText(toQString(child.data.pronouns));
        m_goal->setValue(child.data.goalMinutes);
        m_birthStory->setPlainText(toQString(child.data.birthStory));
        m_photo = toBytes(child.data.photo);
        const QString color = toQString(child.data.avatarColor);
        for (QAbstractButton* button : m_colors->buttons())
            button->setChecked(button->property("color").toString().compare(color, Qt::CaseInsensitive) == 0);
        m_loaded = child.data;
        // Versions kept when a save replaced them: the child's and their co-regulation items'.
        std::vector<std::string> uuids = {child.meta.uuid};
        for (const auto& item : m_workspace.family().coregItems(m_childId))
            uuids.push_back(item.meta.uuid);
        addEarlierVersionsButton(m_workspace, uuids, findChild<QDialogButtonBox*>());
    }
    updateAvatarPreview();
    m_shown = draftFromForm();
}


void ChildEditorDialog::choosePhoto()
{
    const QString file = m_workspace.prompts().chooseImageFile(this);
    if (file.isEmpty())
        return;
    const QByteArray photo = preparePhoto(file);
    if (photo.isEmpty()) {
        m_errors.value(QStringLiteral("photo"))->showMessage(tr("That file doesn't look like a picture. Please choose a photo."));
        return;
    }
    m_errors.value(QStringLiteral("photo"))->showMessage({});
    m_photo = photo;
    updateAvatarPreview();
}

void ChildEditorDialog::removePhoto()
{
    m_photo.clear();
    updateAvatarPreview();
}

void ChildEditorDialog::updateAvatarPreview()
{
    QAbstractButton* checked = m_colors->checkedButton();
    const QString color = checked ? checked->property("color").toString() : QString();
    m_avatarPreview->setPixmap(avatarPixmap(m_name->text(), color, m_photo, 56, devicePixelRatioF()));
    m_removePhoto->setVisible(!m_photo.isEmpty());
}

void ChildEditorDialog::showErrors(const QHash<QString, QString>& messages)
{
    QWidget* firstBad = nullptr;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QString message = messages.value(it.key());
        it.value()->showMessage(message);
        if (!message.isEmpty() && !firstBad)
            firstBad = findChild<QWidget*>(it.key());
    }
    if (firstBad)
        firstBad->setFocus();
}

core::ChildDraft ChildEditorDialog::draftFromForm() const
{
    core::ChildDraft draft;
    draft.name = toStd(m_name->text());
    draft.birthDate = toStd(m_birthDate->text().trimmed());
    draft.pronouns = toStd(m_pronouns->currentText());
    draft.goalMinutes = m_goal->value();
    QAbstractButton* checked = m_colors->checkedButton();
    draft.avatarColor = checked ? toStd(checked->property("color").toString()) : std::string();
    draft.photo = toStd(m_photo);
    draft.birthStory = toStd(m_birthStory->toPlainText());
    return draft;
}

void ChildEditorDialog::accept()
{
    const core::ChildDraft form = draftFromForm();
    bool isChanged = true;
    core::EditResult result;
    try {
        if (m_childId == 0) {
            m_childId = m_workspace.family().addChild(form).meta.id;
        } else {
            // Only what the parent changed here is saved; everything else keeps what the file
            // holds now, even if it changed while this was open.
            using D = core::ChildDraft;
            const D edited = touchedOnly(m_loaded, m_shown, form, &D::name, &D::birthDate, &D::pronouns,
                                         &D::goalMinutes, &D::avatarColor, &D::photo, &D::birthStory);
            if (!(edited == m_loaded)) // saving without a change adds nothing to undo
                perform(m_workspace, undo::editChild(m_workspace, m_childId, m_loaded, edited, &result));
            isChanged = false; // the command emits childrenChanged and childChanged
        }
    } catch (const core::ValidationError& error) {
        QHash<QString, QString> messages;
        for (const auto& field : error.errors())
            messages.insert(toQString(field.field), toQString(field.message));
        showErrors(messages);
        return;
    } catch (const core::StorageError& error) {
        // The dialog stays open with everything typed still in it.
        m_workspace.prompts().warn(this, tr("Not saved yet"), toQString(error.what()));
        return;
    }
    if (isChanged) {
        Q_EMIT m_workspace.childrenChanged();
        Q_EMIT m_workspace.childChanged(m_childId);
    }
    tellKeptVersions(m_workspace, this, "children", result);
    QDialog::accept();
}

} // namespace attune::gui
