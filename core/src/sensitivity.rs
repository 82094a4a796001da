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
//! round is the same for every cell, so it is built once, and each cell
//! judges only the one term, without writing its reason. The cheques are
//! shared out once per column, and each times the shares before the round
//! (the numerator of the shares it buys) is made there too.
//!
//! When the last round is plain cheques at a price (no pool top-up, no
//! secondaries), as the presets' rounds are, the holders after it are the
//! same in every cell, and only the investors' shares change. So a cell
//! copies no table: it works out each investor's shares, `floor(cheque *
//! shares before / pre-money)`, with the cap table's exact division (an `f64`
//! estimate fixed up in integers, see `arith::Divisor`), writes them into
//! one list, and reads the holder's shares, the total and the term from it.
//! Wherever that could meet what makes evaluating fail (a product that
//! overflows), it leaves the cell to the full way, as it does every cell of
//! a round with a pool or secondaries: the last round applied to a copy of
//! the table before it with `captable::apply_round`, as evaluating does.
//!
//! The axes run from 1/`half` to twice the round's size and valuation, so
//! the scenario as it is is the cell (`half - 1`, `half - 1`).

use crate::arith::{self, Divisor};
use crate::captable::{self, Money, Table};
use crate::edit::{self, ValuationBasis};
use crate::error::{ErrorKind, ScenarioError};
use crate::scenario::{Scenario, Valuation};
use crate::terms::{self, BoundProbe, Stakes, Status, TermProbe};
use crate::validate::MAX_DOLLARS;
use crate::{Date, Dollars};

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
        let micros = arith::mul_div(self.shares, 100_000_000, self.total).unwrap_or(0);
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
    /// The axes' span in words: "from 1/32 to twice the round as it is".
    ///
    /// ```
    /// use fortress_core::{presets, sensitivity};
    /// let grid = sensitivity::grid(&presets::feb_2026_pre_money(), "microsoft", "azure-api-exclusivity", 64).unwrap();
    /// assert_eq!(grid.span(), "from 1/32 to twice the round as it is");
    /// ```
    pub fn span(&self) -> String {
        format!("from 1/{} to twice the round as it is", self.round_sizes.len() / 2)
    }

    /// Each cell's shade on a light-to-dark ramp of the stakes (0 for the map's
    /// smallest stake, 255 for its largest), row by row as `cells`; `None`
    /// where the scenario would not evaluate. For drawing only: from `f64`
    /// ratios, never from exact figures.
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    pub fn shades(&self) -> Vec<Option<u8>> {
        let ratio = |cell: &Cell| if cell.total == 0 { 0.0 } else { cell.shares as f64 / cell.total as f64 };
        let (low, high) =
            self.cells.iter().flatten().map(ratio).fold((f64::MAX, f64::MIN), |(lo, hi), r| (lo.min(r), hi.max(r)));
        let span = if high > low { high - low } else { 1.0 };
        self.cells.iter().map(|cell| cell.as_ref().map(|cell| ((ratio(cell) - low) / span * 255.0) as u8)).collect()
    }

    /// The cell at a column and row, if it evaluates.
    pub fn cell(&self, column: usize, row: usize) -> Option<&Cell> {
        let columns = self.round_sizes.len();
        if column >= columns {
            return None;
        }
        self.cells.get(row.checked_mul(columns)?.checked_add(column)?)?.as_ref()
    }
}

/// Whether the scenario has a map: its last round has a valuation and cheques
/// to scale. (A map can still fail to compute, if the scenario does not evaluate.)
///
/// ```
/// use fortress_core::{presets, sensitivity};
/// assert!(sensitivity::mappable(&presets::feb_2026_pre_money()));
/// assert!(!sensitivity::mappable(&presets::oct_2025_recap()));
/// ```
pub fn mappable(scenario: &Scenario) -> bool {
    LastRound::of(scenario).is_ok()
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
    // What `evaluate` does, but for judging every term in words, which cannot fail.
    crate::validate(scenario)?;
    let deal = crate::deal::of(scenario)?;
    let funded_to = terms::funded_to(scenario, deal);
    let (stages, _) = captable::stages(scenario, funded_to)?;
    let shape = LastRound::of(scenario)?;
    let steps = steps.clamp(STEPS_RANGE.0, STEPS_RANGE.1) & !1;
    let half = steps / 2;
    let axis = |at: u128| -> Vec<u128> {
        (1..=steps).map(|k| arith::mul_div(at, k as u128, half as u128).unwrap_or(u128::MAX)).collect()
    };
    let round_sizes = axis(shape.round_size);
    let valuations = axis(shape.valuation);

    let base = captable::table_after(scenario, shape.index, funded_to)?;
    let last = stages.last().ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
    let probe = TermProbe::new(scenario, deal, last, term);
    let round = scenario.rounds.get(shape.index).ok_or_else(|| ScenarioError::new("rounds", ErrorKind::Empty))?;
    let mut cheques = Cheques::new(&base, round, holder);
    let bound = cheques.as_ref().and_then(|cheques| Some(probe.as_ref()?.bind(&cheques.stakes(0))));
    let mut full = FullRound::new(base, round, shape.index, holder);

    // The cheques depend on the round size only, so they are shared out once
    // per column; the valuation is checked once per row.
    let fully_diluted = full.base.total().ok_or_else(|| overflow(shape.index))?;
    let mut columns: Vec<Option<Column>> =
        round_sizes.iter().map(|&round_size| Column::new(&shape, round_size, fully_diluted)).collect();
    let rows: Vec<Option<Valuation>> = valuations.iter().map(|&valuation| shape.valuation_at(valuation)).collect();
    let mut cells = Vec::with_capacity(columns.len() * rows.len());
    for &row in &rows {
        cells.extend(columns.iter_mut().zip(&round_sizes).map(|(column, &round_size)| {
            let column = column.as_mut()?;
            let valuation = row.filter(|&valuation| LastRound::allows(valuation, round_size))?;
            let quick = cheques.as_mut().and_then(|cheques| cheques.cell(column, valuation, bound.as_ref()));
            quick.or_else(|| full.cell(column, valuation, probe.as_ref()))
        }));
    }
    Ok(Grid { basis: shape.basis, round_sizes, valuations, current: (half - 1, half - 1), cells })
}

/// One column of the map: the cheques shared out to its round size, and what
/// the quick way needs of them.
struct Column {
    /// The cheques (their counted parts), and a valuation the full way sets per cell.
    money: Money,
    /// The money counted: all of it, unless the scenario counts only what was funded.
    counted: Option<u128>,
    /// Each cheque times the fully diluted shares before the round: the
    /// numerator of the shares it buys, with that product as an `f64` for the
    /// quick division; `None` where a product overflows, which the quick way
    /// leaves to the full one.
    numerators: Option<Vec<(u128, f64)>>,
}

impl Column {
    /// `None` when validation would refuse a cheque scaled to `round_size`.
    fn new(shape: &LastRound, round_size: u128, fully_diluted: u128) -> Option<Column> {
        let amounts = shape.counted_in_bounds(round_size)?;
        let numerators = (amounts.iter())
            .map(|&amount| amount.checked_mul(fully_diluted).map(|product| (product, arith::approx_f64(product))))
            .collect();
        let counted = amounts.iter().try_fold(0u128, |sum, &amount| sum.checked_add(amount));
        Some(Column { money: Money { amounts, committed: round_size, valuation: None }, counted, numerators })
    }
}

/// The last round as the map applies it per cell, when it is cheques at a
/// price and nothing else (no pool top-up, no secondaries): then the holders
/// after it are the same in every cell, the round adds its investors whatever
/// their cheques, and only the investors' shares change. So no table is
/// copied: each cell writes the investors' shares into one list and reads
/// the cell from it, with the cap table's own arithmetic.
struct Cheques<'a> {
    /// The holders after the round, as [`captable::apply_round`] lists them.
    ids: Vec<&'a str>,
    groups: Vec<bool>,
    /// Their shares: as before the round, but for the investors', which each cell writes.
    shares: Vec<u128>,
    /// Each cheque's holder, by index, and the shares it held before the round.
    investors: Vec<(usize, u128)>,
    /// All shares before the round: the price's share count.
    fully_diluted: u128,
    /// The most shares a holder who writes no cheque holds.
    largest_other: u128,
    /// The index of the holder the map is for.
    focus: Option<usize>,
    /// The last cell's price, to divide by: its pre-money valuation.
    price: Option<Divisor>,
}

impl<'a> Cheques<'a> {
    /// `None` when the round is not plain cheques, and the map applies it in full.
    fn new(base: &Table<'a>, round: &'a crate::Round, holder: &str) -> Option<Cheques<'a>> {
        if round.pool.is_some() || !round.secondaries.is_empty() {
            return None;
        }
        let mut table = base.clone();
        let idxs: Vec<usize> = (round.investments.iter())
            .map(|investment| table.holder_idx(&investment.holder, investment.name.as_deref(), false))
            .collect();
        let mut invests = vec![false; table.ids.len()];
        let mut investors = Vec::with_capacity(idxs.len());
        for idx in idxs {
            // Validation refuses a holder twice in one round; the quick way relies on it.
            if std::mem::replace(invests.get_mut(idx)?, true) {
                return None;
            }
            investors.push((idx, table.shares.get(idx).copied()?));
        }
        let largest_other =
            table.shares.iter().zip(&invests).filter(|(_, &invests)| !invests).map(|(&shares, _)| shares).max();
        Some(Cheques {
            fully_diluted: base.total()?,
            largest_other: largest_other.unwrap_or(0),
            focus: table.find(holder),
            price: None,
            investors,
            ids: table.ids,
            groups: table.groups,
            shares: table.shares,
        })
    }

    /// The stakes as the list stands, with `total` shares in all.
    fn stakes(&self, total: u128) -> Stakes<'_> {
        Stakes { ids: &self.ids, groups: &self.groups, shares: &self.shares, total }
    }

    /// The cell with `column`'s cheques at `valuation`, as [`FullRound::cell`]
    /// reads it, or `None` when the quick way cannot say: wherever applying
    /// the round could fail or an unchecked sum could overflow, the caller
    /// applies the round in full instead.
    fn cell(&mut self, column: &Column, valuation: Valuation, probe: Option<&BoundProbe<'_, '_>>) -> Option<Cell> {
        let (pre, _) = captable::pre_and_post(valuation, column.money.committed)?;
        let post = pre.checked_add(column.counted?)?;
        // No price at zero: that round issues no shares, and is left to the full way.
        let price = match self.price {
            // A row of pre-money valuations has one price all along.
            Some(price) if price.divisor() == pre => price,
            _ => *self.price.insert(Divisor::new(pre)?),
        };
        let mut total = self.fully_diluted;
        let mut largest = self.largest_other;
        for (&(idx, before), &(numerator, approx)) in self.investors.iter().zip(column.numerators.as_ref()?) {
            // Each cheque buys floor(amount * fully diluted / pre) shares, as
            // `arith::mul_div` gives it, with the product made once per column.
            let bought = price.div_rem_near(numerator, approx).0;
            let held = before.checked_add(bought)?;
            *self.shares.get_mut(idx)? = held;
            total = total.checked_add(bought)?;
            largest = largest.max(held);
        }
        // Evaluating shares the post-money valuation out by shares, which fails
        // when a product overflows; that cell is left to the full way. (Two
        // numbers below 2^64 cannot overflow, and the test needs no product.)
        if u64::try_from(post).is_err() || u64::try_from(largest).is_err() {
            post.checked_mul(largest)?;
        }
        if total == 0 {
            return None;
        }
        let shares = self.focus.and_then(|idx| self.shares.get(idx).copied()).unwrap_or(0);
        Some(Cell { shares, total, status: probe.map(|probe| probe.status(&self.stakes(total))) })
    }
}

/// The last round applied in full to a copy of the table before it, with the
/// cap table's own [`captable::apply_round`]: any round, any cell.
struct FullRound<'a> {
    base: Table<'a>,
    scratch: Table<'a>,
    round: &'a crate::Round,
    index: usize,
    holder: &'a str,
}

impl<'a> FullRound<'a> {
    fn new(mut base: Table<'a>, round: &'a crate::Round, index: usize, holder: &'a str) -> FullRound<'a> {
        // Room for every holder the round can add, in the copy each cell makes
        // (which keeps its lists from cell to cell) and in the table's index,
        // whose size the copy takes: so that no cell allocates.
        let more = round.investments.len() + round.secondaries.len() + 1;
        base.reserve(more);
        let mut scratch = base.clone();
        scratch.reserve(more);
        FullRound { base, scratch, round, index, holder }
    }

    /// The cell with `column`'s cheques at `valuation`, or `None` where evaluating would fail.
    fn cell(&mut self, column: &mut Column, valuation: Valuation, probe: Option<&TermProbe<'_>>) -> Option<Cell> {
        column.money.valuation = Some(valuation);
        let table = &mut self.scratch;
        table.clone_from(&self.base);
        let (_, post_money, _, _) =
            captable::apply_round(table, self.round, &column.money, self.index, &mut ()).ok()?;
        let total = table.total()?;
        // Evaluating shares the post-money valuation out by shares; it fails when
        // that product overflows, and so must the cell.
        let largest = table.shares.iter().copied().max().unwrap_or(0);
        if total == 0 || post_money.is_some_and(|post| post.checked_mul(largest).is_none()) {
            return None;
        }
        let shares = table.find(self.holder).and_then(|idx| table.shares.get(idx).copied()).unwrap_or(0);
        let stakes = Stakes { ids: &table.ids, groups: &table.groups, shares: &table.shares, total };
        Some(Cell { shares, total, status: probe.map(|probe| probe.status(&stakes)) })
    }
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
        let amount = Dollars(i64::try_from(amount).map_err(|_| overflow(shape.index))?);
        edit::set_investment_amount(investment, amount);
    }
    round.valuation = Some(match shape.basis {
        ValuationBasis::PreMoney => Valuation::PreMoney(valuation),
        ValuationBasis::PostMoney => Valuation::PostMoney(valuation),
    });
    Ok(scaled)
}

/// A holder's proceeds at a fixed sale over a map's cells (the full build's):
/// what the holder would get if the company were sold for `value` after the
/// round of each cell. ([`proceeds`] and [`proceeds_at`] are the full build's.)
///
/// Each cell's proceeds take a waterfall of their own, so a large scenario
/// is sampled: every `stride`-th cell across and up (the cells whose column
/// and row are multiples of it) is worked out, and colours its block of
/// `stride` x `stride` cells. [`proceeds_at`] works out any one cell exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Proceeds {
    /// The sale price, in dollars: the scenario's exit, or else its last
    /// post-money valuation as it is (the same for every cell).
    pub value: u128,
    /// 1 when every cell is worked out; else the sampling step (a power of two).
    pub stride: usize,
    /// Row by row, as [`Grid::cells`]: the holder's whole dollars at that
    /// sale, at the sampled cell of each block; `None` where it does not evaluate.
    pub cells: Vec<Option<u128>>,
    /// What every cell's exit shares, kept to work out any one cell ([`Proceeds::at`]).
    #[cfg(feature = "full")]
    sale: Sale,
}

impl Proceeds {
    /// Each cell's shade on a light-to-dark ramp (0 for the map's smallest
    /// proceeds, 255 for its largest), as [`Grid::shades`]. For drawing only.
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    pub fn shades(&self) -> Vec<Option<u8>> {
        let (low, high) = self.cells.iter().flatten().fold((u128::MAX, 0), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        let span = high.saturating_sub(low).max(1) as f64;
        self.cells.iter().map(|cell| cell.map(|v| ((v.saturating_sub(low)) as f64 / span * 255.0) as u8)).collect()
    }

    /// The proceeds at a column and row, when that cell was worked out (every
    /// cell when `stride` is 1, else the sampled ones) and evaluates.
    pub fn cell(&self, grid: &Grid, column: usize, row: usize) -> Option<u128> {
        let columns = grid.round_sizes.len();
        if column >= columns || !column.is_multiple_of(self.stride) || !row.is_multiple_of(self.stride) {
            return None;
        }
        *self.cells.get(row.checked_mul(columns)?.checked_add(column)?)?
    }
}

/// The most cell-holder-rounds a proceeds map works out (cells sampled x the
/// holders after the round x the rounds and one): about a tenth of a second
/// natively, some four times that in a browser. A larger map is sampled.
#[cfg(feature = "full")]
pub const PROCEEDS_WORK: usize = 80_000;

/// What every cell's exit shares: the scenario without its words, the sale, the day money counts to.
#[cfg(feature = "full")]
#[derive(Clone, Debug, PartialEq)]
struct Sale {
    bare: Scenario,
    exit: crate::Exit,
    funded_to: Option<Date>,
}

#[cfg(feature = "full")]
impl Sale {
    /// The sale of the scenario's exit, or `None` when it has none to show.
    fn of(scenario: &Scenario) -> Result<Option<Sale>, ScenarioError> {
        if !crate::exit::has_exit(scenario) {
            return Ok(None);
        }
        // The sale price alone: the scenario's own exit is not shared out here.
        let (funded_to, sale) = crate::exit::sale_of(scenario)?;
        let Some(sale) = sale else { return Ok(None) };
        let value = Dollars(i64::try_from(sale.value).map_err(|_| overflow(0))?);
        // What no cell's exit reads (the words around the figures, the baseline) is left out of the
        // copy each cell makes.
        let bare = Scenario { sources: Vec::new(), notes: Vec::new(), compare: None, ..scenario.clone() };
        Ok(Some(Sale { bare, exit: crate::Exit { value, pool: sale.pool }, funded_to }))
    }

    /// The holder's whole dollars at this sale after the round of one cell.
    fn at(&self, holder: &str, round_size: u128, valuation: u128) -> Option<u128> {
        let mut cell = scenario_at(&self.bare, round_size, valuation).ok()?;
        cell.exit = Some(self.exit);
        crate::validate(&cell).ok()?;
        let shared = crate::exit::evaluate_exit(&cell, self.funded_to, None).ok()??;
        Some(shared.holders.iter().find(|h| h.id == holder).map_or(0, |h| h.amount))
    }
}

/// `holder`'s proceeds over `grid`'s cells at one sale price, when the
/// scenario has an exit to show (`exit::has_exit`: a sale price or class
/// terms); `None` otherwise. Each cell worked out is the scenario of
/// [`scenario_at`] sold for the same price, shared out by the exit waterfall
/// exactly as [`crate::evaluate`] would (a cell it refuses, or whose exit is
/// too large to compute, is `None`). Within [`PROCEEDS_WORK`] every cell is
/// worked out; past it, a sample ([`Proceeds::stride`]).
///
/// ```
/// use fortress_core::{presets, sensitivity};
/// let scenario = presets::exit_what_if();
/// let grid = sensitivity::grid(&scenario, "amazon", "azure-api-exclusivity", 8).unwrap();
/// let proceeds = sensitivity::proceeds(&scenario, &grid, "amazon").unwrap().unwrap();
/// // The round as it is: Amazon's $50B preference at the $500B sale.
/// let (column, row) = grid.current;
/// assert_eq!((proceeds.stride, proceeds.cell(&grid, column, row)), (1, Some(50_000_000_000)));
/// ```
#[cfg(feature = "full")]
pub fn proceeds(scenario: &Scenario, grid: &Grid, holder: &str) -> Result<Option<Proceeds>, ScenarioError> {
    let Some(sale) = Sale::of(scenario)? else { return Ok(None) };
    let steps = grid.round_sizes.len();
    // At most this many holders after the rounds: the starting ones, each cheque's and each buyer's.
    let holders = scenario.holders.len()
        + scenario.rounds.iter().map(|r| r.investments.len() + r.secondaries.len() + 1).sum::<usize>();
    let per_cell = holders.max(1).saturating_mul(scenario.rounds.len() + 1);
    let mut stride = 1;
    while stride < steps && (steps / stride).pow(2).saturating_mul(per_cell) > PROCEEDS_WORK {
        stride *= 2;
    }
    let mut cells = vec![None; grid.cells.len()];
    for row in (0..grid.valuations.len()).step_by(stride) {
        for column in (0..steps).step_by(stride) {
            let (Some(&valuation), Some(&round_size)) = (grid.valuations.get(row), grid.round_sizes.get(column)) else {
                continue;
            };
            let amount = sale.at(holder, round_size, valuation);
            // The sample colours its block.
            for r in row..(row + stride).min(grid.valuations.len()) {
                for c in column..(column + stride).min(steps) {
                    if let Some(slot) = cells.get_mut(r * steps + c) {
                        *slot = amount;
                    }
                }
            }
        }
    }
    Ok(Some(Proceeds { value: sale.exit.value.unsigned().unwrap_or(0), stride, cells, sale }))
}

#[cfg(feature = "full")]
impl Proceeds {
    /// `holder`'s proceeds after the round of one cell of `grid`, exactly,
    /// whether or not the map sampled it: what the readout says. `None` where
    /// the cell does not evaluate.
    pub fn at(&self, grid: &Grid, holder: &str, column: usize, row: usize) -> Option<u128> {
        self.sale.at(holder, *grid.round_sizes.get(column)?, *grid.valuations.get(row)?)
    }
}

/// `holder`'s proceeds at the scenario's sale after the round of one cell of
/// `grid`, exactly: what the map's readout says for a cell a sampled map did
/// not work out. `None` where the cell does not evaluate or there is no exit.
///
/// ```
/// use fortress_core::{presets, sensitivity};
/// let scenario = presets::exit_what_if();
/// let grid = sensitivity::grid(&scenario, "amazon", "azure-api-exclusivity", 8).unwrap();
/// let (column, row) = grid.current;
/// assert_eq!(sensitivity::proceeds_at(&scenario, &grid, "amazon", column, row), Some(50_000_000_000));
/// ```
#[cfg(feature = "full")]
pub fn proceeds_at(scenario: &Scenario, grid: &Grid, holder: &str, column: usize, row: usize) -> Option<u128> {
    Sale::of(scenario).ok()??.at(holder, *grid.round_sizes.get(column)?, *grid.valuations.get(row)?)
}

/// What the map needs of the last round.
struct LastRound {
    index: usize,
    basis: ValuationBasis,
    valuation: u128,
    round_size: u128,
    /// The cheques as they are: the weights every scaled round keeps.
    weights: Vec<u128>,
    /// Each cheque's tranches as they are (date, amount), scaled with it.
    tranches: Vec<Vec<(Date, u128)>>,
    /// The round's date, and the last day money counts on (`None`: all of it).
    round_date: Option<Date>,
    funded_to: Option<Date>,
}

impl LastRound {
    fn of(scenario: &Scenario) -> Result<LastRound, ScenarioError> {
        let deal = crate::deal::of(scenario)?;
        // (The tranches are read once here, so that each column only scales them.)
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
        let tranches = (round.investments.iter())
            .map(|i| i.tranches.iter().map(|t| (t.date, t.amount.unsigned().unwrap_or(0))).collect())
            .collect();
        let (round_date, funded_to) = (round.date, terms::funded_to(scenario, deal));
        Ok(LastRound { index, basis, valuation, round_size, weights, tranches, round_date, funded_to })
    }

    /// The cheques scaled to add up to `round_size`.
    fn amounts(&self, round_size: u128) -> Option<Vec<u128>> {
        arith::share_out(round_size, &self.weights, self.round_size)
    }

    /// The part of each cheque scaled to `round_size` that counts, or `None`
    /// when validation would refuse a cheque (zero, or beyond [`MAX_DOLLARS`])
    /// or one of its scaled tranches (zero).
    fn counted_in_bounds(&self, round_size: u128) -> Option<Vec<u128>> {
        let amounts = self.amounts(round_size)?;
        let mut counted = Vec::with_capacity(amounts.len());
        for ((&amount, &weight), tranches) in amounts.iter().zip(&self.weights).zip(&self.tranches) {
            if !in_bounds(amount) {
                return None;
            }
            if tranches.is_empty() {
                counted.push(captable::counted_part(amount, std::iter::empty(), self.round_date, self.funded_to));
                continue;
            }
            let weights: Vec<u128> = tranches.iter().map(|&(_, part)| part).collect();
            let parts = edit::scaled_tranches(&weights, weight, amount)?;
            if parts.contains(&0) {
                return None;
            }
            let scaled = tranches.iter().zip(parts).map(|(&(date, _), part)| (date, part));
            counted.push(captable::counted_part(amount, scaled, self.round_date, self.funded_to));
        }
        Some(counted)
    }

    /// The valuation of a row in the round's basis, or `None` when validation
    /// would refuse it as out of bounds.
    fn valuation_at(&self, valuation: u128) -> Option<Valuation> {
        if !in_bounds(valuation) {
            return None;
        }
        let dollars = Dollars(i64::try_from(valuation).ok()?);
        Some(match self.basis {
            ValuationBasis::PreMoney => Valuation::PreMoney(dollars),
            ValuationBasis::PostMoney => Valuation::PostMoney(dollars),
        })
    }

    /// Whether validation accepts `valuation` with `round_size` of new money:
    /// a post-money valuation must be above it.
    fn allows(valuation: Valuation, round_size: u128) -> bool {
        match valuation {
            Valuation::PreMoney(_) => true,
            Valuation::PostMoney(post) => post.unsigned().is_some_and(|post| post > round_size),
        }
    }
}

/// An amount or valuation validation accepts: 1 dollar to [`MAX_DOLLARS`].
fn in_bounds(dollars: u128) -> bool {
    (1..=u128::from(MAX_DOLLARS.unsigned_abs())).contains(&dollars)
}

fn overflow(index: usize) -> ScenarioError {
    ScenarioError::new(format!("rounds[{index}]"), ErrorKind::Overflow)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::scenario::{Events, Holder, Investment, Pool, PoolBasis, Round, Secondary, WhatIf};
    use crate::validate::MAX_DOLLARS;
    use crate::{evaluate, presets, Date, Percent};

    const TERM: &str = "azure-api-exclusivity";

    /// Checks a grid against evaluating the scenario of each of its cells:
    /// the same error when the scenario does not evaluate, else every cell.
    fn assert_exact(scenario: &Scenario, holder: &str, steps: usize) -> Result<(), TestCaseError> {
        let computed = grid(scenario, holder, TERM, steps);
        let grid = match (evaluate(scenario), computed) {
            (Err(want), got) => {
                prop_assert_eq!(got.err(), Some(want));
                return Ok(());
            }
            (Ok(_), got) => got.map_err(|e| TestCaseError::fail(format!("no grid: {e}")))?,
        };
        for (row, &valuation) in grid.valuations.iter().enumerate() {
            for (column, &round_size) in grid.round_sizes.iter().enumerate() {
                let at = scenario_at(scenario, round_size, valuation)
                    .map_err(|e| TestCaseError::fail(format!("no scenario at ({column}, {row}): {e}")))?;
                let want = evaluate(&at).ok().map(|outcome| {
                    let last = outcome.last_stage();
                    let shares = last.and_then(|last| last.holder(holder)).map_or(0, |row| row.shares);
                    let total = last.map_or(0, |last| last.total_shares);
                    let status = outcome.terms.iter().find(|t| t.id == TERM).map(|t| t.status);
                    Cell { shares, total, status }
                });
                prop_assert_eq!(grid.cell(column, row).copied(), want, "{} at ({}, {})", holder, column, row);
            }
        }
        Ok(())
    }

    fn holder(id: &str, micros: i64, group: bool) -> Holder {
        Holder { id: id.into(), name: id.to_uppercase(), percent: Percent::from_micros(micros), group }
    }

    fn cheque(holder: &str, amount: i64) -> Investment {
        Investment {
            holder: holder.into(),
            name: Some(holder.to_uppercase()),
            amount: Dollars(amount),
            tranches: vec![],
        }
    }

    fn round(valuation: Valuation, investments: Vec<Investment>) -> Round {
        Round {
            name: "R".into(),
            date: None,
            valuation: Some(valuation),
            investments,
            pool: None,
            secondaries: vec![],
            terms: None,
        }
    }

    fn whatifs(holder: &str) -> Vec<WhatIf> {
        vec![
            WhatIf::StakeBelow { holder: holder.into(), percent: Percent::from_micros(30_000_000), term: TERM.into() },
            WhatIf::Outweighed { holder: holder.into(), term: TERM.into() },
            WhatIf::HolderAbove { percent: Percent::from_micros(45_000_000), term: TERM.into() },
        ]
    }

    /// Scenarios at the edges of the quick way: investors who held shares
    /// before, rounds it leaves to the full way, prices of a dollar that make
    /// share counts overflow, amounts and valuations at the bounds, and terms
    /// whose status no stake can change.
    fn edge_scenarios() -> Vec<Scenario> {
        let base = presets::feb_2026_pre_money();
        let mut out = Vec::new();
        // Microsoft follows on, so an investor held shares before the round.
        let mut follow_on = base.clone();
        follow_on.rounds = vec![round(
            Valuation::PostMoney(Dollars(900_000_000_000)),
            vec![cheque("amazon", 50_000_000_000), cheque("microsoft", 25_000_000_000)],
        )];
        follow_on.whatifs = whatifs("microsoft");
        out.push(follow_on);
        // A pool alone, then a sale alone: both left to the full way.
        let mut pooled = base.clone();
        pooled.rounds[0].pool = Some(Pool {
            holder: None,
            name: None,
            percent: Percent::from_micros(8_000_000),
            sized: PoolBasis::PreMoney,
        });
        pooled.whatifs = whatifs("foundation");
        out.push(pooled);
        let mut sold = base.clone();
        sold.rounds[0].secondaries = vec![Secondary {
            seller: "foundation".into(),
            buyer: "nvidia".into(),
            name: Some("Nvidia".into()),
            percent: Some(Percent::from_micros(3_000_000)),
            amount: None,
        }];
        sold.whatifs = whatifs("nvidia");
        out.push(sold);
        // Rounds a dollar above their new money multiply the shares a
        // millionfold each, which only a tiny post-money can value.
        let mut tiny = base.clone();
        tiny.holders = vec![holder("a", 60_000_000, false), holder("b", 40_000_000, true)];
        tiny.rounds = ["x", "y", "z"]
            .iter()
            .map(|&id| round(Valuation::PostMoney(Dollars(1_000_001)), vec![cheque(id, 1_000_000)]))
            .collect();
        tiny.rounds
            .push(round(Valuation::PostMoney(Dollars(1_000_000)), vec![cheque("w", 300_000), cheque("a", 200_000)]));
        tiny.whatifs = whatifs("a");
        out.push(tiny);
        // Holders of 1.7 * 10^23 shares each, so that the round as it is
        // evaluates but larger cheques or a larger post-money overflow: the
        // cheque times the shares before it, or the post-money times the
        // largest holding. The quick way leaves those cells to the full one.
        let mut vast = base.clone();
        vast.holders = vec![holder("a", 60_000_000, false), holder("b", 40_000_000, true)];
        vast.rounds = vec![
            round(Valuation::PreMoney(Dollars(1)), vec![cheque("x", 170_000_000_000)]),
            round(Valuation::PreMoney(Dollars(1_000_000_000)), vec![cheque("y", 1_000_000_000)]),
            round(Valuation::PreMoney(Dollars(2_000_000_000)), vec![cheque("z", 1_000_000_000)]),
            round(
                Valuation::PreMoney(Dollars(600_000_000_000_000)),
                vec![cheque("w", 360_000_000_000_000), cheque("a", 40_000_000_000_000)],
            ),
        ];
        vast.whatifs = whatifs("w");
        out.push(vast);
        // Three cheques of ~10^38 shares each: the round as it is fits, but at
        // larger round sizes the shares add up to more than 2^128 though each
        // holding fits, so those cells must not evaluate.
        let mut crowded = base.clone();
        crowded.holders = vec![holder("a", 100_000_000, false)];
        crowded.rounds = vec![
            round(Valuation::PreMoney(Dollars(1)), vec![cheque("b", 100_000_000_000)]),
            round(
                Valuation::PreMoney(Dollars(1)),
                vec![
                    cheque("c", 1_000_000_000_000_000),
                    cheque("d", 1_000_000_000_000_000),
                    cheque("e", 1_000_000_000_000_000),
                ],
            ),
        ];
        out.push(crowded);
        // Cheques and valuations at the bound, whose doubled axes go past it.
        let mut huge = base.clone();
        huge.rounds = vec![round(
            Valuation::PreMoney(Dollars(MAX_DOLLARS)),
            vec![cheque("amazon", MAX_DOLLARS / 2), cheque("nvidia", MAX_DOLLARS / 2)],
        )];
        huge.whatifs = whatifs("amazon");
        out.push(huge.clone());
        huge.rounds[0].valuation = Some(Valuation::PostMoney(Dollars(MAX_DOLLARS)));
        huge.rounds[0].investments = vec![cheque("amazon", MAX_DOLLARS / 3), cheque("nvidia", 1)];
        out.push(huge);
        // Money paid in tranches, counted as funded on a day between them; a
        // tranche of one dollar scales to nothing in smaller rounds, whose
        // cells must then not evaluate.
        let mut paid = base.clone();
        paid.count = crate::CountBasis::Funded;
        paid.as_of = Date::new(2026, 5, 1);
        let tranche = |(y, m, d): (u16, u8, u8), amount: i64| {
            Date::new(y, m, d).map(|date| crate::Tranche { date, amount: Dollars(amount), note: String::new() })
        };
        paid.rounds[0].investments[0].tranches =
            [tranche((2026, 2, 27), 15_000_000_000), tranche((2026, 6, 30), 34_999_999_999), tranche((2026, 7, 31), 1)]
                .into_iter()
                .flatten()
                .collect();
        paid.whatifs = whatifs("amazon");
        out.push(paid);
        // Terms no stake can change: not yet in force, ended by the April
        // 2026 amendment, ended by AGI verified.
        for (as_of, verified) in [((2025, 1, 1), None), ((2026, 6, 1), None), ((2026, 3, 1), Some((2026, 2, 28)))] {
            let mut fixed = base.clone();
            fixed.as_of = Date::new(as_of.0, as_of.1, as_of.2);
            fixed.events = Events::default();
            fixed.events.set("agi_verified", verified.and_then(|(y, m, d)| Date::new(y, m, d)));
            fixed.whatifs = whatifs("microsoft");
            out.push(fixed);
        }
        out
    }

    #[test]
    fn edge_cells_are_what_evaluate_gives() {
        for scenario in edge_scenarios() {
            let mut holders: Vec<String> = scenario.holders.iter().map(|h| h.id.clone()).collect();
            holders.extend(scenario.rounds.iter().flat_map(|r| r.investments.iter().map(|i| i.holder.clone())));
            holders.push("nobody".into());
            for holder in &holders {
                if let Err(error) = assert_exact(&scenario, holder, 12) {
                    panic!("{:?}: {error}", scenario.rounds);
                }
            }
        }
    }

    /// The quick way answers every cell of the presets that evaluates,
    /// without falling back to the full one.
    #[test]
    fn the_presets_take_the_quick_way() {
        for scenario in scenarios().into_iter().filter(|s| s.rounds.iter().all(|r| r.pool.is_none())) {
            let shape = LastRound::of(&scenario).unwrap();
            // Each preset's deal names the holder its what-ifs watch and the term the headline answers for.
            let deal = crate::deal::of(&scenario).unwrap();
            let (holder, term) = (&*deal.whatif_holder, &*deal.key_term);
            let base = captable::table_after(&scenario, shape.index, terms::funded_to(&scenario, deal)).unwrap();
            let mut cheques = Cheques::new(&base, &scenario.rounds[shape.index], holder).unwrap();
            let grid = grid(&scenario, holder, term, STEPS).unwrap();
            let (stages, _) = captable::stages(&scenario, terms::funded_to(&scenario, deal)).unwrap();
            let probe = TermProbe::new(&scenario, deal, stages.last().unwrap(), term).unwrap();
            let bound = probe.bind(&cheques.stakes(0));
            for (row, &valuation) in grid.valuations.iter().enumerate() {
                for (column, &round_size) in grid.round_sizes.iter().enumerate() {
                    let Some(&want) = grid.cell(column, row) else { continue };
                    let column = Column::new(&shape, round_size, cheques.fully_diluted).unwrap();
                    let valuation = shape.valuation_at(valuation).unwrap();
                    assert_eq!(cheques.cell(&column, valuation, Some(&bound)), Some(want));
                }
            }
        }
    }

    /// Dollars from 1 to the bound, spread over every order of magnitude.
    fn dollars() -> impl Strategy<Value = i64> {
        prop_oneof![
            18 => (0..48u32, any::<u64>()).prop_map(|(bits, x)| 1 + (x % (1u64 << bits)) as i64),
            1 => Just(MAX_DOLLARS),
            1 => (1..1_000i64).prop_map(|less| MAX_DOLLARS - less),
        ]
    }

    /// Random scenarios: up to five starting holders (some groups), up to two
    /// rounds before the last (any of them with a pool or a sale), a last
    /// round of one to four cheques from old or new holders, what-ifs of
    /// every kind, and a holder to map, perhaps one that is not there.
    fn random_scenario() -> impl Strategy<Value = (Scenario, String)> {
        let holders = prop::collection::vec((1..1_000i64, prop::bool::weighted(0.2)), 1..6);
        // Pre-money, post-money, or post-money just above the new money, which
        // multiplies the shares many times over.
        let valuation = || (dollars(), 0..3u8);
        let cheques = || prop::collection::vec((0..7usize, dollars()), 1..5);
        let earlier = prop::collection::vec((valuation(), cheques(), 0..4u8), 0..3);
        let last = (valuation(), cheques(), 0..12u8);
        let whatifs = prop::collection::vec((0..3u8, 0..7usize, 0..=100_000_000i64), 0..3);
        let as_of = prop::sample::select(vec![(2026, 2, 27), (2025, 6, 1), (2026, 5, 1)]);
        (holders, earlier, last, whatifs, as_of, 0..8usize).prop_map(
            |(weights, earlier, last, whatifs, as_of, focus)| {
                let total: i64 = weights.iter().map(|w| w.0).sum();
                let mut holders: Vec<Holder> = (weights.iter().enumerate())
                    .map(|(i, &(w, group))| holder(&format!("h{i}"), w * 100_000_000 / total, group))
                    .collect();
                let given: i64 = holders.iter().map(|h| h.percent.micros()).sum();
                holders[0].percent = Percent::from_micros(holders[0].percent.micros() + 100_000_000 - given);
                let n = holders.len();
                let rounds: Vec<Round> = (earlier.into_iter().chain([last]).enumerate())
                    .map(|(r, ((value, basis), cheques, extra))| {
                        let mut investments: Vec<Investment> = Vec::new();
                        for (who, amount) in cheques {
                            let id = if who < n { format!("h{who}") } else { format!("r{r}-{who}") };
                            if investments.iter().all(|i| i.holder != id) {
                                investments.push(cheque(&id, amount));
                            }
                        }
                        let new_money: i64 = investments.iter().map(|i| i.amount.0).sum();
                        let valuation = match basis {
                            0 => Valuation::PreMoney(Dollars(value)),
                            1 => Valuation::PostMoney(Dollars(value.max(new_money.saturating_add(1)).min(MAX_DOLLARS))),
                            _ => Valuation::PostMoney(Dollars(
                                new_money.saturating_add(1 + value % 1_000).min(MAX_DOLLARS),
                            )),
                        };
                        let mut round = round(valuation, investments);
                        if extra == 1 {
                            let sized = if r % 2 == 0 { PoolBasis::PreMoney } else { PoolBasis::PostMoney };
                            round.pool = Some(Pool {
                                holder: None,
                                name: None,
                                percent: Percent::from_micros(5_000_000),
                                sized,
                            });
                        } else if extra == 2 {
                            round.secondaries = vec![Secondary {
                                seller: "h0".into(),
                                buyer: format!("s{r}"),
                                name: Some("S".into()),
                                percent: Some(Percent::from_micros(1_000_000)),
                                amount: None,
                            }];
                        }
                        round
                    })
                    .collect();
                let mut ids: Vec<String> = holders.iter().map(|h| h.id.clone()).collect();
                ids.extend(rounds.iter().flat_map(|r| r.investments.iter().map(|i| i.holder.clone())));
                let pick = |k: usize| ids.get(k % ids.len()).cloned().unwrap_or_default();
                let whatifs = (whatifs.into_iter())
                    .map(|(kind, who, micros)| match kind {
                        0 => WhatIf::StakeBelow {
                            holder: pick(who),
                            percent: Percent::from_micros(micros),
                            term: TERM.into(),
                        },
                        1 => WhatIf::Outweighed { holder: pick(who), term: TERM.into() },
                        _ => WhatIf::HolderAbove { percent: Percent::from_micros(micros), term: TERM.into() },
                    })
                    .collect();
                let focus = if focus == 7 { "nobody".to_owned() } else { pick(focus) };
                let scenario = Scenario {
                    holders,
                    rounds,
                    whatifs,
                    as_of: Date::new(as_of.0, as_of.1, as_of.2),
                    ..presets::feb_2026_pre_money()
                };
                (scenario, focus)
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Every cell of a random scenario's map is what evaluating its scenario gives.
        #[test]
        fn random_cells_are_what_evaluate_gives((scenario, holder) in random_scenario(), steps in 2..9usize) {
            assert_exact(&scenario, &holder, steps)?;
        }
    }

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
            let deal = crate::deal::of(&scenario).unwrap();
            let grid = grid(&scenario, &deal.whatif_holder, &deal.key_term, STEPS).unwrap();
            let (column, row) = grid.current;
            let cell = grid.cell(column, row).unwrap();
            let watched = last.holder(&deal.whatif_holder).unwrap();
            assert_eq!((cell.shares, cell.total), (watched.shares, last.total_shares));
            assert_eq!(cell.status, outcome.key_term.as_ref().map(|k| k.status), "{}", scenario.title);
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
