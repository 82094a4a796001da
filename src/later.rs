//! The parts of Fortress the widget loads only when a reader asks for them,
//! through `www/lazy.js` (a wasm-bindgen snippet that imports the reader
//! tools, `tools.js` and their wasm, on first use): the sensitivity map's
//! panel, the files to download, and the full build of the standalone page.

use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/www/lazy.js")]
extern "C" {
    #[wasm_bindgen(js_name = download)]
    async fn download_js(
        kind: &str,
        fragment: &str,
        link: &str,
        focus: &str,
        name: &str,
        theme: &str,
        shown: Option<web_sys::Element>,
    ) -> JsValue;

    #[wasm_bindgen(catch, js_name = showMap)]
    async fn show_map_js(
        root: &web_sys::Element,
        fragment: &str,
        holder: &str,
        locale: &str,
        on_pick: &Function,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = upgradePage)]
    async fn upgrade_page_js(
        root: &web_sys::Element,
        preset: &str,
        link: &str,
        focus: &str,
    ) -> Result<JsValue, JsValue>;
}

/// What the map panel calls when a reader picks a cell: that cell's scenario, as a share-link
/// fragment.
pub type OnPick = Rc<Closure<dyn Fn(String)>>;

/// Wraps `pick` for the map panel; kept for as long as the panel may call it.
pub fn on_pick(pick: impl Fn(String) + 'static) -> OnPick {
    Rc::new(Closure::new(pick))
}

/// Draws the map of the scenario with the share-link `fragment`, for
/// `holder`, with numbers in `locale` ('' for the reader's), into `root`
/// (loading the panel the first time); or says why it could not, in words.
pub async fn show_map(
    root: &web_sys::Element,
    fragment: &str,
    holder: &str,
    locale: &str,
    on_pick: &OnPick,
) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let function: &Function = (**on_pick).as_ref().unchecked_ref();
    show_map_js(root, fragment, holder, locale, function).await.map(drop).map_err(|e| message(&e))
}

/// An error from JavaScript in words: its message, or itself as text.
pub fn message(error: &JsValue) -> String {
    let text = Reflect::get(error, &"message".into()).ok().and_then(|m| m.as_string()).or_else(|| error.as_string());
    text.filter(|t| !t.is_empty()).unwrap_or_else(|| "something went wrong.".to_owned())
}

/// Makes the file of `kind` ("csv", "json", "png" or "svg") for the scenario
/// in `fragment` (see `www/lazy.js`, `download`), and says what happened, in
/// words for the status line: saved, shown in `shown` to save by hand (a
/// page that may not download), or why nothing was made.
#[allow(clippy::too_many_arguments)]
pub async fn download(
    kind: &str,
    fragment: &str,
    link: &str,
    focus: &str,
    name: &str,
    theme: &str,
    shown: Option<web_sys::Element>,
) -> String {
    download_js(kind, fragment, link, focus, name, theme, shown).await.as_string().unwrap_or_default()
}

/// Mounts Fortress's full build into `root`, in place of this one, with the
/// preset or the scenario this build could not show; or why it could not be loaded.
pub async fn upgrade_page(root: &web_sys::Element, upgrade: &crate::state::Upgrade) -> Result<(), String> {
    use crate::state::Upgrade;
    let (preset, link, focus) = match upgrade {
        Upgrade::Preset(name) => (name.as_str(), "", ""),
        Upgrade::Link(link) => ("", link.as_str(), ""),
        Upgrade::Controls(link) => ("", link.as_str(), crate::state::FOCUS_CONTROLS),
    };
    upgrade_page_js(root, preset, link, focus).await.map(drop).map_err(|e| message(&e))
}
