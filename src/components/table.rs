//! The cap table before and after the round, as a real table.

use fortress_core::{Confidence, HolderRow};
use yew::prelude::*;

use super::StateHandle;
use crate::fmt::{self, Style};
use crate::state::Action;

const DASH: &str = "\u{2014}";

fn value(v: Option<u128>) -> String {
    v.map_or_else(|| DASH.to_owned(), fmt::money)
}

/// The after-round cap table, with the starting table beside it.
pub fn cap_table(state: &StateHandle) -> Html {
    let stages = &state.outcome.stages;
    let (Some(first), Some(last)) = (stages.first(), stages.last()) else {
        return html! { <section class="card"><p>{"No table to show."}</p></section> };
    };
    let caption = if stages.len() > 1 {
        format!("Cap table before and after {}", last.label)
    } else {
        "Cap table (no round yet)".to_owned()
    };
    let comparison = state.comparison.as_ref();
    let baseline = |id: &str| comparison.and_then(|(c, _)| c.holders.iter().find(|h| h.id == id));
    let row = |h: &HolderRow| {
        let before = first.holder(&h.id);
        let compared = baseline(&h.id).map(|b| {
            html! {
                <>
                    <td data-col="baseline-after">
                        {b.baseline_percent.map_or_else(|| DASH.to_owned(), |p| fmt::percent(p, Style::Percent4))}
                    </td>
                    <td data-col="baseline-change">{fmt::points(b.points)}</td>
                </>
            }
        });
        let focus = h.id == state.focus;
        let change_class = if h.change_points < -0.00005 {
            "down"
        } else if h.change_points > 0.00005 {
            "up"
        } else {
            "same"
        };
        html! {
            <tr data-holder={h.id.clone()} class={classes!(focus.then_some("focus"))}>
                <th scope="row">{h.name.clone()}</th>
                <td data-col="percent-before">
                    {before.map_or_else(|| DASH.to_owned(), |b| fmt::percent(b.percent, Style::Percent4))}
                </td>
                <td data-col="percent-after">{fmt::percent(h.percent, Style::Percent4)}</td>
                <td data-col="change" class={change_class}>{fmt::points(h.change_points)}</td>
                <td data-col="value-before">{value(before.and_then(|b| b.value))}</td>
                <td data-col="value-after">{value(h.value)}</td>
                <td data-col="shares-before" class="shares">
                    {before.map_or_else(|| DASH.to_owned(), |b| fmt::count(b.shares))}
                </td>
                <td data-col="shares-after" class="shares">{fmt::count(h.shares)}</td>
                { compared.unwrap_or_default() }
            </tr>
        }
    };
    let disputed = state.scenario.sources.iter().any(|s| s.confidence == Confidence::Disputed);
    let (shown, left_out) = state.shown_holders();
    let columns = if comparison.is_some() { 10 } else { 8 };
    html! {
        <section class="card" part="table" aria-labelledby="cap-heading">
            <h2 id="cap-heading">{"Who owns what"}</h2>
            <div class="table-scroll" role="region" aria-labelledby="cap-caption" tabindex="0">
                <table id="cap-table">
                    <caption id="cap-caption">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{"Holder"}</th>
                            <th scope="col">{"Stake before"}</th>
                            <th scope="col">{"Stake after"}</th>
                            <th scope="col">{"Change (points)"}</th>
                            <th scope="col">{"Value before"}</th>
                            <th scope="col">{"Value after"}</th>
                            <th scope="col" class="shares">{"Shares before"}</th>
                            <th scope="col" class="shares">{"Shares after"}</th>
                            if comparison.is_some() {
                                <th scope="col" class="baseline">{"Baseline stake after"}</th>
                                <th scope="col" class="baseline">{"Against the baseline (points)"}</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.into_iter().map(row) }
                        if left_out > 0 {
                            <tr class="more-holders">
                                <td colspan={columns.to_string()}>{ all_holders(state, left_out) }</td>
                            </tr>
                        }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{"Total"}</th>
                            <td data-col="percent-before">{fmt::percent(100.0, Style::Percent4)}</td>
                            <td data-col="percent-after">{fmt::percent(100.0, Style::Percent4)}</td>
                            <td></td>
                            <td data-col="value-before">{value(first.post_money)}</td>
                            <td data-col="value-after">
                                {value(last.post_money)}
                                if disputed {
                                    <span class="badge badge-disputed" title="Pre- or post-money: sources disagree">
                                        {"disputed"}
                                    </span>
                                }
                            </td>
                            <td class="shares" data-col="shares-before">{fmt::count(first.total_shares)}</td>
                            <td class="shares" data-col="shares-after">{fmt::count(last.total_shares)}</td>
                            if comparison.is_some() {
                                <td></td><td></td>
                            }
                        </tr>
                    </tfoot>
                </table>
            </div>
            if let Some((_, label)) = comparison {
                <p class="compared small" id="compared-with">{format!("Baseline: {label}.")}</p>
            }
            { pending(state) }
            <p class="muted small">
                {"Shares are counted on a fixed base of 10\u{b9}\u{b2} for the starting table; stakes and values \
                  are derived from them exactly."}
            </p>
        </section>
    }
}

/// "Show all" under a large table's largest holders (`State::shown_holders`).
fn all_holders(state: &StateHandle, left_out: usize) -> Html {
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::AllHolders(true)))
    };
    html! {
        <>
            <span class="small muted">{format!("{left_out} smaller holders are not shown here (the CSV has every one). ")}</span>
            <button type="button" id="all-holders" aria-controls="cap-table" {onclick}>{"Show all"}</button>
        </>
    }
}

/// The money committed but not yet paid on the as-of date, when the table counts only what was paid.
fn pending(state: &StateHandle) -> Html {
    let pending = &state.outcome.pending;
    if pending.is_empty() {
        return Html::default();
    }
    let on = state.outcome.terms.first().map(|t| fmt::date(t.as_of)).unwrap_or_default();
    html! {
        <div class="pending" id="pending">
            <h3>{format!("Not yet paid on {on}")}</h3>
            <ul>
                { for pending.iter().map(|p| html! {
                    <li data-holder={p.holder.clone()}>
                        {format!("{}: {} due {}", p.name, fmt::money(p.amount), fmt::date(p.date))}
                    </li>
                }) }
            </ul>
        </div>
    }
}
