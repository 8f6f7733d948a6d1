// SPDX-License-Identifier: MIT
#include "notebook/EvidenceColumn.h"

#include "common/KeptVersions.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include "attune/core/Dates.h"
#include "attune/core/Errors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>

namespace attune::gui {

namespace {

constexpr int kDayWidth = 96;

// One saved note: its day and text save a moment after typing stops, or when the field is left.
class EvidenceRow : public QFrame {
public:
    EvidenceRow(Workspace& workspace, qint64 childId, const core::EvidenceLine& line, std::function<void()> onTrashed,
                QWidget* parent)
        : QFrame(parent)
        , m_workspace(workspace)
        , m_childId(childId)
        , m_id(line.meta.id)
        , m_line(line)
        , m_day(new QLineEdit(toQString(line.day), this))
        , m_text(new QLineEdit(toQString(line.text), this))
        , m_save(new QTimer(this))
        , m_error(new FieldErrorLabel(this))
    {
        setObjectName(QStringLiteral("evidenceRow"));
        m_day->setObjectName(QStringLiteral("evidenceRowDay"));
        m_day->setFixedWidth(kDayWidth);
        m_day->setAccessibleName(tr("Day of this note"));
        m_text->setObjectName(QStringLiteral("evidenceRowText"));
        m_text->setAccessibleName(tr("Note"));
        m_text->setCursorPosition(0);
        m_text->setToolTip(m_text->text());
        m_shownDay = m_day->text();
        m_shownText = m_text->text();
        auto* trash = new QToolButton(this);
        trash->setObjectName(QStringLiteral("trashEvidence"));
        trash->setText(QStringLiteral("✕"));
        trash->setAutoRaise(true);
        trash->setAccessibleName(tr("Move this note to the trash"));
        trash->setToolTip(tr("Moves this note to the trash; bring it back with Undo (Ctrl+Z) or from Settings."));

        auto* row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(m_day);
        row->addWidget(m_text, 1);
        row->addWidget(trash);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addLayout(row);
        layout->addWidget(m_error);

        m_save->setSingleShot(true);
        m_save->setInterval(600);
        for (QLineEdit* edit : {m_day, m_text}) {
            connect(edit, &QLineEdit::textEdited, m_save, qOverload<>(&QTimer::start));
            connect(edit, &QLineEdit::editingFinished, this, [this] {
                if (m_save->isActive())
                    save();
            });
        }
        connect(m_save, &QTimer::timeout, this, &EvidenceRow::save);
        connect(trash, &QToolButton::clicked, this, [this, onTrashed = std::move(onTrashed)] {
            m_save->stop();
            try {
                // Undoable; the command emits notebookChanged and trashChanged.
                perform(m_workspace, undo::trashEvidence(m_workspace, m_childId, m_id));
            } catch (const std::exception& error) {
                m_error->showMessage(toQString(error.what()));
                return;
            }
            onTrashed();
        });
    }

    ~EvidenceRow() override
    {
        // A change typed a moment ago is saved even when the row goes away.
        if (m_save->isActive())
            save();
    }

private:
    void save()
    {
        m_save->stop();
        // Only what the parent changed in this row is saved (attune/core/RecordHistory.h).
        const std::string day = m_day->text() == m_shownDay ? m_line.day : toStd(m_day->text());
        const std::string text = m_text->text() == m_shownText ? m_line.text : toStd(m_text->text());
        if (day == m_line.day && text == m_line.text)
            return;
        core::EditResult result;
        try {
            // Undoable, one step per line however many pauses the typing had; the command
            // emits notebookChanged.
            perform(m_workspace, undo::editEvidence(m_workspace, m_childId, m_line, day, text, &result));
            m_line = m_workspace.notebook().evidenceLine(m_id);
            m_shownDay = m_day->text();
            m_shownText = m_text->text();
        } catch (const core::ValidationError& error) {
            // Both messages, if both fields are wrong: the typed text stays in the row.
            QStringList messages;
            for (const auto& fieldError : error.errors())
                messages << toQString(fieldError.message);
            m_error->showMessage(messages.join(QLatin1Char(' ')));
            return;
        } catch (const core::StorageError& error) {
            m_error->showMessage(toQString(error.what()));
            return;
        }
        m_error->showMessage({});
        tellKeptVersions(m_workspace, this, "notebook_evidence", result);
    }

    Workspace& m_workspace;
    qint64 m_childId;
    qint64 m_id;
    core::EvidenceLine m_line; // as read or last saved
    QString m_shownDay;        // the row's fields when m_line was shown in them
    QString m_shownText;
    QLineEdit* m_day;
    QLineEdit* m_text;
    QTimer* m_save;
    FieldErrorLabel* m_error;
};

} // namespace

EvidenceColumn::EvidenceColumn(Workspace& workspace, qint64 childId, qint64 entryId, core::EvidenceSide side,
                               const QString& heading, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_childId(childId)
    , m_entryId(entryId)
    , m_side(side)
    , m_newDay(new QLineEdit(toQString(workspace.clock().today()), this))
    , m_newText(new QLineEdit(this))
    , m_dayError(new FieldErrorLabel(this))
    , m_textError(new FieldErrorLabel(this))
    , m_rows(new QVBoxLayout)
    , m_none(new QLabel(this))
{
    setObjectName(QStringLiteral("evidence-") + toQString(core::toString(side)));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    if (!heading.isEmpty())
        layout->addWidget(makeHeading(heading, 3, this));

    m_newDay->setObjectName(QStringLiteral("evidenceDay"));
    m_newDay->setFixedWidth(kDayWidth);
    m_newDay->setAccessibleName(tr("Day you saw it"));
    m_newDay->setToolTip(tr("Year-month-day; today unless you change it."));
    m_newText->setObjectName(QStringLiteral("evidenceText"));
    m_newText->setAccessibleName(heading.isEmpty() ? tr("Something you saw") : tr("Something you saw: %1").arg(heading));
    m_newText->setPlaceholderText(side == core::EvidenceSide::Struggle ? tr("A moment when it was hard…")
                                  : side == core::EvidenceSide::Shine  ? tr("A moment when it shone…")
                                                                       : tr("A moment that shows it…"));
    auto* add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addEvidence"));
    add->setAutoDefault(false);
    add->setAccessibleName(tr("Add this note"));
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_newDay);
    addRow->addWidget(m_newText, 1);
    addRow->addWidget(add);
    layout->addLayout(addRow);
    layout->addWidget(m_dayError);
    layout->addWidget(m_textError);

    m_none->setObjectName(QStringLiteral("muted"));
    m_none->setWordWrap(true);
    m_none->setText(tr("No notes here yet. Each one is a small piece of proof: the day, and what you saw."));
    layout->addWidget(m_none);
    m_rows->setSpacing(4);
    layout->addLayout(m_rows);
    layout->addStretch();

    connect(add, &QPushButton::clicked, this, &EvidenceColumn::addFromInput);
    connect(m_newText, &QLineEdit::returnPressed, this, &EvidenceColumn::addFromInput);
    connect(m_newDay, &QLineEdit::returnPressed, this, &EvidenceColumn::addFromInput);
    connect(m_newText, &QLineEdit::textEdited, m_textError, [this] { m_textError->showMessage({}); });
    connect(m_newDay, &QLineEdit::textEdited, m_dayError, [this] { m_dayError->showMessage({}); });
    reload();
}

void EvidenceColumn::reload()
{
    while (QLayoutItem* old = m_rows->takeAt(0)) {
        if (QWidget* widget = old->widget()) {
            widget->hide();
            widget->deleteLater(); // may be the row whose button asked for this reload
        }
        delete old;
    }
    std::vector<core::EvidenceLine> lines;
    try {
        lines = core::evidenceOn(m_workspace.notebook().entry(m_entryId), m_side);
    } catch (const core::StorageError&) {
        // The entry went to the trash meanwhile: nothing to list.
    }
    m_lineCount = static_cast<int>(lines.size());
    m_none->setVisible(lines.empty());
    for (const auto& line : lines) {
        m_rows->addWidget(new EvidenceRow(m_workspace, m_childId, line, [this] {
            QTimer::singleShot(0, this, &EvidenceColumn::reload);
        }, this));
    }
}

bool EvidenceColumn::addLine(const QString& day, const QString& text)
{
    try {
        m_workspace.notebook().addEvidence(m_entryId, m_side, toStd(day), toStd(text));
    } catch (const core::ValidationError& error) {
        m_dayError->showMessage(toQString(error.messageFor("day")));
        m_textError->showMessage(toQString(error.messageFor("text")));
        return false;
    } catch (const core::StorageError& error) {
        m_textError->showMessage(toQString(error.what()));
        return false;
    }
    m_dayError->showMessage({});
    m_textError->showMessage({});
    Q_EMIT m_workspace.notebookChanged(m_childId);
    reload();
    return true;
}

void EvidenceColumn::addFromInput()
{
    if (addLine(m_newDay->text(), m_newText->text())) {
        m_newText->clear();
        m_newText->setFocus();
    }
}

} // namespace attune::gui
