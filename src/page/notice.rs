//! Empty, loading and error states of the page: what happened and what to do.

use leptos::prelude::*;

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Neutral,
    Warning,
    Danger,
}

/// A PatternFly-style empty state: a title and an explanation.
#[component]
pub fn Notice(
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    #[prop(optional)] tone: Option<Tone>,
    /// Busy states are announced politely and marked busy.
    #[prop(optional)]
    busy: bool,
) -> impl IntoView {
    let tone = tone.unwrap_or(Tone::Neutral);
    let class = match tone {
        Tone::Neutral => "obs-notice",
        Tone::Warning => "obs-notice obs-notice--warning",
        Tone::Danger => "obs-notice obs-notice--danger",
    };
    let role = if tone == Tone::Danger {
        "alert"
    } else {
        "status"
    };
    view! {
        <div class=class role=role aria-busy=busy.to_string()>
            {busy.then(|| view! { <span class="obs-spinner" aria-hidden="true"></span> })}
            <h2 class="obs-notice__title">{title}</h2>
            <p class="obs-notice__body">{body}</p>
        </div>
    }
}
