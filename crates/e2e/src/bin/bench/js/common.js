// Shared by the dashboard scripts of the benchmark, after the page file (plugin_panels.js or
// perses_panels.js): the long-task recorder and the figures made from it.

// The durations of long main-thread tasks, from now (or, buffered, since the page started).
function recordLongTasks(buffered) {
  const tasks = [];
  try {
    new PerformanceObserver(list => tasks.push(...list.getEntries().map(e => e.duration)))
      .observe({ type: 'longtask', buffered });
  } catch (error) { /* No long task timing: reported as 0. */ }
  return tasks;
}
// The longest animation frames (Chromium's Long Animation Frames API), from now or buffered,
// with what ran in them: which callback (its invoker, such as a timer, a promise or an
// observer), for how long, and how much style and layout the frame and its scripts forced.
// Only in the raw figures: it says what a long task was, which the long-task entries do not.
function recordLongFrames(buffered) {
  const frames = [];
  try {
    new PerformanceObserver(list => frames.push(...list.getEntries()))
      .observe({ type: 'long-animation-frame', buffered });
  } catch (error) { /* No long animation frame timing: none reported. */ }
  return frames;
}
function longestFrames(frames) {
  // The frames that blocked longest first (the longest task is in the first), then the longest.
  return [...frames]
    .sort((a, b) => b.blockingDuration - a.blockingDuration || b.duration - a.duration)
    .slice(0, 3).map(frame => ({
    atMs: Math.round(frame.startTime),
    ms: Math.round(frame.duration),
    blockingMs: Math.round(frame.blockingDuration),
    styleAndLayoutMs: Math.round(frame.startTime + frame.duration - frame.styleAndLayoutStart),
    renderMs: Math.round(frame.startTime + frame.duration - frame.renderStart),
    scripts: frame.scripts.slice(0, 6).map(script => ({
      invoker: script.invoker,
      atMs: Math.round(script.startTime - frame.startTime),
      ms: Math.round(script.duration),
      forcedStyleAndLayoutMs: Math.round(script.forcedStyleAndLayoutDuration),
    })),
  }));
}
// Total blocking time: what each long task spent past 50 ms, summed.
function blockingMs(tasks) {
  return tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0);
}
function scrollPosition(element) {
  return element
    ? { top: element.scrollTop, height: element.clientHeight, total: element.scrollHeight }
    : { top: window.scrollY, height: window.innerHeight, total: document.body.scrollHeight };
}
