// Parts and wholes, and monitoring rounds, as a reader of a budget
// monitoring report uses them: the revenue example opens from the demo page
// on its breakdown; the totals and the check that the parts add up are the
// report's; a row goes down to its parts or its chart and the trail goes
// back up; it sorts and works from the keyboard alone; the rounds view
// says how the forecast moved; axe-core finds no violation in any theme at
// 1280 and 320 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { sharedBrowser, open, waitForState, deepActive, THEMES, axeViolations } from './support.mjs';

const env = sharedBrowser();
const REVENUE = '?src=kent-2011-12-revenue-and-capital.json';

/** The focused element's row number and text (inside shadow roots too). */
function active(page) {
  return page.evaluate(`((active) => active && { row: active.dataset.row, text: active.textContent.trim() })((${deepActive})())`);
}

/** Presses Tab until `predicate` holds of the focused element (at most 80 times). */
async function tabTo(page, predicate, what) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`((active) => ${predicate})((${deepActive})())`)) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('the revenue example opens on its breakdown; a row goes down, the trail back up', async () => {
  const page = await open(env.browser, env.server.url);
  await waitForState(page, 'ready');
  await page.getByRole('link', { name: /revenue and capital outturn by portfolio/ }).click();
  await page.waitForSelector('.outturn-root[data-view=breakdown][data-outturn-state=ready]');
  assert.equal(await page.locator('.outturn-title').innerText(), 'Revenue: total, by portfolio, and schools, 2011-12');
  const total = await page.locator('.outturn-breakdown-table tfoot tr').innerText();
  assert.match(total, /£921\.930m\s+£909\.790m\s+-£12\.140m\s+-1\.3%\s+-£9\.329m\s+-£2\.811m/);
  assert.equal(await page.locator('.outturn-breakdown-check').innerText(), "The 2 parts' budget and actual add up to the total's.");
  // The total has no bar (it is beyond the parts' scale), yet its word
  // stands where the parts' words do, not where their bars are.
  const lefts = await page.locator('.outturn-breakdown-table .outturn-standing').evaluateAll((all) =>
    all.map((e) => Math.round(e.getBoundingClientRect().left)));
  assert.ok(lefts.length >= 3, `${lefts}`);
  assert.equal(new Set(lefts).size, 1, `the words start at ${lefts}`);
  // The same figures download as CSV, money in pounds.
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('.outturn-breakdown .outturn-export-csv')]);
  assert.equal(file.suggestedFilename(), 'rev-total-2011-12-breakdown.csv');
  const csv = await fs.readFile(await file.path(), 'utf8');
  assert.match(csv, /^Part,Budget \(£\),Outturn \(£\),Variance \(£\),Variance %,/);
  assert.match(csv, /\r\nTotal: Revenue: total,921930000,909790000,-12140000,-1\.3,-9329000,-2811000,▼ Under\r\n$/);
  // Down to the portfolios: nine rows, the sub total under them.
  await page.locator('.outturn-row-open', { hasText: 'Revenue: portfolios' }).click();
  await page.locator('.outturn-title', { hasText: /^Revenue: portfolios/ }).waitFor();
  assert.equal(await page.locator('.outturn-breakdown-table tbody tr').count(), 9);
  assert.match(await page.locator('.outturn-breakdown-table tfoot tr').innerText(), /-£8\.242m[\s\S]*-£12\.455m[\s\S]*\+£4\.213m/);
  // Most over first: Specialist Children's Services, +£15.513m, over in words.
  await page.selectOption('.outturn-breakdown-controls select', 'variance');
  const first = await page.locator('.outturn-breakdown-table tbody tr').first().innerText();
  assert.match(first, /^Specialist Children's Services[\s\S]*▲ Over[\s\S]*\+£15\.513m/);
  // A portfolio without parts opens its chart; a whole above is a button.
  await page.locator('.outturn-row-open', { hasText: "Specialist Children's Services" }).click();
  await page.waitForSelector('.outturn-root[data-view=budget][data-outturn-state=ready]');
  assert.equal(await page.locator('.outturn-title').innerText(), "Specialist Children's Services");
  await page.locator('.outturn-view-button[data-view=rounds]').click();
  await page.waitForSelector('.outturn-root[data-view=rounds][data-outturn-state=ready]');
  assert.equal(
    await page.locator('.outturn-projection').innerText(),
    // A sign is joined to its amount (U+2060), so no line ends on a bare sign.
    'The forecast variance against the budget moved from +\u2060£15.591 million at the last round (Reported to Cabinet, 14 May 2012) to +\u2060£15.513 million at the outturn: -\u2060£78,000.',
  );
  await page.goto(`${env.server.url}${REVENUE}#indicator=rev-schools&view=breakdown`);
  await waitForState(page, 'ready');
  await page.locator('.outturn-trail-link', { hasText: 'Revenue: total' }).click();
  await page.locator('.outturn-title', { hasText: /^Revenue: total/ }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('keyboard only: the breakdown is walked, a part opened and the trail followed back', async () => {
  const page = await open(env.browser, `${env.server.url}${REVENUE}#indicator=rev-portfolios&view=breakdown`);
  await waitForState(page, 'ready');
  await tabTo(page, "active?.classList.contains('outturn-row-open')", 'the first part');
  assert.equal((await active(page)).row, '0');
  await page.keyboard.press('ArrowDown');
  assert.equal((await active(page)).row, '1');
  await page.keyboard.press('End');
  assert.equal((await active(page)).row, '8');
  await page.keyboard.press('Home');
  assert.equal((await active(page)).text, 'Education, Learning & Skills');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.outturn-root[data-view=budget][data-outturn-state=ready]');
  assert.equal(await page.locator('.outturn-title').innerText(), 'Education, Learning & Skills');
  // The Breakdown tab is offered only where there are parts: back through
  // the picker to the whole, then down again.
  assert.equal(await page.locator('.outturn-view-button[data-view=breakdown]').count(), 0);
  await page.goto(`${env.server.url}${REVENUE}#indicator=rev-schools&view=breakdown`);
  await waitForState(page, 'ready');
  await tabTo(page, "active?.classList.contains('outturn-trail-link')", 'the trail');
  await page.keyboard.press('Enter');
  await page.locator('.outturn-title', { hasText: /^Revenue: total/ }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

for (const [name, media] of THEMES) {
  for (const width of [1280, 320]) {
    test(`axe finds no violations on the breakdown and rounds views: ${name}, ${width} px`, async () => {
      const page = await env.browser.newPage({ viewport: { width, height: 900 } });
      await page.emulateMedia(media);
      const found = [];
      for (const [address, view] of [
        [`${REVENUE}#indicator=rev-portfolios&view=breakdown`, 'breakdown'],
        [`${REVENUE}#indicator=rev-portfolios&view=rounds`, 'rounds'],
        ['?src=fixtures/valid/parts.json#indicator=county&view=breakdown', 'breakdown'],
      ]) {
        await page.goto(`${env.server.url}${address}`);
        await page.waitForSelector(`.outturn-root[data-view=${view}][data-outturn-state=ready]`);
        for (const v of await axeViolations(page)) found.push(`${view}: ${v}`);
      }
      assert.deepEqual(found, []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0);
      await page.close();
    });
  }
}

test('keyboard only: the rounds chart announces each round and the move to the outturn', async () => {
  const page = await open(env.browser, `${env.server.url}${REVENUE}#indicator=rev-portfolios&view=rounds`);
  await waitForState(page, 'ready');
  const announcer = page.locator('.outturn-announcer');
  await tabTo(page, "active?.classList.contains('outturn-chart')", 'the rounds chart');
  await page.keyboard.press('Home');
  await announcer.filter({ hasText: /^As at March 2012/ }).waitFor();
  assert.match(await announcer.textContent(), /^As at March 2012: forecast £909\.475 million, round Reported to Cabinet, 14 May 2012, against the budget -\u2060£12\.455 million, against the outturn -\u2060£4\.213 million/);
  await page.keyboard.press('ArrowRight');
  await announcer.filter({ hasText: /^Outturn 2011-12/ }).waitFor();
  assert.equal(
    (await announcer.textContent()).trim(),
    'Outturn 2011-12: outturn £913.688 million, against the budget -\u2060£8.242 million, movement since the last round +\u2060£4.213 million',
  );
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a breakdown of monthly parts: one month alone, the mismatch it holds, and trends on one scale or each their own', async () => {
  const page = await open(env.browser, `${env.server.url}?src=fixtures/valid/parts.json#indicator=county&view=breakdown`);
  await waitForState(page, 'ready');
  assert.equal(await page.locator('.outturn-breakdown-check').innerText(), "The parts' actual adds up to 2,241; the total gives 2,244, 3 more.");
  await page.selectOption('.outturn-period select', '4');
  await page.locator('.outturn-title', { hasText: 'August 2011' }).waitFor();
  assert.equal(
    await page.locator('.outturn-breakdown-check').innerText(),
    "In August 2011 the parts' budget agrees; their actual adds up to 237; the total gives 240, 3 more.",
  );
  assert.match(await page.locator('.outturn-breakdown-table tbody tr').first().innerText(), /^North area[\s\S]*▼ Under[\s\S]*125\s+120\s+-5\s+-4\.0%/);
  assert.match(await page.locator('.outturn-breakdown').innerText(), /Trend: Actual by month, on one scale for every part \(the total on its own\)\./);
  await page.locator('.outturn-check input').check();
  await page.locator('.outturn-breakdown', { hasText: 'each row on its own scale' }).waitFor();
  // North is made of teams: its row opens their breakdown, the trail comes back.
  await page.locator('.outturn-row-open', { hasText: 'North area' }).click();
  await page.locator('.outturn-title', { hasText: /^North area, by team/ }).waitFor();
  assert.equal(await page.locator('.outturn-breakdown-check').innerText(), 'The 2 parts give this total: the data has no figures of its own for it.');
  await page.locator('.outturn-trail-link', { hasText: "Referrals to children's social care" }).click();
  await page.locator('.outturn-title', { hasText: /^Referrals to children's social care, by area, 2011-12/ }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});
