//! Scenario format v1: the one input every part of Fortress reads.
//!
//! These are plain values with serde derives. Reading JSON text, link text
//! or a JavaScript object is the outer layers' job; they all end here and
//! then in [`crate::validate`].

use serde::{Deserialize, Serialize};

use crate::{Date, Dollars, Percent};

/// The only format version this core reads.
pub const FORMAT_VERSION: u32 = 1;

/// A starting cap table, the rounds that follow it, and the facts the
/// contract terms are judged on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Always 1 for this format.
    pub version: u32,
    /// What the scenario shows, for people.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The id of the deal whose terms the scenario is judged under (see
    /// [`crate::deal`]); absent: the Microsoft–OpenAI deal, `openai-microsoft`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal: Option<String>,
    /// The day the contract terms are judged on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The post-money valuation of the starting table, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valuation: Option<Dollars>,
    /// The starting table: every holder's stake, adding up to 100%.
    pub holders: Vec<Holder>,
    /// Rounds in the order they happen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<Round>,
    /// Dated events the deal's terms hang on, by the deal's event ids.
    #[serde(default, skip_serializing_if = "Events::is_empty")]
    pub events: Events,
    /// Judge the terms under this regime of the deal (its id) whatever the
    /// date says: a what-if such as "the October 2025 terms, as if never amended".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<String>,
    /// The reader's own conditions on the terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub whatifs: Vec<WhatIf>,
    /// Where each default figure comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Caveats a reader should see next to the numbers: disputed readings,
    /// speculation, assumptions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Which money the cap table counts: every cheque in full (the default),
    /// or only the tranches paid by the date judged.
    #[serde(default, skip_serializing_if = "CountBasis::is_committed")]
    pub count: CountBasis,
    /// What to compare the outcome with: nothing, a preset, or another
    /// scenario (one that compares with nothing itself). Absent: the widget
    /// compares with the preset the scenario came from, once it has moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<Compare>,
    /// A sale of the company to share out: who gets what at this exit value,
    /// under the preferences of the rounds that give their `terms`. Absent:
    /// no exit is asked about (a scenario with class terms is then shared out
    /// at its last post-money valuation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit: Option<Exit>,
}

/// An exit: the company sold for `value`, shared out by the exit waterfall.
#[cfg(feature = "full")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exit {
    /// What the buyer pays for the whole company, in whole US dollars.
    pub value: Dollars,
    /// What the option pool's rows are at the exit: common shares (as if
    /// every option were granted and exercised at no strike, the default),
    /// or unissued (they get nothing, and the others share what they leave).
    #[serde(default, skip_serializing_if = "ExitPool::is_common")]
    pub pool: ExitPool,
}

/// An exit, in a lighter build: a type with no values, since such a build
/// never holds one (it hands a scenario with an exit to the full build), so
/// that the field costs it nothing.
#[cfg(not(feature = "full"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Exit {}

#[cfg(not(feature = "full"))]
impl<'de> Deserialize<'de> for Exit {
    fn deserialize<D: serde::Deserializer<'de>>(_: D) -> Result<Exit, D::Error> {
        Err(serde::de::Error::custom(LIGHTER_BUILD))
    }
}

/// Why a lighter build refuses class terms and exits in a scenario's JSON.
#[cfg(not(feature = "full"))]
const LIGHTER_BUILD: &str = "class terms and exits need Fortress's full build (the exit waterfall)";

/// What an option pool is at an exit ([`Exit::pool`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExitPool {
    /// The pool's shares are common and share in the exit (the default).
    #[default]
    Common,
    /// The pool is unissued: it gets nothing.
    Unissued,
}

impl ExitPool {
    /// True for the default, [`ExitPool::Common`].
    pub fn is_common(&self) -> bool {
        *self == ExitPool::Common
    }
}

/// The terms of the shares a round sells: they form a class of preferred
/// stock with a liquidation preference, a place in the preference stack and
/// anti-dilution protection. A round without terms sells common shares.
/// The conventions are stated in docs/CONVENTIONS.md.
#[cfg(feature = "full")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassTerms {
    /// The liquidation preference as a multiple of the price paid: 1 is "1x".
    pub preference: Multiple,
    /// What the class takes beyond its preference (default: nothing more,
    /// it takes its preference or converts, whichever pays more).
    #[serde(default, skip_serializing_if = "ParticipationKind::is_none")]
    pub participation: ParticipationKind,
    /// For `capped` participation: the cap on the total return (preference
    /// included) as a multiple of the price paid, such as 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Multiple>,
    /// The rank in the preference stack: larger is paid first, equal ranks
    /// are paid pari passu. Absent: the round's place (the first round 1,
    /// the next 2, and so on), so later rounds are paid first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seniority: Option<u32>,
    /// Protection of the conversion price when a later round is priced below it.
    #[serde(default, skip_serializing_if = "AntiDilutionKind::is_none")]
    pub anti_dilution: AntiDilutionKind,
}

#[cfg(feature = "full")]
impl ClassTerms {
    /// A 1x non-participating preference, the round's place in the stack, no
    /// anti-dilution: the simplest form of the NVCA model charter.
    pub const ONE_X: ClassTerms = ClassTerms {
        preference: Multiple::ONE,
        participation: ParticipationKind::None,
        cap: None,
        seniority: None,
        anti_dilution: AntiDilutionKind::None,
    };
}

/// Class terms, in a lighter build: a type with no values, as [`Exit`] is there.
#[cfg(not(feature = "full"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ClassTerms {}

#[cfg(not(feature = "full"))]
impl<'de> Deserialize<'de> for ClassTerms {
    fn deserialize<D: serde::Deserializer<'de>>(_: D) -> Result<ClassTerms, D::Error> {
        Err(serde::de::Error::custom(LIGHTER_BUILD))
    }
}

/// How a class shares in an exit beyond its preference ([`ClassTerms::participation`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationKind {
    /// Non-participating: its preference or its shares as converted, whichever pays more.
    #[default]
    None,
    /// Its preference, then its shares as converted alongside common.
    Full,
    /// As `full` until the total reaches `cap` times the price paid (or converts, if that pays more).
    Capped,
}

impl ParticipationKind {
    /// True for the default, [`ParticipationKind::None`].
    pub fn is_none(&self) -> bool {
        *self == ParticipationKind::None
    }
}

/// Anti-dilution protection ([`ClassTerms::anti_dilution`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AntiDilutionKind {
    /// None (the default).
    #[default]
    None,
    /// NVCA broad-based weighted average.
    BroadBased,
    /// Full ratchet.
    FullRatchet,
}

impl AntiDilutionKind {
    /// True for the default, [`AntiDilutionKind::None`].
    pub fn is_none(&self) -> bool {
        *self == AntiDilutionKind::None
    }
}

/// A multiple such as a liquidation preference's "1.5x", exact to a
/// millionth: `Multiple::from_micros(1_500_000)` is 1.5x. Written as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Multiple(i64);

impl Multiple {
    /// The multiple 1x.
    pub const ONE: Multiple = Multiple(1_000_000);

    /// A multiple from millionths.
    pub const fn from_micros(micros: i64) -> Multiple {
        Multiple(micros)
    }

    /// Millionths.
    pub const fn micros(self) -> i64 {
        self.0
    }
}

impl std::fmt::Display for Multiple {
    /// `1x`, `1.5x`: the exact decimal.
    ///
    /// ```
    /// assert_eq!(fortress_core::Multiple::from_micros(1_500_000).to_string(), "1.5x");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}x", crate::Decimal::micros(self.0))
    }
}

impl Serialize for Multiple {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Percent::from_micros(self.0).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Multiple {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Multiple, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Multiple;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a multiple as a number, such as 1 or 1.5")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Multiple, E> {
                Ok(Multiple(v.saturating_mul(1_000_000)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Multiple, E> {
                Ok(Multiple(i64::try_from(v).unwrap_or(i64::MAX).saturating_mul(1_000_000)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Multiple, E> {
                let micros =
                    Percent::from_f64(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Float(v), &self))?;
                Ok(Multiple(micros.micros()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A baseline to compare a scenario's outcome with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    /// Compare with nothing.
    Off,
    /// Compare with the preset of this name, as it is.
    Preset(String),
    /// Compare with this scenario: a point the reader pinned.
    Scenario(Box<Scenario>),
}

/// Which money of a round the cap table counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountBasis {
    /// Every cheque counts in full from its round, as the press reports stakes.
    #[default]
    Committed,
    /// A tranche counts only once its date is on or before the date judged;
    /// a cheque without tranches is paid on its round's date.
    Funded,
}

impl CountBasis {
    /// True for the default, [`CountBasis::Committed`].
    pub fn is_committed(&self) -> bool {
        *self == CountBasis::Committed
    }
}

impl Scenario {
    /// The name of the holder with this id: a starting holder's, else the
    /// name an investment, a sale or a pool gives it; the id itself if none does.
    ///
    /// ```
    /// let scenario = fortress_core::presets::feb_2026_pre_money();
    /// assert_eq!(scenario.holder_name("amazon"), "Amazon");
    /// assert_eq!(scenario.holder_name("nobody"), "nobody");
    /// ```
    pub fn holder_name<'a>(&'a self, id: &'a str) -> &'a str {
        let starting = self.holders.iter().find(|h| h.id == id).map(|h| h.name.as_str());
        let later = || {
            self.rounds.iter().find_map(|r| {
                let invested = r.investments.iter().find(|i| i.holder == id).and_then(|i| i.name.as_deref());
                let bought = || r.secondaries.iter().find(|s| s.buyer == id).and_then(|s| s.name.as_deref());
                let pooled = || r.pool.as_ref().filter(|p| p.holder_id() == id).and_then(|p| p.name.as_deref());
                invested.or_else(bought).or_else(pooled)
            })
        };
        starting.or_else(later).unwrap_or(id)
    }
}

/// One holder of the starting table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    /// A short identifier: lower-case letters, digits and hyphens.
    pub id: String,
    /// The name people read.
    pub name: String,
    /// The stake, 0 to 100, on a fully diluted basis.
    pub percent: Percent,
    /// True when the row stands for many holders ("employees and other
    /// investors"): such a row is never "a single holder" in a what-if.
    #[serde(default, skip_serializing_if = "is_false")]
    pub group: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_false(value: &bool) -> bool {
    !*value
}

/// A financing event: new money at a price, a pool top-up, secondary sales.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// The round's name, shown as the stage's label.
    pub name: String,
    /// When the round closed, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The price of the round. Required when the round issues shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valuation: Option<Valuation>,
    /// New money, each cheque buying new shares at the round's price.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub investments: Vec<Investment>,
    /// An option-pool top-up, issued before the new money (the "option pool shuffle").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool: Option<Pool>,
    /// Existing shares changing hands; no new shares.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondaries: Vec<Secondary>,
    /// The terms of the shares the round sells, if they form a preferred
    /// class; absent: common shares (as for every round whose terms are not public).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<ClassTerms>,
}

/// How a round is priced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Valuation {
    /// The company's value before the new money.
    PreMoney(Dollars),
    /// The company's value including the new money.
    PostMoney(Dollars),
}

/// One cheque in a round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Investment {
    /// The investor's id; an existing id is a follow-on by that holder.
    pub holder: String,
    /// The investor's name; required for a new holder, optional for an existing one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whole US dollars.
    pub amount: Dollars,
    /// When the money is paid, if over time: dated on or after the round,
    /// adding up to `amount` exactly. Empty: paid in full at the round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tranches: Vec<Tranche>,
}

/// One payment of a cheque paid over time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    /// The day it is paid (or due).
    pub date: Date,
    /// Whole US dollars.
    pub amount: Dollars,
    /// What is known of it, such as where the date comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// An option-pool top-up: enough new pool shares that the pool reaches a target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pool {
    /// The pool's holder id; `option-pool` if not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// The pool's name; "Option pool" if not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The pool's target share of the company, 0 to 100.
    pub percent: Percent,
    /// Whether the target is measured before or after the new money.
    pub sized: PoolBasis,
}

impl Pool {
    /// The holder id the pool's shares go to.
    pub fn holder_id(&self) -> &str {
        self.holder.as_deref().unwrap_or("option-pool")
    }
}

/// What an option-pool target is a share of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoolBasis {
    /// The pool is the target share of the company before the new money.
    PreMoney,
    /// The pool is the target share of the company after the new money.
    PostMoney,
}

/// Existing shares sold by one holder to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Secondary {
    /// The selling holder's id.
    pub seller: String,
    /// The buying holder's id; a new id adds a holder.
    pub buyer: String,
    /// The buyer's name; required when the buyer is new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The share of the company sold, as it stood before the round.
    /// Give this or `amount`, not both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Percent>,
    /// Dollars paid at the round's price per share. Give this or `percent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Dollars>,
}

/// Dated events that a deal's terms hang on: each event's id (an event of
/// the scenario's deal, such as the Microsoft–OpenAI deal's `agi_declared`)
/// and the day it happens. An event not given has not happened.
///
/// The scenario format writes them as an object from id to date, as
/// `{"agi_declared": "2027-01-01"}`; a `null` date is read as not given.
/// They are kept in the order of their ids, so that two scenarios with the
/// same events are equal however their text ordered them.
///
/// ```
/// use fortress_core::{Date, Events};
/// let mut events = Events::default();
/// events.set("agi_verified", Date::parse("2027-02-01"));
/// events.set("agi_declared", Date::parse("2027-01-01"));
/// let ids: Vec<&str> = events.iter().map(|(id, _)| id).collect();
/// assert_eq!(ids, ["agi_declared", "agi_verified"]);
/// events.set("agi_declared", None);
/// assert_eq!(events.get("agi_declared"), None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Events(Vec<(String, Date)>);

impl Events {
    /// True when no event has happened.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many events are dated.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The day the event with this id happens, if the scenario dates it.
    pub fn get(&self, id: &str) -> Option<Date> {
        let at = self.0.binary_search_by(|(key, _)| key.as_str().cmp(id)).ok()?;
        self.0.get(at).map(|entry| entry.1)
    }

    /// Dates the event with this id, or with `None` removes its date.
    pub fn set(&mut self, id: &str, date: Option<Date>) {
        match (self.0.binary_search_by(|(key, _)| key.as_str().cmp(id)), date) {
            (Ok(at), Some(date)) => {
                if let Some(entry) = self.0.get_mut(at) {
                    entry.1 = date;
                }
            }
            (Ok(at), None) => {
                self.0.remove(at);
            }
            (Err(at), Some(date)) => self.0.insert(at, (id.to_owned(), date)),
            (Err(_), None) => {}
        }
    }

    /// Every dated event, in the order of their ids.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Date)> {
        self.0.iter().map(|(id, date)| (id.as_str(), *date))
    }
}

impl Serialize for Events {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, date) in &self.0 {
            map.serialize_entry(id, date)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Events {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Events, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Events;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object from event ids to dates")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Events, A::Error> {
                // Far more than any deal has; validation names the ones the deal does not know.
                const MOST: usize = 100;
                let mut events = Events::default();
                while let Some(id) = map.next_key::<String>()? {
                    if events.get(&id).is_some() {
                        let id: String = id.chars().take(40).collect();
                        return Err(serde::de::Error::custom(format!("the event \"{id}\" is given twice")));
                    }
                    if events.len() >= MOST {
                        return Err(serde::de::Error::custom(format!("more than {MOST} events are given")));
                    }
                    let date: Option<Date> = map.next_value()?;
                    events.set(&id, date);
                }
                Ok(events)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// A reader's own condition on a term: "this term ends if ...". In JSON, an
/// object whose `kind` says which (`stake_below`, `outweighed`,
/// `holder_above`), with that kind's fields and no others.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WhatIf {
    /// The term ends if `holder`'s stake falls below `percent`.
    StakeBelow {
        /// The holder whose stake is watched.
        holder: String,
        /// The floor, 0 to 100.
        percent: Percent,
        /// The term that ends.
        term: String,
    },
    /// The term ends if any other single holder's stake exceeds `holder`'s.
    Outweighed {
        /// The holder who must stay the largest.
        holder: String,
        /// The term that ends.
        term: String,
    },
    /// The term ends if any one holder's stake passes `percent` (50 for control).
    HolderAbove {
        /// The threshold, 0 to 100.
        percent: Percent,
        /// The term that ends.
        term: String,
    },
}

/// Read by hand rather than derived: serde's internally tagged enums buffer
/// the object first, with code that would weigh some 10 KB on the embed's
/// wasm. The JSON is the same, and so are the messages' field names.
impl<'de> Deserialize<'de> for WhatIf {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<WhatIf, D::Error> {
        use serde::de::Error;

        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Kind {
            StakeBelow,
            Outweighed,
            HolderAbove,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            kind: Kind,
            #[serde(default)]
            holder: Option<String>,
            #[serde(default)]
            percent: Option<Percent>,
            term: String,
        }
        let Fields { kind, holder, percent, term } = Fields::deserialize(deserializer)?;
        let needed = |name: &'static str| D::Error::missing_field(name);
        let extra = |name: &str, expected: &'static [&'static str]| D::Error::unknown_field(name, expected);
        match kind {
            Kind::StakeBelow => Ok(WhatIf::StakeBelow {
                holder: holder.ok_or_else(|| needed("holder"))?,
                percent: percent.ok_or_else(|| needed("percent"))?,
                term,
            }),
            Kind::Outweighed => match percent {
                Some(_) => Err(extra("percent", &["kind", "holder", "term"])),
                None => Ok(WhatIf::Outweighed { holder: holder.ok_or_else(|| needed("holder"))?, term }),
            },
            Kind::HolderAbove => match holder {
                Some(_) => Err(extra("holder", &["kind", "percent", "term"])),
                None => Ok(WhatIf::HolderAbove { percent: percent.ok_or_else(|| needed("percent"))?, term }),
            },
        }
    }
}

impl WhatIf {
    /// The id of the term this what-if can end.
    pub fn term(&self) -> &str {
        match self {
            WhatIf::StakeBelow { term, .. } | WhatIf::Outweighed { term, .. } | WhatIf::HolderAbove { term, .. } => {
                term
            }
        }
    }
}

/// Where a figure comes from, and how sure it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The figure or fact, in words.
    pub fact: String,
    /// Who said it, and when.
    pub source: String,
    /// How sure the figure is.
    pub confidence: Confidence,
    /// Where a reader can open it: an `https://` address, if it has a public one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published or said, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// A caveat shown next to the figures, and what kind of caveat it is.
///
/// The scenario format writes a plain note as a string, and any other kind
/// as `{"text": ..., "kind": "disputed"}`; both forms are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The caveat, in a sentence.
    pub text: String,
    /// What kind of caveat it is, so that a reader sees it marked as such.
    pub kind: NoteKind,
}

/// What kind of caveat a [`Note`] is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// A plain remark.
    #[default]
    Plain,
    /// The sources disagree; the note gives the readings.
    Disputed,
    /// Not a fact: a what-if the scenario is built on.
    Speculative,
    /// A figure or date the sources do not give, assumed as the note says.
    Assumed,
}

impl NoteKind {
    /// The kind in words, as a badge before the note says it; empty for a plain note.
    ///
    /// ```
    /// assert_eq!(fortress_core::NoteKind::Speculative.label(), "speculative");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Plain => "",
            NoteKind::Disputed => "disputed",
            NoteKind::Speculative => "speculative",
            NoteKind::Assumed => "assumed",
        }
    }
}

impl Note {
    /// A note of this kind.
    pub fn new(kind: NoteKind, text: impl Into<String>) -> Note {
        Note { text: text.into(), kind }
    }
}

impl From<&str> for Note {
    fn from(text: &str) -> Note {
        Note::new(NoteKind::Plain, text)
    }
}

impl Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if self.kind == NoteKind::Plain {
            return serializer.serialize_str(&self.text);
        }
        let mut note = serializer.serialize_struct("Note", 2)?;
        note.serialize_field("text", &self.text)?;
        note.serialize_field("kind", &self.kind)?;
        note.end()
    }
}

impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Note, D::Error> {
        /// The object form, read with serde's own checks and messages.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Tagged {
            text: String,
            #[serde(default)]
            kind: NoteKind,
        }

        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Note;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a note: a string, or an object with text and kind")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Note, E> {
                Ok(Note::from(text))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Note, A::Error> {
                let tagged = Tagged::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Note { text: tagged.text, kind: tagged.kind })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Confidence {
    /// How sure, in words a reader understands: "official text".
    ///
    /// ```
    /// assert_eq!(fortress_core::Confidence::Low.label(), "press only");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "official text",
            Confidence::Medium => "reported",
            Confidence::Low => "press only",
            Confidence::Disputed => "disputed",
        }
    }
}

/// How sure a fact is, as FACTS.md grades it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Confidence {
    /// Official text seen.
    #[serde(rename = "H")]
    High,
    /// Reported by several outlets, or quoted second-hand.
    #[serde(rename = "M")]
    Medium,
    /// Press-only or unofficial.
    #[serde(rename = "L")]
    Low,
    /// Sources disagree; shown as disputed.
    #[serde(rename = "disputed")]
    Disputed,
}
