//! The sensitivity map: the holder in focus's stake (or the exclusivity
//! term's status) over a grid of round sizes and valuations, recomputed as the
//! other controls move.
//!
//! It comes in two parts. [`sensitivity`] is the widget's section: a heading,
//! a button that shows or hides the map, and an empty element the map is
//! drawn into. The map itself, [`MapPanel`], is a Yew app of its own in the
//! reader tools' wasm (`tools/`), which the widget loads only when a reader
//! first shows the map (`crate::later`), so that the widget's page does not
//! carry it. The widget hands it the scenario (as its share link's fragment)
//! and the holder in focus, and it hands back the cell a reader picks.
//!
//! Whoever mounts the panel works out the grid with the core
//! (`fortress_core::sensitivity`, through [`map_of`]); the panel draws it on one small canvas (one pixel a cell,
//! scaled up by CSS), so the DOM stays a handful of elements.
//!
//! The map is one focusable element: arrow keys (or the pointer) move a
//! cursor whose numbers a live region reads out; Enter (or a click) sets the
//! round to that cell: the panel works out that scenario and hands it to the
//! widget as a share-link fragment ([`Action::MapPick`]).

use std::rc::Rc;

use fortress_core::sensitivity::{self as core_map, Cell, Grid, Proceeds};
use fortress_core::terms::Status;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};
use yew::prelude::*;

use crate::fmt::{self, Style};
use crate::state::Action;

/// Props of [`SensitivityMap`].
#[derive(Clone, PartialEq, Properties)]
pub struct SensitivityMapProps {
    /// The map of the scenario as it is, drawn around its last round; `None` when it has none.
    pub grid: Option<Rc<Grid>>,
    /// The holder in focus, by name.
    pub holder_name: AttrValue,
    /// The title of the term whose status is mapped.
    pub term_title: AttrValue,
    /// Called with (round size, valuation) in dollars when a cell is picked.
    pub on_pick: Callback<(u128, u128)>,
    /// The scenario and the holder in focus's id, from which the holder's
    /// proceeds at a sale are worked out when a reader colours by them.
    #[prop_or_default]
    pub scenario: Option<Rc<fortress_core::Scenario>>,
    #[prop_or_default]
    pub holder: AttrValue,
    /// The sale price of the scenario's exit, when it has one (the full build's).
    #[prop_or_default]
    pub sale: Option<u128>,
}

/// What the map shows in its colours.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layer {
    Stake,
    Term,
    /// The holder's proceeds at the exit's sale price.
    Proceeds,
}

/// The holder's proceeds at one cell, exactly (the full build's; the lighter build has no exits).
#[cfg(feature = "full")]
fn proceeds_at(
    proceeds: &Proceeds,
    props: &SensitivityMapProps,
    grid: &Grid,
    column: usize,
    row: usize,
) -> Option<u128> {
    proceeds.at(grid, &props.holder, column, row)
}

#[cfg(not(feature = "full"))]
fn proceeds_at(_: &Proceeds, _: &SensitivityMapProps, _: &Grid, _: usize, _: usize) -> Option<u128> {
    None
}

/// The holder's proceeds over the grid at the exit's sale price, when asked for (the full build's).
#[cfg(feature = "full")]
fn proceeds_of(grid: Option<&Grid>, scenario: Option<&fortress_core::Scenario>, holder: &str) -> Option<Rc<Proceeds>> {
    core_map::proceeds(scenario?, grid?, holder).ok().flatten().map(Rc::new)
}

/// Where loading the map panel stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum MapLoad {
    /// Not asked for yet.
    #[default]
    Idle,
    /// The reader tools' wasm is on its way.
    Loading,
    /// The panel is drawn.
    Ready,
    /// It could not be loaded, and why.
    Failed(String),
}

/// The map's section in the widget, from the state and where loading the
/// map stands (`load`); `panel` is the element the map is drawn into.
pub fn sensitivity(state: &super::StateHandle, load: &MapLoad, panel: &NodeRef) -> Html {
    let heading = html! { <h2 id="sensitivity-heading">{"Sensitivity map"}</h2> };
    let shown = state.map_shown;
    let on_toggle = state.dispatcher();
    let on_toggle = Callback::from(move |_: MouseEvent| on_toggle.dispatch(Action::ShowMap(!shown)));
    // A disclosure button: it stays where it is, with the focus, as the map opens and closes.
    let label = if shown { "Hide the sensitivity map" } else { "Show the sensitivity map" };
    let status = match load {
        MapLoad::Loading => "Loading the map\u{2026}".to_owned(),
        MapLoad::Failed(message) => format!("The map could not be loaded: {message} Press the button to try again."),
        MapLoad::Idle | MapLoad::Ready => String::new(),
    };
    html! {
        <section key="map" class="card sensitivity" part="map" aria-labelledby="sensitivity-heading">
            {heading}
            <p class="muted small">
                {"The stake of the holder in focus, and the Azure API exclusivity, for every round size and \
                  valuation around this one."}
            </p>
            <button type="button" id="sensitivity-show" aria-expanded={shown.to_string()}
                aria-controls="sensitivity-panel" onclick={on_toggle}>{label}</button>
            <p class="muted small" id="sensitivity-status" role="status">{status}</p>
            // Drawn into by the map panel (a Yew app of its own): this app gives it no children.
            <div id="sensitivity-panel" ref={panel.clone()} hidden={!shown}></div>
        </section>
    }
}

/// What the map panel draws, worked out from the scenario's share-link
/// fragment and the holder in focus: the grid (coloured by the exclusivity
/// what-if's term), the holder's name and the term's title; or the reason
/// there is no map, in words.
///
/// ```
/// let fragment = fortress_format::link::encode(&fortress_core::presets::feb_2026_pre_money());
/// let map = fortress_widget::components::sensitivity::map_of(&fragment, "microsoft").unwrap();
/// assert_eq!((map.grid.current, map.holder_name.as_str()), ((31, 31), "Microsoft"));
/// assert!(fortress_widget::components::sensitivity::map_of("1.xyz", "microsoft").is_err());
/// ```
pub fn map_of(fragment: &str, holder: &str) -> Result<MapOf, String> {
    let scenario = fortress_format::link::decode(fragment).map_err(|e| e.to_string())?;
    if !core_map::mappable(&scenario) {
        return Err(NO_ROUND.to_owned());
    }
    // The deal's headline term: Azure API exclusivity for the Microsoft–OpenAI deal.
    let key_term = fortress_core::deal::of(&scenario).map_err(|e| e.to_string())?.key_term.to_string();
    let grid = core_map::grid(&scenario, holder, &key_term, core_map::STEPS).map_err(|e| e.to_string())?;
    let holder_name = scenario.holder_name(holder).to_owned();
    let outcome = fortress_core::evaluate(&scenario).map_err(|e| e.to_string())?;
    let term_title = outcome.terms.iter().find(|t| t.id == key_term.as_str()).map_or(key_term.as_str(), |t| &t.title);
    let term_title = term_title.to_owned();
    #[cfg(feature = "full")]
    let sale = outcome.exit.as_ref().map(|exit| exit.value);
    #[cfg(not(feature = "full"))]
    let sale = None;
    let holder = holder.to_owned();
    Ok(MapOf { grid: Rc::new(grid), holder_name, term_title, holder, sale, scenario: Rc::new(scenario) })
}

/// Why a scenario has no map.
pub const NO_ROUND: &str = "This scenario has no priced round with cheques to vary.";

/// The scenario of a picked cell, as a share-link fragment: `scenario`'s
/// last round scaled to `round_size` at `valuation`
/// (`fortress_core::sensitivity::scenario_at`).
pub fn pick(scenario: &fortress_core::Scenario, (round_size, valuation): (u128, u128)) -> Option<String> {
    core_map::scenario_at(scenario, round_size, valuation).ok().map(|s| fortress_format::link::encode(&s))
}

/// What [`map_of`] works out.
#[derive(Clone, Debug, PartialEq)]
pub struct MapOf {
    /// The scenario it is the map of.
    pub scenario: Rc<fortress_core::Scenario>,
    /// The grid.
    pub grid: Rc<Grid>,
    /// The holder in focus, by name.
    pub holder_name: String,
    /// The title of the term the map is coloured by.
    pub term_title: String,
    /// The holder in focus, by id.
    pub holder: String,
    /// The sale price of the scenario's exit, when it has one (the full build's).
    pub sale: Option<u128>,
}

/// Props of [`MapPanel`].
#[derive(Clone, PartialEq, Properties)]
pub struct MapPanelProps {
    /// What to draw: [`map_of`] the scenario and the holder in focus (worked
    /// out by whoever mounts the panel, when either changes).
    pub map: Rc<Result<MapOf, String>>,
    /// Called with the scenario of the cell a reader picks, as a share-link fragment.
    pub on_pick: Callback<String>,
    /// The locale of the widget it belongs to.
    pub locale: crate::fmt::Locale,
}

/// The map panel: the root of the Yew app the reader tools' wasm mounts into
/// the section's empty element. It draws the map, or says why there is none.
#[function_component]
pub fn MapPanel(props: &MapPanelProps) -> Html {
    crate::fmt::in_locale(props.locale, || map_panel(props))
}

fn map_panel(props: &MapPanelProps) -> Html {
    match &*props.map {
        Ok(map) => {
            let (scenario, on_pick) = (map.scenario.clone(), props.on_pick.clone());
            let on_pick = Callback::from(move |cell| {
                if let Some(fragment) = pick(&scenario, cell) {
                    on_pick.emit(fragment);
                }
            });
            html! {
                <SensitivityMap
                    grid={Some(map.grid.clone())}
                    holder_name={AttrValue::from(map.holder_name.clone())}
                    term_title={AttrValue::from(map.term_title.clone())}
                    {on_pick}
                    scenario={Some(map.scenario.clone())}
                    holder={AttrValue::from(map.holder.clone())}
                    sale={map.sale}
                />
            }
        }
        Err(reason) if reason == NO_ROUND => html! { <p class="muted" id="sensitivity-empty">{NO_ROUND}</p> },
        Err(reason) => {
            html! { <p class="muted" id="sensitivity-error">{format!("No map for this scenario: {reason}")}</p> }
        }
    }
}

/// The map itself: its props compare the shared grid, so that a change
/// elsewhere in the widget does not redraw it.
#[function_component]
pub fn SensitivityMap(props: &SensitivityMapProps) -> Html {
    let grid = props.grid.clone();
    let layer = use_state_eq(|| Layer::Stake);
    // The cursor, as (column, row); `None` follows the scenario's own cell.
    let cursor = use_state_eq(|| None::<(usize, usize)>);
    let canvas = use_node_ref();
    // The proceeds take a waterfall per cell: worked out only once a reader colours by them.
    #[cfg(feature = "full")]
    let wanted = *layer == Layer::Proceeds && props.sale.is_some();
    #[cfg(feature = "full")]
    let proceeds = use_memo(
        (grid.clone(), props.scenario.clone(), props.holder.clone(), wanted),
        |(grid, scenario, holder, wanted)| {
            if *wanted {
                proceeds_of(grid.as_deref(), scenario.as_deref(), holder)
            } else {
                None
            }
        },
    );
    #[cfg(feature = "full")]
    let proceeds = (*proceeds).clone();
    #[cfg(not(feature = "full"))]
    let proceeds: Option<Rc<Proceeds>> = None;
    {
        let canvas = canvas.clone();
        use_effect_with((grid.clone(), *layer, proceeds.clone()), move |(grid, layer, proceeds)| {
            if let Some(grid) = grid.as_ref() {
                draw(&canvas, grid, *layer, proceeds.as_deref());
            }
        });
    }
    let Some(grid) = grid.as_deref() else {
        return html! {};
    };
    let steps = grid.round_sizes.len();
    let at = cursor.unwrap_or(grid.current);
    let readout = describe(grid, at, props, proceeds.as_deref());
    let current = grid.cell(grid.current.0, grid.current.1).map(stake_text).unwrap_or_default();

    let cell_at = {
        let steps = steps as i32;
        move |e: &MouseEvent| {
            let target: HtmlCanvasElement = e.target_unchecked_into();
            let (w, h) = (target.client_width().max(1), target.client_height().max(1));
            let column = (e.offset_x() * steps / w).clamp(0, steps - 1);
            // Row 0 (the smallest valuation) is drawn at the bottom.
            let row = steps - 1 - (e.offset_y() * steps / h).clamp(0, steps - 1);
            (column as usize, row as usize)
        }
    };
    let on_move = {
        let cursor = cursor.clone();
        Callback::from(move |e: MouseEvent| cursor.set(Some(cell_at(&e))))
    };
    let on_click = {
        let cursor = cursor.clone();
        let grid_pick = grid_picker(grid, &props.on_pick);
        Callback::from(move |e: MouseEvent| {
            let at = cell_at(&e);
            cursor.set(None);
            grid_pick.emit(at);
        })
    };
    let on_key = {
        let cursor = cursor.clone();
        let grid_pick = grid_picker(grid, &props.on_pick);
        let last = steps.saturating_sub(1);
        Callback::from(move |e: KeyboardEvent| {
            let (column, row) = at;
            let next = match e.key().as_str() {
                "ArrowLeft" => (column.saturating_sub(1), row),
                "ArrowRight" => ((column + 1).min(last), row),
                "ArrowDown" => (column, row.saturating_sub(1)),
                "ArrowUp" => (column, (row + 1).min(last)),
                "Home" => (0, row),
                "End" => (last, row),
                "Enter" | " " => {
                    e.prevent_default();
                    cursor.set(None);
                    grid_pick.emit(at);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            cursor.set(Some(next));
        })
    };
    let on_layer = |l: Layer| {
        let layer = layer.clone();
        Callback::from(move |_: Event| layer.set(l))
    };
    let basis = grid.basis.label();
    // The cursor and the scenario's own cell, drawn as SVG rects over the canvas (attributes,
    // not inline styles, so a strict Content-Security-Policy allows them). Row 0 is at the bottom.
    let mark = |(column, row): (usize, usize)| (column.to_string(), (steps - 1 - row).to_string());
    let (mark_x, mark_y) = mark(grid.current);
    let (cursor_x, cursor_y) = mark(at);
    html! {
        <>
            <p class="muted small" id="sensitivity-help">
                {format!(
                    "{}'s stake after the round (or the term's status, or what it gets at a sale), for round \
                     sizes (across) and {basis} valuations (up) {}, marked. Arrow keys or the pointer read a cell; \
                     Enter or a click sets the round to it.",
                    props.holder_name,
                    grid.span()
                )}
            </p>
            <fieldset class="switch">
                <legend>{"Colour by"}</legend>
                <label>
                    <input type="radio" name="sensitivity-layer" id="sensitivity-layer-stake"
                        checked={*layer == Layer::Stake} onchange={on_layer(Layer::Stake)} />
                    {"Stake"}
                </label>
                <label>
                    <input type="radio" name="sensitivity-layer" id="sensitivity-layer-term"
                        checked={*layer == Layer::Term} onchange={on_layer(Layer::Term)} />
                    {props.term_title.clone()}
                </label>
                if let Some(sale) = props.sale {
                    <label>
                        <input type="radio" name="sensitivity-layer" id="sensitivity-layer-proceeds"
                            checked={*layer == Layer::Proceeds} onchange={on_layer(Layer::Proceeds)} />
                        {format!("Proceeds at a {} sale", fmt::money(sale))}
                    </label>
                }
            </fieldset>
            if let Some(stride) = proceeds.as_ref().map(|p| p.stride).filter(|&s| s > 1 && *layer == Layer::Proceeds) {
                <p class="muted small" id="sensitivity-sampled">
                    {format!(
                        "A large scenario: the proceeds colour blocks of {stride} by {stride} cells, each by its \
                         lower left cell; the readout works out each cell exactly."
                    )}
                </p>
            }
            <div class="heat-frame">
                <span class="heat-axis heat-y" aria-hidden="true">
                    {format!("{} {basis}", fmt::money(grid.valuations.last().copied().unwrap_or(0)))}
                </span>
                <div id="sensitivity-map" class="heat" role="application" tabindex="0"
                    aria-roledescription="heat map" aria-labelledby="sensitivity-heading"
                    aria-describedby={if proceeds.as_ref().is_some_and(|p| p.stride > 1) && *layer == Layer::Proceeds { "sensitivity-help sensitivity-sampled" } else { "sensitivity-help" }} data-grid-cells={(steps * steps).to_string()}
                    onkeydown={on_key}>
                    <canvas ref={canvas} width={steps.to_string()} height={steps.to_string()}
                        onmousemove={on_move} onclick={on_click} aria-hidden="true"></canvas>
                    <svg class="heat-marks" viewBox={format!("0 0 {steps} {steps}")} aria-hidden="true"
                        preserveAspectRatio="none">
                        <rect class="heat-mark" id="sensitivity-mark" x={mark_x} y={mark_y} width="1" height="1"
                            data-column={grid.current.0.to_string()} data-row={grid.current.1.to_string()} />
                        <rect class="heat-cursor" x={cursor_x} y={cursor_y} width="1" height="1" />
                    </svg>
                </div>
                <span class="heat-axis heat-x" aria-hidden="true">
                    {format!("round {} \u{2192} {}", fmt::money(grid.round_sizes.first().copied().unwrap_or(0)),
                        fmt::money(grid.round_sizes.last().copied().unwrap_or(0)))}
                </span>
            </div>
            <p class="readout" id="sensitivity-readout" aria-live="polite"
                data-column={at.0.to_string()} data-row={at.1.to_string()}>{readout}</p>
            <p class="muted small">
                {"Marked: the round as it is, "}{props.holder_name.clone()}{" "}
                <span id="sensitivity-current">{current}</span>
            </p>
        </>
    }
}

/// A callback that picks the cell at (column, row).
fn grid_picker(grid: &Grid, on_pick: &Callback<(u128, u128)>) -> Callback<(usize, usize)> {
    let (sizes, valuations) = (grid.round_sizes.clone(), grid.valuations.clone());
    let on_pick = on_pick.clone();
    Callback::from(move |(column, row): (usize, usize)| {
        if let (Some(&round_size), Some(&valuation)) = (sizes.get(column), valuations.get(row)) {
            on_pick.emit((round_size, valuation));
        }
    })
}

/// The stake in a cell, as the cap table writes it.
#[allow(clippy::cast_precision_loss)]
fn stake_text(cell: &Cell) -> String {
    // The same float the cap table formats (`shares / total * 100`), so the texts match.
    fmt::percent(cell.shares as f64 / cell.total as f64 * 100.0, Style::Percent4)
}

fn status_text(status: Option<Status>) -> &'static str {
    status.map_or("not judged", |s| s.title())
}

/// "Round $55B at $1T pre-money: Microsoft 25.1%, Azure API exclusivity: In force", and when
/// the proceeds are worked out, "; gets $102B at a $500B sale".
fn describe(
    grid: &Grid,
    (column, row): (usize, usize),
    props: &SensitivityMapProps,
    proceeds: Option<&Proceeds>,
) -> String {
    let (size, valuation) = (grid.round_sizes.get(column).copied(), grid.valuations.get(row).copied());
    let head = format!(
        "Round {} at {} {}",
        fmt::money(size.unwrap_or(0)),
        fmt::money(valuation.unwrap_or(0)),
        grid.basis.label()
    );
    // A sampled map worked out only some cells: the readout works out the cursor's exactly.
    let exact = |p: &Proceeds| p.cell(grid, column, row).or_else(|| proceeds_at(p, props, grid, column, row));
    let gets = proceeds.and_then(|p| Some((exact(p)?, p.value)));
    let gets = gets.map(|(amount, sale)| format!("; gets {} at a {} sale", fmt::money(amount), fmt::money(sale)));
    match grid.cell(column, row) {
        Some(cell) => format!(
            "{head}: {} {}, {}: {}{}",
            props.holder_name,
            stake_text(cell),
            props.term_title,
            status_text(cell.status),
            gets.unwrap_or_default()
        ),
        None => format!("{head}: not possible (the scenario would not evaluate)"),
    }
}

/// Paints one pixel a cell: the stake on a light-to-dark ramp from the map's
/// smallest to its largest, or the term's status in its colour; grey where the
/// scenario would not evaluate. Row 0 is at the bottom.
fn draw(canvas: &NodeRef, grid: &Grid, layer: Layer, proceeds: Option<&Proceeds>) {
    let Some(canvas) = canvas.cast::<HtmlCanvasElement>() else { return };
    let Some(context) =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let steps = grid.round_sizes.len();
    let shades = grid.shades();
    let gains = proceeds.map(Proceeds::shades).unwrap_or_default();
    let mut pixels = vec![0u8; steps * steps * 4];
    for (i, (cell, shade)) in grid.cells.iter().zip(shades).enumerate() {
        let (column, row) = (i % steps, i / steps);
        let at = ((steps - 1 - row) * steps + column) * 4;
        let rgb = match (cell, layer, shade) {
            (None, ..) | (_, Layer::Stake, None) => [200, 200, 200],
            // 0 (lightest) to 255 (darkest).
            (Some(_), Layer::Stake, Some(t)) => [240 - t / 2 - t / 4, 244 - t / 2 - t / 8, 255 - t / 4],
            // The proceeds on a green ramp, 0 (lightest) to 255 (darkest); grey where the block's
            // sampled cell does not evaluate.
            (Some(_), Layer::Proceeds, _) => match gains.get(i).copied().flatten() {
                Some(t) => [236 - t / 2 - t / 4, 248 - t / 4 - t / 8, 236 - t / 2 - t / 4],
                None => [200, 200, 200],
            },
            (Some(cell), Layer::Term, _) => match cell.status {
                Some(Status::InForce) => [46, 139, 87],
                Some(Status::Ended) => [200, 60, 50],
                Some(Status::NotYet) => [120, 120, 200],
                _ => [150, 150, 150],
            },
        };
        if let Some(px) = pixels.get_mut(at..at + 4) {
            px.copy_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
        }
    }
    let side = u32::try_from(steps).unwrap_or(1);
    if let Ok(image) = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels), side, side) {
        let _ = context.put_image_data(&image, 0.0, 0.0);
    }
}
