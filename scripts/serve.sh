#!/usr/bin/env bash
# Builds the plugin and serves the Observability page locally, installing what is missing first.
# Open the URL it prints. Stop with Ctrl-C.
set -euo pipefail
"$(dirname "${BASH_SOURCE[0]}")/setup.sh"
OBS_SCRIPT=1 source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$OBS_ROOT"

port="${OBS_PORT:-8080}"
printf '\n\033[1m==> building; the page will be at http://127.0.0.1:%s/\033[0m\n\n' "$port" >&2
wasm trunk serve --release --port "$port"
