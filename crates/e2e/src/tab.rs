//! One browser session (a Chromium page driven through chromedriver) and the helpers tests
//! use in it: opening pages, running scripts, waiting on what the page shows, acting as a
//! user does, and Chrome DevTools Protocol commands for what a script cannot see.

use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::{Value, json};

/// How long a condition may take to become true: the machine may be busy building.
pub const WAIT: Duration = Duration::from_secs(60);

/// A browser session on the backend at `base_url`.
pub struct Tab {
    pub browser: Client,
    base_url: String,
}

impl Tab {
    pub(crate) fn new(browser: Client, base_url: String) -> Self {
        Self { browser, base_url }
    }

    /// The page's address for `path_and_query` (starting with `/`).
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.base_url)
    }

    /// Opens a page and waits until the application has mounted.
    pub async fn open(&self, path_and_query: &str) -> Result<(), String> {
        self.goto(path_and_query).await?;
        self.wait_until("the page mounts", || async {
            self.eval_bool("return !!document.querySelector('.obs-toolbar')")
                .await
        })
        .await
    }

    /// Opens a page, without waiting for anything in it.
    pub async fn goto(&self, path_and_query: &str) -> Result<(), String> {
        self.browser
            .goto(&self.url(path_and_query))
            .await
            .map_err(|error| format!("cannot open {path_and_query}: {error}"))
    }

    /// Runs asynchronous JavaScript (with the helpers of `page.js`): it calls its last
    /// argument with the result.
    pub async fn eval_async(&self, body: &str) -> Result<Value, String> {
        let script = format!("{}\n{body}", include_str!("page.js"));
        self.browser
            .execute_async(&script, Vec::new())
            .await
            .map_err(|error| format!("script failed: {error}\n{body}"))
    }

    /// Runs JavaScript in the page (with the helpers of `page.js` defined) and returns its
    /// value. `arguments[0..]` are `args`.
    pub async fn eval(&self, body: &str, args: Vec<Value>) -> Result<Value, String> {
        let script = format!("{}\n{body}", include_str!("page.js"));
        self.browser
            .execute(&script, args)
            .await
            .map_err(|error| format!("script failed: {error}\n{body}"))
    }

    /// Makes the page itself throw `new kind(message)` from a timer, as the page's own code
    /// would. Chromium mutes an error thrown by a WebDriver script (the window's `error` event
    /// carries no error, as for a script of another origin), so the throw goes through an
    /// inline script element of the page.
    pub async fn throw_later(&self, kind: &str, message: &str) -> Result<(), String> {
        let code = format!(
            "setTimeout(() => {{ throw new {kind}({}); }});",
            json!(message)
        );
        self.eval(
            "const script = document.createElement('script'); script.textContent = arguments[0];\
             document.body.append(script); script.remove();",
            vec![json!(code)],
        )
        .await
        .map(drop)
    }

    pub async fn eval_bool(&self, body: &str) -> Result<bool, String> {
        Ok(self
            .eval(body, Vec::new())
            .await?
            .as_bool()
            .unwrap_or(false))
    }

    /// Waits until `check` says yes, polling; fails with `what` after [`WAIT`].
    pub async fn wait_until<F, Fut>(&self, what: &str, mut check: F) -> Result<(), String>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<bool, String>>,
    {
        let deadline = Instant::now() + WAIT;
        let mut last_error = String::new();
        while Instant::now() < deadline {
            match check().await {
                Ok(true) => return Ok(()),
                Ok(false) => {}
                Err(error) => last_error = error,
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        let text = self
            .eval("return document.body.innerText.slice(0, 2000)", Vec::new())
            .await
            .unwrap_or_default();
        Err(format!(
            "timed out waiting until {what} {last_error}\npage text:\n{}",
            text.as_str().unwrap_or_default()
        ))
    }

    /// Opens the select labelled `label` and picks the option whose text starts with `option`.
    pub async fn choose(&self, label: &str, option: &str) -> Result<(), String> {
        let toggle = format!("obsSelectToggle({})", json!(label));
        self.click_js(&toggle).await?;
        let wanted = json!(option);
        self.wait_until(&format!("{label} lists {option:?}"), || async {
            self.eval_bool(&format!("return !!obsOption({}, {wanted})", json!(label)))
                .await
        })
        .await?;
        self.click_js(&format!("obsOption({}, {wanted})", json!(label)))
            .await
    }

    /// Clicks, as a user does, the element a JavaScript expression finds. The script marks
    /// the element so WebDriver can find it, then the browser clicks it for real.
    pub async fn click_js(&self, expression: &str) -> Result<(), String> {
        let marked = self
            .eval(
                &format!(
                    "document.querySelectorAll('[data-e2e-target]')\
                       .forEach(e => e.removeAttribute('data-e2e-target'));\n\
                     const element = {expression};\n\
                     if (!element) return false;\n\
                     element.setAttribute('data-e2e-target', '');\n\
                     return true;"
                ),
                Vec::new(),
            )
            .await?;
        if marked != Value::Bool(true) {
            return Err(format!("{expression} found no element"));
        }
        let element = self
            .browser
            .find(fantoccini::Locator::Css("[data-e2e-target]"))
            .await
            .map_err(|error| format!("{expression}: {error}"))?;
        element
            .click()
            .await
            .map_err(|error| format!("cannot click {expression}: {error}"))
    }

    /// Saves a screenshot of the page to `path` (for a failure's report).
    pub async fn screenshot(&self, path: &std::path::Path) {
        match self.browser.screenshot().await {
            Ok(png) => {
                if std::fs::write(path, png).is_ok() {
                    eprintln!("screenshot: {}", path.display());
                }
            }
            Err(error) => eprintln!("no screenshot: {error}"),
        }
    }

    /// Waits until the select labelled `label` shows `value`.
    pub async fn wait_for_selected(&self, label: &str, value: &str) -> Result<(), String> {
        let script = format!(
            "return obsSelectValue({}) === {}",
            json!(label),
            json!(value)
        );
        self.wait_until(&format!("{label} shows {value:?}"), || async {
            self.eval_bool(&script).await
        })
        .await
    }

    /// Waits until the panel titled `title` shows data.
    pub async fn wait_for_panel_data(&self, title: &str) -> Result<(), String> {
        let script = format!(
            "const p = obsPanel({}); return !!p && p.dataset.state === 'ready' && Number(p.dataset.series) > 0",
            json!(title)
        );
        self.wait_until(&format!("the panel {title:?} shows data"), || async {
            self.eval_bool(&script).await
        })
        .await
    }

    /// Chooses "View as table" in the menu of the panel titled `title` (scrolled into view).
    /// The table's code is a panel chunk of the release page, downloaded on first use.
    pub async fn open_table_view(&self, title: &str) -> Result<(), String> {
        self.choose_panel_action(title, "View as table").await
    }

    /// Chooses the action named `action` in the menu of the panel titled `title`, scrolled
    /// into view, once the menu shows it.
    pub async fn choose_panel_action(&self, title: &str, action: &str) -> Result<(), String> {
        self.eval(
            "const panel = obsPanel(arguments[0]); panel.scrollIntoView({block: 'center'}); \
             panel.querySelector('.obs-panel-menu__toggle').click();",
            vec![title.into()],
        )
        .await?;
        let button = format!(
            "[...obsPanel({}).querySelectorAll('.obs-panel-menu__action')].find(b => b.textContent === {})",
            json!(title),
            json!(action)
        );
        // The menu's actions are a chunk of the release page: the first menu opened waits for
        // it.
        self.wait_until("the panel menu shows its actions", || async {
            self.eval_bool(&format!("return !!({button})")).await
        })
        .await?;
        // A user can click only what shows: the action must be what is drawn at its centre
        // (a panel that clipped its menu hid it, and a script's click would not notice).
        if !self
            .eval_bool(&format!("return obsShows({button})"))
            .await?
        {
            return Err(format!(
                "the panel {title:?} opened its menu, but {action:?} does not show"
            ));
        }
        self.click_js(&button).await
    }

    /// Waits until the panel titled `title` shows its table view with rows.
    pub async fn wait_for_table_rows(&self, title: &str) -> Result<(), String> {
        let script = format!(
            "const p = obsPanel({}); return !!p && !p.querySelector('[data-chunk]') \
               && p.querySelectorAll('.obs-data-table tbody tr').length > 0",
            json!(title)
        );
        self.wait_until(&format!("the panel {title:?} shows a table"), || async {
            self.eval_bool(&script).await
        })
        .await
    }

    /// The address the browser shows: path, query and fragment.
    pub async fn location(&self) -> Result<String, String> {
        let value = self
            .eval(
                "return location.pathname + location.search + location.hash",
                Vec::new(),
            )
            .await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// Runs a Chrome DevTools Protocol command in this page and returns its result.
    pub async fn cdp(&self, command: &str, params: Value) -> Result<Value, String> {
        self.browser
            .issue_cmd(crate::cdp::Command::new(command, params))
            .await
            .map_err(|error| format!("{command}: {error}"))
    }

    /// Closes this session's browser.
    pub async fn close(self) -> Result<(), String> {
        self.browser
            .close()
            .await
            .map_err(|error| error.to_string())
    }
}
