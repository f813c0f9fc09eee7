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
mod texts;
mod writes;

use std::collections::BTreeSet;

use leptos::context::Provider;
use leptos::html::{Div, Section};
use leptos::prelude::*;
use obs_core::dashboard::{Panel, PanelKind};
use obs_core::plan::interpolate_text;

use crate::dom::focusable_when_scrolling;
use crate::dom::{use_seen, use_width};
use crate::focus::{focus, focusable_within, trap_tab};
use body::PanelBody;
use data::{PanelContext, QueryView, use_panel_queries};
use menu::{PanelMenu, PanelSettings};
use status::StatusIndicator;
use summary::summarize;
use texts::{DescriptionTooltip, PanelTexts, scroll_label, show_texts};
use writes::{Backdrop, show_full_size, show_summary};

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
    // The title and description are written into the frame as they are now, and kept up to
    // date by one effect (`show_texts`) rather than a binding per attribute: most titles hold
    // no variable and never change, and a dashboard has many panels.
    let region = crate::region_names::RegionNames::enter();
    let current_texts = move || {
        let title = title.get();
        let name = region.as_ref().map_or_else(
            || title.clone(),
            |region| {
                region.register(&title);
                region.name(&title)
            },
        );
        PanelTexts {
            name,
            description: description.map(|text| text.get()),
            title,
        }
    };
    let texts_now = untrack(current_texts.clone());
    // What the frame is made with, until the effect's first run holds what is shown.
    let mut made = Some(texts_now.clone());
    Effect::new(move |shown: Option<PanelTexts>| {
        let texts = current_texts();
        let shown = shown.or_else(|| made.take());
        if shown.as_ref() == Some(&texts) {
            return texts;
        }
        match section_ref.get_untracked() {
            Some(section) => {
                show_texts(&section, &texts);
                texts
            }
            // Not written: what is shown stays, and the next run writes it.
            None => shown.unwrap_or(texts),
        }
    });
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
                {view! { <h4 class="obs-panel__title" title=texts_now.title.clone()>{texts_now.title.clone()}</h4> }
                    // tachys has no typed aria-level: a custom attribute.
                    .attr("aria-level", heading_level)}
                {queries.map(|queries| view! { <StatusIndicator queries=queries/> })}
                // As in Perses, the description and the menu show on hover and focus, so a
                // narrow panel keeps its whole title until then.
                <div class="obs-panel__actions">
                    {texts_now.description.clone().map(|text| view! { <DescriptionTooltip panel_title=texts_now.title.clone() text=text/> })}
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
    let backdrop = Backdrop::new();
    Effect::new(move |was_full: Option<bool>| {
        let full = settings.full_size.get();
        if let Some(section) = section_ref.get_untracked() {
            if full || was_full.is_some() {
                show_full_size(&section, if full { &full_class } else { &base_class }, full);
                backdrop.show(&section, full, move || {
                    settings.full_size.set(false);
                });
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
            aria-label=texts_now.name.clone()
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
                data-scroll-label=scroll_label(&texts_now.title)
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
    }
}

/// A text of the dashboard with its variables filled in, as Perses does for titles.
pub(crate) fn interpolated(text: String, context: Option<PanelContext>) -> Signal<String> {
    // A text without a `$` names no variable: it never changes, and reads nothing.
    let Some(context) = context.filter(|_| text.contains('$')) else {
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
