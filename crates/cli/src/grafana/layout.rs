//! Grafana's rows and grid as Perses grid groups.
//!
//! Both grids have 24 columns and 30 px rows, so positions carry over; each group's items start
//! at its own top. A row starts a group (collapsed rows keep their panels inside them,
//! expanded rows are followed by theirs); panels before the first row form an untitled group.

use obs_core::spec::layout::{
    Collapse, GridDisplay, GridItemSpec, GridSpec, ItemRepeat, JsonRef, RepeatAlignment,
};
use serde_json::Value;

use super::given;

/// A group of panels, in Grafana's terms still.
pub struct Group<'a> {
    pub title: Option<String>,
    pub collapse: Option<Collapse>,
    pub repeat: Option<String>,
    pub panels: Vec<&'a Value>,
}

/// The groups of a dashboard's top-level panels.
pub fn groups(panels: &[Value]) -> Vec<Group<'_>> {
    let mut sorted: Vec<&Value> = panels.iter().collect();
    sorted.sort_by_key(|panel| (position(panel, "y"), position(panel, "x")));
    let mut groups = vec![Group {
        title: None,
        collapse: None,
        repeat: None,
        panels: Vec::new(),
    }];
    for panel in sorted {
        if panel.get("type").and_then(Value::as_str) == Some("row") {
            let collapsed = panel.get("collapsed").and_then(Value::as_bool) == Some(true);
            let mut inside: Vec<&Value> = panel
                .get("panels")
                .and_then(Value::as_array)
                .map(|panels| panels.iter().collect())
                .unwrap_or_default();
            inside.sort_by_key(|panel| (position(panel, "y"), position(panel, "x")));
            groups.push(Group {
                title: Some(
                    panel
                        .get("title")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                ),
                collapse: Some(Collapse { open: !collapsed }),
                repeat: given(panel, "repeat"),
                panels: inside,
            });
        } else if let Some(group) = groups.last_mut() {
            group.panels.push(panel);
        }
    }
    groups.retain(|group| group.title.is_some() || !group.panels.is_empty());
    groups
}

/// Whether a panel is a copy Grafana saved of a repeated panel (it is drawn again from the
/// original's repeat, so it is not imported twice).
pub fn is_repeat_copy(panel: &Value) -> bool {
    panel.get("repeatPanelId").is_some() || panel.get("repeatIteration").is_some()
}

fn position(panel: &Value, key: &str) -> i64 {
    panel
        .pointer(&format!("/gridPos/{key}"))
        .and_then(Value::as_i64)
        .unwrap_or(0)
}

/// The grid item of a panel whose key is `key`, in a group whose first row is `top`.
pub fn item(panel: &Value, key: &str, top: i64) -> GridItemSpec {
    let number = |name: &str, default: i64| {
        panel
            .pointer(&format!("/gridPos/{name}"))
            .and_then(Value::as_i64)
            .unwrap_or(default)
    };
    let clamp =
        |value: i64, low: i64, high: i64| u32::try_from(value.clamp(low, high)).unwrap_or(0);
    let x = clamp(number("x", 0), 0, 23);
    let width = clamp(number("w", 12), 1, 24 - i64::from(x));
    let repeat = panel
        .get("repeat")
        .and_then(Value::as_str)
        .filter(|repeat| !repeat.is_empty())
        .map(|variable| ItemRepeat {
            value: variable.to_owned(),
            max_per: panel.get("maxPerRow").and_then(Value::as_i64),
            alignment: Some(match panel.get("repeatDirection").and_then(Value::as_str) {
                Some("v") => RepeatAlignment::Vertical,
                _ => RepeatAlignment::Horizontal,
            }),
        });
    GridItemSpec {
        x,
        y: clamp(number("y", top) - top, 0, i64::from(u32::MAX)),
        width,
        height: clamp(number("h", 8), 1, 1000),
        content: Some(JsonRef {
            reference: format!("#/spec/panels/{key}"),
        }),
        repeat_variable: repeat,
    }
}

/// The top row of a group's panels.
pub fn top(panels: &[&Value]) -> i64 {
    panels
        .iter()
        .map(|panel| position(panel, "y"))
        .min()
        .unwrap_or(0)
}

/// A Perses Grid layout.
pub fn grid(group: &Group<'_>, items: Vec<GridItemSpec>) -> GridSpec {
    GridSpec {
        display: group.title.as_ref().map(|title| GridDisplay {
            title: Some(title.clone()),
            collapse: group.collapse,
        }),
        items,
        repeat_variable: group.repeat.clone(),
    }
}

/// The panel keys given so far: each key, and per base the next suffix to try, so that a
/// dashboard of thousands of panels with one title gets its keys in linear time.
#[derive(Debug, Default)]
pub struct Keys {
    taken: std::collections::HashSet<String>,
    next_suffix: std::collections::HashMap<String, usize>,
}

/// A panel key from a title: letters, digits, `_`, `.` and `-`, at most 60 characters,
/// different from the keys already taken.
pub fn key(title: &str, id: Option<i64>, keys: &mut Keys) -> String {
    let mut base = super::meta::slug(title, 60);
    if base.is_empty() {
        base = id.map_or_else(|| "panel".to_owned(), |id| format!("panel-{id}"));
    }
    let mut key = base.clone();
    let suffix = keys.next_suffix.entry(base.clone()).or_insert(2);
    while keys.taken.contains(&key) {
        key = format!("{base}-{suffix}");
        *suffix += 1;
    }
    keys.taken.insert(key.clone());
    key
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn rows_become_groups() {
        let panels = vec![
            json!({"type": "stat", "title": "top", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}}),
            json!({"type": "row", "title": "Open", "collapsed": false, "gridPos": {"y": 4}}),
            json!({"type": "timeseries", "gridPos": {"x": 0, "y": 5, "w": 24, "h": 8}}),
            json!({"type": "row", "title": "Closed", "collapsed": true, "repeat": "pod", "gridPos": {"y": 13},
                   "panels": [json!({"type": "gauge", "gridPos": {"x": 0, "y": 14, "w": 8, "h": 6}})]}),
        ];
        let groups = groups(&panels);
        let summary: Vec<(Option<String>, Option<bool>, usize)> = groups
            .iter()
            .map(|group| {
                (
                    group.title.clone(),
                    group.collapse.map(|c| c.open),
                    group.panels.len(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (None, None, 1),
                (Some("Open".into()), Some(true), 1),
                (Some("Closed".into()), Some(false), 1)
            ]
        );
        assert_eq!(groups[2].repeat.as_deref(), Some("pod"));
        let item = item(groups[2].panels[0], "g", top(&groups[2].panels));
        assert_eq!((item.x, item.y, item.width, item.height), (0, 0, 8, 6));
    }

    #[test]
    fn keys_are_valid_and_unique() {
        let mut taken = Keys::default();
        assert_eq!(
            key("🔐 Auth Latency (P50/P95)", Some(1), &mut taken),
            "auth-latency-p50-p95"
        );
        assert_eq!(
            key("Auth latency p50 p95", Some(2), &mut taken),
            "auth-latency-p50-p95-2"
        );
        assert_eq!(key("", Some(7), &mut taken), "panel-7");
        assert_eq!(key("", None, &mut taken), "panel");
    }
}
