//! The widget's state and its one reducer. No yew here: actions in, state
//! out, so the whole behaviour is tested natively.
//!
//! The state always holds a scenario that evaluates and its outcome. An
//! action that would make the scenario invalid leaves both as they were and
//! records a [`FieldError`]: the message, the control it belongs next to, and
//! what the reader typed, so the control keeps showing it.

use std::rc::Rc;

use fortress_core::compare::Comparison;
use fortress_core::edit::{self, ValuationBasis};
use fortress_core::Deal;
use fortress_core::{evaluate, presets, Compare, CountBasis, Dollars, ErrorKind, Outcome, Scenario, ScenarioError};

use fortress_format::link::{self, MAX_LINK_BYTES};
use fortress_format::view::{ControlId, View};

use crate::fmt::Locale;

use crate::input::{self, DateEntry};

/// How many holders a large table and its chart show until the reader asks
/// for all: the largest after the round, and the one in focus. A 300-holder
/// table in full is some 9,000 elements, which a slider step would lay out
/// again; the CSV download and "Show all" have every row.
pub const SHOWN_HOLDERS: usize = 25;

/// The cheque a newly added investor starts with: $10B.
pub const NEW_INVESTOR_AMOUNT: Dollars = Dollars(10_000_000_000);
/// The floor the exclusivity what-if starts at when turned on.
pub const DEFAULT_FLOOR_MICROS: i64 = 20_000_000;

/// A control of the widget, as errors are placed next to them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Control {
    /// An investor's cheque in the last round, by holder id.
    Amount(String),
    /// The last round's valuation, and its pre/post switch.
    Valuation,
    /// A starting holder's stake, by holder id.
    Stake(String),
    /// The starting table as a whole.
    Stakes,
    /// A holder's name, by holder id.
    Name(String),
    /// The list of investors (adding, removing).
    Investors,
    /// The as-of date.
    AsOf,
    /// An event's date, by the event's id in the deal (`agi_declared`).
    Event(String),
    /// The what-ifs.
    WhatIf,
    /// The exit's sale price (the full build's).
    #[cfg(feature = "full")]
    Exit,
    /// The terms of the last round's shares, and their preference multiple (the full build's).
    #[cfg(feature = "full")]
    Terms,
    /// The cap of the last round's shares' participation (the full build's).
    #[cfg(feature = "full")]
    Cap,
    /// Anything else: shown at the top of the controls.
    General,
}

impl Control {
    /// The id of the element that holds this control's error message.
    pub fn error_id(&self) -> String {
        match self {
            Control::Amount(id) => format!("error-amount-{id}"),
            Control::Valuation => "error-valuation".to_owned(),
            Control::Stake(id) => format!("error-stake-{id}"),
            Control::Stakes => "error-stakes".to_owned(),
            Control::Name(id) => format!("error-name-{id}"),
            Control::Investors => "error-investors".to_owned(),
            Control::AsOf => "error-as-of".to_owned(),
            Control::Event(id) => format!("error-{}", event_element(id)),
            Control::WhatIf => "error-whatif".to_owned(),
            #[cfg(feature = "full")]
            Control::Exit => "error-exit".to_owned(),
            #[cfg(feature = "full")]
            Control::Terms => "error-terms".to_owned(),
            #[cfg(feature = "full")]
            Control::Cap => "error-cap".to_owned(),
            Control::General => "error-general".to_owned(),
        }
    }
}

/// The element id of an event's control, from its id in the deal: `agi_declared` -> `agi-declared`.
pub fn event_element(id: &str) -> String {
    id.replace('_', "-")
}

/// A message for the reader about the last thing they did, which was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The control the message is shown next to.
    pub at: Control,
    /// The control the reader used; it is marked invalid and keeps `draft`.
    pub source: Control,
    /// What is wrong, in a sentence.
    pub message: String,
    /// What the reader typed or dragged to, shown back to them.
    pub draft: Option<String>,
}

/// Everything a reader (or the host page) can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Type or drag an investor's cheque, in billions.
    Amount { holder: String, text: String },
    /// Type or drag the round's valuation, in billions.
    Valuation(String),
    /// Read the valuation as pre- or post-money.
    Basis(ValuationBasis),
    /// Type or drag a starting holder's stake, in percent.
    Stake { holder: String, text: String },
    /// Move the as-of date.
    AsOf(DateEntry),
    /// Choose what to compare with.
    Compare(CompareChoice),
    /// Count every cheque in full, or only what was paid by the as-of date.
    Count(CountBasis),
    /// Move an event's date, by the event's id in the deal.
    EventDate(String, DateEntry),
    /// Tick or untick "not yet" for an event (by its id): `true` means it has happened.
    EventHappened(String, bool),
    /// Type or drag the floor of the deal's stake what-if, in percent (the full build's).
    #[cfg(feature = "full")]
    WhatIfFloor(String),
    /// Turn the floor what-if on or off (the full build's).
    #[cfg(feature = "full")]
    WhatIfFloorOn(bool),
    /// Turn the "outweighed" what-if on or off (the full build's).
    #[cfg(feature = "full")]
    WhatIfOutweighedOn(bool),
    /// Add an investor to the round (the full build's).
    #[cfg(feature = "full")]
    AddInvestor(String),
    /// Remove an investor from the round (the full build's).
    #[cfg(feature = "full")]
    RemoveInvestor(String),
    /// Rename a holder (the full build's).
    #[cfg(feature = "full")]
    Rename { holder: String, name: String },
    /// Type or drag the exit's sale price, in billions (the full build's).
    #[cfg(feature = "full")]
    Exit(String),
    /// Change the terms of the last round's shares (the full build's).
    #[cfg(feature = "full")]
    Terms(TermsEdit),
    /// Show the analysts' controls (names, investors, what-ifs): the lighter
    /// build hands the scenario to the full build, which has them.
    MoreControls,
    /// Open a preset.
    Preset(String),
    /// Go back to the preset as it was.
    Reset,
    /// Put another holder in the headline.
    Focus(String),
    /// Open a share link (a whole URL or its fragment); a bad one opens the
    /// default scenario with a message.
    OpenLink(String),
    /// Open a scenario given whole (by the host page), keeping the preset picker.
    Open(Box<Scenario>),
    /// Show a plain message about something that was refused outside the
    /// controls (a host page's bad scenario), keeping the scenario.
    Refused(String),
    /// The scenario of a cell a reader picked on the sensitivity map (its last
    /// round's cheques scaled and its valuation set), as a share-link fragment
    /// from the map's panel: applied as an edit of the valuation.
    MapPick(String),
    /// Show the sensitivity map (loaded when first shown), or hide it.
    ShowMap(bool),
    /// Show every holder of a large table and chart, or only the largest.
    AllHolders(bool),
    /// The full build could not be loaded: carry on with the scenario shown, and say why.
    UpgradeFailed(String),
}

/// What the full build is asked to focus when it takes over for the analysts'
/// controls (`AppProps::focus`, the embed's `focus` option).
pub const FOCUS_CONTROLS: &str = "controls";

/// What the reader sees when the scenario is too large to hand to the full build.
pub const TOO_LARGE_TO_HAND_OVER: &str =
    "This scenario is too large for a link, so the rest of Fortress cannot take it over; it stays as it is.";

/// What the reader sees when a link does not open.
pub const LINK_DAMAGED: &str = "This link is damaged; showing the default scenario.";
/// What the reader sees when a link was made by a newer Fortress.
pub const LINK_NEWER: &str =
    "This link is from a newer version of Fortress; showing the default scenario. Try reloading the page.";

/// The widget's state: the last good scenario, its outcome, and what went wrong last.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The name of the preset the scenario started from.
    pub preset: String,
    /// The last scenario that evaluated.
    pub scenario: Rc<Scenario>,
    /// Its outcome.
    pub outcome: Rc<Outcome>,
    /// The holder the headline is about.
    pub focus: String,
    /// The last action's problem, if it was not applied.
    pub error: Option<FieldError>,
    /// Changes when the controls must be laid out anew (a preset, a reset,
    /// an investor added or removed), so that no control keeps a stale draft.
    pub generation: u32,
    /// Whether the reader asked to see the sensitivity map.
    pub map_shown: bool,
    /// Whether the reader asked to see every holder of a large table (see [`SHOWN_HOLDERS`]).
    pub all_holders: bool,
    /// How the page fits the widget: the sections and controls shown, the
    /// theme and the locale asked for. Set once, when the widget mounts.
    pub view: Rc<View>,
    /// The locale numbers are written in: the view's, or the reader's.
    pub locale: Locale,
    /// The preset as it is, and its outcome: the baseline the widget compares
    /// with once the reader has moved away from it.
    pub preset_scenario: Rc<Scenario>,
    pub preset_outcome: Rc<Outcome>,
    /// The outcome beside its baseline, and the baseline in words, when there is one.
    pub comparison: Option<(Rc<Comparison>, String)>,
    /// What this build hands to Fortress's full build (a preset or a scenario
    /// it does not carry the deal or the base of), when the reader asked for
    /// one; the scenario shown stays as it was until the full build takes over.
    pub upgrade: Option<Upgrade>,
    /// A publisher's deal (the embed's `deal` attribute, in the full build):
    /// a scenario that names no deal, or this one, is judged under it.
    #[cfg(feature = "full")]
    pub deal: Option<Rc<Deal>>,
}

/// What the widget's lighter build hands to the full build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Upgrade {
    /// A preset only the full build carries, by name.
    Preset(String),
    /// A scenario, as a share link or its fragment.
    Link(String),
    /// The analysts' controls, on this scenario (a share link's fragment): the
    /// full build shows it and puts the keyboard focus on the first of them.
    Controls(String),
}

/// A change to the terms of the last round's shares ([`Action::Terms`]).
#[cfg(feature = "full")]
#[derive(Clone, Debug, PartialEq)]
pub enum TermsEdit {
    /// Preferred with a 1x non-participating preference (`true`), or common shares.
    On(bool),
    /// The preference multiple, as typed or dragged.
    Preference(String),
    /// How the class shares beyond its preference; capped starts at a 3x cap.
    Participation(fortress_core::ParticipationKind),
    /// The cap multiple, as typed or dragged.
    Cap(String),
    /// The anti-dilution protection.
    AntiDilution(fortress_core::AntiDilutionKind),
}

/// The cap a class's participation takes when it is first capped: 3x, the usual figure.
#[cfg(feature = "full")]
pub const DEFAULT_CAP_MICROS: i64 = 3_000_000;

/// What the "Compare with" control can choose.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareChoice {
    /// The preset the scenario came from, once it has moved (the default).
    Auto,
    /// Nothing.
    Off,
    /// A preset, by name.
    Preset(String),
    /// The scenario as it is now.
    Pin,
}

impl State {
    /// The state for a preset by name; an unknown name opens the default
    /// preset with a message. Never fails.
    pub fn new(preset: &str) -> State {
        if presets::left_out(preset) {
            return State::upgrading(Upgrade::Preset(preset.to_owned()));
        }
        let (name, scenario, error) = match presets::by_name(preset) {
            Some(scenario) => (preset, scenario, None),
            None => {
                let shown: String = preset.chars().take(40).collect();
                let message = format!("There is no scenario called \u{201c}{shown}\u{201d}; showing the default.");
                (presets::DEFAULT, presets::feb_2026_pre_money(), Some(message))
            }
        };
        let (outcome, error) = match evaluate(&scenario) {
            Ok(outcome) => (outcome, error),
            // A preset that does not evaluate is a bug; show it rather than a blank widget.
            Err(e) => (Outcome::default(), Some(e.to_string())),
        };
        let focus = default_focus(&scenario);
        let error = error.map(general);
        let (scenario, outcome) = (Rc::new(scenario), Rc::new(outcome));
        let (preset_scenario, preset_outcome) = (scenario.clone(), outcome.clone());
        State {
            preset: name.to_owned(),
            scenario,
            outcome,
            focus,
            error,
            generation: 0,
            map_shown: false,
            all_holders: false,
            view: Rc::default(),
            locale: Locale::READER,
            preset_scenario,
            preset_outcome,
            comparison: None,
            upgrade: None,
            #[cfg(feature = "full")]
            deal: None,
        }
    }

    /// The state for a preset only the full build carries: the default
    /// scenario, with the hand-over to the full build asked for.
    fn upgrading(upgrade: Upgrade) -> State {
        State { upgrade: Some(upgrade), ..State::new(presets::DEFAULT) }
    }

    /// This state judged under a publisher's `deal` (the full build's embed):
    #[cfg(feature = "full")]
    /// the scenario and the preset evaluated anew under it; a scenario that
    /// does not evaluate under it keeps its outcome, with the reason.
    pub fn with_deal(self, deal: Rc<Deal>) -> State {
        let judged = |s: &Scenario| fortress_core::evaluate_with(s, &deal);
        match (judged(&self.scenario), judged(&self.preset_scenario)) {
            (Ok(outcome), Ok(preset_outcome)) => {
                let (outcome, preset_outcome) = (Rc::new(outcome), Rc::new(preset_outcome));
                State { outcome, preset_outcome, deal: Some(deal), ..self }.compared()
            }
            (Err(e), _) | (_, Err(e)) => State { error: Some(general(format!("{e}; the deal is not used."))), ..self },
        }
    }

    /// The deal the scenario is judged under: the publisher's (in the full
    /// build's embed), else the built-in one it names, else the default.
    pub fn deal(&self) -> &Deal {
        #[cfg(feature = "full")]
        if let Some(deal) =
            self.deal.as_deref().and_then(|deal| fortress_core::deal::resolve(&self.scenario, deal).ok())
        {
            return deal;
        }
        fortress_core::deal::of(&self.scenario).unwrap_or(&fortress_core::deal::OPENAI_MICROSOFT)
    }

    /// The holder the deal's what-ifs watch, and the term they end (the headline's).
    #[cfg(feature = "full")]
    pub fn watched(&self) -> (&str, &str) {
        let deal = self.deal();
        (&deal.whatif_holder, &deal.key_term)
    }

    /// The holders after the round that the table and the chart show, in the
    /// table's order: every one, or in a table of more than [`SHOWN_HOLDERS`]
    /// (until the reader asks for all) the largest after the round and the
    /// one in focus; and how many are left out.
    pub fn shown_holders(&self) -> (Vec<&fortress_core::HolderRow>, usize) {
        let Some(last) = self.outcome.stages.last() else { return (Vec::new(), 0) };
        let rows = &last.holders;
        if self.all_holders || rows.len() <= SHOWN_HOLDERS {
            return (rows.iter().collect(), 0);
        }
        // The largest by shares after the round, ties in table order: one pass that keeps them
        // in a short list, larger first (no general sort, whose code would weigh on the wasm).
        let mut largest: Vec<usize> = Vec::with_capacity(SHOWN_HOLDERS + 1);
        for (i, row) in rows.iter().enumerate() {
            let at = largest.iter().position(|&j| rows.get(j).is_some_and(|r| row.shares > r.shares));
            largest.insert(at.unwrap_or(largest.len()), i);
            largest.truncate(SHOWN_HOLDERS);
        }
        if let Some(focus) = rows.iter().position(|r| r.id == self.focus) {
            largest.push(focus);
        }
        let shown: Vec<&fortress_core::HolderRow> =
            rows.iter().enumerate().filter(|(i, _)| largest.contains(i)).map(|(_, row)| row).collect();
        let left_out = rows.len() - shown.len();
        (shown, left_out)
    }

    /// The exit's holders the exit section shows, in its order: every one, or
    /// past [`SHOWN_HOLDERS`] (until the reader asks for all) the largest
    /// payouts and the holder in focus; and how many are left out.
    #[cfg(feature = "full")]
    pub fn shown_exit_holders(&self) -> (Vec<&fortress_core::exit::ExitHolder>, usize) {
        let Some(exit) = self.outcome.exit.as_ref() else { return (Vec::new(), 0) };
        let rows = &exit.holders;
        if self.all_holders || rows.len() <= SHOWN_HOLDERS {
            return (rows.iter().collect(), 0);
        }
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(rows.get(i).map_or(0, |r| r.amount)));
        order.truncate(SHOWN_HOLDERS);
        if let Some(focus) = rows.iter().position(|r| r.id == self.focus) {
            order.push(focus);
        }
        let shown: Vec<_> = rows.iter().enumerate().filter(|(i, _)| order.contains(i)).map(|(_, r)| r).collect();
        let left_out = rows.len() - shown.len();
        (shown, left_out)
    }

    /// The scenario's outcome, under the publisher's deal when there is one.
    fn judge(&self, scenario: &Scenario) -> Result<Outcome, ScenarioError> {
        #[cfg(feature = "full")]
        if let Some(deal) = &self.deal {
            return fortress_core::evaluate_with(scenario, deal);
        }
        evaluate(scenario)
    }

    /// The state for a share link (a whole URL, or its fragment with or
    /// without the `#`): its scenario and the preset it came from. A link
    /// that does not open gives the default scenario with a plain message.
    /// Never fails.
    pub fn from_link(text: &str) -> State {
        match link::decode_link(text) {
            Ok(opened) => State::opened(opened.preset.unwrap_or(presets::DEFAULT), opened.scenario),
            Err(link::LinkError::NeedsFull { .. }) => State::upgrading(Upgrade::Link(text.to_owned())),
            Err(e) => {
                let message = if e.is_from_newer_version() { LINK_NEWER } else { LINK_DAMAGED };
                State { error: Some(general(message.to_owned())), ..State::new(presets::DEFAULT) }
            }
        }
    }

    /// The state for a scenario given whole, already validated or not: one
    /// that does not evaluate gives the default scenario with the reason.
    pub fn opened(preset: &str, scenario: Scenario) -> State {
        if fortress_core::deal::needs_full(&scenario) {
            return State::upgrading(Upgrade::Link(link::encode(&scenario)));
        }
        let base = State::new(if presets::by_name(preset).is_some() { preset } else { presets::DEFAULT });
        match evaluate(&scenario) {
            Ok(outcome) => {
                let focus = default_focus(&scenario);
                let (scenario, outcome) = (Rc::new(scenario), Rc::new(outcome));
                State { scenario, outcome, focus, error: None, ..base }.compared()
            }
            Err(e) => State { error: Some(general(format!("{e}; showing the default scenario."))), ..base },
        }
    }

    /// The share-link fragment (without the `#`) of the scenario, or `None`
    /// when it is too large to reopen (`MAX_LINK_BYTES`).
    pub fn share_fragment(&self) -> Option<String> {
        Some(link::encode(&self.scenario)).filter(|f| f.len() <= MAX_LINK_BYTES)
    }

    /// Applies one action; the one place state changes.
    pub fn reduce(&self, action: Action) -> State {
        let s = &self.scenario;
        match action {
            Action::Amount { holder, text } => {
                let control = Control::Amount(holder.clone());
                match input::amount(&text) {
                    Ok(dollars) => self.edited(control, Some(text), edit::set_amount(s, &holder, dollars)),
                    Err(message) => self.rejected(control, message, Some(text)),
                }
            }
            Action::Valuation(text) => match input::valuation(&text) {
                Ok(dollars) => self.edited(Control::Valuation, Some(text), edit::set_valuation(s, dollars)),
                Err(message) => self.rejected(Control::Valuation, message, Some(text)),
            },
            Action::Basis(basis) => self.edited(Control::Valuation, None, edit::set_valuation_basis(s, basis)),
            Action::Stake { holder, text } => {
                let control = Control::Stake(holder.clone());
                match input::percent(&text) {
                    Ok(percent) => self.edited(control, Some(text), edit::set_stake(s, &holder, percent)),
                    Err(message) => self.rejected(control, message, Some(text)),
                }
            }
            Action::AsOf(entry) => {
                let draft = Some(input::entry_iso(&entry));
                match input::date(&entry) {
                    Ok(date) => self.edited(Control::AsOf, draft, edit::set_as_of(s, date)),
                    Err(message) => self.rejected(Control::AsOf, message, draft),
                }
            }
            Action::Count(count) => self.edited(Control::AsOf, None, edit::set_count(s, count)),
            Action::Compare(choice) => {
                let compare = match choice {
                    CompareChoice::Auto => None,
                    CompareChoice::Off => Some(Compare::Off),
                    CompareChoice::Preset(name) => Some(Compare::Preset(name)),
                    CompareChoice::Pin => Some(Compare::Scenario(Box::new(Scenario::clone(s)))),
                };
                self.edited(Control::General, None, edit::set_compare(s, compare))
            }
            Action::EventDate(event, entry) => {
                let draft = Some(input::entry_iso(&entry));
                match input::date(&entry) {
                    Ok(date) => {
                        self.edited(Control::Event(event.clone()), draft, edit::set_event(s, &event, Some(date)))
                    }
                    Err(message) => self.rejected(Control::Event(event), message, draft),
                }
            }
            Action::EventHappened(event, happened) => {
                let defined = self.deal().event(&event);
                let date = defined.filter(|_| happened).and_then(|defined| edit::event_default_date(s, defined));
                self.edited(Control::Event(event.clone()), None, edit::set_event(s, &event, date))
            }
            #[cfg(feature = "full")]
            Action::WhatIfFloor(text) => match input::percent(&text) {
                Ok(floor) => {
                    let (holder, term) = self.watched();
                    self.edited(Control::WhatIf, Some(text), edit::set_whatif_floor(s, holder, term, Some(floor)))
                }
                Err(message) => self.rejected(Control::WhatIf, message, Some(text)),
            },
            #[cfg(feature = "full")]
            Action::WhatIfFloorOn(on) => {
                let floor = on.then_some(fortress_core::Percent::from_micros(DEFAULT_FLOOR_MICROS));
                let (holder, term) = self.watched();
                self.edited(Control::WhatIf, None, edit::set_whatif_floor(s, holder, term, floor))
            }
            #[cfg(feature = "full")]
            Action::WhatIfOutweighedOn(on) => {
                let (holder, term) = self.watched();
                self.edited(Control::WhatIf, None, edit::set_whatif_outweighed(s, holder, term, on))
            }
            #[cfg(feature = "full")]
            Action::Exit(text) => match input::valuation(&text) {
                Ok(dollars) => self.edited(Control::Exit, Some(text), edit::set_exit(s, dollars)),
                Err(message) => self.rejected(Control::Exit, message, Some(text)),
            },
            #[cfg(feature = "full")]
            Action::Terms(change) => self.terms_edited(change),
            #[cfg(feature = "full")]
            Action::AddInvestor(name) => {
                self.edited(Control::Investors, None, edit::add_investor(s, &name, NEW_INVESTOR_AMOUNT)).relaid()
            }
            #[cfg(feature = "full")]
            Action::RemoveInvestor(holder) => {
                self.edited(Control::Investors, None, edit::remove_investor(s, &holder)).relaid()
            }
            #[cfg(feature = "full")]
            Action::Rename { holder, name } => {
                let control = Control::Name(holder.clone());
                self.edited(control, Some(name.clone()), edit::rename_holder(s, &holder, &name))
            }
            Action::MoreControls => match self.share_fragment() {
                // The analysts' controls are the full build's: it takes over with this scenario.
                Some(fragment) => State { upgrade: Some(Upgrade::Controls(fragment)), ..self.clone() },
                None => State { error: Some(general(TOO_LARGE_TO_HAND_OVER.to_owned())), ..self.clone() },
            },
            Action::Preset(name) => self.replaced(State::new(&name)),
            Action::Reset => self.replaced(State::new(&self.preset)),
            Action::Focus(holder) => {
                let known = self.outcome.stages.iter().any(|stage| stage.holder(&holder).is_some());
                let focus = if known { holder } else { self.focus.clone() };
                State { focus, ..self.clone() }
            }
            Action::OpenLink(text) => self.replaced(State::from_link(&text)),
            Action::Open(scenario) => self.replaced(State::opened(&self.preset, *scenario)),
            Action::Refused(message) => State { error: Some(general(message)), ..self.clone() },
            Action::MapPick(fragment) => match link::decode(&fragment) {
                Ok(picked) => self.edited(Control::Valuation, None, Ok(picked)),
                Err(e) => self.rejected(Control::General, e.to_string(), None),
            },
            Action::ShowMap(map_shown) => State { map_shown, ..self.clone() },
            Action::AllHolders(all_holders) => State { all_holders, ..self.clone() },
            Action::UpgradeFailed(why) => {
                let message = format!("This needs the rest of Fortress, which could not be loaded: {why}");
                State { upgrade: None, error: Some(general(message)), ..self.clone() }
            }
        }
    }

    /// This state fitted to a page's `view`: its locale taken (if the
    /// browser has numbers for it), and a message for what cannot be used:
    /// the locale, or a control that names a holder the scenario does not have.
    pub fn fitted(self, view: Rc<View>) -> State {
        let mut problems = Vec::new();
        let locale = match view.locale.as_deref().map(Locale::of) {
            Some(Ok(locale)) => locale,
            Some(Err(message)) => {
                problems.push(message);
                Locale::READER
            }
            None => Locale::READER,
        };
        for id in view.controls().unwrap_or_default() {
            let known = match id {
                ControlId::Investment(holder) => {
                    self.scenario.rounds.last().is_some_and(|r| r.investments.iter().any(|i| &i.holder == holder))
                }
                ControlId::Stake(holder) => self.scenario.holders.iter().any(|h| &h.id == holder),
                _ => true,
            };
            if !known {
                problems.push(format!("controls: {id} names no holder of this scenario; it is ignored."));
            }
        }
        let error = match (self.error, problems.is_empty()) {
            (Some(error), _) => Some(error),
            (None, true) => None,
            (None, false) => Some(general(problems.join(" "))),
        };
        State { view, locale, error, ..self }
    }

    /// What the map is to be drawn for, while it is shown and the scenario
    /// has one: the scenario's share-link fragment and the holder in focus.
    pub fn map_request(&self) -> Option<(String, String)> {
        self.map_shown.then(|| (link::encode(&self.scenario), self.focus.clone()))
    }

    /// A new state in place of this one (a preset, a link): the controls laid
    /// out anew, and the map kept as the reader left it.
    fn replaced(&self, next: State) -> State {
        let next = State {
            generation: self.generation.wrapping_add(1),
            map_shown: self.map_shown,
            all_holders: self.all_holders,
            view: self.view.clone(),
            locale: self.locale,
            ..next
        };
        #[cfg(feature = "full")]
        if let (Some(deal), None) = (&self.deal, &next.upgrade) {
            return next.with_deal(deal.clone());
        }
        next
    }

    /// The error to show next to `control`, if any.
    pub fn error_at(&self, control: &Control) -> Option<&FieldError> {
        self.error.as_ref().filter(|e| &e.at == control)
    }

    /// The error caused by using `control`, if any: the control is marked invalid.
    pub fn error_from(&self, control: &Control) -> Option<&FieldError> {
        self.error.as_ref().filter(|e| &e.source == control)
    }

    /// What `control` should show instead of the scenario's value: the reader's
    /// own text, while it is in error.
    pub fn draft(&self, control: &Control) -> Option<&str> {
        self.error_from(control).and_then(|e| e.draft.as_deref())
    }

    /// The state after an edit made with `source`: the new scenario if it
    /// evaluates, else this one with the error placed by its field.
    fn edited(&self, source: Control, draft: Option<String>, result: Result<Scenario, ScenarioError>) -> State {
        let scenario = match result {
            Ok(scenario) => scenario,
            Err(e) => return self.rejected(source, message(&e.kind), draft),
        };
        if fortress_core::deal::needs_full(&scenario) {
            // A comparison with a preset the lighter build does not carry: the full build shows it.
            return self.replaced(State::upgrading(Upgrade::Link(link::encode(&scenario))));
        }
        match self.judge(&scenario) {
            Ok(outcome) => {
                let focus =
                    if scenario_has(&scenario, &self.focus) { self.focus.clone() } else { default_focus(&scenario) };
                let (scenario, outcome) = (Rc::new(scenario), Rc::new(outcome));
                State { scenario, outcome, focus, error: None, ..self.clone() }.compared()
            }
            Err(e) => {
                let at = control_for(&scenario, &e.field);
                let at = if at == Control::General { source.clone() } else { at };
                State { error: Some(FieldError { at, source, message: message(&e.kind), draft }), ..self.clone() }
            }
        }
    }

    /// This state with its comparison made: with the baseline the scenario
    /// names, or (naming none) with its preset once it has moved from it.
    fn compared(self) -> State {
        let comparison = match &self.scenario.compare {
            Some(Compare::Off) => None,
            Some(Compare::Preset(name)) => {
                let summary = presets::ALL.iter().find(|p| p.name == name).map_or(name.as_str(), |p| p.summary);
                self.outcome.comparison.clone().map(|c| (Rc::new(c), summary.to_owned()))
            }
            Some(Compare::Scenario(_)) => {
                self.outcome.comparison.clone().map(|c| (Rc::new(c), "the scenario you pinned".to_owned()))
            }
            None if self.scenario == self.preset_scenario => None,
            None => {
                let summary = presets::ALL.iter().find(|p| p.name == self.preset).map_or("", |p| p.summary);
                let comparison = fortress_core::compare::compare(&self.outcome, &self.preset_outcome);
                Some((Rc::new(comparison), format!("the preset as published: {summary}")))
            }
        };
        State { comparison, ..self }
    }

    /// The state after a change to the last round's share terms.
    #[cfg(feature = "full")]
    fn terms_edited(&self, change: TermsEdit) -> State {
        use fortress_core::{ClassTerms, Multiple, ParticipationKind};
        let s = &self.scenario;
        let now = s.rounds.last().and_then(|round| round.terms).unwrap_or(ClassTerms::ONE_X);
        // The control each change is made with: the cap's box, or the terms' group (the preference's box).
        let (control, terms, draft) = match change {
            TermsEdit::On(on) => (Control::Terms, on.then_some(now), None),
            TermsEdit::Preference(text) => match input::multiple(&text) {
                Ok(preference) => (Control::Terms, Some(ClassTerms { preference, ..now }), Some(text)),
                Err(message) => return self.rejected(Control::Terms, message, Some(text)),
            },
            TermsEdit::Cap(text) => match input::multiple(&text) {
                Ok(cap) => (Control::Cap, Some(ClassTerms { cap: Some(cap), ..now }), Some(text)),
                Err(message) => return self.rejected(Control::Cap, message, Some(text)),
            },
            TermsEdit::Participation(participation) => {
                let cap = match participation {
                    ParticipationKind::Capped => {
                        Some(now.cap.unwrap_or(Multiple::from_micros(DEFAULT_CAP_MICROS)).max(now.preference))
                    }
                    _ => None,
                };
                (Control::Terms, Some(ClassTerms { participation, cap, ..now }), None)
            }
            TermsEdit::AntiDilution(anti_dilution) => (Control::Terms, Some(ClassTerms { anti_dilution, ..now }), None),
        };
        self.edited(control, draft, edit::set_round_terms(s, terms))
    }

    fn rejected(&self, source: Control, message: String, draft: Option<String>) -> State {
        State { error: Some(FieldError { at: source.clone(), source, message, draft }), ..self.clone() }
    }

    #[cfg(feature = "full")]
    fn relaid(self) -> State {
        if self.error.is_some() {
            return self;
        }
        State { generation: self.generation.wrapping_add(1), ..self }
    }
}

fn general(message: String) -> FieldError {
    FieldError { at: Control::General, source: Control::General, message, draft: None }
}

fn scenario_has(scenario: &Scenario, id: &str) -> bool {
    scenario.holders.iter().any(|h| h.id == id)
        || scenario.rounds.iter().any(|r| r.investments.iter().any(|i| i.holder == id))
}

fn default_focus(scenario: &Scenario) -> String {
    fortress_format::summary::default_focus(scenario).to_owned()
}

/// The control a field path of the scenario format belongs to.
///
/// `holders[2].percent` is that holder's stake; `rounds[0].investments[1].amount`
/// that investor's cheque; `rounds[0].valuation.post_money` the valuation.
pub fn control_for(scenario: &Scenario, field: &str) -> Control {
    if let Some((i, rest)) = indexed(field, "holders") {
        let Some(holder) = scenario.holders.get(i) else { return Control::Stakes };
        return match rest {
            ".percent" => Control::Stake(holder.id.clone()),
            ".name" => Control::Name(holder.id.clone()),
            _ => Control::Stakes,
        };
    }
    if field == "holders" {
        return Control::Stakes;
    }
    if let Some((r, rest)) = indexed(field, "rounds") {
        let round = scenario.rounds.get(r);
        if rest.starts_with(".valuation") {
            return Control::Valuation;
        }
        #[cfg(feature = "full")]
        if rest.starts_with(".terms") {
            return if rest == ".terms.cap" { Control::Cap } else { Control::Terms };
        }
        if let Some((j, rest)) = rest.strip_prefix('.').and_then(|rest| indexed(rest, "investments")) {
            let Some(investment) = round.and_then(|round| round.investments.get(j)) else {
                return Control::Investors;
            };
            return match rest {
                ".amount" => Control::Amount(investment.holder.clone()),
                ".name" => Control::Name(investment.holder.clone()),
                _ => Control::Investors,
            };
        }
        return Control::Investors;
    }
    match field {
        "rounds" => Control::Investors,
        "as_of" => Control::AsOf,
        _ if field.starts_with("events.") => Control::Event(field.trim_start_matches("events.").to_owned()),
        _ if field.starts_with("whatifs") => Control::WhatIf,
        #[cfg(feature = "full")]
        _ if field.starts_with("exit") => Control::Exit,
        _ => Control::General,
    }
}

/// `name[i]rest` as `(i, rest)`.
fn indexed<'a>(field: &'a str, name: &str) -> Option<(usize, &'a str)> {
    let rest = field.strip_prefix(name)?.strip_prefix('[')?;
    let (index, rest) = rest.split_once(']')?;
    Some((index.parse().ok()?, rest))
}

/// The reader's sentence for a core error.
pub fn message(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::NotPositive(_) => "Must be more than zero.".to_owned(),
        ErrorKind::PostMoneyNotAboveNewMoney { post_money, new_money } => format!(
            "A post-money valuation of {} $B leaves nothing before the new money ({} $B): raise it, or read it as pre-money.",
            input::plain_billions(*post_money),
            input::plain_billions(*new_money)
        ),
        ErrorKind::StakesDoNotAddUp(total) => format!(
            "The stakes would add up to {}%, not 100%, and no other starting holder can take up the difference.",
            input::plain_percent(*total)
        ),
        ErrorKind::DateBefore(date) => format!("Must not be before {date}."),
        ErrorKind::Empty => "Must not be empty.".to_owned(),
        other => {
            // The core's messages start lower-case and in ASCII; make a sentence of one.
            let mut text = other.to_string();
            if let Some(first) = text.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            text.push('.');
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fortress_core::Date;

    fn percent_after(state: &State, id: &str) -> String {
        let last = state.outcome.last_stage().unwrap();
        format!("{:.4}", last.holder(id).map_or(f64::NAN, |h| h.percent))
    }

    fn amount(holder: &str, text: &str) -> Action {
        Action::Amount { holder: holder.into(), text: text.into() }
    }

    #[test]
    fn the_default_state_is_the_february_round() {
        let state = State::new(presets::DEFAULT);
        assert_eq!(state.error, None);
        assert_eq!(state.focus, "microsoft");
        assert_eq!(percent_after(&state, "microsoft"), "23.4643");
        let unknown = State::new("no-such");
        assert_eq!(unknown.preset, presets::DEFAULT);
        assert_eq!(unknown.error.map(|e| e.at), Some(Control::General));
    }

    #[test]
    fn good_edits_change_the_outcome() {
        let state = State::new(presets::DEFAULT);
        // (action, holder, stake after the round)
        let cases = [
            (Action::Basis(ValuationBasis::PostMoney), "microsoft", "22.9315"),
            (Action::Basis(ValuationBasis::PostMoney), "amazon", "6.8493"),
            (amount("amazon", "0.5"), "amazon", "0.0633"),
            (Action::Valuation("1000".into()), "microsoft", "24.3243"),
            (Action::Stake { holder: "microsoft".into(), text: "30".into() }, "microsoft", "26.0714"),
            #[cfg(feature = "full")]
            (Action::AddInvestor("Apple".into()), "apple", "1.1765"),
            #[cfg(feature = "full")]
            (Action::RemoveInvestor("amazon".into()), "microsoft", "24.9494"),
        ];
        for (action, holder, want) in cases {
            let next = state.reduce(action.clone());
            assert_eq!(next.error, None, "{action:?}");
            assert_eq!(percent_after(&next, holder), want, "{action:?}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn the_exit_price_moves_the_exit_and_a_bad_one_is_refused_in_place() {
        let state = State::new("exit-what-if");
        assert_eq!(state.error, None);
        let paid = |s: &State, id: &str| {
            let exit = s.outcome.exit.as_ref().expect("an exit");
            (exit.value, exit.holders.iter().find(|h| h.id == id).map(|h| h.amount))
        };
        assert_eq!(paid(&state, "amazon"), (500_000_000_000, Some(50_000_000_000)));
        // At $1,200B converting pays the 2026 investors more than their money back: Amazon's
        // stake after the close, 50/852 of the company, is worth 50/852 x $1,200B.
        let sold = state.reduce(Action::Exit("1200".into()));
        assert_eq!(sold.error, None);
        let (value, amazon) = paid(&sold, "amazon");
        assert_eq!(value, 1_200_000_000_000);
        assert!(amazon.is_some_and(|a| a.abs_diff(1_200_000_000_000 * 50 / 852) < 2), "{amazon:?}");
        for text in ["abc", "-5", ""] {
            let refused = sold.reduce(Action::Exit(text.into()));
            assert_eq!(refused.error.as_ref().map(|e| &e.at), Some(&Control::Exit), "{text:?}");
            assert_eq!(refused.draft(&Control::Exit), Some(text));
            assert_eq!(refused.outcome, sold.outcome, "the last good exit stays");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn the_round_shares_terms_make_a_class_and_bad_ones_are_refused_in_place() {
        use fortress_core::engine::Choice;
        use fortress_core::{AntiDilutionKind, Multiple, ParticipationKind};
        let state = State::new(presets::DEFAULT);
        assert_eq!(state.outcome.exit, None, "the default round sells common shares");
        let on = state.reduce(Action::Terms(TermsEdit::On(true)));
        assert_eq!(on.scenario.rounds[0].terms, Some(fortress_core::ClassTerms::ONE_X));
        // No sale price is set: the round's $840B post-money is shared out, where converting pays
        // the new investors exactly their money, a tie they settle by keeping the preference.
        let exit = on.outcome.exit.as_ref().expect("an exit");
        assert_eq!((exit.value, exit.asked), (840_000_000_000, false));
        assert_eq!(exit.classes[1].choice, Choice::TakesPreference);
        let richer = on.reduce(Action::Terms(TermsEdit::Preference("1.5".into())));
        assert_eq!(richer.scenario.rounds[0].terms.map(|t| t.preference), Some(Multiple::from_micros(1_500_000)));
        let capped = richer.reduce(Action::Terms(TermsEdit::Participation(ParticipationKind::Capped)));
        let terms = capped.scenario.rounds[0].terms.expect("terms");
        assert_eq!(
            (terms.participation, terms.cap),
            (ParticipationKind::Capped, Some(Multiple::from_micros(3_000_000)))
        );
        // A cap below the preference is refused beside the cap, and the last good terms stay.
        let low = capped.reduce(Action::Terms(TermsEdit::Cap("1".into())));
        assert_eq!(low.error.as_ref().map(|e| &e.at), Some(&Control::Cap));
        assert_eq!(low.error.as_ref().map(|e| e.message.as_str()), Some("The cap must not be below the preference."));
        assert_eq!(low.scenario, capped.scenario);
        let bad = capped.reduce(Action::Terms(TermsEdit::Preference("abc".into())));
        assert_eq!(bad.error.as_ref().map(|e| &e.at), Some(&Control::Terms));
        assert_eq!(bad.draft(&Control::Terms), Some("abc"));
        let protected = capped.reduce(Action::Terms(TermsEdit::AntiDilution(AntiDilutionKind::BroadBased)));
        assert_eq!(protected.scenario.rounds[0].terms.map(|t| t.anti_dilution), Some(AntiDilutionKind::BroadBased));
        let off = protected.reduce(Action::Terms(TermsEdit::On(false)));
        assert_eq!((off.scenario.rounds[0].terms, off.outcome.exit.is_none()), (None, true));
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_large_exit_shows_its_largest_payouts_and_the_focus_until_all_are_asked_for() {
        let mut scenario = fortress_testkit::synthetic(300, 2);
        if let Some(round) = scenario.rounds.last_mut() {
            round.terms = Some(fortress_core::ClassTerms::ONE_X);
        }
        let state = State::opened(presets::DEFAULT, scenario);
        let exit = state.outcome.exit.as_ref().expect("an exit");
        assert!(exit.holders.len() > SHOWN_HOLDERS + 1);
        let (shown, left_out) = state.shown_exit_holders();
        assert_eq!(shown.len() + left_out, exit.holders.len());
        assert!(shown.len() <= SHOWN_HOLDERS + 1 && shown.iter().any(|h| h.id == state.focus));
        let smallest_shown = shown.iter().filter(|h| h.id != state.focus).map(|h| h.amount).min().unwrap_or(0);
        let hidden = exit.holders.iter().filter(|h| !shown.iter().any(|s| s.id == h.id));
        assert!(hidden.into_iter().all(|h| h.amount <= smallest_shown), "the largest payouts are shown");
        let all = state.reduce(Action::AllHolders(true));
        assert_eq!(all.shown_exit_holders(), (exit.holders.iter().collect(), 0));
    }

    #[test]
    fn bad_edits_keep_the_last_good_outcome_and_say_where() {
        let state = State::new(presets::DEFAULT);
        let post = state.reduce(Action::Basis(ValuationBasis::PostMoney));
        // (starting state, action, control with the message, control with the draft, draft, message starts)
        let amazon = || Control::Amount("amazon".into());
        let cases = [
            (&state, amount("amazon", "abc"), amazon(), amazon(), Some("abc"), "\u{201c}abc\u{201d} is not a number"),
            (&state, amount("amazon", "-5"), amazon(), amazon(), Some("-5"), "Must not be negative"),
            (&state, amount("amazon", ""), amazon(), amazon(), Some(""), "Enter an amount"),
            (
                &post,
                Action::Valuation("100".into()),
                Control::Valuation,
                Control::Valuation,
                Some("100"),
                "A post-money",
            ),
            (&post, amount("amazon", "800"), Control::Valuation, amazon(), Some("800"), "A post-money"),
            (
                &state,
                Action::Stake { holder: "microsoft".into(), text: "101".into() },
                Control::Stake("microsoft".into()),
                Control::Stake("microsoft".into()),
                Some("101"),
                "Must be between 0 and 100%",
            ),
            #[cfg(feature = "full")]
            (
                &state,
                Action::Rename { holder: "nvidia".into(), name: " ".into() },
                Control::Name("nvidia".into()),
                Control::Name("nvidia".into()),
                Some(" "),
                "Must not be empty",
            ),
            (
                &state,
                Action::AsOf(DateEntry::Iso(String::new())),
                Control::AsOf,
                Control::AsOf,
                Some(""),
                "Enter a full date",
            ),
        ];
        for (before, action, at, source, draft, starts) in cases {
            let next = before.reduce(action.clone());
            assert_eq!(next.outcome, before.outcome, "{action:?} keeps the outcome");
            assert_eq!(next.scenario, before.scenario, "{action:?} keeps the scenario");
            let error = next.error.clone().unwrap();
            assert_eq!((&error.at, &error.source), (&at, &source), "{action:?}");
            assert_eq!(next.draft(&source), draft, "{action:?}");
            assert!(error.message.starts_with(starts), "{action:?}: {}", error.message);
            // The next good edit clears the message.
            assert_eq!(next.reduce(amount("nvidia", "31")).error, None);
        }
    }

    #[test]
    fn a_single_holder_table_cannot_move() {
        let mut state = State::new("oct-2025");
        let scenario = Rc::make_mut(&mut state.scenario);
        scenario.holders.truncate(1);
        scenario.holders[0].percent = fortress_core::Percent::from_micros(100_000_000);
        let next = state.reduce(Action::Stake { holder: "microsoft".into(), text: "50".into() });
        let error = next.error.unwrap();
        assert_eq!(error.at, Control::Stake("microsoft".into()));
        assert!(error.message.starts_with("The stakes would add up to 50%"), "{}", error.message);
    }

    #[test]
    fn events_and_whatifs() {
        let state = State::new(presets::DEFAULT);
        let declared = state.reduce(Action::EventHappened("agi_declared".into(), true));
        assert_eq!(declared.scenario.events.get("agi_declared"), Date::new(2026, 2, 27));
        let moved = declared.reduce(Action::EventDate("agi_declared".into(), DateEntry::Iso("2027-03-01".into())));
        assert_eq!(moved.scenario.events.get("agi_declared"), Date::new(2027, 3, 1));
        let verified = moved.reduce(Action::EventHappened("agi_verified".into(), true));
        assert_eq!(verified.scenario.events.get("agi_verified"), Date::new(2027, 3, 1));
        let early = verified.reduce(Action::EventDate("agi_verified".into(), DateEntry::Iso("2027-01-01".into())));
        assert_eq!(early.error.map(|e| e.at), Some(Control::Event("agi_verified".into())));
        assert_eq!(Control::Event("agi_verified".into()).error_id(), "error-agi-verified");
        let cleared = verified.reduce(Action::EventHappened("agi_declared".into(), false));
        assert_eq!(cleared.scenario.events.get("agi_declared"), None);
    }

    /// The lighter build hands the scenario to the full build for the analysts' controls.
    #[test]
    fn more_controls_hand_the_scenario_over() {
        let moved = State::new(presets::DEFAULT).reduce(amount("amazon", "20"));
        let asked = moved.reduce(Action::MoreControls);
        assert_eq!(asked.scenario, moved.scenario, "the scenario stays shown meanwhile");
        let Some(Upgrade::Controls(fragment)) = &asked.upgrade else { panic!("{:?}", asked.upgrade) };
        assert_eq!(State::from_link(fragment).scenario, moved.scenario);
    }

    /// The what-ifs watch the deal's holder and end its headline term.
    #[cfg(feature = "full")]
    #[test]
    fn whatifs_follow_the_deal() {
        let state = State::new(presets::DEFAULT);
        assert_eq!(state.watched(), ("microsoft", "azure-api-exclusivity"));
        let (holder, term) = state.watched();
        let on = state.reduce(Action::WhatIfFloorOn(true));
        assert_eq!(edit::whatif_floor(&on.scenario, holder, term).map(|p| p.micros()), Some(20_000_000));
        let moved = on.reduce(Action::WhatIfFloor("24.5".into()));
        assert_eq!(edit::whatif_floor(&moved.scenario, holder, term).map(|p| p.micros()), Some(24_500_000));
        assert!(moved.reduce(Action::WhatIfFloorOn(false)).scenario.whatifs.is_empty());
        let outweighed = state.reduce(Action::WhatIfOutweighedOn(true));
        assert!(edit::whatif_outweighed(&outweighed.scenario, holder, term));
        // Under Anthropic's deal, the what-ifs watch Amazon and end its own key term.
        let anthropic = State::new("anthropic-series-h");
        let deal = fortress_core::deal::built_in("anthropic-amazon-google").unwrap();
        assert_eq!(anthropic.watched(), (&*deal.whatif_holder, &*deal.key_term));
    }

    /// A large table shows its largest holders (ties in table order) and the one in focus, until
    /// the reader asks for all.
    #[test]
    fn a_large_table_shows_its_largest_holders_until_asked_for_all() {
        let mut scenario = presets::feb_2026_pre_money();
        scenario.rounds.clear();
        scenario.holders = (0..30)
            .map(|i| fortress_core::Holder {
                id: format!("h{i}"),
                name: format!("Holder {i}"),
                percent: fortress_core::Percent::from_micros(if i < 10 { 4_000_000 } else { 3_000_000 }),
                group: false,
            })
            .collect();
        let state = State::opened(presets::DEFAULT, scenario).reduce(Action::Focus("h29".into()));
        assert_eq!(state.error, None);
        let (shown, left_out) = state.shown_holders();
        let ids: Vec<&str> = shown.iter().map(|row| row.id.as_str()).collect();
        let mut want: Vec<String> = (0..SHOWN_HOLDERS).map(|i| format!("h{i}")).collect();
        want.push("h29".into());
        assert_eq!(ids, want.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(left_out, 30 - SHOWN_HOLDERS - 1);
        let all = state.reduce(Action::AllHolders(true));
        assert_eq!((all.shown_holders().0.len(), all.shown_holders().1), (30, 0));
        // A small table shows every holder.
        assert_eq!(State::new(presets::DEFAULT).shown_holders().1, 0);
    }

    #[test]
    fn a_cell_picked_on_the_map_is_an_edit_of_the_valuation() {
        let state = State::new(presets::DEFAULT);
        let picked = fortress_core::sensitivity::scenario_at(&state.scenario, 55_000_000_000, 753_000_000_000).unwrap();
        let next = state.reduce(Action::MapPick(link::encode(&picked)));
        assert_eq!((*next.scenario == picked, next.error), (true, None));
        assert_eq!(next.preset, state.preset);
        assert!(next.comparison.is_some(), "compared with the preset it came from");
        let damaged = state.reduce(Action::MapPick("1.xyz".into()));
        assert_eq!(damaged.scenario, state.scenario, "a damaged pick changes nothing");
        assert!(damaged.error.is_some());
    }

    #[test]
    fn the_map_is_asked_for_the_scenario_and_the_holder_in_focus_once_shown() {
        let state = State::new(presets::DEFAULT);
        assert_eq!(state.map_request(), None, "not asked for until shown");
        let shown = state.reduce(Action::ShowMap(true));
        assert_eq!(shown.map_request(), Some((link::encode(&shown.scenario), "microsoft".to_owned())));
        // An edit or a new focus asks for the map of the new scenario or holder.
        let moved = shown.reduce(amount("amazon", "20"));
        assert_eq!(moved.map_request(), Some((link::encode(&moved.scenario), "microsoft".to_owned())));
        assert_eq!(shown.reduce(Action::Focus("amazon".into())).map_request().map(|r| r.1), Some("amazon".into()));
        // Another preset keeps the map shown (the panel says when it has no round to vary).
        let other = shown.reduce(Action::Preset("oct-2025".into()));
        assert!(other.map_shown);
        assert_eq!(other.map_request().map(|r| r.0), Some(link::encode(&other.scenario)));
        assert_eq!(shown.reduce(Action::ShowMap(false)).map_request(), None);
    }

    #[test]
    fn the_comparison_follows_the_choice() {
        let state = State::new(presets::DEFAULT);
        assert_eq!(state.comparison, None, "nothing to compare before anything moved");
        let moved = state.reduce(amount("amazon", "100"));
        let (comparison, label) = moved.comparison.clone().unwrap();
        assert!(label.contains("the preset as published"), "{label}");
        let microsoft = comparison.holders.iter().find(|h| h.id == "microsoft").unwrap();
        assert_eq!(format!("{:.4}", microsoft.points), "-1.3182");
        assert_eq!(moved.reduce(Action::Compare(CompareChoice::Off)).comparison, None);
        let other = moved.reduce(Action::Compare(CompareChoice::Preset("feb-2026-post".into())));
        if fortress_core::FULL {
            assert!(other.comparison.as_ref().is_some_and(|(_, label)| label.contains("post-money")));
        } else {
            // The lighter build hands the comparison, link and all, to the full build.
            let Some(Upgrade::Link(fragment)) = &other.upgrade else { panic!("{:?}", other.upgrade) };
            let sent = link::decode_link(fragment);
            assert!(matches!(sent, Err(link::LinkError::NeedsFull { .. })), "{sent:?}");
        }
        // Pinned, then moved on: the difference is from the pin.
        let pinned = moved.reduce(Action::Compare(CompareChoice::Pin));
        assert!(pinned.comparison.as_ref().is_some_and(|(c, _)| c.holders.iter().all(|h| h.points == 0.0)));
        let further = pinned.reduce(amount("amazon", "50"));
        let (comparison, label) = further.comparison.clone().unwrap();
        assert_eq!(label, "the scenario you pinned");
        assert!(comparison.holders.iter().find(|h| h.id == "microsoft").unwrap().points > 1.0);
        // The link carries the pin: the receiver sees the same comparison.
        let opened = State::from_link(&further.share_fragment().unwrap());
        assert_eq!(opened.comparison, further.comparison);
    }

    #[test]
    fn presets_reset_and_focus() {
        let state = State::new(presets::DEFAULT);
        let edited = state.reduce(amount("amazon", "1"));
        let reset = edited.reduce(Action::Reset);
        assert_eq!(reset.scenario, state.scenario);
        assert_ne!(reset.generation, edited.generation);
        let other = state.reduce(Action::Preset("feb-2026-post".into()));
        if fortress_core::FULL {
            assert_eq!(percent_after(&other, "microsoft"), "22.9315");
        } else {
            assert_eq!(other.upgrade, Some(Upgrade::Preset("feb-2026-post".into())), "the full build shows it");
        }
        assert_eq!(state.reduce(Action::Focus("amazon".into())).focus, "amazon");
        assert_eq!(state.reduce(Action::Focus("nobody".into())).focus, "microsoft");
        #[cfg(feature = "full")]
        {
            let gone = state.reduce(Action::Focus("amazon".into())).reduce(Action::RemoveInvestor("amazon".into()));
            assert_eq!(gone.focus, "microsoft");
        }
    }

    #[test]
    fn links_reopen_the_scenario_and_its_preset() {
        if !fortress_core::FULL {
            return; // the_lighter_build_hands_over_what_it_does_not_carry, for the lighter build
        }
        let edited =
            State::new("feb-2026-post").reduce(amount("amazon", "20")).reduce(Action::Compare(CompareChoice::Pin));
        let fragment = edited.share_fragment().unwrap();
        for text in [fragment.clone(), format!("#{fragment}"), format!("http://127.0.0.1:8080/#{fragment}")] {
            let opened = State::from_link(&text);
            assert_eq!((&opened.scenario, &opened.outcome, opened.error), (&edited.scenario, &edited.outcome, None));
            assert_eq!(opened.preset, "feb-2026-post");
        }
        let reopened = edited.reduce(Action::OpenLink(State::new(presets::DEFAULT).share_fragment().unwrap()));
        assert_eq!(*reopened.scenario, presets::feb_2026_pre_money());
        assert_ne!(reopened.generation, edited.generation, "the controls are laid out anew");
    }

    #[test]
    fn bad_links_open_the_default_with_a_plain_message() {
        let good = State::new("oct-2025").reduce(amount("amazon", "20")).share_fragment().unwrap_or_default();
        let mangled = good.replacen('A', "B", 1);
        let cases = [
            (good[..good.len() - 3].to_owned(), LINK_DAMAGED),
            (mangled, LINK_DAMAGED),
            ("1.".to_owned() + &"A".repeat(MAX_LINK_BYTES), LINK_DAMAGED),
            ("not a link".to_owned(), LINK_DAMAGED),
            ("<script>alert(1)</script>".to_owned(), LINK_DAMAGED),
            ("2.AAAA".to_owned(), LINK_NEWER),
        ];
        for (text, message) in cases {
            let state = State::from_link(&text);
            assert_eq!(*state.scenario, presets::feb_2026_pre_money(), "{text:.40}");
            assert_eq!(state.error.map(|e| (e.at, e.message)), Some((Control::General, message.to_owned())));
        }
    }

    /// The lighter build (the standalone page's and the embed's) carries the
    /// default preset only, and hands every other, and every link made on
    /// one, to the full build, whole.
    #[test]
    fn the_lighter_build_hands_over_what_it_does_not_carry() {
        if fortress_core::FULL {
            return; // links_reopen_the_scenario_and_its_preset, for the full build
        }
        for (name, _) in presets::OTHERS.iter().filter(|(name, _)| presets::left_out(name)) {
            let state = State::new(name);
            assert_eq!(state.upgrade, Some(Upgrade::Preset((*name).to_owned())), "{name}");
        }
        let edited = State::new(presets::DEFAULT).reduce(amount("amazon", "20"));
        let fragment = edited.share_fragment().unwrap();
        let opened = State::from_link(&fragment);
        assert_eq!((&opened.scenario, &opened.upgrade), (&edited.scenario, &None));
        // A link made on another preset (format/tests/golden/links.txt: oct-2026-funded as it is):
        // handed over as it came.
        let state = State::from_link("1.CQADN");
        assert_eq!(state.upgrade, Some(Upgrade::Link("1.CQADN".into())));
        let mut scenario = presets::feb_2026_pre_money();
        scenario.deal = Some("anthropic-amazon-google".into());
        let opened = State::new(presets::DEFAULT).reduce(Action::Open(Box::new(scenario)));
        assert!(matches!(opened.upgrade, Some(Upgrade::Link(_))), "{:?}", opened.upgrade);
    }

    #[test]
    fn the_host_can_open_a_scenario_or_show_a_message() {
        let state = State::new(presets::DEFAULT);
        let mut scenario = presets::oct_2025_recap();
        let opened = state.reduce(Action::Open(Box::new(scenario.clone())));
        assert_eq!((&*opened.scenario, &opened.error), (&scenario, &None));
        scenario.holders.clear();
        let refused = state.reduce(Action::Open(Box::new(scenario)));
        assert_eq!(*refused.scenario, presets::feb_2026_pre_money());
        assert!(refused.error.unwrap().message.ends_with("showing the default scenario."));
        let told = state.reduce(Action::Refused("No.".into()));
        assert_eq!((told.scenario, told.error.map(|e| e.message)), (state.scenario, Some("No.".to_owned())));
    }

    #[test]
    fn field_paths_find_their_controls() {
        let scenario = presets::feb_2026_pre_money();
        let cases = [
            ("holders", Control::Stakes),
            ("holders[0].percent", Control::Stake("microsoft".into())),
            ("holders[2].name", Control::Name("others".into())),
            ("holders[9].percent", Control::Stakes),
            ("rounds[0].valuation.post_money", Control::Valuation),
            ("rounds[0].investments[1].amount", Control::Amount("nvidia".into())),
            ("rounds[0].investments[2].name", Control::Name("softbank".into())),
            ("rounds[0].investments[7].amount", Control::Investors),
            ("rounds[0]", Control::Investors),
            ("as_of", Control::AsOf),
            ("events.agi_verified", Control::Event("agi_verified".into())),
            ("whatifs[0].percent", Control::WhatIf),
            ("title", Control::General),
            ("holders[x]", Control::General),
        ];
        for (field, want) in cases {
            assert_eq!(control_for(&scenario, field), want, "{field}");
        }
    }
}
