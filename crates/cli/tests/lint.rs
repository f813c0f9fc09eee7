//! The `obsctl lint` binary as CI runs it: exit codes, output formats, the corpus and every
//! file of the repository.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BINARY: &str = env!("CARGO_BIN_EXE_obsctl");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn obsctl(args: &[&str], dir: &Path) -> Output {
    Command::new(BINARY)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Zero false errors on real dashboards nobody here wrote, and every file shipped passes.
#[test]
fn the_corpus_and_the_repository_have_no_errors() {
    for target in ["tests/corpus/perses", "dashboards", "."] {
        let output = obsctl(&["lint", "--format", "json", target], &repo());
        let report = json(&output);
        let errors: Vec<&serde_json::Value> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|finding| finding["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{target}: {errors:#?}");
        assert!(output.status.success(), "{target}");
        assert!(
            report["summary"]["dashboards"].as_u64().unwrap() >= 6,
            "{target}"
        );
    }
    let corpus = json(&obsctl(
        &["lint", "--format", "json", "tests/corpus/perses"],
        &repo(),
    ));
    assert!(corpus["summary"]["dashboards"].as_u64().unwrap() >= 34);
}

/// A one-panel project dashboard whose query is on line 16.
fn dashboard(name: &str, query: &str) -> String {
    format!(
        "\
apiVersion: perses.dev/v1alpha2
kind: PersesDashboard
metadata: {{name: {name}, namespace: fraud-detection}}
spec:
  config:
    panels:
      p:
        kind: Panel
        spec:
          plugin: {{kind: TimeSeriesChart, spec: {{}}}}
          queries:
            - kind: TimeSeriesQuery
              spec:
                plugin:
                  kind: PrometheusTimeSeriesQuery
                  spec: {{query: '{query}'}}
    layouts: []
"
    )
}

#[test]
fn exit_codes_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("nested")).unwrap();
    std::fs::write(
        dir.path().join("nested/broken.yaml"),
        dashboard("broken", "sum(rate(x[5m])"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("warned.yaml"),
        dashboard("warned", "rate(x[10s])"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not read: not a manifest").unwrap();

    let text = obsctl(&["lint", "."], dir.path());
    assert_eq!(text.status.code(), Some(1));
    let stdout = String::from_utf8(text.stdout).unwrap();
    assert!(
        stdout.contains(
            "./nested/broken.yaml:16: error[promql] \
             spec.config.panels.p.spec.queries[0].spec.plugin.spec.query: the query does not parse"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("./warned.yaml:16: warning[short-rate-range]"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("1 error, 1 warning in 2 dashboards of 2 files\n"),
        "{stdout}"
    );

    let github = obsctl(&["lint", "--format", "github", "nested"], dir.path());
    let stdout = String::from_utf8(github.stdout).unwrap();
    assert!(
        stdout.starts_with("::error file=nested/broken.yaml,line=16,title=obsctl lint%3A promql::"),
        "{stdout}"
    );

    // Warnings alone pass, unless --strict; a silenced warning passes --strict.
    assert_eq!(
        obsctl(&["lint", "warned.yaml"], dir.path()).status.code(),
        Some(0)
    );
    assert_eq!(
        obsctl(&["lint", "--strict", "warned.yaml"], dir.path())
            .status
            .code(),
        Some(1)
    );
    let silenced = [
        "lint",
        "--strict",
        "--disable",
        "short-rate-range",
        "warned.yaml",
    ];
    assert_eq!(obsctl(&silenced, dir.path()).status.code(), Some(0));

    // A missing path is an error; an unknown rule id is a usage error.
    let missing = obsctl(&["lint", "--format", "json", "nowhere"], dir.path());
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(json(&missing)["findings"][0]["rule"], "unreadable");
    let usage = obsctl(&["lint", "--disable", "no-such-rule", "."], dir.path());
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("unknown rule \"no-such-rule\""));
}

#[test]
fn help_lists_the_rules() {
    let help = obsctl(&["lint", "--help"], &repo());
    let text = String::from_utf8(help.stdout).unwrap();
    for id in [
        "promql",
        "histogram-quantile-le",
        "namespace-matcher",
        "unit-mismatch",
    ] {
        assert!(text.contains(id), "{id} missing from:\n{text}");
    }
}

/// Paths that are not dashboard files give a clear error, and the run goes on.
#[test]
fn hostile_paths() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "kind: PersesDashboard\nspec: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.path().join("deep.yaml"), deep).unwrap();
    let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        bomb.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    std::fs::write(dir.path().join("bomb.yaml"), bomb).unwrap();
    let output = obsctl(
        &[
            "lint",
            "--format",
            "json",
            "/dev/zero",
            "deep.yaml",
            "bomb.yaml",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| finding["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].contains("not a regular file"), "{messages:?}");
    assert!(messages[1].contains("recursion limit"), "{messages:?}");
    assert!(messages[2].contains("budget"), "{messages:?}");
}
