//! Links that must keep opening: `golden/links.txt` holds links of every
//! kind ever written, each with the scenario it must decode to, exactly.
//!
//! The file only ever grows. When a case below is not in it (a new case, or
//! a preset that changed, which makes new links on a new base), the test
//! fails and says so; `FORTRESS_BLESS_LINKS=1 cargo test -p fortress-format
//! --test link_golden` appends the missing entries and never touches the
//! others.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The cases are the full build's (see every_case_is_in_the_golden_file).
#![cfg_attr(not(feature = "full"), allow(dead_code, unused_imports))]

use std::path::PathBuf;

use fortress_core::{
    presets, Compare, Confidence, CountBasis, Date, Dollars, Events, Holder, Investment, Note, NoteKind, Percent, Pool,
    PoolBasis, Round, Scenario, Secondary, Source, Tranche, Valuation, WhatIf,
};
use fortress_format::link::{decode_link, encode, LinkError};
use fortress_format::{parse_scenario, scenario_to_json};

const HEADER: &str = "\
# Share links that must keep opening, each with the preset it names and the scenario JSON it
# must decode to, exactly. Checked by format/tests/link_golden.rs.
#
# This file only ever grows: entries are never edited or removed, because a link that opened
# once must open the same way for ever. Missing cases are appended by
#   FORTRESS_BLESS_LINKS=1 cargo test -p fortress-format --test link_golden
#
# An entry is a line \"== NAME\", a line \"link: LINK\", a line \"preset: NAME\" (or \"none\"), then
# the scenario JSON, up to the next \"==\" line.
";

fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/links.txt")
}

struct Entry {
    name: String,
    link: String,
    preset: Option<String>,
    json: String,
}

fn read_entries(text: &str) -> Vec<Entry> {
    let mut entries = Vec::new();
    for block in text.split("\n== ").skip(1) {
        let (name, rest) = block.split_once('\n').expect("a name line");
        let (link, rest) = rest.split_once('\n').expect("a link line");
        let (preset, json) = rest.split_once('\n').expect("a preset line");
        let link = link.strip_prefix("link: ").unwrap_or_else(|| panic!("{name}: no link line"));
        let preset = preset.strip_prefix("preset: ").unwrap_or_else(|| panic!("{name}: no preset line"));
        entries.push(Entry {
            name: name.to_owned(),
            link: link.to_owned(),
            preset: (preset != "none").then(|| preset.to_owned()),
            json: json.trim().to_owned(),
        });
    }
    entries
}

fn write_entry(name: &str, scenario: &Scenario) -> String {
    let link = decode_link(&encode(scenario)).unwrap_or_else(|e| panic!("{name}: {e}"));
    format!(
        "\n== {name}\nlink: {}\npreset: {}\n{}\n",
        encode(scenario),
        link.preset.unwrap_or("none"),
        scenario_to_json(scenario)
    )
}

#[test]
fn every_golden_link_decodes_exactly() {
    let text = std::fs::read_to_string(golden_path()).unwrap();
    assert!(text.starts_with(HEADER), "links.txt must start with its header comment");
    let entries = read_entries(&text);
    assert!(!entries.is_empty());
    let mut names = std::collections::HashSet::new();
    for entry in &entries {
        assert!(names.insert(&entry.name), "two entries are named {}", entry.name);
        let Some(want) = parse_entry(entry) else { continue };
        let got = match decode_link(&entry.link) {
            Ok(got) => got,
            // The lighter build hands a scenario under a deal it does not carry to the full build.
            Err(LinkError::NeedsFull { .. }) if names_full_only(&want) || on_full_only_base(entry) => continue,
            Err(e) => panic!("{}: the link no longer opens: {e}", entry.name),
        };
        assert_eq!(got.scenario, want, "{}: the link opens a different scenario", entry.name);
        assert_eq!(got.preset, entry.preset.as_deref(), "{}: the link names a different preset", entry.name);
    }
}

/// The scenario of a golden entry; `None` in the lighter build when it names a
/// deal or a preset only the full build carries.
fn parse_entry(entry: &Entry) -> Option<Scenario> {
    match parse_scenario(&entry.json) {
        // The lighter build leaves it whole to the full build.
        Ok(scenario) if names_full_only(&scenario) => None,
        Ok(scenario) => Some(scenario),
        // The lighter build cannot hold class terms or an exit at all, so it cannot read such an
        // entry's JSON: it leaves the entry to the full build, provided its link says so.
        Err(e) if !fortress_core::FULL && e.to_string().contains("need Fortress's full build") => {
            assert!(handed_over(entry), "{}: the lighter build must hand its link to the full build", entry.name);
            None
        }
        Err(e) => panic!("{}: the JSON does not parse: {e}", entry.name),
    }
}

/// Whether the entry's link is one the lighter build hands to the full build (for the exit
/// waterfall, or for a preset it leaves out).
fn handed_over(entry: &Entry) -> bool {
    matches!(decode_link(&entry.link), Err(LinkError::NeedsFull { .. }))
}

/// Whether `scenario` names a deal or a preset that only the full build carries.
fn names_full_only(scenario: &Scenario) -> bool {
    fortress_core::deal::needs_full(scenario)
}

/// Whether the golden entry's link is made on a preset only the full build carries.
fn on_full_only_base(entry: &Entry) -> bool {
    entry.preset.as_deref().is_some_and(presets::left_out)
}

// The cases are links as the full build makes them: the lighter build carries
// only the default preset, so it makes a case on another preset the long way.
#[cfg(feature = "full")]
#[test]
fn every_case_is_in_the_golden_file() {
    let path = golden_path();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let entries = read_entries(&text);
    let in_file: Vec<Scenario> = entries.iter().filter_map(parse_entry).collect();
    let mut missing = String::new();
    for case in cases() {
        if in_file.contains(&case.scenario) {
            continue;
        }
        // A case whose scenario changed (a preset corrected) is appended under a new name.
        let name = (1..)
            .map(|n| if n == 1 { case.name.clone() } else { format!("{} ({n})", case.name) })
            .find(|name| entries.iter().all(|e| &e.name != name) && !missing.contains(&format!("\n== {name}\n")))
            .unwrap();
        missing.push_str(&write_entry(&name, &case.scenario));
    }
    if missing.is_empty() {
        return;
    }
    if std::env::var_os("FORTRESS_BLESS_LINKS").is_some() {
        let text = if text.is_empty() { HEADER.to_owned() } else { text };
        std::fs::write(&path, text + &missing).unwrap();
        return;
    }
    panic!("cases missing from {}; run with FORTRESS_BLESS_LINKS=1 to append them:\n{missing}", path.display());
}

/// Links stay short: a preset with one slider moved well under 100 characters,
/// a custom ten-holder, three-round scenario well under 1,000.
#[cfg(feature = "full")]
#[test]
fn links_stay_short() {
    let mut report = String::new();
    for case in cases() {
        let len = encode(&case.scenario).len();
        report.push_str(&format!("{len:>6}  {}\n", case.name));
        assert!(len <= case.max_len, "{}: {len} characters, more than {}", case.name, case.max_len);
    }
    println!("fragment lengths:\n{report}");
}

struct Case {
    name: String,
    scenario: Scenario,
    /// The most characters its link may take.
    max_len: usize,
}

fn case(name: &str, max_len: usize, scenario: Scenario) -> Case {
    Case { name: name.to_owned(), scenario, max_len }
}

fn date(text: &str) -> Option<Date> {
    Date::parse(text)
}

fn billions(n: i64) -> Dollars {
    Dollars(n * 1_000_000_000)
}

/// Sets one starting stake as the widget's stake slider does: the others
/// absorb the difference in proportion to their stakes, in whole millionths,
/// the odd ones to the largest remainders (the rule of `edit::rebalance`).
fn set_stake(mut s: Scenario, id: &str, percent: i64) -> Scenario {
    let target = percent * 1_000_000;
    let others: i64 = s.holders.iter().filter(|h| h.id != id).map(|h| h.percent.micros()).sum();
    let left = Percent::HUNDRED_MICROS - target;
    let mut shares: Vec<(usize, i64, i64)> = Vec::new();
    for (i, h) in s.holders.iter().enumerate().filter(|(_, h)| h.id != id) {
        let exact = i128::from(h.percent.micros()) * i128::from(left);
        shares.push((i, (exact / i128::from(others)) as i64, (exact % i128::from(others)) as i64));
    }
    let mut odd = left - shares.iter().map(|s| s.1).sum::<i64>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(shares[k].2), shares[k].0));
    for k in order {
        if odd > 0 {
            shares[k].1 += 1;
            odd -= 1;
        }
    }
    for (i, micros, _) in shares {
        s.holders[i].percent = Percent::from_micros(micros);
    }
    let holder = s.holders.iter_mut().find(|h| h.id == id).unwrap();
    holder.percent = Percent::from_micros(target);
    s
}

fn holder(id: &str, name: &str, percent: i64, group: bool) -> Holder {
    Holder { id: id.into(), name: name.into(), percent: Percent::from_micros(percent * 1_000_000), group }
}

fn cheque(id: &str, name: Option<&str>, millions: i64) -> Investment {
    Investment {
        holder: id.into(),
        name: name.map(Into::into),
        amount: Dollars(millions * 1_000_000),
        tranches: vec![],
    }
}

/// A fully custom scenario: ten holders, three rounds, nothing from a preset.
fn northwind() -> Scenario {
    Scenario {
        version: 1,
        title: "Northwind Robotics, seed to Series C".into(),
        as_of: date("2026-03-01"),
        valuation: Some(Dollars(30_000_000)),
        holders: vec![
            holder("ada-lovelace", "Ada Lovelace", 22, false),
            holder("grace-hopper", "Grace Hopper", 18, false),
            holder("option-pool", "Employee option pool", 12, true),
            holder("katherine-johnson", "Katherine Johnson", 8, false),
            holder("seed-ventures", "Seed Ventures", 10, false),
            holder("angel-syndicate", "Angel syndicate", 6, true),
            holder("early-employees", "Early employees", 9, true),
            holder("university-of-anywhere", "University of Anywhere", 5, false),
            holder("advisors", "Advisors", 4, true),
            holder("friends-family", "Friends & family", 6, true),
        ],
        rounds: vec![
            Round {
                name: "Series A".into(),
                date: date("2024-03-15"),
                valuation: Some(Valuation::PreMoney(Dollars(40_000_000))),
                investments: vec![
                    cheque("blue-harbor-capital", Some("Blue Harbor Capital"), 8),
                    cheque("seed-ventures", None, 2),
                ],
                pool: Some(Pool {
                    holder: None,
                    name: None,
                    percent: Percent::from_micros(10_000_000),
                    sized: PoolBasis::PostMoney,
                }),
                secondaries: vec![],
                terms: None,
            },
            Round {
                name: "Series B".into(),
                date: date("2025-06-30"),
                valuation: Some(Valuation::PostMoney(Dollars(240_000_000))),
                investments: vec![
                    cheque("orchard-growth", Some("Orchard Growth"), 30),
                    cheque("blue-harbor-capital", None, 10),
                    cheque("kite-key-partners", Some("Kite & Key Partners"), 15),
                ],
                pool: None,
                secondaries: vec![],
                terms: None,
            },
            Round {
                name: "Series C".into(),
                date: date("2026-02-01"),
                valuation: Some(Valuation::PreMoney(Dollars(600_000_000))),
                investments: vec![cheque("summit-crossover-fund", None, 75), cheque("orchard-growth", None, 25)],
                pool: None,
                secondaries: vec![Secondary {
                    seller: "ada-lovelace".into(),
                    buyer: "summit-crossover-fund".into(),
                    name: Some("Summit Crossover Fund".into()),
                    percent: Some(Percent::from_micros(2_000_000)),
                    amount: None,
                }],
                terms: None,
            },
        ],
        events: Events::default(),
        regime: None,
        deal: None,
        whatifs: vec![],
        sources: vec![],
        notes: vec![],
        count: CountBasis::Committed,
        compare: None,
        exit: None,
    }
}

/// Every field of the format at once, with names in several scripts and
/// characters that need escaping in JSON and HTML.
fn every_field() -> Scenario {
    Scenario {
        version: 1,
        title: "Every field: \"quotes\", <tags>, & ampersands, ünïcödé, 日本語, 😀".into(),
        as_of: date("2031-12-31"),
        valuation: Some(Dollars(123_456_789_012)),
        holders: vec![
            Holder {
                id: "societe-generale".into(),
                name: "Société Générale".into(),
                percent: Percent::from_micros(33_333_333),
                group: false,
            },
            Holder {
                id: "h1".into(),
                name: "日本投資".into(),
                percent: Percent::from_micros(33_333_333),
                group: false,
            },
            Holder {
                id: "zoe".into(),
                name: "Zoë 😀 \"Z\" <b>".into(),
                percent: Percent::from_micros(33_333_334),
                group: true,
            },
        ],
        rounds: vec![
            Round {
                name: "Seed".into(),
                date: date("1999-01-01"),
                valuation: Some(Valuation::PostMoney(Dollars(10_000_001))),
                investments: vec![cheque("zoe", Some("Zoë again"), 1)],
                pool: Some(Pool {
                    holder: Some("staff-pool".into()),
                    name: Some("Staff pool".into()),
                    percent: Percent::from_micros(7_500_000),
                    sized: PoolBasis::PreMoney,
                }),
                secondaries: vec![Secondary {
                    seller: "h1".into(),
                    buyer: "buyer-1".into(),
                    name: Some("Buyer one".into()),
                    percent: None,
                    amount: Some(Dollars(250_000)),
                }],
                terms: None,
            },
            Round {
                name: "Secondary only".into(),
                date: date("2099-07-04"),
                valuation: None,
                investments: vec![],
                pool: None,
                secondaries: vec![Secondary {
                    seller: "buyer-1".into(),
                    buyer: "societe-generale".into(),
                    name: None,
                    percent: Some(Percent::from_micros(1)),
                    amount: None,
                }],
                terms: None,
            },
        ],
        events: agi_events(date("2030-01-01"), date("2030-06-30")),
        regime: Some("apr-2026".into()),
        deal: None,
        whatifs: vec![
            WhatIf::StakeBelow {
                holder: "societe-generale".into(),
                percent: Percent::from_micros(12_345_678),
                term: "azure-api-exclusivity".into(),
            },
            WhatIf::Outweighed { holder: "zoe".into(), term: "ip-license".into() },
            WhatIf::HolderAbove { percent: Percent::from_micros(50_000_000), term: "expert-panel".into() },
        ],
        sources: vec![
            source("High", "an official text", Confidence::High),
            source("Medium", "several outlets", Confidence::Medium),
            source("Low", "one outlet", Confidence::Low),
            source("Disputed", "outlets disagree", Confidence::Disputed),
        ],
        notes: vec!["A note with \"quotes\" and a % sign.".into(), "日本語のメモ".into()],
        count: CountBasis::Committed,
        compare: None,
        exit: None,
    }
}

fn agi_events(declared: Option<Date>, verified: Option<Date>) -> Events {
    let mut events = Events::default();
    events.set("agi_declared", declared);
    events.set("agi_verified", verified);
    events
}

fn source(fact: &str, source: &str, confidence: Confidence) -> Source {
    Source { fact: fact.into(), source: source.into(), confidence, url: None, date: None }
}

fn tranche(day: &str, millions: i64, note: &str) -> Tranche {
    Tranche { date: date(day).unwrap(), amount: Dollars(millions * 1_000_000), note: note.into() }
}

/// The fields added in December 2026: tranches, the funded count, typed notes,
/// and sources with an address and a date.
fn every_field_2026_12() -> Scenario {
    let mut s = every_field();
    s.count = CountBasis::Funded;
    s.as_of = date("2027-01-01");
    s.regime = None;
    let seed = &mut s.rounds[0];
    seed.date = date("2026-02-27");
    seed.investments[0].amount = Dollars(3_000_000);
    seed.investments[0].tranches = vec![
        tranche("2026-02-27", 1, "at the close"),
        tranche("2026-06-30", 1, ""),
        tranche("2027-07-31", 1, "July 2027; the day is not public"),
    ];
    seed.valuation = Some(Valuation::PostMoney(Dollars(10_000_003)));
    s.rounds.truncate(1);
    s.sources.push(Source {
        fact: "A source with an address".into(),
        source: "Example News".into(),
        confidence: Confidence::Medium,
        url: Some("https://example.com/news/2026/02/27/story?id=1#top".into()),
        date: date("2026-02-27"),
    });
    s.notes.push(Note::new(NoteKind::Disputed, "Two readings."));
    s.notes.push(Note::new(NoteKind::Speculative, "Not a fact."));
    s.notes.push(Note::new(NoteKind::Assumed, "A day assumed."));
    s
}

/// The cases the golden file must hold: for format 1, every preset as it
/// is and with one slider moved, a few more edits of the default, a fully
/// custom scenario and one that uses every field.
fn cases() -> Vec<Case> {
    let feb = presets::feb_2026_pre_money;
    let mut out = Vec::new();
    for preset in presets::ALL {
        out.push(case(&format!("format 1: {} as it is", preset.name), 10, (preset.build)()));
    }
    let mut s = feb();
    s.rounds[0].investments[0].amount = billions(20);
    out.push(case("format 1: feb-2026, Amazon's cheque moved to $20B", 40, s));
    let mut s = presets::feb_2026_post_money();
    s.rounds[0].valuation = Some(Valuation::PostMoney(billions(800)));
    out.push(case("format 1: feb-2026-post, valuation moved to $800B", 40, s));
    out.push(case(
        "format 1: mar-2026-close, Microsoft's stake moved to 30%",
        60,
        set_stake(presets::mar_2026_close(), "microsoft", 30),
    ));
    out.push(case(
        "format 1: oct-2025, Microsoft's stake moved to 20%",
        60,
        set_stake(presets::oct_2025_recap(), "microsoft", 20),
    ));
    out.push(case("format 1: feb-2026, Microsoft's stake moved to 20%", 60, set_stake(feb(), "microsoft", 20)));
    let mut s = feb();
    s.rounds[0].valuation = Some(Valuation::PostMoney(billions(730)));
    out.push(case("format 1: feb-2026, $730B read as post-money", 40, s));
    let mut s = feb();
    s.as_of = date("2026-06-01");
    out.push(case("format 1: feb-2026, judged on 2026-06-01", 40, s));
    let mut s = feb();
    s.events.set("agi_declared", date("2027-01-01"));
    out.push(case("format 1: feb-2026, AGI declared on 2027-01-01", 40, s));
    let mut s = feb();
    s.whatifs.push(WhatIf::StakeBelow {
        holder: "microsoft".into(),
        percent: Percent::from_micros(25_000_000),
        term: "azure-api-exclusivity".into(),
    });
    out.push(case("format 1: feb-2026, exclusivity ends if Microsoft falls below 25%", 40, s));
    let mut s = feb();
    s.rounds[0].investments.push(cheque("apple", Some("Apple"), 10_000));
    out.push(case("format 1: feb-2026, Apple added with $10B", 40, s));
    let mut s = feb();
    s.rounds[0].investments.remove(1);
    out.push(case("format 1: feb-2026, Nvidia removed", 40, s));
    let mut s = feb();
    s.rounds[0].investments[0].amount = billions(15);
    s.rounds[0].valuation = Some(Valuation::PreMoney(billions(850)));
    s.holders[2].name = "Staff and other investors".into();
    s.regime = Some("oct-2025".into());
    out.push(case("format 1: feb-2026, four edits", 100, s));
    out.push(case("format 1: a custom scenario, 10 holders and 3 rounds", 1000, northwind()));
    out.push(case("format 1: every field", 1000, every_field()));
    let mut s = feb();
    s.title = "The February round, my own reading".into();
    out.push(case("format 1: feb-2026 with a title of its own, written in full", 2500, s));
    out.push(case("format 1 (2026-12): every field, tranches and the funded count", 1000, every_field_2026_12()));
    let mut s = feb();
    s.count = CountBasis::Funded;
    s.rounds[0].investments[0].tranches =
        vec![tranche("2026-02-27", 15_000, ""), tranche("2026-06-30", 13_700, ""), tranche("2026-07-31", 21_300, "")];
    out.push(case("format 1 (2026-12): feb-2026, Amazon in three tranches, counted as funded", 80, s));
    let funded = presets::oct_2026_funded;
    let mut s = funded();
    s.as_of = date("2026-03-31");
    out.push(case("format 1 (2026-12): oct-2026-funded, judged on 2026-03-31", 40, s));
    let mut s = funded();
    s.count = CountBasis::Committed;
    out.push(case("format 1 (2026-12): oct-2026-funded, counted as committed", 40, s));
    let s = fortress_core::edit::set_amount(&funded(), "amazon", billions(60)).unwrap();
    out.push(case("format 1 (2026-12): oct-2026-funded, Amazon's cheque moved to $60B", 60, s));
    let mut s = feb();
    s.rounds[0].investments[0].amount = billions(20);
    s.compare = Some(Compare::Preset("mar-2026-close".into()));
    out.push(case("format 1 (2026-12): feb-2026, Amazon at $20B, compared with mar-2026-close", 60, s));
    let mut pinned = feb();
    pinned.rounds[0].investments[0].amount = billions(20);
    let mut s = pinned.clone();
    s.rounds[0].investments[0].amount = billions(80);
    s.compare = Some(Compare::Scenario(Box::new(pinned)));
    out.push(case("format 1 (2026-12): feb-2026, Amazon at $80B, compared with it pinned at $20B", 40, s));
    let mut s = feb();
    s.compare = Some(Compare::Off);
    out.push(case("format 1 (2026-12): feb-2026, comparing with nothing", 40, s));
    let mut s = northwind();
    s.compare = Some(Compare::Scenario(Box::new(every_field())));
    out.push(case("format 1 (2026-12): a custom scenario compared with another, both in full", 2000, s));
    // Deals as data: a scenario names its deal; events and regimes are the deal's own.
    #[cfg(feature = "full")]
    out.extend(anthropic_cases());
    // Class terms and an exit, which only the full build shares out.
    #[cfg(feature = "full")]
    out.extend(exit_cases());
    let mut s = feb();
    s.deal = Some("openai-microsoft".into());
    out.push(case("format 1 (2026-12, deals): feb-2026 naming its deal", 40, s));
    out
}

/// The cases under the Anthropic deal, which only the full build carries.
#[cfg(feature = "full")]
fn anthropic_cases() -> Vec<Case> {
    let feb = presets::feb_2026_pre_money;
    let mut out = Vec::new();
    let anthropic = presets::anthropic_series_h;
    let s = fortress_core::edit::set_amount(&anthropic(), "amazon", billions(20)).unwrap();
    out.push(case("format 1 (2026-12, deals): anthropic-series-h, Amazon's cheque moved to $20B", 60, s));
    let mut s = anthropic();
    s.events.set("amazon_milestones", date("2027-01-01"));
    out.push(case("format 1 (2026-12, deals): anthropic-series-h, Amazon's milestones met on 2027-01-01", 80, s));
    let mut s = anthropic();
    s.regime = Some("nov-2024".into());
    out.push(case("format 1 (2026-12, deals): anthropic-series-h, pinned to Amazon's November 2024 terms", 60, s));
    let mut s = anthropic();
    s.whatifs.push(WhatIf::StakeBelow {
        holder: "google".into(),
        percent: Percent::from_micros(12_000_000),
        term: "google-stake-cap".into(),
    });
    out.push(case("format 1 (2026-12, deals): anthropic-series-h, a what-if on Google's stake", 80, s));
    let mut s = anthropic();
    s.title = "Anthropic, my own reading".into();
    s.events.set("google_milestones", date("2026-12-01"));
    out.push(case("format 1 (2026-12, deals): anthropic-series-h with a title of its own, written in full", 6000, s));
    let mut s = feb();
    s.compare = Some(Compare::Preset("anthropic-series-h".into()));
    out.push(case("format 1 (2026-12, deals): feb-2026 compared with anthropic-series-h", 60, s));
    out
}

/// The cases with class terms or an exit, which only the full build carries
/// (the lighter build answers `LinkError::NeedsFull`, format/tests/exit_links_lean.rs).
#[cfg(feature = "full")]
fn exit_cases() -> Vec<Case> {
    use fortress_core::{AntiDilutionKind, ClassTerms, Exit, ExitPool, Multiple, ParticipationKind};
    let feb = presets::feb_2026_pre_money;
    let terms = |preference: i64, participation, cap: Option<i64>, seniority, anti_dilution| ClassTerms {
        preference: Multiple::from_micros(preference),
        participation,
        cap: cap.map(Multiple::from_micros),
        seniority,
        anti_dilution,
    };
    let one_x = terms(1_000_000, ParticipationKind::None, None, None, AntiDilutionKind::None);
    let mut out = Vec::new();
    let mut s = feb();
    s.rounds[0].terms = Some(one_x);
    s.exit = Some(Exit { value: Dollars(1_000_000_000_000), pool: ExitPool::Common });
    out.push(case("format 1 (2026-12, exit): feb-2026, its round 1x non-participating, sold for $1T", 60, s));
    let mut s = feb();
    s.exit = Some(Exit { value: Dollars(500_000_000_000), pool: ExitPool::Unissued });
    out.push(case("format 1 (2026-12, exit): feb-2026 sold for $500B, the pool unissued, no class terms", 60, s));
    let mut s = feb();
    s.rounds[0].terms =
        Some(terms(1_500_000, ParticipationKind::Capped, Some(3_000_000), Some(7), AntiDilutionKind::BroadBased));
    out.push(case("format 1 (2026-12, exit): feb-2026, its round 1.5x participating to 3x, rank 7, no exit", 60, s));
    let mut s = northwind();
    s.rounds[0].terms = Some(terms(1_000_000, ParticipationKind::None, None, None, AntiDilutionKind::BroadBased));
    s.rounds[1].terms =
        Some(terms(1_250_000, ParticipationKind::Capped, Some(2_500_000), Some(2), AntiDilutionKind::FullRatchet));
    s.rounds[2].terms = Some(terms(2_000_000, ParticipationKind::Full, None, Some(0), AntiDilutionKind::None));
    s.exit = Some(Exit { value: Dollars(2_000_000_000), pool: ExitPool::Unissued });
    out.push(case("format 1 (2026-12, exit): a custom scenario, every kind of class terms, sold for $2B", 1000, s));
    out
}
