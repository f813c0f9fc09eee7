//! The page header of ODH's page pattern: the title, the description and actions on the right.

use leptos::prelude::*;

/// "Observability", what it is for, and `children` as the header's actions.
#[component]
pub fn PageHeader(#[prop(optional)] children: Option<Children>) -> impl IntoView {
    view! {
        <header class="obs-page-header">
            <div class="obs-page-header__text">
                <h1 class="obs-page-title">"Observability"</h1>
                <p class="obs-page-description">
                    "Monitor the health, performance and resource use of your AI workloads."
                </p>
            </div>
            {children.map(|actions| view! { <div class="obs-page-header__actions">{actions()}</div> })}
        </header>
    }
}
