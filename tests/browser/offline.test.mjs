// Offline: dist/outturn-standalone.html (written by `trunk build` through a
// post-build hook) opened from file:// with the network blocked renders the
// default dataset and loads others by file picker and by drag and drop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { sharedBrowser, dist, root, waitForState } from './support.mjs';

const env = sharedBrowser();
const standalone = path.join(dist, 'outturn-standalone.html');
const example = path.join(root, 'docs', 'examples', 'full.json');

test('the single file works from file:// with no network', async () => {
  const context = await env.browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const network = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.route(/^(https?|wss?):/, (route) => {
    network.push(route.request().url());
    return route.abort();
  });
  await page.goto(pathToFileURL(standalone).href);
  await waitForState(page, 'ready');
  assert.equal(await page.locator('select.outturn-indicator option').count(), 38);
  assert.match(await page.locator('.outturn-headline').textContent(), /against an affordable level of/);

  // A second dataset through the file input.
  await page.setInputFiles('input[type=file]', example);
  await page.locator('.outturn-dataset-title', { hasText: 'Adult social care' }).first().waitFor();
  await waitForState(page, 'ready');
  assert.equal(await page.locator('select.outturn-indicator option').count(), 6);

  // And a third by dropping a file on the widget.
  const text = await fs.readFile(path.join(root, 'docs', 'examples', 'minimal.json'), 'utf8');
  await page.evaluate((json) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], 'minimal.json', { type: 'application/json' }));
    const target = document.querySelector('.outturn').shadowRoot.querySelector('.outturn-root');
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, text);
  await page.locator('.outturn-dataset-title', { hasText: 'Minimal example' }).first().waitFor();

  // And "Add your data": the importer is in the file, started on request.
  await page.click('.outturn-import-toggle');
  await page.fill('.outturn-import-text textarea', await fs.readFile(path.join(root, 'tests', 'fixtures', 'report-tables', 'kent-2012-key-activity', '3.4-waste-tonnage.txt'), 'utf8'));
  await page.fill('input[id$=import-unit]', 'tonnes');
  await page.locator('.outturn-import-ok').waitFor();
  await page.locator('.outturn-title', { hasText: 'Waste Tonnage' }).waitFor();
  assert.deepEqual(network, []);
  assert.deepEqual(problems, []);
  await context.close();
});
