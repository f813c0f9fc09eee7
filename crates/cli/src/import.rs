//! The `import-grafana` command: reads the files, imports each, writes the resources and
//! reports what did not carry over.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::Value;

use obs_cli::grafana::{self, ImportOptions};

/// One run of the command.
pub struct Request {
    pub files: Vec<PathBuf>,
    pub options: ImportOptions,
    pub output: Option<PathBuf>,
    pub json: bool,
}

pub fn run(request: &Request) -> ExitCode {
    if request.options.name.is_some() && request.files.len() > 1 {
        eprintln!(
            "obsctl: --name names one dashboard; {} files were given",
            request.files.len()
        );
        return ExitCode::from(2);
    }
    let mut resources = Vec::new();
    let mut failed = false;
    for file in &request.files {
        let document = std::fs::read_to_string(file)
            .map_err(|error| error.to_string())
            .and_then(|text| {
                serde_json::from_str::<Value>(&text)
                    .map_err(|error| format!("not valid JSON: {error}"))
            });
        let imported = document.and_then(|document| {
            grafana::import(&document, &request.options).map_err(|error| error.to_string())
        });
        match imported {
            Ok(imported) => {
                eprintln!(
                    "{}: imported as {:?}: {} panels, {} of them notes; {} not imported",
                    file.display(),
                    imported.name,
                    imported.panels,
                    imported.notes,
                    plural(imported.losses.len(), "thing")
                );
                for (place, what) in &imported.losses {
                    eprintln!("  - {place}: {what}");
                }
                resources.push(imported.resource);
            }
            Err(error) => {
                eprintln!("{}: {error}", file.display());
                failed = true;
            }
        }
    }
    let text = if request.json {
        let value = match resources.as_slice() {
            [one] => one.clone(),
            _ => serde_json::json!({"apiVersion": "v1", "kind": "List", "items": resources}),
        };
        format!("{value:#}\n")
    } else {
        let documents: Result<Vec<String>, _> =
            resources.iter().map(serde_saphyr::to_string).collect();
        match documents {
            Ok(documents) => documents.join("---\n"),
            Err(error) => {
                eprintln!("obsctl: cannot write YAML: {error}");
                return ExitCode::from(3);
            }
        }
    };
    let written = match &request.output {
        Some(path) => {
            std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
        }
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|error| error.to_string()),
    };
    if let Err(error) = written {
        eprintln!("obsctl: cannot write: {error}");
        return ExitCode::from(3);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("{count} {word}")
    } else {
        format!("{count} {word}s")
    }
}
