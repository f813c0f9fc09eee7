// Opens every collapsed row, then scrolls down one viewport at a time until the bottom, and
// resolves when every panel has its data drawn: the time from opening the rows, the longest
// main-thread task since then, and the JS heap. Uses panels.js.
const done = arguments[arguments.length - 1];
const tasks = recordLongTasks(false);
const started = performance.now();
for (const header of document.querySelectorAll('button.obs-row-header[aria-expanded="false"]')) {
  header.click();
}
// A scroll position counts as seen once a frame has rendered it (intersection observers run
// in the rendering step, after animation frame callbacks): scroll again only after that.
let lastScroll = 0;
let framesSinceScroll = 0;
function check() {
  const panels = [...document.querySelectorAll('section.obs-panel')];
  const now = performance.now();
  framesSinceScroll += 1;
  if (now - lastScroll > 50 && framesSinceScroll >= 2) {
    lastScroll = now;
    framesSinceScroll = 0;
    window.scrollBy(0, window.innerHeight);
  }
  const atBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 2;
  const pendingCells = document.querySelectorAll('.obs-grid__cell--pending').length;
  if (atBottom && pendingCells === 0 && panels.length > 0 && panels.every(drawn)) {
    requestAnimationFrame(() => done({
      ms: performance.now() - started,
      panels: panels.length,
      longestTaskMs: Math.max(0, ...tasks),
      heapMb: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null,
      wasmMb: window.obsWasmMemoryBytes ? window.obsWasmMemoryBytes() / 1048576 : null,
    }));
  } else if (now - started > 180000) {
    done({ ms: null, panels: panels.length, longestTaskMs: Math.max(0, ...tasks),
           error: `not all drawn within 3 minutes: ${panels.filter(p => !drawn(p)).length} of ${panels.length} pending: ${panels.filter(p => !drawn(p)).slice(0, 8).map(describe).join('; ')}` });
  } else {
    requestAnimationFrame(check);
  }
}
check();
