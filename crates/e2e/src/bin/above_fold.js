// Resolves when every panel in the first viewport has its data drawn (or failed), with the
// time since navigation started and how many panels that was.
const done = arguments[arguments.length - 1];
const started = performance.now();
const tasks = [];
try {
  new PerformanceObserver(list => tasks.push(...list.getEntries().map(e => e.duration)))
    .observe({ type: 'longtask', buffered: true });
} catch (error) { /* No long task timing: reported as 0. */ }
// Cells whose panel has not mounted yet count as panels not drawn.
function panelsInView() {
  return [...document.querySelectorAll('section.obs-panel, .obs-grid__cell--pending')].filter(panel => {
    const rect = panel.getBoundingClientRect();
    return rect.top < window.innerHeight && rect.bottom > 0;
  });
}
function drawn(panel) {
  if (panel.classList.contains('obs-grid__cell--pending')) return false;
  const state = panel.dataset.state;
  if (state === undefined) return true; // Text panels have no queries.
  if (state !== 'ready' && state !== 'error') return false;
  // Every chart canvas says when its picture is complete; overlays are not charts.
  return [...panel.querySelectorAll('canvas[data-painted], canvas:not([class*="overlay"])')]
    .every(canvas => canvas.dataset.painted === 'complete' || Number(panel.dataset.series) === 0);
}
function describe(panel) {
  const canvas = panel.querySelector('canvas');
  const title = panel.querySelector('h3, h2, [class*="title"]');
  return `${title ? title.textContent.trim() : '?'} (top ${Math.round(panel.getBoundingClientRect().top + window.scrollY)}, state ${panel.dataset.state}, series ${panel.dataset.series}, canvas ${canvas ? canvas.dataset.painted : 'none'})`;
}
function check() {
  const panels = panelsInView();
  if (panels.length > 0 && panels.every(drawn)) {
    requestAnimationFrame(() => done({ ms: performance.now(), panels: panels.length,
                                       longestTaskMs: Math.max(0, ...tasks) }));
  } else if (performance.now() - started > 120000) {
    const pending = panels.filter(p => !drawn(p)).map(describe);
    done({ ms: null, panels: panels.length,
           error: `above the fold not drawn within 2 minutes: ${pending.join('; ')}` });
  } else {
    requestAnimationFrame(check);
  }
}
check();
