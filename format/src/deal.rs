//! Deal files: a publisher's contract terms as JSON (the deal format,
//! `"deal_version": 1`, documented in docs/DEALS.md), read into the core's
//! [`Deal`] and written back.
//!
//! [`parse_deal`] caps the size, checks the version, reads the JSON with
//! `serde_path_to_error` (so a wrong type or an unknown field names its path),
//! turns it into a [`Deal`] whose texts and lists are owned, and validates it
//! with [`fortress_core::deal::validate_deal`] (so a wrong id, a missing rule
//! or an overlong text names its path too). [`deal_to_json`] writes a deal in
//! the same format: the built-in deals' files in `core/deals/` are what it
//! writes, and read back to exactly the built-in data (tests check both).
//!
//! This module is for the command line, the fuzz target and the tests; the
//! widget carries the built-in deals as static data and no JSON reader.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use fortress_core::deal::{
    validate_deal, Cite, Condition, Day, Deal, EventDef, Fact, Figure, Hosting, List, Product, ProductKind, Regime,
    RegimeRule, RouteRule, Rule, Term, Text,
};
use fortress_core::{Confidence, Date, ErrorKind, Percent, ScenarioError};

/// The deal format version this version reads and writes.
pub const DEAL_VERSION: u32 = 1;

/// The largest deal text accepted, checked before parsing: 256 KiB, several
/// times the largest deal Fortress carries.
pub const MAX_DEAL_BYTES: usize = 256 * 1024;

/// Why a deal text was refused: the field at fault (`deal` for the whole
/// text), or where the text breaks. The same type as a scenario's.
pub type DealError = crate::FormatError;

/// Reads and validates a deal from JSON text.
///
/// ```
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../core/deals/openai-microsoft.json")).unwrap();
/// let deal = fortress_format::deal::parse_deal(&text).unwrap();
/// assert_eq!(deal, fortress_core::deal::OPENAI_MICROSOFT);
/// let error = fortress_format::deal::parse_deal(r#"{"deal_version": 2}"#).unwrap_err();
/// assert_eq!(error.field(), "deal_version");
/// ```
pub fn parse_deal(text: &str) -> Result<Deal, DealError> {
    if text.len() > MAX_DEAL_BYTES {
        return Err(DealError::TooLarge { what: "deal", bytes: text.len(), limit: MAX_DEAL_BYTES });
    }
    let first = text.trim_start().chars().next();
    if first.is_some() && first != Some('{') {
        let message = "must be a JSON object, starting with {".to_owned();
        return Err(DealError::Json { field: "deal".to_owned(), message });
    }
    // The version first, so that a newer file is told apart from a broken one.
    #[derive(Deserialize)]
    struct Version {
        deal_version: u32,
    }
    let version: Version = from_json(text)?;
    if version.deal_version != DEAL_VERSION {
        let kind = ErrorKind::UnsupportedDealVersion(version.deal_version);
        return Err(DealError::Invalid(ScenarioError::new("deal_version", kind)));
    }
    let file: DealFile = from_json(text)?;
    let deal = file.into_deal()?;
    validate_deal(&deal)?;
    Ok(deal)
}

/// Reads a JSON value, naming the path of the field at fault.
fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DealError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        // serde_path_to_error writes "." for the root and "?" where the
        // text ended before a field was known.
        let field = if path == "." || path.starts_with('?') { "deal".to_owned() } else { path };
        DealError::Json { field, message: error.into_inner().to_string() }
    })?;
    deserializer.end().map_err(|error| DealError::Json { field: "deal".to_owned(), message: error.to_string() })?;
    Ok(value)
}

/// Writes a deal as indented JSON in the deal format, version 1.
///
/// ```
/// let text = fortress_format::deal::deal_to_json(&fortress_core::deal::OPENAI_MICROSOFT);
/// assert!(text.starts_with("{\n  \"deal_version\": 1,\n  \"id\": \"openai-microsoft\","));
/// ```
pub fn deal_to_json(deal: &Deal) -> String {
    // Serializing these plain types cannot fail; fall back to an empty object all the same.
    serde_json::to_string_pretty(&DealFile::of(deal)).unwrap_or_else(|_| "{}".to_owned())
}

// The file's shape. Every struct denies unknown fields, so that a misspelt
// field is an error that names it, not a silent default.

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DealFile {
    deal_version: u32,
    id: String,
    name: String,
    key_term: String,
    whatif_holder: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    events: Vec<EventFile>,
    regimes: Vec<RegimeFile>,
    terms: Vec<TermFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    routes: Vec<RouteFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    products: Vec<ProductFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventFile {
    id: String,
    name: String,
    label: String,
    happened: String,
    pending: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    not_before: Option<String>,
    default_date: DayText,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegimeFile {
    id: String,
    name: String,
    event: String,
    starts: DayText,
    source: SourceFile,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    url: String,
    confidence: Confidence,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureFile {
    fact: String,
    source: SourceFile,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermFile {
    id: String,
    title: String,
    grants: String,
    source: SourceFile,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    figures: Vec<FigureFile>,
    rules: Rules,
}

/// A term's rules by regime id, in the order written (a JSON object).
struct Rules(Vec<(String, RuleFile)>);

impl Serialize for Rules {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (regime, rule) in &self.0 {
            map.serialize_entry(regime, rule)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Rules {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rules, D::Error> {
        struct RulesVisitor;
        impl<'de> Visitor<'de> for RulesVisitor {
            type Value = Rules;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object from regime ids to rules")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Rules, A::Error> {
                let mut rules = Vec::new();
                while let Some((regime, rule)) = map.next_entry::<String, RuleFile>()? {
                    rules.push((regime, rule));
                }
                Ok(Rules(rules))
            }
        }
        deserializer.deserialize_map(RulesVisitor)
    }
}

/// A term under one regime: exactly one kind of rule, and what the regime words anew.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    standing: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    until: Option<ConditionFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    words: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ended: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    later: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contested: Option<[String; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unstated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    grants: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<SourceFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    figures: Option<Vec<FigureFile>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ConditionFile {
    Always,
    All(Vec<ConditionFile>),
    Any(Vec<ConditionFile>),
    Not(Box<ConditionFile>),
    After(DayText),
    OnOrAfter(DayText),
    Event(String),
    StakeBelow(HolderPercent),
    StakeAbove(HolderPercent),
    Outweighed(HolderOnly),
    AnyHolderAbove(PercentOnly),
    Product(ProductKind),
    Partner(String),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolderPercent {
    holder: String,
    percent: Percent,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolderOnly {
    holder: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PercentOnly {
    percent: Percent,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteFile {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    regimes: Vec<String>,
    when: ConditionFile,
    term: String,
    in_force: HostingFile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ended: Option<HostingFile>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note_in_force: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note_ended: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum HostingFile {
    Only(String),
    AnyCloud,
    Contested,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductFile {
    kind: ProductKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partner: Option<String>,
}

// From the file to the core's types: every text and list owned.

fn text(s: String) -> Text {
    Cow::Owned(s)
}

fn list<T: Clone>(items: Vec<T>) -> List<T> {
    Cow::Owned(items)
}

/// A day, written `YYYY-MM-DD` and read as a date of the calendar.
#[derive(Clone, Copy)]
struct DayText(Day);

impl Serialize for DayText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DayText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DayText, D::Error> {
        Date::deserialize(deserializer).map(|date| DayText(Day::of(date)))
    }
}

impl DealFile {
    fn into_deal(self) -> Result<Deal, ScenarioError> {
        let DealFile { deal_version: _, id, name, key_term, whatif_holder, events, regimes, terms, routes, products } =
            self;
        let mut deal_terms = Vec::with_capacity(terms.len());
        for (i, term) in terms.into_iter().enumerate() {
            deal_terms.push(term.into_term(&format!("terms[{i}]"))?);
        }
        Ok(Deal {
            id: text(id),
            name: text(name),
            events: list(events.into_iter().map(EventFile::into_event).collect()),
            regimes: list(regimes.into_iter().map(RegimeFile::into_regime).collect()),
            terms: list(deal_terms),
            routes: list(routes.into_iter().map(RouteFile::into_route).collect()),
            products: list(products.into_iter().map(ProductFile::into_product).collect()),
            key_term: text(key_term),
            whatif_holder: text(whatif_holder),
        })
    }

    fn of(deal: &Deal) -> DealFile {
        DealFile {
            deal_version: DEAL_VERSION,
            id: deal.id.to_string(),
            name: deal.name.to_string(),
            key_term: deal.key_term.to_string(),
            whatif_holder: deal.whatif_holder.to_string(),
            events: deal.events.iter().map(EventFile::of).collect(),
            regimes: deal.regimes.iter().map(RegimeFile::of).collect(),
            terms: deal.terms.iter().map(TermFile::of).collect(),
            routes: deal.routes.iter().map(RouteFile::of).collect(),
            products: deal.products.iter().map(ProductFile::of).collect(),
        }
    }
}

impl EventFile {
    fn into_event(self) -> EventDef {
        let EventFile { id, name, label, happened, pending, not_before, default_date } = self;
        EventDef {
            id: text(id),
            name: text(name),
            label: text(label),
            happened: text(happened),
            pending: text(pending),
            not_before: not_before.map(text),
            default_day: default_date.0,
        }
    }

    fn of(event: &EventDef) -> EventFile {
        EventFile {
            id: event.id.to_string(),
            name: event.name.to_string(),
            label: event.label.to_string(),
            happened: event.happened.to_string(),
            pending: event.pending.to_string(),
            not_before: event.not_before.as_ref().map(|id| id.to_string()),
            default_date: DayText(event.default_day),
        }
    }
}

impl RegimeFile {
    fn into_regime(self) -> Regime {
        let RegimeFile { id, name, event, starts, source } = self;
        Regime { id: text(id), name: text(name), event: text(event), starts: starts.0, source: source.into_cite() }
    }

    fn of(regime: &Regime) -> RegimeFile {
        RegimeFile {
            id: regime.id.to_string(),
            name: regime.name.to_string(),
            event: regime.event.to_string(),
            starts: DayText(regime.starts),
            source: SourceFile::of(&regime.source),
        }
    }
}

impl SourceFile {
    fn into_cite(self) -> Cite {
        Cite { source: text(self.text), url: text(self.url), confidence: self.confidence }
    }

    fn of(cite: &Cite) -> SourceFile {
        SourceFile { text: cite.source.to_string(), url: cite.url.to_string(), confidence: cite.confidence }
    }
}

impl FigureFile {
    fn into_figure(self) -> Figure {
        Figure { fact: text(self.fact), cite: self.source.into_cite() }
    }

    fn of(figure: &Figure) -> FigureFile {
        FigureFile { fact: figure.fact.to_string(), source: SourceFile::of(&figure.cite) }
    }
}

impl TermFile {
    fn into_term(self, at: &str) -> Result<Term, ScenarioError> {
        let TermFile { id, title, grants, source, figures, rules } = self;
        let mut regime_rules = Vec::with_capacity(rules.0.len());
        for (regime, rule) in rules.0 {
            let rule = rule.into_regime_rule(&format!("{at}.rules.{regime}"), regime)?;
            regime_rules.push(rule);
        }
        Ok(Term {
            id: text(id),
            title: text(title),
            grants: text(grants),
            cite: source.into_cite(),
            figures: list(figures.into_iter().map(FigureFile::into_figure).collect()),
            rules: list(regime_rules),
        })
    }

    fn of(term: &Term) -> TermFile {
        TermFile {
            id: term.id.to_string(),
            title: term.title.to_string(),
            grants: term.grants.to_string(),
            source: SourceFile::of(&term.cite),
            figures: term.figures.iter().map(FigureFile::of).collect(),
            rules: Rules(term.rules.iter().map(|rule| (rule.regime.to_string(), RuleFile::of(rule))).collect()),
        }
    }
}

impl RuleFile {
    /// The rule it gives (exactly one kind), and what the regime words anew.
    fn into_regime_rule(self, at: &str, regime: String) -> Result<RegimeRule, ScenarioError> {
        let RuleFile { standing, until, words, ended, later, contested, unstated, title, grants, source, figures } =
            self;
        let kinds = [standing.is_some(), until.is_some(), ended.is_some(), later.is_some()]
            .into_iter()
            .chain([contested.is_some(), unstated.is_some()])
            .filter(|&given| given)
            .count();
        if kinds != 1 || standing == Some(false) {
            return Err(ScenarioError::new(at, ErrorKind::RuleKind));
        }
        if words.is_some() && until.is_none() {
            return Err(ScenarioError::new(format!("{at}.words"), ErrorKind::RuleKind));
        }
        let rule = if let Some(ends) = until {
            let Some(words) = words else {
                return Err(ScenarioError::new(format!("{at}.words"), ErrorKind::Empty));
            };
            Rule::Until { ends: ends.into_condition(), until: text(words) }
        } else if let Some(how) = ended {
            Rule::EndedBy(text(how))
        } else if let Some(how) = later {
            Rule::Later(text(how))
        } else if let Some([one, other]) = contested {
            Rule::Contested(text(one), text(other))
        } else if let Some(missing) = unstated {
            Rule::Unstated(text(missing))
        } else {
            Rule::Standing
        };
        Ok(RegimeRule {
            regime: text(regime),
            rule,
            title: title.map(text),
            grants: grants.map(text),
            cite: source.map(SourceFile::into_cite),
            figures: figures.map(|figures| list(figures.into_iter().map(FigureFile::into_figure).collect())),
        })
    }

    fn of(regime_rule: &RegimeRule) -> RuleFile {
        let mut file = RuleFile {
            title: regime_rule.title.as_ref().map(|t| t.to_string()),
            grants: regime_rule.grants.as_ref().map(|t| t.to_string()),
            source: regime_rule.cite.as_ref().map(SourceFile::of),
            figures: regime_rule.figures.as_ref().map(|figures| figures.iter().map(FigureFile::of).collect()),
            ..RuleFile::default()
        };
        match &regime_rule.rule {
            Rule::Standing => file.standing = Some(true),
            Rule::Until { ends, until } => {
                file.until = Some(ConditionFile::of(ends));
                file.words = Some(until.to_string());
            }
            Rule::EndedBy(how) => file.ended = Some(how.to_string()),
            Rule::Later(how) => file.later = Some(how.to_string()),
            Rule::Contested(one, other) => file.contested = Some([one.to_string(), other.to_string()]),
            Rule::Unstated(missing) => file.unstated = Some(missing.to_string()),
        }
        file
    }
}

impl ConditionFile {
    fn into_condition(self) -> Condition<'static> {
        let parts = |parts: Vec<ConditionFile>| list(parts.into_iter().map(ConditionFile::into_condition).collect());
        match self {
            ConditionFile::Always => Condition::Always,
            ConditionFile::All(all) => Condition::All(parts(all)),
            ConditionFile::Any(any) => Condition::Any(parts(any)),
            ConditionFile::Not(not) => Condition::Not(list(vec![not.into_condition()])),
            ConditionFile::After(date) => Condition::Fact(Fact::After(date.0)),
            ConditionFile::OnOrAfter(date) => Condition::Fact(Fact::OnOrAfter(date.0)),
            ConditionFile::Event(id) => Condition::Fact(Fact::Event(text(id))),
            ConditionFile::StakeBelow(HolderPercent { holder, percent }) => {
                Condition::Fact(Fact::StakeBelow { holder: text(holder), percent })
            }
            ConditionFile::StakeAbove(HolderPercent { holder, percent }) => {
                Condition::Fact(Fact::StakeAbove { holder: text(holder), percent })
            }
            ConditionFile::Outweighed(HolderOnly { holder }) => {
                Condition::Fact(Fact::Outweighed { holder: text(holder) })
            }
            ConditionFile::AnyHolderAbove(PercentOnly { percent }) => Condition::Fact(Fact::AnyHolderAbove { percent }),
            ConditionFile::Product(kind) => Condition::Fact(Fact::Product(kind)),
            ConditionFile::Partner(partner) => Condition::Fact(Fact::Partner(text(partner))),
        }
    }

    fn of(condition: &Condition<'_>) -> ConditionFile {
        let parts = |parts: &[Condition<'_>]| parts.iter().map(ConditionFile::of).collect();
        match condition {
            Condition::Always => ConditionFile::Always,
            Condition::All(all) => ConditionFile::All(parts(all)),
            Condition::Any(any) => ConditionFile::Any(parts(any)),
            // The format writes one part; several are "none of them", that is not any of them.
            Condition::Not(not) => match &not[..] {
                [one] => ConditionFile::Not(Box::new(ConditionFile::of(one))),
                many => ConditionFile::Not(Box::new(ConditionFile::Any(parts(many)))),
            },
            Condition::Fact(fact) => match fact {
                Fact::After(day) => ConditionFile::After(DayText(*day)),
                Fact::OnOrAfter(day) => ConditionFile::OnOrAfter(DayText(*day)),
                Fact::Event(id) => ConditionFile::Event(id.to_string()),
                Fact::StakeBelow { holder, percent } => {
                    ConditionFile::StakeBelow(HolderPercent { holder: holder.to_string(), percent: *percent })
                }
                Fact::StakeAbove { holder, percent } => {
                    ConditionFile::StakeAbove(HolderPercent { holder: holder.to_string(), percent: *percent })
                }
                Fact::Outweighed { holder } => ConditionFile::Outweighed(HolderOnly { holder: holder.to_string() }),
                Fact::AnyHolderAbove { percent } => ConditionFile::AnyHolderAbove(PercentOnly { percent: *percent }),
                Fact::Product(kind) => ConditionFile::Product(*kind),
                Fact::Partner(partner) => ConditionFile::Partner(partner.to_string()),
            },
        }
    }
}

impl HostingFile {
    fn into_hosting(self) -> Hosting {
        match self {
            HostingFile::Only(cloud) => Hosting::Only(text(cloud)),
            HostingFile::AnyCloud => Hosting::AnyCloud,
            HostingFile::Contested => Hosting::Contested,
        }
    }

    fn of(hosting: &Hosting) -> HostingFile {
        match hosting {
            Hosting::Only(cloud) => HostingFile::Only(cloud.to_string()),
            Hosting::AnyCloud => HostingFile::AnyCloud,
            Hosting::Contested => HostingFile::Contested,
        }
    }
}

impl RouteFile {
    fn into_route(self) -> RouteRule {
        let RouteFile { regimes, when, term, in_force, ended, note_in_force, note_ended } = self;
        RouteRule {
            regimes: list(regimes.into_iter().map(text).collect()),
            when: when.into_condition(),
            term: text(term),
            in_force: in_force.into_hosting(),
            ended: ended.map(HostingFile::into_hosting),
            note_in_force: text(note_in_force),
            note_ended: text(note_ended),
        }
    }

    fn of(route: &RouteRule) -> RouteFile {
        RouteFile {
            regimes: route.regimes.iter().map(|id| id.to_string()).collect(),
            when: ConditionFile::of(&route.when),
            term: route.term.to_string(),
            in_force: HostingFile::of(&route.in_force),
            ended: route.ended.as_ref().map(HostingFile::of),
            note_in_force: route.note_in_force.to_string(),
            note_ended: route.note_ended.to_string(),
        }
    }
}

impl ProductFile {
    fn into_product(self) -> Product {
        Product { kind: self.kind, partner: self.partner.map(text) }
    }

    fn of(product: &Product) -> ProductFile {
        ProductFile { kind: product.kind, partner: product.partner.as_ref().map(|p| p.to_string()) }
    }
}
