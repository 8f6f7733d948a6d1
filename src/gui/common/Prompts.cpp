// SPDX-License-Identifier: MIT
#include "common/Prompts.h"

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

} // namespace attune::gui
