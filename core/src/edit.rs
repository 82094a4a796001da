//! Edits a reader makes to a scenario, as pure functions from one scenario to
//! the next.
//!
//! Each edit takes the scenario by reference and returns a new one, so that a
//! caller can keep the last good scenario when an edit goes wrong. An edit
//! fails only when it cannot be carried out at all (an unknown holder, a
//! stake table that cannot add up); a value that is merely out of bounds,
//! such as a zero cheque, goes through, and [`crate::evaluate`] names the
//! field. No edit panics, whatever its input.
//!
//! The widget edits the last round: its cheques and its valuation. A scenario
//! without rounds gets one when the first investor is added, and loses it
//! when the last investor is removed.

use crate::deal::EventDef;
use crate::error::{ErrorKind, ScenarioError};
use crate::scenario::{Compare, CountBasis, Investment, Round, Scenario, Valuation, WhatIf};
use crate::{Date, Dollars, Percent};

/// How a round's valuation is read: before or after the new money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValuationBasis {
    /// The company's value before the new money.
    PreMoney,
    /// The company's value including the new money.
    PostMoney,
}

impl ValuationBasis {
    /// The basis in words, as it reads inside a sentence: "pre-money".
    pub fn label(self) -> &'static str {
        match self {
            ValuationBasis::PreMoney => "pre-money",
            ValuationBasis::PostMoney => "post-money",
        }
    }

    /// The basis as a field's label starts: "Pre-money".
    pub fn title(self) -> &'static str {
        match self {
            ValuationBasis::PreMoney => "Pre-money",
            ValuationBasis::PostMoney => "Post-money",
        }
    }
}

/// The day an event of the scenario's deal ([`crate::deal::Deal::events`])
/// is set to when a reader says it has happened: the as-of date, but no
/// earlier than the event it may not precede (verification no earlier than
/// the declaration), or, for a scenario with no date, the event's default day.
///
/// ```
/// use fortress_core::edit::event_default_date;
/// use fortress_core::{deal, presets, Date};
/// let mut scenario = presets::feb_2026_pre_money();
/// let deal = deal::of(&scenario).unwrap();
/// let (declared, verified) = (deal.event("agi_declared").unwrap(), deal.event("agi_verified").unwrap());
/// assert_eq!(event_default_date(&scenario, declared), Date::parse("2026-02-27"));
/// scenario.events.set("agi_declared", Date::parse("2027-05-01"));
/// assert_eq!(event_default_date(&scenario, verified), Date::parse("2027-05-01"));
/// scenario.as_of = None;
/// assert_eq!(event_default_date(&scenario, declared), Date::parse("2026-01-01"));
/// ```
pub fn event_default_date(scenario: &Scenario, event: &EventDef) -> Option<Date> {
    let earliest = event.not_before.as_deref().and_then(|other| scenario.events.get(other));
    scenario.as_of.max(earliest).or(event.default_day.to_date())
}

/// The valuation given to a round that the first added investor starts,
/// when the scenario does not value its starting table.
pub const DEFAULT_NEW_ROUND_VALUATION: Dollars = Dollars(100_000_000_000);

/// Sets one starting holder's stake; the other starting holders absorb the
/// difference in proportion to their stakes, so the table adds up to exactly
/// 100%. See [`rebalance`] for the rule.
///
/// ```
/// use fortress_core::{edit, presets, Percent};
/// let scenario = presets::oct_2025_recap();
/// let edited = edit::set_stake(&scenario, "microsoft", Percent::from_micros(20_000_000)).unwrap();
/// let stakes: Vec<i64> = edited.holders.iter().map(|h| h.percent.micros()).collect();
/// // Microsoft gives up 7 points; the Foundation takes 26/73 of them, the others 47/73.
/// assert_eq!(stakes, [20_000_000, 28_493_151, 51_506_849]);
/// assert_eq!(stakes.iter().sum::<i64>(), 100_000_000);
/// ```
pub fn set_stake(scenario: &Scenario, holder: &str, percent: Percent) -> Result<Scenario, ScenarioError> {
    let idx = starting_idx(scenario, holder)?;
    let field = format!("holders[{idx}].percent");
    if !percent.is_valid_stake() {
        return Err(ScenarioError::new(field, ErrorKind::PercentOutOfRange(percent)));
    }
    let stakes: Vec<Percent> = scenario.holders.iter().map(|h| h.percent).collect();
    let balanced = rebalance(&stakes, idx, percent)
        .ok_or_else(|| ScenarioError::new(field, ErrorKind::StakesDoNotAddUp(percent)))?;
    let mut next = scenario.clone();
    for (holder, stake) in next.holders.iter_mut().zip(balanced) {
        holder.percent = stake;
    }
    Ok(next)
}

/// The stake rule: stake `idx` becomes `percent` and the others absorb the
/// difference in proportion to their stakes (equally, when they all hold
/// nothing), in exact millionths of a point. The whole millionths left by
/// rounding down go to the largest remainders, ties to the earlier holder, so
/// the result adds up to exactly 100%.
///
/// `None` when `percent` is outside 0 to 100, `idx` is out of range, or the
/// table has no one else to absorb the difference (a single holder below 100%).
///
/// ```
/// use fortress_core::{edit::rebalance, Percent};
/// let p = Percent::from_micros;
/// let stakes = [p(50_000_000), p(25_000_000), p(25_000_000)];
/// let out = rebalance(&stakes, 0, p(40_000_000)).unwrap();
/// assert_eq!(out, [p(40_000_000), p(30_000_000), p(30_000_000)]);
/// // A third of a point cannot be split evenly in millionths: the earlier holder gets the odd one.
/// let out = rebalance(&[p(0), p(50_000_000), p(50_000_000)], 0, p(1)).unwrap();
/// assert_eq!(out, [p(1), p(50_000_000), p(49_999_999)]);
/// assert_eq!(rebalance(&[p(100_000_000)], 0, p(90_000_000)), None);
/// ```
pub fn rebalance(stakes: &[Percent], idx: usize, percent: Percent) -> Option<Vec<Percent>> {
    if !percent.is_valid_stake() || idx >= stakes.len() {
        return None;
    }
    let rest = i128::from(Percent::HUNDRED_MICROS - percent.micros());
    let mut weights: Vec<i128> =
        stakes.iter().enumerate().map(|(j, s)| if j == idx { 0 } else { i128::from(s.micros().max(0)) }).collect();
    let mut total: i128 = weights.iter().sum();
    if total == 0 {
        if stakes.len() == 1 {
            return (rest == 0).then(|| vec![percent]);
        }
        for (j, weight) in weights.iter_mut().enumerate() {
            *weight = i128::from(j != idx);
        }
        total = weights.iter().sum();
    }
    let mut parts = Vec::with_capacity(stakes.len());
    let mut remainders = Vec::with_capacity(stakes.len());
    let mut given: i128 = 0;
    for (j, &weight) in weights.iter().enumerate() {
        // Both factors are at most 10^8 and the total at least 1: no overflow, no division by zero.
        let share = rest * weight;
        parts.push(share / total);
        given += share / total;
        if j != idx {
            remainders.push((share % total, j));
        }
    }
    // Fewer millionths are left than there are other holders: each gets at most one, largest
    // remainder first, ties to the earlier holder. (A selection, not a sort: the widget carries
    // no extra sort routine for it, and `left` is small.)
    let left = usize::try_from(rest - given).ok()?;
    for _ in 0..left {
        let mut best: Option<&mut (i128, usize)> = None;
        for candidate in remainders.iter_mut().filter(|r| r.0 >= 0) {
            if best.as_ref().is_none_or(|b| candidate.0 > b.0) {
                best = Some(candidate);
            }
        }
        let best = best?;
        best.0 = -1;
        *parts.get_mut(best.1)? += 1;
    }
    *parts.get_mut(idx)? = i128::from(percent.micros());
    parts.into_iter().map(|micros| i64::try_from(micros).ok().map(Percent::from_micros)).collect()
}

/// Sets an investor's cheque in the last round.
///
/// ```
/// use fortress_core::{edit, evaluate, presets, Dollars};
/// let scenario = edit::set_amount(&presets::feb_2026_pre_money(), "amazon", Dollars(20_000_000_000)).unwrap();
/// let outcome = evaluate(&scenario).unwrap();
/// assert_eq!(outcome.last_stage().unwrap().post_money, Some(810_000_000_000));
/// ```
pub fn set_amount(scenario: &Scenario, holder: &str, amount: Dollars) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    let (_, round) = last_round_mut(&mut next)?;
    let investment =
        round.investments.iter_mut().find(|i| i.holder == holder).ok_or_else(|| {
            unknown(format!("rounds[{}].investments", scenario.rounds.len().saturating_sub(1)), holder)
        })?;
    set_investment_amount(investment, amount);
    Ok(next)
}

/// Sets a cheque's amount; a cheque paid in tranches keeps its dates, and
/// its tranches are scaled to the new amount in proportion (largest
/// remainders, so they add up to it exactly). A negative amount, or one
/// that leaves a tranche at zero, is left for validation to name.
pub(crate) fn set_investment_amount(investment: &mut Investment, amount: Dollars) {
    let (from, to) = (investment.amount.unsigned(), amount.unsigned());
    investment.amount = amount;
    let weights: Vec<u128> = investment.tranches.iter().map(|t| t.amount.unsigned().unwrap_or(0)).collect();
    let parts = from.zip(to).and_then(|(from, to)| scaled_tranches(&weights, from, to));
    match parts {
        Some(parts) => {
            for (tranche, part) in investment.tranches.iter_mut().zip(parts) {
                tranche.amount = Dollars(i64::try_from(part).unwrap_or(i64::MAX));
            }
        }
        // Nothing to scale from: the last tranche takes the difference, which validation checks.
        None => {
            let others: i64 = investment.tranches.iter().rev().skip(1).map(|t| t.amount.0).fold(0, i64::saturating_add);
            if let Some(last) = investment.tranches.last_mut() {
                last.amount = Dollars(amount.0.saturating_sub(others));
            }
        }
    }
}

/// Tranches of `weights` (adding up to `from`) scaled to add up to `to`, by
/// largest remainders: what [`set_investment_amount`] writes, and what the
/// sensitivity map counts per cell. `None` when `from` is zero.
pub(crate) fn scaled_tranches(weights: &[u128], from: u128, to: u128) -> Option<Vec<u128>> {
    crate::arith::share_out(to, weights, from)
}

/// Sets the last round's valuation, keeping its basis (pre- or post-money).
///
/// ```
/// use fortress_core::{edit, presets, Dollars, Valuation};
/// let scenario = edit::set_valuation(&presets::feb_2026_pre_money(), Dollars(800_000_000_000)).unwrap();
/// assert_eq!(scenario.rounds[0].valuation, Some(Valuation::PreMoney(Dollars(800_000_000_000))));
/// ```
pub fn set_valuation(scenario: &Scenario, valuation: Dollars) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    let (_, round) = last_round_mut(&mut next)?;
    round.valuation = Some(match round.valuation {
        Some(Valuation::PostMoney(_)) => Valuation::PostMoney(valuation),
        _ => Valuation::PreMoney(valuation),
    });
    Ok(next)
}

/// Reads the last round's valuation the other way, keeping the number: the
/// disputed $730B of February 2026 as pre-money or as post-money.
///
/// ```
/// use fortress_core::{edit, edit::ValuationBasis, evaluate, presets};
/// let post = edit::set_valuation_basis(&presets::feb_2026_pre_money(), ValuationBasis::PostMoney).unwrap();
/// let outcome = evaluate(&post).unwrap();
/// let microsoft = outcome.last_stage().unwrap().holder("microsoft").unwrap();
/// assert_eq!(format!("{:.4}", microsoft.percent), "22.9315");
/// ```
pub fn set_valuation_basis(scenario: &Scenario, basis: ValuationBasis) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    let (i, round) = last_round_mut(&mut next)?;
    let dollars = match round.valuation {
        Some(Valuation::PreMoney(d) | Valuation::PostMoney(d)) => d,
        None => return Err(ScenarioError::new(format!("rounds[{i}].valuation"), ErrorKind::ValuationRequired)),
    };
    round.valuation = Some(match basis {
        ValuationBasis::PreMoney => Valuation::PreMoney(dollars),
        ValuationBasis::PostMoney => Valuation::PostMoney(dollars),
    });
    Ok(next)
}

/// The last round's valuation and how it is read, if the scenario has a priced round.
///
/// ```
/// use fortress_core::{edit, edit::ValuationBasis, presets, Dollars};
/// let pre = edit::valuation(&presets::feb_2026_pre_money());
/// assert_eq!(pre, Some((ValuationBasis::PreMoney, Dollars(730_000_000_000))));
/// assert_eq!(edit::valuation(&presets::oct_2025_recap()), None);
/// ```
pub fn valuation(scenario: &Scenario) -> Option<(ValuationBasis, Dollars)> {
    match scenario.rounds.last()?.valuation? {
        Valuation::PreMoney(d) => Some((ValuationBasis::PreMoney, d)),
        Valuation::PostMoney(d) => Some((ValuationBasis::PostMoney, d)),
    }
}

/// Adds an investor with a cheque to the last round, starting a round (dated
/// `as_of`, priced pre-money at the starting valuation) if there is none.
/// The id is made from the name (see [`new_holder_id`]); a blank name
/// becomes "New investor".
///
/// ```
/// use fortress_core::{edit, evaluate, presets, Dollars};
/// let scenario = edit::add_investor(&presets::feb_2026_pre_money(), "Apple", Dollars(10_000_000_000)).unwrap();
/// let last = &scenario.rounds[0].investments[3];
/// assert_eq!((last.holder.as_str(), last.amount), ("apple", Dollars(10_000_000_000)));
/// assert!(evaluate(&scenario).is_ok());
/// ```
pub fn add_investor(scenario: &Scenario, name: &str, amount: Dollars) -> Result<Scenario, ScenarioError> {
    let name = match name.trim() {
        "" => "New investor",
        trimmed => trimmed,
    };
    let id = new_holder_id(scenario, name);
    let mut next = scenario.clone();
    if next.rounds.is_empty() {
        next.rounds.push(Round {
            name: "New round".to_owned(),
            date: next.as_of,
            valuation: Some(Valuation::PreMoney(next.valuation.unwrap_or(DEFAULT_NEW_ROUND_VALUATION))),
            investments: Vec::new(),
            pool: None,
            secondaries: Vec::new(),
            terms: None,
        });
    }
    let (_, round) = last_round_mut(&mut next)?;
    round.investments.push(Investment { holder: id, name: Some(name.to_owned()), amount, tranches: Vec::new() });
    Ok(next)
}

/// Removes an investor's cheque from the last round. A round left with
/// nothing in it is removed, and so are the what-ifs that watched the investor.
///
/// ```
/// use fortress_core::{edit, presets};
/// let scenario = edit::remove_investor(&presets::feb_2026_pre_money(), "nvidia").unwrap();
/// assert_eq!(scenario.rounds[0].investments.len(), 2);
/// let scenario = ["amazon", "softbank"].iter().try_fold(scenario, |s, id| edit::remove_investor(&s, id)).unwrap();
/// assert!(scenario.rounds.is_empty());
/// ```
pub fn remove_investor(scenario: &Scenario, holder: &str) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    let (i, round) = last_round_mut(&mut next)?;
    let before = round.investments.len();
    round.investments.retain(|inv| inv.holder != holder);
    if round.investments.len() == before {
        return Err(unknown(format!("rounds[{i}].investments"), holder));
    }
    if round.investments.is_empty() {
        // A round that sells no shares has no class of them: its terms go with its last cheque.
        round.terms = None;
    }
    if round.investments.is_empty() && round.pool.is_none() && round.secondaries.is_empty() {
        next.rounds.pop();
    }
    let still_there = holder_ids(&next).any(|id| id == holder);
    if !still_there {
        next.whatifs.retain(|w| match w {
            WhatIf::StakeBelow { holder: h, .. } | WhatIf::Outweighed { holder: h, .. } => h != holder,
            WhatIf::HolderAbove { .. } => true,
        });
    }
    Ok(next)
}

/// Renames a holder wherever the scenario names it: a starting holder, or an
/// investor in every round it puts money in. The name is kept as given, so
/// that a blank name is reported by validation, next to the field.
///
/// ```
/// use fortress_core::{edit, presets};
/// let scenario = edit::rename_holder(&presets::feb_2026_pre_money(), "amazon", "Amazon.com").unwrap();
/// assert_eq!(scenario.rounds[0].investments[0].name.as_deref(), Some("Amazon.com"));
/// let scenario = edit::rename_holder(&scenario, "others", "Staff").unwrap();
/// assert_eq!(scenario.holders[2].name, "Staff");
/// assert!(edit::rename_holder(&scenario, "apple", "Apple").is_err());
/// ```
pub fn rename_holder(scenario: &Scenario, holder: &str, name: &str) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    let mut found = false;
    for h in next.holders.iter_mut().filter(|h| h.id == holder) {
        h.name = name.to_owned();
        found = true;
    }
    for round in &mut next.rounds {
        for investment in round.investments.iter_mut().filter(|i| i.holder == holder) {
            investment.name = Some(name.to_owned());
            found = true;
        }
        for sale in round.secondaries.iter_mut().filter(|s| s.buyer == holder && s.name.is_some()) {
            sale.name = Some(name.to_owned());
            found = true;
        }
        if let Some(pool) = round.pool.as_mut().filter(|p| p.holder_id() == holder) {
            pool.name = Some(name.to_owned());
            found = true;
        }
    }
    if found {
        Ok(next)
    } else {
        Err(unknown("holders", holder))
    }
}

/// Sets which money the cap table counts: every cheque in full, or only
/// what was paid by the day judged.
///
/// ```
/// use fortress_core::{edit, presets, CountBasis};
/// let funded = edit::set_count(&presets::feb_2026_pre_money(), CountBasis::Funded).unwrap();
/// assert_eq!(funded.count, CountBasis::Funded);
/// ```
pub fn set_count(scenario: &Scenario, count: CountBasis) -> Result<Scenario, ScenarioError> {
    Ok(Scenario { count, ..scenario.clone() })
}

/// Sets the exit the scenario asks about to a sale for `value`, keeping what
/// its option pool is at the exit (the full build's exit section).
///
/// ```
/// use fortress_core::{edit, presets, Dollars};
/// let s = edit::set_exit(&presets::feb_2026_pre_money(), Dollars(400_000_000_000)).unwrap();
/// assert_eq!(s.exit.map(|e| e.value), Some(Dollars(400_000_000_000)));
/// ```
#[cfg(feature = "full")]
pub fn set_exit(scenario: &Scenario, value: crate::Dollars) -> Result<Scenario, ScenarioError> {
    let pool = scenario.exit.map(|exit| exit.pool).unwrap_or_default();
    Ok(Scenario { exit: Some(crate::Exit { value, pool }), ..scenario.clone() })
}

/// Whether the last round sells shares at a price (a valuation and at least
/// one cheque), so that its shares can form a class with terms.
///
/// ```
/// use fortress_core::{edit, presets};
/// assert!(edit::last_round_sells_shares(&presets::feb_2026_pre_money()));
/// assert!(!edit::last_round_sells_shares(&presets::oct_2025_recap()));
/// ```
pub fn last_round_sells_shares(scenario: &Scenario) -> bool {
    scenario.rounds.last().is_some_and(|r| !r.investments.is_empty() && r.valuation.is_some())
}

/// Sets the terms of the shares the last round sells: `Some` makes them a
/// preferred class with those terms, `None` common shares (the full build's
/// exit section and its controls).
///
/// ```
/// use fortress_core::{edit, presets, ClassTerms};
/// let s = edit::set_round_terms(&presets::feb_2026_pre_money(), Some(ClassTerms::ONE_X)).unwrap();
/// assert_eq!(s.rounds[0].terms, Some(ClassTerms::ONE_X));
/// assert!(edit::set_round_terms(&presets::oct_2025_recap(), None).is_err()); // no round
/// ```
#[cfg(feature = "full")]
pub fn set_round_terms(scenario: &Scenario, terms: Option<crate::ClassTerms>) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    let round = next.rounds.last_mut().ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
    round.terms = terms;
    Ok(next)
}

/// Sets what the scenario compares with: `None` for the widget's choice (the
/// preset it came from, once moved), or a baseline. A pinned scenario is
/// kept without a baseline of its own.
///
/// ```
/// use fortress_core::{edit, presets, Compare};
/// let s = presets::feb_2026_pre_money();
/// let pinned = edit::set_compare(&s, Some(Compare::Scenario(Box::new(s.clone())))).unwrap();
/// assert!(matches!(pinned.compare, Some(Compare::Scenario(_))));
/// ```
pub fn set_compare(scenario: &Scenario, compare: Option<Compare>) -> Result<Scenario, ScenarioError> {
    let compare = match compare {
        Some(Compare::Scenario(mut baseline)) => {
            baseline.compare = None;
            Some(Compare::Scenario(baseline))
        }
        other => other,
    };
    Ok(Scenario { compare, ..scenario.clone() })
}

/// Sets the day the contract terms are judged on.
///
/// ```
/// use fortress_core::{edit, presets, Date};
/// let day = Date::parse("2026-05-01").unwrap();
/// assert_eq!(edit::set_as_of(&presets::feb_2026_pre_money(), day).unwrap().as_of, Some(day));
/// ```
pub fn set_as_of(scenario: &Scenario, date: Date) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    next.as_of = Some(date);
    Ok(next)
}

/// Sets when the event with this id (an event of the scenario's deal)
/// happened, or `None` for "not yet". An id the deal does not know is left
/// for validation to name (`events.<id>`).
///
/// ```
/// use fortress_core::{edit, presets, Date};
/// let day = Date::parse("2027-01-01");
/// let scenario = edit::set_event(&presets::feb_2026_pre_money(), "agi_declared", day).unwrap();
/// assert_eq!(scenario.events.get("agi_declared"), day);
/// ```
pub fn set_event(scenario: &Scenario, event: &str, date: Option<Date>) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    next.events.set(event, date);
    Ok(next)
}

/// Sets the what-if "`term` ends if `holder`'s stake falls below `floor`",
/// adding it if absent; `None` removes it.
///
/// ```
/// use fortress_core::{edit, presets, Percent};
/// let floor = Some(Percent::from_micros(25_000_000));
/// let s = edit::set_whatif_floor(&presets::feb_2026_pre_money(), "microsoft", "azure-api-exclusivity", floor).unwrap();
/// assert_eq!(edit::whatif_floor(&s, "microsoft", "azure-api-exclusivity"), floor);
/// let s = edit::set_whatif_floor(&s, "microsoft", "azure-api-exclusivity", None).unwrap();
/// assert!(s.whatifs.is_empty());
/// ```
pub fn set_whatif_floor(
    scenario: &Scenario,
    holder: &str,
    term: &str,
    floor: Option<Percent>,
) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    let matches = |w: &WhatIf| matches!(w, WhatIf::StakeBelow { holder: h, term: t, .. } if h == holder && t == term);
    match (next.whatifs.iter_mut().find(|w| matches(w)), floor) {
        (Some(WhatIf::StakeBelow { percent, .. }), Some(floor)) => *percent = floor,
        (Some(_), None) => next.whatifs.retain(|w| !matches(w)),
        (None, Some(floor)) => {
            next.whatifs.push(WhatIf::StakeBelow { holder: holder.to_owned(), percent: floor, term: term.to_owned() })
        }
        _ => {}
    }
    Ok(next)
}

/// The floor of the what-if "`term` ends if `holder`'s stake falls below it", if set.
pub fn whatif_floor(scenario: &Scenario, holder: &str, term: &str) -> Option<Percent> {
    scenario.whatifs.iter().find_map(|w| match w {
        WhatIf::StakeBelow { holder: h, percent, term: t } if h == holder && t == term => Some(*percent),
        _ => None,
    })
}

/// Turns on or off the what-if "`term` ends if any other holder outweighs `holder`".
///
/// ```
/// use fortress_core::{edit, presets};
/// let s = edit::set_whatif_outweighed(&presets::feb_2026_pre_money(), "microsoft", "azure-api-exclusivity", true).unwrap();
/// assert!(edit::whatif_outweighed(&s, "microsoft", "azure-api-exclusivity"));
/// let s = edit::set_whatif_outweighed(&s, "microsoft", "azure-api-exclusivity", false).unwrap();
/// assert!(s.whatifs.is_empty());
/// ```
pub fn set_whatif_outweighed(
    scenario: &Scenario,
    holder: &str,
    term: &str,
    on: bool,
) -> Result<Scenario, ScenarioError> {
    let mut next = scenario.clone();
    next.whatifs.retain(|w| !matches!(w, WhatIf::Outweighed { holder: h, term: t } if h == holder && t == term));
    if on {
        next.whatifs.push(WhatIf::Outweighed { holder: holder.to_owned(), term: term.to_owned() });
    }
    Ok(next)
}

/// True when the what-if "`term` ends if any other holder outweighs `holder`" is on.
pub fn whatif_outweighed(scenario: &Scenario, holder: &str, term: &str) -> bool {
    scenario.whatifs.iter().any(|w| matches!(w, WhatIf::Outweighed { holder: h, term: t } if h == holder && t == term))
}

/// The id made from a name: its ASCII letters lower-cased and its digits,
/// other runs of characters as one hyphen, at most 32 characters; `None`
/// when nothing is left. (The link format keeps a frozen copy of this rule,
/// so that a change here cannot change what old links say.)
///
/// ```
/// use fortress_core::edit::slug;
/// assert_eq!(slug("  OpenAI -- Foundation ").as_deref(), Some("openai-foundation"));
/// assert_eq!(slug("日本"), None);
/// ```
pub fn slug(name: &str) -> Option<String> {
    let mut id = String::new();
    // ASCII only: ids are ASCII, and the full Unicode case tables would weigh on the widget.
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
        if id.len() >= 32 {
            break;
        }
    }
    let id = id.trim_matches('-');
    (!id.is_empty()).then(|| id.to_owned())
}

/// An id for a new holder named `name`: its [`slug`] ("investor" when it has
/// none), made unique with a number if the scenario already has it.
///
/// ```
/// use fortress_core::{edit, presets};
/// let scenario = presets::feb_2026_pre_money();
/// assert_eq!(edit::new_holder_id(&scenario, "Apple Inc."), "apple-inc");
/// assert_eq!(edit::new_holder_id(&scenario, "Amazon"), "amazon-2");
/// assert_eq!(edit::new_holder_id(&scenario, "日本"), "investor");
/// ```
pub fn new_holder_id(scenario: &Scenario, name: &str) -> String {
    let base = slug(name).unwrap_or_else(|| "investor".to_owned());
    let taken = |id: &str| holder_ids(scenario).any(|h| h == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        // The scenario has finitely many holders, so some number is free.
        .unwrap_or(base)
}

/// Every holder id a scenario names: starting holders, investors, buyers and pools.
fn holder_ids(scenario: &Scenario) -> impl Iterator<Item = &str> {
    let starting = scenario.holders.iter().map(|h| h.id.as_str());
    let later = scenario.rounds.iter().flat_map(|r| {
        let investors = r.investments.iter().map(|i| i.holder.as_str());
        let buyers = r.secondaries.iter().map(|s| s.buyer.as_str());
        investors.chain(buyers).chain(r.pool.as_ref().map(|p| p.holder_id()))
    });
    starting.chain(later)
}

fn starting_idx(scenario: &Scenario, holder: &str) -> Result<usize, ScenarioError> {
    scenario.holders.iter().position(|h| h.id == holder).ok_or_else(|| unknown("holders", holder))
}

fn last_round_mut(scenario: &mut Scenario) -> Result<(usize, &mut Round), ScenarioError> {
    let i = scenario.rounds.len().checked_sub(1).ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
    let round = scenario.rounds.get_mut(i).ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
    Ok((i, round))
}

fn unknown(field: impl Into<String>, holder: &str) -> ScenarioError {
    ScenarioError::new(field, ErrorKind::UnknownHolder(holder.to_owned()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::{evaluate, presets};

    fn p(micros: i64) -> Percent {
        Percent::from_micros(micros)
    }

    fn after_percent(scenario: &Scenario, id: &str) -> String {
        let outcome = evaluate(scenario).unwrap();
        format!("{:.4}", outcome.last_stage().unwrap().holder(id).unwrap().percent)
    }

    #[test]
    fn rebalance_keeps_the_table_at_exactly_100() {
        // (stakes, index moved, new stake, expected)
        type Case<'a> = (&'a [i64], usize, i64, Option<&'a [i64]>);
        let cases: &[Case] = &[
            (&[27_000_000, 26_000_000, 47_000_000], 0, 27_000_000, Some(&[27_000_000, 26_000_000, 47_000_000])),
            (&[27_000_000, 26_000_000, 47_000_000], 0, 100_000_000, Some(&[100_000_000, 0, 0])),
            (&[27_000_000, 26_000_000, 47_000_000], 0, 0, Some(&[0, 35_616_438, 64_383_562])),
            (&[27_000_000, 26_000_000, 47_000_000], 2, 50_000_000, Some(&[25_471_698, 24_528_302, 50_000_000])),
            // Everyone else at zero: they share the difference equally.
            (&[100_000_000, 0, 0], 0, 40_000_000, Some(&[40_000_000, 30_000_000, 30_000_000])),
            (&[100_000_000, 0, 0, 0], 0, 0, Some(&[0, 33_333_334, 33_333_333, 33_333_333])),
            // A table that was a hair off 100% comes out exact.
            (&[33_330_000, 33_330_000, 33_330_000], 0, 50_000_000, Some(&[50_000_000, 25_000_000, 25_000_000])),
            // Nobody to absorb the difference, or a stake out of range.
            (&[100_000_000], 0, 90_000_000, None),
            (&[100_000_000], 0, 100_000_000, Some(&[100_000_000])),
            (&[50_000_000, 50_000_000], 0, 100_000_001, None),
            (&[50_000_000, 50_000_000], 0, -1, None),
            (&[50_000_000, 50_000_000], 2, 10, None),
        ];
        for &(stakes, idx, new, want) in cases {
            let stakes: Vec<Percent> = stakes.iter().copied().map(p).collect();
            let got = rebalance(&stakes, idx, p(new));
            let want: Option<Vec<Percent>> = want.map(|w| w.iter().copied().map(p).collect());
            assert_eq!(got, want, "{stakes:?} [{idx}] -> {new}");
            if let Some(got) = got {
                assert_eq!(got.iter().map(|s| s.micros()).sum::<i64>(), Percent::HUNDRED_MICROS);
            }
        }
    }

    #[test]
    fn rebalance_adds_up_for_many_shapes() {
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            seed >> 33
        };
        for _ in 0..2_000 {
            let n = 1 + (next() % 7) as usize;
            let mut stakes: Vec<Percent> = (0..n).map(|_| p((next() % 40_000_000) as i64)).collect();
            let idx = (next() % n as u64) as usize;
            let new = p((next() % 100_000_001) as i64);
            if let Some(out) = rebalance(&stakes, idx, new) {
                assert_eq!(out.iter().map(|s| s.micros()).sum::<i64>(), Percent::HUNDRED_MICROS);
                assert_eq!(out[idx], new);
                assert!(out.iter().all(|s| s.is_valid_stake()));
                stakes = out;
            }
            assert_eq!(rebalance(&stakes, idx, new).is_some(), n > 1 || new.micros() == Percent::HUNDRED_MICROS);
        }
    }

    #[test]
    fn set_stake_moves_one_holder_and_names_the_field() {
        let scenario = presets::feb_2026_pre_money();
        let edited = set_stake(&scenario, "microsoft", p(30_000_000)).unwrap();
        assert_eq!(edited.holders[0].percent, p(30_000_000));
        assert!(evaluate(&edited).is_ok());
        let cases = [
            ("microsoft", 100_000_001, "holders[0].percent"),
            ("foundation", -1, "holders[1].percent"),
            ("amazon", 10_000_000, "holders"),
        ];
        for (id, micros, field) in cases {
            assert_eq!(set_stake(&scenario, id, p(micros)).unwrap_err().field, field, "{id}");
        }
        let mut alone = presets::oct_2025_recap();
        alone.holders.truncate(1);
        let err = set_stake(&alone, "microsoft", p(50_000_000)).unwrap_err();
        assert_eq!(err.kind, ErrorKind::StakesDoNotAddUp(p(50_000_000)));
    }

    #[test]
    fn worked_numbers_from_facts() {
        let pre = presets::feb_2026_pre_money();
        assert_eq!(after_percent(&pre, "microsoft"), "23.4643");
        let post = set_valuation_basis(&pre, ValuationBasis::PostMoney).unwrap();
        assert_eq!(after_percent(&post, "microsoft"), "22.9315");
        assert_eq!(after_percent(&post, "amazon"), "6.8493");
        let back = set_valuation_basis(&post, ValuationBasis::PreMoney).unwrap();
        assert_eq!(back, pre);
    }

    #[test]
    fn edits_on_a_scenario_without_rounds() {
        let recap = presets::oct_2025_recap();
        let cases = [
            set_amount(&recap, "amazon", Dollars(1)),
            set_valuation(&recap, Dollars(1)),
            set_valuation_basis(&recap, ValuationBasis::PostMoney),
            remove_investor(&recap, "amazon"),
        ];
        for result in cases {
            assert_eq!(result.unwrap_err().field, "rounds");
        }
        let added = add_investor(&recap, "  ", Dollars(10_000_000_000)).unwrap();
        assert_eq!(added.rounds.len(), 1);
        assert_eq!(added.rounds[0].investments[0].holder, "new-investor");
        assert_eq!(added.rounds[0].valuation, Some(Valuation::PreMoney(Dollars(500_000_000_000))));
        // $10B on $500B pre: Microsoft 27% x 500/510.
        assert_eq!(after_percent(&added, "microsoft"), "26.4706");
        assert_eq!(remove_investor(&added, "new-investor").unwrap(), recap);
    }

    #[test]
    fn bad_values_pass_through_to_validation() {
        let scenario = presets::feb_2026_pre_money();
        let cases = [
            (set_amount(&scenario, "nvidia", Dollars(0)), "rounds[0].investments[1].amount"),
            (set_amount(&scenario, "softbank", Dollars(-5)), "rounds[0].investments[2].amount"),
            (set_valuation(&scenario, Dollars(0)), "rounds[0].valuation.pre_money"),
            (rename_holder(&scenario, "nvidia", " "), "rounds[0].investments[1].name"),
            (rename_holder(&scenario, "microsoft", ""), "holders[0].name"),
        ];
        for (edited, field) in cases {
            assert_eq!(evaluate(&edited.unwrap()).unwrap_err().field, field);
        }
        let post = set_valuation_basis(&scenario, ValuationBasis::PostMoney).unwrap();
        let too_low = set_valuation(&post, Dollars(100_000_000_000)).unwrap();
        assert_eq!(evaluate(&too_low).unwrap_err().field, "rounds[0].valuation.post_money");
        let a = Date::parse("2027-01-01");
        let b = Date::parse("2026-01-01");
        let events = set_event(&set_event(&scenario, "agi_declared", a).unwrap(), "agi_verified", b).unwrap();
        assert_eq!(evaluate(&events).unwrap_err().field, "events.agi_verified");
    }

    #[test]
    fn unknown_holders_are_errors() {
        let scenario = presets::feb_2026_pre_money();
        assert_eq!(set_amount(&scenario, "microsoft", Dollars(1)).unwrap_err().field, "rounds[0].investments");
        assert_eq!(remove_investor(&scenario, "apple").unwrap_err().field, "rounds[0].investments");
        assert_eq!(rename_holder(&scenario, "apple", "Apple").unwrap_err().field, "holders");
    }

    #[test]
    fn removing_an_investor_drops_its_whatifs() {
        let scenario = presets::feb_2026_pre_money();
        let watched = set_whatif_floor(&scenario, "amazon", "azure-api-exclusivity", Some(p(1_000_000))).unwrap();
        let watched = set_whatif_outweighed(&watched, "microsoft", "azure-api-exclusivity", true).unwrap();
        let removed = remove_investor(&watched, "amazon").unwrap();
        assert_eq!(removed.whatifs.len(), 1);
        assert!(evaluate(&removed).is_ok());
    }

    #[test]
    fn added_investors_get_unique_ids() {
        let mut scenario = presets::feb_2026_pre_money();
        for _ in 0..3 {
            scenario = add_investor(&scenario, "Amazon", Dollars(1_000_000_000)).unwrap();
        }
        let ids: Vec<&str> = scenario.rounds[0].investments.iter().map(|i| i.holder.as_str()).collect();
        assert_eq!(ids, ["amazon", "nvidia", "softbank", "amazon-2", "amazon-3", "amazon-4"]);
        assert!(evaluate(&scenario).is_ok());
        let long = "A".repeat(200);
        let id = new_holder_id(&scenario, &long);
        assert!(id.len() <= 40 && !id.is_empty());
    }
}
