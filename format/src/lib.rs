//! The text forms of Fortress: scenario JSON in, scenario and outcome JSON out.
//!
//! This is the only layer that knows JSON text. Every reader of a scenario
//! (the command line, the widget, the embed) goes through [`parse_scenario`],
//! so every reader gives the same message for the same mistake. Share links
//! ([`link`]) carry the same scenarios in a URL fragment, without JSON. The
//! cap table goes out as CSV ([`csv`]), with exact figures ([`figures`]).

pub mod csv;
#[cfg(feature = "full")]
pub mod deal;
pub mod embed;
#[cfg(feature = "full")]
pub mod equity;
pub mod figures;
pub mod link;
pub mod numbers;
pub mod summary;
pub mod view;

use std::fmt;

use fortress_core::{Outcome, Scenario, ScenarioError};

pub use link::{Link, LinkError};

/// The largest scenario text accepted, checked before parsing: 1 MiB, far
/// above a 2,000-holder scenario and far below what could hurt a page.
pub const MAX_SCENARIO_BYTES: usize = 1 << 20;

/// Why a text was refused (a scenario, and in the full build a deal file or
/// an equity file): the field at fault, or where the text breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The text is larger than its limit ([`MAX_SCENARIO_BYTES`] for a scenario).
    TooLarge {
        /// What the text was to be: `scenario`, `deal`, `equity`.
        what: &'static str,
        /// The size of the text, in bytes.
        bytes: usize,
        /// The limit, in bytes.
        limit: usize,
    },
    /// The text is not JSON, or a field has the wrong type, name or form.
    Json {
        /// The path of the field, such as `rounds[0].investments[1].amount`, or
        /// `scenario` when the text as a whole is at fault.
        field: String,
        /// What is wrong, in serde's words (with line and column).
        message: String,
    },
    /// The JSON is well formed but the scenario does not make sense.
    Invalid(ScenarioError),
}

impl FormatError {
    /// The path of the field at fault, or `scenario` for the whole text.
    pub fn field(&self) -> &str {
        match self {
            FormatError::TooLarge { what, .. } => what,
            FormatError::Json { field, .. } => field,
            FormatError::Invalid(error) => &error.field,
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooLarge { what, bytes, limit } => {
                write!(f, "{what}: the text is {bytes} bytes; the limit is {limit}")
            }
            FormatError::Json { field, message } => write!(f, "{field}: {message}"),
            FormatError::Invalid(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for FormatError {}

impl From<ScenarioError> for FormatError {
    fn from(error: ScenarioError) -> FormatError {
        FormatError::Invalid(error)
    }
}

/// Reads and validates a scenario from JSON text.
///
/// ```
/// let error = fortress_format::parse_scenario(r#"{"version": 1, "holders": [], "extra": 1}"#).unwrap_err();
/// assert_eq!(error.field(), "extra");
/// let error = fortress_format::parse_scenario(r#"{"version": 1, "holders": []}"#).unwrap_err();
/// assert_eq!(error.to_string(), "holders: must not be empty");
/// ```
pub fn parse_scenario(text: &str) -> Result<Scenario, FormatError> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(FormatError::TooLarge { what: "scenario", bytes: text.len(), limit: MAX_SCENARIO_BYTES });
    }
    let scenario = from_json(text)?;
    fortress_core::validate(&scenario)?;
    Ok(scenario)
}

/// Reads a scenario from JSON text and validates it with `deal` as the deal
/// at hand (a publisher's): under it when the scenario names no deal or names
/// it, else under the built-in deal it names.
pub fn parse_scenario_with(text: &str, deal: &fortress_core::Deal) -> Result<Scenario, FormatError> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(FormatError::TooLarge { what: "scenario", bytes: text.len(), limit: MAX_SCENARIO_BYTES });
    }
    let scenario = from_json(text)?;
    fortress_core::validate_with(&scenario, deal)?;
    Ok(scenario)
}

/// Reads a scenario from JSON text without validating what it says.
fn from_json(text: &str) -> Result<Scenario, FormatError> {
    // serde would read a struct from an array of its fields in order; a
    // scenario is only ever written as an object, so say so plainly.
    let first = text.trim_start().chars().next();
    if first.is_some() && first != Some('{') {
        let message = "must be a JSON object, starting with {".to_owned();
        return Err(FormatError::Json { field: "scenario".to_owned(), message });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let scenario: Scenario = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        // serde_path_to_error writes "." for the root and "?" where the
        // text ended before a field was known.
        let field = if path == "." || path.starts_with('?') { "scenario".to_owned() } else { path };
        FormatError::Json { field, message: error.into_inner().to_string() }
    })?;
    deserializer
        .end()
        .map_err(|error| FormatError::Json { field: "scenario".to_owned(), message: error.to_string() })?;
    Ok(scenario)
}

/// Writes a scenario as indented JSON in the v1 format.
pub fn scenario_to_json(scenario: &Scenario) -> String {
    to_json(scenario)
}

/// Writes an outcome as indented JSON.
pub fn outcome_to_json(outcome: &Outcome) -> String {
    to_json(outcome)
}

/// Writes a scenario and its outcome as one indented JSON document,
/// `{"scenario": ..., "outcome": ...}`, each written as [`scenario_to_json`]
/// and [`outcome_to_json`] write it: what `fortress eval --with-scenario`
/// prints and the reader tools save, so that the two texts are the same.
///
/// ```
/// let scenario = fortress_core::presets::feb_2026_pre_money();
/// let outcome = fortress_core::evaluate(&scenario).unwrap();
/// let text = fortress_format::scenario_and_outcome_json(&scenario, &outcome);
/// assert!(text.starts_with("{\n  \"scenario\": {\n    \"version\": 1,"));
/// ```
pub fn scenario_and_outcome_json(scenario: &Scenario, outcome: &Outcome) -> String {
    #[derive(serde::Serialize)]
    struct Both<'a> {
        scenario: &'a Scenario,
        outcome: &'a Outcome,
    }
    to_json(&Both { scenario, outcome })
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serializing these plain types cannot fail: no maps with non-string keys,
    // no failing Serialize impls. Fall back to an empty object all the same.
    serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_and_outcome_are_the_texts_each_writer_gives() {
        for preset in fortress_core::presets::ALL {
            let scenario = fortress_core::presets::by_name(preset.name).unwrap();
            let outcome = fortress_core::evaluate(&scenario).unwrap();
            let both: serde_json::Value =
                serde_json::from_str(&scenario_and_outcome_json(&scenario, &outcome)).unwrap();
            let alone = |text: String| serde_json::from_str::<serde_json::Value>(&text).unwrap();
            assert_eq!(both["scenario"], alone(scenario_to_json(&scenario)), "{}", preset.name);
            assert_eq!(both["outcome"], alone(outcome_to_json(&outcome)), "{}", preset.name);
            assert_eq!(both.as_object().map(|o| o.len()), Some(2));
        }
    }
}
