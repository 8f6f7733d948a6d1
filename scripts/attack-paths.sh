#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Tries, as an attacker (or a tired parent with a typo) would, every attune-cli command that
# writes a path it is given — export --format json|csv|md|pdf --out, backup --out — against:
# the open database, its -wal, -shm and .lock, a backup, a renamed copy of one, the database
# through a symlink, a hard link and "..", symlinks planted at the temporary names a writer
# might use, a read-only folder, and a full disk (a small tmpfs; root only, skipped with a
# message otherwise). After each try: the command failed with its documented exit code
# (README "Exit codes"), nothing was left behind, the database is byte-identical and passes
# `attune-cli check`.
#
#   scripts/attack-paths.sh [--long] ATTUNE_CLI [ATTUNE_APP]
#
# ctest runs the short mode (a 1-year demo, each try once, well under two minutes). --long uses
# the 10-year 4-child demo, tries every attack 10 times and adds a -wal held open by a reader.
# ATTUNE_APP (the desktop app, which lays out PDFs) is optional: without it the PDF tries are
# skipped with a message. Exit 0 when every try held, 1 otherwise. Result: docs/reliability.md.
set -uo pipefail

long=0
if [ "${1:-}" = "--long" ]; then
  long=1
  shift
fi
cli=${1:?usage: attack-paths.sh [--long] ATTUNE_CLI [ATTUNE_APP]}
app=${2:-}
[ -x "$cli" ] || { echo "no attune-cli at $cli" >&2; exit 1; }

# The documented exit codes (src/cli/ExitCodes.h).
ATTUNE_FILE=20
ALREADY_THERE=21
WRONG_PLACE=22
READ_ONLY=23
DISK_FULL=24

work=$(mktemp -d "${TMPDIR:-/tmp}/attune-attack-XXXXXX")
mounts=()
cleanup() {
  for mount in "${mounts[@]}"; do umount -l "$mount" 2>/dev/null; done
  chmod -R u+w "$work" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CACHE_HOME="$work/home/cache"
mkdir -p "$HOME"
if [ -n "$app" ]; then export ATTUNE_APP="$app"; else export ATTUNE_APP="$work/no-app"; fi
db="$work/family.sqlite"
tries=0
held=0
failures=0
skipped=()

say() { printf '%s\n' "$*"; }
fail() {
  failures=$((failures + 1))
  say "FAILED: $*"
}
run() { "$cli" --database "$db" "$@" >"$work/out.txt" 2>&1; }
fingerprint() { sha256sum "$db" | cut -d' ' -f1; }

# One try: `expected` exit code from `attune-cli ARGS…`, then the database must be unchanged.
attack() {
  local what=$1 expected=$2
  shift 2
  local before after code
  before=$(fingerprint)
  run "$@"
  code=$?
  after=$(fingerprint)
  tries=$((tries + 1))
  if [ "$code" -ne "$expected" ]; then
    fail "$what: exit $code, expected $expected: $(head -c 300 "$work/out.txt")"
  elif [ "$before" != "$after" ]; then
    fail "$what: the database changed"
  else
    held=$((held + 1))
  fi
}

# Every writer of a path, against one target. `folderCode` is for backup --out, whose target
# is a folder (a file that is there gives WRONG_PLACE, an Attune file ATTUNE_FILE).
every_writer() {
  local label=$1 target=$2 code=$3 folderCode=${4:-$3}
  for format in json csv md; do
    attack "export $format over $label" "$code" export --format "$format" --out "$target" --overwrite
  done
  if [ -n "$app" ]; then
    attack "export pdf over $label" "$code" export --format pdf --out "$target" --overwrite
  fi
  attack "backup --out $label" "$folderCode" backup --out "$target"
}

check_whole() {
  if ! run check --backups "$work/backups"; then
    fail "check after the attacks: $(cat "$work/out.txt")"
  fi
  if [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" != "ok" ]; then
    fail "integrity_check after the attacks"
  fi
}

years=1 children=2 rounds=1
[ "$long" -eq 1 ] && years=10 children=4 rounds=10
say "attack-paths: $([ $long -eq 1 ] && echo long || echo short) mode, a ${years}-year ${children}-child demo, $rounds round(s)"
[ -n "$app" ] || skipped+=("PDF (no ATTUNE_APP given)")
"$cli" --database "$db" demo --years "$years" --children "$children" >/dev/null || { echo "demo failed" >&2; exit 1; }
"$cli" --database "$db" backup --out "$work/backups" >/dev/null || { echo "backup failed" >&2; exit 1; }
backup=$(ls "$work"/backups/attune-*.sqlite | head -n 1)
backup_sum=$(sha256sum "$backup" | cut -d' ' -f1)
cp "$backup" "$work/holiday-notes.txt"
mkdir -p "$work/sub"
ln -s "$db" "$work/link.json"
ln "$db" "$work/hard.json"

for round in $(seq 1 "$rounds"); do
  # Attune's own files, however spelled.
  every_writer "the open database" "$db" $ATTUNE_FILE
  every_writer "the database via .." "$work/sub/../family.sqlite" $ATTUNE_FILE
  every_writer "a symlink to the database" "$work/link.json" $ATTUNE_FILE
  every_writer "a hard link to the database" "$work/hard.json" $ATTUNE_FILE
  for companion in -wal -shm -journal .lock; do
    every_writer "its $companion" "$db$companion" $ATTUNE_FILE
    [ -e "$db$companion" ] && [ "$companion" != -wal ] && [ "$companion" != -shm ] && fail "$db$companion was made"
  done
  every_writer "a backup" "$backup" $ATTUNE_FILE
  every_writer "a renamed backup" "$work/holiday-notes.txt" $ATTUNE_FILE
  every_writer "a backup's -journal" "$backup-journal" $ATTUNE_FILE
  [ "$(sha256sum "$backup" | cut -d' ' -f1)" = "$backup_sum" ] || fail "the backup changed"

  # An ordinary file is replaced only with --overwrite.
  echo "my own notes" >"$work/notes.md"
  attack "md over an ordinary file, no --overwrite" $ALREADY_THERE export --format md --out "$work/notes.md"
  [ "$(cat "$work/notes.md")" = "my own notes" ] || fail "notes.md was replaced without --overwrite"
  attack "md over an ordinary file with --overwrite" 0 export --format md --out "$work/notes.md" --overwrite
  mkdir -p "$work/mixed" && echo dear >"$work/mixed/letter.txt"
  attack "csv into a folder with other files" $WRONG_PLACE export --format csv --out "$work/mixed" --overwrite
  [ "$(ls "$work/mixed")" = "letter.txt" ] || fail "the CSV files were mixed into a folder with other files"

  # Symlinks planted at every temporary name a writer might use.
  echo precious >"$work/victim.txt"
  rm -rf "$work/planted" && mkdir -p "$work/planted"
  for name in out.json out.md out.pdf sheets; do
    for suffix in .partial .tmp '~' .new .partial-0 .partial-aaaaaaaaaaaa; do
      ln -s "$work/victim.txt" "$work/planted/$name$suffix"
      ln -s "$work/victim.txt" "$work/planted/.$name$suffix"
    done
  done
  attack "json with planted temporary names" 0 export --format json --out "$work/planted/out.json"
  attack "md with planted temporary names" 0 export --format md --out "$work/planted/out.md"
  attack "csv with planted temporary names" 0 export --format csv --out "$work/planted/sheets"
  [ -n "$app" ] && attack "pdf with planted temporary names" 0 export --format pdf --out "$work/planted/out.pdf"
  attack "backup with planted temporary names" 0 backup --out "$work/planted"
  [ "$(cat "$work/victim.txt")" = precious ] || fail "a planted symlink redirected a write"
  leftovers=$(find "$work/planted" -name '*partial*' ! -type l | wc -l)
  [ "$leftovers" -eq 0 ] || fail "temporary files left behind: $leftovers"

  # A read-only folder (a read-only tmpfs for root, who ignores permissions).
  mkdir -p "$work/ro"
  if [ "$(id -u)" -eq 0 ]; then
    if mount -t tmpfs -o size=1m,ro tmpfs "$work/ro" 2>/dev/null; then mounts+=("$work/ro"); fi
  else
    chmod 555 "$work/ro"
  fi
  every_writer "a read-only folder" "$work/ro/out" $READ_ONLY
  [ -z "$(ls -A "$work/ro")" ] || fail "something was written into the read-only folder"

  # A full disk (root only: a small tmpfs), for every writer; and the database on it.
  if [ "$(id -u)" -eq 0 ] && [ "$round" -eq 1 ]; then
    mkdir -p "$work/full"
    if mount -t tmpfs -o size=512k tmpfs "$work/full" 2>/dev/null; then
      mounts+=("$work/full")
      dd if=/dev/zero of="$work/full/ballast" bs=4k >/dev/null 2>&1
      for format in json csv md; do
        attack "export $format onto a full disk" $DISK_FULL export --format "$format" --out "$work/full/out-$format"
      done
      [ -n "$app" ] && attack "export pdf onto a full disk (the app says why)" 1 export --format pdf --out "$work/full/out.pdf"
      attack "backup onto a full disk" $DISK_FULL backup --out "$work/full/backups"
      [ "$(ls -A "$work/full" | tr '\n' ' ')" = "backups ballast " ] || [ "$(ls -A "$work/full")" = ballast ] \
        || fail "a full disk was left with pieces: $(ls -A "$work/full" | tr '\n' ' ')"
      [ -z "$(ls -A "$work/full/backups" 2>/dev/null)" ] || fail "a partial backup on the full disk"
    else
      skipped+=("full disk (mounting a tmpfs failed)")
    fi
  elif [ "$(id -u)" -ne 0 ]; then
    [ "$round" -eq 1 ] && skipped+=("full disk (needs root to mount a small tmpfs)")
  fi
done

if [ "$long" -eq 1 ]; then
  # A -wal that is really there: a reader holds a snapshot, so the writer's close leaves it.
  (echo "BEGIN; SELECT count(*) FROM children;"; sleep 8) | sqlite3 "$db" >/dev/null &
  reader=$!
  sleep 0.5
  "$cli" --database "$db" child add "Noor" >/dev/null 2>&1
  if [ -s "$db-wal" ]; then
    every_writer "a live -wal" "$db-wal" $ATTUNE_FILE
  else
    skipped+=("a live -wal (the reader did not keep it)")
  fi
  wait "$reader"
fi

# ---------------------------------------------------------------------------------------------
# Every writer while the app holds the file is tried by scripts/attack-writers.sh (its own ctest,
# `attack_writers`): each must exit 75 and leave the file and its WAL byte for byte as they were.
# ---------------------------------------------------------------------------------------------

check_whole
for reason in "${skipped[@]}"; do say "skipped: $reason"; done
say "attack-paths: $tries tries, $held held, $failures failed"
[ "$failures" -eq 0 ]
