//! The plugin inside the ODH shell: what the module-federation wrapper (`assets/remote-entry.js`)
//! calls. The wrapper is a React component of the host; it loads this module, calls [`mount`]
//! with its own `<div>`, forwards the host's location changes, and calls
//! [`MountedPage::unmount`] when React unmounts it. Unmounting disposes the page's reactive
//! owner, so every listener, observer, timer and request the page made is released by the
//! `on_cleanup` that made it.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use obs_core::url_state::Route;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::page::{ObservabilityPage, PageHeader};
use crate::state::url::{Navigator, UrlSync};

/// A page mounted into a host's element.
#[wasm_bindgen]
pub struct MountedPage {
    /// Leptos' unmount handle, kept as `Any` because its type names the whole view tree.
    /// Dropping it removes the page and runs every cleanup.
    handle: Option<Box<dyn Any>>,
    url: UrlSync,
}

#[wasm_bindgen]
impl MountedPage {
    /// Removes the page and releases everything it holds. Calling it twice does nothing.
    pub fn unmount(&mut self) {
        self.handle.take();
    }

    /// The host's location changed (a link, its back/forward, our navigation item): the page
    /// reads the address again, without remounting.
    #[wasm_bindgen(js_name = locationChanged)]
    pub fn location_changed(&self) {
        if self.handle.is_some() {
            self.url.reload();
        }
    }

    /// Whether the page is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.handle.is_some()
    }
}

/// Mounts the Observability page into `element`.
///
/// `options.basePath` is the path the host routes to the plugin (the page keeps the project
/// below it); `options.navigate(href, replace)`, when given, applies the page's address changes
/// through the host's router. A bad option is a thrown `Error` that says which.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<MountedPage, JsError> {
    console_error_panic_hook::set_once();
    let base_path = js_sys::Reflect::get(&options, &"basePath".into())
        .ok()
        .and_then(|value| value.as_string())
        .ok_or_else(|| JsError::new("mount: options.basePath must be a string such as \"/observe-and-monitor/observability\""))?;
    let route =
        Route::embedded(&base_path).map_err(|error| JsError::new(&format!("mount: {error}")))?;
    let navigator = match js_sys::Reflect::get(&options, &"navigate".into()) {
        Ok(value) if value.is_function() => {
            Navigator::Host(SendWrapper::new(value.unchecked_into::<js_sys::Function>()))
        }
        Ok(value) if value.is_undefined() || value.is_null() => Navigator::Browser,
        _ => {
            return Err(JsError::new(
                "mount: options.navigate must be a function (href, replace)",
            ));
        }
    };
    // The URL state is made inside the page's owner so that its popstate listener goes with
    // it, and handed out so the wrapper can forward the host's navigations.
    let made = Rc::new(Cell::new(None::<UrlSync>));
    let made_inside = Rc::clone(&made);
    let handle = leptos::mount::mount_to(element, move || {
        let url = UrlSync::attached(route, navigator);
        provide_context(url);
        made_inside.set(Some(url));
        view! { <EmbeddedPage/> }
    });
    let url = made
        .take()
        .ok_or_else(|| JsError::new("mount: the page did not start"))?;
    Ok(MountedPage {
        handle: Some(Box::new(handle)),
        url,
    })
}

/// The page as ODH's page pattern lays it out inside the shell: the title, the description,
/// then the page. The host owns the theme, so there is no toggle here.
#[component]
fn EmbeddedPage() -> impl IntoView {
    view! {
        <div class="obs-root obs-root--embedded">
            <PageHeader/>
            <ObservabilityPage/>
        </div>
    }
}
