use serde_json::json;

use super::*;

#[test]
fn units_and_calculations() {
    assert_eq!(unit("s"), Ok(Some(Unit::Seconds)));
    assert_eq!(unit("percentunit"), Ok(Some(Unit::PercentDecimal)));
    assert_eq!(unit(""), Ok(None));
    assert!(unit("lengthm").is_err());
    for (id, _) in UNITS {
        assert!(unit(id).is_ok(), "{id} maps to no Perses unit");
    }
    assert_eq!(calculation("lastNotNull"), Ok(Calculation::LastNumber));
    assert!(calculation("stdDev").is_err());
}

#[test]
fn thresholds_and_mappings() {
    let defaults = json!({
        "thresholds": {"mode": "absolute", "steps": [
            {"color": "green", "value": null}, {"color": "#EAB839", "value": 80}
        ]},
        "mappings": [
            {"type": "value", "options": {"1": {"text": "Up", "color": "green"}}},
            {"type": "range", "options": {"from": 0, "to": 5, "result": {"text": "low"}}},
            {"type": "special", "options": {"match": "null", "result": {"text": "n/a"}}}
        ]
    });
    let thresholds = thresholds(&defaults).unwrap();
    assert_eq!(thresholds.default_color.as_deref(), Some("#73bf69"));
    assert_eq!(thresholds.steps[0].value, 80.0);
    let mut losses = Vec::new();
    let mappings = mappings(&defaults, &mut losses);
    assert_eq!(mappings.len(), 3);
    assert!(losses.is_empty());
}
