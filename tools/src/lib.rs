//! The reader tools of Fortress: "get the data" and "take the picture".
//!
//! A wasm module of its own (`fortress-tools.js` and `fortress-tools_bg.wasm`
//! in `dist/`, built by `scripts/build-embed.sh`), which `www/tools.js`
//! loads only when a reader asks for a file, so that the widget's page weight
//! does not grow. It takes a share link's fragment (the text after `#`, as
//! [`fortress_format::link::decode`] reads it), evaluates it with the core,
//! and gives:
//!
//! - [`csv`]: the cap table as CSV ([`fortress_format::csv`], what
//!   `fortress eval --csv` prints);
//! - [`json`]: the scenario and its outcome as one JSON document
//!   ([`fortress_format::scenario_and_outcome_json`], what
//!   `fortress eval --with-scenario` prints);
//! - [`picture`]: the picture as drawing primitives (JSON), laid out by
//!   [`picture_primitives`], which `www/tools.js` draws as PNG or SVG;
//! - `map::map_panel` (in the browser): the sensitivity map's panel, which
//!   the widget asks for (through `www/lazy.js`) when a reader opens the map.
//!
//! Each returns the text, or throws a one-line message as a JavaScript
//! string (natively: `Err(message)`).

#[cfg(target_arch = "wasm32")]
pub mod map;
pub mod numbers;
pub mod picture;

use fortress_core::{Outcome, Scenario};
use wasm_bindgen::prelude::wasm_bindgen;

pub use picture::{picture_primitives, Anchor, Palette, Primitive, Scheme, DARK, LIGHT};

/// The cap table of the scenario in `fragment` as CSV, with `link` (the
/// share link to print in it; empty for none).
///
/// ```
/// let csv = fortress_tools::csv("1.BQAgE", "https://example.com/#1.BQAgE").unwrap();
/// assert!(csv.contains("\r\nFebruary 2026,2026-02-27,microsoft,Microsoft,23.464286,"));
/// assert!(fortress_tools::csv("1.BQAgX", "").unwrap_err().starts_with("link: this link is damaged"));
/// ```
#[wasm_bindgen]
pub fn csv(fragment: &str, link: &str) -> Result<String, String> {
    let (scenario, outcome) = open(fragment)?;
    Ok(fortress_format::csv::outcome_csv(&scenario, &outcome, Some(link).filter(|l| !l.is_empty())))
}

/// The scenario in `fragment` and its outcome as one indented JSON document:
/// `{"scenario": ..., "outcome": ...}`.
#[wasm_bindgen]
pub fn json(fragment: &str) -> Result<String, String> {
    let (scenario, outcome) = open(fragment)?;
    Ok(fortress_format::scenario_and_outcome_json(&scenario, &outcome))
}

/// The picture of the scenario in `fragment` for the holder `focus`, in
/// `scheme` (`"light"` or `"dark"`), with `link` at its foot (empty for
/// none), as a JSON array of drawing primitives ([`Primitive`]). The first
/// is the background, whose rectangle is the picture's size: 640 pixels wide.
#[wasm_bindgen]
pub fn picture(fragment: &str, link: &str, focus: &str, scheme: &str) -> Result<String, String> {
    let Some(scheme) = Scheme::parse(scheme) else {
        return Err(format!("scheme: must be \"light\" or \"dark\", not \"{}\"", scheme.escape_debug()));
    };
    let (scenario, outcome) = open(fragment)?;
    let link = Some(link).filter(|l| !l.is_empty());
    Ok(picture::to_json(&picture_primitives(&scenario, &outcome, link, focus, scheme)))
}

/// The scenario of a share link's fragment, evaluated; or the one-line reason it cannot be.
pub fn open(fragment: &str) -> Result<(Scenario, Outcome), String> {
    let scenario = fortress_format::link::decode(fragment).map_err(|e| e.to_string())?;
    let outcome = fortress_core::evaluate(&scenario).map_err(|e| e.to_string())?;
    Ok((scenario, outcome))
}
