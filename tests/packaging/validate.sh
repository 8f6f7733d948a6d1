#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The launcher entry and the AppStream metadata pass the validators distributions use.
# Exits 77 (ctest: skipped) when a validator is not installed (scripts/deps.sh installs both).
set -euo pipefail
dir=${1:?usage: validate.sh PACKAGING_DIR}

for tool in desktop-file-validate appstreamcli; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: $tool is not installed (desktop-file-utils, appstream)"
    exit 77
  fi
done
desktop-file-validate "$dir/attune.desktop"
appstreamcli validate --no-net "$dir/attune.metainfo.xml"
echo "attune.desktop and attune.metainfo.xml are valid"
