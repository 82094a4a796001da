//! Property tests for `fortress_core::engine`: the waterfall distributes the
//! exit exactly, no class would gain by choosing otherwise, a higher exit
//! never pays a holder less, a solved round reproduces its own inputs, and
//! absurd inputs give `Ok` or `Err` but never a panic.
//!
//! Case format: each property draws its inputs from the strategies below;
//! case counts are kept small so that the file runs in a few seconds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_core::engine::*;
use fortress_core::Date;
use proptest::prelude::*;

fn ratio(num: u128, den: u128) -> Ratio {
    Ratio::new(num, den).unwrap()
}

/// A price between one cent and $20, in cents.
fn price() -> impl Strategy<Value = Ratio> {
    (1u128..=2_000).prop_map(|cents| ratio(cents, 100))
}

/// A preferred class: price, preference 1x to 2x in halves, participation
/// (capped at the preference plus 0x to 2x), rank 0 to 2.
fn preferred(i: usize) -> impl Strategy<Value = ShareClass> {
    (price(), 2u128..=4, 0u8..3, 0u128..=4, 0u32..3).prop_map(move |(p, halves, kind, extra, rank)| {
        let mut class = ShareClass::preferred(&format!("p{i}"), &format!("Series {i}"), p, rank);
        class.preference = ratio(halves, 2);
        class.participation = match kind {
            0 => Participation::NonParticipating,
            1 => Participation::Participating,
            _ => Participation::ParticipatingCapped { cap_multiple: ratio(halves + extra, 2) },
        };
        class
    })
}

/// A table: common and up to three preferred classes, one to three holdings
/// each, up to two option grants, a pool.
fn table() -> impl Strategy<Value = CapTable> {
    (
        prop::collection::vec(1u128..5_000_000, 1..4),
        prop::collection::vec(
            (0usize..3).prop_flat_map(|i| (preferred(i), prop::collection::vec(0u128..3_000_000, 1..3))),
            0..3,
        ),
        prop::collection::vec((1u128..1_000_000, 0u128..500), 0..3),
        0u128..1_000_000,
    )
        .prop_map(|(common, classes, options, pool)| {
            let mut table = CapTable {
                classes: vec![ShareClass::common("common", "Common")],
                holdings: common
                    .iter()
                    .enumerate()
                    .map(|(i, &n)| Holding { holder: format!("founder-{i}"), class: "common".into(), shares: n })
                    .collect(),
                options: options
                    .iter()
                    .enumerate()
                    .map(|(i, &(count, cents))| OptionGrant {
                        holder: format!("staff-{i}"),
                        count,
                        strike: ratio(cents, 100),
                    })
                    .collect(),
                pool,
                promised_options: 0,
            };
            for (k, (mut class, holdings)) in classes.into_iter().enumerate() {
                class.id = format!("p{k}");
                for (j, shares) in holdings.into_iter().enumerate() {
                    table.holdings.push(Holding { holder: format!("fund-{k}-{j}"), class: class.id.clone(), shares });
                }
                table.classes.push(class);
            }
            table
        })
}

fn exit() -> impl Strategy<Value = u128> {
    prop_oneof![0u128..1_000, 0u128..50_000_000, 0u128..2_000_000_000]
}

fn holder_exact(w: &Waterfall, holder: &str) -> Ratio {
    w.holders.iter().find(|h| h.holder == holder).map_or(Ratio::ZERO, |h| h.exact)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// Every dollar of the exit is paid, exactly, by class and by holder.
    #[test]
    fn the_waterfall_distributes_exactly_the_exit(table in table(), exit in exit()) {
        let w = waterfall(&table, exit).unwrap();
        let by_class: u128 = w.classes.iter().map(|c| c.amount).sum::<u128>() + w.options.iter().map(|o| o.amount).sum::<u128>();
        prop_assert_eq!(by_class, exit);
        prop_assert_eq!(w.holders.iter().map(|h| h.amount).sum::<u128>(), exit);
        let exact = w.holders.iter().try_fold(Ratio::ZERO, |s, h| s.checked_add(h.exact)).unwrap();
        prop_assert_eq!(exact, Ratio::whole(exit));
        // Whole dollars are within a dollar of the exact amounts.
        for h in &w.holders {
            prop_assert!(h.amount + 1 > h.exact.floor() && h.amount <= h.exact.ceil());
        }
    }

    /// No class would be paid more by the other choice, the others' choices
    /// fixed; a class that converts is paid strictly more than its preference
    /// would pay it (a tie keeps the preference). The deviations are computed
    /// through `waterfall_with_choices`, independently of how the choices were found.
    #[test]
    fn no_class_would_gain_by_choosing_otherwise(table in table(), exit in exit()) {
        let w = waterfall(&table, exit).unwrap();
        let converting: Vec<String> =
            w.classes.iter().filter(|c| c.choice == Choice::Converts).map(|c| c.class.clone()).collect();
        let same = waterfall_with_choices(&table, exit, &converting).unwrap();
        prop_assert_eq!(&same.classes, &w.classes);
        for (c, class) in w.classes.iter().enumerate() {
            if matches!(class.choice, Choice::Common | Choice::Participates)
                && !matches!(table.classes[c].participation, Participation::ParticipatingCapped { .. })
            {
                continue;
            }
            if !table.classes[c].has_preference() {
                continue;
            }
            let mut flipped = converting.clone();
            if class.choice == Choice::Converts {
                flipped.retain(|id| id != &class.class);
            } else {
                flipped.push(class.class.clone());
            }
            let other = match waterfall_with_choices(&table, exit, &flipped) {
                Ok(other) => other.classes[c].exact,
                // Nobody left to take the residual: that choice is not open.
                Err(_) => continue,
            };
            if class.choice == Choice::Converts {
                prop_assert!(other < class.exact, "{} converts for {} but would get {}", class.class, class.exact, other);
            } else {
                prop_assert!(other <= class.exact, "{} keeps {} but converting pays {}", class.class, class.exact, other);
            }
        }
    }

    /// A higher exit never pays any holder less (exactly; whole dollars may
    /// differ by the one dollar largest remainders move).
    #[test]
    fn a_higher_exit_never_pays_less(table in table(), exit in exit(), more in prop_oneof![1u128..10, 0u128..100_000_000]) {
        let low = waterfall(&table, exit).unwrap();
        let high = waterfall(&table, exit + more).unwrap();
        for h in &low.holders {
            prop_assert!(holder_exact(&high, &h.holder) >= h.exact, "{} gets less at a higher exit", h.holder);
            let later = high.holders.iter().find(|x| x.holder == h.holder).unwrap().amount;
            prop_assert!(later + 1 >= h.amount);
        }
    }

    /// The returns solver's answer is the smallest: the holder's payout is
    /// non-decreasing in its shares, and one share fewer misses the target.
    #[test]
    fn the_smallest_stake_is_the_smallest(table in table(), exit in 1u128..500_000_000, investment in 1u128..10_000_000, n in 0u128..5_000_000) {
        let class = table.classes.last().unwrap().id.clone();
        let query = StakeQuery { holder: "newcomer".into(), class: class.clone(), investment, target_multiple: Ratio::whole(2), exit };
        let with = |k: u128| {
            let mut t = table.clone();
            t.holdings.push(Holding { holder: "newcomer".into(), class: class.clone(), shares: k });
            holder_exact(&waterfall(&t, exit).unwrap(), "newcomer")
        };
        let target = Ratio::whole(2 * investment);
        match smallest_stake(&table, &query).unwrap() {
            Some(answer) => {
                prop_assert!(answer.payout >= target);
                prop_assert_eq!(with(answer.shares), answer.payout);
                if answer.shares > 0 {
                    prop_assert!(with(answer.shares - 1) < target, "one share fewer still reaches the target");
                }
            }
            // No stake reaches it: not even all of the exit.
            None => prop_assert!(with(1 << 60) < target),
        }
        // Monotone in the holder's own shares.
        prop_assert!(with(n + 1) >= with(n));
    }
}

// ---------------------------------------------------------------------------
// Rounds.

fn instrument(i: usize) -> impl Strategy<Value = Instrument> {
    (0u8..3, 1u128..2_000_000, prop::option::of(5_000_000u128..200_000_000), prop::option::of(0u128..40), 0u128..15)
        .prop_map(move |(kind, amount, cap, discount, rate)| Instrument {
            id: format!("i{i}"),
            holder: format!("angel-{i}"),
            kind: match kind {
                0 => InstrumentKind::PostMoneySafe,
                1 => InstrumentKind::PreMoneySafe,
                _ => InstrumentKind::Note { annual_rate: Ratio::percent(rate), issued: Date::new(2024, 3, 1).unwrap() },
            },
            amount,
            cap,
            discount: discount.map(Ratio::percent),
        })
}

fn conventions() -> impl Strategy<Value = Conventions> {
    (any::<bool>(), 0u8..3, 0u8..3, any::<bool>(), any::<bool>()).prop_map(|(conv, base, rounding, pool, note)| {
        Conventions {
            broad_base: [
                BroadBase::CommonAndPreferredAsConverted,
                BroadBase::PlusIssuedOptions,
                BroadBase::PlusIssuedOptionsAndPool,
            ][base as usize],
            conversions_in_anti_dilution: conv,
            conversion_price_rounding: [
                PriceRounding::NearestHundredthOfCent,
                PriceRounding::Exact,
                PriceRounding::DownToHundredthOfCent,
            ][rounding as usize],
            round_price_rounding: if rounding == 2 {
                PriceRounding::DownToHundredthOfCent
            } else {
                PriceRounding::Exact
            },
            day_count: DayCount::Actual365,
            post_money_safe_pool: if pool {
                SafePoolIncrease::Included
            } else {
                SafePoolIncrease::OnlyForPromisedOptions
            },
            pre_money_safe_base: CapBase::ExcludingConverting,
            note_base: if note { CapBase::IncludingConverting } else { CapBase::ExcludingConverting },
        }
    })
}

fn round() -> impl Strategy<Value = Round> {
    (
        1_000_000u128..500_000_000,
        prop::collection::vec(0u128..20_000_000, 0..3),
        prop_oneof![
            Just(PoolChange::None),
            (1u128..25).prop_map(|p| PoolChange::TargetPostMoney(Ratio::percent(p))),
            (1u128..25).prop_map(|p| PoolChange::TargetPreMoney(Ratio::percent(p))),
            (0u128..2_000_000).prop_map(PoolChange::Increase),
        ],
        prop::collection::vec((0usize..3).prop_flat_map(instrument), 0..3),
        conventions(),
    )
        .prop_map(|(pre, cheques, pool, mut instruments, conventions)| {
            for (i, instrument) in instruments.iter_mut().enumerate() {
                instrument.id = format!("i{i}");
            }
            Round {
                valuation: Valuation::PreMoney(pre),
                cheques: cheques
                    .iter()
                    .enumerate()
                    .map(|(j, &a)| Cheque { holder: format!("investor-{j}"), amount: a })
                    .collect(),
                pool,
                instruments,
                new_class: NewClass {
                    id: "new".into(),
                    name: "New".into(),
                    preference: Ratio::ONE,
                    participation: Participation::NonParticipating,
                    seniority: 5,
                    anti_dilution: AntiDilution::None,
                },
                date: Date::new(2025, 6, 30),
                conventions,
            }
        })
}

/// A table whose preferred classes have anti-dilution protection.
fn protected_table() -> impl Strategy<Value = CapTable> {
    (table(), prop::collection::vec(0u8..3, 3)).prop_map(|(mut table, kinds)| {
        for (class, kind) in table.classes.iter_mut().skip(1).zip(kinds) {
            class.anti_dilution =
                [AntiDilution::None, AntiDilution::BroadBasedWeightedAverage, AntiDilution::FullRatchet][kind as usize]
                    .clone();
        }
        table
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A solved round reproduces its inputs: each cheque's shares cost at most
    /// its money and one more share would cost more; each conversion the same
    /// at its price, never above the round price; the pool reaches its target
    /// and one share fewer, at the price that count implies, misses it; the
    /// table after adds up.
    #[test]
    fn a_round_reproduces_its_inputs(table in protected_table(), round in round()) {
        let Ok(result) = solve_round(&table, &round) else { return Ok(()) };
        let price = result.price;
        for c in &result.cheques {
            prop_assert!(price.mul_whole(c.shares).unwrap() <= Ratio::whole(c.amount));
            prop_assert!(price.mul_whole(c.shares + 1).unwrap() > Ratio::whole(c.amount));
        }
        for c in &result.conversions {
            prop_assert!(c.price <= price);
            prop_assert_eq!(c.shares, c.amount.checked_div(c.price).unwrap().floor());
        }
        prop_assert_eq!(result.price, match round.conventions.round_price_rounding {
            PriceRounding::Exact => ratio(result.pre_money, result.fully_diluted_before),
            _ => ratio(result.pre_money, result.fully_diluted_before).round_down_to(10_000).unwrap(),
        });
        prop_assert_eq!(result.table_after.fully_diluted().unwrap(), result.fully_diluted_after);
        let target = match round.pool {
            PoolChange::TargetPostMoney(t) => Some((t, true)),
            PoolChange::TargetPreMoney(t) => Some((t, false)),
            _ => None,
        };
        if let Some((t, post)) = target {
            let base = if post { result.fully_diluted_after } else { result.fully_diluted_before };
            prop_assert!(Ratio::whole(result.pool_after) >= t.mul_whole(base).unwrap(), "the pool misses its target");
            if result.pool_top_up > 0 {
                // One share fewer: the count, the price and the cheques it implies.
                let fewer = result.fully_diluted_before - 1;
                let p = ratio(result.pre_money, fewer);
                let p = match round.conventions.round_price_rounding {
                    PriceRounding::Exact => p,
                    _ => p.round_down_to(10_000).unwrap(),
                };
                let bought: u128 = round.cheques.iter().map(|c| Ratio::whole(c.amount).checked_div(p).unwrap().floor()).sum();
                let base = if post { fewer + bought } else { fewer };
                prop_assert!(Ratio::whole(result.pool_after - 1) < t.mul_whole(base).unwrap(), "one share fewer still reaches the target");
            }
        }
        // Conversion prices only ever go down.
        for a in &result.adjustments {
            prop_assert!(a.new_price <= a.old_price);
            prop_assert!(a.as_converted_after >= a.as_converted_before);
        }
    }

    /// Without instruments, pool changes or anti-dilution the engine buys what
    /// the cap table's arithmetic buys: floor(amount x fully diluted / pre-money).
    #[test]
    fn a_plain_round_is_the_cap_tables_arithmetic(table in table(), pre in 1u128..1_000_000_000, cheques in prop::collection::vec(0u128..50_000_000, 1..4)) {
        let round = Round {
            valuation: Valuation::PreMoney(pre),
            cheques: cheques.iter().enumerate().map(|(j, &a)| Cheque { holder: format!("investor-{j}"), amount: a }).collect(),
            pool: PoolChange::None,
            instruments: vec![],
            new_class: NewClass {
                id: "new".into(), name: "New".into(), preference: Ratio::ONE,
                participation: Participation::NonParticipating, seniority: 5, anti_dilution: AntiDilution::None,
            },
            date: None,
            conventions: Conventions::default(),
        };
        let fd = table.fully_diluted().unwrap();
        let result = solve_round(&table, &round).unwrap();
        prop_assert_eq!(result.iterations, 0);
        prop_assert_eq!(result.fully_diluted_before, fd);
        for (c, &amount) in result.cheques.iter().zip(&cheques) {
            prop_assert_eq!(c.shares, amount * fd / pre);
        }
    }

    /// A tender moves shares without making any: the count is unchanged and
    /// the sales add up to the shares bought.
    #[test]
    fn a_tender_moves_exactly_the_shares_bought(table in table(), amount in 0u128..10_000_000, cents in 1u128..5_000) {
        let sellers: Vec<String> = table.holdings.iter().map(|h| h.holder.clone()).take(2).collect();
        let offer = Tender { buyer: "buyer".into(), multiple: Ratio::ONE, amount, sellers };
        if let Ok(t) = tender(&table, ratio(cents, 100), &offer) {
            prop_assert_eq!(t.sales.iter().map(|s| s.shares).sum::<u128>(), t.shares);
            prop_assert_eq!(t.table_after.fully_diluted().unwrap(), table.fully_diluted().unwrap());
            prop_assert!(t.paid <= Ratio::whole(amount));
        }
    }
}

// ---------------------------------------------------------------------------
// Absurd inputs.

fn wild() -> impl Strategy<Value = u128> {
    prop_oneof![
        Just(0u128),
        Just(1u128),
        Just(u128::MAX),
        Just(u128::MAX / 2),
        any::<u64>().prop_map(u128::from),
        any::<u128>(),
        (0u32..128).prop_map(|b| 1u128 << b),
    ]
}

fn wild_ratio() -> impl Strategy<Value = Ratio> {
    (wild(), wild()).prop_map(|(n, d)| Ratio::new(n, d.max(1)).unwrap())
}

fn wild_table() -> impl Strategy<Value = CapTable> {
    (
        prop::collection::vec((wild(), wild_ratio(), wild_ratio(), wild_ratio(), 0u32..3, 0u8..3, 0u8..3), 0..4),
        prop::collection::vec((0usize..5, wild()), 0..5),
        prop::collection::vec((wild(), wild_ratio()), 0..2),
        wild(),
        wild(),
    )
        .prop_map(|(classes, holdings, options, pool, promised)| {
            let classes: Vec<ShareClass> = classes
                .into_iter()
                .enumerate()
                .map(|(i, (_, issue, cp, pref, rank, part, ad))| ShareClass {
                    id: format!("c{i}"),
                    name: format!("Class {i}"),
                    issue_price: issue,
                    conversion_price: cp,
                    preference: pref,
                    participation: match part {
                        0 => Participation::NonParticipating,
                        1 => Participation::Participating,
                        _ => Participation::ParticipatingCapped {
                            cap_multiple: pref.checked_add(Ratio::ONE).unwrap_or(pref),
                        },
                    },
                    seniority: rank,
                    anti_dilution: [
                        AntiDilution::None,
                        AntiDilution::BroadBasedWeightedAverage,
                        AntiDilution::FullRatchet,
                    ][ad as usize]
                        .clone(),
                })
                .collect();
            CapTable {
                holdings: holdings
                    .into_iter()
                    .map(|(c, shares)| Holding { holder: format!("h{c}"), class: format!("c{c}"), shares })
                    .collect(),
                classes,
                options: options
                    .into_iter()
                    .map(|(count, strike)| OptionGrant { holder: "o".into(), count, strike })
                    .collect(),
                pool,
                promised_options: promised,
            }
        })
}

fn wild_round() -> impl Strategy<Value = Round> {
    (
        wild(),
        any::<bool>(),
        prop::collection::vec(wild(), 0..3),
        (0u8..4, wild_ratio(), wild()),
        prop::collection::vec(
            (0u8..3, wild(), prop::option::of(wild()), prop::option::of(wild_ratio()), wild_ratio()),
            0..3,
        ),
        conventions(),
    )
        .prop_map(|(valuation, post, cheques, (pool_kind, pool_ratio, pool_shares), instruments, conventions)| {
            Round {
                valuation: if post { Valuation::PostMoney(valuation) } else { Valuation::PreMoney(valuation) },
                cheques: cheques.into_iter().map(|a| Cheque { holder: "x".into(), amount: a }).collect(),
                pool: match pool_kind {
                    0 => PoolChange::None,
                    1 => PoolChange::TargetPostMoney(pool_ratio),
                    2 => PoolChange::TargetPreMoney(pool_ratio),
                    _ => PoolChange::Increase(pool_shares),
                },
                instruments: instruments
                    .into_iter()
                    .enumerate()
                    .map(|(i, (kind, amount, cap, discount, rate))| Instrument {
                        id: format!("i{i}"),
                        holder: "y".into(),
                        kind: match kind {
                            0 => InstrumentKind::PostMoneySafe,
                            1 => InstrumentKind::PreMoneySafe,
                            _ => InstrumentKind::Note { annual_rate: rate, issued: Date::new(2020, 1, 1).unwrap() },
                        },
                        amount,
                        cap,
                        discount,
                    })
                    .collect(),
                new_class: NewClass {
                    id: "new".into(),
                    name: "New".into(),
                    preference: Ratio::ONE,
                    participation: Participation::NonParticipating,
                    seniority: 1,
                    anti_dilution: AntiDilution::None,
                },
                date: Date::new(2025, 1, 1),
                conventions,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Zero, huge and inconsistent inputs: every entry point answers Ok or
    /// Err, and never panics (a panic fails the test).
    #[test]
    fn absurd_inputs_never_panic(table in wild_table(), round in wild_round(), exit in wild(), price in wild_ratio(), amount in wild()) {
        let _ = solve_round(&table, &round);
        let _ = waterfall(&table, exit);
        let _ = waterfall_with_choices(&table, exit, &["c0".to_string(), "nope".to_string()]);
        let sellers = table.holdings.iter().map(|h| h.holder.clone()).collect();
        let _ = tender(&table, price, &Tender { buyer: "b".into(), multiple: price, amount, sellers });
        let _ = table.fully_diluted();
    }

    /// The same for the returns solver, which runs many waterfalls.
    #[test]
    fn absurd_stakes_never_panic(table in wild_table(), exit in wild(), investment in wild(), multiple in wild_ratio()) {
        let q = StakeQuery { holder: "h0".into(), class: "c0".into(), investment, target_multiple: multiple, exit };
        let _ = smallest_stake(&table, &q);
    }
}
