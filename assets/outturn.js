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

// Ask for each widget's data now, so it arrives while the WebAssembly
// compiles instead of after. The widget takes the response from this
// registry (a Map on window under a registered symbol, from absolute URL to
// the response's promise and its AbortController, which the widget's
// timeout uses), each once, instead of asking again. Inline data (#id)
// needs no request.
const BUFFER_BYTES = 4 << 20;
function preloadData() {
  const registry = (window[Symbol.for('outturn.preloaded')] ??= new Map());
  for (const host of document.querySelectorAll('.outturn, [data-outturn]')) {
    const src = host.getAttribute('data-src')?.trim() || new URL('./kent-2011-12-key-activity.json', here).href;
    if (src.startsWith('#')) continue;
    let url;
    try {
      url = new URL(src, location.href);
    } catch {
      continue; // The widget explains a bad address.
    }
    if (!/^https?:$/.test(url.protocol) || registry.has(url.href)) continue;
    const controller = new AbortController();
    // A small body is read here too, so the widget does not wait for it.
    const response = fetch(url.href, { signal: controller.signal }).then(async (answer) => {
      const length = Number(answer.headers.get('content-length') ?? Infinity);
      if (!answer.ok || !(length <= BUFFER_BYTES)) return answer;
      const { status, statusText, headers } = answer;
      return new Response(await answer.arrayBuffer(), { status, statusText, headers });
    });
    // The widget reports failures; until it takes the promise, nobody else should.
    response.catch(() => {});
    registry.set(url.href, { response, controller });
  }
}

// The stylesheet loads while the module compiles (it is small, and almost
// always arrives first); the module starts once it has, so each widget can
// take its rules at once rather than load them again.
const styles = addStylesheet();
preloadData();
const [{ default: init, mount: mountWidget, panicDrill, memoryBytes }] = await Promise.all([glue, styles]);
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
