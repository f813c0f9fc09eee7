//! The chart and text panels: one function per Grafana type, each to its Perses options.

use obs_core::spec::common::{Legend, LegendMode, LegendPosition, SortOrder};
use obs_core::spec::panels::{
    bar::{BarChartSpec, BarMode, Orientation},
    gauge::GaugeChartSpec,
    markdown::MarkdownSpec,
    pie::{PieChartSpec, PieLegend},
    stat::{Sparkline, StatChartSpec, StatColorMode},
    status_history::StatusHistoryChartSpec,
    time_series::{SeriesDisplay, Stack, TimeSeriesChartSpec, Visual, YAxis},
};
use serde_json::{Value, json};

use super::super::{fields, given};

fn legend(options: &Value, losses: &mut Vec<String>) -> Option<Legend> {
    let legend = options.get("legend")?;
    if legend.get("showLegend").and_then(Value::as_bool) == Some(false)
        || legend.get("displayMode").and_then(Value::as_str) == Some("hidden")
    {
        return None;
    }
    let values = legend
        .get("calcs")
        .and_then(Value::as_array)
        .map(|calcs| {
            calcs
                .iter()
                .filter_map(Value::as_str)
                .filter_map(|calc| {
                    fields::calculation(calc)
                        .map_err(|loss| losses.push(format!("the legend's {loss}")))
                        .ok()
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Legend {
        position: match legend.get("placement").and_then(Value::as_str) {
            Some("right") => LegendPosition::Right,
            _ => LegendPosition::Bottom,
        },
        mode: match legend.get("displayMode").and_then(Value::as_str) {
            Some("table") => Some(LegendMode::Table),
            _ => Some(LegendMode::List),
        },
        size: None,
        values,
    })
}

pub fn time_series(
    panel: &Value,
    defaults: &Value,
    options: &Value,
    losses: &mut Vec<String>,
) -> TimeSeriesChartSpec {
    let custom = defaults.get("custom").cloned().unwrap_or(Value::Null);
    let graph = panel.get("type").and_then(Value::as_str) == Some("graph");
    // The old graph panel keeps its axis in yaxes[0] and its style in the panel itself.
    let (format, min, max, label) = if graph {
        let axis = panel.pointer("/yaxes/0").cloned().unwrap_or(Value::Null);
        // The axis says `format` where field settings say `unit`.
        let field = |key: &str| axis.get(key).cloned().unwrap_or(Value::Null);
        let format = fields::format(
            &json!({"unit": field("format"), "decimals": field("decimals")}),
            losses,
        );
        let number = |key: &str| {
            axis.get(key).and_then(|v| {
                v.as_f64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
        };
        (
            format,
            number("min"),
            number("max"),
            axis.get("label").and_then(Value::as_str).map(str::to_owned),
        )
    } else {
        (
            fields::format(defaults, losses),
            defaults.get("min").and_then(Value::as_f64),
            defaults.get("max").and_then(Value::as_f64),
            given(&custom, "axisLabel"),
        )
    };
    let legend = if graph {
        panel.get("legend").and_then(|legend| {
            (legend.get("show").and_then(Value::as_bool) != Some(false)).then(|| Legend {
                position: if legend.get("rightSide").and_then(Value::as_bool) == Some(true) {
                    LegendPosition::Right
                } else {
                    LegendPosition::Bottom
                },
                mode: Some(
                    if legend.get("alignAsTable").and_then(Value::as_bool) == Some(true) {
                        LegendMode::Table
                    } else {
                        LegendMode::List
                    },
                ),
                size: None,
                values: Vec::new(),
            })
        })
    } else {
        legend(options, losses)
    };
    let bars = if graph {
        panel.get("bars").and_then(Value::as_bool) == Some(true)
    } else {
        custom.get("drawStyle").and_then(Value::as_str) == Some("bars")
    };
    let stack = if graph {
        (panel.get("stack").and_then(Value::as_bool) == Some(true)).then_some(
            if panel.get("percentage").and_then(Value::as_bool) == Some(true) {
                Stack::Percent
            } else {
                Stack::All
            },
        )
    } else {
        match custom.pointer("/stacking/mode").and_then(Value::as_str) {
            Some("normal") => Some(Stack::All),
            Some("percent") => Some(Stack::Percent),
            _ => None,
        }
    };
    let fill = if graph {
        panel
            .get("fill")
            .and_then(Value::as_f64)
            .map(|fill| fill / 10.0)
    } else {
        custom
            .get("fillOpacity")
            .and_then(Value::as_f64)
            .map(|opacity| opacity / 100.0)
    };
    let line_width = if graph {
        panel.get("linewidth").and_then(Value::as_f64)
    } else {
        custom.get("lineWidth").and_then(Value::as_f64)
    };
    TimeSeriesChartSpec {
        legend,
        tooltip: None,
        y_axis: Some(YAxis {
            show: None,
            label,
            format,
            min,
            max,
            log_base: None,
        }),
        thresholds: if graph {
            None
        } else {
            fields::thresholds(defaults)
        },
        visual: Some(Visual {
            display: bars.then_some(SeriesDisplay::Bar),
            line_width: line_width.map(|width| width.clamp(0.25, 3.0)),
            line_style: None,
            area_opacity: fill
                .filter(|fill| *fill > 0.0)
                .map(|fill| fill.clamp(0.0, 1.0)),
            show_points: None,
            palette: None,
            point_radius: None,
            stack,
            connect_nulls: custom
                .get("spanNulls")
                .and_then(Value::as_bool)
                .filter(|span| *span),
        }),
        query_settings: Vec::new(),
    }
}

pub fn stat(defaults: &Value, options: &Value, losses: &mut Vec<String>) -> StatChartSpec {
    StatChartSpec {
        calculation: fields::panel_calculation(options, losses),
        metric_label: None,
        format: fields::format(defaults, losses),
        thresholds: fields::thresholds(defaults),
        sparkline: (options.get("graphMode").and_then(Value::as_str) == Some("area"))
            .then(Sparkline::default),
        value_font_size: None,
        color_mode: match options.get("colorMode").and_then(Value::as_str) {
            Some("background" | "background_solid") => StatColorMode::BackgroundSolid,
            Some("none") => StatColorMode::None,
            _ => StatColorMode::Value,
        },
        legend_mode: Default::default(),
        mappings: fields::mappings(defaults, losses),
    }
}

pub fn gauge(defaults: &Value, options: &Value, losses: &mut Vec<String>) -> GaugeChartSpec {
    GaugeChartSpec {
        calculation: fields::panel_calculation(options, losses),
        format: fields::format(defaults, losses),
        thresholds: fields::thresholds(defaults),
        max: defaults.get("max").and_then(Value::as_f64),
        legend: None,
    }
}

pub fn bar(defaults: &Value, options: &Value, losses: &mut Vec<String>) -> BarChartSpec {
    BarChartSpec {
        calculation: fields::panel_calculation(options, losses),
        format: fields::format(defaults, losses),
        sort: None,
        mode: Some(BarMode::Value),
        orientation: match options.get("orientation").and_then(Value::as_str) {
            Some("vertical") => Some(Orientation::Vertical),
            _ => Some(Orientation::Horizontal),
        },
        group_by: Vec::new(),
        is_stacked: None,
        visual: None,
    }
}

pub fn pie(defaults: &Value, options: &Value, losses: &mut Vec<String>) -> PieChartSpec {
    let legend = legend(options, losses).map(|legend| PieLegend {
        position: legend.position,
        mode: legend.mode,
        size: None,
        values: Vec::new(),
    });
    PieChartSpec {
        legend,
        calculation: fields::panel_calculation(options, losses),
        format: fields::format(defaults, losses),
        sort: Some(SortOrder::Desc),
        mode: Some(BarMode::Value),
        show_labels: None,
        radius: None,
        color_palette: Vec::new(),
    }
}

pub fn text(options: &Value, losses: &mut Vec<String>) -> MarkdownSpec {
    let content = options
        .get("content")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if options.get("mode").and_then(Value::as_str) == Some("html") {
        losses.push("HTML markup (Perses shows Markdown; the HTML is kept as text)".to_owned());
    }
    MarkdownSpec {
        text: content.to_owned(),
    }
}

pub fn status_history(
    defaults: &Value,
    options: &Value,
    losses: &mut Vec<String>,
) -> StatusHistoryChartSpec {
    StatusHistoryChartSpec {
        legend: legend(options, losses),
        mappings: fields::mappings(defaults, losses),
        sorting: None,
    }
}
