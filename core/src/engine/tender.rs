//! A secondary tender: a buyer buys shares from named sellers at a multiple
//! of the round price. No new shares are issued.

use serde::Serialize;

use super::table::CapTable;
use super::{overflow, EngineError, Ratio};
use crate::arith::share_out;

/// A tender offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tender {
    /// Who buys.
    pub buyer: String,
    /// The price as a multiple of the round price (1 for the round price, 4/5 for a 20% discount).
    pub multiple: Ratio,
    /// How many dollars the buyer spends, at most.
    pub amount: u128,
    /// Who sells: every holding of these holders, pro rata to its shares.
    pub sellers: Vec<String>,
}

/// One seller's sale of one holding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sale {
    /// Who sold.
    pub seller: String,
    /// Of which class.
    pub class: String,
    /// How many shares.
    pub shares: u128,
    /// What the buyer paid for them: shares x price.
    pub proceeds: Ratio,
}

/// The tender's outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TenderResult {
    /// The price per share: the multiple times the round price.
    pub price: Ratio,
    /// The shares bought: `floor(amount / price)`.
    pub shares: u128,
    /// What the buyer paid: shares x price, at most the amount.
    pub paid: Ratio,
    /// Each holding's sale, in table order.
    pub sales: Vec<Sale>,
    /// The table after: the same classes and count, the shares moved.
    pub table_after: CapTable,
}

/// Applies a tender at `multiple x round_price` to `table`.
///
/// The shares bought, `floor(amount / price)`, are taken from the sellers'
/// holdings pro rata to their shares, by largest remainders, so that they
/// add up exactly; ties go to the earlier holding.
///
/// ```
/// use fortress_core::engine::*;
/// let table = CapTable {
///     classes: vec![ShareClass::common("common", "Common")],
///     holdings: vec![
///         Holding { holder: "ann".into(), class: "common".into(), shares: 600 },
///         Holding { holder: "bob".into(), class: "common".into(), shares: 400 },
///     ],
///     options: vec![], pool: 0, promised_options: 0,
/// };
/// // $1,000 at 80% of a $2.00 round price buys 625 shares: 375 from Ann, 250 from Bob.
/// let offer = Tender { buyer: "fund".into(), multiple: Ratio::new(4, 5).unwrap(), amount: 1_000,
///                      sellers: vec!["ann".into(), "bob".into()] };
/// let t = tender(&table, Ratio::whole(2), &offer).unwrap();
/// assert_eq!(t.shares, 625);
/// assert_eq!((t.sales[0].shares, t.sales[1].shares), (375, 250));
/// assert_eq!(t.table_after.fully_diluted(), table.fully_diluted());
/// ```
pub fn tender(table: &CapTable, round_price: Ratio, offer: &Tender) -> Result<TenderResult, EngineError> {
    table.check("")?;
    if offer.buyer.is_empty() {
        return Err(EngineError::new("tender.buyer", "must not be empty"));
    }
    for (i, seller) in offer.sellers.iter().enumerate() {
        if seller == &offer.buyer {
            return Err(EngineError::new(format!("tender.sellers[{i}]"), "the buyer cannot sell to itself"));
        }
        if !table.holdings.iter().any(|h| &h.holder == seller) {
            return Err(EngineError::new(format!("tender.sellers[{i}]"), format!("\"{seller}\" holds no shares")));
        }
    }
    let price = round_price.checked_mul(offer.multiple).ok_or_else(|| overflow("tender.multiple"))?;
    if price.is_zero() {
        return Err(EngineError::new("tender.multiple", "the price per share must be above zero"));
    }
    let shares = Ratio::whole(offer.amount).checked_div(price).ok_or_else(|| overflow("tender.amount"))?.floor();
    let selling: Vec<usize> = (0..table.holdings.len())
        .filter(|&i| table.holdings.get(i).is_some_and(|h| offer.sellers.contains(&h.holder)))
        .collect();
    let weights: Vec<u128> = selling.iter().filter_map(|&i| table.holdings.get(i).map(|h| h.shares)).collect();
    let held = weights.iter().try_fold(0u128, |s, &w| s.checked_add(w)).ok_or_else(|| overflow("holdings"))?;
    if shares > held {
        return Err(EngineError::new(
            "tender.amount",
            format!("buys {shares} shares, but the sellers hold only {held}"),
        ));
    }
    let parts = if shares == 0 {
        vec![0; weights.len()]
    } else {
        share_out(shares, &weights, held).ok_or_else(|| overflow("tender.amount"))?
    };
    let mut after = table.clone();
    let mut sales = Vec::with_capacity(selling.len());
    for (&idx, &sold) in selling.iter().zip(&parts) {
        let holding = after.holdings.get_mut(idx).ok_or_else(|| overflow("holdings"))?;
        // share_out never gives a part above its weight when the amount is at most the total.
        holding.shares = holding.shares.checked_sub(sold).ok_or_else(|| overflow("holdings"))?;
        let (seller, class) = (holding.holder.clone(), holding.class.clone());
        sales.push(Sale {
            seller,
            class: class.clone(),
            shares: sold,
            proceeds: price.mul_whole(sold).ok_or_else(|| overflow("tender.amount"))?,
        });
        if sold > 0 {
            after.add_holding(&offer.buyer, &class, sold).ok_or_else(|| overflow("holdings"))?;
        }
    }
    after.holdings.retain(|h| h.shares > 0);
    let paid = price.mul_whole(shares).ok_or_else(|| overflow("tender.amount"))?;
    Ok(TenderResult { price, shares, paid, sales, table_after: after })
}
