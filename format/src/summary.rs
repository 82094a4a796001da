//! The scenario in a few words, the same wherever it is written outside the
//! widget: the headline for the holder in focus ("Microsoft 27.0% → 23.5%,
//! worth $197B"), the key term's line, and the static summary an embed
//! carries inside its element for readers whose browser runs no script
//! ([`fallback_html`]). Numbers in en-US ([`crate::numbers`]).

use fortress_core::{Outcome, Scenario, Stage};

use crate::numbers;

/// The holder the headline is about when none is chosen: the one the
/// stake what-ifs watch, when the scenario has it, else the first holder.
pub const WATCHED: &str = "microsoft";

/// The holder in focus when none is chosen ([`WATCHED`], or the first holder).
///
/// ```
/// use fortress_core::presets;
/// use fortress_format::summary::default_focus;
/// assert_eq!(default_focus(&presets::feb_2026_pre_money()), "microsoft");
/// ```
pub fn default_focus(scenario: &Scenario) -> &str {
    let has = |id: &str| {
        scenario.holders.iter().any(|h| h.id == id)
            || scenario.rounds.iter().any(|r| r.investments.iter().any(|i| i.holder == id))
    };
    if has(WATCHED) {
        return WATCHED;
    }
    scenario.holders.first().map_or("", |h| h.id.as_str())
}

/// "Microsoft 27.0% → 23.5%, worth $197B".
pub fn headline(first: &Stage, last: &Stage, focus: &str) -> String {
    let Some(row) = last.holder(focus) else { return "No holder to show.".to_owned() };
    let before = first.holder(focus).map_or(0, |h| h.shares);
    let worth = row.value.map(|v| format!(", worth {}", numbers::money(v))).unwrap_or_default();
    format!(
        "{} {} \u{2192} {}{worth}",
        row.name,
        numbers::percent(before, first.total_shares),
        numbers::percent(row.shares, last.total_shares)
    )
}

/// "Azure API exclusivity: In force on 2026-02-27 · stakes have no bearing on
/// it · ends 2026-04-27 by the amendment", in the core's words.
pub fn key_term_line(outcome: &Outcome) -> Option<String> {
    let key = outcome.key_term.as_ref()?;
    let on = outcome.terms.iter().find(|t| t.id == key.term).map(|t| format!(" on {}", t.as_of)).unwrap_or_default();
    let change = key
        .change
        .as_ref()
        .map(|c| format!(" \u{b7} {} {} by {}", c.status.becomes(c.past), c.date, c.by))
        .unwrap_or_default();
    Some(format!("{}: {}{on} \u{b7} {}{change}", key.title, key.status.title(), key.line))
}

/// The static summary of a scenario for the inside of its embed's element:
/// the title, the headline for `focus`, the key term's line, the cap table
/// after the last round (holder, stake, value), and `link` to the live
/// widget. Plain HTML with no style or script, every text escaped, so a
/// reader without scripts, a feed reader or a search engine reads real
/// numbers; the widget replaces it once it mounts.
///
/// ```
/// use fortress_core::{evaluate, presets};
/// let scenario = presets::feb_2026_pre_money();
/// let html = fortress_format::summary::fallback_html(&scenario, &evaluate(&scenario).unwrap(), "microsoft", "https://example.com/#1.x");
/// assert!(html.contains("<th scope=\"row\">Microsoft</th><td>23.5%</td><td>$197B</td>"));
/// assert!(html.contains("Microsoft 27.0% \u{2192} 23.5%, worth $197B"));
/// ```
pub fn fallback_html(scenario: &Scenario, outcome: &Outcome, focus: &str, link: &str) -> String {
    let mut out = String::from("<div class=\"fortress-fallback\">");
    out += &format!("<p><strong>{}</strong></p>", escape(&scenario.title));
    if let (Some(first), Some(last)) = (outcome.stages.first(), outcome.last_stage()) {
        out += &format!("<p>{}</p>", escape(&headline(first, last, focus)));
        if let Some(line) = key_term_line(outcome) {
            out += &format!("<p>{}</p>", escape(&line));
        }
        out += &format!(
            "<table><caption>Who owns what after {}</caption>\
             <thead><tr><th scope=\"col\">Holder</th><th scope=\"col\">Stake</th><th scope=\"col\">Value</th></tr></thead><tbody>",
            escape(&last.label)
        );
        for row in &last.holders {
            let value = row.value.map_or_else(|| "\u{2014}".to_owned(), numbers::money);
            out += &format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                escape(&row.name),
                numbers::percent(row.shares, last.total_shares),
                escape(&value)
            );
        }
        out += "</tbody></table>";
    }
    if !link.is_empty() {
        out += &format!("<p><a href=\"{}\">Open the interactive version</a></p>", escape(link));
    }
    out + "</div>"
}

/// Text made safe for HTML, in an element or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use fortress_core::{evaluate, presets};

    #[test]
    fn the_summary_escapes_what_a_scenario_may_hold() {
        let mut scenario = presets::feb_2026_pre_money();
        scenario.title = "<script>alert(1)</script> & \"co\"".to_owned();
        scenario.holders[0].name = "<b>Micro</b>".to_owned();
        let html =
            fallback_html(&scenario, &evaluate(&scenario).unwrap(), "microsoft", "https://x.test/?a=1&b=\"2\"#1.y");
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"));
        assert!(html.contains("href=\"https://x.test/?a=1&amp;b=&quot;2&quot;#1.y\""));
        assert!(html.contains("<th scope=\"row\">&lt;b&gt;Micro&lt;/b&gt;</th>"));
    }

    #[test]
    fn every_holder_after_the_round_has_a_row() {
        for preset in presets::ALL {
            let scenario = presets::by_name(preset.name).unwrap();
            let outcome = evaluate(&scenario).unwrap();
            let html = fallback_html(&scenario, &outcome, default_focus(&scenario), "");
            let rows = outcome.last_stage().map_or(0, |s| s.holders.len());
            assert_eq!(html.matches("<th scope=\"row\">").count(), rows, "{}", preset.name);
            assert!(!html.contains("<a "), "no link when there is none");
        }
    }
}
