//! The standalone page (`trunk serve`): the ODH shell's page header around the Observability
//! page, with the theme toggle the shell would otherwise own.

use leptos::prelude::*;

use crate::page::{ObservabilityPage, PageHeader};
use crate::theme::{self, Theme};

/// The Observability page as it looks inside the ODH shell, standing alone.
#[component]
pub fn App() -> impl IntoView {
    let initial_theme = theme::stored();
    theme::apply(initial_theme);
    let theme = RwSignal::new(initial_theme);
    let toggle_theme = move |_| {
        let next = theme.get_untracked().toggled();
        theme::apply(next);
        theme.set(next);
    };
    view! {
        // Standalone, the page has the landmarks the shell would give it: the header is the
        // banner (a header outside main), the dashboards are the main content.
        <div class="obs-root">
            <PageHeader>
                // A toggle button keeps its name and says its state by being pressed or not
                // (ARIA's toggle button): "Dark theme, pressed" while dark is on.
                <button
                    class="obs-button obs-button--plain"
                    type="button"
                    aria-pressed=move || (theme.get() == Theme::Dark).to_string()
                    on:click=toggle_theme
                >
                    "Dark theme"
                </button>
            </PageHeader>
            <main class="obs-main">
                <ObservabilityPage/>
            </main>
        </div>
    }
}
