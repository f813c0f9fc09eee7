//! `obsctl`: dashboards as code for the Observability plugin. `lint` checks PersesDashboards
//! for CI with the plugin's own model; see `--help`.

mod lint;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use lint::report::{Format, render};
use lint::{Options, Rule};
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
    }
}
