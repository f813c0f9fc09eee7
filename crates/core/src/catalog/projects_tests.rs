use serde_json::json;

use super::*;

fn list() -> String {
    json!({"kind": "ProjectList", "items": [
            {"metadata": {"name": "zeta", "annotations": {"openshift.io/display-name": "Alpha team"},
                "labels": {"opendatahub.io/dashboard": "true"}}, "status": {"phase": "Active"}},
            {"metadata": {"name": "beta"}, "status": {"phase": "Active"}},
            {"metadata": {"name": "openshift-monitoring"}},
            {"metadata": {"name": "kube-system"}},
            {"metadata": {"name": "default"}},
            {"metadata": {"name": "redhat-ods-applications"}},
            {"metadata": {"name": "maas", "labels": {"observability.opendatahub.io/cluster-dashboards": "true"},
                "annotations": {"openshift.io/display-name": "Models as a service"}}},
            {"metadata": {"name": "leaving"}, "status": {"phase": "Terminating"}}
        ]})
        .to_string()
}

fn status(is_admin: bool) -> Status {
    Status {
        user_name: Some("u".into()),
        is_admin,
        dashboard_namespace: Some("redhat-ods-applications".into()),
    }
}

fn listed(projects: &[Project]) -> Vec<(&str, &str, bool, DashboardHome)> {
    projects
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.display_name.as_str(),
                p.is_ai_project,
                p.home,
            )
        })
        .collect()
}

#[test]
fn users_see_their_projects_as_odh_shows_them() {
    let projects = parse_projects(&list(), &status(false)).unwrap();
    assert_eq!(
        listed(&projects),
        [
            ("zeta", "Alpha team", true, DashboardHome::Project),
            ("beta", "beta", false, DashboardHome::Project),
        ]
    );
    assert!(parse_projects("<html>", &status(false)).is_err());
    assert!(parse_projects(r#"{"items": 3}"#, &status(false)).is_err());
}

#[test]
fn administrators_also_see_the_cluster() {
    let projects = parse_projects(&list(), &status(true)).unwrap();
    assert_eq!(
        listed(&projects),
        [
            ("zeta", "Alpha team", true, DashboardHome::Project),
            ("beta", "beta", false, DashboardHome::Project),
            (
                "redhat-ods-applications",
                "Cluster",
                false,
                DashboardHome::Cluster
            ),
            (
                "maas",
                "Cluster: Models as a service",
                false,
                DashboardHome::Cluster
            ),
        ]
    );
}

#[test]
fn status_replies() {
    let body =
        json!({"kube": {"namespace": "redhat-ods-applications", "userName": "a", "isAdmin": true}});
    assert_eq!(
        parse_status(&body.to_string()),
        Status {
            user_name: Some("a".into()),
            is_admin: true,
            dashboard_namespace: Some("redhat-ods-applications".into()),
        }
    );
    for body in [
        "",
        "{}",
        r#"{"kube": {"namespace": "", "isAdmin": "yes"}}"#,
        "[1]",
    ] {
        assert_eq!(parse_status(body), Status::default(), "{body}");
    }
}

#[test]
fn the_namespace_shown() {
    let admin = parse_projects(&list(), &status(true)).unwrap();
    let user = parse_projects(&list(), &status(false)).unwrap();
    let chosen = |choice: ProjectChoice| match choice {
        ProjectChoice::Chosen(project) => project.name,
        other => format!("{other:?}"),
    };
    let check = |projects: &[Project], admin: bool, wanted, remembered, expected: &str| {
        let got = chosen(choose_project(projects, &status(admin), wanted, remembered));
        assert_eq!(got, expected, "{wanted:?} {remembered:?} admin={admin}");
    };
    check(&user, false, Some("beta"), Some("zeta"), "beta");
    check(&user, false, None, Some("beta"), "beta");
    check(&user, false, None, Some("gone"), "zeta");
    check(&user, false, None, None, "zeta");
    check(
        &user,
        false,
        Some("redhat-ods-applications"),
        None,
        "NeedsClusterAccess(\"redhat-ods-applications\")",
    );
    check(&user, false, Some("maas"), None, "Unknown(\"maas\")");
    check(
        &admin,
        true,
        Some("redhat-ods-applications"),
        None,
        "redhat-ods-applications",
    );
    check(&admin, true, None, Some("maas"), "maas");
    check(&admin, true, None, None, "zeta");
    let only_cluster: Vec<Project> = admin
        .iter()
        .filter(|p| p.home == DashboardHome::Cluster)
        .cloned()
        .collect();
    check(&only_cluster, true, None, None, "redhat-ods-applications");
    check(&[], false, None, None, "NoProjects");
}
