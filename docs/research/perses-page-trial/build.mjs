import * as esbuild from 'esbuild';
import path from 'node:path';
const stubRemote = {
  name: 'stub-perses-plugin-runtime',
  setup(build) {
    build.onResolve({ filter: /\/PluginRuntime$/ }, (args) =>
      args.importer.includes('@perses-dev/plugin-system/dist/remote')
        ? { path: path.resolve('stub-plugin-runtime.js') }
        : undefined);
  },
};
await esbuild.build({
  entryPoints: ['src/main.jsx'],
  bundle: true, format: 'esm', minify: true, target: 'es2020', jsx: 'automatic',
  outdir: 'dist2', metafile: true, logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  loader: { '.woff': 'file', '.woff2': 'file' },
  plugins: [stubRemote],
}).then(async (r) => { const fs = await import('node:fs'); fs.writeFileSync('dist2/meta.json', JSON.stringify(r.metafile)); });
