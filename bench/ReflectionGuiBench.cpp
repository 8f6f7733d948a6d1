// SPDX-License-Identifier: MIT
// Timed offscreen GUI benchmark of the "ask why" reflection and the Plans page, on the demo
// family every benchmark uses (10 years, 4 children, seed 1, today 2026-11-28), on disk with
// the app's settings, so an autosaved keystroke includes its real commit.
#include "common/Prompts.h"
#include "common/Workspace.h"
#include "plans/PlansPage.h"
#include "reflection/ReflectionWizard.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Demo.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QTextCursor>

#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

using namespace attune;

namespace {

class BenchClock final : public core::Clock {
public:
    core::TimestampMs nowMs() const override { return 1'795'000'000'000; }
    std::string today() const override { return "2026-11-28"; }
};

BenchClock g_clock;
gui::QtPrompts g_prompts;
std::unique_ptr<gui::Workspace> g_workspace;
core::Id g_child = 0;

gui::Workspace& workspace()
{
    if (g_workspace)
        return *g_workspace;
    const auto folder = std::filesystem::temp_directory_path() / ("attune-gui-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const auto path = folder / "demo-10y.sqlite";
    {
        core::Database db = core::Database::create(path);
        core::Store store(db, g_clock);
        store.setActor(core::Family(store).caregivers().front().meta.uuid);
        core::DemoOptions options;
        options.years = 10;
        options.children = 4;
        options.seed = 1;
        options.today = g_clock.today();
        core::generateDemo(store, options);
        db.close();
    }
    g_workspace = std::make_unique<gui::Workspace>(core::Database::open(path), g_clock, g_prompts);
    g_child = g_workspace->family().children().front().id;
    return *g_workspace;
}

void BM_OpenReflectionFlow(benchmark::State& state)
{
    gui::Workspace& ws = workspace();
    for (auto _ : state) {
        gui::ReflectionWizard wizard(ws, g_child);
        wizard.show();
        QApplication::processEvents();
    }
}
BENCHMARK(BM_OpenReflectionFlow)->Unit(benchmark::kMillisecond);

void BM_MoveBetweenSteps(benchmark::State& state)
{
    gui::Workspace& ws = workspace();
    gui::ReflectionWizard wizard(ws, g_child);
    wizard.show();
    int step = 0;
    for (auto _ : state) {
        step = (step + 1) % gui::ReflectionWizard::kStepCount;
        wizard.goToStep(step);
        QApplication::processEvents(); // the new page is laid out and painted
    }
    wizard.close();
}
BENCHMARK(BM_MoveBetweenSteps)->Unit(benchmark::kMillisecond);

// The first visit of a step builds its page; "Ask why" (step 4) and "How my child felt"
// (step 3) are the largest.
void BM_FirstVisitOfAStep(benchmark::State& state)
{
    gui::Workspace& ws = workspace();
    const int step = static_cast<int>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        auto wizard = std::make_unique<gui::ReflectionWizard>(ws, g_child);
        wizard->show();
        QApplication::processEvents();
        state.ResumeTiming();
        wizard->goToStep(step);
        QApplication::processEvents();
        state.PauseTiming();
        wizard.reset();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_FirstVisitOfAStep)->Arg(3)->Arg(4)->Unit(benchmark::kMillisecond);

// One keystroke in "what happened" and its autosave (the debounce flushed at once).
void BM_AutosaveKeystroke(benchmark::State& state)
{
    gui::Workspace& ws = workspace();
    gui::ReflectionWizard wizard(ws, g_child);
    wizard.show();
    wizard.goToStep(2);
    auto* edit = wizard.findChild<QPlainTextEdit*>(QStringLiteral("whatHappened"));
    edit->setPlainText(QStringLiteral("We were late and I snapped. "));
    wizard.flush();
    for (auto _ : state) {
        edit->moveCursor(QTextCursor::End);
        edit->insertPlainText(QStringLiteral("a"));
        wizard.flush();
    }
    wizard.close();
}
BENCHMARK(BM_AutosaveKeystroke)->Unit(benchmark::kMillisecond);

void BM_OpenPlansPage(benchmark::State& state)
{
    gui::Workspace& ws = workspace();
    gui::PlansPage page(ws);
    page.resize(1000, 700);
    page.show();
    for (auto _ : state) {
        page.setChild(g_child);
        QApplication::processEvents();
    }
}
BENCHMARK(BM_OpenPlansPage)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    spdlog::set_level(spdlog::level::warn);
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_workspace.reset();
    return 0;
}
