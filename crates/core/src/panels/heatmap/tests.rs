use super::*;
use crate::histogram::Bounds;
use crate::panels::test_support::{output, series_at};
use crate::spec::common::Format;
use crate::spec::unit::Unit;

fn seconds() -> Option<Format> {
    Some(Format {
        unit: Some(Unit::Seconds),
        ..Format::default()
    })
}

/// Two times, buckets 0.1, 0.5, 1 and +Inf: 10/20/10/0 then 0/10/10/20 observations.
fn latency() -> Vec<crate::prometheus::Series> {
    vec![
        series_at(&[("le", "0.1")], &[(15_000, 10.0), (30_000, 0.0)]),
        series_at(&[("le", "0.5")], &[(15_000, 30.0), (30_000, 10.0)]),
        series_at(&[("le", "1")], &[(15_000, 40.0), (30_000, 20.0)]),
        series_at(&[("le", "+Inf")], &[(15_000, 40.0), (30_000, 40.0)]),
    ]
}

fn range() -> AbsoluteRange {
    AbsoluteRange {
        start_ms: 0,
        end_ms: 30_000,
    }
}

#[test]
fn classic_buckets_with_quantiles_and_an_slo() {
    let spec = HeatMapChartSpec {
        y_axis_format: seconds(),
        quantiles: vec![0.5, 0.99, 1.5],
        slo: Some(0.5),
        ..HeatMapChartSpec::default()
    };
    let model = prepare(&spec, &[output(0, latency(), None)], range());
    let histogram = model.histogram.as_ref().expect("a histogram");
    assert_eq!(
        histogram.counts,
        [vec![10.0, 20.0, 10.0, 0.0], vec![0.0, 10.0, 10.0, 20.0]]
    );
    assert_eq!((model.step_ms, model.max_count), (15_000, 20.0));
    assert!(model.notices.is_empty());
    // A quantile outside 0..1 is dropped.
    let names: Vec<&str> = model
        .quantiles
        .iter()
        .map(|line| line.name.as_str())
        .collect();
    assert_eq!(names, ["p50", "p99"]);
    // Within float rounding, as Prometheus computes them: 0.1 + 0.4 × 10/20 is 0.30000000000000004.
    let near =
        |got: &[f64], want: [f64; 2]| got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-12);
    assert!(
        near(&model.quantiles[0].values, [0.3, 1.0]),
        "{:?}",
        model.quantiles
    );
    assert!(
        near(&model.quantiles[1].values, [0.98, 1.0]),
        "{:?}",
        model.quantiles
    );
    // 30 of the 80 observations took at most 0.5 s.
    let slo = model.slo.as_ref().expect("an slo");
    assert_eq!((slo.bound, slo.share), (0.5, 0.5));
    assert_eq!(
        model.legend(),
        [
            "p50 (last 1s)",
            "p99 (last 1s)",
            "SLO 500ms: 50.0% of observations within"
        ]
    );
    assert_eq!(
        model.describe_cell(1, 3),
        Some((30_000, "above 1s".to_owned(), "20".to_owned()))
    );
    assert_eq!(
        model.describe_cell(0, 0).map(|cell| cell.1),
        Some("0s – 100ms".to_owned())
    );
    assert_eq!(model.describe_cell(2, 0), None);
}

#[test]
fn say_what_is_not_drawn() {
    let mut series = latency();
    series.push(series_at(&[("le", "0.1"), ("pod", "b")], &[(15_000, 1.0)]));
    series.push(series_at(&[("pod", "b")], &[(15_000, 1.0)]));
    let model = prepare(
        &HeatMapChartSpec::default(),
        &[output(0, series, None)],
        range(),
    );
    assert_eq!(model.notices.len(), 2, "{:?}", model.notices);
    assert!(model.notices[0].starts_with("1 series without an le label"));
    assert!(
        model.notices[1].contains("2 histograms; the first is drawn"),
        "{:?}",
        model.notices
    );
    let empty = prepare(
        &HeatMapChartSpec::default(),
        &[output(0, vec![], None)],
        range(),
    );
    assert!(empty.is_empty());
    assert_eq!(empty.legend(), Vec::<String>::new());
}

#[test]
fn quantile_names() {
    let cases = [
        (0.5, "p50"),
        (0.99, "p99"),
        (0.999, "p99.9"),
        (0.0, "p0"),
        (1.0, "p100"),
    ];
    for (q, name) in cases {
        assert_eq!(quantile_name(q), name);
    }
}

#[test]
fn native_histograms_come_first() {
    use crate::prometheus::{NativeBucket, NativePoint, NativeSeries};
    let mut outputs = [output(0, latency(), None)];
    let result = std::sync::Arc::make_mut(&mut outputs[0].result);
    result.native.push(NativeSeries {
        labels: [("job".to_owned(), "n".to_owned())].into_iter().collect(),
        points: vec![NativePoint {
            time_ms: 15_000,
            count: 1.0,
            sum: 1.0,
            buckets: vec![NativeBucket {
                lower: 1.0,
                upper: 2.0,
                count: 1.0,
            }],
        }],
    });
    let model = prepare(&HeatMapChartSpec::default(), &outputs, range());
    let histogram = model.histogram.expect("a histogram");
    assert_eq!(histogram.name, r#"{job="n"}"#);
    assert_eq!(
        histogram.buckets,
        [Bounds {
            lower: 1.0,
            upper: 2.0
        }]
    );
}
