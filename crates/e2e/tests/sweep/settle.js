// Opens every collapsed row, scrolls through the page so every panel comes into view, then
// waits until every panel has settled (no cell waiting to mount, no panel idle, waiting or
// loading) and reports what each panel shows. The last argument is WebDriver's callback.
const done = arguments[arguments.length - 1];
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const unsettled = new Set(['idle', 'waiting', 'loading']);

function panels() {
  return [...document.querySelectorAll('section.obs-panel')].map((panel) => {
    const notice = panel.querySelector('.obs-panel__body');
    return {
      title: panel.getAttribute('aria-label') || '',
      state: panel.dataset.state || 'none',
      series: Number(panel.dataset.series || 0),
      kind: panel.dataset.kind || '',
      // A view from a panel chunk (src/panel/chunks/mod.rs) that is downloading or failed to.
      chunk: (panel.querySelector('[data-chunk]') || { dataset: {} }).dataset.chunk || '',
      // Cut by code points: half an emoji is text WebDriver cannot send back.
      text: Array.from((notice ? notice.textContent : panel.textContent).trim()).slice(0, 300).join(''),
    };
  });
}

(async () => {
  const deadline = Date.now() + 90000;
  for (let round = 0; round < 5; round++) {
    const closed = [...document.querySelectorAll('button.obs-row-header[aria-expanded="false"]')];
    if (closed.length === 0) break;
    closed.forEach((button) => button.click());
    await frame();
    await frame();
  }
  const scroller = document.scrollingElement;
  for (let y = 0; y <= scroller.scrollHeight; y += Math.max(200, innerHeight / 2)) {
    scroller.scrollTo(0, y);
    await frame();
    await frame();
  }
  let seen = [];
  while (Date.now() < deadline) {
    seen = panels();
    const pending = document.querySelectorAll('.obs-grid__cell--pending').length;
    if (pending === 0 && seen.every((panel) => !unsettled.has(panel.state) && panel.chunk !== 'loading')) {
      done({ settled: true, panels: seen, errors: window.__obsErrors || [] });
      return;
    }
    // Panels mounted by the scroll may still be below the view: scroll through again.
    scroller.scrollTo(0, scroller.scrollHeight);
    await sleep(250);
    scroller.scrollTo(0, 0);
    await sleep(250);
  }
  done({ settled: false, panels: seen, errors: window.__obsErrors || [] });
})().catch((error) => done({ settled: false, panels: [], errors: [String(error)] }));
