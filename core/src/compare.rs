//! A scenario's outcome beside a baseline's: each holder's stake after the
//! last round in both and the difference in points, and every term and route
//! whose answer differs, from what to what.
//!
//! A term or route counts as changed when its status (or hosting) differs;
//! a reason that words the same status differently (another date judged, a
//! stake a point lower) is not a change. Terms are matched by id and routes
//! by product, so that a baseline judged under another regime compares term
//! for term.

use serde::Serialize;

use crate::deal::{copy, Text};
use crate::outcome::Outcome;
use crate::terms::{Hosting, ProductKind, Status};

/// The outcome beside a baseline's.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Every holder after the last round, in either outcome: the current
    /// holders first in their order, then those only in the baseline.
    pub holders: Vec<HolderComparison>,
    /// The terms whose status differs, in the current outcome's order.
    pub terms: Vec<StatusChange>,
    /// The routes whose hosting differs, in the current outcome's order.
    pub routes: Vec<HostingChange>,
}

/// One holder's stake after the last round, here and in the baseline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HolderComparison {
    /// The holder's id.
    pub id: String,
    /// The holder's name.
    pub name: String,
    /// The stake here, 0 to 100; `None` when the holder is only in the baseline.
    pub percent: Option<f64>,
    /// The stake in the baseline; `None` when the holder is not in it.
    pub baseline_percent: Option<f64>,
    /// Here minus the baseline, in percentage points (a holder missing from
    /// one side holds 0% there).
    pub points: f64,
}

/// A term whose status differs from the baseline's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// The term's id.
    pub id: Text,
    /// Its title here.
    pub title: Text,
    /// Its status in the baseline.
    pub baseline: Status,
    /// Its status here.
    pub current: Status,
}

impl StatusChange {
    /// The change in words: "in force in the baseline, ended here".
    ///
    /// ```
    /// use fortress_core::compare::StatusChange;
    /// use fortress_core::terms::Status;
    /// let change = StatusChange { id: "x".into(), title: "X".into(), baseline: Status::InForce, current: Status::Ended };
    /// assert_eq!(change.sentence(), "in force in the baseline, ended here");
    /// ```
    pub fn sentence(&self) -> String {
        format!("{} in the baseline, {} here", self.baseline.label(), self.current.label())
    }
}

/// A route whose answer differs from the baseline's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HostingChange {
    /// The kind of product.
    pub product: ProductKind,
    /// Where it may run in the baseline.
    pub baseline: Hosting,
    /// Where it may run here.
    pub current: Hosting,
}

impl HostingChange {
    /// The change in words: "Azure only in the baseline, any cloud here".
    pub fn sentence(&self) -> String {
        format!("{} in the baseline, {} here", self.baseline.label(), self.current.label())
    }
}

/// Compares an outcome with a baseline's.
///
/// ```
/// use fortress_core::{compare::compare, evaluate, presets, Dollars};
/// let base = evaluate(&presets::feb_2026_pre_money()).unwrap();
/// let mut bigger = presets::feb_2026_pre_money();
/// bigger.rounds[0].investments[0].amount = Dollars(100_000_000_000); // Amazon $100B
/// let here = evaluate(&bigger).unwrap();
/// let comparison = compare(&here, &base);
/// let microsoft = comparison.holders.iter().find(|h| h.id == "microsoft").unwrap();
/// assert_eq!(format!("{:.4}", microsoft.points), "-1.3182"); // 22.1461% against 23.4643%
/// assert!(comparison.terms.is_empty()); // stakes have no bearing on the terms
/// ```
pub fn compare(current: &Outcome, baseline: &Outcome) -> Comparison {
    let rows = |o: &Outcome| o.last_stage().map(|s| s.holders.as_slice()).unwrap_or_default().to_vec();
    let (here, there) = (rows(current), rows(baseline));
    let mut holders: Vec<HolderComparison> = here
        .iter()
        .map(|h| {
            let base = there.iter().find(|b| b.id == h.id).map(|b| b.percent);
            let points = h.percent - base.unwrap_or(0.0);
            HolderComparison {
                id: h.id.clone(),
                name: h.name.clone(),
                percent: Some(h.percent),
                baseline_percent: base,
                points,
            }
        })
        .collect();
    holders.extend(there.iter().filter(|b| here.iter().all(|h| h.id != b.id)).map(|b| HolderComparison {
        id: b.id.clone(),
        name: b.name.clone(),
        percent: None,
        baseline_percent: Some(b.percent),
        points: -b.percent,
    }));
    let terms = current
        .terms
        .iter()
        .filter_map(|t| {
            let base = baseline.terms.iter().find(|b| b.id == t.id)?;
            (base.status != t.status).then_some(StatusChange {
                id: copy(&t.id),
                title: copy(&t.title),
                baseline: base.status,
                current: t.status,
            })
        })
        .collect();
    let routes = current
        .routes
        .iter()
        .filter_map(|r| {
            let base = baseline.routes.iter().find(|b| b.product == r.product)?;
            (base.hosting != r.hosting).then_some(HostingChange {
                product: r.product,
                baseline: base.hosting.clone(),
                current: r.hosting.clone(),
            })
        })
        .collect();
    Comparison { holders, terms, routes }
}
