// SPDX-License-Identifier: MIT
// "From anywhere to the notebook": something a parent marvelled at (on a one-on-one session, in
// a reflection…) becomes a dated note on an entry of the child's notebook, or a new entry with
// it as its first note. Two clicks: choose where it belongs, then Keep it (or double-click).
#pragma once

#include "attune/core/Notebook.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace attune::gui {

class FieldErrorLabel;
class Workspace;

class KeepMarvelDialog : public QDialog {
    Q_OBJECT

public:
    KeepMarvelDialog(Workspace& workspace, qint64 childId, const QString& text, const QString& day,
                     QWidget* parent = nullptr);

    // Asks where `text` (dated `day`, "YYYY-MM-DD") belongs in the child's notebook and keeps
    // it there. True when it was kept; false when the parent cancelled.
    static bool keepMarvel(Workspace& workspace, qint64 childId, const QString& text, const QString& day,
                           QWidget* parent);

    // Choosing a destination, as clicking its row does.
    void chooseEntry(qint64 entryId);
    void chooseNewEntry(core::Section section);
    // Stores it; on a broken rule shows the message and keeps the dialog open.
    bool keep();
    const core::MarvelResult& marvelResult() const { return m_result; }

private:
    void fillDestinations();
    void updateChoice();
    void filter(const QString& text);

    Workspace& m_workspace;
    qint64 m_childId;
    QPlainTextEdit* m_text;
    QLineEdit* m_day;
    QLineEdit* m_find;
    QListWidget* m_destinations;
    QLineEdit* m_title;
    QComboBox* m_side;
    QPushButton* m_keep;
    FieldErrorLabel* m_textError;
    FieldErrorLabel* m_dayError;
    FieldErrorLabel* m_choiceError;
    core::MarvelResult m_result;
};

} // namespace attune::gui
