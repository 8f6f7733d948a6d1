// SPDX-License-Identifier: MIT
// A child's co-regulation profile: for each part (touch, voice, sound…) what helps, what is
// neutral and what to avoid, each with a note. Every change is saved as it is made.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QVBoxLayout;

namespace attune::gui {

class FieldErrorLabel;
class Workspace;

class CoregulationEditor : public QWidget {
    Q_OBJECT

public:
    explicit CoregulationEditor(Workspace& workspace, QWidget* parent = nullptr);

    void setChild(qint64 childId);
    // Selects a category by key ("touch", "voice", …); for tests and deep links.
    void showCategory(const QString& key);
    // Adds an item to the current category with the given rating ("helps", "neutral", "avoid").
    bool addItem(const QString& label, const QString& rating);

Q_SIGNALS:
    // Any item was added, re-rated, noted or removed (after it was saved).
    void profileChanged();

private:
    void reloadCounts();
    void rebuildItems();
    void addFromInput();

    Workspace& m_workspace;
    qint64 m_childId = 0;
    QListWidget* m_categories;
    QLabel* m_title;
    QLabel* m_prompt;
    QVBoxLayout* m_items;
    QComboBox* m_newLabel;
    QComboBox* m_newRating;
    FieldErrorLabel* m_error;
};

} // namespace attune::gui
