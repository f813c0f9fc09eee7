#!/usr/bin/env bash
# Checks deploy/ the way a cluster would take it:
#
#   1. renders every kustomization with `kubectl kustomize` and validates each object against
#      the Kubernetes schemas (kubernetes-validate, strict: unknown fields are errors);
#   2. checks the README's promises on the rendered objects (scripts/check-deploy.py) and the
#      federation-config entries against the dashboard's entry types (deploy/federation);
#   3. runs deploy/nginx.conf, as the image does, in front of a built bundle (the argument),
#      and checks what it answers: probes, content types, caching, nothing else served;
#   4. runs the federation-config helper on a shell-like ConfigMap;
#   5. renders the dashboards' kustomizations (the bundled ones, the second-deployment
#      overlay example) and lints what they render with `obsctl lint --strict`.
#
#   scripts/check-deploy.sh DIST     (scripts/test.sh passes the page it built)
set -euo pipefail
OBS_SCRIPT=1 source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$OBS_ROOT"
dist="${1:?usage: scripts/check-deploy.sh DIST (a trunk build with remoteEntry.js)}"
venv="$OBS_CACHE/deploy-venv"
scratch=$(mktemp -d)
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
fail() { printf 'check-deploy: %s\n' "$*" >&2; exit 1; }

# 1. Render and validate.
for overlay in deploy/base deploy/overlays/rhoai; do
  rendered="$scratch/$(basename "$overlay").yaml"
  kubectl kustomize "$overlay" >"$rendered"
  "$venv/bin/kubernetes-validate" --strict --quiet "$rendered" || fail "$overlay does not match the Kubernetes schemas"
done
"$venv/bin/check-jsonschema" --schemafile deploy/federation/schema.json deploy/federation/entry-*.json

# 2. The promises.
"$venv/bin/python" scripts/check-deploy.py "$scratch/base.yaml" opendatahub deploy/federation/entry-*.json
"$venv/bin/python" scripts/check-deploy.py "$scratch/rhoai.yaml" redhat-ods-applications

# 3. The server. The image's paths are moved into the scratch directory; nothing else changes.
site="$scratch/site"
cp -r "$dist" "$site"
rm -f "$site/index.html"
find "$site" -type f \( -name '*.js' -o -name '*.css' -o -name '*.wasm' \) -exec gzip -k -9 {} \;
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -keyout "$scratch/tls.key" -out "$scratch/tls.crt" 2>/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s|/tmp/|$scratch/|g" -e "s|/etc/tls/private|$scratch|g" -e "s|/opt/app-root/src|$site|g" \
  -e "s|listen 8443 ssl|listen 127.0.0.1:$port ssl|" deploy/nginx.conf >"$scratch/nginx.conf"
nginx -t -q -c "$scratch/nginx.conf" -g "user $(id -un);" || fail "nginx refuses deploy/nginx.conf"
nginx -c "$scratch/nginx.conf" -g "daemon off; user $(id -un);" >"$scratch/nginx.log" 2>&1 &
nginx_pid=$!
base="https://127.0.0.1:$port"
for _ in $(seq 1 50); do curl -ks -o /dev/null "$base/healthcheck" && break; sleep 0.1; done

# Answers: status, content type and cache-control of a path, as `status|type|cache`.
answer() {
  curl -ks -o /dev/null -H 'Accept-Encoding: gzip' \
    -w '%{http_code}|%{content_type}|%header{cache-control}|%header{content-encoding}' "$base$1"
}
expect() { # path, wanted pattern (grep -E on status|type|cache|encoding)
  local got
  got=$(answer "$1")
  printf '%s\n' "$got" | grep -Eq "$2" || fail "$1 answered $got, wanted $2"
}
expect /healthcheck '^200\|text/plain'
expect /remoteEntry.js '^200\|(application|text)/javascript\|no-cache\|'
# Every file the build made, the panel chunks and their loader included, hashed and cached.
[ -n "$(ls "$site"/*-chunks.js 2>/dev/null)" ] || fail "the bundle has no panel chunks (build it with page_build and --features split)"
for file in "$site"/*.wasm "$site"/*.js "$site"/*.css; do
  name=$(basename "$file")
  case "$name" in
    remoteEntry.js) ;;
    *.wasm) expect "/$name" '^200\|application/wasm\|public, max-age=31536000, immutable\|gzip$' ;;
    *.js) expect "/$name" '^200\|(application|text)/javascript\|public, max-age=31536000, immutable\|gzip$' ;;
    *.css) expect "/$name" '^200\|text/css\|public, max-age=31536000, immutable\|gzip$' ;;
  esac
done
expect / '^404\|'
expect /index.html '^404\|'
expect /../../etc/passwd '^(400|404)\|'
nosniff=$(curl -ksI "$base/remoteEntry.js" | tr -d '\r' | grep -i '^x-content-type-options:' || true)
[ -n "$nosniff" ] || fail "remoteEntry.js must be sent with X-Content-Type-Options: nosniff"
printf 'deploy/: manifests valid, promises kept, the server answers as it should\n' >&2

# 4. The federation-config helper, offline, on a ConfigMap shaped like the shell's (two other
#    remotes and a stale entry of ours): ours once and fresh, the others untouched.
helper=deploy/federation/federation-entry.py
sample=tests/deploy/federation-config.json
for action in add remove release; do
  "$helper" "$action" --namespace redhat-ods-applications --dry-run "$sample" >"$scratch/$action.json"
  "$venv/bin/kubernetes-validate" --strict --quiet "$scratch/$action.json" || fail "$helper $action makes an invalid ConfigMap"
done
"$venv/bin/python" - "$scratch" <<'PY' || fail "$helper does not change the ConfigMap as it should"
import json, sys
scratch = sys.argv[1]
def load(action):
    config_map = json.load(open(f"{scratch}/{action}.json"))
    entries = json.loads(config_map["data"]["module-federation-config.json"])
    annotation = config_map["metadata"].get("annotations", {}).get("opendatahub.io/managed")
    return [e["name"] for e in entries], entries, annotation
names, entries, annotation = load("add")
assert names == ["modelRegistry", "maas", "observabilityWasm"], names
ours = entries[-1]
assert ours["service"] == {"name": "odh-dashboard-observability-wasm-ui", "namespace": "redhat-ods-applications", "port": 8443}, ours
assert ours["authorize"] is True and ours["tls"] is True, ours
assert annotation == "false", annotation
for index, entry in enumerate(entries):
    json.dump(entry, open(f"{scratch}/entry-{index}.json", "w"))
names, _, annotation = load("remove")
assert names == ["modelRegistry", "maas"] and annotation == "false", (names, annotation)
names, _, annotation = load("release")
assert names == ["modelRegistry", "maas"] and annotation is None, (names, annotation)
PY
"$venv/bin/check-jsonschema" --schemafile deploy/federation/schema.json "$scratch"/entry-*.json
printf 'deploy/federation: the helper keeps the other remotes and writes a valid entry\n' >&2

# 5. Dashboards as code: the bundled dashboards and the overlay that instantiates one for a
#    second model deployment render with kustomize, and what they render passes `obsctl lint`
#    with no warning, as a CI pipeline would run it before ArgoCD or Flux applies it.
for kustomization in dashboards deploy/examples/llm-serving-second-deployment; do
  rendered="$scratch/dashboards-$(basename "$kustomization").yaml"
  kubectl kustomize "$kustomization" >"$rendered"
  cargo run --quiet --locked -p obs-cli -- lint --strict "$rendered" >"$scratch/lint.txt" \
    || { cat "$scratch/lint.txt" >&2; fail "$kustomization renders dashboards that do not pass lint"; }
done
grep -q 'namespace: support-bot' "$scratch/dashboards-llm-serving-second-deployment.yaml" \
  && grep -q 'defaultValue: granite-31-2b-router' "$scratch/dashboards-llm-serving-second-deployment.yaml" \
  || fail "the overlay example no longer instantiates the dashboard for the second deployment"
printf 'dashboards: the bundled kustomization and the second-deployment overlay pass lint\n' >&2
