//! Chromium's own pointer over narrow charts: their tooltips are whole. A panel's
//! body scrolls its content, so a tooltip reaching past the chart would be cut off there (it
//! was, right of the pointer, on charts a third of a narrow window wide; and below a short
//! chart of many series).

use serde_json::json;

use obs_e2e::Tab;

/// The fraud scoring dashboard: its charts a third of the page wide.
const FRAUD_SCORING: &str = "/?project=fraud-detection&dashboard=dashboard-1-fraud-scoring";

/// The window's width for the check, in CSS pixels: the grid keeps its 24 columns at every
/// width, so a third of it is narrower than a tooltip at its widest.
const NARROW_PX: u32 = 1000;

/// Hovers each painted time series chart just short of 60 % of its plot (where the tooltip
/// still sits right of the pointer when it fits) and checks that the tooltip lies inside its
/// panel's body, across and down. (The tooltip lets the pointer through, so hit testing cannot see it.)
pub async fn tooltip_is_whole(tab: &Tab) -> Result<(), String> {
    tab.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": NARROW_PX, "height": 900, "deviceScaleFactor": 1, "mobile": false}),
    )
    .await?;
    let checked = check(tab).await;
    tab.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
        .await?;
    checked
}

async fn check(tab: &Tab) -> Result<(), String> {
    tab.open(FRAUD_SCORING).await?;
    let painted =
        "return document.querySelectorAll('.obs-ts__canvas[data-painted=complete]').length";
    tab.wait_until("a chart is painted", || async {
        Ok(tab.eval(painted, Vec::new()).await?.as_u64().unwrap_or(0) > 0)
    })
    .await?;
    let count = tab.eval(painted, Vec::new()).await?.as_u64().unwrap_or(0);
    let mut narrow = 0;
    for index in 0..count {
        // Scrolled into view, then the point to hover in the viewport's coordinates.
        let point = tab
            .eval(
                "const canvas = document.querySelectorAll('.obs-ts__canvas[data-painted=complete]')[arguments[0]];\
                 const plot = canvas.closest('.obs-ts__plot');\
                 plot.scrollIntoView({block: 'center'});\
                 const box = plot.getBoundingClientRect();\
                 return [box.left + box.width * 0.59, box.top + box.height * 0.5, box.width * 0.41 - 12]",
                vec![json!(index)],
            )
            .await?;
        let (x, y) = (
            point[0].as_f64().unwrap_or(0.0),
            point[1].as_f64().unwrap_or(0.0),
        );
        // Less room right of the pointer than the tooltip's widest (22rem): where it was cut.
        if point[2].as_f64().unwrap_or(f64::MAX) < 352.0 {
            narrow += 1;
        }
        tab.cdp(
            "Input.dispatchMouseEvent",
            json!({"type": "mouseMoved", "x": x, "y": y}),
        )
        .await?;
        let tooltip = format!(
            "const canvas = document.querySelectorAll('.obs-ts__canvas[data-painted=complete]')[{index}];\
             const tip = canvas.closest('.obs-ts__plot').querySelector('.obs-ts__tooltip');"
        );
        tab.wait_until("the tooltip shows", || async {
            tab.eval_bool(&format!(
                "{tooltip} return !!tip && getComputedStyle(tip).display !== 'none' && tip.getBoundingClientRect().width > 0"
            ))
            .await
        })
        .await?;
        let whole = tab
            .eval(
                &format!(
                    "{tooltip} const body = tip.closest('.obs-panel__body').getBoundingClientRect();\
                     const t = tip.getBoundingClientRect();\
                     return {{inside: t.left >= body.left - 1 && t.right <= body.right + 1 && t.bottom <= body.bottom + 1,\
                              title: (tip.closest('.obs-panel').querySelector('.obs-panel__title') || {{}}).textContent || '?',\
                              tooltip: [Math.round(t.left), Math.round(t.right), Math.round(t.bottom)],\
                              body: [Math.round(body.left), Math.round(body.right), Math.round(body.bottom)]}}"
                ),
                Vec::new(),
            )
            .await?;
        if whole["inside"].as_bool() != Some(true) {
            return Err(format!(
                "the tooltip of {} reaches past its panel's body, which cuts it off: {whole}",
                whole["title"]
            ));
        }
    }
    // The pointer leaves, so nothing stays hovered for what runs after.
    tab.cdp(
        "Input.dispatchMouseEvent",
        json!({"type": "mouseMoved", "x": 1, "y": 1}),
    )
    .await?;
    if narrow == 0 {
        return Err(format!(
            "no chart of the fraud scoring dashboard left less room than a tooltip's widest right of the pointer in a window {NARROW_PX} px wide, so no tooltip was tested where it could be cut off"
        ));
    }
    Ok(())
}
