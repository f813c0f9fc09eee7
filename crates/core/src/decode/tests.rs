use serde::Deserialize;
use serde_json::{Value, json};

use super::from_value;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Panel {
    title: String,
    #[serde(default)]
    width: Option<u32>,
    unit: Option<Unit>,
    series: Vec<Series>,
    #[serde(default)]
    extra: Value,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Unit {
    Bytes,
    Seconds,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Series {
    name: String,
    point: (f64, String),
    shape: Option<Shape>,
}

#[derive(Debug, Deserialize, PartialEq)]
enum Shape {
    Line,
    Area(f64),
    Bars { width: u8 },
}

/// Decodes `value` both ways; they must agree, and the failure's path is returned.
fn check(value: Value) -> Result<Panel, (String, String)> {
    let ours = from_value::<Panel>(&value);
    let theirs = serde_json::from_value::<Panel>(value);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => {
            assert_eq!(ours, theirs);
            Ok(ours)
        }
        (Err(ours), Err(theirs)) => {
            assert_eq!(ours.to_string(), theirs.to_string());
            Err((ours.path_text(), ours.to_string()))
        }
        (ours, theirs) => panic!("ours {ours:?}, serde_json's {theirs:?}"),
    }
}

fn failure(value: Value) -> (String, String) {
    check(value).expect_err("must fail")
}

#[test]
fn decodes_as_serde_json_does() {
    let panel = check(json!({
        "title": "CPU",
        "width": 3,
        "unit": "bytes",
        "series": [
            {"name": "a", "point": [1.5, "2"], "shape": "Line"},
            {"name": "b", "point": [-1, "x"], "shape": {"Area": 0.5}},
            {"name": "c", "point": [7, "y"], "shape": {"Bars": {"width": 4}}},
        ],
        "extra": {"any": [null, true, 1.25, "text"]},
    }))
    .expect("decodes");
    assert_eq!(panel.series.len(), 3);
    assert_eq!(panel.unit, Some(Unit::Bytes));
}

#[test]
fn failures_name_their_place_in_serde_json_words() {
    let base = |series: Value| json!({"title": "t", "series": series});
    assert_eq!(
        failure(json!({"title": "t", "unit": "parsecs", "series": []})),
        (
            ".unit".to_owned(),
            "unknown variant `parsecs`, expected `bytes` or `seconds`".to_owned()
        )
    );
    assert_eq!(
        failure(base(
            json!([{"name": "a", "point": [1, "x"]}, {"name": null}])
        )),
        (
            ".series[1].name".to_owned(),
            "invalid type: null, expected a string".to_owned()
        )
    );
    assert_eq!(
        failure(base(json!([{"name": "a", "point": [1, "x", 3]}]))),
        (
            ".series[0].point".to_owned(),
            "invalid length 3, expected fewer elements in array".to_owned()
        )
    );
    assert_eq!(
        failure(base(json!([{"name": "a", "point": ["1", "x"]}]))).0,
        ".series[0].point[0]"
    );
    assert_eq!(
        failure(base(
            json!([{"name": "a", "point": [1, "x"], "shape": {"Bars": {"width": 300}}}])
        )),
        (
            ".series[0].shape::Bars.width".to_owned(),
            "invalid value: integer `300`, expected u8".to_owned()
        )
    );
    assert_eq!(
        failure(base(
            json!([{"name": "a", "point": [1, "x"], "shape": {"Area": 1, "Line": null}}])
        )),
        (
            ".series[0].shape".to_owned(),
            "invalid value: map, expected map with a single key".to_owned()
        )
    );
    assert_eq!(failure(json!({"title": "t"})).0, "");
    assert_eq!(
        failure(json!({"title": "t", "series": [], "width": -1.5})).0,
        ".width"
    );
    assert_eq!(
        failure(json!({"title": "t", "series": [], "colour": 1})).0,
        ""
    );
}
