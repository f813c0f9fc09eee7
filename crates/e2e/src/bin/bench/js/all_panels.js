// Opens every collapsed row, then scrolls down one viewport at a time until the bottom, and
// resolves when every panel has its data drawn: the time from opening the rows, and the long
// tasks since then. Uses a page file and common.js. arguments[0]: how many panels the
// dashboard has with every row open (the rows' panels mount after the click).
const done = arguments[arguments.length - 1];
const expected = typeof arguments[0] === 'number' ? arguments[0] : 1;
const tasks = recordLongTasks(false);
const frames = recordLongFrames(false);
const started = performance.now();
openRows();
// A scroll position counts as seen once a frame has rendered it (intersection observers run
// in the rendering step, after animation frame callbacks): scroll again only after that.
let lastScroll = 0;
let framesSinceScroll = 0;
function check() {
  const panels = allPanels();
  const now = performance.now();
  const target = scroller();
  framesSinceScroll += 1;
  if (now - lastScroll > 50 && framesSinceScroll >= 2) {
    lastScroll = now;
    framesSinceScroll = 0;
    (target ?? window).scrollBy(0, window.innerHeight);
  }
  const position = scrollPosition(target);
  const atBottom = position.top + position.height >= position.total - 2;
  if (atBottom && panels.length >= expected && panels.every(drawn)) {
    requestAnimationFrame(() => done({
      ms: performance.now() - started,
      panels: panels.length,
      longestTaskMs: Math.max(0, ...tasks),
      blockingMs: blockingMs(tasks),
      longFrames: longestFrames(frames),
    }));
  } else if (now - started > 240000) {
    const pending = panels.filter(p => !drawn(p));
    done({ ms: null, panels: panels.length, longestTaskMs: Math.max(0, ...tasks),
           blockingMs: blockingMs(tasks),
           error: `not all drawn within 4 minutes: ${pending.length} of ${panels.length} pending: ${pending.slice(0, 8).map(describe).join('; ')}` });
  } else {
    requestAnimationFrame(check);
  }
}
check();
