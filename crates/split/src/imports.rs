//! Gives the main module's JavaScript imports short names. wasm-bindgen names each import after
//! its function and a hash (`__wbg_abort_f8d1589eb0c65ee2`), and the module that provides them
//! after the build's files (`./odh-observability-<hash>_bg.js`). Each name is written twice, in
//! the module's import section and as a key of the glue's import object, and the hashes do
//! not compress: about 7 KB brotli of the first download for 300 imports. The names mean
//! nothing outside these two files, so both get the same short ones.

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};

/// The short name of the module that provides the glue's functions.
const PROVIDER: &str = "w";

/// `module` and `glue` with the imports `glue` provides as `provider` renamed in both: the
/// provider to [`PROVIDER`], each function to a short name. Fails, changing nothing, when the
/// glue does not name each import exactly once, as a key of its import object.
pub fn shorten(module: &[u8], glue: &str, provider: &str) -> Result<(Vec<u8>, String), String> {
    let provider_key = format!("\"{provider}\":");
    if glue.matches(&provider_key).count() != 1 {
        return Err(format!("the glue does not name {provider} once"));
    }
    let mut glue = glue.replacen(&provider_key, &format!("\"{PROVIDER}\":"), 1);
    let mut out = wasm_encoder::Module::new();
    let mut renamed = 0_usize;
    for payload in wasmparser::Parser::new(0).parse_all(module) {
        let payload = payload.map_err(|error| format!("cannot read the module: {error}"))?;
        if let wasmparser::Payload::ImportSection(reader) = payload {
            let mut imports = wasm_encoder::ImportSection::new();
            for import in reader.into_imports() {
                let import = import.map_err(|error| format!("cannot read an import: {error}"))?;
                let ty = RoundtripReencoder
                    .entity_type(import.ty)
                    .map_err(|error| format!("cannot write an import: {error}"))?;
                if import.module == provider {
                    let name = short_name(renamed);
                    renamed += 1;
                    glue = rename_key(&glue, import.name, &name)?;
                    imports.import(PROVIDER, &name, ty);
                } else {
                    imports.import(import.module, import.name, ty);
                }
            }
            out.section(&imports);
        } else {
            crate::exports::copy_section(module, &payload, &mut out)?;
        }
    }
    Ok((out.finish(), glue))
}

/// `glue` with the key `old` of its import object named `new`, when that is the one place
/// `glue` writes `old`.
fn rename_key(glue: &str, old: &str, new: &str) -> Result<String, String> {
    match whole_words(glue, old).as_slice() {
        [start] if glue[start + old.len()..].starts_with(':') => Ok(format!(
            "{}{new}{}",
            &glue[..*start],
            &glue[start + old.len()..]
        )),
        _ => Err(format!(
            "the glue does not name the import {old} once, as a key"
        )),
    }
}

/// `glue` with every place that writes the identifier `old` writing `new`.
pub fn rename_all(glue: &str, old: &str, new: &str) -> String {
    let mut out = String::with_capacity(glue.len());
    let mut copied = 0;
    for start in whole_words(glue, old) {
        out.push_str(&glue[copied..start]);
        out.push_str(new);
        copied = start + old.len();
    }
    out.push_str(&glue[copied..]);
    out
}

/// Where `word` is written as a whole identifier (not as part of a longer one).
pub fn whole_words(glue: &str, word: &str) -> Vec<usize> {
    glue.match_indices(word)
        .map(|(start, _)| start)
        .filter(|start| {
            let previous = glue[..*start].chars().next_back();
            let next = glue[start + word.len()..].chars().next();
            !previous.is_some_and(is_identifier) && !next.is_some_and(is_identifier)
        })
        .collect()
}

fn is_identifier(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `a`, `b`, …, `Z`, `aa`, `ab`, …: letters only, so each is a plain key of the import object
/// (never its `__proto__`) and, after a prefix, an identifier.
pub fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
        if index == 0 {
            break;
        }
        index -= 1;
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions from the glue and one from another module.
    fn module() -> Vec<u8> {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut imports = wasm_encoder::ImportSection::new();
        let function = wasm_encoder::EntityType::Function(0);
        imports.import("./page_bg.js", "__wbg_abort_f8d1589eb0c65ee2", function);
        imports.import("./page-chunks.js", "__wasm_split_load_charts", function);
        imports.import("./page_bg.js", "__wbg_now_0123456789abcdef", function);
        module.section(&imports);
        module.finish()
    }

    fn imports_of(module: &[u8]) -> Vec<(String, String)> {
        let mut names = Vec::new();
        for payload in wasmparser::Parser::new(0).parse_all(module) {
            if let wasmparser::Payload::ImportSection(reader) = payload.unwrap() {
                for import in reader.into_imports() {
                    let import = import.unwrap();
                    names.push((import.module.to_owned(), import.name.to_owned()));
                }
            }
        }
        names
    }

    const GLUE: &str = "function __wbg_get_imports() {
const import0 = {
__proto__: null,
__wbg_abort_f8d1589eb0c65ee2: function(arg0) {
arg0.abort();
},
__wbg_now_0123456789abcdef: function() {
return Date.now();
},
};
return {
\"./page_bg.js\": import0,
\"./page-chunks.js\": import1,
};
}";

    #[test]
    fn renames_the_glue_imports_in_both_files() {
        let (module, glue) = shorten(&module(), GLUE, "./page_bg.js").unwrap();
        wasmparser::Validator::new().validate_all(&module).unwrap();
        assert_eq!(
            imports_of(&module),
            [
                ("w".to_owned(), "a".to_owned()),
                (
                    "./page-chunks.js".to_owned(),
                    "__wasm_split_load_charts".to_owned()
                ),
                ("w".to_owned(), "b".to_owned()),
            ]
        );
        assert!(glue.contains("\na: function(arg0) {"), "{glue}");
        assert!(glue.contains("\nb: function() {"), "{glue}");
        assert!(glue.contains("\"w\": import0"), "{glue}");
        assert!(glue.contains("\"./page-chunks.js\": import1"), "{glue}");
        assert!(!glue.contains("f8d1589eb0c65ee2") && !glue.contains("0123456789abcdef"));
    }

    #[test]
    fn refuses_a_glue_that_names_an_import_elsewhere_or_not_at_all() {
        let called = GLUE.replace("return Date.now();", "return __wbg_abort_f8d1589eb0c65ee2;");
        let missing = GLUE.replace("__wbg_now_0123456789abcdef:", "now:");
        let no_provider = GLUE.replace("\"./page_bg.js\":", "\"./other.js\":");
        for glue in [called, missing, no_provider] {
            assert!(shorten(&module(), &glue, "./page_bg.js").is_err(), "{glue}");
        }
    }

    #[test]
    fn short_names_are_letters_and_distinct() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "aa");
        assert!(
            names
                .iter()
                .all(|name| name.chars().all(|c| c.is_ascii_alphabetic()))
        );
        let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
    }
}
