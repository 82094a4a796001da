//! The one error type of the core: what is wrong, and in which field.

use std::fmt;

use crate::amount::Decimal;
#[cfg(feature = "full")]
use crate::Multiple;
use crate::{Date, Dollars, Percent};

/// A scenario that cannot be evaluated, with the field to blame.
///
/// `field` is a path into the scenario format such as
/// `rounds[0].investments[1].amount`, so that a form can mark the input and
/// a command line can print one clear line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    /// Where the problem is, as a path into the scenario.
    pub field: String,
    /// What the problem is.
    pub kind: ErrorKind,
}

impl ScenarioError {
    /// An error at `field`.
    pub fn new(field: impl Into<String>, kind: ErrorKind) -> ScenarioError {
        ScenarioError { field: field.into(), kind }
    }

    /// The same error, with its field inside `outer`: `holders` within
    /// `compare.scenario` is `compare.scenario.holders`.
    #[must_use]
    pub fn within(self, outer: &str) -> ScenarioError {
        ScenarioError { field: format!("{outer}.{}", self.field), kind: self.kind }
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The format version is not one this core reads.
    UnsupportedVersion(u32),
    /// A required text is empty.
    Empty,
    /// A text is longer than the limit, in characters.
    TooLong {
        /// The limit.
        max: usize,
    },
    /// A text holds a control character such as a newline.
    ControlCharacter,
    /// An id is not 1 to 40 lower-case letters, digits and hyphens.
    BadId,
    /// An id is used twice.
    DuplicateId(String),
    /// A list is longer than the limit.
    TooMany {
        /// The limit.
        max: usize,
    },
    /// Lists of this kind hold more entries, all together, than a scenario may.
    TooManyInScenario {
        /// The limit for the whole scenario.
        max: usize,
    },
    /// An amount or valuation is zero or negative.
    NotPositive(Dollars),
    /// An amount or valuation is beyond what the core accepts.
    TooLarge(Dollars),
    /// A percentage is outside 0 to 100.
    PercentOutOfRange(Percent),
    /// The starting stakes do not add up to 100%.
    StakesDoNotAddUp(Percent),
    /// A post-money valuation that leaves no pre-money value.
    PostMoneyNotAboveNewMoney {
        /// The post-money valuation given.
        post_money: Dollars,
        /// The round's new money.
        new_money: Dollars,
    },
    /// A holder id that names nobody at that point.
    UnknownHolder(String),
    /// A new holder was given no name.
    NameRequired,
    /// A round that issues shares has no valuation.
    ValuationRequired,
    /// A round that does nothing.
    EmptyRound,
    /// A secondary sale gives both a percent and an amount, or neither.
    SecondarySize,
    /// A secondary sale where seller and buyer are the same.
    SelfSale,
    /// A seller sells more than they hold.
    Oversold {
        /// The seller's id.
        seller: String,
    },
    /// A pool target that no number of new shares can reach.
    PoolUnreachable(Percent),
    /// A date earlier than one it must follow.
    DateBefore(Date),
    /// A term id no regime knows.
    UnknownTerm(String),
    /// A cheque's tranches do not add up to the cheque.
    TranchesDoNotAddUp {
        /// What the tranches add up to.
        tranches: Dollars,
        /// The investment's amount.
        investment: Dollars,
    },
    /// A web address that is not a plain `https://` address.
    BadUrl,
    /// A preset name that names no preset.
    UnknownPreset(String),
    /// A scenario compared with that itself names something to compare with.
    NestedCompare,
    /// The numbers are too large to compute exactly.
    Overflow,
    /// A deal id that names no deal.
    UnknownDeal(String),
    /// An event id that names no event of the deal.
    UnknownEvent(String),
    /// A regime id that names no regime of the deal.
    UnknownRegime(String),
    /// An event id is not 1 to 40 lower-case letters, digits and underscores.
    BadEventId,
    /// A term has no rule for a regime of its deal.
    MissingRule(String),
    /// A day that must come after another does not.
    NotAfter(Date),
    /// A day that is not in the calendar.
    BadDay,
    /// A condition nests deeper than the limit.
    TooDeep {
        /// The limit.
        max: usize,
    },
    /// A condition tree with more parts, all levels together, than the limit.
    TooManyParts {
        /// The limit.
        max: usize,
    },
    /// An event that names itself where it must name another.
    SelfReference,
    /// A term's rule under a regime gives none, or more than one, of the kinds of rule.
    RuleKind,
    /// The deal format version is not one this core reads.
    UnsupportedDealVersion(u32),
    #[cfg(feature = "full")]
    /// A multiple (a preference, a cap) outside 0x to 100x.
    MultipleOutOfRange(Multiple),
    #[cfg(feature = "full")]
    /// A cap given without capped participation, or capped participation without one.
    CapMismatch,
    #[cfg(feature = "full")]
    /// A cap below the preference it caps.
    CapBelowPreference,
    #[cfg(feature = "full")]
    /// Class terms on a round that sells no shares at a price.
    TermsWithoutShares,
    #[cfg(feature = "full")]
    /// An amount that must not be negative.
    Negative(Dollars),
    #[cfg(feature = "full")]
    /// The exit waterfall could not be computed: the engine's sentence.
    Exit(String),
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.kind)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::UnsupportedVersion(v) => {
                write!(f, "format version {v} is not supported; this version of Fortress reads version 1")
            }
            ErrorKind::Empty => f.write_str("must not be empty"),
            ErrorKind::TooLong { max } => write!(f, "is longer than {max} characters"),
            ErrorKind::ControlCharacter => f.write_str("must not contain control characters such as line breaks"),
            ErrorKind::BadId => f.write_str("must be 1 to 40 lower-case letters, digits or hyphens"),
            ErrorKind::DuplicateId(id) => write!(f, "the id \"{id}\" is used twice"),
            ErrorKind::TooMany { max } => write!(f, "has more than {max} entries"),
            ErrorKind::TooManyInScenario { max } => {
                write!(f, "brings the scenario past {max} entries of this kind, all together")
            }
            ErrorKind::NotPositive(d) => write!(f, "must be more than zero dollars, not {}", d.0),
            ErrorKind::TooLarge(d) => {
                write!(f, "{} is more than the largest accepted, {}", d.0, Dollars::MAX.0)
            }
            ErrorKind::PercentOutOfRange(p) => {
                write!(f, "must be between 0 and 100, not {}", Decimal::micros(p.micros()))
            }
            ErrorKind::StakesDoNotAddUp(total) => write!(
                f,
                "the stakes add up to {}%, not 100% (a difference of up to {} points is accepted)",
                Decimal::micros(total.micros()),
                Decimal::micros(Percent::STAKE_TOLERANCE.micros())
            ),
            ErrorKind::PostMoneyNotAboveNewMoney { post_money, new_money } => write!(
                f,
                "the post-money valuation ({}) must be more than the round's new money ({})",
                post_money.0, new_money.0
            ),
            ErrorKind::UnknownHolder(id) => write!(f, "no holder has the id \"{id}\""),
            ErrorKind::NameRequired => f.write_str("a new holder needs a name"),
            ErrorKind::ValuationRequired => {
                f.write_str("a round that issues shares needs a pre_money or post_money valuation")
            }
            ErrorKind::EmptyRound => f.write_str("the round has no investments, pool or secondary sales"),
            ErrorKind::SecondarySize => f.write_str("give either percent or amount, exactly one"),
            ErrorKind::SelfSale => f.write_str("seller and buyer are the same holder"),
            ErrorKind::Oversold { seller } => {
                write!(f, "\"{seller}\" would sell more shares than it holds")
            }
            ErrorKind::PoolUnreachable(p) => {
                write!(f, "a pool of {p} cannot be reached at this valuation")
            }
            ErrorKind::DateBefore(d) => write!(f, "must not be before {d}"),
            ErrorKind::UnknownTerm(id) => write!(f, "no term has the id \"{id}\""),
            ErrorKind::TranchesDoNotAddUp { tranches, investment } => {
                write!(f, "add up to {}, not the {} of the investment", tranches.short(), investment.short())
            }
            ErrorKind::UnknownPreset(name) => write!(f, "no preset is named \"{name}\""),
            ErrorKind::NestedCompare => f.write_str("a scenario compared with cannot itself name a baseline"),
            ErrorKind::BadUrl => {
                f.write_str("must be a web address starting with https://, without spaces, quotes or angle brackets")
            }
            ErrorKind::Overflow => f.write_str("the numbers are too large to compute exactly"),
            ErrorKind::UnknownDeal(id) => write!(f, "no deal has the id \"{id}\""),
            ErrorKind::UnknownEvent(id) => write!(f, "no event of the deal has the id \"{id}\""),
            ErrorKind::UnknownRegime(id) => write!(f, "no regime of the deal has the id \"{id}\""),
            ErrorKind::BadEventId => f.write_str("must be 1 to 40 lower-case letters, digits or underscores"),
            ErrorKind::MissingRule(regime) => {
                write!(f, "has no rule for the regime \"{regime}\"; a term needs one for every regime")
            }
            ErrorKind::NotAfter(d) => write!(f, "must be after {d}"),
            ErrorKind::BadDay => f.write_str("is not a day of the calendar"),
            ErrorKind::TooDeep { max } => write!(f, "nests conditions more than {max} deep"),
            ErrorKind::TooManyParts { max } => write!(f, "brings its condition past {max} parts, all levels together"),
            ErrorKind::SelfReference => f.write_str("must name another event, not this one"),
            ErrorKind::RuleKind => {
                f.write_str("give exactly one of standing, until, ended, later, contested or unstated")
            }
            ErrorKind::UnsupportedDealVersion(v) => {
                write!(f, "deal format version {v} is not supported; this version of Fortress reads version 1")
            }
            #[cfg(feature = "full")]
            ErrorKind::MultipleOutOfRange(m) => write!(f, "must be a multiple from 0 to 100, not {m}"),
            #[cfg(feature = "full")]
            ErrorKind::CapMismatch => f.write_str("give a cap exactly when participation is \"capped\""),
            #[cfg(feature = "full")]
            ErrorKind::CapBelowPreference => f.write_str("the cap must not be below the preference"),
            #[cfg(feature = "full")]
            ErrorKind::TermsWithoutShares => {
                f.write_str("class terms need a round that sells shares: a valuation and at least one investment")
            }
            #[cfg(feature = "full")]
            ErrorKind::Negative(d) => write!(f, "must not be negative, not {}", d.0),
            #[cfg(feature = "full")]
            ErrorKind::Exit(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for ScenarioError {}
