// Waiting for a benchmark page to be ready without touching it: the probe
// (pages/probe.js) says "bench:ready" on the console once the chart is
// drawn and a frame has shown it. Polling the page instead (Playwright's
// waitForFunction) runs the harness's own script in the page while it
// starts up: its first poll compiles Playwright's injected script, about
// 30 ms of main thread, landing on whichever library is still starting.
//
//   const ready = whenReady(page);   // before page.goto
//   await page.goto(url);
//   await ready;

/** A promise of the page's "bench:ready", which must be asked for before navigating. */
export function whenReady(page, timeout = 120000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off('console', listen);
      reject(new Error(`the page was not ready within ${timeout / 1000} s`));
    }, timeout);
    function listen(message) {
      if (message.text() !== 'bench:ready') return;
      clearTimeout(timer);
      page.off('console', listen);
      resolve();
    }
    page.on('console', listen);
  });
}
