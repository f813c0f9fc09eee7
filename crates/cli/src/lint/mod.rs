//! `obsctl lint`: every dashboard of some files and directories, checked with the plugin's own
//! model, its PromQL parsed, and rules for the metrics world; findings with the file, line and
//! path they are about.

mod document;
mod files;
mod lines;
mod namespaces;
mod queries;
pub mod report;
pub mod rule;
mod rules;
mod samples;
mod silence;
mod variables;

use std::path::{Path as FsPath, PathBuf};

use obs_core::dashboard::Severity;
use obs_core::diagnostic::Path;
use obs_core::source::{SourceFormat, parse_documents};
use serde::Serialize;

pub use rule::Rule;

/// A finding before it is placed in a file: the rule, the path in the document, the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub rule: Rule,
    pub path: String,
    pub message: String,
}

impl Issue {
    pub fn new(rule: Rule, path: &Path, message: impl Into<String>) -> Self {
        Self {
            rule,
            path: path.as_str().to_owned(),
            message: message.into(),
        }
    }
}

/// One finding of the linter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: PathBuf,
    /// 1-based; `None` when the source cannot be located (an unreadable file).
    pub line: Option<u32>,
    /// The path inside the document, as `kubectl explain` writes it.
    pub path: String,
    pub severity: Severity,
    pub rule: Rule,
    pub message: String,
}

/// What a run looked at and found.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub files: usize,
    pub dashboards: usize,
    /// Documents or items that are other resources (a Deployment next to the dashboards).
    pub skipped_resources: usize,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    }
}

/// How a run is configured.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Warnings silenced everywhere (`--disable`), on top of each file's own.
    pub disabled: Vec<Rule>,
}

/// Lints every dashboard file in `paths` (files, or directories read recursively). Files are
/// linted in parallel, one worker per core, each with the stack the PromQL parser needs; the
/// report keeps the files' order.
pub fn lint_paths(paths: &[PathBuf], options: &Options) -> Report {
    let entries = files::collect(paths);
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(entries.len())
        .max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut parts: Vec<(usize, Report)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .stack_size(obs_promql::PARSE_STACK_BYTES)
                    .spawn_scoped(scope, || {
                        let mut done = Vec::new();
                        loop {
                            let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(entry) = entries.get(index) else {
                                break;
                            };
                            done.push((index, lint_entry(entry, options)));
                        }
                        done
                    })
                    .ok()
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    });
    parts.sort_by_key(|(index, _)| *index);
    let mut report = Report::default();
    for (_, part) in parts {
        report.findings.extend(part.findings);
        report.files += part.files;
        report.dashboards += part.dashboards;
        report.skipped_resources += part.skipped_resources;
    }
    report
}

/// The report of one file, or of a path that could not be read.
fn lint_entry(entry: &Result<PathBuf, (PathBuf, String)>, options: &Options) -> Report {
    let mut report = Report::default();
    match entry {
        Ok(file) => {
            report.files += 1;
            match read(file) {
                Ok(text) => lint_text(file, &text, options, &mut report),
                Err(error) => report.findings.push(unreadable(file, error)),
            }
        }
        Err((file, error)) => report.findings.push(unreadable(file, error.clone())),
    }
    report
}

/// The largest file read: far above any dashboard (the largest of the corpus is 200 KB), and a
/// bound on what a hostile path (`/dev/zero`, a huge generated file) can make the linter hold.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The text of a regular file of at most [`MAX_FILE_BYTES`].
fn read(file: &FsPath) -> Result<String, String> {
    let metadata = std::fs::metadata(file).map_err(|error| error.to_string())?;
    if !metadata.is_file() {
        return Err("not a regular file".to_owned());
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{} bytes: larger than the {MAX_FILE_BYTES} bytes a dashboard file may have",
            metadata.len()
        ));
    }
    std::fs::read_to_string(file).map_err(|error| error.to_string())
}

/// Lints the text of one file into `report`.
pub fn lint_text(file: &FsPath, text: &str, options: &Options, report: &mut Report) {
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    let format = SourceFormat::from_file_name(&name).unwrap_or(SourceFormat::Yaml);
    let documents = match parse_documents(text, format) {
        Ok(documents) => documents,
        Err(error) => {
            report.findings.push(unreadable(file, error.to_string()));
            return;
        }
    };
    let file_silence = silence::in_file(text, format);
    let mut placed: Vec<(usize, Issue)> = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        for resource in document::resources(document) {
            match resource {
                document::Resource::Dashboard { value, path } => {
                    report.dashboards += 1;
                    let issues = document::lint(value, &path);
                    let silenced = silence::in_resource(value);
                    placed.extend(
                        issues
                            .into_iter()
                            .filter(|issue| {
                                issue.rule.severity() == Severity::Error
                                    || !(file_silence.contains(&issue.rule)
                                        || silenced.contains(&issue.rule)
                                        || options.disabled.contains(&issue.rule))
                            })
                            .map(|issue| (index, issue)),
                    );
                }
                document::Resource::Other => report.skipped_resources += 1,
                document::Resource::Broken(diagnostic) => placed.push((
                    index,
                    Issue {
                        rule: Rule::Model(obs_core::dashboard::ProblemKind::Invalid),
                        path: diagnostic.path,
                        message: diagnostic.message,
                    },
                )),
            }
        }
    }
    if placed.is_empty() {
        return;
    }
    // The source is read a second time, for lines, only when something is to be reported.
    let lines = lines::LineMap::read(text);
    report
        .findings
        .extend(placed.into_iter().map(|(index, issue)| Finding {
            file: file.to_owned(),
            line: lines.line(index, &issue.path).or(Some(1)),
            severity: issue.rule.severity(),
            rule: issue.rule,
            path: issue.path,
            message: issue.message,
        }));
}

fn unreadable(file: &FsPath, message: String) -> Finding {
    Finding {
        file: file.to_owned(),
        line: None,
        path: String::new(),
        severity: Severity::Error,
        rule: Rule::Unreadable,
        message,
    }
}

#[cfg(test)]
mod tests;
