// The same chart case drawn by uPlot in the same browser, measured the same way as the
// plugin's (src/bench/mod.rs): from construction to the frame after the chart is painted, the
// median of 21 hovers across the plot (`hoverLoop`, the same code for both), and the longest
// main-thread task. uPlot draws while it is constructed, so its picture is complete at the
// first frame after.
// Arguments: uPlot's script and style sheet, series, points, width, height, whether uPlot
// shows its legend, then `done`.
const [source, css, seriesCount, points, width, height, legend] = arguments;
const done = arguments[arguments.length - 1];
const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
(async () => {
  if (typeof window.uPlot !== 'function') {
    (0, eval)(source);
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
  }
  // Data like the plugin's: one point a second, a random walk on a slow wave per series.
  const start = 1700000000;
  const xs = new Float64Array(points);
  for (let i = 0; i < points; i++) xs[i] = start + i;
  const data = [xs];
  for (let s = 0; s < seriesCount; s++) {
    const ys = new Float64Array(points);
    let state = (s * 2654435761 + 1) >>> 0;
    let walk = 0;
    for (let i = 0; i < points; i++) {
      state ^= state << 13; state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5; state >>>= 0;
      walk = Math.max(-20, Math.min(20, walk + ((state % 1000) / 1000 - 0.5) * 3));
      ys[i] = 60 + Math.sin(i / 2000 + s) * 30 + walk;
    }
    data.push(ys);
  }
  const palette = ['#0b6ff2', '#ec7a08', '#3e8635', '#a30000', '#5752d1', '#009596'];
  const series = [{}];
  for (let s = 0; s < seriesCount; s++) {
    series.push({ label: `s${s}`, stroke: palette[s % palette.length], width: 1.5, points: { show: false } });
  }
  const host = document.createElement('div');
  host.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;background:#fff`;
  document.body.appendChild(host);
  await frame();

  const tasks = [];
  const observer = new PerformanceObserver(list => tasks.push(...list.getEntries().map(e => e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const started = performance.now();
  // Without its legend, uPlot moves its cursor and shows no values: the plugin's chart shows
  // the hovered values in a tooltip. With it, uPlot writes the hovered values into its legend
  // on every move (its default), the same job as the tooltip.
  const plot = new window.uPlot({ width, height, series, legend: { show: !!legend, live: true } }, data, host);
  await frame();
  await frame();
  const renderMs = performance.now() - started;

  // `hoverLoop` (hover_loop.js, sent with this script) measures the plugin's chart too.
  const hover = await hoverLoop(plot.over, 'mousemove');
  observer.disconnect();
  plot.destroy();
  host.remove();
  done({ renderMs, ...hover, longestTaskMs: Math.max(0, ...tasks) });
})().catch(error => done({ error: String(error) }));
