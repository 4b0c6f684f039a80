// Hostile input in the browser: data is text, never markup; a sample of the
// bad-input corpus shows its problems while the previous chart stays
// usable; network failures say what happened; oversized files are refused
// before reading; a panic becomes a visible error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs/promises';
import os from 'node:os';
import { sharedBrowser, open, waitForState, corpus } from './support.mjs';

const env = sharedBrowser();
const CARE = '#indicator=domiciliary-care-hours&year=2011-12';

test('a dataset whose every string is an attack payload runs nothing and shows the text as it is', async () => {
  const page = await open(env.browser, `${env.server.url}${CARE}`);
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const console = [];
  page.on('console', (m) => console.push(m.text()));
  await waitForState(page, 'ready');
  const title = await page.title();
  await page.setInputFiles('input[type=file]', path.join(corpus, 'xss-everywhere.json'));
  await page.locator('.outturn-title', { hasText: '<img src=x' }).waitFor();
  await waitForState(page, 'ready');
  const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>"><svg onload=alert(3)>javascript:alert(4) </style><style>*{display:none}</style> ⟨U+202E⟩';
  assert.equal((await page.locator('.outturn-title').textContent()).trim(), payload);
  assert.equal((await page.locator('.outturn-dataset-title').textContent()).trim(), payload);
  assert.match(await page.locator('.outturn-notes').textContent(), /<img src=x onerror=alert\(1\)>/);
  // The custom period labels are drawn in the chart as text.
  const labels = await page.locator('.outturn-svg svg text').allTextContents();
  assert.ok(labels.some((t) => t.includes('<img src=x')), labels.join(' | '));
  // Nothing from the data became an element.
  const injected = await page.locator('.outturn-root img, .outturn-root script, .outturn-root style, .outturn-root svg[onload]').count();
  assert.equal(injected, 0);
  // Tooltip, table and exports keep it as text too.
  await page.locator('.outturn-chart').focus();
  assert.match(await page.locator('[role=tooltip]').innerText(), /<img src=x/);
  await page.click('.outturn-table-toggle');
  assert.match(await page.locator('.outturn-table caption').first().textContent(), /<img src=x onerror=alert\(1\)>/);
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('.outturn-export-svg')]);
  const svg = await fs.readFile(await svgFile.path(), 'utf8');
  assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;') && !svg.includes('<img'), 'SVG export escapes the data');
  const parsed = await page.evaluate((source) => new DOMParser().parseFromString(source, 'image/svg+xml').querySelector('parsererror'), svg);
  assert.equal(parsed, null);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.ok(!console.some((m) => /alert|onerror/.test(m)), console.join('\n'));
  assert.equal(await page.title(), title);
  await page.close();
});

const SAMPLE = [
  ['truncated.json', '$', 'ends too early'],
  ['latin-1.json', '$', 'not UTF-8'],
  ['number-with-comma.json', 'indicators[0].years[0].actual[0]', '1234'],
  ['nan.json', '$', 'NaN and Infinity'],
  ['unit-cost-cycle.json', 'indicators[0].unit_cost', 'loop'],
  ['deep-nesting.json', '$', 'nested too deeply'],
];

test('a sample of the bad-input corpus: the error names the place and the fix, the chart stays usable', async () => {
  const page = await open(env.browser, `${env.server.url}${CARE}`);
  await waitForState(page, 'ready');
  for (const [file, place, fragment] of SAMPLE) {
    await page.setInputFiles('input[type=file]', path.join(corpus, file));
    await waitForState(page, 'error');
    const alert = await page.locator('.outturn-problems[role=alert]').innerText();
    assert.ok(alert.includes(place) && alert.includes(fragment), `${file}: ${alert}`);
    assert.match(await page.locator('.outturn-title').textContent(), /domiciliary care/);
  }
  // Warnings load the data and are shown as a status.
  await page.setInputFiles('input[type=file]', path.join(corpus, 'negative-hours.json'));
  await page.locator('[role=status]', { hasText: 'is negative' }).waitFor();
  await waitForState(page, 'ready');
  await page.close();
});

test('a file over the size limit is refused at once', async () => {
  const page = await open(env.browser, `${env.server.url}${CARE}`);
  await waitForState(page, 'ready');
  const huge = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'outturn-')), 'huge.json');
  await (await fs.open(huge, 'w')).truncate(60 * 1024 * 1024);
  await page.setInputFiles('input[type=file]', huge);
  await waitForState(page, 'error');
  assert.match(await page.locator('[role=alert]').first().innerText(), /the file is 60\.0 MB; Outturn reads files up to 50 MB/);
  await fs.rm(path.dirname(huge), { recursive: true });
  await page.close();
});

test('network failures say what happened: HTML, timeout, CORS, and schemes refused', async () => {
  // Another origin that does not allow this page to read it.
  const other = http.createServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  const otherUrl = `http://127.0.0.1:${other.address().port}/data.json`;
  const page = await open(env.browser, `${env.server.url}${CARE}`);
  await waitForState(page, 'ready');
  await page.route('**/never.json', () => {}); // never answers
  const results = await page.evaluate(async ({ otherUrl }) => {
    const { mount } = await import('./outturn.js');
    const read = async (options) => {
      const host = document.createElement('div');
      document.body.append(host);
      mount(host, options);
      for (let i = 0; i < 100; i += 1) {
        const root = host.shadowRoot?.querySelector('.outturn-root');
        if (root?.dataset.outturnState === 'error') return root.querySelector('[role=alert]').textContent;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return 'no error shown';
    };
    return {
      html: await read({ src: 'index.html' }),
      timeout: await read({ src: 'never.json', timeout: 300 }),
      cors: await read({ src: otherUrl }),
      data: await read({ src: 'data:application/json,{}' }),
    };
  }, { otherUrl });
  assert.match(results.html, /returned a web page \(HTML\), not JSON data/);
  assert.match(results.timeout, /did not answer within 0 seconds|did not answer within/);
  assert.match(results.cors, /does not allow this page to read it \(CORS\)/);
  assert.match(results.data, /only be loaded over http or https, not data:/);
  await page.close();
  await new Promise((resolve) => other.close(resolve));
});

test('a panic inside the module becomes a visible error, not a frozen chart', async () => {
  const page = await open(env.browser, `${env.server.url}${CARE}`);
  await waitForState(page, 'ready');
  await page.evaluate(async () => {
    const { panicDrill } = await import('./outturn.js');
    try {
      panicDrill();
    } catch {
      // The module traps after the hook has run.
    }
  });
  const alert = page.locator('.outturn-fatal[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Outturn stopped because of an internal error\. Reload the page/);
  await page.close();
});
