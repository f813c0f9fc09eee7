//! The chart cases' part of the report: the plugin beside uPlot, and the heat map against
//! its own targets.

use super::{median, ms, ratio, ratio_text, verdict};
use crate::Figures;

pub fn print_charts(figures: &Figures) {
    println!(
        "{:<50} {:>12} {:>12} {:>8}  target",
        "chart", "this plugin", "uPlot", "ratio"
    );
    let cases = [
        (
            "1 chart, 3 × 55,550 points",
            &figures.chart_3x55550,
            &figures.uplot_3x55550,
        ),
        (
            "1 chart, 500 series × 1,000 points",
            &figures.chart_500x1000,
            &figures.uplot_500x1000,
        ),
    ];
    for (index, (label, ours, uplot)) in cases.into_iter().enumerate() {
        println!("{label}");
        let rows = [
            ("  render incl. paint", "renderMs", ""),
            ("  warm hover", "hoverMs", "≤ 1.5 × uPlot"),
            ("  longest main-thread task", "longestTaskMs", ""),
        ];
        for (row, key, target) in rows {
            let (a, b) = (median(ours, key), median(uplot, key));
            let met = match (target.is_empty(), ratio(a, b)) {
                (false, Some(r)) => verdict(r <= 1.5),
                _ => "",
            };
            println!(
                "{row:<50} {:>12} {:>12} {:>8}  {target}{met}",
                ms(a),
                ms(b),
                ratio_text(a, b)
            );
        }
        // The plugin's hover shows the values in a tooltip; uPlot without its legend shows
        // none. The same job: uPlot writing them into its legend.
        if index == 0 {
            let (a, b) = (
                median(ours, "hoverMs"),
                median(&figures.uplot_3x55550_legend, "hoverMs"),
            );
            println!(
                "{:<50} {:>12} {:>12} {:>8}",
                "  warm hover, uPlot showing the values (legend)",
                ms(a),
                ms(b),
                ratio_text(a, b)
            );
        }
    }
}

/// The heat map case against issue 13's targets: painted within one frame, and a hover that
/// never repaints the cells.
pub fn print_heatmap(figures: &Figures) {
    let runs = &figures.heatmap_720x30;
    if runs.is_empty() {
        return;
    }
    println!("\n1 heat map, 720 steps (3 h at 15 s) × 30 buckets, p50/p99 and an SLO");
    let frame_ms = 1000.0 / 60.0;
    let paint = median(runs, "paintMs");
    let rows = [
        (
            "  render incl. model and paint",
            median(runs, "renderMs"),
            String::new(),
        ),
        (
            "  model (buckets, quantiles)",
            median(runs, "prepareMs"),
            String::new(),
        ),
        (
            "  longest single paint",
            paint,
            format!(
                "≤ one frame (16.7 ms){}",
                paint.map_or("", |paint| verdict(paint <= frame_ms))
            ),
        ),
        ("  warm hover", median(runs, "hoverMs"), String::new()),
        (
            "  longest main-thread task",
            median(runs, "longestTaskMs"),
            String::new(),
        ),
    ];
    for (label, value, target) in rows {
        println!("{label:<50} {:>12}  {target}", ms(value));
    }
    let repaints = median(runs, "hoverPaints");
    println!(
        "{:<50} {:>12}  none{}",
        "  repaints during 21 pointer moves",
        repaints.map_or("–".to_owned(), |count| format!("{count:.0}")),
        repaints.map_or("", |count| verdict(count == 0.0))
    );
}
