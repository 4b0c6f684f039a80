// Browser tests: the built widget (dist/) in real headless Chromium, used as
// a person would: load, pick, hover, keyboard, switch year, search, load a
// bad file and a bad URL. Run by scripts/test.sh after `trunk build --release`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { sharedBrowser, open, waitForState, fixtures, until } from './support.mjs';

const env = sharedBrowser();

/** Hovers the middle of period `index` of the chart. */
async function hoverPeriod(page, index) {
  const chart = page.locator('.outturn-chart');
  await chart.scrollIntoViewIfNeeded();
  const left = Number(await chart.getAttribute('data-plot-left'));
  const right = Number(await chart.getAttribute('data-plot-right'));
  const periods = Number(await chart.getAttribute('data-positions'));
  const box = await chart.boundingBox();
  const x = left + ((index + 0.5) * (right - left)) / periods;
  await chart.hover({ position: { x, y: box.height / 2 } });
}

test('loads the default dataset and draws the first indicator', async () => {
  const page = await open(env.browser, env.server.url);
  await waitForState(page, 'ready');
  assert.equal(await page.locator('select.outturn-indicator option').count(), 38);
  assert.equal(await page.locator('select.outturn-indicator optgroup').count(), 5);
  const svg = page.locator('.outturn-svg svg');
  assert.equal(await svg.count(), 1);
  // Twelve month labels, April first, on the period axis.
  const labels = await page.locator('.outturn-svg svg text').allTextContents();
  const months = labels.map((t) => t.trim()).filter((t) => /^[A-Z][a-z]{2}$/.test(t));
  assert.deepEqual(months, ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
  assert.match(await page.locator('.outturn-headline').textContent(), /against an affordable level of/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('picking an indicator shows its chart, headline and cost effect', async () => {
  const page = await open(env.browser, env.server.url);
  await waitForState(page, 'ready');
  await page.selectOption('select.outturn-indicator', 'domiciliary-care-hours');
  await page.locator('.outturn-title', { hasText: 'domiciliary care' }).first().waitFor();
  await waitForState(page, 'ready');
  assert.equal(
    (await page.locator('.outturn-headline').textContent()).trim(),
    '2,410,522 hours in 2011-12 against an affordable level of 2,402,516: 8,006 (0.3%) over.',
  );
  const cost = await page.locator('.outturn-cost').textContent();
  assert.match(cost, /\+\u2060£118,000 from volume/);
  assert.match(cost, /-\u2060£1\.85 million from price/);
  assert.match(cost, /volume priced at the actual unit cost/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('hovering a period shows its tooltip, and keyboard moves it', async () => {
  const page = await open(env.browser, `${env.server.url}?indicator=domiciliary-care-hours&year=2011-12`);
  await waitForState(page, 'ready');
  await hoverPeriod(page, 2);
  const tooltip = page.locator('[role=tooltip]');
  await tooltip.waitFor();
  const text = await tooltip.innerText();
  assert.match(text, /June 2011/);
  assert.match(text, /Affordable level\s+203,326 hours/);
  assert.match(text, /Actual\s+197,085 hours/);
  assert.match(text, /Variance\s+-6,241 \(-3\.1%\)/);
  assert.match(text, /Under the affordable level/);
  await page.mouse.move(0, 0);
  await tooltip.waitFor({ state: 'detached' });

  // Keyboard: focus the chart, Home goes to April, arrows move, Esc closes.
  await page.locator('.outturn-chart').focus();
  await page.keyboard.press('Home');
  assert.match(await tooltip.innerText(), /April 2011/);
  await page.keyboard.press('ArrowRight');
  assert.match(await tooltip.innerText(), /May 2011/);
  await page.keyboard.press('End');
  assert.match(await tooltip.innerText(), /March 2012/);
  await page.keyboard.press('Escape');
  await tooltip.waitFor({ state: 'detached' });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('on a phone the tooltip never covers the points it describes', async () => {
  const page = await open(env.browser, `${env.server.url}?indicator=domiciliary-care-hours&year=2011-12`, { width: 375, height: 800 });
  await waitForState(page, 'ready');
  const tooltip = page.locator('[role=tooltip]');
  const months = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January', 'February', 'March'];
  for (let month = 0; month < 12; month += 1) {
    await hoverPeriod(page, month);
    // The pointer reached this month's point (the last tooltip was not in its way).
    assert.match(await tooltip.innerText(), new RegExp(`^${months[month]} 201[12]`));
    const covered = await page.evaluate(() => {
      const shadow = document.querySelector('.outturn').shadowRoot;
      const tip = shadow.querySelector('[role=tooltip]').getBoundingClientRect();
      return [...shadow.querySelectorAll('.outturn-focus-marker')].filter((marker) => {
        const m = marker.getBoundingClientRect();
        const [x, y] = [m.x + m.width / 2, m.y + m.height / 2];
        return x >= tip.left && x <= tip.right && y >= tip.top && y <= tip.bottom;
      }).length;
    });
    assert.equal(covered, 0, `month ${month}: ${covered} focused point(s) under the tooltip`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('switching year redraws for that year', async () => {
  const page = await open(env.browser, `${env.server.url}?indicator=domiciliary-care-hours`);
  await waitForState(page, 'ready');
  await page.selectOption('select.outturn-year', '2010-11');
  await page.locator('.outturn-headline', { hasText: '2010-11' }).first().waitFor();
  assert.equal(
    (await page.locator('.outturn-headline').textContent()).trim(),
    '2,501,274 hours in 2010-11 against an affordable level of 2,521,376: 20,102 (0.8%) under.',
  );
  await hoverPeriod(page, 0);
  assert.match(await page.locator('[role=tooltip]').innerText(), /April 2010[\s\S]*205,989 hours/);
  // A budget-only year says so rather than inventing figures.
  await page.selectOption('select.outturn-year', '2012-13');
  await page.locator('.outturn-headline', { hasText: '2012-13' }).first().waitFor();
  assert.match(await page.locator('.outturn-headline').textContent(), /Affordable level for 2012-13: 2,313,768 hours\. No actuals reported yet\./);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('search narrows the indicator list', async () => {
  const page = await open(env.browser, env.server.url);
  await waitForState(page, 'ready');
  await page.fill('input.outturn-search', 'foster weeks');
  await until(async () => (await page.locator('select.outturn-indicator optgroup option').count()) === 2);
  const options = await page.locator('select.outturn-indicator optgroup option').allTextContents();
  assert.ok(options.every((o) => /Foster/i.test(o)), options.join(' | '));
  assert.match(await page.locator('.outturn-count').textContent(), /2 of 38 indicators match/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a bad file shows every problem with its JSON path and keeps the chart', async () => {
  const page = await open(env.browser, `${env.server.url}?indicator=waste-tonnage`);
  await waitForState(page, 'ready');
  await page.setInputFiles('input[type=file]', path.join(fixtures, 'invalid', 'mixed-problems.json'));
  await waitForState(page, 'error');
  const alert = await page.locator('[role=alert]').innerText();
  // Its title counts what it lists: 7 errors and 1 warning.
  assert.match(alert, /mixed-problems\.json could not be loaded: 7 problems and 1 warning found\./);
  assert.equal(await page.locator('[role=alert] li').count(), 8);
  assert.match(alert, /indicators\[0\]\.years\[0\]\.actual\[1\]: expected a number or null, found the text "63,168"/);
  assert.match(alert, /indicators\[0\]\.years\[0\]\.budget: has 11 entries but needs 12/);
  assert.match(alert, /indicators\[1\]\.id: the id "waste-tonnage" is already used/);
  assert.match(alert, /indicators\[1\]\.unit_cost: no indicator has the id "waste-unit-cost"/);
  // The previous chart is still there and still works.
  assert.match(await page.locator('.outturn-title').textContent(), /Waste tonnage/);
  await hoverPeriod(page, 0);
  assert.match(await page.locator('[role=tooltip]').innerText(), /April 2011/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a truncated file reports line and column', async () => {
  const page = await open(env.browser, env.server.url);
  await waitForState(page, 'ready');
  await page.setInputFiles('input[type=file]', {
    name: 'truncated.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "outturn/1",\n  "indicators": [\n'),
  });
  await waitForState(page, 'error');
  assert.match(await page.locator('[role=alert]').innerText(), /\(line 4, column 0\): the JSON ends too early/);
  await page.close();
});

test('?src= loads data from a URL; a missing URL is reported', async () => {
  let page = await open(env.browser, `${env.server.url}?src=fixtures/valid/minimal.json`);
  await waitForState(page, 'ready');
  assert.match(await page.locator('.outturn-headline').textContent(), /Year to date \(Q1 to Q2\): 104,140 hours against an affordable level of 104,000: 140 \(0\.1%\) over\./);
  assert.deepEqual(page.problems, []);
  await page.close();

  page = await open(env.browser, `${env.server.url}?src=fixtures/no-such-file.json`);
  await waitForState(page, 'error');
  assert.match(await page.locator('[role=alert]').innerText(), /the server answered 404/);
  await page.close();

  page = await open(env.browser, `${env.server.url}?src=${encodeURIComponent('javascript:alert(1)')}`);
  await waitForState(page, 'error');
  assert.match(await page.locator('[role=alert]').innerText(), /only be loaded over http or https/);
  await page.close();
});

test('an unknown indicator in the URL falls back with a warning', async () => {
  const page = await open(env.browser, `${env.server.url}?indicator=no-such-thing`);
  await waitForState(page, 'ready');
  assert.match(await page.locator('[role=status]').innerText(), /no indicator "no-such-thing"/);
  await page.close();
});

test('the chart fits a 375 px screen without horizontal scrolling', async () => {
  const page = await open(env.browser, `${env.server.url}?indicator=domiciliary-care-hours`, { width: 375, height: 800 });
  await waitForState(page, 'ready');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  const svgWidth = await page.locator('.outturn-svg svg').evaluate((svg) => svg.getBoundingClientRect().width);
  assert.ok(svgWidth <= 375 && svgWidth > 250, `svg width ${svgWidth}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the example datasets are reachable from the demo page and read against their targets', async () => {
  const page = await open(env.browser, env.server.url);
  await waitForState(page, 'ready');
  await page.getByRole('link', { name: /quarterly performance report/ }).click();
  await page.waitForURL(/src=kent-2011-12-q4-performance\.json/);
  await waitForState(page, 'ready');
  assert.match(await page.locator('.outturn-root').innerText(), /Quarterly performance report, Quarter 4 2011-12/);
  // A performance indicator says "target", never "affordable level".
  await page.selectOption('select.outturn-indicator', 'qpr-26-municipal-waste-diverted-from-landfill');
  await waitForState(page, 'ready');
  const headline = await page.locator('.outturn-headline').innerText();
  assert.match(headline, /against a target of 72\.2%: 5\.9 percentage points better than target \(✓\u00a0Green\)/);
  assert.doesNotMatch(headline, /affordable level/);
  assert.match(await page.locator('.outturn-panel-title, figcaption').first().innerText(), /Target and actual/);
  assert.equal(await page.locator('.outturn-view-button[data-view=budget]').innerText(), 'Target vs actual');
  assert.deepEqual(page.problems, []);
  await page.close();
});
