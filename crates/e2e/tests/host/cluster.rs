//! Cluster dashboards: administrators see ODH's own namespace as "Cluster", and its dashboards
//! query every namespace through the cluster route; a user who opens one by link gets one
//! clear message and no request that is bound to fail.

use super::{BASE, open_shell, wait_for_location, wait_for_page};
use obs_e2e::{Harness, now_ms, prometheus_calls};

pub async fn cluster_dashboards_are_for_administrators(harness: &Harness) -> Result<(), String> {
    // A user, by link.
    let since_ms = now_ms();
    open_shell(harness, &format!("{BASE}/opendatahub")).await?;
    wait_for_page(harness).await?;
    harness
        .wait_until("the user is told what the cluster view needs", || async {
            harness
                .eval_bool(
                    "const text = document.querySelector('.obs-root').innerText;\
                     return text.includes('Cluster dashboards need cluster-wide access')\
                       && text.includes('cluster-monitoring-view')\
                       && document.querySelector('.obs-scope').innerText.includes('your projects');",
                )
                .await
        })
        .await?;
    let bound_to_fail: Vec<String> = harness
        .requests_since(since_ms)
        .await?
        .iter()
        .filter(|record| record["user"] == "developer")
        .filter_map(|record| record["path"].as_str())
        .filter(|path| {
            path.contains("/prometheus/cluster/") || path.contains("/namespaces/opendatahub/")
        })
        .map(str::to_owned)
        .collect();
    if !bound_to_fail.is_empty() {
        return Err(format!(
            "requests a user cannot make were sent: {bound_to_fail:?}"
        ));
    }

    // An administrator.
    harness
        .goto(&format!("/__dev/as/admin?to={BASE}/customer-support-llm"))
        .await?;
    wait_for_page(harness).await?;
    harness
        .wait_until("the page says the user is an administrator", || async {
            harness
                .eval_bool(
                    "const scope = document.querySelector('.obs-scope');\
                     return !!scope && scope.innerText.includes('admin')\
                       && scope.innerText.includes('cluster administrator');",
                )
                .await
        })
        .await?;
    let since_ms = now_ms();
    harness.choose("Project", "Cluster").await?;
    wait_for_location(
        harness,
        "the cluster view is in the path",
        &format!("here.startsWith('{BASE}/opendatahub?dashboard=dashboard-0-cluster-overview')"),
    )
    .await?;
    harness.wait_for_panel_data("GPU utilization").await?;
    // A panel repeated per project: one gauge each, three to a row.
    for project in ["customer-support-llm", "fraud-detection", "vision-training"] {
        harness
            .wait_for_panel_data(&format!("GPUs of {project}"))
            .await?;
    }
    harness
        .eval(
            "obsPanel('GPU utilization by project').scrollIntoView()",
            Vec::new(),
        )
        .await?;
    harness
        .wait_until("every project's GPUs are charted", || async {
            harness
                .eval_bool(
                    "const p = obsPanel('GPU utilization by project');\
                     return !!p && p.dataset.state === 'ready' && Number(p.dataset.series) >= 3",
                )
                .await
        })
        .await?;
    // The other browser runs beside this one as the local user: only the admin's calls count.
    let records: Vec<serde_json::Value> = harness
        .requests_since(since_ms)
        .await?
        .into_iter()
        .filter(|record| record["user"] == "admin")
        .collect();
    let calls = prometheus_calls(&records);
    // Queries of the dashboard left behind may still be on their way; the cluster dashboard's
    // own would carry ODH's namespace if they took the tenancy route.
    let misrouted: Vec<_> = calls
        .iter()
        .filter(|(_, params, _)| params["namespace"] == "opendatahub")
        .collect();
    let cluster: Vec<_> = calls
        .iter()
        .filter(|(route, _, _)| route.starts_with("cluster/"))
        .collect();
    let result = if cluster.is_empty()
        || !misrouted.is_empty()
        || cluster
            .iter()
            .any(|(_, params, _)| params.get("namespace").is_some())
    {
        Err(format!(
            "the cluster dashboard must query through the cluster route only, without a namespace: {calls:?}"
        ))
    } else {
        Ok(())
    };
    // Back to the local user, whatever happened.
    harness.goto("/__dev/as?to=/").await?;
    result
}
