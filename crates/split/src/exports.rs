//! The main module's exports: the closures' long names shortened (`shorten_closures`), and
//! the exports nothing calls taken out: the stream adapters of
//! `wasm-streams`, which Leptos brings through its server functions (`server_fn`'s `browser`
//! feature, always on) and which wasm-bindgen exports as JavaScript classes. A client-side
//! page never streams a server function, yet an export keeps its code, about 3 KB brotli;
//! without the export, wasm-opt drops the code. The classes stay in the JavaScript glue, whose
//! methods would name the missing export only when called.

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};

/// The exports to take out: those of `wasm-streams`' `IntoUnderlyingSource`,
/// `IntoUnderlyingByteSource` and `IntoUnderlyingSink` (methods, and the `free` of each).
pub fn unused(name: &str) -> bool {
    name.starts_with("intounderlying") || name.starts_with("__wbg_intounderlying")
}

/// `module` without the exports `drop` names; every other section as it was.
pub fn without_exports(module: &[u8], drop: impl Fn(&str) -> bool) -> Result<Vec<u8>, String> {
    map_exports(module, |name| Ok((!drop(name)).then(|| name.to_owned())))
}

/// The exports wasm-bindgen names after a closure's whole signature (`wasm_bindgen_<hash>___
/// convert__closures_____invoke___…`, 100 to 300 characters each) renamed in the module and
/// the JavaScript, which calls each as `wasm.<name>` from a function of the same name: both
/// become `__c` and a letter or two. Fails when the JavaScript never calls one, or already
/// uses a short name.
pub fn shorten_closures(module: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let mut glue = glue.to_owned();
    let mut renamed = 0_usize;
    let module = map_exports(module, |name| {
        if !name.starts_with("wasm_bindgen_") {
            return Ok(Some(name.to_owned()));
        }
        let short = format!("__c{}", crate::imports::short_name(renamed));
        renamed += 1;
        // Called as `wasm.<name>` itself, not as a longer name it begins (`…_true_` and
        // `…_true__19` are two closures).
        let called = crate::imports::whole_words(&glue, name)
            .into_iter()
            .any(|start| glue[..start].ends_with("wasm."));
        if !called || !crate::imports::whole_words(&glue, &short).is_empty() {
            return Err(format!(
                "the glue does not call wasm.{name}, or already names {short}"
            ));
        }
        glue = crate::imports::rename_all(&glue, name, &short);
        Ok(Some(short))
    })?;
    Ok((module, glue))
}

/// `module` with each export renamed to what `rename` gives, or taken out for `None`; every
/// other section as it was.
fn map_exports(
    module: &[u8],
    mut rename: impl FnMut(&str) -> Result<Option<String>, String>,
) -> Result<Vec<u8>, String> {
    let mut out = wasm_encoder::Module::new();
    let parser = wasmparser::Parser::new(0);
    for payload in parser.parse_all(module) {
        let payload = payload.map_err(|error| format!("cannot read the module: {error}"))?;
        match payload {
            wasmparser::Payload::ExportSection(reader) => {
                let mut exports = wasm_encoder::ExportSection::new();
                for export in reader {
                    let export =
                        export.map_err(|error| format!("cannot read an export: {error}"))?;
                    let Some(name) = rename(export.name)? else {
                        continue;
                    };
                    let kind = RoundtripReencoder
                        .export_kind(export.kind)
                        .map_err(|error| format!("cannot write an export: {error}"))?;
                    exports.export(&name, kind, export.index);
                }
                out.section(&exports);
            }
            other => copy_section(module, &other, &mut out)?,
        }
    }
    Ok(out.finish())
}

/// Writes `payload`'s section into `out` as it is in `module` (nothing for what is not a
/// section).
pub fn copy_section(
    module: &[u8],
    payload: &wasmparser::Payload<'_>,
    out: &mut wasm_encoder::Module,
) -> Result<(), String> {
    if let Some((id, range)) = payload.as_section() {
        let bytes = usize::try_from(range.start)
            .ok()
            .zip(usize::try_from(range.end).ok())
            .and_then(|(start, end)| module.get(start..end))
            .ok_or("a section lies outside the module")?;
        out.section(&wasm_encoder::RawSection { id, data: bytes });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a function exported under two names and a memory.
    fn module() -> Vec<u8> {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], [wasm_encoder::ValType::I32]);
        module.section(&types);
        let mut functions = wasm_encoder::FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut memories = wasm_encoder::MemorySection::new();
        memories.memory(wasm_encoder::MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        module.section(&memories);
        let mut exports = wasm_encoder::ExportSection::new();
        exports.export("answer", wasm_encoder::ExportKind::Func, 0);
        exports.export(
            "intounderlyingsink_write",
            wasm_encoder::ExportKind::Func,
            0,
        );
        exports.export("memory", wasm_encoder::ExportKind::Memory, 0);
        module.section(&exports);
        let mut code = wasm_encoder::CodeSection::new();
        let mut body = wasm_encoder::Function::new([]);
        body.instructions().i32_const(42).end();
        code.function(&body);
        module.section(&code);
        module.finish()
    }

    fn export_names(module: &[u8]) -> Vec<String> {
        let mut names = Vec::new();
        for payload in wasmparser::Parser::new(0).parse_all(module) {
            if let wasmparser::Payload::ExportSection(reader) = payload.unwrap() {
                names.extend(
                    reader
                        .into_iter()
                        .map(|export| export.unwrap().name.to_owned()),
                );
            }
        }
        names
    }

    #[test]
    fn takes_out_only_the_unused_exports() {
        let before = module();
        let after = without_exports(&before, unused).unwrap();
        assert_eq!(export_names(&after), ["answer", "memory"]);
        wasmparser::Validator::new().validate_all(&after).unwrap();
        // Nothing to take out: the same bytes.
        assert_eq!(without_exports(&after, unused).unwrap(), after);
    }

    #[test]
    fn shortens_the_closures_names_in_the_module_and_the_glue() {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut functions = wasm_encoder::FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut exports = wasm_encoder::ExportSection::new();
        let long = "wasm_bindgen_ea5b___convert__closures_____invoke___JsValue______true_";
        exports.export(long, wasm_encoder::ExportKind::Func, 0);
        exports.export("mount", wasm_encoder::ExportKind::Func, 0);
        module.section(&exports);
        let mut code = wasm_encoder::CodeSection::new();
        let mut body = wasm_encoder::Function::new([]);
        body.instructions().end();
        code.function(&body);
        module.section(&code);
        let module = module.finish();
        let glue = format!(
            "const f = makeMutClosure(a, b, {long});\nfunction {long}(x) {{ wasm.{long}(x); }}\nfunction b() {{ wasm.mount(); }}"
        );

        let (short, short_glue) = shorten_closures(&module, &glue).unwrap();
        wasmparser::Validator::new().validate_all(&short).unwrap();
        assert_eq!(export_names(&short), ["__ca", "mount"]);
        assert_eq!(
            short_glue,
            "const f = makeMutClosure(a, b, __ca);\nfunction __ca(x) { wasm.__ca(x); }\nfunction b() { wasm.mount(); }"
        );
        // Never called as `wasm.<name>`, or the short name taken: refused.
        let uncalled = glue.replace(&format!("wasm.{long}"), "wasm.other");
        let longer_called = glue.replace(&format!("wasm.{long}("), &format!("wasm.{long}_19("));
        let taken = format!("{glue}\nconst __ca = 1;");
        for glue in [uncalled, longer_called, taken] {
            assert!(shorten_closures(&module, &glue).is_err(), "{glue}");
        }
    }

    #[test]
    fn names_the_stream_adapters() {
        assert!(unused("intounderlyingbytesource_pull"));
        assert!(unused("__wbg_intounderlyingsink_free"));
        assert!(!unused("__wbg_get_imports"));
        assert!(!unused("memory"));
    }
}
