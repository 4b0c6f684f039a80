// Outturn is embedded as a council page would embed it (outturn.js and a
// host element, configured here from the query string before the module
// starts); the host's data-outturn-state turns "ready" once the chart is
// drawn and answers the pointer and keyboard.
(() => {
  const host = document.getElementById('widget');
  const p = bench.params;
  host.dataset.src = p.get('data') ?? '/data/kent-2011-12-key-activity.json';
  host.dataset.indicator = p.get('indicator') ?? 'domiciliary-care-hours';
  host.dataset.view = p.get('view') ?? 'budget';
  if (p.get('year')) host.dataset.year = p.get('year');
  new MutationObserver((_, observer) => {
    if (host.getAttribute('data-outturn-state') === 'ready') {
      observer.disconnect();
      bench.drawn();
    }
  }).observe(host, { attributes: true, attributeFilter: ['data-outturn-state'] });
})();
