//! Hostile paths: long, encoded and traversing names on every route family.

use super::Server;

/// Hostile paths and parameters on the other routes: long, encoded, traversing names get a
/// clean 4xx with a short message, or the page; never a 5xx, and never a file outside the
/// served directories.
#[tokio::test]
async fn hostile_paths_get_clean_answers() {
    let server = Server::start(true).await;
    let long = "a".repeat(20_000);
    let dashboards = "/api/k8s/apis/perses.dev/v1alpha2/namespaces";
    let cases = [
        (format!("{dashboards}/{long}/persesdashboards"), 403),
        (
            format!("{dashboards}/fraud-detection/persesdashboards/{long}"),
            404,
        ),
        (
            format!("{dashboards}/fraud-detection/persesdashboards/%00%ff%2e%2e"),
            400,
        ),
        (
            format!("{dashboards}/..%2f..%2fvision-training/persesdashboards"),
            403,
        ),
        (
            "/api/k8s/apis/perses.dev/v9/namespaces/fraud-detection/persesdashboards".to_owned(),
            404,
        ),
        (
            format!("/perses/api/api/v1/projects/{long}/dashboards"),
            403,
        ),
        (
            format!("/perses/api/api/v1/projects/fraud-detection/dashboards/{long}"),
            404,
        ),
        (format!("/api/{long}"), 404),
        (format!("/api/status?{}", "a=1&".repeat(5_000)), 200),
        (format!("/__dev/as/{long}"), 404),
        // The client resolves the dots (plain or encoded) to /etc/passwd, a client-side route
        // of the page: never a file outside the served directories.
        ("/_mf/observabilityWasm/../../../etc/passwd".to_owned(), 200),
        (
            "/_mf/observabilityWasm/%2e%2e/%2e%2e/etc/passwd".to_owned(),
            200,
        ),
        ("/..%2f..%2f..%2fetc%2fpasswd".to_owned(), 200),
    ];
    for (path, expected) in &cases {
        let (status, body) = server.call("GET", path, &[]).await;
        let shown: String = path.chars().take(120).collect();
        assert_eq!(
            status,
            *expected,
            "{shown}: {}",
            &body[..body.len().min(300)]
        );
        assert!(
            !body.contains("root:"),
            "{shown}: a file outside the served directories"
        );
        if status >= 400 {
            assert!(
                body.len() < 2_000,
                "{shown}: the answer echoes the input: {} bytes",
                body.len()
            );
        }
    }
    // Sent as written, without a client resolving the dots first.
    for path in [
        "/_mf/observabilityWasm/../../../../etc/passwd",
        "/_mf/observabilityWasm/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/_mf/observabilityWasm/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    ] {
        let answer = raw_get(server.server.address(), path).await;
        assert!(answer.starts_with("HTTP/1.1 "), "{path}: {answer}");
        assert!(!answer.contains("root:"), "{path}: {answer}");
        assert!(!answer.starts_with("HTTP/1.1 5"), "{path}: {answer}");
    }
    server.server.stop().await.unwrap();
}

/// A GET with the path exactly as given.
async fn raw_get(address: std::net::SocketAddr, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}
