//! The Fortress widget: sliders and number boxes over the rule core, with the
//! cap table, an ownership chart, the contract terms and the routing answers.
//!
//! Data flows one way: an input event becomes an [`state::Action`], the one
//! reducer ([`state::State::reduce`]) applies it through `fortress_core::edit`
//! and `fortress_core::evaluate`, and the components render the result. The
//! components compute nothing and only dispatch.

// The lean build's deal texts are `&'static str` where the full build's are
// `Cow<str>` (fortress_core::deal::Words): a borrow that one build needs is
// needless in the other.
#![cfg_attr(
    not(feature = "full"),
    allow(
        clippy::needless_borrow,
        clippy::borrow_deref_ref,
        clippy::explicit_auto_deref,
        clippy::needless_option_as_deref
    )
)]

use std::cell::RefCell;
use std::rc::Rc;

use fortress_core::presets;
use yew::prelude::*;

use components::section;
use fortress_format::view::{Section, View};

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod components;
#[cfg(all(target_arch = "wasm32", feature = "embed"))]
pub mod embed;
pub mod fmt;
pub mod input;
#[cfg(target_arch = "wasm32")]
pub mod later;
pub mod state;

pub use state::{Action, State};

/// The allocator of every wasm build that links the widget: talc, some 2 KB smaller than the
/// standard library's dlmalloc and faster at the many small allocations a render makes.
// SAFETY: `TalckWasm` assumes a single-threaded wasm, which every build of the widget is (no
// atomics, no threads).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

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
    /// The host page's line into the widget and back out (embedded widgets).
    #[prop_or_default]
    pub bridge: Option<Bridge>,
    /// How the page fits the widget: sections, controls, theme and locale
    /// (embedded widgets: the element's attributes). Read once, at mount.
    #[prop_or_default]
    pub view: Rc<View>,
    /// A publisher's deal (the full build's embed): scenarios that name none are judged under it.
    #[cfg(feature = "full")]
    #[prop_or_default]
    pub deal: Option<Rc<fortress_core::Deal>>,
    /// What to put the keyboard focus on once drawn (the full build, taking
    /// over for "More controls": `later::FOCUS_CONTROLS`, the first of the
    /// analysts' controls).
    #[cfg(feature = "full")]
    #[prop_or_default]
    pub focus: Option<AttrValue>,
    /// How the page hands the widget to Fortress's full build when it needs
    /// what only that build carries (an embed: `www/fortress.js` mounts the
    /// full build in its place). Without one (the standalone page), the
    /// widget mounts the full build inside itself (`later::upgrade_page`).
    #[prop_or_default]
    pub on_upgrade: Option<Callback<state::Upgrade>>,
}

impl Default for AppProps {
    fn default() -> AppProps {
        AppProps {
            preset: AttrValue::Static(presets::DEFAULT),
            link: None,
            link_base: AttrValue::default(),
            sync_url: false,
            bridge: None,
            view: Rc::default(),
            #[cfg(feature = "full")]
            deal: None,
            #[cfg(feature = "full")]
            focus: None,
            on_upgrade: None,
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
    let (preset, link, view) = (props.preset.clone(), props.link.clone(), props.view.clone());
    #[cfg(feature = "full")]
    let deal = props.deal.clone();
    let state = use_reducer(move || {
        let state = match link.filter(|l| !l.trim().is_empty()) {
            Some(link) => State::from_link(&link),
            None => State::new(&preset),
        }
        .fitted(view);
        #[cfg(feature = "full")]
        if let Some(deal) = deal {
            return state.with_deal(deal);
        }
        state
    });
    let fragment = state.share_fragment();
    // Once handed to the full build, the full build keeps the address.
    use_url_sync(&state, props.sync_url && state.upgrade.is_none(), fragment.clone());
    let full = use_node_ref();
    use_upgrade(&state, props.on_upgrade.clone(), full.clone());
    if state.upgrade.is_some() && props.on_upgrade.is_none() {
        // The full build mounts here (it replaces this line): the widget never goes blank meanwhile.
        return html! {
            <div class="fortress-full" ref={full}>
                <p class="fortress muted" role="status">{"Loading the rest of Fortress\u{2026}"}</p>
            </div>
        };
    }
    let url = fragment.as_ref().map(|f| AttrValue::from(format!("{}#{f}", props.link_base)));
    use_bridge(&state, props.bridge.clone(), url.clone());
    let later = use_below_the_fold();
    let root = use_node_ref();
    use_first_focus(props, later, root.clone());
    let map_panel = use_node_ref();
    let map_load = use_map_panel(&state, map_panel.clone());
    let state = &state;
    // This render's state, for the sections to compare with the last one: the handle itself
    // always reads the latest state.
    let shown = &Rc::new(State::clone(state));
    let view = &state.view;
    let has = |section: Section| view.shows(section);
    fmt::in_locale(state.locale, || {
        html! {
            <div class="fortress" ref={root} data-drawn={later.to_string()} data-theme={view.theme.name()}>
                if has(Section::Header) {
                    { section(state, shown, components::header::header, same_header) }
                }
                if has(Section::Share) {
                    <div class="keep" part="share">
                        <components::share::Share url={url.clone()} />
                        <components::save::Save
                            fragment={fragment.map(AttrValue::from)}
                            url={url.clone()}
                            focus={AttrValue::from(state.focus.clone())}
                            name={AttrValue::from(format!("fortress-{}", state.preset))}
                            theme={view.theme.name()}
                        />
                    </div>
                }
                if let Some(url) = url {
                    // On paper, the link is the way back to the scenario: written out in full.
                    <p class="print-only" id="print-link">{"This scenario online: "}{url}</p>
                }
                if has(Section::Headline) {
                    { components::header::headline(state) }
                }
                if has(Section::Notes) {
                    { section(state, shown, components::header::notes, |a, b| a.scenario.notes == b.scenario.notes) }
                }
                <div class={classes!("layout", (!has(Section::Controls)).then_some("single"))}>
                    if has(Section::Controls) {
                        <div class="controls-column" part="controls" key={state.generation.to_string()}>
                            { components::controls::controls(state, shown, later >= 1) }
                        </div>
                    }
                    <div class="results">
                        { for RESULTS.iter().filter(|(s, part, _)| has(*s) && later >= *part).map(|(s, _, view)| match view {
                            Some((view, same)) => components::keyed_section(s.name(), state, shown, *view, *same),
                            None => components::sensitivity::sensitivity(state, &map_load, &map_panel),
                        }) }
                    </div>
                </div>
            </div>
        }
    })
}

/// A section's view and what it shows ([`components::Section`]).
type SectionView = (fn(&components::StateHandle) -> Html, fn(&State, &State) -> bool);

/// The results column in its order: each section, the part below the fold it comes in (0: the
/// first render), and its view; `None` for the map's section, which loads its map when shown.
const RESULTS: &[(Section, u8, Option<SectionView>)] = &[
    (Section::Table, 0, Some((components::table::cap_table, same_figures))),
    (Section::Timeline, 1, Some((components::timeline::timeline, same_timeline))),
    (Section::Chart, 1, Some((components::chart::chart, same_figures))),
    #[cfg(feature = "full")]
    (Section::Exit, 1, Some((components::exit::exit, same_exit))),
    (Section::Map, 2, None),
    (Section::Terms, 2, Some((components::terms::terms, same_terms))),
    (Section::Routes, 3, Some((components::terms::routes, same_routes))),
    (Section::Sources, 3, Some((components::terms::sources, same_sources))),
];

/// The exit shows the exit's outcome, its sale price's message and draft, the holder in focus
/// (its summary says what it gets), and whether every payout is shown.
#[cfg(feature = "full")]
fn same_exit(a: &State, b: &State) -> bool {
    use crate::state::Control;
    a.outcome.exit == b.outcome.exit
        && a.error_at(&Control::Exit) == b.error_at(&Control::Exit)
        && (a.focus == b.focus && a.all_holders == b.all_holders)
}

/// The sources show the scenario's sources.
fn same_sources(a: &State, b: &State) -> bool {
    a.scenario.sources == b.scenario.sources
}

/// How many of the three parts below the fold to draw: the controls beyond
/// the round's, the timeline and the chart (1); the map and the terms (2);
/// the routes and the sources (3). They come one part per idle moment after
/// the first paint, so that the headline, the round's controls and the table
/// reach the screen first, and input that arrives meanwhile is handled
/// between the parts rather than after all of them. They are most of the
/// widget's elements, text and form fields, whose first layout is the
/// costliest work of a cold load. Natively (server-side rendering, the render
/// tests) there is no paint to wait for: everything renders at once.
#[hook]
fn use_below_the_fold() -> u8 {
    const PARTS: u8 = 3;
    let drawn = use_state_eq(|| if cfg!(target_arch = "wasm32") { 0 } else { PARTS });
    {
        let drawn = drawn.clone();
        use_effect_with(*drawn, move |&now| {
            #[cfg(target_arch = "wasm32")]
            if now < PARTS {
                browser::when_idle(move || drawn.set(now + 1));
            }
            #[cfg(not(target_arch = "wasm32"))]
            drop((drawn, now));
        });
    }
    *drawn
}

/// Puts the keyboard focus where the lighter build's reader was headed, once
/// the controls beyond the round's are drawn: the first of the analysts'
/// controls after "More controls" (the button the reader pressed is gone).
#[cfg(feature = "full")]
#[hook]
fn use_first_focus(props: &AppProps, drawn: u8, root: NodeRef) {
    let done = use_mut_ref(|| false);
    let focus = props.focus.clone();
    use_effect_with(drawn, move |&drawn| {
        let wanted = focus.as_deref() == Some(state::FOCUS_CONTROLS);
        if !wanted || drawn < 1 || std::mem::replace(&mut *done.borrow_mut(), true) {
            return;
        }
        // The first of them in the page's order, in the widget's own tree (which an embed keeps in
        // a shadow root).
        let first = root.cast::<web_sys::Element>().and_then(|root| {
            root.query_selector("#whatif-floor-on, #new-investor-name, details.names summary").ok().flatten()
        });
        if let Some(first) = first.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
            let _ = first.focus();
        }
    });
}

/// The lighter builds are never asked to focus anything (see the full build's).
#[cfg(not(feature = "full"))]
#[hook]
fn use_first_focus(_props: &AppProps, _drawn: u8, _root: NodeRef) {}

/// Hands the widget to Fortress's full build when the state asks for it
/// (`State::upgrade`): through the page's `on_upgrade` (an embed), or by
/// mounting the full build into `full` (the standalone page). If the full
/// build cannot be loaded, the widget carries on with what it shows, and says so.
#[hook]
fn use_upgrade(state: &UseReducerHandle<State>, on_upgrade: Option<Callback<state::Upgrade>>, full: NodeRef) {
    let dispatcher = state.dispatcher();
    use_effect_with(state.upgrade.clone(), move |upgrade| {
        let Some(upgrade) = upgrade.clone() else { return };
        if let Some(on_upgrade) = on_upgrade {
            on_upgrade.emit(upgrade);
            return;
        }
        #[cfg(target_arch = "wasm32")]
        if let Some(root) = full.cast::<web_sys::Element>() {
            yew::platform::spawn_local(async move {
                if let Err(message) = later::upgrade_page(&root, &upgrade).await {
                    dispatcher.dispatch(Action::UpgradeFailed(message));
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        drop((full, dispatcher));
    });
}

/// Draws the sensitivity map into `panel` while it is shown: the first time,
/// this loads the reader tools' wasm, whose map panel (a Yew app of its own)
/// is then mounted there; after that, each new scenario or holder in focus is
/// handed to it. A cell the reader picks there comes back as
/// [`Action::MapPick`]. Natively (render tests) there is nothing to load.
#[hook]
fn use_map_panel(state: &UseReducerHandle<State>, panel: NodeRef) -> components::sensitivity::MapLoad {
    use components::sensitivity::MapLoad;

    let load = use_state_eq(MapLoad::default);
    let request = state.map_request();
    #[cfg(target_arch = "wasm32")]
    {
        let on_pick = use_memo((), {
            let dispatcher = state.dispatcher();
            move |_| later::on_pick(move |fragment| dispatcher.dispatch(Action::MapPick(fragment)))
        });
        let load = load.clone();
        // The panel writes its numbers in the widget's locale, when it is not the reader's.
        let locale = if state.locale == fmt::Locale::READER { None } else { state.view.locale.clone() };
        use_effect_with(request, move |request| {
            let (Some((fragment, holder)), Some(root)) = (request.clone(), panel.cast::<web_sys::Element>()) else {
                return;
            };
            if matches!(*load, MapLoad::Idle | MapLoad::Failed(_)) {
                load.set(MapLoad::Loading);
            }
            yew::platform::spawn_local(async move {
                let locale = locale.as_deref().unwrap_or_default();
                load.set(match later::show_map(&root, &fragment, &holder, locale, &on_pick).await {
                    Ok(()) => MapLoad::Ready,
                    Err(message) => MapLoad::Failed(message),
                });
            });
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    drop((request, panel));
    (*load).clone()
}

/// The header shows the preset, the title, and the holders to focus on.
fn same_header(a: &State, b: &State) -> bool {
    fn holders(s: &State) -> impl Iterator<Item = (&str, &str)> {
        s.outcome.last_stage().into_iter().flat_map(|stage| &stage.holders).map(|h| (h.id.as_str(), h.name.as_str()))
    }
    a.preset == b.preset
        && a.focus == b.focus
        && a.scenario.title == b.scenario.title
        && a.scenario.compare == b.scenario.compare
        && holders(a).eq(holders(b))
}

/// The terms show their outcomes, the day they are judged on, and which changed against the baseline.
fn same_terms(a: &State, b: &State) -> bool {
    fn changed(s: &State) -> &[fortress_core::compare::StatusChange] {
        s.comparison.as_ref().map(|(c, _)| c.terms.as_slice()).unwrap_or_default()
    }
    a.outcome.terms == b.outcome.terms && a.scenario.as_of == b.scenario.as_of && changed(a) == changed(b)
}

/// The cap table and the chart show the stages, the money still to come, the holder in focus, and
/// whether a figure is disputed.
fn same_figures(a: &State, b: &State) -> bool {
    a.outcome.stages == b.outcome.stages
        && a.outcome.pending == b.outcome.pending
        && a.focus == b.focus
        && a.scenario.sources == b.scenario.sources
        && a.comparison == b.comparison
        && a.all_holders == b.all_holders
}

/// The routes show their answers, and which changed against the baseline.
fn same_routes(a: &State, b: &State) -> bool {
    fn changed(s: &State) -> &[fortress_core::compare::HostingChange] {
        s.comparison.as_ref().map(|(c, _)| c.routes.as_slice()).unwrap_or_default()
    }
    a.outcome.routes == b.outcome.routes && changed(a) == changed(b)
}

/// The timeline shows its points, the terms' titles, and the day judged.
fn same_timeline(a: &State, b: &State) -> bool {
    a.outcome.timeline == b.outcome.timeline && same_terms(a, b)
}

/// Today's date, for the timeline's last day: the browser's clock, in UTC.
/// Natively (render tests) there is no clock to read, so none.
pub fn today() -> Option<fortress_core::Date> {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        let (y, m, d) = (now.get_utc_full_year(), now.get_utc_month() + 1, now.get_utc_date());
        fortress_core::Date::new(u16::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// A line between the widget and the page that embeds it: actions in (queued
/// until the widget is up), and the state and its link out, on every change.
///
/// The widget stays the one owner of its state; the bridge only holds a copy
/// of the last state and the reducer's dispatcher.
#[derive(Clone, Default)]
pub struct Bridge(Rc<BridgeInner>);

/// Called with the new state and its share link after every change.
pub type OnChange = Box<dyn Fn(&State, Option<&str>)>;

#[derive(Default)]
struct BridgeInner {
    dispatcher: RefCell<Option<UseReducerDispatcher<State>>>,
    pending: RefCell<Vec<Action>>,
    last: RefCell<Option<(State, Option<String>)>>,
    on_change: RefCell<Option<OnChange>>,
}

impl std::fmt::Debug for Bridge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Bridge")
    }
}

impl PartialEq for Bridge {
    fn eq(&self, other: &Bridge) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Bridge {
    /// Applies `action` to the widget, now or as soon as it is up.
    pub fn send(&self, action: Action) {
        let dispatcher = self.0.dispatcher.borrow().clone();
        match dispatcher {
            Some(dispatcher) => dispatcher.dispatch(action),
            None => self.0.pending.borrow_mut().push(action),
        }
    }

    /// The widget's state after the last change, once it has rendered.
    pub fn state(&self) -> Option<State> {
        self.0.last.borrow().as_ref().map(|(state, _)| state.clone())
    }

    /// The share link of the last state, when it fits in one.
    pub fn link(&self) -> Option<String> {
        self.0.last.borrow().as_ref().and_then(|(_, link)| link.clone())
    }

    /// Calls `on_change` after every change of the widget's state (not its first render).
    pub fn on_change(&self, on_change: OnChange) {
        *self.0.on_change.borrow_mut() = Some(on_change);
    }

    /// Forgets the dispatcher and the listener, so that nothing keeps the app alive.
    pub fn disconnect(&self) {
        self.0.dispatcher.borrow_mut().take();
        self.0.on_change.borrow_mut().take();
    }

    fn connect(&self, dispatcher: UseReducerDispatcher<State>) {
        let pending = std::mem::take(&mut *self.0.pending.borrow_mut());
        for action in pending {
            dispatcher.dispatch(action);
        }
        *self.0.dispatcher.borrow_mut() = Some(dispatcher);
    }

    fn changed(&self, state: &State, link: Option<String>, first: bool) {
        *self.0.last.borrow_mut() = Some((state.clone(), link.clone()));
        if first {
            return;
        }
        if let Some(on_change) = self.0.on_change.borrow().as_ref() {
            on_change(state, link.as_deref());
        }
    }
}

/// Connects `bridge` (if any) to the widget's reducer and reports each change to it.
#[hook]
fn use_bridge(state: &UseReducerHandle<State>, bridge: Option<Bridge>, url: Option<AttrValue>) {
    let first = use_mut_ref(|| true);
    {
        let (bridge, dispatcher) = (bridge.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            if let Some(bridge) = bridge {
                bridge.connect(dispatcher);
            }
        });
    }
    use_effect_with((state.clone(), url), move |(state, url)| {
        let first = std::mem::take(&mut *first.borrow_mut());
        if let Some(bridge) = bridge {
            bridge.changed(state, url.as_ref().map(|u| u.to_string()), first);
        }
    });
}

/// Keeps the page's fragment in step with the scenario (with `replaceState`,
/// so edits add no history entries, a moment after the edit is painted), and opens a link pasted into the
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
            browser::replace_fragment_after_paint(fragment.clone());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn after(action: Action) -> (State, State) {
        let before = State::new(presets::DEFAULT);
        let after = before.reduce(action);
        assert_eq!(after.error, None);
        (before, after)
    }

    #[test]
    fn a_valuation_step_redraws_the_figures_but_not_the_terms_or_the_header() {
        let (a, b) = after(Action::Valuation("800".into()));
        assert!(!same_figures(&a, &b));
        assert!(same_terms(&a, &b));
        assert!(same_header(&a, &b));
    }

    #[test]
    fn an_event_redraws_the_terms_but_not_the_figures() {
        // Compared with nothing, so that the comparison (which the figures show) does not change.
        let (_, a) = after(Action::Compare(state::CompareChoice::Off));
        let b = a.reduce(Action::EventHappened("agi_verified".into(), true));
        assert!(same_figures(&a, &b));
        assert!(!same_terms(&a, &b));
    }

    #[test]
    fn a_rename_or_a_new_focus_redraws_the_header() {
        #[cfg(feature = "full")]
        {
            let (a, b) = after(Action::Rename { holder: "amazon".into(), name: "AWS".into() });
            assert!(!same_header(&a, &b));
        }
        let (a, b) = after(Action::Focus("amazon".into()));
        assert!(!same_header(&a, &b));
        assert!(!same_figures(&a, &b));
    }
}
