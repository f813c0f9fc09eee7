//! Dates in the browser's locale machinery (`Intl`), which already knows every time zone.

use std::cell::RefCell;

use js_sys::Intl::DateTimeFormat;
use wasm_bindgen::{JsCast, JsValue};

/// What a formatter is for: its options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Purpose {
    /// "Nov 25, 10:05 AM".
    Short,
    /// Every field as a number, in 24 hours, to compute a zone's offset.
    Numeric,
}

/// At most this many formatters are kept; a dashboard names a handful of zones, but may name
/// any text.
const MAX_FORMATS: usize = 64;

/// Formatters by purpose and zone, `None` for a zone `Intl` does not know. A list searched in
/// order: it holds a handful, and a map would add its own code to the page for nothing.
type Formats = Vec<((Purpose, Option<String>), Option<DateTimeFormat>)>;

thread_local! {
    /// Building an `Intl.DateTimeFormat` costs far more than formatting with one, and a hover
    /// formats a time on every pointer move.
    static FORMATS: RefCell<Formats> = const { RefCell::new(Vec::new()) };
}

/// The formatter for `purpose` in `zone` (the browser's when `None`), built once.
fn formatter(purpose: Purpose, zone: Option<&str>) -> Option<DateTimeFormat> {
    let found = FORMATS.with(|formats| {
        formats
            .borrow()
            .iter()
            .find(|((kind, name), _)| *kind == purpose && name.as_deref() == zone)
            .map(|(_, format)| format.clone())
    });
    if let Some(found) = found {
        return found;
    }
    let built = build_format(purpose, zone);
    FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        if formats.len() >= MAX_FORMATS {
            formats.clear();
        }
        formats.push(((purpose, zone.map(str::to_owned)), built.clone()));
    });
    built
}

/// Whether `Intl` knows the IANA time zone `zone`. A dashboard may name any text; an unknown
/// zone falls back to the browser's instead of breaking the page.
pub fn is_valid_timezone(zone: &str) -> bool {
    formatter(Purpose::Short, Some(zone)).is_some()
}

/// A short date and time ("Nov 25, 10:05 AM"), in `zone` when given and valid.
pub fn format_time(time_ms: i64, zone: Option<&str>) -> String {
    let zone = zone.filter(|zone| is_valid_timezone(zone));
    let date = js_sys::Date::new(&JsValue::from_f64(time_ms as f64));
    match formatter(Purpose::Short, zone) {
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
fn build_format(purpose: Purpose, zone: Option<&str>) -> Option<DateTimeFormat> {
    let options = js_sys::Object::new();
    let fields: &[(&str, &str)] = match purpose {
        Purpose::Short => &[
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
        ],
        Purpose::Numeric => &[
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
            ("second", "numeric"),
            ("hourCycle", "h23"),
        ],
    };
    for (key, value) in fields {
        js_sys::Reflect::set(&options, &(*key).into(), &(*value).into()).ok()?;
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

/// A zone's offset changes only at instants that are whole quarter hours in UTC (offsets are
/// whole quarter hours, and zones change them at whole or half local hours), so one lookup
/// holds for the quarter hour around it. So it is in every zone today; a few changed at other
/// instants in the past (St John's at 00:01 local until 2011, local mean times before time
/// zones), where a time within a quarter hour of such a change may be given the offset of
/// the other side.
const OFFSET_HOLDS_MS: i64 = 15 * 60_000;

thread_local! {
    /// The last offset looked up, `(zone, quarter hour, offset)`: a hover moving within a
    /// quarter hour, and an axis' neighbouring ticks, need no `Intl` call.
    static LAST_OFFSET: RefCell<Option<(String, i64, i32)>> = const { RefCell::new(None) };
}

/// The offset of `zone` from UTC at `time_ms`, in minutes east of UTC (UTC+2 is 120).
pub fn offset_minutes(time_ms: i64, zone: &str) -> Option<i32> {
    let quarter = time_ms.div_euclid(OFFSET_HOLDS_MS);
    let known = LAST_OFFSET.with(|last| match &*last.borrow() {
        Some((name, at, offset)) if name == zone && *at == quarter => Some(*offset),
        _ => None,
    });
    if known.is_some() {
        return known;
    }
    let offset = look_up_offset_minutes(time_ms, zone)?;
    LAST_OFFSET.with(|last| *last.borrow_mut() = Some((zone.to_owned(), quarter, offset)));
    Some(offset)
}

/// [`offset_minutes`] from `Intl`.
fn look_up_offset_minutes(time_ms: i64, zone: &str) -> Option<i32> {
    let format = formatter(Purpose::Numeric, Some(zone))?;
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
            // Whole numbers ("2026", "07"): read as integers, which needs none of the
            // decimal reader's tables.
            js_sys::Reflect::get(&part, &"value".into())
                .ok()?
                .as_string()?
                .parse::<i32>()
                .ok()
                .map(f64::from)
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
