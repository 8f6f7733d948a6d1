// SPDX-License-Identifier: MIT
// Message boxes and file dialogs as a service, so GUI tests can answer them.
#pragma once

#include <QString>

class QWidget;

namespace attune::gui {

class Prompts {
public:
    virtual ~Prompts() = default;
    // A yes/no question; true when the parent chose `acceptLabel`.
    virtual bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptLabel) = 0;
    virtual void inform(QWidget* parent, const QString& title, const QString& text) = 0;
    // A storage or other failure the parent should know about; the form stays open.
    virtual void warn(QWidget* parent, const QString& title, const QString& text) = 0;
    // A picture to use as an avatar; empty when cancelled.
    virtual QString chooseImageFile(QWidget* parent) = 0;
    // Where to save a file (a PDF…), starting from `suggestedName` in the documents folder;
    // `filter` as in QFileDialog ("PDF (*.pdf)"). Empty when cancelled.
    virtual QString chooseSaveFile(QWidget* parent, const QString& title, const QString& suggestedName,
                                   const QString& filter) = 0;
    // A file to read (an export to import, a backup to restore), starting in `folder` (empty:
    // the documents folder). Empty when cancelled.
    virtual QString chooseOpenFile(QWidget* parent, const QString& title, const QString& folder,
                                   const QString& filter) = 0;
    // A folder to write into (CSV export), starting in the documents folder. Empty when cancelled.
    virtual QString chooseFolder(QWidget* parent, const QString& title) = 0;
};

// The real dialogs.
class QtPrompts final : public Prompts {
public:
    bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptLabel) override;
    void inform(QWidget* parent, const QString& title, const QString& text) override;
    void warn(QWidget* parent, const QString& title, const QString& text) override;
    QString chooseImageFile(QWidget* parent) override;
    QString chooseSaveFile(QWidget* parent, const QString& title, const QString& suggestedName,
                           const QString& filter) override;
    QString chooseOpenFile(QWidget* parent, const QString& title, const QString& folder,
                           const QString& filter) override;
    QString chooseFolder(QWidget* parent, const QString& title) override;
};

} // namespace attune::gui
