// Ready time of two builds of the demo page, side by side, in one run: for
// a change that must not slow start-up, the build before it against the
// build after it, on the same machine at the same time.
//
//   node bench/ab-ready.mjs OLD_DIST NEW_DIST [LOADS]
//
// Each build's dist/ is served from 127.0.0.1 with gzip (as a council web
// server would). Each load is cold (a fresh browser context: no cache),
// the two builds take turns (ABAB..., then BABA.., so neither always goes
// first), and the ready time is from navigation start to the end of the
// first frame after the widget's root says data-outturn-state="ready" (the
// default page: the sample dataset's first indicator, drawn and answering
// the pointer). Prints every time, the medians and their ratio.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { types } from './types.mjs';
import { whenReady } from './ready.mjs';

const [oldDir, newDir, loadsArg] = process.argv.slice(2);
if (!oldDir || !newDir) {
  console.error('usage: node bench/ab-ready.mjs OLD_DIST NEW_DIST [LOADS]');
  process.exit(2);
}
const LOADS = Number(loadsArg ?? 10);
const builds = { old: path.resolve(oldDir), new: path.resolve(newDir) };
const cache = new Map();

const server = http.createServer(async (request, response) => {
  const rel = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
  const [, build, ...rest] = rel.split('/');
  const dir = builds[build];
  const file = dir && path.join(dir, path.normalize(rest.join('/') || 'index.html'));
  if (!file || !file.startsWith(dir)) {
    response.writeHead(404).end();
    return;
  }
  try {
    if (!cache.has(file)) cache.set(file, gzipSync(await fs.readFile(file), { level: 9 }));
    response.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
    });
    response.end(cache.get(file));
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// Recorded in the page: the first frame after the root turns ready.
const probe = () => {
  window.__ready = null;
  new MutationObserver(() => {
    if (window.__ready !== null) return;
    const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
    if (roots.some((r) => r.querySelector('[data-outturn-state="ready"]'))) {
      requestAnimationFrame(() => setTimeout(() => {
        if (window.__ready !== null) return;
        window.__ready = performance.now();
        console.debug('bench:ready');
      }, 0));
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-outturn-state'] });
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const times = { old: [], new: [] };
for (let round = 0; round < LOADS; round += 1) {
  const order = round % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
  for (const build of order) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(probe);
    const ready = whenReady(page, 60000);
    await page.goto(`${base}/${build}/index.html`);
    await ready;
    times[build].push(await page.evaluate(() => window.__ready));
    await context.close();
  }
}
await browser.close();
server.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
for (const build of ['old', 'new']) {
  console.log(`${build}: ${times[build].map((t) => t.toFixed(0)).join(', ')} ms; median ${median(times[build]).toFixed(1)} ms`);
}
console.log(`new / old: ${(median(times.new) / median(times.old)).toFixed(3)}`);
