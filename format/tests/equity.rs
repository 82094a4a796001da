//! Equity files: a full file read into the engine's table with every default
//! and every term, its waterfalls written as JSON and CSV, and every kind of
//! bad file with its one-line message naming the field.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
// Equity files are read by the full build only (feature `full`).
#![cfg(feature = "full")]

use fortress_core::engine::{waterfall, AntiDilution, Participation, Ratio, ShareClass};
use fortress_format::equity::{
    parse_equity, waterfalls_csv, waterfalls_json, EquityError, CSV_HEADER, MAX_CLASSES, MAX_EQUITY_BYTES, MAX_EXITS,
    MAX_HOLDINGS, MAX_OPTIONS,
};
use serde_json::{json, Value};

/// A file with a common class, a plain preferred class (every default) and
/// one with every term written out.
fn base() -> Value {
    json!({
        "equity_version": 1,
        "name": "Acme, Inc.",
        "classes": [
            {"id": "common", "name": "Common"},
            {"id": "a", "name": "Series A", "issue_price": "1.00"},
            {
                "id": "b", "name": "Series B", "issue_price": "17059/10000", "preference": "1.5",
                "participation": {"capped": "3"}, "seniority": 2, "conversion_price": "1.50",
                "anti_dilution": "broad-based"
            }
        ],
        "holdings": [
            {"holder": "founders", "class": "common", "shares": 8_000_000},
            {"holder": "fund-a", "class": "a", "shares": 2_000_000},
            {"holder": "fund-b", "class": "b", "shares": 1_000_000}
        ],
        "options": [{"holder": "staff", "count": 1_000_000, "strike": "0.10"}],
        "pool": 500_000,
        "exits": [10_000_000, 50_000_000]
    })
}

/// Applies `edit` to the base file and expects `want` as the message, less
/// serde's " at line L column C" (which follows the text's layout).
fn refused(edit: impl FnOnce(&mut Value), want: &str) -> EquityError {
    let mut value = base();
    edit(&mut value);
    let error = parse_equity(&value.to_string()).unwrap_err();
    let message = error.to_string();
    assert_eq!(message.lines().count(), 1, "{message}");
    let without_position = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
    assert_eq!(without_position, want);
    error
}

#[test]
fn a_file_reads_to_the_engines_table_with_its_defaults() {
    let equity = parse_equity(&base().to_string()).unwrap();
    assert_eq!(equity.name.as_deref(), Some("Acme, Inc."));
    assert_eq!(equity.exits, [10_000_000, 50_000_000]);
    let table = &equity.table;
    assert_eq!(table.classes[0], ShareClass::common("common", "Common"));
    assert_eq!(table.classes[1], ShareClass::preferred("a", "Series A", Ratio::ONE, 1));
    let b = &table.classes[2];
    assert_eq!(b.issue_price, Ratio::new(17_059, 10_000).unwrap());
    assert_eq!(b.conversion_price, Ratio::new(3, 2).unwrap());
    assert_eq!(b.preference, Ratio::new(3, 2).unwrap());
    assert_eq!(b.participation, Participation::ParticipatingCapped { cap_multiple: Ratio::whole(3) });
    assert_eq!(b.seniority, 2);
    assert_eq!(b.anti_dilution, AntiDilution::BroadBasedWeightedAverage);
    assert_eq!(table.holdings[2].shares, 1_000_000);
    assert_eq!(table.options[0].strike, Ratio::new(1, 10).unwrap());
    assert_eq!((table.pool, table.promised_options), (500_000, 0));

    // The optional parts left out; a class name left out is its id.
    let minimal = r#"{
        "equity_version": 1,
        "classes": [{"id": "common"}],
        "holdings": [{"holder": "founders", "class": "common", "shares": 340282366920938463463374607431768211455}]
    }"#;
    let equity = parse_equity(minimal).unwrap();
    assert_eq!(equity.name, None);
    assert!(equity.exits.is_empty() && equity.table.options.is_empty() && equity.table.pool == 0);
    assert_eq!(equity.table.classes[0].name, "common");
    assert_eq!(equity.table.holdings[0].shares, u128::MAX);

    // The other words for the terms.
    let mut other = base();
    other["classes"][1]["participation"] = json!("participating");
    other["classes"][2]["participation"] = json!("non-participating");
    other["classes"][1]["anti_dilution"] = json!("full-ratchet");
    other["classes"][2]["anti_dilution"] = json!("none");
    let equity = parse_equity(&other.to_string()).unwrap();
    assert_eq!(equity.table.classes[1].participation, Participation::Participating);
    assert_eq!(equity.table.classes[2].participation, Participation::NonParticipating);
    assert_eq!(equity.table.classes[1].anti_dilution, AntiDilution::FullRatchet);
    assert_eq!(equity.table.classes[2].anti_dilution, AntiDilution::None);
}

#[test]
fn waterfalls_are_written_as_json_and_csv() {
    let equity = parse_equity(&base().to_string()).unwrap();
    let waterfalls: Vec<_> = equity.exits.iter().map(|&exit| waterfall(&equity.table, exit).unwrap()).collect();

    let json: Value = serde_json::from_str(&waterfalls_json(equity.name.as_deref(), &waterfalls)).unwrap();
    assert_eq!(json["name"], "Acme, Inc.");
    assert_eq!(json["waterfalls"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["waterfalls"][0]["exit"], 10_000_000);
    assert_eq!(json["waterfalls"][0]["classes"][2]["choice"], "Participates");
    assert!(json["waterfalls"][1]["per_share"]["den"].is_number());
    let unnamed: Value = serde_json::from_str(&waterfalls_json(None, &waterfalls)).unwrap();
    assert!(unnamed.get("name").is_none());

    let csv = waterfalls_csv(&waterfalls, &equity.table);
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(lines[0], CSV_HEADER);
    // Four rows per exit: three holdings and one grant.
    assert_eq!(lines.len(), 1 + 2 * 4);
    assert!(csv.ends_with("\r\n"));
    for (i, w) in waterfalls.iter().enumerate() {
        let rows = &lines[1 + 4 * i..1 + 4 * (i + 1)];
        let sum: u128 = rows
            .iter()
            .map(|line| {
                // The amount is the sixth field; the fields before it hold no commas here.
                line.split(',').nth(5).unwrap().parse::<u128>().unwrap()
            })
            .sum();
        assert_eq!(sum, w.exit);
        assert!(rows[3].starts_with(&format!("{},staff,options,1000000,", w.exit)), "{}", rows[3]);
        assert!(rows[3].ends_with(",strike $0.10"), "{}", rows[3]);
    }
    // A reason holds commas (whole dollars are written with separators there), so it is quoted.
    assert!(lines[1].starts_with("10000000,founders,common,8000000,common,"), "{}", lines[1]);
    assert!(lines[1].contains(",\"$"), "{}", lines[1]);
}

#[test]
fn mistakes_name_their_field() {
    refused(
        |v| v["equity_version"] = json!(2),
        "equity_version: equity file version 2 is not supported; this version of Fortress reads version 1",
    );
    refused(
        |v| v["colour"] = json!("red"),
        "colour: unknown field `colour`, expected one of `equity_version`, `name`, `classes`, `holdings`, `options`, \
         `pool`, `exits`",
    );
    let e = refused(
        |v| v["classes"][1]["prefrence"] = json!("1"),
        "classes[1].prefrence: unknown field `prefrence`, expected one of `id`, `name`, `issue_price`, \
         `conversion_price`, `preference`, `participation`, `seniority`, `anti_dilution`",
    );
    assert_eq!(e.field(), "classes[1].prefrence");
    refused(
        |v| v["classes"][1]["issue_price"] = json!("-1.00"),
        "classes[1].issue_price: \"-1.00\" is not a price: it must not be negative",
    );
    refused(
        |v| v["classes"][1]["issue_price"] = json!("1e2"),
        "classes[1].issue_price: \"1e2\" is not a price: exponents are not accepted; write the digits out",
    );
    refused(
        |v| v["classes"][1]["issue_price"] = json!(1.25),
        "classes[1].issue_price: invalid type: floating point `1.25`, expected a decimal string such as \"1.25\" or a \
         fraction such as \"17059/10000\"",
    );
    refused(
        |v| v["classes"][1]["issue_price"] = json!(""),
        "classes[1].issue_price: must not be empty; write a decimal such as \"1.25\" or a fraction such as \
         \"17059/10000\"",
    );
    refused(
        |v| v["classes"][2]["preference"] = json!("1.0000000000000000001"),
        "classes[2].preference: \"1.0000000000000000001\" is not a price: it has 19 decimals; the limit is 18",
    );
    refused(
        |v| v["options"][0]["strike"] = json!("1/0"),
        "options[0].strike: \"1/0\" is not a price: the denominator must not be zero",
    );
    refused(
        |v| v["classes"][1]["issue_price"] = json!("0"),
        "classes[1].issue_price: must be above zero; leave it out for common stock",
    );
    refused(
        |v| v["classes"][0]["seniority"] = json!(3),
        "classes[0].seniority: only a preferred class has it; give the class an issue_price, or leave it out for \
         common stock",
    );
    refused(
        |v| v["classes"][1]["participation"] = json!("sometimes"),
        "classes[1].participation: invalid value: string \"sometimes\", expected \"non-participating\", \
         \"participating\" or {\"capped\": \"3\"}",
    );
    refused(
        |v| v["classes"][2]["participation"] = json!({"cap": "3"}),
        "classes[2].participation: unknown field `cap`, expected `capped`",
    );
    refused(
        |v| v["classes"][2]["participation"] = json!({"capped": "-3"}),
        "classes[2].participation.capped: \"-3\" is not a price: it must not be negative",
    );
    refused(
        |v| v["classes"][2]["anti_dilution"] = json!("narrow-based"),
        "classes[2].anti_dilution: unknown variant `narrow-based`, expected one of `none`, `broad-based`, \
         `full-ratchet`",
    );
    refused(
        |v| v["holdings"][0]["shares"] = json!(-5),
        "holdings[0].shares: must be a whole number from 0 to 2^128 - 1",
    );
    refused(|v| v["pool"] = json!(-1), "pool: must be a whole number from 0 to 2^128 - 1");
    refused(
        |v| v["holdings"][0]["shares"] = json!(1.5),
        "holdings[0].shares: must be a whole number, without a decimal point or an exponent",
    );
    refused(|v| v["exits"] = json!([10, "20M"]), "exits[1]: must be a whole number, written as digits");
    refused(|v| v["exits"] = json!([10, 2e7]), "exits: must be a whole number, without a decimal point or an exponent");
    refused(|v| v["pool"] = json!(5e5), "pool: must be a whole number, without a decimal point or an exponent");
    // On a later line of a text laid out by hand, the field is still found.
    let pretty = serde_json::to_string_pretty(&base()).unwrap().replace("\"shares\": 2000000", "\"shares\": 2e6");
    assert_eq!(
        parse_equity(&pretty).unwrap_err().to_string(),
        "holdings[1].shares: must be a whole number, without a decimal point or an exponent at line 39 column 18"
    );
    refused(|v| *v = json!({"classes": []}), "equity: missing field `equity_version`");
    refused(|v| v.as_object_mut().unwrap().remove("holdings").map(drop).unwrap(), "equity: missing field `holdings`");
    assert_eq!(parse_equity("[1]").unwrap_err().to_string(), "equity: must be a JSON object, starting with {");
    assert_eq!(parse_equity("{").unwrap_err().to_string(), "equity: EOF while parsing an object at line 1 column 1");
    let trailing = base().to_string() + " {}";
    assert!(parse_equity(&trailing).unwrap_err().to_string().starts_with("equity: trailing characters"));
}

#[test]
fn the_engine_names_what_the_reader_leaves_to_it() {
    let check = |edit: &dyn Fn(&mut Value), want: &str| {
        let mut value = base();
        edit(&mut value);
        let equity = parse_equity(&value.to_string()).unwrap();
        assert_eq!(waterfall(&equity.table, 1_000_000).unwrap_err().to_string(), want);
    };
    check(&|v| v["holdings"][1]["class"] = json!("series-a"), "holdings[1].class: no class has the id \"series-a\"");
    check(&|v| v["classes"][2]["id"] = json!("a"), "classes[2].id: the id \"a\" is used twice");
    check(
        &|v| v["classes"][2]["participation"] = json!({"capped": "1"}),
        "classes[2].participation: the cap multiple must not be below the preference multiple",
    );
    check(
        &|v| v["classes"][1]["conversion_price"] = json!("0"),
        "classes[1].conversion_price: must be above zero for a class with an issue price",
    );
}

#[test]
fn size_and_lists_are_capped() {
    let big = format!("{{\"equity_version\": 1, \"name\": \"{}\"}}", "x".repeat(MAX_EQUITY_BYTES));
    let error = parse_equity(&big).unwrap_err();
    assert_eq!(error.to_string(), format!("equity: the text is {} bytes; the limit is 262144", big.len()));
    assert_eq!(error.field(), "equity");

    let many = |n: usize, item: Value| Value::Array(vec![item; n]);
    refused(|v| v["classes"] = many(MAX_CLASSES + 1, json!({"id": "c"})), "classes: 201 entries; the limit is 200");
    refused(
        |v| v["holdings"] = many(MAX_HOLDINGS + 1, json!({"holder": "h", "class": "common", "shares": 1})),
        "holdings: 201 entries; the limit is 200",
    );
    refused(
        |v| v["options"] = many(MAX_OPTIONS + 1, json!({"holder": "h", "count": 1, "strike": "0"})),
        "options: 201 entries; the limit is 200",
    );
    refused(|v| v["exits"] = many(MAX_EXITS + 1, json!(1)), "exits: 51 entries; the limit is 50");
    // At the limits, it reads.
    let mut value = base();
    value["exits"] = many(MAX_EXITS, json!(1));
    value["holdings"] = many(MAX_HOLDINGS, json!({"holder": "h", "class": "common", "shares": 1}));
    assert!(parse_equity(&value.to_string()).is_ok());
}

/// The example in docs/CONVENTIONS.md reads, and is the CLI's textbook file in other words.
#[test]
fn the_documented_example_reads() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let doc = std::fs::read_to_string(root.join("docs/CONVENTIONS.md")).unwrap();
    let section = doc.split("## The equity file and `fortress waterfall`").nth(1).unwrap();
    let example = section.split("```json\n").nth(1).unwrap().split("```").next().unwrap();
    let documented = parse_equity(example).unwrap();
    let file = std::fs::read_to_string(root.join("cli/tests/data/waterfall-senior-junior.json")).unwrap();
    assert_eq!(documented, parse_equity(&file).unwrap());
}
