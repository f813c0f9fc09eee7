//! How the page looks in the shell: the shell's theme followed live, the two sides' styles
//! kept apart, and the area flag that hides the plugin.

use std::cell::RefCell;

use serde_json::Value;

use super::{BASE, open_shell, wait_for_page};
use obs_e2e::Harness;

pub async fn the_theme_follows_the_host_live(harness: &Harness) -> Result<(), String> {
    let canvas = "obsPanel('End-to-end latency').querySelector('canvas[data-painted]')";
    harness
        .eval(
            "obsPanel('End-to-end latency').scrollIntoView()",
            Vec::new(),
        )
        .await?;
    harness
        .wait_until("a chart is painted", || async {
            harness
                .eval_bool(&format!(
                    "const c = {canvas}; return !!c && c.dataset.painted === 'complete'"
                ))
                .await
        })
        .await?;
    // The grid's colour, counted in the pixels shown (the painting canvas's, or its still
    // picture's once painted): the chart's colours are resolved from the page's tokens, so
    // they must change with the host's theme.
    let colours = format!(
        "const root = document.querySelector('.obs-root');\
         const style = getComputedStyle(root);\
         const grid = style.getPropertyValue('--obs-color-border').trim();\
         const probe = document.createElement('canvas').getContext('2d');\
         probe.fillStyle = grid; probe.fillRect(0, 0, 1, 1);\
         const want = probe.getImageData(0, 0, 1, 1).data;\
         const c = {canvas};\
         const still = c.parentElement.querySelector('.obs-ts__still-overlay');\
         const shown = still && still.style.display !== 'none' ? still : c;\
         const copy = document.createElement('canvas');\
         copy.width = shown.width; copy.height = shown.height;\
         const read = copy.getContext('2d');\
         read.drawImage(shown, 0, 0);\
         const data = read.getImageData(0, 0, copy.width, copy.height).data;\
         let count = 0;\
         for (let i = 0; i < data.length; i += 4) {{\
           if (data[i] === want[0] && data[i + 1] === want[1] && data[i + 2] === want[2] && data[i + 3] === 255) count++;\
         }}\
         return {{ background: style.backgroundColor, grid: Array.from(want.slice(0, 3)), count, painted: c.dataset.painted }};"
    );
    let light = harness.eval(&colours, Vec::new()).await?;
    if light["count"].as_u64().unwrap_or(0) == 0 {
        return Err(format!("no grid pixels in the light chart: {light}"));
    }
    harness.click_js("[...document.querySelectorAll('header button')].find(b => b.textContent === 'Dark theme')").await?;
    let dark = RefCell::new(Value::Null);
    harness
        .wait_until("the page and its charts turn dark", || async {
            let now = harness.eval(&colours, Vec::new()).await?;
            let turned = now["background"] != light["background"]
                && now["grid"] != light["grid"]
                && now["painted"] == "complete"
                && now["count"].as_u64().unwrap_or(0) > 0;
            *dark.borrow_mut() = now;
            Ok(turned)
        })
        .await
        .map_err(|error| format!("{error}\nlight: {light}\ndark: {}", dark.borrow()))?;
    harness.click_js("[...document.querySelectorAll('header button')].find(b => b.textContent === 'Light theme')").await?;
    harness
        .wait_until("the page turns light again", || async {
            let now = harness.eval(&colours, Vec::new()).await?;
            Ok(now["background"] == light["background"] && now["painted"] == "complete")
        })
        .await
}

/// The shell's PatternFly resets (`ul { list-style: none }`, `h1 { font-size: 100% }`, …) must
/// not restyle the page, and the page's style sheets must not restyle the shell: each side's
/// computed styles are compared with the other side's sheets switched off, on a dashboard with
/// every kind of panel, Markdown included.
pub async fn the_styles_of_shell_and_page_stay_apart(harness: &Harness) -> Result<(), String> {
    open_shell(harness, &format!("{BASE}/fraud-detection")).await?;
    wait_for_page(harness).await?;
    harness.wait_for_panel_data("Scoring requests").await?;
    harness
        .wait_until("the Markdown panel is drawn", || async {
            harness
                .eval_bool("return !!document.querySelector('.obs-markdown li')")
                .await
        })
        .await?;
    let differences = harness
        .eval(
            "const properties = ['display', 'box-sizing', 'margin-top', 'margin-right', 'margin-bottom',\
               'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',\
               'font-size', 'font-weight', 'font-style', 'line-height', 'list-style-type',\
               'text-align', 'text-decoration-line', 'vertical-align', 'white-space',\
               'border-top-width', 'border-bottom-width', 'border-collapse', 'cursor'];\
             const describe = (e) => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'\
               ? '.' + e.className.trim().split(/\\s+/).join('.') : '');\
             const snapshot = (elements) => elements.map((e) => {\
               const style = getComputedStyle(e);\
               return properties.map((p) => style.getPropertyValue(p));\
             });\
             const compare = (elements, sheets, side) => {\
               const on = snapshot(elements);\
               sheets.forEach((s) => { s.disabled = true; });\
               const off = snapshot(elements);\
               sheets.forEach((s) => { s.disabled = false; });\
               const found = [];\
               elements.forEach((e, i) => properties.forEach((p, j) => {\
                 if (on[i][j] !== off[i][j] && found.length < 25)\
                   found.push(`${side}: ${describe(e)} ${p}: ${off[i][j]} -> ${on[i][j]}`);\
               }));\
               return found;\
             };\
             const ours = [...document.querySelectorAll('link[data-obs-style]')].map((l) => l.sheet);\
             const shells = [...document.styleSheets].filter((s) => !ours.includes(s));\
             const root = document.querySelector('.obs-root');\
             const page = [root, ...root.querySelectorAll('*')];\
             const shell = [...document.querySelectorAll('body, body *')].filter((e) => !e.closest('.obs-host'));\
             /* The page keeps its width while the shell's layout is switched off: sizes that\
                follow the width (a stat's text) are layout, not style. */\
             root.style.width = root.getBoundingClientRect().width + 'px';\
             const differences = [...compare(page, shells, 'the shell restyles the page'),\
                                  ...compare(shell, ours, 'the page restyles the shell')];\
             root.style.width = '';\
             return { pageElements: page.length, shellElements: shell.length, ourSheets: ours.length, differences };",
            Vec::new(),
        )
        .await?;
    // Headers sit over their cells: every column's header aligns as its cells do.
    let misaligned = harness
        .eval(
            "const found = [];\
             const side = (cell) => ({ start: 'left', end: 'right' })[getComputedStyle(cell).textAlign]\
               || getComputedStyle(cell).textAlign;\
             for (const table of document.querySelectorAll('.obs-root table')) {\
               const head = table.querySelector('thead tr');\
               const row = table.querySelector('tbody tr');\
               if (!head || !row) continue;\
               [...head.children].forEach((th, i) => {\
                 const td = row.children[i];\
                 const a = th && side(th);\
                 const b = td && side(td);\
                 if (td && a !== b) found.push(`${table.className}: column ${i + 1} header ${a}, cells ${b}`);\
               });\
             }\
             return found;",
            Vec::new(),
        )
        .await?;
    if misaligned.as_array().is_some_and(|found| !found.is_empty()) {
        return Err(format!(
            "table headers do not sit over their cells: {misaligned}"
        ));
    }
    panel_titles_keep_the_width(harness).await?;
    let read = |key: &str| differences[key].as_u64().unwrap_or(0);
    if read("pageElements") < 200 || read("shellElements") < 10 || read("ourSheets") != 4 {
        return Err(format!(
            "the style comparison saw too little: {differences}"
        ));
    }
    match differences["differences"].as_array() {
        Some(found) if found.is_empty() => Ok(()),
        _ => Err(format!(
            "styles leak between the shell and the page:\n{}",
            serde_json::to_string_pretty(&differences["differences"]).unwrap_or_default()
        )),
    }
}

pub async fn the_area_flag_hides_the_plugin(harness: &Harness) -> Result<(), String> {
    harness
        .eval(
            "localStorage.setItem('test-host.dashboardConfigSpec', JSON.stringify({ dashboardConfig: { observabilityDashboard: false } }))",
            Vec::new(),
        )
        .await?;
    open_shell(harness, "/").await?;
    if harness
        .eval_bool("return !!obsHostNavLink('Observability')")
        .await?
    {
        return Err("observabilityDashboard: false must hide the nav item".into());
    }
    open_shell(harness, BASE).await?;
    let not_found = harness
        .eval_bool("return document.querySelector('main h1').textContent === 'Page not found' && !document.querySelector('.obs-root')")
        .await?;
    harness
        .eval(
            "localStorage.removeItem('test-host.dashboardConfigSpec')",
            Vec::new(),
        )
        .await?;
    if !not_found {
        return Err("with the flag off the route must not exist".into());
    }
    open_shell(harness, "/").await?;
    if !harness
        .eval_bool("return !!obsHostNavLink('Observability')")
        .await?
    {
        return Err("without the flag the nav item must be back".into());
    }
    Ok(())
}

/// Where a pointer can hover, a panel's description and menu buttons show on hover and focus
/// only, so its title has the header's whole width (a 4-column panel keeps "CPU Busy").
async fn panel_titles_keep_the_width(harness: &Harness) -> Result<(), String> {
    let measure = "const panel = obsPanel('Scoring requests');\
         const header = panel.querySelector('.obs-panel__header');\
         const title = panel.querySelector('.obs-panel__title');\
         const actions = panel.querySelector('.obs-panel__actions');\
         const style = getComputedStyle(header);\
         const inner = header.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);\
         return { hover: matchMedia('(hover: hover)').matches, title: title.getBoundingClientRect().width,\
                  inner, shown: getComputedStyle(actions).opacity };";
    // Away from the panel: the title spans the header, the actions are hidden.
    harness
        .eval(
            "document.activeElement && document.activeElement.blur()",
            Vec::new(),
        )
        .await?;
    let away = harness.eval(measure, Vec::new()).await?;
    // Keyboard focus on the menu shows the actions.
    harness
        .eval(
            "obsPanel('Scoring requests').querySelector('.obs-panel__actions button').focus()",
            Vec::new(),
        )
        .await?;
    let focused = harness.eval(measure, Vec::new()).await?;
    harness
        .eval(
            "document.activeElement && document.activeElement.blur()",
            Vec::new(),
        )
        .await?;
    let number = |value: &serde_json::Value, key: &str| value[key].as_f64().unwrap_or(0.0);
    let whole = number(&away, "inner") - number(&away, "title") < 2.0;
    if away["hover"] != true || !whole || away["shown"] != "0" || focused["shown"] != "1" {
        return Err(format!(
            "a panel's title must keep the header's width until hover or focus: away {away}, focused {focused}"
        ));
    }
    Ok(())
}
