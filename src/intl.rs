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
