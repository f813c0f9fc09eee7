#!/usr/bin/env bash
# Builds the plugin and serves the Observability page locally on its default setup: the
# development backend (obs-devserver) in front of a real Prometheus that it starts, fills
# with 24 hours of demo workload history and keeps scraping, and the bundled dashboards of
# dashboards/. Installs what is missing first. Open the URL it prints; stop with Ctrl-C,
# which stops trunk, the backend and Prometheus.
#
# The same build is also offered inside the test host, a stand-in for the ODH shell that loads
# it as a module-federation remote (tests/host): http://127.0.0.1:8091/ (the backend's port).
#
#   OBS_PORT=8080            where the page is served (trunk)
#   OBS_PROMETHEUS_URL=...   use this Prometheus instead of starting one (a cluster's,
#                            through `oc port-forward`); the demo history is then not written
#   OBS_BACKFILL=24h         history written before the managed Prometheus starts
#
# The backend listens on 127.0.0.1:8091, where Trunk.toml's proxies send /api, /perses and
# /__dev.
set -euo pipefail
"$(dirname "${BASH_SOURCE[0]}")/setup.sh"
OBS_SCRIPT=1 source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$OBS_ROOT"

port="${OBS_PORT:-8080}"
api_address=127.0.0.1:8091
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

log "building the development backend and the test host"
cargo build --quiet --locked -p obs-devserver
"$OBS_ROOT/scripts/build-host.sh"
# The backend also serves the test host as the shell and trunk's dist/ as its remote, as the
# ODH backend proxies /_mf/observabilityWasm/ to the plugin's server.
backend_args=(--listen "$api_address" --dashboards "$OBS_ROOT/dashboards" --rbac "$OBS_ROOT/dev/rbac.yaml"
  --static-dir "$OBS_CACHE/host-dist" --remote "observabilityWasm=$OBS_ROOT/dist")
if [ -n "${OBS_PROMETHEUS_URL:-}" ]; then
  backend_args+=(--prometheus-url "$OBS_PROMETHEUS_URL")
else
  backend_args+=(--backfill "${OBS_BACKFILL:-24h}")
fi
mkdir -p "$OBS_CACHE/logs"
backend_log="$OBS_CACHE/logs/devserver.log"
"$CARGO_TARGET_DIR/debug/obs-devserver" "${backend_args[@]}" >"$backend_log" 2>&1 &
backend_pid=$!
stop_backend() {
  if kill -0 "$backend_pid" 2>/dev/null; then
    log "stopping the development backend and its Prometheus"
    kill -TERM "$backend_pid" 2>/dev/null || true
    wait "$backend_pid" 2>/dev/null || true
  fi
}
trap stop_backend EXIT
trap 'exit 130' INT TERM

# The backend answers at once; Prometheus is ready after the backfill (about a minute).
for _ in $(seq 1 100); do
  if curl -fsS "http://$api_address/api/status" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$backend_pid" 2>/dev/null; then
    log "the development backend stopped; its log ($backend_log):"
    tail -n 30 "$backend_log" >&2
    exit 1
  fi
  sleep 0.2
done
log "development backend at http://$api_address (log: $backend_log)"
log "building the plugin; the page will be at http://127.0.0.1:$port/"
log "and inside the test ODH shell at http://$api_address/observe-and-monitor/observability"
page_build trunk serve --release --features split --port "$port"
