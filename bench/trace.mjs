// Where Outturn's start-up time goes (issue 19, step 1): cold loads of the
// benchmark's Outturn page in headless Chromium with a performance trace,
// each load's main-thread time split by what it was doing (every trace
// event's self time, so nothing is counted twice), beside the page's own
// figures (resource timings, Outturn's outturn:parse and outturn:analyse
// measures). Writes its section of bench/RESULTS.md, between the markers
// <!-- trace:start --> and <!-- trace:end --> (bench/run.mjs keeps it).
//
//   node bench/trace.mjs            (after trunk build --release)
//   TRACE_LOADS=10 node bench/trace.mjs
//   TRACE_SECTION=trace-after TRACE_LABEL="after ..." node bench/trace.mjs
//                                   (a second section, kept beside the first)
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { whenReady } from './ready.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const LOADS = Number(process.env.TRACE_LOADS ?? 10);
const SECTION = process.env.TRACE_SECTION ?? 'trace';
const LABEL = process.env.TRACE_LABEL ?? 'Before issue 19\'s changes, this is the "before".';

const allCases = [
  { name: 'Default chart (Kent 2011-12, domiciliary care hours, budget vs actual)', query: '' },
  {
    name: 'Scorecard (Q4 2011-12 performance report, 30 indicators)',
    query: '?data=/data/kent-2011-12-q4-performance.json&view=scorecard&indicator=',
  },
];
// TRACE_CASE=N: only the Nth case (from 0), for a quick look.
const cases = allCases.filter((_, i) => !process.env.TRACE_CASE || String(i) === process.env.TRACE_CASE);

// What a trace event's name says it is doing. Order matters: the first
// match wins.
const kinds = [
  ['WebAssembly compile and instantiate', (n) => /^v8\.wasm|wasm/i.test(n) || /^(FlushInstructionCache|v8\.newInstance)$/.test(n)],
  ['JavaScript parse and compile', (n) => /^(V8\.(PreParse|ParseProgram|ParseFunction|CompileCode|CompileIgnition|Compile)|v8\.compile|v8\.parseOnBackground|CompileScript)/.test(n)],
  ['style', (n) => /recalcStyle|UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleEngine|StyleRecalc/i.test(n)],
  ['layout', (n) => /performLayout|^Layout|UpdateLayout|InlineNode|LayoutObject|LayoutShift/.test(n)],
  ['paint and composite', (n) => /^(Paint|PrePaint|Layerize|UpdateLayer|Commit|CompositeLayers|PaintImage|RasterTask|Decode)|Blink\.Paint/.test(n)],
  ['HTML parse', (n) => /^ParseHTML|HTMLDocumentParser/.test(n)],
  ['garbage collection', (n) => /GC|Scavenge|MarkCompact/.test(n)],
  ['script and WebAssembly running', (n) => /^(FunctionCall|RunMicrotasks|v8\.callFunction|EvaluateScript|v8\.evaluateModule|v8\.run|TimerFire|FireAnimationFrame|EventDispatch|V8\.Execute)/.test(n)],
  ['loading, messages and scheduling', () => true],
];

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = (s.length - 1) / 2;
  return s.length ? (s[Math.floor(m)] + s[Math.ceil(m)]) / 2 : NaN;
};

// Self time by event name over every load (TRACE_NAMES=1 prints the
// biggest, to see inside a kind).
const byName = new Map();

/** Self time (µs) of each complete event on one thread, by kind. */
function selfTimes(events) {
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const byKind = new Map();
  const stack = [];
  const settle = (event) => {
    const kind = kinds.find(([, test]) => test(event.name))[0];
    byKind.set(kind, (byKind.get(kind) ?? 0) + Math.max(0, event.self));
    const name = `${kind}: ${event.name}`;
    byName.set(name, (byName.get(name) ?? 0) + Math.max(0, event.self));
  };
  for (const event of complete) {
    const entry = { name: event.name, end: event.ts + event.dur, self: event.dur };
    while (stack.length && stack.at(-1).end <= event.ts) settle(stack.pop());
    // A RunTask or a scheduler wrapper says nothing of what ran inside it.
    if (stack.length) stack.at(-1).self -= event.dur;
    stack.push(entry);
  }
  while (stack.length) settle(stack.pop());
  // The task wrappers' own time is the scheduler's.
  return byKind;
}

async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
      'disabled-by-default-v8.compile', 'blink', 'blink.user_timing', 'loading', 'toplevel',
    ],
  });
  const ready = whenReady(page);
  await page.goto(url);
  await ready;
  const figures = await page.evaluate(() => {
    const resources = {};
    for (const entry of performance.getEntriesByType('resource')) {
      const name = new URL(entry.name).pathname.split('/').pop();
      resources[name] = { start: entry.startTime, end: entry.responseEnd };
    }
    const measures = {};
    for (const entry of performance.getEntriesByType('measure')) measures[entry.name] = entry.duration;
    return { ready: window.bench.state.ready, resources, measures, nodes: document.getElementById('widget').shadowRoot.querySelectorAll('*').length };
  });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await context.close();
  const events = trace.traceEvents ?? trace;
  // The page's renderer main thread: the thread named CrRendererMain that
  // ran the navigation's HTML parse.
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const parse = events.find((e) => e.name === 'ParseHTML' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const main = parse && `${parse.pid}:${parse.tid}`;
  const start = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main)?.ts
    ?? Math.min(...events.filter((e) => `${e.pid}:${e.tid}` === main && e.ts > 0).map((e) => e.ts));
  const end = start + figures.ready * 1000;
  const inWindow = (e) => e.ts >= start && e.ts < end;
  const mainEvents = events.filter((e) => `${e.pid}:${e.tid}` === main && inWindow(e));
  const busy = selfTimes(mainEvents);
  return { figures, busy };
}

function section(results) {
  const lines = [`<!-- ${SECTION}:start -->`, `## Where the start-up time goes (trace)${SECTION === 'trace' ? '' : `, ${SECTION.replace(/^trace-/, '')}`}`, ''];
  lines.push(`Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`node bench/trace.mjs\` (${LOADS} cold loads per case, a performance trace each; medians). Main-thread time is each trace event's self time, so it is counted once; "idle" is the time to ready the main thread spent waiting (for the network, for compilation off the main thread). Resource times are when each file had arrived. Tracing slows the page, WebAssembly most (ready comes later here than in the untraced runs above, and Outturn's own outturn:parse of the default dataset, 1.4 to 4 ms untraced, reads about 16 ms traced): read the split, not the totals. ${LABEL}`, '');
  for (const { name, loads } of results) {
    const ms = (us) => (us / 1000).toFixed(1);
    const ready = median(loads.map((l) => l.figures.ready));
    lines.push(`### ${name}`, '', `Ready at ${ready.toFixed(0)} ms (median); ${median(loads.map((l) => l.figures.nodes)).toFixed(0)} elements in the widget.`, '');
    lines.push('| main thread, to ready | ms (median) |', '|---|---|');
    let total = 0;
    for (const [kind] of kinds) {
      const value = median(loads.map((l) => l.busy.get(kind) ?? 0));
      total += value;
      lines.push(`| ${kind} | ${ms(value)} |`);
    }
    lines.push(`| idle (waiting) | ${Math.max(0, ready - total / 1000).toFixed(1)} |`);
    lines.push('');
    const files = ['outturn.js', 'outturn-web.js', 'outturn-web_bg.wasm', 'outturn.css'];
    const data = Object.keys(loads[0].figures.resources).find((n) => n.endsWith('.json'));
    lines.push('| arrived | ms (median) |', '|---|---|');
    for (const file of [...files, data].filter(Boolean)) {
      const at = loads.map((l) => l.figures.resources[file]?.end).filter((x) => x !== undefined);
      if (at.length) lines.push(`| ${file} | ${median(at).toFixed(1)} |`);
    }
    for (const measure of ['outturn:parse', 'outturn:analyse']) {
      const values = loads.map((l) => l.figures.measures[measure]).filter((x) => x !== undefined);
      if (values.length) lines.push(`| ${measure} (duration) | ${median(values).toFixed(1)} |`);
    }
    lines.push('');
  }
  lines.push(`<!-- ${SECTION}:end -->`);
  return lines.join('\n');
}

const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  for (const item of cases) {
    const loads = [];
    for (let i = 0; i < LOADS; i += 1) loads.push(await load(browser, `${server.url}/bench/outturn.html${item.query}`));
    results.push({ name: item.name, loads });
    console.log(`${item.name}: ready ${median(loads.map((l) => l.figures.ready)).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
if (process.env.TRACE_NAMES) {
  const loads = results.reduce((n, r) => n + r.loads.length, 0);
  for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(us / 1000 / loads).toFixed(1).padStart(7)} ms/load  ${name}`);
  process.exit(0);
}
const text = section(results);
const file = path.join(here, 'RESULTS.md');
const before = await fs.readFile(file, 'utf8').catch(() => '# Benchmark results\n');
const marked = new RegExp(`<!-- ${SECTION}:start -->[\\s\\S]*<!-- ${SECTION}:end -->`);
await fs.writeFile(file, marked.test(before) ? before.replace(marked, text) : `${before.trimEnd()}\n\n${text}\n`);
console.log(text);
