//! The page's clock, and yielding to the browser: until a later task, a delay, or idle time.

/// The page's clock (`performance.now()`), in milliseconds; 0 where there is none.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// Resolves in a later task (a zero-delay timeout): work after it no longer runs in the
/// current task, so the browser can handle input and paint in between.
pub async fn next_task() {
    after_ms(0).await;
}

/// Resolves after `delay_ms` milliseconds, in a task of its own.
pub async fn after_ms(delay_ms: i32) {
    called_back(|window, resolve| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve, delay_ms)
            .is_ok()
    })
    .await;
}

/// Resolves when the browser is idle (`requestIdleCallback`), with no time limit.
pub async fn idle() {
    called_back(|window, resolve| window.request_idle_callback(resolve).is_ok()).await;
}

/// Resolves when the browser calls back the function `schedule` hands it; at once where
/// there is no window or `schedule` says it could not ask.
async fn called_back(schedule: impl FnOnce(&web_sys::Window, &js_sys::Function) -> bool) {
    let mut schedule = Some(schedule);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = match (web_sys::window(), schedule.take()) {
            (Some(window), Some(schedule)) => schedule(&window, &resolve),
            _ => false,
        };
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
