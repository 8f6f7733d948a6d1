#!/bin/sh
# SPDX-License-Identifier: MIT
# The long crash test: SIGKILL a real writer (tests/core/CrashWriter.cpp) at random moments
# ROUNDS times (default 1,000), checking integrity and every acknowledged record after each
# kill. Needs a built core preset: cmake --preset core && cmake --build build/core -j1
# Result of the last run: docs/reliability.md.
set -eu
rounds="${1:-1000}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tests="${ATTUNE_BUILD_DIR:-$here/build/core}/tests/core/core_tests"
if [ ! -x "$tests" ]; then
    echo "No test binary at $tests; build the core preset first." >&2
    exit 1
fi
echo "crash soak: $rounds kills"
ATTUNE_CRASH_ROUNDS="$rounds" "$tests" --gtest_filter='CrashTest.*' 2>&1 | grep -v '^\[20' | grep -E 'crash test:|OK|FAILED|Failure|round|seed'
