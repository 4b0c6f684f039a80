// uPlot has no tooltip of its own: this is the usual cursor-hook tooltip.
(async () => {
  const small = await bench.multiples();
  if (small) {
    for (const c of small) {
      new uPlot(
        {
          width: 210,
          height: 120,
          title: c.title,
          legend: { show: false },
          scales: { x: { time: false } },
          axes: [{ show: false }, { size: 36 }],
          series: [{}, { label: c.series[0].name, stroke: '#1d70b8', width: 1.5 }, { label: c.series[1].name, stroke: '#d4351c', dash: [4, 3], width: 1.5 }],
        },
        [c.labels.map((_, i) => i), c.series[0].values, c.series[1].values],
        c.cell,
      );
    }
    bench.drawn();
    return;
  }
  const d = await bench.data();
  const chart = document.getElementById('chart');
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.style.cssText = 'position:absolute;pointer-events:none;background:#fff;border:1px solid #555;padding:4px 6px;font-size:13px;display:none;z-index:10';
  chart.append(tip);
  const fmt = (v) => (v == null ? 'not reported' : v.toLocaleString('en-GB'));
  const x = d.labels.map((_, i) => i);
  new uPlot(
    {
      width: 900,
      height: 420,
      title: d.title,
      scales: { x: { time: false } },
      axes: [{ values: (u, ticks) => ticks.map((i) => d.labels[i] ?? '') }, { size: 70 }],
      series: [
        {},
        { label: 'Affordable level', stroke: '#1d70b8', dash: [6, 4], width: 1.5 },
        { label: 'Actual', stroke: '#d4351c', width: 2 },
      ],
      hooks: {
        setCursor: [
          (u) => {
            const i = u.cursor.idx;
            if (i == null) {
              tip.style.display = 'none';
              return;
            }
            tip.textContent = `${d.labels[i]}: actual ${fmt(d.actual[i])}, affordable level ${fmt(d.budget[i])}`;
            tip.style.display = 'block';
            tip.style.left = `${u.cursor.left + u.over.offsetLeft + 12}px`;
            tip.style.top = `${u.cursor.top + u.over.offsetTop + 12}px`;
          },
        ],
      },
    },
    [x, d.budget, d.actual],
    chart,
  );
  bench.drawn();
})();
