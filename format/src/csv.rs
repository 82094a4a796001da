//! The cap table as CSV, for spreadsheets: every stage, every holder, exact figures.
//!
//! # Layout
//!
//! UTF-8 text, RFC 4180: every line ends in CRLF; a field is quoted when it
//! holds a comma, a double quote, a CR or an LF, with its quotes doubled.
//!
//! First, three key-value rows that say what the table is:
//!
//! ```text
//! title,OpenAI's $110B round, February 2026      (quoted, since it holds a comma)
//! as_of,2026-02-27                                (the day the contract terms were judged on)
//! link,http://127.0.0.1:8080/#1.BQAgE             (the share link that reopens it; empty if none)
//! ```
//!
//! then one empty line, then the table: a header row and one row per stage
//! and holder, every stage in order (the starting table, labelled "Before",
//! then each round), each stage's holders in the outcome's order (starting
//! holders first, then in order of arrival). The columns:
//!
//! | column | what it holds |
//! |---|---|
//! | `stage` | the stage's label: `Before`, or the round's name |
//! | `stage_date` | the round's date, `YYYY-MM-DD`; empty for `Before` or an undated round |
//! | `holder_id` | the holder's id (lower-case letters, digits and hyphens) |
//! | `holder` | the holder's name |
//! | `percent` | the stake in percent, exactly six decimals (`23.464286`): the holder's shares times 100 over the stage's total, rounded half up at the sixth decimal, in integers |
//! | `shares` | the shares held, a whole number without separators |
//! | `value_usd` | the stake's value in whole US dollars, without separators; empty when the stage has no valuation. A stage's values add up to its post-money valuation exactly |
//!
//! A reader skips the key-value rows by starting at the line after the first
//! empty one. Text that a spreadsheet would run as a formula (a title, a
//! label or a name starting with `=`, `+`, `-`, `@`, a tab or a CR) is written
//! with a `'` in front, as OWASP advises, since a share link can carry any
//! name; the numbers are never negative, so no number is touched.
//!
//! ```
//! use fortress_core::{evaluate, presets};
//! let scenario = presets::feb_2026_pre_money();
//! let outcome = evaluate(&scenario).unwrap();
//! let csv = fortress_format::csv::outcome_csv(&scenario, &outcome, None);
//! assert!(csv.starts_with("title,\"OpenAI's $110B round, February 2026\"\r\nas_of,2026-02-27\r\nlink,\r\n\r\n"));
//! assert!(csv.contains("\r\nFebruary 2026,2026-02-27,microsoft,Microsoft,23.464286,270000000000,197100000001\r\n"));
//! ```

use fortress_core::{Outcome, Scenario};

use crate::figures;

/// The table's header row, without its line end.
pub const HEADER: &str = "stage,stage_date,holder_id,holder,percent,shares,value_usd";

/// The decimals of the `percent` column.
pub const PERCENT_DECIMALS: u32 = 6;

/// The CSV of an outcome: the key-value rows (title, the day the terms were
/// judged on, `link` or nothing), an empty line, then every stage's every
/// holder, as the module documentation lays out.
pub fn outcome_csv(scenario: &Scenario, outcome: &Outcome, link: Option<&str>) -> String {
    let mut out = String::new();
    let as_of = judged_on(scenario, outcome);
    for (key, value) in [("title", scenario.title.as_str()), ("as_of", as_of.as_str()), ("link", link.unwrap_or(""))] {
        row(&mut out, &[key, &text(value)]);
    }
    out.push_str("\r\n");
    out.push_str(HEADER);
    out.push_str("\r\n");
    for stage in &outcome.stages {
        let label = text(&stage.label);
        let date = stage.date.map(|d| d.to_string()).unwrap_or_default();
        for holder in &stage.holders {
            let percent = figures::stake(holder.shares, stage.total_shares, PERCENT_DECIMALS).unwrap_or_default();
            let value = holder.value.map(|v| v.to_string()).unwrap_or_default();
            let fields =
                [&label, &date, &text(&holder.id), &text(&holder.name), &percent, &holder.shares.to_string(), &value];
            row(&mut out, &fields.map(String::as_str));
        }
    }
    out
}

/// The day the terms were judged on, `YYYY-MM-DD`: the terms', else the scenario's own, else empty.
fn judged_on(scenario: &Scenario, outcome: &Outcome) -> String {
    outcome.terms.first().map(|t| t.as_of).or(scenario.as_of).map(|d| d.to_string()).unwrap_or_default()
}

/// Appends one record: the fields, each quoted if it must be, then CRLF.
pub(crate) fn row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field_into(out, field);
    }
    out.push_str("\r\n");
}

/// Appends one field as RFC 4180 writes it: quoted, with its quotes doubled,
/// when it holds a comma, a quote, a CR or an LF; as it is otherwise.
fn field_into(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// A text field made safe for spreadsheets: a leading `'` when it would start a formula.
pub(crate) fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use fortress_core::{evaluate, presets, Date, HolderRow, Outcome, Scenario, Stage};

    use super::*;

    /// The CSV text of one field, as a record of its own would write it (without the CRLF).
    fn field(value: &str) -> String {
        let mut out = String::new();
        field_into(&mut out, &text(value));
        out
    }

    #[test]
    fn fields_are_quoted_when_they_must_be() {
        // (the value, as written)
        let cases = [
            ("Microsoft", "Microsoft"),
            ("OpenAI's $110B round, February 2026", "\"OpenAI's $110B round, February 2026\""),
            ("The \"Stargate\" fund", "\"The \"\"Stargate\"\" fund\""),
            ("\"", "\"\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("carriage\rreturn", "\"carriage\rreturn\""),
            ("crlf\r\nend", "\"crlf\r\nend\""),
            ("Société Générale", "Société Générale"),
            ("ソフトバンク", "ソフトバンク"),
            ("Zürich, \"AG\"", "\"Zürich, \"\"AG\"\"\""),
            ("", ""),
            ("  spaced  ", "  spaced  "),
            ("semi;colon", "semi;colon"),
            // Formula starts get a leading quote, then quoting as usual.
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-minus", "'-minus"),
            ("@sum", "'@sum"),
            ("\tTab", "'\tTab"),
            ("a=b", "a=b"),
        ];
        for (value, want) in cases {
            assert_eq!(field(value), want, "{value:?}");
        }
    }

    /// Records of a CSV text, split the RFC 4180 way (quotes, doubled quotes, CRLF).
    fn parse(csv: &str) -> Vec<Vec<String>> {
        let (mut records, mut record, mut cell) = (Vec::new(), Vec::new(), String::new());
        let mut chars = csv.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut cell)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "a bare CR ends no line");
                    record.push(std::mem::take(&mut cell));
                    records.push(std::mem::take(&mut record));
                }
                (false, '\n') => panic!("a bare LF outside quotes: {csv:?}"),
                (false, c) => cell.push(c),
            }
        }
        assert!(!quoted && cell.is_empty() && record.is_empty(), "the text ends mid-record");
        records
    }

    fn row_of(id: &str, name: &str, shares: u128, value: Option<u128>) -> HolderRow {
        HolderRow { id: id.into(), name: name.into(), shares, group: false, percent: 0.0, value, change_points: 0.0 }
    }

    #[test]
    fn odd_names_survive_a_round_trip() {
        let names = ["Plain", "Comma, Inc.", "The \"Q\" fund", "Two\r\nlines", "Ünïcödé 株式会社", "=cmd()"];
        let holders: Vec<HolderRow> = names.iter().map(|n| row_of("h", n, 1, None)).collect();
        let stage = Stage {
            label: "Seed, \"first\"".into(),
            date: None,
            pre_money: None,
            post_money: None,
            new_money: 0,
            price_per_share: None,
            total_shares: 6,
            holders,
        };
        let outcome = Outcome { stages: vec![stage], ..Outcome::default() };
        let scenario = Scenario { title: "A, \"B\"\nC".into(), ..presets::feb_2026_pre_money() };
        let records = parse(&outcome_csv(&scenario, &outcome, Some("https://x.test/#1.a,b")));
        assert_eq!(records[0], ["title", "A, \"B\"\nC"]);
        assert_eq!(records[1], ["as_of", "2026-02-27"]);
        assert_eq!(records[2], ["link", "https://x.test/#1.a,b"]);
        assert_eq!(records[3], [""]);
        assert_eq!(records[4].join(","), HEADER);
        let got: Vec<&str> = records[5..].iter().map(|r| r[3].as_str()).collect();
        let want: Vec<String> = names.iter().map(|n| text(n)).collect();
        assert_eq!(got, want);
        assert!(records[5..].iter().all(|r| r.len() == 7 && r[0] == "Seed, \"first\"" && r[4] == "16.666667"));
    }

    #[test]
    fn the_default_scenario_has_every_stage_and_holder_with_exact_figures() {
        let scenario = presets::feb_2026_pre_money();
        let outcome = evaluate(&scenario).unwrap();
        let csv = outcome_csv(&scenario, &outcome, Some("http://127.0.0.1:8080/#1.BQAgE"));
        assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains(['\r', '\n']), "CRLF only");
        let want = [
            "title,\"OpenAI's $110B round, February 2026\"",
            "as_of,2026-02-27",
            "link,http://127.0.0.1:8080/#1.BQAgE",
            "",
            HEADER,
            "Before,,microsoft,Microsoft,27.000000,270000000000,135000000000",
            "Before,,foundation,OpenAI Foundation,26.000000,260000000000,130000000000",
            "Before,,others,Employees and other investors,47.000000,470000000000,235000000000",
            "February 2026,2026-02-27,microsoft,Microsoft,23.464286,270000000000,197100000001",
            "February 2026,2026-02-27,foundation,OpenAI Foundation,22.595238,260000000000,189800000001",
            "February 2026,2026-02-27,others,Employees and other investors,40.845238,470000000000,343100000001",
            "February 2026,2026-02-27,amazon,Amazon,5.952381,68493150684,49999999999",
            "February 2026,2026-02-27,nvidia,Nvidia,3.571429,41095890410,29999999999",
            "February 2026,2026-02-27,softbank,SoftBank,3.571429,41095890410,29999999999",
        ];
        assert_eq!(csv.split("\r\n").collect::<Vec<_>>(), [&want[..], &[""]].concat());
    }

    #[test]
    fn every_preset_lists_every_stage_and_holder() {
        for preset in presets::ALL {
            let scenario = presets::by_name(preset.name).unwrap();
            let outcome = evaluate(&scenario).unwrap();
            let records = parse(&outcome_csv(&scenario, &outcome, None));
            let table = &records[5..];
            let want: Vec<(String, String)> =
                outcome.stages.iter().flat_map(|s| s.holders.iter().map(|h| (s.label.clone(), h.id.clone()))).collect();
            let got: Vec<(String, String)> = table.iter().map(|r| (r[0].clone(), r[2].clone())).collect();
            assert_eq!(got, want, "{}", preset.name);
            for stage in &outcome.stages {
                let rows: Vec<&Vec<String>> = table.iter().filter(|r| r[0] == stage.label).collect();
                // The shares add up to the stage's total, the values to its post-money valuation.
                let shares: u128 = rows.iter().map(|r| r[5].parse::<u128>().unwrap()).sum();
                assert_eq!(shares, stage.total_shares, "{} {}", preset.name, stage.label);
                let values: Option<u128> = rows.iter().map(|r| r[6].parse::<u128>().ok()).sum();
                assert_eq!(values, stage.post_money, "{} {}", preset.name, stage.label);
                // Six decimals that agree with the outcome's float to its precision.
                for (r, h) in rows.iter().zip(&stage.holders) {
                    let (_, decimals) = r[4].split_once('.').unwrap();
                    assert_eq!(decimals.len(), 6);
                    assert!((r[4].parse::<f64>().unwrap() - h.percent).abs() <= 5.1e-7, "{} {}", r[4], h.percent);
                }
            }
        }
    }

    #[test]
    fn a_stage_without_a_valuation_leaves_value_empty() {
        let stage = |label: &str, date: Option<Date>, value: Option<u128>| Stage {
            label: String::from(label),
            date,
            pre_money: None,
            post_money: value.map(|v| v * 2),
            new_money: 0,
            price_per_share: None,
            total_shares: 2,
            holders: vec![row_of("a", "A", 1, value), row_of("b", "B", 1, value)],
        };
        let outcome = Outcome {
            stages: vec![stage("Before", None, None), stage("Later", Date::new(2027, 1, 2), Some(5))],
            ..Outcome::default()
        };
        let scenario = Scenario { as_of: None, title: String::new(), ..presets::feb_2026_pre_money() };
        let csv = outcome_csv(&scenario, &outcome, None);
        let want = "title,\r\nas_of,\r\nlink,\r\n\r\n".to_owned()
            + HEADER
            + "\r\nBefore,,a,A,50.000000,1,\r\nBefore,,b,B,50.000000,1,\r\n\
               Later,2027-01-02,a,A,50.000000,1,5\r\nLater,2027-01-02,b,B,50.000000,1,5\r\n";
        assert_eq!(csv, want);
        // A scenario whose starting table has no valuation, evaluated.
        let mut scenario = presets::feb_2026_pre_money();
        scenario.valuation = None;
        let outcome = evaluate(&scenario).unwrap();
        let records = parse(&outcome_csv(&scenario, &outcome, None));
        assert!(records.iter().filter(|r| r.first().map(String::as_str) == Some("Before")).all(|r| r[6].is_empty()));
        assert!(records
            .iter()
            .filter(|r| r.first().map(String::as_str) == Some("February 2026"))
            .all(|r| !r[6].is_empty()));
    }
}
