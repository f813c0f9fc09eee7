// Bundles Perses' functions for the differential test into one browser script.
//   node build.mjs <packages dir> <node_modules dir> <output file>
// <packages dir> holds the @perses-dev tarballs unpacked (@perses-dev/<name>/...), and
// <node_modules dir> the few libraries they import (numbro, lodash, date-fns) and esbuild.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [packages, nodeModules, output] = process.argv.slice(2);
if (!packages || !nodeModules || !output) {
  console.error('usage: node build.mjs <packages dir> <node_modules dir> <output file>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const esbuild = createRequire(join(nodeModules, 'noop.js'))('esbuild');

const redirect = {
  name: 'perses-packages',
  setup(build) {
    // The bare package names the prometheus plugin imports, to their shims.
    build.onResolve({ filter: /^@perses-dev\/(core|plugin-system)$/ }, (args) => ({
      path: join(here, 'src', 'shims', `${args.path.split('/')[1]}.js`),
    }));
    // Deep imports into an unpacked tarball.
    build.onResolve({ filter: /^@perses-dev\/[^/]+\/.+/ }, (args) => ({ path: join(packages, args.path) }));
    // See src/shims/formatter-cache.js.
    build.onResolve({ filter: /\/formatterCache(\.js)?$/ }, () => ({
      path: join(here, 'src', 'shims', 'formatter-cache.js'),
    }));
  },
};

await esbuild.build({
  entryPoints: [join(here, 'src', 'entry.js')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  outfile: output,
  nodePaths: [nodeModules],
  plugins: [redirect],
  logLevel: 'warning',
});
