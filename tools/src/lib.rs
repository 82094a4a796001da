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
//!   the widget asks for (through `www/lazy.js`) when a reader opens the map;
//! - the full build of the widget: `page::mount_page` for the standalone page,
//!   and the widget's own embed API (`mount`, `Handle`), both with every
//!   built-in deal and preset and a publisher's deal file, which the lighter
//!   builds hand a reader over to when they need them.
//!
//! Each returns the text, or throws a one-line message as a JavaScript
//! string (natively: `Err(message)`).

#[cfg(target_arch = "wasm32")]
pub mod map;
#[cfg(target_arch = "wasm32")]
pub mod page;
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

/// The presets, for the studio's picker: a JSON array of `{"name", "summary"}`.
#[wasm_bindgen]
pub fn presets() -> String {
    let list: Vec<serde_json::Value> = fortress_core::presets::ALL
        .iter()
        .map(|p| serde_json::json!({ "name": p.name, "summary": p.summary }))
        .collect();
    serde_json::Value::Array(list).to_string()
}

/// The controls the widget shows for the scenario in `fragment`, for the
/// studio's choice: a JSON array of `[id, words]` (`fortress_format::view::control_ids`).
///
/// ```
/// let fragment = fortress_format::link::encode(&fortress_core::presets::feb_2026_pre_money());
/// assert!(fortress_tools::controls(&fragment).unwrap().starts_with(r#"[["valuation","Valuation, and pre- or post-money"],["investment:amazon","Amazon investment"]"#));
/// ```
#[wasm_bindgen]
pub fn controls(fragment: &str) -> Result<String, String> {
    let scenario = fortress_format::link::decode(fragment).map_err(|e| e.to_string())?;
    let list: Vec<(String, String)> =
        fortress_format::view::control_ids(&scenario).into_iter().map(|(id, words)| (id.to_string(), words)).collect();
    Ok(serde_json::to_string(&list).unwrap_or_default())
}

/// The embed snippet for the scenario in `fragment`, served from `base`,
/// fitted by the element's attributes (`sections`, `controls`, `theme`,
/// `locale`; empty for not set) and `accent` (empty for none), in `form`:
/// `loader` (the script tag), `element`, `script` (both), `iframe` or `both`
/// (what `fortress embed` prints). A bad value is refused with its message.
///
/// ```
/// let fragment = fortress_format::link::encode(&fortress_core::presets::feb_2026_pre_money());
/// let element = fortress_tools::snippet(&fragment, "https://x.test/f/", "headline", "", "dark", "", "", "element").unwrap();
/// assert!(element.starts_with(&format!("<fortress-widget scenario=\"{fragment}\" sections=\"headline\" theme=\"dark\">")));
/// assert!(fortress_tools::snippet(&fragment, "", "", "", "sepia", "", "", "element").unwrap_err().starts_with("theme: "));
/// ```
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn snippet(
    fragment: &str,
    base: &str,
    sections: &str,
    controls: &str,
    theme: &str,
    locale: &str,
    accent: &str,
    form: &str,
) -> Result<String, String> {
    let attrs = [("sections", sections), ("controls", controls), ("theme", theme), ("locale", locale)];
    let (view, problems) = fortress_format::view::View::read(|name| {
        attrs.iter().find(|(n, v)| *n == name && !v.is_empty()).map(|(_, v)| (*v).to_owned())
    });
    if let Some(problem) = problems.into_iter().next() {
        return Err(problem.trim_end_matches("; it is ignored.").to_owned());
    }
    let accent = Some(accent).filter(|a| !a.is_empty()).map(fortress_format::embed::parse_accent).transpose()?;
    let (scenario, outcome) = open(fragment)?;
    let fragment = fortress_format::link::encode(&scenario);
    let embed = fortress_format::embed::Embed {
        base,
        scenario: &scenario,
        outcome: &outcome,
        fragment: &fragment,
        view: &view,
        accent: accent.as_deref(),
    };
    match form {
        "loader" => Ok(embed.loader()),
        "element" => Ok(embed.element()),
        "script" => Ok(embed.script()),
        "iframe" => Ok(embed.iframe()),
        "both" => Ok(embed.both()),
        _ => Err(format!("form: \u{201c}{form}\u{201d} is not a form (loader, element, script, iframe or both)")),
    }
}

/// The share-link fragment of the preset `name`, or why there is none.
///
/// ```
/// assert!(fortress_tools::preset("feb-2026").unwrap().starts_with("1."));
/// assert_eq!(fortress_tools::preset("nope").unwrap_err(), "there is no preset called \u{201c}nope\u{201d}");
/// ```
#[wasm_bindgen]
pub fn preset(name: &str) -> Result<String, String> {
    let scenario = fortress_core::presets::by_name(name)
        .ok_or_else(|| format!("there is no preset called \u{201c}{}\u{201d}", name.escape_debug()))?;
    Ok(fortress_format::link::encode(&scenario))
}

/// The names of the widget's sections, in its order, as a JSON array (`fortress_format::view::SECTIONS`).
#[wasm_bindgen]
pub fn sections() -> String {
    let names: Vec<&str> = fortress_format::view::SECTIONS.iter().map(|(_, name)| *name).collect();
    serde_json::to_string(&names).unwrap_or_default()
}

/// The scenario in `fragment` with the title `title`, as a fragment; or why
/// the title cannot be (too long, say), as the scenario format says.
///
/// ```
/// let fragment = fortress_tools::preset("feb-2026").unwrap();
/// let renamed = fortress_tools::retitle(&fragment, "Microsoft's share").unwrap();
/// assert_eq!(fortress_tools::open(&renamed).unwrap().0.title, "Microsoft's share");
/// assert!(fortress_tools::retitle(&fragment, &"x".repeat(201)).unwrap_err().starts_with("title: "));
/// ```
#[wasm_bindgen]
pub fn retitle(fragment: &str, title: &str) -> Result<String, String> {
    let (mut scenario, _) = open(fragment)?;
    scenario.title = title.to_owned();
    fortress_core::evaluate(&scenario).map_err(|e| e.to_string())?;
    Ok(fortress_format::link::encode(&scenario))
}

/// The title of the scenario in `fragment`, for the studio's title field.
#[wasm_bindgen]
pub fn title(fragment: &str) -> Result<String, String> {
    Ok(open(fragment)?.0.title)
}
