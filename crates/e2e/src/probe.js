// A probe the host tests add before any script of the page runs (CDP
// Page.addScriptToEvaluateOnNewDocument). It counts what a page can leave behind that the
// DevTools metrics do not count: intervals, pending timeouts and animation frames, observers
// still observing, and fetches still in flight. `window.obsProbe.counts()` reads them.
(() => {
  if (window.obsProbe) return;
  const intervals = new Set();
  const timeouts = new Set();
  const frames = new Set();
  const observers = new Set();
  let fetches = 0;

  const setInterval_ = window.setInterval;
  const clearInterval_ = window.clearInterval;
  window.setInterval = function (...args) {
    const id = setInterval_.apply(this, args);
    intervals.add(id);
    return id;
  };
  window.clearInterval = function (id) {
    intervals.delete(id);
    return clearInterval_.call(this, id);
  };

  const setTimeout_ = window.setTimeout;
  const clearTimeout_ = window.clearTimeout;
  window.setTimeout = function (handler, delay, ...rest) {
    let id;
    const run =
      typeof handler === 'function'
        ? function (...args) {
            timeouts.delete(id);
            return handler.apply(this, args);
          }
        : handler;
    id = setTimeout_.call(this, run, delay, ...rest);
    if (typeof handler === 'function') timeouts.add(id);
    return id;
  };
  window.clearTimeout = function (id) {
    timeouts.delete(id);
    return clearTimeout_.call(this, id);
  };

  const requestFrame = window.requestAnimationFrame;
  const cancelFrame = window.cancelAnimationFrame;
  window.requestAnimationFrame = function (callback) {
    let id;
    id = requestFrame.call(this, (time) => {
      frames.delete(id);
      callback(time);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    frames.delete(id);
    return cancelFrame.call(this, id);
  };

  for (const name of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver']) {
    const Original = window[name];
    if (!Original) continue;
    window[name] = class extends Original {
      observe(...args) {
        observers.add(this);
        return super.observe(...args);
      }
      disconnect() {
        observers.delete(this);
        return super.disconnect();
      }
    };
  }

  const fetch_ = window.fetch;
  window.fetch = function (...args) {
    fetches += 1;
    const settled = () => {
      fetches -= 1;
    };
    const pending = fetch_.apply(this, args);
    pending.then(settled, settled);
    return pending;
  };

  window.obsProbe = {
    counts() {
      return {
        intervals: intervals.size,
        timeouts: timeouts.size,
        frames: frames.size,
        observers: observers.size,
        fetches,
      };
    },
  };
})();
