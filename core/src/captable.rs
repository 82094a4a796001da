//! Cap-table arithmetic by share counts, in exact integers.
//!
//! The rules, each stated once:
//! - The starting table is laid on a fixed base: every millionth of a
//!   percentage point is [`SHARES_PER_MICRO`] shares, so 100% is 10^12 shares.
//! - A priced round's price per share is the pre-money valuation over the
//!   fully diluted shares before the new money (including any pool top-up).
//! - Each cheque buys `floor(amount / price)` whole shares: an investor never
//!   gets a share it did not pay for in full, and loses less than one share.
//! - A pool top-up is rounded up to whole shares, so the pool reaches its target.
//! - A secondary sale moves `floor` shares from seller to buyer; no new shares.
//! - Values are the post-money valuation shared out by shares, with the
//!   whole dollars left by rounding down given to the largest remainders
//!   (Hamilton's method), so a stage's values add up to its post-money exactly.

use crate::error::{ErrorKind, ScenarioError};
use crate::outcome::{HolderRow, Price, Stage};
use crate::scenario::{PoolBasis, Round, Scenario, Valuation};
use crate::strindex::StrIndex;
use crate::Percent;

/// Shares per millionth of a percentage point of the starting table.
pub const SHARES_PER_MICRO: u128 = 10_000;

const HUNDRED: u128 = Percent::HUNDRED_MICROS as u128;

/// The holders and their shares as the rounds are applied. Ids and names are
/// borrowed from the scenario, so applying a round allocates no strings.
pub(crate) struct Table<'a> {
    pub(crate) ids: Vec<&'a str>,
    names: Vec<&'a str>,
    pub(crate) groups: Vec<bool>,
    pub(crate) shares: Vec<u128>,
    /// Holder ids to indices, once the table is longer than [`SCAN_HOLDERS`]; empty before.
    index: StrIndex,
}

impl Clone for Table<'_> {
    fn clone(&self) -> Self {
        Table {
            ids: self.ids.clone(),
            names: self.names.clone(),
            groups: self.groups.clone(),
            shares: self.shares.clone(),
            index: self.index.clone(),
        }
    }

    /// Copies `source` into the lists this table already has, so that copying
    /// the same table again and again (as the sensitivity map's full way does
    /// per cell) allocates only the first time.
    fn clone_from(&mut self, source: &Self) {
        self.ids.clone_from(&source.ids);
        self.names.clone_from(&source.names);
        self.groups.clone_from(&source.groups);
        self.shares.clone_from(&source.shares);
        self.index.clone_from(&source.index);
    }
}

/// Up to this many holders a table finds ids by a scan, which beats hashing
/// for a short list; past it, by a hash index built at that point.
const SCAN_HOLDERS: usize = 32;

impl<'a> Table<'a> {
    /// The index of a holder, added with no shares if it is new.
    pub(crate) fn holder_idx(&mut self, id: &'a str, name: Option<&'a str>, group: bool) -> usize {
        if let Some(idx) = self.find(id) {
            return idx;
        }
        let idx = self.ids.len();
        self.ids.push(id);
        self.names.push(name.unwrap_or(id));
        self.groups.push(group);
        self.shares.push(0);
        if self.ids.len() > SCAN_HOLDERS {
            self.index.push(&self.ids);
        }
        idx
    }

    /// Makes room for `more` holders, so that adding them allocates nothing.
    pub(crate) fn reserve(&mut self, more: usize) {
        self.ids.reserve(more);
        self.names.reserve(more);
        self.groups.reserve(more);
        self.shares.reserve(more);
        self.index.reserve(&self.ids, more);
    }

    /// The index of a holder already in the table.
    pub(crate) fn find(&self, id: &str) -> Option<usize> {
        if self.index.is_empty() {
            self.ids.iter().position(|&known| known == id)
        } else {
            self.index.find(&self.ids, id)
        }
    }

    /// All shares, or `None` when they add up to more than a `u128` holds
    /// (each holder's count fitting is not enough).
    pub(crate) fn total(&self) -> Option<u128> {
        self.shares.iter().try_fold(0u128, |sum, &shares| sum.checked_add(shares))
    }

    fn add(&mut self, idx: usize, shares: u128, field: &dyn Fn() -> String) -> Result<(), ScenarioError> {
        let slot = self.shares.get_mut(idx).ok_or_else(|| overflow_in(&field))?;
        *slot = slot.checked_add(shares).ok_or_else(|| overflow_in(&field))?;
        Ok(())
    }
}

/// The starting table of a validated scenario, with the first `n_rounds` rounds applied.
pub(crate) fn table_after(scenario: &Scenario, n_rounds: usize) -> Result<Table<'_>, ScenarioError> {
    let mut table = starting_table(scenario)?;
    for (i, round) in scenario.rounds.iter().enumerate().take(n_rounds) {
        let money = round_money(round, i)?;
        apply_round(&mut table, round, &money, i)?;
    }
    Ok(table)
}

fn starting_table(scenario: &Scenario) -> Result<Table<'_>, ScenarioError> {
    let n = scenario.holders.len();
    let mut table = Table {
        ids: Vec::with_capacity(n),
        names: Vec::with_capacity(n),
        groups: Vec::with_capacity(n),
        shares: Vec::with_capacity(n),
        index: StrIndex::default(),
    };
    for holder in &scenario.holders {
        let idx = table.holder_idx(&holder.id, Some(&holder.name), holder.group);
        let micros = u128::try_from(holder.percent.micros()).map_err(|_| overflow("holders"))?;
        table.add(idx, micros * SHARES_PER_MICRO, &|| "holders".to_owned())?;
    }
    Ok(table)
}

/// Builds every stage of a validated scenario.
pub(crate) fn stages(scenario: &Scenario) -> Result<Vec<Stage>, ScenarioError> {
    let mut table = starting_table(scenario)?;
    let valuation = scenario.valuation.and_then(|v| v.unsigned());
    let total = table.total().ok_or_else(|| overflow("holders"))?;
    let price = valuation.map(|dollars| Price { dollars, shares: total });
    let mut stages = Vec::with_capacity(scenario.rounds.len() + 1);
    let before = stage(&table, "Before".to_owned(), None, (None, valuation, 0, price), None, &|| "holders".to_owned())?;
    stages.push(before);
    for (i, round) in scenario.rounds.iter().enumerate() {
        let money = round_money(round, i)?;
        let money = apply_round(&mut table, round, &money, i)?;
        let previous = stages.last();
        let next = stage(&table, round.name.clone(), round.date, money, previous, &|| format!("rounds[{i}]"))?;
        stages.push(next);
    }
    Ok(stages)
}

/// A round's money as it is applied: each cheque in whole dollars, in the
/// order of `round.investments`, and the valuation. Usually the round's own
/// ([`round_money`]); the sensitivity map applies other amounts to the same round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Money {
    pub(crate) amounts: Vec<u128>,
    pub(crate) valuation: Option<Valuation>,
}

/// The round's own money.
pub(crate) fn round_money(round: &Round, i: usize) -> Result<Money, ScenarioError> {
    let amounts = round
        .investments
        .iter()
        .map(|investment| investment.amount.unsigned().ok_or_else(|| overflow(&format!("rounds[{i}]"))))
        .collect::<Result<Vec<u128>, ScenarioError>>()?;
    Ok(Money { amounts, valuation: round.valuation })
}

/// Pre-money, post-money, new money and price of a round, in that order.
pub(crate) type RoundMoney = (Option<u128>, Option<u128>, u128, Option<Price>);

/// Applies round `i` with `money` (its cheques and valuation) to the table.
/// Field paths for errors are only written when there is an error.
pub(crate) fn apply_round<'a>(
    table: &mut Table<'a>,
    round: &'a Round,
    money: &Money,
    i: usize,
) -> Result<RoundMoney, ScenarioError> {
    let at = || format!("rounds[{i}]");
    let before_round = table.total().ok_or_else(|| overflow_in(&at))?;
    let mut new_money: u128 = 0;
    for &amount in &money.amounts {
        new_money = new_money.checked_add(amount).ok_or_else(|| overflow_in(&at))?;
    }
    let (pre_money, post_money) = match money.valuation {
        Some(valuation) => {
            let (pre, post) = pre_and_post(valuation, new_money).ok_or_else(|| overflow_in(&at))?;
            (Some(pre), Some(post))
        }
        None => (None, None),
    };

    // The pool is topped up before the price is set: the shuffle puts its
    // cost on the holders from before the round.
    if let (Some(pool), Some(pre), Some(post)) = (&round.pool, pre_money, post_money) {
        let field = || format!("rounds[{i}].pool.percent");
        let idx = table.holder_idx(pool.holder_id(), Some(pool.name.as_deref().unwrap_or("Option pool")), true);
        let existing = table.shares.get(idx).copied().unwrap_or(0);
        let target = u128::try_from(pool.percent.micros()).map_err(|_| overflow_in(&field))?;
        let top_up = match pool.sized {
            PoolBasis::PreMoney => pool_top_up(target, 1, 1, before_round, existing),
            PoolBasis::PostMoney => pool_top_up(target, post, pre, before_round, existing),
        }
        .ok_or_else(|| ScenarioError::new(field(), ErrorKind::PoolUnreachable(pool.percent)))?;
        table.add(idx, top_up, &field)?;
    }
    let fully_diluted = table.total().ok_or_else(|| overflow_in(&at))?;
    let price = pre_money.filter(|&pre| pre > 0).map(|dollars| Price { dollars, shares: fully_diluted });

    for (j, sale) in round.secondaries.iter().enumerate() {
        let field = || format!("rounds[{i}].secondaries[{j}]");
        let seller = table.find(&sale.seller);
        let moved = match (sale.percent, sale.amount, price) {
            (Some(p), _, _) => {
                let micros = u128::try_from(p.micros()).map_err(|_| overflow_in(&field))?;
                mul_div(micros, before_round, HUNDRED).ok_or_else(|| overflow_in(&field))?
            }
            (None, Some(amount), Some(price)) => {
                let amount = amount.unsigned().ok_or_else(|| overflow_in(&field))?;
                mul_div(amount, price.shares, price.dollars).ok_or_else(|| overflow_in(&field))?
            }
            _ => return Err(ScenarioError::new(field(), ErrorKind::SecondarySize)),
        };
        let seller_idx = seller.ok_or_else(|| {
            ScenarioError::new(format!("{}.seller", field()), ErrorKind::UnknownHolder(sale.seller.clone()))
        })?;
        let held = table.shares.get(seller_idx).copied().unwrap_or(0);
        let left = held.checked_sub(moved).ok_or_else(|| {
            ScenarioError::new(format!("{}.seller", field()), ErrorKind::Oversold { seller: sale.seller.clone() })
        })?;
        if let Some(slot) = table.shares.get_mut(seller_idx) {
            *slot = left;
        }
        let buyer = table.holder_idx(&sale.buyer, sale.name.as_deref(), false);
        table.add(buyer, moved, &field)?;
    }

    if let Some(price) = price {
        for (j, (investment, &amount)) in round.investments.iter().zip(&money.amounts).enumerate() {
            let field = || format!("rounds[{i}].investments[{j}].amount");
            let shares = mul_div(amount, price.shares, price.dollars).ok_or_else(|| overflow_in(&field))?;
            let idx = table.holder_idx(&investment.holder, investment.name.as_deref(), false);
            table.add(idx, shares, &field)?;
        }
    }
    Ok((pre_money, post_money, new_money, price))
}

/// The pre-money and post-money valuations of a round with `new_money` in it;
/// `None` on overflow, or when a post-money valuation is below the new money.
#[inline(always)]
pub(crate) fn pre_and_post(valuation: Valuation, new_money: u128) -> Option<(u128, u128)> {
    match valuation {
        Valuation::PreMoney(pre) => {
            let pre = pre.unsigned()?;
            Some((pre, pre.checked_add(new_money)?))
        }
        Valuation::PostMoney(post) => {
            let post = post.unsigned()?;
            Some((post.checked_sub(new_money)?, post))
        }
    }
}

/// New pool shares so that the pool holds `target` millionths of a point of
/// the company measured after the new money, where the round multiplies the
/// fully diluted count by `post / pre`. With `post == pre` this is the
/// pre-money sizing. Solving `existing + top_up = t (before + top_up) post / pre`
/// for `top_up` gives `(t post before - existing pre) / (pre - t post)` with
/// `t` a fraction of one; rounded up. `None` when no top-up reaches the target.
fn pool_top_up(target: u128, post: u128, pre: u128, before: u128, existing: u128) -> Option<u128> {
    let t_post = target.checked_mul(post)?;
    let hundred_pre = HUNDRED.checked_mul(pre)?;
    if t_post >= hundred_pre {
        return None;
    }
    let wanted = t_post.checked_mul(before)?;
    let have = existing.checked_mul(hundred_pre)?;
    if wanted <= have {
        return Some(0);
    }
    let numerator = wanted - have;
    let denominator = hundred_pre - t_post;
    Some(numerator.div_ceil(denominator))
}

/// `floor(a * b / c)` in exact integers; `None` on overflow or division by zero.
///
/// The product is split so that it overflows only when the result itself
/// would be beyond 128 bits or `b % c` times `a` is.
pub(crate) fn mul_div(a: u128, b: u128, c: u128) -> Option<u128> {
    if c == 0 {
        return None;
    }
    // One division when the product fits, as it does for every amount and
    // share count in bounds: 128-bit division is slow, in wasm most of all.
    if let Some(product) = a.checked_mul(b) {
        return Some(div_rem(product, c)?.0);
    }
    let (b_whole, b_part) = div_rem(b, c)?;
    let whole = a.checked_mul(b_whole)?;
    let part = div_rem(a.checked_mul(b_part)?, c)?.0;
    whole.checked_add(part)
}

/// `(n / d, n % d)` exactly; `None` when `d` is zero.
pub(crate) fn div_rem(n: u128, d: u128) -> Option<(u128, u128)> {
    Some(Divisor::new(d)?.div_rem(n))
}

/// A non-zero divisor, ready for many exact divisions.
///
/// 128-bit division is a long software routine in wasm32, and not quick
/// natively either, while the quotients here (share counts, dollars) are
/// mostly below 2^52. So the quotient is estimated in `f64`, with the
/// divisor's reciprocal worked out once, and then fixed up exactly: it is
/// returned only once `q * d <= n < (q + 1) * d` holds in exact integers,
/// which is what defines `n / d`. Where the estimate is not close enough for
/// that within a few steps of one (quotients from 2^52 up, divisors of more
/// than 64 bits), it falls back to plain 128-bit division. The float never
/// reaches a result; tests check it against plain division.
///
/// The widget builds with `opt-level = "z"`, which inlines only what is
/// marked `#[inline(always)]`; the few small steps on the sensitivity map's
/// inner loop are, here and in the term probe.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Divisor {
    d: u128,
    /// `d` when it fits in 64 bits, as every price's does.
    narrow: Option<u64>,
    reciprocal: f64,
}

impl Divisor {
    /// `None` for zero.
    #[inline(always)]
    pub(crate) fn new(d: u128) -> Option<Divisor> {
        (d != 0).then(|| Divisor { d, narrow: u64::try_from(d).ok(), reciprocal: 1.0 / approx_f64(d) })
    }

    /// The `d` it divides by.
    pub(crate) fn divisor(self) -> u128 {
        self.d
    }

    /// `(n / d, n % d)`, exactly.
    #[inline]
    pub(crate) fn div_rem(self, n: u128) -> (u128, u128) {
        self.div_rem_near(n, approx_f64(n))
    }

    /// `(n / d, n % d)`, exactly, with `approx` standing for `n` in the
    /// estimate ([`approx_f64`] of it, made once where `n` is divided often).
    /// Any `approx` gives the exact answer; a poor one only costs time.
    #[inline(always)]
    pub(crate) fn div_rem_near(self, n: u128, approx: f64) -> (u128, u128) {
        // The usual case, kept short for the sensitivity map's inner loop:
        // the estimate is right, which one product and two comparisons prove.
        let estimate = approx * self.reciprocal;
        if let (Some(d), true) = (self.narrow, (0.0..FIX_UP_BELOW).contains(&estimate)) {
            // In range, so the cast truncates without saturating; through
            // i64, which is one instruction on x86-64 where u64 is several.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let q = estimate as i64 as u64;
            // q < 2^52 and d < 2^64, so the product fits in 128 bits.
            let product = mul_wide(q, d);
            if product <= n && n - product < u128::from(d) {
                return (u128::from(q), n - product);
            }
        }
        self.div_rem_otherwise(n, estimate)
    }

    /// [`Divisor::div_rem_near`] where the estimate was not right at once.
    /// (Kept out of line, so that the usual case stays small where it is inlined.)
    #[inline(never)]
    fn div_rem_otherwise(self, n: u128, estimate: f64) -> (u128, u128) {
        let d = self.d;
        if let (Ok(n), Ok(d)) = (u64::try_from(n), u64::try_from(d)) {
            // One instruction, in wasm32 too; d is not zero.
            return (u128::from(n / d), u128::from(n % d));
        }
        if n < d {
            return (0, n);
        }
        // False for NaN too; below 2^52 the estimate is off by a few units at most.
        if (0.0..FIX_UP_BELOW).contains(&estimate) {
            // In range: the cast truncates without saturating.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let q = estimate as i64 as u64;
            // q < 2^52, so q d fits in 128 bits whenever d fits in 64.
            let product = match u64::try_from(d) {
                Ok(d) => Some(mul_wide(q, d)),
                Err(_) => u128::from(q).checked_mul(d),
            };
            if let Some(found) = product.and_then(|product| fix_up(n, d, u128::from(q), product)) {
                return found;
            }
        }
        let q = n / d;
        (q, n - q * d)
    }
}

/// `(n / d, n % d)` from a guess `q` with `product == q * d`, in at most
/// [`FIX_UP_STEPS`] steps of one; `None` when the guess is further off.
fn fix_up(n: u128, d: u128, mut q: u128, mut product: u128) -> Option<(u128, u128)> {
    for _ in 0..FIX_UP_STEPS {
        if product > n {
            // product = q d > n >= 0, so q >= 1 and product >= d.
            q -= 1;
            product -= d;
        } else if n - product < d {
            return Some((q, n - product));
        } else {
            // product + d <= n: no overflow.
            q += 1;
            product += d;
        }
    }
    None
}

/// `a * b` in full. In wasm32 a 128-bit product is a call that returns
/// through memory, so there it is made of four 32-bit products inline.
#[inline(always)]
pub(crate) fn mul_wide(a: u64, b: u64) -> u128 {
    if cfg!(target_arch = "wasm32") {
        mul_by_halves(a, b)
    } else {
        u128::from(a) * u128::from(b)
    }
}

/// `a * b` from 32-bit halves, with 64-bit arithmetic only.
#[inline(always)]
fn mul_by_halves(a: u64, b: u64) -> u128 {
    const LOW: u64 = 0xffff_ffff;
    let (a_low, a_high, b_low, b_high) = (a & LOW, a >> 32, b & LOW, b >> 32);
    // Each partial product of two 32-bit halves fits in 64 bits.
    let (low, mid1, mid2, high) = (a_low * b_low, a_low * b_high, a_high * b_low, a_high * b_high);
    // At most three 32-bit numbers: below 2^34.
    let carry = (low >> 32) + (mid1 & LOW) + (mid2 & LOW);
    let bottom = (low & LOW) | (carry << 32);
    // The full product is below 2^128, so this does not overflow.
    let top = high + (mid1 >> 32) + (mid2 >> 32) + (carry >> 32);
    (u128::from(top) << 64) | u128::from(bottom)
}

/// Quotients below this are estimated in `f64` by [`Divisor`]: 2^52.
const FIX_UP_BELOW: f64 = 4_503_599_627_370_496.0;

/// The most steps of one [`Divisor`] takes to fix an estimate before it divides in full.
const FIX_UP_STEPS: usize = 6;

/// `n` as an `f64`, within a few units in the last place: each 64-bit half
/// converts in one instruction, where a 128-bit conversion is a routine.
/// (No `mul_add`: wasm32 has no fused multiply-add, and calls a slow one.)
#[inline(always)]
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
pub(crate) fn approx_f64(n: u128) -> f64 {
    const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;
    (n >> 64) as u64 as f64 * TWO_POW_64 + n as u64 as f64
}

fn stage(
    table: &Table<'_>,
    label: String,
    date: Option<crate::Date>,
    (pre_money, post_money, new_money, price): RoundMoney,
    previous: Option<&Stage>,
    field: &dyn Fn() -> String,
) -> Result<Stage, ScenarioError> {
    let total = table.total().ok_or_else(|| overflow_in(&field))?;
    let values = match post_money {
        Some(post) => Some(share_out(post, &table.shares, total).ok_or_else(|| overflow_in(&field))?),
        None => None,
    };
    let mut holders = Vec::with_capacity(table.ids.len());
    for (idx, (((id, name), &group), &shares)) in
        table.ids.iter().zip(&table.names).zip(&table.groups).zip(&table.shares).enumerate()
    {
        let percent = percent_of(shares, total);
        // The starting table changes nothing; a holder new in a round changes from zero.
        let before = match previous {
            None => percent,
            Some(stage) => stage.holders.get(idx).map_or(0.0, |row| row.percent),
        };
        holders.push(HolderRow {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
            group,
            shares,
            percent,
            value: values.as_ref().and_then(|v| v.get(idx).copied()),
            change_points: percent - before,
        });
    }
    Ok(Stage { label, date, pre_money, post_money, new_money, price_per_share: price, total_shares: total, holders })
}

#[allow(clippy::cast_precision_loss)]
fn percent_of(shares: u128, total: u128) -> f64 {
    if total == 0 {
        return 0.0;
    }
    shares as f64 / total as f64 * 100.0
}

/// Shares `amount` out in proportion to `weights` by largest remainders, so
/// that the parts add up to `amount` exactly. Ties go to the earlier holder.
///
/// `None` on overflow or when the weights are all zero.
pub(crate) fn share_out(amount: u128, weights: &[u128], total: u128) -> Option<Vec<u128>> {
    let total = Divisor::new(total)?;
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut given: u128 = 0;
    for (idx, &weight) in weights.iter().enumerate() {
        // amount * weight / total, keeping the remainder for the tie-break;
        // one product and one division each, the costly step here.
        let (quotient, remainder) = total.div_rem(amount.checked_mul(weight)?);
        parts.push(quotient);
        remainders.push((remainder, idx));
        given = given.checked_add(quotient)?;
    }
    let left = amount.checked_sub(given)?;
    // Fewer dollars are left than there are holders, so each gets at most one.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, idx) in remainders.iter().take(usize::try_from(left).ok()?) {
        *parts.get_mut(idx)? += 1;
    }
    Some(parts)
}

fn overflow(field: &str) -> ScenarioError {
    ScenarioError::new(field, ErrorKind::Overflow)
}

/// [`overflow`] at a field path written only now, on the error path: one
/// copy of each path's formatting, however many checks can fail on it.
#[inline(never)]
fn overflow_in(field: &dyn Fn() -> String) -> ScenarioError {
    overflow(&field())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// `mul_div` as it was, with plain 128-bit division: the quick one must agree with it everywhere.
    fn mul_div_plain(a: u128, b: u128, c: u128) -> Option<u128> {
        if c == 0 {
            return None;
        }
        if let Some(product) = a.checked_mul(b) {
            return Some(product / c);
        }
        a.checked_mul(b / c)?.checked_add(a.checked_mul(b % c)? / c)
    }

    /// Numbers of every size, with the edges weighted in: zero, one, the
    /// ends of 64 and 128 bits, and powers of two either side.
    fn wide() -> impl Strategy<Value = u128> {
        prop_oneof![
            any::<u128>(),
            any::<u64>().prop_map(u128::from),
            (0..128u32, any::<u128>()).prop_map(|(bits, x)| x >> bits),
            (0..128u32, -3..=3i8).prop_map(|(bits, off)| (1u128 << bits).wrapping_add_signed(off.into())),
            prop::sample::select(vec![0, 1, 2, u128::from(u64::MAX), 1 << 64, u128::MAX - 1, u128::MAX]),
        ]
    }

    /// A quotient near where the estimate stops being trusted (2^52, 2^53), or anywhere below.
    fn quotient() -> impl Strategy<Value = u128> {
        prop_oneof![
            (50..56u32, -5..=5i8).prop_map(|(bits, off)| (1u128 << bits).wrapping_add_signed(off.into())),
            0..(1u128 << 54),
            wide(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn div_rem_is_plain_division(n in wide(), d in wide()) {
            prop_assert_eq!(div_rem(n, d), (d != 0).then(|| (n / d, n % d)));
        }

        /// n = q d + r for a chosen quotient and remainder, so that quotients
        /// near 2^52 and 2^53 and remainders at both ends are tried.
        #[test]
        fn div_rem_is_exact_near_the_edges(q in quotient(), d in wide(), r in wide(), top in any::<bool>()) {
            let d = d.max(1);
            let r = if top { d - 1 - r % d } else { r % d };
            if let Some(n) = q.checked_mul(d).and_then(|qd| qd.checked_add(r)) {
                prop_assert_eq!(div_rem(n, d), Some((q, r)));
            }
        }

        /// The estimate only saves time: any stand-in for n, however wrong, gives the exact answer.
        #[test]
        fn any_estimate_gives_the_exact_answer(n in wide(), d in wide(), approx in any::<f64>()) {
            if let Some(divisor) = Divisor::new(d) {
                prop_assert_eq!(divisor.div_rem_near(n, approx), (n / d, n % d));
                prop_assert_eq!(divisor.div_rem_near(n, approx_f64(n)), (n / d, n % d));
            }
        }

        #[test]
        fn mul_div_is_as_before(a in wide(), b in wide(), c in wide()) {
            prop_assert_eq!(mul_div(a, b, c), mul_div_plain(a, b, c));
        }

        #[test]
        fn mul_div_is_as_before_on_cap_table_sizes(a in 0..=1u128 << 60, b in 0..=1u128 << 100, c in 1..=1u128 << 60) {
            prop_assert_eq!(mul_div(a, b, c), mul_div_plain(a, b, c));
        }

        #[test]
        fn products_by_halves_are_exact(a in any::<u64>(), b in any::<u64>()) {
            prop_assert_eq!(mul_by_halves(a, b), u128::from(a) * u128::from(b));
            prop_assert_eq!(mul_wide(a, b), u128::from(a) * u128::from(b));
        }
    }

    #[test]
    fn div_rem_edges() {
        let cases = [
            (0, 1),
            (1, 1),
            (u128::MAX, 1),
            (u128::MAX, u128::MAX),
            (u128::MAX - 1, u128::MAX),
            (u128::MAX, 3),
            (u128::MAX, (1 << 76) - 1),
            (u128::MAX, 1 << 76),
            ((1 << 52) * 1_000_000_007, 1_000_000_007),
            ((1 << 52) * 1_000_000_007 - 1, 1_000_000_007),
            ((1 << 53) * 1_000_000_007 + 5, 1_000_000_007),
            ((1 << 53) * (1 << 74) - 1, 1 << 74),
            (u128::from(u64::MAX) * u128::from(u64::MAX), u128::from(u64::MAX)),
        ];
        for (n, d) in cases {
            assert_eq!(div_rem(n, d), Some((n / d, n % d)), "{n} / {d}");
        }
        assert_eq!(div_rem(5, 0), None);
        assert_eq!(mul_by_halves(u64::MAX, u64::MAX), u128::from(u64::MAX) * u128::from(u64::MAX));
    }

    #[test]
    fn mul_div_is_exact() {
        let cases = [
            (50_000_000_000u128, 1_000_000_000_000u128, 730_000_000_000u128, 68_493_150_684u128),
            (7, 3, 2, 10),
            (u128::MAX, 1, 1, u128::MAX),
            (1, 1, 3, 0),
        ];
        for (a, b, c, want) in cases {
            assert_eq!(mul_div(a, b, c), Some(want), "{a} * {b} / {c}");
        }
        assert_eq!(mul_div(1, 1, 0), None);
        assert_eq!(mul_div(u128::MAX, 2, 1), None);
    }

    #[test]
    fn share_out_adds_up_and_breaks_ties_in_order() {
        let cases: [(u128, &[u128], &[u128]); 4] = [
            (10, &[1, 1, 1], &[4, 3, 3]),
            (100, &[1, 2, 3, 4], &[10, 20, 30, 40]),
            (1, &[1, 1], &[1, 0]),
            (7, &[0, 5, 0], &[0, 7, 0]),
        ];
        for (amount, weights, want) in cases {
            let total = weights.iter().sum();
            assert_eq!(share_out(amount, weights, total).as_deref(), Some(want), "{amount} over {weights:?}");
        }
    }

    #[test]
    fn pool_top_up_reaches_its_target() {
        // 10% pool post-money on a $8M pre, $2M round, 1,000,000 shares, no pool yet:
        // t post / pre = 0.125, so top_up = 0.125 * 1e6 / 0.875 = 142,857.14 -> 142,858.
        assert_eq!(pool_top_up(10_000_000, 10, 8, 1_000_000, 0), Some(142_858));
        // Pre-money sizing of 20% with 1,000,000 shares: 250,000.
        assert_eq!(pool_top_up(20_000_000, 1, 1, 1_000_000, 0), Some(250_000));
        // An existing pool above the target needs nothing.
        assert_eq!(pool_top_up(10_000_000, 1, 1, 1_000_000, 200_000), Some(0));
        // 90% post-money with the round doubling the company cannot be reached.
        assert_eq!(pool_top_up(90_000_000, 2, 1, 1_000_000, 0), None);
    }
}
