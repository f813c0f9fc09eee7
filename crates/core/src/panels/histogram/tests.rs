use super::*;
use crate::panels::test_support::{output, series_at};
use crate::prometheus::{QueryResult, ResultType};
use crate::spec::common::{ThresholdStep, Thresholds};

fn buckets() -> Vec<crate::prometheus::Series> {
    vec![
        series_at(&[("le", "0.5")], &[(0, 2.0), (1000, 4.0)]),
        series_at(&[("le", "1")], &[(0, 6.0), (1000, 6.0)]),
        series_at(&[("le", "+Inf")], &[(0, 8.0), (1000, 10.0)]),
    ]
}

#[test]
fn a_range_shows_the_mean_and_an_instant_the_last_point() {
    let palette = ThresholdPalette::patternfly_light();
    let range = prepare(
        &HistogramChartSpec::default(),
        &[output(0, buckets(), None)],
        &palette,
    );
    let values: Vec<f64> = range.bars.iter().map(|bar| bar.value).collect();
    assert_eq!(values, [3.0, 3.0, 3.0]);
    assert_eq!(range.source, Source::RangeMean);
    assert_eq!(range.name.as_deref(), Some(""), "no labels but le: no name");
    assert_eq!(
        range.describe_bar(2),
        Some(["above 1".to_owned(), "mean over the range: 3".to_owned()])
    );
    let mut instant = output(0, buckets(), None);
    instant.result = std::sync::Arc::new(QueryResult {
        result_type: ResultType::Vector,
        ..(*instant.result).clone()
    });
    let last = prepare(&HistogramChartSpec::default(), &[instant], &palette);
    let values: Vec<f64> = last.bars.iter().map(|bar| bar.value).collect();
    assert_eq!(values, [4.0, 2.0, 4.0]);
    assert_eq!(last.source, Source::LastPoint);
    assert_eq!(
        last.describe_bar(0).map(|lines| lines[0].clone()),
        Some("0 – 0.5".to_owned())
    );
}

#[test]
fn thresholds_colour_bars_by_where_their_bucket_starts() {
    let palette = ThresholdPalette::patternfly_light();
    let spec = HistogramChartSpec {
        thresholds: Some(Thresholds {
            mode: None,
            default_color: Some("green".into()),
            steps: vec![ThresholdStep {
                value: 1.0,
                color: Some("red".into()),
                name: None,
            }],
        }),
        ..HistogramChartSpec::default()
    };
    let model = prepare(&spec, &[output(0, buckets(), None)], &palette);
    let colors: Vec<&str> = model.bars.iter().map(|bar| bar.color.as_str()).collect();
    // (0, 0.5] and (0.5, 1] are within 1; (1, +Inf) is not.
    assert_eq!(colors, ["green", "green", "red"]);
}

#[test]
fn no_histogram_is_empty_and_says_why() {
    let palette = ThresholdPalette::patternfly_light();
    let series = vec![series_at(&[("pod", "a")], &[(0, 1.0)])];
    let model = prepare(
        &HistogramChartSpec::default(),
        &[output(0, series, None)],
        &palette,
    );
    assert!(model.is_empty());
    assert!(model.notices[0].starts_with("1 series without an le label"));
}
