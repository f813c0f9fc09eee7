#!/usr/bin/env bash
# Runs every test of the project: formatting, clippy (native and wasm32), native unit and
# integration tests, and the wasm-bindgen tests in headless Chromium. Installs what is missing
# first (scripts/setup.sh), so it works on a fresh machine and is quick on a warm one.
set -euo pipefail
"$(dirname "${BASH_SOURCE[0]}")/setup.sh"
OBS_SCRIPT=1 source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$OBS_ROOT"

started=$(date +%s)
step() { printf '\n\033[1m==> %s\033[0m (%ss)\n' "$*" "$(($(date +%s) - started))" >&2; }

step "rustfmt"
cargo fmt --all -- --check

step "clippy, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy, wasm32"
# cargo-clippy is called directly: `cargo clippy` would find rustup's cargo-clippy in
# $CARGO_HOME/bin before Debian's on PATH, and rustup's cannot build Debian's std.
wasm cargo-clippy clippy -p odh-observability --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
# The benchmark hooks (scripts/bench.sh) and the split points of the release page's panel
# chunks (src/panel/chunks/mod.rs) must pass too.
wasm cargo-clippy clippy -p odh-observability --target wasm32-unknown-unknown --features bench,split --locked -- -D warnings

step "native tests"
cargo test --workspace --locked

step "wasm tests in headless Chromium"
wasm cargo test -p odh-observability --target wasm32-unknown-unknown --locked

step "building the page (the standalone page and the ODH shell's remote), the test host and Perses' functions"
# The page is built once, as serve.sh builds it, into the cache so the clone stays clean; the
# same build is the standalone page and the ODH shell's remote. The test host stands in for
# the shell (scripts/build-host.sh).
e2e_dist="$OBS_CACHE/e2e-dist"
page_build trunk build --release --locked --features split --dist "$e2e_dist"
# What the browser downloads may not grow past its budget (a byte count, deterministic).
"$OBS_ROOT/scripts/bundle-size.sh" "$e2e_dist"
"$OBS_ROOT/scripts/build-host.sh"
# Perses' own functions from npm, for the differential test of the core (perses_diff).
"$OBS_ROOT/scripts/build-perses-diff.sh"

step "deployment: manifests against the Kubernetes schemas, and deploy/nginx.conf serving the build"
"$OBS_ROOT/scripts/check-deploy.sh" "$e2e_dist"

step "end-to-end and in the ODH shell: headless Chromium, development backend, real Prometheus"
OBS_E2E_DIST="$e2e_dist" OBS_E2E_HOST="$OBS_CACHE/host-dist" \
  OBS_PERSES_DIFF="$OBS_CACHE/perses-diff/perses-diff.js" \
  cargo test -p obs-e2e --locked -- --ignored --nocapture

step "all tests passed"
