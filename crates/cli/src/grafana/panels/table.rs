//! The table panel: Grafana's column overrides and "organize" transformation as Perses column
//! settings; several queries merged into rows as Grafana's merge does.

use obs_core::spec::panels::table::{ColumnSettings, ColumnSize, TableSpec, Transform};
use serde_json::{Value, json};

use super::super::fields;

pub fn table(panel: &Value, losses: &mut Vec<String>) -> TableSpec {
    let mut column_settings = Vec::new();
    // Grafana's "organize" transformation renames and hides columns; its overrides set units.
    if let Some(transformations) = panel.get("transformations").and_then(Value::as_array) {
        let mut others = Vec::new();
        for transformation in transformations {
            let id = transformation
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("");
            match id {
                "organize" => {
                    let options = transformation
                        .get("options")
                        .cloned()
                        .unwrap_or(Value::Null);
                    if let Some(excluded) = options.get("excludeByName").and_then(Value::as_object)
                    {
                        for (name, hidden) in excluded {
                            if hidden.as_bool() == Some(true) {
                                column(&mut column_settings, name).hide = Some(true);
                            }
                        }
                    }
                    if let Some(renamed) = options.get("renameByName").and_then(Value::as_object) {
                        for (name, header) in renamed {
                            if let Some(header) =
                                header.as_str().filter(|header| !header.is_empty())
                            {
                                column(&mut column_settings, name).header = Some(header.to_owned());
                            }
                        }
                    }
                }
                // Merging the queries' rows is what Perses' MergeSeries does.
                "merge" | "seriesToColumns" | "joinByField" => {}
                other => others.push(other.to_owned()),
            }
        }
        if !others.is_empty() {
            losses.push(format!("transformations ({})", others.join(", ")));
        }
    }
    if let Some(overrides) = panel
        .pointer("/fieldConfig/overrides")
        .and_then(Value::as_array)
    {
        for override_ in overrides {
            let matcher = override_.get("matcher").cloned().unwrap_or(Value::Null);
            let Some(name) = matcher.get("options").and_then(Value::as_str) else {
                continue;
            };
            if matcher.get("id").and_then(Value::as_str) != Some("byName") {
                losses.push(format!(
                    "a field override matching {name:?} by {:?}",
                    matcher.get("id")
                ));
                continue;
            }
            for property in override_
                .get("properties")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let value = property.get("value").cloned().unwrap_or(Value::Null);
                match property.get("id").and_then(Value::as_str) {
                    Some("displayName") => {
                        column(&mut column_settings, name).header =
                            value.as_str().map(str::to_owned)
                    }
                    Some("unit") => {
                        let format = fields::format(&json!({"unit": value}), losses);
                        column(&mut column_settings, name).format = format;
                    }
                    Some("decimals") => {
                        let entry = column(&mut column_settings, name);
                        let mut format = entry.format.clone().unwrap_or_default();
                        format.decimal_places = value.as_f64();
                        entry.format = Some(format);
                    }
                    Some("custom.width") => {
                        column(&mut column_settings, name).width =
                            value.as_f64().map(ColumnSize::Pixels);
                    }
                    Some("custom.hidden" | "custom.hideFrom") => {
                        column(&mut column_settings, name).hide = Some(true)
                    }
                    Some(other) => losses.push(format!("the {other:?} setting of column {name:?}")),
                    None => {}
                }
            }
        }
    }
    let queries = panel
        .get("targets")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    TableSpec {
        column_settings,
        transforms: if queries > 1 {
            vec![Transform::MergeSeries { disabled: false }]
        } else {
            Vec::new()
        },
        ..TableSpec::default()
    }
}

fn column<'a>(columns: &'a mut Vec<ColumnSettings>, name: &str) -> &'a mut ColumnSettings {
    let index = match columns.iter().position(|column| column.name == name) {
        Some(index) => index,
        None => {
            columns.push(ColumnSettings {
                name: name.to_owned(),
                ..ColumnSettings::default()
            });
            columns.len() - 1
        }
    };
    &mut columns[index]
}
