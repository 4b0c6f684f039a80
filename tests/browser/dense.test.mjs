// Dense data in the widget: a timeline with more points than pixels is
// decimated and says so, keeps its tooltip, and its table puts at most
// 1,000 rows in the page (those in view) while the CSV keeps every row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserWithFiles, open, waitForState } from './support.mjs';

/** 60 years of 400 readings: 24,000 positions on the timeline. */
function readings() {
  const labels = Array.from({ length: 400 }, (_, i) => `r${i + 1}`);
  return {
    format: 'outturn/1',
    title: 'Dense readings',
    indicators: [
      {
        id: 'readings',
        title: 'Weighbridge readings',
        unit: 'kg',
        periods: labels,
        year_value: 'sum',
        years: Array.from({ length: 60 }, (_, y) => {
          const start = 1966 + y;
          return {
            year: `${start}-${String((start + 1) % 100).padStart(2, '0')}`,
            budget: labels.map(() => 100),
            actual: labels.map((_, i) => (y === 40 && i === 200 ? 900 : 95 + ((i * 7 + y) % 11))),
          };
        }),
      },
    ],
  };
}

const env = sharedBrowserWithFiles(() => ({ 'readings.json': readings() }));

test('a 24,000-point timeline is decimated, says so, and keeps its tooltip and a short table', async () => {
  const page = await open(env.browser, `${env.server.url}?src=generated/readings.json#view=years`);
  await waitForState(page, 'ready');
  const timeline = page.locator('.outturn-panel[data-panel=timeline]');
  const labels = (await timeline.locator('svg text').allTextContents()).join(' ');
  assert.match(labels, /each pixel shows its highest and lowest values/);
  // The line is drawn from at most a few points per pixel column.
  const points = await timeline.locator('svg polyline').evaluateAll((lines) =>
    Math.max(...lines.map((l) => l.getAttribute('points').trim().split(/\s+/).length)),
  );
  assert.ok(points < 4 * 1280, `longest polyline has ${points} points`);
  // The tooltip still answers the pointer.
  await timeline.locator('.outturn-chart').scrollIntoViewIfNeeded();
  const box = await timeline.locator('.outturn-chart').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await timeline.locator('.outturn-tooltip').waitFor();
  assert.match(await timeline.locator('.outturn-tooltip').innerText(), /r\d+ \d{4}-\d\d[\s\S]*Actual/);
  // The table: 1,000 rows in the page, and where the rest are.
  // The second table is the timeline's (the first is the overlay's).
  const table = page.locator('.outturn-table').nth(1);
  assert.equal(await table.locator('tbody tr').count(), 1000);
  assert.match(await table.locator('.outturn-table-more').textContent(), /rows 1 to 1,000 of 24,000; "Figures as CSV" has every row/);
  // Zoomed in, the table follows the chart's window.
  await timeline.getByRole('button', { name: 'Show all' }).waitFor();
  for (let i = 0; i < 12; i += 1) await timeline.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForFunction(() => {
    const root = document.querySelector('.outturn').shadowRoot;
    const rows = root.querySelectorAll('.outturn-table')[1].querySelectorAll('tbody tr').length;
    return rows > 0 && rows < 1000;
  });
  assert.deepEqual(page.problems, []);
  await page.close();
});
