//! The mount API the ODH shell's federation wrapper calls (`embed::mount`), in headless
//! Chromium: the page mounts into the host's element with the shell's page header and no
//! theme toggle, unmounts to an empty element, and bad options are errors that say which.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod support;

use odh_observability::embed::mount;
use support::{by_role, next_frame};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host_element() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let element = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

fn options(base_path: JsValue, navigate: JsValue) -> JsValue {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"basePath".into(), &base_path).unwrap();
    js_sys::Reflect::set(&options, &"navigate".into(), &navigate).unwrap();
    options.into()
}

fn message(error: JsError) -> String {
    js_sys::Error::from(JsValue::from(error)).message().into()
}

#[wasm_bindgen_test]
async fn mounts_into_the_host_element_and_leaves_it_empty() {
    let element = host_element();
    let navigate = js_sys::Function::new_with_args("href, replace", "");
    let mut page = mount(
        element.clone(),
        options("/observe-and-monitor/observability".into(), navigate.into()),
    )
    .unwrap();
    next_frame().await;
    let root = element
        .query_selector(".obs-root.obs-root--embedded")
        .unwrap();
    let root = root.expect("the page's root");
    assert!(by_role(&root, "heading", "Observability").is_some());
    assert!(
        by_role(&root, "button", "Dark theme").is_none(),
        "the host owns the theme"
    );
    assert!(page.mounted());

    page.location_changed();
    page.unmount();
    next_frame().await;
    assert_eq!(element.child_element_count(), 0, "nothing left behind");
    assert!(!page.mounted());
    // Late calls from the wrapper are harmless.
    page.unmount();
    page.location_changed();
    element.remove();
}

#[wasm_bindgen_test]
fn bad_options_say_which() {
    let element = host_element();
    let check = |options: JsValue, expected: &str| match mount(element.clone(), options) {
        Ok(_) => panic!("mounted with bad options; expected {expected:?}"),
        Err(error) => {
            let text = message(error);
            assert!(text.contains(expected), "{text:?} lacks {expected:?}");
        }
    };
    check(JsValue::UNDEFINED, "options.basePath must be a string");
    check(
        options(JsValue::from(5), JsValue::UNDEFINED),
        "options.basePath must be a string",
    );
    check(
        options("observability".into(), JsValue::UNDEFINED),
        "must start with \"/\"",
    );
    check(
        options("/a/:namespace".into(), JsValue::UNDEFINED),
        "plain path",
    );
    check(
        options("/a".into(), JsValue::from(5)),
        "options.navigate must be a function",
    );
    assert_eq!(element.child_element_count(), 0);
    element.remove();
}
