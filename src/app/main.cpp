// SPDX-License-Identifier: MIT
// attune: paths, logging, the single-instance lock, the database, and the main window.
#include "Startup.h"

#include "common/Prompts.h"
#include "common/Theme.h"
#include "common/Workspace.h"
#include "main/MainWindow.h"
#include "main/Screenshots.h"
#include "reflection/ReflectionTestHook.h"

#include "attune/core/Dates.h"
#include "attune/core/Logging.h"
#include "attune/core/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSocketNotifier>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

int g_signalFds[2] = {-1, -1};

void onTerminate(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

// SIGTERM at logout ends the event loop normally, so the database is checkpointed and closed.
void quitCleanlyOnSigterm(QApplication& app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        spdlog::info("termination requested; closing cleanly");
        QApplication::quit();
    });
    struct sigaction action {};
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

void forwardQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    const std::string text = message.toStdString();
    switch (type) {
    case QtDebugMsg: spdlog::debug("qt: {}", text); break;
    case QtInfoMsg: spdlog::info("qt: {}", text); break;
    case QtWarningMsg: spdlog::warn("qt: {}", text); break;
    case QtCriticalMsg:
    case QtFatalMsg: spdlog::error("qt: {}", text); break;
    }
}

int fail(bool isInteractive, const QString& title, const QString& message)
{
    spdlog::error("start-up stopped: {}", title.toStdString());
    std::fprintf(stderr, "attune: %s\n", qPrintable(message));
    if (isInteractive)
        QMessageBox::critical(nullptr, title, message);
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    ::umask(077); // the database, backups, exports and logs are the parent's alone
    QElapsedTimer sinceStart;
    sinceStart.start();

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("attune"));
    QApplication::setApplicationDisplayName(QStringLiteral("Attune"));
    QApplication::setApplicationVersion(QString::fromLatin1(attune::core::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("attune"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Attune: a calm companion for attachment-based parenting."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("Use the Attune file at PATH (also: $ATTUNE_DATABASE)."),
                                            QStringLiteral("PATH"));
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"),
                                            QStringLiteral("trace, debug, info, warn, error or off (default info)."),
                                            QStringLiteral("LEVEL"), QStringLiteral("info"));
    const QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
                                               QStringLiteral("Render every page to DIR/<page>.png at 1280x800 and exit."),
                                               QStringLiteral("DIR"));
    QCommandLineOption measureOption(QStringLiteral("measure-startup"),
                                     QStringLiteral("Print the milliseconds until the main window is shown, then exit."));
    measureOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({databaseOption, logLevelOption, screenshotsOption, measureOption});
    parser.process(app);
    const bool isScreenshots = parser.isSet(screenshotsOption);

    const attune::app::Paths paths = attune::app::resolvePaths(parser.value(databaseOption));
    attune::core::initLogging(paths.logFolder.toStdString(), parser.value(logLevelOption).toStdString());
    qInstallMessageHandler(forwardQtMessages);
    spdlog::info("attune {} starting", attune::core::kVersion);

    // One Attune per file: a second one is turned away before it touches the database.
    QDir().mkpath(QFileInfo(paths.database).absolutePath());
    QLockFile lock(paths.database + QStringLiteral(".lock"));
    if (!lock.tryLock(200)) {
        if (lock.error() == QLockFile::LockFailedError)
            return fail(!isScreenshots, QObject::tr("Attune is already open"),
                        QObject::tr("Attune is already open with this file in another window. Please switch to "
                                    "that window."));
        return fail(!isScreenshots, QObject::tr("Attune can't start"),
                    QObject::tr("Attune can't write next to its file in %1. The disk may be full or the folder "
                                "read-only. Nothing was changed.")
                        .arg(QFileInfo(paths.database).absolutePath()));
    }

    attune::app::OpenResult opened = attune::app::openDatabase(paths.database);
    if (!opened.database)
        return fail(!isScreenshots, QObject::tr("Attune can't open its file"), opened.problem);

    attune::gui::applyTheme(app);
    attune::core::SystemClock clock;
    attune::gui::QtPrompts prompts;
    int exitCode = 0;
    {
        attune::gui::Workspace workspace(std::move(*opened.database), clock, prompts);
        attune::gui::MainWindow window(workspace, paths.logFolder);
        if (isScreenshots) {
            try {
                const QStringList files = attune::gui::saveScreenshots(window, workspace, parser.value(screenshotsOption));
                std::printf("%s\n", qPrintable(files.join(QLatin1Char('\n'))));
            } catch (const std::exception& error) {
                std::fprintf(stderr, "attune: %s\n", error.what());
                exitCode = 1;
            }
        } else {
            quitCleanlyOnSigterm(app);
            window.show();
            if (parser.isSet(measureOption)) {
                // The first event-loop turn after show(): the window has been laid out and painted.
                QTimer::singleShot(0, &app, [&sinceStart] {
                    std::printf("startup_ms %lld\n", static_cast<long long>(sinceStart.elapsed()));
                    QApplication::quit();
                });
            } else if (qEnvironmentVariableIsSet("ATTUNE_TEST_TYPE_REFLECTION")) {
                // Test-only: the crash-recovery test types into a real reflection, then kills us.
                QTimer::singleShot(0, &window, [&window] {
                    attune::gui::typeReflectionForTest(window, qEnvironmentVariable("ATTUNE_TEST_TYPE_REFLECTION"));
                });
            } else if (opened.isFirstRun) {
                QTimer::singleShot(0, &window, &attune::gui::MainWindow::showWelcome);
            } else {
                // A reflection left open (Attune closed or the computer stopped): offer to go on.
                QTimer::singleShot(0, &window, [&window] { window.offerDrafts(); });
            }
            exitCode = QApplication::exec();
        }
        workspace.close();
    }
    spdlog::info("attune closed cleanly");
    return exitCode;
}
