// Outturn: the one script a host page includes.
//
//   <script type="module" src="/outturn/outturn.js"></script>
//   <div class="outturn" data-src="data/activity.json" data-indicator="waste-tonnage" data-view="cumulative"></div>
//
// It adds Outturn's stylesheet (from beside this file), starts the
// WebAssembly module, which mounts a widget on every element with
// class="outturn" or data-outturn, and exports mount() for pages that build
// their own:
//
//   import { mount } from '/outturn/outturn.js';
//   const widget = mount(element, { data: {...} | src: 'url', indicator, year, view });
//   widget.update({ view: 'variance' });
//   widget.destroy();
//
// Works under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval';
// style-src 'self'`: no inline script or style, nothing from other origins.
const here = import.meta.url;

// Everything the widget needs is requested at once, before anything runs:
// the WebAssembly (compiled as it streams in), the JavaScript glue, the
// stylesheet and each widget's data. A static import of the glue would
// hold the WebAssembly request back until the glue had arrived.
const wasm = fetch(new URL('./outturn-web_bg.wasm', here));
const glue = import('./outturn-web.js');

function addStylesheet() {
  if (document.querySelector('link[data-outturn-styles]')) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./outturn.css', here).href;
  link.dataset.outturnStyles = '';
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  document.head.append(link);
  return loaded;
}

// Start downloading each widget's data now, so it arrives while the
// WebAssembly compiles instead of after (the widget's own request then
// takes the preloaded response). Inline data (#id) needs no request.
function preloadData() {
  for (const host of document.querySelectorAll('.outturn, [data-outturn]')) {
    const src = host.getAttribute('data-src')?.trim() || new URL('./kent-2011-12-key-activity.json', here).href;
    if (src.startsWith('#') || document.querySelector(`link[rel=preload][href="${CSS.escape(src)}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = src;
    document.head.append(link);
  }
}

// The stylesheet loads while the module compiles; each widget waits for it
// before it reports itself ready.
addStylesheet();
preloadData();
const { default: init, mount: mountWidget, panicDrill, memoryBytes } = await glue;
await init({ module_or_path: wasm });

/**
 * Mounts a widget on `element`. Options: `src` (URL), `data` (an outturn/1
 * object or JSON text), `indicator`, `year`, `view`. Returns a handle with
 * `update(options)` and `destroy()`.
 */
export function mount(element, options = {}) {
  return mountWidget(element, options);
}

/** Panics inside the module on purpose, to check errors are shown (tests). */
export { panicDrill };

/** Bytes of WebAssembly memory Outturn holds (diagnostics, benchmark). */
export { memoryBytes };
