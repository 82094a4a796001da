//! Mounts the widget on the standalone page, opening the scenario in the
//! page's fragment and keeping it there as the reader edits. Everything else
//! lives in the library, so that tests can render it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use fortress_widget::{browser, App, AppProps};
    let props = AppProps {
        link: browser::fragment().map(Into::into),
        link_base: browser::page_base().into(),
        sync_url: true,
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_props(props).render();
}

/// The widget runs in a browser; natively there is nothing to mount.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("fortress-widget runs in a browser: build it with `trunk build --release`");
}
