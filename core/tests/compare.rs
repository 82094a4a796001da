//! Comparisons with a baseline: which holders moved by how much, and which
//! terms and routes count as changed (a different status or hosting; a
//! reason worded differently is not a change).
//!
//! Case format: a name, the change made to the default scenario, then the
//! term ids and products expected to differ from the default, in order.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The lighter build's deal texts are `&'static str` where the full build's are
// `Cow<str>`: a borrow that one build needs is needless in the other.
#![cfg_attr(
    not(feature = "full"),
    allow(clippy::needless_borrow, clippy::borrow_deref_ref, clippy::explicit_auto_deref, clippy::clone_on_copy)
)]

use fortress_core::compare::compare;
use fortress_core::terms::{Hosting, ProductKind, Status};
use fortress_core::{evaluate, presets, Compare, Date, Dollars, Percent, Scenario, WhatIf};

fn edited(change: fn(&mut Scenario)) -> Scenario {
    let mut s = presets::feb_2026_pre_money();
    change(&mut s);
    s
}

#[test]
fn which_terms_and_routes_count_as_changed() {
    type Case = (&'static str, fn(&mut Scenario), &'static [&'static str], &'static [ProductKind]);
    let cases: &[Case] = &[
        ("nothing changed", |_| {}, &[], &[]),
        (
            "a larger cheque moves stakes, not terms",
            |s| s.rounds[0].investments[0].amount = Dollars(9e10 as i64),
            &[],
            &[],
        ),
        (
            "a later day in the same regime words reasons differently, and changes nothing",
            |s| s.as_of = Date::parse("2026-03-15"),
            &[],
            &[],
        ),
        (
            "the amendment ends the exclusivities and more",
            |s| s.as_of = Date::parse("2026-05-01"),
            &[
                "azure-api-exclusivity",
                "third-party-apis",
                "open-weights",
                "research-ip",
                "consumer-hardware",
                "msft-agi",
                "first-party-on-azure",
                "expert-panel",
                "azure-first-ship",
                "msft-revenue-share",
            ],
            &[ProductKind::StatelessApi, ProductKind::PartnerApi, ProductKind::StatefulRuntime],
        ),
        (
            "a what-if that holds ends exclusivity",
            |s| {
                s.whatifs.push(WhatIf::StakeBelow {
                    holder: "microsoft".into(),
                    percent: Percent::from_micros(25_000_000),
                    term: "azure-api-exclusivity".into(),
                })
            },
            &["azure-api-exclusivity"],
            &[ProductKind::StatelessApi],
        ),
        (
            "AGI declared ends the compute thresholds only",
            |s| s.events.set("agi_declared", Date::parse("2026-02-01")),
            &["msft-agi"],
            &[],
        ),
        (
            "the October 2025 terms pinned on a day they already applied change nothing",
            |s| s.regime = Some("oct-2025".into()),
            &[],
            &[],
        ),
    ];
    let base = evaluate(&presets::feb_2026_pre_money()).unwrap();
    for (name, change, terms, routes) in cases {
        let here = evaluate(&edited(*change)).unwrap();
        let comparison = compare(&here, &base);
        let got: Vec<&str> = comparison.terms.iter().map(|t| &*t.id).collect();
        assert_eq!(got, *terms, "{name}");
        let got: Vec<ProductKind> = comparison.routes.iter().map(|r| r.product).collect();
        assert_eq!(got, *routes, "{name}");
    }
}

#[test]
fn the_change_is_said_in_words() {
    let base = evaluate(&presets::feb_2026_pre_money()).unwrap();
    let here = evaluate(&edited(|s| s.as_of = Date::parse("2026-05-01"))).unwrap();
    let comparison = compare(&here, &base);
    let exclusivity = comparison.terms.iter().find(|t| t.id == "azure-api-exclusivity").unwrap();
    assert_eq!((exclusivity.baseline, exclusivity.current), (Status::InForce, Status::Ended));
    assert_eq!(exclusivity.sentence(), "in force in the baseline, ended here");
    let stateless = comparison.routes.iter().find(|r| r.product == ProductKind::StatelessApi).unwrap();
    assert_eq!(
        (&stateless.baseline, &stateless.current),
        (&Hosting::Only(fortress_core::deal::words("Azure")), &Hosting::AnyCloud)
    );
    assert_eq!(stateless.sentence(), "Azure only in the baseline, any cloud here");
}

#[test]
fn holders_on_one_side_only_count_as_zero_on_the_other() {
    let base = evaluate(&presets::feb_2026_pre_money()).unwrap();
    let here = evaluate(&edited(|s| {
        s.rounds[0].investments.remove(0); // Amazon out
        s.rounds[0].investments.push(fortress_core::Investment {
            holder: "apple".into(),
            name: Some("Apple".into()),
            amount: Dollars(50_000_000_000),
            tranches: vec![],
        });
    }))
    .unwrap();
    let comparison = compare(&here, &base);
    let ids: Vec<&str> = comparison.holders.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["microsoft", "foundation", "others", "nvidia", "softbank", "apple", "amazon"]);
    let apple = comparison.holders.iter().find(|h| h.id == "apple").unwrap();
    assert_eq!((apple.baseline_percent, format!("{:.4}", apple.points)), (None, "5.9524".into()));
    let amazon = comparison.holders.iter().find(|h| h.id == "amazon").unwrap();
    assert_eq!((amazon.percent, format!("{:.4}", amazon.points)), (None, "-5.9524".into()));
    let microsoft = comparison.holders.iter().find(|h| h.id == "microsoft").unwrap();
    assert_eq!(format!("{:.4}", microsoft.points), "0.0000", "the same money at the same price");
}

/// A scenario that names its baseline gets the comparison in its outcome,
/// and a bad baseline is an error at its field.
#[test]
fn a_scenario_can_name_its_baseline() {
    let mut moved = edited(|s| s.as_of = Date::parse("2026-05-01"));
    moved.compare = Some(Compare::Preset("feb-2026".into()));
    let outcome = evaluate(&moved).unwrap();
    assert_eq!(outcome.comparison.as_ref().map(|c| c.terms.len()), Some(10));
    moved.compare = Some(Compare::Scenario(Box::new(presets::feb_2026_pre_money())));
    assert_eq!(evaluate(&moved).unwrap().comparison, outcome.comparison);
    moved.compare = Some(Compare::Off);
    assert_eq!(evaluate(&moved).unwrap().comparison, None);
    let cases: [(Compare, &str); 3] = [
        (Compare::Preset("nope".into()), "compare.preset: no preset is named \"nope\""),
        (
            Compare::Scenario(Box::new(Scenario { compare: Some(Compare::Off), ..presets::oct_2025_recap() })),
            "compare.scenario.compare: a scenario compared with cannot itself name a baseline",
        ),
        (
            Compare::Scenario(Box::new(Scenario { holders: vec![], ..presets::oct_2025_recap() })),
            "compare.scenario.holders: must not be empty",
        ),
    ];
    for (compare, want) in cases {
        moved.compare = Some(compare);
        assert_eq!(evaluate(&moved).unwrap_err().to_string(), want);
    }
}
