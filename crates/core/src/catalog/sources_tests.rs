use serde_json::json;

use super::*;

fn resources(names: &[&str]) -> String {
    let items: Vec<serde_json::Value> = names
        .iter()
        .map(|name| {
            json!({"apiVersion": "perses.dev/v1alpha1", "kind": "PersesDashboard",
                    "metadata": {"name": name, "namespace": "team-a"},
                    "spec": {"panels": {}, "layouts": []}})
        })
        .collect();
    json!({"kind": "PersesDashboardList", "items": items}).to_string()
}

fn perses(names: &[&str]) -> String {
    let items: Vec<serde_json::Value> = names
        .iter()
        .map(|name| {
            json!({"kind": "Dashboard", "metadata": {"name": name, "project": "team-a"},
                    "spec": {"panels": {}, "layouts": []}})
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

const FORBIDDEN: &str = r#"{"kind":"Status","code":403,"message":"persesdashboards is forbidden"}"#;

/// (case, resources answer, Perses answer) → names listed, notes, or the failure status.
#[test]
fn sources_combine_and_fail_alone() {
    let (crs, api, api_empty) = (resources(&["a", "b"]), perses(&["c"]), perses(&[]));
    type Expected = Result<(Vec<&'static str>, usize), Option<u16>>;
    let cases: Vec<(&str, Answer, Option<Answer>, Expected)> = vec![
        (
            "both",
            Answer {
                status: 200,
                body: &crs,
            },
            Some(Answer {
                status: 200,
                body: &api,
            }),
            Ok((vec!["a", "b", "c"], 0)),
        ),
        (
            "no Perses API",
            Answer {
                status: 200,
                body: &crs,
            },
            Some(Answer {
                status: 404,
                body: "",
            }),
            Ok((vec!["a", "b"], 0)),
        ),
        (
            "Perses API unreachable",
            Answer {
                status: 200,
                body: &crs,
            },
            None,
            Ok((vec!["a", "b"], 0)),
        ),
        (
            "Perses API garbled",
            Answer {
                status: 200,
                body: &crs,
            },
            Some(Answer {
                status: 200,
                body: "<html>",
            }),
            Ok((vec!["a", "b"], 1)),
        ),
        (
            "no operator",
            Answer {
                status: 404,
                body: "",
            },
            Some(Answer {
                status: 404,
                body: "",
            }),
            Ok((vec![], 1)),
        ),
        (
            "no operator, Perses API",
            Answer {
                status: 404,
                body: "",
            },
            Some(Answer {
                status: 200,
                body: &api,
            }),
            Ok((vec!["c"], 0)),
        ),
        (
            "resources forbidden",
            Answer {
                status: 403,
                body: FORBIDDEN,
            },
            Some(Answer {
                status: 404,
                body: "",
            }),
            Err(Some(403)),
        ),
        (
            "resources forbidden, Perses API empty",
            Answer {
                status: 403,
                body: FORBIDDEN,
            },
            Some(Answer {
                status: 200,
                body: &api_empty,
            }),
            Err(Some(403)),
        ),
        (
            "resources forbidden, Perses API",
            Answer {
                status: 403,
                body: FORBIDDEN,
            },
            Some(Answer {
                status: 200,
                body: &api,
            }),
            Ok((vec!["c"], 1)),
        ),
        (
            "resources down, Perses API",
            Answer {
                status: 503,
                body: "",
            },
            Some(Answer {
                status: 200,
                body: &api,
            }),
            Ok((vec!["c"], 1)),
        ),
        (
            "session expired",
            Answer {
                status: 401,
                body: "",
            },
            Some(Answer {
                status: 200,
                body: &api,
            }),
            Err(Some(401)),
        ),
        (
            "resources garbled",
            Answer {
                status: 200,
                body: "{",
            },
            None,
            Err(Some(200)),
        ),
        (
            "resources garbled, Perses API",
            Answer {
                status: 200,
                body: "{",
            },
            Some(Answer {
                status: 200,
                body: &api,
            }),
            Ok((vec!["c"], 1)),
        ),
    ];
    for (case, resources, perses, expected) in cases {
        let outcome = assemble(resources, perses)
            .map(|assembled| {
                let names: Vec<String> = assembled.entries.iter().map(|e| e.name.clone()).collect();
                (names, assembled.notes.len())
            })
            .map_err(|failure| failure.status);
        let expected =
            expected.map(|(names, notes)| (names.iter().map(|n| (*n).to_owned()).collect(), notes));
        assert_eq!(outcome, expected, "{case}");
    }
}

#[test]
fn failures_carry_the_kubernetes_message() {
    let failure = assemble(
        Answer {
            status: 403,
            body: FORBIDDEN,
        },
        None,
    )
    .unwrap_err();
    assert_eq!(failure.message, "persesdashboards is forbidden");
    let failure = assemble(
        Answer {
            status: 500,
            body: "oops",
        },
        None,
    )
    .unwrap_err();
    assert_eq!(failure.message, "HTTP 500");
}
