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
    let theme_label = move || match theme.get() {
        Theme::Light => "Dark theme",
        Theme::Dark => "Light theme",
    };
    view! {
        <main class="obs-root">
            <PageHeader>
                <button
                    class="obs-button obs-button--plain"
                    aria-pressed=move || (theme.get() == Theme::Dark).to_string()
                    on:click=toggle_theme
                >
                    {theme_label}
                </button>
            </PageHeader>
            <ObservabilityPage/>
        </main>
    }
}
