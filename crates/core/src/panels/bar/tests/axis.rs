use serde_json::{Value, json};

use super::{data, grouped, model};
use crate::panels::QueryOutput;
use crate::panels::bar::default_format;
use crate::spec::common::Format;
use crate::spec::unit::Unit;

#[test]
fn value_axis() {
    let stack = "x:a=20 x:b=15";
    let percent = |places| Format {
        unit: Some(Unit::Percent),
        decimal_places: places,
        short_values: None,
    };
    let seconds = Format {
        unit: Some(Unit::Seconds),
        ..Format::default()
    };
    type Case = (Value, Vec<QueryOutput>, (f64, f64), Format);
    let cases: Vec<Case> = vec![
        (json!({}), vec![], (0.0, 1.0), default_format()),
        (json!({}), data("z=0"), (0.0, 1.0), default_format()),
        // 10% above the data, from zero, widened to round ticks.
        (json!({}), data("a=10 b=50"), (0.0, 60.0), default_format()),
        (json!({}), data("a=50"), (0.0, 60.0), default_format()),
        (json!({}), data("a=-5 b=20"), (-5.0, 25.0), default_format()),
        (
            json!({}),
            data("a=-40 b=-10"),
            (-40.0, 0.0),
            default_format(),
        ),
        (
            json!({"format": {"unit": "seconds"}}),
            data("a=0.4"),
            (0.0, 0.5),
            seconds,
        ),
        // Single bars keep the panel's format on the axis in percentage mode, as Perses does.
        (
            json!({"mode": "percentage"}),
            data("a=1 b=1"),
            (0.0, 60.0),
            default_format(),
        ),
        // Grouped bars switch to percent.
        (
            json!({"mode": "percentage", "groupBy": ["name"], "format": {"decimalPlaces": 2}}),
            data("a=1 b=1"),
            (0.0, 120.0),
            percent(Some(2.0)),
        ),
        (
            json!({"mode": "percentage", "groupBy": ["name"]}),
            data("a=1"),
            (0.0, 120.0),
            percent(None),
        ),
        // Stacked groups span the stack.
        (
            json!({"isStacked": true, "groupBy": ["g"]}),
            grouped::data(stack),
            (0.0, 40.0),
            default_format(),
        ),
        (
            json!({"groupBy": ["g"]}),
            grouped::data(stack),
            (0.0, 25.0),
            default_format(),
        ),
    ];
    for (spec_json, outputs, (min, max), format) in cases {
        let axis = model(&spec_json, &outputs).value_axis;
        assert_eq!(
            (axis.min, axis.max, &axis.format),
            (min, max, &format),
            "{spec_json}"
        );
    }
}
