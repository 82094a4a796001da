//! Judging a deal's terms: regimes in time, condition trees, statuses with reasons, and routes.
//!
//! A [`crate::deal::Deal`] writes every term as data: an id, a title, what
//! it grants, its source and confidence, and per regime a [`Rule`] whose
//! [`Condition`] tree (all / any / not over facts: the date, the deal's
//! events, stakes, product, partner) says when it ends. Evaluation picks the
//! regime in force on the date judged, unless the scenario pins one, and
//! gives every term a [`Status`] with the reason in words.
//!
//! A reader's what-ifs ([`crate::WhatIf`]) are folded into the term they
//! name: when a what-if's condition holds, that term is ended and its
//! reason says which what-if ended it (and [`TermStatus::whatif`] points at
//! it); when none holds, the reason says why each does not apply. What-ifs
//! are not listed as entries of their own, so that each term appears once.
//!
//! Before a deal's first regime no regime Fortress models is in force: every
//! term is "not yet", and there are no routes, since Fortress does not model
//! the earlier agreements and will not guess where products ran under them.

mod condition;
mod judge;
mod timeline;

use serde::Serialize;

use crate::deal::{Deal, List, Text};
use crate::scenario::{Confidence, Scenario};
use crate::stage::Stage;
use crate::Date;

pub use crate::deal::{Cite, Condition, Day, Fact, Figure, Hosting, ProductKind, Regime, RouteRule, Rule, Term};
pub(crate) use condition::Stakes;
pub(crate) use judge::{funded_to, BoundProbe, TermProbe};
pub(crate) use timeline::{key_term, timeline};
pub use timeline::{Change, KeyTerm, PointKind, TimePoint, Timeline};

/// A term's standing on the date judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The term applies now.
    InForce,
    /// The term applied once and no longer does.
    Ended,
    /// The term will apply from a later date or event.
    NotYet,
    /// The parties or the press disagree on whether it applies.
    Contested,
    /// The sources do not say.
    Unknown,
}

impl Status {
    /// The status in words, as reasons begin with it.
    ///
    /// ```
    /// use fortress_core::terms::Status;
    /// assert_eq!(Status::NotYet.label(), "not yet");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Status::InForce => "in force",
            Status::Ended => "ended",
            Status::NotYet => "not yet",
            Status::Contested => "contested",
            Status::Unknown => "unknown",
        }
    }

    /// The status as a badge says it, capitalized: "In force".
    pub fn title(self) -> &'static str {
        match self {
            Status::InForce => "In force",
            Status::Ended => "Ended",
            Status::NotYet => "Not yet",
            Status::Contested => "Contested",
            Status::Unknown => "Unknown",
        }
    }

    /// A symbol that marks the status beside its word, so that colour is never the only sign.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::InForce => "\u{2714}",
            Status::Ended => "\u{2716}",
            Status::NotYet => "\u{25f7}",
            Status::Contested => "\u{26a0}",
            Status::Unknown => "?",
        }
    }

    /// The status as the JSON outcome names it: `in_force`.
    pub fn name(self) -> &'static str {
        match self {
            Status::InForce => "in_force",
            Status::Ended => "ended",
            Status::NotYet => "not_yet",
            Status::Contested => "contested",
            Status::Unknown => "unknown",
        }
    }

    /// How a term comes to this status, as a verb: "ends" (and "ended" when `past`).
    ///
    /// ```
    /// use fortress_core::terms::Status;
    /// assert_eq!(Status::Ended.becomes(false), "ends");
    /// assert_eq!(Status::InForce.becomes(true), "came into force");
    /// ```
    pub fn becomes(self, past: bool) -> &'static str {
        match (self, past) {
            (Status::InForce, false) => "comes into force",
            (Status::InForce, true) => "came into force",
            (Status::Ended, false) => "ends",
            (Status::Ended, true) => "ended",
            (Status::NotYet, false) => "is not yet in force",
            (Status::NotYet, true) => "was not yet in force",
            (Status::Contested, false) => "becomes contested",
            (Status::Contested, true) => "became contested",
            (Status::Unknown, false) => "becomes unknown",
            (Status::Unknown, true) => "became unknown",
        }
    }
}

/// Where the date the terms are judged on comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AsOfBasis {
    /// The scenario's own `as_of`.
    Scenario,
    /// The scenario gives no date: the date of its last dated round.
    LastRound,
    /// The scenario gives no date and no round has one: the day the deal's first regime took effect.
    RegimeStart,
}

/// One term, judged.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TermStatus {
    /// The term's id, as its deal gives it.
    pub id: Text,
    /// A short title.
    pub title: Text,
    /// What the term grants, in a plain sentence.
    pub grants: Text,
    /// The id of the regime the term was judged under.
    pub regime: Text,
    /// That regime's name for people: "the April 27, 2026 amendment".
    #[serde(skip)]
    pub regime_name: Text,
    /// The standing.
    pub status: Status,
    /// Why, in words a reader understands without the code.
    pub reason: String,
    /// Where the term comes from.
    pub source: Text,
    /// How sure that source is.
    pub confidence: Confidence,
    /// The source's public address, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<Text>,
    /// Figures the term mentions, each with its own source and confidence.
    #[serde(skip_serializing_if = "<[Figure]>::is_empty")]
    pub figures: List<Figure>,
    /// The date the term was judged on.
    pub as_of: Date,
    /// Where that date comes from, so that a reader knows when it was not the scenario's own.
    pub as_of_basis: AsOfBasis,
    /// The index in `scenario.whatifs` of the what-if that ended the term, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whatif: Option<usize>,
    /// The reason in one line, for a headline: whether stakes bear on the
    /// term, or the what-if that decided it. ([`KeyTerm`] carries it out.)
    #[serde(skip)]
    pub line: String,
}

/// The answer to "where may this product run?" under the regime in force.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Route {
    /// The kind of product.
    pub product: ProductKind,
    /// The partner the product is built with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<Text>,
    /// Where it may run.
    pub hosting: Hosting,
    /// The id of the term that decides it.
    pub term: Text,
    /// That term's status, which the answer follows.
    pub term_status: Status,
    /// Why, in words.
    pub reason: String,
}

/// Judges every term and route of `deal` for a validated scenario whose final table is `last`.
///
/// Stakes are judged on `last`, the table after every round, whatever the
/// date judged; the reasons name that table ("after February 2026").
pub(crate) fn evaluate_terms(scenario: &Scenario, deal: &Deal, last: &Stage) -> (Vec<TermStatus>, Vec<Route>) {
    judge::evaluate(scenario, deal, last)
}
