// Browser tests for the explore views and their interactions: every view
// from the UI and from the URL, the dashboard, cumulative, variance, years
// (zoom and pan by buttons, keys, wheel and drag), cost, forecast, legend
// toggles, URL round trip with back/forward, themes, widths and print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, open, waitForState, until, VIEWS } from './support.mjs';

const env = sharedBrowser();

const CARE = 'indicator=domiciliary-care-hours&year=2011-12';

async function openAt(hash, options) {
  const page = await open(env.browser, `${env.server.url}#${hash}`, options);
  await waitForState(page, 'ready');
  return page;
}

/** Hovers the middle of x position `index` of chart number `nth`. */
async function hoverPosition(page, index, nth = 0) {
  const chart = page.locator('.outturn-chart').nth(nth);
  await chart.scrollIntoViewIfNeeded();
  const left = Number(await chart.getAttribute('data-plot-left'));
  const right = Number(await chart.getAttribute('data-plot-right'));
  const min = Number(await chart.getAttribute('data-x-min'));
  const max = Number(await chart.getAttribute('data-x-max'));
  const box = await chart.boundingBox();
  const x = left + ((index - min) * (right - left)) / (max - min);
  await chart.hover({ position: { x, y: box.height / 2 } });
  return page.locator('[role=tooltip]').innerText();
}

async function windowOf(page, nth) {
  const chart = page.locator('.outturn-chart').nth(nth);
  return [Number(await chart.getAttribute('data-x-min')), Number(await chart.getAttribute('data-x-max'))];
}

test('every view is reachable from the tabs and draws', async () => {
  const page = await openAt(CARE);
  // Domiciliary care has every view: the tabs are the list the tests use.
  const tabs = await page.locator('.outturn-view-button').evaluateAll((buttons) => buttons.map((b) => b.dataset.view));
  assert.deepEqual(tabs, VIEWS);
  for (const view of VIEWS) {
    await page.click(`.outturn-view-button[data-view=${view}]`);
    await page.waitForSelector(`.outturn-root[data-view=${view}][data-outturn-state=ready]`);
    assert.equal(await page.locator(`.outturn-view-button[data-view=${view}]`).getAttribute('aria-pressed'), 'true');
    if (view === 'dashboard') {
      assert.equal(await page.locator('.outturn-card').count(), 38);
    } else {
      const charts = await page.locator('.outturn-chart').count();
      assert.equal(charts, view === 'years' || view === 'cost' ? 2 : 1, view);
      assert.ok((await hoverPosition(page, 1)).length > 0, view);
    }
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('view= in the URL opens that view, from the hash or the query string', async () => {
  for (const view of VIEWS) {
    const page = await openAt(`${CARE}&view=${view}`);
    assert.equal(await page.locator('.outturn-root').getAttribute('data-view'), view);
    await page.close();
  }
  const page = await open(env.browser, `${env.server.url}?indicator=waste-tonnage&view=variance`);
  await waitForState(page, 'ready');
  assert.equal(await page.locator('.outturn-root').getAttribute('data-view'), 'variance');
  assert.match(await page.locator('.outturn-title').textContent(), /Waste tonnage/);
  await page.close();
});

test('the dashboard shows all 38 indicators, sorts by variance and opens one', async () => {
  const page = await openAt(`${CARE}&view=dashboard`);
  assert.equal(await page.locator('.outturn-card').count(), 38);
  const care = await page.locator('.outturn-card[data-indicator=domiciliary-care-hours]').innerText();
  assert.match(care, /▲ Over/);
  assert.match(care, /\+8,006 hours \(\+0\.3%\)/);
  assert.match(care, /12 of 12 months/);
  // Groups out of view are laid out once scrolled to (content-visibility).
  const wasteCard = page.locator('.outturn-card[data-indicator=waste-tonnage]');
  await wasteCard.scrollIntoViewIfNeeded();
  await until(async () => (await wasteCard.innerText()).trim() !== '', 'the waste card laid out');
  assert.match(await wasteCard.innerText(), /▼ Under\s+-44,717 tonnes \(-5\.9%\)/);
  await page.selectOption('select.outturn-order', 'variance');
  await until(async () => (await page.locator('.outturn-group').nth(1).locator('.outturn-card').first()
    .getAttribute('data-indicator')) === 'foster-care-independent-weeks');
  await page.click('.outturn-card[data-indicator=waste-tonnage]');
  await page.waitForSelector('.outturn-root[data-view=budget][data-outturn-state=ready]');
  assert.match(await page.locator('.outturn-title').textContent(), /Waste tonnage/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('pointing at a dashboard sparkline shows that period in a tooltip, at once', async () => {
  for (const width of [1280, 375]) {
    const page = await openAt(`${CARE}&view=dashboard`, { width });
    const spark = page.locator('.outturn-card[data-indicator=domiciliary-care-hours] .outturn-spark');
    await spark.scrollIntoViewIfNeeded();
    // Cards out of view are laid out once scrolled to (content-visibility).
    await until(async () => (await spark.boundingBox())?.height > 0, 'the sparkline laid out');
    const box = await spark.boundingBox();
    // June is the third of twelve points, which run from 2 px to width - 2 px.
    await page.mouse.move(box.x + 2 + (2 / 11) * (box.width - 4), box.y + box.height / 2);
    const tip = page.locator('.outturn-spark-tip');
    await tip.waitFor({ state: 'visible' });
    const text = await tip.innerText();
    assert.match(text, /June 2011/);
    assert.match(text, /Affordable level: 203,326 hours/);
    assert.match(text, /Actual: 197,085 hours/);
    // Placed just below the sparkline, inside the page.
    const at = await tip.boundingBox();
    assert.ok(at.y >= box.y + box.height && at.y < box.y + box.height + 40, `tooltip at y=${at.y}`);
    assert.ok(at.x >= 0 && at.x + at.width <= width, `tooltip from x=${at.x} to ${at.x + at.width}`);
    // Escape and leaving the cards dismiss it.
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await tip.waitFor({ state: 'visible' });
    await page.mouse.move(1, 1);
    await tip.waitFor({ state: 'hidden' });
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('year to date shows cumulative lines and the year target', async () => {
  const page = await openAt(`${CARE}&view=cumulative`);
  const svgText = (await page.locator('.outturn-svg svg text').allTextContents()).join(' ');
  assert.match(svgText, /Affordable level for the year: 2,402,516/);
  const tip = await hoverPosition(page, 11);
  assert.match(tip, /Actual to date\s+2,410,522 hours/);
  assert.match(tip, /Variance to date\s+\+8,006 \(\+0\.3%\)/);
  await page.close();
});

test('variance view draws diverging bars with the variance to date', async () => {
  const page = await openAt(`${CARE}&view=variance`);
  const tip = await hoverPosition(page, 2);
  assert.match(tip, /June 2011/);
  assert.match(tip, /Variance\s+-6,241 \(-3\.1%\)/);
  assert.match(tip, /Variance to date\s+-16,971/); // -4,682 - 6,048 - 6,241
  // One bar (rect) per month, over or under.
  const legend = await page.locator('.outturn-legend').innerText();
  assert.match(legend, /Bars up: over/);
  assert.match(legend, /Bars down: under/);
  await page.close();
});

test('year on year overlays every year and the timeline zooms and pans every way', async () => {
  const page = await openAt(`${CARE}&view=years`);
  const overlay = await hoverPosition(page, 0, 0);
  assert.match(overlay, /Actual 2011-12\s+202,177 hours/);
  assert.match(overlay, /Affordable level 2012-13\s+192,239 hours/);
  const full = await windowOf(page, 1);
  assert.deepEqual(full, [-0.5, 47.5]);
  // Buttons.
  await page.click('.outturn-zoom-in');
  const zoomed = await windowOf(page, 1);
  assert.ok(zoomed[1] - zoomed[0] < 30, `zoomed ${zoomed}`);
  await page.click('.outturn-pan-earlier');
  const earlier = await windowOf(page, 1);
  assert.ok(earlier[0] < zoomed[0], `earlier ${earlier}`);
  assert.match(await page.locator('.outturn-zoom-state').textContent(), /Showing April 2009 to/);
  await page.click('.outturn-zoom-reset');
  assert.deepEqual(await windowOf(page, 1), full);
  // Keyboard: + zooms, Shift+ArrowRight pans, 0 resets.
  const timeline = page.locator('.outturn-chart').nth(1);
  await timeline.focus();
  await page.keyboard.press('+');
  const keyed = await windowOf(page, 1);
  assert.ok(keyed[1] - keyed[0] < 48, `keyed ${keyed}`);
  await page.keyboard.press('Shift+ArrowRight');
  const panned = await windowOf(page, 1);
  assert.ok(panned[0] > keyed[0] || panned[1] === full[1], `panned ${panned}`);
  await page.keyboard.press('0');
  assert.deepEqual(await windowOf(page, 1), full);
  // Wheel over the timeline zooms without scrolling the page.
  await hoverPosition(page, 30, 1);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, -200);
  await until(async () => (await page.locator('.outturn-chart').nth(1).getAttribute('data-x-max')) !== '47.50');
  assert.equal(await page.evaluate(() => window.scrollY), scrollBefore);
  // Dragging pans.
  const before = await windowOf(page, 1);
  const box = await timeline.boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const dragged = await windowOf(page, 1);
  assert.ok(dragged[0] < before[0], `dragged ${before} -> ${dragged}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('cost view splits the £ effect and switches convention', async () => {
  const page = await openAt(`${CARE}&view=cost`);
  let labels = (await page.locator('.outturn-panel[data-panel=cost-effect] svg text').allTextContents()).join(' ');
  assert.match(labels, /\+£118k/);
  assert.match(labels, /-£1,850k/);
  assert.match(labels, /-£1,732k/);
  assert.match(labels, /Volume at actual unit cost; price at affordable volume/);
  await page.selectOption('select.outturn-convention', 'budget-cost');
  await page.waitForFunction(() => location.hash.includes('convention=budget-cost'));
  labels = (await page.locator('.outturn-panel[data-panel=cost-effect] svg text').allTextContents()).join(' ');
  assert.match(labels, /\+£124k/); // 8,006 hours × £15.49
  assert.match(labels, /-£1,856k/); // -£0.77 × 2,410,522 hours
  assert.match(labels, /-£1,732k/); // the total does not change
  assert.match(labels, /Volume at affordable unit cost; price at actual volume/);
  const tip = await hoverPosition(page, 11, 0);
  assert.match(tip, /Actual\s+£14\.72 per hour/);
  // Each chart's table holds the same figures.
  const tables = page.locator('.outturn-table');
  assert.equal(await tables.count(), 2);
  await tables.nth(1).locator('.outturn-table-toggle').click();
  const effectTable = await tables.nth(1).locator('table').innerText();
  assert.match(effectTable, /Volume effect\s+\+£124k/);
  assert.match(effectTable, /Total \(volume \+ price\)\s+-£1,732k/);
  await page.close();
});

test('forecast replays the year from any month by each method', async () => {
  const page = await openAt(`${CARE}&view=forecast`);
  await page.selectOption('select.outturn-as-at', '5');
  await page.locator('.outturn-projection', { hasText: 'September 2011' }).first().waitFor();
  const firstHalf = [202177, 205436, 197085, 205077, 203173, 197127];
  const runRate = Math.round((firstHalf.reduce((a, b) => a + b) / 6) * 12);
  const sentence = await page.locator('.outturn-projection').textContent();
  assert.match(sentence, new RegExp(`run rate so far, as at September 2011: ${runRate.toLocaleString('en-GB')} hours`));
  assert.match(sentence, /against an affordable level of 2,402,516: 17,634 \(0\.7%\) over at year end/);
  assert.match(await hoverPosition(page, 8), /December 2011[\s\S]*Projected\s+201,679 hours/);
  await page.selectOption('select.outturn-method', 'budget');
  await page.locator('.outturn-projection', { hasText: 'affordable level for the remaining' }).first().waitFor();
  // April-September actual 1,210,075 + October-March budget 1,168,983.
  assert.match(await page.locator('.outturn-projection').textContent(), /2,379,058 hours .* 23,458 \(1\.0%\) under/);
  await page.selectOption('select.outturn-method', 'last-year');
  await page.locator('.outturn-projection', { hasText: "last year's profile" }).first().waitFor();
  assert.ok(page.url().includes('method=last-year') && page.url().includes('as_at=5'), page.url());
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('legend entries show and hide lines', async () => {
  const page = await openAt(CARE);
  const toggle = page.locator('.outturn-legend-toggle[data-line=previous-1]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const endLabels = async () => (await page.locator('.outturn-svg svg text').allTextContents()).map((t) => t.trim());
  assert.ok((await endLabels()).includes('2010-11'));
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.ok(!(await endLabels()).includes('2010-11'));
  await toggle.click();
  assert.ok((await endLabels()).includes('2010-11'));
  await page.close();
});

test('the URL reproduces the view, and back and forward work', async () => {
  const page = await openAt(CARE);
  await page.click('.outturn-view-button[data-view=forecast]');
  await page.selectOption('select.outturn-as-at', '5');
  await page.waitForFunction(() => location.hash.includes('as_at=5'));
  const link = page.url();
  const sentence = await page.locator('.outturn-projection').textContent();
  for (const part of ['indicator=domiciliary-care-hours', 'year=2011-12', 'view=forecast', 'method=run-rate', 'as_at=5']) {
    assert.ok(link.includes(part), `${part} in ${link}`);
  }
  // A new page from the link shows exactly the same.
  const copy = await open(env.browser, link);
  await waitForState(copy, 'ready');
  assert.equal(await copy.locator('.outturn-projection').textContent(), sentence);
  await copy.close();
  // Back: the forecast as at March, then the budget view; forward again.
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('as_at=5'));
  await page.goBack();
  await page.waitForSelector('.outturn-root[data-view=budget]');
  await page.goForward();
  await page.waitForSelector('.outturn-root[data-view=forecast]');
  await page.selectOption('select.outturn-indicator', 'waste-tonnage');
  await page.waitForFunction(() => location.hash.includes('indicator=waste-tonnage'));
  await page.goBack();
  await page.locator('.outturn-title', { hasText: 'domiciliary' }).first().waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('themes follow the system and can be overridden', async () => {
  const background = (page) => page.locator('.outturn-svg svg rect').first().getAttribute('fill');
  const page = await env.browser.newPage({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.url}#${CARE}`);
  await waitForState(page, 'ready');
  assert.equal(await background(page), '#121416');
  await page.selectOption('select.outturn-theme-select', 'light');
  await until(async () => (await page.locator('.outturn-svg svg rect').first().getAttribute('fill')) === '#FFFFFF');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.selectOption('select.outturn-theme-select', 'dark');
  await until(async () => (await page.locator('.outturn-svg svg rect').first().getAttribute('fill')) === '#121416');
  await page.close();
});

test('every view fits 320 to 1920 px wide without horizontal scrolling', async () => {
  for (const width of [320, 768, 1920]) {
    const page = await openAt(CARE, { width, height: 900 });
    for (const view of VIEWS) {
      await page.click(`.outturn-view-button[data-view=${view}]`);
      await page.waitForSelector(`.outturn-root[data-view=${view}][data-outturn-state=ready]`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${view} at ${width}px`);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('print shows the current view and its table, without controls, within A4', async () => {
  const page = await openAt(`${CARE}&view=variance`, { width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.outturn-views').isVisible(), false);
  assert.equal(await page.locator('.outturn-controls').isVisible(), false);
  assert.equal(await page.locator('.outturn-table table').first().isVisible(), true);
  assert.match(await page.locator('.outturn-table table').first().innerText(), /June 2011\s+203,326 hours\s+197,085 hours\s+-6,241 \(-3\.1%\)\s+-16,971/);
  const widest = await page.evaluate(() =>
    Math.max(...[...document.querySelector('.outturn').shadowRoot.querySelectorAll('.outturn-root *')].map((e) => e.getBoundingClientRect().right)));
  assert.ok(widest <= 794, `content reaches ${widest}px`);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  await page.close();
});

// Every view printed on A4 (issue 20, point 5): the forecast view was once
// cut off, and the scorecard lost columns off the page. Each view prints
// without its controls, with its charts and tables inside the page's
// width (794 px at 96 dpi, less the 15 mm margins), and as a PDF.
const PRINTED = [
  ...VIEWS.map((view) => [view, `#${CARE}&view=${view}${view === 'forecast' ? '&as_at=5' : ''}`]),
  ['scorecard', '?src=kent-2011-12-q4-performance.json#view=scorecard'],
  ['breakdown', '?src=kent-2011-12-revenue-and-capital.json#view=breakdown'],
  ['rounds', '?src=kent-2011-12-revenue-and-capital.json#indicator=rev-total&view=rounds'],
];
for (const [name, address] of PRINTED) {
  test(`the ${name} view prints on A4 without controls, nothing past the page's edge`, async () => {
    const page = await open(env.browser, `${env.server.url}${address}`, { width: 794, height: 1123 });
    await waitForState(page, 'ready');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.outturn-views', '.outturn-controls', '.outturn-footer', '.outturn-exports']) {
      const shown = await page.locator(hidden).evaluateAll((all) => all.filter((e) => e.getClientRects().length > 0).length);
      assert.equal(shown, 0, `${hidden} is printed`);
    }
    const drawn = await page.locator('.outturn-svg svg, .outturn-indicator-table, .outturn-cards').count();
    assert.ok(drawn > 0, 'nothing drawn');
    // Nothing skips its rendering on paper (the dashboard's groups of
    // cards do on screen, off screen).
    const skipped = await page.evaluate(() =>
      [...document.querySelector('.outturn').shadowRoot.querySelectorAll('.outturn-root *')]
        .filter((e) => getComputedStyle(e).contentVisibility !== 'visible').map((e) => e.className));
    assert.deepEqual(skipped, [], `${name}: skipped in print`);
    // A4 at 96 dpi less 15 mm margins a side (outturn.css @page): 680 px.
    const content = 794 - 2 * Math.round((15 / 25.4) * 96);
    await page.setViewportSize({ width: content, height: 1123 });
    const widest = await page.evaluate(() =>
      Math.max(...[...document.querySelector('.outturn').shadowRoot.querySelectorAll('.outturn-root *')]
        // Visually hidden text stays out, but the figures' tables, hidden
        // on screen, print: they must fit too.
        .filter((e) => {
          const hidden = e.closest('.outturn-sr-only');
          return !hidden || hidden.classList.contains('outturn-table-scroll');
        })
        .map((e) => e.getBoundingClientRect().right)));
    assert.ok(widest <= content + 1, `${name}: content reaches ${widest} px of ${content}`);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
