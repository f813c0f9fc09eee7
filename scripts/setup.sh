#!/usr/bin/env bash
# Installs everything this project needs on a Debian machine that has rustup's host toolchain,
# idempotently: each step checks first and does nothing when its tool is already there.
#
#   Debian packages   chromium, chromium-driver (browser tests), prometheus (development backend)
#   wasm32 std        rustup's target when it can be downloaded, else Debian's rustc-web with
#                     build-std (see ../shared/TOOLCHAIN.md, reproduced in CONTRIBUTING.md)
#   crates registry   trunk and wasm-bindgen-cli at pinned versions, into $OBS_CACHE/tools
#   npm               binaryen 132 (wasm-opt); never Debian's binaryen 108, which breaks the
#                     externref table at run time
#   deployment checks nginx, openssl, kubectl (the image's, else Debian's), and PyPI's
#                     kubernetes-validate and check-jsonschema in a venv
set -euo pipefail
OBS_SCRIPT=1 source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
mkdir -p "$OBS_CACHE" "$OBS_TOOLS"

APT_UPDATED=""
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt: installing ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then
    $SUDO apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. Debian packages used by the tests and the development backend.
apt_install chromium chromium-driver prometheus curl ca-certificates brotli
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

# 2. The host toolchain's components (a minimal rustup profile lacks them).
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  log "rustup: adding rustfmt and clippy"
  rustup component add rustfmt clippy
fi

# 3. The wasm32 standard library: rustup's target if it can be had, else Debian's toolchain.
mode=""
if [ "${OBS_WASM_MODE_FORCE:-}" = debian ]; then
  mode=debian
elif rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown &&
  rustup component list --installed 2>/dev/null | grep -qx rust-src; then
  mode=rustup
else
  # rust-src: the release page compiles the standard library with itself (page_build in env.sh).
  log "rustup: adding the wasm32-unknown-unknown target and rust-src (5 minute limit each)"
  if timeout 300 rustup target add wasm32-unknown-unknown && timeout 300 rustup component add rust-src; then
    mode=rustup
  else
    log "rustup's wasm32 target is unavailable here; using Debian's rustc-web with build-std"
    mode=debian
  fi
fi
if [ "$mode" = debian ]; then
  # lld-22 makes /usr/bin/rust-lld (a link that rust-web-llvm ships dangling) work.
  apt_install rustc-web cargo-web rust-web-src rust-web-clippy rustfmt-web lld-22
fi
echo "$mode" >"$OBS_CACHE/wasm-mode"

# 4. wasm-opt from npm.
if ! "$OBS_BINARYEN/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version_${BINARYEN_NPM_VERSION%%.*}"; then
  log "npm: installing binaryen@$BINARYEN_NPM_VERSION"
  mkdir -p "$OBS_BINARYEN"
  npm install --prefix "$OBS_BINARYEN" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_NPM_VERSION"
fi

# 5. trunk and wasm-bindgen-cli from the crates registry, built by the host toolchain.
#    They get their own target directory so that a failed install never disturbs the project's.
install_crate() { # name version [--locked]
  CARGO_TARGET_DIR="$OBS_CACHE/install-target" cargo install --quiet --root "$OBS_TOOLS" "$1" --version "$2" "${@:3}"
}
if ! "$OBS_TOOLS/bin/trunk" --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  log "cargo: installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  install_crate trunk "$TRUNK_VERSION" --locked
fi
if ! "$OBS_TOOLS/bin/wasm-bindgen" --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  log "cargo: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Its lock file names a webpki-roots release the registry mirror may lack; resolve afresh then.
  install_crate wasm-bindgen-cli "$WASM_BINDGEN_VERSION" --locked ||
    install_crate wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
fi

# 6. The deployment checks (scripts/check-deploy.sh): nginx runs deploy/nginx.conf, kubectl
#    renders the kustomizations, and the Kubernetes schemas come from PyPI into a venv.
apt_install nginx openssl
if ! kubectl kustomize --help >/dev/null 2>&1; then
  apt_install kubernetes-client
fi
if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  apt_install python3 python3-venv
fi
venv="$OBS_CACHE/deploy-venv"
requirements="$OBS_ROOT/scripts/check-deploy.requirements.txt"
if ! cmp -s "$requirements" "$venv/installed-requirements.txt"; then
  log "pip: installing the deployment checks' tools"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/installed-requirements.txt"
fi

# 7. The target directory is shared by every clone. Our own crates bake their checkout's path
#    in (CARGO_MANIFEST_DIR: corpus, dashboards, RBAC file), and cargo keeps a build made from
#    another path when the sources look older, so a clone elsewhere rebuilds them once.
#    Dependencies are kept.
root_file="$CARGO_TARGET_DIR/.obs-root"
if [ -d "$CARGO_TARGET_DIR" ] && [ "$(cat "$root_file" 2>/dev/null)" != "$OBS_ROOT" ]; then
  log "cargo: the target directory was built from another checkout; rebuilding our crates"
  for package in odh-observability obs-core obs-demo obs-devserver obs-e2e; do
    (cd "$OBS_ROOT" && cargo clean --quiet -p "$package" 2>/dev/null) || true
    (cd "$OBS_ROOT" && cargo clean --quiet -p "$package" --target wasm32-unknown-unknown 2>/dev/null) || true
  done
fi
mkdir -p "$CARGO_TARGET_DIR"
printf '%s\n' "$OBS_ROOT" >"$root_file"

log "toolchain ready (wasm32 std from $mode; cache $OBS_CACHE)"
