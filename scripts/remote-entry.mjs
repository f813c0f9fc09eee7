#!/usr/bin/env node
// Writes dist/remoteEntry.js, the module-federation entry the ODH shell loads, from the template
// assets/remote-entry.js and the files this very build made. trunk runs it after every build
// (Trunk.toml, post_build hook), so the entry always names the current hashed files.
//
// It reads the built index.html, where trunk names the wasm-bindgen module, the wasm file
// (with their integrity hashes) and the style sheets in order, checks each file exists, and
// replaces the template's `/* @assets */ null` with them. Any surprise fails the build. A
// release build's index.html is minified (Trunk.toml), so attributes are read in any order,
// quoted or not. The template's whole-line comments are left out of the entry: they explain
// the source, and every byte of the entry is downloaded.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set: trunk runs this script as a post_build hook');
const source = process.env.TRUNK_SOURCE_DIR || join(dirname(fileURLToPath(import.meta.url)), '..');
const html = readFileSync(join(staging, 'index.html'), 'utf8');

const glue = match(/import init, \* as bindings from '([^']+)'/, 'the wasm-bindgen module');
const wasm = match(/module_or_path: '([^']+)'/, 'the WebAssembly file');
const links = [...html.matchAll(/<link\b([^>]*)>/g)].map(([, attributes]) => attributesOf(attributes));
const assets = {
  glue: { file: relative(glue) },
  wasm: { file: relative(wasm), integrity: integrityOf(wasm) },
  styles: links
    .filter((link) => link.rel === 'stylesheet')
    .map((link) => ({ file: relative(link.href), integrity: link.integrity || null })),
};
if (assets.styles.length === 0) fail('index.html links no style sheet');
for (const file of [assets.glue.file, assets.wasm.file, ...assets.styles.map((s) => s.file)]) {
  if (!existsSync(join(staging, file))) fail(`index.html names ${file}, which the build did not make`);
}

const template = readFileSync(join(source, 'assets', 'remote-entry.js'), 'utf8');
const placeholder = '/* @assets */ null';
if (template.split(placeholder).length !== 2) fail(`the template must hold ${placeholder} exactly once`);
const entry = withoutComments(template.replace(placeholder, () => JSON.stringify(assets)));
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
  const link = links.find((link) => /preload$/.test(link.rel || '') && link.href === url);
  return (link && link.integrity) || null;
}

/** A tag's attributes by name: `name="value"`, `name='value'`, `name=value` or `name`. */
function attributesOf(text) {
  const attributes = {};
  for (const [, name, double, single, bare] of text.matchAll(
    /([^\s=/>]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
  )) {
    attributes[name] = double ?? single ?? bare ?? '';
  }
  return attributes;
}

/** The text without its whole-line comments: lines that start with `//`, and blocks from a
 *  line that starts with `/*` to the line that ends with its close. A comment inside a line of
 *  code stays, so nothing in a string or a regular expression is ever taken for one. */
function withoutComments(text) {
  const kept = [];
  let inBlock = false;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (inBlock) {
      inBlock = !trimmed.endsWith('*/');
    } else if (trimmed.startsWith('/*') && (!trimmed.includes('*/') || trimmed.endsWith('*/'))) {
      inBlock = !trimmed.slice(2).includes('*/');
    } else if (!trimmed.startsWith('//') && trimmed !== '') {
      kept.push(line);
    }
  }
  return kept.join('\n') + '\n';
}

function fail(message) {
  console.error(`remote-entry.mjs: ${message}`);
  process.exit(1);
}
