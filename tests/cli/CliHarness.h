// SPDX-License-Identifier: MIT
// Runs the real attune-cli binary against a file in a temporary folder.
#pragma once

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace attune::test {

struct CliRun {
    int exitCode = -1;
    std::string output; // stdout and stderr together
    bool has(const std::string& text) const { return output.find(text) != std::string::npos; }
};

class CliHarness : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path db = dir / "family.sqlite";

    CliRun cli(const std::string& arguments) { return cliOn(db, arguments); }

    CliRun cliOn(const std::filesystem::path& file, const std::string& arguments)
    {
        // HOME points into the temp dir so logs never land in the real one.
        const std::string command = "HOME='" + dir.path().string() + "' XDG_DATA_HOME='" + (dir / "data").string()
                                  + "' " + ATTUNE_CLI + " --database '" + file.string() + "' " + arguments + " 2>&1";
        CliRun run;
        FILE* pipe = ::popen(command.c_str(), "r");
        std::array<char, 4096> buffer{};
        while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
            run.output.append(buffer.data(), n);
        const int status = ::pclose(pipe);
        run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return run;
    }
};

} // namespace attune::test
