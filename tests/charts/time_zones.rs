//! The chart's time zone: its offset from UTC changes at the zone's transitions.

use super::*;

/// A named zone's offset from UTC, looked up once a quarter hour, still changes at the very
/// second the zone changes its clocks (Berlin: 2026-03-29 01:00 UTC, UTC+1 to UTC+2).
#[wasm_bindgen_test]
fn a_zone_offset_changes_at_its_transition() {
    use odh_observability::intl::offset_minutes;
    const CHANGE_MS: i64 = 1_774_746_000_000;
    let cases = [
        (CHANGE_MS - 600_000, 60),
        (CHANGE_MS - 1_000, 60),
        (CHANGE_MS, 120),
        (CHANGE_MS + 600_000, 120),
        (CHANGE_MS - 300_000, 60),
        (CHANGE_MS - 1_000, 60),
    ];
    for (time_ms, minutes) in cases {
        assert_eq!(
            offset_minutes(time_ms, "Europe/Berlin"),
            Some(minutes),
            "{time_ms}"
        );
    }
    assert_eq!(offset_minutes(CHANGE_MS, "Asia/Kathmandu"), Some(345));
    // A tooltip's time in that zone, either side of the change.
    use odh_observability::chart::hover_time_text;
    for (time_ms, text) in [
        (CHANGE_MS - 1_000, "Mar 29, 01:59:59"),
        (CHANGE_MS, "Mar 29, 03:00:00"),
    ] {
        assert_eq!(hover_time_text(time_ms, Some("Europe/Berlin")), text);
    }
}
