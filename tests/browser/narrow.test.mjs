// A phone's first screen (issue 20): the chart, not its legend, takes it.
// At 375 px the legend used to run to seven rows, taller than a chart whose
// plot was about 160 px; now a narrow chart's legend is compact and its
// plot is no shorter than a tablet's. Every view of the default indicator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, open, waitForState, VIEWS } from './support.mjs';

const env = sharedBrowser();
const care = 'indicator=domiciliary-care-hours&year=2011-12';

/** Each chart's height and its legend's, in the page at `width`. */
async function charts(view, width) {
  const page = await open(env.browser, `${env.server.url}#${care}&view=${view}`, { width, height: 800 });
  await waitForState(page, 'ready');
  const sizes = await page.locator('.outturn-panel').evaluateAll((panels) =>
    panels.map((panel) => ({
      panel: panel.dataset.panel,
      chart: panel.querySelector('.outturn-svg svg')?.getBoundingClientRect().height ?? 0,
      legend: panel.querySelector('.outturn-legend')?.getBoundingClientRect().height ?? 0,
    })),
  );
  const narrow = await page.locator('.outturn-root').evaluate((root) => root.classList.contains('outturn-narrow'));
  await page.close();
  return { sizes, narrow };
}

for (const view of VIEWS.filter((v) => v !== 'dashboard')) {
  test(`at 375 px the ${view} view's charts are taller than their legends, and no shorter than on a tablet`, async () => {
    const phone = await charts(view, 375);
    const tablet = await charts(view, 768);
    assert.equal(phone.narrow, true);
    assert.equal(tablet.narrow, false);
    assert.ok(phone.sizes.length > 0);
    phone.sizes.forEach((size, i) => {
      assert.ok(size.legend * 2 <= size.chart, `${size.panel}: legend ${size.legend} px, chart ${size.chart} px`);
      assert.ok(size.chart >= tablet.sizes[i].chart, `${size.panel}: ${size.chart} px on a phone, ${tablet.sizes[i].chart} px on a tablet`);
    });
  });
}
