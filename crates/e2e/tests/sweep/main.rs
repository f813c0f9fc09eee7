//! Real dashboards nobody here wrote, in the browser: every dashboard of `tests/corpus/perses`,
//! every Grafana dashboard of `tests/corpus/grafana` imported by `obsctl import-grafana`, and
//! the bundled ones, opened as a project user (in a project) and as an administrator (in
//! the cluster view), every row opened and every panel scrolled into view. Each panel must
//! settle (data, no data, or an error in its card that says why), nothing may panic or throw,
//! the bundled dashboards must have data in every panel, and axe-core must find no
//! accessibility violation in what the project user sees. On failure a screenshot and the
//! page's errors are kept in the temporary directory, and every failing dashboard is listed.
//!
//! Ignored by a plain `cargo test`: `scripts/test.sh` runs it with the built page.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.
#![allow(clippy::print_stdout)] // The sweep reports what it saw.

use std::path::{Path, PathBuf};

use obs_cli::grafana::{ImportOptions, OutputKind, import};
use obs_core::envelope::find_dashboards;
use obs_core::source::{SourceFormat, parse_documents};
use obs_devserver::PrometheusSource;
use obs_e2e::{Backend, Harness, Pages, Tab, built_page};
use serde_json::{Value, json};

/// The corpus' dashboards go into this project (users) and into ODH's namespace (admins).
const CORPUS_PROJECT: &str = "corpus";
const CLUSTER_NAMESPACE: &str = "opendatahub";
const BUNDLED_PROJECTS: [&str; 3] = ["fraud-detection", "customer-support-llm", "vision-training"];

/// The page's errors: uncaught ones, rejected promises and `console.error` (a panic's report).
const ERROR_PROBE: &str = "window.__obsErrors = [];\
    addEventListener('error', (e) => window.__obsErrors.push(String(e.error || e.message)));\
    addEventListener('unhandledrejection', (e) => window.__obsErrors.push(String(e.reason)));\
    const consoleError = console.error;\
    console.error = function (...args) { window.__obsErrors.push(args.map(String).join(' ')); return consoleError.apply(this, args); };";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the page built by trunk: run scripts/test.sh"]
async fn real_dashboards_settle_in_the_browser() {
    let scratch = std::env::temp_dir().join(format!("obs-sweep-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let dashboards = prepare(&scratch).unwrap();
    let backend = Backend {
        prometheus: PrometheusSource::Managed {
            port: 0,
            backfill_secs: 4 * 3600,
        },
        dashboards_dir: scratch.join("dashboards"),
        rbac_file: scratch.join("rbac.yaml"),
    };
    let dist = built_page("OBS_E2E_DIST").unwrap();
    let harness = Harness::start_with(Pages::Standalone(dist), backend, (1400, 1000))
        .await
        .unwrap();
    let admin = harness.new_tab().await.unwrap();
    let user_visits: Vec<(String, String)> = dashboards
        .iter()
        .filter(|(namespace, _)| namespace != CLUSTER_NAMESPACE)
        .cloned()
        .collect();
    let admin_visits: Vec<(String, String)> = dashboards
        .iter()
        .filter(|(namespace, _)| namespace == CLUSTER_NAMESPACE)
        .cloned()
        .collect();
    // The user's visits are also checked by axe-core: real dashboards bring panel kinds and
    // options the bundled ones do not.
    let axe = obs_e2e::axe::source().unwrap();
    let (user, admin_result) = tokio::join!(
        sweep(&harness, "developer", &user_visits, &scratch, Some(&axe)),
        async {
            admin.goto("/__dev/as/admin").await?;
            sweep(&admin, "admin", &admin_visits, &scratch, None).await
        }
    );
    let _ = admin.close().await;
    harness.stop().await.unwrap();
    let failures: Vec<String> = [user, admin_result]
        .into_iter()
        .flat_map(|result| result.unwrap_or_else(|error| vec![error]))
        .collect();
    assert!(
        failures.is_empty(),
        "{} dashboards failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Writes the sweep's backend files: every corpus dashboard twice (the corpus project and
/// ODH's namespace, under unique names), the bundled dashboards in their projects, and users
/// who see them. Returns every (namespace, dashboard name) to open.
fn prepare(scratch: &Path) -> Result<Vec<(String, String)>, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut visits = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/corpus/perses"))
        .map_err(|error| error.to_string())?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| SourceFormat::from_file_name(&path.to_string_lossy()).is_some())
        .collect();
    files.sort();
    let mut count = 0;
    for path in files {
        let format =
            SourceFormat::from_file_name(&path.to_string_lossy()).unwrap_or(SourceFormat::Json);
        let text = std::fs::read_to_string(&path).map_err(|error| error.to_string())?;
        let Ok(documents) = parse_documents(&text, format) else {
            continue;
        };
        for document in &documents {
            for found in find_dashboards(document).into_iter().flatten() {
                count += 1;
                let original = found.name().unwrap_or("dashboard");
                let name: String = format!("c{count:02}-{original}")
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || "_.-".contains(c) {
                            c
                        } else {
                            '-'
                        }
                    })
                    .take(70)
                    .collect();
                for namespace in [CORPUS_PROJECT, CLUSTER_NAMESPACE] {
                    let mut resource = Value::Object(found.resource.clone());
                    resource["metadata"]["name"] = json!(name);
                    resource["metadata"]["namespace"] = json!(namespace);
                    resource["metadata"]["project"] = json!(namespace);
                    let dir = scratch.join("dashboards").join(namespace);
                    std::fs::create_dir_all(&dir).map_err(|error| error.to_string())?;
                    std::fs::write(dir.join(format!("{name}.json")), resource.to_string())
                        .map_err(|error| error.to_string())?;
                    visits.push((namespace.to_owned(), name.clone()));
                }
            }
        }
    }
    // The Grafana corpus, imported as `obsctl import-grafana` imports it, in the same places.
    let mut grafana: Vec<PathBuf> = std::fs::read_dir(root.join("tests/corpus/grafana"))
        .map_err(|error| error.to_string())?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    grafana.sort();
    for (index, path) in grafana.iter().enumerate() {
        let text = std::fs::read_to_string(path).map_err(|error| error.to_string())?;
        let document: Value = serde_json::from_str(&text).map_err(|error| error.to_string())?;
        for namespace in [CORPUS_PROJECT, CLUSTER_NAMESPACE] {
            let options = ImportOptions {
                kind: OutputKind::PersesDashboard,
                namespace: namespace.to_owned(),
                name: Some(format!("grafana-{index:02}")),
            };
            let imported = import(&document, &options)
                .map_err(|error| format!("{}: {error}", path.display()))?;
            let dir = scratch.join("dashboards").join(namespace);
            std::fs::create_dir_all(&dir).map_err(|error| error.to_string())?;
            std::fs::write(
                dir.join(format!("{}.json", imported.name)),
                imported.resource.to_string(),
            )
            .map_err(|error| error.to_string())?;
            visits.push((namespace.to_owned(), imported.name));
        }
    }
    // The bundled dashboards, in their own namespaces (the cluster overview in ODH's).
    for folder in BUNDLED_PROJECTS.iter().chain([&CLUSTER_NAMESPACE]) {
        let from = root.join("dashboards").join(folder);
        let to = scratch.join("dashboards").join(folder);
        std::fs::create_dir_all(&to).map_err(|error| error.to_string())?;
        for entry in std::fs::read_dir(&from).map_err(|error| error.to_string())? {
            let path = entry.map_err(|error| error.to_string())?.path();
            let text = std::fs::read_to_string(&path).map_err(|error| error.to_string())?;
            let Some(file_name) = path.file_name() else {
                continue;
            };
            std::fs::write(to.join(file_name), &text).map_err(|error| error.to_string())?;
            let documents =
                parse_documents(&text, SourceFormat::Yaml).map_err(|error| error.to_string())?;
            for document in &documents {
                for found in find_dashboards(document).into_iter().flatten() {
                    visits.push((
                        (*folder).to_owned(),
                        format!("bundled:{}", found.name().unwrap_or_default()),
                    ));
                }
            }
        }
    }
    let rbac = format!(
        "localUser: developer\nprojects:\n  - {{name: {CORPUS_PROJECT}, aiProject: true}}\n{}  - {{name: {CLUSTER_NAMESPACE}}}\nusers:\n  - {{name: developer, token: t-developer, projects: [{CORPUS_PROJECT}, {}]}}\n  - {{name: admin, token: t-admin, admin: true}}\n",
        BUNDLED_PROJECTS
            .iter()
            .map(|project| format!("  - {{name: {project}, aiProject: true}}\n"))
            .collect::<String>(),
        BUNDLED_PROJECTS.join(", ")
    );
    std::fs::write(scratch.join("rbac.yaml"), rbac).map_err(|error| error.to_string())?;
    Ok(visits)
}

/// Opens each dashboard in `tab` and checks it settles; returns what failed.
async fn sweep(
    tab: &Tab,
    who: &str,
    visits: &[(String, String)],
    scratch: &Path,
    axe: Option<&str>,
) -> Result<Vec<String>, String> {
    tab.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({"source": ERROR_PROBE}),
    )
    .await?;
    let mut failures = Vec::new();
    let mut panels_seen = 0;
    let mut states: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut error_samples: Vec<String> = Vec::new();
    for (namespace, name) in visits {
        let (bundled, name) = match name.strip_prefix("bundled:") {
            Some(name) => (true, name),
            None => (false, name.as_str()),
        };
        tab.goto(&format!("/?project={namespace}&dashboard={name}"))
            .await?;
        let opened = tab
            .wait_until(&format!("{name} opens"), || async {
                tab.eval_bool("return !!document.querySelector('.obs-dashboard')")
                    .await
            })
            .await;
        let outcome = match opened {
            Ok(()) => tab.eval_async(include_str!("settle.js")).await?,
            Err(error) => json!({"settled": false, "panels": [], "errors": [error]}),
        };
        let panels = outcome["panels"].as_array().cloned().unwrap_or_default();
        panels_seen += panels.len();
        if std::env::var_os("OBS_SWEEP_VERBOSE").is_some() {
            let with_data = panels
                .iter()
                .filter(|panel| panel["series"].as_u64().unwrap_or(0) > 0)
                .count();
            println!(
                "{who} {namespace}/{name}: {with_data} of {} panels with data",
                panels.len()
            );
        }
        for panel in &panels {
            let state = panel["state"].as_str().unwrap_or("none").to_owned();
            if state == "error" && error_samples.len() < 6 {
                error_samples.push(format!("{name} / {}: {}", panel["title"], panel["text"]));
            }
            *states.entry(state).or_default() += 1;
        }
        let mut problems = judge(&outcome, &panels, bundled);
        if let Some(axe) = axe
            && outcome["settled"] == true
        {
            problems.extend(obs_e2e::axe::violations(tab, axe, "axe-core").await?);
        }
        if !problems.is_empty() {
            let file = scratch.join(format!("failure-{who}-{name}.png"));
            tab.screenshot(&file).await;
            failures.push(format!("{who} {namespace}/{name}: {}", problems.join("; ")));
        }
    }
    println!(
        "{who}: {} dashboards, {panels_seen} panels, by state {states:?}; errors such as:\n  {}",
        visits.len(),
        error_samples.join("\n  ")
    );
    Ok(failures)
}

/// What is wrong with a dashboard as the page showed it.
fn judge(outcome: &Value, panels: &[Value], bundled: bool) -> Vec<String> {
    let mut problems = Vec::new();
    if outcome["settled"] != true {
        let stuck: Vec<String> = panels
            .iter()
            .filter(|panel| {
                ["idle", "waiting", "loading"].contains(&panel["state"].as_str().unwrap_or(""))
                    || panel["chunk"] == "loading"
            })
            .map(|panel| format!("{:?} {}", panel["title"], panel["state"]))
            .collect();
        problems.push(format!("did not settle: {stuck:?}"));
    }
    if let Some(errors) = outcome["errors"].as_array()
        && !errors.is_empty()
    {
        problems.push(format!("page errors: {errors:?}"));
    }
    for panel in panels {
        let state = panel["state"].as_str().unwrap_or("");
        let title = &panel["title"];
        if state == "error" && panel["text"].as_str().is_none_or(str::is_empty) {
            problems.push(format!("panel {title} failed without saying why"));
        }
        if panel["chunk"] == "failed" {
            problems.push(format!("panel {title}: its chunk did not download"));
        }
        let needs_data = bundled && panel["kind"].as_str() != Some("Markdown");
        if needs_data && (state != "ready" || panel["series"].as_u64().unwrap_or(0) == 0) {
            problems.push(format!(
                "bundled panel {title} has no data ({state}): {}",
                panel["text"]
            ));
        }
    }
    problems
}
