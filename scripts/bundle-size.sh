#!/usr/bin/env bash
# What a browser downloads of a built page (the WebAssembly, JavaScript and CSS trunk wrote),
# raw and compressed as a server sends it (brotli -q 11, gzip -9), and whether the first
# download stays within the budget in scripts/bundle-budget.txt. The panel chunks
# (src/panel/chunks/mod.rs; every .wasm but the main `_bg.wasm`) are downloaded only by
# dashboards that have such panels: they are listed and totalled apart. A byte count is
# deterministic, so the test command can fail on it; it asserts no timing.
#
#   scripts/bundle-size.sh DIST           print, and fail past the budget
#   scripts/bundle-size.sh DIST --print   print only
set -euo pipefail
dist="${1:?usage: scripts/bundle-size.sh DIST [--print]}"
budget_file="$(dirname "${BASH_SOURCE[0]}")/bundle-budget.txt"
shopt -s nullglob
files=("$dist"/*.wasm "$dist"/*.js "$dist"/*.css)
[ "${#files[@]}" -gt 0 ] || { echo "bundle-size: nothing built in $dist" >&2; exit 1; }
first_raw=0; first_brotli=0; first_gzip=0; lazy_raw=0; lazy_brotli=0; lazy_count=0
for file in "${files[@]}"; do
  size=$(stat -c %s "$file")
  compressed=$(brotli -q 11 -c "$file" | wc -c)
  gzipped=$(gzip -9 -c "$file" | wc -c)
  name=$(basename "$file")
  if [[ "$name" == *.wasm && "$name" != *_bg.wasm ]]; then
    lazy_raw=$((lazy_raw + size)); lazy_brotli=$((lazy_brotli + compressed)); lazy_count=$((lazy_count + 1))
    printf '  %-62s %9s raw %9s brotli  (chunk)\n' "$name" "$size" "$compressed"
  else
    first_raw=$((first_raw + size)); first_brotli=$((first_brotli + compressed)); first_gzip=$((first_gzip + gzipped))
    printf '  %-62s %9s raw %9s brotli %9s gzip\n' "$name" "$size" "$compressed" "$gzipped"
  fi
done
budget=$(grep -v '^#' "$budget_file" | tr -d '[:space:]')
printf 'Bundle, first download: %s KB raw, %s KB brotli -q 11, %s KB gzip -9 (budget %s KB brotli; scripts/bench.sh measures the Perses page beside it)\n' \
  "$((first_raw / 1024))" "$((first_brotli / 1024))" "$((first_gzip / 1024))" "$((budget / 1024))"
printf 'Panel chunks, downloaded on first use: %s files, %s KB raw, %s KB brotli -q 11\n' \
  "$lazy_count" "$((lazy_raw / 1024))" "$((lazy_brotli / 1024))"
if [ "${2:-}" != "--print" ] && [ "$first_brotli" -gt "$budget" ]; then
  echo "bundle-size: the first download is $first_brotli bytes brotli, past the budget of $budget bytes (scripts/bundle-budget.txt)" >&2
  exit 1
fi
