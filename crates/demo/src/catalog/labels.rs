//! Label sets of demo series.

use std::fmt::Write as _;

/// The labels of one series.
///
/// Every series carries its own `job` and `instance`, as a federated or relabelled series does:
/// Prometheus scrapes the exporter with `honor_labels: true`, so a scraped series keeps exactly
/// the labels of its backfilled history (which promtool imports as written) and the two join into
/// one series instead of meeting at a seam.
#[derive(Clone, Debug)]
pub(crate) struct Labels {
    pairs: Vec<(&'static str, String)>,
    job: String,
    instance: String,
}

impl Labels {
    /// The labels of a series scraped by `job` from `instance`.
    pub(crate) fn scraped(job: impl Into<String>, instance: impl Into<String>) -> Self {
        Self {
            pairs: Vec::new(),
            job: job.into(),
            instance: instance.into(),
        }
    }

    /// Adds a label. Label names are static: they are part of each exporter's contract.
    pub(crate) fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.pairs.push((name, value.into()));
        self
    }

    /// `{name="value",…}` in insertion order, then `instance` and `job`.
    pub(crate) fn render(&self) -> String {
        self.render_with(None)
    }

    /// Like [`Labels::render`] with one more label at the end (a histogram bucket's `le`).
    pub(crate) fn render_with(&self, extra: Option<(&str, &str)>) -> String {
        let mut text = String::with_capacity(160);
        text.push('{');
        let pairs = self
            .pairs
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .chain([
                ("instance", self.instance.as_str()),
                ("job", self.job.as_str()),
            ])
            .chain(extra);
        for (position, (name, value)) in pairs.enumerate() {
            if position > 0 {
                text.push(',');
            }
            // Writing to a String cannot fail.
            let _ = write!(text, "{name}=\"");
            escape_into(&mut text, value);
            text.push('"');
        }
        text.push('}');
        text
    }
}

/// Escapes a label value as both text formats require: backslash, double quote, line feed.
fn escape_into(text: &mut String, value: &str) {
    for character in value.chars() {
        match character {
            '\\' => text.push_str("\\\\"),
            '"' => text.push_str("\\\""),
            '\n' => text.push_str("\\n"),
            other => text.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_in_order_with_job_and_instance_last() {
        let labels = Labels::scraped("kubelet", "10.0.1.2:10250")
            .with("namespace", "a")
            .with("pod", "b");
        assert_eq!(
            labels.render(),
            r#"{namespace="a",pod="b",instance="10.0.1.2:10250",job="kubelet"}"#
        );
        assert_eq!(
            labels.render_with(Some(("le", "+Inf"))),
            r#"{namespace="a",pod="b",instance="10.0.1.2:10250",job="kubelet",le="+Inf"}"#
        );
    }

    #[test]
    fn escapes_values() {
        let labels = Labels::scraped("j", "i").with("text", "a\"b\\c\nd");
        assert_eq!(
            labels.render(),
            r#"{text="a\"b\\c\nd",instance="i",job="j"}"#
        );
    }
}
