// SPDX-License-Identifier: MIT
#include "common/Prompts.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace attune::gui {

bool QtPrompts::confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptLabel)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton* accept = box.addButton(acceptLabel, QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(accept);
    box.exec();
    return box.clickedButton() == accept;
}

void QtPrompts::inform(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::information(parent, title, text);
}

void QtPrompts::warn(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::warning(parent, title, text);
}

QString QtPrompts::chooseImageFile(QWidget* parent)
{
    return QFileDialog::getOpenFileName(parent, QObject::tr("Choose a photo"),
                                        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                                        QObject::tr("Pictures (*.png *.jpg *.jpeg *.webp *.bmp)"));
}

QString QtPrompts::chooseSaveFile(QWidget* parent, const QString& title, const QString& suggestedName,
                                  const QString& filter)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // Attune asks itself before replacing a file (gui/common/OutputPrompt.h), after its own
    // checks; the dialog asking too would make the parent answer twice.
    return QFileDialog::getSaveFileName(parent, title, QDir(folder).filePath(suggestedName), filter, nullptr,
                                        QFileDialog::DontConfirmOverwrite);
}

QString QtPrompts::chooseOpenFile(QWidget* parent, const QString& title, const QString& folder, const QString& filter)
{
    const QString start =
        folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) : folder;
    return QFileDialog::getOpenFileName(parent, title, start, filter);
}

QString QtPrompts::chooseFolder(QWidget* parent, const QString& title)
{
    return QFileDialog::getExistingDirectory(parent, title,
                                             QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
}

} // namespace attune::gui
