// Perses' own page, for the dashboard scripts of the benchmark (see plugin_panels.js).

function allPanels() {
  return [...document.querySelectorAll('[data-testid="panel"]')];
}
// A panel is drawn when neither its skeleton (queries not sent yet, or the panel not in view)
// nor its header's progress indicator is shown, and its content (the card's body, not the
// header with the title) shows a chart, a table, text or an error. ECharts paints its canvas
// in the frame after it gets its options; the scripts wait one more frame before they stop
// the clock.
function drawn(panel) {
  if (panel.querySelector('[aria-label="Loading..."], [aria-label="loading"], .MuiSkeleton-root')) {
    return false;
  }
  const content = panel.querySelector('.MuiCardContent-root');
  if (!content) return false;
  return content.querySelector('canvas, svg, table, [role="grid"], [role="table"], .MuiAlert-root') !== null
    || content.textContent.trim().length > 0;
}
function describe(panel) {
  const title = panel.querySelector('h2, h6, [class*="title"], header');
  const rect = panel.getBoundingClientRect();
  const loading = panel.querySelector('[aria-label="Loading..."], [aria-label="loading"], .MuiSkeleton-root');
  return `${title ? title.textContent.trim() : '?'} (top ${Math.round(rect.top)}, ${loading ? 'loading' : 'empty'})`;
}
function openRows() {
  for (const button of document.querySelectorAll('[data-testid="panel-group-header"] button[aria-label^="expand group"]')) {
    button.click();
  }
}
// ViewDashboard scrolls inside its own box, not the page.
function scroller() {
  return [...document.querySelectorAll('main, div')].find(element => {
    const style = getComputedStyle(element);
    return (style.overflowY === 'auto' || style.overflowY === 'scroll')
      && element.scrollHeight > element.clientHeight + 2;
  }) ?? null;
}
