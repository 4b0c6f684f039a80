// Plotly line chart, unified hover label for both series.
(async () => {
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
