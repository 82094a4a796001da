// The iframe form of the Fortress widget (frame.html): one widget, its scenario from this frame's
// own fragment (a share link) or `?preset=`, fitted by `?sections=`, `?controls=`, `?theme=`,
// `?locale=` and `?accent=` as the element is by its attributes, and its height told to the parent
// page on every size change, in the formats existing responsive-iframe helpers understand:
//   Pym.js     "pymxPYMx<childId>xPYMxheightxPYMx<height>"   (only when ?childId= is given)
//   AMP        {sentinel: 'amp', type: 'embed-size', height}
//   Flourish   '{"sender":"Flourish","context":"iframe.resize","method":"resize","height":h,"src":...}'
// Messages go to the parent's exact origin when it is known (?parent_origin=, else the origin of
// document.referrer); only when neither is known do they go to '*', which is safe because a
// height is all they carry. Works in an iframe sandboxed with allow-scripts but without
// allow-same-origin: it uses no storage, cookies or parent access.
import './fortress.js';

const params = new URLSearchParams(location.search);
const widget = document.createElement('fortress-widget');
const fragment = location.hash.slice(1);
if (fragment) widget.setAttribute('scenario', decodeURIComponent(fragment));
else if (params.get('preset')) widget.setAttribute('preset', params.get('preset'));
// The element's attributes, as query parameters of the same names (the widget checks them).
for (const name of ['sections', 'controls', 'theme', 'locale']) {
  if (params.has(name)) widget.setAttribute(name, params.get(name));
}
// This frame's own page language is not the article's: without ?locale=, numbers are the reader's.
if (!params.has('locale') && navigator.language) widget.setAttribute('locale', navigator.language);
// The accent colour (?accent=%23c0392b): a hex colour only, set through the CSSOM, which a strict
// Content-Security-Policy allows where it forbids style attributes.
const accent = params.get('accent');
if (accent && /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(accent)) widget.style.setProperty('--fortress-accent', accent);
document.body.append(widget);

/** The parent's origin, when this frame can know it. */
function parentOrigin() {
  for (const candidate of [params.get('parent_origin'), document.referrer]) {
    try {
      const origin = candidate ? new URL(candidate).origin : 'null';
      if (origin !== 'null') return origin;
    } catch {
      // not a URL: try the next
    }
  }
  return '*';
}

const target = parentOrigin();
const childId = params.get('childId');
let sent = -1;

function tell() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === sent || window.parent === window) return;
  sent = height;
  if (childId) window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, target);
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, target);
  window.parent.postMessage(
    JSON.stringify({ sender: 'Flourish', context: 'iframe.resize', method: 'resize', height, src: location.href }),
    target,
  );
}

new ResizeObserver(tell).observe(document.documentElement);
