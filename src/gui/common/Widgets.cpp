// SPDX-License-Identifier: MIT
#include "common/Widgets.h"

#include "common/FlowLayout.h"

#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace attune::gui {

FieldErrorLabel::FieldErrorLabel(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("fieldError"));
    setWordWrap(true);
    setVisible(false);
}

void FieldErrorLabel::showMessage(const QString& message)
{
    setText(message);
    setVisible(!message.isEmpty());
    setAccessibleName(message);
}

EmptyState::EmptyState(const QString& title, const QString& text, QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(text, this))
{
    setObjectName(QStringLiteral("emptyState"));
    auto* layout = new QVBoxLayout(this);
    layout->setAlignment(Qt::AlignCenter);
    layout->setSpacing(12);
    auto* heading = makeHeading(title, 2, this);
    heading->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setMaximumWidth(520);
    m_text->setObjectName(QStringLiteral("muted"));
    layout->addWidget(heading, 0, Qt::AlignHCenter);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
}

QPushButton* EmptyState::addAction(const QString& label, bool isPrimary)
{
    QPushButton* button = isPrimary ? makePrimaryButton(label, this) : new QPushButton(label, this);
    static_cast<QVBoxLayout*>(layout())->addWidget(button, 0, Qt::AlignHCenter);
    return button;
}

void EmptyState::setText(const QString& text)
{
    m_text->setText(text);
}

Card::Card(const QString& heading, QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("card"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 16);
    layout->setSpacing(8);
    if (!heading.isEmpty())
        layout->addWidget(makeHeading(heading, 3, this));
}

ChipRow::ChipRow(QWidget* parent)
    : QWidget(parent)
{
    new FlowLayout(this, 6);
}

void ChipRow::setChips(const QStringList& chips)
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    for (const QString& text : chips) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("chip"));
        button->setText(QString(text).replace(QLatin1Char('&'), QStringLiteral("&&"))); // no mnemonics
        button->setProperty("chipText", text);
        button->setAccessibleName(tr("Use \"%1\"").arg(text));
        button->setCursor(Qt::PointingHandCursor);
        button->setFocusPolicy(Qt::TabFocus);
        connect(button, &QToolButton::clicked, this, [this, text] { Q_EMIT chosen(text); });
        layout()->addWidget(button);
        m_buttons.append(button);
    }
    setVisible(!chips.isEmpty());
    updateGeometry();
}

void ChipRow::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Windows and dialogs size themselves from minimum heights, not from height-for-width:
    // asking for the wrapped height here lets every line of chips show.
    const int wanted = layout()->heightForWidth(width());
    if (wanted > 0 && minimumHeight() != wanted)
        setMinimumHeight(wanted);
}

QStringList ChipRow::chips() const
{
    QStringList result;
    for (const QToolButton* button : m_buttons)
        result << button->property("chipText").toString();
    return result;
}

QToolButton* ChipRow::chip(const QString& text) const
{
    for (QToolButton* button : m_buttons) {
        if (button->property("chipText").toString() == text)
            return button;
    }
    return nullptr;
}

QPushButton* makePrimaryButton(const QString& text, QWidget* parent)
{
    auto* button = new QPushButton(parent);
    button->setProperty("primary", true); // set before the first polish, so the style sheet applies
    button->setText(text);
    return button;
}

QString countText(int count, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? one : many);
}

void fitListHeight(QListWidget* list, int minRows, int maxRows)
{
    const int rows = qBound(minRows, list->count(), maxRows);
    const int rowHeight = list->count() > 0 ? qMax(list->sizeHintForRow(0), 20) : 24;
    list->setFixedHeight(rows * rowHeight + 2 * list->frameWidth() + 4);
}

QLabel* makeHeading(const QString& text, int level, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("heading%1").arg(level));
    label->setWordWrap(true);
    label->setAccessibleName(text);
    return label;
}

} // namespace attune::gui
