#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds Attune and starts it on its default database. Extra arguments go to attune,
# e.g. scripts/run.sh --database ~/family.sqlite
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/src/app/attune "$@"
