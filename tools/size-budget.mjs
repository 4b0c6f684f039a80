// Size guard: the code a page downloads for the widget (WebAssembly,
// JavaScript glue and loader, stylesheet), gzip-compressed, must stay within
// the budget in size-budget.json. Run by scripts/test.sh after the build;
// prints each file and fails above the budget.
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const budget = JSON.parse(await fs.readFile(path.join(root, 'size-budget.json'), 'utf8'));
let total = 0;
for (const file of budget.files) {
  const bytes = await fs.readFile(path.join(dist, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += gzip;
  console.log(`${file.padEnd(24)} ${String(bytes.length).padStart(9)} B raw ${String(gzip).padStart(9)} B gzip`);
}
const limit = budget.max_gzip_bytes;
console.log(`${'total'.padEnd(24)} ${' '.repeat(15)} ${String(total).padStart(9)} B gzip (budget ${limit} B)`);
if (total > limit) {
  console.error(`size budget exceeded by ${total - limit} B: see size-budget.json`);
  process.exit(1);
}
// Code a page downloads only when a reader asks for it (the importer, when
// "Add your data" is opened): a budget of its own.
let later = 0;
for (const file of budget.on_demand_files ?? []) {
  const bytes = await fs.readFile(path.join(dist, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  later += gzip;
  console.log(`${file.padEnd(24)} ${String(bytes.length).padStart(9)} B raw ${String(gzip).padStart(9)} B gzip (on demand)`);
}
if (budget.on_demand_files) {
  const most = budget.max_on_demand_gzip_bytes;
  console.log(`${'on demand'.padEnd(24)} ${' '.repeat(15)} ${String(later).padStart(9)} B gzip (budget ${most} B)`);
  if (later > most) {
    console.error(`on-demand size budget exceeded by ${later - most} B: see size-budget.json`);
    process.exit(1);
  }
}
