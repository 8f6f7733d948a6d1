// SPDX-License-Identifier: MIT
#include "main/Screenshots.h"

#include "common/QtConvert.h"
#include "common/Workspace.h"
#include "family/ChildEditorDialog.h"
#include "help/GetHelpDialog.h"
#include "help/WelcomeDialog.h"
#include "main/MainWindow.h"
#include "notebook/EntryEditorDialog.h"
#include "notebook/KeepMarvelDialog.h"
#include "notebook/NotebookPage.h"
#include "notebook/OnePageProfile.h"
#include "notebook/OnePageProfileDialog.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Notebook.h"
#include "attune/core/Search.h"

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

// A word that finds several things in this child's notebook, so the search screenshot has results.
QString queryWithResults(Workspace& workspace, qint64 childId)
{
    for (const char* candidate : {"lego", "built", "asked", "park", "book"}) {
        if (workspace.search().find(candidate, childId, 10).size() >= 4)
            return QString::fromLatin1(candidate);
    }
    for (const auto& section : workspace.notebook().page(childId).sections) {
        if (!section.entries.empty())
            return toQString(section.entries.front().title).section(QLatin1Char(' '), 0, 0);
    }
    return QStringLiteral("a");
}

// The notebook's views and dialogs, on the selected child's notebook.
QStringList saveNotebookScreenshots(MainWindow& window, Workspace& workspace, const QDir& dir)
{
    QStringList files;
    const qint64 childId = window.currentChild();
    auto* notebook = window.findChild<NotebookPage*>();
    if (!notebook || childId == 0)
        return files;
    window.showPage(MainWindow::Page::Notebook);
    notebook->scrollToSection(core::Section::MirrorTraits);
    files << save(window, dir, QStringLiteral("notebook-mirror-traits"));
    notebook->setSearchText(queryWithResults(workspace, childId));
    files << save(window, dir, QStringLiteral("notebook-search"));
    notebook->setSearchText({});

    // The entry with the most notes, and the first mirror trait.
    const core::NotebookPage page = workspace.notebook().page(childId);
    qint64 richest = 0;
    int most = -1;
    qint64 mirror = 0;
    for (const auto& section : page.sections) {
        for (const auto& entry : section.entries) {
            if (section.section == core::Section::MirrorTraits && mirror == 0)
                mirror = entry.id;
            if (section.section != core::Section::MirrorTraits && entry.evidenceCount > most) {
                most = entry.evidenceCount;
                richest = entry.id;
            }
        }
    }
    if (richest != 0) {
        EntryEditorDialog editor(workspace, childId, richest, core::Section::Strengths, &window);
        editor.show();
        files << save(editor, dir, QStringLiteral("entry-editor"));
    }
    if (mirror != 0) {
        EntryEditorDialog editor(workspace, childId, mirror, core::Section::MirrorTraits, &window);
        editor.show();
        files << save(editor, dir, QStringLiteral("entry-editor-mirror-trait"));
    }

    // The one-page profile as it prints, and the dialog that makes it.
    // A fuller page than the first suggestion: a few more of what we admire.
    std::vector<ProfileChoice> choices = loadProfileChoices(workspace, childId);
    int admired = 0;
    for (auto& choice : choices) {
        if (choice.heading == ProfileChoice::Heading::Admire && admired < 6) {
            choice.isChosen = true;
            ++admired;
        }
    }
    const OnePageProfile profile = buildOnePageProfile(workspace, childId, choices);
    const QString sheet = dir.filePath(QStringLiteral("one-page-profile.png"));
    if (!renderOnePageProfile(profile, QPageSize::A4, 110).save(sheet, "PNG"))
        throw std::runtime_error("could not write " + toStd(sheet));
    files << sheet;
    OnePageProfileDialog profileDialog(workspace, childId, &window);
    profileDialog.show();
    files << save(profileDialog, dir, QStringLiteral("one-page-profile-dialog"));

    KeepMarvelDialog marvel(workspace, childId, QObject::tr("Explained the whole marble run to his little sister, slowly, twice."),
                            toQString(workspace.clock().today()), &window);
    if (richest != 0)
        marvel.chooseEntry(richest);
    marvel.show();
    files << save(marvel, dir, QStringLiteral("keep-marvel"));
    return files;
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

    files << saveNotebookScreenshots(window, workspace, dir);

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
