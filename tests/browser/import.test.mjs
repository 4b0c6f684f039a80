// "Add your data" as a web team uses it: paste a table from a committee
// report, see what Outturn recognised and the chart drawn from it, correct
// one column, and download the outturn/1 JSON, which is byte for byte what
// `outturn import` writes for the same table and options; copy the embed
// code with the data inline; put the original data back. A garbled header
// is refused with its cells named until a column is corrected. Keyboard
// only, and axe-core finds no violation in any theme at 1280 and 320 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sharedBrowser, open, waitForState, root, deepActive, THEMES, axeViolations } from './support.mjs';

const env = sharedBrowser();
const TABLES = path.join(root, 'tests', 'fixtures', 'report-tables', 'kent-2012-key-activity');
const FREEDOM_PASS = path.join(TABLES, '3.3-freedom-pass.txt');
const TRANSPORT = path.join(TABLES, '1.2-home-to-school-transport.txt');

/** `outturn import` as a web team runs it: the built CLI, else cargo. */
function cli(args) {
  const binary = path.join(root, 'target', 'debug', 'outturn');
  const [command, prefix] = [binary, []];
  try {
    return execFileSync(command, [...prefix, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    return execFileSync('cargo', ['run', '-q', '-p', 'outturn-cli', '--', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
}

async function openPanel(page) {
  await page.click('.outturn-import-toggle');
  assert.equal(await page.getAttribute('.outturn-import-toggle', 'aria-expanded'), 'true');
}

test('the importer is downloaded only when "Add your data" is opened', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(env.server.url);
  await waitForState(page, 'ready');
  assert.deepEqual(requested.filter((p) => p.includes('import')), []);
  await openPanel(page);
  await page.fill('.outturn-import-text textarea', await fs.readFile(FREEDOM_PASS, 'utf8'));
  await page.waitForSelector('.outturn-import-ok');
  assert.deepEqual(requested.filter((p) => p.includes('import')), ['/outturn-import-start.js', '/outturn-import.js', '/outturn-import_bg.wasm']);
  await page.close();
});

test('paste a report table, correct a column, download what the command line writes', async () => {
  const page = await open(env.browser, env.server.url);
  await waitForState(page, 'ready');
  await openPanel(page);
  await page.fill('.outturn-import-text textarea', await fs.readFile(FREEDOM_PASS, 'utf8'));
  await page.fill('input[id$=import-id]', 'freedom-pass');
  // What was recognised: the layout, the rows, each column and where it went.
  await page.waitForSelector('.outturn-import-ok');
  assert.equal(await page.locator('.outturn-import-ok').innerText(), 'Read as tab-separated text: 2 indicators. The chart above shows it.');
  const described = await page.locator('.outturn-import-described').innerText();
  assert.match(described, /periods down the first column \(quarters\)/);
  assert.match(described, /row 3 financial years; rows 4-5 series names; rows 6-9 period; row 10 printed totals/);
  const columnE = page.locator('.outturn-import-columns tbody tr', { has: page.locator('th', { hasText: /^E$/ }) });
  assert.match(await columnE.innerText(), /2009-10 Journeys travelled actual\s+2009-10[\s\S]*freedom-pass-journeys-travelled/);
  // The chart is the pasted table's now.
  await page.locator('.outturn-title', { hasText: /Freedom Pass.*: Passes/ }).waitFor();
  assert.match(await page.locator('.outturn-header').innerText(), /the table you pasted/);
  // Correct one column: 2009-10's journeys were not collected; skip it.
  await columnE.locator('select').selectOption('skip');
  await page.locator('.outturn-import code', { hasText: '--map E=skip' }).waitFor();
  const command = await page.locator('.outturn-import code').innerText();
  assert.equal(command, 'outturn import table.txt --from tsv --id freedom-pass --map E=skip -o data.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.outturn-import-download')]);
  assert.equal(download.suggestedFilename(), 'freedom-pass-passes.json');
  const downloaded = await fs.readFile(await download.path(), 'utf8');
  const written = cli(['import', FREEDOM_PASS, '--from', 'tsv', '--id', 'freedom-pass', '--map', 'E=skip']);
  assert.equal(downloaded, written);
  assert.ok(!JSON.parse(downloaded).indicators[1].years[0].actual, '2009-10 journeys: no actual series');
  // The embed code carries the same data inline.
  const snippet = await page.inputValue('.outturn-import-embed');
  assert.match(snippet, /^<script type="module" src="\/outturn\/outturn.js"><\/script>\n<div class="outturn" data-src="#outturn-data-freedom-pass-passes"><\/div>\n<script type="application\/json" id="outturn-data-freedom-pass-passes">/);
  const inline = snippet.split('id="outturn-data-freedom-pass-passes">')[1].replace(/<\/script>\n$/, '');
  assert.deepEqual(JSON.parse(inline), JSON.parse(written));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('.outturn-import-copy');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('outturn-data-freedom-pass-passes'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  // And the original data back.
  await page.click('.outturn-import-restore');
  await page.locator('.outturn-header', { hasText: 'Key activity indicators 2011-12' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a garbled header is refused, its cells named, until its columns are corrected', async () => {
  const page = await open(env.browser, env.server.url);
  await waitForState(page, 'ready');
  await openPanel(page);
  await page.fill('.outturn-import-text textarea', await fs.readFile(TRANSPORT, 'utf8'));
  await page.fill('input[id$=import-unit]', 'children');
  const problems = page.locator('.outturn-import-problems');
  await problems.waitFor();
  assert.match(await problems.innerText(), /row 5, column E: "2009-10 Mainstream Budget level" is a second budget of "Mainstream" for 2009-10/);
  // The header row is garbled: say what its columns hold, one at a time.
  for (const [column, series] of [['E', 'actual'], ['F', 'budget'], ['G', 'actual'], ['I', 'actual'], ['J', 'budget'], ['K', 'actual'], ['M', 'actual']]) {
    await page.fill('input[id$=import-fix-letter]', column);
    await page.selectOption('.outturn-import-fix-select', series);
    await page.locator('.outturn-import-corrections li', { hasText: `${column}=${series}` }).waitFor();
  }
  await page.waitForSelector('.outturn-import-ok');
  assert.equal(await page.locator('.outturn-import-problems').count(), 0);
  // The 2011-12 SEN actual for March: 4,047, as the report prints it.
  await page.locator('.outturn-title', { hasText: /transport to school: SEN$/ }).waitFor();
  assert.match(await page.locator('.outturn-headline').innerText(), /4,047 children/);
  // An undo takes a correction back, and the problem returns.
  await page.click('.outturn-import-corrections li:has-text("E=actual") button');
  await problems.waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('keyboard only: open the panel, paste, and reach every control', async () => {
  const page = await open(env.browser, env.server.url);
  await waitForState(page, 'ready');
  await page.focus('.outturn-import-toggle');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(`(${deepActive})().tagName`), 'TEXTAREA');
  await page.keyboard.insertText(await fs.readFile(FREEDOM_PASS, 'utf8'));
  await page.waitForSelector('.outturn-import-ok');
  // Every control in the panel is reachable by Tab, in order.
  const reached = new Set();
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(`((el) => el && (el.className || el.id || el.tagName))((${deepActive})())`);
    reached.add(name);
    if (name === 'outturn-import-restore') break;
  }
  for (const control of ['outturn-import-source-select', 'outturn-import-period-select', 'outturn-import-holds-select', 'outturn-import-download', 'outturn-import-copy', 'outturn-import-embed', 'outturn-import-restore']) {
    assert.ok(reached.has(control), `${control} not reached: ${[...reached].join(', ')}`);
  }
  await page.close();
});

for (const [name, media] of THEMES) {
  for (const width of [1280, 320]) {
    test(`axe finds no violations in "Add your data": ${name}, ${width} px`, async () => {
      const page = await env.browser.newPage({ viewport: { width, height: 900 } });
      await page.emulateMedia(media);
      await page.goto(env.server.url);
      await waitForState(page, 'ready');
      await openPanel(page);
      const found = (await axeViolations(page)).map((v) => `empty: ${v}`);
      await page.fill('.outturn-import-text textarea', await fs.readFile(FREEDOM_PASS, 'utf8'));
      await page.waitForSelector('.outturn-import-ok');
      found.push(...await axeViolations(page));
      await page.fill('.outturn-import-text textarea', await fs.readFile(TRANSPORT, 'utf8'));
      await page.waitForSelector('.outturn-import-problems');
      for (const v of await axeViolations(page)) found.push(`refused: ${v}`);
      assert.deepEqual(found, []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0);
      await page.close();
    });
  }
}
