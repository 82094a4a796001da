//! Ownership before and after, drawn as inline SVG: for each holder a thin
//! bar for before and a thick one for after, on one scale.

use yew::prelude::*;

use super::StateHandle;
use crate::fmt::{self, Style};

/// The drawing's width in SVG units; it scales to its box.
const WIDTH: f64 = 320.0;
/// Height of one holder's row: name line, before bar, after bar, gap.
const ROW: f64 = 46.0;
/// Colours cycle through this many classes (`h0`..), set in the style sheet.
const COLOURS: usize = 8;

/// The ownership chart.
pub fn chart(state: &StateHandle) -> Html {
    let stages = &state.outcome.stages;
    let (Some(first), Some(last)) = (stages.first(), stages.last()) else {
        return Html::default();
    };
    // One scale for every bar: the largest stake, rounded up to ten points.
    let largest = last.holders.iter().chain(&first.holders).map(|h| h.percent).fold(10.0_f64, f64::max);
    let comparison = state.comparison.as_ref().map(|(c, _)| c);
    let largest = comparison.iter().flat_map(|c| &c.holders).filter_map(|h| h.baseline_percent).fold(largest, f64::max);
    let scale = (largest / 10.0).ceil() * 10.0;
    // A third, thin bar for the baseline's stake, when there is one.
    let row_height = if comparison.is_some() { ROW + 8.0 } else { ROW };
    // The holders the table shows (the largest of a large table, until the reader asks for all).
    let (shown, left_out) = state.shown_holders();
    let height = row_height * shown.len() as f64 + 18.0;
    let mut description = String::new();
    let bars = shown.iter().enumerate().map(|(i, h)| {
        let before = first.holder(&h.id).map_or(0.0, |b| b.percent);
        let y = row_height * i as f64;
        let baseline =
            comparison.and_then(|c| c.holders.iter().find(|b| b.id == h.id)).map(|b| b.baseline_percent.unwrap_or(0.0));
        let colour = format!("bar h{}", i % COLOURS);
        let before_text = fmt::percent(before, Style::Percent1);
        let after_text = fmt::percent(h.percent, Style::Percent1);
        description.push_str(&format!("{}: {} before, {} after", h.name, before_text, after_text));
        if let Some(b) = baseline {
            description.push_str(&format!(", {} in the baseline", fmt::percent(b, Style::Percent1)));
        }
        description.push_str(". ");
        html! {
            <g data-holder={h.id.clone()} class={classes!((h.id == state.focus).then_some("focus"))}>
                <text x="0" y={fmt_num(y + 13.0)} class="chart-name">{h.name.clone()}</text>
                <text x={fmt_num(WIDTH)} y={fmt_num(y + 13.0)} class="chart-value" text-anchor="end">
                    {format!("{before_text} \u{2192} {after_text}")}
                </text>
                <rect class={format!("{colour} before")} data-holder={h.id.clone()} data-stage="before"
                    x="0" y={fmt_num(y + 18.0)} height="7" width={fmt_num(WIDTH * before / scale)} />
                <rect class={colour} data-holder={h.id.clone()} data-stage="after"
                    x="0" y={fmt_num(y + 27.0)} height="12" width={fmt_num(WIDTH * h.percent / scale)} />
                if let Some(b) = baseline {
                    <rect class="bar baseline" data-holder={h.id.clone()} data-stage="baseline"
                        x="0" y={fmt_num(y + 41.0)} height="5" width={fmt_num(WIDTH * b / scale)} />
                }
            </g>
        }
    });
    let bars: Html = bars.collect();
    if left_out > 0 {
        description.push_str(&format!("{left_out} smaller holders are not drawn."));
    }
    html! {
        <section class="card" part="chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{"Ownership before and after"}</h2>
            <svg id="ownership-chart" viewBox={format!("0 0 {} {}", fmt_num(WIDTH), fmt_num(height))}
                role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMinYMin meet">
                <title id="chart-title">{format!("Ownership before and after {}", last.label)}</title>
                <desc id="chart-desc">{description}</desc>
                { bars }
                <text x="0" y={fmt_num(height - 2.0)} class="chart-axis">{"0%"}</text>
                <text x={fmt_num(WIDTH)} y={fmt_num(height - 2.0)} class="chart-axis" text-anchor="end">
                    {format!("{}%", fmt_num(scale))}
                </text>
            </svg>
            <p class="legend muted small" aria-hidden="true">
                <span class="key key-before"></span>{" before "}
                <span class="key key-after"></span>{" after"}
                if comparison.is_some() {
                    <span class="key key-baseline"></span>{" baseline"}
                }
                {" (bars to scale, 0 to the largest stake)"}
            </p>
        </section>
    }
}

/// An SVG coordinate to two decimals at most, written with integers so that
/// no float formatting is linked into the wasm.
#[allow(clippy::cast_possible_truncation)]
fn fmt_num(v: f64) -> String {
    crate::input::plain((v * 100.0).round() as i128, 2)
}
