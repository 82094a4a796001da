//! Mounts the widget on the page. Everything else lives in the library, so
//! that tests can render it.

fn main() {
    yew::Renderer::<fortress_widget::App>::with_props(fortress_widget::AppProps::default()).render();
}
