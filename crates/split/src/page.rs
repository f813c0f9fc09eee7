//! What the splitter reads from and rewrites in trunk's output: the names of the wasm-bindgen
//! module and the WebAssembly file in the built `index.html`, wasm-opt's arguments in the
//! source `index.html`, the integrity hashes, and the chunk names in the link module. Pure
//! text work, tested here; `main.rs` does the files and the processes.

use base64::Engine;
use sha2::{Digest, Sha384};

/// The files of the built page that the split replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    /// The wasm-bindgen module, e.g. `odh-observability-23c4.js`.
    pub glue: String,
    /// The WebAssembly file, e.g. `odh-observability-23c4_bg.wasm`.
    pub wasm: String,
}

impl Built {
    /// Reads the names from trunk's `index.html`, which loads the module with
    /// `import init, * as bindings from '/….js'` and `init({ module_or_path: '/…_bg.wasm' })`
    /// (URLs under the public URL; the files are beside `index.html`).
    pub fn read(html: &str) -> Result<Self, String> {
        let glue = quoted_after(html, "import init, * as bindings from ")
            .ok_or("the built index.html does not import a wasm-bindgen module")?;
        let wasm = quoted_after(html, "module_or_path: ")
            .ok_or("the built index.html does not name its WebAssembly file")?;
        Ok(Self {
            glue: file_name(glue).to_owned(),
            wasm: file_name(wasm).to_owned(),
        })
    }

    /// The glue's name without `.js`: the stem of every file the split adds, so they carry
    /// the build's hash as trunk's own files do.
    pub fn stem(&self) -> &str {
        self.glue.strip_suffix(".js").unwrap_or(&self.glue)
    }
}

/// The text between the quotes that follow `marker`.
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let rest = &rest[1..];
    Some(&rest[..rest.find(quote)?])
}

fn file_name(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

/// wasm-opt's arguments from the source `index.html`'s Rust link: `data-wasm-opt` (a level:
/// 1 to 4, s or z; 0 for none) and `data-wasm-opt-params`, as this project's page sets them,
/// after two passes of this tool's own (below).
/// Unlike trunk, which optimises with `-O` when the level is not given, a link without a level
/// gets no optimisation (`None`); a level that is not one of these, or an attribute written
/// without quotes, is an error rather than a silent difference.
pub fn wasm_opt_args(source_html: &str) -> Result<Option<Vec<String>>, String> {
    let link = source_html
        .split("<link")
        .skip(1)
        .map(|tag| tag.split('>').next().unwrap_or(tag))
        .find(|tag| tag.contains("data-trunk") && tag.contains(r#"rel="rust""#))
        .ok_or("the source index.html has no <link data-trunk rel=\"rust\">")?;
    if link.contains("data-wasm-opt=") && attribute(link, "data-wasm-opt").is_none() {
        return Err("data-wasm-opt must be quoted in the source index.html".to_owned());
    }
    let level = attribute(link, "data-wasm-opt").unwrap_or("0");
    let level = match level {
        "0" => return Ok(None),
        "1" | "2" | "3" | "4" | "s" | "z" => format!("-O{level}"),
        other => return Err(format!("data-wasm-opt=\"{other}\" is not a wasm-opt level")),
    };
    // The module's control flow is flattened and rebuilt by the relooper before the level's
    // passes: wasm-opt then finds a more compact structure for the code LLVM emitted (the
    // first download 2.2 KB smaller with brotli, where -Oz, -O3, --converge or --gufa gain
    // nothing or lose). It runs only with a level, since flat code unoptimised is larger.
    let mut args = vec!["--flatten".to_owned(), "--rereloop".to_owned(), level];
    if let Some(params) = attribute(link, "data-wasm-opt-params") {
        args.extend(params.split_whitespace().map(str::to_owned));
    }
    Ok(Some(args))
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!("{name}=");
    tag.match_indices(&marker)
        .find(|(at, _)| tag[..*at].ends_with(char::is_whitespace))
        .and_then(|(at, _)| quoted_after(&tag[at..], &marker))
}

/// A file's subresource integrity, as trunk writes it.
pub fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `html` with the integrity of a file that changed updated; an error when the old one is not
/// there (the page would refuse the new file).
pub fn replace_integrity(html: &str, old: &str, new: &str) -> Result<String, String> {
    if !html.contains(old) {
        return Err(format!(
            "the built index.html does not hold the integrity {old} of a file it loads"
        ));
    }
    Ok(html.replace(old, new))
}

/// The link module with each chunk's URL (`"./split_markdown.wasm"`) renamed; every chunk
/// must be named exactly once.
pub fn rename_chunks(link: &str, renames: &[(String, String)]) -> Result<String, String> {
    let mut text = link.to_owned();
    for (old, new) in renames {
        let quoted = format!("\"./{old}\"");
        match text.matches(&quoted).count() {
            1 => text = text.replace(&quoted, &format!("\"./{new}\"")),
            count => {
                return Err(format!(
                    "the link module names {old} {count} times instead of once"
                ));
            }
        }
    }
    Ok(text)
}

/// Where the running module publishes its exports (`panel::chunks::publish_exports`): the
/// name of a `Symbol.for` on `globalThis`.
pub const EXPORTS_SYMBOL: &str = "odh-observability.exports";

/// The link module reading the main module's exports from the instance that runs, instead of
/// importing `initSync` from the wasm-bindgen module. The ODH shell's wrapper retries a failed
/// load by importing that module again under another URL (`?retry=1`), which makes a second
/// copy of it; the link module's own import would keep the first copy, never initialised, and
/// every chunk would fail after such a retry.
pub fn link_to_running_instance(link: &str, glue: &str) -> Result<String, String> {
    let import = format!("import {{ initSync }} from \"./{glue}\";");
    let call = "initSync(undefined, undefined)";
    for (what, count) in [
        (import.as_str(), link.matches(&import).count()),
        (call, link.matches(call).count()),
    ] {
        if count != 1 {
            return Err(format!(
                "the link module holds `{what}` {count} times instead of once (another wasm_split_cli_support?)"
            ));
        }
    }
    let exports = format!(
        "(globalThis[Symbol.for(\"{EXPORTS_SYMBOL}\")] ?? (() => {{ throw new Error(\"the module has not published its exports\"); }})())"
    );
    Ok(link.replace(&import, "").replace(call, &exports))
}

/// wasm-bindgen's JavaScript without its comments, blank lines and indentation (trunk's
/// minifier cannot read the module, so it is left as wasm-bindgen writes it): 1.2 KB brotli
/// less, a fifth of the text.
///
/// Line by line, so that every line break stays where it was and automatic semicolon
/// insertion reads the same code. A line where a comment and code meet is kept whole. Text
/// where a line break could be inside a string (a line with an odd number of backticks, or
/// one continued by a backslash, outside comments) is returned as it is.
pub fn compact_js(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_comment = false;
    for line in source.lines() {
        let trimmed = line.trim();
        if in_comment {
            match trimmed.find("*/") {
                None => continue,
                Some(end) if end + 2 == trimmed.len() => {
                    in_comment = false;
                    continue;
                }
                // Code after the comment's end: not a line this judges.
                Some(_) => return source.to_owned(),
            }
        }
        if trimmed.is_empty() || trimmed.starts_with("//") {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("/*") {
            match rest.find("*/") {
                None => {
                    in_comment = true;
                    continue;
                }
                Some(end) if end + 2 == rest.len() => continue,
                Some(_) => {}
            }
        }
        // An odd number of backticks opens or closes a template literal across lines.
        let backticks = trimmed.matches('`').count() - trimmed.matches("\\`").count();
        if backticks % 2 == 1 || trimmed.ends_with('\\') {
            return source.to_owned();
        }
        out.push_str(trimmed);
        out.push('\n');
    }
    out
}

#[cfg(test)]
#[path = "page_tests.rs"]
mod tests;
