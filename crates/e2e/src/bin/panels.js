// Shared by the dashboard scripts of the benchmark (prepended to each): when a panel counts as
// drawn, how to name one that is not, and a long-task recorder.

// Text panels have no queries (no data-state); a cell whose panel has not mounted yet is not
// drawn; every chart canvas says when its picture is complete (overlays are not charts).
function drawn(panel) {
  if (panel.classList.contains('obs-grid__cell--pending')) return false;
  const state = panel.dataset.state;
  if (state === undefined) return true;
  if (state !== 'ready' && state !== 'error') return false;
  return [...panel.querySelectorAll('canvas[data-painted], canvas:not([class*="overlay"])')]
    .every(canvas => canvas.dataset.painted === 'complete' || Number(panel.dataset.series) === 0);
}
function describe(panel) {
  const canvas = panel.querySelector('canvas');
  const title = panel.querySelector('h3, h2, [class*="title"]');
  return `${title ? title.textContent.trim() : '?'} (top ${Math.round(panel.getBoundingClientRect().top + window.scrollY)}, state ${panel.dataset.state}, series ${panel.dataset.series}, canvas ${canvas ? canvas.dataset.painted : 'none'})`;
}
// The durations of long main-thread tasks, from now (or, buffered, since the page started).
function recordLongTasks(buffered) {
  const tasks = [];
  try {
    new PerformanceObserver(list => tasks.push(...list.getEntries().map(e => e.duration)))
      .observe({ type: 'longtask', buffered });
  } catch (error) { /* No long task timing: reported as 0. */ }
  return tasks;
}
