//! Keeping the result: "Download" the data (CSV, JSON) or the picture (PNG,
//! SVG), and "Print".
//!
//! The files are made by the reader tools' wasm (`tools/`, through
//! `crate::later`), loaded the first time a reader asks for one, from the
//! scenario's share-link fragment, so the widget's own wasm does not carry
//! them. A status line (a live region) says what happened. Where the page may
//! not download (the sandboxed iframe form), the reader tools show the file
//! instead, to be saved by hand: the text in a read-only field, the picture
//! as a canvas.

use yew::prelude::*;

/// Props of [`Save`].
#[derive(Clone, PartialEq, Properties)]
pub struct SaveProps {
    /// The scenario's share-link fragment, or `None` when it is too large for a link.
    pub fragment: Option<AttrValue>,
    /// The whole share link, printed in the CSV and the picture.
    pub url: Option<AttrValue>,
    /// The holder in focus, by id, for the picture's headline.
    pub focus: AttrValue,
    /// The files' name without its extension: `fortress-feb-2026`.
    pub name: AttrValue,
    /// The widget's theme, which the picture follows: "auto", "light" or "dark".
    pub theme: &'static str,
}

/// The buttons, each saying what it makes in `data-kind`: static markup, which as one text costs
/// the wasm a fraction of the bytes the same elements cost built one by one.
const BUTTONS: &str = concat!(
    r#"<span class="small muted" aria-hidden="true">Download:</span>"#,
    r#"<button type="button" id="download-csv" data-kind="csv">CSV</button>"#,
    r#"<button type="button" id="download-json" data-kind="json">JSON</button>"#,
    r#"<button type="button" id="download-png" data-kind="png">Image (PNG)</button>"#,
    r#"<button type="button" id="download-svg" data-kind="svg">Image (SVG)</button>"#,
    r#"<button type="button" id="print" data-kind="print">Print</button>"#,
);

/// The download and print buttons.
#[function_component]
pub fn Save(props: &SaveProps) -> Html {
    let status = use_state_eq(String::new);
    let shown = use_node_ref();
    // A new scenario makes the last answer, and a file shown to save by hand, stale.
    {
        let (status, shown) = (status.clone(), shown.clone());
        use_effect_with(props.fragment.clone(), move |_| {
            status.set(String::new());
            if let Some(shown) = shown.cast::<web_sys::Element>() {
                shown.set_inner_html("");
            }
        });
    }
    let Some(fragment) = props.fragment.clone() else {
        return html! {
            <p class="muted small" id="save-too-large">{"This scenario is too large for a link, so it cannot be downloaded."}</p>
        };
    };
    // One listener for the row: the button pressed says what it makes (`data-kind`).
    let onclick = {
        let request = Request {
            theme: props.theme,
            fragment,
            link: props.url.clone().unwrap_or_default(),
            focus: props.focus.clone(),
            name: props.name.clone(),
        };
        let (status, shown) = (status.clone(), shown.clone());
        Callback::from(move |e: MouseEvent| {
            let kind = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|target| target.closest("button[data-kind]").ok().flatten())
                .and_then(|button| button.get_attribute("data-kind"));
            match kind.as_deref() {
                Some("print") => print(),
                Some(kind) => request.send(kind, status.clone(), shown.clone()),
                None => {}
            }
        })
    };
    html! {
        <div class="save" id="save">
            <div class="save-row" role="group" aria-label="Download or print this scenario" {onclick}>
                { Html::from_html_unchecked(AttrValue::Static(BUTTONS)) }
            </div>
            <p id="save-status" class="small" role="status">{(*status).clone()}</p>
            // Where a page that may not download shows the file instead (drawn by the reader tools).
            <div id="save-shown" ref={shown}></div>
        </div>
    }
}

/// What a file is made from.
#[derive(Clone)]
struct Request {
    theme: &'static str,
    fragment: AttrValue,
    link: AttrValue,
    focus: AttrValue,
    name: AttrValue,
}

impl Request {
    /// Makes the file of `kind` and says in `status` what happened.
    #[cfg(target_arch = "wasm32")]
    fn send(&self, kind: &str, status: UseStateHandle<String>, shown: NodeRef) {
        status.set("Making the file\u{2026}".to_owned());
        let (r, kind) = (self.clone(), kind.to_owned());
        yew::platform::spawn_local(async move {
            let shown = shown.cast::<web_sys::Element>();
            status.set(crate::later::download(&kind, &r.fragment, &r.link, &r.focus, &r.name, r.theme, shown).await);
        });
    }

    /// Natively (render tests) there is nothing to download.
    #[cfg(not(target_arch = "wasm32"))]
    fn send(&self, kind: &str, status: UseStateHandle<String>, shown: NodeRef) {
        drop((kind, shown, self.theme, &self.fragment, &self.link, &self.focus, &self.name));
        status.set("Nothing was saved: there is no browser here.".to_owned());
    }
}

/// Opens the browser's print dialog (the print style sheet shows the result without the controls).
fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
