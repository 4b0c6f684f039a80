// Loaded first by every benchmark page (Outturn's and the peers'), so all
// are measured the same way:
//   bench.drawn()      the page calls it once its chart is drawn and its
//                      tooltip handlers are attached; the ready time is taken
//                      after the next frame (the one that shows the chart);
//   input latency      for each pointermove (or wheel turn, when zooming):
//                      from the page receiving it to the end of the next
//                      frame (the tooltip or the zoomed chart drawn), plus
//                      the browser's own input delay (event time to handler);
//   bench.data()       the selected series from an outturn/1 file, for the
//                      peers (Outturn reads the file itself).
'use strict';
window.bench = (() => {
  const afterNextFrame = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  const state = { ready: null, latencies: [], inputDelays: [], measuring: false };
  // Pointer moves (tooltips) and wheel turns (zooming the timeline).
  for (const type of ['pointermove', 'wheel']) {
    addEventListener(
      type,
      (event) => {
        if (state.measuring !== type) return;
        const start = performance.now();
        state.inputDelays.push(Math.max(0, start - event.timeStamp));
        afterNextFrame((end) => state.latencies.push(end - start));
      },
      { capture: true, passive: true },
    );
  }
  const params = new URLSearchParams(location.search);
  return {
    state,
    params,
    drawn() {
      afterNextFrame((time) => {
        if (state.ready !== null) return;
        state.ready = time;
        // Told to the harness through the console (bench/ready.mjs), so
        // that it never runs script in the page while the page starts up.
        console.debug('bench:ready');
      });
    },
    /**
     * Small multiples, the peers' nearest equivalent to Outturn's scorecard
     * and breakdown (multiples=scorecard|breakdown): one small chart per
     * indicator with a target (result and target), or per part of the
     * indicator given and the whole (budget and actual), over its latest
     * year with actuals. Null when the page is not a small-multiples case.
     */
    async multiples() {
      const kind = params.get('multiples');
      if (!kind) return null;
      const dataset = await (await fetch(params.get('data'))).json();
      const whole = params.get('indicator');
      const names = { month: ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'], quarter: ['Q1', 'Q2', 'Q3', 'Q4'], term: ['Summer', 'Autumn', 'Spring'], year: ['Year'] };
      const charts = [];
      for (const indicator of dataset.indicators) {
        if (kind === 'breakdown' && indicator.id !== whole && indicator.parent !== whole) continue;
        const year = [...indicator.years].reverse().find((y) => y.actual) ?? indicator.years.at(-1);
        if (kind === 'scorecard' && !year.target) continue;
        const series = kind === 'scorecard'
          ? [{ name: 'Result', values: year.actual }, { name: 'Target', values: year.target }]
          : [{ name: 'Budget', values: year.budget ?? [] }, { name: 'Actual', values: year.actual }];
        charts.push({ title: indicator.title, labels: indicator.periods ?? names[indicator.period], series });
      }
      const grid = document.getElementById('chart');
      grid.className = 'multiples';
      return charts.map((chart) => {
        const cell = document.createElement('div');
        grid.append(cell);
        return { ...chart, cell };
      });
    },
    /** Budget and actual of one indicator: one year, or every year end to end. */
    async data() {
      const source = params.get('data') ?? '/data/kent-2011-12-key-activity.json';
      const dataset = await (await fetch(source)).json();
      const indicator = dataset.indicators.find((i) => i.id === params.get('indicator')) ?? dataset.indicators[0];
      const names = { month: ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'], quarter: ['Q1', 'Q2', 'Q3', 'Q4'], term: ['Summer', 'Autumn', 'Spring'], year: ['Year'] };
      const periods = indicator.periods ?? names[indicator.period];
      const timeline = params.get('timeline') === '1';
      const chosen = timeline
        ? indicator.years
        : [indicator.years.find((y) => y.year === params.get('year')) ?? [...indicator.years].reverse().find((y) => y.actual) ?? indicator.years.at(-1)];
      const labels = [];
      const budget = [];
      const actual = [];
      for (const year of chosen) {
        periods.forEach((period, i) => {
          labels.push(timeline ? `${period} ${year.year}` : period);
          budget.push(year.budget?.[i] ?? null);
          actual.push(year.actual?.[i] ?? null);
        });
      }
      return { title: indicator.title, unit: indicator.unit, year: chosen.length === 1 ? chosen[0].year : '', labels, budget, actual };
    },
  };
})();
