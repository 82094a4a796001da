// Fortress reader tools: "get the data" (CSV, JSON) and "take the picture" (PNG, SVG); and the
// sensitivity map's panel (showMap, below), which the widget asks for when a reader opens the map.
//
//   import { download } from './tools.js';
//   const result = await download('png', { fragment, link, focus, scheme, sandboxed, name });
//
// kind: 'csv' | 'json' | 'png' | 'svg'. options: fragment (the share link's text after '#'), link
// (the share link to print in the file; '' for none), focus (the holder id of the headline), scheme
// ('light' | 'dark', for the picture), sandboxed (true in the sandboxed iframe form, which may not
// download), shown (an element to show the file in when sandboxed), name (the file name without
// its extension, such as 'fortress-feb-2026').
//
// Resolves, never rejects:
//   {saved: true}                      the file was saved (a download of `${name}.${kind}`)
//   {saved: false, shown: true}        sandboxed, with `shown`: the file is shown there to save by hand
//   {saved: false, text}               sandboxed: the CSV, JSON or SVG text, to show for saving by hand
//   {saved: false, canvas}             sandboxed: the PNG's canvas (1280 px wide), to show likewise
//   {saved: false, error: 'message'}   nothing was made, and why, in words
//
// The tools' wasm (fortress-tools.js and fortress-tools_bg.wasm, beside this file; the crate
// tools/) is fetched the first time a reader asks for a file, and only then, so the widget's page
// weight does not grow. The numbers, words and layout of the picture come from it; this file only
// draws: canvas 2D calls and toBlob for the PNG, text for the SVG. Nothing here uses eval, inline
// style, or a data: or blob: image, so it runs under the strict CSP of csp.html.

/** The font the layout (tools/src/picture.rs, FONT_FAMILY) measures its text for. */
const FONT_FAMILY = 'Helvetica, Arial, sans-serif';
/** The PNG's pixels per CSS pixel: a 640 px picture is a 1280 px PNG. */
const PNG_SCALE = 2;
/** Each kind's MIME type. */
const TYPES = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
};

let loading = null;

/** Loads and instantiates the tools' wasm, once; after a failure, the next call tries again. */
function load() {
  if (!loading) {
    loading = import(new URL('fortress-tools.js', import.meta.url)).then(async (tools) => {
      await tools.default({ module_or_path: new URL('fortress-tools_bg.wasm', import.meta.url) });
      return tools;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * The tools' wasm module itself, loaded once: for the studio (studio.js), which calls its
 * `presets`, `sections`, `controls`, `preset`, `retitle` and `snippet`, and for the embed loader
 * (fortress.js), which mounts the full build of a widget with its `mount` (the widget's embed API,
 * with every built-in deal and preset, and a publisher's deal file).
 */
export function wasm() {
  return load();
}

/**
 * Makes the file of `kind` for the scenario in `options.fragment`, and saves it or hands it back.
 * @param {'csv' | 'json' | 'png' | 'svg'} kind
 * @param {{fragment: string, link?: string, focus?: string, scheme?: 'light' | 'dark', sandboxed?: boolean, name?: string}} options
 * @returns {Promise<{saved: true} | {saved: false, text: string} | {saved: false, canvas: HTMLCanvasElement} | {saved: false, error: string}>}
 */
export async function download(kind, options = {}) {
  try {
    if (!Object.hasOwn(TYPES, kind)) {
      return { saved: false, error: `Fortress cannot make a "${kind}" file: ask for csv, json, png or svg.` };
    }
    const fragment = String(options?.fragment ?? '');
    const link = String(options?.link ?? '');
    const focus = String(options?.focus ?? '');
    const scheme = String(options?.scheme ?? 'light');
    const sandboxed = Boolean(options?.sandboxed);
    const file = `${stem(options?.name)}.${kind}`;
    let tools;
    try {
      tools = await load();
    } catch (error) {
      return { saved: false, error: `The download tools could not be loaded: ${message(error)}` };
    }
    if (kind === 'png') {
      const canvas = draw(JSON.parse(tools.picture(fragment, link, focus, scheme)));
      if (sandboxed) return show(options?.shown, kind, { canvas });
      const blob = await new Promise((done) => canvas.toBlob(done, TYPES.png));
      if (!blob) return { saved: false, error: 'This browser could not make the PNG.' };
      save(blob, file);
      return { saved: true };
    }
    let text;
    if (kind === 'csv') text = tools.csv(fragment, link);
    else if (kind === 'json') text = tools.json(fragment);
    else text = svg(JSON.parse(tools.picture(fragment, link, focus, scheme)));
    if (sandboxed) return show(options?.shown, kind, { text });
    save(new Blob([text], { type: TYPES[kind] }), file);
    return { saved: true };
  } catch (error) {
    return { saved: false, error: message(error) };
  }
}

/** The map panels on the page, by the element each is drawn into. */
const panels = new Map();

/**
 * Draws the sensitivity map of the scenario in `fragment` for the holder `holder` into the element
 * `root` (the widget's; see lazy.js): mounts the map panel (tools/src/map.rs, a Yew app of its own)
 * the first time, with numbers in `locale` (a BCP 47 tag; '' for the reader's), updates it after
 * that. `onPick(fragment)` gets the scenario of the cell a reader picks.
 * Panels whose element has left the page are taken down. Rejects when the wasm cannot be loaded.
 */
export async function showMap(root, fragment, holder, locale, onPick) {
  const tools = await load();
  for (const [element, panel] of panels) {
    if (!element.isConnected) {
      panels.delete(element);
      panel.destroy();
    }
  }
  const panel = panels.get(root);
  if (panel) panel.update(String(fragment), String(holder));
  else panels.set(root, tools.mapPanel(root, String(fragment), String(holder), String(locale ?? ''), onPick));
}

/**
 * What a page that may not download gets instead of the file: shown in the element `shown` when
 * it gives one (the text in a labelled read-only field, the picture as its canvas), and
 * `{saved: false, shown: true}`; else the text or the canvas itself.
 */
function show(shown, kind, file) {
  if (!(shown instanceof Element)) return { saved: false, ...file };
  const made = [];
  if (file.canvas) {
    file.canvas.className = 'save-picture';
    file.canvas.setAttribute('role', 'img');
    file.canvas.setAttribute('aria-label', 'The picture of this scenario, to save');
    made.push(file.canvas);
  } else {
    const label = document.createElement('label');
    label.htmlFor = 'save-text';
    label.className = 'small';
    label.textContent = `The ${kind.toUpperCase()}, to copy`;
    const text = document.createElement('textarea');
    text.id = 'save-text';
    text.className = 'save-text';
    text.readOnly = true;
    text.rows = 8;
    text.value = file.text;
    made.push(label, text);
  }
  shown.replaceChildren(...made);
  return { saved: false, shown: true };
}

/** Mounts the full build of the standalone page into `root` (see lazy.js, upgradePage). */
export async function upgradePage(root, preset, link, focus) {
  (await load()).mountPage(root, String(preset ?? ''), String(link ?? ''), String(focus ?? ''));
}

/** An error in plain words: the wasm throws its one-line message as a string. */
function message(error) {
  if (typeof error === 'string') return error;
  if (error && typeof error.message === 'string' && error.message) return error.message;
  return 'Something went wrong while making the file.';
}

/** A file name stem that every system accepts: letters, digits, '.', '-' and '_'. */
function stem(name) {
  const cleaned = String(name ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return cleaned || 'fortress';
}

/** Saves `blob` as `file`: a temporary <a download> on an object URL, clicked, then removed. */
function save(blob, file) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.hidden = true;
  (document.body ?? document.documentElement).append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is kept a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The picture's size: its first primitive is the background, as large as the picture. */
function size(primitives) {
  const [, , width, height] = primitives[0]?.rect ?? [];
  if (!(width > 0 && height > 0)) throw new Error('The picture came out empty.');
  return [width, height];
}

/** Draws the primitives on a new canvas at PNG_SCALE pixels per CSS pixel. */
function draw(primitives) {
  const [width, height] = size(primitives);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * PNG_SCALE);
  canvas.height = Math.ceil(height * PNG_SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the picture.');
  ctx.scale(PNG_SCALE, PNG_SCALE);
  ctx.textBaseline = 'alphabetic';
  for (const p of primitives) {
    if (p.rect) {
      ctx.fillStyle = p.fill;
      ctx.fillRect(p.rect[0], p.rect[1], p.rect[2], p.rect[3]);
    } else if (p.line) {
      ctx.strokeStyle = p.stroke;
      ctx.lineWidth = p.width;
      ctx.beginPath();
      ctx.moveTo(p.line[0], p.line[1]);
      ctx.lineTo(p.line[2], p.line[3]);
      ctx.stroke();
    } else if (typeof p.text === 'string') {
      ctx.font = `${p.weight} ${p.size}px ${FONT_FAMILY}`;
      ctx.fillStyle = p.fill;
      ctx.textAlign = p.anchor === 'end' ? 'right' : 'left';
      // The width the text was laid out in: a wider font is narrowed to it rather than cut off.
      ctx.fillText(p.text, p.at[0], p.at[1], p.max);
    }
  }
  return canvas;
}

/** Text for XML: the five special characters escaped, characters XML does not allow removed. */
function xml(text) {
  return String(text)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate as SVG writes it: finite, two decimals at most. */
function num(value) {
  const n = Number(value);
  return String(Number.isFinite(n) ? Math.round(n * 100) / 100 : 0);
}

/** The primitives as an SVG document, `width` x `height` CSS pixels, with its viewBox. */
function svg(primitives) {
  const [width, height] = size(primitives).map(num);
  const title = primitives.find((p) => typeof p.text === 'string')?.text ?? 'Fortress';
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="${xml(FONT_FAMILY)}" xml:space="preserve" role="img">`,
    `<title>${xml(title)}</title>`,
  ];
  for (const p of primitives) {
    if (p.rect) {
      const [x, y, w, h] = p.rect.map(num);
      out.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${xml(p.fill)}"/>`);
    } else if (p.line) {
      const [x1, y1, x2, y2] = p.line.map(num);
      out.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${xml(p.stroke)}" stroke-width="${num(p.width)}"/>`);
    } else if (typeof p.text === 'string') {
      const anchor = p.anchor === 'end' ? ' text-anchor="end"' : '';
      out.push(
        `<text x="${num(p.at[0])}" y="${num(p.at[1])}" font-size="${num(p.size)}" font-weight="${num(p.weight)}" ` +
          `fill="${xml(p.fill)}"${anchor}>${xml(p.text)}</text>`,
      );
    }
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
