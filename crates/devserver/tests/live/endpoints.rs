//! Every endpoint and status code, per user.

use serde_json::Value;

use super::common::{ADMIN, DATA_SCIENTIST, DEVELOPER, query_string};
use super::{Live, series};

pub async fn run(live: &Live) {
    status(live).await;
    projects(live).await;
    dashboards(live).await;
    perses_api(live).await;
    tenancy_queries(live).await;
    tenancy_errors(live).await;
    cluster_routes(live).await;
    metrics(live).await;
    bundled_dashboards_have_data(live).await;
}

async fn status(live: &Live) {
    for (token, name, admin) in [
        (DEVELOPER, "developer", false),
        (DATA_SCIENTIST, "data-scientist", false),
        (ADMIN, "admin", true),
    ] {
        let reply = live.server.get("/api/status", Some(token)).await;
        assert_eq!(reply.status, 200, "status: {}", reply.text);
        let kube = &reply.body["kube"];
        assert_eq!(
            (kube["userName"].as_str(), kube["isAdmin"].as_bool()),
            (Some(name), Some(admin))
        );
        assert_eq!(kube["isAllowed"], true);
        assert!(
            kube["serverURL"]
                .as_str()
                .unwrap()
                .starts_with("http://127.0.0.1:")
        );
    }
}

fn names(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["metadata"]["name"].as_str().unwrap())
        .collect()
}

async fn projects(live: &Live) {
    let path = "/api/k8s/apis/project.openshift.io/v1/projects";
    let reply = live.server.get(path, Some(DEVELOPER)).await;
    assert_eq!(reply.status, 200, "projects: {}", reply.text);
    assert_eq!(reply.body["kind"], "ProjectList");
    assert_eq!(reply.body["apiVersion"], "project.openshift.io/v1");
    assert_eq!(
        names(&reply.body),
        ["fraud-detection", "customer-support-llm"]
    );
    let project = &reply.body["items"][0];
    assert_eq!(project["kind"], "Project");
    assert_eq!(project["status"]["phase"], "Active");
    assert_eq!(
        project["metadata"]["annotations"]["openshift.io/display-name"],
        "Fraud detection"
    );
    assert!(project["metadata"]["annotations"]["openshift.io/description"].is_string());
    assert_eq!(
        project["metadata"]["labels"]["opendatahub.io/dashboard"],
        "true"
    );

    let reply = live.server.get(path, Some(DATA_SCIENTIST)).await;
    assert_eq!(names(&reply.body), ["vision-training"]);

    let reply = live.server.get(path, Some(ADMIN)).await;
    let all = names(&reply.body);
    for expected in [
        "fraud-detection",
        "customer-support-llm",
        "vision-training",
        "openshift-monitoring",
        "kube-system",
        "redhat-ods-applications",
    ] {
        assert!(all.contains(&expected), "admin sees {expected}: {all:?}");
    }
    let system = reply.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["metadata"]["name"] == "kube-system")
        .unwrap();
    assert!(
        system["metadata"]["labels"]
            .get("opendatahub.io/dashboard")
            .is_none()
    );
}

async fn dashboards(live: &Live) {
    let base = "/api/k8s/apis/perses.dev";
    let reply = live
        .server
        .get(
            &format!("{base}/v1alpha2/namespaces/fraud-detection/persesdashboards"),
            Some(DEVELOPER),
        )
        .await;
    assert_eq!(reply.status, 200, "dashboards: {}", reply.text);
    assert_eq!(reply.body["kind"], "PersesDashboardList");
    assert_eq!(
        names(&reply.body),
        ["dashboard-1-fraud-scoring", "dashboard-2-model-fairness"]
    );
    assert_eq!(
        reply.body["items"][0]["spec"]["config"]["display"]["name"],
        "Fraud scoring"
    );

    let reply = live
        .server
        .get(&format!("{base}/v1alpha1/namespaces/fraud-detection/persesdashboards/dashboard-1-fraud-scoring"), Some(DEVELOPER))
        .await;
    assert_eq!(reply.status, 200, "v1alpha1 get: {}", reply.text);
    assert_eq!(reply.body["apiVersion"], "perses.dev/v1alpha1");
    assert_eq!(
        reply.body["spec"]["display"]["name"], "Fraud scoring",
        "a v1alpha2 file served as v1alpha1"
    );

    let reply = live
        .server
        .get(&format!("{base}/v1alpha2/namespaces/vision-training/persesdashboards/dashboard-2-gpu-utilization"), Some(ADMIN))
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.body["spec"]["instanceSelector"]["matchLabels"]["app.kubernetes.io/instance"],
        "data-science-perses"
    );
    let reply = live
        .server
        .get(&format!("{base}/v1alpha2/namespaces/customer-support-llm/persesdashboards/dashboard-1-llm-serving"), Some(DEVELOPER))
        .await;
    assert_eq!(
        reply.body["spec"]["config"]["display"]["name"], "LLM serving",
        "a v1alpha1 file served as v1alpha2"
    );

    let reply = live
        .server
        .get(
            &format!("{base}/v1alpha2/namespaces/vision-training/persesdashboards"),
            Some(DEVELOPER),
        )
        .await;
    assert_eq!(
        (reply.status, reply.body["reason"].as_str()),
        (403, Some("Forbidden"))
    );
    let reply = live
        .server
        .get(
            &format!("{base}/v1alpha2/namespaces/fraud-detection/persesdashboards/nope"),
            Some(DEVELOPER),
        )
        .await;
    assert_eq!(
        (reply.status, reply.body["reason"].as_str()),
        (404, Some("NotFound"))
    );
}

async fn perses_api(live: &Live) {
    let reply = live
        .server
        .get("/perses/api/api/v1/dashboards", Some(DEVELOPER))
        .await;
    assert_eq!(reply.status, 200, "perses dashboards: {}", reply.text);
    let projects: Vec<&str> = reply
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|dashboard| dashboard["metadata"]["project"].as_str().unwrap())
        .collect();
    assert_eq!(
        projects,
        ["customer-support-llm", "fraud-detection", "fraud-detection"]
    );
    let reply = live
        .server
        .get(
            "/perses/api/api/v1/projects/vision-training/dashboards/dashboard-1-training-run",
            Some(DATA_SCIENTIST),
        )
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["kind"], "Dashboard");
    assert_eq!(reply.body["spec"]["display"]["name"], "Training run");
    let reply = live
        .server
        .get(
            "/perses/api/api/v1/projects/vision-training/dashboards",
            Some(DEVELOPER),
        )
        .await;
    assert_eq!(reply.status, 403);
    let reply = live
        .server
        .get("/perses/api/api/v1/projects", Some(DATA_SCIENTIST))
        .await;
    assert_eq!(reply.body[0]["metadata"]["name"], "vision-training");
    assert_eq!(reply.body[0]["spec"]["display"]["name"], "Vision training");
    let reply = live
        .server
        .get(
            "/perses/api/api/v1/projects/fraud-detection",
            Some(DEVELOPER),
        )
        .await;
    assert_eq!(reply.status, 200);
}

async fn tenancy_queries(live: &Live) {
    let instant = query_string(&[
        ("namespace", "fraud-detection"),
        ("query", "sum by (namespace, pod) (kube_pod_info)"),
        ("time", &live.time),
    ]);
    let reply = live
        .server
        .prometheus("query", Some(DEVELOPER), &instant)
        .await;
    assert_eq!(reply.status, 200, "query: {}", reply.text);
    assert_eq!(reply.body["code"], 200);
    assert_eq!(reply.body["response"]["status"], "success");
    assert_eq!(reply.body["response"]["data"]["resultType"], "vector");
    assert_eq!(series(&reply.body["response"]["data"]).len(), 3);

    let end: i64 = live.time.parse().unwrap();
    let range = query_string(&[
        ("namespace", "vision-training"),
        // Volumes live as long as the cluster; training runs come and go, so a query about
        // them could find an idle hour.
        ("query", "sum(kubelet_volume_stats_used_bytes)"),
        ("start", &(end - 3600).to_string()),
        ("end", &live.time),
        ("step", "60"),
    ]);
    let reply = live
        .server
        .prometheus("queryRange", Some(DATA_SCIENTIST), &range)
        .await;
    assert_eq!(reply.status, 200, "queryRange: {}", reply.text);
    let result = series(&reply.body["response"]["data"]);
    assert_eq!(reply.body["response"]["data"]["resultType"], "matrix");
    assert!(
        result[0]["values"].as_array().unwrap().len() > 50,
        "an hour at 60 s steps"
    );

    // The older aliases behave like the routes they stand for.
    let reply = live
        .server
        .prometheus("pvc", Some(DEVELOPER), &instant)
        .await;
    assert_eq!(reply.status, 200);
    let reply = live
        .server
        .prometheus("serving", Some(DATA_SCIENTIST), &range)
        .await;
    assert_eq!(reply.status, 200);
}

async fn tenancy_errors(live: &Live) {
    let check = |route: &'static str,
                 token,
                 pairs: Vec<(&'static str, String)>,
                 status: u16,
                 message: &'static str| async move {
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = live
            .server
            .prometheus(route, Some(token), &query_string(&pairs))
            .await;
        assert_eq!(reply.status, status, "{route} {pairs:?}: {}", reply.text);
        assert_eq!(reply.body["statusCode"], status);
        assert!(
            reply.message().contains(message),
            "{route} {pairs:?}: {}",
            reply.text
        );
    };
    let ns = || ("namespace", "fraud-detection".to_owned());
    let q = |text: &str| ("query", text.to_owned());
    check(
        "query",
        DEVELOPER,
        vec![q("up")],
        400,
        "needs the \"namespace\" parameter",
    )
    .await;
    check(
        "query",
        DEVELOPER,
        vec![("namespace", "vision-training".into()), q("up")],
        403,
        "Forbidden (user=developer",
    )
    .await;
    check(
        "query",
        DEVELOPER,
        vec![ns()],
        400,
        "the \"query\" parameter is missing",
    )
    .await;
    check(
        "query",
        DEVELOPER,
        vec![ns(), q("sum(up")],
        400,
        "failed to parse query string",
    )
    .await;
    check(
        "query",
        DEVELOPER,
        vec![ns(), q("up{namespace=\"x\"}")],
        400,
        "conflicting label matcher",
    )
    .await;
    // Prometheus' own errors keep their status: bad_data is 400, execution errors 422.
    check(
        "query",
        DEVELOPER,
        vec![ns(), q("up"), ("time", "yesterday".into())],
        400,
        "invalid parameter \"time\"",
    )
    .await;
    check(
        "query",
        DEVELOPER,
        vec![
            ns(),
            q("kube_pod_info * on () kube_pod_info"),
            ("time", live.time.clone()),
        ],
        422,
        "many-to-many matching not allowed",
    )
    .await;
    check(
        "queryRange",
        DEVELOPER,
        vec![
            ns(),
            q("up"),
            ("start", "1".into()),
            ("end", "2".into()),
            ("step", "0".into()),
        ],
        400,
        "zero or negative query resolution step",
    )
    .await;
    check(
        "queryRange",
        DEVELOPER,
        vec![ns(), q("up")],
        400,
        "invalid parameter \"start\"",
    )
    .await;
}

async fn cluster_routes(live: &Live) {
    let query = query_string(&[
        ("query", "count by (namespace) (kube_pod_info)"),
        ("time", &live.time),
    ]);
    let reply = live
        .server
        .prometheus("cluster/query", Some(ADMIN), &query)
        .await;
    assert_eq!(reply.status, 200, "cluster/query: {}", reply.text);
    let namespaces = series(&reply.body["response"]["data"]);
    assert!(
        namespaces.len() >= 3,
        "no namespace enforcement for admins: {namespaces:?}"
    );

    let end: i64 = live.time.parse().unwrap();
    let range = query_string(&[
        ("query", "count(kube_pod_info)"),
        ("start", &(end - 600).to_string()),
        ("end", &live.time),
        ("step", "30"),
    ]);
    let reply = live
        .server
        .prometheus("cluster/queryRange", Some(ADMIN), &range)
        .await;
    assert_eq!(reply.status, 200, "cluster/queryRange: {}", reply.text);

    for token in [DEVELOPER, DATA_SCIENTIST] {
        for route in ["cluster/query", "cluster/queryRange"] {
            let reply = live.server.prometheus(route, Some(token), &query).await;
            assert_eq!(reply.status, 403, "{route}: {}", reply.text);
            assert!(
                reply.message().contains("cluster-monitoring-view"),
                "{}",
                reply.text
            );
        }
    }
}

/// The exporter holds every project's series: the main port does not serve it, whoever asks.
async fn metrics(live: &Live) {
    for token in [None, Some(ADMIN), Some(DEVELOPER)] {
        let reply = live.server.get("/metrics", token).await;
        assert_eq!(
            reply.status, 404,
            "/metrics on the main port: {}",
            reply.text
        );
        assert!(
            reply.message().contains("/api/prometheus"),
            "{}",
            reply.text
        );
        assert!(!reply.text.contains("kube_pod_info"), "{}", reply.text);
    }
    let reply = live.exporter.get("/metrics", None).await;
    assert_eq!(reply.status, 200);
    assert!(
        reply.text.contains("# TYPE kube_pod_info gauge"),
        "the demo exposition on the exporter's loopback port"
    );
    assert!(live.exporter.base.starts_with("http://127.0.0.1:"));
}

/// Every query of every bundled dashboard, its variables set to "all", returns data through
/// the tenancy route as the project's user, over the last 90 minutes as a panel asks for it.
/// An instant would not do: the training job idles for half an hour every four hours, so its
/// panels are empty at some times of day and full over any range as long as that.
async fn bundled_dashboards_have_data(live: &Live) {
    let mut empty = Vec::new();
    let mut checked = 0;
    for (namespace, token) in [
        ("fraud-detection", DEVELOPER),
        ("customer-support-llm", DEVELOPER),
        ("vision-training", DATA_SCIENTIST),
        // ODH's namespace: the cluster dashboards, through the cluster route, as an admin.
        ("opendatahub", ADMIN),
    ] {
        let route = if token == ADMIN {
            "cluster/queryRange"
        } else {
            "queryRange"
        };
        let path =
            format!("/api/k8s/apis/perses.dev/v1alpha1/namespaces/{namespace}/persesdashboards");
        let list = live.server.get(&path, Some(token)).await.body;
        for dashboard in list["items"].as_array().unwrap() {
            let mut queries = Vec::new();
            collect_queries(&dashboard["spec"], &mut queries);
            for query in queries {
                checked += 1;
                // A cluster dashboard's `namespace` variable is a list: "all" by default.
                let selected = if token == ADMIN { ".*" } else { namespace };
                let promql = interpolate(&query, selected);
                let end: i64 = live.time.parse().unwrap();
                let body = query_string(&[
                    ("namespace", namespace),
                    ("query", &promql),
                    ("start", &(end - 90 * 60).to_string()),
                    ("end", &live.time),
                    ("step", "60"),
                ]);
                let reply = live.server.prometheus(route, Some(token), &body).await;
                assert_eq!(reply.status, 200, "{namespace}: {promql}: {}", reply.text);
                if series(&reply.body["response"]["data"]).is_empty() {
                    empty.push(format!("{}: {promql}", dashboard["metadata"]["name"]));
                }
            }
        }
    }
    assert!(checked > 40, "{checked} queries");
    assert!(
        empty.is_empty(),
        "queries without data:\n{}",
        empty.join("\n")
    );
}

fn collect_queries(value: &Value, queries: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            for (key, value) in object {
                match (key.as_str(), value) {
                    ("query", Value::String(query)) => queries.push(query.clone()),
                    ("matchers", Value::Array(matchers)) => {
                        queries.extend(matchers.iter().filter_map(Value::as_str).map(str::to_owned))
                    }
                    _ => collect_queries(value, queries),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_queries(item, queries)),
        _ => {}
    }
}

/// The variables of the bundled dashboards, as the page would set them with "all" selected.
fn interpolate(query: &str, namespace: &str) -> String {
    // A repeated panel's query matches its variable exactly (one value per copy): it gets a
    // real value, as a copy has.
    let namespace_value = if namespace == ".*" {
        "vision-training"
    } else {
        namespace
    };
    let mut text = query
        .replace("=\"$model_name\"", "=\"llama-31-8b-instruct\"")
        .replace(
            "namespace=\"$namespace\"",
            &format!("namespace=\"{namespace_value}\""),
        )
        .replace("$__rate_interval", "5m")
        .replace("$__range", "1h")
        .replace("${namespace}", namespace)
        .replace("$namespace", namespace);
    for variable in [
        "${model}",
        "$model_name",
        "$model",
        "$protected",
        "$job_name",
        "$gpu_model",
        "$workbench",
        "$pod",
    ] {
        text = text.replace(variable, ".*");
    }
    assert!(!text.contains('$'), "a variable is left in {text}");
    text
}
