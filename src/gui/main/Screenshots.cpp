// SPDX-License-Identifier: MIT
#include "main/Screenshots.h"

#include "common/QtConvert.h"
#include "common/Workspace.h"
#include "family/ChildEditorDialog.h"
#include "help/GetHelpDialog.h"
#include "help/WelcomeDialog.h"
#include "main/MainWindow.h"

#include "attune/core/Database.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>

#include <stdexcept>

namespace attune::gui {

namespace {
void settle()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

QString save(QWidget& widget, const QDir& dir, const QString& name)
{
    settle();
    const QString file = dir.filePath(name + QStringLiteral(".png"));
    if (!widget.grab().save(file, "PNG"))
        throw std::runtime_error("could not write " + toStd(file));
    return file;
}
} // namespace

QStringList saveScreenshots(MainWindow& window, Workspace& workspace, const QString& folder)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        throw std::runtime_error("could not create " + toStd(folder));
    QStringList files;
    window.resize(1280, 800);
    window.show();
    for (int page = 0; page < MainWindow::kPageCount; ++page) {
        window.showPage(static_cast<MainWindow::Page>(page));
        files << save(window, dir, MainWindow::pageId(static_cast<MainWindow::Page>(page)));
    }

    ChildEditorDialog editor(workspace, window.currentChild(), &window);
    editor.show();
    files << save(editor, dir, QStringLiteral("child-editor"));
    editor.close();

    GetHelpDialog help(workspace.content(), &window);
    help.show();
    files << save(help, dir, QStringLiteral("get-help"));
    help.close();

    WelcomeDialog welcome(workspace.content(), QString::fromStdString(workspace.database().path().string()), &window);
    welcome.show();
    files << save(welcome, dir, QStringLiteral("welcome"));
    welcome.close();
    return files;
}

} // namespace attune::gui
