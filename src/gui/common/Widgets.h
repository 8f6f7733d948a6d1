// SPDX-License-Identifier: MIT
// Small building blocks shared by every page: inline field errors, empty states, cards.
#pragma once

#include <QFrame>
#include <QLabel>

class QListWidget;
class QPushButton;
class QToolButton;

namespace attune::gui {

// The message shown under a form field when its value breaks a rule. Hidden when empty.
class FieldErrorLabel : public QLabel {
    Q_OBJECT

public:
    explicit FieldErrorLabel(QWidget* parent = nullptr);
    void showMessage(const QString& message);
};

// A page's calm "nothing here yet" message, saying what will appear and how to begin.
class EmptyState : public QFrame {
    Q_OBJECT

public:
    EmptyState(const QString& title, const QString& text, QWidget* parent = nullptr);
    // Adds a button; returns it so the caller can connect it.
    QPushButton* addAction(const QString& label, bool isPrimary = false);
    void setText(const QString& text);

private:
    QLabel* m_text;
};

// A rounded panel with an optional heading, used for cards on Today and Profile.
class Card : public QFrame {
    Q_OBJECT

public:
    explicit Card(const QString& heading = {}, QWidget* parent = nullptr);
};

// Small rounded suggestion buttons that wrap onto more lines ("Lego", "Drawing", …). Clicking
// one emits chosen() with its text; nothing is typed for the parent.
class ChipRow : public QWidget {
    Q_OBJECT

public:
    explicit ChipRow(QWidget* parent = nullptr);
    void setChips(const QStringList& chips);
    QStringList chips() const;
    QToolButton* chip(const QString& text) const;

Q_SIGNALS:
    void chosen(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QList<QToolButton*> m_buttons;
};

// The one main action of a form or page, in the accent colour.
QPushButton* makePrimaryButton(const QString& text, QWidget* parent = nullptr);

// "1 year old" / "7 years old": English plurals without a translation catalogue; the
// Spanish catalogue (later) translates both forms.
QString countText(int count, const QString& one, const QString& many);

// Sizes a short list to its rows (between `minRows` and `maxRows`), so it never shows a
// large empty box.
void fitListHeight(QListWidget* list, int minRows = 2, int maxRows = 6);

// A heading label in the app's type scale (1 = page title, 2 = section).
QLabel* makeHeading(const QString& text, int level, QWidget* parent = nullptr);

} // namespace attune::gui
