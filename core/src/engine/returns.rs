//! The returns solver: the smallest stake that returns a target multiple.

use serde::Serialize;

use super::table::CapTable;
use super::waterfall::waterfall;
use super::{overflow, EngineError, Ratio};

/// A question for [`smallest_stake`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StakeQuery {
    /// Who holds the stake (existing holdings and options count too).
    pub holder: String,
    /// The class of the shares added to its holding; its issue price is the
    /// price they carry a preference at (common for a plain stake).
    pub class: String,
    /// What the holder invested, in whole dollars.
    pub investment: u128,
    /// The multiple of the investment it wants back.
    pub target_multiple: Ratio,
    /// The exit value.
    pub exit: u128,
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StakeAnswer {
    /// The smallest number of shares of the class to add.
    pub shares: u128,
    /// The holder's exact payout with them.
    pub payout: Ratio,
    /// Those shares, as converted, as a fraction of the fully diluted count with them.
    pub fraction: Ratio,
    /// The most the holder can pay per share: investment / shares (zero for no shares).
    pub price_per_share: Ratio,
    /// Waterfalls computed.
    pub evaluations: u32,
}

/// The most shares the search will consider (2^80).
const MAX_STAKE: u128 = 1 << 80;

/// The smallest number of shares of `query.class` that, added to the holder's
/// holding, pays the holder at least `target_multiple x investment` at the exit;
/// `None` when no stake does.
///
/// The holder's payout is non-decreasing in its own share count: more shares
/// of a class add to its preference and its as-converted count, and in every
/// choice of the other classes that raises its claim on the same exit (the
/// property tests check it on random tables). So the answer is found by an
/// exact search over whole shares: doubling until the target is reached, then
/// halving the interval; it is verified on both sides, `payout(n) >= target >
/// payout(n - 1)`, with exact rationals.
///
/// ```
/// use fortress_core::engine::*;
/// let table = CapTable {
///     classes: vec![ShareClass::common("common", "Common")],
///     holdings: vec![Holding { holder: "founders".into(), class: "common".into(), shares: 9_000_000 }],
///     options: vec![], pool: 0, promised_options: 0,
/// };
/// // To get 3x on $1M at a $30M exit, an all-common investor needs 10%:
/// // n / (9M + n) x 30M >= 3M gives n >= 1,000,000.
/// let q = StakeQuery { holder: "angel".into(), class: "common".into(), investment: 1_000_000,
///                      target_multiple: Ratio::whole(3), exit: 30_000_000 };
/// let answer = smallest_stake(&table, &q).unwrap().unwrap();
/// assert_eq!(answer.shares, 1_000_000);
/// assert_eq!(answer.fraction, Ratio::new(1, 10).unwrap());
/// ```
pub fn smallest_stake(table: &CapTable, query: &StakeQuery) -> Result<Option<StakeAnswer>, EngineError> {
    table.check("")?;
    if table.class_index(&query.class).is_none() {
        return Err(EngineError::new("query.class", format!("no class has the id \"{}\"", query.class)));
    }
    if query.holder.is_empty() {
        return Err(EngineError::new("query.holder", "must not be empty"));
    }
    let target = query.target_multiple.mul_whole(query.investment).ok_or_else(|| overflow("query.investment"))?;
    if target > Ratio::whole(query.exit) {
        return Ok(None);
    }
    let mut evaluations = 0u32;
    let mut payout = |n: u128| -> Result<Ratio, EngineError> {
        evaluations += 1;
        let mut with = table.clone();
        if n > 0 {
            with.add_holding(&query.holder, &query.class, n).ok_or_else(|| overflow("query"))?;
        }
        let result = waterfall(&with, query.exit)?;
        Ok(result.holders.iter().find(|h| h.holder == query.holder).map_or(Ratio::ZERO, |h| h.exact))
    };
    let (mut low, mut high) = (0u128, 1u128);
    if payout(0)? >= target {
        high = 0;
    } else {
        while payout(high)? < target {
            low = high;
            high = high.checked_mul(2).ok_or_else(|| overflow("query"))?;
            if high > MAX_STAKE {
                return Ok(None);
            }
        }
        // payout(low) < target <= payout(high)
        while high - low > 1 {
            let mid = low + (high - low) / 2;
            if payout(mid)? >= target {
                high = mid;
            } else {
                low = mid;
            }
        }
    }
    let got = payout(high)?;
    if got < target || (high > 0 && payout(high - 1)? >= target) {
        return Err(EngineError::new("query", "internal check failed: the holder's payout is not monotone here"));
    }
    let mut with = table.clone();
    with.add_holding(&query.holder, &query.class, high).ok_or_else(|| overflow("query"))?;
    let idx = table.class_index(&query.class).ok_or_else(|| overflow("query.class"))?;
    let ratio = table.classes.get(idx).and_then(|c| c.conversion_ratio()).ok_or_else(|| overflow("query.class"))?;
    let converted = ratio.mul_floor(high).ok_or_else(|| overflow("query"))?;
    let total = with.fully_diluted()?;
    let fraction =
        if total == 0 { Ratio::ZERO } else { Ratio::new(converted, total).ok_or_else(|| overflow("query"))? };
    let price_per_share =
        if high == 0 { Ratio::ZERO } else { Ratio::new(query.investment, high).ok_or_else(|| overflow("query"))? };
    Ok(Some(StakeAnswer { shares: high, payout: got, fraction, price_per_share, evaluations }))
}
