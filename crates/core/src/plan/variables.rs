//! Planning a list variable's request, and reading its options out of the reply.

use std::collections::BTreeSet;

use super::{PlanContext, PlanError, interpolate_text, wait_for};
use crate::dashboard::ListSource;
use crate::prometheus::{PromQuery, QueryResult};
use crate::scope::QueryScope;

/// The request that lists a variable's options, or `None` for sources that need no request.
/// The ODH backend has only the query routes, so label values and names are read from an
/// instant query over the dashboard's range: `group by (label) (last_over_time(m[range]))`.
pub fn plan_variable(
    source: &ListSource,
    context: &PlanContext<'_>,
) -> Result<Option<PromQuery>, PlanError> {
    let range_secs = (context.range.duration_ms() / 1000).max(1);
    let over_range = |selector: &str| format!("last_over_time({selector}[{range_secs}s])");
    let selectors = |matchers: &[String]| -> Vec<String> {
        if matchers.is_empty() {
            vec![over_range("{__name__=~\".+\"}")]
        } else {
            matchers
                .iter()
                .map(|matcher| over_range(&interpolate_text(matcher, context)))
                .collect()
        }
    };
    let end_secs = context.range.end_secs() as f64;
    let scope = match source {
        ListSource::PrometheusLabelValues { datasource, .. }
        | ListSource::PrometheusLabelNames { datasource, .. }
        | ListSource::PrometheusPromQl { datasource, .. } => context.scope(datasource.as_ref()),
        _ => QueryScope::Tenancy,
    };
    let planned = match source {
        ListSource::PrometheusLabelValues {
            label_name,
            matchers,
            ..
        } => {
            wait_for(
                std::iter::once(label_name.as_str()).chain(matchers.iter().map(String::as_str)),
                context,
            )?;
            let label = interpolate_text(label_name, context);
            let promql = format!("group by ({label}) ({})", selectors(matchers).join(" or "));
            Ok(Some(PromQuery::instant(promql, end_secs)))
        }
        ListSource::PrometheusLabelNames { matchers, .. } => {
            wait_for(matchers.iter().map(String::as_str), context)?;
            let promql = format!("group without () ({})", selectors(matchers).join(" or "));
            Ok(Some(PromQuery::instant(promql, end_secs)))
        }
        ListSource::PrometheusPromQl {
            expr, label_name, ..
        } => {
            wait_for([expr.as_str(), label_name.as_str()], context)?;
            // Perses runs the expression "now", whatever the dashboard's range.
            let now_secs = context.now_ms.div_euclid(1000) as f64;
            Ok(Some(PromQuery::instant(
                interpolate_text(expr, context),
                now_secs,
            )))
        }
        ListSource::Static { .. }
        | ListSource::Datasource { .. }
        | ListSource::Unsupported { .. }
        | ListSource::Invalid { .. } => Ok(None),
    };
    planned.map(|query| query.map(|query| query.with_scope(scope)))
}

/// Reads a variable's options out of the reply to [`plan_variable`]'s request.
pub fn variable_options(
    source: &ListSource,
    result: &QueryResult,
    context: &PlanContext<'_>,
) -> Vec<String> {
    match source {
        ListSource::PrometheusLabelValues { label_name, .. } => {
            let label = interpolate_text(label_name, context);
            let values: BTreeSet<&str> = crate::sort::btree_set(
                result
                    .series
                    .iter()
                    .filter_map(|series| series.labels.get(&label)),
            );
            values.into_iter().map(str::to_owned).collect()
        }
        ListSource::PrometheusLabelNames { .. } => {
            let mut names: BTreeSet<&str> = crate::sort::btree_set(
                result.series.iter().flat_map(|series| series.labels.keys()),
            );
            if !result.series.is_empty() {
                names.insert("__name__");
            }
            names.into_iter().map(str::to_owned).collect()
        }
        ListSource::PrometheusPromQl { label_name, .. } => {
            let label = interpolate_text(label_name, context);
            let mut seen = BTreeSet::new();
            result
                .series
                .iter()
                .filter_map(|series| series.labels.get(&label))
                .filter(|value| seen.insert(*value))
                .map(str::to_owned)
                .collect()
        }
        ListSource::Static { .. }
        | ListSource::Datasource { .. }
        | ListSource::Unsupported { .. }
        | ListSource::Invalid { .. } => Vec::new(),
    }
}
