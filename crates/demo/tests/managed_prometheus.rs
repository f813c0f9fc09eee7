//! A real Prometheus with a short backfill and a local exporter: history and live scrapes are
//! both there for every project, meet without a gap or a rejected sample, and `stop` (or a drop)
//! ends the process.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod support;

use std::time::{Duration, Instant};

use obs_demo::{DemoError, ManagedPrometheus, PROJECTS, PrometheusOptions, exposition, http};
use support::{
    PATIENCE, assert_close, by_namespace, generator_sums, now_ms, process_ended, query,
    start_exporter,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backfilled_history_and_live_scrapes_meet_in_prometheus() {
    let (exporter_port, exporter) = start_exporter().await;
    let options = PrometheusOptions {
        scrape_target: format!("127.0.0.1:{exporter_port}"),
        backfill_secs: 2 * 3_600,
        ..PrometheusOptions::default()
    };
    let prometheus = ManagedPrometheus::start(options).await.unwrap();
    let backfill_end_ms = prometheus.backfill_end_ms().unwrap();
    assert!(
        prometheus
            .url()
            .ends_with(&format!(":{}", prometheus.port()))
    );

    // History, an hour back on the backfill grid: every project is there, with exactly the
    // generator's values.
    let past_ms = (backfill_end_ms - 3_600_000).div_euclid(30_000) * 30_000;
    let pods =
        by_namespace(&query(&prometheus, "count by (namespace) (kube_pod_info)", past_ms).await);
    for project in PROJECTS {
        assert!(
            pods.get(project).is_some_and(|count| *count >= 1.0),
            "no pods of {project} in the history: {pods:?}"
        );
    }
    // Only samples taken exactly then: a series that ended minutes before (a training run, a
    // rollout) still shows within Prometheus' lookback but is gone from the generator.
    let past_secs = past_ms / 1_000;
    let cpu_then = format!(
        "sum by (namespace) (container_cpu_usage_seconds_total \
         and timestamp(container_cpu_usage_seconds_total) == {past_secs})"
    );
    assert_close(
        &by_namespace(&query(&prometheus, &cpu_then, past_ms).await),
        &generator_sums(past_ms, "container_cpu_usage_seconds_total"),
        "CPU seconds an hour ago",
    );

    // Live: wait for a scrape newer than the backfill in every project.
    let waiting_since = Instant::now();
    let live = loop {
        let newest = by_namespace(
            &query(
                &prometheus,
                "max by (namespace) (timestamp(kube_pod_info))",
                now_ms(),
            )
            .await,
        );
        let live: Vec<&String> = newest
            .iter()
            .filter(|(_, secs)| **secs * 1_000.0 > backfill_end_ms as f64)
            .map(|(namespace, _)| namespace)
            .collect();
        if PROJECTS
            .iter()
            .all(|project| live.iter().any(|namespace| namespace.as_str() == *project))
        {
            break newest;
        }
        assert!(
            waiting_since.elapsed() < PATIENCE,
            "no live scrape for every project: {newest:?}\n{}",
            prometheus.log_tail()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    assert!(live.len() >= PROJECTS.len());

    // The seam: pods alive before the backfill ended and still alive have samples from the
    // history into the live scrapes, with no hole longer than Prometheus' lookback.
    let alive_now = exposition(now_ms());
    let seam = query(&prometheus, "kube_pod_info[15m]", now_ms()).await;
    let mut joined = 0;
    for series in &seam {
        let pod = series["metric"]["pod"].as_str().unwrap();
        let times: Vec<f64> = series["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|point| point[0].as_f64().unwrap())
            .collect();
        let before_seam = times
            .first()
            .is_some_and(|first| *first * 1_000.0 < backfill_end_ms as f64);
        if !before_seam || !alive_now.contains(&format!("pod=\"{pod}\"")) {
            continue;
        }
        assert!(
            times
                .last()
                .is_some_and(|last| *last * 1_000.0 > backfill_end_ms as f64),
            "{pod}: {times:?}"
        );
        let widest = times
            .windows(2)
            .map(|pair| pair[1] - pair[0])
            .fold(0.0, f64::max);
        assert!(
            widest < 300.0,
            "{pod}: a {widest} s hole between history and live samples"
        );
        joined += 1;
    }
    assert!(joined >= 5, "only {joined} series across the seam");

    // Nothing was rejected as out of bounds, out of order or duplicate.
    let metrics = http::get(prometheus.port(), "/metrics", Duration::from_secs(30))
        .await
        .unwrap()
        .body;
    for counter in [
        "prometheus_target_scrapes_sample_out_of_bounds_total",
        "prometheus_target_scrapes_sample_out_of_order_total",
        "prometheus_target_scrapes_sample_duplicate_timestamp_total",
        "prometheus_tsdb_out_of_bound_samples_total",
    ] {
        let rejected: f64 = metrics
            .lines()
            .filter(|line| line.starts_with(counter))
            .map(|line| line.rsplit(' ').next().unwrap().parse::<f64>().unwrap())
            .sum();
        assert_eq!(rejected, 0.0, "{counter}");
    }

    let (pid, data_dir) = (prometheus.pid(), prometheus.data_dir().to_path_buf());
    prometheus.stop().await.unwrap();
    assert!(
        process_ended(pid),
        "prometheus (pid {pid}) still runs after stop"
    );
    assert!(!data_dir.exists(), "{} was not removed", data_dir.display());
    exporter.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_the_handle_kills_prometheus() {
    let options = PrometheusOptions {
        backfill_secs: 0,
        ..PrometheusOptions::default()
    };
    let prometheus = ManagedPrometheus::start(options).await.unwrap();
    let pid = prometheus.pid();
    assert!(!process_ended(pid));
    drop(prometheus);
    let dropped_at = Instant::now();
    while !process_ended(pid) {
        assert!(
            dropped_at.elapsed() < PATIENCE,
            "prometheus (pid {pid}) survived its handle"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn bad_options_say_what_to_do() {
    let cases: [(PrometheusOptions, &str); 4] = [
        (
            PrometheusOptions {
                binary: "/nonexistent/prometheus".into(),
                ..PrometheusOptions::default()
            },
            "install the Debian package `prometheus`",
        ),
        (
            PrometheusOptions {
                promtool: "no-such-promtool".into(),
                ..PrometheusOptions::default()
            },
            "promtool not found",
        ),
        (
            PrometheusOptions {
                scrape_target: "localhost".into(),
                ..PrometheusOptions::default()
            },
            "expected host:port",
        ),
        (
            PrometheusOptions {
                backfill_step_secs: 0,
                ..PrometheusOptions::default()
            },
            "backfill_step_secs",
        ),
    ];
    for (options, advice) in cases {
        let error: DemoError = ManagedPrometheus::start(options).await.err().unwrap();
        assert!(error.to_string().contains(advice), "{error}");
    }
}
