//! The snippets a publisher pastes into a page: the script form (the loader
//! once, then a `<fortress-widget>` element holding the static summary of
//! [`crate::summary::fallback_html`]) and the iframe form (for pages that
//! allow no scripts). `fortress embed` prints them and the studio shows
//! them, from this one place, so what the studio previews is what the
//! command line gives.

use fortress_core::{Outcome, Scenario};

use crate::summary::{default_focus, escape, fallback_html};
use crate::view::View;

/// What the snippets are for: where Fortress is served, the scenario, and how it fits the page.
#[derive(Clone, Debug)]
pub struct Embed<'a> {
    /// The address `dist/` is served from (a page in it, or the directory).
    pub base: &'a str,
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its outcome, for the static summary.
    pub outcome: &'a Outcome,
    /// Its share link's fragment.
    pub fragment: &'a str,
    /// The sections, controls, theme and locale.
    pub view: &'a View,
    /// The accent colour (`--fortress-accent`), checked by [`parse_accent`].
    pub accent: Option<&'a str>,
}

impl Embed<'_> {
    /// The directory Fortress is served from, ending in `/`, escaped for an attribute.
    fn dir(&self) -> String {
        escape(&directory(self.base))
    }

    /// The live widget's page for this scenario: the standalone page next to the loader.
    pub fn page_link(&self) -> String {
        format!("{}index.html#{}", directory(self.base), self.fragment)
    }

    /// The script form: the loader, then the element with its attributes and the static summary.
    ///
    /// ```
    /// use fortress_core::{evaluate, presets};
    /// use fortress_format::{embed::Embed, link, view::View};
    /// let scenario = presets::feb_2026_pre_money();
    /// let (outcome, fragment) = (evaluate(&scenario).unwrap(), link::encode(&scenario));
    /// let (view, _) = View::read(|name| (name == "theme").then(|| "dark".to_owned()));
    /// let embed = Embed { base: "https://news.test/fortress/", scenario: &scenario, outcome: &outcome,
    ///     fragment: &fragment, view: &view, accent: Some("#c0392b") };
    /// let html = embed.script();
    /// assert!(html.starts_with("<script type=\"module\" src=\"https://news.test/fortress/fortress.js\"></script>\n"));
    /// assert!(html.contains(" theme=\"dark\" style=\"--fortress-accent: #c0392b\"><div class=\"fortress-fallback\">"));
    /// ```
    pub fn script(&self) -> String {
        self.loader() + &self.element()
    }

    /// The loader's script tag, once per page.
    pub fn loader(&self) -> String {
        format!("<script type=\"module\" src=\"{}fortress.js\"></script>\n", self.dir())
    }

    /// The element, with its attributes and the static summary inside: one per widget.
    pub fn element(&self) -> String {
        let mut attributes = format!(" scenario=\"{}\"", self.fragment);
        for (name, value) in self.view.attributes() {
            attributes += &format!(" {name}=\"{}\"", escape(&value));
        }
        if let Some(accent) = self.accent {
            attributes += &format!(" style=\"--fortress-accent: {}\"", escape(accent));
        }
        let focus = default_focus(self.scenario);
        let summary = fallback_html(self.scenario, self.outcome, focus, &self.page_link());
        format!("<fortress-widget{attributes}>{summary}</fortress-widget>\n")
    }

    /// The iframe form: the same choices as query parameters of `frame.html`.
    ///
    /// ```
    /// use fortress_core::{evaluate, presets};
    /// use fortress_format::{embed::Embed, link, view::View};
    /// let scenario = presets::feb_2026_pre_money();
    /// let (outcome, fragment) = (evaluate(&scenario).unwrap(), link::encode(&scenario));
    /// let (view, _) = View::read(|name| (name == "sections").then(|| "headline,table".to_owned()));
    /// let embed = Embed { base: "https://news.test/fortress/index.html", scenario: &scenario, outcome: &outcome,
    ///     fragment: &fragment, view: &view, accent: Some("#c0392b") };
    /// assert!(embed.iframe().starts_with(
    ///     "<iframe src=\"https://news.test/fortress/frame.html?childId=fortress-1&amp;sections=headline,table&amp;accent=%23c0392b#1."));
    /// ```
    pub fn iframe(&self) -> String {
        let mut query = String::from("childId=fortress-1");
        for (name, value) in self.view.attributes() {
            query += &format!("&{name}={}", query_value(&value));
        }
        if let Some(accent) = self.accent {
            query += &format!("&accent={}", query_value(accent));
        }
        format!(
            "<iframe src=\"{dir}frame.html?{query}#{fragment}\" title=\"{title}\"\n        \
             sandbox=\"allow-scripts\" allow=\"clipboard-write\" width=\"100%\" height=\"1200\" loading=\"lazy\"></iframe>\n",
            dir = self.dir(),
            query = escape(&query),
            fragment = self.fragment,
            title = escape(&self.scenario.title),
        )
    }

    /// Both forms, each with a comment saying what it is for: what `fortress embed` prints.
    pub fn both(&self) -> String {
        format!(
            "<!-- Fortress, script form: the script once per page, then one element per widget. What the\n     \
             element holds is a plain summary for readers without scripts; the widget replaces it. -->\n\
             {script}\n\
             <!-- Fortress, iframe form (for pages that allow no scripts): it posts its height to the page\n     \
             (Pym.js, AMP embed-size and Flourish formats); size it with your responsive-iframe helper. -->\n\
             {iframe}",
            script = self.script(),
            iframe = self.iframe(),
        )
    }
}

/// An accent colour as a page may set it: `#rgb`, `#rrggbb` or `#rrggbbaa`.
///
/// ```
/// use fortress_format::embed::parse_accent;
/// assert_eq!(parse_accent("#C0392B"), Ok("#c0392b".to_owned()));
/// assert!(parse_accent("red; background: url(x)").is_err());
/// ```
pub fn parse_accent(text: &str) -> Result<String, String> {
    let hex = text.trim().strip_prefix('#').unwrap_or_default();
    if matches!(hex.len(), 3 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(format!("#{}", hex.to_ascii_lowercase()))
    } else {
        let shown: String = text.chars().take(40).collect();
        Err(format!("accent: \u{201c}{}\u{201d} is not a colour such as #c0392b", shown.escape_debug()))
    }
}

/// The directory of `base`: without fragment or query, ending in `/` (a last
/// segment with a dot, such as `index.html`, is a file and is dropped).
///
/// ```
/// use fortress_format::embed::directory;
/// assert_eq!(directory("https://x.test/f/index.html#1.a"), "https://x.test/f/");
/// assert_eq!(directory("https://x.test/f"), "https://x.test/f/");
/// ```
pub fn directory(base: &str) -> String {
    let base = base.split(['#', '?']).next().unwrap_or(base);
    if base.ends_with('/') {
        return base.to_owned();
    }
    match base.rsplit_once('/') {
        Some((dir, file)) if file.contains('.') && !dir.ends_with('/') => format!("{dir}/"),
        _ => format!("{base}/"),
    }
}

/// A query parameter's value: letters, digits and `-_.~,:` as they are, the rest percent-encoded.
fn query_value(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~,:".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out += &format!("%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link;
    use fortress_core::{evaluate, presets};

    #[test]
    fn the_forms_carry_every_choice_and_escape_what_they_quote() {
        let mut scenario = presets::feb_2026_pre_money();
        scenario.title = "A \"quoted\" <title>".to_owned();
        let (outcome, fragment) = (evaluate(&scenario).unwrap(), link::encode(&scenario));
        let attrs = [("sections", "headline controls"), ("controls", "investment:amazon"), ("locale", "de-DE")];
        let (view, problems) = View::read(|name| attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()));
        assert!(problems.is_empty());
        let embed = Embed {
            base: "https://x.test/a&b/",
            scenario: &scenario,
            outcome: &outcome,
            fragment: &fragment,
            view: &view,
            accent: None,
        };
        let script = embed.script();
        assert!(script.contains(" sections=\"headline,controls\" controls=\"investment:amazon\" locale=\"de-DE\">"));
        assert!(script.contains("src=\"https://x.test/a&amp;b/fortress.js\""));
        assert!(script.contains("<strong>A &quot;quoted&quot; &lt;title&gt;</strong>"));
        let iframe = embed.iframe();
        assert!(iframe.contains("frame.html?childId=fortress-1&amp;sections=headline,controls&amp;controls=investment:amazon&amp;locale=de-DE#"));
        assert!(iframe.contains("title=\"A &quot;quoted&quot; &lt;title&gt;\""));
        let both = embed.both();
        assert!(both.contains(&script) && both.contains(&iframe));
    }
}
