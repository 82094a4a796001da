//! The exit (the full build's): a sale price to drag or type, who gets what
//! as a stacked bar and a real table, and each share class's choice in words.
//! Every figure comes from the core's `ExitOutcome`.

use fortress_core::exit::ExitOutcome;
use fortress_core::Dollars;
use yew::prelude::*;

use super::fields::NumberField;
use super::{FieldStatus, StateHandle};
use crate::fmt::{self, Style};
use crate::input::plain_billions;
use crate::state::{Action, Control};

/// The bar's width in SVG units; it scales to its box.
const WIDTH: f64 = 320.0;
/// Colours cycle through this many classes (`h0`..), as the chart's do.
const COLOURS: usize = 8;
/// A segment narrower than this many units carries no label inside it.
const LABELLED: f64 = 40.0;

/// The exit section, when the scenario has an exit to show; nothing otherwise.
pub fn exit(state: &StateHandle) -> Html {
    let Some(exit) = state.outcome.exit.as_ref() else {
        return Html::default();
    };
    let on_input = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Exit(text)))
    };
    // The box shows the price, at most the largest a scenario accepts (a post-money can be more).
    let value = i64::try_from(exit.value).map_or(Dollars::MAX, Dollars).min(Dollars::MAX);
    let price = fmt::money(exit.value);
    let sale = if exit.asked {
        format!("The company sold for {price}.")
    } else {
        format!("No sale price is set: the last post-money valuation, {price}, is shared out.")
    };
    let preferences = if exit.preferences > 0 {
        format!(" The preferences come first: {} in all.", fmt::money(exit.preferences))
    } else {
        " No class has a preference: every share is paid alike.".to_owned()
    };
    // Said as the price moves: what the holder in focus gets.
    let focus = exit.holders.iter().find(|h| h.id == state.focus);
    let gets = focus.map(|h| format!(" {} gets {}.", h.name, fmt::money(h.amount))).unwrap_or_default();
    let summary = format!("{sale}{preferences}{gets}");
    html! {
        <section class="card exit" part="exit" aria-labelledby="exit-heading">
            <h2 id="exit-heading">{"If the company were sold"}</h2>
            <NumberField
                id="exit"
                label="Sale price"
                unit="$B"
                value={plain_billions(value)}
                min="10" max="3000" step="10"
                described_by={AttrValue::from("exit-summary")}
                status={FieldStatus::of(state, &Control::Exit)}
                {on_input}
            />
            <p class="summary" id="exit-summary" aria-live="polite">{summary}</p>
            if let Some(error) = &exit.error {
                <p class="field-error" role="alert" id="exit-error">
                    <span aria-hidden="true">{"\u{26a0}\u{fe0e} "}</span>
                    {format!("This sale cannot be shared out: {error}.")}
                </p>
            } else {
                { bar(state, exit) }
                { table(state, exit) }
                { choices(exit) }
            }
        </section>
    }
}

/// Who gets what as one stacked bar: a segment per holder, to scale, with
/// its name above it where it fits; a segment too narrow for its name has it
/// in its tooltip, and the table below says everything in words and figures.
fn bar(state: &StateHandle, exit: &ExitOutcome) -> Html {
    let mut x = 0.0;
    let mut description = String::new();
    let (shown, left_out) = state.shown_exit_holders();
    let segments = shown.into_iter().enumerate().filter(|(_, h)| h.amount > 0).map(|(i, h)| {
        let width = WIDTH * h.percent / 100.0;
        let at = x;
        x += width;
        let share = fmt::percent(h.percent, Style::Percent1);
        description.push_str(&format!("{}: {} ({share}). ", h.name, fmt::money(h.amount)));
        html! {
            <g data-holder={h.id.clone()}>
                <rect class={format!("bar h{}", i % COLOURS)} x={num(at)} y="16" height="24" width={num(width)}>
                    <title>{format!("{}: {} ({share})", h.name, fmt::money(h.amount))}</title>
                </rect>
                if width >= LABELLED {
                    <text class="chart-name" x={num(at)} y="12">{short_name(&h.name, width)}</text>
                }
            </g>
        }
    });
    let segments: Html = segments.collect();
    if left_out > 0 {
        description.push_str(&format!("{left_out} smaller payouts are not drawn."));
    }
    html! {
        <svg id="exit-bar" viewBox={format!("0 0 {} 40", num(WIDTH))} role="img"
            aria-labelledby="exit-bar-title" aria-describedby="exit-bar-desc" preserveAspectRatio="xMinYMin meet">
            <title id="exit-bar-title">{format!("Who gets what of {}", fmt::money(exit.value))}</title>
            <desc id="exit-bar-desc">{description}</desc>
            { segments }
        </svg>
    }
}

/// Who gets what as a table: each holder, what it holds, what it gets, short and to the dollar.
fn table(state: &StateHandle, exit: &ExitOutcome) -> Html {
    let (shown, left_out) = state.shown_exit_holders();
    let all = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::AllHolders(true)))
    };
    let rows = shown.into_iter().map(|h| {
        let holds = h.holdings.iter().map(|(class, _)| class.as_str()).collect::<Vec<_>>().join(", ");
        html! {
            <tr data-holder={h.id.clone()}>
                <th scope="row">{h.name.clone()}</th>
                <td data-col="holds">{holds}</td>
                <td data-col="gets">{fmt::money(h.amount)}</td>
                <td data-col="share">{fmt::percent(h.percent, Style::Percent1)}</td>
                <td data-col="exact" class="shares">{dollars(h.amount)}</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" role="region" aria-labelledby="exit-caption" tabindex="0">
            <table id="exit-table">
                <caption id="exit-caption">{format!("Who gets what of a sale for {}", fmt::money(exit.value))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{"Holder"}</th>
                        <th scope="col">{"Holds"}</th>
                        <th scope="col">{"Gets"}</th>
                        <th scope="col">{"Share of the sale"}</th>
                        <th scope="col">{"To the dollar"}</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            if left_out > 0 {
                <p>
                    <span class="small muted">{format!("{left_out} smaller payouts are not shown here. ")}</span>
                    <button type="button" id="exit-all-holders" aria-controls="exit-table" onclick={all}>
                        {"Show all"}
                    </button>
                </p>
            }
        </div>
    }
}

/// Each class's terms and choice, in words; the down rounds' adjustments;
/// and the rounds whose terms are not known.
fn choices(exit: &ExitOutcome) -> Html {
    let classes = exit.classes.iter().filter(|c| c.shares > 0).map(|c| {
        html! {
            <li data-class={c.id.clone()}>
                <strong>{c.name.clone()}</strong>{format!(" ({}): ", c.terms)}
                <span class="exit-choice">{c.choice_label}</span>{format!(", {}. ", fmt::money(c.amount))}
                <span class="muted">{capitalised(&c.reason)}{"."}</span>
            </li>
        }
    });
    let adjustments = exit.adjustments.iter().map(|a| html! { <li>{capitalised(&a.reason)}{"."}</li> });
    html! {
        <>
            <h3>{"What each class does"}</h3>
            <ul id="exit-choices" class="exit-choices">{ for classes }</ul>
            if !exit.adjustments.is_empty() {
                <h3>{"Conversion prices lowered by a down round"}</h3>
                <ul id="exit-adjustments">{ for adjustments }</ul>
            }
            if !exit.common_rounds.is_empty() {
                <p class="muted small">
                    {format!(
                        "Counted as common, for want of published terms: {}.",
                        exit.common_rounds.join(", ")
                    )}
                </p>
            }
        </>
    }
}

/// Whole dollars with separators: `$121,999,999,997`.
fn dollars(n: u128) -> String {
    format!("${}", fmt::count(n))
}

/// The first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// As much of a name as fits a segment `width` units wide, about 6 units a letter.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn short_name(name: &str, width: f64) -> String {
    let fits = ((width - 8.0) / 6.0).max(0.0) as usize;
    if name.chars().count() <= fits {
        return name.to_owned();
    }
    let kept: String = name.chars().take(fits.saturating_sub(1)).collect();
    format!("{}\u{2026}", kept.trim_end())
}

/// An SVG coordinate to two decimals at most, written with integers.
#[allow(clippy::cast_possible_truncation)]
fn num(v: f64) -> String {
    crate::input::plain((v * 100.0).round() as i128, 2)
}
