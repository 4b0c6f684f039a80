// Starts Outturn's importer and the rest of its "Add your data" panel, a
// WebAssembly module of its own, which the widget adds (as a module script
// beside outturn.css) the first time the panel is opened; a page that never
// imports never downloads it.
// Registers it where the widget looks, on window under a registered symbol,
// and tells the widget it is ready. Same origin, no inline code: it runs
// under the strict Content-Security-Policy the widget itself needs.
import init, { mount_panel } from './outturn-import.js';

const registry = (window[Symbol.for('outturn.importer')] ??= {});
try {
  await init({ module_or_path: new URL('./outturn-import_bg.wasm', import.meta.url) });
  registry.mount = mount_panel;
} catch (error) {
  registry.failed = String(error?.message ?? error);
}
window.dispatchEvent(new Event('outturn-importer'));
