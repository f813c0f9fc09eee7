// The plugin's page, for the dashboard scripts of the benchmark (one page file is prepended to
// each, with common.js): which elements are panels, when one counts as drawn, how to name one
// that is not, how to open the collapsed rows, and what scrolls.

// Cells whose panel has not mounted yet are panels not drawn.
function allPanels() {
  return [...document.querySelectorAll('section.obs-panel, .obs-grid__cell--pending')];
}
// Text panels have no queries (no data-state); every chart canvas says when its picture is
// complete (overlays are not charts).
function drawn(panel) {
  if (panel.classList.contains('obs-grid__cell--pending')) return false;
  const state = panel.dataset.state;
  if (state === undefined) return true;
  if (state !== 'ready' && state !== 'error') return false;
  return [...panel.querySelectorAll('canvas[data-painted], canvas:not([class*="overlay"])')]
    .every(canvas => canvas.dataset.painted === 'complete' || Number(panel.dataset.series) === 0);
}
function describe(panel) {
  const canvas = panel.querySelector('canvas');
  const title = panel.querySelector('h3, h2, [class*="title"]');
  return `${title ? title.textContent.trim() : '?'} (top ${Math.round(panel.getBoundingClientRect().top + window.scrollY)}, state ${panel.dataset.state}, series ${panel.dataset.series}, canvas ${canvas ? canvas.dataset.painted : 'none'})`;
}
function openRows() {
  for (const header of document.querySelectorAll('button.obs-row-header[aria-expanded="false"]')) {
    header.click();
  }
}
// The page itself scrolls.
function scroller() {
  return null;
}
