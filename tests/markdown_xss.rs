//! Markdown panels are written by whoever can edit a dashboard. In headless Chromium, the
//! OWASP XSS filter-evasion vectors inside a Markdown panel must execute nothing: no script
//! runs, no event handler or active element reaches the DOM, and links are only http(s),
//! mailto or relative, opened with rel=noopener.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod support;

use leptos::prelude::*;
use odh_observability::dashboard::DashboardView;
use odh_observability::fixtures;
use serde_json::json;
use support::{by_role, container, text_of};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Each payload sets `window.__xss` if it ever runs.
const VECTORS: &[&str] = &[
    "<script>window.__xss=1</script>",
    "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:window.__xss=1;\">",
    "<IMG SRC=javascript:window.__xss=1>",
    "<IMG SRC=JaVaScRiPt:window.__xss=1>",
    "<IMG \"\"\"><SCRIPT>window.__xss=1</SCRIPT>\">",
    "<IMG SRC=# onmouseover=\"window.__xss=1\">",
    "<img src=x onerror=\"window.__xss=1\">",
    "<img src=x onerror=window.__xss=1//",
    "<svg/onload=window.__xss=1>",
    "<svg><script>window.__xss=1</script></svg>",
    "<BODY ONLOAD=window.__xss=1>",
    "<iframe src=\"javascript:window.__xss=1\"></iframe>",
    "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
    "<object data=\"javascript:window.__xss=1\"></object>",
    "<embed src=\"javascript:window.__xss=1\">",
    "<details open ontoggle=window.__xss=1>",
    "<input autofocus onfocus=window.__xss=1>",
    "<video><source onerror=\"window.__xss=1\"></video>",
    "<audio src=x onerror=window.__xss=1>",
    "<marquee onstart=window.__xss=1>",
    "<form action=\"javascript:window.__xss=1\"><button>go</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=1\">",
    "<style>@import 'javascript:window.__xss=1';</style>",
    "<div style=\"background:url(javascript:window.__xss=1)\">x</div>",
    "<a href=\"javascript:window.__xss=1\">raw link</a>",
    "<a href=\"&#14;javascript:window.__xss=1\">entity link</a>",
    "<math><mi xlink:href=\"javascript:window.__xss=1\">m</mi></math>",
    "[md link](javascript:window.__xss=1)",
    "[md upper](JAVASCRIPT:window.__xss=1)",
    "[md entity](&#106;avascript:window.__xss=1)",
    "[md hex entity](&#x6A;avascript:window.__xss=1)",
    "[md tab](java\tscript:window.__xss=1)",
    "[md encoded](javascript%3Awindow.__xss=1)",
    "[md space]( javascript:window.__xss=1)",
    "[md data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
    "[md vbscript](vbscript:msgbox(1))",
    "[md ref][evil]\n\n[evil]: javascript:window.__xss=1",
    "<javascript:window.__xss=1>",
    "![md image](javascript:window.__xss=1)",
    "![md onerror](x\" onerror=\"window.__xss=1)",
    "[md title](https://example.com \"x\\\" onmouseover=\\\"window.__xss=1\")",
    "`<script>window.__xss=1</script>` in code",
    "```html\n<script>window.__xss=1</script>\n```",
    "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
    "<<SCRIPT>window.__xss=1;//<</SCRIPT>",
    "<a href=\"jav&#x09;ascript:window.__xss=1\">tab entity</a>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss=1>",
    "<base href=\"javascript:window.__xss=1//\">",
    "<link rel=stylesheet href=\"javascript:window.__xss=1\">",
];

#[wasm_bindgen_test]
async fn owasp_vectors_in_a_markdown_panel_execute_nothing() {
    let window = web_sys::window().unwrap();
    js_sys::Reflect::set(&window, &"__xss".into(), &JsValue::from(0)).unwrap();
    let mut text = String::from(
        "# Safe heading\n\n[a safe link](https://example.com/docs) and [relative](./other) and [mail](mailto:ops@example.com)\n\n",
    );
    for vector in VECTORS {
        text.push_str(vector);
        text.push_str("\n\n");
    }
    let document = json!({
        "kind": "Dashboard",
        "metadata": {"name": "xss", "project": "p"},
        "spec": {
            "duration": "1h",
            "panels": {"notes": {"kind": "Panel", "spec": {
                "display": {"name": "Notes"},
                "plugin": {"kind": "Markdown", "spec": {"text": text}}
            }}},
            "layouts": [{"kind": "Grid", "spec": {"items": [
                {"x": 0, "y": 0, "width": 24, "height": 30, "content": {"$ref": "#/spec/panels/notes"}}
            ]}}]
        }
    });
    // Give load, error and focus handlers a chance to fire, had any been created.
    let (root, _handle) = mount(&document, 500).await;

    let panel = by_role(&root, "region", "Notes").unwrap();
    assert!(by_role(&panel, "heading", "Safe heading").is_some());
    // The raw HTML is shown as text, so the reader sees what the author wrote.
    assert!(text_of(&panel).contains("<script>window.__xss=1</script>"));

    let ran = js_sys::Reflect::get(&window, &"__xss".into()).unwrap();
    assert_eq!(ran.as_f64(), Some(0.0), "a payload ran");

    // Only the Markdown's own output: the panel frame around it has its menu buttons.
    let body = panel.query_selector(".obs-markdown").unwrap().unwrap();
    let active = body
        .query_selector_all("script, iframe, object, embed, form, input, button, style, link, meta, base, svg, math, video, audio, img[onerror], details, marquee")
        .unwrap();
    assert_eq!(active.length(), 0, "active elements reached the DOM");
    let all = body.query_selector_all("*").unwrap();
    for index in 0..all.length() {
        let element: web_sys::Element =
            wasm_bindgen::JsCast::unchecked_into(all.item(index).unwrap());
        let names = element.get_attribute_names();
        for name in names.iter() {
            let name = name.as_string().unwrap().to_ascii_lowercase();
            assert!(
                !name.starts_with("on"),
                "{name} on <{}>",
                element.tag_name()
            );
            assert_ne!(name, "style", "inline style on <{}>", element.tag_name());
            if name == "src" || name == "href" {
                let value = element.get_attribute(&name).unwrap();
                let lower = value.trim().to_ascii_lowercase();
                let allowed = lower.starts_with("http://")
                    || lower.starts_with("https://")
                    || lower.starts_with("mailto:")
                    || lower.starts_with("./")
                    || lower.starts_with("../")
                    || lower.starts_with('/') && !lower.starts_with("//")
                    || lower.starts_with('#')
                    || !lower.contains(':');
                assert!(allowed, "{name}={value:?} on <{}>", element.tag_name());
            }
        }
    }
    let links = body.query_selector_all("a").unwrap();
    assert!(links.length() >= 3, "the safe links are kept");
    for index in 0..links.length() {
        let link: web_sys::Element =
            wasm_bindgen::JsCast::unchecked_into(links.item(index).unwrap());
        let rel = link.get_attribute("rel").unwrap_or_default();
        assert!(
            rel.contains("noopener"),
            "link without noopener: {:?}",
            link.get_attribute("href")
        );
    }
}

/// Markdown nests as deep as its text says; drawing it recurses once per level. A text panel
/// nested 50,000 deep (which exhausted the page's stack and stopped the whole page) is drawn
/// to the nesting limit with its text, and the panel beside it is drawn as well.
#[wasm_bindgen_test]
async fn hostile_nesting_in_a_markdown_panel_stops_nothing() {
    let deep = 50_000;
    let hostile = format!(
        "{}quoted\n\n{}listed\n\n{}emphasised{}",
        "> ".repeat(deep),
        "- ".repeat(deep),
        "*".repeat(deep),
        "*".repeat(deep)
    );
    let panel = |name: &str, text: &str| {
        json!({"kind": "Panel", "spec": {
            "display": {"name": name},
            "plugin": {"kind": "Markdown", "spec": {"text": text}}
        }})
    };
    let item = |y: u32, name: &str| json!({"x": 0, "y": y, "width": 24, "height": 8, "content": {"$ref": format!("#/spec/panels/{name}")}});
    let document = json!({
        "kind": "Dashboard",
        "metadata": {"name": "deep", "project": "p"},
        "spec": {
            "duration": "1h",
            "panels": {"deep": panel("Deep", &hostile), "plain": panel("Plain", "# Still here")},
            "layouts": [{"kind": "Grid", "spec": {"items": [item(0, "deep"), item(8, "plain")]}}]
        }
    });
    let (root, _handle) = mount(&document, 200).await;
    let deep_panel = by_role(&root, "region", "Deep").unwrap();
    for text in ["quoted", "listed", "emphasised"] {
        assert!(text_of(&deep_panel).contains(text), "{text} is lost");
    }
    let plain = by_role(&root, "region", "Plain").unwrap();
    assert!(by_role(&plain, "heading", "Still here").is_some());
}

/// Mounts the dashboard `document` and waits `settle_ms` after its first tick.
async fn mount(
    document: &serde_json::Value,
    settle_ms: i32,
) -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let loaded = fixtures::load_json(&document.to_string()).unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <DashboardView dashboard=loaded.dashboard problems=loaded.problems/> }
    });
    leptos::task::tick().await;
    sleep_ms(settle_ms).await;
    (root, handle)
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
