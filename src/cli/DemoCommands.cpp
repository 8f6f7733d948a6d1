// SPDX-License-Identifier: MIT
// attune-cli demo
#include "CliContext.h"

#include "attune/core/Dates.h"
#include "attune/core/Demo.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>

namespace attune::cli {

namespace {

void runDemo(CliContext& context, const core::DemoOptions& options)
{
    // Bad options are refused before a file is created for them.
    if (auto errors = core::validateDemoOptions(options); !errors.empty())
        throw core::ValidationError(std::move(errors));
    bool wasCreated = false;
    core::Store& store = context.storeCreatingFile(&wasCreated);
    const auto started = std::chrono::steady_clock::now();
    const core::DemoSummary summary = core::generateDemo(store, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    fmt::print("{} a demo family {} {} (seed {}).\n", wasCreated ? "Created" : "Added",
               wasCreated ? "in a new file at" : "to", context.databasePath().string(), options.seed);
    fmt::print("History: {} to {} ({} {}).\n", summary.firstDay, summary.lastDay, options.years,
               options.years == 1 ? "year" : "years");
    std::string children;
    for (const auto& child : core::Family(store).children()) {
        const auto age = core::ageInYears(child.birthDate, summary.lastDay);
        children += fmt::format("{}{} ({})", children.empty() ? "" : ", ", child.name, age ? *age : 0);
    }
    fmt::print("Children: {}.\n", children);
    for (const auto& [what, count] : summary.counts)
        fmt::print("  {:<22} {:>7}\n", what, count);
    fmt::print("Took {:.1f} s.\n", seconds);
}

} // namespace

void addDemoCommands(CLI::App& app, CliContext& context)
{
    auto options = std::make_shared<core::DemoOptions>();
    CLI::App* demo = app.add_subcommand("demo", "Create a demo family with years of history (for trying Attune "
                                                "out; only in a file without children)");
    demo->add_option("--years", options->years, "Years of history, 1-30")->capture_default_str();
    demo->add_option("--children", options->children, "Children, 1-8")->capture_default_str();
    demo->add_option("--seed", options->seed, "Same seed, same family")->capture_default_str();
    demo->callback([&context, options] { runDemo(context, *options); });
}

} // namespace attune::cli
