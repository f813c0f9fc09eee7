//! A panel: its frame (title, description, status, menu) and its body, chosen by kind.

mod body;
pub mod chunks;
pub mod data;
mod data_table;
mod kinds;
mod markdown;
mod menu;
mod menu_actions;
mod status;
mod summary;

use std::collections::BTreeSet;

use leptos::context::Provider;
use leptos::html::{Div, Section};
use leptos::prelude::*;
use obs_core::dashboard::{Panel, PanelKind};
use obs_core::plan::interpolate_text;

use crate::dom::focusable_when_scrolling;
use crate::dom::{use_seen, use_width};
use crate::focus::{focus, focusable_within, trap_tab};
use crate::icons::InfoIcon;
use crate::ids::unique_id;
use body::PanelBody;
use data::{PanelContext, QueryView, use_panel_queries};
use menu::{PanelMenu, PanelSettings};
use status::StatusIndicator;
use summary::summarize;

/// How many series a panel draws unless its settings say otherwise.
pub const DEFAULT_SERIES_LIMIT: usize = 1_000;

/// The heading level of the panel titles in a grid group (given by the group).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelHeadingLevel(pub u8);

/// A panel card: the title with its description as a tooltip, its status, a menu, and the body
/// for its kind. An unsupported, invalid or failing panel says so in its own card; the rest of
/// the page is unaffected.
#[component]
pub fn PanelFrame(
    /// The panel to draw.
    panel: Panel,
) -> impl IntoView {
    // A panel whose options its chunk is still decoding (`chunks::Resolving`) runs its queries
    // already, of the kind its options say (`DeferredOptions::query_kind`), and its body is
    // drawn again as the decoded panel once they are in; the dashboard's other panels do not
    // wait for it.
    let resolved: Option<Signal<Option<Panel>>> =
        match (&panel.kind, use_context::<chunks::Resolving>()) {
            (PanelKind::Deferred(_), Some(resolving)) => {
                let key = panel.key.clone();
                Some(Signal::derive(move || {
                    resolving.0.with(|done| {
                        done.as_ref()
                            .and_then(|done| done.dashboard.panel(&key).cloned())
                    })
                }))
            }
            _ => None,
        };
    let context = use_context::<PanelContext>();
    let body_ref = NodeRef::<Div>::new();
    let section_ref = NodeRef::<Section>::new();
    let queries: Option<Signal<Vec<QueryView>>> = context.as_ref().map(|context| {
        let seen = use_seen(body_ref);
        let width = use_width(body_ref);
        use_panel_queries(&panel, context, seen, width)
    });
    // One typed summary of the queries, written into the data attributes tests and the
    // benchmark watch by one effect (`show_summary`) rather than a binding per attribute:
    // every binding is a reactive node with its own task, and a dashboard has many panels.
    if let Some(queries) = queries {
        Effect::new(move |_| {
            let summary = summarize(&queries.get());
            if let Some(section) = section_ref.get_untracked() {
                show_summary(&section, summary);
            }
        });
    }
    let settings = PanelSettings::new(DEFAULT_SERIES_LIMIT);
    let key = panel.key.clone();
    let kind_name = panel.kind.name().to_owned();
    let modifier = match &panel.kind {
        PanelKind::Unsupported { .. } => " obs-panel--unsupported",
        PanelKind::Invalid { .. } => " obs-panel--invalid",
        _ => "",
    };
    let class = format!("obs-panel{modifier}");
    let title = interpolated(panel.title().to_owned(), context.clone());
    let description = panel
        .description
        .clone()
        .map(|text| interpolated(text, context.clone()));
    let region_name = crate::region_names::RegionNames::name_of(title);
    // An h4, announced as an h3 where the group around has no heading of its own.
    let level = use_context::<PanelHeadingLevel>().map_or(4, |level| level.0);
    let heading_level = (level != 4).then(|| level.to_string());
    // No title: headings in the panel's text start where the title would have been.
    let body_level = PanelHeadingLevel(if panel.hide_header {
        level.saturating_sub(1)
    } else {
        level
    });
    let header = (!panel.hide_header).then(|| {
        view! {
            <header class="obs-panel__header">
                {view! { <h4 class="obs-panel__title" title=move || title.get()>{move || title.get()}</h4> }
                    // tachys has no typed aria-level: a custom attribute.
                    .attr("aria-level", heading_level)}
                {queries.map(|queries| view! { <StatusIndicator queries=queries/> })}
                // As in Perses, the description and the menu show on hover and focus, so a
                // narrow panel keeps its whole title until then.
                <div class="obs-panel__actions">
                    {description.map(|text| view! { <DescriptionTooltip panel_title=title text=text/> })}
                    <PanelMenu panel_title=title queries=queries settings=settings/>
                </div>
            </header>
        }
    });
    // The full-size view is a modal dialog: focus moves into it and stays there (Tab wraps),
    // and when it closes focus goes back to the panel's menu button, where it was opened. Its
    // class and dialog attributes are set here too, where it opens and closes, instead of by
    // four bindings per panel.
    let full_class = format!("{class} obs-panel--full-size");
    let base_class = class.clone();
    Effect::new(move |was_full: Option<bool>| {
        let full = settings.full_size.get();
        if let Some(section) = section_ref.get_untracked() {
            if full || was_full.is_some() {
                show_full_size(&section, if full { &full_class } else { &base_class }, full);
            }
            if full {
                match focusable_within(&section).first() {
                    Some(first) => {
                        let _ = first.focus();
                    }
                    None => focus(&section),
                }
            } else if was_full == Some(true)
                && let Ok(Some(toggle)) = section.query_selector(".obs-panel-menu__toggle")
            {
                focus(&toggle);
            }
        }
        full
    });
    view! {
        <section
            node_ref=section_ref
            class=class
            aria-label=move || region_name.get()
            data-panel-key=key
            data-kind=kind_name
            on:keydown=move |event: leptos::ev::KeyboardEvent| {
                if !settings.full_size.get_untracked() {
                    return;
                }
                if event.key() == "Escape" {
                    settings.full_size.set(false);
                } else if let Some(section) = section_ref.get_untracked() {
                    trap_tab(&section, &event);
                }
            }
        >
            {header}
            <div
                class="obs-panel__body"
                node_ref=body_ref
                data-scroll-label=move || format!("{} content", title.get())
                use:focusable_when_scrolling
            >
                <Provider value=body_level>
                {move || {
                    let current = resolved
                        .and_then(|resolved| resolved.get())
                        .unwrap_or_else(|| panel.clone());
                    match (settings.as_table.get(), queries) {
                        (true, Some(queries)) => {
                            let format = current.kind.value_format().cloned();
                            let series_limit = settings.series_limit;
                            chunks::chunk_view(move || chunks::data_table(queries, series_limit, title, format.clone()))
                        }
                        _ => view! {
                            <PanelBody
                                panel=current
                                queries=queries
                                series_limit=settings.series_limit
                                label=title
                                threshold_style=settings.threshold_style
                            />
                        }
                        .into_any(),
                    }
                }}
                </Provider>
            </div>
        </section>
        {move || settings.full_size.get().then(|| view! {
            <div class="obs-backdrop" on:click=move |_| settings.full_size.set(false)></div>
        })}
    }
}

/// The panel's data attributes, from its queries' summary: `data-state`, `data-series` and,
/// once a sample came back, `data-latest-ms`.
fn show_summary(section: &web_sys::HtmlElement, summary: summary::QueriesSummary) {
    let _ = section.set_attribute("data-state", summary.state.as_str());
    let _ = section.set_attribute("data-series", &summary.series.to_string());
    let _ = match summary.latest_ms {
        Some(ms) => section.set_attribute("data-latest-ms", &ms.to_string()),
        None => section.remove_attribute("data-latest-ms"),
    };
}

/// The panel shown full size as a modal dialog, or back in its place.
fn show_full_size(section: &web_sys::HtmlElement, class: &str, full: bool) {
    section.set_class_name(class);
    for (name, value) in [
        ("role", "dialog"),
        ("aria-modal", "true"),
        ("tabindex", "-1"),
    ] {
        let _ = if full {
            section.set_attribute(name, value)
        } else {
            section.remove_attribute(name)
        };
    }
}

/// A text of the dashboard with its variables filled in, as Perses does for titles.
pub(crate) fn interpolated(text: String, context: Option<PanelContext>) -> Signal<String> {
    let Some(context) = context else {
        return Signal::stored(text);
    };
    Signal::derive(move || with_variables(&context, |fill| fill(&text)))
}

/// Runs `use_filler` with a function that fills the dashboard's variables into a text; reads
/// (and so tracks) the variables, the project and the range.
pub(crate) fn with_variables<T>(
    context: &PanelContext,
    use_filler: impl FnOnce(&dyn Fn(&str) -> String) -> T,
) -> T {
    context.with_plan_context(&BTreeSet::new(), |plan_context| {
        use_filler(&|text: &str| interpolate_text(text, plan_context))
    })
}

/// A grid item whose reference resolves to no panel.
#[component]
pub fn MissingPanel(
    /// The reference as written in the dashboard.
    reference: String,
) -> impl IntoView {
    view! {
        <section class="obs-panel obs-panel--invalid" aria-label="Missing panel">
            <div class="obs-panel__body">
                <p class="obs-panel__notice-title">"Panel not found"</p>
                <p class="obs-panel__notice-text">
                    {format!("This place refers to {reference:?}, which is not a panel of this dashboard.")}
                </p>
            </div>
        </section>
    }
}

/// An info button whose tooltip shows the panel's description on hover and keyboard focus;
/// Escape hides it until the pointer or the focus leaves (WCAG 1.4.13: dismissable without
/// moving either).
#[component]
fn DescriptionTooltip(panel_title: Signal<String>, text: Signal<String>) -> impl IntoView {
    let tooltip_id = unique_id("tooltip");
    let dismissed = RwSignal::new(false);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && !dismissed.get_untracked() {
            dismissed.set(true);
            // Escape is spent here: a dialog or menu around must not close as well.
            event.stop_propagation();
        }
    };
    view! {
        <span
            class="obs-tooltip-anchor"
            class:obs-tooltip-anchor--dismissed=move || dismissed.get()
            on:keydown=on_keydown
            on:pointerleave=move |_| dismissed.set(false)
            on:focusout=move |_| dismissed.set(false)
        >
            <button
                class="obs-button obs-button--plain obs-panel__info"
                type="button"
                aria-label=move || format!("About {}", panel_title.get())
                aria-describedby=tooltip_id.clone()
            >
                <InfoIcon/>
            </button>
            <span class="obs-tooltip" role="tooltip" id=tooltip_id>{move || text.get()}</span>
        </span>
    }
}
