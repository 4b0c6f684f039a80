// Takes screenshots of the built page for people to look at:
//   node tools/screenshots.mjs [out-dir]   (default target/screenshots)
// Every view of domiciliary care hours at 1280 and 375 px, a tooltip, a
// snapshot indicator, an error, the dark theme, and each view as printed
// (print media at A4 width, plus a PDF); the quarterly performance report's
// scorecard and one of its indicators, at both widths and printed; the
// revenue example's breakdown and rounds, and the parts fixture's breakdown.
import path from 'node:path';
import fs from 'node:fs/promises';
import { serve, launch, open, waitForState, root } from '../tests/browser/support.mjs';

const out = path.resolve(process.argv[2] ?? path.join(root, 'target', 'screenshots'));
await fs.mkdir(out, { recursive: true });
const views = ['dashboard', 'budget', 'cumulative', 'variance', 'years', 'cost', 'forecast'];
const care = 'indicator=domiciliary-care-hours&year=2011-12';
const server = await serve();
const browser = await launch();
const shoot = async (page, name) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
try {
  for (const width of [1280, 375]) {
    for (const view of views) {
      const extra = view === 'forecast' ? '&as_at=5' : '';
      const page = await open(browser, `${server.url}#${care}&view=${view}${extra}`, { width, height: 900 });
      await waitForState(page, 'ready');
      await shoot(page, `${view}-${width}`);
      await page.close();
    }
    const page = await open(browser, `${server.url}#${care}`, { width, height: 900 });
    await waitForState(page, 'ready');
    const chart = page.locator('.outturn-chart');
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    await chart.hover({ position: { x: box.width * 0.3, y: box.height / 2 } });
    await page.waitForSelector('[role=tooltip]');
    await page.screenshot({ path: path.join(out, `tooltip-${width}.png`) });
    await page.goto(`${server.url}#indicator=looked-after-children-total-lac-in-kent`);
    await waitForState(page, 'ready');
    await shoot(page, `snapshot-${width}`);
    await page.goto(`${server.url}?src=fixtures/invalid/mixed-problems.json`);
    await waitForState(page, 'error');
    await shoot(page, `error-${width}`);
    await page.close();
  }
  const quarterly = '?src=kent-2011-12-q4-performance.json';
  for (const width of [1280, 375]) {
    const page = await open(browser, `${server.url}${quarterly}`, { width, height: 900 });
    await waitForState(page, 'ready');
    await shoot(page, `scorecard-${width}`);
    await page.goto(`${server.url}${quarterly}#indicator=qpr-26-municipal-waste-diverted-from-landfill&view=budget`);
    await waitForState(page, 'ready');
    await shoot(page, `performance-${width}`);
    await page.goto(`${server.url}?src=kent-2016-01-childrens-exceptions.json#indicator=scs-24-cic-reviews-in-timescale&view=budget`);
    await waitForState(page, 'ready');
    await shoot(page, `performance-floor-${width}`);
    for (const [name, address] of [
      ['breakdown-revenue', '?src=kent-2011-12-revenue-and-capital.json#indicator=rev-portfolios&view=breakdown'],
      ['rounds-revenue', '?src=kent-2011-12-revenue-and-capital.json#indicator=rev-portfolios&view=rounds'],
      ['breakdown-county', '?src=fixtures/valid/parts.json#indicator=county&view=breakdown'],
    ]) {
      await page.goto(`${server.url}${address}`);
      await waitForState(page, 'ready');
      await shoot(page, `${name}-${width}`);
    }
    await page.close();
  }
  {
    const page = await open(browser, `${server.url}${quarterly}`, { width: 794, height: 1123 });
    await waitForState(page, 'ready');
    await page.emulateMedia({ media: 'print' });
    await shoot(page, 'print-scorecard');
    await page.close();
  }
  const dark = await browser.newPage({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  await dark.goto(`${server.url}#${care}&view=years`);
  await waitForState(dark, 'ready');
  await shoot(dark, 'dark-1280');
  await dark.close();
  for (const view of views) {
    const page = await open(browser, `${server.url}#${care}&view=${view}&as_at=5`, { width: 794, height: 1123 });
    await waitForState(page, 'ready');
    await page.emulateMedia({ media: 'print' });
    await shoot(page, `print-${view}`);
    await page.pdf({ path: path.join(out, `print-${view}.pdf`), format: 'A4' });
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
