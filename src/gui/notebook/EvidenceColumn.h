// SPDX-License-Identifier: MIT
// The dated notes of one entry (or of one side of a mirror trait): a line to add a new one,
// dated today unless changed, saved on Enter; and the saved ones, newest first, each saved
// as it is edited and each with its way to the trash.
#pragma once

#include "attune/core/Notebook.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace attune::gui {

class FieldErrorLabel;
class Workspace;

class EvidenceColumn : public QWidget {
    Q_OBJECT

public:
    EvidenceColumn(Workspace& workspace, qint64 childId, qint64 entryId, core::EvidenceSide side,
                   const QString& heading, QWidget* parent = nullptr);

    // Reads the column's notes again from the file.
    void reload();
    // Adds a note; on a broken rule shows the message and keeps what was typed.
    bool addLine(const QString& day, const QString& text);
    int lineCount() const { return m_lineCount; }

private:
    void addFromInput();

    Workspace& m_workspace;
    qint64 m_childId;
    qint64 m_entryId;
    core::EvidenceSide m_side;
    QLineEdit* m_newDay;
    QLineEdit* m_newText;
    FieldErrorLabel* m_dayError;
    FieldErrorLabel* m_textError;
    QVBoxLayout* m_rows;
    QLabel* m_none;
    int m_lineCount = 0;
};

} // namespace attune::gui
