//! Properties that hold for every scenario, checked on many random ones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_core::{
    evaluate, Dollars, ErrorKind, Holder, Investment, Percent, Pool, PoolBasis, Round, Scenario, Secondary, Valuation,
};
use proptest::prelude::*;

/// Stakes in millionths of a point that add up to exactly 100%.
fn stakes(n: usize) -> impl Strategy<Value = Vec<i64>> {
    prop::collection::vec(1..1_000_000i64, n).prop_map(|weights| {
        let total: i64 = weights.iter().sum();
        let mut micros: Vec<i64> = weights.iter().map(|w| w * Percent::HUNDRED_MICROS / total).collect();
        let given: i64 = micros.iter().sum();
        if let Some(first) = micros.first_mut() {
            *first += Percent::HUNDRED_MICROS - given;
        }
        micros
    })
}

fn holders() -> impl Strategy<Value = Vec<Holder>> {
    (1..8usize).prop_flat_map(stakes).prop_map(|micros| {
        micros
            .into_iter()
            .enumerate()
            .map(|(i, m)| Holder {
                id: format!("h{i}"),
                name: format!("Holder {i}"),
                percent: Percent::from_micros(m),
                group: false,
            })
            .collect()
    })
}

/// A round: cheques from existing (`h*`) or new (`r{round}-*`) holders, maybe a pool, maybe a sale.
fn round(index: usize) -> impl Strategy<Value = Round> {
    let cheques = prop::collection::vec((any::<bool>(), 0..8usize, 1..50_000_000_000i64), 1..5);
    let pool = prop::option::of((0..30_000_000i64, any::<bool>()));
    let sale = prop::option::of((0..8usize, 1..5_000_000i64));
    (cheques, 1_000_000..1_000_000_000_000i64, any::<bool>(), pool, sale).prop_map(
        move |(cheques, valuation, is_post, pool, sale)| {
            let mut investments: Vec<Investment> = Vec::new();
            for (existing, who, amount) in cheques {
                let holder = if existing { format!("h{who}") } else { format!("r{index}-{who}") };
                if investments.iter().all(|i| i.holder != holder) {
                    investments.push(Investment { holder, name: Some("Investor".into()), amount: Dollars(amount) });
                }
            }
            let new_money: i64 = investments.iter().map(|i| i.amount.0).sum();
            let valuation = if is_post {
                Valuation::PostMoney(Dollars(valuation + new_money))
            } else {
                Valuation::PreMoney(Dollars(valuation))
            };
            Round {
                name: format!("Round {index}"),
                date: None,
                valuation: Some(valuation),
                investments,
                pool: pool.map(|(micros, post)| Pool {
                    holder: None,
                    name: None,
                    percent: Percent::from_micros(micros),
                    sized: if post { PoolBasis::PostMoney } else { PoolBasis::PreMoney },
                }),
                secondaries: sale
                    .map(|(buyer, micros)| Secondary {
                        seller: "h0".into(),
                        buyer: format!("s{index}-{buyer}"),
                        name: Some("Buyer".into()),
                        percent: Some(Percent::from_micros(micros)),
                        amount: None,
                    })
                    .into_iter()
                    .collect(),
            }
        },
    )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let rounds = (0..5usize).prop_flat_map(|n| (0..n).map(round).collect::<Vec<_>>());
    (holders(), rounds, prop::option::of(1..1_000_000_000_000i64)).prop_map(|(holders, rounds, valuation)| Scenario {
        version: 1,
        title: "Random".into(),
        as_of: None,
        valuation: valuation.map(Dollars),
        holders,
        rounds,
        events: Default::default(),
        regime: None,
        whatifs: vec![],
        sources: vec![],
        notes: vec![],
    })
}

/// Errors a valid random scenario may still meet: a holder who sold more
/// than they had, or a pool no top-up can reach.
fn acceptable(kind: &ErrorKind) -> bool {
    matches!(kind, ErrorKind::Oversold { .. } | ErrorKind::PoolUnreachable(_))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn parts_add_up_to_the_whole_exactly(scenario in scenario()) {
        match evaluate(&scenario) {
            Err(error) => prop_assert!(acceptable(&error.kind), "{error}"),
            Ok(outcome) => {
                prop_assert_eq!(outcome.stages.len(), scenario.rounds.len() + 1);
                for stage in &outcome.stages {
                    let shares: u128 = stage.holders.iter().map(|h| h.shares).sum();
                    prop_assert_eq!(shares, stage.total_shares);
                    if let Some(post_money) = stage.post_money {
                        let values: u128 = stage.holders.iter().map(|h| h.value.unwrap_or(0)).sum();
                        prop_assert_eq!(values, post_money);
                    }
                    let percent: f64 = stage.holders.iter().map(|h| h.percent).sum();
                    prop_assert!((percent - 100.0).abs() < 1e-9, "{}", percent);
                }
            }
        }
    }

    #[test]
    fn a_holder_who_does_not_invest_never_gains(scenario in scenario()) {
        let Ok(outcome) = evaluate(&scenario) else { return Ok(()) };
        for (round, pair) in scenario.rounds.iter().zip(outcome.stages.windows(2)) {
            let [before, after] = pair else { continue };
            for row in &before.holders {
                let invests = round.investments.iter().any(|i| i.holder == row.id);
                let pool = round.pool.as_ref().is_some_and(|p| p.holder_id() == row.id);
                let buys = round.secondaries.iter().any(|s| s.buyer == row.id);
                if invests || pool || buys {
                    continue;
                }
                let now = after.holder(&row.id).map_or(0, |h| h.shares);
                // now / after.total <= row.shares / before.total, exactly.
                prop_assert!(now * before.total_shares <= row.shares * after.total_shares, "{} gained in {}", row.id, round.name);
            }
        }
    }

    #[test]
    fn post_money_is_pre_money_plus_new_money(scenario in scenario()) {
        let Ok(outcome) = evaluate(&scenario) else { return Ok(()) };
        for (round, pair) in scenario.rounds.iter().zip(outcome.stages.windows(2)) {
            let [before, after] = pair else { continue };
            let (Some(pre), Some(post), Some(price)) = (after.pre_money, after.post_money, after.price_per_share) else {
                continue;
            };
            prop_assert_eq!(post, pre + after.new_money);
            // Each cheque buys floor(amount / price) shares: the shares issued for
            // the new money are worth at most the money, and less than one share short.
            // Secondaries move shares without adding any, so what the round
            // added beyond the pool top-up is what the cheques bought.
            let pool_added = round.pool.as_ref().map_or(0, |p| {
                after.holder(p.holder_id()).map_or(0, |h| h.shares) - before.holder(p.holder_id()).map_or(0, |h| h.shares)
            });
            let issued = after.total_shares - before.total_shares - pool_added;
            let cheques = round.investments.len() as u128;
            prop_assert!(issued * price.dollars <= after.new_money * price.shares);
            prop_assert!(after.new_money * price.shares < (issued + cheques) * price.dollars);
        }
    }

    #[test]
    fn print_then_parse_gives_the_same_scenario(scenario in scenario()) {
        let text = serde_json::to_string(&scenario).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed: Scenario = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&parsed, &scenario);
        prop_assert!(fortress_core::validate(&parsed).is_ok());
    }
}

/// Any value the format can carry, sane or not.
fn wild_scenario() -> impl Strategy<Value = Scenario> {
    let holder = (0..4usize, any::<i64>()).prop_map(|(i, micros)| Holder {
        id: format!("h{i}"),
        name: "H".into(),
        percent: Percent::from_micros(micros % 200_000_000),
        group: i == 3,
    });
    let cheque = (0..6usize, any::<i64>()).prop_map(|(i, amount)| Investment {
        holder: format!("h{i}"),
        name: Some("I".into()),
        amount: Dollars(amount),
    });
    let valuation = prop_oneof![
        any::<i64>().prop_map(|v| Valuation::PreMoney(Dollars(v))),
        any::<i64>().prop_map(|v| Valuation::PostMoney(Dollars(v)))
    ];
    let pool = (any::<i64>(), any::<bool>()).prop_map(|(micros, post)| Pool {
        holder: Some("h1".into()),
        name: None,
        percent: Percent::from_micros(micros % 200_000_000),
        sized: if post { PoolBasis::PostMoney } else { PoolBasis::PreMoney },
    });
    let sale = (0..6usize, 0..6usize, prop::option::of(any::<i64>()), prop::option::of(any::<i64>())).prop_map(
        |(from, to, percent, amount)| Secondary {
            seller: format!("h{from}"),
            buyer: format!("h{to}"),
            name: Some("S".into()),
            percent: percent.map(|p| Percent::from_micros(p % 200_000_000)),
            amount: amount.map(Dollars),
        },
    );
    let round = (
        prop::option::of(valuation),
        prop::collection::vec(cheque, 0..4),
        prop::option::of(pool),
        prop::collection::vec(sale, 0..2),
    )
        .prop_map(|(valuation, investments, pool, secondaries)| Round {
            name: "R".into(),
            date: None,
            valuation,
            investments,
            pool,
            secondaries,
        });
    (prop::collection::vec(holder, 0..5), prop::collection::vec(round, 0..6), prop::option::of(any::<i64>())).prop_map(
        |(holders, rounds, valuation)| Scenario {
            version: 1,
            title: String::new(),
            as_of: None,
            valuation: valuation.map(Dollars),
            holders,
            rounds,
            events: Default::default(),
            regime: None,
            whatifs: vec![],
            sources: vec![],
            notes: vec![],
        },
    )
}

/// A scenario of huge numbers: dollars near the limit over many rounds.
fn huge_scenario() -> impl Strategy<Value = Scenario> {
    let round = (1..=fortress_core::validate::MAX_DOLLARS, 1..=fortress_core::validate::MAX_DOLLARS, 0..99_000_000i64)
        .prop_map(|(pre, amount, pool)| Round {
            name: "R".into(),
            date: None,
            valuation: Some(Valuation::PreMoney(Dollars(pre))),
            investments: vec![Investment { holder: "x".into(), name: Some("X".into()), amount: Dollars(amount) }],
            pool: Some(Pool {
                holder: None,
                name: None,
                percent: Percent::from_micros(pool),
                sized: PoolBasis::PostMoney,
            }),
            secondaries: vec![],
        });
    prop::collection::vec(round, 1..12).prop_map(|rounds| Scenario {
        version: 1,
        title: String::new(),
        as_of: None,
        valuation: Some(Dollars(fortress_core::validate::MAX_DOLLARS)),
        holders: vec![Holder {
            id: "a".into(),
            name: "A".into(),
            percent: Percent::from_micros(Percent::HUNDRED_MICROS),
            group: false,
        }],
        rounds,
        events: Default::default(),
        regime: None,
        whatifs: vec![],
        sources: vec![],
        notes: vec![],
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The core answers every input with an outcome or an error, never a panic
    /// (tests run with overflow checks on, so an unchecked sum would panic here).
    #[test]
    fn never_panics_on_wild_input(scenario in wild_scenario()) {
        let _ = evaluate(&scenario);
    }

    #[test]
    fn never_panics_on_huge_numbers(scenario in huge_scenario()) {
        if let Err(error) = evaluate(&scenario) {
            prop_assert!(matches!(error.kind, ErrorKind::Overflow | ErrorKind::PoolUnreachable(_)), "{error}");
        }
    }
}
