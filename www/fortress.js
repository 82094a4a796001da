// Fortress embed loader: one <script type="module" src=".../fortress.js"> per page, then any
// number of <fortress-widget preset="feb-2026"> or <fortress-widget scenario="1.AQIB..."> elements.
//
// - sections, controls, theme and locale fit a widget to its page (README, "For publishers"); what
//   the element holds (a static summary, as `fortress embed` writes it) shows until the widget
//   mounts, and wherever scripts do not run.
// - The widget here is Fortress's lighter build. A widget that needs what only the full build
//   carries (a preset or deal it leaves out, or a publisher's deal file: `deal="URL"`) is mounted
//   from the full build instead (tools.js, loaded then), with the same API.
// - The wasm is fetched and instantiated once per page, however many widgets there are.
// - Each element is its own widget (own state, own shadow root with the stylesheet linked inside),
//   mounted when it enters the page (also when a CMS adds it later) and unmounted when it leaves.
// - element.scenario gets and sets the scenario as a plain object in the v1 format (a bad one
//   throws, and the widget shows why); element.link is its share link; every change fires a
//   `fortress-change` CustomEvent (bubbles, composed) with {scenario, link, focus, name,
//   percentBefore, percentAfter, valueAfter, preset, message}.
// - <a data-fortress-for="widget-id" data-fortress-scenario="1.xxxx"> (or data-fortress-preset)
//   in the article drives that widget when clicked, with no script of the publisher's.
// - Nothing here uses eval, inline scripts or style attributes, so a page with
//   `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` can run it. Embedded widgets never
//   read or write the host page's URL.
// The embed build: the widget plus the host-page API (the standalone page loads a lighter build).
import init, { mount } from './fortress-embed.js';

const here = new URL('.', import.meta.url);
const STYLESHEET = new URL('style.css', here).href;
// Share links from an embedded widget open the standalone widget page next to this script.
const LINK_BASE = new URL('index.html', here).href;

let ready = null;
/** Loads and instantiates the wasm once per page. */
function load() {
  if (!ready) {
    ready = init({ module_or_path: new URL('fortress-embed_bg.wasm', here) });
    // The browser's first number format loads its locale data (some 25 ms): do it while the wasm
    // downloads and compiles, not in the widget's first render.
    setTimeout(() => new Intl.NumberFormat([], { style: 'percent' }).format(0));
  }
  return ready;
}

/** The full build's module (tools.js and its wasm), loaded on first use. */
const fullBuild = () => import(new URL('tools.js', here).href).then((tools) => tools.wasm());

/** A publisher's deal file, as text: `{text}`, or `{error}` saying why there is none. */
async function dealFile(url) {
  let address;
  try {
    address = new URL(url, document.baseURI);
  } catch {
    return { error: `The deal file address "${url.slice(0, 80)}" is not a web address; showing the built-in deal.` };
  }
  try {
    const response = await fetch(address);
    if (!response.ok) return { error: `The deal file ${address} could not be loaded (HTTP ${response.status}); showing the built-in deal.` };
    return { text: await response.text() };
  } catch (error) {
    return { error: `The deal file ${address} could not be loaded (${error?.message ?? error}); showing the built-in deal.` };
  }
}

/** Reads the `scenario` attribute: scenario JSON (starts with `{`) or a share link. */
function scenarioOptions(text) {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return {};
  if (trimmed.startsWith('{')) {
    try {
      return { scenario: JSON.parse(trimmed) };
    } catch {
      return { error: 'The scenario given to this widget is not valid JSON; showing the default scenario.' };
    }
  }
  return { link: trimmed };
}

/** The attributes that fit the widget to its page, read when it mounts (fortress_format::view). */
const VIEW_ATTRIBUTES = ['sections', 'controls', 'theme', 'locale'];

class FortressWidget extends HTMLElement {
  static get observedAttributes() {
    return ['scenario', 'preset', ...VIEW_ATTRIBUTES];
  }

  #handle = null;
  #generation = 0;

  connectedCallback() {
    const generation = ++this.#generation;
    load().then(
      () => {
        // Removed (or removed and added again) while the wasm was loading.
        if (generation !== this.#generation || !this.isConnected || this.#handle) return;
        this.#mount();
      },
      (error) => this.#failed(error),
    );
  }

  disconnectedCallback() {
    this.#generation++;
    this.#unmount();
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.#handle || previous === value) return;
    if (VIEW_ATTRIBUTES.includes(name)) {
      // The view is read at mount: mount again, keeping the scenario the reader has made.
      const link = this.#handle.link();
      this.#unmount();
      this.#mount(link ? { link } : {});
      return;
    }
    try {
      if (name === 'preset' && value) this.#handle.setPreset(value);
      if (name === 'scenario') {
        const options = scenarioOptions(value);
        if (options.scenario) this.#setObject(options.scenario);
        else if (options.link) this.#handle.openLink(options.link);
      }
    } catch {
      // The widget shows why; an attribute has no caller to throw to.
    }
  }

  /** The scenario shown, as a plain object in the v1 format (undefined before the widget is up). */
  get scenario() {
    return this.#handle?.scenario();
  }

  /**
   * Shows a scenario object in the v1 format; throws (and the widget says why) when it is refused.
   * The lighter build does not read scenario objects: the first one set on it loads the full build,
   * which shows it (or says why not) once loaded; from then on a refused one throws at once.
   */
  set scenario(value) {
    if (!this.#handle) throw new Error('fortress: the widget is not mounted yet; wait for the fortress-ready event');
    this.#setObject(value);
  }

  /** A scenario object: to the full build's widget, loading it first when this one is the lighter. */
  #setObject(value) {
    if (this.#handle.setScenario) {
      this.#handle.setScenario(value);
      return;
    }
    const link = this.#handle.link();
    this.#upgrade({ link: link ?? undefined, scenario: value }, this.#options({}));
  }

  /** The share link of the scenario shown. */
  get link() {
    return this.#handle?.link();
  }

  /** Opens a share link (or its fragment); throws when it is damaged or from a newer version. */
  openLink(link) {
    if (!this.#handle) throw new Error('fortress: the widget is not mounted yet; wait for the fortress-ready event');
    this.#handle.openLink(String(link));
  }

  /** Opens a preset by name. */
  setPreset(name) {
    this.#handle?.setPreset(String(name));
  }

  /** The figures of the scenario shown (as in the change event). */
  get detail() {
    return this.#handle?.detail();
  }

  async #mount(override = {}) {
    const generation = this.#generation;
    const options = this.#options(override);
    const deal = this.getAttribute('deal');
    // What the lighter build cannot read, and says why when the full build cannot be loaded.
    const fallBack = (suffix, extra) => (why) =>
      this.#mountWith(mount, { ...options, ...extra, error: `The rest of Fortress could not be loaded (${why})${suffix}` });
    if (options.scenario && !deal) {
      // Scenario JSON: the full build reads it.
      await this.#mountFull(generation, options, fallBack('; showing the default scenario.', { scenario: undefined }));
      return;
    }
    if (deal) {
      // A publisher's deal: the full build reads it. Links made here come back to this page, which
      // (only then) opens the one in its address.
      const file = await dealFile(deal);
      if (generation !== this.#generation || !this.isConnected) return;
      if (file.text !== undefined) {
        options.dealText = file.text;
        options.linkBase = this.getAttribute('link-base') || location.href.split('#')[0];
        if (!options.link && !options.scenario && /^#\d+\./.test(location.hash)) options.link = location.hash.slice(1);
        await this.#mountFull(generation, options, fallBack('; showing the built-in deal.', { dealText: undefined }));
        return;
      }
      options.error = file.error;
    }
    this.#mountWith(mount, options);
  }

  /** The options the element's attributes give, with `override` on top. */
  #options(override) {
    const options = {
      ...scenarioOptions(this.getAttribute('scenario')),
      preset: this.getAttribute('preset') || undefined,
      linkBase: this.getAttribute('link-base') || LINK_BASE,
      onChange: (detail) =>
        this.dispatchEvent(new CustomEvent('fortress-change', { bubbles: true, composed: true, detail })),
      // The page's language (the element's, as HTML reads it), for numbers when `locale` is not set.
      pageLang: this.closest('[lang]')?.getAttribute('lang') || undefined,
      ...override,
    };
    for (const name of VIEW_ATTRIBUTES) {
      if (this.hasAttribute(name)) options[name] = this.getAttribute(name);
    }
    // The lighter build asks for the full one when it needs it (a preset or deal it leaves out).
    options.onUpgrade = (wanted) => this.#upgrade(wanted, options);
    return options;
  }

  /** Mounts a widget with the API `mountApi` (the lighter build's, or the full build's). */
  #mountWith(mountApi, options) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.replaceChildren();
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = STYLESHEET;
    const container = document.createElement('div');
    container.className = 'fortress-host';
    root.append(sheet, container);
    this.#handle = mountApi(container, options);
    this.dispatchEvent(new CustomEvent('fortress-ready', { bubbles: true, composed: true }));
  }

  /**
   * Loads the full build and mounts this widget from it with `options`, unless the element was
   * removed or mounted anew meanwhile; when the build cannot be loaded, calls `failed(why)`.
   * Whether it mounted.
   */
  async #mountFull(generation, options, failed) {
    let full;
    try {
      full = await fullBuild();
    } catch (error) {
      if (generation === this.#generation && this.isConnected) failed(String(error?.message ?? error));
      return false;
    }
    if (generation !== this.#generation || !this.isConnected) return false;
    this.#unmount();
    this.#mountWith(full.mount, { ...options, onUpgrade: undefined });
    return true;
  }

  /**
   * The lighter build needs the full one for `wanted` ({preset}, {link, focus} or {link, scenario}):
   * mount that instead; if it cannot be loaded, the lighter widget carries on and says why.
   */
  async #upgrade(wanted, options) {
    const { scenario, ...rest } = options;
    const full = { ...rest, preset: wanted.preset, link: wanted.link, focus: wanted.focus };
    const failed = (why) => this.#handle?.upgradeFailed?.(why);
    if (!(await this.#mountFull(this.#generation, full, failed))) return;
    if (wanted.scenario) {
      try {
        this.#handle.setScenario(wanted.scenario);
      } catch {
        // The widget says why, over the scenario it showed.
      }
    }
  }

  #unmount() {
    const handle = this.#handle;
    this.#handle = null;
    if (handle) {
      handle.destroy();
      handle.free();
    }
    this.shadowRoot?.replaceChildren();
  }

  #failed(error) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const message = document.createElement('p');
    message.textContent = 'This widget could not load. Reload the page to try again.';
    // The static summary the page put inside the element (if any) shows under the message.
    root.replaceChildren(message, document.createElement('slot'));
    console.warn('fortress: the widget could not load', error);
  }
}

if (!customElements.get('fortress-widget')) customElements.define('fortress-widget', FortressWidget);

// Article links that drive a widget: <a href="#" data-fortress-for="id" data-fortress-scenario="1.x">.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('[data-fortress-for]') : null;
  if (!link) return;
  const widget = document.getElementById(link.getAttribute('data-fortress-for'));
  if (!(widget instanceof FortressWidget)) return;
  event.preventDefault();
  try {
    const scenario = link.getAttribute('data-fortress-scenario');
    const preset = link.getAttribute('data-fortress-preset');
    if (scenario) {
      const options = scenarioOptions(scenario);
      if (options.scenario) widget.scenario = options.scenario;
      else widget.openLink(options.link);
    } else if (preset) {
      widget.setPreset(preset);
    }
    widget.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  } catch {
    // The widget shows why the scenario was refused.
  }
});
