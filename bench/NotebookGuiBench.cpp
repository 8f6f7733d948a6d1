// SPDX-License-Identifier: MIT
// The notebook as a parent meets it, timed offscreen on the 10-year, 4-child demo family:
// opening a child's notebook page (data, widgets, layout and first paint), one search
// keystroke (query, results and their paint), and the one-page PDF. The core queries under
// them are timed too, so the GUI's own share is visible.
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Theme.h"
#include "common/Workspace.h"
#include "notebook/NotebookPage.h"
#include "notebook/OnePageProfile.h"
#include "notebook/SearchResultsView.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Demo.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/Search.h"
#include "attune/core/Store.h"

#include <QApplication>
#include <QLayout>
#include <QLineEdit>
#include <QPixmap>

#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <sys/stat.h>

using namespace attune;

namespace {

constexpr const char* kToday = "2026-11-28";

class BenchClock final : public core::Clock {
public:
    core::TimestampMs nowMs() const override { return 1'795'000'000'000; }
    std::string today() const override { return kToday; }
};

BenchClock g_clock;
gui::QtPrompts g_prompts; // never asked: nothing here needs a dialog
std::filesystem::path g_folder;
std::unique_ptr<gui::Workspace> g_workspace;
qint64 g_child = 0; // the child with the fullest notebook

void makeFamily()
{
    const auto path = g_folder / "demo-10y.sqlite";
    {
        core::Database db = core::Database::create(path);
        core::Store store(db, g_clock);
        store.setActor(core::Family(store).caregivers().front().meta.uuid);
        core::DemoOptions options;
        options.today = kToday;
        core::generateDemo(store, options);
    }
    g_workspace = std::make_unique<gui::Workspace>(core::Database::open(path), g_clock, g_prompts);
    std::size_t most = 0;
    for (const auto& child : g_workspace->family().children()) {
        std::size_t entries = 0;
        for (const auto& section : g_workspace->notebook().page(child.id).sections)
            entries += section.entries.size();
        if (entries > most) {
            most = entries;
            g_child = child.id;
        }
    }
    std::fprintf(stderr, "demo file: 10 years, 4 children; the fullest notebook has %zu entries\n", most);
}

std::unique_ptr<gui::NotebookPage> shownPage()
{
    auto page = std::make_unique<gui::NotebookPage>(*g_workspace);
    page->resize(1000, 760); // the page's part of a 1280x800 window
    page->show();
    QApplication::processEvents();
    return page;
}

void BM_CoreNotebookPage(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(g_workspace->notebook().page(g_child));
}
BENCHMARK(BM_CoreNotebookPage)->Unit(benchmark::kMillisecond);

void BM_CoreSearch(benchmark::State& state)
{
    const char* query = state.range(0) == 1 ? "l" : "lego";
    for (auto _ : state)
        benchmark::DoNotOptimize(g_workspace->search().find(query, g_child, 50));
    state.SetLabel(std::string("\"") + query + "\"");
}
BENCHMARK(BM_CoreSearch)->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond);

// Choosing the child. /0: until the first screen is painted (data, the sections, the first
// cards, layout, paint). /1: until every card of the notebook is made and laid out.
void BM_OpenNotebookPage(benchmark::State& state)
{
    auto page = shownPage();
    const bool isWhole = state.range(0) == 1;
    for (auto _ : state) {
        page->setChild(g_child);
        if (isWhole) {
            while (!page->hasAllCards())
                QApplication::processEvents();
            page->layout()->activate();
        } else {
            benchmark::DoNotOptimize(page->grab());
        }
        state.PauseTiming();
        page->setChild(0);
        QApplication::processEvents(); // the old cards go
        QApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        state.ResumeTiming();
    }
    state.SetLabel(isWhole ? "every card made and laid out" : "first screen painted");
}
BENCHMARK(BM_OpenNotebookPage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// One keystroke in the search field: the query, the results list and its paint.
void BM_SearchKeystroke(benchmark::State& state)
{
    auto page = shownPage();
    page->setChild(g_child);
    const QStringList typed = {QStringLiteral("l"), QStringLiteral("le"), QStringLiteral("leg"), QStringLiteral("lego")};
    int next = 0;
    for (auto _ : state) {
        page->searchField()->setText(typed[next]);
        next = (next + 1) % static_cast<int>(typed.size());
        QApplication::processEvents(); // the results list is laid out and painted
    }
    state.SetLabel("l, le, leg, lego in turn");
}
BENCHMARK(BM_SearchKeystroke)->Unit(benchmark::kMillisecond);

void BM_OnePagePdf(benchmark::State& state)
{
    const QString path = gui::toQString((g_folder / "profile.pdf").string());
    auto choices = gui::loadProfileChoices(*g_workspace, g_child);
    if (state.range(0) == 1) {
        for (auto& choice : choices)
            choice.isChosen = true; // everything: the page has to shrink its type to fit
    }
    for (auto _ : state) {
        const auto profile = gui::buildOnePageProfile(*g_workspace, g_child, choices);
        if (!gui::writeOnePageProfilePdf(profile, QPageSize::A4, path))
            state.SkipWithError("could not write the PDF");
    }
    state.SetLabel(state.range(0) == 1 ? "everything chosen" : "as first suggested");
}
BENCHMARK(BM_OnePagePdf)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    ::umask(077);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    gui::applyTheme(app); // the app's style sheet: part of what every widget costs
    spdlog::set_level(spdlog::level::warn);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    std::string pattern = (std::filesystem::temp_directory_path() / "attune-gui-bench-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        return 1;
    g_folder = pattern;
    makeFamily();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_workspace.reset();
    std::error_code error;
    std::filesystem::remove_all(g_folder, error);
    return 0;
}
