//! `obs-split`: after trunk has built the release page, splits its WebAssembly into the main
//! module and the chunks that `src/panel/chunks/mod.rs` declares, each downloaded on first use.
//!
//! trunk cannot split (it runs wasm-bindgen and wasm-opt on one module), so this runs as its
//! `post_build` hook (`scripts/split.sh`) and redoes that part for a build with the `split`
//! feature:
//!
//! 1. `wasm_split_cli_support` splits the module cargo linked (with `--emit-relocs`, as
//!    `page_build` links it) into the main module, one module per chunk and the link module,
//!    the JavaScript that downloads and instantiates a chunk when the main module asks;
//! 2. wasm-bindgen makes the main module's JavaScript, keeping the exports the chunks import,
//!    the exports nothing calls are taken out and the closures' long ones shortened
//!    (`exports`), and the imports the JavaScript provides get short names in both
//!    (`imports`);
//! 3. wasm-opt optimises every module as trunk would (`index.html`'s `data-wasm-opt`);
//! 4. the main module's JavaScript loses its comments and indentation (`page::compact_js`);
//! 5. the files replace trunk's in the staging directory, the added ones named with the
//!    build's hash, and `index.html`'s integrity hashes are updated.
//!
//!     obs-split STAGING_DIR CARGO_WASM SOURCE_INDEX_HTML
//!
//! `OBS_SPLIT_KEEP=DIR` also keeps the split main module, names included, in `DIR/main.wasm`;
//! `OBS_SPLIT_NAMES` set (to anything) keeps the function names in the built modules (for CPU
//! profiles).

mod exports;
mod imports;
mod page;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode};

use page::{
    Built, compact_js, integrity, link_to_running_instance, rename_chunks, replace_integrity,
    wasm_opt_args,
};

/// What wasm-bindgen writes into the module's imports for a split point until the splitter
/// links it (`wasm_split_macros`' placeholder).
const PLACEHOLDER: &str = "__wasm_split_placeholder__";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [staging, cargo_wasm, source_html] = args.as_slice() else {
        eprintln!("usage: obs-split STAGING_DIR CARGO_WASM SOURCE_INDEX_HTML");
        return ExitCode::from(2);
    };
    match run(
        Path::new(staging),
        Path::new(cargo_wasm),
        Path::new(source_html),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("obs-split: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(staging: &Path, cargo_wasm: &Path, source_html: &Path) -> Result<(), String> {
    let html = read_text(&staging.join("index.html"))?;
    let built = Built::read(&html)?;
    let old_glue = read(&staging.join(&built.glue))?;
    if !String::from_utf8_lossy(&old_glue).contains(PLACEHOLDER) {
        eprintln!(
            "obs-split: {} has no split points; nothing to do",
            built.glue
        );
        return Ok(());
    }
    let opt_args = wasm_opt_args(&read_text(source_html)?)?;
    let input = read(cargo_wasm)?;
    let work = std::env::temp_dir().join(format!("obs-split-{}", std::process::id()));
    let result = split(staging, &built, &html, &old_glue, &input, opt_args, &work);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn split(
    staging: &Path,
    built: &Built,
    html: &str,
    old_glue: &[u8],
    input: &[u8],
    opt_args: Option<Vec<String>>,
    work: &Path,
) -> Result<(), String> {
    let stem = built.stem();
    let link_name = format!("./{stem}-chunks.js");
    let main_module = format!("./{}", built.glue);
    let main_split = work.join("main.wasm");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(input);
        options.output_dir = work;
        options.main_out_path = &main_split;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options
    })
    .map_err(|error| {
        format!(
            "splitting the module failed (was it linked with --emit-relocs? page_build does): {error:#}"
        )
    })?;

    // The benchmark sizes the main module per crate, with its function names, before
    // wasm-bindgen and wasm-opt take them out (scripts/bench.sh).
    if let Some(keep) = std::env::var_os("OBS_SPLIT_KEEP") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep)
            .map_err(|error| format!("cannot create {}: {error}", keep.display()))?;
        copy(&main_split, &keep.join("main.wasm"))?;
        // The chunks too, named as split wrote them, for sizing them the same way.
        for chunk in &split.split_modules {
            copy(chunk, &keep.join(file_name(chunk)?))?;
        }
    }

    // A development aid: with OBS_SPLIT_NAMES set, wasm-opt keeps the name section that
    // wasm-bindgen leaves, so a browser's CPU profile of the page can name its functions.
    let keep_names = std::env::var_os("OBS_SPLIT_NAMES").is_some();
    let bindgen = work.join("bindgen");
    run_to_end(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
            .arg("--out-dir")
            .arg(&bindgen)
            .args(["--out-name", stem])
            .arg(&main_split),
        "wasm-bindgen",
    )?;

    // Exports nothing calls keep their code until they are gone (exports.rs).
    let main_bound = bindgen.join(format!("{stem}_bg.wasm"));
    let pruned = exports::without_exports(&read(&main_bound)?, exports::unused)?;
    // The glue's imports and the closures' exports get short names in the module and the glue
    // alike (imports.rs, exports.rs).
    let bound_glue = bindgen.join(&built.glue);
    let (shortened, glue) = imports::shorten(
        &pruned,
        &read_text(&bound_glue)?,
        &format!("./{stem}_bg.js"),
    )?;
    let (shortened, glue) = exports::shorten_closures(&shortened, &glue)?;
    write(&main_bound, &shortened)?;
    write(&bound_glue, glue.as_bytes())?;

    // Every module is optimised at once (wasm-opt uses a core each).
    let mut optimised = vec![(main_bound, built.wasm.clone())];
    let mut renames = Vec::new();
    for chunk in &split.split_modules {
        let name = file_name(chunk)?;
        let renamed = format!("{stem}-{name}");
        renames.push((name, renamed.clone()));
        optimised.push((chunk.clone(), renamed));
    }
    let old_wasm = read(&staging.join(&built.wasm))?;
    let mut running: Vec<(Child, String)> = Vec::new();
    let mut failure = None;
    for (from, to) in &optimised {
        let target = staging.join(to);
        let started = match &opt_args {
            Some(args) => Command::new("wasm-opt")
                .args(args)
                .args(keep_names.then_some("-g"))
                .arg(from)
                .arg("-o")
                .arg(&target)
                .spawn()
                .map(|child| running.push((child, to.clone())))
                .map_err(|error| format!("cannot run wasm-opt: {error}")),
            None => copy(from, &target),
        };
        if let Err(error) = started {
            // The ones already running are stopped below: none may write into staging after
            // this tool has returned and its work directory is gone.
            for (child, _) in &mut running {
                let _ = child.kill();
            }
            failure = Some(error);
            break;
        }
    }
    // Every process is waited for, even after a failure, for the same reason.
    for (mut child, to) in running {
        let outcome = match child.wait() {
            Ok(status) if status.success() => Ok(()),
            Ok(status) => Err(format!("wasm-opt failed on {to} ({status})")),
            Err(error) => Err(format!("wasm-opt on {to}: {error}")),
        };
        if let Err(error) = outcome {
            failure.get_or_insert(error);
        }
    }
    if let Some(error) = failure {
        return Err(error);
    }

    let link = read_text(&work.join(&link_name))?;
    let link = rename_chunks(&link, &renames)?;
    let link = link_to_running_instance(&link, &built.glue)?;
    write(&staging.join(&link_name), link.as_bytes())?;
    let new_glue = compact_js(&read_text(&bound_glue)?).into_bytes();
    write(&staging.join(&built.glue), &new_glue)?;

    let new_wasm = read(&staging.join(&built.wasm))?;
    let html = replace_integrity(html, &integrity(old_glue), &integrity(&new_glue))?;
    let html = replace_integrity(&html, &integrity(&old_wasm), &integrity(&new_wasm))?;
    write(&staging.join("index.html"), html.as_bytes())?;

    eprintln!(
        "obs-split: {} ({} bytes) and {} chunks:",
        built.wasm,
        new_wasm.len(),
        renames.len()
    );
    for (_, renamed) in &renames {
        let bytes = std::fs::metadata(staging.join(renamed)).map_or(0, |meta| meta.len());
        eprintln!("  {renamed} ({bytes} bytes)");
    }
    Ok(())
}

fn run_to_end(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot run {what}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|name| name.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("the splitter wrote {} without a file name", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn copy(from: &Path, to: &PathBuf) -> Result<(), String> {
    std::fs::copy(from, to).map(|_| ()).map_err(|error| {
        format!(
            "cannot copy {} to {}: {error}",
            from.display(),
            to.display()
        )
    })
}
