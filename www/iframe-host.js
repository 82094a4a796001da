// The example iframe host's own script: sizes each Fortress frame to the height it reports (the
// AMP embed-size message), accepting messages only from that frame's window. A sandboxed frame
// without allow-same-origin has the opaque origin "null", so the window is what is checked.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.sentinel !== 'amp' || data.type !== 'embed-size') return;
  for (const frame of document.querySelectorAll('iframe.fortress-frame')) {
    if (frame.contentWindow === event.source && Number.isFinite(data.height)) {
      frame.height = String(Math.ceil(data.height));
    }
  }
});
