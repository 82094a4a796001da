//! The Fortress widget: sliders and number boxes over the rule core, with the
//! cap table, an ownership chart, the contract terms and the routing answers.
//!
//! Data flows one way: an input event becomes an [`state::Action`], the one
//! reducer ([`state::State::reduce`]) applies it through `fortress_core::edit`
//! and `fortress_core::evaluate`, and the components render the result. The
//! components compute nothing and only dispatch.

use std::rc::Rc;

use fortress_core::presets;
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod components;
pub mod fmt;
pub mod input;
pub mod state;

pub use state::{Action, State};

/// What the page gives the widget.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct AppProps {
    /// The preset to open, by name (see `fortress_core::presets::ALL`).
    #[prop_or(AttrValue::Static(presets::DEFAULT))]
    pub preset: AttrValue,
    /// A share link (a whole URL, or its fragment) to open instead of the
    /// preset; a bad one opens the default scenario with a message.
    #[prop_or_default]
    pub link: Option<AttrValue>,
    /// The address share links start with (the page without its fragment).
    #[prop_or_default]
    pub link_base: AttrValue,
    /// Whether to keep the page's own URL fragment in step with the scenario
    /// (the standalone page only: an embedded widget never writes the host's URL).
    #[prop_or_default]
    pub sync_url: bool,
}

impl Default for AppProps {
    fn default() -> AppProps {
        AppProps {
            preset: AttrValue::Static(presets::DEFAULT),
            link: None,
            link_base: AttrValue::default(),
            sync_url: false,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State::reduce(&self, action))
    }
}

/// The whole widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let (preset, link) = (props.preset.clone(), props.link.clone());
    let state = use_reducer(move || match link.filter(|l| !l.trim().is_empty()) {
        Some(link) => State::from_link(&link),
        None => State::new(&preset),
    });
    let fragment = state.share_fragment();
    use_url_sync(&state, props.sync_url, fragment.clone());
    let url = fragment.map(|f| AttrValue::from(format!("{}#{f}", props.link_base)));
    let state = &state;
    html! {
        <div class="fortress">
            { components::header::header(state) }
            <components::share::Share {url} />
            { components::header::headline(state) }
            { components::header::notes(state) }
            <div class="layout">
                <div class="controls-column" key={state.generation.to_string()}>
                    { components::controls::controls(state) }
                </div>
                <div class="results">
                    { components::table::cap_table(state) }
                    { components::chart::chart(state) }
                    { components::terms::terms(state) }
                    { components::terms::routes(state) }
                    { components::terms::sources(state) }
                </div>
            </div>
        </div>
    }
}

/// Keeps the page's fragment in step with the scenario (with `replaceState`,
/// so edits add no history entries), and opens a link pasted into the
/// address bar of the open page. The address is first written after the
/// first edit, so a page opened from a bad link keeps it until then.
#[cfg(target_arch = "wasm32")]
#[hook]
fn use_url_sync(state: &UseReducerHandle<State>, enabled: bool, fragment: Option<String>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let first = use_mut_ref(|| true);
    use_effect_with(fragment, move |fragment| {
        if std::mem::take(&mut *first.borrow_mut()) || !enabled {
            return;
        }
        if let Some(fragment) = fragment {
            browser::replace_fragment(fragment);
        }
    });
    let dispatcher = state.dispatcher();
    use_effect_with(enabled, move |&enabled| {
        let window = web_sys::window().filter(|_| enabled);
        let listener = window.map(|window| {
            let on_hash = Closure::<dyn Fn()>::new(move || {
                if let Some(fragment) = browser::fragment() {
                    dispatcher.dispatch(Action::OpenLink(fragment));
                }
            });
            let _ = window.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
            (window, on_hash)
        });
        move || {
            if let Some((window, on_hash)) = listener {
                let _ = window.remove_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
            }
        }
    });
}

/// Natively (render tests) there is no address bar.
#[cfg(not(target_arch = "wasm32"))]
#[hook]
fn use_url_sync(_state: &UseReducerHandle<State>, _enabled: bool, _fragment: Option<String>) {}
