//! Properties that hold for every scenario, checked on many random ones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_core::{evaluate, ErrorKind, Scenario};
use fortress_testkit::{huge_scenario, scenario, wild_scenario};
use proptest::prelude::*;

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
