// Starts Outturn's importer, its own WebAssembly module, which the widget's
// "Add your data" panel adds (as a module script beside outturn.css) the
// first time it is opened; a page that never imports never downloads it.
// Registers it where the widget looks, on window under a registered symbol,
// and tells the widget it is ready. Same origin, no inline code: it runs
// under the strict Content-Security-Policy the widget itself needs.
import init, { read_draft } from './outturn-import.js';

const registry = (window[Symbol.for('outturn.importer')] ??= {});
try {
  await init({ module_or_path: new URL('./outturn-import_bg.wasm', import.meta.url) });
  registry.read = read_draft;
} catch (error) {
  registry.failed = String(error?.message ?? error);
}
window.dispatchEvent(new Event('outturn-importer'));
