//! What evaluating a scenario gives: the cap table at every stage, and the terms.

use serde::Serialize;

use crate::compare::Comparison;
use crate::stage::{Pending, Stage};
use crate::terms::{KeyTerm, Route, TermStatus, Timeline};

/// Everything the widget and the command line show for one scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Outcome {
    /// The table before any round, then one stage per round.
    pub stages: Vec<Stage>,
    /// Every contract term with its status and the reason.
    pub terms: Vec<TermStatus>,
    /// Where each kind of product may run, and the term that decides it.
    pub routes: Vec<Route>,
    /// The money not yet paid on the date judged, when the scenario counts
    /// only what was funded: by round, holder, amount and date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<Pending>,
    /// Every dated point of the story with every term's status there.
    pub timeline: Timeline,
    /// The headline's term (Azure API exclusivity): its status, why in one
    /// line, and when it changes. `None` when no term is judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_term: Option<KeyTerm>,
    /// The outcome beside the baseline the scenario's `compare` names, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// Who gets what at the scenario's exit, when it asks about one or a
    /// round gives class terms (the full build only).
    #[cfg(feature = "full")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit: Option<crate::exit::ExitOutcome>,
}

impl Outcome {
    /// The table after the last round (or the starting table if there is none).
    pub fn last_stage(&self) -> Option<&Stage> {
        self.stages.last()
    }
}
