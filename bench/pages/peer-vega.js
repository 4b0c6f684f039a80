// Vega-Lite through vega-embed: both lines, and a rule at the nearest period
// whose tooltip gives both values (the usual multi-series tooltip pattern).
(async () => {
  const small = await bench.multiples();
  if (small) {
    for (const c of small) {
      const values = c.labels.flatMap((label, i) => c.series.map((s) => ({ i, label, series: s.name, value: s.values[i] })));
      await vegaEmbed(c.cell, {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        title: { text: c.title, fontSize: 10 },
        width: 160,
        height: 70,
        data: { values },
        mark: { type: 'line', tooltip: true },
        encoding: {
          x: { field: 'i', type: 'quantitative', axis: null },
          y: { field: 'value', type: 'quantitative', scale: { zero: false }, title: null },
          color: { field: 'series', type: 'nominal', legend: null, scale: { range: ['#1d70b8', '#d4351c'] } },
        },
      }, { actions: false });
    }
    bench.drawn();
    return;
  }
  const d = await bench.data();
  const values = d.labels.map((label, i) => ({ i, label, budget: d.budget[i], actual: d.actual[i] }));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: d.title,
    width: 820,
    height: 340,
    data: { values },
    encoding: { x: { field: 'i', type: 'quantitative', title: null, axis: { labelExpr: `${JSON.stringify(d.labels)}[datum.value] || ''` } } },
    layer: [
      { mark: { type: 'line', strokeDash: [6, 4], color: '#1d70b8' }, encoding: { y: { field: 'budget', type: 'quantitative', scale: { zero: false }, title: d.unit } } },
      { mark: { type: 'line', color: '#d4351c', strokeWidth: 2 }, encoding: { y: { field: 'actual', type: 'quantitative' } } },
      {
        mark: 'rule',
        params: [{ name: 'hover', select: { type: 'point', fields: ['i'], nearest: true, on: 'pointermove', clear: 'pointerout' } }],
        encoding: {
          opacity: { condition: { param: 'hover', empty: false, value: 0.4 }, value: 0 },
          tooltip: [
            { field: 'label', title: 'Period' },
            { field: 'actual', title: 'Actual', format: ',' },
            { field: 'budget', title: 'Affordable level', format: ',' },
          ],
        },
      },
    ],
  };
  await vegaEmbed('#chart', spec, { actions: false });
  bench.drawn();
})();
