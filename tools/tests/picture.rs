//! The picture's layout and words, and the wasm exports, natively.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_core::{evaluate, presets, Outcome, Scenario};
use fortress_format::summary::key_term_line;
use fortress_tools::picture::{self, text_width, Anchor, Palette, PAD, WIDTH};
use fortress_tools::{picture_primitives, Primitive, Scheme, DARK, LIGHT};
use proptest::prelude::*;

/// The default scenario's share link (`fortress preset feb-2026 | fortress link - --base ''`).
const DEFAULT_FRAGMENT: &str = "1.BQAgE";

fn default() -> (Scenario, Outcome) {
    let scenario = presets::feb_2026_pre_money();
    let outcome = evaluate(&scenario).unwrap();
    (scenario, outcome)
}

fn texts(primitives: &[Primitive]) -> Vec<(&str, f64)> {
    primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Text { text, size, .. } => Some((text.as_str(), *size)),
            _ => None,
        })
        .collect()
}

/// The texts of one size, joined with spaces: a wrapped paragraph as one line again.
fn paragraph(primitives: &[Primitive], size: f64) -> String {
    texts(primitives).into_iter().filter(|&(_, s)| s == size).map(|(t, _)| t).collect::<Vec<_>>().join(" ")
}

/// The rectangles of one height and colour.
fn bars(primitives: &[Primitive], height: f64, fills: &[&str]) -> Vec<[f64; 4]> {
    primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Rect { rect, fill } if rect[3] == height && fills.contains(fill) => Some(*rect),
            _ => None,
        })
        .collect()
}

#[test]
fn the_default_picture_says_the_headline_and_the_key_term() {
    let (scenario, outcome) = default();
    let p = picture_primitives(&scenario, &outcome, Some("http://127.0.0.1:8080/#1.BQAgE"), "microsoft", Scheme::Light);
    let all = texts(&p);
    // (text, size): whole lines the picture must hold.
    let lines = [
        ("OpenAI's $110B round, February 2026", 22.0),
        ("As of 2026-02-27", 13.0),
        ("Microsoft 27.0% \u{2192} 23.5%, worth $197B", 24.0),
        ("Ownership before and after February 2026", 15.0),
        ("27.0% \u{2192} 23.5%", 13.0),
        ("0.0% \u{2192} 6.0%", 13.0),
        ("Every stake after February 2026", 15.0),
        ("Change (points)", 12.0),
        ("-3.5", 13.0),
        ("+6.0", 13.0),
        ("http://127.0.0.1:8080/#1.BQAgE", 10.0),
    ];
    for (line, size) in lines {
        assert!(all.contains(&(line, size)), "no {line:?} at {size}px in {all:#?}");
    }
    let key = "Azure API exclusivity: In force on 2026-02-27 \u{b7} stakes have no bearing on it \u{b7} ends 2026-04-27 by the amendment";
    assert_eq!(key_term_line(&outcome).as_deref(), Some(key));
    assert_eq!(paragraph(&p, 14.0), key, "the key term's line, wrapped");
    let sources = paragraph(&p, 12.0);
    let sources = sources.split_once("Sources: ").map(|(_, s)| s).unwrap_or_default();
    assert!(sources.starts_with("OpenAI, \"The next"), "{sources}");
    assert!(sources.contains("\u{2026}; CNBC coverage; derived; most outlets print $500B and 4 more"), "{sources}");
}

#[test]
fn the_chart_draws_one_pair_of_bars_per_holder_on_one_scale() {
    let (scenario, outcome) = default();
    let last = outcome.last_stage().unwrap();
    for (scheme, colours) in [(Scheme::Light, &LIGHT), (Scheme::Dark, &DARK)] {
        for holder in &last.holders {
            let p = picture_primitives(&scenario, &outcome, None, &holder.id, scheme);
            let before = bars(&p, 6.0, &[colours.before]);
            let after = bars(&p, 12.0, &[colours.after, colours.focus]);
            assert_eq!((before.len(), after.len()), (last.holders.len(), last.holders.len()));
            // Only the holder in focus is drawn in the focus colour, and in bold.
            let focus = bars(&p, 12.0, &[colours.focus]);
            let at = last.holders.iter().position(|h| h.id == holder.id).unwrap();
            assert_eq!(focus, [after[at]], "{}", holder.id);
            let bold: Vec<&str> = p
                .iter()
                .filter_map(|p| match p {
                    Primitive::Text { text, weight: 700, size, anchor: Anchor::Start, .. } if *size == 13.0 => {
                        Some(text.as_str())
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(bold, [holder.name.as_str(), holder.name.as_str()], "named in the chart and the table");
            // The scale is 0 to 50%, the largest stake (47%) rounded up to ten points.
            let scale = (WIDTH - 2.0 * PAD) / 50.0;
            for (i, h) in last.holders.iter().enumerate() {
                let was = outcome.stages[0].holder(&h.id).map_or(0.0, |b| b.percent);
                assert!((before[i][2] - was * scale).abs() < 1e-9, "{} before", h.id);
                assert!((after[i][2] - h.percent * scale).abs() < 1e-9, "{} after", h.id);
                assert!(before[i][1] < after[i][1] && after[i][1] - before[i][1] < 20.0, "a pair");
            }
        }
    }
}

/// Every primitive inside the picture: between the sides, above its foot.
fn assert_inside(p: &[Primitive], what: &str) {
    let Some(Primitive::Rect { rect: [0.0, 0.0, width, height], fill }) = p.first() else {
        panic!("{what}: the first primitive is not the background: {:?}", p.first());
    };
    assert_eq!(*width, WIDTH);
    assert!([LIGHT.background, DARK.background].contains(fill));
    for primitive in &p[1..] {
        let (left, right) = primitive.extent();
        assert!(left >= 0.0 && right <= WIDTH, "{what}: {primitive:?} spans {left}..{right}");
        let y = match primitive {
            Primitive::Rect { rect, .. } => rect[1] + rect[3],
            Primitive::Text { at, .. } => at[1],
            Primitive::Line { line, .. } => line[1].max(line[3]),
        };
        assert!(y <= *height - PAD + 4.0, "{what}: {primitive:?} below the foot at {height}");
        if let Primitive::Text { text, .. } = primitive {
            assert!(!text.is_empty(), "{what}: an empty text");
        }
    }
}

#[test]
fn everything_stays_inside_the_width() {
    let long = "Ein sehr langer Name für einen Anteilseigner, der nicht aufhört und weitergeht".to_owned();
    let mut wide = fortress_testkit::synthetic(300, 6);
    wide.title = "W".repeat(200);
    wide.holders[0].name = "M".repeat(80);
    wide.holders[1].name = long.clone();
    wide.sources = presets::feb_2026_pre_money().sources;
    wide.sources[0].source = "日本".repeat(300);
    let mut scenarios: Vec<(String, Scenario)> =
        presets::ALL.iter().map(|p| (p.name.to_owned(), presets::by_name(p.name).unwrap())).collect();
    scenarios.push(("wide".to_owned(), wide));
    for (name, scenario) in scenarios {
        let outcome = evaluate(&scenario).unwrap();
        let link = format!("https://example.com/a/long/story/page.html#{}", fortress_format::link::encode(&scenario));
        let last = outcome.last_stage().unwrap();
        for scheme in [Scheme::Light, Scheme::Dark] {
            for focus in last.holders.iter().take(3).map(|h| h.id.as_str()).chain(["nobody"]) {
                let p = picture_primitives(&scenario, &outcome, Some(&link), focus, scheme);
                assert_inside(&p, &format!("{name} {focus} {scheme:?}"));
            }
        }
    }
}

#[test]
fn a_large_table_is_cut_to_the_largest_holders() {
    let scenario = fortress_testkit::synthetic(300, 6);
    let outcome = evaluate(&scenario).unwrap();
    let last = outcome.last_stage().unwrap();
    let focus = &last.holders[150];
    let p = picture_primitives(&scenario, &outcome, None, &focus.id, Scheme::Light);
    assert_inside(&p, "synthetic");
    // The chart: twenty pairs of bars, the last for every holder not drawn on its own.
    assert_eq!(bars(&p, 6.0, &[LIGHT.before]).len(), picture::CHART_HOLDERS);
    let others = format!("{} other holders", last.holders.len() - (picture::CHART_HOLDERS - 1));
    assert!(texts(&p).contains(&(others.as_str(), 13.0)), "{others}");
    // The table: ten rows, the holder in focus first, then from the largest down.
    let heading = format!("The 10 largest stakes of {} after Round 5", last.holders.len());
    assert!(texts(&p).contains(&(heading.as_str(), 15.0)), "{heading}");
    let table: Vec<&str> = p
        .iter()
        .filter_map(|p| match p {
            Primitive::Text { text, at, size, anchor: Anchor::Start, .. } if *size == 13.0 && at[0] == PAD + 8.0 => {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    let mut largest: Vec<_> = last.holders.iter().filter(|h| h.id != focus.id).collect();
    largest.sort_by_key(|h| std::cmp::Reverse(h.shares));
    let want: Vec<&str> =
        [focus.name.as_str()].into_iter().chain(largest.iter().take(9).map(|h| h.name.as_str())).collect();
    assert_eq!(table, want);
}

#[test]
fn dark_differs_from_light_in_colour_only() {
    let (scenario, outcome) = default();
    let light = picture_primitives(&scenario, &outcome, Some("x"), "microsoft", Scheme::Light);
    let dark = picture_primitives(&scenario, &outcome, Some("x"), "microsoft", Scheme::Dark);
    assert_eq!(light.len(), dark.len());
    let colour = |p: &Primitive| match p {
        Primitive::Rect { fill, .. } | Primitive::Text { fill, .. } => *fill,
        Primitive::Line { stroke, .. } => *stroke,
    };
    let light_colours: Vec<&str> = light.iter().map(colour).collect();
    let dark_colours: Vec<&str> = dark.iter().map(colour).collect();
    assert!(light_colours.iter().all(|c| !dark_colours.contains(c)), "no colour is in both");
    for (l, d) in light.iter().zip(&dark) {
        assert_eq!(l.extent(), d.extent(), "the same place");
    }
    assert_eq!(texts(&light), texts(&dark));
}

/// WCAG's contrast ratio of two `#rrggbb` colours.
fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |hex: &str| {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn the_colours_have_enough_contrast() {
    for (name, p) in [("light", &LIGHT), ("dark", &DARK)] {
        let Palette { background, band, text, muted, before, after, focus, .. } = *p;
        for (what, fg, bg, min) in [
            ("text", text, background, 4.5),
            ("text on the band", text, band, 4.5),
            ("muted", muted, background, 4.5),
            ("muted on the band", muted, band, 4.5),
            ("before bars", before, background, 3.0),
            ("after bars", after, background, 3.0),
            ("focus bars", focus, background, 3.0),
        ] {
            let ratio = contrast(fg, bg);
            assert!(ratio >= min, "{name}: {what} {fg} on {bg} is {ratio:.2}:1, under {min}:1");
        }
        assert!(contrast(before, after) > 1.2, "{name}: before and after bars look alike");
    }
}

#[test]
fn the_estimate_of_a_width_is_generous() {
    // Helvetica's advance widths, in thousandths of an em, at 10 px: the estimate must not be less.
    for (text, helvetica) in [("Microsoft", 4_337.0), ("23.5%", 2_835.0), ("WWW", 2_832.0), ("iii", 666.0)] {
        assert!(text_width(text, 10.0, 400) >= helvetica / 100.0, "{text}");
    }
    assert!(text_width("Microsoft", 10.0, 700) > text_width("Microsoft", 10.0, 400));
}

#[test]
fn the_exports_give_the_texts_of_the_format_crate() {
    let (scenario, outcome) = default();
    let link = "http://127.0.0.1:8080/#1.BQAgE";
    assert_eq!(
        fortress_tools::csv(DEFAULT_FRAGMENT, link),
        Ok(fortress_format::csv::outcome_csv(&scenario, &outcome, Some(link)))
    );
    assert_eq!(
        fortress_tools::csv(&format!("#{DEFAULT_FRAGMENT}"), ""),
        Ok(fortress_format::csv::outcome_csv(&scenario, &outcome, None))
    );
    assert_eq!(
        fortress_tools::json(DEFAULT_FRAGMENT),
        Ok(fortress_format::scenario_and_outcome_json(&scenario, &outcome))
    );
    let drawn: serde_json::Value =
        serde_json::from_str(&fortress_tools::picture(DEFAULT_FRAGMENT, link, "amazon", "dark").unwrap()).unwrap();
    let want = picture_primitives(&scenario, &outcome, Some(link), "amazon", Scheme::Dark);
    assert_eq!(drawn, serde_json::Value::Array(want.iter().map(Primitive::to_json).collect()));
    assert_eq!(drawn[0]["rect"][2], 640.0);
    assert_eq!(drawn[0]["fill"], DARK.background);
    let text = drawn.as_array().unwrap().iter().find(|p| p["size"] == 24.0).unwrap();
    assert_eq!(text["text"], "Amazon 0.0% \u{2192} 6.0%, worth $50B");
    assert_eq!((&text["weight"], &text["anchor"], &text["at"][0]), (&700.into(), &"start".into(), &24.0.into()));
}

#[test]
fn the_exports_refuse_with_one_line() {
    // (fragment, scheme, the message's start)
    let cases = [
        ("1.BQAgX", "light", "link: this link is damaged: its check characters do not match"),
        ("nope", "light", "link: this link is damaged: it is not a Fortress link"),
        ("2.AAAA", "light", "link: this link is from a newer version of Fortress"),
        (DEFAULT_FRAGMENT, "sepia", "scheme: must be \"light\" or \"dark\", not \"sepia\""),
        (DEFAULT_FRAGMENT, "Light", "scheme: must be \"light\" or \"dark\""),
    ];
    for (fragment, scheme, want) in cases {
        let error = fortress_tools::picture(fragment, "", "microsoft", scheme).unwrap_err();
        assert!(error.starts_with(want) && !error.contains('\n'), "{fragment} {scheme}: {error}");
        if scheme == "light" {
            assert_eq!(fortress_tools::csv(fragment, "").unwrap_err(), error);
            assert_eq!(fortress_tools::json(fragment).unwrap_err(), error);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_scenarios_stay_inside(
        scenario in prop_oneof![fortress_testkit::scenario(), fortress_testkit::huge_scenario()],
        names in prop::collection::vec(fortress_testkit::name(), 8),
        title in fortress_testkit::text(),
        dark in any::<bool>(),
    ) {
        let mut scenario = scenario;
        scenario.title = title;
        for (holder, name) in scenario.holders.iter_mut().zip(names) {
            holder.name = name;
        }
        let outcome = evaluate(&scenario);
        prop_assume!(outcome.is_ok(), "not a scenario that evaluates");
        let outcome = outcome.unwrap();
        let scheme = if dark { Scheme::Dark } else { Scheme::Light };
        let focus = outcome.last_stage().and_then(|s| s.holders.last()).map_or("", |h| h.id.as_str());
        let link = fortress_format::link::encode(&scenario);
        let p = picture_primitives(&scenario, &outcome, Some(&link), focus, scheme);
        assert_inside(&p, "random");
        let holders = outcome.last_stage().map_or(0, |s| s.holders.len().min(picture::CHART_HOLDERS));
        let colours = if dark { &DARK } else { &LIGHT };
        prop_assert_eq!(bars(&p, 6.0, &[colours.before]).len(), holders);
    }
}
