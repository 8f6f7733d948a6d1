// SPDX-License-Identifier: MIT
// A timed offscreen benchmark of the pages of daily one-on-one time, on the demo family every
// benchmark uses (10 years, 4 children, seed 1, today 2026-11-28) and on a 1-year family, so
// Today can be compared across history lengths. Each step is timed from the action until the
// window has been laid out and painted; the median of many runs is printed in ms.
//
//   build/bench/bench/attune_gui_bench [--runs N] [--years Y]
#include "common/Prompts.h"
#include "common/Theme.h"
#include "common/Workspace.h"
#include "main/MainWindow.h"
#include "onetoone/OneOnOnePage.h"
#include "onetoone/YearGridView.h"
#include "today/TodayPage.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Demo.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include <sys/stat.h>
#include <time.h>

using namespace attune;

namespace {

constexpr const char* kToday = "2026-11-28";

class BenchClock final : public core::Clock {
public:
    core::TimestampMs nowMs() const override { return m_now; }
    std::string today() const override { return kToday; }
    core::TimestampMs m_now = 1'795'000'000'000;
};

// Nothing in these runs asks the parent anything; a warning would be a bug worth seeing.
class QuietPrompts final : public gui::Prompts {
public:
    bool confirm(QWidget*, const QString&, const QString&, const QString&) override { return true; }
    void inform(QWidget*, const QString&, const QString&) override { }
    void warn(QWidget*, const QString& title, const QString& text) override
    {
        std::fprintf(stderr, "warning: %s: %s\n", qPrintable(title), qPrintable(text));
    }
    QString chooseImageFile(QWidget*) override { return {}; }
};

void makeDemo(const QString& path, int years, const core::Clock& clock)
{
    core::Database db = core::Database::create(path.toStdString());
    core::Store store(db, clock);
    store.setActor(core::Family(store).caregivers().front().meta.uuid);
    core::DemoOptions options;
    options.years = years;
    options.children = 4;
    options.seed = 1;
    options.today = kToday;
    const core::DemoSummary summary = core::generateDemo(store, options);
    std::printf("# demo: %d years, 4 children, %d sessions, %d day states\n", years, summary.count("sessions"),
        summary.count("day states"));
    db.close();
}

// Until the window has handled what the step posted: layout requests, then the repaint of
// what changed (a page switch repaints the whole page), as the event loop would.
void settle(QWidget&)
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

double cpuMs()
{
    timespec now {};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Result {
    double wall = 0; // median
    double cpu = 0; // median
    double worstWall = 0;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

Result time(int runs, const std::function<void()>& prepare, const std::function<void()>& step)
{
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        prepare();
        QElapsedTimer timer;
        const double cpuBefore = cpuMs();
        timer.start();
        step();
        wall.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(cpuMs() - cpuBefore);
    }
    return { median(wall), median(cpu), *std::max_element(wall.begin(), wall.end()) };
}

void report(const char* name, int years, const Result& result)
{
    std::printf("| %-40s | %3d | %7.2f | %7.2f | %7.2f |\n", name, years, result.wall, result.cpu, result.worstWall);
}

void run(const QString& folder, int years, int runs, BenchClock& clock, gui::Prompts& prompts)
{
    const QString path = folder + QStringLiteral("/demo-%1y.sqlite").arg(years);
    makeDemo(path, years, clock);
    gui::Workspace workspace(core::Database::open(path.toStdString()), clock, prompts);
    gui::MainWindow window(workspace, folder);
    window.resize(1280, 800);
    window.show();
    settle(window);
    const auto children = workspace.family().children();
    window.selectChild(children.front().id);

    using Page = gui::MainWindow::Page;
    // Today: build every card (one indexed look-up per child) and paint.
    report("Today page: show", years,
        time(
            runs,
            [&] {
                window.showPage(Page::OneOnOne);
                settle(window);
            },
            [&] {
                window.showPage(Page::Today);
                settle(window);
            }));

    // The one-on-one page, opened after a change made elsewhere: everything is read again
    // (counts, rhythm, chips, day states, week, year grid, first page of sessions).
    report("One-on-one page: open", years,
        time(
            runs,
            [&] {
                window.showPage(Page::Today);
                Q_EMIT workspace.oneOnOneChanged(0);
                settle(window);
            },
            [&] {
                window.showPage(Page::OneOnOne);
                settle(window);
            }));

    std::size_t next = 0;
    report("One-on-one page: another child", years,
        time(
            runs, [&] { next = (next + 1) % children.size(); },
            [&] {
                window.selectChild(children[next].id);
                settle(window);
            }));

    // The quick log: one transaction (with its fsync), then the page reads everything again.
    gui::OneOnOnePage* page = window.oneOnOnePage();
    report("Quick log (commit + page refresh)", years,
        time(
            runs, [] {},
            [&] {
                page->quickLog();
                settle(window);
            }));

    // Where the time of "open" goes: reading and filling the widgets, then layout and paint.
    report("One-on-one page: reload widgets only", years,
        time(
            runs, [] {}, [&] { page->reload(); }));
    report("One-on-one page: layout + paint only", years,
        time(
            runs, [&] { page->reload(); }, [&] { settle(window); }));
    report("Whole window: full repaint", years,
        time(
            runs, [] {}, [&] { window.repaint(); }));

    gui::YearGridView* grid = page->yearGrid();
    const core::YearGrid yearData = grid->grid();
    report("Year grid: draw 4 x 365 days", years,
        time(
            runs, [] {},
            [&] {
                grid->setGrid(yearData, kToday);
                grid->repaint();
            }));
    report("Year grid: repaint (cached)", years,
        time(
            runs, [] {}, [&] { grid->repaint(); }));
    report("Year grid: tooltip of a day", years,
        time(
            runs, [] {},
            [&] {
                const QString text = grid->tooltipFor(0, 300);
                if (text.isEmpty())
                    std::fprintf(stderr, "empty tooltip\n");
            }));
}

} // namespace

int main(int argc, char** argv)
{
    ::umask(077);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // never the parent's own settings
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("attune-gui-bench"));
    QTemporaryDir folder;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder.path());
    spdlog::set_level(spdlog::level::warn);
    gui::applyTheme(app);

    int runs = 25;
    const QStringList args = QApplication::arguments();
    if (const auto index = args.indexOf(QStringLiteral("--runs")); index >= 0 && index + 1 < args.size())
        runs = std::max(1, args.at(index + 1).toInt());

    BenchClock clock;
    QuietPrompts prompts;
    std::printf("# attune_gui_bench: %d runs per step, window 1280x800, platform %s\n", runs,
        qPrintable(QGuiApplication::platformName()));
    std::printf("| %-40s | %3s | %7s | %7s | %7s |\n", "step (ms, median)", "yrs", "wall", "CPU", "worst");
    std::vector<int> histories { 1, 10 };
    if (const auto index = args.indexOf(QStringLiteral("--years")); index >= 0 && index + 1 < args.size())
        histories = { std::clamp(args.at(index + 1).toInt(), 1, 30) };
    for (const int years : histories)
        run(folder.path(), years, runs, clock, prompts);
    return 0;
}
