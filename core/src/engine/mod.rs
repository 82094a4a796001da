//! The cap-table engine: exact share classes, priced rounds with SAFEs, notes,
//! pool top-ups and anti-dilution solved together, secondary tenders, and the
//! exit waterfall with its conversion choices.
//!
//! It has its own small input and output types, independent of the
//! [`Scenario`](crate::Scenario) format, so that any front end can map onto it:
//!
//! - [`CapTable`]: [`ShareClass`]es, [`Holding`]s, [`OptionGrant`]s and the pool.
//! - [`solve_round`]: a priced [`Round`] applied to a table, as one exact solve ([`RoundResult`]).
//! - [`tender`]: a secondary sale at a multiple of the round price ([`TenderResult`]).
//! - [`waterfall`]: who gets what at an exit ([`Waterfall`]); [`waterfall_with_choices`] for set choices.
//! - [`smallest_stake`]: the smallest stake that returns a target multiple ([`StakeAnswer`]).
//!
//! Share counts are `u128` integers, money is whole dollars, and every price
//! is an exact [`Ratio`]. No float decides a result, and no input, however
//! absurd, makes it panic: errors are [`EngineError`] values that name the
//! field at fault. Every convention is stated once, in `docs/CONVENTIONS.md`,
//! and the selectable ones are fields of [`Conventions`].

mod ratio;
mod returns;
mod round;
mod table;
mod tender;
mod waterfall;

use std::fmt;

pub use ratio::Ratio;
pub use returns::{smallest_stake, StakeAnswer, StakeQuery};
#[cfg(feature = "full")]
pub(crate) use round::weighted_average;
pub use round::{
    solve_round, AppliedPrice, BroadBase, CapBase, Cheque, ChequeResult, ClassAdjustment, Conventions,
    ConversionResult, DayCount, Instrument, InstrumentKind, NewClass, PoolChange, PriceRounding, Round, RoundResult,
    SafePoolIncrease, Valuation, MAX_COUNT, MAX_ITERATIONS,
};
pub use table::{AntiDilution, CapTable, Holding, OptionGrant, Participation, ShareClass};
pub use tender::{tender, Sale, Tender, TenderResult};
pub use waterfall::{
    waterfall, waterfall_with_choices, Choice, ClassPayout, HolderPayout, HoldingPayout, OptionPayout, Waterfall,
};

/// Why the engine could not compute an answer, and which input is to blame.
///
/// `field` is a path into the engine's input such as `classes[1].preference`
/// or `round.instruments[0].cap`; `message` is one plain sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineError {
    /// Where the problem is, as a path into the input.
    pub field: String,
    /// What the problem is.
    pub message: String,
}

impl EngineError {
    /// An error at `field`.
    ///
    /// ```
    /// use fortress_core::engine::EngineError;
    /// let e = EngineError::new("classes[1].preference", "must not be negative");
    /// assert_eq!(e.to_string(), "classes[1].preference: must not be negative");
    /// ```
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> EngineError {
        EngineError { field: field.into(), message: message.into() }
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for EngineError {}

/// The message of an [`EngineError`] for a step whose exact result does not fit in 128 bits.
pub const TOO_LARGE: &str = "the numbers are too large to compute exactly";

/// The error for a step whose exact result does not fit in 128 bits.
pub(crate) fn overflow(field: impl Into<String>) -> EngineError {
    EngineError::new(field, TOO_LARGE)
}
