// Statements that must be true of the data, read off the built page as a
// reader sees them: the headline and the overview card for a snapshot with
// no budget for its latest period (no variance over unlike periods), a year
// with only its last quarter reported (which periods, and a printed total
// that cannot be checked), and a year that has only a forecast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, open, waitForState } from './support.mjs';

const env = sharedBrowser();
const SRC = 'src=fixtures/valid/statements.json';

async function openAt(query) {
  const page = await open(env.browser, `${env.server.url}?${SRC}&${query}`);
  await waitForState(page, 'ready');
  return page;
}

async function headline(page) {
  return (await page.locator('.outturn-headline').textContent()).trim();
}

test('a snapshot is compared with the budget of its own period, or not at all', async () => {
  const page = await openAt('indicator=jobs&year=2011-12');
  const text = await headline(page);
  assert.match(text, /3,243 jobs at Q4 2011-12 \(Jan to Mar\); no affordable level for Q4; the latest is Q2: 1,550\./);
  assert.doesNotMatch(text, /1,693|109\.2%/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a part year says which periods it covers and does not check a total it cannot', async () => {
  const page = await openAt('indicator=referrals&year=2010-11');
  const text = await headline(page);
  assert.equal(text, '2010-11, Q4 only: 287 referrals; no affordable level is set.');
  const body = await page.locator('.outturn-root').innerText();
  assert.match(body, /The source prints an actual total of 1,087 for 2010-11, but only Q4 is reported \(287\), so it cannot be checked against the quarters\./);
  assert.doesNotMatch(body, /Year to date \(Q1 to Q4\)|the quarters add up to 287/);
  await page.close();
});

test('a forecast-only year has a headline', async () => {
  const page = await openAt('indicator=placements&year=2012-13');
  assert.equal(
    await headline(page),
    'Forecast outturn for 2012-13: 6,178 placements against an affordable level of 6,000: 178 (3.0%) over. No actuals reported yet.',
  );
  await page.close();
});

test('the overview cards say what each figure is and which periods it covers', async () => {
  const page = await openAt('indicator=placements&year=2012-13&view=dashboard');
  const card = (id) => page.locator(`.outturn-card[data-indicator="${id}"]`);
  const read = async (id) => ({
    standing: (await card(id).locator('.outturn-standing').innerText()).trim(),
    figure: (await card(id).locator('.outturn-card-variance').innerText()).trim(),
    basis: (await card(id).locator('.outturn-card-coverage').innerText()).trim(),
  });
  // Case 1: no budget for the latest quarter, so no standing against one.
  assert.deepEqual(await read('jobs'), {
    standing: 'No affordable level',
    figure: '3,243 jobs in Q4 2011-12, up 489 on Q3 2011-12',
    basis: 'Latest, Q4 2011-12 (4 of 4 quarters)',
  });
  // Case 3: the latest (and only) quarter, never "year to date".
  assert.deepEqual(await read('referrals'), {
    standing: 'No affordable level',
    figure: '287 referrals in Q4 2010-11',
    basis: 'Latest, Q4 2010-11 (1 of 4 quarters)',
  });
  // Case 4: a forecast, marked as one, not "No actuals yet".
  assert.deepEqual(await read('placements'), {
    standing: '▲ Forecast over',
    figure: '+178 placements (+3.0%)',
    basis: 'Forecast for 2012-13, no actuals yet',
  });
  assert.deepEqual(page.problems, []);
  await page.close();
});
