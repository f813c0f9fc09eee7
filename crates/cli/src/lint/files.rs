//! The files a run reads: those named, and every `.yaml`, `.yml` and `.json` under the
//! directories named, in a stable order. Hidden directories (`.git`) are skipped.

use std::path::{Path, PathBuf};

/// Every file to read, or the path that could not be read and why.
pub fn collect(paths: &[PathBuf]) -> Vec<Result<PathBuf, (PathBuf, String)>> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found);
        } else if path.exists() {
            // A file named on the command line is read whatever its extension.
            found.push(Ok(path.clone()));
        } else {
            found.push(Err((path.clone(), "no such file or directory".to_owned())));
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Vec<Result<PathBuf, (PathBuf, String)>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            found.push(Err((dir.to_owned(), error.to_string())));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, found);
        } else if obs_core::source::SourceFormat::from_file_name(&name).is_some() {
            found.push(Ok(path));
        }
    }
}
