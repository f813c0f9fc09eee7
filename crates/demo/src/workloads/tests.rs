//! The demo's story, checked over a whole day: counters, ranges, and the events it promises.

use std::collections::{BTreeSet, HashMap};

use crate::catalog::{MetricKind, Span};
use crate::test_support::{DAY_START_MS, HOUR_MS, Sample, parse_samples};
use crate::{PROJECTS, exposition};

const MINUTE_MS: i64 = 60_000;

fn samples_at(at_ms: i64) -> Vec<Sample> {
    parse_samples(&exposition(at_ms))
}

/// Values of `name` at `at_ms` whose labels include every `(label, value)` of `selector`.
fn values(samples: &[Sample], name: &str, selector: &[(&str, &str)]) -> Vec<f64> {
    samples
        .iter()
        .filter(|s| {
            s.name == name
                && selector
                    .iter()
                    .all(|(label, value)| s.label(label) == *value)
        })
        .map(|s| s.value)
        .collect()
}

/// The sum of `name` over matching series at `at_ms`.
fn total(at_ms: i64, name: &str, selector: &[(&str, &str)]) -> f64 {
    values(&samples_at(at_ms), name, selector).iter().sum()
}

#[test]
fn counters_never_decrease_over_a_day() {
    let day = Span::new(DAY_START_MS, DAY_START_MS + 24 * HOUR_MS);
    let catalog = super::catalog(day);
    let mut checked = 0;
    for family in catalog
        .families()
        .iter()
        .filter(|f| matches!(f.kind, MetricKind::Counter | MetricKind::Histogram))
    {
        for series in &family.series {
            let mut previous = f64::NEG_INFINITY;
            for at_ms in (day.start_ms..day.end_ms)
                .step_by(30_000)
                .filter(|at_ms| series.alive.contains(*at_ms))
            {
                let value = (series.value)(at_ms);
                assert!(
                    value >= previous,
                    "{}{} fell from {previous} to {value} at {at_ms}",
                    series.sample_name,
                    series.labels
                );
                previous = value;
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} series checked");
}

#[test]
fn every_project_has_its_workloads() {
    // 02:00 UTC: a training run is on.
    let samples = samples_at(DAY_START_MS + 2 * HOUR_MS);
    let cases: [(&str, &str, usize); 14] = [
        ("fraud-detection", "ovms_requests_success", 3),
        ("fraud-detection", "ovms_inference_time_us_count", 1),
        ("fraud-detection", "vllm:request_success_total", 4),
        ("fraud-detection", "trustyai_spd", 2),
        ("fraud-detection", "trustyai_dir", 2),
        (
            "customer-support-llm",
            "kserve_vllm:num_requests_running",
            3,
        ),
        (
            "customer-support-llm",
            "vllm:time_to_first_token_seconds_count",
            3,
        ),
        ("customer-support-llm", "DCGM_FI_DEV_GPU_UTIL", 3),
        ("vision-training", "training_job_steps_total", 1),
        ("vision-training", "training_job_loss", 1),
        ("vision-training", "training_job_samples_per_second", 1),
        ("vision-training", "training_job_epoch", 1),
        ("vision-training", "DCGM_FI_DEV_FB_USED", 3),
        ("vision-training", "kube_pod_owner", 3),
    ];
    for (namespace, name, at_least) in cases {
        let found = values(&samples, name, &[("namespace", namespace)]).len();
        assert!(
            found >= at_least,
            "{namespace}: {found} {name}, expected {at_least}"
        );
    }
    for namespace in PROJECTS {
        for name in [
            "kube_pod_info",
            "kube_pod_resource_limit",
            "container_cpu_usage_seconds_total",
            "container_memory_working_set_bytes",
            "kubelet_volume_stats_used_bytes",
        ] {
            assert!(
                !values(&samples, name, &[("namespace", namespace)]).is_empty(),
                "{namespace} has no {name}"
            );
        }
        assert!(
            !values(
                &samples,
                "accelerator_gpu_utilization",
                &[("exported_namespace", namespace)]
            )
            .is_empty()
        );
    }
}

#[test]
fn gauges_stay_in_their_ranges() {
    let ranges: [(&str, f64, f64); 11] = [
        ("vllm:gpu_cache_usage_perc", 0.0, 1.0),
        ("kserve_vllm:num_requests_waiting", 0.0, 200.0),
        ("DCGM_FI_DEV_GPU_UTIL", 0.0, 100.0),
        ("DCGM_FI_PROF_GR_ENGINE_ACTIVE", 0.0, 1.0),
        ("DCGM_FI_DEV_FB_FREE", 0.0, 81_920.0),
        ("accelerator_gpu_utilization", 0.0, 100.0),
        ("trustyai_spd", -0.2, 0.2),
        ("trustyai_dir", 0.75, 1.25),
        ("training_job_loss", 0.3, 5.0),
        ("training_job_samples_per_second", 0.0, 4_000.0),
        ("kubelet_volume_stats_available_bytes", 0.0, 1e12),
    ];
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for at_ms in (DAY_START_MS..DAY_START_MS + 24 * HOUR_MS).step_by(5 * MINUTE_MS as usize) {
        let samples = samples_at(at_ms);
        for (name, low, high) in ranges {
            for value in values(&samples, name, &[]) {
                assert!((low..=high).contains(&value), "{name} = {value} at {at_ms}");
                *seen.entry(name).or_default() += 1;
            }
        }
    }
    assert_eq!(seen.len(), ranges.len(), "never saw some gauges: {seen:?}");
}

/// The increase of a counter summed over matching series between two moments.
fn increase(name: &str, selector: &[(&str, &str)], from_ms: i64, to_ms: i64) -> f64 {
    total(to_ms, name, selector) - total(from_ms, name, selector)
}

#[test]
fn the_story_happens() {
    let at = |hours: f64| DAY_START_MS + (hours * HOUR_MS as f64) as i64;
    let chat = [("model_name", "llama-31-8b-instruct")];
    let workbench = [("pod", "cv-workbench-0")];

    // Traffic follows the day: the afternoon is far busier than the night.
    let night = increase("vllm:request_success_total", &chat, at(3.0), at(3.25));
    let afternoon = increase("vllm:request_success_total", &chat, at(15.0), at(15.25));
    assert!(
        afternoon > 2.0 * night,
        "afternoon {afternoon}, night {night}"
    );

    // The workbench's GPU idles at night and works in office hours.
    assert_eq!(total(at(2.0), "DCGM_FI_DEV_GPU_UTIL", &workbench), 0.0);
    assert_eq!(total(at(2.0), "DCGM_FI_DEV_FB_USED", &workbench), 0.0);
    let busiest = (0..60)
        .map(|step| {
            total(
                at(8.5) + step * 8 * MINUTE_MS,
                "DCGM_FI_DEV_GPU_UTIL",
                &workbench,
            )
        })
        .fold(0.0, f64::max);
    assert!(busiest > 30.0, "busiest office-hours utilization {busiest}");

    // Runs start at 00:50 and every four hours, train for 3.5 hours, and their loss falls.
    let early = total(at(0.9), "training_job_loss", &[]);
    let late = total(at(4.25), "training_job_loss", &[]);
    assert!(late < 0.6 * early, "loss from {early} to {late}");
    assert!(
        values(&samples_at(at(4.5)), "training_job_loss", &[]).is_empty(),
        "a run in the wait between runs"
    );
    let runs: BTreeSet<String> = (0..24)
        .flat_map(|hour| samples_at(at(f64::from(hour) + 0.5)))
        .filter(|s| s.name == "training_job_steps_total")
        .map(|s| s.label("job_name").to_owned())
        .collect();
    assert!(runs.len() >= 5, "runs in a day: {runs:?}");

    // Incidents: some five-minute windows see far more aborts and errors than usual.
    let mut failures: Vec<f64> = (0..288)
        .map(|slot| {
            let from_ms = DAY_START_MS + slot * 5 * MINUTE_MS;
            let errors = [
                ("model_name", "llama-31-8b-instruct"),
                ("finished_reason", "error"),
            ];
            increase(
                "kserve_vllm:request_success_total",
                &errors,
                from_ms,
                from_ms + 5 * MINUTE_MS,
            )
        })
        .collect();
    failures.sort_by(f64::total_cmp);
    let (median, worst) = (failures[144], failures[287]);
    assert!(
        worst > 10.0 * median.max(1.0),
        "worst five minutes {worst}, median {median}"
    );

    // The chat model queues at some point of the day.
    let queued = (0..96).any(|slot| {
        total(
            DAY_START_MS + slot * 15 * MINUTE_MS,
            "vllm:num_requests_waiting",
            &chat,
        ) > 0.0
    });
    assert!(queued, "the chat model never queued");
}
