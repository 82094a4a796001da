//! The cap table the engine works on: share classes with their terms, who
//! holds how many shares of which class, option grants and the unissued pool.

use serde::Serialize;

use super::{overflow, EngineError, Ratio};

/// How a class shares in an exit beyond its liquidation preference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Participation {
    /// Takes its preference or converts to common, whichever pays more.
    NonParticipating,
    /// Takes its preference and then shares what is left with common, as converted.
    Participating,
    /// As [`Participation::Participating`], until its total return (preference
    /// included) reaches `cap_multiple` times its original investment; or converts,
    /// if converting pays more than the cap.
    ParticipatingCapped {
        /// The cap on the total return, as a multiple of the original investment.
        cap_multiple: Ratio,
    },
}

/// How a class's conversion price moves when shares are later sold below it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum AntiDilution {
    /// No adjustment.
    None,
    /// NVCA broad-based weighted average: `CP2 = CP1 x (A + B) / (A + C)`.
    BroadBasedWeightedAverage,
    /// Full ratchet: `CP2` is the new price.
    FullRatchet,
}

/// A class of shares and its terms.
///
/// A holding of this class converts into `floor(shares x issue_price / conversion_price)`
/// common shares. Common stock is a class with no preference ([`ShareClass::common`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShareClass {
    /// A unique id, such as `series-a`.
    pub id: String,
    /// The name to show, such as `Series A Preferred`.
    pub name: String,
    /// The original issue price per share, in dollars.
    pub issue_price: Ratio,
    /// The conversion price in effect; equal to the issue price until an
    /// anti-dilution adjustment lowers it.
    pub conversion_price: Ratio,
    /// The liquidation preference as a multiple of the issue price (1x, 1.5x);
    /// zero for common.
    pub preference: Ratio,
    /// How the class shares beyond its preference.
    pub participation: Participation,
    /// The rank in the preference stack: a larger number is paid first, equal
    /// numbers are paid pari passu.
    pub seniority: u32,
    /// Price-based anti-dilution protection.
    pub anti_dilution: AntiDilution,
}

impl ShareClass {
    /// Common stock: no preference, converts one for one (it is the common).
    ///
    /// ```
    /// use fortress_core::engine::{Ratio, ShareClass};
    /// let common = ShareClass::common("common", "Common");
    /// assert_eq!(common.conversion_ratio(), Some(Ratio::ONE));
    /// ```
    pub fn common(id: &str, name: &str) -> ShareClass {
        ShareClass {
            id: id.to_owned(),
            name: name.to_owned(),
            issue_price: Ratio::ZERO,
            conversion_price: Ratio::ZERO,
            preference: Ratio::ZERO,
            participation: Participation::NonParticipating,
            seniority: 0,
            anti_dilution: AntiDilution::None,
        }
    }

    /// Preferred stock issued at `issue_price`: a 1x non-participating
    /// preference, no anti-dilution; change the fields for other terms.
    ///
    /// ```
    /// use fortress_core::engine::{Ratio, ShareClass};
    /// let a = ShareClass::preferred("a", "Series A", Ratio::new(2, 1).unwrap(), 1);
    /// assert_eq!(a.conversion_ratio(), Some(Ratio::ONE));
    /// ```
    pub fn preferred(id: &str, name: &str, issue_price: Ratio, seniority: u32) -> ShareClass {
        ShareClass {
            id: id.to_owned(),
            name: name.to_owned(),
            issue_price,
            conversion_price: issue_price,
            preference: Ratio::ONE,
            participation: Participation::NonParticipating,
            seniority,
            anti_dilution: AntiDilution::None,
        }
    }

    /// Common shares per share of this class: issue price / conversion price
    /// (exactly one while they are equal); `None` for a zero conversion price
    /// below a non-zero issue price.
    ///
    /// ```
    /// use fortress_core::engine::{Ratio, ShareClass};
    /// let mut a = ShareClass::preferred("a", "Series A", Ratio::whole(2), 1);
    /// a.conversion_price = Ratio::new(17_059, 10_000).unwrap();
    /// assert_eq!(a.conversion_ratio(), Ratio::new(20_000, 17_059));
    /// ```
    pub fn conversion_ratio(&self) -> Option<Ratio> {
        if self.issue_price == self.conversion_price {
            return Some(Ratio::ONE);
        }
        self.issue_price.checked_div(self.conversion_price)
    }

    /// True when the class has a liquidation preference.
    pub fn has_preference(&self) -> bool {
        !self.preference.is_zero() && !self.issue_price.is_zero()
    }
}

/// Shares of one class held by one holder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Holding {
    /// Who holds them.
    pub holder: String,
    /// The class id.
    pub class: String,
    /// How many.
    pub shares: u128,
}

/// Issued options on common: `count` shares at `strike` dollars each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionGrant {
    /// Who holds them.
    pub holder: String,
    /// How many shares they are for.
    pub count: u128,
    /// The exercise price per share.
    pub strike: Ratio,
}

/// A cap table: classes, holdings, issued options and the option pool.
///
/// The fully diluted count is every holding as converted, every issued
/// option, and the pool (which includes any promised options).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CapTable {
    /// The share classes, common included.
    pub classes: Vec<ShareClass>,
    /// Who holds what.
    pub holdings: Vec<Holding>,
    /// Issued options.
    pub options: Vec<OptionGrant>,
    /// Shares reserved for future grants and not subject to issued options
    /// (promised options included). It counts in the fully diluted count and
    /// gets nothing at an exit.
    pub pool: u128,
    /// How many of the pool's shares are promised to people (YC's "Promised
    /// Options"); may exceed `pool`, in which case a round's pool increase must cover them.
    pub promised_options: u128,
}

impl CapTable {
    /// The index of a class by id.
    pub(crate) fn class_index(&self, id: &str) -> Option<usize> {
        self.classes.iter().position(|class| class.id == id)
    }

    /// Checks the table: ids unique and not empty, every holding's class
    /// known, every conversion ratio defined.
    pub(crate) fn check(&self, at: &str) -> Result<(), EngineError> {
        for (i, class) in self.classes.iter().enumerate() {
            let field = |name: &str| format!("{at}classes[{i}].{name}");
            if class.id.is_empty() {
                return Err(EngineError::new(field("id"), "must not be empty"));
            }
            if self.classes.iter().take(i).any(|other| other.id == class.id) {
                return Err(EngineError::new(field("id"), format!("the id \"{}\" is used twice", class.id)));
            }
            if class.conversion_ratio().is_none() {
                return Err(EngineError::new(
                    field("conversion_price"),
                    "must be above zero for a class with an issue price",
                ));
            }
            if let Participation::ParticipatingCapped { cap_multiple } = class.participation {
                if cap_multiple < class.preference {
                    return Err(EngineError::new(
                        field("participation"),
                        "the cap multiple must not be below the preference multiple",
                    ));
                }
            }
        }
        for (i, holding) in self.holdings.iter().enumerate() {
            if self.class_index(&holding.class).is_none() {
                return Err(EngineError::new(
                    format!("{at}holdings[{i}].class"),
                    format!("no class has the id \"{}\"", holding.class),
                ));
            }
            if holding.holder.is_empty() {
                return Err(EngineError::new(format!("{at}holdings[{i}].holder"), "must not be empty"));
            }
        }
        for (i, option) in self.options.iter().enumerate() {
            if option.holder.is_empty() {
                return Err(EngineError::new(format!("{at}options[{i}].holder"), "must not be empty"));
            }
        }
        Ok(())
    }

    /// Every class's issued shares, in class order.
    pub(crate) fn class_shares(&self) -> Result<Vec<u128>, EngineError> {
        let mut totals = vec![0u128; self.classes.len()];
        for (i, holding) in self.holdings.iter().enumerate() {
            let idx = self.class_index(&holding.class).ok_or_else(|| overflow(format!("holdings[{i}]")))?;
            let slot = totals.get_mut(idx).ok_or_else(|| overflow(format!("holdings[{i}]")))?;
            *slot = slot.checked_add(holding.shares).ok_or_else(|| overflow(format!("holdings[{i}].shares")))?;
        }
        Ok(totals)
    }

    /// Every class's common shares as converted at `ratios` (one per class):
    /// the sum over its holdings of `floor(shares x ratio)`.
    pub(crate) fn as_converted_with(&self, ratios: &[Ratio]) -> Result<Vec<u128>, EngineError> {
        self.as_converted_in(ratios, 1)
    }

    /// As [`CapTable::as_converted_with`], in units of `1 / scale` share:
    /// the sum over its holdings of `floor(shares x ratio x scale)`.
    pub(crate) fn as_converted_in(&self, ratios: &[Ratio], scale: u128) -> Result<Vec<u128>, EngineError> {
        let mut totals = vec![0u128; self.classes.len()];
        for (i, holding) in self.holdings.iter().enumerate() {
            let field = || overflow(format!("holdings[{i}].shares"));
            let idx = self.class_index(&holding.class).ok_or_else(field)?;
            let ratio = ratios.get(idx).ok_or_else(field)?;
            let converted = ratio.mul_floor(holding.shares.checked_mul(scale).ok_or_else(field)?).ok_or_else(field)?;
            let slot = totals.get_mut(idx).ok_or_else(field)?;
            *slot = slot.checked_add(converted).ok_or_else(field)?;
        }
        Ok(totals)
    }

    /// Every class's conversion ratio, in class order.
    pub(crate) fn ratios(&self) -> Result<Vec<Ratio>, EngineError> {
        self.classes
            .iter()
            .enumerate()
            .map(|(i, class)| {
                class
                    .conversion_ratio()
                    .ok_or_else(|| EngineError::new(format!("classes[{i}].conversion_price"), "must be above zero"))
            })
            .collect()
    }

    /// Shares under issued options.
    pub(crate) fn issued_options(&self) -> Result<u128, EngineError> {
        self.options
            .iter()
            .enumerate()
            .try_fold(0u128, |sum, (i, o)| sum.checked_add(o.count).ok_or_else(|| overflow(format!("options[{i}]"))))
    }

    /// The fully diluted count: holdings as converted, issued options, pool.
    ///
    /// ```
    /// use fortress_core::engine::{CapTable, Holding, ShareClass};
    /// let table = CapTable {
    ///     classes: vec![ShareClass::common("common", "Common")],
    ///     holdings: vec![Holding { holder: "founder".into(), class: "common".into(), shares: 9_000_000 }],
    ///     options: vec![],
    ///     pool: 1_000_000,
    ///     promised_options: 0,
    /// };
    /// assert_eq!(table.fully_diluted(), Ok(10_000_000));
    /// ```
    pub fn fully_diluted(&self) -> Result<u128, EngineError> {
        let converted = self.as_converted_with(&self.ratios()?)?;
        let mut total = self.issued_options()?.checked_add(self.pool).ok_or_else(|| overflow("pool"))?;
        for shares in converted {
            total = total.checked_add(shares).ok_or_else(|| overflow("holdings"))?;
        }
        Ok(total)
    }

    /// Adds shares to a holder's holding of a class, or a new holding.
    pub(crate) fn add_holding(&mut self, holder: &str, class: &str, shares: u128) -> Option<()> {
        if let Some(existing) = self.holdings.iter_mut().find(|h| h.holder == holder && h.class == class) {
            existing.shares = existing.shares.checked_add(shares)?;
        } else {
            self.holdings.push(Holding { holder: holder.to_owned(), class: class.to_owned(), shares });
        }
        Some(())
    }
}
