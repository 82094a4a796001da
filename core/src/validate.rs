//! Checks a scenario before any arithmetic, naming the first field that is wrong.

use crate::check::{check_id, check_percent, check_text, check_url, field, item};
use crate::deal::{self, Deal};
use crate::error::{ErrorKind, ScenarioError};
use crate::scenario::{Compare, Round, Scenario, WhatIf, FORMAT_VERSION};
use crate::strindex::StrIndex;
use crate::{Date, Dollars, Percent};

pub use crate::check::{MAX_ID_CHARS, MAX_URL_CHARS};

/// The largest amount or valuation accepted: [`Dollars::MAX`], one quadrillion dollars.
pub const MAX_DOLLARS: i64 = Dollars::MAX.0;
/// How far the starting stakes may miss 100%: [`Percent::STAKE_TOLERANCE`],
/// a hundredth of a point. Shares are then in proportion to the stakes given.
pub const STAKE_TOLERANCE: Percent = Percent::STAKE_TOLERANCE;
/// The most holders a scenario may name, starting holders and investors together.
pub const MAX_HOLDERS: usize = 2_000;
/// The most rounds in one scenario.
pub const MAX_ROUNDS: usize = 100;
/// The most investments, or secondary sales, in one round.
pub const MAX_PER_ROUND: usize = 1_000;
/// The most what-ifs in one scenario.
pub const MAX_WHATIFS: usize = 20;
/// The most sources, or notes, in one scenario.
pub const MAX_ANNOTATIONS: usize = 50;
/// The longest holder or round name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest source or note text, in characters.
pub const MAX_NOTE_CHARS: usize = 600;
/// The most tranches one cheque is paid in.
pub const MAX_TRANCHES: usize = 100;
/// The most tranches in one scenario, all cheques together: each is a day on
/// the timeline, whose every term is judged on each day.
pub const MAX_SCENARIO_TRANCHES: usize = 200;

/// Checks every field of a scenario that can be checked without arithmetic,
/// under the built-in deal it names (the Microsoft–OpenAI deal when it names none).
///
/// Returns the first problem found, in the order the fields are written.
///
/// ```
/// use fortress_core::{presets, validate};
/// let mut scenario = presets::feb_2026_pre_money();
/// assert!(validate(&scenario).is_ok());
/// scenario.holders[0].percent = fortress_core::Percent::from_micros(-1);
/// assert_eq!(validate(&scenario).unwrap_err().field, "holders[0].percent");
/// ```
pub fn validate(scenario: &Scenario) -> Result<(), ScenarioError> {
    validate_with(scenario, &deal::OPENAI_MICROSOFT)
}

/// [`validate`] with `deal` as the deal at hand (a publisher's): the
/// scenario is checked under it when it names no deal or names it, else
/// under the built-in deal it names (see [`deal::resolve`]). The deal itself
/// is taken as valid ([`deal::validate_deal`] checks it).
///
/// In the lighter build (without the feature `full`), a scenario that names a
/// deal or a preset only the full build carries ([`deal::needs_full`]) is the
/// full build's to check: it passes here, every caller hands it over, and the
/// full build validates it whole before showing it.
pub fn validate_with(scenario: &Scenario, deal: &Deal) -> Result<(), ScenarioError> {
    if deal::needs_full(scenario) {
        return Ok(());
    }
    if scenario.version != FORMAT_VERSION {
        return Err(ScenarioError::new("version", ErrorKind::UnsupportedVersion(scenario.version)));
    }
    check_text("title", "", &scenario.title, MAX_TITLE_CHARS, true)?;
    let deal = deal::resolve(scenario, deal)?;
    if let Some(valuation) = scenario.valuation {
        check_dollars("valuation", "", valuation)?;
    }
    check_holders(scenario)?;
    if scenario.rounds.len() > MAX_ROUNDS {
        return Err(ScenarioError::new("rounds", ErrorKind::TooMany { max: MAX_ROUNDS }));
    }
    let mut known = Ids::default();
    for holder in &scenario.holders {
        known.insert(&holder.id);
    }
    let mut last_date = None;
    let mut tranches = 0;
    for (i, round) in scenario.rounds.iter().enumerate() {
        let at = item("rounds", "", i);
        check_round(&at, round, &mut known)?;
        #[cfg(feature = "full")]
        check_terms(&at, round)?;
        for (j, investment) in round.investments.iter().enumerate() {
            tranches += investment.tranches.len();
            if tranches > MAX_SCENARIO_TRANCHES {
                let at = field(&item(&at, ".investments", j), ".tranches");
                return Err(ScenarioError::new(at, ErrorKind::TooManyInScenario { max: MAX_SCENARIO_TRANCHES }));
            }
        }
        if let Some(date) = round.date {
            if let Some(last) = last_date {
                if date < last {
                    return Err(ScenarioError::new(field(&at, ".date"), ErrorKind::DateBefore(last)));
                }
            }
            last_date = Some(date);
        }
    }
    check_events(scenario, deal)?;
    if let Some(regime) = scenario.regime.as_deref().filter(|id| deal.regime(id).is_none()) {
        return Err(ScenarioError::new(
            "regime",
            ErrorKind::UnknownRegime(regime.chars().take(MAX_ID_CHARS).collect()),
        ));
    }
    check_whatifs(scenario, deal, &known)?;
    check_annotations(scenario)?;
    #[cfg(feature = "full")]
    if let Some(exit) = scenario.exit {
        if exit.value.0 < 0 {
            return Err(ScenarioError::new("exit.value", ErrorKind::Negative(exit.value)));
        }
        if exit.value.0 > MAX_DOLLARS {
            return Err(ScenarioError::new("exit.value", ErrorKind::TooLarge(exit.value)));
        }
    }
    check_compare(scenario, deal)
}

/// The largest multiple a preference or a cap may be: 100x.
#[cfg(feature = "full")]
pub const MAX_MULTIPLE: crate::Multiple = crate::Multiple::from_micros(100_000_000);

/// A round's class terms: multiples in range, a cap exactly when capped and
/// not below the preference, and shares sold at a price to form the class.
#[cfg(feature = "full")]
fn check_terms(at: &str, round: &Round) -> Result<(), ScenarioError> {
    use crate::ParticipationKind;
    let Some(terms) = round.terms else { return Ok(()) };
    let at = field(at, ".terms");
    let in_range = |name: &str, m: crate::Multiple| {
        if (0..=MAX_MULTIPLE.micros()).contains(&m.micros()) {
            Ok(())
        } else {
            Err(ScenarioError::new(field(&at, name), ErrorKind::MultipleOutOfRange(m)))
        }
    };
    in_range(".preference", terms.preference)?;
    match (terms.participation, terms.cap) {
        (ParticipationKind::Capped, Some(cap)) => {
            in_range(".cap", cap)?;
            if cap < terms.preference {
                return Err(ScenarioError::new(field(&at, ".cap"), ErrorKind::CapBelowPreference));
            }
        }
        (ParticipationKind::Capped, None) => {
            return Err(ScenarioError::new(field(&at, ".cap"), ErrorKind::CapMismatch))
        }
        (_, Some(_)) => return Err(ScenarioError::new(field(&at, ".cap"), ErrorKind::CapMismatch)),
        (_, None) => {}
    }
    if round.investments.is_empty() || round.valuation.is_none() {
        return Err(ScenarioError::new(at, ErrorKind::TermsWithoutShares));
    }
    Ok(())
}

/// Every event is one of the deal's, and none comes before the event it may not precede.
fn check_events(scenario: &Scenario, deal: &Deal) -> Result<(), ScenarioError> {
    for (id, date) in scenario.events.iter() {
        let Some(event) = deal.event(id) else {
            let kind = ErrorKind::UnknownEvent(id.chars().take(MAX_ID_CHARS).collect());
            return Err(ScenarioError::new(field("events.", id), kind));
        };
        let earliest = event.not_before.as_deref().and_then(|other| scenario.events.get(other));
        if let Some(earliest) = earliest.filter(|&earliest| date < earliest) {
            return Err(ScenarioError::new(field("events.", id), ErrorKind::DateBefore(earliest)));
        }
    }
    Ok(())
}

/// A preset to compare with must exist; a scenario to compare with must be
/// valid, and compare with nothing itself (so a scenario nests one deep).
fn check_compare(scenario: &Scenario, deal: &Deal) -> Result<(), ScenarioError> {
    match &scenario.compare {
        None | Some(Compare::Off) => Ok(()),
        Some(Compare::Preset(name)) if crate::presets::by_name(name).is_some() => Ok(()),
        Some(Compare::Preset(name)) => {
            Err(ScenarioError::new("compare.preset", ErrorKind::UnknownPreset(name.chars().take(40).collect())))
        }
        Some(Compare::Scenario(baseline)) => {
            if baseline.compare.is_some() {
                return Err(ScenarioError::new("compare.scenario.compare", ErrorKind::NestedCompare));
            }
            validate_with(baseline, deal).map_err(|e| e.within("compare.scenario"))
        }
    }
}

/// A set of holder ids, in the order they came.
#[derive(Default)]
struct Ids<'a> {
    list: Vec<&'a str>,
    index: StrIndex,
}

impl<'a> Ids<'a> {
    fn contains(&self, id: &str) -> bool {
        self.index.find(&self.list, id).is_some()
    }

    /// Adds `id`; `false` when it was already there.
    fn insert(&mut self, id: &'a str) -> bool {
        if self.contains(id) {
            return false;
        }
        self.list.push(id);
        self.index.push(&self.list);
        true
    }

    fn len(&self) -> usize {
        self.list.len()
    }
}

fn check_holders(scenario: &Scenario) -> Result<(), ScenarioError> {
    if scenario.holders.is_empty() {
        return Err(ScenarioError::new("holders", ErrorKind::Empty));
    }
    if scenario.holders.len() > MAX_HOLDERS {
        return Err(ScenarioError::new("holders", ErrorKind::TooMany { max: MAX_HOLDERS }));
    }
    let mut seen = Ids::default();
    let mut total: i64 = 0;
    for (i, holder) in scenario.holders.iter().enumerate() {
        let at = item("holders", "", i);
        check_id(&at, ".id", &holder.id)?;
        if !seen.insert(holder.id.as_str()) {
            return Err(ScenarioError::new(field(&at, ".id"), ErrorKind::DuplicateId(holder.id.clone())));
        }
        check_text(&at, ".name", &holder.name, MAX_NAME_CHARS, false)?;
        if !holder.percent.is_valid_stake() {
            return Err(ScenarioError::new(field(&at, ".percent"), ErrorKind::PercentOutOfRange(holder.percent)));
        }
        total += holder.percent.micros();
    }
    let off = (total - Percent::HUNDRED_MICROS).abs();
    if off > STAKE_TOLERANCE.micros() {
        return Err(ScenarioError::new("holders", ErrorKind::StakesDoNotAddUp(Percent::from_micros(total))));
    }
    Ok(())
}

fn check_round<'a>(at: &str, round: &'a Round, known: &mut Ids<'a>) -> Result<(), ScenarioError> {
    check_text(at, ".name", &round.name, MAX_NAME_CHARS, false)?;
    if round.investments.is_empty() && round.pool.is_none() && round.secondaries.is_empty() {
        return Err(ScenarioError::new(at, ErrorKind::EmptyRound));
    }
    if round.investments.len() > MAX_PER_ROUND {
        return Err(ScenarioError::new(field(at, ".investments"), ErrorKind::TooMany { max: MAX_PER_ROUND }));
    }
    if round.secondaries.len() > MAX_PER_ROUND {
        return Err(ScenarioError::new(field(at, ".secondaries"), ErrorKind::TooMany { max: MAX_PER_ROUND }));
    }
    let issues_shares = !round.investments.is_empty() || round.pool.is_some();
    let needs_price = issues_shares || round.secondaries.iter().any(|s| s.amount.is_some());
    let new_money = match &round.valuation {
        None if needs_price => return Err(ScenarioError::new(field(at, ".valuation"), ErrorKind::ValuationRequired)),
        _ => sum_investments(at, round)?,
    };
    match round.valuation {
        Some(crate::Valuation::PreMoney(pre)) => check_dollars(at, ".valuation.pre_money", pre)?,
        Some(crate::Valuation::PostMoney(post)) => {
            check_dollars(at, ".valuation.post_money", post)?;
            if post.0 <= new_money {
                let kind = ErrorKind::PostMoneyNotAboveNewMoney { post_money: post, new_money: Dollars(new_money) };
                return Err(ScenarioError::new(field(at, ".valuation.post_money"), kind));
            }
        }
        None => {}
    }
    // Secondaries come first in a round: they trade shares that exist before it.
    for (j, sale) in round.secondaries.iter().enumerate() {
        let at = item(at, ".secondaries", j);
        check_known(&at, ".seller", &sale.seller, known)?;
        check_id(&at, ".buyer", &sale.buyer)?;
        if sale.seller == sale.buyer {
            return Err(ScenarioError::new(field(&at, ".buyer"), ErrorKind::SelfSale));
        }
        match (sale.percent, sale.amount) {
            (Some(p), None) => {
                if p.micros() <= 0 || !p.is_valid_stake() {
                    return Err(ScenarioError::new(field(&at, ".percent"), ErrorKind::PercentOutOfRange(p)));
                }
            }
            (None, Some(amount)) => check_dollars(&at, ".amount", amount)?,
            _ => return Err(ScenarioError::new(at, ErrorKind::SecondarySize)),
        }
        check_newcomer(&at, &sale.buyer, sale.name.as_deref(), known)?;
    }
    if let Some(pool) = &round.pool {
        let at = field(at, ".pool");
        let id = pool.holder_id();
        check_id(&at, ".holder", id)?;
        if let Some(name) = &pool.name {
            check_text(&at, ".name", name, MAX_NAME_CHARS, false)?;
        }
        if pool.percent.micros() < 0 || pool.percent.micros() >= Percent::HUNDRED_MICROS {
            return Err(ScenarioError::new(field(&at, ".percent"), ErrorKind::PercentOutOfRange(pool.percent)));
        }
        known.insert(id);
        check_holder_count(&at, known)?;
    }
    let mut in_round = Ids::default();
    for (j, investment) in round.investments.iter().enumerate() {
        let at = item(at, ".investments", j);
        check_id(&at, ".holder", &investment.holder)?;
        if !in_round.insert(investment.holder.as_str()) {
            let kind = ErrorKind::DuplicateId(investment.holder.clone());
            return Err(ScenarioError::new(field(&at, ".holder"), kind));
        }
        check_newcomer(&at, &investment.holder, investment.name.as_deref(), known)?;
        check_tranches(&at, investment, round.date)?;
    }
    Ok(())
}

/// A cheque's tranches: dated in order, none before the round, each a valid
/// amount, adding up to the cheque exactly.
fn check_tranches(at: &str, investment: &crate::Investment, round_date: Option<Date>) -> Result<(), ScenarioError> {
    if investment.tranches.is_empty() {
        return Ok(());
    }
    let at = field(at, ".tranches");
    if investment.tranches.len() > MAX_TRANCHES {
        return Err(ScenarioError::new(at, ErrorKind::TooMany { max: MAX_TRANCHES }));
    }
    let mut earliest = round_date;
    let mut total: i64 = 0;
    for (k, tranche) in investment.tranches.iter().enumerate() {
        let at = item(&at, "", k);
        if let Some(earliest) = earliest.filter(|&earliest| tranche.date < earliest) {
            return Err(ScenarioError::new(field(&at, ".date"), ErrorKind::DateBefore(earliest)));
        }
        earliest = Some(tranche.date);
        check_dollars(&at, ".amount", tranche.amount)?;
        check_text(&at, ".note", &tranche.note, MAX_NOTE_CHARS, true)?;
        total = total.saturating_add(tranche.amount.0);
    }
    if total != investment.amount.0 {
        let kind = ErrorKind::TranchesDoNotAddUp { tranches: Dollars(total), investment: investment.amount };
        return Err(ScenarioError::new(at, kind));
    }
    Ok(())
}

/// Sums a round's cheques after checking each one.
fn sum_investments(at: &str, round: &Round) -> Result<i64, ScenarioError> {
    let mut total: i64 = 0;
    for (j, investment) in round.investments.iter().enumerate() {
        check_dollars(&item(at, ".investments", j), ".amount", investment.amount)?;
        total = total.saturating_add(investment.amount.0);
    }
    Ok(total)
}

/// Registers a holder that may be new, which then needs a valid name.
fn check_newcomer<'a>(at: &str, id: &'a str, name: Option<&str>, known: &mut Ids<'a>) -> Result<(), ScenarioError> {
    match name {
        Some(name) => check_text(at, ".name", name, MAX_NAME_CHARS, false)?,
        None if !known.contains(id) => return Err(ScenarioError::new(field(at, ".name"), ErrorKind::NameRequired)),
        None => {}
    }
    known.insert(id);
    check_holder_count(at, known)
}

fn check_holder_count(at: &str, known: &Ids<'_>) -> Result<(), ScenarioError> {
    if known.len() > MAX_HOLDERS {
        return Err(ScenarioError::new(at, ErrorKind::TooMany { max: MAX_HOLDERS }));
    }
    Ok(())
}

fn check_known(at: &str, name: &str, id: &str, known: &Ids<'_>) -> Result<(), ScenarioError> {
    if known.contains(id) {
        Ok(())
    } else {
        Err(ScenarioError::new(field(at, name), ErrorKind::UnknownHolder(id.to_owned())))
    }
}

fn check_whatifs(scenario: &Scenario, deal: &Deal, known: &Ids<'_>) -> Result<(), ScenarioError> {
    if scenario.whatifs.len() > MAX_WHATIFS {
        return Err(ScenarioError::new("whatifs", ErrorKind::TooMany { max: MAX_WHATIFS }));
    }
    for (i, whatif) in scenario.whatifs.iter().enumerate() {
        let at = item("whatifs", "", i);
        if !deal.has_term(whatif.term()) {
            return Err(ScenarioError::new(field(&at, ".term"), ErrorKind::UnknownTerm(whatif.term().to_owned())));
        }
        match whatif {
            WhatIf::StakeBelow { holder, percent, .. } => {
                check_known(&at, ".holder", holder, known)?;
                check_percent(&at, ".percent", *percent)?;
            }
            WhatIf::Outweighed { holder, .. } => check_known(&at, ".holder", holder, known)?,
            WhatIf::HolderAbove { percent, .. } => check_percent(&at, ".percent", *percent)?,
        }
    }
    Ok(())
}

fn check_annotations(scenario: &Scenario) -> Result<(), ScenarioError> {
    if scenario.sources.len() > MAX_ANNOTATIONS {
        return Err(ScenarioError::new("sources", ErrorKind::TooMany { max: MAX_ANNOTATIONS }));
    }
    for (i, source) in scenario.sources.iter().enumerate() {
        let at = item("sources", "", i);
        check_text(&at, ".fact", &source.fact, MAX_NOTE_CHARS, false)?;
        check_text(&at, ".source", &source.source, MAX_NOTE_CHARS, false)?;
        if let Some(url) = &source.url {
            check_url(&field(&at, ".url"), url)?;
        }
    }
    if scenario.notes.len() > MAX_ANNOTATIONS {
        return Err(ScenarioError::new("notes", ErrorKind::TooMany { max: MAX_ANNOTATIONS }));
    }
    for (i, note) in scenario.notes.iter().enumerate() {
        check_text(&item("notes", "", i), "", &note.text, MAX_NOTE_CHARS, false)?;
    }
    Ok(())
}

fn check_dollars(at: &str, name: &str, amount: Dollars) -> Result<(), ScenarioError> {
    if amount.0 <= 0 {
        Err(ScenarioError::new(field(at, name), ErrorKind::NotPositive(amount)))
    } else if amount.0 > MAX_DOLLARS {
        Err(ScenarioError::new(field(at, name), ErrorKind::TooLarge(amount)))
    } else {
        Ok(())
    }
}
