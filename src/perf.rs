//! Stage timings for the benchmark: with the `bench` feature, [`measure`] records how long a
//! stage took in `window.__obsTimings` (name → list of milliseconds); without it, it only
//! runs the stage.

/// Runs `stage`, timing it under `name` in benchmark builds.
#[inline]
pub fn measure<T>(name: &str, stage: impl FnOnce() -> T) -> T {
    #[cfg(feature = "bench")]
    {
        let started = now_ms();
        let value = stage();
        record(name, now_ms() - started);
        value
    }
    #[cfg(not(feature = "bench"))]
    {
        let _ = name;
        stage()
    }
}

/// Records the current time under `name` in benchmark builds (a point, not a duration).
#[inline]
pub fn mark(name: &str) {
    #[cfg(feature = "bench")]
    record(name, now_ms());
    #[cfg(not(feature = "bench"))]
    let _ = name;
}

/// Times one task in benchmark builds: [`TaskTimer::end`] records, under its name, the time
/// from [`task`] until the microtasks the task queued have run (Leptos runs effects, and so the
/// drawing a signal change causes, as microtasks). Four rounds of microtasks cover the chains
/// of effects seen here; a longer chain would be cut short, so this is a lower bound.
pub struct TaskTimer {
    #[cfg(feature = "bench")]
    name: &'static str,
    #[cfg(feature = "bench")]
    started_ms: f64,
}

/// Starts a [`TaskTimer`].
#[inline]
pub fn task(name: &'static str) -> TaskTimer {
    #[cfg(feature = "bench")]
    {
        TaskTimer {
            name,
            started_ms: now_ms(),
        }
    }
    #[cfg(not(feature = "bench"))]
    {
        let _ = name;
        TaskTimer {}
    }
}

impl TaskTimer {
    /// Records the task's time once its microtasks have run (in benchmark builds).
    #[inline]
    pub async fn end(self) {
        #[cfg(feature = "bench")]
        {
            for _ in 0..4 {
                let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
                let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
            }
            record(self.name, now_ms() - self.started_ms);
        }
    }
}

/// The page's clock, which the benchmark's timings read too.
#[cfg(feature = "bench")]
pub(crate) use crate::dom::now_ms;

#[cfg(feature = "bench")]
fn record(name: &str, ms: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = wasm_bindgen::JsValue::from_str("__obsTimings");
    let timings = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(|value| value.is_object())
        .unwrap_or_else(|| {
            let fresh: wasm_bindgen::JsValue = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&window, &key, &fresh);
            fresh
        });
    let name = wasm_bindgen::JsValue::from_str(name);
    let list = js_sys::Reflect::get(&timings, &name)
        .ok()
        .filter(js_sys::Array::is_array)
        .unwrap_or_else(|| {
            let fresh: wasm_bindgen::JsValue = js_sys::Array::new().into();
            let _ = js_sys::Reflect::set(&timings, &name, &fresh);
            fresh
        });
    let list: js_sys::Array = wasm_bindgen::JsCast::unchecked_into(list);
    list.push(&wasm_bindgen::JsValue::from_f64(ms));
}
