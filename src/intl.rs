//! Dates in the browser's locale machinery (`Intl`), which already knows every time zone.

use wasm_bindgen::{JsCast, JsValue};

/// Whether `Intl` knows the IANA time zone `zone`. A dashboard may name any text; an unknown
/// zone falls back to the browser's instead of breaking the page.
pub fn is_valid_timezone(zone: &str) -> bool {
    date_time_format(Some(zone)).is_some()
}

/// A short date and time ("Nov 25, 10:05 AM"), in `zone` when given and valid.
pub fn format_time(time_ms: i64, zone: Option<&str>) -> String {
    let zone = zone.filter(|zone| is_valid_timezone(zone));
    let date = js_sys::Date::new(&JsValue::from_f64(time_ms as f64));
    match date_time_format(zone) {
        Some(format) => format
            .format()
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|text| text.as_string()),
        None => None,
    }
    .unwrap_or_else(|| String::from(date.to_iso_string()))
}

/// `new Intl.DateTimeFormat("en-US", {...})`, caught: an unknown zone throws a RangeError.
fn date_time_format(zone: Option<&str>) -> Option<js_sys::Intl::DateTimeFormat> {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        js_sys::Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    if let Some(zone) = zone {
        js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
    }
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let arguments = js_sys::Array::of2(&"en-US".into(), &options);
    js_sys::Reflect::construct(&constructor, &arguments)
        .ok()?
        .dyn_into()
        .ok()
}

/// The offset of `zone` from UTC at `time_ms`, in minutes east of UTC (UTC+2 is 120).
pub fn offset_minutes(time_ms: i64, zone: &str) -> Option<i32> {
    if !is_valid_timezone(zone) {
        return None;
    }
    let options = js_sys::Object::new();
    for key in ["year", "month", "day", "hour", "minute", "second"] {
        js_sys::Reflect::set(&options, &key.into(), &"numeric".into()).ok()?;
    }
    js_sys::Reflect::set(&options, &"hourCycle".into(), &"h23".into()).ok()?;
    js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let format: js_sys::Intl::DateTimeFormat =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&"en-US".into(), &options))
            .ok()?
            .dyn_into()
            .ok()?;
    let date = js_sys::Date::new(&JsValue::from_f64(time_ms as f64));
    let parts = format.format_to_parts(&date);
    let part = |name: &str| -> Option<f64> {
        parts.iter().find_map(|part| {
            let kind = js_sys::Reflect::get(&part, &"type".into())
                .ok()?
                .as_string()?;
            if kind != name {
                return None;
            }
            js_sys::Reflect::get(&part, &"value".into())
                .ok()?
                .as_string()?
                .parse()
                .ok()
        })
    };
    let local_ms = js_sys::Date::utc(part("year")?, part("month")? - 1.0)
        + (part("day")? - 1.0) * 86_400_000.0
        + part("hour")? * 3_600_000.0
        + part("minute")? * 60_000.0
        + part("second")? * 1_000.0;
    let whole_seconds_ms = (time_ms as f64 / 1000.0).floor() * 1000.0;
    Some(((local_ms - whole_seconds_ms) / 60_000.0).round() as i32)
}
