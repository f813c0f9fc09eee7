//! The benchmark's report: one table of medians with the peers measured in the same run, their
//! ratios and the targets of issue 12 (printed, never asserted), and the raw figures as JSON.

use std::path::Path;

use serde_json::{Value, json};

use crate::Figures;
use crate::dashboards::Dashboard;

mod charts;

/// The brotli bytes the plugin's page may download (issue 12, this step).
const BUNDLE_TARGET_BYTES: f64 = 280.0 * 1024.0;

pub fn print(figures: &Figures, dashboards: &[Dashboard], runs: usize) {
    println!(
        "\nBenchmark: median of {runs} runs, headless Chromium, 1920 × 1080, device scale 1\n"
    );
    charts::print_charts(figures);
    charts::print_heatmap(figures);
    for dashboard in dashboards {
        print_dashboard(figures, dashboard);
    }
}
/// One row of a dashboard's table: how to read a figure from a run and what it should meet.
struct Row {
    label: &'static str,
    read: fn(&Value) -> Option<f64>,
    show: fn(Option<f64>) -> String,
    /// The target on the ratio plugin / Perses, or on the plugin's figure alone.
    target: Target,
}

enum Target {
    None,
    RatioAtMost(f64, &'static str),
    PluginAtMost(f64, &'static str),
}

fn print_dashboard(figures: &Figures, dashboard: &Dashboard) {
    let runs = figures.dashboards.get(dashboard.key);
    let empty = Vec::new();
    let plugin = runs.and_then(|pages| pages.get("plugin")).unwrap_or(&empty);
    let perses = runs.and_then(|pages| pages.get("perses")).unwrap_or(&empty);
    println!(
        "\n{:<50} {:>12} {:>12} {:>8}  target",
        format!("{} ({} panels)", dashboard.label, dashboard.panels),
        "this plugin",
        "Perses page",
        "ratio"
    );
    let rows = [
        Row {
            label: "bytes downloaded, brotli",
            read: |run| run["bytes"]["brotli"].as_f64(),
            show: kilobytes,
            target: Target::PluginAtMost(BUNDLE_TARGET_BYTES, "≤ 280 KB"),
        },
        Row {
            label: "bytes downloaded, gzip",
            read: |run| run["bytes"]["gzip"].as_f64(),
            show: kilobytes,
            target: Target::None,
        },
        Row {
            label: "above the fold drawn, from navigation",
            read: |run| run["aboveFoldMs"].as_f64(),
            show: ms,
            target: Target::RatioAtMost(0.1, "≤ 1/10"),
        },
        Row {
            label: "all panels drawn, from opening the rows",
            read: |run| run["allMs"].as_f64(),
            show: ms,
            target: Target::RatioAtMost(0.1, "≤ 1/10"),
        },
        Row {
            label: "longest main-thread task",
            read: |run| run["longestTaskMs"].as_f64(),
            show: ms,
            target: Target::PluginAtMost(50.0, "≤ 50 ms"),
        },
        Row {
            label: "total blocking time",
            read: |run| run["blockingMs"].as_f64(),
            show: ms,
            target: Target::None,
        },
        Row {
            label: "JS heap + WebAssembly memory after GC",
            read: |run| run["memoryMb"].as_f64(),
            show: megabytes,
            target: Target::RatioAtMost(0.05, "≤ 1/20"),
        },
        // WebAssembly memory grows to the most the page held and never shrinks: what the
        // page holds at the end tells kept data from a passing peak.
        Row {
            label: "  of which WebAssembly memory",
            read: |run| run["wasmMb"].as_f64().filter(|mb| *mb > 0.0),
            show: megabytes,
            target: Target::None,
        },
        Row {
            label: "    held by the page at the end",
            read: |run| run["wasmLiveMb"].as_f64().filter(|mb| *mb > 0.0),
            show: megabytes,
            target: Target::None,
        },
        Row {
            label: "    most held at once",
            read: |run| run["wasmPeakMb"].as_f64().filter(|mb| *mb > 0.0),
            show: megabytes,
            target: Target::None,
        },
        Row {
            label: "requests to Prometheus",
            read: |run| run["requests"].as_f64(),
            show: count,
            target: Target::None,
        },
        Row {
            label: "  with unresolved variables",
            read: |run| run["unresolvedRequests"].as_f64(),
            show: count,
            target: Target::None,
        },
    ];
    for row in rows {
        let (a, b) = (median_by(plugin, row.read), median_by(perses, row.read));
        let (target, met) = match row.target {
            Target::None => ("", ""),
            Target::RatioAtMost(limit, text) => {
                (text, ratio(a, b).map_or("", |r| verdict(r <= limit)))
            }
            Target::PluginAtMost(limit, text) => (text, a.map_or("", |v| verdict(v <= limit))),
        };
        println!(
            "{:<50} {:>12} {:>12} {:>8}  {target}{met}",
            row.label,
            (row.show)(a),
            (row.show)(b),
            ratio_text(a, b)
        );
    }
    for (page, runs) in [("this plugin", plugin), ("Perses page", perses)] {
        for (index, run) in runs.iter().enumerate() {
            if let Some(error) = run["error"].as_str().filter(|error| !error.is_empty()) {
                println!("  {page}, run {}: {error}", index + 1);
            }
        }
    }
}

pub fn write_json(figures: &Figures, path: &Path, runs: usize) -> Result<(), String> {
    let document = json!({
        "runs": runs,
        "charts": {
            "plugin3x55550": figures.chart_3x55550,
            "plugin500x1000": figures.chart_500x1000,
            "uplot3x55550": figures.uplot_3x55550,
            "uplot3x55550Legend": figures.uplot_3x55550_legend,
            "uplot500x1000": figures.uplot_500x1000,
            "heatmap720x30": figures.heatmap_720x30,
        },
        "dashboards": figures.dashboards,
    });
    let text = serde_json::to_string_pretty(&document).map_err(|error| error.to_string())?;
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}

fn median(values: &[Value], key: &str) -> Option<f64> {
    median_by(values, |value| value[key].as_f64())
}

fn median_by(values: &[Value], read: impl Fn(&Value) -> Option<f64>) -> Option<f64> {
    let mut numbers: Vec<f64> = values.iter().filter_map(read).collect();
    numbers.sort_by(f64::total_cmp);
    numbers.get(numbers.len() / 2).copied()
}

fn ratio(ours: Option<f64>, theirs: Option<f64>) -> Option<f64> {
    match (ours, theirs) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

fn ratio_text(ours: Option<f64>, theirs: Option<f64>) -> String {
    ratio(ours, theirs).map_or("–".to_owned(), |r| format!("{r:.3}"))
}

fn verdict(met: bool) -> &'static str {
    if met { ": met" } else { ": not met" }
}

fn ms(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |v| format!("{v:.1} ms"))
}

fn kilobytes(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |v| format!("{:.0} KB", v / 1024.0))
}

fn megabytes(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |v| format!("{v:.1} MB"))
}

fn count(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |v| format!("{v:.0}"))
}
