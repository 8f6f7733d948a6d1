#!/bin/sh
# SPDX-License-Identifier: MIT
# One writer per file, tried as an attacker would: every attune-cli command that changes the
# file, run while a real `attune` (offscreen) holds it, must be refused with exit code 75 and
# leave the database and its WAL byte for byte as they were; every read-only command must
# still work. Then: the holder killed with SIGKILL leaves no stale lock; a SIGTERM closes
# cleanly (checkpointed, lock gone); and, as root, a full disk is never "already open".
#
#   scripts/attack-writers.sh BUILD_DIR [ROUNDS]
#
# BUILD_DIR holds src/app/attune and src/cli/attune-cli (default build/dev). ROUNDS (default
# 1) repeats the writer round; CI runs 1 (well under a minute), a longer run is documented in
# docs/reliability.md. Exit 0 when every check held, 1 otherwise.
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/dev}"
rounds="${2:-1}"
app="$build/src/app/attune"
cli="$build/src/cli/attune-cli"
[ -x "$app" ] && [ -x "$cli" ] || { echo "attune and attune-cli are not built in $build" >&2; exit 1; }

work="$(mktemp -d)"
db="$work/family.sqlite"
ready="$work/ready"
pid=""
failures=0
checks=0
cleanup() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
    mountpoint -q "$work/full" 2>/dev/null && umount "$work/full"
    rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" QT_QPA_PLATFORM=offscreen

ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAILED: $*"; }
fingerprint() { cat "$db" "$db-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }
c() { "$cli" --database "$db" "$@"; }

# Starts the app on $db and waits for its ready file (never a fixed sleep).
start_app() {
    rm -f "$ready"
    ATTUNE_READY_FILE="$ready" "$app" --database "$db" >"$work/app.log" 2>&1 &
    pid=$!
    i=0
    while [ ! -s "$ready" ]; do
        i=$((i + 1))
        if [ "$i" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
            echo "attune did not come up:"; cat "$work/app.log"; exit 1
        fi
        sleep 0.1
    done
}

c demo --years 1 --children 2 >/dev/null || { echo "demo failed" >&2; exit 1; }
c export --format json --out "$work/family.json" >/dev/null
c backup --out "$work/backups" >/dev/null
backup="$(ls "$work/backups"/*.sqlite | head -n 1)"
child="$(c child list | awk 'NR == 1 { print $2 }')"

start_app
round=0
while [ "$round" -lt "$rounds" ]; do
    round=$((round + 1))
    before="$(fingerprint)"
    # Every command that changes the file.
    for command in "child add Sam" "log --child $child --minutes 10" "notebook add Kind --child $child" \
        "notebook evidence 1 Noticed" "import $work/family.json" "import $work/family.json --dry-run" \
        "restore $backup --yes" "restore $work/family.json --yes" "backup" "backup --out $work/more" "init" \
        "demo --years 1 --children 1"; do
        # shellcheck disable=SC2086 # the words are the command's arguments
        c $command >"$work/out" 2>&1
        code=$?
        if [ "$code" -eq 75 ] && grep -q "Attune is open on this file" "$work/out"; then ok; else
            bad "'$command' while the app holds the file: exit $code: $(cat "$work/out")"; fi
    done
    [ "$(fingerprint)" = "$before" ] && ok || bad "a refused command changed the file"
    [ ! -e "$work/more" ] && ok || bad "a refused backup made its folder"

    # Every command that only reads.
    for command in "child list" "stats" "notebook list --child $child" "notebook search park" \
        "reflections --child $child" "plans --child $child" "check" \
        "export --format json --out $work/r$round.json" "export --format csv --out $work/csv$round" \
        "export --format md --out $work/r$round.md"; do
        # shellcheck disable=SC2086
        if c $command >"$work/out" 2>&1; then ok; else bad "'$command' beside the app: $(cat "$work/out")"; fi
    done
    [ "$(fingerprint)" = "$before" ] && ok || bad "a reader changed the file"
done

# A crash of the holder leaves the lock file but never the lock.
kill -9 "$pid"; wait "$pid" 2>/dev/null; pid=""
[ -e "$db.lock" ] && ok || bad "expected the lock file left after SIGKILL"
c child add Sam >/dev/null 2>&1 && ok || bad "a writer was kept out by a dead holder's lock"

# SIGTERM: a clean close, checkpointed, lock let go.
start_app
kill -TERM "$pid"; wait "$pid"; code=$?; pid=""
[ "$code" -eq 0 ] && ok || bad "SIGTERM: exit $code"
[ ! -s "$db-wal" ] && ok || bad "SIGTERM: the WAL was not checkpointed"
[ ! -e "$db.lock" ] && ok || bad "SIGTERM: the lock file is still there"

# A full disk is never "already open" (needs root for a small tmpfs).
if [ "$(id -u)" = 0 ] && mkdir -p "$work/full" && mount -t tmpfs -o size=2m tmpfs "$work/full" 2>/dev/null; then
    full="$work/full/family.sqlite"
    "$cli" --database "$full" init >/dev/null
    dd if=/dev/zero of="$work/full/filler" bs=64k 2>/dev/null
    "$app" --database "$full" --screenshots "$work/shots" >"$work/out" 2>&1
    grep -q "already open" "$work/out" && bad "full disk reported as already open: $(cat "$work/out")" || ok
    "$cli" --database "$full" child add Sam >"$work/out" 2>&1
    code=$?
    [ "$code" -ne 75 ] && ok || bad "full disk reported as in use (exit 75)"
    rm -f "$work/full/filler"
    "$cli" --database "$full" check >/dev/null 2>&1 && ok || bad "full disk: the file is not whole afterwards"
    umount "$work/full"
else
    echo "full disk: skipped (needs root for a small tmpfs)"
fi

echo "attack-writers: $checks checks, $failures failed ($rounds round(s))"
[ "$failures" -eq 0 ]
