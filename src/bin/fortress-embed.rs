//! The embed build of the widget: the same app, plus the host-page API
//! (`fortress_widget::embed`) that `www/fortress.js` calls to mount a widget
//! into each `<fortress-widget>`. It mounts nothing by itself. The standalone
//! page loads the lighter `fortress-widget` build, which has no such API.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Naming the API keeps the library, and with it the exports the loader imports, in the build.
    let _ = fortress_widget::embed::mount;
}

/// The widget runs in a browser; natively there is nothing to mount.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("fortress-embed runs in a browser: build it with `trunk build --release`");
}
