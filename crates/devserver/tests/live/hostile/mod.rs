//! Hostile input against the query routes, by class: deep and long queries, numbers where
//! durations and times go, long rewritten queries, and bodies that are too big or malformed.
//!
//! Each input must get a clean answer: a 4xx with a message, or (where the input is valid) a
//! 200 whose series all stay in the caller's namespace. Never a 5xx, a closed connection or a
//! hang; and the server answers as before afterwards.

use serde_json::Value;

use super::common::{ADMIN, DEVELOPER, query_string};
use super::{Live, series};

const NAMESPACE: &str = "fraud-detection";

/// What must happen to one input.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Refused with this status and a message containing this text.
    Refused(u16, &'static str),
    /// Accepted with data; every series stays in the namespace.
    Scoped,
    /// Accepted, perhaps with no data (a range too short to hold a sample, a time long ago).
    Answered,
}

use Expect::{Answered, Refused, Scoped};

mod cases;

use cases::{bodies, parameters, queries};

pub async fn run(live: &Live) {
    let mut failures = Vec::new();
    let mut answered = 0;
    for (name, promql, expect) in queries() {
        let body = query_string(&[
            ("namespace", NAMESPACE),
            ("query", &promql),
            ("time", &live.time),
        ]);
        let reply = live
            .server
            .prometheus("query", Some(DEVELOPER), &body)
            .await;
        failures.extend(check(&name, &reply, expect));
        answered += 1;
    }
    for (route, name, body, expect) in parameters(&live.time) {
        let reply = live.server.prometheus(route, Some(DEVELOPER), &body).await;
        failures.extend(check(name, &reply, expect));
        answered += 1;
    }
    for (name, body, status) in bodies() {
        for route in ["/api/prometheus/query", "/api/prometheus/cluster/query"] {
            let reply = live
                .server
                .try_post_raw(route, Some(ADMIN), "application/json", body.clone())
                .await;
            match reply {
                // Unread bytes stay on a refused connection: it must not be reused.
                Ok(reply) if reply.status == 413 && !reply.closes => failures.push(format!(
                    "{name} on {route}: a 413 without Connection: close"
                )),
                Ok(reply) if reply.status == status => {}
                Ok(reply) => failures.push(format!(
                    "{name} on {route}: {} {}",
                    reply.status,
                    shorten(&reply.text)
                )),
                // The 413 came before the client finished sending: it saw the connection close.
                Err(error)
                    if status == 413
                        && (error.contains("BrokenPipe") || error.contains("ConnectionReset")) => {}
                Err(error) => failures.push(format!("{name} on {route}: {error}")),
            }
            answered += 1;
        }
    }
    // The cluster route takes the same bounds, for administrators.
    for (name, promql, expect) in queries() {
        if let Refused(..) = expect {
            let body = query_string(&[("query", &promql), ("time", &live.time)]);
            let reply = live
                .server
                .prometheus("cluster/query", Some(ADMIN), &body)
                .await;
            if reply.status != 400 {
                failures.push(format!(
                    "cluster: {name}: {} {}",
                    reply.status,
                    shorten(&reply.text)
                ));
            }
            answered += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {answered} hostile inputs were not answered as expected:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("hostile input: {answered} requests, every one answered cleanly");
    still_serving(live).await;
}

/// What is wrong with the answer to one input, if anything.
fn check(name: &str, reply: &super::common::Reply, expect: Expect) -> Option<String> {
    let text = shorten(&reply.text);
    let wrong = |why: &str| Some(format!("{name}: {why}: {} {text}", reply.status));
    match expect {
        Refused(status, message) => {
            if reply.status != status {
                return wrong(&format!("expected {status}"));
            }
            if !reply.message().contains(message) {
                return wrong(&format!("the message does not say {message:?}"));
            }
            if reply.message().len() > 2_000 {
                return wrong("the message echoes the input");
            }
        }
        Scoped | Answered => {
            if reply.status != 200 {
                return wrong("expected 200");
            }
            let result = series(&reply.body["response"]["data"]);
            if result.is_empty() && matches!(expect, Scoped) {
                return wrong("no data");
            }
            for series in &result {
                for label in ["namespace", "exported_namespace"] {
                    let value = &series["metric"][label];
                    if !(value.is_null() || value == NAMESPACE) {
                        return wrong(&format!("leaked {}", series["metric"]));
                    }
                }
            }
        }
    }
    None
}

/// After all of it, the server answers as before.
async fn still_serving(live: &Live) {
    let status = live.server.get("/api/status", None).await;
    assert_eq!(
        status.status, 200,
        "after the hostile input: {}",
        status.text
    );
    let body = query_string(&[
        ("namespace", NAMESPACE),
        ("query", "count(kube_pod_info)"),
        ("time", &live.time),
    ]);
    let reply = live
        .server
        .prometheus("query", Some(DEVELOPER), &body)
        .await;
    assert_eq!(reply.status, 200, "after the hostile input: {}", reply.text);
    assert_ne!(
        reply.body["response"]["data"]["result"],
        Value::Array(Vec::new())
    );
}

fn shorten(text: &str) -> String {
    text.chars().take(500).collect()
}
