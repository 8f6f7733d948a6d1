// SPDX-License-Identifier: MIT
// Choose what goes on a child's one-page profile, see the page as it will print, then save it
// as a PDF or print it.
#pragma once

#include "notebook/OnePageProfile.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;

namespace attune::gui {

class Workspace;

class OnePageProfileDialog : public QDialog {
    Q_OBJECT

public:
    OnePageProfileDialog(Workspace& workspace, qint64 childId, QWidget* parent = nullptr);

    const std::vector<ProfileChoice>& choices() const { return m_choices; }
    // Puts an item on the page or takes it off (as ticking its box does).
    void setChosen(ProfileChoice::Kind kind, qint64 id, bool isChosen);
    OnePageProfile profile() const;
    QPageSize::PageSizeId paperSize() const;

    // Asks where, then writes the PDF; false when cancelled or it could not be written.
    bool saveAsPdf();
    void print();

private:
    QListWidget* buildList(ProfileChoice::Heading heading);
    void updatePreview();
    void schedulePreview();

    Workspace& m_workspace;
    qint64 m_childId;
    std::vector<ProfileChoice> m_choices;
    std::vector<QListWidget*> m_lists;
    QComboBox* m_paper;
    QLabel* m_preview;
    QLabel* m_note;
    QLabel* m_status;
    bool m_isPreviewQueued = false;
};

} // namespace attune::gui
