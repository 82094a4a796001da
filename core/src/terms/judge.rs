//! Judging the catalogue on a scenario: the date, the regime, every term's status and every route.

use crate::scenario::{CountBasis, RegimeId, Scenario, WhatIf};
use crate::stage::Stage;
use crate::Date;

use super::catalogue::{regime, Regime, RouteRule, Rule, Term, REGIMES};
use super::condition::{fact_holds, fact_holds_at, holds, judge, Condition, Fact, Facts, Judged, Stakes};
use super::{AsOfBasis, Hosting, ProductKind, Route, Status, TermStatus};

/// Judges every term of the regime in force, and every route.
pub(crate) fn evaluate(scenario: &Scenario, last: &Stage) -> (Vec<TermStatus>, Vec<Route>) {
    // Every day in the catalogue is a real day (a test checks it), so there is always a date.
    let Some((as_of, basis)) = judging_date(scenario) else { return (Vec::new(), Vec::new()) };
    let in_force = regime_on(as_of);
    let chosen = regime(scenario.regime.unwrap_or(in_force));
    let pin_note = match scenario.regime {
        Some(pinned) if pinned != in_force => {
            format!(" (the scenario pins {}; on {as_of} {} would apply)", chosen.name, regime(in_force).name)
        }
        _ => String::new(),
    };
    let facts = Facts { as_of, events: &scenario.events, stage: last, product: None, partner: None };
    let context = Context { regime: chosen, facts, basis, pin_note, whatifs: &scenario.whatifs };
    let first = first_regime();
    if first.starts.compare(as_of).is_lt() {
        let reason = format!(
            "not yet: no regime Fortress models is in force on {as_of}; the first, {}, takes effect on {} \
             (the earlier agreements are not modelled){}",
            first.name,
            first.starts,
            basis_note(as_of, basis)
        );
        let terms = chosen.terms.iter().map(|term| context.status(term, Status::NotYet, reason.clone(), None));
        return (terms.collect(), Vec::new());
    }
    let terms: Vec<TermStatus> = chosen.terms.iter().map(|term| context.judge_term(term)).collect();
    let routes = ProductKind::ALL.iter().map(|&product| context.route(product, &terms)).collect();
    (terms, routes)
}

/// The date the terms are judged on: the scenario's, else its last dated
/// round's, else the day the first regime took effect.
pub(crate) fn judging_date(scenario: &Scenario) -> Option<(Date, AsOfBasis)> {
    if let Some(as_of) = scenario.as_of {
        return Some((as_of, AsOfBasis::Scenario));
    }
    if let Some(date) = scenario.rounds.iter().rev().find_map(|round| round.date) {
        return Some((date, AsOfBasis::LastRound));
    }
    Some((first_regime().starts.to_date()?, AsOfBasis::RegimeStart))
}

/// The last day money counts on, when the scenario counts only what was
/// funded: the day the terms are judged on. `None` when every cheque counts.
pub(crate) fn funded_to(scenario: &Scenario) -> Option<Date> {
    match scenario.count {
        CountBasis::Committed => None,
        CountBasis::Funded => judging_date(scenario).map(|(date, _)| date),
    }
}

/// The latest regime that has taken effect on `date`; the first one before any has.
pub(crate) fn regime_on(date: Date) -> RegimeId {
    REGIMES.iter().rev().find(|regime| regime.starts.compare(date).is_ge()).map_or(RegimeId::Oct2025, |r| r.id)
}

pub(crate) fn first_regime() -> &'static Regime {
    REGIMES.first().unwrap_or(regime(RegimeId::Oct2025))
}

/// Said after a reason when the date was not the scenario's own.
fn basis_note(as_of: Date, basis: AsOfBasis) -> String {
    match basis {
        AsOfBasis::Scenario => String::new(),
        AsOfBasis::LastRound => format!(" (the scenario gives no date: judged on {as_of}, the date of the last round)"),
        AsOfBasis::RegimeStart => format!(
            " (the scenario gives no date and no round has one: judged on {as_of}, the day the October 2025 \
             agreement took effect)"
        ),
    }
}

/// Everything a term's judgement needs besides the term.
struct Context<'a> {
    regime: &'static Regime,
    facts: Facts<'a>,
    basis: AsOfBasis,
    /// Said after every reason when the scenario pins a regime other than the one in force.
    pin_note: String,
    whatifs: &'a [WhatIf],
}

impl Context<'_> {
    fn status(&self, term: &Term, status: Status, reason: String, whatif: Option<usize>) -> TermStatus {
        self.status_with_line(term, status, reason, whatif, String::new())
    }

    fn status_with_line(
        &self,
        term: &Term,
        status: Status,
        reason: String,
        whatif: Option<usize>,
        line: String,
    ) -> TermStatus {
        TermStatus {
            id: term.id,
            title: term.title,
            grants: term.grants,
            regime: self.regime.id,
            status,
            reason,
            source: term.cite.source,
            confidence: term.cite.confidence,
            source_url: Some(term.cite.url).filter(|url| !url.is_empty()),
            figures: term.figures,
            as_of: self.facts.as_of,
            as_of_basis: self.basis,
            whatif,
            line,
        }
    }

    /// The contract's own answer first, then the reader's what-ifs on top of it.
    fn judge_term(&self, term: &Term) -> TermStatus {
        let (status, mut reason, uses_stakes) = self.by_contract(term);
        let whatifs: Vec<(usize, &WhatIf)> =
            self.whatifs.iter().enumerate().filter(|(_, whatif)| whatif.term() == term.id).collect();
        let mut ended_by = None;
        let mut line = if uses_stakes { String::new() } else { "stakes have no bearing on it".to_owned() };
        for &(index, whatif) in &whatifs {
            let judged = judge(&Condition::Fact(whatif_fact(whatif)), &self.facts);
            let described = describe_whatif(whatif, self.facts.stage);
            match (status, judged.holds, ended_by) {
                (Status::NotYet, ..) => {}
                (Status::Ended, true, _) => {
                    reason = format!("{reason}; your what-if (ends {described}) would end it too: {}", judged.because);
                }
                (_, true, None) => {
                    let without = reason;
                    line = format!("ended by your what-if (ends {described}): {}", judged.because);
                    reason = format!("{line}; without it, the term would be {without}");
                    ended_by = Some(index);
                }
                (_, true, Some(_)) => {
                    reason = format!("{reason}; another what-if (ends {described}) also holds: {}", judged.because);
                }
                (_, false, _) => {
                    let clause = format!("your what-if (ends {described}) does not end it: {}", judged.because);
                    if ended_by.is_none() && status == Status::InForce {
                        line = clause.clone();
                    }
                    reason = format!("{reason}; {clause}");
                }
            }
        }
        if status == Status::InForce && whatifs.is_empty() && !uses_stakes {
            reason.push_str("; stakes have no bearing on this term");
        }
        reason.push_str(&self.pin_note);
        reason.push_str(&basis_note(self.facts.as_of, self.basis));
        let status = if ended_by.is_some() { Status::Ended } else { status };
        self.status_with_line(term, status, reason, ended_by, line)
    }

    /// The status and reason the regime's sources give, and whether stakes can change them.
    fn by_contract(&self, term: &Term) -> (Status, String, bool) {
        match term.rule {
            Rule::Standing => {
                (Status::InForce, "in force: the sources set no end date or condition for it".to_owned(), false)
            }
            Rule::Until { ends, until } => {
                let Judged { holds, because } = judge(&ends, &self.facts);
                let reason = if holds {
                    format!("ended: {because} (the term lasts {until})")
                } else if ends.only_dates() {
                    format!("in force {until}")
                } else {
                    format!("in force {until}: {because}")
                };
                (if holds { Status::Ended } else { Status::InForce }, reason, ends.uses_stakes())
            }
            Rule::EndedBy(how) => (Status::Ended, format!("ended: {how}"), false),
            Rule::Later(how) => (Status::NotYet, format!("not yet: {how}"), false),
            Rule::Contested(readings) => (Status::Contested, readings.to_owned(), false),
            Rule::Unstated(missing) => (Status::Unknown, format!("unknown: {missing}"), false),
        }
    }

    /// Tries the regime's routing rules in order; the first whose term gives an answer decides.
    fn route(&self, product: ProductKind, terms: &[TermStatus]) -> Route {
        let partner = product.partner();
        let facts = Facts { product: Some(product), partner, ..self.facts };
        let mut last_rule: Option<(&RouteRule, &TermStatus)> = None;
        for rule in self.regime.routes {
            if !judge(&rule.when, &facts).holds {
                continue;
            }
            let Some(term) = terms.iter().find(|term| term.id == rule.term) else { continue };
            let answer = match term.status {
                Status::InForce => Some((rule.in_force, rule.note_in_force)),
                Status::Ended => rule.ended.map(|hosting| (hosting, rule.note_ended)),
                Status::NotYet | Status::Contested | Status::Unknown => None,
            };
            if let Some((hosting, note)) = answer {
                let mut reason = format!("{}, decided by \"{}\": {}", hosting.label(), term.title, term.reason);
                if !note.is_empty() {
                    reason = format!("{reason}. {note}");
                }
                return Route { product, partner, hosting, term: rule.term, term_status: term.status, reason };
            }
            last_rule = Some((rule, term));
        }
        // Every regime ends with a rule for every product whose term always
        // answers, so this is reached only if the catalogue is changed badly.
        let (term, term_status) = last_rule.map_or(("", Status::Unknown), |(rule, term)| (rule.term, term.status));
        let reason = format!("contested: no term of {} decides where {} may run", self.regime.name, product.label());
        Route { product, partner, hosting: Hosting::Contested, term, term_status, reason }
    }
}

/// One term's status as a function of the stakes alone, with everything else
/// about the scenario (the date, the regime, the events, the what-ifs) fixed:
/// what the sensitivity map asks for every cell. It gives the status that
/// [`evaluate`] would give the term on a table with these stakes, without
/// writing any reason; a test checks that the two agree.
pub(crate) struct TermProbe<'s> {
    term: &'static Term,
    facts: Facts<'s>,
    not_yet: bool,
    whatifs: Vec<Fact<'s>>,
    /// The status by the contract alone, when no stake can change it (no
    /// catalogue rule reads stakes yet): worked out once, not per table.
    by_contract: Option<Status>,
}

impl<'s> TermProbe<'s> {
    /// The probe for `term_id` under the regime `scenario` is judged by, or
    /// `None` when that regime has no such term. `last` is any final table of
    /// the scenario; only its stakes would matter, and [`TermProbe::status`]
    /// reads those from its argument instead.
    pub(crate) fn new(scenario: &'s Scenario, last: &'s Stage, term_id: &str) -> Option<TermProbe<'s>> {
        let (as_of, _) = judging_date(scenario)?;
        TermProbe::on(scenario, last, term_id, as_of)
    }

    /// The probe for `term_id` as [`TermProbe::new`] makes it, but judged on
    /// `as_of` instead of the scenario's own date: the timeline's points.
    pub(crate) fn on(scenario: &'s Scenario, last: &'s Stage, term_id: &str, as_of: Date) -> Option<TermProbe<'s>> {
        let chosen = regime(scenario.regime.unwrap_or(regime_on(as_of)));
        let term = chosen.terms.iter().find(|term| term.id == term_id)?;
        let facts = Facts { as_of, events: &scenario.events, stage: last, product: None, partner: None };
        let not_yet = first_regime().starts.compare(as_of).is_lt();
        let whatifs = scenario.whatifs.iter().filter(|w| w.term() == term.id).map(whatif_fact).collect();
        let mut probe = TermProbe { term, facts, not_yet, whatifs, by_contract: None };
        if !matches!(&term.rule, Rule::Until { ends, .. } if ends.uses_stakes()) {
            // No fact of the rule reads stakes, so any table gives the same answer.
            let none = Stakes { ids: &[], groups: &[], shares: &[], total: 0 };
            probe.by_contract = Some(probe.contract_status(&none));
        }
        Some(probe)
    }

    /// The term's status on a table with these stakes.
    pub(crate) fn status(&self, stakes: &Stakes<'_>) -> Status {
        self.status_with(stakes, || self.whatifs.iter().any(|fact| fact_holds(fact, &self.facts, stakes)))
    }

    /// The probe for many tables that list the holders of `stakes` in the
    /// same order (their shares may differ), as the sensitivity map's cells do:
    /// the holders the what-ifs name are found once, not per table.
    pub(crate) fn bind<'p>(&'p self, stakes: &Stakes<'_>) -> BoundProbe<'p, 's> {
        let at = self.whatifs.iter().map(|fact| fact.holder().and_then(|holder| stakes.find(holder))).collect();
        BoundProbe { probe: self, at }
    }

    /// The status, with `ended_by_whatif` saying whether a what-if holds on the table.
    #[inline(always)]
    fn status_with(&self, stakes: &Stakes<'_>, ended_by_whatif: impl FnOnce() -> bool) -> Status {
        if self.not_yet {
            return Status::NotYet;
        }
        let status = self.by_contract.unwrap_or_else(|| self.contract_status(stakes));
        // As in judging with words: a what-if ends a term that applies, not one ended or not yet in.
        if !matches!(status, Status::Ended | Status::NotYet) && ended_by_whatif() {
            Status::Ended
        } else {
            status
        }
    }

    /// The status the contract gives on a table with these stakes, before any what-if.
    fn contract_status(&self, stakes: &Stakes<'_>) -> Status {
        match &self.term.rule {
            Rule::Standing => Status::InForce,
            Rule::Until { ends, .. } if holds(ends, &self.facts, stakes) => Status::Ended,
            Rule::Until { .. } => Status::InForce,
            Rule::EndedBy(_) => Status::Ended,
            Rule::Later(_) => Status::NotYet,
            Rule::Contested(_) => Status::Contested,
            Rule::Unstated(_) => Status::Unknown,
        }
    }
}

/// A [`TermProbe`] bound to the order in which tables list their holders.
pub(crate) struct BoundProbe<'p, 's> {
    probe: &'p TermProbe<'s>,
    /// Where the holder each what-if names is listed.
    at: Vec<Option<usize>>,
}

impl BoundProbe<'_, '_> {
    /// The term's status on a table with these stakes, which must list the
    /// holders as the stakes the probe was bound to did; then it is
    /// [`TermProbe::status`] exactly.
    #[inline(always)]
    pub(crate) fn status(&self, stakes: &Stakes<'_>) -> Status {
        let probe = self.probe;
        let mut whatifs = probe.whatifs.iter().zip(&self.at);
        probe.status_with(stakes, || whatifs.any(|(fact, &at)| fact_holds_at(fact, at, &probe.facts, stakes)))
    }
}

/// The fact a what-if asks about, borrowing its holder from the scenario.
fn whatif_fact(whatif: &WhatIf) -> Fact<'_> {
    match whatif {
        WhatIf::StakeBelow { holder, percent, .. } => Fact::StakeBelow { holder, percent: *percent },
        WhatIf::Outweighed { holder, .. } => Fact::Outweighed { holder },
        WhatIf::HolderAbove { percent, .. } => Fact::AnyHolderAbove { percent: *percent },
    }
}

/// A what-if in words, as it reads after "ends": "if Microsoft's stake falls below 25%".
fn describe_whatif(whatif: &WhatIf, stage: &Stage) -> String {
    let name = |id: &str| stage.holder(id).map_or_else(|| id.to_owned(), |row| row.name.clone());
    match whatif {
        WhatIf::StakeBelow { holder, percent, .. } => format!("if the stake of {} falls below {percent}", name(holder)),
        WhatIf::Outweighed { holder, .. } => {
            format!("if another single holder's stake exceeds that of {}", name(holder))
        }
        WhatIf::HolderAbove { percent, .. } => format!("if one holder's stake passes {percent}"),
    }
}
