#!/usr/bin/env bash
# Builds the test host (tests/host): a stand-in for the ODH shell that loads the plugin with
# ODH's own federation runtime, React, React Router and PatternFly from npm, at the versions
# the shell locks. The npm packages and the bundle go into the cache, never into the clone:
#
#   $OBS_CACHE/host-npm    node_modules, from tests/host/package-lock.json (npm ci)
#   $OBS_CACHE/host-dist   index.html, host.js, host.css, PatternFly's fonts and axe.min.js
#
# The development backend serves host-dist as the shell and the plugin's dist/ at
# /_mf/observabilityWasm/ (scripts/serve.sh, the end-to-end tests).
set -euo pipefail
OBS_SCRIPT=1 source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$OBS_ROOT"

npm_dir="$OBS_CACHE/host-npm"
dist="$OBS_CACHE/host-dist"
mkdir -p "$npm_dir"
# Reinstall only when the lock file changed.
if ! cmp -s tests/host/package-lock.json "$npm_dir/package-lock.json" || [ ! -d "$npm_dir/node_modules" ]; then
  printf '\033[1m==> npm: installing the test host'"'"'s packages\033[0m\n' >&2
  cp tests/host/package.json tests/host/package-lock.json "$npm_dir/"
  npm ci --prefix "$npm_dir" --no-audit --no-fund --loglevel=error
fi

rm -rf "$dist"
mkdir -p "$dist"
# FEDERATION_BUILD_IDENTIFIER is what ODH's rspack federation plugin defines for the host's
# bundle; the runtime finds the host's instance (and its shared modules) by it.
NODE_PATH="$npm_dir/node_modules" "$npm_dir/node_modules/.bin/esbuild" tests/host/src/main.jsx \
  --bundle --minify --format=iife --target=chrome120 \
  --jsx=automatic --loader:.js=jsx \
  --loader:.woff2=file --loader:.woff=file --loader:.svg=file --loader:.png=file \
  --define:process.env.NODE_ENV='"production"' \
  --define:FEDERATION_BUILD_IDENTIFIER='"host:1.0.0"' \
  --asset-names='assets/[name]-[hash]' \
  --outfile="$dist/host.js" --log-level=warning
cp tests/host/index.html "$dist/index.html"
# axe-core, the accessibility checker the end-to-end tests run in the page (crates/e2e/tests/a11y).
cp "$npm_dir/node_modules/axe-core/axe.min.js" "$dist/axe.min.js"
printf '\033[1m==> test host built in %s\033[0m\n' "$dist" >&2
