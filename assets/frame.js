// Iframe mode: reads the widget's options from the query string, starts
// Outturn, and keeps telling the parent page how tall the content is, so
// the frame can be sized without scroll bars.
const params = new URLSearchParams(location.search);
const host = document.getElementById('outturn-frame-widget');
for (const key of ['src', 'indicator', 'year', 'view']) {
  const value = params.get(key);
  if (value) host.dataset[key] = value;
}
await import('./outturn.js');

let last = 0;
function tellParent() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'outturn:height', height }, '*');
  }
}
new ResizeObserver(tellParent).observe(document.documentElement);
tellParent();
