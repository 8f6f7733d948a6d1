// SPDX-License-Identifier: MIT
// Choose what goes on a child's care card, add who to call in an emergency, see the card as
// it will print, then save it as a PDF or print it.
#pragma once

#include "family/CareCard.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

class QTimer;

namespace attune::gui {

class FieldErrorLabel;
class Workspace;

class CareCardDialog : public QDialog {
    Q_OBJECT

public:
    CareCardDialog(Workspace& workspace, qint64 childId, QWidget* parent = nullptr);

    const std::vector<CareLine>& lines() const { return m_lines; }
    // Puts a line on the card or takes it off (as ticking its box does).
    void setChosen(bool isStrength, qint64 id, bool isChosen);
    CareCard card() const;
    QPageSize::PageSizeId paperSize() const;

    // Checks the emergency line, asks where, then writes the PDF; false when the line is too
    // long, the parent cancelled or the file could not be written.
    bool saveAsPdf();
    void print();
    // Stores the emergency line now (it also autosaves 300 ms after typing stops, and on close).
    // False when it is too long (its message shows) or could not be stored (a warning).
    bool saveEmergency();

    void done(int result) override;

private:
    QListWidget* buildList(CareSection section);
    bool checkEmergency();
    void updatePreview();
    void schedulePreview();

    Workspace& m_workspace;
    qint64 m_childId;
    QString m_childName;
    std::vector<CareLine> m_lines;
    std::vector<QListWidget*> m_lists;
    QLineEdit* m_emergency;
    FieldErrorLabel* m_emergencyError;
    QComboBox* m_paper;
    QLabel* m_preview;
    QLabel* m_note;
    QLabel* m_status;
    QPushButton* m_save;
    QPushButton* m_print;
    bool m_isPreviewQueued = false;
    QTimer* m_autosave = nullptr;
    QString m_savedEmergency; // what the file holds, so an unchanged line is not written again
};

} // namespace attune::gui
