// SPDX-License-Identifier: MIT
#include "family/CoregulationEditor.h"

#include "common/Prompts.h"
#include "common/KeptVersions.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include "attune/core/Errors.h"
#include "attune/core/Family.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace attune::gui {

namespace {

QString ratingLabel(core::CoregRating rating)
{
    switch (rating) {
    case core::CoregRating::Helps: return QObject::tr("Helps");
    case core::CoregRating::Neutral: return QObject::tr("Neutral");
    case core::CoregRating::Avoid: return QObject::tr("Avoid");
    }
    return {};
}

// One saved item: its label, a three-way rating and a note that saves as it is typed.
class CoregItemRow : public QFrame {
public:
    CoregItemRow(Workspace& workspace, const core::CoregItem& item, std::function<void()> onRemoved,
                 std::function<void()> onSaved, QWidget* parent)
        : QFrame(parent)
        , m_workspace(workspace)
        , m_item(item)
        , m_rating(item.rating)
        , m_note(new QLineEdit(toQString(item.note), this))
        , m_saveNote(new QTimer(this))
        , m_error(new FieldErrorLabel(this))
        , m_onSaved(std::move(onSaved))
    {
        setObjectName(QStringLiteral("coregItem"));
        m_shownNote = m_note->text();
        auto* label = new QLabel(toQString(item.label), this);
        label->setMinimumWidth(160);
        label->setWordWrap(true);
        QFont bold = label->font();
        bold.setWeight(QFont::DemiBold);
        label->setFont(bold);

        auto* group = new QButtonGroup(this);
        auto* ratings = new QHBoxLayout;
        ratings->setSpacing(0);
        for (auto rating : {core::CoregRating::Helps, core::CoregRating::Neutral, core::CoregRating::Avoid}) {
            auto* button = new QToolButton(this);
            button->setText(ratingLabel(rating));
            button->setCheckable(true);
            button->setChecked(rating == item.rating);
            button->setObjectName(rating == core::CoregRating::Helps     ? QStringLiteral("ratingHelps")
                                  : rating == core::CoregRating::Neutral ? QStringLiteral("ratingNeutral")
                                                                         : QStringLiteral("ratingAvoid"));
            button->setAccessibleName(tr("%1: %2").arg(label->text(), ratingLabel(rating)));
            group->addButton(button, static_cast<int>(rating));
            ratings->addWidget(button);
        }
        m_note->setPlaceholderText(tr("A note, e.g. only when offered first"));
        m_note->setAccessibleName(tr("Note for %1").arg(label->text()));
        auto* remove = new QToolButton(this);
        remove->setText(tr("Remove"));
        remove->setAutoRaise(true);
        remove->setAccessibleName(tr("Remove %1").arg(label->text()));
        remove->setToolTip(tr("Moves this to the trash; bring it back with Undo (Ctrl+Z) or from Settings."));

        auto* row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(label, 2);
        row->addLayout(ratings);
        row->addWidget(m_note, 3);
        row->addWidget(remove);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 4, 0, 4);
        layout->setSpacing(2);
        layout->addLayout(row);
        layout->addWidget(m_error);

        m_saveNote->setSingleShot(true);
        m_saveNote->setInterval(600);
        connect(group, &QButtonGroup::idClicked, this, [this](int id) {
            m_rating = static_cast<core::CoregRating>(id);
            save();
        });
        connect(m_note, &QLineEdit::textEdited, m_saveNote, qOverload<>(&QTimer::start));
        connect(m_saveNote, &QTimer::timeout, this, &CoregItemRow::save);
        connect(m_note, &QLineEdit::editingFinished, this, [this] {
            if (m_saveNote->isActive()) {
                m_saveNote->stop();
                save();
            }
        });
        connect(remove, &QToolButton::clicked, this, [this, onRemoved = std::move(onRemoved)] {
            try {
                perform(m_workspace, undo::trashCoregItem(m_workspace, m_item.childId, m_item.meta.id,
                                                          toQString(m_item.label)));
            } catch (const std::exception& error) {
                m_error->showMessage(toQString(error.what()));
                return;
            }
            onRemoved();
        });
    }

    ~CoregItemRow() override
    {
        // A note typed a moment ago is saved even when the row goes away.
        if (m_saveNote->isActive())
            save();
    }

private:
    void save()
    {
        m_saveNote->stop();
        try {
            // Only what the parent changed in this row is saved (attune/core/RecordHistory.h).
            const std::string note = m_note->text() == m_shownNote ? m_item.note : toStd(m_note->text());
            const core::EditResult result = m_workspace.family().updateCoregItem(m_item, m_rating, note);
            m_item.rating = m_rating;
            m_item.note = note;
            m_shownNote = m_note->text();
            m_error->showMessage({});
            m_onSaved();
            tellKeptVersions(m_workspace, this, "coreg_items", result);
        } catch (const std::exception& error) {
            m_error->showMessage(toQString(error.what()));
        }
    }

    Workspace& m_workspace;
    core::CoregItem m_item;  // as read or last saved
    core::CoregRating m_rating; // as chosen now
    QString m_shownNote;        // the note field when m_item was shown in it
    QLineEdit* m_note;
    QTimer* m_saveNote;
    FieldErrorLabel* m_error;
    std::function<void()> m_onSaved;
};

} // namespace

CoregulationEditor::CoregulationEditor(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_categories(new QListWidget(this))
    , m_title(makeHeading({}, 3, this))
    , m_prompt(new QLabel(this))
    , m_items(new QVBoxLayout)
    , m_newLabel(new QComboBox(this))
    , m_newRating(new QComboBox(this))
    , m_error(new FieldErrorLabel(this))
{
    setObjectName(QStringLiteral("coregulationEditor"));
    m_categories->setObjectName(QStringLiteral("coregCategories"));
    m_categories->setAccessibleName(tr("Parts of the co-regulation profile"));
    m_categories->setFixedWidth(210);
    m_categories->setSpacing(1);
    for (const auto& category : m_workspace.content().coregCategories) {
        auto* item = new QListWidgetItem(toQString(category.title), m_categories);
        item->setData(Qt::UserRole, toQString(category.key));
    }
    m_prompt->setObjectName(QStringLiteral("muted"));
    m_prompt->setWordWrap(true);

    m_newLabel->setObjectName(QStringLiteral("newCoregLabel"));
    m_newLabel->setEditable(true);
    m_newLabel->setInsertPolicy(QComboBox::NoInsert);
    m_newLabel->setMinimumWidth(220);
    m_newLabel->setAccessibleName(tr("New item"));
    m_newLabel->lineEdit()->setPlaceholderText(tr("Pick one or write your own"));
    m_newRating->setObjectName(QStringLiteral("newCoregRating"));
    m_newRating->addItem(tr("Helps"), QStringLiteral("helps"));
    m_newRating->addItem(tr("Neutral"), QStringLiteral("neutral"));
    m_newRating->addItem(tr("Avoid"), QStringLiteral("avoid"));
    m_newRating->setAccessibleName(tr("Rating for the new item"));
    auto* add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addCoregItem"));

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_newLabel, 1);
    addRow->addWidget(m_newRating);
    addRow->addWidget(add);

    auto* right = new QVBoxLayout;
    right->addWidget(m_title);
    right->addWidget(m_prompt);
    right->addLayout(m_items);
    right->addLayout(addRow);
    right->addWidget(m_error);
    right->addStretch();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_categories);
    layout->addLayout(right, 1);

    connect(m_categories, &QListWidget::currentRowChanged, this, &CoregulationEditor::rebuildItems);
    connect(add, &QPushButton::clicked, this, &CoregulationEditor::addFromInput);
    connect(m_newLabel->lineEdit(), &QLineEdit::returnPressed, this, &CoregulationEditor::addFromInput);
    connect(m_newLabel, &QComboBox::editTextChanged, m_error, [this] { m_error->showMessage({}); });
    // An undo or redo of a removal (or a restore from the trash) changes the items under us.
    connect(&m_workspace, &Workspace::childChanged, this, [this](qint64 childId) {
        if (childId != m_childId)
            return;
        QTimer::singleShot(0, this, [this] {
            reloadCounts();
            rebuildItems();
            Q_EMIT profileChanged();
        });
    });
    m_categories->setCurrentRow(0);
    // Every part visible at once: the list is short and a parent should see all of it.
    m_categories->setMinimumHeight(m_categories->count() * (m_categories->sizeHintForRow(0) + 2) + 8);
}

void CoregulationEditor::setChild(qint64 childId)
{
    m_childId = childId;
    reloadCounts();
    rebuildItems();
}

void CoregulationEditor::showCategory(const QString& key)
{
    for (int row = 0; row < m_categories->count(); ++row) {
        if (m_categories->item(row)->data(Qt::UserRole).toString() == key)
            m_categories->setCurrentRow(row);
    }
}

void CoregulationEditor::reloadCounts()
{
    QHash<QString, int> counts;
    if (m_childId != 0) {
        for (const auto& item : m_workspace.family().coregItems(m_childId))
            ++counts[toQString(item.category)];
    }
    const auto& categories = m_workspace.content().coregCategories;
    for (int row = 0; row < m_categories->count(); ++row) {
        const int count = counts.value(m_categories->item(row)->data(Qt::UserRole).toString());
        const QString title = toQString(categories[static_cast<std::size_t>(row)].title);
        m_categories->item(row)->setText(count > 0 ? QStringLiteral("%1  ·  %2").arg(title).arg(count) : title);
    }
}

void CoregulationEditor::rebuildItems()
{
    while (QLayoutItem* old = m_items->takeAt(0)) {
        delete old->widget();
        delete old;
    }
    const int row = m_categories->currentRow();
    const auto& categories = m_workspace.content().coregCategories;
    if (row < 0 || static_cast<std::size_t>(row) >= categories.size())
        return;
    const auto& category = categories[static_cast<std::size_t>(row)];
    m_title->setText(toQString(category.title));
    m_prompt->setText(toQString(category.prompt));

    QStringList used;
    if (m_childId != 0) {
        for (const auto& item : m_workspace.family().coregItems(m_childId)) {
            if (item.category != category.key)
                continue;
            used << toQString(item.label);
            auto onRemoved = [this] {
                QTimer::singleShot(0, this, [this] {
                    reloadCounts();
                    rebuildItems();
                    Q_EMIT profileChanged();
                });
            };
            auto onSaved = [this] { Q_EMIT profileChanged(); };
            m_items->addWidget(new CoregItemRow(m_workspace, item, onRemoved, onSaved, this));
        }
    }
    if (used.isEmpty()) {
        auto* none = new QLabel(tr("Nothing noted here yet. Add what you have noticed, or leave it for later."), this);
        none->setObjectName(QStringLiteral("muted"));
        m_items->addWidget(none);
    }
    m_newLabel->clear();
    m_newLabel->addItem(QString());
    for (const auto& suggestion : category.suggestions) {
        const QString text = toQString(suggestion);
        if (!used.contains(text))
            m_newLabel->addItem(text);
    }
    m_newLabel->setCurrentIndex(0);
}

bool CoregulationEditor::addItem(const QString& label, const QString& rating)
{
    const int row = m_categories->currentRow();
    if (m_childId == 0 || row < 0)
        return false;
    const auto& category = m_workspace.content().coregCategories[static_cast<std::size_t>(row)];
    const auto parsedRating = core::coregRatingFromString(toStd(rating)).value_or(core::CoregRating::Helps);
    try {
        m_workspace.family().addCoregItem(m_childId, category.key, toStd(label), parsedRating);
    } catch (const core::ValidationError& error) {
        m_error->showMessage(toQString(error.errors().front().message));
        return false;
    } catch (const core::StorageError& error) {
        m_error->showMessage(toQString(error.what()));
        return false;
    }
    m_error->showMessage({});
    reloadCounts();
    rebuildItems();
    Q_EMIT profileChanged();
    return true;
}

void CoregulationEditor::addFromInput()
{
    addItem(m_newLabel->currentText(), m_newRating->currentData().toString());
}

} // namespace attune::gui
