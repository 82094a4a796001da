//! Textbook cases for `fortress_core::engine`, each worked by hand from a
//! named source. The engine's figures are compared with the hand-worked
//! ones, and where the source prints a figure, with that figure.
//!
//! Case format: each group of cases is a table, one case per line, whose
//! columns are named in the comment above it. Money is whole dollars,
//! prices are `(numerator, denominator)` pairs, counts are shares.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_core::engine::*;
use fortress_core::Date;

fn r(num: u128, den: u128) -> Ratio {
    Ratio::new(num, den).unwrap()
}

fn holding(holder: &str, class: &str, shares: u128) -> Holding {
    Holding { holder: holder.into(), class: class.into(), shares }
}

fn new_class() -> NewClass {
    NewClass {
        id: "next".into(),
        name: "Next Series".into(),
        preference: Ratio::ONE,
        participation: Participation::NonParticipating,
        seniority: 9,
        anti_dilution: AntiDilution::None,
    }
}

fn round(pre: u128, cheques: &[(&str, u128)]) -> Round {
    Round {
        valuation: Valuation::PreMoney(pre),
        cheques: cheques.iter().map(|&(h, a)| Cheque { holder: h.into(), amount: a }).collect(),
        pool: PoolChange::None,
        instruments: vec![],
        new_class: new_class(),
        date: None,
        conventions: Conventions::default(),
    }
}

fn common_only(holders: &[(&str, u128)], pool: u128) -> CapTable {
    CapTable {
        classes: vec![ShareClass::common("common", "Common")],
        holdings: holders.iter().map(|&(h, n)| holding(h, "common", n)).collect(),
        options: vec![],
        pool,
        promised_options: 0,
    }
}

// ---------------------------------------------------------------------------
// Anti-dilution on a down round.
//
// Source: Bryan Springmeyer, "Anti-Dilution Provisions in Venture Capital
// Transactions" (calstartuplawfirm.com), as replayed number for number in a
// public test suite that cites it: Series A of 4,000,000 shares at $2.00, 8M
// other shares, a down round of 5,000,000 shares at $1.00 ($5M). Broad-based:
// CP2 = $2.00 x (12M + 2.5M) / (12M + 5M) = $1.7059 ("roughly 4.69 million
// shares"); full ratchet: $1.00 ("8 million shares"). The formula is the NVCA
// model Certificate of Incorporation's, s. 4.4.4, CP2 "calculated to the
// nearest one-hundredth of a cent".
//
// The example states the price; the engine takes a pre-money and prices the
// round on the count after the adjustment, so the pre-money is that count at
// $1.00, worked by hand: 8M + floor(4M x 2 / 1.7059) = 12,689,606 for the
// weighted average, 8M + 8M = 16,000,000 for the ratchet.
//
// name | protection | pre-money | money | CP2 | as converted after | new shares
type DownRound = (&'static str, AntiDilution, u128, u128, (u128, u128), u128, u128);
#[rustfmt::skip]
const DOWN_ROUNDS: &[DownRound] = &[
    ("broad-based", AntiDilution::BroadBasedWeightedAverage, 12_689_606, 5_000_000, (17_059, 10_000), 4_689_606, 5_000_000),
    ("full ratchet", AntiDilution::FullRatchet, 16_000_000, 5_000_000, (1, 1), 8_000_000, 5_000_000),
    ("no protection", AntiDilution::None, 12_000_000, 5_000_000, (2, 1), 4_000_000, 5_000_000),
];

fn springmeyer_table(protection: AntiDilution) -> CapTable {
    let mut a = ShareClass::preferred("a", "Series A", Ratio::whole(2), 1);
    a.anti_dilution = protection;
    CapTable {
        classes: vec![ShareClass::common("common", "Common"), a],
        holdings: vec![holding("founders", "common", 8_000_000), holding("fund-a", "a", 4_000_000)],
        options: vec![],
        pool: 0,
        promised_options: 0,
    }
}

#[test]
fn down_rounds_adjust_as_published() {
    for &(name, ref protection, pre, money, cp2, converted, new_shares) in DOWN_ROUNDS {
        let result = solve_round(&springmeyer_table(protection.clone()), &round(pre, &[("fund-b", money)])).unwrap();
        assert_eq!(result.price, Ratio::ONE, "{name}: the round is at $1.00");
        let a = &result.adjustments[1];
        assert_eq!(a.old_price, Ratio::whole(2), "{name}");
        assert_eq!(a.new_price, r(cp2.0, cp2.1), "{name}: CP2");
        assert_eq!(a.new_ratio, Ratio::whole(2).checked_div(r(cp2.0, cp2.1)).unwrap(), "{name}: ratio");
        assert_eq!(a.as_converted_after, converted, "{name}: as converted");
        assert_eq!(result.cheques[0].shares, new_shares, "{name}: new shares");
    }
}

/// Adjustments compound: the first round's CP2 is the second's CP1.
/// Hand-worked with the same formula: after the broad-based round above, the
/// table is 8M common, 4M Series A at CP 1.7059 (4,689,606 as converted) and
/// 5M of the new series. A second round of $1M at $0.50: A = 17,689,606,
/// B = 1,000,000 / 1.7059, C = 2,000,000, CP2 = 1.58340897... -> $1.5834;
/// as converted floor(8,000,000 / 1.5834) = 5,052,418; the pre-money at
/// $0.50 is half of 8M + 5M + 5,052,418, i.e. $9,026,209.
#[test]
fn adjustments_compound_over_two_down_rounds() {
    let first = solve_round(
        &springmeyer_table(AntiDilution::BroadBasedWeightedAverage),
        &round(12_689_606, &[("fund-b", 5_000_000)]),
    )
    .unwrap();
    let mut second = round(9_026_209, &[("fund-c", 1_000_000)]);
    second.new_class.id = "c".into();
    let result = solve_round(&first.table_after, &second).unwrap();
    assert_eq!(result.price, r(1, 2));
    let a = &result.adjustments[1];
    assert_eq!(a.old_price, r(17_059, 10_000));
    assert_eq!(a.new_price, r(15_834, 10_000));
    assert_eq!(a.as_converted_after, 5_052_418);
    assert_eq!(result.cheques[0].shares, 2_000_000);
}

// ---------------------------------------------------------------------------
// Post-money SAFEs.
//
// Source: Y Combinator, "Post-Money Safe User Guide": a $100,000 safe at a
// $10M post-money valuation cap owns 1% of the Company Capitalization
// ($100k / $10M). With 9,900,000 shares before, the Company Capitalization is
// 9,900,000 / (1 - 1%) = 10,000,000, the Safe Price $1.00 and the safe gets
// 100,000 shares. The round ($2M at $20M pre) then prices at $20M /
// 10,000,000 = $2.00.
#[test]
fn a_100k_safe_at_a_10m_post_money_cap_owns_one_percent() {
    let mut r1 = round(20_000_000, &[("fund", 2_000_000)]);
    r1.instruments = vec![Instrument {
        id: "safe".into(),
        holder: "angel".into(),
        kind: InstrumentKind::PostMoneySafe,
        amount: 100_000,
        cap: Some(10_000_000),
        discount: None,
    }];
    let result = solve_round(&common_only(&[("founders", 9_900_000)], 0), &r1).unwrap();
    let safe = &result.conversions[0];
    assert_eq!(safe.shares, 100_000);
    assert_eq!(safe.applied, AppliedPrice::Cap);
    assert_eq!(safe.price, Ratio::ONE);
    assert_eq!(result.fully_diluted_before, 10_000_000);
    assert_eq!(result.price, Ratio::whole(2));
    assert_eq!(result.cheques[0].shares, 1_000_000);
}

// Source: Y Combinator, "Post-Money Safe User Guide", Example 1, Question 2
// (the multi-safe example), as quoted in a public repository's derivation:
// 9,250,000 founder shares; 300,000 options outstanding and 350,000 promised
// from a 750,000 reserve (so 100,000 available); Investor A $200,000 at a $4M
// post-money cap (5%), Investor B $800,000 at an $8M cap (10%); a $5M Series
// A at $15M pre with a pool increase of 1,695,000 shares. Printed: Company
// Capitalization 11,764,705; A 588,235; B 1,176,470; price $1.1144; Series A
// 4,486,719; 17,946,424 shares after. The Guide prices at $1.1144, the exact
// price $15M / 13,459,705 = $1.114437 rounded to the hundredth of a cent, and
// divides by it; with the exact price (the engine's default) the Series A
// gets floor($5M x 13,459,705 / $15M) = 4,486,568 and the total is 17,946,273.
//
// price rounding | price | Series A shares | shares after
const YC_GUIDE_EXAMPLE: &[(PriceRounding, (u128, u128), u128, u128)] = &[
    (PriceRounding::DownToHundredthOfCent, (11_144, 10_000), 4_486_719, 17_946_424),
    (PriceRounding::Exact, (15_000_000, 13_459_705), 4_486_568, 17_946_273),
];

#[test]
fn yc_user_guide_multi_safe_example() {
    let table = CapTable {
        classes: vec![ShareClass::common("common", "Common")],
        holdings: vec![holding("founders", "common", 9_250_000)],
        options: vec![OptionGrant { holder: "staff".into(), count: 300_000, strike: r(1, 10) }],
        pool: 450_000,
        promised_options: 350_000,
    };
    for &(rounding, price, series_a, after) in YC_GUIDE_EXAMPLE {
        let mut r1 = round(15_000_000, &[("lead", 5_000_000)]);
        r1.pool = PoolChange::Increase(1_695_000);
        r1.conventions.round_price_rounding = rounding;
        r1.instruments = vec![
            Instrument {
                id: "safe-a".into(),
                holder: "investor-a".into(),
                kind: InstrumentKind::PostMoneySafe,
                amount: 200_000,
                cap: Some(4_000_000),
                discount: None,
            },
            Instrument {
                id: "safe-b".into(),
                holder: "investor-b".into(),
                kind: InstrumentKind::PostMoneySafe,
                amount: 800_000,
                cap: Some(8_000_000),
                discount: None,
            },
        ];
        let result = solve_round(&table, &r1).unwrap();
        assert_eq!(result.conversions[0].shares, 588_235, "{rounding:?}");
        assert_eq!(result.conversions[1].shares, 1_176_470, "{rounding:?}");
        assert_eq!(result.conversions[0].price, r(4_000_000, 11_764_705), "Safe Price = cap / Company Capitalization");
        assert_eq!(result.conversions[0].applied, AppliedPrice::Cap);
        // Company Capitalization 11,764,705 plus the pool increase.
        assert_eq!(result.fully_diluted_before, 11_764_705 + 1_695_000);
        assert_eq!(result.price, r(price.0, price.1), "{rounding:?}");
        assert_eq!(result.cheques[0].shares, series_a, "{rounding:?}");
        assert_eq!(result.fully_diluted_after, after, "{rounding:?}");
        assert_eq!(result.table_after.fully_diluted().unwrap(), after);
    }
}

// ---------------------------------------------------------------------------
// A pre-money SAFE.
//
// Source: YC's original (pre-money) safe, whose "Company Capitalization"
// counts all shares, options and the pool including any increase in the
// financing, "but excluding (A) this instrument, (B) all other Safes, and (C)
// convertible promissory notes" (the definition as published on
// lawinsider.com's "Company Capitalization" page). Worked by hand: 10,000,000
// shares; a $500,000 safe at a $5M cap converts at $5M / 10M = $0.50 into
// 1,000,000 shares; the round ($3M at $15M pre) prices at $15M / 11,000,000
// and the Series A gets floor(3M x 11M / 15M) = 2,200,000.
#[test]
fn a_pre_money_safe_leaves_itself_out_of_its_cap_denominator() {
    let mut r1 = round(15_000_000, &[("fund", 3_000_000)]);
    r1.instruments = vec![Instrument {
        id: "safe".into(),
        holder: "angel".into(),
        kind: InstrumentKind::PreMoneySafe,
        amount: 500_000,
        cap: Some(5_000_000),
        discount: Some(Ratio::percent(20)),
    }];
    let result = solve_round(&common_only(&[("founders", 10_000_000)], 0), &r1).unwrap();
    let safe = &result.conversions[0];
    assert_eq!(safe.cap_price, Some(r(1, 2)));
    assert_eq!(safe.applied, AppliedPrice::Cap);
    assert_eq!(safe.shares, 1_000_000);
    assert_eq!(result.price, r(15_000_000, 11_000_000));
    assert_eq!(result.cheques[0].shares, 2_200_000);
}

// ---------------------------------------------------------------------------
// Two notes converting in the same round, one at its cap and one at its
// discount.
//
// Source: the conversion terms of a standard convertible note (Cooley GO,
// "Convertible Note Term Sheet": principal and accrued interest convert at
// the lower of the cap price and the discounted round price), worked by hand.
// 8,000,000 common and a 2,000,000 pool; $4M at $20M pre on 2025-01-01.
// Note 1: $500,000 at 8% from 2024-01-01 (366 days, actual/365), cap $8M,
// 20% off: converts $540,109.59. Note 2: $1,000,000 at 6% from 2024-07-01
// (184 days), cap $30M, 20% off: converts $1,030,246.58. With the cap
// denominator the round's own count X, note 1's cap price 8M / X is below
// its discount price 0.8 x 20M / X, and note 2's 30M / X is above it. The
// real solution X = 10M / (1 - a1/8M - a2/16M) = 11,519,464.74, and its whole
// shares: note 1 floor(a1 X / 8M) = 777,721, note 2 floor(a2 X / 16M) =
// 741,743, X = 11,519,464; the Series A gets floor(4M X / 20M) = 2,303,892.
//
// id | principal | rate % | issued | cap | applied | shares
type NoteCase = (&'static str, u128, u128, (u16, u8, u8), u128, AppliedPrice, u128);
const NOTES: &[NoteCase] = &[
    ("note-1", 500_000, 8, (2024, 1, 1), 8_000_000, AppliedPrice::Cap, 777_721),
    ("note-2", 1_000_000, 6, (2024, 7, 1), 30_000_000, AppliedPrice::Discount, 741_743),
];

#[test]
fn notes_at_cap_and_at_discount_in_one_round() {
    let mut r1 = round(20_000_000, &[("fund", 4_000_000)]);
    r1.date = Date::new(2025, 1, 1);
    r1.instruments = NOTES
        .iter()
        .map(|&(id, principal, rate, (y, m, d), cap, _, _)| Instrument {
            id: id.into(),
            holder: id.into(),
            kind: InstrumentKind::Note { annual_rate: Ratio::percent(rate), issued: Date::new(y, m, d).unwrap() },
            amount: principal,
            cap: Some(cap),
            discount: Some(Ratio::percent(20)),
        })
        .collect();
    let result = solve_round(&common_only(&[("founders", 8_000_000)], 2_000_000), &r1).unwrap();
    assert_eq!(result.conversions[0].amount, r(39_428_000, 73), "$500,000 + 8% x 366/365");
    assert_eq!(result.conversions[1].amount, r(75_208_000, 73), "$1,000,000 + 6% x 184/365");
    for (row, conversion) in NOTES.iter().zip(&result.conversions) {
        assert_eq!(conversion.applied, row.5, "{}", row.0);
        assert_eq!(conversion.shares, row.6, "{}", row.0);
    }
    assert_eq!(result.fully_diluted_before, 11_519_464);
    assert_eq!(result.price, r(20_000_000, 11_519_464));
    assert_eq!(result.cheques[0].shares, 2_303_892);
}

// ---------------------------------------------------------------------------
// A pool top-up to a post-money target.
//
// Source: the NVCA model term sheet's pool "representing [__]% of the
// fully-diluted post-money capitalization", inside the pre-money (the
// "option pool shuffle"), worked by hand: with 10,000,000 shares, $2M at $8M
// pre and a 10% target, the count before the new money X = 10M + T is 80% of
// the post-money count, so T >= 0.1 x X / 0.8, T = ceil(10M / 7) = 1,428,572,
// and one share fewer misses the target; the cheque buys floor(2M X / 8M).
//
// target % | basis | top-up | cheque shares
const POOLS: &[(u128, bool, u128, u128)] = &[
    (10, true, 1_428_572, 2_857_143),
    // Pre-money basis: T >= 0.1 (10M + T), T = ceil(10M / 9) = 1,111,112.
    (10, false, 1_111_112, 2_777_778),
];

#[test]
fn pools_reach_their_targets() {
    for &(percent, post, top_up, shares) in POOLS {
        let mut r1 = round(8_000_000, &[("fund", 2_000_000)]);
        r1.pool = if post {
            PoolChange::TargetPostMoney(Ratio::percent(percent))
        } else {
            PoolChange::TargetPreMoney(Ratio::percent(percent))
        };
        let result = solve_round(&common_only(&[("founders", 10_000_000)], 0), &r1).unwrap();
        assert_eq!(result.pool_top_up, top_up, "{percent}% post={post}");
        assert_eq!(result.cheques[0].shares, shares, "{percent}% post={post}");
    }
}

// ---------------------------------------------------------------------------
// Exit waterfalls.
//
// Sources: W1 "Exit Waterfalls and Liquidation Preferences" (a $10M 1x
// non-participating Series A; at a $25M sale it receives $10M and the
// remaining $15M goes to common) and icanpitch.com's "Liquidation Preference
// Waterfall Analysis" ($10M 1x non-participating: max($10M, $3M) = $10M at
// a $15M exit, max($10M, $20M) = $20M at $100M, i.e. 20% as converted).
// Table: 8,000,000 common, 2,000,000 Series A at $5.
//
// exit | Series A | common | choice
const ONE_SERIES: &[(u128, u128, u128, Choice)] = &[
    (15_000_000, 10_000_000, 5_000_000, Choice::TakesPreference),
    (25_000_000, 10_000_000, 15_000_000, Choice::TakesPreference),
    (100_000_000, 20_000_000, 80_000_000, Choice::Converts),
    // The break-even: converting pays 20% x $50M = $10M, the same; the preference is kept.
    (50_000_000, 10_000_000, 40_000_000, Choice::TakesPreference),
];

fn one_series(participation: Participation) -> CapTable {
    let mut a = ShareClass::preferred("a", "Series A", Ratio::whole(5), 1);
    a.participation = participation;
    CapTable {
        classes: vec![ShareClass::common("common", "Common"), a],
        holdings: vec![holding("founders", "common", 8_000_000), holding("fund-a", "a", 2_000_000)],
        options: vec![],
        pool: 0,
        promised_options: 0,
    }
}

#[test]
fn one_series_non_participating() {
    let table = one_series(Participation::NonParticipating);
    for &(exit, a, common, choice) in ONE_SERIES {
        let w = waterfall(&table, exit).unwrap();
        assert_eq!((w.classes[1].amount, w.classes[0].amount), (a, common), "exit {exit}");
        assert_eq!(w.classes[1].choice, choice, "exit {exit}");
    }
    let w = waterfall(&table, 15_000_000).unwrap();
    assert_eq!(w.classes[1].reason, "takes its $10,000,000 preference: converting would pay $3,000,000");
}

// A senior class takes its preference while a junior one converts. Hand-worked
// from the NVCA model charter's rules (s. 2.1 and 2.2: preferences by
// seniority, non-participating; s. 4: optional conversion). 6,000,000 common;
// Series A (junior) 2,000,000 at $1, Series B (senior) 2,000,000 at $10; a
// $50M exit. Nobody converting leaves (50 - 22) / 6M = $4.67 a share, above
// A's $1 threshold, so A converts: (50 - 20) / 8M = $3.75 a share, below B's
// $10. A gets $7.5M (its preference would pay $2M), B $20M (converting would
// pay 50 / 10M x 2M = $10M), common $22.5M.
#[test]
fn a_senior_class_takes_its_preference_while_a_junior_converts() {
    let mut a = ShareClass::preferred("a", "Series A", Ratio::whole(1), 1);
    a.participation = Participation::NonParticipating;
    let b = ShareClass::preferred("b", "Series B", Ratio::whole(10), 2);
    let table = CapTable {
        classes: vec![ShareClass::common("common", "Common"), a, b],
        holdings: vec![
            holding("founders", "common", 6_000_000),
            holding("fund-a", "a", 2_000_000),
            holding("fund-b", "b", 2_000_000),
        ],
        options: vec![],
        pool: 0,
        promised_options: 0,
    };
    let w = waterfall(&table, 50_000_000).unwrap();
    let amounts: Vec<u128> = w.classes.iter().map(|c| c.amount).collect();
    assert_eq!(amounts, [22_500_000, 7_500_000, 20_000_000]);
    assert_eq!(w.classes[1].choice, Choice::Converts);
    assert_eq!(w.classes[2].choice, Choice::TakesPreference);
    assert_eq!(w.classes[2].reason, "takes its $20,000,000 preference: converting would pay $10,000,000");
    assert_eq!(
        w.classes[1].reason,
        "converts to 2,000,000 common shares for $7,500,000: its $2,000,000 preference would pay $2,000,000"
    );
    assert_eq!(w.per_share, r(15, 4));
    assert_eq!(
        w.holdings[2].reason,
        "$20,000,000 for 2,000,000 shares of Series B, whose class takes its $20,000,000 preference: \
         converting would pay $10,000,000"
    );
}

// Capped participation, hand-worked from the NVCA model charter's
// participating preferred with a "Maximum Participation Amount" (s. 2.2):
// 8,000,000 common; Series A 2,000,000 at $5 ($10M), 1x participating,
// capped at 3x ($30M in all). At $30M: $10M + 2M x $2 = $14M. At $120M:
// $10M + 2M x $11 would be $32M, so A stops at $30M and common gets $90M;
// converting would pay 20% x $120M = $24M. At $150M converting pays exactly
// $30M, the cap: a tie, so A keeps its capped preference. At $200M it
// converts for $40M.
//
// exit | Series A | common | choice
const CAPPED: &[(u128, u128, u128, Choice)] = &[
    (30_000_000, 14_000_000, 16_000_000, Choice::Participates),
    (120_000_000, 30_000_000, 90_000_000, Choice::CappedAt),
    (150_000_000, 30_000_000, 120_000_000, Choice::CappedAt),
    (200_000_000, 40_000_000, 160_000_000, Choice::Converts),
    (5_000_000, 5_000_000, 0, Choice::Participates),
];

#[test]
fn capped_participation() {
    let table = one_series(Participation::ParticipatingCapped { cap_multiple: Ratio::whole(3) });
    for &(exit, a, common, choice) in CAPPED {
        let w = waterfall(&table, exit).unwrap();
        assert_eq!((w.classes[1].amount, w.classes[0].amount), (a, common), "exit {exit}");
        assert_eq!(w.classes[1].choice, choice, "exit {exit}");
    }
    let w = waterfall(&table, 120_000_000).unwrap();
    assert_eq!(
        w.classes[1].reason,
        "takes its $10,000,000 preference and participates up to its $30,000,000 cap: converting would pay $24,000,000"
    );
}

// Options exercise when in the money, net of strike (the strike paid in is
// shared with common). 9,000,000 common and 1,000,000 options at $1, hand-worked:
// at $5M, exercising would leave (5M + 1M) / 10M = $0.60 a share, below the
// strike, so they lapse and common gets $5M; at $20M, (20M + 1M) / 10M =
// $2.10 a share: options get 1M x $1.10 = $1.1M, common $18.9M.
//
// exit | common | options | exercised
#[rustfmt::skip]
const OPTIONS: &[(u128, u128, u128, bool)] = &[
    (5_000_000, 5_000_000, 0, false),
    (20_000_000, 18_900_000, 1_100_000, true),
    (9_000_000, 9_000_000, 0, false),
];

#[test]
fn options_exercise_net_of_strike() {
    let mut table = common_only(&[("founders", 9_000_000)], 500_000);
    table.options = vec![OptionGrant { holder: "staff".into(), count: 1_000_000, strike: Ratio::ONE }];
    for &(exit, common, options, exercised) in OPTIONS {
        let w = waterfall(&table, exit).unwrap();
        assert_eq!(w.classes[0].amount, common, "exit {exit}");
        assert_eq!(w.options[0].amount, options, "exit {exit}");
        assert_eq!(w.options[0].exercised, exercised, "exit {exit}");
    }
}

// ---------------------------------------------------------------------------
// Returns: the smallest stake for a target multiple. Hand-worked: 9,000,000
// common; n shares of a $1 1x non-participating series; $5M invested; 3x at
// a $50M exit: converting pays 50M n / (9M + n) >= 15M for n >= 3,857,142.86,
// so 3,857,143 (the preference would need 15M shares). 1x at $14M: 5,000,000
// shares, whose preference pays exactly $5M (converting pays 14M x 5/14 = $5M
// too); with one share fewer both pay less than $5M.
//
// exit | multiple | investment | shares
#[rustfmt::skip]
const STAKES: &[(u128, u128, u128, u128)] = &[
    (50_000_000, 3, 5_000_000, 3_857_143),
    (14_000_000, 1, 5_000_000, 5_000_000),
];

#[test]
fn smallest_stakes() {
    let mut table = common_only(&[("founders", 9_000_000)], 0);
    table.classes.push(ShareClass::preferred("a", "Series A", Ratio::ONE, 1));
    for &(exit, multiple, investment, shares) in STAKES {
        let q = StakeQuery {
            holder: "fund".into(),
            class: "a".into(),
            investment,
            target_multiple: Ratio::whole(multiple),
            exit,
        };
        let answer = smallest_stake(&table, &q).unwrap().unwrap();
        assert_eq!(answer.shares, shares, "exit {exit}");
    }
}

// A tender at 80% of the round price, pro rata by largest remainders:
// 1,000 at $1.60 buys 625 shares of 1,000 held 600 / 300 / 100, so 375, 187.5,
// 62.5: 375, 188, 62 (the half goes to the earlier holding).
#[test]
fn a_tender_takes_pro_rata() {
    let table = common_only(&[("ann", 600), ("bob", 300), ("cy", 100)], 0);
    let offer = Tender {
        buyer: "fund".into(),
        multiple: r(4, 5),
        amount: 1_000,
        sellers: vec!["ann".into(), "bob".into(), "cy".into()],
    };
    let t = tender(&table, Ratio::whole(2), &offer).unwrap();
    let sold: Vec<u128> = t.sales.iter().map(|s| s.shares).collect();
    assert_eq!(sold, [375, 188, 62]);
    assert_eq!(t.paid, Ratio::whole(1_000));
}

// ---------------------------------------------------------------------------
// The engine against the cap table's own arithmetic (core/src/captable.rs),
// on the presets whose rounds are plain cheques: the table before each round
// as one class of common, the same cheques and valuation; every investor's
// new shares and the price must be the same.
#[test]
fn plain_rounds_match_the_cap_table() {
    use fortress_core::{evaluate, presets};
    for scenario in [presets::feb_2026_pre_money(), presets::feb_2026_post_money(), presets::mar_2026_close()] {
        let outcome = evaluate(&scenario).unwrap();
        let (before, after) = (&outcome.stages[0], &outcome.stages[1]);
        let scenario_round = &scenario.rounds[0];
        assert!(scenario_round.pool.is_none() && scenario_round.secondaries.is_empty());
        let table = CapTable {
            classes: vec![ShareClass::common("common", "Common")],
            holdings: before.holders.iter().map(|h| holding(&h.id, "common", h.shares)).collect(),
            options: vec![],
            pool: 0,
            promised_options: 0,
        };
        let cheques: Vec<(&str, u128)> =
            scenario_round.investments.iter().map(|i| (i.holder.as_str(), i.amount.unsigned().unwrap())).collect();
        let mut engine_round = round(1, &cheques);
        engine_round.valuation = match scenario_round.valuation.unwrap() {
            fortress_core::Valuation::PreMoney(d) => Valuation::PreMoney(d.unsigned().unwrap()),
            fortress_core::Valuation::PostMoney(d) => Valuation::PostMoney(d.unsigned().unwrap()),
        };
        let result = solve_round(&table, &engine_round).unwrap();
        let price = after.price_per_share.unwrap();
        assert_eq!(result.price, r(price.dollars, price.shares), "{}", scenario.title);
        for cheque in &result.cheques {
            let was = before.holders.iter().find(|h| h.id == cheque.holder).map_or(0, |h| h.shares);
            let now = after.holders.iter().find(|h| h.id == cheque.holder).unwrap().shares;
            assert_eq!(cheque.shares, now - was, "{}: {}", scenario.title, cheque.holder);
        }
        assert_eq!(result.fully_diluted_after, after.total_shares, "{}", scenario.title);
    }
}
