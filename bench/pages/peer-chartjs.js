// Chart.js line chart, tooltip for both series at the pointer's period.
(async () => {
  const small = await bench.multiples();
  if (small) {
    for (const c of small) {
      const canvas = document.createElement('canvas');
      c.cell.append(canvas);
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: c.labels,
          datasets: c.series.map((s, i) => ({ label: s.name, data: s.values, borderColor: i ? '#d4351c' : '#1d70b8', borderDash: i ? [4, 3] : [], borderWidth: 1.5, pointRadius: 0 })),
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: { x: { display: false } },
          plugins: { legend: { display: false }, title: { display: true, text: c.title, font: { size: 10 } } },
        },
      });
    }
    bench.drawn();
    return;
  }
  const d = await bench.data();
  const canvas = document.createElement('canvas');
  document.getElementById('chart').append(canvas);
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: d.labels,
      datasets: [
        { label: 'Affordable level', data: d.budget, borderColor: '#1d70b8', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 },
        { label: 'Actual', data: d.actual, borderColor: '#d4351c', borderWidth: 2, pointRadius: 0 },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { title: { display: true, text: d.title } },
    },
  });
  bench.drawn();
})();
