#!/usr/bin/env python3
"""Adds the Observability plugin's entry to the ODH dashboard's federation-config ConfigMap,
or removes it, with kubectl (or oc) on the current context.

    deploy/federation/federation-entry.py add    [--namespace NS] [--format old|new]
    deploy/federation/federation-entry.py remove [--namespace NS]
    deploy/federation/federation-entry.py add --dry-run CONFIGMAP.json   # prints the result

Read the project README ("Deploying to an ODH cluster") first. The operators that install the
dashboard own this ConfigMap and re-apply it on every reconcile, which would drop the entry
within seconds. Adding therefore also sets the annotation opendatahub.io/managed: "false",
which both the opendatahub-operator and the dashboard-operator honour by leaving the object
alone: from then on the ConfigMap is yours, and module changes the operator would have made
no longer reach it. `remove` takes the entry out; `release` also removes the annotation, so
the operator writes the ConfigMap again (without the entry).

After a change the dashboard must restart to read it (the ConfigMap is an environment
variable); this script restarts it unless --no-restart is given.
"""

import argparse
import json
import os
import subprocess
import sys

NAME = "observabilityWasm"
CONFIG_MAP = "federation-config"
KEY = "module-federation-config.json"
MANAGED = "opendatahub.io/managed"
HERE = os.path.dirname(os.path.abspath(__file__))


def entry(namespace, format_name):
    """The entry for a dashboard in `namespace`: the plugin's Service lives beside it."""
    with open(os.path.join(HERE, f"entry-{format_name}-format.json")) as file:
        value = json.load(file)
    backend = value.get("backend", value)
    backend["service"]["namespace"] = namespace
    return value


def updated(config_map, action, namespace, format_name):
    """The ConfigMap after the change: entries of other remotes are kept as they were."""
    data = config_map.setdefault("data", {}) or {}
    config_map["data"] = data
    try:
        entries = json.loads(data.get(KEY) or "[]")
    except json.JSONDecodeError as error:
        sys.exit(f"{CONFIG_MAP}: {KEY} is not JSON ({error}); fix it by hand first")
    if not isinstance(entries, list):
        sys.exit(f"{CONFIG_MAP}: {KEY} must be a JSON array")
    entries = [e for e in entries if not (isinstance(e, dict) and e.get("name") == NAME)]
    if action == "add":
        entries.append(entry(namespace, format_name))
    data[KEY] = json.dumps(entries, indent=2)
    annotations = config_map.setdefault("metadata", {}).setdefault("annotations", {}) or {}
    config_map["metadata"]["annotations"] = annotations
    if action in ("add", "remove"):
        annotations[MANAGED] = "false"
    else:
        annotations.pop(MANAGED, None)
    return config_map


def kubectl(*args, stdin=None):
    tool = os.environ.get("KUBECTL", "kubectl")
    result = subprocess.run([tool, *args], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{tool} {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["add", "remove", "release"])
    parser.add_argument("--namespace", default="opendatahub", help="the dashboard's namespace (RHOAI: redhat-ods-applications)")
    parser.add_argument("--format", default="old", choices=["old", "new"], help="the entry's format (both are read by the dashboard)")
    parser.add_argument("--deployment", help="the dashboard's Deployment (default: odh-dashboard, or rhods-dashboard in redhat-ods-applications)")
    parser.add_argument("--no-restart", action="store_true", help="do not restart the dashboard")
    parser.add_argument("--dry-run", metavar="CONFIGMAP_JSON", help="change this ConfigMap file and print it; touch no cluster")
    args = parser.parse_args()

    if args.dry_run:
        with open(args.dry_run) as file:
            config_map = json.load(file)
        print(json.dumps(updated(config_map, args.action, args.namespace, args.format), indent=2))
        return

    found = subprocess.run(
        [os.environ.get("KUBECTL", "kubectl"), "-n", args.namespace, "get", "configmap", CONFIG_MAP, "-o", "json"],
        capture_output=True,
        text=True,
    )
    if found.returncode == 0:
        changed = updated(json.loads(found.stdout), args.action, args.namespace, args.format)
        # One merge patch: the annotation and the data change together, so the operator's
        # next look already finds the ConfigMap marked as not its own.
        annotation = changed["metadata"]["annotations"].get(MANAGED)
        patch = {"metadata": {"annotations": {MANAGED: annotation}}, "data": {KEY: changed["data"][KEY]}}
        kubectl("-n", args.namespace, "patch", "configmap", CONFIG_MAP, "--type", "merge", "-p", json.dumps(patch))
    elif "NotFound" in found.stderr and args.action == "add":
        # The dashboard reads the ConfigMap as optional; without one, this makes it.
        blank = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": CONFIG_MAP, "namespace": args.namespace}}
        kubectl("-n", args.namespace, "create", "-f", "-", stdin=json.dumps(updated(blank, "add", args.namespace, args.format)))
    else:
        sys.exit(found.stderr.strip() or f"{CONFIG_MAP} not found in {args.namespace}")
    if not args.no_restart:
        deployment = args.deployment or ("rhods-dashboard" if args.namespace == "redhat-ods-applications" else "odh-dashboard")
        kubectl("-n", args.namespace, "rollout", "restart", f"deployment/{deployment}")
        print(f"restarted deployment/{deployment}; the shell loads {NAME} once it is ready")
    print(f"{CONFIG_MAP} in {args.namespace}: {args.action} done")


if __name__ == "__main__":
    main()
