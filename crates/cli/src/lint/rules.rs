//! Rules for the metrics world that no peer checks, on a panel query's syntax tree. Each is a
//! warning: the query runs, but probably not as its author meant.

use std::time::Duration;

use obs_core::dashboard::{Panel, PanelKind};
use obs_core::diagnostic::Path;
use obs_core::spec::common::Format;
use obs_core::spec::unit::{Unit, UnitGroup};
use obs_promql::Expr;
use obs_promql::promql_parser::label::MatchOp;
use obs_promql::promql_parser::parser::ast::LabelModifier;
use obs_promql::promql_parser::parser::token::{T_BOTTOMK, T_DIV, T_MUL, T_TOPK};

use super::Issue;
use super::rule::Rule;

/// The shortest range `rate` and `increase` see two samples in at the 30 s scrape interval
/// OpenShift's monitoring uses: a shorter one returns nothing most of the time.
const SHORTEST_RATE_RANGE: Duration = Duration::from_secs(60);

/// Runs every tree rule on one panel query.
pub fn check(expr: &Expr, panel: &Panel, path: &Path) -> Vec<Issue> {
    let mut issues = Vec::new();
    walk(expr, &mut |node| {
        if let Expr::Call(call) = node {
            match call.func.name {
                "histogram_quantile" => {
                    if let Some(inner) = call.args.args.get(1)
                        && drops_le(inner)
                    {
                        issues.push(Issue::new(
                            Rule::HistogramQuantileWithoutLe,
                            path,
                            "histogram_quantile needs the le label, but the aggregation inside \
                             drops it: add le to its by (…) clause",
                        ));
                    }
                }
                "rate" | "increase" | "irate" => {
                    if let Some(Expr::MatrixSelector(matrix)) =
                        call.args.args.first().map(AsRef::as_ref)
                        && matrix.range < SHORTEST_RATE_RANGE
                    {
                        issues.push(Issue::new(
                            Rule::ShortRateRange,
                            path,
                            format!(
                                "{}() over [{}s] sees at most one sample at a 30 s scrape \
                                 interval and returns nothing; use at least [1m], or \
                                 [$__rate_interval]",
                                call.func.name,
                                matrix.range.as_secs_f64()
                            ),
                        ));
                    }
                }
                _ => {}
            }
        }
    });
    if let Some(issue) = unit_mismatch(expr, panel, path) {
        issues.push(issue);
    }
    if let Some(issue) = histogram_panel_without_buckets(expr, panel, path) {
        issues.push(issue);
    }
    issues
}

/// A heat map or histogram chart draws the buckets its query returns: classic ones by their
/// `le` label. An aggregation that drops `le`, or `histogram_quantile` (which returns
/// quantiles), leaves it nothing to draw.
fn histogram_panel_without_buckets(expr: &Expr, panel: &Panel, path: &Path) -> Option<Issue> {
    let chart = match panel.kind {
        PanelKind::HeatMapChart(_) => "a heat map",
        PanelKind::HistogramChart(_) => "a histogram chart",
        _ => return None,
    };
    let mut outer = expr;
    while let Expr::Paren(paren) = outer {
        outer = &paren.expr;
    }
    let why = if let Expr::Call(call) = outer
        && call.func.name == "histogram_quantile"
    {
        "returns quantiles, not buckets: query the buckets, sum by (le) (rate(x_bucket[…])), and \
         draw quantiles with the panel's quantiles option"
    } else if drops_le(outer) {
        "aggregates _bucket series without le: add le to its by (…) clause"
    } else {
        return None;
    };
    Some(Issue::new(
        Rule::HistogramPanelWithoutLe,
        path,
        format!("{chart} draws histograms by their le label, but this query {why}"),
    ))
}

/// Calls `visit` on every node of the tree.
fn walk<'a>(expr: &'a Expr, visit: &mut impl FnMut(&'a Expr)) {
    visit(expr);
    match expr {
        Expr::Aggregate(aggregate) => {
            if let Some(param) = &aggregate.param {
                walk(param, visit);
            }
            walk(&aggregate.expr, visit);
        }
        Expr::Call(call) => call.args.args.iter().for_each(|arg| walk(arg, visit)),
        Expr::Binary(binary) => {
            walk(&binary.lhs, visit);
            walk(&binary.rhs, visit);
        }
        Expr::Unary(unary) => walk(&unary.expr, visit),
        Expr::Paren(paren) => walk(&paren.expr, visit),
        Expr::Subquery(subquery) => walk(&subquery.expr, visit),
        Expr::MatrixSelector(_)
        | Expr::VectorSelector(_)
        | Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::Extension(_) => {}
    }
}

/// Whether the expression a `histogram_quantile` reads aggregates its classic `_bucket` series
/// without keeping `le` (native histograms need no `le`, so only `_bucket` series count).
fn drops_le(expr: &Expr) -> bool {
    match expr {
        Expr::Paren(paren) => drops_le(&paren.expr),
        Expr::Aggregate(aggregate) => {
            let keeps_labels = [T_TOPK, T_BOTTOMK].contains(&aggregate.op.id());
            let drops = match &aggregate.modifier {
                None => true,
                Some(LabelModifier::Include(labels)) => {
                    !labels.labels.iter().any(|label| label == "le")
                }
                Some(LabelModifier::Exclude(labels)) => {
                    labels.labels.iter().any(|label| label == "le")
                }
            };
            !keeps_labels && drops && reads_buckets(&aggregate.expr)
        }
        _ => false,
    }
}

fn reads_buckets(expr: &Expr) -> bool {
    metric_names(expr)
        .iter()
        .any(|name| name.ends_with("_bucket"))
}

/// The metric names the selectors of `expr` read (by name, or by a `__name__` equality).
fn metric_names(expr: &Expr) -> Vec<String> {
    let mut names = Vec::new();
    walk(expr, &mut |node| match node {
        Expr::VectorSelector(selector) => names.extend(selector_names(selector)),
        Expr::MatrixSelector(matrix) => names.extend(selector_names(&matrix.vs)),
        _ => {}
    });
    names
}

/// What a query's values measure, by its metrics' unit suffixes (Prometheus' naming
/// conventions) and whether a per-second rate is taken of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Bytes,
    Seconds,
    BytesPerSecond,
    /// Seconds per second: a share of time (CPU use), shown well as a percent.
    Busy,
}

impl Measure {
    fn of_metric(name: &str, per_second: bool) -> Option<Self> {
        let base = ["_total", "_sum", "_bucket"]
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
            .unwrap_or(name);
        match (
            base.ends_with("_bytes"),
            base.ends_with("_seconds"),
            per_second,
        ) {
            (true, _, false) => Some(Self::Bytes),
            (true, _, true) => Some(Self::BytesPerSecond),
            (_, true, false) => Some(Self::Seconds),
            (_, true, true) => Some(Self::Busy),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Bytes => "bytes",
            Self::Seconds => "seconds",
            Self::BytesPerSecond => "bytes per second",
            Self::Busy => "seconds per second (a share of time)",
        }
    }

    /// Whether a unit can show this measure.
    fn fits(self, unit: &str) -> bool {
        let group = Unit::from_name(unit).map(Unit::group);
        let time = group == Some(UnitGroup::Time);
        let size = unit.contains("bytes") || unit.contains("bits");
        // "%" is a percent too (a fraction, like percent-decimal).
        let percent = group == Some(UnitGroup::Percent);
        match self {
            Self::Bytes | Self::BytesPerSecond => !time && !percent,
            Self::Seconds => !percent && !size,
            Self::Busy => !size,
        }
    }
}

/// The measures of the selectors of `expr`; `per_second` inside `rate`, `irate` or `deriv`.
fn measures(expr: &Expr, per_second: bool, found: &mut Vec<(String, Option<Measure>)>) {
    match expr {
        Expr::VectorSelector(selector) => {
            for name in selector_names(selector) {
                let measure = Measure::of_metric(&name, per_second);
                found.push((name, measure));
            }
        }
        Expr::MatrixSelector(matrix) => {
            for name in selector_names(&matrix.vs) {
                let measure = Measure::of_metric(&name, per_second);
                found.push((name, measure));
            }
        }
        Expr::Call(call) => {
            let rate = matches!(call.func.name, "rate" | "irate" | "deriv");
            for arg in &call.args.args {
                measures(arg, per_second || rate, found);
            }
        }
        Expr::Aggregate(aggregate) => measures(&aggregate.expr, per_second, found),
        Expr::Binary(binary) => {
            measures(&binary.lhs, per_second, found);
            measures(&binary.rhs, per_second, found);
        }
        Expr::Unary(unary) => measures(&unary.expr, per_second, found),
        Expr::Paren(paren) => measures(&paren.expr, per_second, found),
        Expr::Subquery(subquery) => measures(&subquery.expr, per_second, found),
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::Extension(_) => {}
    }
}

fn selector_names(selector: &obs_promql::promql_parser::parser::VectorSelector) -> Vec<String> {
    let mut names: Vec<String> = selector.name.iter().cloned().collect();
    names.extend(
        selector
            .matchers
            .matchers
            .iter()
            .filter(|matcher| matcher.name == "__name__" && matcher.op == MatchOp::Equal)
            .map(|matcher| matcher.value.clone()),
    );
    names
}

/// A unit that cannot show what the query measures: `percent` on a `_bytes` metric, `bytes`
/// on a `_seconds` one. Queries that divide or multiply (ratios, conversions) or count are
/// skipped, as are queries that mix measures.
fn unit_mismatch(expr: &Expr, panel: &Panel, path: &Path) -> Option<Issue> {
    let unit = panel_unit(panel)?;
    let mut scaled = false;
    walk(expr, &mut |node| match node {
        Expr::Binary(binary) if [T_DIV, T_MUL].contains(&binary.op.id()) => scaled = true,
        Expr::Aggregate(aggregate) if aggregate.op.to_string().starts_with("count") => {
            scaled = true;
        }
        Expr::Call(call)
            if call.func.name.starts_with("count")
                || call.func.name.starts_with("changes")
                || call.func.name.starts_with("resets")
                || call.func.name.starts_with("absent")
                || call.func.name.starts_with("timestamp")
                || call.func.name == "histogram_count" =>
        {
            scaled = true;
        }
        _ => {}
    });
    if scaled {
        return None;
    }
    let mut found = Vec::new();
    measures(expr, false, &mut found);
    let (name, measure) = found.first()?;
    let measure = (*measure)?;
    if found.iter().any(|(_, other)| *other != Some(measure)) || measure.fits(&unit) {
        return None;
    }
    Some(Issue::new(
        Rule::UnitMismatch,
        path,
        format!(
            "the panel's unit is {unit:?}, but {name} measures {}",
            measure.name()
        ),
    ))
}

/// The unit a panel shows its values in, as Perses names it.
fn panel_unit(panel: &Panel) -> Option<String> {
    let format: &Format = match &panel.kind {
        PanelKind::TimeSeriesChart(spec) => spec.y_axis.as_ref()?.format.as_ref()?,
        PanelKind::StatChart(spec) => spec.format.as_ref()?,
        PanelKind::GaugeChart(spec) => spec.format.as_ref()?,
        PanelKind::BarChart(spec) => spec.format.as_ref()?,
        PanelKind::PieChart(spec) => spec.format.as_ref()?,
        _ => return None,
    };
    let unit = serde_json::to_value(format.unit.as_ref()?).ok()?;
    unit.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests;
