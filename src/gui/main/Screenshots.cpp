// SPDX-License-Identifier: MIT
#include "main/Screenshots.h"

#include "common/QtConvert.h"
#include "common/Workspace.h"
#include "family/ChildEditorDialog.h"
#include "help/GetHelpDialog.h"
#include "help/WelcomeDialog.h"
#include "main/MainWindow.h"
#include "onetoone/OneOnOnePage.h"
#include "onetoone/SessionDialog.h"
#include "onetoone/TimerCard.h"

#include "attune/core/Database.h"
#include "attune/core/TimeLog.h"

#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
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
        const auto which = static_cast<MainWindow::Page>(page);
        window.showPage(which);
        if (which == MainWindow::Page::OneOnOne) {
            // The top of the page (counts, quick log, day states), then the look back.
            files << save(window, dir, QStringLiteral("one-on-one-log"));
            settle();
            window.oneOnOnePage()->scrollToViews();
        }
        files << save(window, dir, MainWindow::pageId(which));
    }
    window.showPage(MainWindow::Page::Today);

    // A session: a real one of the selected child with a few details filled in, if there is
    // one; shown, never saved.
    if (window.currentChild() != 0) {
        core::SessionFilter filter;
        filter.childId = window.currentChild();
        filter.limit = 300;
        const auto sessions = workspace.timeLog().sessions(filter);
        const core::Session* chosen = sessions.empty() ? nullptr : &sessions.front();
        for (const auto& session : sessions) {
            if (!session.data.marvel.empty() && !session.data.moodBefore.empty() && session.data.startMs) {
                chosen = &session;
                break;
            }
        }
        SessionDialog session(workspace, chosen ? chosen->data : SessionDialog::newDraft(workspace, window.currentChild()),
                              &window);
        session.show();
        files << save(session, dir, QStringLiteral("session"));
        session.close();

        // A running timer, drawn from a made-up state: nothing is started in the file.
        core::TimerState timer;
        timer.childId = window.currentChild();
        timer.elapsedMs = (7 * 60 + 42) * 1000;
        timer.goalMinutes = 15;
        TimerStrip frame(workspace);
        frame.setAttribute(Qt::WA_DontShowOnScreen);
        auto* card = new TimerCard(workspace, timer.childId, &frame);
        static_cast<QHBoxLayout*>(frame.layout())->insertWidget(0, card, 1);
        card->setState(timer);
        frame.resize(520, 118);
        frame.show();
        files << save(frame, dir, QStringLiteral("timer"));
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
