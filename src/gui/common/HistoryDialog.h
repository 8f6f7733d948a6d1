// SPDX-License-Identifier: MIT
// Edit → Earlier versions…: the values saves replaced because they had changed elsewhere while
// a form was open (attune/core/RecordHistory.h), newest first, each shown whole and with a way
// to copy it back into a form.
#pragma once

#include "attune/core/RecordHistory.h"

#include <QDialog>

#include <string>
#include <vector>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace attune::gui {

class Workspace;

class HistoryDialog : public QDialog {
    Q_OBJECT

public:
    // The versions kept for these records; every record's when `recordUuids` is empty.
    HistoryDialog(Workspace& workspace, const std::vector<std::string>& recordUuids, QWidget* parent = nullptr);

    int entryCount() const { return static_cast<int>(m_entries.size()); }
    // Copies the chosen version to the clipboard (text, or a photo as an image).
    void copyChosen();

private:
    void showChosen();

    std::vector<core::HistoryEntry> m_entries;
    QListWidget* m_list;
    QPlainTextEdit* m_text;
    QLabel* m_photo;
    QPushButton* m_copy;
};

// An "Earlier versions (n)…" button that opens a HistoryDialog for `recordUuids`; nullptr
// when none of them has any, so editors show it only when there is something to see.
QPushButton* makeEarlierVersionsButton(Workspace& workspace, const std::vector<std::string>& recordUuids,
                                       QWidget* parent);
// The same button at the left end of a dialog's button row (`buttons` in a box layout).
void addEarlierVersionsButton(Workspace& workspace, const std::vector<std::string>& recordUuids,
                              QDialogButtonBox* buttons);

} // namespace attune::gui
