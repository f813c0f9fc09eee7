//! A Prometheus query as the ODH backend takes it: `POST /api/prometheus/queryRange` (or
//! `/query`) with the JSON body `{"query": "<URL query string>"}`, the user's project in
//! `namespace=`, as ODH's own client builds it with `URLSearchParams`; or the same under
//! `/api/prometheus/cluster/` without a namespace (see [`crate::scope`]).

use serde::Serialize;

use crate::scope::QueryScope;

/// Range or instant query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueryKind {
    Range,
    Instant,
}

/// A query ready to send: PromQL with every variable interpolated, and its times.
#[derive(Debug, Clone, PartialEq)]
pub struct PromQuery {
    pub kind: QueryKind,
    pub promql: String,
    /// Range: the first evaluation, unix seconds. Instant: unused.
    pub start_secs: f64,
    /// Range: the last evaluation; instant: the evaluation time. Unix seconds.
    pub end_secs: f64,
    /// Range only.
    pub step_secs: f64,
    /// The tenancy route (with the project as `namespace=`) or the cluster route.
    pub scope: QueryScope,
}

#[derive(Serialize)]
struct Body<'a> {
    query: &'a str,
}

impl PromQuery {
    pub fn instant(promql: impl Into<String>, time_secs: f64) -> Self {
        Self {
            kind: QueryKind::Instant,
            promql: promql.into(),
            start_secs: time_secs,
            end_secs: time_secs,
            step_secs: 0.0,
            scope: QueryScope::Tenancy,
        }
    }

    /// The same query on another route.
    pub fn with_scope(mut self, scope: QueryScope) -> Self {
        self.scope = scope;
        self
    }

    /// The backend route.
    pub fn path(&self) -> &'static str {
        match (self.scope, self.kind) {
            (QueryScope::Tenancy, QueryKind::Range) => "/api/prometheus/queryRange",
            (QueryScope::Tenancy, QueryKind::Instant) => "/api/prometheus/query",
            (QueryScope::Cluster, QueryKind::Range) => "/api/prometheus/cluster/queryRange",
            (QueryScope::Cluster, QueryKind::Instant) => "/api/prometheus/cluster/query",
        }
    }

    /// The URL query string the backend forwards to Prometheus: on the tenancy route with the
    /// project first; the cluster route takes no namespace.
    pub fn query_string(&self, namespace: &str) -> String {
        let mut params = form_urlencoded::Serializer::new(String::new());
        if self.scope == QueryScope::Tenancy {
            params.append_pair("namespace", namespace);
        }
        params.append_pair("query", &self.promql);
        match self.kind {
            QueryKind::Range => {
                params.append_pair("start", &number(self.start_secs));
                params.append_pair("end", &number(self.end_secs));
                params.append_pair("step", &number(self.step_secs));
            }
            QueryKind::Instant => {
                params.append_pair("time", &number(self.end_secs));
            }
        }
        params.finish()
    }

    /// The JSON request body. Identical queries of a page have identical bodies, which is what
    /// requests are de-duplicated by.
    pub fn body(&self, namespace: &str) -> String {
        let query = self.query_string(namespace);
        serde_json::to_string(&Body { query: &query }).unwrap_or_default()
    }
}

/// Numbers as JavaScript's `String(n)` writes them for timestamps and steps: no trailing `.0`.
fn number(value: f64) -> String {
    format!("{value}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_match_what_odh_sends() {
        let range = PromQuery {
            kind: QueryKind::Range,
            promql: "sum(rate(x{pod=~\"a|b\"}[5m])) by (pod)".into(),
            start_secs: 1_700_000_000.0,
            end_secs: 1_700_003_600.0,
            step_secs: 60.0,
            scope: QueryScope::Tenancy,
        };
        assert_eq!(range.path(), "/api/prometheus/queryRange");
        assert_eq!(
            range.query_string("team-a"),
            "namespace=team-a&query=sum%28rate%28x%7Bpod%3D%7E%22a%7Cb%22%7D%5B5m%5D%29%29+by+%28pod%29\
             &start=1700000000&end=1700003600&step=60"
        );
        let body: serde_json::Value = serde_json::from_str(&range.body("team-a")).unwrap();
        assert_eq!(body["query"], range.query_string("team-a"));
        let instant = PromQuery::instant("up", 1_700_000_000.5);
        assert_eq!(instant.path(), "/api/prometheus/query");
        assert_eq!(
            instant.query_string("a&b"),
            "namespace=a%26b&query=up&time=1700000000.5"
        );
        // The cluster route: its own paths, and no namespace.
        let cluster = range.with_scope(QueryScope::Cluster);
        assert_eq!(cluster.path(), "/api/prometheus/cluster/queryRange");
        assert!(cluster.query_string("team-a").starts_with("query=sum"));
        let instant = instant.with_scope(QueryScope::Cluster);
        assert_eq!(instant.path(), "/api/prometheus/cluster/query");
        assert_eq!(instant.query_string("team-a"), "query=up&time=1700000000.5");
    }
}
