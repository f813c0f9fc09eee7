//! Chrome DevTools Protocol commands through chromedriver's `goog/cdp/execute` endpoint:
//! what the end-to-end tests need beyond WebDriver (garbage collection, the page's live event
//! listeners and heap, scripts that run before the page's own).

use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{Value, json};

/// One CDP command with its parameters.
#[derive(Debug)]
pub struct Command {
    name: String,
    params: Value,
}

impl Command {
    pub fn new(name: &str, params: Value) -> Self {
        Self {
            name: name.to_owned(),
            params,
        }
    }
}

impl WebDriverCompatibleCommand for Command {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.name, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
