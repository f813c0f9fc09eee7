#!/usr/bin/env node
// Writes dist/remoteEntry.js, the module-federation entry the ODH shell loads, from the template
// assets/remote-entry.js and the files this very build made. trunk runs it after every build
// (Trunk.toml, post_build hook), so the entry always names the current hashed files.
//
// It reads the built index.html, where trunk names the wasm-bindgen module, the wasm file
// (with their integrity hashes) and the style sheets in order, checks each file exists, and
// replaces the template's `/* @assets */ null` with them. Any surprise fails the build.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set: trunk runs this script as a post_build hook');
const source = process.env.TRUNK_SOURCE_DIR || join(dirname(fileURLToPath(import.meta.url)), '..');
const html = readFileSync(join(staging, 'index.html'), 'utf8');

const glue = match(/import init, \* as bindings from '([^']+)'/, 'the wasm-bindgen module');
const wasm = match(/module_or_path: '([^']+)'/, 'the WebAssembly file');
const assets = {
  glue: { file: relative(glue) },
  wasm: { file: relative(wasm), integrity: integrityOf(wasm) },
  styles: [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"(?: integrity="([^"]+)")?/g)].map(
    ([, href, integrity]) => ({ file: relative(href), integrity: integrity || null }),
  ),
};
if (assets.styles.length === 0) fail('index.html links no style sheet');
for (const file of [assets.glue.file, assets.wasm.file, ...assets.styles.map((s) => s.file)]) {
  if (!existsSync(join(staging, file))) fail(`index.html names ${file}, which the build did not make`);
}

const template = readFileSync(join(source, 'assets', 'remote-entry.js'), 'utf8');
const placeholder = '/* @assets */ null';
if (template.split(placeholder).length !== 2) fail(`the template must hold ${placeholder} exactly once`);
const entry = template.replace(placeholder, () => JSON.stringify(assets));
writeFileSync(join(staging, 'remoteEntry.js'), entry);
console.log(`remoteEntry.js: ${assets.glue.file}, ${assets.wasm.file}, ${assets.styles.length} style sheets`);

function match(pattern, what) {
  const found = html.match(pattern);
  if (!found) fail(`cannot find ${what} in the built index.html`);
  return found[1];
}

/** Trunk writes absolute URLs under its public URL; the entry wants names beside itself. */
function relative(url) {
  const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
  const name = url.startsWith(publicUrl) ? url.slice(publicUrl.length) : url.replace(/^\/+/, '');
  if (!/^[A-Za-z0-9._-]+$/.test(name)) fail(`unexpected asset name ${JSON.stringify(url)}`);
  return name;
}

/** The integrity hash trunk gave a preloaded file, if any. */
function integrityOf(url) {
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = html.match(new RegExp(`<link rel="[a-z]*preload" href="${escaped}"[^>]*>`));
  const integrity = link && link[0].match(/integrity="([^"]+)"/);
  return integrity ? integrity[1] : null;
}

function fail(message) {
  console.error(`remote-entry.mjs: ${message}`);
  process.exit(1);
}
