//! Every mistake in a scenario text gives one line that names the field.
//!
//! Each case edits the default scenario's JSON and states the message it
//! must give, so a new case is one line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_format::{parse_scenario, scenario_to_json};
use serde_json::{json, Value};

/// Applies `edit` to the default scenario's JSON and expects `want` as the error.
fn check(edit: impl FnOnce(&mut Value), want: &str) {
    let mut value: Value = serde_json::from_str(&scenario_to_json(&fortress_core::presets::feb_2026_pre_money()))
        .unwrap_or_else(|e| panic!("{e}"));
    edit(&mut value);
    let error = parse_scenario(&value.to_string()).map(|_| ()).unwrap_err();
    assert!(error.to_string().starts_with(want), "got: {error}\nwant: {want}");
}

#[test]
fn mistakes_name_their_field() {
    check(|v| v["version"] = json!(2), "version: format version 2 is not supported");
    check(|v| v["colour"] = json!("red"), "colour: unknown field `colour`");
    check(
        |v| v["rounds"][0]["investments"][1]["amount"] = json!(-5),
        "rounds[0].investments[1].amount: must be more than zero",
    );
    check(
        |v| v["rounds"][0]["investments"][0]["amount"] = json!(0),
        "rounds[0].investments[0].amount: must be more than zero",
    );
    check(
        |v| v["rounds"][0]["investments"][0]["amount"] = json!(1.5),
        "rounds[0].investments[0].amount: invalid value: floating point `1.5`, expected a whole number of US dollars",
    );
    check(
        |v| v["rounds"][0]["investments"][0]["amount"] = json!("50"),
        "rounds[0].investments[0].amount: invalid type: string",
    );
    check(
        |v| v["rounds"][0]["investments"][0]["amount"] = json!(2e15),
        "rounds[0].investments[0].amount: 2000000000000000 is more than the largest accepted",
    );
    check(
        |v| v["rounds"][0]["valuation"] = json!({"pre_money": 0}),
        "rounds[0].valuation.pre_money: must be more than zero",
    );
    check(|v| v["rounds"][0]["valuation"] = json!({"post_money": 100_000_000_000u64}), "rounds[0].valuation.post_money: the post-money valuation (100000000000) must be more than the round's new money (110000000000)");
    check(
        |v| v["rounds"][0]["valuation"] = json!({"middle_money": 1}),
        "rounds[0].valuation: unknown variant `middle_money`",
    );
    check(|v| v["valuation"] = json!(-1), "valuation: must be more than zero");
    check(|v| v["holders"][1]["id"] = json!("microsoft"), "holders[1].id: the id \"microsoft\" is used twice");
    check(|v| v["holders"][1]["id"] = json!("Open AI"), "holders[1].id: must be 1 to 40 lower-case letters");
    check(|v| v["holders"][0]["percent"] = json!(30), "holders: the stakes add up to 103%, not 100%");
    check(|v| v["holders"][0]["percent"] = json!(-27), "holders[0].percent: must be between 0 and 100");
    check(|v| v["holders"][0]["percent"] = json!(127), "holders[0].percent: must be between 0 and 100");
    check(|v| v["holders"][0]["name"] = json!("  "), "holders[0].name: must not be empty");
    check(|v| v["holders"][0]["name"] = json!("x".repeat(81)), "holders[0].name: is longer than 80 characters");
    check(|v| v["holders"][0]["name"] = json!("a\nb"), "holders[0].name: must not contain control characters");
    check(|v| v["holders"] = json!([]), "holders: must not be empty");
    check(
        |v| v["rounds"][0]["investments"][0]["holder"] = json!("nvidia"),
        "rounds[0].investments[1].holder: the id \"nvidia\" is used twice",
    );
    check(
        |v| v["rounds"][0]["investments"][0] = json!({"holder": "apple", "amount": 1}),
        "rounds[0].investments[0].name: a new holder needs a name",
    );
    check(
        |v| v["rounds"][0]["investments"] = json!([]),
        "rounds[0]: the round has no investments, pool or secondary sales",
    );
    check(|v| v["rounds"][0]["date"] = json!("2026-02-30"), "rounds[0].date: invalid value: string \"2026-02-30\"");
    check(
        |v| v["events"] = json!({"agi_declared": "2030-01-02", "agi_verified": "2030-01-01"}),
        "events.agi_verified: must not be before 2030-01-02",
    );
    check(
        |v| v["whatifs"] = json!([{"kind": "stake_below", "holder": "apple", "percent": 20, "term": "ip-license"}]),
        "whatifs[0].holder: no holder has the id \"apple\"",
    );
    check(
        |v| {
            v["whatifs"] =
                json!([{"kind": "stake_below", "holder": "microsoft", "percent": 20, "term": "no-such-term"}])
        },
        "whatifs[0].term: no term has the id \"no-such-term\"",
    );
    check(
        |v| {
            v["holders"] =
                json!((0..2001).map(|i| json!({"id": format!("h{i}"), "name": "H", "percent": 0})).collect::<Vec<_>>())
        },
        "holders: has more than 2000 entries",
    );
    check(
        |v| {
            v["rounds"][0]["secondaries"] =
                json!([{"seller": "microsoft", "buyer": "apple", "name": "Apple", "percent": 1, "amount": 5}])
        },
        "rounds[0].secondaries[0]: give either percent or amount, exactly one",
    );
    check(|v| *v = json!([1, 2]), "scenario: must be a JSON object, starting with {");
    // The deal a scenario names, and the events and regimes of that deal.
    check(|v| v["deal"] = json!("acme-cloud"), "deal: no deal has the id \"acme-cloud\"");
    check(|v| v["events"] = json!({"agi_announced": "2030-01-01"}), "events.agi_announced: no event of the deal");
    check(|v| v["events"] = json!({"agi_declared": "soon"}), "events.agi_declared: invalid value");
    check(|v| v["events"] = json!(["agi_declared"]), "events: invalid type: sequence, expected an object");
    check(|v| v["regime"] = json!("jan-2020"), "regime: no regime of the deal has the id \"jan-2020\"");
}

#[test]
fn old_event_forms_read_as_before() {
    let base = scenario_to_json(&fortress_core::presets::feb_2026_pre_money());
    let with = |events: &str| {
        let text = base.replacen('{', &format!("{{\"events\": {events},"), 1);
        parse_scenario(&text).unwrap_or_else(|e| panic!("{events}: {e}"))
    };
    let both = with(r#"{"agi_declared": "2027-01-01", "agi_verified": null}"#);
    assert_eq!(both, with(r#"{"agi_declared": "2027-01-01"}"#));
    assert_eq!(both.events.get("agi_declared"), fortress_core::Date::parse("2027-01-01"));
    assert!(with(r#"{"agi_declared": null, "agi_verified": null}"#).events.is_empty());
    let twice = base.replacen('{', r#"{"events": {"agi_declared": "2030-01-01", "agi_declared": null},"#, 1);
    let error = parse_scenario(&twice).unwrap_err().to_string();
    assert!(error.starts_with("events: the event \"agi_declared\" is given twice"), "{error}");
    let ordered = with(r#"{"agi_verified": "2027-02-01", "agi_declared": "2027-01-01"}"#);
    assert_eq!(ordered, with(r#"{"agi_declared": "2027-01-01", "agi_verified": "2027-02-01"}"#));
}

#[test]
fn bad_tranches_name_their_field() {
    let amazon = |tranches: Value| move |v: &mut Value| v["rounds"][0]["investments"][0]["tranches"] = tranches;
    let cases = [
        (
            json!([{"date": "2026-02-27", "amount": 15e9}, {"date": "2026-07-31", "amount": 25e9}]),
            "rounds[0].investments[0].tranches: add up to $40B, not the $50B of the investment",
        ),
        (
            json!([{"date": "2026-02-27", "amount": 50e9}, {"date": "2026-07-31", "amount": 1}]),
            "rounds[0].investments[0].tranches: add up to $50000000001, not the $50B of the investment",
        ),
        (
            json!([{"date": "2026-02-26", "amount": 50e9}]),
            "rounds[0].investments[0].tranches[0].date: must not be before 2026-02-27",
        ),
        (
            json!([{"date": "2026-07-01", "amount": 25e9}, {"date": "2026-04-01", "amount": 25e9}]),
            "rounds[0].investments[0].tranches[1].date: must not be before 2026-07-01",
        ),
        (
            json!([{"date": "2026-02-27", "amount": 0}, {"date": "2026-07-31", "amount": 50e9}]),
            "rounds[0].investments[0].tranches[0].amount: must be more than zero",
        ),
        (
            json!([{"date": "2026-02-27", "amount": -1}, {"date": "2026-07-31", "amount": 50_000_000_001u64}]),
            "rounds[0].investments[0].tranches[0].amount: must be more than zero",
        ),
        (json!([{"date": "2026-02-27"}]), "rounds[0].investments[0].tranches[0]: missing field `amount`"),
        (json!([{"date": "soon", "amount": 50e9}]), "rounds[0].investments[0].tranches[0].date: invalid value"),
        (
            json!([{"date": "2026-02-27", "amount": 50e9, "when": "now"}]),
            "rounds[0].investments[0].tranches[0].when: unknown field `when`",
        ),
        (
            json!([{"date": "2026-02-27", "amount": 50e9, "note": "a\nb"}]),
            "rounds[0].investments[0].tranches[0].note: must not contain control characters",
        ),
        (
            json!((0..101).map(|_| json!({"date": "2026-03-01", "amount": 1})).collect::<Vec<_>>()),
            "rounds[0].investments[0].tranches: has more than 100 entries",
        ),
        (json!({"date": "2026-02-27"}), "rounds[0].investments[0].tranches: invalid type: map, expected a sequence"),
    ];
    for (tranches, want) in cases {
        check(amazon(tranches), want);
    }
    check(|v| v["count"] = json!("paid"), "count: unknown variant `paid`, expected `committed` or `funded`");
    // 100 tranches a cheque is allowed, but not 300 in one scenario.
    let hundred = |billions: u64| {
        let each = billions * 10_000_000;
        json!((0..100).map(|_| json!({"date": "2026-03-01", "amount": each})).collect::<Vec<_>>())
    };
    check(
        move |v| {
            for (j, billions) in [(0, 50), (1, 30), (2, 30)] {
                v["rounds"][0]["investments"][j]["tranches"] = hundred(billions);
            }
        },
        "rounds[0].investments[2].tranches: brings the scenario past 200 entries of this kind, all together",
    );
}

#[test]
fn bad_sources_and_notes_name_their_field() {
    let source = |url: &str| json!([{"fact": "F", "source": "S", "confidence": "M", "url": url}]);
    let bad = [
        "http://example.com/",
        "javascript:alert(1)",
        "https://",
        "https://exa mple.com/",
        "https://example.com/\"onmouseover=\"x",
        "https://example.com/<script>",
        "https://user@example.com/",
    ];
    for url in bad {
        check(move |v| v["sources"] = source(url), "sources[0].url: must be a web address starting with https://");
    }
    check(
        |v| v["sources"] = json!([{"fact": "F", "source": "S", "confidence": "M", "date": "May"}]),
        "sources[0].date: invalid value",
    );
    check(|v| v["notes"] = json!([{"text": "T", "kind": "rumour"}]), "notes[0].kind: unknown variant `rumour`");
    check(|v| v["notes"] = json!([{"kind": "disputed"}]), "notes[0]: missing field `text`");
    check(
        |v| v["notes"] = json!([{"text": "a\nb", "kind": "disputed"}]),
        "notes[0]: must not contain control characters",
    );
    check(|v| v["notes"] = json!([3]), "notes[0]: invalid type: integer `3`, expected a note");
}

#[test]
fn notes_and_sources_read_in_both_forms() {
    let mut value: Value =
        serde_json::from_str(&scenario_to_json(&fortress_core::presets::oct_2025_recap())).unwrap_or_default();
    value["notes"] = json!(["plain", {"text": "two readings", "kind": "disputed"}, {"text": "also plain"}]);
    value["sources"] = json!([{"fact": "F", "source": "S", "confidence": "H", "url": "https://example.com/a?b=c#d", "date": "2026-04-27"}]);
    let scenario = parse_scenario(&value.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<&str> = scenario.notes.iter().map(|n| n.kind.label()).collect();
    assert_eq!(kinds, ["", "disputed", ""]);
    let json = scenario_to_json(&scenario);
    assert!(json.contains("\"plain\"") && json.contains("\"kind\": \"disputed\""), "{json}");
    assert!(json.contains("\"url\": \"https://example.com/a?b=c#d\""), "{json}");
    assert_eq!(parse_scenario(&json).ok(), Some(scenario));
}

#[test]
fn text_that_is_not_json_is_refused_with_its_position() {
    let cases = [
        ("", "scenario: EOF while parsing a value at line 1 column 0"),
        ("{", "scenario: EOF while parsing an object at line 1 column 1"),
        ("{\"version\": 1}", "scenario: missing field `holders` at line 1 column 14"),
        (
            "{\"version\": 1, \"holders\": [{\"id\": \"a\", \"name\": \"A\", \"percent\": 100}]} x",
            "scenario: trailing characters at line 1 column 71",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(parse_scenario(text).map(|_| ()).unwrap_err().to_string(), want, "{text:?}");
    }
    let huge = " ".repeat(fortress_format::MAX_SCENARIO_BYTES + 1);
    assert!(parse_scenario(&huge).unwrap_err().to_string().starts_with("scenario: the text is 1048577 bytes"));
}

#[test]
fn an_oversold_secondary_is_found_by_evaluation() {
    let mut value: Value =
        serde_json::from_str(&scenario_to_json(&fortress_core::presets::oct_2025_recap())).unwrap_or_default();
    value["rounds"] = json!([{"name": "Sale", "secondaries": [{"seller": "microsoft", "buyer": "apple", "name": "Apple", "percent": 28}]}]);
    let scenario = parse_scenario(&value.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let error = fortress_core::evaluate(&scenario).unwrap_err();
    assert_eq!(
        error.to_string(),
        "rounds[0].secondaries[0].seller: \"microsoft\" would sell more shares than it holds"
    );
}

/// A what-if is an object whose `kind` says which, with that kind's fields and no others.
#[test]
fn whatifs_read_each_kind_and_name_what_is_wrong() {
    let whatif = |w: Value| move |v: &mut Value| v["whatifs"] = json!([w]);
    let term = "azure-api-exclusivity";
    for good in [
        json!({"kind": "stake_below", "holder": "microsoft", "percent": 20, "term": term}),
        json!({"kind": "outweighed", "holder": "microsoft", "term": term}),
        json!({"kind": "holder_above", "percent": 50, "term": term}),
    ] {
        let mut value: Value =
            serde_json::from_str(&scenario_to_json(&fortress_core::presets::feb_2026_pre_money())).unwrap();
        whatif(good.clone())(&mut value);
        let scenario = parse_scenario(&value.to_string()).unwrap_or_else(|e| panic!("{good}: {e}"));
        // Written back, it is the same object.
        let written: Value = serde_json::from_str(&scenario_to_json(&scenario)).unwrap();
        assert_eq!(written["whatifs"][0], good);
    }
    check(whatif(json!({"kind": "stake_below", "percent": 20, "term": term})), "whatifs[0]: missing field `holder`");
    check(
        whatif(json!({"kind": "stake_below", "holder": "microsoft", "term": term})),
        "whatifs[0]: missing field `percent`",
    );
    check(whatif(json!({"kind": "holder_above", "term": term})), "whatifs[0]: missing field `percent`");
    check(whatif(json!({"kind": "outweighed", "holder": "microsoft"})), "whatifs[0]: missing field `term`");
    check(whatif(json!({"holder": "microsoft", "term": term})), "whatifs[0]: missing field `kind`");
    check(
        whatif(json!({"kind": "outweighed", "holder": "microsoft", "percent": 5, "term": term})),
        "whatifs[0]: unknown field `percent`, expected one of `kind`, `holder`, `term`",
    );
    check(
        whatif(json!({"kind": "holder_above", "holder": "microsoft", "percent": 50, "term": term})),
        "whatifs[0]: unknown field `holder`, expected one of `kind`, `percent`, `term`",
    );
    check(whatif(json!({"kind": "stake_above", "term": term})), "whatifs[0].kind: unknown variant `stake_above`");
    check(
        whatif(json!({"kind": "outweighed", "holder": "microsoft", "term": term, "x": 1})),
        "whatifs[0].x: unknown field `x`",
    );
}
