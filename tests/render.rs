//! Native render tests: the widget rendered to HTML with yew's `ssr`
//! feature, checked for the regions, numbers and labels a reader relies on.
#![cfg(not(target_arch = "wasm32"))]
// Helpers of a test crate: a failed lookup is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_core::presets;
use fortress_widget::{App, AppProps};
use yew::{AttrValue, LocalServerRenderer};

async fn render(preset: &'static str) -> String {
    let props = AppProps { preset: AttrValue::Static(preset), ..AppProps::default() };
    LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await
}

/// The text of the first element after `marker`, with tags removed.
fn text_after(html: &str, marker: &str) -> String {
    let start = html.find(marker).unwrap_or_else(|| panic!("no {marker} in the page"));
    let rest = &html[start + marker.len()..];
    let rest = &rest[rest.find('>').unwrap() + 1..];
    let end = ["</td>", "</p>"].iter().filter_map(|end| rest.find(end)).min().unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in rest[..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// The cell `col` of the row of `holder` in the cap table.
fn cell(html: &str, holder: &str, col: &str) -> String {
    let table = &html[html.find(r#"id="cap-table""#).expect("a cap table")..];
    let row = &table[table.find(&format!(r#"data-holder="{holder}""#)).unwrap_or_else(|| panic!("no row {holder}"))..];
    text_after(row, &format!(r#"data-col="{col}""#))
}

#[tokio::test]
async fn default_scenario_renders_the_worked_numbers() {
    let html = render("feb-2026").await;
    // (holder, column, text) from FACTS.md's worked numbers.
    let cases = [
        ("microsoft", "percent-before", "27.0000%"),
        ("microsoft", "percent-after", "23.4643%"),
        ("microsoft", "value-after", "$197B"),
        ("foundation", "percent-after", "22.5952%"),
        ("others", "percent-after", "40.8452%"),
        ("amazon", "percent-after", "5.9524%"),
        ("nvidia", "percent-after", "3.5714%"),
        ("softbank", "percent-after", "3.5714%"),
        ("amazon", "percent-before", "\u{2014}"),
        ("microsoft", "change", "-3.5357"),
        ("amazon", "change", "+5.9524"),
    ];
    for (holder, col, want) in cases {
        assert_eq!(cell(&html, holder, col), want, "{holder} {col}");
    }
    assert_eq!(text_after(&html, r#"id="headline""#), "Microsoft 27.0% \u{2192} 23.5%, worth $197B");
}

#[tokio::test]
async fn the_post_money_preset_renders_the_other_reading() {
    if !fortress_core::FULL {
        return; // the lighter build hands it over: the_lighter_build_says_it_is_loading_the_rest
    }
    let html = render("feb-2026-post").await;
    assert_eq!(cell(&html, "microsoft", "percent-after"), "22.9315%");
    assert_eq!(cell(&html, "amazon", "percent-after"), "6.8493%");
    assert!(html.contains(">Post-money valuation</label>"));
}

#[tokio::test]
async fn every_control_has_its_label() {
    let html = render("feb-2026").await;
    let labels = [
        "Amazon investment",
        "Nvidia investment",
        "SoftBank investment",
        "Pre-money valuation",
        "Microsoft stake",
        "OpenAI Foundation stake",
        "Employees and other investors stake",
        "As-of date",
        "AGI declared",
        "AGI verified",
        "Scenario",
        "Holder in focus",
    ];
    // The analysts' controls: the full build's; the lighter build's button hands over to it.
    let analysts = ["Azure API exclusivity ends if Microsoft's stake falls below", "New investor name"];
    for label in labels.iter().chain(analysts.iter().filter(|_| cfg!(feature = "full"))) {
        assert!(html.contains(&format!(">{label}</label>")), "no label {label:?}");
    }
    if !cfg!(feature = "full") {
        assert!(html.contains(r#"id="more-controls""#) && html.contains(">More controls</button>"));
    }
    // Every box and slider is named by a label: `for` or `aria-labelledby`.
    let inputs = html.matches("<input").count();
    let named = html.matches("aria-labelledby=").count() + html.matches(" for=").count();
    assert!(inputs > 10 && named >= inputs - 6, "{named} of {inputs} inputs named");
}

#[tokio::test]
async fn the_regions_have_their_hooks() {
    let html = render("feb-2026").await;
    let hooks = [
        r#"<table id="cap-table""#,
        "<caption",
        r#"<th scope="row">Microsoft</th>"#,
        r#"<svg id="ownership-chart""#,
        r#"<title id="chart-title">"#,
        r#"data-stage="after""#,
        r#"id="headline""#,
        "stake-rule",
        "badge-disputed",
        r#"id="key-term""#,
        r#"id="reset""#,
    ];
    for hook in hooks {
        assert!(html.contains(hook), "no {hook:?}");
    }
    // The chart draws a before and an after bar for each of the six holders.
    assert_eq!(html.matches(r#"data-stage="after""#).count(), 6);
    assert_eq!(html.matches(r#"data-stage="before""#).count(), 6);
}

#[tokio::test]
async fn every_preset_renders_without_a_message() {
    for preset in fortress_core::presets::ALL {
        let html = render(preset.name).await;
        assert!(html.contains(r#"id="cap-table""#), "{}", preset.name);
        assert!(!html.contains("field-error"), "{}", preset.name);
    }
    let unknown = render("no-such-preset").await;
    assert!(unknown.contains("field-error") && unknown.contains("23.4643%"));
}

#[tokio::test]
async fn a_link_opens_its_scenario_and_a_bad_one_says_so() {
    let render_link = |link: &'static str| {
        let props = AppProps {
            link: Some(AttrValue::Static(link)),
            link_base: "https://x.test/w/".into(),
            ..AppProps::default()
        };
        LocalServerRenderer::<App>::with_props(props).hydratable(false).render()
    };
    // Amazon's cheque moved to $20B on the February preset (README's example).
    let html = render_link("#1.AQIBAggDAgRKAwUXG").await;
    assert!(!html.contains("field-error"), "no message for a good link");
    assert_eq!(cell(&html, "amazon", "percent-after"), "2.4691%");
    let bad = render_link("1.AQADHzz").await;
    assert!(bad.contains("This link is damaged; showing the default scenario."));
    assert_eq!(cell(&bad, "amazon", "percent-after"), "5.9524%");
    assert!(bad.contains(r#"value="https://x.test/w/#1."#), "the share box holds the link as text");
    let script = render_link("<script>alert(1)</script>").await;
    assert!(!script.contains("<script>"), "link text is never markup");
}

/// The answer on exclusivity comes right after the stake, before any control, on every preset;
/// the speculative preset says so before its numbers.
#[tokio::test]
async fn the_exclusivity_answer_follows_the_headline() {
    // (preset, the key term's line)
    let cases = [
        ("feb-2026", "Azure API exclusivity: \u{2714} In force on Feb 27, 2026 \u{b7} stakes have no bearing on it \u{b7} ends Apr 27, 2026 by the amendment"),
        ("apr-2026-amendment", "Azure API exclusivity: \u{2716} Ended on Apr 27, 2026 \u{b7} stakes have no bearing on it \u{b7} ended Apr 27, 2026 by the amendment"),
        ("oct-2025", "Azure API exclusivity: \u{2714} In force on Oct 28, 2025 \u{b7} stakes have no bearing on it \u{b7} ends Apr 27, 2026 by the amendment"),
    ];
    for (preset, want) in cases {
        if !fortress_core::FULL && preset != presets::DEFAULT {
            continue; // the lighter build hands it to the full build (below)
        }
        let html = render(preset).await;
        assert_eq!(text_after(&html, r#"id="key-term""#), want, "{preset}");
        let (headline, key, controls) =
            (html.find(r#"id="headline""#), html.find(r#"id="key-term""#), html.find(r#"class="controls""#));
        assert!(headline < key && key < controls, "{preset}: the answer comes first");
    }
    if fortress_core::FULL {
        let html = render("ipo-what-if").await;
        let speculative = html.find("badge-speculative").expect("a speculative badge");
        assert!(speculative < html.find(r#"id="cap-table""#).unwrap());
    }
}

/// The lighter build (the standalone page's and the embed's) carries the default preset only: on
/// another, it says that the rest of Fortress is on its way (src/later.rs loads the full build).
#[tokio::test]
async fn the_lighter_build_says_it_is_loading_the_rest() {
    if fortress_core::FULL {
        return; // the full build shows them: the_post_money_preset_renders_the_other_reading
    }
    for (preset, _) in presets::OTHERS.iter().filter(|(name, _)| presets::left_out(name)) {
        let html = render(preset).await;
        assert!(html.contains("Loading the rest of Fortress"), "{preset}: {html:.300}");
        assert!(!html.contains(r#"id="cap-table""#), "{preset}: no default table meanwhile");
    }
}

#[tokio::test]
async fn the_map_panel_draws_the_map_of_the_scenario_it_is_given_or_says_why_not() {
    use fortress_widget::components::sensitivity::{map_of, MapPanel, MapPanelProps};
    let panel = |fragment: String, holder: &'static str| {
        let props = MapPanelProps {
            map: std::rc::Rc::new(map_of(&fragment, holder)),
            on_pick: Default::default(),
            locale: Default::default(),
        };
        LocalServerRenderer::<MapPanel>::with_props(props).hydratable(false).render()
    };
    let fragment = fortress_format::link::encode(&fortress_core::presets::feb_2026_pre_money());
    let html = panel(fragment.clone(), "microsoft").await;
    assert!(html.contains(r#"data-grid-cells="4096""#), "a 64 x 64 map");
    assert_eq!(text_after(&html, r#"id="sensitivity-current""#).replace("</span>", ""), "23.4643%");
    assert!(text_after(&html, r#"id="sensitivity-readout""#)
        .starts_with("Round $110B at $730B pre-money: Microsoft 23.4643%"));
    let amazon = panel(fragment, "amazon").await;
    assert!(text_after(&amazon, r#"id="sensitivity-readout""#).contains(": Amazon "));
    let damaged = panel("1.BQAgX".to_owned(), "microsoft").await;
    assert!(text_after(&damaged, r#"id="sensitivity-error""#)
        .starts_with("No map for this scenario: link: this link is damaged"));
}

#[tokio::test]
async fn the_map_waits_behind_its_button() {
    use fortress_widget::components::sensitivity::{map_of, MapPanel, MapPanelProps};
    let html = render("feb-2026").await;
    assert!(html.contains(r#"id="sensitivity-show""#) && html.contains(r#"aria-expanded="false""#));
    assert!(!html.contains(r#"id="sensitivity-map""#), "the map itself is the panel's, loaded when shown");
    let recap = fortress_format::link::encode(&fortress_core::presets::oct_2025_recap());
    let props = MapPanelProps {
        map: std::rc::Rc::new(map_of(&recap, "microsoft")),
        on_pick: Default::default(),
        locale: Default::default(),
    };
    let html = LocalServerRenderer::<MapPanel>::with_props(props).hydratable(false).render().await;
    assert!(text_after(&html, r#"id="sensitivity-empty""#).contains("no priced round"));
}

async fn render_fitted(attrs: &[(&str, &str)]) -> String {
    use fortress_format::view::View;
    let (view, problems) = View::read(|name| attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()));
    assert!(problems.is_empty(), "{problems:?}");
    let props = AppProps { view: std::rc::Rc::new(view), ..AppProps::default() };
    LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await
}

#[tokio::test]
async fn a_page_can_show_only_the_headline_and_one_slider() {
    let html = render_fitted(&[("sections", "headline controls"), ("controls", "investment:amazon")]).await;
    assert_eq!(html.matches(r#"type="range""#).count(), 1, "exactly one slider");
    assert!(html.contains(r#"id="amount-amazon-slider""#));
    for gone in [
        r#"id="cap-table""#,
        r#"id="valuation-slider""#,
        r#"id="preset""#,
        r#"id="copy-link""#,
        "Add investor",
        "Remove",
    ] {
        assert!(!html.contains(gone), "{gone} should not show");
    }
    assert!(html.contains(r#"id="headline""#));
    assert!(html.contains(r#"class="layout""#));
    let no_controls = render_fitted(&[("sections", "headline table")]).await;
    assert!(no_controls.contains(r#"class="layout single""#), "without controls the results take the whole width");
}

#[tokio::test]
async fn every_section_can_be_left_out_and_the_theme_is_the_pages() {
    let all = render("feb-2026").await;
    let sections = [
        ("header", r#"part="header""#),
        ("share", r#"part="share""#),
        ("headline", r#"part="headline""#),
        ("notes", r#"part="notes""#),
        ("controls", r#"part="controls""#),
        ("table", r#"part="table""#),
        ("timeline", r#"part="timeline""#),
        ("chart", r#"part="chart""#),
        ("map", r#"part="map""#),
        ("terms", r#"part="terms""#),
        ("routes", r#"part="routes""#),
        ("sources", r#"part="sources""#),
    ];
    for (name, part) in sections {
        assert!(all.contains(part), "the full widget has {part}");
        let others: Vec<&str> = sections.iter().map(|(n, _)| *n).filter(|n| *n != name).collect();
        let html = render_fitted(&[("sections", &others.join(",")), ("theme", "dark")]).await;
        assert!(!html.contains(part), "sections without {name} still has it");
        assert!(html.contains(r#"data-theme="dark""#));
    }
    assert!(all.contains(r#"data-theme="auto""#));
}

#[tokio::test]
async fn a_control_naming_a_holder_the_scenario_lacks_says_so() {
    let html = render_fitted(&[("controls", "investment:apple stake:microsoft")]).await;
    assert!(html.contains("controls: investment:apple names no holder of this scenario; it is ignored."));
    assert!(html.contains(r#"id="stake-microsoft-slider""#));
}

/// The row of `holder` in the exit's table: the cell `col`.
#[cfg(feature = "full")]
fn exit_cell(html: &str, holder: &str, col: &str) -> String {
    let table = &html[html.find(r#"id="exit-table""#).expect("an exit table")..];
    let row = &table[table.find(&format!(r#"data-holder="{holder}""#)).unwrap_or_else(|| panic!("no row {holder}"))..];
    text_after(row, &format!(r#"data-col="{col}""#))
}

#[cfg(feature = "full")]
#[tokio::test]
async fn the_exit_what_if_shows_who_gets_what_and_why() {
    let html = render("exit-what-if").await;
    assert!(html.contains(r#"part="exit""#), "the exit section is drawn");
    assert!(html.contains("If the company were sold"));
    // $500B: the 2026 round's 1x preference (the $122B its shares were bought with) comes first;
    // the other $378B is common's, shared by the earlier holders' stakes (Microsoft's 27%).
    assert_eq!(exit_cell(&html, "microsoft", "exact"), "$102,060,000,000");
    assert_eq!(exit_cell(&html, "amazon", "exact"), "$50,000,000,000");
    assert_eq!(exit_cell(&html, "amazon", "holds"), "Final close, March 2026 preferred");
    assert_eq!(exit_cell(&html, "microsoft", "holds"), "Common");
    assert!(html.contains("takes its preference"), "the class's choice in words");
    assert!(html.contains("converting would pay $71,596,244,130"), "and why, to the dollar");
    assert!(html.contains(r#"id="exit-slider""#) && html.contains(r#"id="exit-box""#));
    // The bar names its segments, not only colours them.
    let bar = &html[html.find(r#"id="exit-bar""#).unwrap()..];
    assert!(bar[..bar.find("</svg>").unwrap()].contains(">Microsoft<"));
}

#[tokio::test]
async fn a_scenario_without_classes_or_a_sale_has_no_exit_section() {
    let html = render("feb-2026").await;
    assert!(!html.contains(r#"part="exit""#));
}

/// A scenario whose exit is too large to share out exactly (found by the core's property tests):
/// the widget shows everything else, and the exit section says why it has no figures.
#[cfg(feature = "full")]
#[tokio::test]
async fn an_exit_too_large_to_share_out_says_so_and_the_rest_stands() {
    use fortress_core::{ClassTerms, Multiple, ParticipationKind};
    let mut s = fortress_testkit::odd_prices();
    s.rounds[2].terms = Some(ClassTerms {
        participation: ParticipationKind::Capped,
        cap: Some(Multiple::from_micros(1_000_001)),
        ..ClassTerms::ONE_X
    });
    let link = fortress_format::link::encode(&s);
    let props = AppProps { link: Some(AttrValue::from(link)), ..AppProps::default() };
    let html = LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await;
    assert!(html.contains(r#"id="cap-table""#), "the stake table stands");
    assert!(html.contains(r#"id="exit-error""#));
    assert!(
        html.contains("This sale cannot be shared out: rounds[2].terms: the numbers are too large to compute exactly.")
    );
    assert!(!html.contains(r#"id="exit-table""#));
}
