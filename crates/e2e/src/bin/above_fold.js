// Resolves when every panel in the first viewport has its data drawn (or failed), with the
// time since navigation started and how many panels that was.
const done = arguments[arguments.length - 1];
const started = performance.now();
function panelsInView() {
  return [...document.querySelectorAll('section.obs-panel')].filter(panel => {
    const rect = panel.getBoundingClientRect();
    return rect.top < window.innerHeight && rect.bottom > 0;
  });
}
function drawn(panel) {
  const state = panel.dataset.state;
  if (state === undefined) return true; // Text panels have no queries.
  if (state !== 'ready' && state !== 'error') return false;
  const canvas = panel.querySelector('canvas');
  return !canvas || canvas.width > 300 || Number(panel.dataset.series) === 0;
}
function check() {
  const panels = panelsInView();
  if (panels.length > 0 && panels.every(drawn)) {
    requestAnimationFrame(() => done({ ms: performance.now(), panels: panels.length }));
  } else if (performance.now() - started > 120000) {
    done({ ms: null, panels: panels.length, error: 'above the fold not drawn within 2 minutes' });
  } else {
    requestAnimationFrame(check);
  }
}
check();
