//! A panel: its frame (title, description, notices) and its body, chosen by kind.

mod body;

use body::PanelBody;

use leptos::prelude::*;
use obs_core::dashboard::{Panel, PanelKind};

use crate::icons::InfoIcon;
use crate::ids::unique_id;

/// A panel card: the title with its description as a tooltip, and the body for its kind.
/// An unsupported or invalid panel says so in its own card; the rest of the page is unaffected.
#[component]
pub fn PanelFrame(
    /// The panel to draw.
    panel: Panel,
) -> impl IntoView {
    let title = panel.title().to_owned();
    let key = panel.key.clone();
    let modifier = match &panel.kind {
        PanelKind::Unsupported { .. } => " obs-panel--unsupported",
        PanelKind::Invalid { .. } => " obs-panel--invalid",
        _ => "",
    };
    let header = (!panel.hide_header).then(|| {
        let description = panel.description.clone();
        view! {
            <header class="obs-panel__header">
                <h4 class="obs-panel__title" title=title.clone()>{title.clone()}</h4>
                {description.map(|text| view! { <DescriptionTooltip panel_title=title.clone() text=text/> })}
            </header>
        }
    });
    view! {
        <section class=format!("obs-panel{modifier}") aria-label=title.clone() data-panel-key=key>
            {header}
            <div class="obs-panel__body"><PanelBody panel=panel/></div>
        </section>
    }
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

/// An info button whose tooltip shows the panel's description on hover and keyboard focus.
#[component]
fn DescriptionTooltip(panel_title: String, text: String) -> impl IntoView {
    let tooltip_id = unique_id("tooltip");
    view! {
        <span class="obs-tooltip-anchor">
            <button
                class="obs-button obs-button--plain obs-panel__info"
                aria-label=format!("About {panel_title}")
                aria-describedby=tooltip_id.clone()
            >
                <InfoIcon/>
            </button>
            <span class="obs-tooltip" role="tooltip" id=tooltip_id>{text}</span>
        </span>
    }
}
