//! The manifest directory: every envelope and layout, bad files skipped, changes picked up,
//! served through the Kubernetes and Perses routes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::fs;
use std::path::Path;

use common::{Client, unreachable_prometheus};
use obs_devserver::{Config, RunningServer};
use serde_json::Value;

const RBAC: &str = "
localUser: dev
projects: [{name: team-a}, {name: team-b}, {name: team-c}]
users:
  - {name: dev, token: t-dev, projects: [team-a, team-b]}
  - {name: other, token: t-other, projects: [team-c]}
";

fn v1(name: &str, namespace: Option<&str>, title: &str) -> String {
    let namespace = namespace
        .map(|ns| format!("\n  namespace: {ns}"))
        .unwrap_or_default();
    format!(
        "apiVersion: perses.dev/v1alpha1\nkind: PersesDashboard\nmetadata:\n  name: {name}{namespace}\n  \
         labels: {{app: demo}}\nspec:\n  display: {{name: {title}}}\n  duration: 1h\n  panels: {{}}\n  layouts: []\n"
    )
}

const V2_WITHOUT_NAMESPACE: &str = "
apiVersion: perses.dev/v1alpha2
kind: PersesDashboard
metadata:
  name: nested-v2
spec:
  instanceSelector: {matchLabels: {app.kubernetes.io/instance: perses}}
  config:
    display: {name: Nested}
    duration: 6h
    panels: {}
    layouts: []
";

const MULTI_DOCUMENT: &str = "
kind: Dashboard
metadata: {name: perses-kind, project: team-b}
spec: {display: {name: Perses kind}, duration: 1h, panels: {}, layouts: []}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: not-a-dashboard}
data: {a: b}
---
";

const LIST_JSON: &str = r#"{"apiVersion": "perses.dev/v1alpha1", "kind": "PersesDashboardList",
  "items": [
    {"apiVersion": "perses.dev/v1alpha1", "kind": "PersesDashboard",
     "metadata": {"name": "from-list", "namespace": "team-b"},
     "spec": {"display": {"name": "From a list"}, "duration": "1h", "panels": {}, "layouts": []}},
    {"apiVersion": "perses.dev/v1alpha1", "kind": "PersesDashboard",
     "metadata": {"namespace": "team-b"}, "spec": {"panels": {}, "layouts": []}}
  ]}"#;

/// A directory with every supported layout and a few broken files.
fn write_manifests(root: &Path) {
    let write = |relative: &str, text: &str| {
        let path = root.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write("team-a/first.yaml", &v1("first", Some("team-a"), "First"));
    write("team-a/nested/deeper/v2.yml", V2_WITHOUT_NAMESPACE);
    write("team-b/multi.yaml", MULTI_DOCUMENT);
    write("lists/list.json", LIST_JSON);
    write("team-c/secret.yaml", &v1("secret", None, "Secret"));
    write(
        "kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [team-a/first.yaml]\n",
    );
    // Broken: unreadable YAML, a dashboard with no namespace anywhere, a bad name, a
    // duplicate (the first file in path order wins), and a file that is not a manifest.
    write(
        "team-a/broken.yaml",
        "apiVersion: perses.dev/v1alpha1\nkind: [unclosed\n",
    );
    write("no-namespace.yaml", &v1("orphan", None, "Orphan"));
    write("team-a/zz-bad-name.yaml", &v1("Bad Name", None, "Bad"));
    write(
        "team-a/zz-duplicate.yaml",
        &v1("first", Some("team-a"), "Duplicate"),
    );
    write("team-a/notes.txt", "not a manifest");
    write(".git/ignored.yaml", &v1("hidden", Some("team-a"), "Hidden"));
}

async fn start(root: &Path) -> RunningServer {
    fs::write(root.join("rbac.yaml"), RBAC).unwrap();
    let mut config = Config::new(root.join("manifests"), root.join("rbac.yaml"));
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.prometheus = unreachable_prometheus();
    RunningServer::start(config).await.unwrap()
}

fn names(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["metadata"]["name"].as_str().unwrap().to_owned())
        .collect()
}

const K8S: &str = "/api/k8s/apis/perses.dev";

#[tokio::test]
async fn every_envelope_is_served_in_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    write_manifests(&dir.path().join("manifests"));
    let server = start(dir.path()).await;
    let client = Client::new(&server);

    let reply = client
        .get(
            &format!("{K8S}/v1alpha2/namespaces/team-a/persesdashboards"),
            None,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["kind"], "PersesDashboardList");
    assert_eq!(reply.body["apiVersion"], "perses.dev/v1alpha2");
    assert_eq!(names(&reply.body), ["first", "nested-v2"]);
    let first = &reply.body["items"][0];
    assert_eq!(first["kind"], "PersesDashboard");
    assert_eq!(
        first["spec"]["config"]["display"]["name"], "First",
        "the first file wins"
    );
    assert_eq!(first["metadata"]["namespace"], "team-a");
    assert_eq!(first["metadata"]["labels"]["app"], "demo");
    for key in ["uid", "resourceVersion", "creationTimestamp"] {
        assert!(first["metadata"][key].is_string(), "{key}: {first}");
    }
    let nested = &reply.body["items"][1];
    assert_eq!(nested["metadata"]["namespace"], "team-a", "from the folder");
    assert_eq!(
        nested["spec"]["instanceSelector"]["matchLabels"]["app.kubernetes.io/instance"],
        "perses"
    );

    let reply = client
        .get(
            &format!("{K8S}/v1alpha1/namespaces/team-a/persesdashboards/nested-v2"),
            None,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["apiVersion"], "perses.dev/v1alpha1");
    assert_eq!(reply.body["spec"]["display"]["name"], "Nested");
    assert_eq!(reply.body["spec"]["duration"], "6h");

    let reply = client
        .get(
            &format!("{K8S}/v1alpha1/namespaces/team-b/persesdashboards"),
            None,
        )
        .await;
    assert_eq!(names(&reply.body), ["from-list", "perses-kind"]);

    // Perses API: same dashboards, Perses shapes; only the user's projects.
    let reply = client.get("/perses/api/api/v1/dashboards", None).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let all: Vec<(String, String)> = reply
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["kind"], "Dashboard");
            assert!(d["metadata"]["createdAt"].is_string() && d["metadata"]["version"].is_number());
            (
                d["metadata"]["project"].as_str().unwrap().to_owned(),
                d["metadata"]["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("team-a", "first"),
        ("team-a", "nested-v2"),
        ("team-b", "from-list"),
        ("team-b", "perses-kind"),
    ];
    assert_eq!(all, expected.map(|(p, n)| (p.to_owned(), n.to_owned())));
    let reply = client
        .get(
            "/perses/api/api/v1/projects/team-b/dashboards/perses-kind",
            None,
        )
        .await;
    assert_eq!(reply.body["spec"]["display"]["name"], "Perses kind");
    let reply = client
        .get(
            "/perses/api/api/v1/projects/team-a/dashboards/missing",
            None,
        )
        .await;
    assert_eq!(
        (reply.status, reply.message().as_str()),
        (404, "document not found")
    );
    let reply = client
        .get("/perses/api/api/v1/projects/team-c/dashboards", None)
        .await;
    assert_eq!(reply.status, 403, "{}", reply.text);
    assert!(
        reply.message().starts_with("forbidden access"),
        "{}",
        reply.text
    );
    let reply = client
        .get("/perses/api/api/v1/projects", Some("t-other"))
        .await;
    assert_eq!(reply.body.as_array().unwrap().len(), 1);
    assert_eq!(reply.body[0]["metadata"]["name"], "team-c");
    server.stop().await.unwrap();
}

#[tokio::test]
async fn forbidden_and_missing_answer_like_the_api_server() {
    let dir = tempfile::tempdir().unwrap();
    write_manifests(&dir.path().join("manifests"));
    let server = start(dir.path()).await;
    let client = Client::new(&server);

    let reply = client
        .get(
            &format!("{K8S}/v1alpha2/namespaces/team-c/persesdashboards"),
            None,
        )
        .await;
    assert_eq!(reply.status, 403);
    assert_eq!(reply.body["kind"], "Status");
    assert_eq!(reply.body["status"], "Failure");
    assert_eq!(reply.body["reason"], "Forbidden");
    assert_eq!(reply.body["code"], 403);
    assert_eq!(
        reply.message(),
        "persesdashboards.perses.dev is forbidden: User \"dev\" cannot list resource \
         \"persesdashboards\" in API group \"perses.dev\" in the namespace \"team-c\""
    );
    let reply = client
        .get(
            &format!("{K8S}/v1alpha2/namespaces/team-c/persesdashboards/secret"),
            None,
        )
        .await;
    assert_eq!(reply.status, 403);
    assert!(
        reply
            .message()
            .starts_with("persesdashboards.perses.dev \"secret\" is forbidden")
    );
    let reply = client
        .get(
            &format!("{K8S}/v1alpha2/namespaces/team-c/persesdashboards/secret"),
            Some("t-other"),
        )
        .await;
    assert_eq!(reply.status, 200);

    let reply = client
        .get(
            &format!("{K8S}/v1alpha2/namespaces/team-a/persesdashboards/missing"),
            None,
        )
        .await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.body["reason"], "NotFound");
    assert_eq!(
        reply.message(),
        "persesdashboards.perses.dev \"missing\" not found"
    );
    assert_eq!(reply.body["details"]["name"], "missing");

    let reply = client
        .get(
            &format!("{K8S}/v1beta1/namespaces/team-a/persesdashboards"),
            None,
        )
        .await;
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.message(),
        "the server could not find the requested resource"
    );
    let reply = client
        .get("/api/k8s/api/v1/namespaces/team-a/secrets", None)
        .await;
    assert_eq!(reply.status, 404);
    server.stop().await.unwrap();
}

#[tokio::test]
async fn changes_on_disk_show_up_on_the_next_request() {
    let dir = tempfile::tempdir().unwrap();
    let manifests = dir.path().join("manifests");
    write_manifests(&manifests);
    let server = start(dir.path()).await;
    let client = Client::new(&server);
    let path = format!("{K8S}/v1alpha2/namespaces/team-a/persesdashboards/first");

    let before = client.get(&path, None).await.body;
    fs::write(
        manifests.join("team-a/first.yaml"),
        v1("first", Some("team-a"), "Renamed title"),
    )
    .unwrap();
    let after = client.get(&path, None).await.body;
    assert_eq!(after["spec"]["config"]["display"]["name"], "Renamed title");
    assert_ne!(
        before["metadata"]["resourceVersion"],
        after["metadata"]["resourceVersion"]
    );
    assert_eq!(
        before["metadata"]["uid"], after["metadata"]["uid"],
        "the uid is stable"
    );

    fs::write(
        manifests.join("team-a/added.json"),
        serde_json::to_string(&serde_json::json!({
            "kind": "Dashboard", "metadata": {"name": "added", "project": "team-a"},
            "spec": {"display": {"name": "Added"}, "duration": "1h", "panels": {}, "layouts": []}
        }))
        .unwrap(),
    )
    .unwrap();
    fs::remove_file(manifests.join("team-a/nested/deeper/v2.yml")).unwrap();
    let list = client
        .get(
            &format!("{K8S}/v1alpha2/namespaces/team-a/persesdashboards"),
            None,
        )
        .await
        .body;
    assert_eq!(names(&list), ["added", "first"]);

    // A file that breaks is skipped; its dashboards disappear, the others stay.
    fs::write(manifests.join("team-a/added.json"), "{ not json").unwrap();
    let list = client
        .get(
            &format!("{K8S}/v1alpha2/namespaces/team-a/persesdashboards"),
            None,
        )
        .await
        .body;
    assert_eq!(names(&list), ["first"]);
    server.stop().await.unwrap();
}
