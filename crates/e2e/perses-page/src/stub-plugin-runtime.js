// Stands in for @perses-dev/plugin-system's module-federation loader (see build.mjs): this page
// registers every plugin statically, so loading a remote plugin is an error here.
export function loadPlugin() {
  throw new Error('remote Perses plugins are not available on the benchmark page');
}
export function usePluginRuntime() {
  throw new Error('remote Perses plugins are not available on the benchmark page');
}
