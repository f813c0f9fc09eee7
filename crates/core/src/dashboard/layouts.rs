//! The layouts of a dashboard: Grid groups whose items refer to panels by `$ref`.

use std::collections::BTreeMap;

use serde_json::Value;

use super::problems::{Problems, borrowed_array, decode};
use super::{GridContent, GridItem, GridLayout, Layout, Panel, Severity};
use crate::diagnostic::Path;
use crate::spec::layout::{GRID, GridItemSpec, GridSpec, LayoutDefinition};

pub(super) fn layouts(
    value: Option<&Value>,
    path: &Path,
    panels: &BTreeMap<String, Panel>,
    problems: &mut Problems,
) -> Vec<Layout> {
    borrowed_array(value, path, problems)
        .iter()
        .enumerate()
        .filter_map(|(index, value)| {
            let layout_path = path.index(index);
            let definition = decode::<LayoutDefinition>(value, &layout_path)
                .map_err(|error| problems.push(Severity::Error, error))
                .ok()?;
            if definition.kind != GRID {
                return Some(Layout::Unsupported {
                    kind: definition.kind,
                });
            }
            let spec_path = layout_path.key("spec");
            let spec = decode::<GridSpec>(&definition.spec, &spec_path)
                .map_err(|error| problems.push(Severity::Error, error))
                .ok()?;
            Some(Layout::Grid(grid(spec, &spec_path, panels, problems)))
        })
        .collect()
}

fn grid(
    spec: GridSpec,
    path: &Path,
    panels: &BTreeMap<String, Panel>,
    problems: &mut Problems,
) -> GridLayout {
    let items_path = path.key("items");
    let items = spec
        .items
        .into_iter()
        .enumerate()
        .map(|(index, item)| grid_item(item, &items_path.index(index), panels, problems))
        .collect();
    let display = spec.display.unwrap_or_default();
    GridLayout {
        title: display.title.filter(|title| !title.is_empty()),
        collapse: display.collapse.map(|collapse| collapse.open),
        items,
        repeat_variable: spec.repeat_variable.filter(|name| !name.is_empty()),
    }
}

/// Resolves a grid item's `$ref` as Perses does: exactly `#/spec/panels/<key>`, and the key
/// must exist.
fn grid_item(
    item: GridItemSpec,
    path: &Path,
    panels: &BTreeMap<String, Panel>,
    problems: &mut Problems,
) -> GridItem {
    let ref_path = path.key("content").key("$ref");
    let content = match item.content {
        None => {
            problems.error(
                &path.key("content"),
                "missing: a grid item needs content.$ref",
            );
            GridContent::Missing {
                reference: String::new(),
            }
        }
        Some(content) => match panel_key(&content.reference) {
            Some(key) if panels.contains_key(key) => GridContent::Panel(key.to_owned()),
            Some(key) => {
                problems.error(&ref_path, format!("no panel {key:?} in spec.panels"));
                GridContent::Missing {
                    reference: content.reference,
                }
            }
            None => {
                problems.error(
                    &ref_path,
                    format!(
                        "expected \"#/spec/panels/<panel key>\", found {:?}",
                        content.reference
                    ),
                );
                GridContent::Missing {
                    reference: content.reference,
                }
            }
        },
    };
    GridItem {
        x: item.x,
        y: item.y,
        width: item.width,
        height: item.height,
        content,
        repeat: item.repeat_variable,
    }
}

/// The panel key of a `#/spec/panels/<key>` reference. Like Perses' JSON reference rule, a
/// segment holds only letters, digits, `_` and `-`.
fn panel_key(reference: &str) -> Option<&str> {
    let rest = reference.strip_prefix('#').unwrap_or(reference);
    let key = rest.strip_prefix("/spec/panels/")?;
    let valid = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    valid.then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panel_references_follow_perses() {
        assert_eq!(panel_key("#/spec/panels/0_1"), Some("0_1"));
        assert_eq!(panel_key("/spec/panels/cpu-usage"), Some("cpu-usage"));
        assert_eq!(panel_key("#/panels/a"), None);
        assert_eq!(panel_key("#/spec/panels/"), None);
        assert_eq!(panel_key("#/spec/panels/a/b"), None);
        assert_eq!(panel_key("#/spec/panels/a.b"), None);
        assert_eq!(panel_key("spec/panels/a"), None);
    }
}
