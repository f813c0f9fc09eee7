// Resolves when every panel in the first viewport has its data drawn (or failed), with the
// time since navigation started and how many panels that was. Uses a page file and common.js.
const done = arguments[arguments.length - 1];
const started = performance.now();
const tasks = recordLongTasks(true);
const frames = recordLongFrames(true);
function panelsInView() {
  return allPanels().filter(panel => {
    const rect = panel.getBoundingClientRect();
    return rect.top < window.innerHeight && rect.bottom > 0;
  });
}
function check() {
  const panels = panelsInView();
  if (panels.length > 0 && panels.every(drawn)) {
    requestAnimationFrame(() => done({ ms: performance.now(), panels: panels.length,
                                       longestTaskMs: Math.max(0, ...tasks),
                                       blockingMs: blockingMs(tasks),
                                       longFrames: longestFrames(frames) }));
  } else if (performance.now() - started > 180000) {
    const pending = panels.filter(p => !drawn(p)).map(describe);
    done({ ms: null, panels: panels.length, longestTaskMs: Math.max(0, ...tasks),
           blockingMs: blockingMs(tasks),
           error: `above the fold not drawn within 3 minutes: ${pending.join('; ')}` });
  } else {
    requestAnimationFrame(check);
  }
}
check();
