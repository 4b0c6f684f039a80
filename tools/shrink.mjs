// Trunk post-build step (release builds only; run by tools/postbuild.mjs):
// makes the code a page downloads smaller without changing what it does.
//
// 1. Short import names. wasm-bindgen names each JavaScript function the
//    WebAssembly imports like `__wbg_createElement_7d9a8c1b2e3f4a5b`; the
//    hash makes the name unique but is random, so gzip cannot shrink it,
//    and it is written twice (the module's import section and the glue's
//    import object): about 5.6 KB of gzip for 245 imports. Each import is
//    renamed to a short one in both places, checked one for one.
// 2. Minified glue, loader and stylesheets (esbuild, pinned in
//    package.json). esbuild keeps object keys and exports, which the
//    WebAssembly and host pages name.
// 3. New Subresource Integrity hashes in index.html for the files changed,
//    since trunk wrote them for the files as they were.
//
// Reads and writes $TRUNK_STAGING_DIR, or the folder given as the first
// argument; exits non-zero (failing the build) on anything unexpected.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { transform } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('shrink: no TRUNK_STAGING_DIR and no folder given');
  process.exit(2);
}
const file = (name) => path.join(dir, name);
const fail = (message) => {
  console.error(`shrink: ${message}`);
  process.exit(1);
};

// --- WebAssembly binary reading and writing (only what the import section needs).

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at.i++];
    if (byte === undefined) fail('truncated LEB128 number');
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return value;
    shift += 7;
    if (shift > 28) fail('LEB128 number longer than 32 bits');
  }
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return Buffer.from(out);
}

const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
};

/** Splits a module into [{ id, body }] sections, checking the header. */
function sections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) fail('not a WebAssembly 1 module');
  const out = [];
  const at = { i: 8 };
  while (at.i < wasm.length) {
    const id = wasm[at.i++];
    const size = readU32(wasm, at);
    out.push({ id, body: wasm.subarray(at.i, at.i + size) });
    at.i += size;
  }
  if (at.i !== wasm.length) fail('section runs past the end of the module');
  return out;
}

/** The bytes of one import's description (after its kind byte). */
function skipDescription(body, at, kind) {
  const limits = () => {
    const flags = body[at.i++];
    readU32(body, at);
    if (flags & 1) readU32(body, at);
  };
  switch (kind) {
    case 0: readU32(body, at); break; // function: type index
    case 1: at.i++; limits(); break; // table: reference type, limits
    case 2: limits(); break; // memory: limits
    case 3: at.i += 2; break; // global: value type, mutability
    case 4: at.i++; readU32(body, at); break; // tag: attribute, type index
    default: fail(`unknown import kind ${kind}`);
  }
}

/** Rewrites the import section with `rename(module, field)` -> [module, field]. */
function renameImports(body, rename) {
  const at = { i: 0 };
  const count = readU32(body, at);
  const parts = [u32(count)];
  const text = () => {
    const length = readU32(body, at);
    const value = body.subarray(at.i, at.i + length).toString('utf8');
    at.i += length;
    return value;
  };
  for (let n = 0; n < count; n++) {
    const module = text();
    const field = text();
    const kind = body[at.i++];
    const start = at.i;
    skipDescription(body, at, kind);
    const [newModule, newField] = rename(module, field);
    parts.push(name(newModule), name(newField), Buffer.from([kind]), body.subarray(start, at.i));
  }
  if (at.i !== body.length) fail('import section has bytes after its last import');
  return Buffer.concat(parts);
}

function assemble(list) {
  const parts = [Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])];
  for (const { id, body } of list) parts.push(Buffer.from([id]), u32(body.length), body);
  return Buffer.concat(parts);
}

// --- 1. Short import names.

/** Short, distinct JavaScript identifiers: a, b, ..., Z, aa, ab, ... */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  let n = index;
  do {
    out = letters[n % letters.length] + out;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return out;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (haystack, needle) => haystack.split(needle).length - 1;

const wasmName = 'outturn-web_bg.wasm';
const glueName = 'outturn-web.js';
const wasm = await fs.readFile(file(wasmName));
let glue = await fs.readFile(file(glueName), 'utf8');

const modules = new Map();
const fields = new Map();
const list = sections(wasm).map(({ id, body }) => {
  if (id !== 2) return { id, body };
  return {
    id,
    body: renameImports(body, (module, field) => {
      if (!modules.has(module)) modules.set(module, `m${modules.size}`);
      const short = shortName(fields.size);
      if (fields.has(field)) fail(`import ${field} appears twice`);
      fields.set(field, short);
      return [modules.get(module), short];
    }),
  };
});
if (fields.size === 0) fail('the module imports nothing: is this the wasm-bindgen output?');

// The glue's import object must name each import exactly once, as a key.
for (const [module, short] of modules) {
  const key = JSON.stringify(module);
  if (count(glue, `${key}:`) !== 1) fail(`module ${key} is not one key of the glue's import object`);
  glue = glue.replace(`${key}:`, `${short}:`);
}
for (const [field, short] of fields) {
  const pattern = new RegExp(`(?<![\\w$])${escapeRegExp(field)}(?![\\w$])`, 'g');
  const uses = glue.match(pattern)?.length ?? 0;
  const asKey = glue.match(new RegExp(`(?<![\\w$])${escapeRegExp(field)}:`, 'g'))?.length ?? 0;
  if (uses !== 1 || asKey !== 1) fail(`import ${field} is named ${uses} times in the glue (expected once, as a key)`);
  glue = glue.replace(pattern, short);
}
const shrunk = assemble(list);
// The renamed module must still be valid and import exactly the new names.
const check = WebAssembly.Module.imports(new WebAssembly.Module(shrunk));
if (check.length !== fields.size || check.some((entry) => ![...fields.values()].includes(entry.name))) fail('renamed module does not import the new names');

// --- 2. Minify.

const minify = async (text, loader) => (await transform(text, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, target: 'es2022', legalComments: 'none' })).code;
const outputs = new Map([[wasmName, shrunk], [glueName, await minify(glue, 'js')]]);
for (const [asset, loader] of [['outturn.js', 'js'], ['outturn.css', 'css'], ['page.css', 'css']]) {
  outputs.set(asset, await minify(await fs.readFile(file(asset), 'utf8'), loader));
}

// --- 3. Write, and give index.html the new integrity hashes.

let html = await fs.readFile(file('index.html'), 'utf8');
for (const [asset, content] of outputs) {
  const before = await fs.readFile(file(asset));
  await fs.writeFile(file(asset), content);
  const hash = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const old = hash(before);
  if (html.includes(old)) html = html.replaceAll(old, hash(Buffer.from(content)));
}
await fs.writeFile(file('index.html'), html);
const minified = [...outputs.keys()].filter((asset) => asset !== wasmName).join(', ');
console.log(`shrink: renamed ${fields.size} imports of ${wasmName}; minified ${minified}`);
