# shellcheck shell=bash
# Environment for every build and test of this project. Source it to run the tools by hand:
#
#   source scripts/env.sh && trunk serve
#
# It only exports variables: scripts/setup.sh installs what they point to.
# Everything that is slow to make (installed tools, cargo's target directory) lives in a cache
# outside the clone, so a fresh clone reuses it and `git clean` never throws it away.

OBS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export OBS_ROOT
export OBS_CACHE="${OBS_CACHE:-$HOME/.cache/odh-obs}"
export OBS_TOOLS="$OBS_CACHE/tools"              # cargo install --root: trunk, wasm-bindgen
export OBS_BINARYEN="$OBS_CACHE/npm-binaryen"    # npm binaryen (wasm-opt)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$OBS_CACHE/target}"

# Pinned tool versions. WASM_BINDGEN_VERSION must equal the `wasm-bindgen = "=…"` pin in
# Cargo.toml and `[tools] wasm_bindgen` in Trunk.toml; trunk refuses to build otherwise.
export TRUNK_VERSION=0.21.14
export WASM_BINDGEN_VERSION=0.2.130
export BINARYEN_NPM_VERSION=132.0.0

export PATH="$OBS_TOOLS/bin:$OBS_BINARYEN/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

# How the wasm32 standard library is provided, as decided by scripts/setup.sh:
#   rustup: rustup's prebuilt wasm32-unknown-unknown target (fast to build with);
#   debian: Debian's rustc-web + rust-web-src with -Zbuild-std (registries only).
OBS_WASM_MODE=$(cat "$OBS_CACHE/wasm-mode" 2>/dev/null || echo rustup)
export OBS_WASM_MODE

# Runs a command with the wasm32 toolchain. In debian mode cargo and rustc come from
# /usr/bin and std is rebuilt from source; in rustup mode nothing changes.
wasm() {
  if [ "$OBS_WASM_MODE" = debian ]; then
    (
      export PATH="$OBS_TOOLS/bin:$OBS_BINARYEN/node_modules/.bin:/usr/bin:/usr/local/bin:/bin"
      unset RUSTUP_TOOLCHAIN
      export RUSTC=/usr/bin/rustc
      export RUSTC_BOOTSTRAP=1
      export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
      "$@"
    )
  else
    "$@"
  fi
}

# Runs a release build of the page as the scripts ship it: smaller than a plain
# `trunk build --release` by about 34 KB brotli (ARCHITECTURE.md, Size). The standard library
# is compiled with the page (build-std), so link-time optimisation reaches into it, and a panic
# stops the module on the spot (`-Cpanic=immediate-abort`) instead of formatting a message
# nobody reads in production. Both are unstable options of the stable toolchain, hence
# RUSTC_BOOTSTRAP, as the debian mode already needs for build-std. Such a panic is a
# WebAssembly trap, which the page says with a reload (the script in index.html; in the ODH
# shell, assets/remote-entry.js); debug builds and the component tests keep their messages.
#
# With `--features split` (as the scripts build it) the panels' chunks are split off by trunk's
# hook, scripts/split.sh: the module is linked with its relocations (`--emit-relocs`) for the
# splitter, obs-split, a native tool built here first, outside the wasm toolchain's settings.
page_build() {
  cargo build --quiet --locked -p obs-split || return 1
  wasm env RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Clink-args=--emit-relocs" "$@"
}

# In debian mode, `trunk` typed by a developer in a shell that sourced this file runs with
# the wasm toolchain, so `trunk serve` works the same in both modes.
if [ "$OBS_WASM_MODE" = debian ]; then
  trunk() { wasm command trunk "$@"; }
fi
