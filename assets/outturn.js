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
// User Timing, for pages, profilers and the benchmark: outturn:start is
// from this script running to the WebAssembly started (compiled,
// instantiated and its start function run: every widget mounted).
performance.mark('outturn:script');

// Everything the widget needs is requested at once, before anything runs:
// the WebAssembly (compiled as it streams in), the JavaScript glue, the
// stylesheet and each widget's data. A static import of the glue would
// hold the WebAssembly request back until the glue had arrived.
const wasm = fetch(new URL('./outturn-web_bg.wasm', here));
const glue = import('./outturn-web.js');

function addStylesheet() {
  const present = document.querySelector('link[data-outturn-styles]');
  if (present) return Promise.resolve(shareStyles(present));
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./outturn.css', here).href;
  link.dataset.outturnStyles = '';
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', () => resolve(shareStyles(link)), { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  document.head.append(link);
  return loaded;
}

// The stylesheet's rules as one constructed sheet, which every widget's
// shadow root adopts (src/mount.rs), registered on window under a
// registered symbol. Made here, once, because copying 160-odd rules across
// into the WebAssembly and back costs it several milliseconds of start-up;
// here it is about one. Nothing is registered where the rules cannot be read
// or sheets cannot be constructed: the widget then links the stylesheet.
function shareStyles(link) {
  try {
    const text = Array.from(link.sheet.cssRules, (rule) => rule.cssText).join('\n');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    window[Symbol.for('outturn.styles')] = sheet;
  } catch {
    // Left to the widget.
  }
}

// Bodies up to this size (bytes) are read ahead; larger ones are left for
// the widget, which checks their size first and shows its progress.
const BUFFER_BYTES = 1 << 20;

// Reads a successful answer's body ahead, up to BUFFER_BYTES, leaving its
// bytes on `entry`; gives back a response the widget can still read (the
// same bytes, or, for a larger body, what was read followed by the rest,
// still streaming). Servers that compress on the fly send no length (or the
// compressed one), so the length is learnt by reading.
async function readAhead(answer, entry) {
  if (!answer.ok || !answer.body) return answer;
  const { status, statusText, headers } = answer;
  const reader = answer.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > BUFFER_BYTES) {
      // Too large to read ahead: the widget reads the rest, checking its size.
      const rest = new ReadableStream({
        start(stream) {
          for (const chunk of chunks) stream.enqueue(chunk);
        },
        async pull(stream) {
          const next = await reader.read();
          if (next.done) stream.close();
          else stream.enqueue(next.value);
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      });
      return new Response(rest, { status, statusText, headers });
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  entry.bytes = bytes;
  return new Response(bytes, { status, statusText, headers });
}

// Ask for each widget's data now, so it arrives while the WebAssembly
// compiles instead of after. The widget takes the response from this
// registry (a Map on window under a registered symbol, from absolute URL to
// { response, controller, bytes }: the response's promise, the
// AbortController the widget's timeout uses, and a small body's bytes once
// read), each once, instead of asking again. Inline data (#id) needs no
// request.
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
    const entry = { controller };
    // A small body is read here too, and its bytes left beside the response,
    // so a widget mounting after it has arrived draws without waiting.
    entry.response = fetch(url.href, { signal: controller.signal }).then((answer) => readAhead(answer, entry));
    // The widget reports failures; until it takes the promise, nobody else should.
    entry.response.catch(() => {});
    registry.set(url.href, entry);
  }
}

// The stylesheet loads while the module compiles (it is small, and almost
// always arrives first); the module starts once it has, so each widget can
// take its rules at once rather than load them again.
const styles = addStylesheet();
preloadData();
const [{ default: init, mount: mountWidget, panicDrill, memoryBytes }] = await Promise.all([glue, styles]);
await init({ module_or_path: wasm });
performance.measure('outturn:start', 'outturn:script');

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
