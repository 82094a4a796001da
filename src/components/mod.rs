//! The widget's components. Each renders part of the [`State`] and dispatches
//! [`crate::Action`]s; none computes anything of the scenario.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Control, State};

pub mod chart;
pub mod controls;
#[cfg(feature = "full")]
pub mod exit;
pub mod fields;
pub mod header;
pub mod save;
pub mod sensitivity;
pub mod share;
pub mod table;
pub mod terms;
pub mod timeline;

/// The state every component reads, with the dispatcher to change it.
pub type StateHandle = UseReducerHandle<State>;

/// Props of [`Section`]: the state, a view of it, and what of it the view shows.
#[derive(Clone, Properties)]
pub struct SectionProps {
    /// The state to render, with its dispatcher. (It always reads the latest state.)
    pub state: StateHandle,
    /// The state as it was when the section was last given props, to compare.
    pub shown: Rc<State>,
    /// Renders the section from the state.
    pub view: fn(&StateHandle) -> Html,
    /// Whether two states look the same in this section: the parts of the
    /// state the view reads, and nothing else.
    pub same: fn(&State, &State) -> bool,
}

/// Equal when the section would show the same: then yew keeps what it drew
/// and does not even build the section's virtual DOM. The view's callbacks
/// only dispatch, so an older state handle dispatches just as well.
impl PartialEq for SectionProps {
    fn eq(&self, other: &SectionProps) -> bool {
        // The same view first: in a list whose sections come and go (`sections`, the parts below
        // the fold), yew may hand one section's place to another.
        std::ptr::fn_addr_eq(self.view, other.view) && (self.same)(&self.shown, &other.shown)
    }
}

/// A part of the widget that re-renders only when what it shows has changed,
/// so that a slider step redraws the table, not the contract terms.
#[function_component]
pub fn Section(props: &SectionProps) -> Html {
    crate::fmt::in_locale(props.state.locale, || (props.view)(&props.state))
}

/// `view` of `state` as a [`Section`] that re-renders only when `same` says
/// `shown` (the state of this render, taken once by the app) has changed for it.
pub fn section(
    state: &StateHandle,
    shown: &Rc<State>,
    view: fn(&StateHandle) -> Html,
    same: fn(&State, &State) -> bool,
) -> Html {
    html! { <Section ..SectionProps { state: state.clone(), shown: shown.clone(), view, same } /> }
}

/// [`section`] with a key, for a list whose sections come and go (`sections`,
/// the parts below the fold): each keeps its own component, so none is ever
/// drawn twice while the list changes.
pub fn keyed_section(
    key: &'static str,
    state: &StateHandle,
    shown: &Rc<State>,
    view: fn(&StateHandle) -> Html,
    same: fn(&State, &State) -> bool,
) -> Html {
    let props = SectionProps { state: state.clone(), shown: shown.clone(), view, same };
    html! { <Section {key} ..props /> }
}

/// How a control stands after the last action: its message, whether it is
/// marked invalid, and the text it must show back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldStatus {
    /// The message shown next to this control, if any.
    pub message: Option<AttrValue>,
    /// The element id of the message element for this control.
    pub message_id: AttrValue,
    /// When this control was used and failed: the id of the message that says why.
    pub invalid_by: Option<AttrValue>,
    /// What the reader typed, shown instead of the scenario's value.
    pub draft: Option<AttrValue>,
}

impl FieldStatus {
    /// The status of `control` in `state`.
    pub fn of(state: &State, control: &Control) -> FieldStatus {
        FieldStatus {
            message: state.error_at(control).map(|e| AttrValue::from(e.message.clone())),
            message_id: AttrValue::from(control.error_id()),
            invalid_by: state.error_from(control).map(|e| AttrValue::from(e.at.error_id())),
            draft: state.draft(control).map(|d| AttrValue::from(d.to_owned())),
        }
    }

    /// The message element, if this control has a message.
    pub fn message_html(&self) -> Html {
        match &self.message {
            Some(message) => html! {
                <p class="field-error" role="alert" id={self.message_id.clone()}>
                    <span aria-hidden="true">{"\u{26a0}\u{fe0e} "}</span>{message.clone()}
                </p>
            },
            None => Html::default(),
        }
    }
}
