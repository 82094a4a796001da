//! Condition trees over the facts of a scenario, and their judgement in words.
//!
//! A condition is judged to a truth value and a sentence that states the
//! facts that decided it. The sentence always describes the world as it is
//! ("the expert panel has not verified AGI"), never the condition as written,
//! so that `Not` can reuse its child's sentence unchanged and every reason
//! stays true however the tree around it is built.

use std::cmp::Ordering;

use crate::amount::Decimal;
use crate::arith::compare_share;
pub(crate) use crate::deal::{Condition, Fact};
use crate::deal::{Deal, ProductKind};
use crate::scenario::Events;
use crate::stage::{HolderRow, Stage};
use crate::{Date, Percent};

/// The facts a condition is judged against.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Facts<'a> {
    /// The date judged.
    pub as_of: Date,
    /// The deal, whose events give the words for theirs.
    pub deal: &'a Deal,
    /// The scenario's dated events.
    pub events: &'a Events,
    /// The cap table after the last round.
    pub stage: &'a Stage,
    /// The routing question, when there is one: the product and its partner.
    pub product: Option<ProductKind>,
    /// The partner the product is built with, if any.
    pub partner: Option<&'a str>,
}

/// A condition judged: whether it holds, and the facts that decided it, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Judged {
    pub holds: bool,
    pub because: String,
}

impl Judged {
    fn new(holds: bool, because: String) -> Judged {
        Judged { holds, because }
    }
}

/// Judges a condition: all and any stop at the first part that decides them
/// and give that part's words; when every part was needed, their words are joined.
pub(crate) fn judge(condition: &Condition<'_>, facts: &Facts<'_>) -> Judged {
    match condition {
        Condition::Always => Judged::new(true, "it applies to every product".to_owned()),
        Condition::Fact(fact) => judge_fact(fact, facts),
        Condition::All(parts) => combine(parts, facts, false),
        Condition::Any(parts) => combine(parts, facts, true),
        Condition::Not(parts) => {
            let inner = combine(parts, facts, true);
            Judged::new(!inner.holds, inner.because)
        }
    }
}

/// The stakes a condition can be judged on without a [`Stage`]: the ids, group
/// flags and share counts of a table, as the sensitivity map has them per cell.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stakes<'t> {
    pub ids: &'t [&'t str],
    pub groups: &'t [bool],
    pub shares: &'t [u128],
    pub total: u128,
}

impl Stakes<'_> {
    /// Where a holder is listed; ids in a table are unique.
    pub(crate) fn find(&self, holder: &str) -> Option<usize> {
        self.ids.iter().position(|id| *id == holder)
    }

    /// The shares of the holder listed at `at`; none for a holder not listed.
    #[inline(always)]
    fn shares_at(&self, at: Option<usize>) -> u128 {
        at.and_then(|idx| self.shares.get(idx).copied()).unwrap_or(0)
    }
}

/// Whether a condition holds, as [`judge`] decides it, but with the stakes read
/// from `stakes` and no words: the sensitivity map judges a term thousands of
/// times a frame. A test checks that it agrees with [`judge`].
pub(crate) fn holds(condition: &Condition<'_>, facts: &Facts<'_>, stakes: &Stakes<'_>) -> bool {
    match condition {
        Condition::Always => true,
        Condition::Fact(fact) => fact_holds(fact, facts, stakes),
        Condition::All(parts) => parts.iter().all(|part| holds(part, facts, stakes)),
        Condition::Any(parts) => parts.iter().any(|part| holds(part, facts, stakes)),
        Condition::Not(parts) => !parts.iter().any(|part| holds(part, facts, stakes)),
    }
}

/// Whether one fact holds, as [`holds`] decides it.
pub(crate) fn fact_holds(fact: &Fact<'_>, facts: &Facts<'_>, stakes: &Stakes<'_>) -> bool {
    fact_holds_at(fact, fact.holder().and_then(|holder| stakes.find(holder)), facts, stakes)
}

/// [`fact_holds`] with the holder the fact names already found in `stakes`
/// (`at`), for many tables that list the same holders in the same order.
#[inline(always)]
pub(crate) fn fact_holds_at(fact: &Fact<'_>, at: Option<usize>, facts: &Facts<'_>, stakes: &Stakes<'_>) -> bool {
    match fact {
        Fact::StakeBelow { percent, .. } => {
            compare_share(stakes.shares_at(at), stakes.total, *percent) == Ordering::Less
        }
        Fact::StakeAbove { percent, .. } => {
            compare_share(stakes.shares_at(at), stakes.total, *percent) == Ordering::Greater
        }
        Fact::Outweighed { .. } => {
            let own = stakes.shares_at(at);
            (stakes.groups.iter().zip(stakes.shares).enumerate())
                .any(|(idx, (&group, &shares))| !group && Some(idx) != at && shares > own)
        }
        Fact::AnyHolderAbove { percent } => {
            let largest = stakes.groups.iter().zip(stakes.shares).filter(|(&group, _)| !group).map(|(_, &s)| s).max();
            largest.is_some_and(|shares| compare_share(shares, stakes.total, *percent) == Ordering::Greater)
        }
        Fact::OnOrAfter(day) => day.compare(facts.as_of) != Ordering::Less,
        Fact::After(day) => day.compare(facts.as_of) == Ordering::Greater,
        Fact::Event(id) => facts.events.get(id).is_some_and(|date| date <= facts.as_of),
        Fact::Product(kind) => facts.product == Some(*kind),
        Fact::Partner(partner) => facts.partner == Some(&**partner),
    }
}

/// All (`decisive` false) or any (`decisive` true): the first part whose truth
/// equals `decisive` decides; otherwise every part was needed.
fn combine(parts: &[Condition<'_>], facts: &Facts<'_>, decisive: bool) -> Judged {
    let mut reasons = Vec::new();
    for part in parts {
        let judged = judge(part, facts);
        if judged.holds == decisive {
            return judged;
        }
        reasons.push(judged.because);
    }
    let because = if reasons.is_empty() { "there is nothing to check".to_owned() } else { reasons.join(" and ") };
    Judged::new(!decisive, because)
}

fn judge_fact(fact: &Fact<'_>, facts: &Facts<'_>) -> Judged {
    let as_of = facts.as_of;
    match fact {
        Fact::OnOrAfter(day) => {
            let day = *day;
            let holds = day.compare(as_of) != Ordering::Less;
            let because = if holds { format!("{day} has come") } else { format!("{day} has not come yet") };
            Judged::new(holds, because)
        }
        Fact::After(day) => {
            let day = *day;
            let holds = day.compare(as_of) == Ordering::Greater;
            let because = if holds { format!("{day} has passed") } else { format!("{day} has not passed yet") };
            Judged::new(holds, because)
        }
        Fact::Event(id) => {
            let (happened, pending) = match facts.deal.event(id) {
                Some(event) => (&*event.happened, &*event.pending),
                // Validation rules this out: every event a deal's rule names is one of its own.
                None => (&**id, &**id),
            };
            judge_event(facts.events.get(id), as_of, happened, pending)
        }
        Fact::StakeBelow { holder, percent } => {
            let holds = stake_against(facts.stage, holder, *percent) == Ordering::Less;
            let relation = if holds { "below" } else { "not below" };
            let stake = stake_text(facts.stage, holder);
            Judged::new(holds, format!("{} the stake of {stake} is {relation} {percent}", after(facts.stage)))
        }
        Fact::StakeAbove { holder, percent } => {
            let holds = stake_against(facts.stage, holder, *percent) == Ordering::Greater;
            let relation = if holds { "above" } else { "not above" };
            let stake = stake_text(facts.stage, holder);
            Judged::new(holds, format!("{} the stake of {stake} is {relation} {percent}", after(facts.stage)))
        }
        Fact::Outweighed { holder } => judge_outweighed(facts.stage, holder),
        Fact::AnyHolderAbove { percent } => judge_any_above(facts.stage, *percent),
        Fact::Product(kind) => {
            let kind = *kind;
            let holds = facts.product == Some(kind);
            let because = if holds {
                format!("the product is {}", kind.label())
            } else {
                format!("the product is not {}", kind.label())
            };
            Judged::new(holds, because)
        }
        Fact::Partner(partner) => {
            let holds = facts.partner == Some(&**partner);
            let because = if holds {
                format!("the product is built with {partner}")
            } else {
                format!("the product is not built with {partner}")
            };
            Judged::new(holds, because)
        }
    }
}

/// A dated event has happened when it has a date on or before the date judged.
fn judge_event(date: Option<Date>, as_of: Date, done: &str, not_done: &str) -> Judged {
    match date {
        Some(date) if date <= as_of => Judged::new(true, format!("{done} on {date}")),
        Some(date) => Judged::new(false, format!("{not_done} by {as_of} (the scenario has it happen on {date})")),
        None => Judged::new(false, not_done.to_owned()),
    }
}

fn judge_outweighed(stage: &Stage, holder: &str) -> Judged {
    let own = stage.holder(holder).map_or(0, |row| row.shares);
    // A row that stands for many holders (a group, an option pool) is not "a single holder".
    let heavier = stage
        .holders
        .iter()
        .filter(|row| !row.group && row.id != holder && row.shares > own)
        .max_by_key(|row| row.shares);
    let own_text = stake_text(stage, holder);
    match heavier {
        Some(row) => Judged::new(
            true,
            format!(
                "{} the stake of {} ({}) exceeds that of {own_text}",
                after(stage),
                row.name,
                percent_text(row, stage.total_shares)
            ),
        ),
        None => {
            Judged::new(false, format!("{} no other single holder's stake exceeds that of {own_text}", after(stage)))
        }
    }
}

fn judge_any_above(stage: &Stage, percent: Percent) -> Judged {
    let largest = stage.holders.iter().filter(|row| !row.group).max_by_key(|row| row.shares);
    match largest {
        Some(row) if stake_against(stage, &row.id, percent) == Ordering::Greater => Judged::new(
            true,
            format!(
                "{} the stake of {} ({}) is above {percent}",
                after(stage),
                row.name,
                percent_text(row, stage.total_shares)
            ),
        ),
        Some(row) => Judged::new(
            false,
            format!(
                "{} no single holder's stake is above {percent}: the largest, that of {}, is {}",
                after(stage),
                row.name,
                percent_text(row, stage.total_shares)
            ),
        ),
        None => Judged::new(false, format!("no single holder's stake is above {percent}")),
    }
}

/// A holder's exact stake against a percentage; a holder missing from the table holds nothing.
fn stake_against(stage: &Stage, holder: &str, percent: Percent) -> Ordering {
    compare_share(stage.holder(holder).map_or(0, |row| row.shares), stage.total_shares, percent)
}

/// "Microsoft (23.4643%)": a holder and its stake, to follow "the stake of".
fn stake_text(stage: &Stage, holder: &str) -> String {
    match stage.holder(holder) {
        Some(row) => format!("{} ({})", row.name, percent_text(row, stage.total_shares)),
        None => format!("{holder} (0%, not a holder)"),
    }
}

/// Which table the stakes are read from: "after February 2026".
fn after(stage: &Stage) -> String {
    // The starting table is labelled "Before" and has no price of its own.
    if stage.pre_money.is_none() && stage.new_money == 0 && stage.label == "Before" {
        "in the starting table,".to_owned()
    } else {
        format!("after {},", stage.label)
    }
}

/// A stake for people: four decimals at most, trailing zeros dropped.
///
/// Worked from the share counts in integers, rounded half up at the fourth
/// decimal, so the text is exact and no float is formatted.
fn percent_text(row: &HolderRow, total: u128) -> String {
    format!("{}%", Decimal::new(stake_ten_thousandths(row.shares, total), 4))
}

/// `shares / total` in ten-thousandths of a percentage point, rounded half up.
/// Zero for an empty table; never panics (absurdly large counts are scaled
/// down first, which only matters beyond 10^32 shares).
fn stake_ten_thousandths(shares: u128, total: u128) -> i128 {
    const PER_HUNDRED: u128 = 1_000_000; // 100% in ten-thousandths of a point
    let (mut shares, mut total) = (shares.min(total), total);
    while total > u128::MAX / (2 * PER_HUNDRED + 1) {
        (shares, total) = (shares >> 1, total >> 1);
    }
    if total == 0 {
        return 0;
    }
    let rounded = (2 * shares * PER_HUNDRED + total) / (2 * total);
    i128::try_from(rounded).unwrap_or(0)
}
