#!/usr/bin/env bash
# The benchmark: builds the page with its benchmark hooks, then measures it in headless
# Chromium against the development backend and a synthetic Prometheus, beside uPlot and
# Perses' own dashboard page built from npm in the same run, and prints one table with the
# ratios and targets. It asserts nothing.
#
#   OBS_BENCH_RUNS=3             runs per case (the median is printed)
#   OBS_BENCH_ONLY=charts        only the chart cases (or =dashboards)
#   OBS_BENCH_JSON=FILE          where the raw figures go (default: in $OBS_CACHE/bench)
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

# Perses' own page (crates/e2e/perses-page), built from the npm @perses-dev packages its
# package-lock.json pins, in the cache: installed again only when the lock file changes.
perses_src="$OBS_ROOT/crates/e2e/perses-page"
perses_dir="$OBS_CACHE/perses-page"
mkdir -p "$perses_dir"
if ! cmp -s "$perses_src/package-lock.json" "$perses_dir/installed-lock.json"; then
  printf '\033[1m==> npm: installing the @perses-dev packages for the Perses page\033[0m\n' >&2
  cp "$perses_src/package.json" "$perses_src/package-lock.json" "$perses_dir/"
  (cd "$perses_dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$perses_src/package-lock.json" "$perses_dir/installed-lock.json"
fi
rm -rf "$perses_dir/src"
cp -r "$perses_src/src" "$perses_src/build.mjs" "$perses_src/index.html" "$perses_dir/"
printf '\033[1m==> building the Perses page\033[0m\n' >&2
(cd "$perses_dir" && node build.mjs "$perses_dir/dist")
export OBS_BENCH_PERSES="$perses_dir/dist"
mkdir -p "$OBS_CACHE/bench"
export OBS_BENCH_JSON="${OBS_BENCH_JSON:-$OBS_CACHE/bench/figures-$(date -u +%Y%m%dT%H%M%SZ).json}"
printf '\033[1m==> building the page with the benchmark hooks\033[0m\n' >&2
# obs-split keeps the main module with its names, for the sizes per crate below.
split_keep="$OBS_CACHE/bench/split"
OBS_SPLIT_KEEP="$split_keep" page_build trunk build --release --locked --features bench,split --dist "$bench_dist"

printf '\033[1m==> measuring\033[0m\n' >&2
# Optimised (the `server` profile): the development backend in front of both pages must not be
# what they wait for, as a cluster's would not be; its debug build took 100 ms per list.
OBS_BENCH_DIST="$bench_dist" cargo run --quiet --locked --profile server -p obs-e2e --bin bench
printf 'With the benchmark hooks:\n'
"$(dirname "${BASH_SOURCE[0]}")/bundle-size.sh" "$bench_dist" --print

# Where the bytes are: the main module (the first download, the panel chunks split off), per
# crate (twiggy, from the crates registry).
TWIGGY_VERSION=0.8.0
if ! "$OBS_TOOLS/bin/twiggy" --version 2>/dev/null | grep -q " $TWIGGY_VERSION$"; then
  printf '\033[1m==> cargo: installing twiggy %s\033[0m\n' "$TWIGGY_VERSION" >&2
  CARGO_TARGET_DIR="$OBS_CACHE/install-target" cargo install --quiet --locked --root "$OBS_TOOLS" twiggy --version "$TWIGGY_VERSION"
fi
"$OBS_TOOLS/bin/twiggy" top -n 1000000 -f csv "$split_keep/main.wasm" |
  python3 "$(dirname "${BASH_SOURCE[0]}")/wasm-sizes.py" 15
./scripts/bench-lint.sh
