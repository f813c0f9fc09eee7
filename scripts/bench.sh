#!/usr/bin/env bash
# The benchmark: builds the page with its benchmark hooks, then measures it in headless
# Chromium against the development backend and a synthetic Prometheus, and prints the
# figures beside the anchors of the shared performance reference. It asserts nothing.
#
#   OBS_BENCH_RUNS=3   runs per case (the median is printed)
set -euo pipefail
"$(dirname "${BASH_SOURCE[0]}")/setup.sh"
OBS_SCRIPT=1 source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$OBS_ROOT"

bench_dist="$OBS_CACHE/bench-dist"

# uPlot, measured beside the plugin in the same browser and run (the anchors were measured
# on another machine): installed from npm into the cache once.
UPLOT_VERSION=1.6.32
uplot_dir="$OBS_CACHE/uplot-$UPLOT_VERSION"
if [ ! -f "$uplot_dir/node_modules/uplot/dist/uPlot.iife.min.js" ]; then
  printf '\033[1m==> npm: installing uplot@%s for the side-by-side figures\033[0m\n' "$UPLOT_VERSION" >&2
  npm install --prefix "$uplot_dir" --no-audit --no-fund --loglevel=error "uplot@$UPLOT_VERSION"
fi
export OBS_BENCH_UPLOT="$uplot_dir/node_modules/uplot/dist"
printf '\033[1m==> building the page with the benchmark hooks\033[0m\n' >&2
wasm trunk build --release --locked --features bench --dist "$bench_dist"

printf '\033[1m==> measuring\033[0m\n' >&2
OBS_BENCH_DIST="$bench_dist" cargo run --quiet --locked -p obs-e2e --bin bench
printf 'With the benchmark hooks:\n'
"$(dirname "${BASH_SOURCE[0]}")/bundle-size.sh" "$bench_dist" --print

# Where the bytes are: the module cargo built, per crate (twiggy, from the crates registry).
TWIGGY_VERSION=0.8.0
if ! "$OBS_TOOLS/bin/twiggy" --version 2>/dev/null | grep -q " $TWIGGY_VERSION$"; then
  printf '\033[1m==> cargo: installing twiggy %s\033[0m\n' "$TWIGGY_VERSION" >&2
  CARGO_TARGET_DIR="$OBS_CACHE/install-target" cargo install --quiet --locked --root "$OBS_TOOLS" twiggy --version "$TWIGGY_VERSION"
fi
"$OBS_TOOLS/bin/twiggy" top -n 1000000 -f csv "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/odh-observability.wasm" |
  python3 "$(dirname "${BASH_SOURCE[0]}")/wasm-sizes.py" 15
./scripts/bench-lint.sh
