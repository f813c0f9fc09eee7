// One hover loop for every chart that is compared (the plugin's and uPlot's), so both are
// measured by the same code: 21 pointer moves across `target`, one per animation frame (as
// a pointer moves), each timed from its dispatch to a zero timeout after it, which runs once
// the handler, the microtasks it queued and the browser's rendering of the move are done.
// Resolves to the medians: `hoverMs`, and where that time goes, `hoverDispatchMs` (the
// handler itself) and `hoverEffectsMs` (with the microtasks it queued).
async function hoverLoop(target, eventType) {
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  const zeroTimeout = () => new Promise(resolve => setTimeout(resolve, 0));
  const median = values => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rect = target.getBoundingClientRect();
  const hovers = [], dispatches = [], effects = [];
  await frame();
  for (let i = 0; i < 21; i++) {
    const event = new (eventType === 'pointermove' ? PointerEvent : MouseEvent)(eventType, {
      clientX: rect.left + rect.width * (i + 0.5) / 21,
      clientY: rect.top + rect.height / 2,
      bubbles: true,
    });
    const before = performance.now();
    target.dispatchEvent(event);
    dispatches.push(performance.now() - before);
    await Promise.resolve();
    effects.push(performance.now() - before);
    await zeroTimeout();
    hovers.push(performance.now() - before);
    await frame();
  }
  return { hoverMs: median(hovers), hoverDispatchMs: median(dispatches), hoverEffectsMs: median(effects) };
}
