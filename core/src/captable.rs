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

use crate::arith::{mul_div, share_out};
use crate::error::{ErrorKind, ScenarioError};
use crate::scenario::{Investment, PoolBasis, Round, Scenario, Valuation};
use crate::stage::{HolderRow, Pending, Price, Stage};
use crate::strindex::StrIndex;
use crate::{Date, Percent};

/// Shares per millionth of a percentage point of the starting table.
pub const SHARES_PER_MICRO: u128 = 10_000;

const HUNDRED: u128 = Percent::HUNDRED_MICROS as u128;

/// The holders and their shares as the rounds are applied. Ids and names are
/// borrowed from the scenario, so applying a round allocates no strings.
pub(crate) struct Table<'a> {
    pub(crate) ids: Vec<&'a str>,
    pub(crate) names: Vec<&'a str>,
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

/// What a round does to whom, share by share, for a caller that follows more
/// than each holder's total (the exit follows share classes). Holders are
/// table indices. `()` follows nothing, and costs nothing.
pub(crate) trait Ledger {
    /// `shares` new pool shares for the pool's row.
    fn pool(&mut self, _holder: usize, _shares: u128) {}
    /// `shares` sold by `seller` to `buyer` in a secondary.
    fn sale(&mut self, _seller: usize, _buyer: usize, _shares: u128) {}
    /// `shares` bought for cheque `investment` of the round by `holder`.
    fn bought(&mut self, _investment: usize, _holder: usize, _shares: u128) {}
}

impl Ledger for () {}

/// The starting table of a validated scenario, with the first `n_rounds`
/// rounds applied and money counted up to `funded_to` (all of it when `None`).
pub(crate) fn table_after(
    scenario: &Scenario,
    n_rounds: usize,
    funded_to: Option<Date>,
) -> Result<Table<'_>, ScenarioError> {
    let mut table = starting_table(scenario)?;
    for (i, round) in scenario.rounds.iter().enumerate().take(n_rounds) {
        let money = round_money(round, i, funded_to)?;
        apply_round(&mut table, round, &money, i, &mut ())?;
    }
    Ok(table)
}

pub(crate) fn starting_table(scenario: &Scenario) -> Result<Table<'_>, ScenarioError> {
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

/// Builds every stage of a validated scenario with money counted up to
/// `funded_to` (all of it when `None`: `terms::funded_to` says which), and
/// lists the money not yet paid by then.
pub(crate) fn stages(
    scenario: &Scenario,
    funded_to: Option<Date>,
) -> Result<(Vec<Stage>, Vec<Pending>), ScenarioError> {
    let mut table = starting_table(scenario)?;
    let valuation = scenario.valuation.and_then(|v| v.unsigned());
    let total = table.total().ok_or_else(|| overflow("holders"))?;
    let price = valuation.map(|dollars| Price { dollars, shares: total });
    let mut stages = Vec::with_capacity(scenario.rounds.len() + 1);
    let mut pending = Vec::new();
    let before = stage(&table, "Before".to_owned(), None, (None, valuation, 0, price), None, &|| "holders".to_owned())?;
    stages.push(before);
    for (i, round) in scenario.rounds.iter().enumerate() {
        let money = round_money(round, i, funded_to)?;
        let money = apply_round(&mut table, round, &money, i, &mut ())?;
        for investment in &round.investments {
            let name = table.find(&investment.holder).and_then(|idx| table.names.get(idx)).copied();
            for (date, amount) in unpaid(investment, round.date, funded_to) {
                let name = name.unwrap_or(&investment.holder).to_owned();
                pending.push(Pending { round: i, holder: investment.holder.clone(), name, amount, date });
            }
        }
        let previous = stages.last();
        let next = stage(&table, round.name.clone(), round.date, money, previous, &|| format!("rounds[{i}]"))?;
        stages.push(next);
    }
    Ok((stages, pending))
}

/// The part of a cheque of `amount` paid in `tranches` that counts when
/// money counts up to `funded_to` (all of it when `None`). A cheque without
/// tranches is paid on its round's date, and a round without a date is
/// taken as paid. The sensitivity map calls this with scaled amounts.
pub(crate) fn counted_part(
    amount: u128,
    tranches: impl Iterator<Item = (Date, u128)>,
    round_date: Option<Date>,
    funded_to: Option<Date>,
) -> u128 {
    let Some(limit) = funded_to else { return amount };
    let mut tranches = tranches.peekable();
    if tranches.peek().is_none() {
        return if round_date.is_none_or(|date| date <= limit) { amount } else { 0 };
    }
    tranches.filter(|&(date, _)| date <= limit).map(|(_, part)| part).fold(0u128, u128::saturating_add)
}

/// The payments of a cheque still to come after `funded_to`, by date.
fn unpaid(investment: &Investment, round_date: Option<Date>, funded_to: Option<Date>) -> Vec<(Date, u128)> {
    let Some(limit) = funded_to else { return Vec::new() };
    let amount = investment.amount.unsigned().unwrap_or(0);
    if investment.tranches.is_empty() {
        return round_date.filter(|&date| date > limit).map(|date| vec![(date, amount)]).unwrap_or_default();
    }
    (investment.tranches.iter())
        .filter(|tranche| tranche.date > limit)
        .map(|tranche| (tranche.date, tranche.amount.unsigned().unwrap_or(0)))
        .collect()
}

/// A round's money as it is applied: each cheque's counted part in whole
/// dollars, in the order of `round.investments`, the money committed (which
/// sets the price), and the valuation. Usually the round's own
/// ([`round_money`]); the sensitivity map applies other amounts to the same round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Money {
    pub(crate) amounts: Vec<u128>,
    pub(crate) committed: u128,
    pub(crate) valuation: Option<Valuation>,
}

/// The round's own money, counted up to `funded_to`.
pub(crate) fn round_money(round: &Round, i: usize, funded_to: Option<Date>) -> Result<Money, ScenarioError> {
    let mut committed: u128 = 0;
    let mut amounts = Vec::with_capacity(round.investments.len());
    for investment in &round.investments {
        let amount = investment.amount.unsigned().ok_or_else(|| overflow(&format!("rounds[{i}]")))?;
        committed = committed.checked_add(amount).ok_or_else(|| overflow(&format!("rounds[{i}]")))?;
        let tranches = investment.tranches.iter().map(|t| (t.date, t.amount.unsigned().unwrap_or(0)));
        amounts.push(counted_part(amount, tranches, round.date, funded_to));
    }
    Ok(Money { amounts, committed, valuation: round.valuation })
}

/// Pre-money, post-money, new money and price of a round, in that order.
pub(crate) type RoundMoney = (Option<u128>, Option<u128>, u128, Option<Price>);

/// Applies round `i` with `money` (its cheques and valuation) to the table.
/// Field paths for errors are only written when there is an error. `ledger`
/// hears of every share the round creates or moves.
pub(crate) fn apply_round<'a>(
    table: &mut Table<'a>,
    round: &'a Round,
    money: &Money,
    i: usize,
    ledger: &mut impl Ledger,
) -> Result<RoundMoney, ScenarioError> {
    let at = || format!("rounds[{i}]");
    let before_round = table.total().ok_or_else(|| overflow_in(&at))?;
    let mut new_money: u128 = 0;
    for &amount in &money.amounts {
        new_money = new_money.checked_add(amount).ok_or_else(|| overflow_in(&at))?;
    }
    // The valuation prices the money committed; the company after the round
    // is worth the pre-money valuation plus the money counted (all of it,
    // unless the scenario counts only what was funded).
    let (pre_money, committed_post, post_money) = match money.valuation {
        Some(valuation) => {
            let (pre, post) = pre_and_post(valuation, money.committed).ok_or_else(|| overflow_in(&at))?;
            (Some(pre), Some(post), Some(pre.checked_add(new_money).ok_or_else(|| overflow_in(&at))?))
        }
        None => (None, None, None),
    };

    // The pool is topped up before the price is set: the shuffle puts its
    // cost on the holders from before the round. Its target is measured
    // against the round as committed.
    if let (Some(pool), Some(pre), Some(post)) = (&round.pool, pre_money, committed_post) {
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
        ledger.pool(idx, top_up);
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
        ledger.sale(seller_idx, buyer, moved);
    }

    if let Some(price) = price {
        for (j, (investment, &amount)) in round.investments.iter().zip(&money.amounts).enumerate() {
            let field = || format!("rounds[{i}].investments[{j}].amount");
            let shares = mul_div(amount, price.shares, price.dollars).ok_or_else(|| overflow_in(&field))?;
            let idx = table.holder_idx(&investment.holder, investment.name.as_deref(), false);
            table.add(idx, shares, &field)?;
            ledger.bought(j, idx, shares);
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

fn stage(
    table: &Table<'_>,
    label: String,
    date: Option<Date>,
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
    use super::*;

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
