use super::*;

const BUILT: &str = r#"<!doctype html><html lang=en><link rel=modulepreload href=/odh-observability-23c4.js crossorigin integrity=sha384-AAA><link rel=preload href=/odh-observability-23c4_bg.wasm crossorigin integrity=sha384-BBB type=application/wasm as=fetch><script type=module>import init, * as bindings from '/odh-observability-23c4.js';
const wasm = await init({ module_or_path: '/odh-observability-23c4_bg.wasm' });</script>"#;

#[test]
fn reads_the_built_names() {
    let built = Built::read(BUILT).expect("names");
    assert_eq!(built.glue, "odh-observability-23c4.js");
    assert_eq!(built.wasm, "odh-observability-23c4_bg.wasm");
    assert_eq!(built.stem(), "odh-observability-23c4");
}

#[test]
fn a_page_without_a_module_is_an_error() {
    for html in ["<html></html>", "import init, * as bindings from '/a.js'"] {
        assert!(Built::read(html).is_err(), "{html}");
    }
}

#[test]
fn wasm_opt_arguments_come_from_the_rust_link() {
    type Expected = Result<Option<Vec<&'static str>>, ()>;
    let cases: [(&str, Expected); 7] = [
        (
            r#"<link data-trunk rel="css" href="a.css"/><link data-trunk rel="rust" data-bin="x" data-wasm-opt="2" data-wasm-opt-params="-ocimfs=50  --foo" />"#,
            Ok(Some(vec![
                "--flatten",
                "--rereloop",
                "-O2",
                "-ocimfs=50",
                "--foo",
            ])),
        ),
        (
            r#"<link data-trunk rel="rust" data-wasm-opt="z">"#,
            Ok(Some(vec!["--flatten", "--rereloop", "-Oz"])),
        ),
        (r#"<link data-trunk rel="rust">"#, Ok(None)),
        (
            "<link data-trunk rel=\"rust\"\n  data-wasm-opt=\"s\">",
            Ok(Some(vec!["--flatten", "--rereloop", "-Os"])),
        ),
        (r#"<link data-trunk rel="rust" data-wasm-opt="9">"#, Err(())),
        (r#"<link data-trunk rel="rust" data-wasm-opt=2>"#, Err(())),
        (r#"<link data-trunk rel="css" href="a.css">"#, Err(())),
    ];
    for (html, expected) in cases {
        let got = wasm_opt_args(html).map_err(|_| ());
        let expected =
            expected.map(|args| args.map(|args| args.into_iter().map(String::from).collect()));
        assert_eq!(got, expected, "{html}");
    }
}

#[test]
fn integrity_is_sha384_in_base64() {
    // `printf abc | openssl dgst -sha384 -binary | base64`
    assert_eq!(
        integrity(b"abc"),
        "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
    );
}

#[test]
fn integrity_is_replaced_where_it_was() {
    let html = replace_integrity(BUILT, "sha384-AAA", "sha384-CCC").expect("replaced");
    assert!(html.contains("integrity=sha384-CCC"));
    assert!(!html.contains("sha384-AAA"));
    assert!(replace_integrity(BUILT, "sha384-ZZZ", "sha384-CCC").is_err());
}

#[test]
fn the_link_module_reads_the_running_instance() {
    let link = "import { initSync } from \"./m-1.js\";\n\nconst { memory } = initSync(undefined, undefined);";
    let linked = link_to_running_instance(link, "m-1.js").expect("linked");
    assert!(!linked.contains("import"), "{linked}");
    assert!(!linked.contains("initSync"), "{linked}");
    assert!(linked.contains("globalThis[Symbol.for(\"odh-observability.exports\")]"));
    assert!(link_to_running_instance(link, "other.js").is_err());
    assert!(link_to_running_instance("const a = 1;", "m-1.js").is_err());
}

#[test]
fn chunks_are_renamed_once_each() {
    let link = r#"const a = fetch(new URL("./split_markdown.wasm", import.meta.url));
const b = fetch(new URL("./chunk_0_tables.wasm", import.meta.url));"#;
    let renames = [
        (
            "split_markdown.wasm".to_owned(),
            "x-split_markdown.wasm".to_owned(),
        ),
        (
            "chunk_0_tables.wasm".to_owned(),
            "x-chunk_0_tables.wasm".to_owned(),
        ),
    ];
    let renamed = rename_chunks(link, &renames).expect("renamed");
    assert!(renamed.contains(r#"new URL("./x-split_markdown.wasm""#));
    assert!(renamed.contains(r#"new URL("./x-chunk_0_tables.wasm""#));
    let missing = [("split_pie.wasm".to_owned(), "x.wasm".to_owned())];
    assert!(rename_chunks(link, &missing).is_err());
}

#[test]
fn compacts_javascript_line_by_line() {
    let source = "/**\n * Mounts the page into `element`.\n */\nexport function mount(element) {\n    // A comment.\n\n    const a = 1; /* kept */\n    /* one line */\n    return a\n        + 2;\n}\n";
    assert_eq!(
        compact_js(source),
        "export function mount(element) {\nconst a = 1; /* kept */\nreturn a\n+ 2;\n}\n"
    );
    // A template literal on one line is compacted like any code.
    assert_eq!(
        compact_js("    return `${a}: ${b}`;\n"),
        "return `${a}: ${b}`;\n"
    );
    // A template literal or a continued string could hold a line break: left alone.
    for unsure in [
        "const s = `a\n    b`;\n",
        "const s = \"a\\\n    b\";\n",
        "/* a */ b();\n/* c\n*/ d();\n",
    ] {
        assert_eq!(compact_js(unsure), unsure);
    }
}
