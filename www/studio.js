// The Fortress studio (studio.html): a publisher builds an embed by looking at it. The settings
// (scenario, title, sections, controls, theme, accent, locale, form) make the snippet, written by the
// reader tools' wasm (tools/, `snippet`: the same code as `fortress embed`), and the preview is that
// snippet, inserted into the page as it is: what the studio shows is what the snippet gives. The
// widget's own controls in the preview change the scenario too (script form: its fortress-change
// event carries the new share link). Nothing here uses eval or inline styles.
import { wasm } from './tools.js';

const $ = (id) => document.getElementById(id);
const here = new URL('.', location.href).href;

/** The settings, and the scenario as a share link's fragment. */
const state = {
  fragment: '',
  title: '',
  sections: new Set(),
  allControls: true,
  controls: new Set(),
  theme: 'auto',
  accent: '',
  locale: '',
  form: 'script',
  width: 'desktop',
};

let tools;
let sizes = null;
/** The last snippets that were made without a problem: a bad setting keeps them. */
let shown = { preview: '', parts: [] };

/** Says `text` (a problem with a setting), or clears the message. */
function say(text = '') {
  $('studio-message').textContent = text;
}

/** The fragment of a pasted share link (a whole URL, `#1.x` or `1.x`). */
function fragmentOf(text) {
  const trimmed = text.trim();
  const at = trimmed.indexOf('#');
  return at >= 0 ? trimmed.slice(at + 1) : trimmed;
}

/** The snippet in `form`, from the settings; throws the wasm's one-line message for a bad one. */
function snippet(form) {
  // No control ticked is no limit: every control shows (hide the controls section instead).
  const controls = state.allControls ? '' : [...state.controls].join(',');
  const all = JSON.parse(tools.sections()).length === state.sections.size;
  return tools.snippet(
    state.fragment,
    here,
    all ? '' : [...state.sections].join(','),
    controls,
    state.theme === 'auto' ? '' : state.theme,
    state.locale,
    state.accent,
    form,
  );
}

/** Makes the snippets and, when `preview` is true, the preview from them. */
function render({ preview = true } = {}) {
  let parts;
  let html;
  try {
    if (state.form === 'script') {
      parts = [
        { label: 'Once per page, anywhere in it', text: snippet('loader') },
        { label: 'Where the widget goes', text: snippet('element') },
      ];
      html = parts[1].text;
    } else {
      parts = [{ label: 'Where the widget goes', text: snippet('iframe') }];
      html = parts[0].text;
    }
    say();
  } catch (error) {
    say(`${error}. The snippet below is the last one that worked.`);
    return;
  }
  shown = { preview: html, parts };
  writeSnippets(parts);
  writeBytes();
  if (preview) writePreview(html);
}

/** The snippet boxes, each with its Copy button. */
function writeSnippets(parts) {
  const boxes = parts.map((part, i) => {
    const wrap = document.createElement('div');
    wrap.className = 'studio-snippet';
    const label = document.createElement('label');
    label.htmlFor = `studio-snippet-${i}`;
    label.textContent = part.label;
    const text = document.createElement('textarea');
    text.id = `studio-snippet-${i}`;
    text.readOnly = true;
    text.rows = i === 0 && parts.length > 1 ? 1 : 6;
    text.value = part.text;
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.id = `studio-copy-${i}`;
    copy.textContent = 'Copy';
    copy.addEventListener('click', () => copyText(text, part.label));
    wrap.append(label, text, copy);
    return wrap;
  });
  $('studio-snippets').replaceChildren(...boxes);
}

async function copyText(field, label) {
  try {
    await navigator.clipboard.writeText(field.value);
    $('studio-copied').textContent = `Copied: ${label.toLowerCase()}.`;
  } catch {
    field.focus();
    field.select();
    $('studio-copied').textContent = 'This browser did not let the page copy: the snippet is selected, copy it with Ctrl+C (⌘C on a Mac).';
  }
}

/** The preview: the snippet itself, parsed and put in the page (its script tag is this page's). */
function writePreview(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const preview = $('studio-preview');
  preview.replaceChildren(template.content);
  const widget = preview.querySelector('fortress-widget');
  widget?.addEventListener('fortress-change', (event) => {
    const link = event.detail?.link;
    if (!link) return;
    state.fragment = fragmentOf(link);
    state.title = tools.title(state.fragment);
    $('studio-title').value = state.title;
    refreshControls();
    render({ preview: false });
  });
}

/** What a reader downloads, from sizes.json (written by the release build). */
function writeBytes() {
  const size = sizes?.[state.form];
  $('studio-bytes').textContent = size
    ? `A reader downloads ${Math.round(size.brotli / 1000)} KB (brotli) for the first widget on a page; more widgets on the same page add nothing. The sensitivity map and the downloads load only when asked for.`
    : 'The bytes a reader downloads are measured in a release build (trunk build --release).';
}

/** The controls of the scenario, as checkboxes (kept checked across scenarios by id). */
function refreshControls() {
  const list = JSON.parse(tools.controls(state.fragment));
  const boxes = list.map(([id, words]) => {
    const label = document.createElement('label');
    label.className = 'studio-check';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = id;
    box.checked = state.controls.has(id);
    box.disabled = state.allControls;
    box.addEventListener('change', () => {
      if (box.checked) state.controls.add(id);
      else state.controls.delete(id);
      render();
    });
    label.append(box, ` ${words}`);
    return label;
  });
  $('studio-control-list').replaceChildren(...boxes);
}

/** Opens a scenario (a fragment), with its title, and redraws everything. */
function open(fragment) {
  state.title = tools.title(fragment); // throws for a link that does not open
  state.fragment = fragment;
  $('studio-title').value = state.title;
  refreshControls();
  render();
}

async function start() {
  tools = await wasm();
  try {
    sizes = await (await fetch(new URL('sizes.json', here))).json();
  } catch {
    sizes = null;
  }
  for (const { name, summary } of JSON.parse(tools.presets())) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = summary;
    $('studio-preset').append(option);
  }
  for (const name of JSON.parse(tools.sections())) {
    state.sections.add(name);
    const label = document.createElement('label');
    label.className = 'studio-check';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = name;
    box.checked = true;
    box.id = `studio-section-${name}`;
    box.addEventListener('change', () => {
      if (box.checked) state.sections.add(name);
      else state.sections.delete(name);
      render();
    });
    label.append(box, ` ${name}`);
    $('studio-sections').append(label);
  }
  $('studio-preset').addEventListener('change', (e) => open(tools.preset(e.target.value)));
  $('studio-open').addEventListener('click', () => {
    try {
      open(fragmentOf($('studio-link').value));
    } catch (error) {
      say(`That link does not open: ${error}.`);
    }
  });
  let typing;
  $('studio-title').addEventListener('input', (e) => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      try {
        state.fragment = tools.retitle(state.fragment, e.target.value);
        state.title = e.target.value;
        render();
      } catch (error) {
        say(`${error}.`);
      }
    }, 300);
  });
  $('studio-controls-all').addEventListener('change', (e) => {
    state.allControls = e.target.checked;
    refreshControls();
    render();
  });
  for (const radio of document.querySelectorAll('input[name="theme"]')) {
    radio.addEventListener('change', () => {
      state.theme = radio.value;
      render();
    });
  }
  for (const radio of document.querySelectorAll('input[name="form"]')) {
    radio.addEventListener('change', () => {
      state.form = radio.value;
      render();
    });
  }
  for (const radio of document.querySelectorAll('input[name="width"]')) {
    radio.addEventListener('change', () => {
      state.width = radio.value;
      $('studio-preview').dataset.width = radio.value;
    });
  }
  const accent = () => {
    $('studio-accent').disabled = !$('studio-accent-on').checked;
    state.accent = $('studio-accent-on').checked ? $('studio-accent').value : '';
    render();
  };
  $('studio-accent-on').addEventListener('change', accent);
  $('studio-accent').addEventListener('change', accent);
  $('studio-locale').addEventListener('change', (e) => {
    state.locale = e.target.value.trim();
    render();
  });
  const params = new URLSearchParams(location.search);
  const preset = params.get('preset');
  if (preset && [...$('studio-preset').options].some((o) => o.value === preset)) $('studio-preset').value = preset;
  open(tools.preset($('studio-preset').value));
}

start().catch((error) => say(`The studio could not start: ${error}`));
