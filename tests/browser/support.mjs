// Shared browser-test support: serves dist/ on 127.0.0.1 (random port) with
// correct MIME types, and launches Debian's Chromium through playwright-core
// (never a downloaded browser). Used by the tests and by tools/screenshots.mjs.
import http from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * Every view's slug, in the order of the tabs (View::ALL in the core). The
 * tests that go through every view use this list, and "every view is
 * reachable from the tabs" checks it against the tabs the page offers, so
 * a new view fails that test until it is listed here.
 */
export const VIEWS = ['dashboard', 'budget', 'cumulative', 'variance', 'years', 'cost', 'forecast'];

export const root = path.resolve(here, '..', '..');
export const dist = process.env.OUTTURN_DIST ?? path.join(root, 'dist');
export const fixtures = path.join(root, 'tests', 'fixtures');
export const corpus = path.join(root, 'tests', 'corpus');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `dist/` and, under /fixtures/ and /corpus/, the test files; `extra`
 * maps more prefixes to folders (e.g. { '/generated/': dir }). Resolves to
 * { url, close }.
 */
export async function serve(extra = {}) {
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    let base = dist;
    let rel = decodeURIComponent(url.pathname);
    const mounted = Object.entries(extra).find(([prefix]) => rel.startsWith(prefix));
    if (mounted) {
      base = mounted[1];
      rel = rel.slice(mounted[0].length - 1);
    } else if (rel.startsWith('/fixtures/')) {
      base = fixtures;
      rel = rel.slice('/fixtures'.length);
    } else if (rel.startsWith('/corpus/')) {
      base = corpus;
      rel = rel.slice('/corpus'.length);
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(base, path.normalize(rel));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Launches headless Chromium from /usr/bin/chromium (or $CHROMIUM). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Opens a page, recording console errors and page errors in `page.problems`. */
export async function open(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  await page.goto(url);
  return page;
}

/** Waits until the widget (the first, or `selector`) reports `state`. */
export async function waitForState(page, state, selector = '.outturn-root') {
  await page.waitForSelector(`${selector}[data-outturn-state="${state}"]`, { state: 'attached', timeout: 20000 });
}

/**
 * One server and one browser for a whole test file: call at the top level;
 * the returned object has `server` and `browser` once the tests run.
 */
export function sharedBrowser() {
  const shared = {};
  before(async () => {
    shared.server = await serve();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/**
 * Like `sharedBrowser`, and also serves generated files under /generated/:
 * `files()` returns { name: JSON-able value }, written once to a temporary
 * folder that is removed afterwards.
 */
export function sharedBrowserWithFiles(files) {
  const shared = {};
  before(async () => {
    shared.dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outturn-test-'));
    for (const [name, value] of Object.entries(files())) {
      await fs.writeFile(path.join(shared.dir, name), JSON.stringify(value));
    }
    shared.server = await serve({ '/generated/': shared.dir });
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
    if (shared.dir) await fs.rm(shared.dir, { recursive: true, force: true });
  });
  return shared;
}

/** Polls `check` (async, truthy when done) every 50 ms for up to 10 s. */
export async function until(check, what = 'the condition') {
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** In the page: the focused element, looking inside shadow roots. */
export const deepActive = `() => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}`;

/** The themes every accessibility check runs in: [name, emulateMedia options]. */
export const THEMES = [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['high contrast', { colorScheme: 'light', contrast: 'more' }],
];

let axeSource;

/** axe-core's WCAG 2.x A and AA violations on the page, summarised (axe
 * from npm, injected into the page once). */
export async function axeViolations(page) {
  axeSource ??= await fs.readFile(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} -> ${n.failureSummary}`).join(' | ')}`);
  });
}
