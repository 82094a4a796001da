// The widget's way to the parts of Fortress it loads only when a reader asks for them: the
// sensitivity map's panel, the files to download, and the full build (every built-in deal and
// preset), all in the reader tools (tools.js, and the wasm it loads). The widget's glue imports this file as a wasm-bindgen snippet, which sits three
// folders below the page's files (snippets/<crate>/www/lazy.js), so it finds tools.js three folders
// up; that module is fetched on first use only, once per page.
const tools = () => import(new URL('../../../tools.js', import.meta.url).href);

/**
 * Draws the sensitivity map of the scenario in `fragment` (a share link's) for `holder` into the
 * element `root`, with numbers in `locale` ('' for the reader's): the first time, mounts the map
 * panel there; after that, updates it. `onPick(fragment)` is called with the scenario of the cell
 * a reader picks. Rejects with the reason, in words, when the tools cannot be loaded.
 */
export async function showMap(root, fragment, holder, locale, onPick) {
  return (await tools()).showMap(root, fragment, holder, locale, onPick);
}

/**
 * A file for the reader (tools.js, download): the scenario in `fragment`, with `link`, the holder
 * `focus`, the file `name`, the picture in the widget's `theme` ('auto' follows the reader's
 * setting), and where to show the file when this page may not download (a sandboxed frame, which
 * has no origin of its own). Resolves with what happened, in words for the widget's status line;
 * never rejects.
 */
export async function download(kind, fragment, link, focus, name, theme, shown) {
  const dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  const options = { fragment, link, focus, name, scheme: dark ? 'dark' : 'light', sandboxed: self.origin === 'null', shown };
  const what = kind === 'csv' || kind === 'json' ? kind.toUpperCase() : 'picture';
  let result;
  try {
    result = await (await tools()).download(kind, options);
  } catch (error) {
    result = { error: `the download tools could not be loaded: ${error?.message ?? error}` };
  }
  if (result.saved) return `Saved ${name}.${kind}.`;
  if (result.shown) {
    const how = what === 'picture' ? 'right-click it (or press and hold) to save it' : 'select it and copy it';
    return `This page may not download files. The ${what} is below: ${how}.`;
  }
  return `Nothing was saved: ${result.error}`;
}

/**
 * Mounts Fortress's full build of the standalone page into `root`, on the preset `preset` or the
 * share link `link` (one of them empty), in place of the lighter build that could not show it;
 * `focus` ('controls' or '') is what it focuses first. Rejects with the reason, in words, when it
 * cannot be loaded.
 */
export async function upgradePage(root, preset, link, focus) {
  return (await tools()).upgradePage(root, preset, link, focus);
}
