//! Small inline SVG icons in the PatternFly style. Inline, so they need no font and no request,
//! and `currentColor`, so they follow the text colour of either theme.

use leptos::prelude::*;

/// An "i" in a circle: more information.
#[component]
pub fn InfoIcon() -> impl IntoView {
    view! {
        <svg class="obs-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="6.75" fill="none" stroke="currentColor" stroke-width="1.5"/>
            <rect x="7.25" y="7" width="1.5" height="4.5" rx="0.75" fill="currentColor"/>
            <circle cx="8" cy="4.9" r="0.95" fill="currentColor"/>
        </svg>
    }
}

/// A chevron pointing right; rotated by CSS when its row is open.
#[component]
pub fn ChevronIcon() -> impl IntoView {
    view! {
        <svg class="obs-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M5.5 2.5 11 8l-5.5 5.5" fill="none" stroke="currentColor" stroke-width="2"
                stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}
