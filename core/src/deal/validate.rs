//! Checks a deal before anything is judged under it, naming the first field
//! that is wrong with its path in the deal format (docs/DEALS.md), such as
//! `terms[3].rules.apr-2026.until.any[1].stake_below.holder`.

use crate::check::{check_id, check_percent, check_text, check_url, field, item};
use crate::error::{ErrorKind, ScenarioError};
use crate::validate::MAX_NAME_CHARS;

use super::{Cite, Condition, Deal, EventDef, Fact, Figure, Hosting, Rule, Term};

/// The most events in one deal.
pub const MAX_DEAL_EVENTS: usize = 20;
/// The most regimes in one deal.
pub const MAX_REGIMES: usize = 20;
/// The most terms in one deal.
pub const MAX_TERMS: usize = 100;
/// The most routing rules in one deal.
pub const MAX_ROUTES: usize = 100;
/// The most figures of one term (under one regime).
pub const MAX_FIGURES: usize = 20;
/// The deepest a condition may nest: `{"any": [{"not": {...}}]}` is three deep.
pub const MAX_CONDITION_DEPTH: usize = 8;
/// The most conditions, all levels together, in one condition tree.
pub const MAX_CONDITION_PARTS: usize = 64;
/// The longest sentence of a deal (what a term grants, a reading, a note, a source), in characters.
pub const MAX_DEAL_TEXT_CHARS: usize = 1_000;

/// Checks every field of a deal: sizes, texts, ids, days, and that every id
/// it refers to (an event, a regime, a term) is one of its own.
///
/// Returns the first problem found, in the order the fields are written in
/// the deal format.
///
/// ```
/// use fortress_core::deal::{validate_deal, OPENAI_MICROSOFT};
/// assert_eq!(validate_deal(&OPENAI_MICROSOFT), Ok(()));
/// let mut deal = OPENAI_MICROSOFT.clone();
/// deal.key_term = "nope".into();
/// assert_eq!(validate_deal(&deal).unwrap_err().to_string(), "key_term: no term has the id \"nope\"");
/// ```
pub fn validate_deal(deal: &Deal) -> Result<(), ScenarioError> {
    check_id("", "id", &deal.id)?;
    check_text("", "name", &deal.name, MAX_NAME_CHARS, false)?;
    check_events(deal)?;
    check_regimes(deal)?;
    check_terms(deal)?;
    check_routes(deal)?;
    check_products(deal)?;
    if !deal.has_term(&deal.key_term) {
        return Err(ScenarioError::new("key_term", ErrorKind::UnknownTerm(short(&deal.key_term))));
    }
    check_id("", "whatif_holder", &deal.whatif_holder)
}

/// An id as an error message quotes it: at most 40 characters.
fn short(id: &str) -> String {
    id.chars().take(crate::check::MAX_ID_CHARS).collect()
}

fn count(at: &str, len: usize, max: usize, may_be_empty: bool) -> Result<(), ScenarioError> {
    if len > max {
        return Err(ScenarioError::new(at, ErrorKind::TooMany { max }));
    }
    if len == 0 && !may_be_empty {
        return Err(ScenarioError::new(at, ErrorKind::Empty));
    }
    Ok(())
}

/// An event's id: the key a scenario dates it under.
fn check_event_id(at: &str, name: &str, id: &str) -> Result<(), ScenarioError> {
    let ok = !id.is_empty()
        && id.len() <= crate::check::MAX_ID_CHARS
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ScenarioError::new(field(at, name), ErrorKind::BadEventId))
    }
}

fn check_events(deal: &Deal) -> Result<(), ScenarioError> {
    count("events", deal.events.len(), MAX_DEAL_EVENTS, true)?;
    for (i, event) in deal.events.iter().enumerate() {
        let at = item("events", "", i);
        let EventDef { id, name, label, happened, pending, not_before, default_day } = event;
        check_event_id(&at, ".id", id)?;
        if deal.events.iter().take(i).any(|e| e.id == *id) {
            return Err(ScenarioError::new(field(&at, ".id"), ErrorKind::DuplicateId(short(id))));
        }
        check_text(&at, ".name", name, MAX_NAME_CHARS, false)?;
        check_text(&at, ".label", label, MAX_NAME_CHARS, false)?;
        check_text(&at, ".happened", happened, MAX_NAME_CHARS, false)?;
        check_text(&at, ".pending", pending, MAX_NAME_CHARS, false)?;
        if let Some(other) = not_before {
            if other == id {
                return Err(ScenarioError::new(field(&at, ".not_before"), ErrorKind::SelfReference));
            }
            if deal.event(other).is_none() {
                return Err(ScenarioError::new(field(&at, ".not_before"), ErrorKind::UnknownEvent(short(other))));
            }
        }
        if default_day.to_date().is_none() {
            return Err(ScenarioError::new(field(&at, ".default_date"), ErrorKind::BadDay));
        }
    }
    Ok(())
}

fn check_regimes(deal: &Deal) -> Result<(), ScenarioError> {
    count("regimes", deal.regimes.len(), MAX_REGIMES, false)?;
    let mut last = None;
    for (i, regime) in deal.regimes.iter().enumerate() {
        let at = item("regimes", "", i);
        check_id(&at, ".id", &regime.id)?;
        if deal.regimes.iter().take(i).any(|r| r.id == regime.id) {
            return Err(ScenarioError::new(field(&at, ".id"), ErrorKind::DuplicateId(short(&regime.id))));
        }
        check_text(&at, ".name", &regime.name, MAX_NAME_CHARS, false)?;
        check_text(&at, ".event", &regime.event, MAX_NAME_CHARS, false)?;
        let Some(starts) = regime.starts.to_date() else {
            return Err(ScenarioError::new(field(&at, ".starts"), ErrorKind::BadDay));
        };
        if let Some(last) = last.filter(|&last| starts <= last) {
            return Err(ScenarioError::new(field(&at, ".starts"), ErrorKind::NotAfter(last)));
        }
        last = Some(starts);
        check_cite(&field(&at, ".source"), &regime.source)?;
    }
    Ok(())
}

fn check_cite(at: &str, cite: &Cite) -> Result<(), ScenarioError> {
    check_text(at, ".text", &cite.source, MAX_DEAL_TEXT_CHARS, false)?;
    if !cite.url.is_empty() {
        check_url(&field(at, ".url"), &cite.url)?;
    }
    Ok(())
}

fn check_figures(at: &str, figures: &[Figure]) -> Result<(), ScenarioError> {
    count(at, figures.len(), MAX_FIGURES, true)?;
    for (j, figure) in figures.iter().enumerate() {
        let at = item(at, "", j);
        check_text(&at, ".fact", &figure.fact, MAX_DEAL_TEXT_CHARS, false)?;
        check_cite(&field(&at, ".source"), &figure.cite)?;
    }
    Ok(())
}

fn check_terms(deal: &Deal) -> Result<(), ScenarioError> {
    count("terms", deal.terms.len(), MAX_TERMS, false)?;
    for (i, term) in deal.terms.iter().enumerate() {
        let at = item("terms", "", i);
        check_id(&at, ".id", &term.id)?;
        if deal.terms.iter().take(i).any(|t| t.id == term.id) {
            return Err(ScenarioError::new(field(&at, ".id"), ErrorKind::DuplicateId(short(&term.id))));
        }
        check_text(&at, ".title", &term.title, MAX_NAME_CHARS, false)?;
        check_text(&at, ".grants", &term.grants, MAX_DEAL_TEXT_CHARS, false)?;
        check_cite(&field(&at, ".source"), &term.cite)?;
        check_figures(&field(&at, ".figures"), &term.figures)?;
        check_rules(deal, &at, term)?;
    }
    Ok(())
}

/// A term's rules: one for every regime of the deal, none for another.
fn check_rules(deal: &Deal, at: &str, term: &Term) -> Result<(), ScenarioError> {
    let rules_at = field(at, ".rules");
    for (k, regime_rule) in term.rules.iter().enumerate() {
        let regime = &regime_rule.regime;
        let at = format!("{rules_at}.{regime}");
        if deal.regime(regime).is_none() {
            return Err(ScenarioError::new(at, ErrorKind::UnknownRegime(short(regime))));
        }
        if term.rules.iter().take(k).any(|r| r.regime == *regime) {
            return Err(ScenarioError::new(at, ErrorKind::DuplicateId(short(regime))));
        }
        if let Some(title) = &regime_rule.title {
            check_text(&at, ".title", title, MAX_NAME_CHARS, false)?;
        }
        if let Some(grants) = &regime_rule.grants {
            check_text(&at, ".grants", grants, MAX_DEAL_TEXT_CHARS, false)?;
        }
        if let Some(cite) = &regime_rule.cite {
            check_cite(&field(&at, ".source"), cite)?;
        }
        if let Some(figures) = &regime_rule.figures {
            check_figures(&field(&at, ".figures"), figures)?;
        }
        match &regime_rule.rule {
            Rule::Standing => {}
            Rule::Until { ends, until } => {
                check_condition(deal, &field(&at, ".until"), ends, 1, &mut 0)?;
                check_text(&at, ".words", until, MAX_DEAL_TEXT_CHARS, false)?;
            }
            Rule::EndedBy(words) => check_text(&at, ".ended", words, MAX_DEAL_TEXT_CHARS, false)?,
            Rule::Later(words) => check_text(&at, ".later", words, MAX_DEAL_TEXT_CHARS, false)?,
            Rule::Contested(one, other) => {
                check_text(&at, ".contested[0]", one, MAX_DEAL_TEXT_CHARS, false)?;
                check_text(&at, ".contested[1]", other, MAX_DEAL_TEXT_CHARS, false)?;
            }
            Rule::Unstated(missing) => check_text(&at, ".unstated", missing, MAX_DEAL_TEXT_CHARS, false)?,
        }
    }
    match deal.regimes.iter().find(|regime| term.under(&regime.id).is_none()) {
        Some(regime) => Err(ScenarioError::new(rules_at, ErrorKind::MissingRule(short(&regime.id)))),
        None => Ok(()),
    }
}

/// A condition tree, `depth` deep where it starts, with `parts` conditions counted so far.
fn check_condition(
    deal: &Deal,
    at: &str,
    condition: &Condition<'_>,
    depth: usize,
    parts: &mut usize,
) -> Result<(), ScenarioError> {
    if depth > MAX_CONDITION_DEPTH {
        return Err(ScenarioError::new(at, ErrorKind::TooDeep { max: MAX_CONDITION_DEPTH }));
    }
    *parts += 1;
    if *parts > MAX_CONDITION_PARTS {
        return Err(ScenarioError::new(at, ErrorKind::TooManyParts { max: MAX_CONDITION_PARTS }));
    }
    let list = |name: &str, list: &[Condition<'_>], parts: &mut usize| -> Result<(), ScenarioError> {
        for (i, part) in list.iter().enumerate() {
            check_condition(deal, &item(at, name, i), part, depth + 1, parts)?;
        }
        Ok(())
    };
    match condition {
        Condition::Always => Ok(()),
        Condition::All(all) => list(".all", all, parts),
        Condition::Any(any) => list(".any", any, parts),
        Condition::Not(not) => match &not[..] {
            [one] => check_condition(deal, &field(at, ".not"), one, depth + 1, parts),
            _ => list(".not", not, parts),
        },
        Condition::Fact(fact) => check_fact(deal, at, fact),
    }
}

fn check_fact(deal: &Deal, at: &str, fact: &Fact<'_>) -> Result<(), ScenarioError> {
    match fact {
        Fact::OnOrAfter(day) | Fact::After(day) => {
            let name = if matches!(fact, Fact::After(_)) { ".after" } else { ".on_or_after" };
            match day.to_date() {
                Some(_) => Ok(()),
                None => Err(ScenarioError::new(field(at, name), ErrorKind::BadDay)),
            }
        }
        Fact::Event(id) => match deal.event(id) {
            Some(_) => Ok(()),
            None => Err(ScenarioError::new(field(at, ".event"), ErrorKind::UnknownEvent(short(id)))),
        },
        Fact::StakeBelow { holder, percent } | Fact::StakeAbove { holder, percent } => {
            let at = field(at, if matches!(fact, Fact::StakeBelow { .. }) { ".stake_below" } else { ".stake_above" });
            check_id(&at, ".holder", holder)?;
            check_percent(&at, ".percent", *percent)
        }
        Fact::Outweighed { holder } => check_id(&field(at, ".outweighed"), ".holder", holder),
        Fact::AnyHolderAbove { percent } => check_percent(&field(at, ".any_holder_above"), ".percent", *percent),
        Fact::Product(_) => Ok(()),
        Fact::Partner(partner) => check_text(at, ".partner", partner, MAX_NAME_CHARS, false),
    }
}

fn check_hosting(at: &str, hosting: &Hosting) -> Result<(), ScenarioError> {
    match hosting {
        Hosting::Only(cloud) => check_text(at, ".only", cloud, MAX_NAME_CHARS, false),
        Hosting::AnyCloud | Hosting::Contested => Ok(()),
    }
}

fn check_routes(deal: &Deal) -> Result<(), ScenarioError> {
    count("routes", deal.routes.len(), MAX_ROUTES, true)?;
    for (i, route) in deal.routes.iter().enumerate() {
        let at = item("routes", "", i);
        count(&field(&at, ".regimes"), route.regimes.len(), MAX_REGIMES, true)?;
        for (j, regime) in route.regimes.iter().enumerate() {
            if deal.regime(regime).is_none() {
                let kind = ErrorKind::UnknownRegime(short(regime));
                return Err(ScenarioError::new(item(&at, ".regimes", j), kind));
            }
        }
        check_condition(deal, &field(&at, ".when"), &route.when, 1, &mut 0)?;
        if !deal.has_term(&route.term) {
            return Err(ScenarioError::new(field(&at, ".term"), ErrorKind::UnknownTerm(short(&route.term))));
        }
        check_hosting(&field(&at, ".in_force"), &route.in_force)?;
        if let Some(ended) = &route.ended {
            check_hosting(&field(&at, ".ended"), ended)?;
        }
        check_text(&at, ".note_in_force", &route.note_in_force, MAX_DEAL_TEXT_CHARS, true)?;
        check_text(&at, ".note_ended", &route.note_ended, MAX_DEAL_TEXT_CHARS, true)?;
    }
    Ok(())
}

fn check_products(deal: &Deal) -> Result<(), ScenarioError> {
    count("products", deal.products.len(), super::ProductKind::ALL.len(), true)?;
    for (i, product) in deal.products.iter().enumerate() {
        let at = item("products", "", i);
        if deal.products.iter().take(i).any(|p| p.kind == product.kind) {
            let kind = ErrorKind::DuplicateId(product.kind.name().to_owned());
            return Err(ScenarioError::new(field(&at, ".kind"), kind));
        }
        if let Some(partner) = &product.partner {
            check_text(&at, ".partner", partner, MAX_NAME_CHARS, false)?;
        }
    }
    Ok(())
}
