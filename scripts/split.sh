#!/usr/bin/env bash
# trunk's post_build hook (Trunk.toml), before remoteEntry.js is written: splits a build with
# the `split` feature into its main module and the chunks loaded on first use (obs-split,
# crates/split). A build without the feature (a plain `trunk serve` or `trunk build`) has no
# split points and is left as trunk made it.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?TRUNK_STAGING_DIR is not set: trunk runs this script as a post_build hook}"
glue=$(sed -n "s/.*import init, \* as bindings from '\([^']*\)'.*/\1/p" "$staging/index.html" | head -n 1)
glue="${glue##*/}"
if [ -z "$glue" ] || [ ! -f "$staging/$glue" ]; then
  echo "split.sh: the built index.html names no wasm-bindgen module in $staging" >&2
  exit 1
fi
# grep says 1 for "no split points" and 2 for a file it cannot read, which is an error.
status=0
grep -q __wasm_split_placeholder__ "$staging/$glue" || status=$?
case "$status" in
  0) ;;
  1) exit 0 ;;
  *) echo "split.sh: cannot read $staging/$glue" >&2; exit 1 ;;
esac
profile=debug
[ "${TRUNK_PROFILE:-}" = release ] && profile=release
target_dir="${CARGO_TARGET_DIR:-${TRUNK_SOURCE_DIR:-.}/target}"
splitter="$target_dir/debug/obs-split"
if [ ! -x "$splitter" ]; then
  echo "split.sh: this build has lazily loaded chunks (the split feature) and needs $splitter:" >&2
  echo "  build the page with page_build (scripts/env.sh), or run: cargo build -p obs-split" >&2
  exit 1
fi
"$splitter" "$staging" "$target_dir/wasm32-unknown-unknown/$profile/odh-observability.wasm" \
  "${TRUNK_HTML_FILE:-${TRUNK_SOURCE_DIR:-.}/index.html}"
