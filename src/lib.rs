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
}

impl Default for AppProps {
    fn default() -> AppProps {
        AppProps { preset: AttrValue::Static(presets::DEFAULT) }
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
    let preset = props.preset.clone();
    let state = use_reducer(move || State::new(&preset));
    let state = &state;
    html! {
        <div class="fortress">
            { components::header::header(state) }
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
