//! Contract terms as data: regimes in time, conditions, statuses and routes.
//!
//! (First cut: the types the rest of the core and the format rely on. The
//! term catalogue and its evaluation arrive with the terms work.)

use serde::Serialize;

use crate::outcome::Stage;
use crate::scenario::{Confidence, RegimeId, Scenario};

/// Every term id Fortress knows, as FACTS.md names them.
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
];

/// True when `id` names a term of some regime.
pub fn is_term_id(id: &str) -> bool {
    TERM_IDS.contains(&id)
}

/// A term's standing on the scenario's date.
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

/// The answer to "where may this product run?".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Route {
    /// The kind of product.
    pub product: ProductKind,
    /// Where it may run.
    pub hosting: Hosting,
    /// The id of the term that decides it.
    pub term: &'static str,
    /// Why, in words.
    pub reason: String,
}

/// Judges every term and route for a validated scenario whose final table is `last`.
pub(crate) fn evaluate_terms(_scenario: &Scenario, _last: &Stage) -> (Vec<TermStatus>, Vec<Route>) {
    (Vec::new(), Vec::new())
}
