//! The controls: the round (valuation and cheques), the starting stakes, the
//! dates and events, the what-ifs, and the holders' names.

use std::rc::Rc;

use fortress_core::edit::{self, ValuationBasis};
use fortress_core::{CountBasis, Date, Scenario};
use fortress_format::view::ControlId;
#[cfg(feature = "full")]
use wasm_bindgen::JsCast;
#[cfg(feature = "full")]
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::fields::{date_field, DateFieldProps, NumberField};
#[cfg(feature = "full")]
use super::fields::{text_field, TextFieldProps};
use super::{section, FieldStatus, StateHandle};
use crate::fmt;
use crate::input::{plain_billions, plain_percent};
#[cfg(feature = "full")]
use crate::state::DEFAULT_FLOOR_MICROS;
use crate::state::{event_element, Action, Control, State};

/// The first and last days the date sliders reach: 2024 to 2033.
const FIRST_DAY: (u16, u8, u8) = (2024, 1, 1);
const LAST_DAY: (u16, u8, u8) = (2033, 12, 31);

/// Every control of the widget; with `complete` false, only the round's (the
/// rest is below the fold, and comes after the first paint).
///
/// A page may show only some controls (`controls`, `State::view`): a group
/// shows when any of its controls does.
pub fn controls(state: &StateHandle, shown: &Rc<State>, complete: bool) -> Html {
    let general = FieldStatus::of(state, &Control::General);
    let view = &state.view;
    let scenario = &state.scenario;
    let investors = scenario.rounds.last().into_iter().flat_map(|r| &r.investments);
    let round = view.shows_control(&ControlId::Valuation)
        || view.shows_control(&ControlId::Investors)
        || investors.into_iter().any(|i| view.shows_control(&ControlId::Investment(i.holder.clone())));
    let stakes = scenario.holders.iter().any(|h| view.shows_control(&ControlId::Stake(h.id.clone())));
    let dates = view.shows_control(&ControlId::AsOf) || view.shows_control(&ControlId::Events);
    html! {
        <div class="controls" role="group" aria-label="What if">
            { general.message_html() }
            if round {
                { section(state, shown, round_controls, same_round) }
            }
            if complete {
                if stakes {
                    { section(state, shown, stake_controls, same_stakes) }
                }
                if dates {
                    { section(state, shown, date_controls, same_dates) }
                }
                { analysts(state, shown) }
            }
        </div>
    }
}

/// The analysts' controls: the holders' names and the deal's what-ifs (and,
/// in the round, adding and removing investors). The full build has them; the
/// lighter build offers them with one button, which hands the scenario to the
/// full build (`Action::MoreControls`).
#[cfg(feature = "full")]
fn analysts(state: &StateHandle, shown: &Rc<State>) -> Html {
    let view = &state.view;
    html! {
        <>
            if view.shows_control(&ControlId::WhatIfs) {
                { section(state, shown, whatif_controls, same_whatifs) }
                if edit::last_round_sells_shares(&state.scenario) {
                    { section(state, shown, terms_controls, same_terms) }
                }
            }
            if view.shows_control(&ControlId::Names) {
                { section(state, shown, name_controls, same_names) }
            }
        </>
    }
}

/// The lighter build's button for the analysts' controls (see the full build's `analysts`).
#[cfg(not(feature = "full"))]
fn analysts(state: &StateHandle, _shown: &Rc<State>) -> Html {
    let view = &state.view;
    let wanted = [ControlId::WhatIfs, ControlId::Names, ControlId::Investors];
    if !wanted.iter().any(|id| view.shows_control(id)) {
        return Html::default();
    }
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::MoreControls))
    };
    html! {
        <div class="group more-controls">
            <button type="button" id="more-controls" {onclick} aria-describedby="more-controls-what">
                {"More controls"}
            </button>
            <p class="muted small" id="more-controls-what">
                {"Rename holders, add or remove investors, set what-ifs on the deal's terms, and give the round's \
                  shares a liquidation preference. Loads the rest of Fortress."}
            </p>
        </div>
    }
}

/// Every holder's id and name, and every named investor's in the last round.
fn names(scenario: &Scenario) -> impl Iterator<Item = (&str, Option<&str>)> {
    let holders = scenario.holders.iter().map(|h| (h.id.as_str(), Some(h.name.as_str())));
    let investors = scenario.rounds.last().into_iter().flat_map(|r| &r.investments);
    holders.chain(investors.map(|i| (i.holder.as_str(), i.name.as_deref())))
}

/// The stakes show the starting holders and their stakes.
fn same_stakes(a: &State, b: &State) -> bool {
    a.error == b.error && a.scenario.holders == b.scenario.holders
}

/// The dates show the as-of date, the events and how the money is counted.
fn same_dates(a: &State, b: &State) -> bool {
    a.error == b.error
        && (&a.scenario.as_of, &a.scenario.events, a.scenario.count)
            == (&b.scenario.as_of, &b.scenario.events, b.scenario.count)
}

/// The what-ifs show the what-ifs and the watched holder's name.
#[cfg(feature = "full")]
fn same_whatifs(a: &State, b: &State) -> bool {
    a.error == b.error && a.scenario.whatifs == b.scenario.whatifs && names(&a.scenario).eq(names(&b.scenario))
}

/// The share terms show the last round's terms and name.
#[cfg(feature = "full")]
fn same_terms(a: &State, b: &State) -> bool {
    let last = |s: &State| s.scenario.rounds.last().map(|r| (r.terms, r.name.clone()));
    a.error == b.error && last(a) == last(b)
}

/// The renaming boxes show every name.
#[cfg(feature = "full")]
fn same_names(a: &State, b: &State) -> bool {
    a.error == b.error && names(&a.scenario).eq(names(&b.scenario))
}

/// The round's controls show its cheques and valuation, the names of those
/// who invest, and the pre + new = post line.
fn same_round(a: &State, b: &State) -> bool {
    let summary = |s: &State| s.outcome.last_stage().map(|st| (st.pre_money, st.post_money, st.new_money));
    a.error == b.error
        && a.scenario.rounds.last() == b.scenario.rounds.last()
        && names(&a.scenario).eq(names(&b.scenario))
        && summary(a) == summary(b)
}

fn dispatch<T: 'static>(state: &StateHandle, make: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value: T| state.dispatch(make(value)))
}

fn round_controls(state: &StateHandle) -> Html {
    let scenario = &state.scenario;
    let view = &state.view;
    // Adding and removing investors is among the analysts' controls (see `analysts`): in the
    // lighter build, `add_investor` and `remove_investor` draw nothing.
    let changes_investors = view.shows_control(&ControlId::Investors);
    let Some(round) = scenario.rounds.last() else {
        return html! {
            <fieldset class="group">
                <legend>{"The round"}</legend>
                <p class="muted">{"No round yet: add an investor to start one."}</p>
                if changes_investors {
                    { add_investor(state) }
                }
            </fieldset>
        };
    };
    let valuation = edit::valuation(scenario);
    let basis = valuation.map(|(b, _)| b);
    let label = format!("{} valuation", basis.unwrap_or(ValuationBasis::PreMoney).title());
    let stage = state.outcome.last_stage();
    let summary = stage.and_then(|st| {
        let (pre, post) = (st.pre_money?, st.post_money?);
        Some(format!(
            "Pre-money {} + new money {} = post-money {}",
            fmt::money(pre),
            fmt::money(st.new_money),
            fmt::money(post)
        ))
    });
    let on_basis = |b: ValuationBasis| {
        let state = state.clone();
        Callback::from(move |_: Event| state.dispatch(Action::Basis(b)))
    };
    let shown = round.investments.iter().filter(|inv| view.shows_control(&ControlId::Investment(inv.holder.clone())));
    let investors = shown.map(|inv| {
        let name = scenario.holder_name(&inv.holder);
        let holder = inv.holder.clone();
        let on_input = dispatch(state, move |text| Action::Amount { holder: holder.clone(), text });
        html! {
            <NumberField
                key={inv.holder.clone()}
                id={format!("amount-{}", inv.holder)}
                label={format!("{name} investment")}
                unit="$B"
                value={plain_billions(inv.amount)}
                min="0.5" max="200" step="0.5"
                status={FieldStatus::of(state, &Control::Amount(inv.holder.clone()))}
                {on_input}
            >
                if changes_investors {
                    { remove_investor(state, &inv.holder, name) }
                }
            </NumberField>
        }
    });
    html! {
        <fieldset class="group">
            <legend>{format!("The round: {}", round.name)}</legend>
            if let (Some((_, dollars)), true) = (valuation, view.shows_control(&ControlId::Valuation)) {
                <NumberField
                    id="valuation"
                    label={label}
                    unit="$B"
                    value={plain_billions(dollars)}
                    min="50" max="2000" step="5"
                    described_by={AttrValue::from("valuation-summary")}
                    status={FieldStatus::of(state, &Control::Valuation)}
                    on_input={dispatch(state, Action::Valuation)}
                />
                <fieldset class="switch">
                    <legend>{"Read the valuation as"}</legend>
                    <label>
                        <input type="radio" name="basis" id="basis-pre" value="pre"
                            checked={basis == Some(ValuationBasis::PreMoney)} onchange={on_basis(ValuationBasis::PreMoney)} />
                        {"Pre-money"}
                    </label>
                    <label>
                        <input type="radio" name="basis" id="basis-post" value="post"
                            checked={basis == Some(ValuationBasis::PostMoney)} onchange={on_basis(ValuationBasis::PostMoney)} />
                        {"Post-money"}
                    </label>
                </fieldset>
                <p class="summary" id="valuation-summary">{summary.unwrap_or_default()}</p>
            }
            { for investors }
            { FieldStatus::of(state, &Control::Investors).message_html() }
            if changes_investors {
                { add_investor(state) }
            }
        </fieldset>
    }
}

#[cfg(not(feature = "full"))]
fn add_investor(_state: &StateHandle) -> Html {
    Html::default()
}

#[cfg(not(feature = "full"))]
fn remove_investor(_state: &StateHandle, _holder: &str, _name: &str) -> Html {
    Html::default()
}

/// "Remove" beside an investor's cheque.
#[cfg(feature = "full")]
fn remove_investor(state: &StateHandle, holder: &str, name: &str) -> Html {
    let onclick = {
        let (state, holder) = (state.clone(), holder.to_owned());
        Callback::from(move |_: MouseEvent| state.dispatch(Action::RemoveInvestor(holder.clone())))
    };
    html! {
        <button type="button" class="remove" {onclick} aria-label={format!("Remove {name}")}>{"Remove"}</button>
    }
}

#[cfg(feature = "full")]
fn add_investor(state: &StateHandle) -> Html {
    let onsubmit = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // The box is left uncontrolled: read it from the form, then clear it.
            let form = e.target_unchecked_into::<web_sys::Element>();
            let input = form.query_selector("input").ok().flatten().map(|el| el.unchecked_into::<HtmlInputElement>());
            let name = input.map(|el| {
                let name = el.value();
                el.set_value("");
                name
            });
            state.dispatch(Action::AddInvestor(name.unwrap_or_default()));
        })
    };
    html! {
        <form class="add-investor" {onsubmit}>
            <label for="new-investor-name">{"New investor name"}</label>
            <span class="add-row">
                <input type="text" id="new-investor-name" autocomplete="off" placeholder="e.g. Apple" />
                <button type="submit">{"Add investor"}</button>
            </span>
        </form>
    }
}

fn stake_controls(state: &StateHandle) -> Html {
    let shown = state.scenario.holders.iter().filter(|h| state.view.shows_control(&ControlId::Stake(h.id.clone())));
    let stakes = shown.map(|h| {
        let holder = h.id.clone();
        html! {
            <NumberField
                key={h.id.clone()}
                id={format!("stake-{}", h.id)}
                label={format!("{} stake", h.name)}
                unit="%"
                value={plain_percent(h.percent)}
                min="0" max="100" step="0.1"
                described_by={AttrValue::from("stake-rule")}
                status={FieldStatus::of(state, &Control::Stake(h.id.clone()))}
                on_input={dispatch(state, move |text| Action::Stake { holder: holder.clone(), text })}
            />
        }
    });
    html! {
        <fieldset class="group">
            <legend>{"Stakes before the round"}</legend>
            <p class="rule" id="stake-rule">
                {"When one stake moves, the other starting holders absorb the difference in proportion to \
                  their stakes, so the table always adds up to exactly 100%."}
            </p>
            { for stakes }
            { FieldStatus::of(state, &Control::Stakes).message_html() }
        </fieldset>
    }
}

fn date_controls(state: &StateHandle) -> Html {
    let scenario = &state.scenario;
    let first = Date::new(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).map_or(0, Date::day_number);
    let last = Date::new(LAST_DAY.0, LAST_DAY.1, LAST_DAY.2).map_or(0, Date::day_number);
    let day = |date: Option<Date>| date.map_or(first, Date::day_number);
    let text = |date: Option<Date>| date.map(|d| AttrValue::from(d.to_string()));
    // The deal's events, each with its date (or "not yet").
    let events = state.deal().events.iter().map(|defined| {
        let (event, date) = (defined.id.to_string(), scenario.events.get(&defined.id));
        let (on_date, on_happened) = (event.clone(), event.clone());
        date_field(DateFieldProps {
            id: event_element(&event).into(),
            label: defined.name.to_string().into(),
            value: text(date),
            day: date.map_or(day(scenario.as_of), Date::day_number),
            min_day: first,
            max_day: last,
            status: FieldStatus::of(state, &Control::Event(event)),
            on_input: dispatch(state, move |entry| Action::EventDate(on_date.clone(), entry)),
            on_not_yet: Some(dispatch(state, move |not_yet: bool| {
                Action::EventHappened(on_happened.clone(), !not_yet)
            })),
        })
    });
    let (as_of, show_events) =
        (state.view.shows_control(&ControlId::AsOf), state.view.shows_control(&ControlId::Events));
    html! {
        <fieldset class="group">
            <legend>{"Dates and events"}</legend>
            if as_of {
            { date_field(DateFieldProps {
                id: "as-of".into(),
                label: "As-of date".into(),
                value: text(scenario.as_of).or(Some(AttrValue::from(""))),
                day: day(scenario.as_of),
                min_day: first,
                max_day: last,
                status: FieldStatus::of(state, &Control::AsOf),
                on_input: dispatch(state, Action::AsOf),
                on_not_yet: None,
            }) }
            <p class="muted small">{"The terms are judged on this day: the April 2026 amendment changes them."}</p>
            { count_switch(state) }
            }
            if show_events {
            { for events }
            }
        </fieldset>
    }
}

/// Committed money, or money paid by the as-of date.
fn count_switch(state: &StateHandle) -> Html {
    let count = state.scenario.count;
    let on = |c: CountBasis| {
        let state = state.clone();
        Callback::from(move |_: Event| state.dispatch(Action::Count(c)))
    };
    html! {
        <fieldset class="switch" id="count">
            <legend>{"Count the round's money"}</legend>
            <label>
                <input type="radio" name="count" id="count-committed" value="committed"
                    checked={count == CountBasis::Committed} onchange={on(CountBasis::Committed)} />
                {"As committed"}
            </label>
            <label>
                <input type="radio" name="count" id="count-funded" value="funded"
                    checked={count == CountBasis::Funded} onchange={on(CountBasis::Funded)} />
                {"As paid by the as-of date"}
            </label>
        </fieldset>
    }
}

#[cfg(feature = "full")]
fn whatif_controls(state: &StateHandle) -> Html {
    let scenario = &state.scenario;
    let (holder, term) = state.watched();
    let term = state.outcome.terms.iter().find(|t| t.id == term).map_or(term, |t| &t.title);
    let Some(watched) = scenario.holders.iter().find(|h| h.id == holder) else {
        return html! {
            <fieldset class="group">
                <legend>{"What-ifs"}</legend>
                <p class="muted">{format!("These what-ifs watch the deal's holder \u{201c}{holder}\u{201d}, who is not in this scenario.")}</p>
            </fieldset>
        };
    };
    let name = &watched.name;
    let (holder, key) = state.watched();
    let floor = edit::whatif_floor(scenario, holder, key);
    let outweighed = edit::whatif_outweighed(scenario, holder, key);
    let shown = floor.unwrap_or(fortress_core::Percent::from_micros(DEFAULT_FLOOR_MICROS));
    let check = |make: fn(bool) -> Action| {
        let state = state.clone();
        Callback::from(move |e: Event| state.dispatch(make(e.target_unchecked_into::<HtmlInputElement>().checked())))
    };
    html! {
        <fieldset class="group">
            <legend>{"What-ifs"}</legend>
            <label class="check">
                <input type="checkbox" id="whatif-floor-on" checked={floor.is_some()} onchange={check(Action::WhatIfFloorOn)} />
                {format!("Apply: {term} ends if {name}'s stake falls below a floor")}
            </label>
            <NumberField
                id="whatif-floor"
                label={format!("{term} ends if {name}'s stake falls below")}
                unit="%"
                value={plain_percent(shown)}
                min="0" max="50" step="0.5"
                disabled={floor.is_none()}
                status={FieldStatus::of(state, &Control::WhatIf)}
                on_input={dispatch(state, Action::WhatIfFloor)}
            />
            <label class="check">
                <input type="checkbox" id="whatif-outweighed-on" checked={outweighed} onchange={check(Action::WhatIfOutweighedOn)} />
                {format!("Apply: {term} ends if another holder outweighs {name}")}
            </label>
        </fieldset>
    }
}

/// The participation choices: element id, label, kind.
#[cfg(feature = "full")]
const PARTICIPATION: [(&str, &str, fortress_core::ParticipationKind); 3] = [
    ("terms-participation-none", "Nothing more (or converts)", fortress_core::ParticipationKind::None),
    ("terms-participation-full", "Participates", fortress_core::ParticipationKind::Full),
    ("terms-participation-capped", "Participates to a cap", fortress_core::ParticipationKind::Capped),
];

/// The anti-dilution choices: element id, label, kind.
#[cfg(feature = "full")]
const ANTI_DILUTION: [(&str, &str, fortress_core::AntiDilutionKind); 3] = [
    ("terms-anti-dilution-none", "None", fortress_core::AntiDilutionKind::None),
    ("terms-anti-dilution-broad", "Broad-based weighted average", fortress_core::AntiDilutionKind::BroadBased),
    ("terms-anti-dilution-ratchet", "Full ratchet", fortress_core::AntiDilutionKind::FullRatchet),
];

/// The terms of the last round's shares: common, or a preferred class with a
/// preference, participation (capped or not) and anti-dilution. The exit
/// section shows what they do at a sale.
#[cfg(feature = "full")]
fn terms_controls(state: &StateHandle) -> Html {
    use crate::input::plain_multiple;
    use crate::state::{TermsEdit, DEFAULT_CAP_MICROS};
    use fortress_core::{AntiDilutionKind, Multiple, ParticipationKind};
    let Some(round) = state.scenario.rounds.last() else { return Html::default() };
    let terms = round.terms;
    let on = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.dispatch(Action::Terms(TermsEdit::On(e.target_unchecked_into::<HtmlInputElement>().checked())))
        })
    };
    let participation = |kind: ParticipationKind| {
        let state = state.clone();
        Callback::from(move |_: Event| state.dispatch(Action::Terms(TermsEdit::Participation(kind))))
    };
    let anti_dilution = |kind: AntiDilutionKind| {
        let state = state.clone();
        Callback::from(move |_: Event| state.dispatch(Action::Terms(TermsEdit::AntiDilution(kind))))
    };
    let radio =
        |name: &'static str, id: &'static str, label: &'static str, checked: bool, onchange: Callback<Event>| {
            html! {
                <label>
                    <input type="radio" {name} {id} {checked} {onchange} disabled={terms.is_none()} />
                    {label}
                </label>
            }
        };
    let shown = terms.unwrap_or(fortress_core::ClassTerms::ONE_X);
    let part = shown.participation;
    let ad = shown.anti_dilution;
    html! {
        <fieldset class="group" id="terms-controls">
            <legend>{format!("The terms of the {} shares", round.name)}</legend>
            <label class="check">
                <input type="checkbox" id="terms-on" checked={terms.is_some()} onchange={on} />
                {"Preferred shares, with a liquidation preference"}
            </label>
            <NumberField
                id="terms-preference"
                label="Liquidation preference (times the price paid)"
                unit="x"
                value={plain_multiple(shown.preference)}
                min="0" max="3" step="0.25"
                disabled={terms.is_none()}
                status={FieldStatus::of(state, &Control::Terms)}
                on_input={dispatch(state, |text| Action::Terms(TermsEdit::Preference(text)))}
            />
            <fieldset class="switch">
                <legend>{"Beyond the preference"}</legend>
                { for PARTICIPATION.iter().map(|&(id, label, kind)| radio("terms-participation", id, label, part == kind, participation(kind))) }
            </fieldset>
            if part == ParticipationKind::Capped && terms.is_some() {
                <NumberField
                    id="terms-cap"
                    label="Participation cap (times the price paid, preference included)"
                    unit="x"
                    value={plain_multiple(shown.cap.unwrap_or(Multiple::from_micros(DEFAULT_CAP_MICROS)))}
                    min="1" max="10" step="0.5"
                    status={FieldStatus::of(state, &Control::Cap)}
                    on_input={dispatch(state, |text| Action::Terms(TermsEdit::Cap(text)))}
                />
            }
            <fieldset class="switch">
                <legend>{"Anti-dilution"}</legend>
                { for ANTI_DILUTION.iter().map(|&(id, label, kind)| radio("terms-anti-dilution", id, label, ad == kind, anti_dilution(kind))) }
            </fieldset>
        </fieldset>
    }
}

#[cfg(feature = "full")]
fn name_controls(state: &StateHandle) -> Html {
    let scenario = &state.scenario;
    let mut named: Vec<(String, String)> = scenario.holders.iter().map(|h| (h.id.clone(), h.name.clone())).collect();
    if let Some(round) = scenario.rounds.last() {
        named.extend(round.investments.iter().filter_map(|i| Some((i.holder.clone(), i.name.clone()?))));
    }
    let fields = named.into_iter().map(|(id, name)| {
        let holder = id.clone();
        text_field(TextFieldProps {
            id: format!("name-{id}").into(),
            label: format!("Rename {name}").into(),
            value: name.into(),
            status: FieldStatus::of(state, &Control::Name(id)),
            on_change: dispatch(state, move |name| Action::Rename { holder: holder.clone(), name }),
        })
    });
    let open = state.error.as_ref().is_some_and(|e| matches!(e.at, Control::Name(_)));
    html! {
        <details class="group names" {open}>
            <summary>{"Rename holders"}</summary>
            { for fields }
        </details>
    }
}
