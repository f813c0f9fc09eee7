#!/usr/bin/env bash
# What a browser downloads of a built page (the WebAssembly, JavaScript and CSS trunk wrote),
# raw and compressed as a server sends it (brotli -q 11, gzip -9), and whether it stays within
# the budget in scripts/bundle-budget.txt. A byte count is deterministic, so the test command
# can fail on it; it asserts no timing.
#
#   scripts/bundle-size.sh DIST           print, and fail past the budget
#   scripts/bundle-size.sh DIST --print   print only
set -euo pipefail
dist="${1:?usage: scripts/bundle-size.sh DIST [--print]}"
budget_file="$(dirname "${BASH_SOURCE[0]}")/bundle-budget.txt"
raw=0; brotli_bytes=0; gzip_bytes=0
shopt -s nullglob
files=("$dist"/*.wasm "$dist"/*.js "$dist"/*.css)
[ "${#files[@]}" -gt 0 ] || { echo "bundle-size: nothing built in $dist" >&2; exit 1; }
for file in "${files[@]}"; do
  size=$(stat -c %s "$file")
  compressed=$(brotli -q 11 -c "$file" | wc -c)
  gzipped=$(gzip -9 -c "$file" | wc -c)
  printf '  %-48s %9s raw %9s brotli %9s gzip\n' "$(basename "$file")" "$size" "$compressed" "$gzipped"
  raw=$((raw + size)); brotli_bytes=$((brotli_bytes + compressed)); gzip_bytes=$((gzip_bytes + gzipped))
done
budget=$(grep -v '^#' "$budget_file" | tr -d '[:space:]')
printf 'Bundle: %s KB raw, %s KB brotli -q 11, %s KB gzip -9 (budget %s KB brotli; scripts/bench.sh measures the Perses page beside it)\n' \
  "$((raw / 1024))" "$((brotli_bytes / 1024))" "$((gzip_bytes / 1024))" "$((budget / 1024))"
if [ "${2:-}" != "--print" ] && [ "$brotli_bytes" -gt "$budget" ]; then
  echo "bundle-size: $brotli_bytes bytes brotli, past the budget of $budget bytes (scripts/bundle-budget.txt)" >&2
  exit 1
fi
