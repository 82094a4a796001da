//! Contract terms as data: regimes in time, condition trees, statuses with reasons, and routes.
//!
//! The catalogue ([`REGIMES`]) writes every term of every regime as static
//! data: an id from FACTS.md, a title, what it grants, its source and
//! confidence, and a [`Rule`] whose [`Condition`] tree (all / any / not over
//! facts: the date, AGI declared, AGI verified, stakes, product, partner)
//! says when it ends. Evaluation picks the regime in force on the date
//! judged, unless the scenario pins one, and gives every term a [`Status`]
//! with the reason in words.
//!
//! A reader's what-ifs ([`crate::WhatIf`]) are folded into the term they
//! name: when a what-if's condition holds, that term is ended and its
//! reason says which what-if ended it (and [`TermStatus::whatif`] points at
//! it); when none holds, the reason says why each does not apply. What-ifs
//! are not listed as entries of their own, so that each term appears once.
//!
//! Before 2025-10-28 no regime Fortress models is in force: every term is
//! "not yet", and there are no routes, since Fortress does not model the
//! earlier agreements and will not guess where products ran under them.

mod catalogue;
mod condition;
mod judge;
mod timeline;

use serde::Serialize;

use crate::scenario::{Confidence, RegimeId, Scenario};
use crate::stage::Stage;
use crate::Date;

pub use catalogue::{regime, Cite, Figure, Regime, RouteRule, Rule, Term, REGIMES};
pub(crate) use condition::Stakes;
pub use condition::{Condition, Day, Fact};
pub(crate) use judge::{funded_to, BoundProbe, TermProbe};
pub(crate) use timeline::{key_term, timeline};
pub use timeline::{Change, KeyTerm, PointKind, TimePoint, Timeline};

/// Every term id Fortress knows: the ids of FACTS.md, `expert-panel` for the
/// panel that verifies AGI, and the two the April 2026 amendment brings in
/// or ends (`azure-first-ship`, `msft-revenue-share`).
pub const TERM_IDS: &[&str] = &[
    "azure-api-exclusivity",
    "third-party-apis",
    "non-api-any-cloud",
    "natsec-any-cloud",
    "open-weights",
    "ip-license",
    "research-ip",
    "consumer-hardware",
    "revenue-share",
    "compute-rofr",
    "azure-commitment",
    "msft-agi",
    "first-party-on-azure",
    "expert-panel",
    "azure-first-ship",
    "msft-revenue-share",
];

/// The term the headline answers for: Azure API exclusivity.
pub const KEY_TERM: &str = "azure-api-exclusivity";

/// True when `id` names a term of some regime, so that a what-if can name it.
///
/// ```
/// use fortress_core::terms::is_term_id;
/// assert!(is_term_id("azure-api-exclusivity"));
/// assert!(!is_term_id("azure"));
/// ```
pub fn is_term_id(id: &str) -> bool {
    TERM_IDS.contains(&id)
}

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
    /// The scenario gives no date and no round has one: the day the October 2025 agreement took effect.
    RegimeStart,
}

/// One term, judged.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TermStatus {
    /// The term's id, as in FACTS.md.
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// What the term grants, in a plain sentence.
    pub grants: &'static str,
    /// The regime the term was judged under.
    pub regime: RegimeId,
    /// The standing.
    pub status: Status,
    /// Why, in words a reader understands without the code.
    pub reason: String,
    /// Where the term comes from.
    pub source: &'static str,
    /// How sure that source is.
    pub confidence: Confidence,
    /// The source's public address, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<&'static str>,
    /// Figures the term mentions, each with its own source and confidence.
    #[serde(skip_serializing_if = "<[Figure]>::is_empty")]
    pub figures: &'static [Figure],
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

/// The kinds of product whose hosting the agreement rules on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductKind {
    /// A stateless API.
    StatelessApi,
    /// An API product built with a partner such as Amazon.
    PartnerApi,
    /// A stateful runtime environment.
    StatefulRuntime,
    /// A product that is not an API.
    NonApi,
    /// An open-weight model.
    OpenWeights,
    /// API access for US national-security customers.
    NationalSecurityApi,
}

impl ProductKind {
    /// Every kind, in the order routes are listed.
    pub const ALL: [ProductKind; 6] = [
        ProductKind::StatelessApi,
        ProductKind::PartnerApi,
        ProductKind::StatefulRuntime,
        ProductKind::NonApi,
        ProductKind::OpenWeights,
        ProductKind::NationalSecurityApi,
    ];

    /// The kind as a heading says it: "Stateless API".
    pub fn title(self) -> &'static str {
        match self {
            ProductKind::StatelessApi => "Stateless API",
            ProductKind::PartnerApi => "API built with a partner",
            ProductKind::StatefulRuntime => "Stateful runtime",
            ProductKind::NonApi => "Non-API product",
            ProductKind::OpenWeights => "Open-weight model",
            ProductKind::NationalSecurityApi => "National-security API",
        }
    }

    /// The kind as the JSON outcome names it: `stateless_api`.
    pub fn name(self) -> &'static str {
        match self {
            ProductKind::StatelessApi => "stateless_api",
            ProductKind::PartnerApi => "partner_api",
            ProductKind::StatefulRuntime => "stateful_runtime",
            ProductKind::NonApi => "non_api",
            ProductKind::OpenWeights => "open_weights",
            ProductKind::NationalSecurityApi => "national_security_api",
        }
    }

    /// The kind in words, as it reads after "the product is".
    ///
    /// ```
    /// use fortress_core::terms::ProductKind;
    /// assert_eq!(ProductKind::StatefulRuntime.label(), "a stateful runtime");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            ProductKind::StatelessApi => "a stateless API",
            ProductKind::PartnerApi => "an API product built with a partner",
            ProductKind::StatefulRuntime => "a stateful runtime",
            ProductKind::NonApi => "a non-API product",
            ProductKind::OpenWeights => "an open-weight model",
            ProductKind::NationalSecurityApi => "an API for US national-security customers",
        }
    }

    /// The partner the routing question assumes: the February 2026 deals are
    /// Amazon's, so partner-built products are asked about with Amazon.
    pub fn partner(self) -> Option<&'static str> {
        match self {
            ProductKind::PartnerApi | ProductKind::StatefulRuntime => Some("Amazon"),
            _ => None,
        }
    }
}

/// Where a product may run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hosting {
    /// On Azure only.
    AzureOnly,
    /// On any cloud provider.
    AnyCloud,
    /// The sources disagree.
    Contested,
}

impl Hosting {
    /// The answer in words, as route reasons begin with it.
    ///
    /// ```
    /// use fortress_core::terms::Hosting;
    /// assert_eq!(Hosting::AzureOnly.label(), "Azure only");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Hosting::AzureOnly => "Azure only",
            Hosting::AnyCloud => "any cloud",
            Hosting::Contested => "contested",
        }
    }

    /// The answer as a badge says it, capitalized: "Any cloud".
    pub fn title(self) -> &'static str {
        match self {
            Hosting::AzureOnly => "Azure only",
            Hosting::AnyCloud => "Any cloud",
            Hosting::Contested => "Contested",
        }
    }

    /// The answer as the JSON outcome names it: `azure_only`.
    pub fn name(self) -> &'static str {
        match self {
            Hosting::AzureOnly => "azure_only",
            Hosting::AnyCloud => "any_cloud",
            Hosting::Contested => "contested",
        }
    }
}

/// The answer to "where may this product run?" under the regime in force.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Route {
    /// The kind of product.
    pub product: ProductKind,
    /// The partner the product is built with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<&'static str>,
    /// Where it may run.
    pub hosting: Hosting,
    /// The id of the term that decides it.
    pub term: &'static str,
    /// That term's status, which the answer follows.
    pub term_status: Status,
    /// Why, in words.
    pub reason: String,
}

/// Judges every term and route for a validated scenario whose final table is `last`.
///
/// Stakes are judged on `last`, the table after every round, whatever the
/// date judged; the reasons name that table ("after February 2026").
pub(crate) fn evaluate_terms(scenario: &Scenario, last: &Stage) -> (Vec<TermStatus>, Vec<Route>) {
    judge::evaluate(scenario, last)
}
