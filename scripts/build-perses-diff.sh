#!/usr/bin/env bash
# Builds Perses' own functions for the differential test (crates/e2e/tests/perses_diff): the
# @perses-dev tarballs of crates/e2e/perses-diff/perses-packages.txt fetched with `npm pack`
# and checked against their sha512, the libraries they import from package-lock.json
# (npm ci), and one browser script bundled by esbuild. Everything goes into the cache:
#
#   $OBS_CACHE/perses-diff/packages/@perses-dev/<name>   the unpacked tarballs
#   $OBS_CACHE/perses-diff/node_modules                  numbro, lodash, date-fns, esbuild
#   $OBS_CACHE/perses-diff/perses-diff.js                the bundle the test loads
set -euo pipefail
OBS_SCRIPT=1 source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$OBS_ROOT"

source_dir="crates/e2e/perses-diff"
work="$OBS_CACHE/perses-diff"
mkdir -p "$work/packages" "$work/tarballs"

# Reinstall the libraries only when the lock file changed.
if ! cmp -s "$source_dir/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules" ]; then
  printf '\033[1m==> npm: installing the libraries Perses'"'"' functions import\033[0m\n' >&2
  cp "$source_dir/package.json" "$source_dir/package-lock.json" "$work/"
  npm ci --prefix "$work" --no-audit --no-fund --loglevel=error
fi

while read -r name version integrity; do
  case "$name" in ''|'#'*) continue ;; esac
  target="$work/packages/$name"
  if [ "$(cat "$target/.integrity" 2>/dev/null)" = "$integrity" ]; then
    continue
  fi
  printf '\033[1m==> npm pack %s@%s\033[0m\n' "$name" "$version" >&2
  tarball="$work/tarballs/$(echo "${name#@}" | tr / -)-$version.tgz"
  (cd "$work/tarballs" && npm pack --silent "$name@$version" >/dev/null)
  actual="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
  if [ "$actual" != "$integrity" ]; then
    echo "build-perses-diff: $name@$version has integrity $actual, expected $integrity" >&2
    exit 1
  fi
  rm -rf "$target"
  mkdir -p "$target"
  tar -xzf "$tarball" -C "$target" --strip-components=1
  echo "$integrity" > "$target/.integrity"
done < "$source_dir/perses-packages.txt"

node "$source_dir/build.mjs" "$work/packages" "$work/node_modules" "$work/perses-diff.js"
printf '\033[1m==> Perses'"'"' functions bundled in %s\033[0m\n' "$work/perses-diff.js" >&2
