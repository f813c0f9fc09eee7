//! `obsctl`: dashboards as code for the Observability plugin. `lint` checks PersesDashboards
//! for CI with the plugin's own model; see `--help`.

mod import;

/// The linter's work is mostly small allocations (parse trees, JSON values, strings).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use obs_cli::grafana;
use obs_cli::lint::report::{Format, render};
use obs_cli::lint::{self, Options, Rule};
use obs_core::dashboard::Severity;

#[derive(Debug, Parser)]
#[command(
    name = "obsctl",
    version,
    about = "Dashboards as code for the ODH Observability plugin"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check PersesDashboard and Dashboard resources (YAML or JSON, Lists, directories read
    /// recursively). Exits 1 on errors, and on warnings with --strict.
    #[command(after_help = rules_help())]
    Lint {
        /// Files and directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
        /// Silence a warning everywhere (repeatable); files can silence their own with
        /// `# obs-lint-disable: ID` or the annotation obs.opendatahub.io/lint-disable.
        #[arg(long = "disable", value_name = "ID", value_parser = parse_rule)]
        disabled: Vec<Rule>,
    },
    /// Convert Grafana 9–11 dashboards (JSON, or the {"dashboard": …} API envelope) to
    /// PersesDashboards. What has no counterpart becomes a note in place and is reported on
    /// stderr; the result passes `lint`.
    ImportGrafana {
        /// Grafana dashboard JSON files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The namespace (project) the dashboards are for.
        #[arg(long, short = 'n', default_value = "default")]
        namespace: String,
        /// The resource to write.
        #[arg(long, value_enum, default_value_t = grafana::OutputKind::PersesDashboard)]
        kind: grafana::OutputKind,
        /// The resource name (one file only); by default made from the title.
        #[arg(long)]
        name: Option<String>,
        /// Write here instead of stdout (YAML, documents separated by ---).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Write JSON (one document, or a List of several) instead of YAML.
        #[arg(long)]
        json: bool,
    },
}

fn parse_rule(id: &str) -> Result<Rule, String> {
    Rule::from_id(id).ok_or_else(|| {
        let ids: Vec<&str> = Rule::ALL.iter().map(|rule| rule.id()).collect();
        format!("unknown rule {id:?}; the rules are {}", ids.join(", "))
    })
}

fn rules_help() -> String {
    let mut help = String::from("Rules (errors cannot be silenced):\n");
    for rule in Rule::ALL {
        let severity = match rule.severity() {
            Severity::Error => "error  ",
            Severity::Warning => "warning",
        };
        help.push_str(&format!(
            "  {:<22} {severity} {}\n",
            rule.id(),
            rule.summary()
        ));
    }
    help
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Deeply nested queries recurse as deep as they nest: the work runs on a thread with the
    // stack the PromQL parser needs.
    let worker = std::thread::Builder::new()
        .name("obsctl".into())
        .stack_size(obs_promql::PARSE_STACK_BYTES)
        .spawn(move || run(cli));
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => ExitCode::from(3),
        Err(error) => {
            eprintln!("obsctl: cannot start: {error}");
            ExitCode::from(3)
        }
    }
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Lint {
            paths,
            format,
            strict,
            disabled,
        } => {
            let report = lint::lint_paths(&paths, &Options { disabled });
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(render(&report, format).as_bytes())
                .is_err()
            {
                return ExitCode::from(3);
            }
            let failed = report.count(Severity::Error) > 0
                || (strict && report.count(Severity::Warning) > 0);
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::ImportGrafana {
            files,
            namespace,
            kind,
            name,
            output,
            json,
        } => import::run(&import::Request {
            files,
            options: grafana::ImportOptions {
                kind,
                namespace,
                name,
            },
            output,
            json,
        }),
    }
}
