//! How a publisher fits the widget to a page: which sections and controls
//! show, the colour scheme, and the locale for numbers. The element's
//! attributes (`sections`, `controls`, `theme`, `locale`), the iframe form's
//! query parameters of the same names and the flags of `fortress embed` are
//! all read here, so each gives the same message for the same mistake.
//!
//! A bad value is refused with a message that names the attribute and what
//! is wrong; the widget shows it and carries on as if the attribute were
//! absent, so a typo never blanks an article.
//!
//! ```
//! use fortress_format::view::{Section, View};
//! let attrs = [("sections", "headline, controls"), ("controls", "investment:amazon"), ("theme", "dark")];
//! let (view, problems) = View::read(|name| attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()));
//! assert!(problems.is_empty());
//! assert!(view.shows(Section::Headline) && !view.shows(Section::Table));
//! assert_eq!(view.controls_attr(), Some("investment:amazon".to_owned()));
//! ```

use std::fmt;

/// A part of the widget that `sections` can show or leave out, in the
/// order the widget lays them out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The title and the pickers: scenario, holder in focus, compare with.
    Header,
    /// "Copy link", "Show link", the downloads and "Print".
    Share,
    /// The holder in focus's stake, and the key term's answer.
    Headline,
    /// The scenario's notes (what is disputed, assumed or to come).
    Notes,
    /// The sliders and fields (which of them: `controls`).
    Controls,
    /// The cap table.
    Table,
    /// The story's days, and what changed when.
    Timeline,
    /// The ownership chart.
    Chart,
    /// The sensitivity map (loaded when a reader shows it).
    Map,
    /// The contract terms with their reasons.
    Terms,
    /// Where each kind of product may run.
    Routes,
    /// The sources of the figures.
    Sources,
    /// Who gets what if the company is sold (shown when the scenario has
    /// class terms or a sale price; the full build's).
    Exit,
}

/// Every section, with its name in the attribute, in the widget's order.
pub const SECTIONS: [(Section, &str); 13] = [
    (Section::Header, "header"),
    (Section::Share, "share"),
    (Section::Headline, "headline"),
    (Section::Notes, "notes"),
    (Section::Controls, "controls"),
    (Section::Table, "table"),
    (Section::Timeline, "timeline"),
    (Section::Chart, "chart"),
    (Section::Exit, "exit"),
    (Section::Map, "map"),
    (Section::Terms, "terms"),
    (Section::Routes, "routes"),
    (Section::Sources, "sources"),
];

impl Section {
    /// The section's name in the attribute: `headline`.
    pub fn name(self) -> &'static str {
        SECTIONS.iter().find(|(s, _)| *s == self).map_or("", |(_, name)| name)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A control that `controls` can show or leave out: a kind, and for some
/// kinds the holder it is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ControlId {
    /// The last round's valuation and its pre/post-money switch: `valuation`.
    Valuation,
    /// One investor's cheque in the last round: `investment:amazon`.
    Investment(String),
    /// Adding and removing investors: `investors`.
    Investors,
    /// One starting holder's stake: `stake:microsoft`.
    Stake(String),
    /// The date the terms are judged on, and how the money is counted: `as-of`.
    AsOf,
    /// The dates of the deal's events: `events`.
    Events,
    /// The what-ifs: `whatifs`.
    WhatIfs,
    /// The holders' names: `names`.
    Names,
}

/// Every kind of control id, as written, and whether it names a holder.
pub const CONTROL_KINDS: [(&str, bool); 8] = [
    ("valuation", false),
    ("investment", true),
    ("investors", false),
    ("stake", true),
    ("as-of", false),
    ("events", false),
    ("whatifs", false),
    ("names", false),
];

impl fmt::Display for ControlId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ControlId::Valuation => f.write_str("valuation"),
            ControlId::Investment(holder) => write!(f, "investment:{holder}"),
            ControlId::Investors => f.write_str("investors"),
            ControlId::Stake(holder) => write!(f, "stake:{holder}"),
            ControlId::AsOf => f.write_str("as-of"),
            ControlId::Events => f.write_str("events"),
            ControlId::WhatIfs => f.write_str("whatifs"),
            ControlId::Names => f.write_str("names"),
        }
    }
}

/// Every control the widget shows for `scenario`, with its words for a
/// publisher choosing among them (the studio): the valuation, each
/// investor's cheque, adding and removing investors, each starting stake,
/// the as-of date, the events, the what-ifs and the names.
///
/// ```
/// use fortress_format::view::{control_ids, ControlId};
/// let ids = control_ids(&fortress_core::presets::feb_2026_pre_money());
/// assert_eq!(ids[1], (ControlId::Investment("amazon".into()), "Amazon investment".to_owned()));
/// assert_eq!(ids.len(), 1 + 3 + 1 + 3 + 4);
/// ```
pub fn control_ids(scenario: &fortress_core::Scenario) -> Vec<(ControlId, String)> {
    let mut out = vec![(ControlId::Valuation, "Valuation, and pre- or post-money".to_owned())];
    for investment in scenario.rounds.last().map_or(&[][..], |r| &r.investments[..]) {
        let name = scenario.holder_name(&investment.holder);
        out.push((ControlId::Investment(investment.holder.clone()), format!("{name} investment")));
    }
    out.push((ControlId::Investors, "Adding and removing investors".to_owned()));
    for holder in &scenario.holders {
        out.push((ControlId::Stake(holder.id.clone()), format!("{} stake", holder.name)));
    }
    out.push((ControlId::AsOf, "As-of date, and how money is counted".to_owned()));
    out.push((ControlId::Events, "Event dates".to_owned()));
    out.push((ControlId::WhatIfs, "What-ifs".to_owned()));
    out.push((ControlId::Names, "Holder names".to_owned()));
    out
}

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// The reader's setting (the default).
    #[default]
    Auto,
    /// Light, whatever the reader's setting.
    Light,
    /// Dark, whatever the reader's setting.
    Dark,
}

impl Theme {
    /// The theme as the attribute writes it.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// How the widget fits its page. The default shows everything, in the
/// reader's colour scheme and locale.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct View {
    sections: u16,
    controls: Option<Vec<ControlId>>,
    /// The colour scheme.
    pub theme: Theme,
    /// The BCP 47 locale for numbers, money and dates, when one was given.
    pub locale: Option<String>,
}

impl Default for View {
    fn default() -> View {
        View { sections: u16::MAX, controls: None, theme: Theme::Auto, locale: None }
    }
}

/// The most items a `sections` or `controls` value may list, and its longest text.
pub const MAX_ITEMS: usize = 64;
/// The longest attribute value read.
pub const MAX_VALUE_CHARS: usize = 2_000;

impl View {
    /// Reads the four attributes through `attr` (a missing one is `None`),
    /// and gives the view with every bad value left out, and a message for each.
    pub fn read(attr: impl Fn(&str) -> Option<String>) -> (View, Vec<String>) {
        let mut view = View::default();
        let mut problems = Vec::new();
        let mut take = |name: &str, result: Result<(), String>| {
            if let Err(message) = result {
                problems.push(format!("{name}: {message}; it is ignored."));
            }
        };
        if let Some(text) = attr("sections") {
            take("sections", parse_sections(&text).map(|s| view.sections = s));
        }
        if let Some(text) = attr("controls") {
            take("controls", parse_controls(&text).map(|c| view.controls = Some(c)));
        }
        if let Some(text) = attr("theme") {
            take("theme", parse_theme(&text).map(|t| view.theme = t));
        }
        if let Some(text) = attr("locale") {
            take("locale", parse_locale(&text).map(|l| view.locale = Some(l)));
        }
        (view, problems)
    }

    /// Whether `section` shows.
    pub fn shows(&self, section: Section) -> bool {
        self.sections & section.bit() != 0
    }

    /// Whether the control `id` shows: every control does unless `controls` lists some.
    pub fn shows_control(&self, id: &ControlId) -> bool {
        self.controls.as_ref().is_none_or(|list| list.contains(id))
    }

    /// Whether any control of the kinds that name a holder shows for a holder
    /// other than those listed; used to hide a whole group when none of it shows.
    pub fn shows_any(&self, ids: &[ControlId]) -> bool {
        ids.iter().any(|id| self.shows_control(id))
    }

    /// The controls listed, when `controls` limits them.
    pub fn controls(&self) -> Option<&[ControlId]> {
        self.controls.as_deref()
    }

    /// The `sections` attribute that gives this view, or `None` for all of them.
    pub fn sections_attr(&self) -> Option<String> {
        let shown: Vec<&str> = SECTIONS.iter().filter(|(s, _)| self.shows(*s)).map(|(_, name)| *name).collect();
        (shown.len() < SECTIONS.len()).then(|| shown.join(","))
    }

    /// The `controls` attribute that gives this view, or `None` for all of them.
    pub fn controls_attr(&self) -> Option<String> {
        self.controls.as_ref().map(|list| list.iter().map(ToString::to_string).collect::<Vec<_>>().join(","))
    }

    /// The attributes (name, value) that give this view, leaving out the defaults.
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(sections) = self.sections_attr() {
            out.push(("sections", sections));
        }
        if let Some(controls) = self.controls_attr() {
            out.push(("controls", controls));
        }
        if self.theme != Theme::Auto {
            out.push(("theme", self.theme.name().to_owned()));
        }
        if let Some(locale) = &self.locale {
            out.push(("locale", locale.clone()));
        }
        out
    }
}

/// The items of a list attribute: separated by commas or spaces, empty ones dropped.
fn items(text: &str) -> Result<Vec<&str>, String> {
    if text.chars().count() > MAX_VALUE_CHARS {
        return Err(format!("the value is longer than {MAX_VALUE_CHARS} characters"));
    }
    let items: Vec<&str> = text.split([',', ' ', '\t', '\n']).filter(|s| !s.is_empty()).collect();
    if items.is_empty() {
        return Err("the value lists nothing".to_owned());
    }
    if items.len() > MAX_ITEMS {
        return Err(format!("the value lists more than {MAX_ITEMS} items"));
    }
    Ok(items)
}

/// A value as a message quotes it: at most 40 characters, control characters as `?`. (Not
/// `escape_debug`, whose Unicode tables would weigh some kilobytes on the widget's wasm.)
fn quoted(text: &str) -> String {
    let short: String = text.chars().take(40).map(|c| if c.is_control() { '?' } else { c }).collect();
    format!("\u{201c}{short}\u{201d}")
}

/// `sections`: the names of [`SECTIONS`], separated by commas or spaces.
///
/// ```
/// use fortress_format::view::parse_sections;
/// assert!(parse_sections("headline,table").is_ok());
/// assert_eq!(
///     parse_sections("headline, tables").unwrap_err(),
///     "\u{201c}tables\u{201d} is not a section (header, share, headline, notes, controls, table, timeline, chart, exit, map, terms, routes, sources)"
/// );
/// ```
pub fn parse_sections(text: &str) -> Result<u16, String> {
    let mut bits = 0;
    for item in items(text)? {
        let item_lower = item.to_ascii_lowercase();
        let Some((section, _)) = SECTIONS.iter().find(|(_, name)| *name == item_lower) else {
            let names: Vec<&str> = SECTIONS.iter().map(|(_, name)| *name).collect();
            return Err(format!("{} is not a section ({})", quoted(item), names.join(", ")));
        };
        bits |= section.bit();
    }
    Ok(bits)
}

/// `controls`: control ids ([`CONTROL_KINDS`]; `investment:<holder id>` and
/// `stake:<holder id>` name a holder), separated by commas or spaces.
///
/// ```
/// use fortress_format::view::{parse_controls, ControlId};
/// assert_eq!(parse_controls("valuation investment:amazon").unwrap(),
///     vec![ControlId::Valuation, ControlId::Investment("amazon".into())]);
/// assert!(parse_controls("investment").unwrap_err().contains("names a holder"));
/// ```
pub fn parse_controls(text: &str) -> Result<Vec<ControlId>, String> {
    let mut out = Vec::new();
    for item in items(text)? {
        let (kind, holder) = match item.split_once(':') {
            Some((kind, holder)) => (kind, Some(holder)),
            None => (item, None),
        };
        let kind = kind.to_ascii_lowercase();
        let Some(&(kind, names_holder)) = CONTROL_KINDS.iter().find(|(k, _)| *k == kind) else {
            let kinds: Vec<String> = CONTROL_KINDS
                .iter()
                .map(|(k, holder)| if *holder { format!("{k}:<holder>") } else { (*k).to_owned() })
                .collect();
            return Err(format!("{} is not a control ({})", quoted(item), kinds.join(", ")));
        };
        let id = match (names_holder, holder) {
            (true, Some(holder)) if is_holder_id(holder) => match kind {
                "investment" => ControlId::Investment(holder.to_owned()),
                _ => ControlId::Stake(holder.to_owned()),
            },
            (true, Some(_)) => {
                return Err(format!(
                    "{} names a holder by an id that is not 1 to 40 lower-case letters, digits or hyphens",
                    quoted(item)
                ))
            }
            (true, None) => return Err(format!("{} names a holder: write {kind}:<holder id>", quoted(item))),
            (false, Some(_)) => return Err(format!("{} names no holder: write {kind}", quoted(item))),
            (false, None) => match kind {
                "valuation" => ControlId::Valuation,
                "investors" => ControlId::Investors,
                "as-of" => ControlId::AsOf,
                "events" => ControlId::Events,
                "whatifs" => ControlId::WhatIfs,
                _ => ControlId::Names,
            },
        };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

/// A holder id as scenarios write them: 1 to 40 lower-case letters, digits or hyphens.
fn is_holder_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 40 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `theme`: `light`, `dark` or `auto`.
///
/// ```
/// use fortress_format::view::{parse_theme, Theme};
/// assert_eq!(parse_theme(" Dark "), Ok(Theme::Dark));
/// assert!(parse_theme("sepia").is_err());
/// ```
pub fn parse_theme(text: &str) -> Result<Theme, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "auto" | "" => Ok(Theme::Auto),
        "light" => Ok(Theme::Light),
        "dark" => Ok(Theme::Dark),
        _ => Err(format!("{} is not a theme (light, dark or auto)", quoted(text))),
    }
}

/// `locale`: a BCP 47 language tag (`de-DE`, `fr`, `en-GB`, `zh-Hant-TW`):
/// a language of 2, 3 or 5 to 8 letters, then subtags of 1 to 8 letters or
/// digits, joined by hyphens. Whether the browser has numbers for it is
/// checked where the numbers are written.
///
/// ```
/// use fortress_format::view::parse_locale;
/// assert_eq!(parse_locale("de-DE"), Ok("de-DE".to_owned()));
/// assert!(parse_locale("de_DE").is_err());
/// assert!(parse_locale("x").is_err());
/// ```
pub fn parse_locale(text: &str) -> Result<String, String> {
    let tag = text.trim();
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    let language_ok = matches!(language.len(), 2 | 3 | 5..=8) && language.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok = subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if language_ok && rest_ok && tag.len() <= 35 {
        Ok(tag.to_owned())
    } else {
        Err(format!("{} is not a BCP 47 locale (such as de-DE, fr or en-GB)", quoted(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(attrs: &[(&str, &str)]) -> (View, Vec<String>) {
        View::read(|name| attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn no_attributes_show_everything_in_the_readers_scheme_and_locale() {
        let (view, problems) = read(&[]);
        assert!(problems.is_empty());
        assert!(SECTIONS.iter().all(|(s, _)| view.shows(*s)));
        assert!(view.shows_control(&ControlId::Investment("anyone".into())));
        assert_eq!((view.theme, view.locale.as_deref()), (Theme::Auto, None));
        assert!(view.attributes().is_empty());
    }

    #[test]
    fn each_attribute_is_read_and_written_back() {
        let attrs = [
            ("sections", "Headline controls,chart"),
            ("controls", "valuation, investment:amazon,stake:microsoft as-of investors events whatifs names"),
            ("theme", "light"),
            ("locale", "de-DE"),
        ];
        let (view, problems) = read(&attrs);
        assert_eq!(problems, Vec::<String>::new());
        let shown: Vec<&str> = SECTIONS.iter().filter(|(s, _)| view.shows(*s)).map(|(_, n)| *n).collect();
        assert_eq!(shown, ["headline", "controls", "chart"]);
        assert!(view.shows_control(&ControlId::Stake("microsoft".into())));
        assert!(!view.shows_control(&ControlId::Investment("nvidia".into())));
        let again: Vec<(&str, String)> = view.attributes();
        assert_eq!(
            again,
            [
                ("sections", "headline,controls,chart".to_owned()),
                (
                    "controls",
                    "valuation,investment:amazon,stake:microsoft,as-of,investors,events,whatifs,names".to_owned()
                ),
                ("theme", "light".to_owned()),
                ("locale", "de-DE".to_owned()),
            ]
        );
        let (reread, _) = View::read(|name| again.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()));
        assert_eq!(reread, view);
    }

    /// Every kind of bad value: a message naming the attribute and the value, and the default kept.
    #[test]
    fn bad_values_are_named_and_ignored() {
        let long = "a,".repeat(1_001);
        let many = "headline,".repeat(65);
        let cases: &[(&str, &str, &str)] = &[
            ("sections", "headline,tables", "sections: \u{201c}tables\u{201d} is not a section ("),
            ("sections", " , ", "sections: the value lists nothing"),
            ("sections", &long, "sections: the value is longer than 2000 characters"),
            ("sections", &many, "sections: the value lists more than 64 items"),
            ("controls", "slider", "controls: \u{201c}slider\u{201d} is not a control (valuation, investment:<holder>"),
            (
                "controls",
                "investment",
                "controls: \u{201c}investment\u{201d} names a holder: write investment:<holder id>",
            ),
            ("controls", "stake:Microsoft", "controls: \u{201c}stake:Microsoft\u{201d} names a holder by an id"),
            ("controls", "investment:", "controls: \u{201c}investment:\u{201d} names a holder by an id"),
            (
                "controls",
                "valuation:amazon",
                "controls: \u{201c}valuation:amazon\u{201d} names no holder: write valuation",
            ),
            ("theme", "sepia", "theme: \u{201c}sepia\u{201d} is not a theme (light, dark or auto)"),
            ("locale", "de_DE", "locale: \u{201c}de_DE\u{201d} is not a BCP 47 locale"),
            ("locale", "d", "locale: \u{201c}d\u{201d} is not a BCP 47 locale"),
            ("locale", "de-<script>", "locale: \u{201c}de-<script>\u{201d} is not a BCP 47 locale"),
        ];
        for (name, value, want) in cases {
            let (view, problems) = read(&[(name, value)]);
            assert_eq!(view, View::default(), "{name}={value}");
            assert_eq!(problems.len(), 1, "{name}={value}");
            assert!(problems[0].starts_with(want), "{name}={value}: {}", problems[0]);
            assert!(problems[0].ends_with("; it is ignored."), "{}", problems[0]);
        }
    }

    #[test]
    fn one_bad_attribute_leaves_the_others() {
        let (view, problems) = read(&[("sections", "headline"), ("theme", "neon"), ("locale", "fr")]);
        assert_eq!(problems.len(), 1);
        assert!(view.shows(Section::Headline) && !view.shows(Section::Table));
        assert_eq!((view.theme, view.locale.as_deref()), (Theme::Auto, Some("fr")));
    }

    #[test]
    fn a_control_listed_twice_counts_once() {
        assert_eq!(parse_controls("valuation valuation").unwrap(), vec![ControlId::Valuation]);
    }
}
