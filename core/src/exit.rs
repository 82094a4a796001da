//! The exit of a scenario: its rounds' shares as share classes, and who gets
//! what when the company is sold (full build only).
//!
//! A round that gives `terms` sells a class of preferred stock; every other
//! share is common (the starting table, rounds whose terms are not public,
//! pool top-ups). The rounds are replayed exactly as [`crate::evaluate`]
//! applies them ([`captable::apply_round`], with a [`Ledger`] that follows
//! the classes), so the shares here are the shares of the stake table:
//!
//! - a cheque's shares are of its round's class;
//! - shares sold in a secondary are taken from the seller's common first, then
//!   from its preferred, the most junior class first (of equal rank, the later
//!   round's first), and the buyer holds them in the same classes;
//! - a later round priced below a protected class's conversion price lowers it:
//!   full ratchet to the round's price, or the NVCA broad-based weighted
//!   average `CP2 = CP1 x (A + B) / (A + C)`, where `A` is every share the
//!   scenario counts just before the new money (the round's pool top-up
//!   included), `B` the round's money counted divided by `CP1`, and `C` the
//!   shares that money bought; exact, not rounded, and compounding round after round.
//!
//! The table then goes to the engine's [`engine::waterfall`]. Its
//! conventions, and these, are stated in docs/CONVENTIONS.md.

use serde::Serialize;

use crate::captable::{self, Ledger};
use crate::engine::{self, AntiDilution, CapTable, Choice, Holding, Participation, Ratio, ShareClass};
use crate::error::{ErrorKind, ScenarioError};
use crate::scenario::{AntiDilutionKind, ClassTerms, ExitPool, ParticipationKind, Scenario};
use crate::{Date, Multiple};

/// The id of common stock in an exit's table.
pub const COMMON: &str = "common";

/// Who gets what at a scenario's exit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExitOutcome {
    /// The exit value shared out, whole dollars.
    pub value: u128,
    /// True when the scenario asks about this exit (`exit`); false when it
    /// gives none and its last post-money valuation is shared out.
    pub asked: bool,
    /// What the option pool is at this exit.
    pub pool: ExitPool,
    /// Common stock first, then each round's class, in the order of the rounds.
    pub classes: Vec<ExitClass>,
    /// Every holder with shares, in the stake table's order, the unissued pool left out.
    pub holders: Vec<ExitHolder>,
    /// Every conversion price a down round lowered, in order.
    pub adjustments: Vec<Adjustment>,
    /// The rounds that sell shares without terms, whose shares count as common.
    pub common_rounds: Vec<String>,
    /// Common's value per share.
    pub per_share: Ratio,
    /// The preferences of every class together, whole dollars (rounded down).
    pub preferences: u128,
    /// Why the sale could not be shared out (its figures are then empty), such
    /// as `exit: the numbers are too large to compute exactly`. The rest of the
    /// outcome stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One class at the exit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExitClass {
    /// Its id: `common`, or the round's slug.
    pub id: String,
    /// Its name: "Common", or the round's name and "preferred".
    pub name: String,
    /// Its terms in words: "1x non-participating, rank 2, broad-based".
    pub terms: String,
    /// Shares issued.
    pub shares: u128,
    /// The price paid per share, exact (zero for common).
    pub issue_price: Ratio,
    /// Common shares per share, after any adjustment.
    pub conversion_ratio: Ratio,
    /// What it gets, whole dollars.
    pub amount: u128,
    /// Its part of the exit, in percent, for drawing.
    pub percent: f64,
    /// What it does.
    pub choice: Choice,
    /// Its choice in words.
    pub choice_label: &'static str,
    /// Why, with the figures.
    pub reason: String,
}

/// One holder at the exit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExitHolder {
    /// The holder's id.
    pub id: String,
    /// The holder's name.
    pub name: String,
    /// True for a row that stands for many holders.
    pub group: bool,
    /// What it gets, whole dollars; the holders' amounts add up to the exit.
    pub amount: u128,
    /// Its part of the exit, in percent, for drawing.
    pub percent: f64,
    /// What it holds, by class: the class's name and the shares.
    pub holdings: Vec<(String, u128)>,
}

/// A conversion price lowered by a down round.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Adjustment {
    /// The class's name.
    pub class: String,
    /// The round that lowered it.
    pub round: String,
    /// The conversion price before, exact.
    pub from: Ratio,
    /// The conversion price after, exact.
    pub to: Ratio,
    /// In words.
    pub reason: String,
}

/// True when the scenario has an exit to show: it asks about one, or a round gives class terms.
pub fn has_exit(scenario: &Scenario) -> bool {
    scenario.exit.is_some() || scenario.rounds.iter().any(|round| round.terms.is_some())
}

/// A choice in a few words, for a table cell.
///
/// ```
/// use fortress_core::{engine::Choice, exit};
/// assert_eq!(exit::choice_label(Choice::TakesPreference), "takes its preference");
/// ```
pub fn choice_label(choice: Choice) -> &'static str {
    match choice {
        Choice::TakesPreference => "takes its preference",
        Choice::Converts => "converts to common",
        Choice::Participates => "preference and participation",
        Choice::CappedAt => "preference, participation to its cap",
        Choice::Common => "shares what is left",
    }
}

/// A class's terms in words: "1x non-participating, rank 2, no anti-dilution".
///
/// ```
/// use fortress_core::{exit, ClassTerms, Multiple, ParticipationKind, AntiDilutionKind};
/// let terms = ClassTerms {
///     preference: Multiple::from_micros(1_500_000),
///     participation: ParticipationKind::Capped,
///     cap: Some(Multiple::from_micros(3_000_000)),
///     seniority: None,
///     anti_dilution: AntiDilutionKind::BroadBased,
/// };
/// assert_eq!(exit::terms_in_words(&terms, 2), "1.5x participating to a 3x cap, rank 2, broad-based weighted average");
/// ```
pub fn terms_in_words(terms: &ClassTerms, rank: u32) -> String {
    let participation = match (terms.participation, terms.cap) {
        (ParticipationKind::None, _) => "non-participating".to_owned(),
        (ParticipationKind::Full, _) => "participating".to_owned(),
        (ParticipationKind::Capped, Some(cap)) => format!("participating to a {cap} cap"),
        (ParticipationKind::Capped, None) => "participating, capped".to_owned(),
    };
    let anti_dilution = match terms.anti_dilution {
        AntiDilutionKind::None => "no anti-dilution",
        AntiDilutionKind::BroadBased => "broad-based weighted average",
        AntiDilutionKind::FullRatchet => "full ratchet",
    };
    format!("{} {participation}, rank {rank}, {anti_dilution}", terms.preference)
}

/// A valid scenario's share classes and holdings as the engine's cap table,
/// and the sale price it asks about (its `exit`, else its last post-money
/// valuation, if it has one): what `fortress waterfall` shares out at the
/// exits it is given. Errors name the scenario's fields.
///
/// ```
/// use fortress_core::{exit, presets};
/// let (table, value) = exit::cap_table(&presets::exit_what_if()).unwrap();
/// assert_eq!(table.classes.len(), 2); // common and the 2026 round's class
/// assert_eq!(value, Some(500_000_000_000));
/// ```
pub fn cap_table(scenario: &Scenario) -> Result<(CapTable, Option<u128>), ScenarioError> {
    let (funded_to, sale) = sale_of(scenario)?;
    let pool = sale.map_or(ExitPool::Common, |sale| sale.pool);
    Ok((replay(scenario, funded_to)?.cap_table(pool)?, sale.map(|sale| sale.value)))
}

/// The sale an exit shares out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SalePrice {
    /// Whole dollars.
    pub(crate) value: u128,
    /// True when the scenario asks about it (`exit`), false for its last post-money valuation.
    pub(crate) asked: bool,
    /// What the option pool is at it.
    pub(crate) pool: ExitPool,
}

/// The sale a scenario's exit shares out: its `exit`, or else `post_money`
/// (its last post-money valuation) with the pool as common; `None` when it has neither.
fn sale_price(scenario: &Scenario, post_money: Option<u128>) -> Result<Option<SalePrice>, ScenarioError> {
    Ok(match (scenario.exit, post_money) {
        (Some(exit), _) => {
            let value = exit.value.unsigned().ok_or_else(|| overflow("exit.value"))?;
            Some(SalePrice { value, asked: true, pool: exit.pool })
        }
        (None, Some(value)) => Some(SalePrice { value, asked: false, pool: ExitPool::Common }),
        (None, None) => None,
    })
}

/// A valid scenario's sale price ([`sale_price`]) and the day its money counts
/// to, found by validating it and building its stages only (no terms, no
/// waterfall): for those that share out the sale themselves, the command line
/// and the sensitivity map.
pub(crate) fn sale_of(scenario: &Scenario) -> Result<(Option<Date>, Option<SalePrice>), ScenarioError> {
    crate::validate(scenario)?;
    let deal = crate::deal::of(scenario)?;
    let funded_to = crate::terms::funded_to(scenario, deal);
    let (stages, _) = captable::stages(scenario, funded_to)?;
    let sale = sale_price(scenario, stages.last().and_then(|stage| stage.post_money))?;
    Ok((funded_to, sale))
}

/// The scenario's exit: `None` when it has none to show ([`has_exit`]), or
/// when it asks about none and has no valuation to share out. Money counts
/// up to `funded_to`, as in [`crate::evaluate`].
pub(crate) fn evaluate_exit(
    scenario: &Scenario,
    funded_to: Option<Date>,
    post_money: Option<u128>,
) -> Result<Option<ExitOutcome>, ScenarioError> {
    if !has_exit(scenario) {
        return Ok(None);
    }
    let Some(SalePrice { value, asked, pool: pool_kind }) = sale_price(scenario, post_money)? else {
        return Ok(None);
    };
    // The field to blame when the exit cannot be shared out: the sale asked about, else the terms.
    let blamed = match scenario.exit {
        Some(_) => "exit".to_owned(),
        None => scenario
            .rounds
            .iter()
            .position(|r| r.terms.is_some())
            .map_or("exit".to_owned(), |i| format!("rounds[{i}].terms")),
    };
    let shared = (|| {
        let replay = replay(scenario, funded_to)?;
        let table = replay.cap_table(pool_kind)?;
        let waterfall = engine::waterfall(&table, value).map_err(|e| {
            // The engine's paths are into its own table, not the scenario's: the exit is blamed below.
            let kind = if e.message == engine::TOO_LARGE { ErrorKind::Overflow } else { ErrorKind::Exit(e.message) };
            ScenarioError::new("exit", kind)
        })?;
        replay.outcome(scenario, &table, &waterfall, value, asked, pool_kind)
    })();
    match shared {
        Ok(outcome) => Ok(outcome),
        // The rest of the outcome stands: the exit says why it has no figures.
        Err(error) => Ok(Some(ExitOutcome {
            value,
            asked,
            pool: pool_kind,
            classes: Vec::new(),
            holders: Vec::new(),
            adjustments: Vec::new(),
            common_rounds: Vec::new(),
            per_share: Ratio::ZERO,
            preferences: 0,
            error: Some(match error.field.as_str() {
                "exit" => ScenarioError { field: blamed, ..error }.to_string(),
                _ => error.to_string(),
            }),
        })),
    }
}

fn overflow(field: &str) -> ScenarioError {
    ScenarioError::new(field, ErrorKind::Overflow)
}

/// A class as the replay builds it.
struct Class {
    id: String,
    name: String,
    terms: ClassTerms,
    rank: u32,
    /// The round's index.
    round: usize,
    /// The money the class's shares were bought with, over those shares.
    issue_price: Ratio,
    /// The round's price per share.
    round_price: Ratio,
    /// The conversion price in effect, on the round price's scale: equal to it until a down round lowers it.
    conversion_price: Ratio,
}

/// The rounds replayed: every holder's shares by class (0 is common).
struct Replay {
    ids: Vec<String>,
    names: Vec<String>,
    groups: Vec<bool>,
    held: Vec<Vec<u128>>,
    classes: Vec<Class>,
    /// The shares pool top-ups created, by holder: what an unissued pool is.
    pools: Vec<u128>,
    adjustments: Vec<Adjustment>,
    common_rounds: Vec<String>,
}

/// Follows one round's shares into classes.
struct Follow<'r> {
    held: &'r mut Vec<Vec<u128>>,
    /// Class indices (1-based, 0 is common) from the seller's first to its last.
    sale_order: Vec<usize>,
    /// The class the round's cheques buy.
    class: usize,
    n_classes: usize,
    pools: &'r mut Vec<u128>,
    /// The counted money of each of the round's cheques.
    amounts: &'r [u128],
    /// Shares the round's cheques bought, and the money they were bought with.
    bought: u128,
    paid: u128,
}

impl Follow<'_> {
    fn row(&mut self, holder: usize) -> Option<&mut Vec<u128>> {
        while self.held.len() <= holder {
            self.held.push(vec![0; self.n_classes]);
        }
        let row = self.held.get_mut(holder)?;
        row.resize(self.n_classes, 0);
        Some(row)
    }
}

impl Ledger for Follow<'_> {
    fn pool(&mut self, holder: usize, shares: u128) {
        if self.pools.len() <= holder {
            self.pools.resize(holder + 1, 0);
        }
        if let Some(slot) = self.pools.get_mut(holder) {
            *slot = slot.saturating_add(shares);
        }
        if let Some(slot) = self.row(holder).and_then(|row| row.first_mut()) {
            *slot = slot.saturating_add(shares);
        }
    }

    fn sale(&mut self, seller: usize, buyer: usize, shares: u128) {
        let order = self.sale_order.clone();
        let mut moved = vec![0u128; self.n_classes];
        let mut left = shares;
        if let Some(row) = self.row(seller) {
            for &class in &order {
                if let (Some(slot), Some(out)) = (row.get_mut(class), moved.get_mut(class)) {
                    let take = left.min(*slot);
                    *slot -= take;
                    *out = take;
                    left -= take;
                }
            }
        }
        if let Some(row) = self.row(buyer) {
            for (slot, shares) in row.iter_mut().zip(moved) {
                *slot = slot.saturating_add(shares);
            }
        }
    }

    fn bought(&mut self, investment: usize, holder: usize, shares: u128) {
        let class = self.class;
        if let Some(slot) = self.row(holder).and_then(|row| row.get_mut(class)) {
            *slot = slot.saturating_add(shares);
        }
        self.bought = self.bought.saturating_add(shares);
        self.paid = self.paid.saturating_add(self.amounts.get(investment).copied().unwrap_or(0));
    }
}

/// Replays the rounds of a validated scenario, following the classes.
fn replay(scenario: &Scenario, funded_to: Option<Date>) -> Result<Replay, ScenarioError> {
    let mut table = captable::starting_table(scenario)?;
    let mut held: Vec<Vec<u128>> = table.shares.iter().map(|&shares| vec![shares]).collect();
    let mut classes: Vec<Class> = Vec::new();
    let mut pools = Vec::new();
    let mut adjustments = Vec::new();
    let mut common_rounds = Vec::new();
    for (i, round) in scenario.rounds.iter().enumerate() {
        let at = || format!("rounds[{i}]");
        let money = captable::round_money(round, i, funded_to)?;
        // The seller's shares go common first, then the most junior class first.
        let mut sale_order: Vec<usize> = (1..=classes.len()).collect();
        sale_order.sort_by_key(|&c| classes.get(c - 1).map_or((0, 0), |k| (k.rank, usize::MAX - k.round)));
        sale_order.insert(0, 0);
        let class = match round.terms {
            Some(terms) => {
                let id = class_id(&round.name, i, &classes);
                let rank = terms.seniority.unwrap_or_else(|| u32::try_from(i + 1).unwrap_or(u32::MAX));
                // Names as unique as ids: two rounds of one name make "Series A preferred (2)".
                let mut name = format!("{} preferred", round.name);
                let mut n = 2;
                while classes.iter().any(|c| c.name == name) {
                    name = format!("{} preferred ({n})", round.name);
                    n += 1;
                }
                classes.push(Class {
                    id,
                    name,
                    terms,
                    rank,
                    round: i,
                    issue_price: Ratio::ZERO,
                    round_price: Ratio::ZERO,
                    conversion_price: Ratio::ZERO,
                });
                classes.len()
            }
            None => {
                if !round.investments.is_empty() && round.valuation.is_some() {
                    common_rounds.push(round.name.clone());
                }
                0
            }
        };
        let n_classes = classes.len() + 1;
        let mut follow = Follow {
            held: &mut held,
            sale_order,
            class,
            n_classes,
            pools: &mut pools,
            amounts: &money.amounts,
            bought: 0,
            paid: 0,
        };
        let (_, _, new_money, price) = captable::apply_round(&mut table, round, &money, i, &mut follow)?;
        let (bought, paid) = (follow.bought, follow.paid);
        let Some(price) = price else { continue };
        let round_price = Ratio::new(price.dollars, price.shares).ok_or_else(|| overflow(&at()))?;
        // Earlier protected classes priced above this round adjust.
        let money_in = Ratio::whole(new_money);
        // The classes before this round's; only an issue of new shares for money adjusts them
        // (a pool top-up or a sale issues none for money).
        let earlier_count = match (bought, class) {
            (0, _) => 0,
            (_, 0) => classes.len(),
            _ => classes.len() - 1,
        };
        for earlier in classes.iter_mut().take(earlier_count) {
            let cp1 = earlier.conversion_price;
            if round_price >= cp1 {
                continue;
            }
            let cp2 = match earlier.terms.anti_dilution {
                AntiDilutionKind::None => continue,
                AntiDilutionKind::FullRatchet => round_price,
                AntiDilutionKind::BroadBased => {
                    engine::weighted_average(cp1, price.shares, money_in, Ratio::whole(bought))
                        .ok_or_else(|| overflow(&at()))?
                        .min(cp1)
                }
            };
            if cp2 == cp1 {
                continue;
            }
            let how = match earlier.terms.anti_dilution {
                AntiDilutionKind::FullRatchet => "full ratchet",
                _ => "broad-based weighted average",
            };
            adjustments.push(Adjustment {
                class: earlier.name.clone(),
                round: round.name.clone(),
                from: cp1,
                to: cp2,
                reason: format!(
                    "{} sold new shares below its conversion price: by {how} each of its shares now converts \
                     into {} common shares",
                    round.name,
                    ratio_text(earlier.round_price.checked_div(cp2).ok_or_else(|| overflow(&at()))?)
                ),
            });
            earlier.conversion_price = cp2;
        }
        if let Some(new_class) = class.checked_sub(1).and_then(|c| classes.get_mut(c)) {
            new_class.issue_price = Ratio::new(paid, bought).unwrap_or(Ratio::ZERO);
            new_class.round_price = round_price;
            new_class.conversion_price = round_price;
        }
    }
    let n_classes = classes.len() + 1;
    for row in &mut held {
        row.resize(n_classes, 0);
    }
    Ok(Replay {
        ids: table.ids.iter().map(|&id| id.to_owned()).collect(),
        names: table.names.iter().map(|&name| name.to_owned()).collect(),
        groups: table.groups.clone(),
        held,
        classes,
        pools,
        adjustments,
        common_rounds,
    })
}

/// A class id for round `i`: the round name's slug, or `round-N`, made unique.
fn class_id(name: &str, i: usize, classes: &[Class]) -> String {
    let base = match crate::edit::slug(name) {
        Some(slug) if slug != COMMON => slug,
        _ => format!("round-{}", i + 1),
    };
    let mut id = base.clone();
    let mut n = 2;
    while classes.iter().any(|c| c.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A conversion ratio for a sentence: to four decimals, rounded down, trailing zeros dropped.
fn ratio_text(ratio: Ratio) -> String {
    let units = ratio.mul_floor(10_000).map_or(0, |m| i128::try_from(m).unwrap_or(i128::MAX));
    crate::Decimal::new(units, 4).to_string()
}

/// A multiple as an exact ratio.
fn ratio_of(multiple: Multiple) -> Ratio {
    let micros = u128::try_from(multiple.micros()).unwrap_or(0);
    Ratio::new(micros, 1_000_000).unwrap_or(Ratio::ZERO)
}

/// A part of a whole in percent, for drawing only.
#[allow(clippy::cast_precision_loss)]
fn percent_of(part: u128, whole: u128) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    part as f64 / whole as f64 * 100.0
}

impl Replay {
    /// The engine's table: common and the classes, every holding, the pool
    /// unissued if the exit says so.
    fn cap_table(&self, pool: ExitPool) -> Result<CapTable, ScenarioError> {
        let mut classes = vec![ShareClass::common(COMMON, "Common")];
        for class in &self.classes {
            let participation = match (class.terms.participation, class.terms.cap) {
                (ParticipationKind::None, _) => Participation::NonParticipating,
                (ParticipationKind::Full, _) => Participation::Participating,
                (ParticipationKind::Capped, cap) => {
                    Participation::ParticipatingCapped { cap_multiple: cap.map_or(Ratio::ZERO, ratio_of) }
                }
            };
            // The engine's ratio is issue price / conversion price; the class converts at round price /
            // conversion price (one for one until a down round), so its conversion price is scaled to
            // the issue price.
            let conversion_price = if class.conversion_price == class.round_price {
                class.issue_price
            } else {
                let scale = class.conversion_price.checked_div(class.round_price).ok_or_else(|| overflow("exit"))?;
                class.issue_price.checked_mul(scale).ok_or_else(|| overflow("exit"))?
            };
            classes.push(ShareClass {
                id: class.id.clone(),
                name: class.name.clone(),
                issue_price: class.issue_price,
                conversion_price,
                preference: ratio_of(class.terms.preference),
                participation,
                seniority: class.rank,
                anti_dilution: match class.terms.anti_dilution {
                    AntiDilutionKind::None => AntiDilution::None,
                    AntiDilutionKind::BroadBased => AntiDilution::BroadBasedWeightedAverage,
                    AntiDilutionKind::FullRatchet => AntiDilution::FullRatchet,
                },
            });
        }
        let mut holdings = Vec::new();
        let mut unissued: u128 = 0;
        for (idx, (id, row)) in self.ids.iter().zip(&self.held).enumerate() {
            for (c, &shares) in row.iter().enumerate() {
                if shares == 0 {
                    continue;
                }
                // Unissued, the shares the row's pool top-ups created get nothing; any others it holds
                // (a starting stake, shares it bought) are paid as they are.
                let pooled = match (c, pool) {
                    (0, ExitPool::Unissued) => self.pools.get(idx).copied().unwrap_or(0).min(shares),
                    _ => 0,
                };
                unissued = unissued.checked_add(pooled).ok_or_else(|| overflow("exit.pool"))?;
                if shares > pooled {
                    let class = classes.get(c).map_or(COMMON, |k| k.id.as_str());
                    holdings.push(Holding { holder: id.clone(), class: class.to_owned(), shares: shares - pooled });
                }
            }
        }
        Ok(CapTable { classes, holdings, options: Vec::new(), pool: unissued, promised_options: 0 })
    }

    fn outcome(
        &self,
        scenario: &Scenario,
        table: &CapTable,
        waterfall: &engine::Waterfall,
        value: u128,
        asked: bool,
        pool: ExitPool,
    ) -> Result<Option<ExitOutcome>, ScenarioError> {
        let fail = || ScenarioError::new("exit", ErrorKind::Overflow);
        let mut classes = Vec::with_capacity(table.classes.len());
        let mut preferences: u128 = 0;
        for (c, (class, payout)) in table.classes.iter().zip(&waterfall.classes).enumerate() {
            let shares = table.holdings.iter().filter(|h| h.class == class.id).map(|h| h.shares).sum::<u128>();
            let terms = match c.checked_sub(1).and_then(|k| self.classes.get(k)) {
                Some(k) => {
                    let preference = class.preference.checked_mul(class.issue_price).ok_or_else(fail)?;
                    preferences = preferences.saturating_add(preference.mul_floor(shares).ok_or_else(fail)?);
                    terms_in_words(&k.terms, k.rank)
                }
                None => "no preference".to_owned(),
            };
            classes.push(ExitClass {
                id: class.id.clone(),
                name: class.name.clone(),
                terms,
                shares,
                issue_price: class.issue_price,
                conversion_ratio: class.conversion_ratio().ok_or_else(fail)?,
                amount: payout.amount,
                percent: percent_of(payout.amount, value),
                choice: payout.choice,
                choice_label: choice_label(payout.choice),
                reason: payout.reason.clone(),
            });
        }
        // One pass each over the payouts and the holdings, by holder, so that a table of
        // thousands of holders costs no more than a few passes.
        let paid_by: std::collections::HashMap<&str, u128> =
            waterfall.holders.iter().map(|h| (h.holder.as_str(), h.amount)).collect();
        let mut held_by: std::collections::HashMap<&str, Vec<(String, u128)>> = std::collections::HashMap::new();
        for holding in &table.holdings {
            let name = table.classes.iter().find(|k| k.id == holding.class).map_or("", |k| k.name.as_str());
            held_by.entry(holding.holder.as_str()).or_default().push((name.to_owned(), holding.shares));
        }
        let mut holders = Vec::new();
        for (idx, id) in self.ids.iter().enumerate() {
            let Some(&amount) = paid_by.get(id.as_str()) else { continue };
            let holdings = held_by.remove(id.as_str()).unwrap_or_default();
            holders.push(ExitHolder {
                id: id.clone(),
                name: self.names.get(idx).cloned().unwrap_or_else(|| scenario.holder_name(id).to_owned()),
                group: self.groups.get(idx).copied().unwrap_or(false),
                amount,
                percent: percent_of(amount, value),
                holdings,
            });
        }
        Ok(Some(ExitOutcome {
            value,
            asked,
            pool,
            classes,
            holders,
            adjustments: self.adjustments.clone(),
            common_rounds: self.common_rounds.clone(),
            per_share: waterfall.per_share,
            preferences,
            error: None,
        }))
    }
}
