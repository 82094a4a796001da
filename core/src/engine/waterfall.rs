//! The exit waterfall: who gets what when the company is sold for a given
//! number of dollars.
//!
//! # How an exit is shared
//!
//! For a given set of converting classes:
//! 1. The classes that keep a preference are paid it (multiple x issue price
//!    x shares) in seniority order, largest rank first; a rank that the money
//!    does not cover is paid pro rata to the preferences in it, and ranks below
//!    get nothing.
//! 2. What is left is shared by one common value per share `v`: common, the
//!    converted classes and the participating classes as converted get `v` a
//!    share; a capped class gets `v` a share until its total (preference
//!    included) reaches its cap; an option gets `v` less its strike where that
//!    is positive (it is exercised, its strike paid in, exactly when `v` is above
//!    the strike). The total paid out is continuous and increasing in `v` and
//!    linear between the strikes and cap points, so `v` is found exactly by a
//!    sweep over those points, in sorted order.
//!
//! # The choices
//!
//! A non-participating class converts, and a capped class converts instead of
//! stopping at its cap, when that pays it more. Each class's threshold `t` is
//! its preference (for a capped class, its cap) per as-converted share.
//!
//! - If the exit does not exceed all the preferences together, no class
//!   converts: a class that converted would leave the stack, and what it
//!   leaves behind, at most what its preference was paid, would be shared
//!   with common, so it would get no more than it did.
//! - Otherwise every preference is covered whatever the others do, and a class
//!   gains by converting exactly when `v > t`; adding a class whose
//!   threshold is below `v` leaves `v` above that threshold (the pool gains its
//!   preference and its shares, which pay `t` each at `v = t`). So the classes
//!   are taken in order of threshold, and the first `j` convert where `j` is
//!   the first count whose value `v_j` is not above the next threshold. This
//!   takes at most one pass per class, so it terminates, and it is an
//!   equilibrium: every converter has `t < v_j`, every other class `t >= v_j`.
//!
//! Where converting and not converting pay the same, the class keeps its
//! preference: conversion is a holder's act that changes nothing for it,
//! and the preference is the class's default position under the charter.
//! Every result is verified: each class's pay under the other choice, the
//! others fixed, is computed, and it is never more (nor, for a class that
//! converted, equal).
//!
//! # Whole dollars
//!
//! All of the above is exact. Each holding's and each option's exact amount
//! is then rounded down to whole dollars, and the dollars left (fewer than
//! the number of payees) go one each to the largest remainders, ties to the
//! earlier payee (holdings in table order, then options): the amounts add up
//! to the exit exactly. A class's amount is the sum of its holdings'.

use std::cmp::Ordering;

use serde::Serialize;

use super::ratio::{count, dollars};
use super::table::{CapTable, Participation};
use super::{overflow, EngineError, Ratio};
use crate::arith::compare_fractions;

/// What a class does at the exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Choice {
    /// Takes its liquidation preference and does not convert.
    TakesPreference,
    /// Converts to common.
    Converts,
    /// Takes its preference and shares in what is left, without reaching a cap.
    Participates,
    /// Takes its preference and participates up to its cap, which it reaches.
    CappedAt,
    /// Common stock: shares what is left after the preferences.
    Common,
}

/// One class's payout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClassPayout {
    /// The class id.
    pub class: String,
    /// Whole dollars: the sum of its holdings' rounded amounts.
    pub amount: u128,
    /// The exact amount.
    pub exact: Ratio,
    /// What it does.
    pub choice: Choice,
    /// What the other choice would pay it, the others' choices fixed (for a
    /// class that can convert).
    pub alternative: Option<Ratio>,
    /// Why, in plain English with whole-dollar figures.
    pub reason: String,
}

/// One holder's payout over all its holdings and options.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HolderPayout {
    /// The holder.
    pub holder: String,
    /// Whole dollars.
    pub amount: u128,
    /// The exact amount.
    pub exact: Ratio,
}

/// One holding's payout: its class's choice, its share of the class's amount.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HoldingPayout {
    /// The holder.
    pub holder: String,
    /// The class.
    pub class: String,
    /// Its shares of the class.
    pub shares: u128,
    /// Whole dollars.
    pub amount: u128,
    /// The exact amount.
    pub exact: Ratio,
    /// The class's choice.
    pub choice: Choice,
    /// Why, in plain English with whole-dollar figures.
    pub reason: String,
}

/// One option grant's payout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionPayout {
    /// The holder.
    pub holder: String,
    /// Shares under option.
    pub count: u128,
    /// The strike.
    pub strike: Ratio,
    /// True when in the money (common's value per share above the strike).
    pub exercised: bool,
    /// Whole dollars, net of the strike.
    pub amount: u128,
    /// The exact amount.
    pub exact: Ratio,
}

/// The whole exit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Waterfall {
    /// The exit value.
    pub exit: u128,
    /// Common's value per share.
    pub per_share: Ratio,
    /// Every class, in table order.
    pub classes: Vec<ClassPayout>,
    /// Every holder, in order of first appearance (holdings, then options).
    pub holders: Vec<HolderPayout>,
    /// Every holding, in table order.
    pub holdings: Vec<HoldingPayout>,
    /// Every option grant, in order.
    pub options: Vec<OptionPayout>,
    /// Distributions computed to find the choices.
    pub iterations: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Common,
    NonParticipating,
    Participating,
    Capped,
}

struct ClassInfo {
    kind: Kind,
    /// Issued shares.
    shares: u128,
    /// As-converted common shares.
    converted: u128,
    /// The liquidation preference.
    preference: Ratio,
    /// The cap on the total, for a capped class (at least the preference).
    cap: Ratio,
    seniority: u32,
}

/// One distribution of the exit for a given set of converting classes.
struct Distribution {
    preference_paid: Vec<Ratio>,
    pool_paid: Vec<Ratio>,
    option_paid: Vec<Ratio>,
    /// `None` when what is left has nobody to go to.
    value: Option<Ratio>,
}

impl Distribution {
    fn class_total(&self, c: usize) -> Option<Ratio> {
        self.preference_paid.get(c)?.checked_add(*self.pool_paid.get(c)?)
    }
}

fn prepare(table: &CapTable) -> Result<(Vec<ClassInfo>, Vec<u128>), EngineError> {
    let ratios = table.ratios()?;
    let shares = table.class_shares()?;
    let converted = table.as_converted_with(&ratios)?;
    let mut holding_converted = Vec::with_capacity(table.holdings.len());
    for (i, holding) in table.holdings.iter().enumerate() {
        let idx = table.class_index(&holding.class).ok_or_else(|| overflow(format!("holdings[{i}]")))?;
        let ratio = ratios.get(idx).ok_or_else(|| overflow(format!("holdings[{i}]")))?;
        holding_converted.push(ratio.mul_floor(holding.shares).ok_or_else(|| overflow(format!("holdings[{i}]")))?);
    }
    let mut infos = Vec::with_capacity(table.classes.len());
    for (c, class) in table.classes.iter().enumerate() {
        let field = || overflow(format!("classes[{c}]"));
        let n = shares.get(c).copied().ok_or_else(field)?;
        let invested = class.issue_price.mul_whole(n).ok_or_else(field)?;
        let preference = class.preference.checked_mul(invested).ok_or_else(field)?;
        let kind = if !class.has_preference() {
            Kind::Common
        } else {
            match class.participation {
                Participation::NonParticipating => Kind::NonParticipating,
                Participation::Participating => Kind::Participating,
                Participation::ParticipatingCapped { .. } => Kind::Capped,
            }
        };
        let cap = match class.participation {
            Participation::ParticipatingCapped { cap_multiple } => {
                cap_multiple.checked_mul(invested).ok_or_else(field)?.max(preference)
            }
            _ => preference,
        };
        infos.push(ClassInfo {
            kind,
            shares: n,
            converted: converted.get(c).copied().ok_or_else(field)?,
            preference,
            cap,
            seniority: class.seniority,
        });
    }
    Ok((infos, holding_converted))
}

/// A participant in what is left after the preferences.
struct Participant {
    shares: u128,
    /// For a capped class, what it may still take.
    room: Option<Ratio>,
    /// For an option, its strike.
    strike: Ratio,
}

impl Participant {
    fn paid(&self, v: Ratio) -> Option<Ratio> {
        let per_share = v.checked_sub(self.strike).unwrap_or(Ratio::ZERO);
        let full = per_share.mul_whole(self.shares)?;
        Some(match self.room {
            Some(room) => full.min(room),
            None => full,
        })
    }
}

/// The common value per share that pays out exactly `left`; `None` when
/// what is left cannot all be paid (nobody to pay beyond the caps).
fn solve_value(participants: &[Participant], left: Ratio) -> Option<Option<Ratio>> {
    if left.is_zero() {
        return Some(Some(Ratio::ZERO));
    }
    let total =
        |v: Ratio| -> Option<Ratio> { participants.iter().try_fold(Ratio::ZERO, |sum, p| sum.checked_add(p.paid(v)?)) };
    let mut points = Vec::with_capacity(participants.len());
    for p in participants.iter().filter(|p| p.shares > 0) {
        match p.room {
            Some(room) => points.push(room.checked_div(Ratio::whole(p.shares))?),
            None if !p.strike.is_zero() => points.push(p.strike),
            None => {}
        }
    }
    points.sort();
    points.dedup();
    let (mut low, mut low_total) = (Ratio::ZERO, Ratio::ZERO);
    for point in points {
        let high_total = total(point)?;
        if high_total >= left {
            // Linear on [low, point]: interpolate exactly.
            let rise = high_total.checked_sub(low_total)?;
            let need = left.checked_sub(low_total)?;
            let step = point.checked_sub(low)?.checked_mul(need)?.checked_div(rise)?;
            return Some(Some(low.checked_add(step)?));
        }
        (low, low_total) = (point, high_total);
    }
    // Beyond the last point every capped participant is full and every option exercised.
    let slope = participants.iter().filter(|p| p.room.is_none()).try_fold(0u128, |sum, p| sum.checked_add(p.shares))?;
    if slope == 0 {
        return Some(None);
    }
    let need = left.checked_sub(low_total)?;
    Some(Some(low.checked_add(need.checked_div(Ratio::whole(slope))?)?))
}

fn distribute(infos: &[ClassInfo], options: &[(u128, Ratio)], exit: u128, converts: &[bool]) -> Option<Distribution> {
    let mut preference_paid = vec![Ratio::ZERO; infos.len()];
    let keeps = |c: usize| {
        infos.get(c).is_some_and(|info| info.kind != Kind::Common && !converts.get(c).copied().unwrap_or(false))
    };
    let mut ranks: Vec<u32> =
        (0..infos.len()).filter(|&c| keeps(c)).filter_map(|c| Some(infos.get(c)?.seniority)).collect();
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    ranks.dedup();
    let mut left = Ratio::whole(exit);
    for rank in ranks {
        let members: Vec<usize> =
            (0..infos.len()).filter(|&c| keeps(c) && infos.get(c).is_some_and(|i| i.seniority == rank)).collect();
        let group = members.iter().try_fold(Ratio::ZERO, |s, &c| s.checked_add(infos.get(c)?.preference))?;
        if group.is_zero() {
            continue;
        }
        if left >= group {
            for &c in &members {
                *preference_paid.get_mut(c)? = infos.get(c)?.preference;
            }
            left = left.checked_sub(group)?;
        } else {
            let share = left.checked_div(group)?;
            for &c in &members {
                *preference_paid.get_mut(c)? = infos.get(c)?.preference.checked_mul(share)?;
            }
            left = Ratio::ZERO;
        }
    }
    let mut participants = Vec::with_capacity(infos.len() + options.len());
    for (c, info) in infos.iter().enumerate() {
        let converted = converts.get(c).copied().unwrap_or(false);
        let room = match info.kind {
            Kind::NonParticipating if !converted => continue,
            Kind::Capped if !converted => Some(info.cap.checked_sub(info.preference)?),
            _ => None,
        };
        participants.push(Participant { shares: info.converted, room, strike: Ratio::ZERO });
    }
    for &(count, strike) in options {
        participants.push(Participant { shares: count, room: None, strike });
    }
    let value = solve_value(&participants, left)?;
    let mut pool_paid = vec![Ratio::ZERO; infos.len()];
    let mut option_paid = vec![Ratio::ZERO; options.len()];
    if let Some(v) = value {
        let mut next = participants.iter();
        for (c, info) in infos.iter().enumerate() {
            if info.kind == Kind::NonParticipating && !converts.get(c).copied().unwrap_or(false) {
                continue;
            }
            *pool_paid.get_mut(c)? = next.next()?.paid(v)?;
        }
        for slot in option_paid.iter_mut() {
            *slot = next.next()?.paid(v)?;
        }
    }
    Some(Distribution { preference_paid, pool_paid, option_paid, value })
}

/// Finds the conversion choices (see the module comment), returning them,
/// their distribution and the number of distributions computed.
fn choose(
    infos: &[ClassInfo],
    options: &[(u128, Ratio)],
    exit: u128,
) -> Result<(Vec<bool>, Distribution, u32), EngineError> {
    let fail = || overflow("exit");
    let mut converts = vec![false; infos.len()];
    let all_preferences =
        infos.iter().try_fold(Ratio::ZERO, |s, info| s.checked_add(info.preference)).ok_or_else(fail)?;
    let mut iterations = 1u32;
    let mut current = distribute(infos, options, exit, &converts).ok_or_else(fail)?;
    if Ratio::whole(exit) <= all_preferences {
        return Ok((converts, current, iterations));
    }
    // Thresholds: the preference (or the cap) per as-converted share; a class
    // with no as-converted shares would gain nothing by converting.
    let mut order: Vec<(usize, Ratio)> = Vec::new();
    for (c, info) in infos.iter().enumerate() {
        if matches!(info.kind, Kind::NonParticipating | Kind::Capped) && info.converted > 0 {
            order.push((c, info.cap.checked_div(Ratio::whole(info.converted)).ok_or_else(fail)?));
        }
    }
    order.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    for &(c, threshold) in &order {
        let above = match current.value {
            None => true,
            Some(v) => v > threshold,
        };
        if !above {
            break;
        }
        *converts.get_mut(c).ok_or_else(fail)? = true;
        current = distribute(infos, options, exit, &converts).ok_or_else(fail)?;
        iterations += 1;
    }
    Ok((converts, current, iterations))
}

/// Shares an exit of `exit` whole dollars among the holders of `table`.
///
/// ```
/// use fortress_core::engine::*;
/// // Series A: $10M for 2,000,000 shares (1x non-participating); common 8,000,000.
/// let table = CapTable {
///     classes: vec![
///         ShareClass::common("common", "Common"),
///         ShareClass::preferred("a", "Series A", Ratio::whole(5), 1),
///     ],
///     holdings: vec![
///         Holding { holder: "founders".into(), class: "common".into(), shares: 8_000_000 },
///         Holding { holder: "fund".into(), class: "a".into(), shares: 2_000_000 },
///     ],
///     options: vec![], pool: 0, promised_options: 0,
/// };
/// let low = waterfall(&table, 25_000_000).unwrap();
/// assert_eq!(low.classes[1].amount, 10_000_000);
/// assert_eq!(low.classes[1].choice, Choice::TakesPreference);
/// assert_eq!(low.classes[1].reason, "takes its $10,000,000 preference: converting would pay $5,000,000");
/// let high = waterfall(&table, 100_000_000).unwrap();
/// assert_eq!(high.classes[1].amount, 20_000_000);
/// assert_eq!(high.classes[1].choice, Choice::Converts);
/// ```
pub fn waterfall(table: &CapTable, exit: u128) -> Result<Waterfall, EngineError> {
    table.check("")?;
    let (infos, holding_converted) = prepare(table)?;
    let options: Vec<(u128, Ratio)> = table.options.iter().map(|o| (o.count, o.strike)).collect();
    let (converts, dist, iterations) = choose(&infos, &options, exit)?;
    settle(table, exit, &infos, &holding_converted, &options, &converts, dist, iterations, true)
}

/// The exit shared with the choices made for the classes rather than found:
/// the classes named in `converting` convert, every other class keeps its
/// preference (and participates, where it does). For "what if Series A
/// converted?"; [`waterfall`] gives the choices that no class would change.
///
/// ```
/// use fortress_core::engine::*;
/// let table = CapTable {
///     classes: vec![
///         ShareClass::common("common", "Common"),
///         ShareClass::preferred("a", "Series A", Ratio::whole(5), 1),
///     ],
///     holdings: vec![
///         Holding { holder: "founders".into(), class: "common".into(), shares: 8_000_000 },
///         Holding { holder: "fund".into(), class: "a".into(), shares: 2_000_000 },
///     ],
///     options: vec![], pool: 0, promised_options: 0,
/// };
/// // Converting at a $25M exit would pay the Series A 20%: $5M instead of its $10M preference.
/// let forced = waterfall_with_choices(&table, 25_000_000, &["a".to_string()]).unwrap();
/// assert_eq!(forced.classes[1].amount, 5_000_000);
/// assert_eq!(forced.classes[1].alternative, Some(Ratio::whole(10_000_000)));
/// ```
pub fn waterfall_with_choices(table: &CapTable, exit: u128, converting: &[String]) -> Result<Waterfall, EngineError> {
    table.check("")?;
    for (i, id) in converting.iter().enumerate() {
        if table.class_index(id).is_none() {
            return Err(EngineError::new(format!("converting[{i}]"), format!("no class has the id \"{id}\"")));
        }
    }
    let (infos, holding_converted) = prepare(table)?;
    let options: Vec<(u128, Ratio)> = table.options.iter().map(|o| (o.count, o.strike)).collect();
    let converts: Vec<bool> = table
        .classes
        .iter()
        .zip(&infos)
        .map(|(class, info)| {
            matches!(info.kind, Kind::NonParticipating | Kind::Capped) && converting.contains(&class.id)
        })
        .collect();
    let dist = distribute(&infos, &options, exit, &converts).ok_or_else(|| overflow("exit"))?;
    settle(table, exit, &infos, &holding_converted, &options, &converts, dist, 1, false)
}

/// Everything after the choices: the other choice's pay for each class
/// (checked against this one when `check` is set), whole dollars, reasons.
#[allow(clippy::too_many_arguments)]
fn settle(
    table: &CapTable,
    exit: u128,
    infos: &[ClassInfo],
    holding_converted: &[u128],
    options: &[(u128, Ratio)],
    converts: &[bool],
    dist: Distribution,
    iterations: u32,
    check: bool,
) -> Result<Waterfall, EngineError> {
    let fail = || overflow("exit");
    let value = dist.value.ok_or_else(|| {
        EngineError::new(
            "holdings",
            format!("nobody can receive the {} left after the preferences: no common shares", dollars(exit)),
        )
    })?;

    // Each convertible class's pay under the other choice, the others fixed.
    let mut alternatives = vec![None; infos.len()];
    for (c, info) in infos.iter().enumerate() {
        if !matches!(info.kind, Kind::NonParticipating | Kind::Capped) {
            continue;
        }
        let mut flipped = converts.to_vec();
        let slot = flipped.get_mut(c).ok_or_else(fail)?;
        *slot = !*slot;
        let other = distribute(infos, options, exit, &flipped).ok_or_else(fail)?;
        let theirs = other.class_total(c).ok_or_else(fail)?;
        let ours = dist.class_total(c).ok_or_else(fail)?;
        let converted = converts.get(c).copied().unwrap_or(false);
        if check && (theirs > ours || (converted && theirs == ours)) {
            return Err(EngineError::new("exit", "internal check failed: a class would gain by choosing otherwise"));
        }
        *alternatives.get_mut(c).ok_or_else(fail)? = Some(theirs);
    }

    // Exact amounts per holding and per option, then whole dollars.
    let mut exact = Vec::with_capacity(table.holdings.len() + options.len());
    for (i, holding) in table.holdings.iter().enumerate() {
        let c = table.class_index(&holding.class).ok_or_else(fail)?;
        let info = infos.get(c).ok_or_else(fail)?;
        let mut amount = Ratio::ZERO;
        if info.shares > 0 {
            let part = Ratio::new(holding.shares, info.shares).ok_or_else(fail)?;
            amount = dist.preference_paid.get(c).ok_or_else(fail)?.checked_mul(part).ok_or_else(fail)?;
        }
        if info.converted > 0 {
            let mine = holding_converted.get(i).copied().ok_or_else(fail)?;
            let part = Ratio::new(mine, info.converted).ok_or_else(fail)?;
            let pool = dist.pool_paid.get(c).ok_or_else(fail)?.checked_mul(part).ok_or_else(fail)?;
            amount = amount.checked_add(pool).ok_or_else(fail)?;
        }
        exact.push(amount);
    }
    exact.extend(dist.option_paid.iter().copied());
    let rounded = round_to_total(&exact, exit)?;

    let mut classes = Vec::with_capacity(infos.len());
    for (c, (class, info)) in table.classes.iter().zip(infos).enumerate() {
        let mut amount = 0u128;
        for (i, holding) in table.holdings.iter().enumerate() {
            if holding.class == class.id {
                amount = amount.checked_add(rounded.get(i).copied().ok_or_else(fail)?).ok_or_else(fail)?;
            }
        }
        let exact_total = dist.class_total(c).ok_or_else(fail)?;
        let pool = dist.pool_paid.get(c).copied().ok_or_else(fail)?;
        let paid = dist.preference_paid.get(c).copied().ok_or_else(fail)?;
        let converted = converts.get(c).copied().unwrap_or(false);
        let alternative = alternatives.get(c).copied().flatten();
        let other = dollars(alternative.map_or(0, Ratio::floor));
        let (choice, reason) = match info.kind {
            Kind::Common => (
                Choice::Common,
                format!("shares what the preferences leave: {} for {} shares", dollars(amount), count(info.converted)),
            ),
            _ if converted => (
                Choice::Converts,
                format!(
                    "converts to {} common shares for {}: its {} preference would pay {}",
                    count(info.converted),
                    dollars(amount),
                    dollars(info.preference.floor()),
                    other
                ),
            ),
            Kind::NonParticipating if paid == info.preference => (
                Choice::TakesPreference,
                format!("takes its {} preference: converting would pay {}", dollars(info.preference.floor()), other),
            ),
            Kind::NonParticipating => (
                Choice::TakesPreference,
                format!(
                    "takes {} of its {} preference, all the exit leaves it: converting would pay {}",
                    dollars(amount),
                    dollars(info.preference.floor()),
                    other
                ),
            ),
            Kind::Participating => (
                Choice::Participates,
                format!(
                    "takes {} of its {} preference and {} more as {} common shares",
                    dollars(paid.floor()),
                    dollars(info.preference.floor()),
                    dollars(pool.floor()),
                    count(info.converted)
                ),
            ),
            Kind::Capped => {
                let room = info.cap.checked_sub(info.preference).ok_or_else(fail)?;
                if pool >= room && paid == info.preference {
                    (
                        Choice::CappedAt,
                        format!(
                            "takes its {} preference and participates up to its {} cap: converting would pay {}",
                            dollars(info.preference.floor()),
                            dollars(info.cap.floor()),
                            other
                        ),
                    )
                } else {
                    (
                        Choice::Participates,
                        format!(
                            "takes {} of its {} preference and {} more as {} common shares, below its {} cap: \
                             converting would pay {}",
                            dollars(paid.floor()),
                            dollars(info.preference.floor()),
                            dollars(pool.floor()),
                            count(info.converted),
                            dollars(info.cap.floor()),
                            other
                        ),
                    )
                }
            }
        };
        classes.push(ClassPayout { class: class.id.clone(), amount, exact: exact_total, choice, alternative, reason });
    }

    let mut holders: Vec<HolderPayout> = Vec::new();
    let names = table.holdings.iter().map(|h| &h.holder).chain(table.options.iter().map(|o| &o.holder));
    for ((name, &amount), &exact_amount) in names.zip(&rounded).zip(&exact) {
        match holders.iter_mut().find(|h| &h.holder == name) {
            Some(row) => {
                row.amount = row.amount.checked_add(amount).ok_or_else(fail)?;
                row.exact = row.exact.checked_add(exact_amount).ok_or_else(fail)?;
            }
            None => holders.push(HolderPayout { holder: name.clone(), amount, exact: exact_amount }),
        }
    }
    let mut holding_rows = Vec::with_capacity(table.holdings.len());
    for (i, holding) in table.holdings.iter().enumerate() {
        let c = table.class_index(&holding.class).ok_or_else(fail)?;
        let class = classes.get(c).ok_or_else(fail)?;
        let name = table.classes.get(c).map_or("", |k| k.name.as_str());
        let amount = rounded.get(i).copied().ok_or_else(fail)?;
        holding_rows.push(HoldingPayout {
            holder: holding.holder.clone(),
            class: holding.class.clone(),
            shares: holding.shares,
            amount,
            exact: exact.get(i).copied().ok_or_else(fail)?,
            choice: class.choice,
            reason: format!(
                "{} for {} shares of {}, whose class {}",
                dollars(amount),
                count(holding.shares),
                name,
                class.reason
            ),
        });
    }
    let mut option_rows = Vec::with_capacity(options.len());
    for (k, grant) in table.options.iter().enumerate() {
        let at = table.holdings.len() + k;
        option_rows.push(OptionPayout {
            holder: grant.holder.clone(),
            count: grant.count,
            strike: grant.strike,
            exercised: value > grant.strike && grant.count > 0,
            amount: rounded.get(at).copied().ok_or_else(fail)?,
            exact: exact.get(at).copied().ok_or_else(fail)?,
        });
    }
    Ok(Waterfall { exit, per_share: value, classes, holders, holdings: holding_rows, options: option_rows, iterations })
}

/// Whole amounts from exact ones that add up to `total`: each rounded down,
/// then one more dollar each to the largest remainders, ties to the earlier.
/// `None` unless the exact amounts add up to `total`.
fn round_to_total(exact: &[Ratio], total: u128) -> Result<Vec<u128>, EngineError> {
    let sum = exact.iter().try_fold(Ratio::ZERO, |s, &x| s.checked_add(x)).ok_or_else(|| overflow("exit"))?;
    if sum != Ratio::whole(total) {
        return Err(EngineError::new("exit", "internal check failed: the exact amounts do not add up to the exit"));
    }
    share_whole(exact, total).ok_or_else(|| overflow("exit"))
}

/// Each exact amount rounded down, and the dollars left to the largest remainders.
fn share_whole(exact: &[Ratio], total: u128) -> Option<Vec<u128>> {
    let mut whole: Vec<u128> = exact.iter().map(|x| x.floor()).collect();
    let given = whole.iter().try_fold(0u128, |s, &x| s.checked_add(x))?;
    let left = usize::try_from(total.checked_sub(given)?).ok()?;
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (exact.get(a), exact.get(b));
        match (x, y) {
            (Some(x), Some(y)) => {
                compare_fractions(y.num() % y.den(), y.den(), x.num() % x.den(), x.den()).then(a.cmp(&b))
            }
            _ => Ordering::Equal,
        }
    });
    for &i in order.iter().take(left) {
        *whole.get_mut(i)? += 1;
    }
    Some(whole)
}
