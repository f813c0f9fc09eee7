use super::*;

const FILE: &str = "
localUser: dev
projects:
  - {name: a, displayName: A, aiProject: true}
  - {name: b, labels: {observability.opendatahub.io/cluster-dashboards: 'true'}}
  - {name: kube-system}
users:
  - {name: dev, token: t-dev, projects: [a]}
  - {name: root, token: t-root, admin: true}
";

#[test]
fn tokens_and_local_mode_pick_the_user() {
    let rbac = Rbac::from_yaml(FILE).unwrap();
    assert_eq!(
        rbac.authenticate(Some("t-root"), true).unwrap().name,
        "root"
    );
    assert_eq!(rbac.authenticate(None, true).unwrap().name, "dev");
    assert_eq!(rbac.authenticate(None, false), Err(AuthError::MissingToken));
    assert_eq!(
        rbac.authenticate(Some("t-x"), true),
        Err(AuthError::UnknownToken)
    );
    assert_eq!(rbac.user_named("root").map(|user| user.admin), Some(true));
    assert!(rbac.user_named("t-root").is_none());
    let labelled = &rbac.projects()[1];
    assert_eq!(
        labelled
            .labels
            .get("observability.opendatahub.io/cluster-dashboards"),
        Some(&"true".to_owned())
    );
}

#[test]
fn admins_see_everything_and_users_their_projects() {
    let rbac = Rbac::from_yaml(FILE).unwrap();
    let dev = rbac.authenticate(Some("t-dev"), false).unwrap();
    let root = rbac.authenticate(Some("t-root"), false).unwrap();
    let names = |user| {
        rbac.visible_projects(user)
            .map(|project| project.name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(dev), ["a"]);
    assert_eq!(names(root), ["a", "b", "kube-system"]);
    assert!(rbac.may_read(dev, "a") && !rbac.may_read(dev, "b"));
    assert!(rbac.may_read(root, "anything"));
}

#[test]
fn mistakes_in_the_file_are_named() {
    let check = |text: &str, expected: &str| {
        let error = Rbac::from_yaml(text).unwrap_err();
        assert!(error.contains(expected), "{error}");
    };
    check(
        "projects: []\nusers: [{name: u, token: t, projects: [x]}]",
        "not in the projects list",
    );
    check(
        "projects: []\nusers: [{name: u, token: t}, {name: v, token: t}]",
        "shares a token",
    );
    check("projects: [{name: A}]\nusers: []", "not a Kubernetes name");
    check("localUser: x\nprojects: []\nusers: []", "localUser \"x\"");
    check("projects: []\nusers: []\nextra: 1", "unknown field");
}

#[test]
fn the_bundled_file_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dev/rbac.yaml");
    let rbac = Rbac::load(&path).unwrap();
    let developer = rbac.local_user().unwrap();
    assert_eq!(developer.name, "developer");
    assert!(!developer.admin);
}
