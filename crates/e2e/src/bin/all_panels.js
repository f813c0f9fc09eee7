// Opens every collapsed row, then scrolls down one viewport at a time until the bottom, and
// resolves when every panel has its data drawn: the time from opening the rows, the longest
// main-thread task seen since the page started, and the JS heap.
const done = arguments[arguments.length - 1];
const tasks = [];
try {
  new PerformanceObserver(list => tasks.push(...list.getEntries().map(e => e.duration)))
    .observe({ type: 'longtask', buffered: true });
} catch (error) { /* No long task timing: reported as 0. */ }
const started = performance.now();
for (const header of document.querySelectorAll('button.obs-row-header[aria-expanded="false"]')) {
  header.click();
}
function drawn(panel) {
  const state = panel.dataset.state;
  if (state === undefined) return true;
  if (state !== 'ready' && state !== 'error') return false;
  const canvas = panel.querySelector('canvas');
  return !canvas || canvas.width > 300 || Number(panel.dataset.series) === 0;
}
let lastScroll = 0;
function check() {
  const panels = [...document.querySelectorAll('section.obs-panel')];
  const now = performance.now();
  if (now - lastScroll > 50) {
    lastScroll = now;
    window.scrollBy(0, window.innerHeight);
  }
  const atBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 2;
  if (atBottom && panels.length > 0 && panels.every(drawn)) {
    requestAnimationFrame(() => done({
      ms: performance.now() - started,
      panels: panels.length,
      longestTaskMs: Math.max(0, ...tasks),
      heapMb: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null,
    }));
  } else if (now - started > 180000) {
    done({ ms: null, panels: panels.length, longestTaskMs: Math.max(0, ...tasks),
           error: `not all drawn within 3 minutes: ${panels.filter(p => !drawn(p)).length} of ${panels.length} pending` });
  } else {
    requestAnimationFrame(check);
  }
}
check();
