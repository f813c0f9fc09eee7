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
// Total blocking time: what each long task spent past 50 ms, summed.
function blockingMs(tasks) {
  return tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0);
}
function scrollPosition(element) {
  return element
    ? { top: element.scrollTop, height: element.clientHeight, total: element.scrollHeight }
    : { top: window.scrollY, height: window.innerHeight, total: document.body.scrollHeight };
}
