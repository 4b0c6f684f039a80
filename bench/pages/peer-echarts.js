// ECharts line chart, axis tooltip for both series.
(async () => {
  const small = await bench.multiples();
  if (small) {
    for (const c of small) {
      echarts.init(c.cell).setOption({
        animation: false,
        title: { text: c.title, textStyle: { fontSize: 10 } },
        tooltip: { trigger: 'axis' },
        grid: { top: 24, left: 36, right: 6, bottom: 6 },
        xAxis: { type: 'category', data: c.labels, show: false },
        yAxis: { type: 'value', scale: true },
        series: c.series.map((s, i) => ({ name: s.name, type: 'line', data: s.values, showSymbol: false, lineStyle: { type: i ? 'dashed' : 'solid', color: i ? '#d4351c' : '#1d70b8' } })),
      });
    }
    bench.drawn();
    return;
  }
  const d = await bench.data();
  const chart = echarts.init(document.getElementById('chart'));
  chart.setOption({
    animation: false,
    title: { text: d.title, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    legend: { top: 24 },
    grid: { top: 64, left: 80, right: 24, bottom: 40 },
    xAxis: { type: 'category', data: d.labels },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: 'Affordable level', type: 'line', data: d.budget, showSymbol: false, lineStyle: { type: 'dashed', color: '#1d70b8' }, itemStyle: { color: '#1d70b8' } },
      { name: 'Actual', type: 'line', data: d.actual, showSymbol: false, lineStyle: { width: 2, color: '#d4351c' }, itemStyle: { color: '#d4351c' } },
    ],
  });
  bench.drawn();
})();
