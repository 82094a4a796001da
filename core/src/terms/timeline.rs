//! The terms over time: every dated point of a scenario's story, the status of
//! every term there, and the headline's answer for one term.
//!
//! The points are the days something happens that can change a term or the
//! table: each regime of the deal taking effect (the recapitalization, the
//! amendment), each round, each tranche paid, and each event the scenario dates.
//! Every term is judged on each of those days as [`super::evaluate_terms`]
//! would judge it there (the same regime choice, pins, events and
//! what-ifs), on the table as it stands that day when the scenario counts
//! only money paid, else on the table after every round.

use serde::{Serialize, Serializer};

use crate::captable;
use crate::deal::{copy, Deal, Text};
use crate::scenario::{CountBasis, Scenario};
use crate::stage::Stage;
use crate::terms::condition::Stakes;
use crate::Date;

use super::judge::TermProbe;
use super::{Status, TermStatus};

/// Every dated point of the story, with every term's status there.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// The term ids of the deal, in the order every point lists their statuses.
    pub terms: Vec<Text>,
    /// The points, in date order, one a day (a day's labels joined, in the order written).
    pub points: Vec<TimePoint>,
    /// For each term (in the order of `terms`), the points where its status
    /// changes: the first point, then every point whose status differs from
    /// the one before.
    pub changes: Vec<Vec<usize>>,
}

/// One dated point of the story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimePoint {
    /// The day.
    pub date: Date,
    /// What happens (the first thing, when several happen that day).
    pub kind: PointKind,
    /// What happens, in words that follow "by": "the amendment", "Amazon's payment of $13.7B".
    pub label: String,
    /// The status of each term of [`Timeline::terms`] on this day.
    pub statuses: Vec<Status>,
}

/// What kind of thing happens at a [`TimePoint`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PointKind {
    /// A contract regime takes effect.
    Regime,
    /// A round closes.
    Round,
    /// A tranche of a cheque is paid.
    Tranche,
    /// An event of the deal happens: its id (`agi_declared`).
    Event(Text),
}

impl PointKind {
    /// The kind as the JSON outcome names it: `regime`, `round`, `tranche`, or the event's id.
    pub fn name(&self) -> &str {
        match self {
            PointKind::Regime => "regime",
            PointKind::Round => "round",
            PointKind::Tranche => "tranche",
            PointKind::Event(id) => id,
        }
    }
}

impl Serialize for PointKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// The headline's answer for one term: its status on the date judged, why,
/// in one line, and when it changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyTerm {
    /// The term's id.
    pub term: Text,
    /// Its title.
    pub title: Text,
    /// Its status on the date judged.
    pub status: Status,
    /// Why, in one line: "stakes have no bearing on it", or the what-if that decided it.
    pub line: String,
    /// The change nearest the date judged: the last one on or before it, else the next one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

/// A change of a term's status at a point of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The day.
    pub date: Date,
    /// The status from that day.
    pub status: Status,
    /// What changes it, as it reads after "by": "the amendment".
    pub by: String,
    /// True when the day is on or before the date judged.
    pub past: bool,
}

/// The timeline of a validated scenario, judged under `deal`, whose final table is `last`.
pub(crate) fn timeline(scenario: &Scenario, deal: &Deal, last: &Stage) -> Timeline {
    let mut points = dated_points(scenario, deal);
    // Stakes can change a status only through a what-if; under the funded
    // count they also change with the day, so the table is made per point.
    let per_day = scenario.count == CountBasis::Funded && !scenario.whatifs.is_empty();
    for point in &mut points {
        let table = if per_day {
            captable::stages(scenario, Some(point.date)).ok().and_then(|(mut s, _)| s.pop())
        } else {
            None
        };
        let stage = table.as_ref().unwrap_or(last);
        point.statuses = statuses_on(scenario, deal, stage, point.date);
    }
    let changes = (0..deal.terms.len())
        .map(|term| {
            let status = |point: &TimePoint| point.statuses.get(term).copied();
            (0..points.len())
                .filter(|&i| i == 0 || points.get(i - 1).map(status) != points.get(i).map(status))
                .collect()
        })
        .collect();
    Timeline { terms: deal.terms.iter().map(|term| copy(&term.id)).collect(), points, changes }
}

/// The headline's answer for `term`, judged as `status` says, on the timeline.
pub(crate) fn key_term(status: &TermStatus, timeline: &Timeline) -> KeyTerm {
    let term = timeline.terms.iter().position(|id| *id == status.id);
    let changes = term.and_then(|term| timeline.changes.get(term)).map_or(&[][..], Vec::as_slice);
    let at = |i: usize| {
        let point = timeline.points.get(i)?;
        let to = point.statuses.get(term?).copied()?;
        Some(Change { date: point.date, status: to, by: point.label.clone(), past: point.date <= status.as_of })
    };
    // The first point only says how the story starts; a change is a later one.
    let later = changes.iter().skip(1).filter_map(|&i| at(i));
    let (past, future): (Vec<Change>, Vec<Change>) = later.partition(|change| change.past);
    let change = past.into_iter().last().or_else(|| future.into_iter().next());
    KeyTerm {
        term: copy(&status.id),
        title: copy(&status.title),
        status: status.status,
        line: status.line.clone(),
        change,
    }
}

/// Every dated point of the scenario, with no statuses yet, in date order;
/// what happens on one day is one point, its labels joined.
fn dated_points(scenario: &Scenario, deal: &Deal) -> Vec<TimePoint> {
    let mut points: Vec<TimePoint> = Vec::new();
    let mut add = |date: Date, kind: PointKind, label: String| {
        // By hand rather than a sort: a few points, and no sorting code in the wasm for them.
        let at = points.iter().position(|p| p.date >= date).unwrap_or(points.len());
        match points.get_mut(at).filter(|p| p.date == date) {
            Some(same_day) => {
                same_day.label.push_str("; ");
                same_day.label.push_str(&label);
            }
            None => points.insert(at, TimePoint { date, kind, label, statuses: Vec::new() }),
        }
    };
    for regime in deal.regimes.iter() {
        if let Some(date) = regime.starts.to_date() {
            add(date, PointKind::Regime, regime.event.to_string());
        }
    }
    for round in &scenario.rounds {
        if let Some(date) = round.date {
            add(date, PointKind::Round, format!("the round \u{201c}{}\u{201d}", round.name));
        }
        for investment in &round.investments {
            let name = scenario.holder_name(&investment.holder);
            for tranche in &investment.tranches {
                add(tranche.date, PointKind::Tranche, format!("{name}'s payment of {}", tranche.amount.short()));
            }
        }
    }
    // In the deal's order, which is the order of the days for events that must follow another.
    for event in deal.events.iter() {
        if let Some(date) = scenario.events.get(&event.id) {
            add(date, PointKind::Event(copy(&event.id)), event.label.to_string());
        }
    }
    points
}

/// Every term's status on `date`, on the table `stage`.
fn statuses_on(scenario: &Scenario, deal: &Deal, stage: &Stage, date: Date) -> Vec<Status> {
    let ids: Vec<&str> = stage.holders.iter().map(|h| h.id.as_str()).collect();
    let groups: Vec<bool> = stage.holders.iter().map(|h| h.group).collect();
    let shares: Vec<u128> = stage.holders.iter().map(|h| h.shares).collect();
    let stakes = Stakes { ids: &ids, groups: &groups, shares: &shares, total: stage.total_shares };
    deal.terms
        .iter()
        .map(|term| {
            TermProbe::on(scenario, deal, stage, &term.id, date).map_or(Status::Unknown, |probe| probe.status(&stakes))
        })
        .collect()
}
