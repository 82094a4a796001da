//! The sensitivity map: one holder's stake, and one term's status, over a grid
//! of sizes and valuations of the last round, computed exactly and cheaply.
//!
//! A cell is the scenario with the last round's cheques scaled to a total
//! round size (shared out in proportion to the cheques as they are, by largest
//! remainders, so they add up to it exactly) and its valuation set, in the
//! round's own basis (pre- or post-money). [`scenario_at`] builds that
//! scenario; every cell of [`grid`] is exactly what [`crate::evaluate`] gives
//! for it, or `None` where it does not evaluate (tests check every cell).
//!
//! It does not evaluate the scenario once per cell. The table before the last
//! round is the same for every cell, so it is built once; each cell applies
//! only the last round to a copy of it, with the cap table's own arithmetic,
//! and judges only the one term, without writing its reason. The axes run from
//! 1/`half` to twice the round's size and valuation, so the scenario as it is
//! is the cell (`half - 1`, `half - 1`).

use crate::captable::{self, Money, Table};
use crate::edit::ValuationBasis;
use crate::error::{ErrorKind, ScenarioError};
use crate::scenario::{Scenario, Valuation};
use crate::terms::{Stakes, Status, TermProbe};
use crate::validate::MAX_DOLLARS;
use crate::{evaluate, Dollars};

/// Cells per axis the widget draws.
pub const STEPS: usize = 64;

/// The fewest and most cells per axis [`grid`] computes.
pub const STEPS_RANGE: (usize, usize) = (2, 256);

/// One cell of the map: the holder's shares and the term's status after the last round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The holder's shares after the round; zero when it holds none.
    pub shares: u128,
    /// All shares after the round.
    pub total: u128,
    /// The term's status, or `None` when the regime judged has no such term.
    pub status: Option<Status>,
}

impl Cell {
    /// The stake in millionths of a percentage point, rounded down.
    ///
    /// ```
    /// let cell = fortress_core::sensitivity::Cell { shares: 1, total: 3, status: None };
    /// assert_eq!(cell.stake_micros(), 33_333_333);
    /// ```
    pub fn stake_micros(&self) -> u64 {
        let micros = captable::mul_div(self.shares, 100_000_000, self.total).unwrap_or(0);
        u64::try_from(micros).unwrap_or(u64::MAX)
    }
}

/// The map: the axes, where the scenario as it is sits, and every cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// How the valuations are read: the last round's own basis.
    pub basis: ValuationBasis,
    /// The total new money of each column, in dollars, ascending.
    pub round_sizes: Vec<u128>,
    /// The valuation of each row, in dollars, ascending.
    pub valuations: Vec<u128>,
    /// The (column, row) of the scenario as it is.
    pub current: (usize, usize),
    /// Row by row (`row * columns + column`); `None` where the scenario does not evaluate.
    pub cells: Vec<Option<Cell>>,
}

impl Grid {
    /// The cell at a column and row, if it evaluates.
    pub fn cell(&self, column: usize, row: usize) -> Option<&Cell> {
        let columns = self.round_sizes.len();
        if column >= columns {
            return None;
        }
        self.cells.get(row.checked_mul(columns)?.checked_add(column)?)?.as_ref()
    }
}

/// Computes the map for `holder` and the term `term` with `steps` cells per
/// axis (clamped to [`STEPS_RANGE`], and made even).
///
/// Fails only when the scenario itself does not evaluate, or when its last
/// round cannot be scaled: there is no round, it has no cheques, or no valuation.
///
/// ```
/// use fortress_core::{evaluate, presets, sensitivity};
/// let scenario = presets::feb_2026_pre_money();
/// let grid = sensitivity::grid(&scenario, "microsoft", "azure-api-exclusivity", 64).unwrap();
/// // The round as it is, $110B at $730B pre-money, is cell (31, 31).
/// assert_eq!(grid.current, (31, 31));
/// assert_eq!((grid.round_sizes[31], grid.valuations[31]), (110_000_000_000, 730_000_000_000));
/// let here = grid.cell(31, 31).unwrap();
/// assert_eq!(here.stake_micros(), 23_464_285); // 23.4643%, as the cap table says
/// // Half the money at the same valuation dilutes Microsoft less.
/// assert!(grid.cell(15, 31).unwrap().stake_micros() > here.stake_micros());
/// ```
pub fn grid(scenario: &Scenario, holder: &str, term: &str, steps: usize) -> Result<Grid, ScenarioError> {
    let outcome = evaluate(scenario)?;
    let shape = LastRound::of(scenario)?;
    let steps = steps.clamp(STEPS_RANGE.0, STEPS_RANGE.1) & !1;
    let half = steps / 2;
    let axis = |at: u128| -> Vec<u128> {
        (1..=steps).map(|k| captable::mul_div(at, k as u128, half as u128).unwrap_or(u128::MAX)).collect()
    };
    let round_sizes = axis(shape.round_size);
    let valuations = axis(shape.valuation);

    let mut base = captable::table_after(scenario, shape.index)?;
    let last = outcome.last_stage().ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
    let probe = TermProbe::new(scenario, last, term);
    let round = scenario.rounds.get(shape.index).ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
    // Room for every holder the round can add, so that no cell allocates.
    base.reserve(round.investments.len() + round.secondaries.len() + 1);

    // Column by column: the cheques depend on the round size only, so they are
    // shared out once per column, and only the valuation changes down it.
    let columns = round_sizes.len();
    let mut cells = vec![None; columns * valuations.len()];
    let mut scratch = base.clone();
    for (column, &round_size) in round_sizes.iter().enumerate() {
        let Some(amounts) = shape.amounts_in_bounds(round_size) else { continue };
        let mut money = Money { amounts, valuation: None };
        for (row, &valuation) in valuations.iter().enumerate() {
            let Some(valuation) = shape.valuation_at(valuation, round_size) else { continue };
            money.valuation = Some(valuation);
            scratch.clone_from(&base);
            let cell = cell_after(&mut scratch, round, &money, shape.index, holder, probe.as_ref());
            if let Some(slot) = cells.get_mut(row * columns + column) {
                *slot = cell;
            }
        }
    }
    Ok(Grid { basis: shape.basis, round_sizes, valuations, current: (half - 1, half - 1), cells })
}

/// The scenario of one cell: the last round's cheques scaled to add up to
/// `round_size` (in proportion to the cheques as they are, by largest
/// remainders) and its valuation set to `valuation`, in the round's basis.
/// This is the edit a click on the map makes. Like the edits in
/// [`crate::edit`], the result is not validated: [`crate::evaluate`] names
/// any field out of bounds.
///
/// ```
/// use fortress_core::{presets, sensitivity};
/// let scenario = presets::feb_2026_pre_money();
/// let scaled = sensitivity::scenario_at(&scenario, 55_000_000_000, 1_000_000_000_000).unwrap();
/// let amounts: Vec<i64> = scaled.rounds[0].investments.iter().map(|i| i.amount.0).collect();
/// assert_eq!(amounts, [25_000_000_000, 15_000_000_000, 15_000_000_000]);
/// ```
pub fn scenario_at(scenario: &Scenario, round_size: u128, valuation: u128) -> Result<Scenario, ScenarioError> {
    let shape = LastRound::of(scenario)?;
    let amounts = shape.amounts(round_size).ok_or_else(|| overflow(shape.index))?;
    let valuation = Dollars(i64::try_from(valuation).map_err(|_| overflow(shape.index))?);
    let mut scaled = scenario.clone();
    let round = scaled.rounds.get_mut(shape.index).ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
    for (investment, amount) in round.investments.iter_mut().zip(amounts) {
        investment.amount = Dollars(i64::try_from(amount).map_err(|_| overflow(shape.index))?);
    }
    round.valuation = Some(match shape.basis {
        ValuationBasis::PreMoney => Valuation::PreMoney(valuation),
        ValuationBasis::PostMoney => Valuation::PostMoney(valuation),
    });
    Ok(scaled)
}

/// What the map needs of the last round.
struct LastRound {
    index: usize,
    basis: ValuationBasis,
    valuation: u128,
    round_size: u128,
    /// The cheques as they are: the weights every scaled round keeps.
    weights: Vec<u128>,
}

impl LastRound {
    fn of(scenario: &Scenario) -> Result<LastRound, ScenarioError> {
        let index =
            scenario.rounds.len().checked_sub(1).ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
        let round = scenario.rounds.get(index).ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
        let (basis, valuation) = match round.valuation {
            Some(Valuation::PreMoney(v)) => (ValuationBasis::PreMoney, v),
            Some(Valuation::PostMoney(v)) => (ValuationBasis::PostMoney, v),
            None => return Err(ScenarioError::new(format!("rounds[{index}].valuation"), ErrorKind::ValuationRequired)),
        };
        let valuation = valuation.unsigned().ok_or_else(|| overflow(index))?;
        let weights = round
            .investments
            .iter()
            .map(|i| i.amount.unsigned().ok_or_else(|| overflow(index)))
            .collect::<Result<Vec<u128>, ScenarioError>>()?;
        let round_size = weights.iter().try_fold(0u128, |sum, &w| sum.checked_add(w)).ok_or_else(|| overflow(index))?;
        if round_size == 0 {
            return Err(ScenarioError::new(format!("rounds[{index}].investments"), ErrorKind::Empty));
        }
        Ok(LastRound { index, basis, valuation, round_size, weights })
    }

    /// The cheques scaled to add up to `round_size`.
    fn amounts(&self, round_size: u128) -> Option<Vec<u128>> {
        captable::share_out(round_size, &self.weights, self.round_size)
    }

    /// The cheques scaled to `round_size`, or `None` when validation would
    /// refuse one of them (zero, or beyond [`MAX_DOLLARS`]).
    fn amounts_in_bounds(&self, round_size: u128) -> Option<Vec<u128>> {
        let amounts = self.amounts(round_size)?;
        amounts.iter().all(|&a| in_bounds(a)).then_some(amounts)
    }

    /// The valuation of a cell, or `None` when validation would refuse it:
    /// out of bounds, or a post-money valuation not above the new money.
    fn valuation_at(&self, valuation: u128, round_size: u128) -> Option<Valuation> {
        if !in_bounds(valuation) {
            return None;
        }
        let dollars = Dollars(i64::try_from(valuation).ok()?);
        match self.basis {
            ValuationBasis::PreMoney => Some(Valuation::PreMoney(dollars)),
            ValuationBasis::PostMoney if valuation > round_size => Some(Valuation::PostMoney(dollars)),
            ValuationBasis::PostMoney => None,
        }
    }
}

/// An amount or valuation validation accepts: 1 dollar to [`MAX_DOLLARS`].
fn in_bounds(dollars: u128) -> bool {
    (1..=u128::from(MAX_DOLLARS.unsigned_abs())).contains(&dollars)
}

/// Applies the last round with `money` to `table` (the table before it) and
/// reads the cell, or `None` where evaluating would fail.
fn cell_after<'a>(
    table: &mut Table<'a>,
    round: &'a crate::Round,
    money: &Money,
    index: usize,
    holder: &str,
    probe: Option<&TermProbe<'_>>,
) -> Option<Cell> {
    let (_, post_money, _, _) = captable::apply_round(table, round, money, index).ok()?;
    let total = table.total();
    // Evaluating shares the post-money valuation out by shares; it fails when
    // that product overflows, and so must the cell.
    let largest = table.shares.iter().copied().max().unwrap_or(0);
    if total == 0 || post_money.is_some_and(|post| post.checked_mul(largest).is_none()) {
        return None;
    }
    let shares = table.find(holder).and_then(|idx| table.shares.get(idx).copied()).unwrap_or(0);
    let stakes = Stakes { ids: &table.ids, groups: &table.groups, shares: &table.shares, total };
    Some(Cell { shares, total, status: probe.map(|probe| probe.status(&stakes)) })
}

fn overflow(index: usize) -> ScenarioError {
    ScenarioError::new(format!("rounds[{index}]"), ErrorKind::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Pool, PoolBasis, Secondary, WhatIf};
    use crate::{presets, Percent};

    /// The scenarios the exactness test walks: every preset, with and without
    /// the what-ifs the widget offers, and one with a pool and secondaries.
    fn scenarios() -> Vec<Scenario> {
        // Every preset with a round (the October 2025 one has none).
        let mut out: Vec<Scenario> =
            presets::ALL.iter().map(|p| (p.build)()).filter(|s| !s.rounds.is_empty()).collect();
        let mut floor = presets::feb_2026_pre_money();
        floor.whatifs = vec![
            WhatIf::StakeBelow {
                holder: "microsoft".into(),
                percent: Percent::from_micros(22_000_000),
                term: "azure-api-exclusivity".into(),
            },
            WhatIf::Outweighed { holder: "microsoft".into(), term: "azure-api-exclusivity".into() },
        ];
        out.push(floor);
        let mut pooled = presets::feb_2026_post_money();
        if let Some(round) = pooled.rounds.last_mut() {
            round.pool = Some(Pool {
                percent: Percent::from_micros(5_000_000),
                sized: PoolBasis::PostMoney,
                holder: None,
                name: None,
            });
            round.secondaries = vec![Secondary {
                seller: "others".into(),
                buyer: "softbank".into(),
                name: Some("SoftBank".into()),
                percent: None,
                amount: Some(Dollars(20_000_000_000)),
            }];
        }
        pooled.whatifs = vec![WhatIf::HolderAbove {
            percent: Percent::from_micros(40_000_000),
            term: "azure-api-exclusivity".into(),
        }];
        out.push(pooled);
        out
    }

    /// Every cell is what evaluating its scenario gives: the same shares, the
    /// same total, the same term status, and `None` exactly where it fails.
    #[test]
    fn every_cell_is_what_evaluate_gives() {
        for scenario in scenarios() {
            evaluate(&scenario).unwrap();
            for holder in ["microsoft", "amazon", "option-pool", "nobody"] {
                let grid = grid(&scenario, holder, "azure-api-exclusivity", 16).unwrap();
                for (row, &valuation) in grid.valuations.iter().enumerate() {
                    for (column, &round_size) in grid.round_sizes.iter().enumerate() {
                        let at = scenario_at(&scenario, round_size, valuation).unwrap();
                        let want = evaluate(&at).ok().map(|outcome| {
                            let last = outcome.last_stage().unwrap();
                            let shares = last.holder(holder).map_or(0, |row| row.shares);
                            let status =
                                outcome.terms.iter().find(|t| t.id == "azure-api-exclusivity").map(|t| t.status);
                            Cell { shares, total: last.total_shares, status }
                        });
                        let got = grid.cell(column, row).copied();
                        assert_eq!(got, want, "{} {holder} at ({column}, {row})", scenario.title);
                    }
                }
            }
        }
    }

    #[test]
    fn the_scenario_as_it_is_is_the_marked_cell() {
        for scenario in scenarios() {
            let outcome = evaluate(&scenario).unwrap();
            let last = outcome.last_stage().unwrap();
            let grid = grid(&scenario, "microsoft", "azure-api-exclusivity", STEPS).unwrap();
            let (column, row) = grid.current;
            let cell = grid.cell(column, row).unwrap();
            assert_eq!((cell.shares, cell.total), (last.holder("microsoft").unwrap().shares, last.total_shares));
            assert_eq!(scenario_at(&scenario, grid.round_sizes[column], grid.valuations[row]).unwrap(), scenario);
            assert_eq!(grid.cells.len(), STEPS * STEPS);
        }
    }

    #[test]
    fn a_post_money_valuation_below_the_round_has_no_cell() {
        let scenario = presets::feb_2026_post_money();
        let grid = grid(&scenario, "microsoft", "azure-api-exclusivity", 64).unwrap();
        // $730B post-money / 32 is below $110B of new money.
        assert_eq!(grid.cell(31, 0), None);
        assert!(grid.cell(0, 0).is_some());
    }

    #[test]
    fn scenarios_without_a_round_to_scale_are_errors() {
        let recap = presets::oct_2025_recap();
        assert_eq!(grid(&recap, "microsoft", "azure-api-exclusivity", 8).unwrap_err().field, "rounds");
        let mut unpriced = presets::feb_2026_pre_money();
        unpriced.rounds[0].valuation = None;
        assert!(scenario_at(&unpriced, 1, 1).is_err());
        // Step counts are clamped and made even.
        let scenario = presets::feb_2026_pre_money();
        assert_eq!(grid(&scenario, "microsoft", "x", 1).unwrap().round_sizes.len(), 2);
        assert_eq!(grid(&scenario, "microsoft", "x", 7).unwrap().round_sizes.len(), 6);
        assert_eq!(grid(&scenario, "microsoft", "x", 7).unwrap().cell(2, 2).unwrap().status, None);
    }
}
