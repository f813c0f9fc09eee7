"""Checks what the Kubernetes schemas cannot: that the rendered manifests of deploy/ keep the
promises the README makes (an unprivileged, read-only server with no service-account token,
/healthcheck probes, only the dashboard's pods admitted) and that the federation-config
entries point at the Service the manifests create.

    python3 scripts/check-deploy.py RENDERED.yaml NAMESPACE ENTRY.json...

Prints each broken promise and exits 1 if there is any; scripts/check-deploy.sh runs it.
"""

import json
import sys

import yaml

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def one(documents, kind):
    found = [d for d in documents if d.get("kind") == kind]
    expect(len(found) == 1, f"expected one {kind}, found {len(found)}")
    return found[0] if found else {}


def check_deployment(deployment, service_account):
    pod = deployment["spec"]["template"]["spec"]
    labels = deployment["spec"]["template"]["metadata"].get("labels", {})
    expect(pod.get("automountServiceAccountToken") is False, "the pod must not mount a service-account token")
    expect(pod.get("serviceAccountName") == service_account["metadata"]["name"], "the pod must run as its own account")
    expect(service_account.get("automountServiceAccountToken") is False, "the account must not mount a token")
    pod_security = pod.get("securityContext", {})
    expect(pod_security.get("runAsNonRoot") is True, "the pod must run as non-root")
    expect(pod_security.get("seccompProfile", {}).get("type") == "RuntimeDefault", "the pod needs seccomp RuntimeDefault")
    expect("runAsUser" not in pod_security, "OpenShift assigns the UID; the pod must not pick one")
    writable = {v["name"] for v in pod.get("volumes", []) if "emptyDir" in v}
    for container in pod["containers"]:
        name = container["name"]
        security = container.get("securityContext", {})
        expect(security.get("readOnlyRootFilesystem") is True, f"{name}: the root filesystem must be read-only")
        expect(security.get("allowPrivilegeEscalation") is False, f"{name}: no privilege escalation")
        expect(security.get("capabilities", {}).get("drop") == ["ALL"], f"{name}: drop every capability")
        expect(security.get("runAsNonRoot") is True, f"{name}: run as non-root")
        expect("limits" in container.get("resources", {}), f"{name}: resource limits are required")
        ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
        for probe in ("readinessProbe", "livenessProbe"):
            http = container.get(probe, {}).get("httpGet", {})
            expect(http.get("path") == "/healthcheck", f"{name}: {probe} must ask /healthcheck")
            expect(http.get("port") in ports, f"{name}: {probe} must use a named container port")
            expect(http.get("scheme") == "HTTPS", f"{name}: {probe} must use HTTPS, as the server does")
        mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
        expect(mounts.get("/tmp") in writable, f"{name}: /tmp must be an emptyDir (nginx writes there)")
        expect("/etc/tls/private" in mounts, f"{name}: the serving certificate must be mounted")
    return labels, pod


def check_service(service, pod_labels, pod):
    selector = service["spec"]["selector"]
    expect(all(pod_labels.get(k) == v for k, v in selector.items()), "the Service must select the pods")
    secret = service["metadata"].get("annotations", {}).get("service.beta.openshift.io/serving-cert-secret-name")
    secrets = {v.get("secret", {}).get("secretName") for v in pod.get("volumes", [])}
    expect(secret in secrets, "the serving-cert secret must be the one the pods mount")
    return service["spec"]["ports"][0]["port"]


def check_network_policy(policy, pod_labels, port):
    selected = policy["spec"]["podSelector"].get("matchLabels", {})
    expect(selected and all(pod_labels.get(k) == v for k, v in selected.items()), "the policy must select the plugin's pods")
    expect(policy["spec"].get("policyTypes") == ["Ingress"], "the policy must govern ingress")
    rules = policy["spec"].get("ingress", [])
    expect(len(rules) == 1, "one ingress rule: the dashboard's pods")
    for rule in rules:
        peers = rule.get("from", [])
        expect(
            peers == [{"podSelector": {"matchLabels": {"app.kubernetes.io/part-of": "odh-dashboard"}}}],
            f"only the dashboard's pods may connect, got {peers}",
        )
        expect([p.get("port") for p in rule.get("ports", [])] == [port], "only the server's port is open")


def check_entry(path, service_name, namespace, port):
    with open(path) as file:
        entry = json.load(file)
    backend = entry.get("backend", entry)
    expect(entry.get("name") == "observabilityWasm", f"{path}: the remote is named observabilityWasm")
    expect(backend.get("remoteEntry") == "/remoteEntry.js", f"{path}: the entry is /remoteEntry.js")
    expect(backend.get("authorize") is True, f"{path}: authorize must be true")
    expect(backend.get("tls") is True, f"{path}: the server speaks HTTPS, so tls must be true")
    expect(
        backend.get("service") == {"name": service_name, "namespace": namespace, "port": port},
        f"{path}: the service must be {service_name}.{namespace}:{port}, got {backend.get('service')}",
    )


def main(rendered, namespace, entries):
    with open(rendered) as file:
        documents = [d for d in yaml.safe_load_all(file) if d]
    for document in documents:
        expect(document["metadata"].get("namespace") == namespace, f"{document['kind']} must be in {namespace}")
    labels, pod = check_deployment(one(documents, "Deployment"), one(documents, "ServiceAccount"))
    service = one(documents, "Service")
    port = check_service(service, labels, pod)
    check_network_policy(one(documents, "NetworkPolicy"), labels, port)
    for entry in entries:
        check_entry(entry, service["metadata"]["name"], namespace, port)
    for problem in problems:
        print(f"deploy: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
