// Sizes every Outturn iframe to its content: the frame page posts
// {type: "outturn:height", height} whenever its height changes.
window.addEventListener('message', (event) => {
  if (event.data?.type !== 'outturn:height' || typeof event.data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe.outturn-frame')) {
    if (frame.contentWindow === event.source) frame.style.height = `${event.data.height}px`;
  }
});
