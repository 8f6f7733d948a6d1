#!/bin/sh
# SPDX-License-Identifier: MIT
# libFuzzer over the JSON importer (fuzz/ImportFuzzer.cpp) with AddressSanitizer and UBSan, for
# SECONDS (default 600), starting from small real exports. Needs clang (the fuzz preset).
# Result of the last run: docs/testing.md.
set -eu
seconds="${1:-600}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
cmake --preset fuzz >/dev/null
cmake --build build/fuzz -j"$(nproc)"
work="build/fuzz/work"
corpus="$work/corpus"
mkdir -p "$corpus" "$work/crashes"
cli="build/fuzz/src/cli/attune-cli"
seed="$work/seed.sqlite"
if [ ! -e "$corpus/.seeded" ]; then
    rm -f "$seed" "$seed-wal" "$seed-shm"
    export ASAN_OPTIONS=detect_leaks=0
    "$cli" --database "$seed" init >/dev/null
    "$cli" --database "$seed" export --format json --out "$corpus/empty.json" >/dev/null
    "$cli" --database "$seed" child add "Maya" --birth-date 2019-04-02 >/dev/null
    "$cli" --database "$seed" log --child Maya --minutes 15 --activity "Lego" >/dev/null
    "$cli" --database "$seed" notebook add --child Maya --section strengths "Patient builder" >/dev/null
    "$cli" --database "$seed" export --format json --out "$corpus/small.json" >/dev/null
    touch "$corpus/.seeded"
fi
echo "fuzzing the importer for $seconds s"
build/fuzz/fuzz/attune_import_fuzzer "$corpus" -dict=fuzz/json.dict -max_len=16384 -max_total_time="$seconds" \
    -artifact_prefix="$work/crashes/" -print_final_stats=1 2>&1 | grep -E '^#[0-9]+.*(DONE|pulse)|stat::|ERROR|SUMMARY|crash|Test unit'
