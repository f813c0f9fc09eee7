//! Printing a report: text for people, JSON for tools, GitHub workflow commands for
//! annotations on a pull request.

use std::fmt::Write as _;

use obs_core::dashboard::Severity;
use serde_json::json;

use super::{Finding, Report};

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `file:line: error[rule] path: message`, then a summary.
    Text,
    /// One JSON object: the findings and the counts.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), then a summary.
    Github,
}

/// The report as text in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => lines_and_summary(report, text_line),
        Format::Json => {
            let value = json!({
                "findings": report.findings,
                "summary": {
                    "files": report.files,
                    "dashboards": report.dashboards,
                    "skippedResources": report.skipped_resources,
                    "errors": report.count(Severity::Error),
                    "warnings": report.count(Severity::Warning),
                },
            });
            format!("{value:#}\n")
        }
        Format::Github => lines_and_summary(report, github_line),
    }
}

fn lines_and_summary(report: &Report, line: fn(&Finding) -> String) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        let _ = writeln!(out, "{}", line(finding));
    }
    out.push_str(&summary(report));
    out
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn text_line(finding: &Finding) -> String {
    let place = match finding.line {
        Some(line) => format!("{}:{line}", finding.file.display()),
        None => finding.file.display().to_string(),
    };
    let path = if finding.path.is_empty() {
        String::new()
    } else {
        format!(" {}:", finding.path)
    };
    format!(
        "{place}: {}[{}]{path} {}",
        severity_name(finding.severity),
        finding.rule.id(),
        finding.message
    )
}

fn github_line(finding: &Finding) -> String {
    let mut properties = format!(
        "file={}",
        escape_property(&finding.file.display().to_string())
    );
    if let Some(line) = finding.line {
        let _ = write!(properties, ",line={line}");
    }
    let _ = write!(
        properties,
        ",title={}",
        escape_property(&format!("obsctl lint: {}", finding.rule.id()))
    );
    let message = if finding.path.is_empty() {
        finding.message.clone()
    } else {
        format!("{}: {}", finding.path, finding.message)
    };
    format!(
        "::{} {properties}::{}",
        severity_name(finding.severity),
        escape_data(&message)
    )
}

/// GitHub's escaping of a workflow command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a workflow command's property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn summary(report: &Report) -> String {
    let plural = |count: usize, word: &str| {
        if count == 1 {
            format!("{count} {word}")
        } else {
            format!("{count} {word}s")
        }
    };
    let mut text = format!(
        "{}, {} in {} of {}",
        plural(report.count(Severity::Error), "error"),
        plural(report.count(Severity::Warning), "warning"),
        plural(report.dashboards, "dashboard"),
        plural(report.files, "file"),
    );
    if report.skipped_resources > 0 {
        let _ = write!(
            text,
            " ({} skipped: not dashboards)",
            plural(report.skipped_resources, "other resource")
        );
    }
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::lint::Rule;

    fn finding() -> Finding {
        Finding {
            file: PathBuf::from("dash,boards/a.yaml"),
            line: Some(12),
            path: "spec.panels.cpu".to_owned(),
            severity: Severity::Error,
            rule: Rule::Promql,
            message: "100% broken:\nnext line".to_owned(),
        }
    }

    #[test]
    fn text_and_github_lines() {
        assert_eq!(
            text_line(&finding()),
            "dash,boards/a.yaml:12: error[promql] spec.panels.cpu: 100% broken:\nnext line"
        );
        assert_eq!(
            github_line(&finding()),
            "::error file=dash%2Cboards/a.yaml,line=12,title=obsctl lint%3A promql::\
             spec.panels.cpu: 100%25 broken:%0Anext line"
        );
    }

    #[test]
    fn summaries_count() {
        let report = Report {
            findings: vec![finding()],
            files: 1,
            dashboards: 2,
            skipped_resources: 1,
        };
        assert_eq!(
            summary(&report),
            "1 error, 0 warnings in 2 dashboards of 1 file (1 other resource skipped: not dashboards)\n"
        );
        let json: serde_json::Value =
            serde_json::from_str(&render(&report, Format::Json)).unwrap_or_default();
        assert_eq!(json["findings"][0]["rule"], "promql");
        assert_eq!(json["findings"][0]["line"], 12);
        assert_eq!(json["summary"]["errors"], 1);
    }
}
