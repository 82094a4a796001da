//! The top of the widget: the scenario's title, the preset picker and reset,
//! the headline for the holder in focus, and the caveats.

use fortress_core::{presets, Compare};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::StateHandle;
use crate::fmt::{self, Style};
use crate::state::CompareChoice;
use crate::Action;

/// Title, presets and the holder in focus.
pub fn header(state: &StateHandle) -> Html {
    let on_preset = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.dispatch(Action::Preset(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let on_focus = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.dispatch(Action::Focus(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Reset))
    };
    // Every preset, whether this build carries it or the full build does (picking one hands over).
    let presets = presets::listed().map(|(name, summary)| {
        html! { <option value={name} selected={name == state.preset}>{summary}</option> }
    });
    let last = state.outcome.last_stage();
    let holders = last.map(|stage| stage.holders.as_slice()).unwrap_or_default();
    let focus_options = holders.iter().map(|h| {
        html! { <option value={h.id.clone()} selected={h.id == state.focus}>{h.name.clone()}</option> }
    });
    let on_compare = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let choice = match value.as_str() {
                "auto" => CompareChoice::Auto,
                "off" => CompareChoice::Off,
                "pin" => CompareChoice::Pin,
                name => CompareChoice::Preset(name.to_owned()),
            };
            state.dispatch(Action::Compare(choice));
        })
    };
    // The choice the scenario holds: a pinned scenario shows as pinned.
    let chosen = match &state.scenario.compare {
        None => "auto",
        Some(Compare::Off) => "off",
        Some(Compare::Preset(name)) => name.as_str(),
        Some(Compare::Scenario(_)) => "pinned",
    };
    let compare_options = presets::ALL.iter().map(|p| {
        html! { <option value={p.name} selected={chosen == p.name}>{format!("Preset: {}", p.summary)}</option> }
    });
    html! {
        <header class="top" part="header">
            <h1>{state.scenario.title.clone()}</h1>
            <div class="pickers">
                <span class="picker">
                    <label for="preset">{"Scenario"}</label>
                    <select id="preset" onchange={on_preset}>{ for presets }</select>
                </span>
                <button type="button" id="reset" onclick={on_reset}>{"Reset to preset"}</button>
                <span class="picker">
                    <label for="focus">{"Holder in focus"}</label>
                    <select id="focus" onchange={on_focus}>{ for focus_options }</select>
                </span>
                <span class="picker">
                    <label for="compare">{"Compare with"}</label>
                    <select id="compare" onchange={on_compare}>
                        <option value="auto" selected={chosen == "auto"}>{"The preset it came from, once moved"}</option>
                        <option value="off" selected={chosen == "off"}>{"Nothing"}</option>
                        { for compare_options }
                        if chosen == "pinned" {
                            <option value="pinned" selected=true disabled=true>{"The scenario you pinned"}</option>
                        }
                        <option value="pin">{"This scenario as it is now (pin it)"}</option>
                    </select>
                </span>
            </div>
        </header>
    }
}

/// "Microsoft 27.0% → 23.5%, worth $197B", then the answer on exclusivity:
/// its status on the as-of date, why in one line, and when it changes.
pub fn headline(state: &StateHandle) -> Html {
    let first = state.outcome.stages.first();
    let last = state.outcome.last_stage();
    let row = last.and_then(|stage| stage.holder(&state.focus));
    let stake = match row {
        Some(row) => {
            let before = first.and_then(|stage| stage.holder(&row.id)).map_or(0.0, |h| h.percent);
            let worth = row.value.map(|v| format!(", worth {}", fmt::money(v))).unwrap_or_default();
            let against = state.comparison.as_ref().and_then(|(comparison, _)| {
                let points = comparison.holders.iter().find(|h| h.id == row.id)?.points;
                Some(format!(" ({} points against the baseline)", fmt::points(points)))
            });
            html! {
                <p id="headline" class="headline" aria-live="polite">
                    <strong>{row.name.clone()}</strong>{" "}
                    <span data-col="percent-before">{fmt::percent(before, Style::Percent1)}</span>
                    {" \u{2192} "}
                    <span data-col="percent-after">{fmt::percent(row.percent, Style::Percent1)}</span>
                    {worth}
                    if let Some(against) = against {
                        <span class="against" data-col="against">{against}</span>
                    }
                </p>
            }
        }
        None => html! { <p id="headline" class="headline" aria-live="polite">{"No holder to show."}</p> },
    };
    html! {
        <div class="answer" part="headline">
            { stake }
            { key_term(state) }
        </div>
    }
}

/// "Azure API exclusivity: ✖ Ended on Oct 1, 2026 · stakes have no bearing on it · ended Apr 27, 2026 by the amendment".
fn key_term(state: &StateHandle) -> Html {
    let Some(key) = &state.outcome.key_term else { return Html::default() };
    let on = state.outcome.terms.iter().find(|t| t.id == key.term).map(|t| fmt::date(t.as_of)).unwrap_or_default();
    let change =
        key.change.as_ref().map(|c| format!(" \u{b7} {} {} by {}", c.status.becomes(c.past), fmt::date(c.date), c.by));
    html! {
        <p id="key-term" class="key-term" data-term={key.term.to_string()} data-status={key.status.name()} aria-live="polite">
            <strong>{key.title.to_string()}</strong>{": "}
            <span class={classes!("status", format!("status-{}", key.status.name()))}>
                <span aria-hidden="true">{key.status.symbol()}</span>{" "}{key.status.title()}
            </span>
            {format!(" on {on} \u{b7} {}", key.line)}
            {change.unwrap_or_default()}
        </p>
    }
}

/// The caveats a reader should see next to the numbers (disputed readings).
pub fn notes(state: &StateHandle) -> Html {
    if state.scenario.notes.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="notes" part="notes" aria-label="Notes on the figures">
            { for state.scenario.notes.iter().map(|note| {
                let kind = note.kind.label();
                html! {
                    <li class={classes!((!kind.is_empty()).then(|| format!("note-{kind}")))}>
                        if !kind.is_empty() {
                            <span class={classes!("badge", format!("badge-{kind}"))}>{kind}</span>{" "}
                        }
                        {note.text.clone()}
                    </li>
                }
            }) }
        </ul>
    }
}
