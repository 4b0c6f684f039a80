// The benchmark: Outturn and the chart libraries a council would otherwise
// pick, in the same headless Chromium, in one run, served from 127.0.0.1
// with gzip (as a council web server would). Writes bench/RESULTS.md.
//
// Run through bench/run.sh (which builds, installs the peers and generates
// the data). Options (environment): BENCH_LOADS (cold loads per case,
// default 5), BENCH_MOVES (pointer moves per load, default 200),
// BENCH_RELOADS (file-picker reloads for the memory check, default 100),
// BENCH_LIBS (comma-separated keys, e.g. "outturn,uplot": only these on
// the default chart and ten years of months, and no RESULTS.md; for quick
// comparisons), BENCH_OLD_DIST (an older build's dist/, measured beside
// this one on the default chart and ten years of months as "Outturn
// (old)", named in the report by BENCH_OLD_LABEL).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
// The server: dist/, the peers, the pages and the data, gzip-compressed.
import { serve } from './serve.mjs';
import { whenReady } from './ready.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const MOVES = Number(process.env.BENCH_MOVES ?? 200);
const RELOADS = Number(process.env.BENCH_RELOADS ?? 100);

// ---------------------------------------------------------------- statistics

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}
const median = (xs) => quantile(xs, 0.5);
/** Median and spread (min to max) over loads. */
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

// ---------------------------------------------------------------- one load

const libraries = [
  { key: 'outturn', name: 'Outturn', page: 'outturn.html', code: '/dist/' },
  { key: 'uplot', name: 'uPlot 1.6.32', page: 'uplot.html', code: '/lib/' },
  { key: 'chartjs', name: 'Chart.js 4.6.1', page: 'chartjs.html', code: '/lib/' },
  { key: 'echarts', name: 'ECharts 6.1.0', page: 'echarts.html', code: '/lib/' },
  { key: 'vega', name: 'Vega-Lite 6.5.0 (vega-embed 7.3.0)', page: 'vega.html', code: '/lib/' },
  { key: 'plotly', name: 'Plotly 4.1.1 (basic)', page: 'plotly.html', code: '/lib/' },
];
const peerKeys = new Set(['uplot', 'chartjs', 'echarts', 'vega', 'plotly']);
// The same page fetching and parsing the same data, drawing nothing: each
// library's own cost is its ready time less this page's, in the same run.
const baseline = { key: 'baseline', name: 'Baseline (fetches and parses the data, draws nothing)', page: 'baseline.html', code: '/none/' };
// The baseline page that then loads Outturn's code and starts it, with no
// widget on the page: what the code alone costs, before any drawing.
const codeAlone = { key: 'code-alone', name: 'Outturn\'s code alone (the baseline, then outturn.js started with no widget)', page: 'outturn-empty.html', code: '/dist/' };
const old = process.env.BENCH_OLD_DIST
  ? { key: 'outturn-old', name: `Outturn (old: ${process.env.BENCH_OLD_LABEL ?? 'an older build'})`, page: 'outturn-old.html', code: '/old/' }
  : null;

/** Where to move the pointer: the plot area of the page's chart. */
async function plotArea(page, library, target) {
  return page.evaluate(
    ({ key, target }) => {
      let element;
      if (key.startsWith('outturn')) {
        const shadow = document.getElementById('widget').shadowRoot;
        element = shadow.querySelector(target ?? '.outturn-chart');
        // Charts further down the widget (the timeline) are scrolled to.
        if (element.getBoundingClientRect().top > innerHeight * 0.6) element.scrollIntoView({ block: 'center' });
      } else {
        element = document.getElementById('chart');
        // Small multiples: across the first chart.
        if (element.classList.contains('multiples')) element = element.firstElementChild;
      }
      const r = element.getBoundingClientRect();
      const spark = target && element.querySelector('.outturn-spark');
      if (spark) {
        // The dashboard, the scorecard and the breakdown: along the first
        // row of cards or of the table, through its sparklines.
        const row = spark.getBoundingClientRect();
        return { x: r.x, y: row.y, width: r.width, height: row.height };
      }
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    { key: library.key, target },
  );
}

/** Bytes by kind from Resource Timing (gzip = encoded, raw = decoded). */
async function bytes(page, library) {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
  );
  const out = { codeGzip: 0, codeRaw: 0, dataGzip: 0, dataRaw: 0, files: [] };
  for (const e of entries) {
    const url = new URL(e.name);
    if (url.pathname.startsWith('/data/')) {
      out.dataGzip += e.encoded;
      out.dataRaw += e.decoded;
    } else if (url.pathname.startsWith(library.code)) {
      out.codeGzip += e.encoded;
      out.codeRaw += e.decoded;
      out.files.push(url.pathname);
    }
  }
  return out;
}

async function heap(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function wasmMemory(page) {
  return page.evaluate(async () => (await import('/dist/outturn.js')).memoryBytes());
}

/** `moves` pointer moves across the plot area; latencies as measured by probe.js. */
async function pointer(page, area, moves) {
  await page.mouse.move(area.x + 2, area.y + area.height / 2);
  await page.evaluate(() => {
    bench.state.latencies.length = 0;
    bench.state.inputDelays.length = 0;
    bench.state.measuring = 'pointermove';
  });
  for (let i = 0; i < moves; i += 1) {
    const t = (i % 100) / 99;
    const x = area.x + area.width * (0.08 + 0.84 * (i < 100 ? t : 1 - t));
    const y = area.y + area.height * (0.3 + 0.4 * ((i * 7) % 10) / 9);
    await page.mouse.move(x, y);
    await page.waitForFunction((n) => bench.state.latencies.length >= n, i + 1, { polling: 'raf', timeout: 10000 });
  }
  return page.evaluate(() => {
    bench.state.measuring = false;
    return { latencies: [...bench.state.latencies], inputDelays: [...bench.state.inputDelays] };
  });
}

/**
 * Zooms the timeline with `turns` wheel turns at the middle of the plot
 * (in, then back out): per-frame cost as measured by probe.js.
 */
async function zoom(page, area, turns) {
  await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
  await page.evaluate(() => {
    bench.state.latencies.length = 0;
    bench.state.measuring = 'wheel';
  });
  for (let i = 0; i < turns; i += 1) {
    await page.mouse.wheel(0, i < turns / 2 ? -100 : 100);
    await page.waitForFunction((n) => bench.state.latencies.length >= n, i + 1, { polling: 'raf', timeout: 10000 });
  }
  return page.evaluate(() => {
    bench.state.measuring = false;
    return [...bench.state.latencies];
  });
}

/** One cold load (fresh browser context: empty HTTP and code caches). */
async function coldLoad(browser, server, library, { query = '', moves = MOVES, target, checkTooltip, zoomTarget } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const cdp = await context.newCDPSession(page);
  const ready = whenReady(page);
  await page.goto(`${server.url}/bench/${library.page}${query}`);
  await ready;
  const result = { ready: await page.evaluate(() => bench.state.ready) };
  Object.assign(result, await bytes(page, library));
  result.heap = await heap(page, cdp);
  if (library.key === 'baseline' || library.key === 'code-alone') moves = 0;
  if (library.key === 'outturn') {
    result.wasm = await wasmMemory(page);
    result.parse = await page.evaluate(() => performance.getEntriesByName('outturn:parse').at(-1)?.duration ?? NaN);
    result.analyse = await page.evaluate(() => performance.getEntriesByName('outturn:analyse').at(-1)?.duration ?? NaN);
  }
  if (moves > 0) {
    const area = await plotArea(page, library, target);
    const { latencies, inputDelays } = await pointer(page, area, moves);
    result.p50 = quantile(latencies, 0.5);
    result.p95 = quantile(latencies, 0.95);
    result.delay95 = quantile(inputDelays, 0.95);
    if (checkTooltip) result.tooltip = await page.evaluate(checkTooltip);
  }
  if (zoomTarget) {
    const frames = await zoom(page, await plotArea(page, library, zoomTarget), 40);
    result.zoom50 = quantile(frames, 0.5);
    result.zoom95 = quantile(frames, 0.95);
  }
  result.problems = problems;
  await context.close();
  return result;
}

/** Median and spread of each figure over `loads` of one library. */
function summarise(library, loads) {
  const pick = (key) => summary(loads.map((l) => l[key]).filter((v) => v !== undefined));
  const keys = ['ready', 'codeGzip', 'codeRaw', 'dataGzip', 'dataRaw', 'heap', 'wasm', 'parse', 'analyse', 'p50', 'p95', 'delay95', 'zoom50', 'zoom95'];
  const out = { library, loads, files: loads[0].files, tooltip: loads[0].tooltip, problems: loads.flatMap((l) => l.problems) };
  for (const key of keys) if (loads.some((l) => l[key] !== undefined)) out[key] = pick(key);
  return out;
}

/** Cold loads of one library (an Outturn-only case). */
async function measure(browser, server, library, options = {}) {
  const loads = [];
  for (let i = 0; i < (options.loads ?? LOADS); i += 1) {
    loads.push(await coldLoad(browser, server, library, options));
    process.stdout.write('.');
  }
  return summarise(library, loads);
}

/**
 * Cold loads of several libraries taken in turn (load 1 of each, then load
 * 2 of each, ...), after one load of each that is thrown away, so that no
 * library is measured while the machine is still warming up or busier than
 * for the others. Each round starts one library further along, so that no
 * library always follows the same one (a heavy page can leave the machine
 * busy for the next).
 */
async function measureInTurn(browser, server, chosen, optionsFor) {
  const loads = new Map(chosen.map((library) => [library, []]));
  for (let round = -1; round < LOADS; round += 1) {
    const first = (round + 1) % chosen.length;
    for (const library of [...chosen.slice(first), ...chosen.slice(0, first)]) {
      const load = await coldLoad(browser, server, library, optionsFor(library));
      if (round >= 0) loads.get(library).push(load);
    }
    process.stdout.write(round < 0 ? 'warm-up ' : '.');
  }
  return chosen.map((library) => summarise(library, loads.get(library)));
}

// ---------------------------------------------------------------- Outturn-only cases

const outturnTooltip = () => {
  const shadow = document.getElementById('widget').shadowRoot;
  const tip = shadow.querySelector('.outturn-tooltip, .outturn-spark-tip:not([hidden])');
  return tip ? tip.innerText.replace(/\s+/g, ' ').trim().slice(0, 120) : null;
};

/** Loads a dataset through the file picker `reloads` times; memory after each. */
async function reloadMemory(browser, server, file, reloads) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${server.url}/bench/outturn.html`);
  await page.waitForFunction(() => bench.state.ready !== null, null, { timeout: 60000 });
  const input = page.locator('#widget input[type=file]');
  const samples = [];
  for (let i = 1; i <= reloads; i += 1) {
    await page.evaluate(() => document.getElementById('widget').removeAttribute('data-outturn-state'));
    await input.setInputFiles(file);
    await page.waitForFunction(() => document.getElementById('widget').getAttribute('data-outturn-state') === 'ready', null, { timeout: 60000 });
    if (i === 1 || i === 10 || i % 25 === 0) {
      const dom = await cdp.send('Memory.getDOMCounters');
      samples.push({ reload: i, heap: await heap(page, cdp), wasm: await wasmMemory(page), nodes: dom.nodes, listeners: dom.jsEventListeners });
    }
  }
  await context.close();
  return samples;
}

// ---------------------------------------------------------------- report

const kb = (b) => (b / 1024).toFixed(1);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : 'n/a');
const spread = (s, fmt) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

async function machine(browser) {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    os: `${os.type()} ${os.release()}`,
    browser: `Chromium ${browser.version()} (headless, /usr/bin/chromium)`,
    node: process.version,
  };
}

/** A case measured library by library in turn: its table and ratios. */
function caseSection(lines, heading, description, results) {
  const outturn = results.find((r) => r.library.key === 'outturn');
  const base = results.find((r) => r.library.key === 'baseline');
  const own = (r) => (base ? r.ready.median - base.ready.median : NaN);
  const drew = (r) => r !== base && r.library.key !== 'code-alone';
  lines.push(`## ${heading}`, '', description, '');
  lines.push('| library | code KB gzip (raw) | data KB gzip | ready ms | own cost ms (ready − baseline) | tooltip p50 ms | tooltip p95 ms | JS heap MB |', '|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const code = r === base ? '–' : `${kb(r.codeGzip.median)} (${kb(r.codeRaw.median)})`;
    const tip = (q) => (drew(r) ? ms(r[q]?.median) : '–');
    lines.push(`| ${r.library.name} | ${code} | ${kb(r.dataGzip.median)} | ${spread(r.ready, ms)} | ${r === base ? '–' : ms(own(r))} | ${tip('p50')} | ${tip('p95')} | ${(r.heap.median / 2 ** 20).toFixed(1)}${r.wasm ? ` + ${(r.wasm.median / 2 ** 20).toFixed(1)} wasm` : ''} |`);
  }
  lines.push('', '**Outturn ÷ peer** (below 1 = Outturn smaller or faster):', '');
  lines.push('| peer | code (gzip) | ready | own cost | tooltip p95 | JS heap |', '|---|---|---|---|---|---|');
  for (const r of results.filter((r) => r !== outturn && drew(r))) {
    lines.push(`| ${r.library.name} | ${ratio(outturn.codeGzip.median, r.codeGzip.median)} | ${ratio(outturn.ready.median, r.ready.median)} | ${ratio(own(outturn), own(r))} | ${ratio(outturn.p95?.median, r.p95?.median)} | ${ratio(outturn.heap.median + (outturn.wasm?.median ?? 0), r.heap.median + (r.wasm?.median ?? 0))} |`);
  }
  lines.push('');
}

function report({ env, when, command, loads, moves, kent, tenYears, scorecard, breakdown, dashboard, zoomKent, timeline, memory, targets }) {
  const lines = [];
  lines.push('# Benchmark results', '');
  lines.push(`Run on ${when} with \`${command ?? './bench/run.sh'}\` (${loads ?? LOADS} cold loads per case, ${moves ?? MOVES} pointer moves per load).`, '');
  lines.push(`Machine: ${env.cpu}, ${env.memory}, ${env.os}. Browser: ${env.browser}. Node ${env.node}.`, '');
  lines.push('Absolute times depend on the machine; the ratios (Outturn ÷ peer, lower is better for Outturn) are the result. Medians over cold loads, spread (min–max) in brackets. A library\'s own cost is its ready time less the baseline page\'s (the same page fetching and parsing the same data and drawing nothing), in the same run.', '');
  lines.push('## Targets', '');
  lines.push('| target | measured | met |', '|---|---|---|');
  for (const t of targets) lines.push(`| ${t.what} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
  lines.push('');
  caseSection(lines, 'Default dataset: one budget-vs-actual line chart with tooltips', 'Kent 2011-12, domiciliary care hours, April to March: affordable level and actual, tooltip at the pointer. Code = the library\'s files (gzip as transferred; raw in brackets); data = the dataset file.', kent);
  if (tenYears) caseSection(lines, 'Ten years of months', 'Generated: one activity, 2012-13 to 2021-22 by month against its affordable level (240 values). Outturn\'s Years view (every year on one April-to-March axis, and the timeline of all ten, where the pointer moves); the peers draw the 120 months end to end.', tenYears);
  if (scorecard) caseSection(lines, 'Scorecard of 44 indicators', 'Generated: 44 performance indicators, two years of months against their targets. Outturn\'s scorecard (a row per indicator: latest value, target, status, direction of travel, distance from target and a sparkline with its target; the pointer moves along the first row); the peers draw their nearest equivalent, 44 small charts of result and target (the pointer moves across the first).', scorecard);
  if (breakdown) caseSection(lines, 'Breakdown of a service into 12 parts', 'Generated: a service\'s spend and its 12 parts, two years of months against budget. Outturn\'s breakdown (a row per part: budget, actual, variance and its bar, a trend; the pointer moves along the first row); the peers draw 13 small charts of budget and actual.', breakdown);
  if (dashboard) {
    lines.push('## Large dataset: dashboard of 2,000 indicators', '');
    lines.push(`Generated: 2,000 indicators × 10 years, monthly budget and actual (480,000 values, ${kb(dashboard.dataRaw.median / 1024)} MB raw, ${kb(dashboard.dataGzip.median)} KB gzip).`, '');
    lines.push('| measure | median (min–max) |', '|---|---|');
    lines.push(`| parse (outturn:parse) ms | ${spread(dashboard.parse, ms)} |`);
    lines.push(`| analysis (outturn:analyse) ms | ${spread(dashboard.analyse, ms)} |`);
    lines.push(`| ready ms | ${spread(dashboard.ready, ms)} |`);
    lines.push(`| tooltip p50 / p95 ms | ${ms(dashboard.p50.median)} / ${ms(dashboard.p95.median)} (p95 spread ${ms(dashboard.p95.min)}–${ms(dashboard.p95.max)}) |`);
    lines.push(`| JS heap + wasm MB | ${(dashboard.heap.median / 2 ** 20).toFixed(1)} + ${(dashboard.wasm.median / 2 ** 20).toFixed(1)} |`);
    lines.push(`| tooltip text at the end | ${(dashboard.tooltip ?? 'none').replace(/\s+/g, ' ')} |`, '');
  }
  if (zoomKent) {
    lines.push('## Zooming the timeline', '');
    lines.push('Default dataset, domiciliary care hours, every year end to end (the Years view\'s timeline): 40 wheel turns at the middle of the chart, in then out; cost of each turn from the event to the end of the frame that shows the new zoom.', '');
    lines.push('| measure | median (min–max) over loads |', '|---|---|');
    lines.push(`| per-frame p50 ms | ${spread(zoomKent.zoom50, ms)} |`);
    lines.push(`| per-frame p95 ms | ${spread(zoomKent.zoom95, ms)} |`, '');
  }
  if (timeline) {
    lines.push('## 1,000,000-point timeline', '');
    lines.push(`Generated: one indicator, 10 years of 100,000 readings (1,000,000 actual and 1,000,000 budget values, ${kb(timeline.dataRaw.median / 1024)} MB raw, ${kb(timeline.dataGzip.median)} KB gzip), the Years view: every year overlaid, and the timeline of all ten. Drawn decimated (each pixel column's first, last, lowest and highest point), as the chart says.`, '');
    lines.push('| measure | median (min–max) |', '|---|---|');
    for (const [label, key] of [['parse (outturn:parse) ms', 'parse'], ['analysis (outturn:analyse) ms', 'analyse'], ['ready ms', 'ready']]) lines.push(`| ${label} | ${spread(timeline[key], ms)} |`);
    lines.push(`| tooltip p50 / p95 ms (over the timeline) | ${ms(timeline.p50.median)} / ${ms(timeline.p95.median)} (p95 spread ${ms(timeline.p95.min)}–${ms(timeline.p95.max)}) |`);
    lines.push(`| zoom per frame p50 / p95 ms | ${ms(timeline.zoom50.median)} / ${ms(timeline.zoom95.median)} |`);
    lines.push(`| JS heap + wasm MB | ${(timeline.heap.median / 2 ** 20).toFixed(1)} + ${(timeline.wasm.median / 2 ** 20).toFixed(1)} |`);
    lines.push(`| tooltip text at the end | ${(timeline.tooltip ?? 'none').replace(/\s+/g, ' ')} |`, '');
  }
  if (memory) {
    lines.push('## Memory over reloads through the file picker', '');
    lines.push(`${memory.file}, loaded ${RELOADS} times in one page; JS heap after garbage collection, and WebAssembly memory.`, '');
    lines.push('| reload | JS heap MB | wasm MB | DOM nodes | event listeners |', '|---|---|---|---|---|');
    for (const s of memory.samples) lines.push(`| ${s.reload} | ${(s.heap / 2 ** 20).toFixed(2)} | ${(s.wasm / 2 ** 20).toFixed(2)} | ${s.nodes} | ${s.listeners} |`);
    lines.push('');
  }
  lines.push('## How it is measured', '');
  lines.push('- Every page loads in a fresh browser context (cold HTTP and code caches), from a server on 127.0.0.1 that sends gzip (level 9) and `Cache-Control: max-age=3600` (each load still starts with an empty cache). On the default dataset the libraries are loaded in turn (one load of each, then the next round, each round starting one library further along), after a warm-up round that is not counted.');
  lines.push('- **ready**: from navigation start to the end of the first frame after the chart is drawn with its tooltip handlers attached (peers: after their draw call returns, animations off; Outturn: when its host reports `data-outturn-state="ready"`; the baseline: once the data is parsed). The page says so on the console (`bench/ready.mjs`): the harness never runs script in a page while it starts up.');
  lines.push('- **own cost**: ready less the baseline page\'s ready in the same run and case: what the library adds to a page that has its data.');
  lines.push('- **tooltip**: for each pointermove over the plot area, from the page receiving it to the end of the next frame (handlers, the library\'s own animation-frame work, layout and paint). The browser\'s input delay before the handler (the same for every library) is recorded apart.');
  lines.push('- **bytes**: Resource Timing (`encodedBodySize` = gzip as transferred, `decodedBodySize` = raw). Code = the library\'s own files; the page and the few lines that configure each chart are not counted.');
  lines.push('- **heap**: `Runtime.getHeapUsage` after a forced garbage collection; Outturn\'s WebAssembly memory separately.');
  lines.push('- Peers: uPlot with the usual cursor-hook tooltip; Chart.js index tooltip; ECharts `echarts.common` axis tooltip; Vega-Lite nearest-point rule tooltip; Plotly basic bundle, unified hover.');
  lines.push('');
  return lines.join('\n');
}

/** The issue's targets, each with what was measured and whether it is met. */
function judge({ kent, tenYears, scorecard, breakdown, dashboard, timeline, memory }) {
  const outturn = kent.find((r) => r.library.key === 'outturn');
  const parseAnalyse = dashboard.parse.median + dashboard.analyse.median;
  // Ready against the peers, and the own cost against the old build's, on one case.
  const speed = (results, label) => {
    const o = results.find((r) => r.library.key === 'outturn');
    const uplot = results.find((r) => r.library.key === 'uplot');
    const base = results.find((r) => r.library.key === 'baseline');
    const before = results.find((r) => r.library.key === 'outturn-old');
    const out = [{ what: `${label}: ready ≤ 1.3 × uPlot`, measured: ratio(o.ready.median, uplot.ready.median), met: o.ready.median <= 1.3 * uplot.ready.median }];
    for (const r of results.filter((r) => peerKeys.has(r.library.key) && r !== uplot)) {
      out.push({ what: `${label}: ready faster than ${r.library.name}`, measured: ratio(o.ready.median, r.ready.median), met: o.ready.median < r.ready.median });
    }
    if (base && before) {
      const now = o.ready.median - base.ready.median;
      const then = before.ready.median - base.ready.median;
      out.push({ what: `${label}: Outturn's own cost ≤ ½ of the old build's (${before.library.name})`, measured: `${ms(now)} ms against ${ms(then)} ms (${ratio(now, then)})`, met: now <= then / 2 });
    }
    return out;
  };
  const hover = [['default chart', kent], ['ten years of months', tenYears], ['scorecard', scorecard], ['breakdown', breakdown]]
    .filter(([, results]) => results)
    .map(([label, results]) => [label, results.find((r) => r.library.key === 'outturn')]);
  // Bounded memory: after a warm-up (the allocator and the JavaScript
  // engine settle over the first loads), the WebAssembly memory grows by
  // under 1% to the last reload and not at all over the second half, the
  // JS heap by under 5%, and the DOM keeps its size.
  const at = (n) => memory.samples.find((s) => s.reload === n);
  const settled = at(25) ?? memory.samples[0];
  const half = at(Math.round(RELOADS / 2)) ?? settled;
  const last = memory.samples.at(-1);
  const memoryMet =
    last.wasm <= settled.wasm * 1.01 &&
    last.wasm === half.wasm &&
    last.heap <= settled.heap * 1.05 &&
    Math.abs(last.nodes - settled.nodes) <= settled.nodes * 0.01;
  return [
    { what: 'code at start-up ≤ 233,000 B gzip (wasm, JS, CSS; the importer is loaded on demand)', measured: `${Math.round(outturn.codeGzip.median).toLocaleString('en-GB')} B`, met: outturn.codeGzip.median <= 233000 },
    ...speed(kent, 'default chart'),
    ...(tenYears ? speed(tenYears, 'ten years of months') : []),
    ...hover.map(([label, r]) => ({ what: `tooltip p95 < 16 ms, ${label}`, measured: `${ms(r.p95.median)} ms`, met: r.p95.median < 16 })),
    { what: 'tooltip p95 < 16 ms, large dashboard', measured: `${ms(dashboard.p95.median)} ms`, met: dashboard.p95.median < 16 },
    { what: 'tooltip p95 < 16 ms, 1,000,000-point timeline (decimated, said on the chart)', measured: `${ms(timeline.p95.median)} ms`, met: timeline.p95.median < 16 },
    { what: 'zoom p95 < 33 ms a wheel turn (two frames), 1,000,000-point timeline', measured: `${ms(timeline.zoom95.median)} ms (loads ${ms(timeline.zoom95.min)}–${ms(timeline.zoom95.max)})`, met: timeline.zoom95.median < 33 },
    { what: 'parse + analysis of the large dataset < 1 s', measured: `${ms(parseAnalyse)} ms`, met: parseAnalyse < 1000 },
    {
      what: `memory bounded over ${last.reload} reloads (after reload ${settled.reload}: wasm +<1% and none after reload ${half.reload}, JS heap +<5%, DOM level)`,
      measured: `wasm ${kb(settled.wasm / 1024)} → ${kb(half.wasm / 1024)} → ${kb(last.wasm / 1024)} MB, JS heap ${kb(settled.heap / 1024)} → ${kb(last.heap / 1024)} MB, DOM nodes ${settled.nodes} → ${last.nodes}`,
      met: memoryMet,
    },
  ];
}

// ---------------------------------------------------------------- main

/**
 * Writes RESULTS.md, keeping the sections bench/trace.mjs and
 * bench/code-size.mjs wrote (each between <!-- NAME:start --> and
 * <!-- NAME:end -->).
 */
async function writeResults(text) {
  const file = path.join(here, 'RESULTS.md');
  const before = await fs.readFile(file, 'utf8').catch(() => '');
  const kept = before.match(/<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g) ?? [];
  await fs.writeFile(file, [text.trimEnd(), ...kept].join('\n\n') + '\n');
}

if (process.env.BENCH_REPORT_ONLY) {
  // Rewrites RESULTS.md from the last run's figures (bench/out/results.json).
  const saved = JSON.parse(await fs.readFile(path.join(here, 'out', 'results.json'), 'utf8'));
  saved.targets = judge(saved);
  await writeResults(report(saved));
  console.log(saved.targets.map((t) => `${t.met ? 'met ' : 'MISS'}  ${t.what}: ${t.measured}`).join('\n'));
  process.exit(0);
}

const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const env = await machine(browser);
const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
try {
  const only = process.env.BENCH_LIBS?.split(',');
  const chosen = (list) => list.filter((l) => l && (!only || only.includes(l.key)));
  const inTurn = async (label, list, optionsFor) => {
    process.stdout.write(`${label}, every library in turn `);
    const results = await measureInTurn(browser, server, list, optionsFor);
    console.log('');
    for (const r of results) console.log(`  ${r.library.name}: ready ${ms(r.ready.median)} ms, p95 ${ms(r.p95?.median)} ms`);
    return results;
  };
  const kent = await inTurn('default dataset', chosen([...libraries, baseline, codeAlone, old]), (library) => ({
    checkTooltip: library.key === 'outturn' ? outturnTooltip : undefined,
  }));
  // Ten years of months: Outturn's Years view (every year on one axis, and
  // the timeline of all ten, where the pointer moves); the peers draw the
  // ten years end to end.
  const tenYears = await inTurn('ten years of months', chosen([...libraries, baseline, old]), (library) =>
    library.key.startsWith('outturn')
      ? { query: '?data=/data/ten-years.json&view=years', target: '[data-panel="timeline"] .outturn-chart' }
      : { query: '?data=/data/ten-years.json&timeline=1' },
  );
  if (only) process.exit(0);
  // The scorecard and the breakdown: the peers draw small multiples, one
  // chart per indicator (or part), their nearest equivalent.
  const scorecard = await inTurn('scorecard of 44 indicators', [...libraries, baseline], (library) =>
    library.key === 'outturn'
      ? { query: '?data=/data/scorecard.json&view=scorecard&indicator=', target: '.outturn-indicator-table' }
      : { query: '?data=/data/scorecard.json&multiples=scorecard' },
  );
  const breakdown = await inTurn('breakdown of 12 parts', [...libraries, baseline], (library) =>
    library.key === 'outturn'
      ? { query: '?data=/data/breakdown.json&view=breakdown&indicator=asc-total', target: '.outturn-indicator-table' }
      : { query: '?data=/data/breakdown.json&multiples=breakdown&indicator=asc-total' },
  );
  process.stdout.write('large dataset, dashboard ');
  const dashboard = await measure(browser, server, libraries[0], {
    query: '?data=/data/large.json&view=dashboard',
    target: '.outturn-cards',
    checkTooltip: outturnTooltip,
  });
  console.log(` parse ${ms(dashboard.parse.median)} ms, analyse ${ms(dashboard.analyse.median)} ms, p95 ${ms(dashboard.p95.median)} ms`);
  process.stdout.write('timeline zoom (default dataset) ');
  const zoomKent = await measure(browser, server, libraries[0], {
    query: '?view=years',
    moves: 0,
    zoomTarget: '[data-panel="timeline"] .outturn-chart',
  });
  console.log(` per frame p50 ${ms(zoomKent.zoom50.median)} ms, p95 ${ms(zoomKent.zoom95.median)} ms`);
  process.stdout.write('1,000,000-point timeline ');
  const timeline = await measure(browser, server, libraries[0], {
    query: '?data=/data/timeline.json&indicator=weighbridge-readings&view=years',
    target: '[data-panel="timeline"] .outturn-chart',
    zoomTarget: '[data-panel="timeline"] .outturn-chart',
    checkTooltip: outturnTooltip,
  });
  console.log(` parse ${ms(timeline.parse.median)} ms, analyse ${ms(timeline.analyse.median)} ms, p95 ${ms(timeline.p95.median)} ms, zoom p95 ${ms(timeline.zoom95.median)} ms`);
  process.stdout.write(`memory over ${RELOADS} reloads `);
  const memoryFile = path.join(here, 'out', 'large.json');
  const memory = { file: 'large.json (4 MB)', samples: await reloadMemory(browser, server, memoryFile, RELOADS) };
  console.log(JSON.stringify(memory.samples.at(-1)));

  // The command as run, with the settings that change what is measured.
  const settings = ['BENCH_LOADS', 'BENCH_MOVES', 'BENCH_RELOADS', 'BENCH_OLD_DIST'].filter((name) => process.env[name]).map((name) => `${name}=${process.env[name]}`);
  const command = settings.length ? `${settings.join(' ')} node bench/run.mjs` : './bench/run.sh';
  const figures = { env, when, command, loads: LOADS, moves: MOVES, kent, tenYears, scorecard, breakdown, dashboard, zoomKent, timeline, memory };
  figures.targets = judge(figures);
  await writeResults(report(figures));
  await fs.writeFile(path.join(here, 'out', 'results.json'), JSON.stringify(figures, null, 1));
  const targets = figures.targets;
  console.log('\n' + targets.map((t) => `${t.met ? 'met ' : 'MISS'}  ${t.what}: ${t.measured}`).join('\n'));
  console.log('wrote bench/RESULTS.md');
} finally {
  await browser.close();
  await server.close();
}
