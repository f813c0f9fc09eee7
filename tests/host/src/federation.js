// How the ODH shell finds its remotes' extensions, done the way the shell does it
// (../../../shared/reference/odh-module-federation.md §2):
//
// 1. The bundler's runtime makes the `host` federation instance that holds the shared modules
//    (React 18, react-dom, react-router, react-router-dom; singletons, eager on the host).
//    Here that is an explicit init() with the rspack provider's getter shape
//    `get: () => () => module`. FEDERATION_BUILD_IDENTIFIER is defined for the whole bundle
//    (scripts/build-host.sh), as the rspack plugin defines it; without it the second init()
//    below would make a new instance with an empty share scope.
// 2. useAppExtensions: init({name: 'app', remotes}) with each entry at /_mf/<name><remoteEntry>
//    and no type, so the runtime loads a classic script and reads globalThis[name]; then
//    loadRemote('<name>/extensions'). A remote that fails is logged and contributes nothing.
import { getInstance, init, loadRemote } from '@module-federation/runtime';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactRouter from 'react-router';
import * as ReactRouterDom from 'react-router-dom';

function provide(version, requiredVersion, module) {
  return {
    version,
    get: () => () => module,
    shareConfig: { singleton: true, eager: true, requiredVersion },
    scope: ['default'],
  };
}

export function initHostSharing() {
  init({
    name: 'host',
    remotes: [],
    shared: {
      react: provide('18.3.1', '^18.3.1', React),
      'react-dom': provide('18.3.1', '^18.3.1', ReactDOM),
      'react-router': provide('7.18.2', '^7.18.2', ReactRouter),
      'react-router-dom': provide('7.18.2', '^7.18.2', ReactRouterDom),
    },
  });
}

/** The share scope remotes are initialised with (for tests of the remote's contract). */
export function hostShareScope() {
  const instance = getInstance();
  return instance ? instance.shareScopeMap.default : {};
}

/** The remotes the backend wrote into index.html, as ODH's backend fills mf-remotes-json. */
function remotesFromPage() {
  const element = document.getElementById('mf-remotes-json');
  try {
    const remotes = JSON.parse((element && element.textContent) || '[]');
    return Array.isArray(remotes) ? remotes : [];
  } catch (error) {
    console.warn('mf-remotes-json is not JSON', error);
    return [];
  }
}

/** Every remote's extensions, once all have settled: `{ loaded, extensions }`. */
export function useAppExtensions() {
  const [state, setState] = React.useState({ loaded: false, extensions: [] });
  React.useEffect(() => {
    const remotes = remotesFromPage();
    init({
      name: 'app',
      remotes: remotes.map(({ name, remoteEntry }) => ({ name, entry: `/_mf/${name}${remoteEntry}` })),
    });
    Promise.allSettled(
      remotes.map(({ name }) =>
        loadRemote(`${name}/extensions`)
          .then((module) => (module ? module.default : []))
          .catch((error) => {
            console.warn(`failed to load the extensions of remote ${name}`, error);
            return [];
          }),
      ),
    ).then((results) => {
      const extensions = results.flatMap((result) =>
        result.status === 'fulfilled' && Array.isArray(result.value) ? result.value : [],
      );
      setState({ loaded: true, extensions });
    });
  }, []);
  return state;
}
