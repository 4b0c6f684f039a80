// Accessibility, tested not promised: axe-core (from npm, run inside the same
// headless Chromium) finds no WCAG 2.2 A/AA violation on any view in light,
// dark and high-contrast themes at 1280 and 320 px; the whole widget works
// from the keyboard and announces points; every chart has a name, a summary
// and a table whose numbers equal the analysis (`outturn summary --json`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { sharedBrowser, open, waitForState, root, deepActive, VIEWS, THEMES, axeViolations } from './support.mjs';

const env = sharedBrowser();
const CARE = 'indicator=domiciliary-care-hours&year=2011-12';


for (const [name, media] of THEMES) {
  for (const width of [1280, 320]) {
    test(`axe finds no violations on any view: ${name}, ${width} px`, async () => {
      const page = await env.browser.newPage({ viewport: { width, height: 900 } });
      await page.emulateMedia(media);
      await page.goto(`${env.server.url}#${CARE}`);
      await waitForState(page, 'ready');
      const found = [];
      for (const view of VIEWS) {
        await page.click(`.outturn-view-button[data-view=${view}]`);
        await page.waitForSelector(`.outturn-root[data-view=${view}][data-outturn-state=ready]`);
        for (const v of await axeViolations(page)) found.push(`${view}: ${v}`);
      }
      // With a tooltip open and the tables shown too.
      await page.click('.outturn-view-button[data-view=budget]');
      await page.locator('.outturn-chart').focus();
      await page.locator('[role=tooltip]').waitFor();
      await page.click('.outturn-table-toggle');
      for (const v of await axeViolations(page)) found.push(`tooltip and table: ${v}`);
      assert.deepEqual(found, []);
      await page.close();
    });
  }
}

test('axe finds no violations with an error shown', async () => {
  const page = await open(env.browser, `${env.server.url}?src=fixtures/invalid/mixed-problems.json`);
  await waitForState(page, 'error');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

/** Presses Tab until `predicate` (an expression about `active`, the focused
 * element, found inside shadow roots too) holds (at most 80 times). */
async function tabTo(page, predicate, what) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`((active) => ${predicate})((${deepActive})())`)) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('keyboard only: every view is reached and a point is announced', async () => {
  const page = await open(env.browser, `${env.server.url}#${CARE}`);
  await waitForState(page, 'ready');
  const announcer = page.locator('.outturn-announcer');
  for (const view of VIEWS) {
    await tabTo(page, `active?.dataset?.view === ${JSON.stringify(view)}`, `the ${view} tab`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.outturn-root[data-view=${view}][data-outturn-state=ready]`);
    if (view === 'dashboard') {
      await tabTo(page, "active?.classList.contains('outturn-card')", 'a dashboard card');
      continue;
    }
    await tabTo(page, "active?.classList.contains('outturn-chart')", `the ${view} chart`);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    assert.notEqual((await announcer.textContent()).trim(), '', view);
  }
  // Back on budget vs actual: the issue's own example, word for word.
  await tabTo(page, 'active?.dataset?.view === "budget"', 'the budget tab');
  await page.keyboard.press('Enter');
  await tabTo(page, "active?.classList.contains('outturn-chart')", 'the budget chart');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(
    (await announcer.textContent()).trim(),
    'June 2011-12: actual 197,085 hours, affordable level 203,326, 6,241 (3.1%) under',
  );
  // Down moves to the next series, PageUp to the year before, End to March.
  await page.keyboard.press('ArrowDown');
  assert.equal((await announcer.textContent()).trim(), 'Affordable level 2011-12, June 2011-12: 203,326 hours');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('PageUp');
  await page.locator('.outturn-announcer', { hasText: '2010-11' }).first().waitFor();
  assert.match(await announcer.textContent(), /^June 2010-11: actual 205,937 hours, affordable level 204,452/);
  await page.keyboard.press('End');
  assert.match(await announcer.textContent(), /^March 2010-11: /);
  await page.keyboard.press('PageDown');
  await page.locator('.outturn-announcer', { hasText: /^March 2011-12/ }).waitFor();
  // Escape closes the tooltip; Tab leaves the chart (no trap).
  await page.keyboard.press('Escape');
  await page.locator('[role=tooltip]').waitFor({ state: 'detached' });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(`(${deepActive})()?.classList.contains('outturn-chart')`), false);
  // Money is read in words.
  await tabTo(page, 'active?.dataset?.view === "cost"', 'the cost tab');
  await page.keyboard.press('Enter');
  const summaries = await page.locator('.outturn-summary').allTextContents();
  assert.ok(summaries.some((s) => s.includes('Volume +\u2060£118,000')), summaries.join(' | '));
  assert.ok(summaries.some((s) => s.includes('-\u2060£1.85 million')), summaries.join(' | '));
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** "2,402,516 hours" → 2402516; "£3,000k" → 3000000; "£15.49 per hour" → 15.49. */
function parseFigure(text) {
  const match = /(-?)£?([\d,]+(?:\.\d+)?)(k|m)?/.exec(text.replace(/^\+/, ''));
  if (!match) return null;
  const value = Number(match[2].replace(/,/g, '')) * (match[3] === 'k' ? 1e3 : match[3] === 'm' ? 1e6 : 1);
  return { value: match[1] ? -value : value, tolerance: match[3] === 'k' ? 500 : match[3] === 'm' ? 50000 : 0.0051 + (match[2].includes('.') ? 0 : 0.5) };
}

test('every chart has a name, a summary and a table equal to the analysis', async () => {
  const json = JSON.parse(execFileSync('cargo', ['run', '-q', '--locked', '-p', 'outturn-cli', '--', 'summary', '--json',
    path.join(root, 'assets', 'kent-2011-12-key-activity.json')], { cwd: root, encoding: 'utf8' }));
  const page = await open(env.browser, `${env.server.url}#view=budget`);
  await waitForState(page, 'ready');
  const ids = await page.locator('select.outturn-indicator option').evaluateAll((options) => options.map((o) => o.value));
  assert.equal(ids.length, 38);
  let compared = 0;
  for (const id of ids) {
    const summary = json.indicators.find((i) => i.id === id);
    const year = await page.locator('select.outturn-year').inputValue();
    await page.selectOption('select.outturn-indicator', id);
    await page.waitForFunction((want) => location.hash.includes(`indicator=${want}`), id);
    await waitForState(page, 'ready');
    const shownYear = await page.locator('select.outturn-year').inputValue();
    const expected = summary.years.find((y) => y.year === shownYear);
    assert.ok(expected, `${id} ${shownYear} (was ${year})`);
    const figure = page.locator('figure.outturn-panel');
    const name = await figure.evaluate((f) => f.getRootNode().getElementById(f.getAttribute('aria-labelledby'))?.textContent ?? '');
    const description = await figure.evaluate((f) => f.getRootNode().getElementById(f.getAttribute('aria-describedby'))?.textContent ?? '');
    assert.ok(name.length > 10, `${id}: name "${name}"`);
    assert.ok(description.length > 40, `${id}: summary "${description}"`);
    const chartName = await page.locator('.outturn-chart').getAttribute('aria-label');
    assert.ok(chartName.startsWith('Chart: '), `${id}: ${chartName}`);
    // The table's computed year row against the CLI's analysis.
    const headers = await page.locator('.outturn-table thead th').allTextContents();
    const row = page.locator('.outturn-table tfoot tr').first();
    const cells = await row.locator('td').allTextContents();
    const cell = (header) => cells[headers.indexOf(header) - 1];
    for (const [header, key] of [['Affordable level', 'budget_to_date'], ['Actual', 'actual']]) {
      if (!headers.includes(header) || expected[key] === null) continue;
      const parsed = parseFigure(cell(header));
      assert.ok(parsed, `${id}: ${header} "${cell(header)}"`);
      assert.ok(Math.abs(parsed.value - expected[key]) <= parsed.tolerance,
        `${id} ${header}: table ${cell(header)} vs analysis ${expected[key]}`);
      compared += 1;
    }
  }
  assert.ok(compared > 40, `compared ${compared} figures`);
  await page.close();
});

test('forced colours reach the chart and nothing moves with reduced motion', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await page.goto(`${env.server.url}#${CARE}`);
  await waitForState(page, 'ready');
  const system = await page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const read = (colour) => {
      probe.style.color = colour;
      const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g).map(Number);
      return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
    };
    const colours = { canvas: read('Canvas'), highlight: read('Highlight') };
    probe.remove();
    return colours;
  });
  const background = await page.locator('.outturn-svg svg rect').first().getAttribute('fill');
  assert.equal(background, system.canvas);
  const lines = await page.locator('.outturn-svg svg polyline').evaluateAll((all) => all.map((l) => l.getAttribute('stroke')));
  assert.ok(lines.includes(system.highlight), `${lines} should include ${system.highlight}`);
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('.outturn-chart').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
  await page.close();
});
