/*
 * remoteEntry.js of the ODH Observability plugin: the module-federation remote the ODH shell
 * loads from /_mf/observabilityWasm/remoteEntry.js.
 *
 * This file is the template; `scripts/remote-entry.mjs` (a trunk post_build hook) writes the
 * built bundle's file names into ASSETS and saves it as dist/remoteEntry.js, so the entry can
 * never name files the build did not make.
 *
 * The contract (see ARCHITECTURE.md): a classic script defining `var observabilityWasm =
 * { init, get }`, because the host's @module-federation/runtime loads remotes as type "global"
 * and reads globalThis[name]. `init` takes React 18 and react-router-dom 7 from the host's
 * share scope (React is never bundled here); `get('./extensions')` gives the nav item, the
 * route and the area that guards them. The route's component is a small React function
 * component that loads the WebAssembly page and mounts it into its own <div>.
 */
/* eslint-disable no-var */
var observabilityWasm = (function () {
  'use strict';

  var NAME = 'observabilityWasm';
  /** Written by scripts/remote-entry.mjs: the bundle's files, relative to this script. */
  var ASSETS = /* @assets */ null;
  /** Where the host routes to the plugin; the project is the path segment below it. */
  var BASE_PATH = '/observe-and-monitor/observability';
  var AREA = 'plugin-observability-wasm';

  // The bundle's files sit beside this script, under /_mf/<name>/ or any other prefix. The
  // script's own URL is only known while it runs for the first time.
  var currentScript = typeof document !== 'undefined' ? document.currentScript : null;
  var assetBase = new URL(
    './',
    (currentScript && currentScript.src) || (typeof document !== 'undefined' ? document.baseURI : '/')
  ).href;

  var host = null; // { React, router } once init has resolved
  var initializing = null;

  function fail(message) {
    return new Error(NAME + ': ' + message);
  }

  /** The highest version of `pkg` with major version `major` in the share scope, preferring
   *  one the host has already loaded (its singleton). */
  function pickShared(shareScope, pkg, major) {
    var versions = (shareScope && shareScope[pkg]) || {};
    var best = null;
    Object.keys(versions).forEach(function (version) {
      var entry = versions[version];
      if (!entry || parseInt(version, 10) !== major) return;
      var score = [entry.loaded || entry.lib ? 1 : 0].concat(version.split(/[.+-]/).map(Number));
      if (!best || compareScores(score, best.score) > 0) best = { entry: entry, score: score };
    });
    return best && best.entry;
  }

  function compareScores(a, b) {
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var x = a[i] || 0;
      var y = b[i] || 0;
      if (x !== y) return x > y ? 1 : -1;
    }
    return 0;
  }

  /** A share-scope entry's module: `get()` gives a factory (or a promise of one). */
  function loadShared(entry) {
    var pending = entry.lib ? Promise.resolve(entry.lib) : Promise.resolve(entry.get());
    return pending.then(function (factory) {
      return typeof factory === 'function' ? factory() : factory;
    });
  }

  function unwrap(module, probe) {
    if (module && module[probe]) return module;
    if (module && module.default && module.default[probe]) return module.default;
    return null;
  }

  function describeScope(shareScope) {
    var keys = Object.keys(shareScope || {});
    return keys.length ? keys.join(', ') : 'nothing';
  }

  /**
   * Takes React 18 (required) and react-router-dom 7 (to keep the host's router in step) from
   * the host's share scope. Idempotent: the runtime may call it once per consumer.
   */
  function init(shareScope) {
    if (initializing) return initializing;
    var react = pickShared(shareScope, 'react', 18);
    if (!react) {
      return Promise.reject(
        fail(
          'the host shares no React 18 (its share scope has: ' +
            describeScope(shareScope) +
            '). The plugin uses the host\'s React and never bundles its own.'
        )
      );
    }
    var router = pickShared(shareScope, 'react-router-dom', 7);
    initializing = Promise.all([loadShared(react), router ? loadShared(router) : null])
      .then(function (modules) {
        var React = unwrap(modules[0], 'createElement');
        if (!React || !React.useEffect) throw fail('the shared "react" is not React 18');
        var Router = unwrap(modules[1], 'useNavigate');
        if (!Router) {
          // Without the host's router the page still works; the host only learns of our
          // address changes when the user navigates.
          console.warn(NAME + ': the host shares no react-router-dom 7; using the history API');
        }
        host = { React: React, router: Router };
        return undefined;
      })
      .catch(function (error) {
        initializing = null;
        throw error;
      });
    return initializing;
  }

  function get(module) {
    if (module === './extensions') {
      return Promise.resolve(function () {
        return { default: extensions() };
      });
    }
    return Promise.reject(
      fail('there is no module ' + JSON.stringify(module) + ' here; only "./extensions"')
    );
  }

  /** The nav item and route, both guarded by our own area. */
  function extensions() {
    return [
      {
        type: 'app.area',
        properties: {
          id: AREA,
          // On by default. Administrators hide it with ODH's observability dashboards by
          // setting OdhDashboardConfig spec.dashboardConfig.observabilityDashboard: false.
          customCondition: function (context) {
            var spec = context && context.dashboardConfigSpec;
            var flags = spec && spec.dashboardConfig;
            return !flags || flags.observabilityDashboard !== false;
          },
        },
      },
      {
        type: 'app.navigation/href',
        flags: { required: [AREA] },
        properties: {
          id: 'observability-wasm',
          title: 'Observability',
          href: BASE_PATH,
          path: BASE_PATH + '/*',
          section: 'observe-and-monitor',
          group: '2_observability_wasm',
        },
      },
      {
        type: 'app.route',
        flags: { required: [AREA] },
        properties: {
          path: BASE_PATH + '/*',
          component: function () {
            return (initializing || Promise.reject(fail('init() has not been called')))
              .then(function () {
                return { default: ObservabilityRoute };
              });
          },
        },
      },
    ];
  }

  // --- Loading the WebAssembly page, once for all mounts -------------------------------------

  var bundle = null; // a promise of the wasm-bindgen module, initialised
  var wasmMemory = null; // the module's memory, for diagnostics()
  var mountedPages = 0;
  var stoppedBy = null; // the trap that stopped the module, if one did
  var stopListeners = [];

  // The release build turns a panic into a WebAssembly trap (page_build in scripts/env.sh).
  // After one the module can run nothing more, so the routes learn of it here, outside it.
  function watchForTraps() {
    function trapped(error) {
      if (stoppedBy || !(error instanceof WebAssembly.RuntimeError)) return;
      stoppedBy = error;
      stopListeners.slice().forEach(function (listener) {
        listener(error);
      });
    }
    window.addEventListener('error', function (event) {
      trapped(event.error);
    });
    window.addEventListener('unhandledrejection', function (event) {
      trapped(event.reason);
    });
  }

  /** An error in words: its message, else the value itself. */
  function messageOf(error) {
    return String((error && error.message) || error);
  }

  /** Why a file did not load, in words for the page. */
  function loadError(what, url, detail) {
    var error = fail('could not load ' + what + ' (' + url + '): ' + detail);
    error.userMessage = 'The ' + what + ' could not be loaded (' + detail + ').';
    return error;
  }

  /** A failed load with an integrity check says only that it failed; asking again without
   *  the check tells an error status from a file that is not the one this build made. */
  function whyNotLoaded(url, detail) {
    return fetch(url, { method: 'HEAD', cache: 'no-store' }).then(
      function (response) {
        return response.ok ? 'it is not the file this build made (' + detail + ')' : 'HTTP ' + response.status;
      },
      function () {
        return detail;
      }
    );
  }

  function loadStyles(attempt) {
    return Promise.all(
      ASSETS.styles.map(function (style) {
        var url = assetBase + style.file;
        var existing = document.querySelector('link[data-obs-style="' + style.file + '"]');
        if (existing && existing.getAttribute('data-obs-loaded') === 'true') return null;
        if (existing) existing.remove();
        return new Promise(function (resolve, reject) {
          var link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = attempt ? url + '?retry=' + attempt : url;
          if (style.integrity) link.integrity = style.integrity;
          link.setAttribute('data-obs-style', style.file);
          link.onload = function () {
            link.setAttribute('data-obs-loaded', 'true');
            resolve(null);
          };
          link.onerror = function () {
            whyNotLoaded(link.href, 'the request failed').then(function (why) {
              reject(loadError('style sheet', url, why));
            });
          };
          document.head.appendChild(link);
        });
      })
    );
  }

  function fetchWasm(attempt) {
    var url = assetBase + ASSETS.wasm.file;
    var init = ASSETS.wasm.integrity ? { integrity: ASSETS.wasm.integrity } : {};
    var requested = attempt ? url + '?retry=' + attempt : url;
    return fetch(requested, init).then(
      function (response) {
        if (!response.ok) throw loadError('WebAssembly module', url, 'HTTP ' + response.status);
        return response;
      },
      function (error) {
        return whyNotLoaded(requested, messageOf(error)).then(function (why) {
          throw loadError('WebAssembly module', url, why);
        });
      }
    );
  }

  function loadBundle(attempt) {
    if (bundle) return bundle;
    var glueUrl = assetBase + ASSETS.glue.file;
    // A failed import() is remembered by the browser for its URL, so a retry asks for a new one.
    var glue = import(attempt ? glueUrl + '?retry=' + attempt : glueUrl).catch(function (error) {
      throw loadError('JavaScript module', glueUrl, messageOf(error));
    });
    bundle = Promise.all([glue, fetchWasm(attempt), loadStyles(attempt)])
      .then(function (loaded) {
        var module = loaded[0];
        return module.default({ module_or_path: loaded[1] }).then(
          function (exports) {
            wasmMemory = exports && exports.memory;
            watchForTraps();
            return module;
          },
          function (error) {
            var detail = messageOf(error);
            throw loadError('WebAssembly module', assetBase + ASSETS.wasm.file, detail);
          }
        );
      })
      .catch(function (error) {
        bundle = null;
        throw error;
      });
    return bundle;
  }

  // --- The route's component ---------------------------------------------------------------

  /** The host's route element: loads the page, mounts it, forwards the host's navigations and
   *  unmounts it with React. A load failure is shown in place, with a retry. */
  function ObservabilityRoute() {
    var React = host.React;
    var h = React.createElement;
    var Router = host.router;
    var container = React.useRef(null);
    var mounted = React.useRef(null);
    var loadState = React.useState({ status: 'loading', attempt: 0, error: null });
    var state = loadState[0];
    var setState = loadState[1];
    // Outside a router (a host that renders the route by itself) the history API does; the
    // answer never changes for a mounted component, so the hooks below keep their order.
    var inRouter = !!Router && (!Router.useInRouterContext || Router.useInRouterContext());
    var navigate = inRouter ? Router.useNavigate() : null;
    var location = inRouter ? Router.useLocation() : null;
    var navigateRef = React.useRef(navigate);
    navigateRef.current = navigate;

    React.useEffect(function () {
      function stop(error) {
        setState(function (now) {
          return { status: 'stopped', attempt: now.attempt, error: error };
        });
      }
      if (stoppedBy) stop(stoppedBy);
      stopListeners.push(stop);
      return function () {
        stopListeners.splice(stopListeners.indexOf(stop), 1);
      };
    }, []);

    React.useEffect(
      function () {
        var cancelled = false;
        var page = null;
        if (stoppedBy) return undefined;
        loadBundle(state.attempt)
          .then(function (module) {
            if (cancelled || !container.current || stoppedBy) return;
            page = module.mount(container.current, {
              basePath: BASE_PATH,
              navigate: function (href, replace) {
                if (navigateRef.current) {
                  navigateRef.current(href, { replace: replace });
                } else if (replace) {
                  window.history.replaceState(null, '', href);
                } else {
                  window.history.pushState(null, '', href);
                }
              },
            });
            mounted.current = page;
            mountedPages += 1;
            setState({ status: 'ready', attempt: state.attempt, error: null });
          })
          .catch(function (error) {
            console.error(error);
            if (!cancelled) setState({ status: 'error', attempt: state.attempt, error: error });
          });
        return function () {
          cancelled = true;
          mounted.current = null;
          if (page) {
            mountedPages -= 1;
            // A stopped module throws on every call; the host must still be able to leave.
            try {
              page.unmount();
              page.free();
            } catch (error) {
              if (!stoppedBy) throw error;
            }
          }
        };
      },
      [state.attempt]
    );

    var where = location ? location.pathname + location.search + location.hash : '';
    React.useEffect(
      function () {
        if (mounted.current) mounted.current.locationChanged();
      },
      [where, location && location.key]
    );

    var retry = function () {
      setState({ status: 'loading', attempt: state.attempt + 1, error: null });
    };
    return h(
      'div',
      { className: 'obs-host', 'data-obs-load-state': state.status, style: { height: '100%' } },
      state.status === 'loading'
        ? h(
            'div',
            { className: 'pf-v6-c-empty-state', role: 'status', 'aria-live': 'polite' },
            h('p', { className: 'pf-v6-c-empty-state__title-text' }, 'Loading Observability…')
          )
        : null,
      state.status === 'error' ? h(LoadFailure, { error: state.error, retry: retry }) : null,
      state.status === 'stopped' ? h(Stopped, { error: state.error }) : null,
      // Leptos owns this element's children; React never renders into it.
      h('div', {
        ref: container,
        className: 'obs-host__page',
        hidden: state.status === 'error' || state.status === 'stopped',
      })
    );
  }

  /** A PatternFly danger alert in the route's place: a title, paragraphs and one action. */
  function DangerAlert(props) {
    var h = host.React.createElement;
    return h(
      'div',
      { className: 'pf-v6-c-alert pf-m-danger', role: 'alert', style: { margin: '1.5rem' } },
      h('p', { className: 'pf-v6-c-alert__title' }, props.title),
      h(
        'div',
        { className: 'pf-v6-c-alert__description' },
        props.paragraphs.map(function (text, index) {
          return h('p', { key: index }, text);
        })
      ),
      h(
        'div',
        { className: 'pf-v6-c-alert__action-group' },
        h(
          'button',
          { type: 'button', className: 'pf-v6-c-button pf-m-link pf-m-inline', onClick: props.onAction },
          props.action
        )
      )
    );
  }

  function LoadFailure(props) {
    return host.React.createElement(DangerAlert, {
      title: 'Observability could not be loaded',
      paragraphs: [
        (props.error && props.error.userMessage) || 'The page could not start (' + messageOf(props.error) + ').',
        'The rest of the dashboard keeps working. Try again; if it keeps failing, ask an administrator to check the observabilityWasm deployment.',
      ],
      action: 'Try again',
      onAction: props.retry,
    });
  }

  /** The module stopped (a trap): only a reload of the shell starts it again. The page's
   *  dashboard, time range and variables are in the address, so the reload keeps them. */
  function Stopped(props) {
    return host.React.createElement(DangerAlert, {
      title: 'Observability stopped because of an internal error',
      paragraphs: [
        'Reload the page to start it again: the dashboard, time range and variables you chose are kept in the address. The rest of the dashboard keeps working. (' +
          messageOf(props.error) +
          ')',
      ],
      action: 'Reload',
      onAction: function () {
        window.location.reload();
      },
    });
  }

  /** What the plugin holds now, for support and the leak tests: pages mounted, and the
   *  WebAssembly memory's size (it grows, never shrinks; steady use keeps it steady). */
  function diagnostics() {
    return {
      loaded: !!wasmMemory,
      mountedPages: mountedPages,
      stopped: stoppedBy ? messageOf(stoppedBy) : null,
      wasmMemoryBytes: wasmMemory ? wasmMemory.buffer.byteLength : 0,
    };
  }

  return { init: init, get: get, diagnostics: diagnostics };
})();
