//! Judging a deal on a scenario: the date, the regime, every term's status and every route.

use crate::deal::{copy, words, Deal, Regime, Rule, TermUnder, Text};
use crate::scenario::{CountBasis, Scenario, WhatIf};
use crate::stage::Stage;
use crate::Date;

use super::condition::{fact_holds, fact_holds_at, holds, judge, Condition, Fact, Facts, Judged, Stakes};
use super::{AsOfBasis, Hosting, Route, Status, TermStatus};

/// Judges every term of the regime in force, and every route.
pub(crate) fn evaluate(scenario: &Scenario, deal: &Deal, last: &Stage) -> (Vec<TermStatus>, Vec<Route>) {
    // Every day of a valid deal is a real day, so there is always a date.
    let Some((as_of, basis)) = judging_date(scenario, deal) else { return (Vec::new(), Vec::new()) };
    let Some((chosen, in_force)) = chosen_regime(scenario, deal, as_of) else { return (Vec::new(), Vec::new()) };
    let pin_note = if chosen.id == in_force.id {
        String::new()
    } else {
        format!(" (the scenario pins {}; on {as_of} {} would apply)", chosen.name, in_force.name)
    };
    let facts = Facts { as_of, deal, events: &scenario.events, stage: last, product: None, partner: None };
    let context = Context { regime: chosen, facts, basis, pin_note, whatifs: &scenario.whatifs };
    let terms = deal.terms.iter().filter_map(|term| term.under(&chosen.id));
    if before_every_regime(deal, as_of) {
        let first = deal.first_regime().unwrap_or(chosen);
        let reason = format!(
            "not yet: no regime Fortress models is in force on {as_of}; the first, {}, takes effect on {} \
             (the earlier agreements are not modelled){}",
            first.name,
            first.starts,
            basis_note(deal, as_of, basis)
        );
        let terms = terms.map(|term| context.status(term, Status::NotYet, reason.clone(), None));
        return (terms.collect(), Vec::new());
    }
    let terms: Vec<TermStatus> = terms.map(|term| context.judge_term(term)).collect();
    let routes = deal.products.iter().map(|product| context.route(product, &terms)).collect();
    (terms, routes)
}

/// The regime a scenario is judged under on `as_of` (the one it pins, else
/// the one in force), and the one in force.
fn chosen_regime<'d>(scenario: &Scenario, deal: &'d Deal, as_of: Date) -> Option<(&'d Regime, &'d Regime)> {
    let in_force = deal.regime_on(as_of)?;
    let chosen = scenario.regime.as_deref().and_then(|id| deal.regime(id)).unwrap_or(in_force);
    Some((chosen, in_force))
}

/// True when `date` comes before the deal's first regime.
fn before_every_regime(deal: &Deal, date: Date) -> bool {
    deal.first_regime().is_some_and(|first| first.starts.compare(date).is_lt())
}

/// The date the terms are judged on: the scenario's, else its last dated
/// round's, else the day the deal's first regime took effect.
pub(crate) fn judging_date(scenario: &Scenario, deal: &Deal) -> Option<(Date, AsOfBasis)> {
    if let Some(as_of) = scenario.as_of {
        return Some((as_of, AsOfBasis::Scenario));
    }
    if let Some(date) = scenario.rounds.iter().rev().find_map(|round| round.date) {
        return Some((date, AsOfBasis::LastRound));
    }
    Some((deal.first_regime()?.starts.to_date()?, AsOfBasis::RegimeStart))
}

/// The last day money counts on, when the scenario counts only what was
/// funded: the day the terms are judged on. `None` when every cheque counts.
pub(crate) fn funded_to(scenario: &Scenario, deal: &Deal) -> Option<Date> {
    match scenario.count {
        CountBasis::Committed => None,
        CountBasis::Funded => judging_date(scenario, deal).map(|(date, _)| date),
    }
}

/// Said after a reason when the date was not the scenario's own.
fn basis_note(deal: &Deal, as_of: Date, basis: AsOfBasis) -> String {
    match basis {
        AsOfBasis::Scenario => String::new(),
        AsOfBasis::LastRound => format!(" (the scenario gives no date: judged on {as_of}, the date of the last round)"),
        AsOfBasis::RegimeStart => format!(
            " (the scenario gives no date and no round has one: judged on {as_of}, the day {} took effect)",
            deal.first_regime().map_or("the first regime", |first| &*first.name)
        ),
    }
}

/// Everything a term's judgement needs besides the term.
struct Context<'a> {
    regime: &'a Regime,
    facts: Facts<'a>,
    basis: AsOfBasis,
    /// Said after every reason when the scenario pins a regime other than the one in force.
    pin_note: String,
    whatifs: &'a [WhatIf],
}

impl Context<'_> {
    fn status(&self, term: TermUnder<'_>, status: Status, reason: String, whatif: Option<usize>) -> TermStatus {
        self.status_with_line(term, status, reason, whatif, String::new())
    }

    fn status_with_line(
        &self,
        term: TermUnder<'_>,
        status: Status,
        reason: String,
        whatif: Option<usize>,
        line: String,
    ) -> TermStatus {
        TermStatus {
            id: copy(&term.term.id),
            title: copy(term.title),
            grants: copy(term.grants),
            regime: copy(&self.regime.id),
            regime_name: copy(&self.regime.name),
            status,
            reason,
            source: copy(&term.cite.source),
            confidence: term.cite.confidence,
            source_url: Some(&term.cite.url).filter(|url| !url.is_empty()).map(copy),
            figures: crate::deal::List::clone(term.figures),
            as_of: self.facts.as_of,
            as_of_basis: self.basis,
            whatif,
            line,
        }
    }

    /// The contract's own answer first, then the reader's what-ifs on top of it.
    fn judge_term(&self, term: TermUnder<'_>) -> TermStatus {
        let (status, mut reason, uses_stakes) = self.by_contract(term.rule);
        let whatifs: Vec<(usize, &WhatIf)> =
            self.whatifs.iter().enumerate().filter(|(_, whatif)| whatif.term() == term.term.id).collect();
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
        reason.push_str(&basis_note(self.facts.deal, self.facts.as_of, self.basis));
        let status = if ended_by.is_some() { Status::Ended } else { status };
        self.status_with_line(term, status, reason, ended_by, line)
    }

    /// The status and reason the regime's sources give, and whether stakes can change them.
    fn by_contract(&self, rule: &Rule) -> (Status, String, bool) {
        match rule {
            Rule::Standing => {
                (Status::InForce, "in force: the sources set no end date or condition for it".to_owned(), false)
            }
            Rule::Until { ends, until } => {
                let Judged { holds, because } = judge(ends, &self.facts);
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
            Rule::Contested(one, other) => (Status::Contested, format!("contested: {one}; {other}"), false),
            Rule::Unstated(missing) => (Status::Unknown, format!("unknown: {missing}"), false),
        }
    }

    /// Tries the regime's routing rules in order; the first whose term gives an answer decides.
    fn route(&self, product: &crate::deal::Product, terms: &[TermStatus]) -> Route {
        let partner = product.partner.clone();
        let facts = Facts { product: Some(product.kind), partner: partner.as_deref(), ..self.facts };
        let mut last: Option<(&Text, Status)> = None;
        for rule in self.facts.deal.routes_of(&self.regime.id) {
            if !judge(&rule.when, &facts).holds {
                continue;
            }
            let Some(term) = terms.iter().find(|term| term.id == rule.term) else { continue };
            let answer = match term.status {
                Status::InForce => Some((&rule.in_force, &rule.note_in_force)),
                Status::Ended => rule.ended.as_ref().map(|hosting| (hosting, &rule.note_ended)),
                Status::NotYet | Status::Contested | Status::Unknown => None,
            };
            if let Some((hosting, note)) = answer {
                let mut reason = format!("{}, decided by \"{}\": {}", hosting.label(), term.title, term.reason);
                if !note.is_empty() {
                    reason = format!("{reason}. {note}");
                }
                let (hosting, term_status) = (hosting.clone(), term.status);
                return Route { product: product.kind, partner, hosting, term: copy(&rule.term), term_status, reason };
            }
            last = Some((&rule.term, term.status));
        }
        // A deal whose rules leave a product unanswered under a regime gets this answer.
        let (term, term_status) = last.map_or((words(""), Status::Unknown), |(id, s)| (Text::clone(id), s));
        let reason =
            format!("contested: no term of {} decides where {} may run", self.regime.name, product.kind.label());
        Route { product: product.kind, partner, hosting: Hosting::Contested, term, term_status, reason }
    }
}

/// One term's status as a function of the stakes alone, with everything else
/// about the scenario (the date, the regime, the events, the what-ifs) fixed:
/// what the sensitivity map asks for every cell. It gives the status that
/// [`evaluate`] would give the term on a table with these stakes, without
/// writing any reason; a test checks that the two agree.
pub(crate) struct TermProbe<'s> {
    rule: &'s Rule,
    facts: Facts<'s>,
    not_yet: bool,
    whatifs: Vec<Fact<'s>>,
    /// The status by the contract alone, when no stake can change it (no
    /// rule of the regime reads stakes): worked out once, not per table.
    by_contract: Option<Status>,
}

impl<'s> TermProbe<'s> {
    /// The probe for `term_id` under the regime `scenario` is judged by, or
    /// `None` when that regime has no such term. `last` is any final table of
    /// the scenario; only its stakes would matter, and [`TermProbe::status`]
    /// reads those from its argument instead.
    pub(crate) fn new(scenario: &'s Scenario, deal: &'s Deal, last: &'s Stage, term_id: &str) -> Option<TermProbe<'s>> {
        let (as_of, _) = judging_date(scenario, deal)?;
        TermProbe::on(scenario, deal, last, term_id, as_of)
    }

    /// The probe for `term_id` as [`TermProbe::new`] makes it, but judged on
    /// `as_of` instead of the scenario's own date: the timeline's points.
    pub(crate) fn on(
        scenario: &'s Scenario,
        deal: &'s Deal,
        last: &'s Stage,
        term_id: &str,
        as_of: Date,
    ) -> Option<TermProbe<'s>> {
        let (chosen, _) = chosen_regime(scenario, deal, as_of)?;
        let term = deal.term(term_id)?;
        let rule = term.under(&chosen.id)?.rule;
        let facts = Facts { as_of, deal, events: &scenario.events, stage: last, product: None, partner: None };
        let not_yet = before_every_regime(deal, as_of);
        let whatifs = scenario.whatifs.iter().filter(|w| w.term() == term.id).map(whatif_fact).collect();
        let mut probe = TermProbe { rule, facts, not_yet, whatifs, by_contract: None };
        if !matches!(rule, Rule::Until { ends, .. } if ends.uses_stakes()) {
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
        match self.rule {
            Rule::Standing => Status::InForce,
            Rule::Until { ends, .. } if holds(ends, &self.facts, stakes) => Status::Ended,
            Rule::Until { .. } => Status::InForce,
            Rule::EndedBy(_) => Status::Ended,
            Rule::Later(_) => Status::NotYet,
            Rule::Contested(..) => Status::Contested,
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
        WhatIf::StakeBelow { holder, percent, .. } => Fact::StakeBelow { holder: words(holder), percent: *percent },
        WhatIf::Outweighed { holder, .. } => Fact::Outweighed { holder: words(holder) },
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
