// The scorecard, as a reader of a performance report uses it: data that is
// mostly performance indicators opens on it; its counts are the report's;
// it sorts, filters and opens an indicator; axe-core finds no violation in
// any theme at 1280 and 320 px; and it works from the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, open, waitForState, deepActive, THEMES, axeViolations } from './support.mjs';

const env = sharedBrowser();
const QUARTERLY = '?src=kent-2011-12-q4-performance.json';


/** The focused element (inside shadow roots too). */
function active(page) {
  return page.evaluate(`((active) => active && { row: active.dataset.row, text: active.textContent.trim(), id: active.id })((${deepActive})())`);
}

/** Presses Tab until `predicate` holds of the focused element (at most 80 times). */
async function tabTo(page, predicate, what) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`((active) => ${predicate})((${deepActive})())`)) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('performance data opens on the scorecard, with the report\'s counts beside the figures\'', async () => {
  const page = await open(env.browser, `${env.server.url}${QUARTERLY}`);
  await waitForState(page, 'ready');
  assert.equal(await page.locator('.outturn-root').getAttribute('data-view'), 'scorecard');
  assert.equal(await page.locator('.outturn-view-button[data-view=scorecard]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.outturn-scorecard-table tbody tr').count(), 30);
  const counts = await page.locator('.outturn-scorecard-counts').allInnerTexts();
  assert.match(counts[0], /^The report: ✓\u00a021 Green, !\u00a03 Amber, ✕\u00a06 Red;/);
  assert.match(counts[1], /^By their figures against target: ✓\u00a018 Green, ▽\u00a010 Below target, 2 with no status/);
  // A real table: a caption, column headers, a row header per indicator.
  assert.equal(await page.locator('.outturn-scorecard-table caption').count(), 1);
  assert.equal(await page.locator('.outturn-scorecard-table thead th[scope=col]').count(), 10);
  assert.equal(await page.locator('.outturn-scorecard-table tbody th[scope=row]').count(), 30);
  // Higher is better: waste diverted from landfill is Green, better than target.
  const waste = page.locator('tr[data-indicator=qpr-26-municipal-waste-diverted-from-landfill]');
  assert.match(await waste.innerText(), /✓\u00a0Green[\s\S]*78\.1%[\s\S]*72\.2%[\s\S]*5\.9 percentage points better/);
  // Printed Green at 74.6% against 75%: the report's word, flagged.
  const kpi22 = page.locator('tr[data-indicator=qpr-22-outcomes-achieved-first-review]');
  assert.match(await kpi22.innerText(), /✓\u00a0Green\s*Its figures are below its target/);
  // Worst first: the status column is marked sorted, Red rows lead.
  await page.selectOption('.outturn-scorecard-controls .outturn-sort select', 'status');
  assert.equal(await page.locator('thead th[aria-sort]').innerText(), 'Status');
  assert.equal(await page.locator('thead th[aria-sort]').getAttribute('aria-sort'), 'descending');
  assert.match(await page.locator('tbody tr').first().innerText(), /✕\u00a0Red/);
  // Filtered to Amber: three rows, all Amber.
  await page.selectOption('.outturn-scorecard-controls .outturn-filter select', 'amber');
  const statuses = await page.locator('tbody .outturn-standing').allInnerTexts();
  assert.deepEqual(statuses, ['!\u00a0Amber', '!\u00a0Amber', '!\u00a0Amber']);
  assert.match(await page.locator('.outturn-title').innerText(), /^3 of 30 indicators with a target or status, 2011-12: !\u00a0Amber/);
  // Choosing a row opens its indicator, read against its target.
  await page.locator('.outturn-row-open').first().click();
  await page.waitForSelector('.outturn-root[data-view=budget][data-outturn-state=ready]');
  assert.match(await page.locator('.outturn-headline').innerText(), /against a target of/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

for (const [name, media] of THEMES) {
  for (const width of [1280, 320]) {
    test(`axe finds no violations on the scorecard: ${name}, ${width} px`, async () => {
      const page = await env.browser.newPage({ viewport: { width, height: 900 } });
      await page.emulateMedia(media);
      await page.goto(`${env.server.url}${QUARTERLY}`);
      await waitForState(page, 'ready');
      await page.waitForSelector('.outturn-root[data-view=scorecard]');
      const found = await axeViolations(page);
      // And sorted and filtered, with a flagged row in view.
      await page.selectOption('.outturn-scorecard-controls .outturn-filter select', 'disputed');
      for (const v of await axeViolations(page)) found.push(`filtered: ${v}`);
      assert.deepEqual(found, []);
      // The page never scrolls sideways; the table scrolls in its own region.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0);
      await page.close();
    });
  }
}

test('keyboard only: the scorecard is sorted, filtered, walked and an indicator opened', async () => {
  const page = await open(env.browser, `${env.server.url}${QUARTERLY}`);
  await waitForState(page, 'ready');
  // The order: a select, changed with the arrow keys.
  await tabTo(page, "active?.closest('.outturn-sort') && active.tagName === 'SELECT'", 'the order');
  await page.keyboard.press('ArrowDown');
  await page.locator('thead th[aria-sort]').waitFor();
  assert.equal(await page.locator('thead th[aria-sort]').innerText(), 'Status');
  // Into the table: the first row's indicator.
  await tabTo(page, "active?.classList.contains('outturn-row-open')", 'the first row');
  assert.equal((await active(page)).row, '0');
  const first = (await active(page)).text;
  assert.match(await page.locator('tbody tr').first().innerText(), /✕\u00a0Red/);
  await page.keyboard.press('ArrowDown');
  assert.equal((await active(page)).row, '1');
  await page.keyboard.press('End');
  assert.equal((await active(page)).row, '29');
  await page.keyboard.press('ArrowDown');
  assert.equal((await active(page)).row, '29', 'stops at the last row');
  await page.keyboard.press('Home');
  assert.equal((await active(page)).text, first);
  // Enter opens it; the Scorecard tab brings the table back.
  await page.keyboard.press('Enter');
  await page.waitForSelector('.outturn-root[data-view=budget][data-outturn-state=ready]');
  assert.equal(await page.locator('.outturn-title').innerText(), first);
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, 'active?.dataset?.view === "scorecard"', 'the scorecard tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.outturn-root[data-view=scorecard][data-outturn-state=ready]');
  // Tab leaves the table (no trap) and reaches the filter before it.
  await tabTo(page, "active?.closest('.outturn-filter') && active.tagName === 'SELECT'", 'the filter');
  await page.keyboard.press('ArrowDown');
  await page.locator('.outturn-title', { hasText: /^6 of 30/ }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('activity data has no scorecard tab, and view=scorecard shows its chart', async () => {
  const page = await open(env.browser, `${env.server.url}#view=scorecard`);
  await waitForState(page, 'ready');
  assert.equal(await page.locator('.outturn-view-button[data-view=scorecard]').count(), 0);
  assert.equal(await page.locator('.outturn-chart').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a performance indicator\'s variance view draws its distance from target, better or worse by polarity', async () => {
  const page = await open(env.browser, `${env.server.url}${QUARTERLY}#indicator=qpr-26-municipal-waste-diverted-from-landfill&view=variance`);
  await waitForState(page, 'ready');
  assert.equal(await page.locator('.outturn-root').getAttribute('data-view'), 'variance');
  assert.match(await page.locator('figcaption').first().textContent(), /^Actual minus target by quarter, 2011-12/);
  const legend = await page.locator('.outturn-legend').innerText();
  assert.match(legend, /Bars: better than target/);
  assert.doesNotMatch(legend, /affordable level/);
  assert.match(await page.locator('.outturn-summary').first().textContent(), /higher is better, so bars above zero are better than target/);
  assert.deepEqual(page.problems, []);
  await page.close();
});
