// What the widget's WebAssembly is made of (issue 19, step 3): the 20
// biggest functions and data, and the totals by crate, from the release
// build's unoptimised wasm (the one with names, before wasm-bindgen and
// wasm-opt: sizes are larger than shipped, their order is what counts).
// Writes its section of bench/RESULTS.md, between <!-- code:start --> and
// <!-- code:end --> (bench/run.mjs keeps it). Needs twiggy
// (`cargo install twiggy`) and `trunk build --release` first.
//
//   node bench/code-size.mjs            (the section "code")
//   CODE_SECTION=code-after CODE_LABEL="after issue 19's changes so far" node bench/code-size.mjs
//                                       (another section, kept beside it;
//                                       CODE_WASM=path for another build)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const wasm = process.env.CODE_WASM ?? path.join(root, 'target', 'wasm32-unknown-unknown', 'release', 'outturn-web.wasm');
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
// Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent; a
// name with a comma is quoted (CSV), so the size is read from the right.
const rows = csv.trim().split('\n').slice(1).map((line) => {
  const [, name, size] = line.match(/^(.*),(\d+),[\d.eE+-]+,[^,]*,[^,]*$/) ?? [line, line, '0'];
  return { name: name.replace(/^"|"$/g, '').replaceAll('""', '"'), size: Number(size) };
});
// wasm-bindgen's describe functions (which it runs to write the glue, then
// removes) and the name sections never ship.
const shipped = rows.filter((r) => !/__wbindgen_describe|WasmDescribe|describe::|custom section|function names|^export "__wbindgen_describe/.test(r.name));
const total = shipped.reduce((sum, r) => sum + r.size, 0);
const crate = (name) => name.match(/^<?(?:&(?:mut )?)?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/)?.[1] ?? (name.startsWith('data[') ? 'data (strings, tables)' : 'other');
const byCrate = new Map();
for (const r of shipped) byCrate.set(crate(r.name), (byCrate.get(crate(r.name)) ?? 0) + r.size);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const short = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/\|/g, '\\|');

const SECTION = process.env.CODE_SECTION ?? 'code';
const LABEL = process.env.CODE_LABEL ?? 'the "before" of issue 19';
const lines = [`<!-- ${SECTION}:start -->`, `## What the code is made of (twiggy), ${LABEL}`, ''];
lines.push(`Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`node bench/code-size.mjs\`: the release build's wasm before wasm-bindgen and wasm-opt (${kb(total)} KB of functions and data, without wasm-bindgen's describe functions and the name sections, which never ship). Sizes are before optimisation; their order is what counts.`, '');
lines.push('| crate | KB | share |', '|---|---|---|');
for (const [name, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  lines.push(`| ${name} | ${kb(size)} | ${((size / total) * 100).toFixed(1)}% |`);
}
lines.push('', '| the 20 biggest | bytes |', '|---|---|');
for (const r of [...shipped].sort((a, b) => b.size - a.size).slice(0, 20)) lines.push(`| \`${short(r.name)}\` | ${r.size} |`);
lines.push('', `<!-- ${SECTION}:end -->`);
const text = lines.join('\n');
const file = path.join(here, 'RESULTS.md');
const before = await fs.readFile(file, 'utf8');
const marked = new RegExp(`<!-- ${SECTION}:start -->[\\s\\S]*<!-- ${SECTION}:end -->`);
await fs.writeFile(file, marked.test(before) ? before.replace(marked, text) : `${before.trimEnd()}\n\n${text}\n`);
console.log(text);
