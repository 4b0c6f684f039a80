// The baseline's work (fetch and parse the data), then Outturn's code
// loaded and started (outturn.js: the stylesheet, the glue, the
// WebAssembly compiled and instantiated) with no widget to mount.
(async () => {
  await bench.data();
  await import('/dist/outturn.js');
  bench.drawn();
})();
