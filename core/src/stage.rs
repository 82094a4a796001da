//! The cap table at a point in time, as the outcome reports it: a stage's
//! holders with their shares, stakes and values, its price, and the money not
//! yet paid. Plain data that depends on nothing else of the crate but the
//! exact arithmetic, so that the cap table that makes stages and the terms
//! that read them both import it, and neither the other.

use std::cmp::Ordering;

use serde::{Serialize, Serializer};

use crate::{Date, Percent};

/// The cap table at one point: before any round, or right after one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stage {
    /// "Before", or the round's name.
    pub label: String,
    /// The round's date, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The round's pre-money valuation in dollars; none for the starting table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_money: Option<u128>,
    /// The company's value after the round in dollars, if known.
    pub post_money: Option<u128>,
    /// New money raised in this stage, in dollars.
    pub new_money: u128,
    /// The price of one share, if the stage has a valuation.
    pub price_per_share: Option<Price>,
    /// All shares on a fully diluted basis; the holders' shares add up to it exactly.
    pub total_shares: u128,
    /// Every holder at this stage, starting holders first, then in order of arrival.
    pub holders: Vec<HolderRow>,
}

impl Stage {
    /// The row of the holder with this id.
    pub fn holder(&self, id: &str) -> Option<&HolderRow> {
        self.holders.iter().find(|h| h.id == id)
    }

    /// Compares a holder's exact stake with a percentage, without rounding.
    ///
    /// ```
    /// use fortress_core::{evaluate, presets, Percent};
    /// use std::cmp::Ordering;
    /// let outcome = evaluate(&presets::feb_2026_pre_money()).unwrap();
    /// let after = outcome.last_stage().unwrap();
    /// // Microsoft holds 23.4643% after the round: below 25%, above 20%.
    /// assert_eq!(after.compare_stake("microsoft", Percent::from_micros(25_000_000)), Some(Ordering::Less));
    /// assert_eq!(after.compare_stake("microsoft", Percent::from_micros(20_000_000)), Some(Ordering::Greater));
    /// ```
    pub fn compare_stake(&self, id: &str, percent: Percent) -> Option<Ordering> {
        let row = self.holder(id)?;
        Some(crate::arith::compare_share(row.shares, self.total_shares, percent))
    }
}

/// One holder's line in a stage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HolderRow {
    /// The holder's id.
    pub id: String,
    /// The holder's name.
    pub name: String,
    /// Shares held, exact.
    pub shares: u128,
    /// True when the row stands for many holders (a group, an option pool).
    pub group: bool,
    /// The stake in percent (0 to 100), derived from the shares for display.
    pub percent: f64,
    /// The stake's value in whole dollars, if the stage has a valuation. The
    /// values of a stage add up to its post-money valuation exactly.
    pub value: Option<u128>,
    /// The change in percentage points since the previous stage.
    pub change_points: f64,
}

/// A price per share, kept as the exact fraction dollars / shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Price {
    /// The dollars in the fraction.
    pub dollars: u128,
    /// The shares in the fraction; never zero.
    pub shares: u128,
}

impl Price {
    /// The price in dollars as a float, for display.
    ///
    /// ```
    /// let price = fortress_core::Price { dollars: 730, shares: 1000 };
    /// assert_eq!(price.to_f64(), 0.73);
    /// ```
    #[allow(clippy::cast_precision_loss)]
    pub fn to_f64(self) -> f64 {
        if self.shares == 0 {
            return 0.0;
        }
        self.dollars as f64 / self.shares as f64
    }
}

impl Serialize for Price {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.to_f64())
    }
}

/// A payment that does not count yet: a tranche (or a round's cheque) dated
/// after the day the scenario counts money to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// The index of the round in `scenario.rounds`.
    pub round: usize,
    /// The investor's id.
    pub holder: String,
    /// The investor's name.
    pub name: String,
    /// Whole US dollars.
    pub amount: u128,
    /// The day it is paid, or due.
    pub date: Date,
}
