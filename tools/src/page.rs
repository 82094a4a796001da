//! The full build of the standalone page: what the widget's lighter build
//! mounts in its place (`www/lazy.js`, `upgradePage`) when a reader picks a
//! preset, or opens a link, that only the full build carries. It is the same
//! widget, with every built-in deal and preset, keeping the page's address
//! as the lighter build did. (An embed's full build is the widget's own
//! `mount`, exported from this module's wasm as from the embed's.)

use fortress_widget::{browser, App, AppProps};
use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the full widget into `root`, on the preset `preset` or the share
/// link `link` (one of them empty), focusing `focus` first ("controls": the
/// analysts' controls; "": nothing).
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(root: web_sys::Element, preset: String, link: String, focus: String) {
    let props = AppProps {
        preset: if preset.is_empty() { AppProps::default().preset } else { preset.into() },
        link: Some(link).filter(|l| !l.is_empty()).map(Into::into),
        focus: Some(focus).filter(|f| !f.is_empty()).map(Into::into),
        link_base: browser::page_base().into(),
        sync_url: true,
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
