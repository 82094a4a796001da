// The widget's way to the parts of Fortress it loads only when a reader asks for them: the
// sensitivity map's panel and the files to download, both in the reader tools (tools.js, and the
// wasm it loads). The widget's glue imports this file as a wasm-bindgen snippet, which sits three
// folders below the page's files (snippets/<crate>/www/lazy.js), so it finds tools.js three folders
// up; that module is fetched on first use only, once per page.
const tools = () => import(new URL('../../../tools.js', import.meta.url).href);

/**
 * Draws the sensitivity map of the scenario in `fragment` (a share link's) for `holder` into the
 * element `root`: the first time, mounts the map panel there; after that, updates it. `onPick(size,
 * valuation)` is called with dollars as decimal text when a reader picks a cell. Rejects with the
 * reason, in words, when the tools cannot be loaded.
 */
export async function showMap(root, fragment, holder, onPick) {
  return (await tools()).showMap(root, fragment, holder, onPick);
}

/** A file for the reader (tools.js, download); resolves with what happened, never rejects. */
export async function download(kind, options) {
  try {
    return await (await tools()).download(kind, options);
  } catch (error) {
    return { saved: false, error: `The download tools could not be loaded: ${error?.message ?? error}` };
  }
}
