// SPDX-License-Identifier: MIT
// attune: paths, logging, the single-instance lock, the database, and the main window.
#include "Startup.h"

#include "common/Prompts.h"
#include "common/Theme.h"
#include "common/Workspace.h"
#include "data/DailyBackup.h"
#include "data/ReportPdf.h"
#include "main/MainWindow.h"
#include "main/Screenshots.h"
#include "reflection/ReflectionTestHook.h"

#include "attune/core/Backups.h"
#include "attune/core/Restore.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Export.h"
#include "attune/core/FileLock.h"
#include "attune/core/Paths.h"
#include "attune/core/Logging.h"
#include "attune/core/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSocketNotifier>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <csignal>
#include <memory>
#include <optional>
#include <string_view>
#include <cstdio>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

int g_signalFds[2] = {-1, -1};
volatile std::sig_atomic_t g_isTerminating = 0;

void onTerminate(int)
{
    g_isTerminating = 1;
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

// SIGTERM (logout, shutdown), SIGINT and SIGHUP end Attune the normal way, so the database is
// checkpointed and closed and the lock let go. Installed first thing in main(), before anything
// is opened: a signal at any moment of start-up is only noted, and start-up stops at its next
// step (or the event loop ends at its first turn).
void catchTermination()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_signalFds) != 0)
        return;
    struct sigaction action {};
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(number, &action, nullptr);
}

// Turns a noted signal into QApplication::quit() on the event loop.
void quitOnTermination(QApplication& app)
{
    if (g_signalFds[1] < 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        char bytes[16];
        while (::read(g_signalFds[1], bytes, sizeof bytes) > 0) {
        }
        spdlog::info("termination requested; closing cleanly");
        QApplication::quit();
    });
}

bool isTerminating()
{
    return g_isTerminating != 0;
}

// Test and script hook: once the window is up and the event loop runs, Attune writes its pid
// to $ATTUNE_READY_FILE, so a test waits for that instead of sleeping.
void announceReady()
{
    const QByteArray file = qgetenv("ATTUNE_READY_FILE");
    if (file.isEmpty())
        return;
    if (FILE* out = std::fopen(file.constData(), "w")) {
        std::fprintf(out, "%ld\n", static_cast<long>(::getpid()));
        std::fclose(out);
    }
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

enum class StartChoice { ChooseFile, StartNew, RestoreBackup, Quit };

// The file could not be opened: say why and let the parent choose what happens next.
// `backup` is the newest backup when one could take the file's place.
StartChoice askWayForward(const attune::app::OpenResult& opened, const std::optional<attune::core::BackupFile>& backup)
{
    QStringList ways;
    if (backup)
        ways << QObject::tr("put your newest backup (%1) in its place")
                    .arg(QDateTime::fromMSecsSinceEpoch(backup->takenAt).toString(QStringLiteral("d MMM yyyy, HH:mm")));
    ways << QObject::tr("choose another Attune file");
    if (opened.isMissing)
        ways << QObject::tr("start a new, empty one here");
    const QString last = ways.takeLast();
    const QString options = ways.isEmpty() ? last : ways.join(QStringLiteral(", ")) + QObject::tr(" or ") + last;
    QMessageBox box(QMessageBox::Warning, QObject::tr("Attune can't open its file"), opened.problem);
    box.setInformativeText(QObject::tr("Nothing was changed. You can %1.%2")
                               .arg(options, backup && !opened.isMissing
                                                 ? QObject::tr(" The file that can't be opened is kept beside it, never "
                                                               "deleted.")
                                                 : QString()));
    QPushButton* restore = backup ? box.addButton(QObject::tr("Restore the backup"), QMessageBox::AcceptRole) : nullptr;
    QPushButton* choose = box.addButton(QObject::tr("Choose a file…"), QMessageBox::AcceptRole);
    QPushButton* startNew = opened.isMissing ? box.addButton(QObject::tr("Start a new file"), QMessageBox::DestructiveRole)
                                             : nullptr;
    box.addButton(QObject::tr("Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(restore ? restore : choose);
    // Test-only: the start-up tests answer this modal question without a screen.
    const QString answer = qEnvironmentVariable("ATTUNE_TEST_START_CHOICE");
    if (!answer.isEmpty()) {
        std::fprintf(stderr, "attune: %s\n%s\n", qPrintable(opened.problem), qPrintable(box.informativeText()));
        if (answer == QStringLiteral("restore") && restore)
            return StartChoice::RestoreBackup;
        if (answer == QStringLiteral("new") && startNew)
            return StartChoice::StartNew;
        return StartChoice::Quit;
    }
    box.exec();
    if (restore && box.clickedButton() == restore)
        return StartChoice::RestoreBackup;
    if (box.clickedButton() == choose)
        return StartChoice::ChooseFile;
    if (startNew && box.clickedButton() == startNew)
        return StartChoice::StartNew;
    return StartChoice::Quit;
}

// `attune --export-pdf FILE`: reads the file (no lock: it only reads, and works while the
// window is open), writes the report, says where. Exit 1 with a plain message otherwise.
int exportPdf(const QString& database, const attune::core::ReportOptions& report, const QString& file)
{
    try {
        // Beside an Attune that holds the file (the window, or the attune-cli that ran us) it
        // opens as a reader: never migrating, never checkpointing someone else's file.
        const auto lock = attune::core::FileLock::tryLock(database.toStdString(), "attune");
        attune::core::OpenOptions options;
        options.isReader = !lock.isHeld();
        attune::core::Database db = attune::core::Database::open(database.toStdString(), options);
        attune::gui::writeReportPdf(db, report, file);
    } catch (const attune::core::ValidationError& error) {
        for (const auto& problem : error.errors())
            std::fprintf(stderr, "attune: %s\n", problem.message.c_str());
        return 1;
    } catch (const attune::core::StorageError& error) {
        std::fprintf(stderr, "attune: %s\n", error.what());
        return 1;
    }
    std::printf("Wrote the report to %s.\n", qPrintable(file));
    return 0;
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
    catchTermination();
    QElapsedTimer sinceStart;
    sinceStart.start();

    // `--export-pdf` (what `attune-cli export --format pdf` runs) needs no screen.
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]) == "--export-pdf" && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    quitOnTermination(app);
    QApplication::setApplicationName(QStringLiteral("attune"));
    // The settings file is ~/.config/attune/attune.conf: QSettings names its folder after the
    // organisation, or else its domain. Only the domain is set, because an organisation name
    // would also be added to every QStandardPaths app folder (~/.local/share/attune/attune).
    QApplication::setOrganizationDomain(QStringLiteral("attune"));
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
    const QCommandLineOption exportPdfOption(QStringLiteral("export-pdf"),
                                             QStringLiteral("Write a PDF report to FILE and exit (no window; what "
                                                            "attune-cli export --format pdf runs)."),
                                             QStringLiteral("FILE"));
    const QCommandLineOption childOption(QStringLiteral("child"), QStringLiteral("--export-pdf: only this child."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("--export-pdf: from this day."),
                                        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("--export-pdf: to this day."),
                                      QStringLiteral("YYYY-MM-DD"));
    parser.addOptions({databaseOption, logLevelOption, screenshotsOption, measureOption, exportPdfOption, childOption,
                       fromOption, toOption});
    parser.process(app);
    const bool isScreenshots = parser.isSet(screenshotsOption);

    const attune::app::Paths paths = attune::app::resolvePaths(parser.value(databaseOption));
    attune::core::initLogging(paths.logFolder.toStdString(), parser.value(logLevelOption).toStdString());
    qInstallMessageHandler(forwardQtMessages);
    spdlog::info("attune {} starting", attune::core::kVersion);
    attune::app::moveOldSettings();
    attune::app::prepareCacheFolder();

    if (parser.isSet(exportPdfOption)) {
        attune::core::ReportOptions report;
        report.childName = parser.value(childOption).toStdString();
        report.from = parser.value(fromOption).toStdString();
        report.to = parser.value(toOption).toStdString();
        return exportPdf(paths.database, report, parser.value(exportPdfOption));
    }

    // One Attune per file (the app or attune-cli): a second one is turned away before it touches
    // the database. When the file cannot be opened, the parent chooses the way forward; nothing
    // is created unasked. `lock` outlives `opened`, so the file is closed before it is let go.
    QString databasePath = paths.database;
    attune::core::FileLock lock;
    attune::app::OpenResult opened;
    for (;;) {
        QDir().mkpath(QFileInfo(databasePath).absolutePath());
        attune::app::LockAttempt attempt = attune::app::lockDatabase(databasePath);
        if (!attempt.lock.isHeld())
            return fail(!isScreenshots, attempt.title, attempt.message);
        lock = std::move(attempt.lock);
        if (isTerminating())
            return 0; // nothing opened yet; the lock goes with us
        opened = attune::app::openDatabase(databasePath);
        if (opened.database)
            break;
        if (isScreenshots)
            return fail(false, QObject::tr("Attune can't open its file"), opened.problem);
        lock.release();
        std::optional<attune::core::BackupFile> backup;
        if (opened.canRestoreBackup())
            backup = attune::core::newestBackup(attune::core::defaultBackupFolder());
        const StartChoice choice = askWayForward(opened, backup);
        if (choice == StartChoice::Quit || isTerminating())
            return 1;
        if (choice == StartChoice::RestoreBackup) {
            attempt = attune::app::lockDatabase(databasePath);
            if (!attempt.lock.isHeld())
                return fail(true, attempt.title, attempt.message);
            try {
                const auto aside = attune::core::replaceWithBackup(databasePath.toStdString(), backup->path,
                                                                   attune::core::SystemClock().nowMs());
                spdlog::info("start-up: a backup took the place of a file that could not be opened");
                if (aside)
                    std::fprintf(stderr, "attune: the file that could not be opened is kept as %s\n", aside->c_str());
            } catch (const attune::core::StorageError& error) {
                if (qEnvironmentVariableIsEmpty("ATTUNE_TEST_START_CHOICE"))
                    QMessageBox::warning(nullptr, QObject::tr("The backup was not restored"),
                                         QObject::tr("%1\nNothing was changed.").arg(QString::fromUtf8(error.what())));
                else
                    return fail(false, QObject::tr("The backup was not restored"), QString::fromUtf8(error.what()));
            }
            continue; // the attempt's lock is let go here, and taken again at the top
        }
        if (choice == StartChoice::StartNew) {
            attempt = attune::app::lockDatabase(databasePath);
            if (attempt.lock.isHeld()) {
                opened = attune::app::createDatabase(databasePath);
                if (opened.database) {
                    lock = std::move(attempt.lock);
                    break;
                }
            }
            continue;
        }
        const QString chosen = QFileDialog::getOpenFileName(nullptr, QObject::tr("Choose your Attune file"),
                                                            QFileInfo(databasePath).absolutePath(),
                                                            QObject::tr("Attune files (*.sqlite *.db);;All files (*)"));
        if (!chosen.isEmpty())
            databasePath = chosen;
    }
    if (isTerminating())
        return 0; // `opened` closes the file cleanly (checkpoint), then the lock is let go

    attune::gui::applyTheme(app);
    attune::core::SystemClock clock;
    attune::gui::QtPrompts prompts;
    int exitCode = 0;
    {
        attune::gui::Workspace workspace(std::move(*opened.database), clock, prompts);
        workspace.setBackupFolder(QString::fromStdString(attune::core::defaultBackupFolder().string()));
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
            window.show();
            QTimer::singleShot(0, &app, &announceReady);
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
            if (!parser.isSet(measureOption)) {
                // The daily backup, once the window is up, on a worker thread with its own connection.
                QTimer::singleShot(2000, &window, [&workspace, &window] { attune::gui::startDailyBackup(workspace, window); });
            }
            exitCode = QApplication::exec();
        }
        if (!workspace.close()) {
            // All is saved, but the parent must keep the -wal with the file: say so, loudly.
            const QString message = QString::fromStdString(attune::core::untidyCloseMessage(databasePath.toStdString()));
            std::fprintf(stderr, "attune: %s\n", qPrintable(message));
            if (!isScreenshots)
                QMessageBox::warning(nullptr, QObject::tr("Attune could not tidy its file"), message);
            exitCode = exitCode == 0 ? 1 : exitCode;
        }
    }
    spdlog::info("attune closed cleanly");
    return exitCode;
}
