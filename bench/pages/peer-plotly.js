// Plotly line chart, unified hover label for both series.
(async () => {
  const small = await bench.multiples();
  if (small) {
    for (const c of small) {
      await Plotly.newPlot(
        c.cell,
        c.series.map((s, i) => ({ x: c.labels, y: s.values, name: s.name, type: 'scatter', mode: 'lines', line: { dash: i ? 'dash' : 'solid', color: i ? '#d4351c' : '#1d70b8' } })),
        { title: { text: c.title, font: { size: 10 } }, width: 210, height: 120, hovermode: 'x unified', showlegend: false, margin: { t: 24, l: 36, r: 6, b: 6 }, xaxis: { visible: false } },
        { displayModeBar: false, responsive: false },
      );
    }
    bench.drawn();
    return;
  }
  const d = await bench.data();
  await Plotly.newPlot(
    'chart',
    [
      { x: d.labels, y: d.budget, name: 'Affordable level', type: 'scatter', mode: 'lines', line: { dash: 'dash', color: '#1d70b8' } },
      { x: d.labels, y: d.actual, name: 'Actual', type: 'scatter', mode: 'lines', line: { width: 2, color: '#d4351c' } },
    ],
    { title: { text: d.title, font: { size: 13 } }, width: 900, height: 420, hovermode: 'x unified', margin: { t: 60 } },
    { displayModeBar: false, responsive: false },
  );
  bench.drawn();
})();
