//! `/_mf/<name>/`: module-federation remotes served as the ODH backend proxies them, beside a
//! single-page shell, and the `missingFiles` fault. No Prometheus is needed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use common::{Client, config, unreachable_prometheus};
use obs_devserver::RunningServer;
use serde_json::json;

struct Fetched {
    status: u16,
    content_type: String,
    cache_control: String,
    body: String,
}

async fn fetch(base: &str, path: &str) -> Fetched {
    let response = reqwest::get(format!("{base}{path}")).await.unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (content_type, cache_control) = (header("content-type"), header("cache-control"));
    Fetched {
        status: response.status().as_u16(),
        content_type,
        cache_control,
        body: response.text().await.unwrap(),
    }
}

#[tokio::test]
async fn remotes_beside_a_shell() {
    let remote = tempfile::tempdir().unwrap();
    std::fs::write(
        remote.path().join("remoteEntry.js"),
        "var observabilityWasm = {};",
    )
    .unwrap();
    std::fs::write(remote.path().join("page_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let shell = tempfile::tempdir().unwrap();
    std::fs::write(
        shell.path().join("index.html"),
        "<!doctype html><p>shell</p>",
    )
    .unwrap();

    let mut config = config(unreachable_prometheus());
    config.static_dir = Some(shell.path().to_owned());
    config.remotes = vec![("observabilityWasm".into(), remote.path().to_owned())];
    let server = RunningServer::start(config).await.unwrap();
    let base = server.url();

    let entry = fetch(&base, "/_mf/observabilityWasm/remoteEntry.js").await;
    assert_eq!(entry.status, 200);
    assert!(
        entry.content_type.contains("javascript"),
        "{}",
        entry.content_type
    );
    assert_eq!(
        entry.cache_control, "no-cache",
        "as the ODH backend adds it"
    );
    assert_eq!(entry.body, "var observabilityWasm = {};");
    let wasm = fetch(&base, "/_mf/observabilityWasm/page_bg.wasm").await;
    assert_eq!(
        (wasm.status, wasm.content_type.as_str()),
        (200, "application/wasm")
    );

    // A missing file of a remote, and an unknown remote, are 404s, never the shell's page.
    for path in [
        "/_mf/observabilityWasm/missing.js",
        "/_mf/other/remoteEntry.js",
        "/_mf/x",
    ] {
        let missing = fetch(&base, path).await;
        assert_eq!(missing.status, 404, "{path}");
        assert!(!missing.body.contains("shell"), "{path}");
    }
    // Any other path is the shell's (a single-page app).
    let page = fetch(&base, "/observe-and-monitor/observability/fraud-detection").await;
    assert_eq!((page.status, page.body.contains("shell")), (200, true));

    // The fault helper makes chosen files answer 404 until it is cleared.
    let client = Client::new(&server);
    let set = client
        .post(
            "/__dev/faults",
            None,
            &json!({"missingFiles": ["_bg.wasm"]}),
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.text);
    assert_eq!(set.body["missingFiles"], json!(["_bg.wasm"]));
    assert_eq!(set.body["prometheusDelayMs"], 0, "left alone");
    assert_eq!(
        fetch(&base, "/_mf/observabilityWasm/page_bg.wasm")
            .await
            .status,
        404
    );
    assert_eq!(
        fetch(&base, "/_mf/observabilityWasm/remoteEntry.js")
            .await
            .status,
        200
    );
    client
        .post("/__dev/faults", None, &json!({"missingFiles": []}))
        .await;
    assert_eq!(
        fetch(&base, "/_mf/observabilityWasm/page_bg.wasm")
            .await
            .status,
        200
    );
    let bad = client
        .post("/__dev/faults", None, &json!({"missingFiles": "all"}))
        .await;
    assert_eq!(bad.status, 400);
    server.stop().await.unwrap();
}
