//! The rule core of Fortress: what a funding round does to a cap table and
//! to the contract terms that hang on it.
//!
//! Pure Rust: no web crates, no JSON text, no clock, no panics. Input is a
//! [`Scenario`] (the scenario format v1 as plain values); output is an
//! [`Outcome`] or a [`ScenarioError`] that names the field at fault.
//!
//! ```
//! use fortress_core::{evaluate, presets};
//! let outcome = evaluate(&presets::feb_2026_pre_money()).unwrap();
//! let after = outcome.last_stage().unwrap();
//! let microsoft = after.holder("microsoft").unwrap();
//! assert_eq!(format!("{:.4}", microsoft.percent), "23.4643");
//! ```
// The deal's words and lists are written for the full build, where they are borrowed or owned
// (`deal::Words`, `deal::Parts`); in the lighter build they are plain references, where some of
// those borrows and copies are redundant. Clippy holds them in the full build.
#![cfg_attr(
    not(feature = "full"),
    allow(
        clippy::needless_borrow,
        clippy::borrow_deref_ref,
        clippy::explicit_auto_deref,
        clippy::clone_on_copy,
        clippy::needless_option_as_deref
    )
)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

mod amount;
mod arith;
pub mod captable;
mod check;
pub mod compare;
mod date;
pub mod deal;
pub mod edit;
pub mod engine;
mod error;
#[cfg(feature = "full")]
pub mod exit;
mod outcome;
pub mod presets;
mod scenario;
pub mod sensitivity;
mod stage;
pub mod strindex;
pub mod terms;
pub mod validate;

/// Whether this is the full build (feature `full`): every built-in deal and
/// preset. The lighter build carries the default preset and deal only, and
/// its callers hand anything else to the full build ([`deal::needs_full`]).
pub const FULL: bool = cfg!(feature = "full");

pub use amount::{Decimal, Dollars, Percent};
pub use date::Date;
pub use deal::Deal;
pub use error::{ErrorKind, ScenarioError};
pub use outcome::Outcome;
pub use scenario::{
    AntiDilutionKind, ClassTerms, Compare, Confidence, CountBasis, Events, Exit, ExitPool, Holder, Investment,
    Multiple, Note, NoteKind, ParticipationKind, Pool, PoolBasis, Round, Scenario, Secondary, Source, Tranche,
    Valuation, WhatIf, FORMAT_VERSION,
};
pub use stage::{HolderRow, Pending, Price, Stage};
pub use validate::{validate, validate_with};

/// Validates a scenario and computes every stage of its cap table and the
/// status of every contract term, under the built-in deal it names (the
/// Microsoft–OpenAI deal when it names none).
///
/// ```
/// use fortress_core::{evaluate, presets};
/// let outcome = evaluate(&presets::feb_2026_pre_money()).unwrap();
/// // The table before the round, and the table after it.
/// assert_eq!(outcome.stages.len(), 2);
/// let after = &outcome.stages[1];
/// assert_eq!(after.post_money, Some(840_000_000_000));
/// let total: u128 = after.holders.iter().map(|h| h.shares).sum();
/// assert_eq!(total, after.total_shares);
/// ```
pub fn evaluate(scenario: &Scenario) -> Result<Outcome, ScenarioError> {
    evaluate_with(scenario, &deal::OPENAI_MICROSOFT)
}

/// [`evaluate`] with `deal` as the deal at hand (a publisher's, checked by
/// [`deal::validate_deal`]): the scenario is judged under it when it names no
/// deal or names it, else under the built-in deal it names. A scenario it
/// compares with is judged the same way, and a preset under its own deal.
pub fn evaluate_with(scenario: &Scenario, deal: &Deal) -> Result<Outcome, ScenarioError> {
    validate_with(scenario, deal)?;
    let deal = deal::resolve(scenario, deal)?;
    let (stages, pending) = captable::stages(scenario, terms::funded_to(scenario, deal))?;
    let Some(last) = stages.last() else {
        return Err(ScenarioError::new("holders", ErrorKind::Empty));
    };
    let (terms, routes) = terms::evaluate_terms(scenario, deal, last);
    let timeline = terms::timeline(scenario, deal, last);
    let key_term = terms.iter().find(|t| t.id == deal.key_term).map(|t| terms::key_term(t, &timeline));
    #[cfg(feature = "full")]
    let exit = exit::evaluate_exit(scenario, terms::funded_to(scenario, deal), last.post_money)?;
    let mut outcome = Outcome {
        stages,
        terms,
        routes,
        pending,
        timeline,
        key_term,
        comparison: None,
        #[cfg(feature = "full")]
        exit,
    };
    if let Some(baseline) = baseline_of(scenario) {
        // Validation has checked the baseline, and that it compares with nothing itself.
        let baseline = match &scenario.compare {
            Some(Compare::Scenario(_)) => evaluate_with(&baseline, deal),
            _ => evaluate(&baseline),
        };
        let baseline = baseline.map_err(|e| e.within("compare.scenario"))?;
        outcome.comparison = Some(compare::compare(&outcome, &baseline));
    }
    Ok(outcome)
}

/// The scenario a scenario's `compare` names, if it names one.
pub fn baseline_of(scenario: &Scenario) -> Option<Scenario> {
    match scenario.compare.as_ref()? {
        Compare::Off => None,
        Compare::Preset(name) => presets::by_name(name),
        Compare::Scenario(baseline) => Some(Scenario::clone(baseline)),
    }
}
