use serde_json::{Value, json};

use super::{TestPatterns, model, output, series, short_color, spec};
use crate::panels::QueryOutput;
use crate::panels::bar::{BarLayout, BarModel, prepare};
use crate::panels::test_support::values as numbers;

/// Queries from `"a:200=6 a:500=2; c:500=3"` (queries split by `;`): series labelled
/// `g=<group>` and `s=<segment>`, with their values (none after `=` means no samples).
pub(super) fn data(text: &str) -> Vec<QueryOutput> {
    text.split(';')
        .enumerate()
        .map(|(query, part)| {
            let series = part
                .split_whitespace()
                .map(|item| {
                    let (labels, values) = item.split_once('=').unwrap();
                    let (group, segment) = labels.split_once(':').unwrap();
                    series(&[("g", group), ("s", segment)], &numbers(values))
                })
                .collect();
            output(query, series, None)
        })
        .collect()
}

/// `{s="200"}` as `200`; other names as they are.
fn short_name(name: &str) -> &str {
    name.strip_prefix("{s=\"")
        .and_then(|rest| rest.strip_suffix("\"}"))
        .unwrap_or(name)
}

/// Groups as `label: segment=value[from..to] text colour; … | …`, then the legend.
fn render_groups(model: &BarModel) -> String {
    let BarLayout::Groups(grouped) = &model.layout else {
        panic!("expected groups: {model:?}");
    };
    let mut parts: Vec<String> = grouped
        .groups
        .iter()
        .map(|group| {
            let segments: Vec<String> = group
                .segments
                .iter()
                .map(|s| match s.value {
                    Some(v) => format!(
                        "{}={v}[{}..{}] {} {}",
                        short_name(&s.name),
                        s.from,
                        s.to,
                        s.text.as_deref().unwrap_or("-"),
                        short_color(&s.color)
                    ),
                    None => format!("{}=-", short_name(&s.name)),
                })
                .collect();
            format!("{}: {}", group.label, segments.join("; "))
        })
        .collect();
    let legend: Vec<String> = grouped
        .legend
        .iter()
        .map(|entry| format!("{} {}", short_name(&entry.name), short_color(&entry.color)))
        .collect();
    parts.push(format!("legend: {}", legend.join(", ")));
    parts.join(" | ")
}

fn check(spec_json: Value, text: &str, expected: &str) {
    let model = model(&spec_json, &data(text));
    assert_eq!(render_groups(&model), expected, "{spec_json} {text}");
}

#[test]
fn grouped_bars() {
    // The same segment in the same group adds up across queries (c:500 = 1 + 3).
    let codes = "a:200=6 a:500=2 b:200=10 c:500=1; c:500=3";
    let legend = "legend: 200 c0, 500 c1";
    let gray_200 = json!({"groupBy": ["g"], "orientation": "vertical",
        "visual": {"colorOverrides": [{"regex": "200", "color": "gray"}]}});
    let cases: Vec<(Value, &str, String)> = vec![
        (json!({"groupBy": ["g"]}), "", "legend: ".to_owned()),
        // Groups keep their order of appearance (the first at the bottom) unless sorted.
        (
            json!({"groupBy": ["g"]}),
            codes,
            format!(
                "c: 200=-; 500=4[0..4] 4 c1 | b: 200=10[0..10] 10 c0; 500=- \
                 | a: 200=6[0..6] 6 c0; 500=2[0..2] 2 c1 | {legend}"
            ),
        ),
        (
            json!({"groupBy": ["g"], "orientation": "vertical"}),
            codes,
            format!(
                "a: 200=6[0..6] 6 c0; 500=2[0..2] 2 c1 | b: 200=10[0..10] 10 c0; 500=- \
                 | c: 200=-; 500=4[0..4] 4 c1 | {legend}"
            ),
        ),
        // Sorted by group totals (a: 8, b: 10, c: 4), in Perses' array order.
        (
            json!({"groupBy": ["g"], "orientation": "vertical", "sort": "asc"}),
            codes,
            format!(
                "c: 200=-; 500=4[0..4] 4 c1 | a: 200=6[0..6] 6 c0; 500=2[0..2] 2 c1 \
                 | b: 200=10[0..10] 10 c0; 500=- | {legend}"
            ),
        ),
        (
            json!({"groupBy": ["g"], "orientation": "vertical", "sort": "desc"}),
            codes,
            format!(
                "b: 200=10[0..10] 10 c0; 500=- | a: 200=6[0..6] 6 c0; 500=2[0..2] 2 c1 \
                 | c: 200=-; 500=4[0..4] 4 c1 | {legend}"
            ),
        ),
        // Stacked: each segment starts where the one below ends.
        (
            json!({"groupBy": ["g"], "orientation": "vertical", "isStacked": true}),
            codes,
            format!(
                "a: 200=6[0..6] 6 c0; 500=2[6..8] 2 c1 | b: 200=10[0..10] 10 c0; 500=- \
                 | c: 200=-; 500=4[0..4] 4 c1 | {legend}"
            ),
        ),
        // Percentage: shares of the group's total, formatted as percents.
        (
            json!({"groupBy": ["g"], "orientation": "vertical", "isStacked": true,
                "mode": "percentage"}),
            codes,
            format!(
                "a: 200=75[0..75] 75% c0; 500=25[75..100] 25% c1 \
                 | b: 200=100[0..100] 100% c0; 500=- | c: 200=-; 500=100[0..100] 100% c1 \
                 | {legend}"
            ),
        ),
        // Overridden segments take no palette colour.
        (
            gray_200,
            codes,
            "a: 200=6[0..6] 6 gray; 500=2[0..2] 2 c0 | b: 200=10[0..10] 10 gray; 500=- \
             | c: 200=-; 500=4[0..4] 4 c0 | legend: 200 gray, 500 c0"
                .to_owned(),
        ),
        // Negative values stack below zero; NaN and missing values count as zero.
        (
            json!({"groupBy": ["g"], "orientation": "vertical", "isStacked": true}),
            "x:up=5 x:down=-3 x:nan=NaN y:up=",
            "x: up=5[0..5] 5 c0; down=-3[0..-3] -3 c1; nan=0[5..5] 0 c2 \
             | y: up=0[0..0] 0 c0; down=-; nan=- | legend: up c0, down c1, nan c2"
                .to_owned(),
        ),
        // A group whose total is zero shows zero percent.
        (
            json!({"groupBy": ["g"], "mode": "percentage"}),
            "x:a=0",
            "x: a=0[0..0] 0% c0 | legend: a c0".to_owned(),
        ),
        (
            json!({"groupBy": ["g"], "format": {"unit": "bytes"}}),
            "x:a=2048",
            "x: a=2048[0..2048] 2 KiB c0 | legend: a c0".to_owned(),
        ),
    ];
    for (spec_json, text, expected) in cases {
        check(spec_json, text, &expected);
    }
}

#[test]
fn grouping_labels() {
    let cases: &[(Value, &str, &str)] = &[
        // Several grouping labels join with " / "; with no label left, a segment takes the
        // series name.
        (
            json!({"groupBy": ["g", "s"], "orientation": "vertical"}),
            "a:1=6 b:2=2",
            "a / 1: {g=\"a\",s=\"1\"}=6[0..6] 6 c0; {g=\"b\",s=\"2\"}=- \
             | b / 2: {g=\"a\",s=\"1\"}=-; {g=\"b\",s=\"2\"}=2[0..2] 2 c1 \
             | legend: {g=\"a\",s=\"1\"} c0, {g=\"b\",s=\"2\"} c1",
        ),
        // A missing grouping label is empty; the remaining labels name the segments.
        (
            json!({"groupBy": ["zone"], "calculation": "max"}),
            "a:1=6,1 b:2=2",
            ": {g=\"a\", s=\"1\"}=6[0..6] 6 c0; {g=\"b\", s=\"2\"}=2[0..2] 2 c1 \
             | legend: {g=\"a\", s=\"1\"} c0, {g=\"b\", s=\"2\"} c1",
        ),
    ];
    for (spec_json, text, expected) in cases {
        check(spec_json.clone(), text, expected);
    }
    // The series limit applies before grouping.
    let capped = prepare(
        &spec(json!({"groupBy": ["g"]})),
        &data("a:1=1 a:2=2 b:1=3"),
        &TestPatterns,
        2,
        None,
    );
    assert_eq!(
        render_groups(&capped),
        "a: 1=1[0..1] 1 c0; 2=2[0..2] 2 c1 | legend: 1 c0, 2 c1"
    );
    assert_eq!((capped.total_series, capped.is_empty()), (3, false));
    assert!(model(&json!({"groupBy": ["g"]}), &[]).is_empty());
}
