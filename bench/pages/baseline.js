// The baseline page's one job: fetch and parse the data each library is
// given (its small multiples, or its one chart's series), then say ready.
(async () => {
  if (!(await bench.multiples())) await bench.data();
  bench.drawn();
})();
