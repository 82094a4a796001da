//! A priced round as one exact solve: the price, the pool top-up, the
//! conversions of SAFEs and notes, and the anti-dilution adjustments of
//! earlier classes all depend on each other; they are settled together.
//!
//! # The solve
//!
//! Write `X` for the fully diluted count before the new money: every holding
//! as converted (after this round's anti-dilution adjustments), issued
//! options, the pool with its top-up, and the conversion shares of the SAFEs
//! and notes. The price is `P = pre-money / X`. The top-up `T`, the conversion
//! shares `S_i` and the adjusted as-converted counts `AC_c` are each a function
//! of the others through `X` (and, for post-money SAFEs, through the Company
//! Capitalization). Collect them in a state `s = (T, S_1.., AC_1..)` and let
//! `G(s)` compute each from the counts in `s`, with the final integer rounding
//! already applied (cheques and conversions round down, the pool up).
//!
//! `G` is monotone: a larger count gives a lower price (rounded or not), so
//! more shares per cheque, a larger post-money count and so a larger top-up,
//! a lower discount price and a larger Company Capitalization and so more
//! conversion shares, and more shares issued in the round and a lower price,
//! so a lower adjusted conversion price (the NVCA rounding to a hundredth of a
//! cent is itself monotone) and more as-converted shares. A start `s0` that is
//! at most its image, `s0 <= G(s0)`, and below every fixed point above it
//! gives a non-decreasing sequence `s_{n+1} = G(s_n)` (induction: `s1 >= s0`,
//! and `s_n >= s_{n-1}` gives `G(s_n) >= G(s_{n-1})`), bounded by the least
//! fixed point `s*` at or above `s0` (`s_n <= s*` gives `s_{n+1} = G(s_n) <=
//! G(s*) = s*`). The state is a vector of integers, so the sequence stops,
//! exactly, at that fixed point.
//!
//! The solve runs this twice:
//!
//! 1. **The real solution.** `G` with every count in millionths of a share,
//!    each quantity rounded down to its millionth so that it stays below the
//!    real map, from the table as it is (no top-up beyond a fixed increase,
//!    no conversion shares, no adjustment: every component of `G` is at least
//!    that, since adjustments only lower conversion prices). It stops when
//!    the count changes by less than a millionth of a share; its result is
//!    below the real solution by about a millionth over `1 - slope`.
//! 2. **The whole shares.** Each count of the real solution is rounded down
//!    to whole shares (a count within a thousandth of a share below a whole
//!    number is taken as that number, since it was approached from below),
//!    the top-up too. If that state is at most its image under the integer
//!    `G` (cheques and conversions rounded down, the pool up), the integer
//!    iteration rises from it; otherwise it starts from the table as it is,
//!    and stops at the least integer fixed point. Either way the result is a
//!    fixed point of the integer map, with nothing left to round.
//!
//! Why not the least integer fixed point alone: conversion shares rounded
//! down inside their own denominator admit several integer fixed points a
//! share apart ($100k at a $10M post-money cap over 9,900,000 shares is
//! consistent with 9,999,999 and with 10,000,000), and the least is a share
//! below the real solution; the settlement keeps the one the real solution
//! rounds to, which is what YC's guide prints (100,000 shares, 1%).
//!
//! Each step moves the count by the slope of `G` times the previous step (the
//! share of the count that scales with it: the pool target, the conversions,
//! a ratcheted class), so a round whose pool and conversions take 30% of the
//! company converges in a few dozen steps. Where nothing depends on the price
//! (no pool target, conversions or adjustments) the first step is already the
//! fixed point, and each cheque buys `floor(amount x X / pre)` shares, as the
//! cap table's own arithmetic does. A table where these claims reach 100% has
//! no fixed point; the iteration then grows without bound and the solve stops
//! with an error after [`MAX_ITERATIONS`] steps or past [`MAX_COUNT`] shares.
//!
//! Every result is then verified: each cheque's shares satisfy
//! `P x shares <= amount < P x (shares + 1)`, each conversion's the same with
//! its conversion price (never above the round price), and the pool reaches
//! its target while one share fewer (with the price and cheques that it
//! implies) would miss it.

use serde::Serialize;

use super::table::{AntiDilution, CapTable, Participation, ShareClass};
use super::{overflow, EngineError, Ratio};
use crate::Date;

/// The most steps the round solve takes before it reports that the round does not settle.
pub const MAX_ITERATIONS: u32 = 100_000;

/// The largest fully diluted count the round solve accepts (10^30 shares).
pub const MAX_COUNT: u128 = 1_000_000_000_000_000_000_000_000_000_000;

/// The round's valuation, in whole dollars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Valuation {
    /// The value before the new money.
    PreMoney(u128),
    /// The value after it: the pre-money is this less the cheques.
    PostMoney(u128),
}

/// New money from one investor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cheque {
    /// Who invests.
    pub holder: String,
    /// How much, in whole dollars.
    pub amount: u128,
}

/// What the round does to the option pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum PoolChange {
    /// Nothing.
    None,
    /// Top the pool up so that it is at least this fraction (below one) of the
    /// fully diluted count after the round, new money included.
    TargetPostMoney(Ratio),
    /// Top the pool up so that it is at least this fraction of the fully
    /// diluted count before the new money (top-up and conversions included).
    TargetPreMoney(Ratio),
    /// Add exactly this many shares.
    Increase(u128),
}

/// What kind of converting instrument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum InstrumentKind {
    /// YC's post-money SAFE: its cap price is the cap over the Company Capitalization.
    PostMoneySafe,
    /// YC's original (pre-money) SAFE: its cap price's denominator leaves out
    /// the SAFEs and notes ([`Conventions::pre_money_safe_base`]).
    PreMoneySafe,
    /// A convertible note: principal plus simple interest converts.
    Note {
        /// Annual simple interest rate, such as 8/100.
        annual_rate: Ratio,
        /// The day interest starts.
        issued: Date,
    },
}

/// A SAFE or note that converts in the round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Instrument {
    /// A unique id.
    pub id: String,
    /// Who holds it.
    pub holder: String,
    /// SAFE or note.
    pub kind: InstrumentKind,
    /// The purchase amount or principal, in whole dollars.
    pub amount: u128,
    /// The valuation cap, in whole dollars.
    pub cap: Option<u128>,
    /// The discount off the round price, as a fraction below one (1/5 for 20%).
    pub discount: Option<Ratio>,
}

/// The terms of the class the round issues. Its issue price is the round price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewClass {
    /// A unique id.
    pub id: String,
    /// The name to show.
    pub name: String,
    /// The liquidation preference multiple.
    pub preference: Ratio,
    /// How it shares beyond its preference.
    pub participation: Participation,
    /// Its rank in the preference stack (larger is paid first).
    pub seniority: u32,
    /// Its anti-dilution protection in later rounds.
    pub anti_dilution: AntiDilution,
}

/// What `A`, the shares deemed outstanding before the issue, counts in the
/// weighted-average formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
pub enum BroadBase {
    /// Common outstanding and preferred as converted.
    CommonAndPreferredAsConverted,
    /// Those and the issued options: the NVCA model charter's `A` (the default).
    #[default]
    PlusIssuedOptions,
    /// Those, the issued options and the unissued pool.
    PlusIssuedOptionsAndPool,
}

/// How a price is rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum PriceRounding {
    /// Not at all: the exact rational.
    Exact,
    /// To the nearest $0.0001, halves up (the NVCA charter's rule for CP2).
    NearestHundredthOfCent,
    /// Down to a whole $0.0001.
    DownToHundredthOfCent,
}

impl PriceRounding {
    fn apply(self, price: Ratio) -> Option<Ratio> {
        match self {
            PriceRounding::Exact => Some(price),
            PriceRounding::NearestHundredthOfCent => price.round_nearest_to(10_000),
            PriceRounding::DownToHundredthOfCent => price.round_down_to(10_000),
        }
    }
}

/// How a note's interest counts days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
pub enum DayCount {
    /// Actual days over 365 (the default).
    #[default]
    Actual365,
    /// Actual days over 360.
    Actual360,
}

/// Whether a post-money SAFE's Company Capitalization counts the round's pool increase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
pub enum SafePoolIncrease {
    /// Only to the extent promised options exceed the pool before the
    /// increase: YC's post-money SAFE text (the default).
    #[default]
    OnlyForPromisedOptions,
    /// All of it.
    Included,
}

/// The denominator of a note's or a pre-money SAFE's cap price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CapBase {
    /// The pre-money fully diluted count with the pool top-up, without any
    /// SAFE's or note's conversion shares (YC's original pre-money SAFE).
    ExcludingConverting,
    /// The pre-money fully diluted count with the pool top-up and every
    /// SAFE's and note's conversion shares: the same count the round price
    /// divides by, so the cap acts as a pre-money valuation.
    IncludingConverting,
}

/// The conventions a round is solved under; [`Conventions::default`] gives
/// the defaults stated in `docs/CONVENTIONS.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Conventions {
    /// What the weighted-average formula's `A` counts.
    pub broad_base: BroadBase,
    /// Whether the round's SAFE and note conversions count in the weighted
    /// average's `B` (their amounts) and `C` (their shares); by default they
    /// are excluded issuances.
    pub conversions_in_anti_dilution: bool,
    /// How an adjusted conversion price is rounded (default: to the nearest
    /// hundredth of a cent, as the NVCA charter says).
    pub conversion_price_rounding: PriceRounding,
    /// How the round price is rounded (default: exact).
    pub round_price_rounding: PriceRounding,
    /// How a note's interest counts days.
    pub day_count: DayCount,
    /// Whether a post-money SAFE's Company Capitalization counts the pool increase.
    pub post_money_safe_pool: SafePoolIncrease,
    /// The cap-price denominator of a pre-money SAFE (default: excluding converting instruments).
    pub pre_money_safe_base: CapBase,
    /// The cap-price denominator of a note (default: including converting instruments).
    pub note_base: CapBase,
}

impl Default for Conventions {
    fn default() -> Conventions {
        Conventions {
            broad_base: BroadBase::PlusIssuedOptions,
            conversions_in_anti_dilution: false,
            conversion_price_rounding: PriceRounding::NearestHundredthOfCent,
            round_price_rounding: PriceRounding::Exact,
            day_count: DayCount::Actual365,
            post_money_safe_pool: SafePoolIncrease::OnlyForPromisedOptions,
            pre_money_safe_base: CapBase::ExcludingConverting,
            note_base: CapBase::IncludingConverting,
        }
    }
}

/// A priced round.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Round {
    /// The valuation.
    pub valuation: Valuation,
    /// The new money.
    pub cheques: Vec<Cheque>,
    /// The pool change.
    pub pool: PoolChange,
    /// SAFEs and notes that convert in the round.
    pub instruments: Vec<Instrument>,
    /// The class the cheques buy.
    pub new_class: NewClass,
    /// The closing date, which notes need for their interest.
    pub date: Option<Date>,
    /// The conventions.
    pub conventions: Conventions,
}

/// One cheque's shares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChequeResult {
    /// Who invested.
    pub holder: String,
    /// How much.
    pub amount: u128,
    /// The shares bought: `floor(amount / price)`.
    pub shares: u128,
}

/// Which price an instrument converted at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum AppliedPrice {
    /// The cap price.
    Cap,
    /// The discount price.
    Discount,
    /// The round price.
    RoundPrice,
}

/// One instrument's conversion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConversionResult {
    /// The instrument's id.
    pub id: String,
    /// Who holds it.
    pub holder: String,
    /// The amount that converts: the purchase amount, or principal plus interest.
    pub amount: Ratio,
    /// The interest, for a note.
    pub interest: Ratio,
    /// The cap price, where there is a cap.
    pub cap_price: Option<Ratio>,
    /// The discount price, where there is a discount.
    pub discount_price: Option<Ratio>,
    /// The price it converted at: the lowest of the cap, discount and round prices.
    pub price: Ratio,
    /// Which one that was.
    pub applied: AppliedPrice,
    /// The shares it got: `floor(amount / price)`.
    pub shares: u128,
    /// The class they are in.
    pub class: String,
}

/// One class's conversion price before and after the round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClassAdjustment {
    /// The class id.
    pub class: String,
    /// The conversion price before.
    pub old_price: Ratio,
    /// The conversion price after.
    pub new_price: Ratio,
    /// Common per share before.
    pub old_ratio: Ratio,
    /// Common per share after.
    pub new_ratio: Ratio,
    /// The class's common as converted before.
    pub as_converted_before: u128,
    /// And after.
    pub as_converted_after: u128,
}

/// The solved round.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoundResult {
    /// The pre-money valuation.
    pub pre_money: u128,
    /// The post-money valuation: pre-money plus the cheques.
    pub post_money: u128,
    /// The cheques' total.
    pub new_money: u128,
    /// The price per share.
    pub price: Ratio,
    /// The fully diluted count before the new money (the price's denominator).
    pub fully_diluted_before: u128,
    /// The fully diluted count after the round.
    pub fully_diluted_after: u128,
    /// Every cheque's shares, in order.
    pub cheques: Vec<ChequeResult>,
    /// Every instrument's conversion, in order.
    pub conversions: Vec<ConversionResult>,
    /// New pool shares.
    pub pool_top_up: u128,
    /// The pool after the round.
    pub pool_after: u128,
    /// Every existing class's conversion price before and after, in class order.
    pub adjustments: Vec<ClassAdjustment>,
    /// Steps of the two monotone iterations (real, then whole shares) that changed the state.
    pub iterations: u32,
    /// The table after the round: the cheques' shares in the new class, each
    /// conversion in the new class or, at another price, in a series of its own
    /// priced at its conversion price, the pool topped up, conversion prices adjusted.
    pub table_after: CapTable,
}

/// The counts the iteration moves.
#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    top_up: u128,
    conversions: Vec<u128>,
    as_converted: Vec<u128>,
}

/// Everything that does not depend on the state.
struct Setup<'a> {
    table: &'a CapTable,
    round: &'a Round,
    pre: u128,
    new_money: u128,
    /// Issued options and the pool before the top-up.
    fixed: u128,
    /// Every instrument's converting amount and interest.
    amounts: Vec<(Ratio, Ratio)>,
    /// The weighted average's `A`.
    deemed_outstanding: u128,
    /// The money counted in `B`.
    counted_money: Ratio,
    /// Promised options the pool before the round does not cover.
    promised_shortfall: u128,
}

/// What one step derives from a state.
struct Step {
    count: u128,
    price: Ratio,
    cheque_shares: Vec<u128>,
    conversions: Vec<ConversionResult>,
    prices: Vec<Ratio>,
    next: State,
}

/// Solves a priced round over `table`.
///
/// ```
/// use fortress_core::engine::*;
/// // 10,000,000 shares; $2M at an $8M pre-money buys floor(2M x 10M / 8M) = 2,500,000.
/// let table = CapTable {
///     classes: vec![ShareClass::common("common", "Common")],
///     holdings: vec![Holding { holder: "founder".into(), class: "common".into(), shares: 10_000_000 }],
///     options: vec![], pool: 0, promised_options: 0,
/// };
/// let round = Round {
///     valuation: Valuation::PreMoney(8_000_000),
///     cheques: vec![Cheque { holder: "fund".into(), amount: 2_000_000 }],
///     pool: PoolChange::TargetPostMoney(Ratio::percent(10)),
///     instruments: vec![],
///     new_class: NewClass {
///         id: "a".into(), name: "Series A".into(), preference: Ratio::ONE,
///         participation: Participation::NonParticipating, seniority: 1, anti_dilution: AntiDilution::None,
///     },
///     date: None,
///     conventions: Conventions::default(),
/// };
/// let r = solve_round(&table, &round).unwrap();
/// // The pool must be 10% of the post-money count, and the new money 20% of it:
/// // 10M + T = 70% of the post count, so T = ceil(10M / 0.7 x 0.1) = 1,428,572.
/// assert_eq!(r.pool_top_up, 1_428_572);
/// assert_eq!(r.cheques[0].shares, 2_857_143);
/// assert_eq!(r.price, Ratio::new(8_000_000, 11_428_572).unwrap());
/// ```
pub fn solve_round(table: &CapTable, round: &Round) -> Result<RoundResult, EngineError> {
    table.check("")?;
    let setup = setup(table, round)?;
    let ratios = table.ratios()?;
    let increase = match round.pool {
        PoolChange::Increase(k) => k,
        _ => 0,
    };
    let start_in = |scale: u128| -> Result<State, EngineError> {
        Ok(State {
            top_up: increase.checked_mul(scale).ok_or_else(|| overflow("round.pool"))?,
            conversions: vec![0; round.instruments.len()],
            as_converted: table.as_converted_in(&ratios, scale)?,
        })
    };
    let mut iterations = 0u32;
    // The real solution, to a millionth of a share, from below.
    let (real, _) = iterate(&setup, start_in(REAL_SCALE)?, REAL_SCALE, &mut iterations)?;
    // Its whole shares: counts within a thousandth of a share below a whole
    // number are taken as that number, since the real solution is approached
    // from below; the pool starts at its whole part and rises as needed.
    let snap = |units: u128| units.saturating_add(SNAP_UNITS) / REAL_SCALE;
    let snapped = State {
        top_up: real.top_up / REAL_SCALE,
        conversions: real.conversions.iter().map(|&u| snap(u)).collect(),
        as_converted: real.as_converted.iter().map(|&u| snap(u)).collect(),
    };
    let start = start_in(1)?;
    let from = match evaluate(&setup, &snapped, 1) {
        Ok(step) if at_least(&step.next, &snapped) && at_least(&snapped, &start) => snapped,
        _ => start.clone(),
    };
    let (state, step) = iterate(&setup, from, 1, &mut iterations)?;
    verify(&setup, &state, &step)?;
    build(&setup, &start, &state, step, iterations)
}

/// Millionths of a share: the unit of the real-valued solve.
const REAL_SCALE: u128 = 1_000_000;

/// A thousandth of a share, in those units.
const SNAP_UNITS: u128 = 1_000;

/// True when every count in `a` is at least the one in `b`.
fn at_least(a: &State, b: &State) -> bool {
    a.top_up >= b.top_up
        && a.conversions.len() == b.conversions.len()
        && a.as_converted.len() == b.as_converted.len()
        && a.conversions.iter().zip(&b.conversions).all(|(x, y)| x >= y)
        && a.as_converted.iter().zip(&b.as_converted).all(|(x, y)| x >= y)
}

/// Applies `G` from `state` until it stops changing.
fn iterate(
    setup: &Setup<'_>,
    mut state: State,
    scale: u128,
    iterations: &mut u32,
) -> Result<(State, Step), EngineError> {
    loop {
        let step = evaluate(setup, &state, scale)?;
        if step.next == state {
            return Ok((state, step));
        }
        *iterations += 1;
        if *iterations >= MAX_ITERATIONS {
            return Err(does_not_settle());
        }
        state = step.next;
    }
}

fn does_not_settle() -> EngineError {
    EngineError::new(
        "round",
        "the round does not settle: the pool target, the conversions and the anti-dilution adjustments \
         together claim all of the company",
    )
}

fn setup<'a>(table: &'a CapTable, round: &'a Round) -> Result<Setup<'a>, EngineError> {
    let mut new_money = 0u128;
    for (j, cheque) in round.cheques.iter().enumerate() {
        if cheque.holder.is_empty() {
            return Err(EngineError::new(format!("round.cheques[{j}].holder"), "must not be empty"));
        }
        new_money =
            new_money.checked_add(cheque.amount).ok_or_else(|| overflow(format!("round.cheques[{j}].amount")))?;
    }
    let pre = match round.valuation {
        Valuation::PreMoney(pre) => pre,
        Valuation::PostMoney(post) => post.checked_sub(new_money).ok_or_else(|| {
            EngineError::new("round.valuation", "the post-money valuation must not be below the new money")
        })?,
    };
    if pre == 0 {
        return Err(EngineError::new("round.valuation", "the pre-money valuation must be above zero"));
    }
    pre.checked_add(new_money).ok_or_else(|| overflow("round.valuation"))?;
    match &round.pool {
        PoolChange::TargetPostMoney(t) | PoolChange::TargetPreMoney(t) if *t >= Ratio::ONE => {
            return Err(EngineError::new("round.pool", "a pool target must be below 100%"));
        }
        _ => {}
    }
    let new = &round.new_class;
    if new.id.is_empty() {
        return Err(EngineError::new("round.new_class.id", "must not be empty"));
    }
    if table.class_index(&new.id).is_some() {
        return Err(EngineError::new("round.new_class.id", format!("the id \"{}\" is already a class", new.id)));
    }
    if let Participation::ParticipatingCapped { cap_multiple } = new.participation {
        if cap_multiple < new.preference {
            return Err(EngineError::new(
                "round.new_class.participation",
                "the cap multiple must not be below the preference multiple",
            ));
        }
    }
    let conventions = &round.conventions;
    let mut amounts = Vec::with_capacity(round.instruments.len());
    let mut claimed = Ratio::ZERO;
    for (i, instrument) in round.instruments.iter().enumerate() {
        let at = |name: &str| format!("round.instruments[{i}].{name}");
        if instrument.id.is_empty() {
            return Err(EngineError::new(at("id"), "must not be empty"));
        }
        if round.instruments.iter().take(i).any(|other| other.id == instrument.id) {
            return Err(EngineError::new(at("id"), format!("the id \"{}\" is used twice", instrument.id)));
        }
        if instrument.holder.is_empty() {
            return Err(EngineError::new(at("holder"), "must not be empty"));
        }
        if instrument.cap == Some(0) {
            return Err(EngineError::new(at("cap"), "a valuation cap must be above zero"));
        }
        if instrument.discount.is_some_and(|d| d >= Ratio::ONE) {
            return Err(EngineError::new(at("discount"), "a discount must be below 100%"));
        }
        let principal = Ratio::whole(instrument.amount);
        let interest = match &instrument.kind {
            InstrumentKind::Note { annual_rate, issued } => {
                let date = round
                    .date
                    .ok_or_else(|| EngineError::new("round.date", "a round that converts a note needs its date"))?;
                let days = date
                    .day_number()
                    .checked_sub(issued.day_number())
                    .ok_or_else(|| EngineError::new(at("kind"), "the note is issued after the round's date"))?;
                let basis = match conventions.day_count {
                    DayCount::Actual365 => 365,
                    DayCount::Actual360 => 360,
                };
                let year_fraction = Ratio::new(u128::from(days), basis).ok_or_else(|| overflow(at("kind")))?;
                principal
                    .checked_mul(*annual_rate)
                    .and_then(|r| r.checked_mul(year_fraction))
                    .ok_or_else(|| overflow(at("kind")))?
            }
            _ => Ratio::ZERO,
        };
        let amount = principal.checked_add(interest).ok_or_else(|| overflow(at("amount")))?;
        if let (InstrumentKind::PostMoneySafe, Some(cap)) = (&instrument.kind, instrument.cap) {
            let share = Ratio::new(instrument.amount, cap).ok_or_else(|| overflow(at("cap")))?;
            claimed = claimed.checked_add(share).ok_or_else(|| overflow(at("cap")))?;
            if claimed >= Ratio::ONE {
                return Err(EngineError::new(
                    at("cap"),
                    "the post-money SAFEs' amounts add up to 100% or more of their caps",
                ));
            }
        }
        amounts.push((amount, interest));
    }
    let options = table.issued_options()?;
    let fixed = options.checked_add(table.pool).ok_or_else(|| overflow("pool"))?;
    let as_converted = table.as_converted_with(&table.ratios()?)?;
    let mut outstanding = 0u128;
    for shares in &as_converted {
        outstanding = outstanding.checked_add(*shares).ok_or_else(|| overflow("holdings"))?;
    }
    let deemed_outstanding = match conventions.broad_base {
        BroadBase::CommonAndPreferredAsConverted => Some(outstanding),
        BroadBase::PlusIssuedOptions => outstanding.checked_add(options),
        BroadBase::PlusIssuedOptionsAndPool => outstanding.checked_add(fixed),
    }
    .ok_or_else(|| overflow("holdings"))?;
    let mut counted_money = Ratio::whole(new_money);
    if conventions.conversions_in_anti_dilution {
        for (i, (amount, _)) in amounts.iter().enumerate() {
            counted_money =
                counted_money.checked_add(*amount).ok_or_else(|| overflow(format!("round.instruments[{i}]")))?;
        }
    }
    Ok(Setup {
        table,
        round,
        pre,
        new_money,
        fixed,
        amounts,
        deemed_outstanding,
        counted_money,
        promised_shortfall: table.promised_options.saturating_sub(table.pool),
    })
}

fn sum(values: &[u128]) -> Option<u128> {
    values.iter().try_fold(0u128, |total, &v| total.checked_add(v))
}

/// One application of the map `G`, with every count in units of `1 / scale`
/// share: `scale == 1` is the integer map (cheques and conversions round
/// down, the pool up); a larger scale is the real-valued map, rounded down
/// to its unit everywhere (so that it stays below the real solution).
fn evaluate(setup: &Setup<'_>, state: &State, scale: u128) -> Result<Step, EngineError> {
    let round = setup.round;
    let conventions = &round.conventions;
    let too_large = || overflow("round");
    let converted = sum(&state.as_converted).ok_or_else(too_large)?;
    let conversion_shares = sum(&state.conversions).ok_or_else(too_large)?;
    let fixed = setup.fixed.checked_mul(scale).ok_or_else(too_large)?;
    let without_conversions =
        converted.checked_add(fixed).and_then(|c| c.checked_add(state.top_up)).ok_or_else(too_large)?;
    let count = without_conversions.checked_add(conversion_shares).ok_or_else(too_large)?;
    if count == 0 {
        return Err(EngineError::new("holdings", "there are no shares before the round to price it by"));
    }
    if count / scale > MAX_COUNT {
        return Err(does_not_settle());
    }
    let exact_price = Ratio::new(setup.pre.checked_mul(scale).ok_or_else(too_large)?, count).ok_or_else(too_large)?;
    let price = conventions.round_price_rounding.apply(exact_price).ok_or_else(too_large)?;
    if price.is_zero() {
        return Err(EngineError::new("round.valuation", "the price per share rounds to zero"));
    }
    // floor(amount / price), in units.
    let units_for = |amount: Ratio, at: Ratio| amount.checked_div(at).and_then(|shares| shares.mul_floor(scale));

    let mut cheque_shares = Vec::with_capacity(round.cheques.len());
    let mut issued = 0u128;
    for (j, cheque) in round.cheques.iter().enumerate() {
        let shares = units_for(Ratio::whole(cheque.amount), price)
            .ok_or_else(|| overflow(format!("round.cheques[{j}].amount")))?;
        issued = issued.checked_add(shares).ok_or_else(too_large)?;
        cheque_shares.push(shares);
    }
    let post_count = count.checked_add(issued).ok_or_else(too_large)?;

    let pool_field = || overflow("round.pool");
    let target_units = |t: &Ratio, base: u128| -> Result<u128, EngineError> {
        let wanted = t.mul_whole(base).ok_or_else(pool_field)?;
        let wanted = if scale == 1 { wanted.ceil() } else { wanted.floor() };
        Ok(wanted.saturating_sub(setup.table.pool.checked_mul(scale).ok_or_else(pool_field)?))
    };
    let top_up = match &round.pool {
        PoolChange::None => 0,
        PoolChange::Increase(k) => k.checked_mul(scale).ok_or_else(pool_field)?,
        PoolChange::TargetPostMoney(t) => target_units(t, post_count)?,
        PoolChange::TargetPreMoney(t) => target_units(t, count)?,
    };

    // Company Capitalization of a post-money SAFE: all but the new money, and
    // the pool increase only as far as the convention counts it.
    let counted_increase = match conventions.post_money_safe_pool {
        SafePoolIncrease::OnlyForPromisedOptions => {
            state.top_up.min(setup.promised_shortfall.checked_mul(scale).ok_or_else(pool_field)?)
        }
        SafePoolIncrease::Included => state.top_up,
    };
    let capitalization = converted
        .checked_add(fixed)
        .and_then(|c| c.checked_add(conversion_shares))
        .and_then(|c| c.checked_add(counted_increase))
        .ok_or_else(too_large)?;

    let mut conversions = Vec::with_capacity(round.instruments.len());
    let mut next_conversions = Vec::with_capacity(round.instruments.len());
    for (i, (instrument, &(amount, interest))) in round.instruments.iter().zip(&setup.amounts).enumerate() {
        let field = || overflow(format!("round.instruments[{i}]"));
        let base = match instrument.kind {
            InstrumentKind::PostMoneySafe => capitalization,
            InstrumentKind::PreMoneySafe => match conventions.pre_money_safe_base {
                CapBase::ExcludingConverting => without_conversions,
                CapBase::IncludingConverting => count,
            },
            InstrumentKind::Note { .. } => match conventions.note_base {
                CapBase::ExcludingConverting => without_conversions,
                CapBase::IncludingConverting => count,
            },
        };
        let cap_price = match instrument.cap {
            Some(cap) if base > 0 => {
                Some(Ratio::new(cap.checked_mul(scale).ok_or_else(field)?, base).ok_or_else(field)?)
            }
            _ => None,
        };
        let discount_price = match instrument.discount {
            Some(d) => Some(price.checked_mul(Ratio::ONE.checked_sub(d).ok_or_else(field)?).ok_or_else(field)?),
            None => None,
        };
        // The lowest price gives the most shares; ties go to the cap, then the discount.
        let mut best = (price, AppliedPrice::RoundPrice);
        if let Some(p) = discount_price {
            if p <= best.0 {
                best = (p, AppliedPrice::Discount);
            }
        }
        if let Some(p) = cap_price {
            if p <= best.0 {
                best = (p, AppliedPrice::Cap);
            }
        }
        let (conversion_price, applied) = best;
        if conversion_price.is_zero() {
            return Err(EngineError::new(format!("round.instruments[{i}]"), "the conversion price is zero"));
        }
        let shares = units_for(amount, conversion_price).ok_or_else(field)?;
        next_conversions.push(shares);
        conversions.push(ConversionResult {
            id: instrument.id.clone(),
            holder: instrument.holder.clone(),
            amount,
            interest,
            cap_price,
            discount_price,
            price: conversion_price,
            applied,
            shares,
            class: String::new(),
        });
    }

    // Anti-dilution: each protected class priced above the round adjusts.
    let shares_in_c = if conventions.conversions_in_anti_dilution {
        issued.checked_add(conversion_shares).ok_or_else(too_large)?
    } else {
        issued
    };
    let shares_in_c = Ratio::new(shares_in_c, scale).ok_or_else(too_large)?;
    let mut prices = Vec::with_capacity(setup.table.classes.len());
    let mut ratios = Vec::with_capacity(setup.table.classes.len());
    for (c, class) in setup.table.classes.iter().enumerate() {
        let field = || overflow(format!("classes[{c}].conversion_price"));
        let cp1 = class.conversion_price;
        let cp2 = if price < cp1 {
            match class.anti_dilution {
                AntiDilution::None => cp1,
                AntiDilution::FullRatchet => price,
                AntiDilution::BroadBasedWeightedAverage => {
                    weighted_average(cp1, setup.deemed_outstanding, setup.counted_money, shares_in_c)
                        .and_then(|cp2| conventions.conversion_price_rounding.apply(cp2))
                        .ok_or_else(field)?
                        .min(cp1)
                }
            }
        } else {
            cp1
        };
        if cp2.is_zero() && !class.issue_price.is_zero() {
            return Err(EngineError::new(format!("classes[{c}].conversion_price"), "the adjusted price is zero"));
        }
        let mut adjusted = class.clone();
        adjusted.conversion_price = cp2;
        ratios.push(adjusted.conversion_ratio().ok_or_else(field)?);
        prices.push(cp2);
    }
    let as_converted = setup.table.as_converted_in(&ratios, scale)?;
    Ok(Step {
        count,
        price,
        cheque_shares,
        conversions,
        prices,
        next: State { top_up, conversions: next_conversions, as_converted },
    })
}

/// NVCA broad-based weighted average: `CP2 = CP1 x (A + B) / (A + C)`, with
/// `B = money / CP1`. Unrounded. `None` on overflow, or when `A + C` is zero.
///
/// As `(A x CP1 + money) / (A + C)`, one division fewer.
pub(crate) fn weighted_average(cp1: Ratio, a: u128, money: Ratio, c: Ratio) -> Option<Ratio> {
    let numerator = cp1.mul_whole(a)?.checked_add(money)?;
    numerator.checked_div(Ratio::whole(a).checked_add(c)?)
}

/// Checks the settled round against its own definition.
fn verify(setup: &Setup<'_>, state: &State, step: &Step) -> Result<(), EngineError> {
    let bad = |what: &str| EngineError::new("round", format!("internal check failed: {what}"));
    let price = step.price;
    for (cheque, &shares) in setup.round.cheques.iter().zip(&step.cheque_shares) {
        let paid = price.mul_whole(shares).ok_or_else(|| bad("a cheque's cost overflows"))?;
        let one_more =
            shares.checked_add(1).and_then(|n| price.mul_whole(n)).ok_or_else(|| bad("a cheque's cost overflows"))?;
        let amount = Ratio::whole(cheque.amount);
        if !(paid <= amount && amount < one_more) {
            return Err(bad("a cheque's shares do not match its amount"));
        }
    }
    for conversion in &step.conversions {
        let paid = conversion.price.mul_whole(conversion.shares).ok_or_else(|| bad("overflow"))?;
        let one_more = conversion
            .shares
            .checked_add(1)
            .and_then(|n| conversion.price.mul_whole(n))
            .ok_or_else(|| bad("overflow"))?;
        if !(paid <= conversion.amount && conversion.amount < one_more) || conversion.price > price {
            return Err(bad("a conversion's shares do not match its amount"));
        }
    }
    let issued = sum(&step.cheque_shares).ok_or_else(|| bad("overflow"))?;
    let post = step.count.checked_add(issued).ok_or_else(|| bad("overflow"))?;
    let pool_after = setup.table.pool.checked_add(state.top_up).ok_or_else(|| bad("overflow"))?;
    let target = match &setup.round.pool {
        PoolChange::TargetPostMoney(t) => Some((t, post)),
        PoolChange::TargetPreMoney(t) => Some((t, step.count)),
        _ => None,
    };
    if let Some((t, base)) = target {
        let needed = t.mul_whole(base).ok_or_else(|| bad("overflow"))?;
        if Ratio::whole(pool_after) < needed {
            return Err(bad("the pool misses its target"));
        }
        // One share fewer, with the price, cheques and counts that it implies:
        // it must miss (the least fixed point is the smallest consistent top-up).
        if state.top_up > 0 {
            let fewer = State { top_up: state.top_up - 1, ..state.clone() };
            let smaller = evaluate(setup, &fewer, 1)?;
            let smaller_issued = sum(&smaller.cheque_shares).ok_or_else(|| bad("overflow"))?;
            let base = match &setup.round.pool {
                PoolChange::TargetPostMoney(_) => {
                    smaller.count.checked_add(smaller_issued).ok_or_else(|| bad("overflow"))?
                }
                _ => smaller.count,
            };
            let needed = t.mul_whole(base).ok_or_else(|| bad("overflow"))?;
            if Ratio::whole(pool_after - 1) >= needed {
                return Err(bad("one share fewer would still reach the pool target"));
            }
        }
    }
    Ok(())
}

fn build(
    setup: &Setup<'_>,
    start: &State,
    state: &State,
    step: Step,
    iterations: u32,
) -> Result<RoundResult, EngineError> {
    let table = setup.table;
    let round = setup.round;
    let new = &round.new_class;
    let price = step.price;
    let mut after = table.clone();
    let mut adjustments = Vec::with_capacity(table.classes.len());
    for (c, (class, &new_price)) in after.classes.iter_mut().zip(&step.prices).enumerate() {
        let old_ratio = class.conversion_ratio().ok_or_else(|| overflow(format!("classes[{c}]")))?;
        let old_price = class.conversion_price;
        class.conversion_price = new_price;
        let new_ratio = class.conversion_ratio().ok_or_else(|| overflow(format!("classes[{c}]")))?;
        adjustments.push(ClassAdjustment {
            class: class.id.clone(),
            old_price,
            new_price,
            old_ratio,
            new_ratio,
            as_converted_before: start.as_converted.get(c).copied().unwrap_or(0),
            as_converted_after: state.as_converted.get(c).copied().unwrap_or(0),
        });
    }
    let class_at = |id: String, name: String, issue_price: Ratio| ShareClass {
        id,
        name,
        issue_price,
        conversion_price: issue_price,
        preference: new.preference,
        participation: new.participation.clone(),
        seniority: new.seniority,
        anti_dilution: new.anti_dilution.clone(),
    };
    after.classes.push(class_at(new.id.clone(), new.name.clone(), price));
    let mut cheques = Vec::with_capacity(round.cheques.len());
    for (cheque, &shares) in round.cheques.iter().zip(&step.cheque_shares) {
        if shares > 0 {
            after.add_holding(&cheque.holder, &new.id, shares).ok_or_else(|| overflow("round.cheques"))?;
        }
        cheques.push(ChequeResult { holder: cheque.holder.clone(), amount: cheque.amount, shares });
    }
    let mut conversions = step.conversions;
    for (i, conversion) in conversions.iter_mut().enumerate() {
        // YC's Safe Preferred Stock: the round's terms, priced at the conversion price.
        let class = if conversion.price == price {
            new.id.clone()
        } else {
            let id = format!("{}-{}", new.id, conversion.id);
            if after.class_index(&id).is_some() {
                return Err(EngineError::new(
                    format!("round.instruments[{i}].id"),
                    format!("its series id \"{id}\" is already a class"),
                ));
            }
            after.classes.push(class_at(id.clone(), format!("{} ({})", new.name, conversion.id), conversion.price));
            id
        };
        if conversion.shares > 0 {
            after
                .add_holding(&conversion.holder, &class, conversion.shares)
                .ok_or_else(|| overflow("round.instruments"))?;
        }
        conversion.class = class;
    }
    after.pool = table.pool.checked_add(state.top_up).ok_or_else(|| overflow("round.pool"))?;
    let issued = sum(&step.cheque_shares).ok_or_else(|| overflow("round"))?;
    Ok(RoundResult {
        pre_money: setup.pre,
        post_money: setup.pre.checked_add(setup.new_money).ok_or_else(|| overflow("round.valuation"))?,
        new_money: setup.new_money,
        price,
        fully_diluted_before: step.count,
        fully_diluted_after: step.count.checked_add(issued).ok_or_else(|| overflow("round"))?,
        cheques,
        conversions,
        pool_top_up: state.top_up,
        pool_after: after.pool,
        adjustments,
        iterations,
        table_after: after,
    })
}
