use super::*;
use crate::panels::test_support::series_at;
use crate::prometheus::{NativeBucket, NativePoint, NativeSeries};

fn close(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a == b || (a - b).abs() < 1e-9
}

#[test]
fn le_labels_name_bounds() {
    let cases = [
        ("0.5", Some(0.5)),
        ("1e+06", Some(1e6)),
        ("+Inf", Some(f64::INFINITY)),
        (" 10 ", Some(10.0)),
        ("-1", Some(-1.0)),
        ("NaN", None),
        ("fast", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(le_bound(text), expected, "{text:?}");
    }
}

#[test]
fn classic_buckets_become_counts_per_bucket() {
    // Two histograms (pods a and b) and one series without `le`, buckets out of order.
    let series = [
        series_at(
            &[("le", "+Inf"), ("pod", "a")],
            &[(0, 10.0), (15_000, 20.0)],
        ),
        series_at(&[("le", "0.1"), ("pod", "a")], &[(0, 2.0), (15_000, 4.0)]),
        series_at(&[("le", "1"), ("pod", "a")], &[(0, 7.0), (15_000, 15.0)]),
        series_at(&[("le", "+Inf"), ("pod", "b")], &[(0, 1.0)]),
        series_at(&[("pod", "a")], &[(0, 1.0)]),
    ];
    let (histograms, ignored) = split_classic(3, &series, Some("latency {{pod}}"));
    assert_eq!(ignored, 1);
    assert_eq!(histograms.len(), 2);
    let a = &histograms[0];
    assert_eq!((a.name.as_str(), a.query_index), ("latency a", 3));
    assert_eq!(
        a.buckets,
        [
            Bounds {
                lower: 0.0,
                upper: 0.1
            },
            Bounds {
                lower: 0.1,
                upper: 1.0
            },
            Bounds {
                lower: 1.0,
                upper: f64::INFINITY
            },
        ]
    );
    assert_eq!(a.times_ms, [0, 15_000]);
    assert_eq!(a.counts, [vec![2.0, 5.0, 3.0], vec![4.0, 11.0, 5.0]]);
    assert_eq!(
        a.cumulative_at(1),
        [(0.1, 4.0), (1.0, 15.0), (f64::INFINITY, 20.0)]
    );
    assert_eq!(a.summed(), [6.0, 16.0, 8.0]);
    assert_eq!(a.max_count(), 11.0);
    assert_eq!(histograms[1].name, "latency b");
    let (unnamed, _) = split_classic(0, &series[..3], None);
    assert_eq!(unnamed[0].name, r#"{pod="a"}"#);
}

#[test]
fn missing_buckets_decreasing_counts_and_equal_bounds_are_tolerated() {
    let series = [
        // `1` has no sample at 15 s; `0.5` has NaN at 30 s.
        series_at(
            &[("le", "0.5")],
            &[(0, 1.0), (15_000, 2.0), (30_000, f64::NAN)],
        ),
        series_at(&[("le", "1")], &[(0, 3.0), (30_000, 5.0)]),
        // Lower than the bucket below it at 0 s (scraped a moment earlier).
        series_at(&[("le", "2")], &[(0, 2.5), (15_000, 6.0), (30_000, 6.0)]),
        // `2.0` names the same bound as `2`: Prometheus adds them up.
        series_at(&[("le", "2.0")], &[(0, 0.5)]),
        series_at(&[("le", "+Inf")], &[(0, 4.0), (15_000, 6.0), (30_000, 6.0)]),
    ];
    let (histograms, _) = split_classic(0, &series, None);
    let counts = &histograms[0].counts;
    assert_eq!(histograms[0].buckets.len(), 4);
    let expected = [
        [1.0, 2.0, 0.0, 1.0],
        [2.0, f64::NAN, 4.0, 0.0],
        [f64::NAN, 5.0, 1.0, 0.0],
    ];
    for (row, want) in counts.iter().zip(expected) {
        for (got, want) in row.iter().zip(want) {
            assert!(close(*got, want), "{counts:?}");
        }
    }
    // Cumulative again without the missing bucket, for quantiles.
    assert_eq!(
        histograms[0].cumulative_at(1),
        [(0.5, 2.0), (2.0, 6.0), (f64::INFINITY, 6.0)]
    );
}

#[test]
fn quantiles_follow_prometheus() {
    let buckets = [(0.1, 10.0), (0.5, 30.0), (1.0, 40.0), (f64::INFINITY, 40.0)];
    let overflowing = [(0.1, 10.0), (0.5, 30.0), (1.0, 40.0), (f64::INFINITY, 50.0)];
    let negative = [(-1.0, 5.0), (0.0, 10.0), (f64::INFINITY, 10.0)];
    type Case<'a> = (f64, &'a [(f64, f64)], f64);
    let cases: [Case<'_>; 14] = [
        (0.5, &buckets, 0.3),
        (0.99, &buckets, 0.98),
        (1.0, &buckets, 1.0),
        (0.25, &buckets, 0.1),
        (0.1, &buckets, 0.04),
        (0.0, &buckets, 0.0),
        (0.99, &overflowing, 1.0),
        (0.5, &overflowing, 0.4),
        (0.25, &negative, -1.0),
        (-0.1, &buckets, f64::NEG_INFINITY),
        (1.1, &buckets, f64::INFINITY),
        (0.5, &[(0.1, 10.0), (1.0, 20.0)], f64::NAN),
        (0.5, &[(f64::INFINITY, 10.0)], f64::NAN),
        (0.5, &[(0.1, 0.0), (f64::INFINITY, 0.0)], f64::NAN),
    ];
    for (q, buckets, expected) in cases {
        let got = quantile(q, buckets);
        assert!(
            close(got, expected),
            "q={q} {buckets:?}: {got} != {expected}"
        );
    }
    // Counts that go down are lifted first: 0.5 holds 30, not 25.
    let dipping = [(0.1, 10.0), (0.5, 25.0), (1.0, 40.0), (f64::INFINITY, 40.0)];
    assert!(close(quantile(0.25, &dipping), 0.1));
}

#[test]
fn shares_invert_quantiles() {
    let buckets = [(0.1, 10.0), (0.5, 30.0), (1.0, 40.0), (f64::INFINITY, 50.0)];
    let cases = [
        (0.1, 0.2),
        (0.3, 0.4),
        (0.05, 0.1),
        (1.0, 0.8),
        (5.0, 0.8),
        (f64::INFINITY, 0.8),
        (0.0, 0.0),
    ];
    for (bound, expected) in cases {
        let got = share_at_most(bound, &buckets);
        assert!(close(got, expected), "{bound}: {got} != {expected}");
    }
    for q in [0.1, 0.35, 0.5, 0.7] {
        let bound = quantile(q, &buckets);
        assert!(close(share_at_most(bound, &buckets), q), "{q}");
    }
    assert!(share_at_most(1.0, &[(1.0, 0.0), (f64::INFINITY, 0.0)]).is_nan());
}

#[test]
fn native_points_share_one_set_of_buckets() {
    let bucket = |lower: f64, upper: f64, count: f64| NativeBucket {
        lower,
        upper,
        count,
    };
    let series = NativeSeries {
        labels: Default::default(),
        points: vec![
            NativePoint {
                time_ms: 0,
                count: 3.0,
                sum: 1.0,
                buckets: vec![bucket(0.5, 1.0, 1.0), bucket(1.0, 2.0, 2.0)],
            },
            NativePoint {
                time_ms: 15_000,
                count: 4.0,
                sum: 2.0,
                buckets: vec![bucket(0.25, 0.5, 1.0), bucket(1.0, 2.0, 3.0)],
            },
        ],
    };
    let distribution = from_native(&series, 1, "native".into()).expect("buckets");
    assert_eq!(
        distribution.buckets,
        [
            Bounds {
                lower: 0.25,
                upper: 0.5
            },
            Bounds {
                lower: 0.5,
                upper: 1.0
            },
            Bounds {
                lower: 1.0,
                upper: 2.0
            },
        ]
    );
    assert_eq!(
        distribution.counts,
        [vec![0.0, 1.0, 2.0], vec![1.0, 0.0, 3.0]]
    );
    let empty = NativeSeries {
        labels: Default::default(),
        points: vec![],
    };
    assert_eq!(from_native(&empty, 0, String::new()), None);
}
