// Builds Perses' own dashboard page (src/main.jsx) with esbuild into the directory given as
// the first argument. scripts/bench.sh runs it from a copy of this folder in the cache, where
// `npm ci` installed package-lock.json.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const outdir = path.resolve(process.argv[2] ?? 'dist');

// @perses-dev/plugin-system's module-federation loader (dist/remote/PluginRuntime.js) holds
// lazy `require`s of every Perses package and of mdi-material-ui; esbuild would bundle their
// CommonJS builds beside the ES modules (12.6 MB instead of 3.5 MB). This page registers its
// plugins statically and never loads a remote, so that one file is replaced by a stub, as a
// Perses deployment that ships only built-in plugins would not pay for it either.
const stubRemoteLoader = {
  name: 'stub-perses-plugin-runtime',
  setup(build) {
    build.onResolve({ filter: /\/PluginRuntime$/ }, (args) =>
      args.importer.includes(`@perses-dev${path.sep}plugin-system${path.sep}dist${path.sep}remote`)
        ? { path: path.resolve('src/stub-plugin-runtime.js') }
        : undefined);
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: ['src/main.jsx'],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  jsx: 'automatic',
  outdir,
  logLevel: 'warning',
  // @perses-dev/core calls `global.fetch`, a Node name; React wants its production build.
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  // The Lato fonts of Perses' theme, emitted as files beside main.css.
  loader: { '.woff': 'file', '.woff2': 'file' },
  plugins: [stubRemoteLoader],
});
fs.copyFileSync('index.html', path.join(outdir, 'index.html'));
