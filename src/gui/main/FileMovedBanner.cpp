// SPDX-License-Identifier: MIT
#include "main/FileMovedBanner.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Workspace.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

#include <spdlog/spdlog.h>

namespace attune::gui {

namespace {
constexpr int kPollMs = 2000; // one stat() every two seconds: nothing next to a repaint
}

FileMovedBanner::FileMovedBanner(Workspace& workspace, QWidget* parent)
    : QFrame(parent)
    , m_workspace(workspace)
    , m_text(new QLabel(this))
    , m_keep(new QPushButton(tr("Keep my notes safe…"), this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("fileMovedBanner"));
    setAccessibleName(tr("Attune's file is missing"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(16, 10, 16, 10);
    row->setSpacing(12);
    m_text->setObjectName(QStringLiteral("fileMovedText"));
    m_text->setWordWrap(true);
    m_text->setText(tr("<b>Attune's file was moved, deleted or replaced while Attune was open.</b> Everything you "
                       "saved is still here in this window, but nothing new can be saved until you choose where "
                       "to keep it."));
    row->addWidget(m_text, 1);
    m_keep->setObjectName(QStringLiteral("keepNotesSafe"));
    m_keep->setProperty("primary", true);
    m_keep->setToolTip(tr("Writes a checked copy of everything to a file you choose, and carries on with it"));
    row->addWidget(m_keep, 0, Qt::AlignVCenter);
    connect(m_keep, &QPushButton::clicked, this, [this] { keepNotesSafe(); });

    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &FileMovedBanner::check);
    m_poll->start();
    if (parent && parent->window())
        parent->window()->installEventFilter(this);
    setVisible(false);
}

bool FileMovedBanner::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::WindowActivate)
        check();
    return QFrame::eventFilter(watched, event);
}

void FileMovedBanner::check()
{
    const bool isGone = !m_workspace.database().isFileInPlace();
    if (isGone == m_isGone)
        return;
    m_isGone = isGone;
    if (isGone)
        spdlog::warn("the database file was moved, deleted or replaced while open");
    setVisible(isGone);
    Q_EMIT fileGoneChanged(isGone);
}

bool FileMovedBanner::keepNotesSafe()
{
    const QFileInfo original(toQString(m_workspace.database().path().string()));
    // Back where it was when nothing is there now; beside it under a new name when another
    // file took its place.
    QString suggestion = original.absoluteFilePath();
    if (original.exists())
        suggestion = original.absoluteDir().filePath(
            tr("Attune kept %1.sqlite").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH-mm"))));
    const QString target = m_workspace.prompts().chooseSaveFile(this, tr("Where should Attune keep your notes?"),
                                                                suggestion, tr("Attune files (*.sqlite)"));
    if (target.isEmpty())
        return false;
    try {
        m_workspace.database().relocate(toStd(target));
    } catch (const core::StorageError& error) {
        m_workspace.prompts().warn(this, tr("Your notes are not saved there yet"),
                                   tr("%1\nNothing was lost: everything is still in this window. Please choose "
                                      "another place.")
                                       .arg(toQString(error.what())));
        return false;
    }
    check();
    m_workspace.prompts().inform(this, tr("Your notes are safe"),
                                 tr("Everything is in %1, checked and complete. Attune carries on with this "
                                    "file.")
                                     .arg(target));
    Q_EMIT relocated(target);
    return true;
}

} // namespace attune::gui
