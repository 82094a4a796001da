//! The fortress over time: one strip of the story's days, from the
//! recapitalization to today, each a button that judges the scenario on that
//! day; then, for every term, what changed and when, as a list and as a table.

use fortress_core::terms::{PointKind, Status};
use fortress_core::Date;
use yew::prelude::*;

use super::StateHandle;
use crate::fmt;
use crate::input::DateEntry;
use crate::Action;

fn kind_name(kind: &PointKind) -> &'static str {
    match kind {
        PointKind::Regime => "regime",
        PointKind::Round => "round",
        PointKind::Tranche => "tranche",
        PointKind::Event(_) => "event",
    }
}

fn status_cell(status: Status) -> Html {
    html! {
        <span class={classes!("status", format!("status-{}", status.name()))}>
            <span aria-hidden="true">{status.symbol()}</span>{" "}{status.title()}
        </span>
    }
}

/// One day of the strip: a button that judges the scenario on it.
fn day_button(state: &StateHandle, date: Date, what: &str, class: &'static str) -> Html {
    let current = state.outcome.terms.first().map(|t| t.as_of) == Some(date);
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::AsOf(DateEntry::Iso(date.to_string()))))
    };
    let when = fmt::date(date);
    html! {
        <li class={classes!("point", class, current.then_some("current"))} data-date={date.to_string()}>
            // The name is the visible words, after a hidden "Judge on" (no aria-label, so that
            // what a speech-input user reads out is the button's name).
            <button type="button" {onclick} aria-pressed={current.to_string()}>
                <span class="dot" aria-hidden="true"></span>
                <span class="visually-hidden">{"Judge on "}</span>
                <span class="when">{when}</span>
                <span class="what">{what.to_owned()}</span>
            </button>
        </li>
    }
}

/// The strip, the changes and the table.
pub fn timeline(state: &StateHandle) -> Html {
    let timeline = &state.outcome.timeline;
    if timeline.points.is_empty() {
        return Html::default();
    }
    let mut days: Vec<Html> =
        timeline.points.iter().map(|p| day_button(state, p.date, &p.label, kind_name(&p.kind))).collect();
    let last = timeline.points.last().map(|p| p.date);
    if let Some(today) = crate::today().filter(|&today| Some(today) > last) {
        days.push(day_button(state, today, "today", "today"));
    }
    // Each term's title as judged now: every regime lists the terms in the timeline's order.
    let titled = timeline.terms.iter().zip(&state.outcome.terms).enumerate();
    // Only the terms whose status changes; the table below has them all.
    let changes = titled.clone().filter_map(|(i, (id, term))| {
        let steps = timeline.changes.get(i).filter(|steps| steps.len() > 1)?;
        let steps = steps.iter().filter_map(|&p| {
            let point = timeline.points.get(p)?;
            let status = *point.statuses.get(i)?;
            Some(html! {
                <span class="step">
                    { status_cell(status) }{format!(" {} ({})", fmt::date(point.date), point.label)}
                </span>
            })
        });
        let steps: Vec<Html> = steps.collect();
        let arrows = steps.into_iter().enumerate().map(|(k, step)| {
            html! { <>if k > 0 { <span class="arrow">{" \u{2192} "}</span> }{step}</> }
        });
        Some(html! {
            <li data-term={id.to_string()}><strong>{term.title.to_string()}</strong>{": "}{ for arrows }</li>
        })
    });
    let head = timeline.points.iter().map(|p| {
        html! { <th scope="col">{fmt::date(p.date)}<br /><span class="muted small">{p.label.clone()}</span></th> }
    });
    let rows = titled.map(|(i, (id, term))| {
        let cells = timeline.points.iter().map(|p| {
            html! { <td>{ p.statuses.get(i).map(|&s| status_cell(s)).unwrap_or_default() }</td> }
        });
        html! { <tr data-term={id.to_string()}><th scope="row">{term.title.to_string()}</th>{ for cells }</tr> }
    });
    html! {
        <section class="card" part="timeline" aria-labelledby="timeline-heading" id="timeline-card">
            <h2 id="timeline-heading">{"The fortress over time"}</h2>
            <p class="muted small" id="timeline-help">
                {"Pick a day to judge the terms on it (and, when the money is counted as paid, to see the table \
                  that day)."}
            </p>
            <ol class="timeline" id="timeline" aria-describedby="timeline-help">{ for days }</ol>
            <h3>{"What changed, and when"}</h3>
            <ul class="changes" id="term-changes">{ for changes }</ul>
            <p class="muted small">{"The other terms keep one status throughout."}</p>
            <details>
                <summary>{"Every term on every day"}</summary>
                <div class="table-scroll" role="region" aria-labelledby="timeline-caption" tabindex="0">
                    <table id="timeline-table">
                        <caption id="timeline-caption">{"The status of every term on each day of the story"}</caption>
                        <thead><tr><th scope="col">{"Term"}</th>{ for head }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
