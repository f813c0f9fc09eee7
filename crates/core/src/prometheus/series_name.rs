//! Series names as Perses shows them in legends and tooltips.

use super::Labels;

/// The default name of a series: `metric{a="1",b="2"}` with labels sorted, or `{...}` when
/// the series has no metric name.
pub fn series_key(labels: &Labels) -> String {
    let rest: Vec<String> = labels
        .iter()
        .filter(|(name, _)| *name != "__name__")
        .map(|(name, value)| format!("{name}=\"{value}\""))
        .collect();
    let metric = labels.get("__name__").unwrap_or_default();
    format!("{metric}{{{}}}", rest.join(","))
}

/// Fills a `seriesNameFormat` such as `{{pod}} on {{ node }}` with the series' labels; a
/// missing label gives an empty text, as in Perses.
pub fn format_series_name(format: &str, labels: &Labels) -> String {
    let mut out = String::with_capacity(format.len());
    let mut rest = format;
    while let Some(open) = rest.find("{{") {
        let after_open = &rest[open + 2..];
        // A token ends at the first `}}` on the same line (Perses' `(.+?)` stops at newlines).
        let Some(close) = after_open
            .find("}}")
            .filter(|close| !after_open[..*close].contains('\n'))
        else {
            break;
        };
        let token = after_open[..close].trim();
        if token.is_empty() {
            out.push_str(&rest[..open + 2 + close + 2]);
        } else {
            out.push_str(&rest[..open]);
            out.push_str(labels.get(token).unwrap_or_default());
        }
        rest = &after_open[close + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs.iter().copied().collect()
    }

    #[test]
    fn default_names_list_sorted_labels() {
        let series = labels(&[("pod", "a"), ("__name__", "up"), ("job", "x")]);
        assert_eq!(series_key(&series), r#"up{job="x",pod="a"}"#);
        assert_eq!(series_key(&labels(&[("pod", "a")])), r#"{pod="a"}"#);
        assert_eq!(series_key(&Labels::default()), "{}");
    }

    #[test]
    fn formats_fill_labels() {
        let series = labels(&[("pod", "web-1"), ("node", "n1")]);
        let cases = [
            ("{{pod}}", "web-1"),
            ("{{ pod }} on {{node}}", "web-1 on n1"),
            ("{{missing}}x", "x"),
            ("p50 {{pod}}", "p50 web-1"),
            ("{{}} {{pod", "{{}} {{pod"),
            ("plain", "plain"),
        ];
        for (format, expected) in cases {
            assert_eq!(format_series_name(format, &series), expected, "{format}");
        }
    }
}
