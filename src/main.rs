//! Mounts the widget on the standalone page (the one with `#fortress-app`),
//! opening the scenario in the page's fragment (or the preset named by
//! `?preset=`) and keeping it there as the reader edits. On any other page (one that loads `fortress.js` to embed
//! widgets) it mounts nothing. Everything else lives in the library, so that
//! tests can render it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use fortress_widget::{browser, App, AppProps};
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("fortress-app"));
    let Some(root) = root else { return };
    let props = AppProps {
        // `?preset=oct-2026-funded` opens a preset by name; a link in the fragment wins over it.
        preset: browser::query("preset").map_or(AppProps::default().preset, Into::into),
        link: browser::fragment().map(Into::into),
        link_base: browser::page_base().into(),
        sync_url: true,
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// The widget runs in a browser; natively there is nothing to mount.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("fortress-widget runs in a browser: build it with `trunk build --release`");
}
