//! `Markdown` options.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MarkdownSpec {
    pub text: String,
}
