// Trunk post-build hook: writes outturn-standalone.html, one self-contained
// file (WebAssembly as base64, the JavaScript glue, the styles and the
// sample dataset as inline JSON, id "outturn-default-data") that works from file:// with no
// server and no network, including loading other datasets by file picker or
// drag and drop.
//
// Run by tools/postbuild.mjs (trunk's post-build hook); reads and writes
// $TRUNK_STAGING_DIR, or the folder given as the first argument.
import fs from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('singlefile: no TRUNK_STAGING_DIR and no folder given');
  process.exit(2);
}
const read = (name) => fs.readFile(path.join(dir, name));
const [wasm, widgetCss, pageCss, sample, importerWasm] = await Promise.all([
  read('outturn-web_bg.wasm'),
  read('outturn.css'),
  read('page.css'),
  read('kent-2011-12-key-activity.json'),
  read('outturn-import_bg.wasm'),
]);
try {
  await fs.access(path.join(dir, 'snippets'));
  console.error('singlefile: the build has JavaScript snippets, which this tool does not inline');
  process.exit(1);
} catch {
  // No snippets: everything is in the glue.
}

// The glue and a start-up that hands it the WebAssembly bytes, as one
// module script (esbuild joins them, whatever the glue's own names are).
// The importer ("Add your data") is inline too, but started only when the
// panel asks for it (registry.load), as on a served page it is only
// downloaded then: a file:// page cannot load a module script beside it.
const start = `import init from './outturn-web.js';
import startImporter, { mount_panel } from './outturn-import.js';
const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const importer = (window[Symbol.for('outturn.importer')] ??= {});
importer.load = async () => {
  importer.load = undefined;
  try {
    await startImporter({ module_or_path: bytes(${JSON.stringify(importerWasm.toString('base64'))}) });
    importer.mount = mount_panel;
  } catch (error) {
    importer.failed = String(error?.message ?? error);
  }
  window.dispatchEvent(new Event('outturn-importer'));
};
await init({ module_or_path: bytes(${JSON.stringify(wasm.toString('base64'))}) });`;
const bundled = await build({
  stdin: { contents: start, resolveDir: dir, sourcefile: 'standalone-start.js' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: process.env.TRUNK_PROFILE === 'release',
  legalComments: 'none',
  write: false,
});
const script = bundled.outputFiles[0].text;

// Text inside <script> and <style> must not close its element early.
const inScript = (text) => text.replaceAll('</script', '<\\/script');
const inStyle = (text) => text.replaceAll('</style', '<\\/style');

const html = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Outturn: budget against actual (offline)</title>
    <link rel="icon" href="data:," />
    <style>
${inStyle(pageCss.toString())}
    </style>
    <style data-outturn-styles>
${inStyle(widgetCss.toString())}
    </style>
  </head>
  <body>
    <main class="page">
      <h1>Outturn</h1>
      <p class="page-lead">Budget monitoring: each activity against its affordable level. This file works offline; load another dataset with the button below or by dropping a file on the chart.</p>
      <div class="outturn" data-url="hash"></div>
    </main>
    <script type="application/json" id="outturn-default-data">
${inScript(sample.toString())}
    </script>
    <script type="module">
${inScript(script)}
    </script>
  </body>
</html>
`;
const out = path.join(dir, 'outturn-standalone.html');
await fs.writeFile(out, html);
console.log(`singlefile: wrote ${out} (${(html.length / 1024).toFixed(0)} KiB)`);
