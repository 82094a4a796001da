//! Deals: contract terms as data a publisher can write.
//!
//! A [`Deal`] is everything Fortress knows about one company's agreements:
//! the dated events its terms hang on ([`EventDef`], "AGI declared"), its
//! regimes in time ([`Regime`], each in force from a day until the next one
//! begins), its terms ([`Term`], each with a [`Rule`] per regime), the routing
//! rules that answer "where may this product run?" ([`RouteRule`]), and what
//! a view needs to show it generically: the headline's key term, the holder
//! the stake what-ifs watch, the products whose routes are shown.
//!
//! One type serves the deals the core carries (static data: every text and
//! list borrowed from `'static` data, so none is built at run time)
//! and the deals a publisher writes (read from JSON by `fortress-format`, every
//! text and list owned). The same interpreter (`crate::terms`) judges both.
//!
//! The built-in deals are [`OPENAI_MICROSOFT`] (the default, when a scenario
//! names none) and, with the `full` feature, `ANTHROPIC` ([`FULL_ONLY`]: the
//! widget's lighter build hands a scenario under it to the full build, see
//! [`needs_full`]); each is also a JSON file in `core/deals/`
//! in the deal format (docs/DEALS.md), which a test reads back to exactly
//! this data. Every deal, built in or not, passes [`validate_deal`].

/// A list of static data as a deal's list ([`List`]): `parts!(&[..])`.
#[cfg(feature = "full")]
macro_rules! parts {
    ($list:expr) => {
        std::borrow::Cow::Borrowed($list)
    };
}
/// A list of static data as a deal's list ([`List`]): `parts!(&[..])`.
#[cfg(not(feature = "full"))]
macro_rules! parts {
    ($list:expr) => {
        $list
    };
}

#[cfg(feature = "full")]
mod anthropic;
mod condition;
mod openai_microsoft;
mod validate;

use serde::Serialize;

use crate::error::{ErrorKind, ScenarioError};
use crate::scenario::{Confidence, Scenario};
use crate::Date;

#[cfg(feature = "full")]
pub use anthropic::ANTHROPIC;
pub use condition::{words, Condition, Day, Fact, Hosting, Parts, ProductKind, Words};
pub use openai_microsoft::OPENAI_MICROSOFT;
pub use validate::{
    validate_deal, MAX_CONDITION_DEPTH, MAX_CONDITION_PARTS, MAX_DEAL_EVENTS, MAX_DEAL_TEXT_CHARS, MAX_FIGURES,
    MAX_REGIMES, MAX_ROUTES, MAX_TERMS,
};

/// A text of a deal: borrowed from static data, or (in the full build) owned when read from a file.
pub type Text = Words<'static>;

/// A list of a deal: borrowed from static data, or (in the full build) owned when read from a file.
pub type List<T> = Parts<'static, T>;

/// Every deal this build carries, the default first.
#[cfg(feature = "full")]
pub static BUILT_IN: &[&Deal] = &[&OPENAI_MICROSOFT, &ANTHROPIC];
/// Every deal this build carries: the lighter build's, the default only.
#[cfg(not(feature = "full"))]
pub static BUILT_IN: &[&Deal] = &[&OPENAI_MICROSOFT];

/// The built-in deals only the full build carries (feature `full`), by id: a
/// scenario under one of them is the full build's to show.
pub const FULL_ONLY: &[&str] = &["anthropic-amazon-google"];

/// What this build must leave to the full build in `scenario`, in words (`the
/// deal anthropic-amazon-google`, `the preset oct-2026-funded`): a built-in
/// deal it names, or a preset it compares with, that this build does not
/// carry. `None` when this build can show it, as the full build always can.
///
/// ```
/// use fortress_core::{deal, presets};
/// assert_eq!(deal::full_build_for(&presets::feb_2026_pre_money()), None);
/// let mut scenario = presets::feb_2026_pre_money();
/// scenario.deal = Some("anthropic-amazon-google".to_owned());
/// let wanted = deal::full_build_for(&scenario);
/// assert_eq!(wanted.as_deref(), (!cfg!(feature = "full")).then_some("the deal anthropic-amazon-google"));
/// ```
pub fn full_build_for(scenario: &Scenario) -> Option<String> {
    match (scenario.deal.as_deref(), &scenario.compare) {
        (Some(id), _) if built_in(id).is_none() && FULL_ONLY.contains(&id) => Some(format!("the deal {id}")),
        (_, Some(crate::Compare::Preset(name))) if crate::presets::left_out(name) => Some(format!("the preset {name}")),
        _ => None,
    }
}

/// Whether this build must leave `scenario` to the full build ([`full_build_for`]).
pub fn needs_full(scenario: &Scenario) -> bool {
    full_build_for(scenario).is_some()
}

/// The id of the deal a scenario is judged under when it names none.
pub const DEFAULT: &str = "openai-microsoft";

/// One company's agreements as data.
#[derive(Clone, Debug, PartialEq)]
pub struct Deal {
    /// A short identifier, as a scenario names the deal: lower-case letters, digits and hyphens.
    pub id: Text,
    /// The deal's name for people: "Microsoft and OpenAI".
    pub name: Text,
    /// The dated events the terms hang on, in the order a view lists them.
    pub events: List<EventDef>,
    /// The regimes, in the order they take effect (each later than the one before).
    pub regimes: List<Regime>,
    /// Every term, in the order an outcome lists them, each with a rule for every regime.
    pub terms: List<Term>,
    /// The routing rules, tried in order; each applies to the regimes it names (all when none).
    pub routes: List<RouteRule>,
    /// The products whose routes an outcome gives, in order.
    pub products: List<Product>,
    /// The id of the term the headline answers for.
    pub key_term: Text,
    /// The holder whose stake the widget's what-ifs watch.
    pub whatif_holder: Text,
}

/// A dated event a deal's terms hang on: "OpenAI declares AGI".
///
/// A scenario dates it in its `events`, under the event's id.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDef {
    /// The key a scenario dates it under: lower-case letters, digits and underscores.
    pub id: Text,
    /// The event as a control labels it: "AGI declared".
    pub name: Text,
    /// The event as a timeline names it, after "by": "OpenAI's declaration of AGI".
    pub label: Text,
    /// The event as a reason says it happened, before " on DATE": "OpenAI declared AGI".
    pub happened: Text,
    /// The event as a reason says it has not happened: "OpenAI has not declared AGI".
    pub pending: Text,
    /// The id of an event this one cannot come before (verification after declaration), if any.
    pub not_before: Option<Text>,
    /// The day a reader's "it has happened" sets when the scenario has no date of its own.
    pub default_day: Day,
}

/// A contract regime: the terms in force from a day on, until a later regime replaces it.
#[derive(Clone, Debug, PartialEq)]
pub struct Regime {
    /// The regime's id, as a scenario pins it and a term's rules name it.
    pub id: Text,
    /// The regime's name for people, as it reads inside a sentence: "the April 27, 2026 amendment".
    pub name: Text,
    /// The event that brought it in, short, as a timeline labels it: "the amendment".
    pub event: Text,
    /// The day it takes effect.
    pub starts: Day,
    /// Where the regime's terms come from.
    pub source: Cite,
}

/// Where something comes from: who said it and when, how sure it is, and
/// the address a reader can open (empty when it has no public one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cite {
    /// Who said it, and when, in words.
    pub source: Text,
    /// Its public address, `https://...`; empty when there is none.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub url: Text,
    /// How sure it is.
    pub confidence: Confidence,
}

/// A figure a term's sources give, with its own source and confidence: the
/// revenue-share cap "reported as $38B", say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The figure, in words.
    pub fact: Text,
    /// Where it comes from.
    #[serde(flatten)]
    pub cite: Cite,
}

/// One contract term: what it grants, where that comes from, and its rule under each regime.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// A short identifier: lower-case letters, digits and hyphens.
    pub id: Text,
    /// A short title.
    pub title: Text,
    /// What the term grants, in a plain sentence.
    pub grants: Text,
    /// Where the term comes from.
    pub cite: Cite,
    /// Figures the term mentions, each with its own source and confidence.
    pub figures: List<Figure>,
    /// The term under each regime, one for every regime of the deal.
    pub rules: List<RegimeRule>,
}

/// A term under one regime: its rule, and what the regime's sources say differently of it.
#[derive(Clone, Debug, PartialEq)]
pub struct RegimeRule {
    /// The regime's id.
    pub regime: Text,
    /// When the term stands under this regime.
    pub rule: Rule,
    /// The title under this regime, when it differs from the term's.
    pub title: Option<Text>,
    /// What the term grants under this regime, when it differs.
    pub grants: Option<Text>,
    /// Where the term comes from under this regime, when it differs.
    pub cite: Option<Cite>,
    /// The figures under this regime, when they differ.
    pub figures: Option<List<Figure>>,
}

/// A term as one regime has it: its words, its source and its rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TermUnder<'d> {
    /// The term.
    pub term: &'d Term,
    /// The title under the regime.
    pub title: &'d Text,
    /// What it grants under the regime.
    pub grants: &'d Text,
    /// Its source under the regime.
    pub cite: &'d Cite,
    /// Its figures under the regime.
    pub figures: &'d List<Figure>,
    /// Its rule under the regime.
    pub rule: &'d Rule,
}

/// When a term stands, as a regime's sources put it.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// In force for as long as the regime is: the sources set no end.
    Standing,
    /// In force until `ends` holds, then ended.
    Until {
        /// The condition that ends the term.
        ends: Condition<'static>,
        /// When that is, in words that follow "in force": "until the expert panel verifies AGI".
        until: Text,
    },
    /// The regime itself ended the term; the words say how.
    EndedBy(Text),
    /// The term is not part of this regime yet: a later one brings it in; the words say which.
    Later(Text),
    /// The sources and the press read the term two ways; one reading, then the other.
    Contested(Text, Text),
    /// The regime's sources do not say whether the term survives; the words say what is missing.
    Unstated(Text),
}

/// One routing rule: for the products its condition matches, the term that decides where they run.
///
/// A rule decides only when its term's status gives an answer (`ended` may
/// be `None`: a permission that ends leaves the product to the next rule).
#[derive(Clone, Debug, PartialEq)]
pub struct RouteRule {
    /// The ids of the regimes the rule belongs to; empty for every regime.
    pub regimes: List<Text>,
    /// The products (and partners) the rule is about.
    pub when: Condition<'static>,
    /// The id of the term that decides.
    pub term: Text,
    /// Where the product may run while the term is in force.
    pub in_force: Hosting,
    /// Where it may run once the term has ended; `None` to fall through to the next rule.
    pub ended: Option<Hosting>,
    /// What a reader should know while the term is in force; may be empty.
    pub note_in_force: Text,
    /// What a reader should know once the term has ended; may be empty.
    pub note_ended: Text,
}

/// A product whose route an outcome gives, and the partner it is built with, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    /// The kind of product.
    pub kind: ProductKind,
    /// The partner the routing question assumes ("Amazon"), if any.
    pub partner: Option<Text>,
}

impl Deal {
    /// The regime with this id.
    ///
    /// ```
    /// use fortress_core::deal::OPENAI_MICROSOFT;
    /// assert_eq!(OPENAI_MICROSOFT.regime("apr-2026").unwrap().starts.to_string(), "2026-04-27");
    /// ```
    pub fn regime(&self, id: &str) -> Option<&Regime> {
        self.regimes.iter().find(|regime| regime.id == id)
    }

    /// The term with this id.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|term| term.id == id)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&EventDef> {
        self.events.iter().find(|event| event.id == id)
    }

    /// The events a view offers as controls, in order: each with its id, its
    /// name and its default day ([`crate::edit::event_default_date`]).
    ///
    /// ```
    /// use fortress_core::deal::OPENAI_MICROSOFT;
    /// let names: Vec<&str> = OPENAI_MICROSOFT.events().iter().map(|e| &*e.name).collect();
    /// assert_eq!(names, ["AGI declared", "AGI verified"]);
    /// ```
    pub fn events(&self) -> &[EventDef] {
        &self.events
    }

    /// True when `id` names a term of this deal, so that a what-if can name it.
    ///
    /// ```
    /// use fortress_core::deal::OPENAI_MICROSOFT;
    /// assert!(OPENAI_MICROSOFT.has_term("azure-api-exclusivity"));
    /// assert!(!OPENAI_MICROSOFT.has_term("azure"));
    /// ```
    pub fn has_term(&self, id: &str) -> bool {
        self.term(id).is_some()
    }

    /// The first regime, which a date before it is judged against.
    pub fn first_regime(&self) -> Option<&Regime> {
        self.regimes.first()
    }

    /// The latest regime that has taken effect on `date`; the first one before any has.
    pub fn regime_on(&self, date: Date) -> Option<&Regime> {
        self.regimes.iter().rev().find(|regime| regime.starts.compare(date).is_ge()).or(self.regimes.first())
    }

    /// The routing rules of one regime, in order.
    pub fn routes_of<'d>(&'d self, regime: &'d str) -> impl Iterator<Item = &'d RouteRule> + 'd {
        self.routes.iter().filter(move |rule| rule.regimes.is_empty() || rule.regimes.iter().any(|r| **r == *regime))
    }
}

impl Term {
    /// The term as the regime `regime` has it; `None` when the term has no rule for it.
    pub fn under(&self, regime: &str) -> Option<TermUnder<'_>> {
        let rule = self.rules.iter().find(|rule| rule.regime == regime)?;
        Some(TermUnder {
            term: self,
            title: rule.title.as_ref().unwrap_or(&self.title),
            grants: rule.grants.as_ref().unwrap_or(&self.grants),
            cite: rule.cite.as_ref().unwrap_or(&self.cite),
            figures: rule.figures.as_ref().unwrap_or(&self.figures),
            rule: &rule.rule,
        })
    }
}

/// A copy of a deal's text, for an outcome: a pointer for a built-in deal's,
/// an allocation for a publisher's. Not inlined, so that one body serves every
/// copy the interpreter makes (which keeps the widget's wasm smaller).
#[inline(never)]
pub(crate) fn copy(text: &Text) -> Text {
    Text::clone(text)
}

/// The built-in deal with this id.
///
/// ```
/// use fortress_core::deal;
/// assert_eq!(deal::built_in("openai-microsoft").map(|d| &*d.name), Some("Microsoft and OpenAI"));
/// assert!(deal::built_in("nope").is_none());
/// ```
pub fn built_in(id: &str) -> Option<&'static Deal> {
    BUILT_IN.iter().copied().find(|deal| deal.id == id)
}

/// The built-in deal a scenario is judged under: the one it names, else the default.
///
/// ```
/// use fortress_core::{deal, presets};
/// assert_eq!(deal::of(&presets::feb_2026_pre_money()).unwrap().id, "openai-microsoft");
/// ```
pub fn of(scenario: &Scenario) -> Result<&'static Deal, ScenarioError> {
    resolve(scenario, &OPENAI_MICROSOFT)
}

/// The deal a scenario is judged under when `given` is the deal at hand (a
/// publisher's): `given` when the scenario names none or names it, else the
/// built-in deal it names.
pub fn resolve<'d>(scenario: &Scenario, given: &'d Deal) -> Result<&'d Deal, ScenarioError> {
    match scenario.deal.as_deref() {
        None => Ok(given),
        Some(id) if id == given.id => Ok(given),
        Some(id) => built_in(id).ok_or_else(|| {
            ScenarioError::new("deal", ErrorKind::UnknownDeal(id.chars().take(crate::validate::MAX_ID_CHARS).collect()))
        }),
    }
}
