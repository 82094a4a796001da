//! Deal files: the built-in deals' files read back to exactly the built-in
//! data, a small hand-written deal judged on either side of its threshold
//! and of its event, and every kind of bad deal file with its message.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
// Deal files are read by the full build only (feature `full`).
#![cfg(feature = "full")]

use std::path::PathBuf;

use fortress_core::deal::{self, Deal};
use fortress_core::terms::{Hosting, ProductKind, Status};
use fortress_core::{evaluate_with, Date, Outcome, Percent, Scenario, WhatIf};
use fortress_format::deal::{deal_to_json, parse_deal, MAX_DEAL_BYTES};
use fortress_format::{parse_scenario, parse_scenario_with};
use serde_json::{json, Value};

fn deals_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/deals")
}

/// Every file in core/deals/ reads to the built-in deal of its name, field
/// for field, and is what the writer writes for that deal, byte for byte;
/// every built-in deal has its file.
#[test]
fn the_built_in_deals_are_their_files() {
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(deals_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let id = name.strip_suffix(".json").unwrap_or_else(|| panic!("{name} is not a deal file"));
        let text = std::fs::read_to_string(&path).unwrap();
        let read = parse_deal(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let built_in = deal::built_in(id).unwrap_or_else(|| panic!("{name}: no built-in deal has the id {id}"));
        assert!(read == *built_in, "{name} does not read to the built-in deal {id}: compare them field by field");
        assert_eq!(text, deal_to_json(built_in) + "\n", "{name} is not what `fortress deal {id}` writes");
        seen.push(id.to_owned());
    }
    for deal in deal::BUILT_IN {
        assert!(seen.iter().any(|id| *id == *deal.id), "core/deals/{}.json is missing", deal.id);
        assert_eq!(deal::validate_deal(deal), Ok(()), "{}", deal.id);
    }
}

/// A small deal, written by hand: one exclusivity clause that ends when the
/// cloud's stake falls below 10%, or when the company lists its shares.
fn cumulus() -> Value {
    let source = json!({"text": "Example Co. and Cumulus, investment agreement (2024-01-01)", "confidence": "H"});
    json!({
        "deal_version": 1,
        "id": "example-cumulus",
        "name": "Example Co. and Cumulus",
        "key_term": "cumulus-exclusivity",
        "whatif_holder": "cumulus",
        "events": [{
            "id": "ipo",
            "name": "IPO",
            "label": "Example Co.'s listing",
            "happened": "Example Co. listed its shares",
            "pending": "Example Co. has not listed its shares",
            "default_date": "2027-01-01"
        }],
        "regimes": [{
            "id": "2024",
            "name": "the 2024 agreement",
            "event": "the agreement",
            "starts": "2024-01-01",
            "source": source
        }],
        "terms": [{
            "id": "cumulus-exclusivity",
            "title": "Cumulus exclusivity",
            "grants": "Example Co.'s API runs on Cumulus's cloud only.",
            "source": source,
            "rules": {
                "2024": {
                    "until": {"any": [{"stake_below": {"holder": "cumulus", "percent": 10}}, {"event": "ipo"}]},
                    "words": "while Cumulus holds at least 10% and until Example Co. lists its shares"
                }
            }
        }],
        "routes": [{
            "when": "always",
            "term": "cumulus-exclusivity",
            "in_force": {"only": "Cumulus"},
            "ended": "any_cloud"
        }],
        "products": [{"kind": "stateless_api"}]
    })
}

fn cumulus_deal() -> Deal {
    parse_deal(&cumulus().to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// Example Co. with Cumulus at `percent` (in millionths of a point), judged on `as_of`,
/// listing on `ipo` if given.
fn example(percent: i64, as_of: &str, ipo: Option<&str>) -> Scenario {
    let others = 100_000_000 - percent;
    let mut scenario = parse_scenario_with(
        &json!({
            "version": 1,
            "deal": "example-cumulus",
            "as_of": as_of,
            "holders": [
                {"id": "cumulus", "name": "Cumulus", "percent": percent as f64 / 1e6},
                {"id": "founders", "name": "Founders", "percent": others as f64 / 1e6}
            ]
        })
        .to_string(),
        &cumulus_deal(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    scenario.events.set("ipo", ipo.and_then(Date::parse));
    scenario
}

fn judged(scenario: &Scenario) -> Outcome {
    evaluate_with(scenario, &cumulus_deal()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_clause_ends_below_its_threshold_and_on_its_event() {
    // (Cumulus's stake in millionths, the day judged, the day of the listing,
    //  the clause's status, words its reason must hold, where the API may run)
    type Case<'a> = (i64, &'a str, Option<&'a str>, Status, &'a str, Hosting);
    let cumulus_only = Hosting::Only("Cumulus".into());
    let cases: [Case; 6] = [
        (
            12_000_000,
            "2026-01-01",
            None,
            Status::InForce,
            "the stake of Cumulus (12%) is not below 10%",
            cumulus_only.clone(),
        ),
        (
            10_000_000,
            "2026-01-01",
            None,
            Status::InForce,
            "the stake of Cumulus (10%) is not below 10%",
            cumulus_only.clone(),
        ),
        (9_999_999, "2026-01-01", None, Status::Ended, "the stake of Cumulus (10%) is below 10%", Hosting::AnyCloud),
        (9_000_000, "2026-01-01", None, Status::Ended, "the stake of Cumulus (9%) is below 10%", Hosting::AnyCloud),
        (
            12_000_000,
            "2026-05-31",
            Some("2026-06-01"),
            Status::InForce,
            "Example Co. has not listed its shares by 2026-05-31 (the scenario has it happen on 2026-06-01)",
            cumulus_only,
        ),
        (
            12_000_000,
            "2026-06-01",
            Some("2026-06-01"),
            Status::Ended,
            "Example Co. listed its shares on 2026-06-01",
            Hosting::AnyCloud,
        ),
    ];
    for (percent, as_of, ipo, status, words, hosting) in cases {
        let outcome = judged(&example(percent, as_of, ipo));
        let term = &outcome.terms[0];
        assert_eq!((&*term.id, term.status), ("cumulus-exclusivity", status), "{percent} {as_of}: {}", term.reason);
        assert!(term.reason.contains(words), "{percent} {as_of}: {words:?} missing from {:?}", term.reason);
        assert_eq!(outcome.routes.len(), 1);
        assert_eq!((outcome.routes[0].product, &outcome.routes[0].hosting), (ProductKind::StatelessApi, &hosting));
        let key = outcome.key_term.as_ref().unwrap();
        assert_eq!((&*key.term, key.status), ("cumulus-exclusivity", status));
        // The stakes bear on the clause, so the headline does not say they have none.
        assert!(!key.line.contains("no bearing"), "{}", key.line);
        assert_eq!(&*term.regime_name, "the 2024 agreement");
    }
    // The listing is a point of the timeline, named as the deal names it.
    let outcome = judged(&example(12_000_000, "2026-12-31", Some("2026-06-01")));
    let labels: Vec<&str> = outcome.timeline.points.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["the agreement", "Example Co.'s listing"]);
    assert_eq!(outcome.timeline.points[1].kind.name(), "ipo");
    assert_eq!(
        outcome.timeline.points.iter().map(|p| p.statuses[0]).collect::<Vec<_>>(),
        [Status::InForce, Status::Ended]
    );
    // A reader's what-if on the deal's own term, and the deal's default day for its event.
    let mut scenario = example(12_000_000, "2026-01-01", None);
    scenario.whatifs.push(WhatIf::StakeBelow {
        holder: "cumulus".into(),
        percent: Percent::from_micros(15_000_000),
        term: "cumulus-exclusivity".into(),
    });
    let outcome = judged(&scenario);
    assert_eq!(outcome.terms[0].status, Status::Ended);
    assert!(outcome.terms[0].reason.starts_with("ended by your what-if"), "{}", outcome.terms[0].reason);
    let deal = cumulus_deal();
    scenario.as_of = None;
    assert_eq!(fortress_core::edit::event_default_date(&scenario, &deal.events[0]), Date::parse("2027-01-01"));
}

#[test]
fn a_scenario_names_its_deal() {
    let deal = cumulus_deal();
    let scenario = example(12_000_000, "2026-01-01", None);
    // Under the built-in deals only, the publisher's deal is unknown.
    let text = fortress_format::scenario_to_json(&scenario);
    assert_eq!(parse_scenario(&text).unwrap_err().to_string(), "deal: no deal has the id \"example-cumulus\"");
    assert_eq!(fortress_core::evaluate(&scenario).unwrap_err().field, "deal");
    // A scenario that names a built-in deal is judged under it, whatever deal is at hand.
    let feb = fortress_core::presets::feb_2026_pre_money();
    let outcome = evaluate_with(&Scenario { deal: Some("openai-microsoft".into()), ..feb.clone() }, &deal).unwrap();
    assert_eq!(outcome, fortress_core::evaluate(&feb).unwrap());
    // One that names none is judged under the deal at hand.
    let outcome = evaluate_with(&feb, &deal).unwrap();
    assert_eq!(outcome.terms.len(), 1);
    // The deal's events and regimes, and no other.
    let mut wrong = scenario.clone();
    wrong.events.set("agi_declared", Date::parse("2026-01-01"));
    assert_eq!(
        fortress_core::validate_with(&wrong, &deal).unwrap_err().to_string(),
        "events.agi_declared: no event of the deal has the id \"agi_declared\""
    );
    let mut wrong = scenario.clone();
    wrong.regime = Some("oct-2025".into());
    assert_eq!(
        fortress_core::validate_with(&wrong, &deal).unwrap_err().to_string(),
        "regime: no regime of the deal has the id \"oct-2025\""
    );
    let mut wrong = scenario;
    wrong.whatifs.push(WhatIf::HolderAbove { percent: Percent::from_micros(1), term: "azure-api-exclusivity".into() });
    assert_eq!(
        fortress_core::validate_with(&wrong, &deal).unwrap_err().to_string(),
        "whatifs[0].term: no term has the id \"azure-api-exclusivity\""
    );
}

/// Appends `item` to the list `list` of the deal's JSON.
fn push(value: &mut Value, list: &str, item: Value) {
    value[list].as_array_mut().unwrap().push(item);
}

/// Applies `edit` to the small deal's JSON and expects `want` as the start of the error.
fn check(edit: impl FnOnce(&mut Value), want: &str) {
    let mut value = cumulus();
    edit(&mut value);
    let error = parse_deal(&value.to_string()).map(|_| ()).unwrap_err();
    assert!(error.to_string().starts_with(want), "got: {error}\nwant: {want}");
}

#[test]
fn every_kind_of_bad_deal_names_its_field() {
    type Edit = fn(&mut Value);
    let cases: Vec<(Edit, &str)> = vec![
        // The file as a whole, and its version.
        (|v| v["deal_version"] = json!(2), "deal_version: deal format version 2 is not supported"),
        (|v| v["deal_version"] = json!("1"), "deal_version: invalid type: string \"1\", expected u32"),
        (|v| *v = json!({"id": "x"}), "deal: missing field `deal_version`"),
        (|v| *v = json!([1]), "deal: must be a JSON object, starting with {"),
        (|v| v["colour"] = json!("red"), "colour: unknown field `colour`"),
        (|v| v.as_object_mut().unwrap().remove("terms").map(|_| ()).unwrap(), "deal: missing field `terms`"),
        // Ids and texts.
        (|v| v["id"] = json!("Example Co"), "id: must be 1 to 40 lower-case letters, digits or hyphens"),
        (|v| v["name"] = json!(" "), "name: must not be empty"),
        (|v| v["name"] = json!("x".repeat(81)), "name: is longer than 80 characters"),
        (|v| v["terms"][0]["grants"] = json!("a\nb"), "terms[0].grants: must not contain control characters"),
        (|v| v["terms"][0]["grants"] = json!("x".repeat(1001)), "terms[0].grants: is longer than 1000 characters"),
        (|v| v["terms"][0]["id"] = json!(""), "terms[0].id: must be 1 to 40 lower-case letters"),
        (|v| v["key_term"] = json!("nope"), "key_term: no term has the id \"nope\""),
        (|v| v["whatif_holder"] = json!("Cumulus"), "whatif_holder: must be 1 to 40 lower-case letters"),
        // Sources.
        (|v| v["terms"][0]["source"]["url"] = json!("http://x.com/"), "terms[0].source.url: must be a web address"),
        (
            |v| v["terms"][0]["source"]["confidence"] = json!("sure"),
            "terms[0].source.confidence: unknown variant `sure`",
        ),
        (|v| v["terms"][0]["source"]["text"] = json!(""), "terms[0].source.text: must not be empty"),
        (
            |v| v["terms"][0]["figures"] = json!([{"fact": "", "source": {"text": "S", "confidence": "L"}}]),
            "terms[0].figures[0].fact: must not be empty",
        ),
        (|v| v["regimes"][0]["source"]["by"] = json!("x"), "regimes[0].source.by: unknown field `by`"),
        // Events.
        (
            |v| v["events"][0]["id"] = json!("IPO"),
            "events[0].id: must be 1 to 40 lower-case letters, digits or underscores",
        ),
        (|v| push(v, "events", v["events"][0].clone()), "events[1].id: the id \"ipo\" is used twice"),
        (|v| v["events"][0]["not_before"] = json!("ipo"), "events[0].not_before: must name another event"),
        (
            |v| v["events"][0]["not_before"] = json!("agm"),
            "events[0].not_before: no event of the deal has the id \"agm\"",
        ),
        (|v| v["events"][0]["default_date"] = json!("2027-02-30"), "events[0].default_date: invalid value"),
        (
            |v| {
                v["events"] = json!((0..21).map(|i| json!({"id": format!("e{i}"), "name": "E", "label": "E", "happened": "E", "pending": "E", "default_date": "2027-01-01"})).collect::<Vec<_>>())
            },
            "events: has more than 20 entries",
        ),
        // Regimes, and a rule for each.
        (|v| v["regimes"] = json!([]), "regimes: must not be empty"),
        (|v| v["regimes"][0]["id"] = json!("Y2024"), "regimes[0].id: must be 1 to 40 lower-case letters"),
        (
            |v| {
                let mut later = v["regimes"][0].clone();
                later["id"] = json!("2025");
                later["starts"] = json!("2023-06-01");
                push(v, "regimes", later);
            },
            "regimes[1].starts: must be after 2024-01-01",
        ),
        (
            |v| {
                let mut later = v["regimes"][0].clone();
                later["id"] = json!("2025");
                later["starts"] = json!("2025-01-01");
                push(v, "regimes", later);
            },
            "terms[0].rules: has no rule for the regime \"2025\"",
        ),
        (
            |v| v["terms"][0]["rules"]["2023"] = json!({"standing": true}),
            "terms[0].rules.2023: no regime of the deal has the id \"2023\"",
        ),
        (|v| v["terms"][0]["rules"] = json!({}), "terms[0].rules: has no rule for the regime \"2024\""),
        (
            |v| v["terms"][0]["rules"]["2024"] = json!({"standing": true, "ended": "E"}),
            "terms[0].rules.2024: give exactly one of standing, until, ended, later, contested or unstated",
        ),
        (|v| v["terms"][0]["rules"]["2024"] = json!({}), "terms[0].rules.2024: give exactly one of"),
        (|v| v["terms"][0]["rules"]["2024"] = json!({"standing": false}), "terms[0].rules.2024: give exactly one of"),
        (
            |v| v["terms"][0]["rules"]["2024"] = json!({"ended": "E", "words": "W"}),
            "terms[0].rules.2024.words: give exactly one of",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"] = json!({"until": "always"}),
            "terms[0].rules.2024.words: must not be empty",
        ),
        (|v| v["terms"][0]["rules"]["2024"] = json!({"ended": ""}), "terms[0].rules.2024.ended: must not be empty"),
        (
            |v| v["terms"][0]["rules"]["2024"] = json!({"contested": ["one"]}),
            "terms[0].rules.2024.contested: invalid length 1, expected an array of length 2",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"] = json!({"contested": ["one", " "]}),
            "terms[0].rules.2024.contested[1]: must not be empty",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"] = json!({"later": "L", "title": ""}),
            "terms[0].rules.2024.title: must not be empty",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["when"] = json!("always"),
            "terms[0].rules.2024.when: unknown field `when`",
        ),
        (|v| push(v, "terms", v["terms"][0].clone()), "terms[1].id: the id \"cumulus-exclusivity\" is used twice"),
        (|v| v["terms"] = json!([]), "terms: must not be empty"),
        // Conditions, with the path of the part at fault.
        (
            |v| v["terms"][0]["rules"]["2024"]["until"]["any"][0]["stake_below"]["holder"] = json!("Cumulus"),
            "terms[0].rules.2024.until.any[0].stake_below.holder: must be 1 to 40 lower-case letters",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["until"]["any"][0]["stake_below"]["percent"] = json!(101),
            "terms[0].rules.2024.until.any[0].stake_below.percent: must be between 0 and 100",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["until"]["any"][1] = json!({"event": "agm"}),
            "terms[0].rules.2024.until.any[1].event: no event of the deal has the id \"agm\"",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["until"]["any"][1] = json!({"after": "2024-13-01"}),
            "terms[0].rules.2024.until.any[1].after: invalid value",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["until"]["any"][1] = json!({"soon": true}),
            "terms[0].rules.2024.until.any[1]: unknown variant `soon`",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["until"]["any"][1] = json!({"stake_above": {"holder": "cumulus"}}),
            "terms[0].rules.2024.until.any[1].stake_above: missing field `percent`",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["until"]["any"][1] = json!({"not": {"outweighed": {"holder": "x y"}}}),
            "terms[0].rules.2024.until.any[1].not.outweighed.holder: must be 1 to 40",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["until"]["any"][1] = json!({"all": [{"partner": ""}]}),
            "terms[0].rules.2024.until.any[1].all[0].partner: must not be empty",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["until"] = (0..9).fold(json!("always"), |c, _| json!({"not": c})),
            "terms[0].rules.2024.until.not.not.not.not.not.not.not.not: nests conditions more than 8 deep",
        ),
        (
            |v| v["terms"][0]["rules"]["2024"]["until"] = json!({"any": vec![json!("always"); 64]}),
            "terms[0].rules.2024.until.any[63]: brings its condition past 64 parts, all levels together",
        ),
        // Routes and products.
        (|v| v["routes"][0]["term"] = json!("nope"), "routes[0].term: no term has the id \"nope\""),
        (
            |v| v["routes"][0]["regimes"] = json!(["2025"]),
            "routes[0].regimes[0]: no regime of the deal has the id \"2025\"",
        ),
        (|v| v["routes"][0]["in_force"] = json!({"only": ""}), "routes[0].in_force.only: must not be empty"),
        (|v| v["routes"][0]["in_force"] = json!("azure_only"), "routes[0].in_force: unknown variant `azure_only`"),
        (|v| v["routes"][0]["when"] = json!({"product": "robot"}), "routes[0].when.product: unknown variant `robot`"),
        (
            |v| push(v, "products", json!({"kind": "stateless_api"})),
            "products[1].kind: the id \"stateless_api\" is used twice",
        ),
        (|v| v["products"][0]["partner"] = json!("\t"), "products[0].partner: must not be empty"),
    ];
    for (edit, want) in cases {
        check(edit, want);
    }
    let huge = " ".repeat(MAX_DEAL_BYTES + 1);
    assert_eq!(parse_deal(&huge).unwrap_err().to_string(), "deal: the text is 262145 bytes; the limit is 262144");
    assert_eq!(parse_deal("").unwrap_err().to_string(), "deal: EOF while parsing a value at line 1 column 0");
    assert_eq!(parse_deal("{\"deal_version\": 1} x").unwrap_err().field(), "deal");
}

/// A deal read from a file judges like the built-in deal it copies: the
/// default preset's outcome is the same under the file's deal.
#[test]
fn a_copy_of_a_built_in_deal_judges_the_same() {
    let text = std::fs::read_to_string(deals_dir().join("openai-microsoft.json")).unwrap();
    let mut copy = parse_deal(&text).unwrap();
    copy.id = "my-copy".into();
    for preset in fortress_core::presets::ALL {
        let scenario = (preset.build)();
        if scenario.deal.is_some() {
            continue;
        }
        assert_eq!(evaluate_with(&scenario, &copy), fortress_core::evaluate(&scenario), "{}", preset.name);
    }
}

/// The full example of docs/DEALS.md: the first JSON block of the page.
fn docs_example() -> String {
    let page = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/DEALS.md")).unwrap();
    let start = page.find("```json\n").expect("a JSON block in docs/DEALS.md") + "```json\n".len();
    let end = start + page[start..].find("```").unwrap();
    page[start..end].to_owned()
}

/// The example in the docs reads, and judges as the page says, under each of its regimes.
#[test]
fn the_example_in_the_docs_reads_and_judges() {
    let deal = parse_deal(&docs_example()).unwrap_or_else(|e| panic!("docs/DEALS.md: {e}"));
    assert_eq!(deal.terms.len(), 5);
    let status = |outcome: &Outcome, id: &str| outcome.terms.iter().find(|t| t.id == id).unwrap().status;
    let hosting = |outcome: &Outcome, kind: ProductKind| {
        outcome.routes.iter().find(|r| r.product == kind).map(|r| r.hosting.name().into_owned())
    };
    let mut scenario = example(12_000_000, "2024-06-01", None);
    scenario.deal = Some("example-cumulus".into());
    let before = evaluate_with(&scenario, &deal).unwrap();
    assert_eq!(status(&before, "cumulus-exclusivity"), Status::InForce);
    assert_eq!(status(&before, "first-ship"), Status::NotYet);
    assert_eq!(hosting(&before, ProductKind::StatelessApi).as_deref(), Some("cumulus_only"));
    assert_eq!(hosting(&before, ProductKind::PartnerApi).as_deref(), Some("contested"));
    let routes = &before.routes;
    assert_eq!(
        routes.iter().find(|r| r.product == ProductKind::PartnerApi).unwrap().partner.as_deref(),
        Some("Stratus")
    );
    scenario.as_of = Date::parse("2025-07-01");
    let after = evaluate_with(&scenario, &deal).unwrap();
    let statuses: Vec<Status> = after.terms.iter().map(|t| t.status).collect();
    assert_eq!(statuses, [Status::Contested, Status::InForce, Status::Unknown, Status::InForce, Status::Ended]);
    assert_eq!(&*after.terms[1].title, "Revenue share to Cumulus, shortened");
    assert!(
        after.terms[0].reason.starts_with("contested: Example Co. reads the amendment"),
        "{}",
        after.terms[0].reason
    );
    assert_eq!(hosting(&after, ProductKind::Training).as_deref(), Some("any_cloud"));
    // With the exclusivity contested, nothing answers for the API: the answer says so.
    let api = after.routes.iter().find(|r| r.product == ProductKind::StatelessApi).unwrap();
    assert_eq!(api.hosting, Hosting::Contested);
    assert!(api.reason.starts_with("contested: no term of the 2025 amendment decides"), "{}", api.reason);
    // An event that may not precede another.
    scenario.events.set("ipo", Date::parse("2026-01-01"));
    scenario.events.set("lockup_end", Date::parse("2025-12-31"));
    let error = fortress_core::validate_with(&scenario, &deal).unwrap_err();
    assert_eq!(error.to_string(), "events.lockup_end: must not be before 2026-01-01");
    scenario.events.set("lockup_end", Date::parse("2026-07-01"));
    scenario.as_of = Date::parse("2026-08-01");
    assert_eq!(status(&evaluate_with(&scenario, &deal).unwrap(), "revenue-share"), Status::Ended);
}
