//! Cap-table arithmetic against numbers worked out by hand.
//!
//! Each case is a scenario and the stakes (to four decimals) it must give
//! after its last round. `check` also asserts the invariants every stage
//! must keep: shares add up to the total, values add up to the post-money.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_core::{
    evaluate, presets, Dollars, Holder, Investment, Percent, Pool, PoolBasis, Round, Scenario, Secondary, Valuation,
};

fn holder(id: &str, percent: f64) -> Holder {
    Holder {
        id: id.into(),
        name: id.to_uppercase(),
        percent: Percent::from_f64(percent).unwrap_or_default(),
        group: false,
    }
}

fn cheque(id: &str, dollars: i64) -> Investment {
    Investment { holder: id.into(), name: Some(id.to_uppercase()), amount: Dollars(dollars), tranches: vec![] }
}

fn priced(name: &str, valuation: Valuation, investments: Vec<Investment>) -> Round {
    Round {
        name: name.into(),
        date: None,
        valuation: Some(valuation),
        investments,
        pool: None,
        secondaries: vec![],
        terms: None,
    }
}

fn pre(dollars: i64) -> Valuation {
    Valuation::PreMoney(Dollars(dollars))
}

fn post(dollars: i64) -> Valuation {
    Valuation::PostMoney(Dollars(dollars))
}

fn scenario(holders: Vec<Holder>, rounds: Vec<Round>) -> Scenario {
    fortress_testkit::bare(holders, rounds, None)
}

/// Evaluates `scenario` and compares the last stage's stakes, rounded to
/// four decimals, with `expected`, in holder order.
fn check(name: &str, scenario: &Scenario, expected: &[(&str, &str)]) {
    let outcome = evaluate(scenario).unwrap_or_else(|e| panic!("{name}: {e}"));
    for stage in &outcome.stages {
        let shares: u128 = stage.holders.iter().map(|h| h.shares).sum();
        assert_eq!(shares, stage.total_shares, "{name}: {} shares", stage.label);
        if let Some(post_money) = stage.post_money {
            let values: u128 = stage.holders.iter().filter_map(|h| h.value).sum();
            assert_eq!(values, post_money, "{name}: {} values", stage.label);
        }
    }
    let last = outcome.last_stage().unwrap();
    let got: Vec<(String, String)> = last.holders.iter().map(|h| (h.id.clone(), format!("{:.4}", h.percent))).collect();
    let want: Vec<(String, String)> = expected.iter().map(|(id, p)| (id.to_string(), p.to_string())).collect();
    assert_eq!(got, want, "{name}");
}

#[test]
fn textbook_rounds() {
    // Seed: $2M on $8M pre-money is 20% of $10M post.
    check(
        "seed round",
        &scenario(
            vec![holder("a", 60.0), holder("b", 40.0)],
            vec![priced("Seed", pre(8_000_000), vec![cheque("seed", 2_000_000)])],
        ),
        &[("a", "48.0000"), ("b", "32.0000"), ("seed", "20.0000")],
    );
    // The same money on an $8M post-money valuation buys 25%.
    check(
        "post-money seed",
        &scenario(vec![holder("a", 100.0)], vec![priced("Seed", post(8_000_000), vec![cheque("seed", 2_000_000)])]),
        &[("a", "75.0000"), ("seed", "25.0000")],
    );
    // Three 20% rounds: the founder keeps 0.8^3 = 51.2%; the seed 20% -> 16% -> 12.8%.
    check(
        "three rounds in a row",
        &scenario(
            vec![holder("founder", 100.0)],
            vec![
                priced("Seed", pre(4_000_000), vec![cheque("seed", 1_000_000)]),
                priced("Series A", pre(20_000_000), vec![cheque("series-a", 5_000_000)]),
                priced("Series B", pre(80_000_000), vec![cheque("series-b", 20_000_000)]),
            ],
        ),
        &[("founder", "51.2000"), ("seed", "12.8000"), ("series-a", "16.0000"), ("series-b", "20.0000")],
    );
    // A 10% holder who puts in 10% of a $25M round on $100M pre keeps 10%.
    check(
        "pro-rata follow-on keeps a stake",
        &scenario(
            vec![holder("fund", 10.0), holder("others", 90.0)],
            vec![priced("Series C", pre(100_000_000), vec![cheque("fund", 2_500_000), cheque("new", 22_500_000)])],
        ),
        &[("fund", "10.0000"), ("others", "72.0000"), ("new", "18.0000")],
    );
}

#[test]
fn option_pool_shuffle() {
    let round = |basis| Round {
        pool: Some(Pool { holder: None, name: None, percent: Percent::from_micros(sized(basis)), sized: basis }),
        ..priced("Series A", pre(8_000_000), vec![cheque("investor", 2_000_000)])
    };
    fn sized(basis: PoolBasis) -> i64 {
        match basis {
            PoolBasis::PostMoney => 10_000_000,
            PoolBasis::PreMoney => 20_000_000,
        }
    }
    // A 10% post-money pool: the founder bears it all, 100 - 20 - 10 = 70%.
    check(
        "post-money pool",
        &scenario(vec![holder("founder", 100.0)], vec![round(PoolBasis::PostMoney)]),
        &[("founder", "70.0000"), ("option-pool", "10.0000"), ("investor", "20.0000")],
    );
    // A 20% pre-money pool is 20% of the pre-money table: 80% x 80% = 64%, 20% x 80% = 16%.
    check(
        "pre-money pool",
        &scenario(vec![holder("founder", 100.0)], vec![round(PoolBasis::PreMoney)]),
        &[("founder", "64.0000"), ("option-pool", "16.0000"), ("investor", "20.0000")],
    );
}

#[test]
fn secondary_sales_move_shares_without_new_ones() {
    let sale = |buyer: &str, percent: Option<f64>, amount: Option<i64>| Secondary {
        seller: "b".into(),
        buyer: buyer.into(),
        name: Some(buyer.to_uppercase()),
        percent: percent.and_then(Percent::from_f64),
        amount: amount.map(Dollars),
    };
    let round = |valuation, sales| Round {
        name: "Secondary".into(),
        date: None,
        valuation,
        investments: vec![],
        pool: None,
        secondaries: sales,
        terms: None,
    };
    check(
        "secondary by percent",
        &scenario(vec![holder("a", 60.0), holder("b", 40.0)], vec![round(None, vec![sale("c", Some(10.0), None)])]),
        &[("a", "60.0000"), ("b", "30.0000"), ("c", "10.0000")],
    );
    check(
        "secondary by amount at the round's price",
        &scenario(
            vec![holder("a", 60.0), holder("b", 40.0)],
            vec![round(Some(pre(100_000_000)), vec![sale("c", None, Some(5_000_000))])],
        ),
        &[("a", "60.0000"), ("b", "35.0000"), ("c", "5.0000")],
    );
}

#[test]
fn facts_worked_numbers() {
    // FACTS.md: the February 2026 round on the October 2025 table.
    check(
        "feb 2026, $730B pre-money",
        &presets::feb_2026_pre_money(),
        &[
            ("microsoft", "23.4643"),
            ("foundation", "22.5952"),
            ("others", "40.8452"),
            ("amazon", "5.9524"),
            ("nvidia", "3.5714"),
            ("softbank", "3.5714"),
        ],
    );
    check(
        "feb 2026, $730B read as post-money",
        &presets::feb_2026_post_money(),
        &[
            ("microsoft", "22.9315"),
            ("foundation", "22.0822"),
            ("others", "39.9178"),
            ("amazon", "6.8493"),
            ("nvidia", "4.1096"),
            ("softbank", "4.1096"),
        ],
    );
    // Pure dilution at the March close: 27% x 730/852 = 23.1338%.
    let outcome = evaluate(&presets::mar_2026_close()).unwrap();
    let microsoft = outcome.last_stage().unwrap().holder("microsoft").unwrap();
    assert_eq!(format!("{:.4}", microsoft.percent), "23.1338");
}

#[test]
fn microsofts_stake_is_worth_197_1_billion_after_the_round() {
    let outcome = evaluate(&presets::feb_2026_pre_money()).unwrap();
    let after = outcome.last_stage().unwrap();
    assert_eq!(after.price_per_share.map(|p| p.to_f64()), Some(0.73));
    let value = after.holder("microsoft").and_then(|h| h.value).unwrap();
    // 27% x $730B; whole-share rounding of the new money may move it by a dollar.
    assert!(value.abs_diff(197_100_000_000) <= 1, "{value}");
    let before = outcome.stages[0].holder("microsoft").unwrap();
    assert_eq!((before.value, before.change_points), (Some(135_000_000_000), 0.0));
}

#[test]
fn every_preset_evaluates() {
    for preset in presets::ALL {
        let scenario = (preset.build)();
        assert!(evaluate(&scenario).is_ok(), "{}", preset.name);
        assert!(!scenario.sources.is_empty(), "{} cites no source", preset.name);
    }
}

/// Four cheques of 10^38 shares each fit one by one, but not all together
/// (more than 2^128 shares): the table's total must be an overflow error, not
/// a wrap-around or, with overflow checks on, a panic.
#[test]
fn a_total_beyond_u128_is_an_overflow_error() {
    let holders = vec![holder("a", 100.0)];
    let rounds = vec![
        // 10^12 starting shares at $1 each buy 10^11 x 10^12 = 10^23 shares.
        priced("Seed", pre(1), vec![cheque("b", 100_000_000_000)]),
        // Each $10^15 at $1 for ~10^23 shares buys ~10^38; four of them pass 2^128.
        priced(
            "Giant",
            pre(1),
            vec![
                cheque("c", 1_000_000_000_000_000),
                cheque("d", 1_000_000_000_000_000),
                cheque("e", 1_000_000_000_000_000),
                cheque("f", 1_000_000_000_000_000),
            ],
        ),
    ];
    let err = evaluate(&scenario(holders, rounds)).unwrap_err();
    assert_eq!(err.kind, fortress_core::ErrorKind::Overflow, "{err}");
    assert!(err.field.starts_with("rounds[1]"), "{err}");
}

/// Money paid in tranches. Case format: (count basis, day judged, expected stakes after the round).
/// The textbook case: $8M pre-money, one investor paying $2M in two $1M tranches six months
/// apart. Counted as funded, it holds 1/9 = 11.1111% between the tranches and 20% after; counted
/// as committed (the default), 20% all along; before the first tranche, nothing.
#[test]
fn tranches_count_when_funded() {
    use fortress_core::{CountBasis, Date, Tranche};
    let day = |text: &str| Date::parse(text).unwrap();
    let tranche = |date: &str| Tranche { date: day(date), amount: Dollars(1_000_000), note: String::new() };
    let mut round = priced("Seed", pre(8_000_000), vec![cheque("seed", 2_000_000)]);
    round.date = Some(day("2026-01-01"));
    round.investments[0].tranches = vec![tranche("2026-01-01"), tranche("2026-07-01")];
    let base = scenario(vec![holder("founder", 100.0)], vec![round]);
    let funded = CountBasis::Funded;
    let committed = CountBasis::Committed;
    let cases = [
        (funded, "2025-12-31", [("founder", "100.0000"), ("seed", "0.0000")]),
        (funded, "2026-01-01", [("founder", "88.8889"), ("seed", "11.1111")]),
        (funded, "2026-06-30", [("founder", "88.8889"), ("seed", "11.1111")]),
        (funded, "2026-07-01", [("founder", "80.0000"), ("seed", "20.0000")]),
        (funded, "2027-01-01", [("founder", "80.0000"), ("seed", "20.0000")]),
        (committed, "2025-12-31", [("founder", "80.0000"), ("seed", "20.0000")]),
        (committed, "2026-03-01", [("founder", "80.0000"), ("seed", "20.0000")]),
    ];
    for (count, on, want) in cases {
        let s = Scenario { count, as_of: Some(day(on)), ..base.clone() };
        check(&format!("{count:?} on {on}"), &s, &want);
        let outcome = evaluate(&s).unwrap();
        let after = outcome.last_stage().unwrap();
        // The round keeps its price; only the money counted is in the company's value.
        let counted: u128 = match (count, on) {
            (CountBasis::Committed, _) => 2_000_000,
            (_, "2025-12-31") => 0,
            (_, "2026-01-01" | "2026-06-30") => 1_000_000,
            _ => 2_000_000,
        };
        assert_eq!((after.new_money, after.post_money), (counted, Some(8_000_000 + counted)), "{count:?} {on}");
        let pending: Vec<(String, u128)> = outcome.pending.iter().map(|p| (p.date.to_string(), p.amount)).collect();
        let want_pending: Vec<(String, u128)> = match (count, counted) {
            (CountBasis::Funded, 0) => vec![("2026-01-01".into(), 1_000_000), ("2026-07-01".into(), 1_000_000)],
            (CountBasis::Funded, 1_000_000) => vec![("2026-07-01".into(), 1_000_000)],
            _ => vec![],
        };
        assert_eq!(pending, want_pending, "{count:?} {on}");
    }
}

/// Counted as funded, a cheque without tranches is paid on its round's date; a round without a
/// date counts in full.
#[test]
fn funded_cheques_without_tranches_are_paid_at_their_round() {
    use fortress_core::{CountBasis, Date};
    let mut dated = priced("Seed", pre(8_000_000), vec![cheque("seed", 2_000_000)]);
    dated.date = Date::parse("2026-01-01");
    let undated = priced("Seed", pre(8_000_000), vec![cheque("seed", 2_000_000)]);
    let on = |round: Round, day: &str| Scenario {
        count: CountBasis::Funded,
        as_of: Date::parse(day),
        ..scenario(vec![holder("founder", 100.0)], vec![round])
    };
    check("before the round", &on(dated.clone(), "2025-12-31"), &[("founder", "100.0000"), ("seed", "0.0000")]);
    check("on the round", &on(dated, "2026-01-01"), &[("founder", "80.0000"), ("seed", "20.0000")]);
    check("no round date", &on(undated, "2020-01-01"), &[("founder", "80.0000"), ("seed", "20.0000")]);
}
