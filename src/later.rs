//! The parts of Fortress the widget loads only when a reader asks for them,
//! through `www/lazy.js` (a wasm-bindgen snippet that imports the reader
//! tools, `tools.js` and their wasm, on first use): the sensitivity map's
//! panel, and the files to download.

use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/www/lazy.js")]
extern "C" {
    #[wasm_bindgen(js_name = download)]
    async fn download_js(kind: &str, options: &JsValue) -> JsValue;

    #[wasm_bindgen(catch, js_name = showMap)]
    async fn show_map_js(
        root: &web_sys::Element,
        fragment: &str,
        holder: &str,
        on_pick: &Function,
    ) -> Result<JsValue, JsValue>;
}

/// What the map panel calls when a reader picks a cell: the round size and
/// the valuation, in dollars, as decimal text (exact at any size).
pub type OnPick = Rc<Closure<dyn Fn(String, String)>>;

/// Wraps `pick` for the map panel; kept for as long as the panel may call it.
pub fn on_pick(pick: impl Fn(u128, u128) + 'static) -> OnPick {
    Rc::new(Closure::new(move |size: String, valuation: String| {
        if let (Ok(size), Ok(valuation)) = (size.parse(), valuation.parse()) {
            pick(size, valuation);
        }
    }))
}

/// Draws the map of the scenario with the share-link `fragment`, for
/// `holder`, into `root` (loading the panel the first time); or says why it
/// could not, in words.
pub async fn show_map(root: &web_sys::Element, fragment: &str, holder: &str, on_pick: &OnPick) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let function: &Function = (**on_pick).as_ref().unchecked_ref();
    show_map_js(root, fragment, holder, function).await.map(drop).map_err(|e| message(&e))
}

/// An error from JavaScript in words: its message, or itself as text.
pub fn message(error: &JsValue) -> String {
    let text = Reflect::get(error, &"message".into()).ok().and_then(|m| m.as_string()).or_else(|| error.as_string());
    text.filter(|t| !t.is_empty()).unwrap_or_else(|| "something went wrong.".to_owned())
}

/// What a file is made from (see `www/tools.js`, `download`).
pub struct DownloadOptions<'a> {
    /// The scenario's share-link fragment.
    pub fragment: &'a str,
    /// The share link to print in the file ('' for none).
    pub link: &'a str,
    /// The holder in focus, by id.
    pub focus: &'a str,
    /// The file's name without its extension.
    pub name: &'a str,
    /// "light" or "dark", for the picture.
    pub scheme: &'static str,
    /// Whether the page may not download, so the file is shown instead.
    pub sandboxed: bool,
    /// Where to show it then.
    pub shown: Option<web_sys::Element>,
}

/// Makes the file of `kind` ("csv", "json", "png" or "svg"): `Ok(true)` when
/// it was saved, `Ok(false)` when it is shown in `options.shown` to save by
/// hand, or why nothing was made.
pub async fn download(kind: &str, options: &DownloadOptions<'_>) -> Result<bool, String> {
    let object = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&object, &key.into(), &value);
    };
    set("fragment", options.fragment.into());
    set("link", options.link.into());
    set("focus", options.focus.into());
    set("name", options.name.into());
    set("scheme", options.scheme.into());
    set("sandboxed", options.sandboxed.into());
    set("shown", options.shown.clone().map_or(JsValue::UNDEFINED, JsValue::from));
    let result = download_js(kind, &object).await;
    let field = |key: &str| Reflect::get(&result, &key.into()).unwrap_or(JsValue::UNDEFINED);
    match (field("saved").as_bool(), field("shown").as_bool()) {
        (Some(true), _) => Ok(true),
        (_, Some(true)) => Ok(false),
        _ => Err(field("error").as_string().unwrap_or_else(|| "something went wrong.".to_owned())),
    }
}
