//! The dashboard around the panels: its name, default time range, refresh and links.

use obs_core::spec::common::Link;
use serde_json::Value;

use super::{given, queries, text};

/// Lower-case letters, digits and single `-`s from a text, at most `max` characters.
pub fn slug(text: &str, max: usize) -> String {
    let mut name: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while name.contains("--") {
        name = name.replace("--", "-");
    }
    let name: String = name.trim_matches('-').chars().take(max).collect();
    name.trim_end_matches('-').to_owned()
}

/// The default time range: Grafana's `now-6h` is Perses' `6h`; an absolute range cannot be a
/// default in Perses and falls back to an hour.
pub fn duration(dashboard: &Value, losses: &mut Vec<(String, String)>) -> String {
    let from = dashboard
        .pointer("/time/from")
        .and_then(Value::as_str)
        .unwrap_or("now-1h");
    let to = dashboard
        .pointer("/time/to")
        .and_then(Value::as_str)
        .unwrap_or("now");
    let relative = from
        .strip_prefix("now-")
        .filter(|_| to == "now")
        .and_then(grafana_duration);
    relative.unwrap_or_else(|| {
        losses.push((
            super::DASHBOARD.to_owned(),
            format!("the time range {from} to {to} (the default is the last hour)"),
        ));
        "1h".to_owned()
    })
}

/// A Grafana relative duration (`6h`, `7d`, `1M`, `2y`) as a Perses duration.
fn grafana_duration(text: &str) -> Option<String> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let amount: u64 = digits.parse().ok()?;
    let unit = &text[digits.len()..];
    let perses = match unit {
        "s" | "m" | "h" | "d" | "w" | "y" => format!("{amount}{unit}"),
        "M" => format!("{}d", amount * 30),
        _ => return None,
    };
    perses
        .parse::<obs_core::duration::Duration>()
        .ok()
        .map(|_| perses)
}

/// The refresh interval, when the dashboard refreshes itself.
pub fn refresh(dashboard: &Value) -> Option<String> {
    let refresh = dashboard.get("refresh")?.as_str()?;
    grafana_duration(refresh)
}

/// Grafana's dashboard links of type `link`; tag-based dashboard lists are losses.
pub fn links(dashboard: &Value, losses: &mut Vec<(String, String)>) -> Vec<Link> {
    let mut converted = Vec::new();
    for link in dashboard
        .get("links")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match (text(link, "type"), text(link, "url")) {
            (Some("link"), Some(url)) if !url.is_empty() => converted.push(Link {
                url: queries::promql(url),
                name: given(link, "title"),
                tooltip: given(link, "tooltip"),
                render_variables: link.get("includeVars").and_then(Value::as_bool) == Some(true),
                target_blank: link.get("targetBlank").and_then(Value::as_bool) == Some(true),
            }),
            _ => losses.push((
                super::DASHBOARD.to_owned(),
                format!(
                    "the link {:?} (a list of Grafana dashboards by tag)",
                    text(link, "title").unwrap_or("?")
                ),
            )),
        }
    }
    converted
}

/// A Kubernetes name from a title: lower-case letters, digits and `-`, at most 63 characters.
pub fn resource_name(title: &str, uid: Option<&str>) -> String {
    let name = slug(title, 63);
    if !name.is_empty() {
        return name;
    }
    uid.map(|uid| slug(uid, 63))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "imported-dashboard".to_owned())
}
