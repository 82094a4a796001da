//! The small checks every validation shares: texts, ids, addresses and
//! percentages, each naming the field at fault, and the paths of fields.

use crate::error::{ErrorKind, ScenarioError};
use crate::Percent;

/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 40;
/// The longest web address of a source, in characters.
pub const MAX_URL_CHARS: usize = 600;

/// The field `name` of `at`, such as `holders[0]` and `.percent`, written
/// only for an error: a check that passes formats nothing.
pub(crate) fn field(at: &str, name: &str) -> String {
    [at, name].concat()
}

/// Item `i` of the list `name` of `at`, such as `rounds[0]` and `.investments`.
pub(crate) fn item(at: &str, name: &str, i: usize) -> String {
    format!("{at}{name}[{i}]")
}

pub(crate) fn check_percent(at: &str, name: &str, percent: Percent) -> Result<(), ScenarioError> {
    if percent.is_valid_stake() {
        Ok(())
    } else {
        Err(ScenarioError::new(field(at, name), ErrorKind::PercentOutOfRange(percent)))
    }
}

/// A source's address, which the widget puts in a link: `https://`, a host,
/// and only the printable ASCII that needs no escaping in an attribute.
pub(crate) fn check_url(at: &str, url: &str) -> Result<(), ScenarioError> {
    let host = url.strip_prefix("https://").and_then(|rest| rest.split(['/', '?', '#']).next());
    let host_ok =
        host.is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:".contains(&b)));
    let chars_ok =
        url.len() <= MAX_URL_CHARS && url.bytes().all(|b| b.is_ascii_graphic() && !b"\"'<>\\`{}|^".contains(&b));
    if host_ok && chars_ok {
        Ok(())
    } else {
        Err(ScenarioError::new(at, ErrorKind::BadUrl))
    }
}

pub(crate) fn check_id(at: &str, name: &str, id: &str) -> Result<(), ScenarioError> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(ScenarioError::new(field(at, name), ErrorKind::BadId))
    }
}

pub(crate) fn check_text(
    at: &str,
    name: &str,
    text: &str,
    max: usize,
    may_be_empty: bool,
) -> Result<(), ScenarioError> {
    if !may_be_empty && text.trim().is_empty() {
        return Err(ScenarioError::new(field(at, name), ErrorKind::Empty));
    }
    if text.chars().count() > max {
        return Err(ScenarioError::new(field(at, name), ErrorKind::TooLong { max }));
    }
    if text.chars().any(char::is_control) {
        return Err(ScenarioError::new(field(at, name), ErrorKind::ControlCharacter));
    }
    Ok(())
}
