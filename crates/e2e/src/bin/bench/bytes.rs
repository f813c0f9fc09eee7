//! What a page downloaded: the built files it fetched, raw and compressed as a server would
//! send them (brotli -q 11, gzip -9, the tools `scripts/bundle-size.sh` uses). The servers
//! here send files uncompressed, so the browser's own transfer sizes would say nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

/// Sizes of files, each compressed once per run of the benchmark.
#[derive(Default)]
pub struct Downloads {
    sizes: HashMap<PathBuf, Sizes>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Sizes {
    raw: u64,
    brotli: u64,
    gzip: u64,
}

impl Downloads {
    /// The sizes of `files` together (each counted once).
    pub fn total(&mut self, files: &[PathBuf]) -> Result<Value, String> {
        let mut unique: Vec<&PathBuf> = files.iter().collect();
        unique.sort();
        unique.dedup();
        let mut total = Sizes::default();
        for file in &unique {
            let sizes = match self.sizes.get(*file) {
                Some(sizes) => *sizes,
                None => {
                    let sizes = measure(file)?;
                    self.sizes.insert((*file).clone(), sizes);
                    sizes
                }
            };
            total.raw += sizes.raw;
            total.brotli += sizes.brotli;
            total.gzip += sizes.gzip;
        }
        Ok(json!({
            "raw": total.raw,
            "brotli": total.brotli,
            "gzip": total.gzip,
            "files": unique.len(),
        }))
    }
}

fn measure(file: &Path) -> Result<Sizes, String> {
    let raw = std::fs::metadata(file)
        .map_err(|error| format!("{}: {error}", file.display()))?
        .len();
    Ok(Sizes {
        raw,
        brotli: compressed_len(file, "brotli", &["-q", "11", "-c"])?,
        gzip: compressed_len(file, "gzip", &["-9", "-c"])?,
    })
}

fn compressed_len(file: &Path, tool: &str, args: &[&str]) -> Result<u64, String> {
    let output = Command::new(tool)
        .args(args)
        .arg(file)
        .output()
        .map_err(|error| format!("{tool} (needed to size the downloads): {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "{tool} {}: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(output.stdout.len() as u64)
}
