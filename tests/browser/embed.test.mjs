// Embedding: a host page with two differently configured widgets under the
// strict Content-Security-Policy, the JavaScript API (mount, update,
// destroy), all using the examples in examples/ as a web team would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sharedBrowser, waitForState, until, root } from './support.mjs';

const env = sharedBrowser();

/** A page that records CSP violations, console errors and every request. */
async function watchedPage(url) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.problems = [];
  page.requests = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => page.requests.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    // Count listeners on window, document and media queries, and live
    // ResizeObservers, to check that destroy() leaves nothing behind.
    const entries = [];
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const capture = (o) => (typeof o === 'boolean' ? o : Boolean(o?.capture));
    const same = (e, t, type, fn, o) => e[0] === t && e[1] === type && e[2] === fn && e[3] === capture(o);
    EventTarget.prototype.addEventListener = function (type, fn, o) {
      if (!entries.some((e) => same(e, this, type, fn, o))) entries.push([this, type, fn, capture(o)]);
      return add.call(this, type, fn, o);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, o) {
      const at = entries.findIndex((e) => same(e, this, type, fn, o));
      if (at >= 0) entries.splice(at, 1);
      return remove.call(this, type, fn, o);
    };
    const live = new Set();
    const Native = window.ResizeObserver;
    window.ResizeObserver = class extends Native {
      observe(...args) { live.add(this); return super.observe(...args); }
      disconnect() { live.delete(this); return super.disconnect(); }
    };
    window.__leftovers = (host) => ({
      global: entries.filter((e) => e[0] === window || e[0] === document || e[0] instanceof MediaQueryList).length,
      host: entries.filter((e) => e[0] === host).length,
      observers: live.size,
    });
  });
  await page.goto(url);
  return page;
}

test('"Add your data" under the strict CSP: the importer loads from beside outturn.js, nothing blocked', async () => {
  const page = await watchedPage(`${env.server.url}examples/two-widgets.html`);
  await until(async () => (await page.locator('.outturn-root[data-outturn-state=ready]').count()) === 2);
  // The first widget's host: the panel's second part is drawn beside the
  // widget's root, in the same shadow root.
  const first = page.locator('.outturn').first();
  await first.locator('.outturn-import-toggle').click();
  await first.locator('.outturn-import-text textarea').fill(await fs.readFile(path.join(root, 'tests', 'fixtures', 'report-tables', 'kent-2012-key-activity', '3.4-waste-tonnage.txt'), 'utf8'));
  await first.locator('input[id$=import-unit]').fill('tonnes');
  await first.locator('.outturn-import-ok').waitFor();
  const origin = new URL(env.server.url).origin;
  // Beside outturn.js and outturn.css (../ from the example page), once.
  const importer = page.requests.filter((u) => u.includes('outturn-import')).map((u) => new URL(u));
  assert.deepEqual(importer.map((u) => u.pathname), ['/outturn-import-start.js', '/outturn-import.js', '/outturn-import_bg.wasm']);
  assert.ok(importer.every((u) => u.origin === origin));
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('two differently configured widgets under a strict CSP: both render, nothing blocked, nothing from elsewhere', async () => {
  const page = await watchedPage(`${env.server.url}examples/two-widgets.html`);
  const roots = page.locator('.outturn-root');
  await until(async () => (await page.locator('.outturn-root[data-outturn-state=ready]').count()) === 2);
  assert.equal(await roots.count(), 2);
  assert.equal(await roots.nth(0).getAttribute('data-view'), 'cumulative');
  assert.match(await roots.nth(0).locator('.outturn-title').textContent(), /Waste tonnage/);
  assert.equal(await roots.nth(1).getAttribute('data-view'), 'variance');
  assert.match(await roots.nth(1).locator('.outturn-title').textContent(), /Winter salting runs/);
  // Independent: changing one leaves the other alone.
  await roots.nth(1).locator('.outturn-view-button[data-view=budget]').click();
  await page.waitForSelector('.outturn-root[data-view=budget]');
  assert.equal(await roots.nth(0).getAttribute('data-view'), 'cumulative');
  // The state is mirrored on the host elements, outside the shadow roots.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.outturn')].map((h) => h.dataset.outturnState)), ['ready', 'ready']);
  // The host page's URL is left alone.
  assert.equal(new URL(page.url()).hash, '');
  // The brand's custom properties reach the second widget only.
  const colours = await roots.evaluateAll((all) => all.map((r) => getComputedStyle(r).getPropertyValue('--outturn-actual').trim()));
  assert.deepEqual(colours, ['#12436d', '#00594f']);
  const fonts = await roots.evaluateAll((all) => all.map((r) => getComputedStyle(r).fontFamily));
  assert.match(fonts[0], /Georgia/); // inherits the host page's font
  assert.match(fonts[1], /Arial/); // or the brand's
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  const origin = new URL(env.server.url).origin;
  const elsewhere = page.requests.filter((u) => new URL(u).origin !== origin);
  assert.deepEqual(elsewhere, []);
  // One request for the data and one for the stylesheet: the widget takes
  // the response the loader asked for, and both widgets adopt one shared
  // sheet made from the loader's stylesheet instead of linking it again,
  // the one the loader itself made (in JavaScript, so the rules never cross
  // into the WebAssembly and back).
  const requested = (name) => page.requests.filter((u) => new URL(u).pathname.endsWith(name)).length;
  assert.equal(requested('/kent-2011-12-key-activity.json'), 1);
  assert.equal(requested('/outturn.css'), 1);
  const styles = await page.evaluate(() => {
    const shadows = [...document.querySelectorAll('.outturn')].map((host) => host.shadowRoot);
    return {
      adopted: shadows.map((shadow) => shadow.adoptedStyleSheets.length),
      shared: shadows[0].adoptedStyleSheets[0] === shadows[1].adoptedStyleSheets[0],
      loaders: shadows[0].adoptedStyleSheets[0] === window[Symbol.for('outturn.styles')],
      links: shadows.map((shadow) => shadow.querySelectorAll('link').length),
    };
  });
  assert.deepEqual(styles, { adopted: [1, 1], shared: true, loaders: true, links: [0, 0] });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a widget whose data is already here draws its chart in its first render, once, at the width it keeps', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    // Every state each host shows, and every chart drawing put into each
    // shadow root (an <svg> added under .outturn-svg), as they happen.
    window.__states = new Map();
    window.__drawn = new Map();
    new MutationObserver((records) => {
      for (const { target } of records) {
        const states = window.__states.get(target) ?? [];
        states.push(target.getAttribute('data-outturn-state'));
        window.__states.set(target, states);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-outturn-state'] });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = attach.call(this, init);
      const host = this;
      // Each drawing is a new <svg> element; a record may show a subtree
      // whose drawing an earlier record already showed.
      const drawn = new Set();
      window.__drawn.set(host, drawn);
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node.nodeType !== 1) continue;
            const svgs = node.matches('.outturn-svg > svg') ? [node] : [...node.querySelectorAll('.outturn-svg > svg')];
            for (const svg of svgs) drawn.add(svg);
          }
        }
      }).observe(shadow, { childList: true, subtree: true });
      return shadow;
    };
  });
  await page.goto(`${env.server.url}examples/two-widgets.html`);
  await until(async () => (await page.locator('.outturn[data-outturn-state=ready]').count()) === 2);
  // Let anything that would draw again (a resize, the colours read from
  // the stylesheet, a late effect) happen before looking.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))));
  const seen = await page.evaluate(() =>
    [...document.querySelectorAll('.outturn')].map((host) => ({
      states: window.__states.get(host),
      drawn: [...window.__drawn.get(host)].map((svg) => svg.getAttribute('width')),
      width: String(host.shadowRoot.querySelector('.outturn-chart-box').clientWidth),
    })),
  );
  // Inline data is here before the first render: the widget goes straight
  // to "ready", without a "loading" render in between. So is data from a
  // URL, which outturn.js reads ahead while the WebAssembly compiles, even
  // sent with no Content-Length (this server sends every body chunked, as
  // servers compressing on the fly do).
  assert.deepEqual(seen[1].states, ['ready']);
  assert.deepEqual(seen[0].states, ['ready']);
  // Each chart is drawn once, at the chart area's final width: the width
  // guessed before the first render (mount.rs, start_for) was right.
  for (const { drawn, width } of seen) assert.deepEqual(drawn, [width]);
  await page.close();
});

test('the JavaScript API mounts, updates and destroys, leaving no listeners behind', async () => {
  const page = await watchedPage(`${env.server.url}examples/api.html`);
  await page.waitForFunction(() => document.querySelector('link[data-outturn-styles]'));
  const host = await page.evaluateHandle(() => document.getElementById('chart'));
  const before = await page.evaluate((h) => window.__leftovers(h), host);
  await page.click('#add');
  await waitForState(page, 'ready');
  const during = await page.evaluate((h) => window.__leftovers(h), host);
  assert.ok(during.global > before.global && during.observers > before.observers, JSON.stringify({ before, during }));
  assert.match(await page.locator('.outturn-headline').textContent(), /2,410,522 hours in 2011-12/);
  await page.click('#show-variance');
  await page.waitForSelector('.outturn-root[data-view=variance]');
  await page.click('#remove');
  await until(async () => (await page.locator('.outturn-root').count()) === 0);
  const after = await page.evaluate((h) => window.__leftovers(h), host);
  assert.deepEqual(after, before);
  // It can be mounted again on the same element.
  await page.click('#add');
  await waitForState(page, 'ready');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('iframe mode takes options from the query and sizes its frame without scroll bars', async () => {
  const page = await watchedPage(`${env.server.url}examples/iframe.html`);
  const frame = page.frameLocator('iframe.outturn-frame');
  await frame.locator('.outturn-root[data-outturn-state=ready]').waitFor();
  assert.equal(await frame.locator('.outturn-root').getAttribute('data-view'), 'cumulative');
  assert.match(await frame.locator('.outturn-title').textContent(), /Waste tonnage/);
  const fits = async () => {
    const element = await page.$('iframe.outturn-frame');
    const content = await element.contentFrame();
    const inner = await content.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
    const outer = await element.evaluate((f) => f.clientHeight);
    return { inner, outer };
  };
  await page.waitForFunction(() => document.querySelector('iframe.outturn-frame').style.height !== '');
  let size = await fits();
  assert.ok(size.inner.scroll <= size.inner.client + 1, JSON.stringify(size));
  assert.ok(Math.abs(size.outer - size.inner.scroll) <= 2, JSON.stringify(size));
  // A taller view: the frame grows with it.
  const before = size.outer;
  await frame.locator('.outturn-view-button[data-view=dashboard]').click();
  await frame.locator('.outturn-root[data-view=dashboard][data-outturn-state=ready]').waitFor();
  await page.waitForFunction((h) => parseFloat(document.querySelector('iframe.outturn-frame').style.height) > h + 100, before);
  size = await fits();
  assert.ok(size.inner.scroll <= size.inner.client + 1, JSON.stringify(size));
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** "2,402,516 hours" → 2402516, "£3,093k" → 3093000, "" → null (as the CSV writes them). */
function cellNumber(text) {
  const match = /^([+-]?)£?([\d,]+(?:\.\d+)?)(k|m)?(?![a-z])/.exec(text.trim().replace(/^([+-])£/, '$1'));
  if (!match) return null;
  const value = Number(match[2].replace(/,/g, '')) * (match[3] === 'k' ? 1e3 : match[3] === 'm' ? 1e6 : 1);
  return match[1] === '-' ? -value : value;
}

test('exports: the SVG parses with its labels, the PNG is twice the size, the CSV equals the table', async () => {
  const page = await watchedPage(`${env.server.url}#indicator=domiciliary-care-hours&year=2011-12`);
  await waitForState(page, 'ready');
  const svg = await download(page, '.outturn-export-svg');
  assert.equal(svg.name, 'domiciliary-care-hours-2011-12-budget.svg');
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: doc.querySelector('title')?.textContent,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()),
    };
  }, text);
  assert.equal(parsed.error, null);
  assert.match(parsed.title, /Older people domiciliary care/);
  for (const label of ['Apr', 'Mar', 'Actual 2011-12', 'Affordable level 2011-12', '2010-11']) {
    assert.ok(parsed.texts.includes(label), `${label} in ${parsed.texts.join('|')}`);
  }

  const png = await download(page, '.outturn-export-png');
  assert.equal(png.name, 'domiciliary-care-hours-2011-12-budget.png');
  assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
  const chartWidth = Number(await page.locator('.outturn-svg svg').getAttribute('width'));
  assert.equal(png.bytes.readUInt32BE(16), chartWidth * 2);
  assert.ok(png.bytes.readUInt32BE(20) > Number(await page.locator('.outturn-svg svg').getAttribute('height')) * 2);

  const csv = await download(page, '.outturn-export-csv');
  const rows = csv.bytes.toString('utf8').trim().split('\r\n').map((line) => line.split(','));
  assert.deepEqual(rows[0], ['Period', 'Affordable level (hours)', 'Actual (hours)', 'Variance (hours)', 'Variance (%)']);
  const table = await page.locator('.outturn-table table').first().evaluate((t) =>
    [...t.querySelectorAll('tbody tr, tfoot tr')].map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length - 1, table.length);
  table.forEach((cells, r) => {
    const csvRow = rows[r + 1];
    assert.equal(csvRow[0], cells[0]);
    assert.equal(Number(csvRow[1] || NaN), cellNumber(cells[1]) ?? NaN, `${cells[0]} budget`);
    assert.equal(Number(csvRow[2] || NaN), cellNumber(cells[2]) ?? NaN, `${cells[0]} actual`);
    assert.equal(csvRow[3] === '' ? null : Number(csvRow[3]), cellNumber(cells[3] ?? ''), `${cells[0]} variance`);
  });
  assert.deepEqual(rows[6], ['September 2011', '198025', '197127', '-898', '-0.5']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('page styles do not reach the widget and widget styles do not reach the page', async () => {
  const page = await watchedPage(`${env.server.url}examples/hostile-styles.html`);
  await waitForState(page, 'ready');
  // The host page's aggressive rules leave the widget as designed...
  const button = page.locator('.outturn-view-button').first();
  assert.notEqual(await button.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(255, 0, 255)');
  assert.notEqual(await page.locator('.outturn-title').evaluate((h) => getComputedStyle(h).textTransform), 'uppercase');
  assert.equal(await page.locator('.outturn-svg svg').evaluate((s) => getComputedStyle(s).display), 'block');
  // Not even through inheritance from the host element.
  assert.equal(await page.locator('.outturn-headline').evaluate((p) => getComputedStyle(p).letterSpacing), 'normal');
  // ...and the page's own elements keep the page's look, not the widget's.
  const own = page.locator('#page-button');
  assert.equal(await own.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(255, 0, 255)');
  assert.equal(await page.locator('#page-table td').evaluate((td) => getComputedStyle(td).textAlign), 'left');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('data the loader asked for ahead is checked as the widget would check it: missing, too slow, a web page, or good', async () => {
  const page = await watchedPage('about:blank');
  // A host page beside outturn.js, and an address that never answers.
  await page.route('**/loader-data.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en-GB"><head><title>Loader data</title>
        <script type="module" src="outturn.js"></script></head><body>
        <div class="outturn" data-src="fixtures/no-such-file.json"></div>
        <div class="outturn" data-src="never.json" data-timeout="300"></div>
        <div class="outturn" data-src="index.html"></div>
        <div class="outturn" data-src="fixtures/valid/minimal.json"></div>
        </body></html>`,
    }),
  );
  await page.route('**/never.json', () => {});
  await page.goto(`${env.server.url}loader-data.html`);
  await until(async () => (await page.evaluate(() => [...document.querySelectorAll('.outturn')].every((h) => ['error', 'ready'].includes(h.dataset.outturnState)))));
  const seen = await page.evaluate(() => ({
    states: [...document.querySelectorAll('.outturn')].map((h) => h.dataset.outturnState),
    alerts: [...document.querySelectorAll('.outturn')].map((h) => h.shadowRoot.querySelector('[role=alert]')?.textContent ?? ''),
    // Every response the loader asked for was taken by its widget.
    left: window[Symbol.for('outturn.preloaded')].size,
  }));
  assert.deepEqual(seen.states, ['error', 'error', 'error', 'ready']);
  assert.match(seen.alerts[0], /the server answered 404/);
  assert.match(seen.alerts[1], /did not answer within 0 seconds/);
  assert.match(seen.alerts[2], /returned a web page \(HTML\), not JSON data/);
  assert.equal(seen.left, 0);
  // Each address was asked for once.
  const requested = (name) => page.requests.filter((u) => new URL(u).pathname.endsWith(name)).length;
  assert.deepEqual(['no-such-file.json', 'never.json', 'index.html', 'minimal.json'].map(requested), [1, 1, 1, 1]);
  await page.close();
});
