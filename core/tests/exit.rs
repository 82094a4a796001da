//! The exit of a scenario (`fortress_core::exit`, through `evaluate`):
//! hand-worked cases whose arithmetic is in the comment above each, the
//! validation of class terms and exits, and properties on random scenarios
//! with random terms.
//!
//! Every scenario's starting table is 10^12 shares for 100%
//! (`captable::SHARES_PER_MICRO`), so a round at a pre-money of $P over `N`
//! shares prices a share at `P / N` dollars, and a cheque of `M` dollars buys
//! `floor(M x N / P)` shares. Money is whole dollars, prices exact ratios.

#![cfg(feature = "full")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_core::engine::{Choice, Ratio};
use fortress_core::exit::{ExitClass, ExitOutcome};
use fortress_core::{
    evaluate, validate, AntiDilutionKind, ClassTerms, Dollars, ErrorKind, Exit, ExitPool, Holder, Investment, Multiple,
    ParticipationKind, Percent, Pool, PoolBasis, Round, Scenario, ScenarioError, Secondary, Valuation,
};
use fortress_testkit::{bare, scenario};
use proptest::prelude::*;

const TRILLION: u128 = 1_000_000_000_000;

fn r(num: u128, den: u128) -> Ratio {
    Ratio::new(num, den).unwrap()
}

fn x(micros: i64) -> Multiple {
    Multiple::from_micros(micros)
}

fn holder(id: &str, name: &str, percent: i64) -> Holder {
    Holder { id: id.into(), name: name.into(), percent: Percent::from_micros(percent * 1_000_000), group: false }
}

fn cheque(id: &str, name: Option<&str>, dollars: i64) -> Investment {
    Investment { holder: id.into(), name: name.map(Into::into), amount: Dollars(dollars), tranches: vec![] }
}

/// A round at a pre-money valuation of `pre` dollars.
fn priced(name: &str, pre: i64, investments: Vec<Investment>, terms: Option<ClassTerms>) -> Round {
    Round {
        name: name.into(),
        date: None,
        valuation: Some(Valuation::PreMoney(Dollars(pre))),
        investments,
        pool: None,
        secondaries: vec![],
        terms,
    }
}

fn terms(
    preference: i64,
    participation: ParticipationKind,
    cap: Option<i64>,
    seniority: Option<u32>,
    anti_dilution: AntiDilutionKind,
) -> ClassTerms {
    ClassTerms { preference: x(preference), participation, cap: cap.map(x), seniority, anti_dilution }
}

/// 1x non-participating, the round's place in the stack, no anti-dilution.
fn one_x() -> ClassTerms {
    terms(1_000_000, ParticipationKind::None, None, None, AntiDilutionKind::None)
}

fn with_exit(mut s: Scenario, value: i64, pool: ExitPool) -> Scenario {
    s.exit = Some(Exit { value: Dollars(value), pool });
    s
}

fn exit_of(s: &Scenario) -> ExitOutcome {
    let outcome = evaluate(s).unwrap_or_else(|e| panic!("{e}"));
    outcome.exit.expect("an exit outcome")
}

fn class<'a>(exit: &'a ExitOutcome, id: &str) -> &'a ExitClass {
    exit.classes.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no class {id}"))
}

fn paid(exit: &ExitOutcome, holder: &str) -> u128 {
    exit.holders.iter().find(|h| h.id == holder).unwrap_or_else(|| panic!("no holder {holder}")).amount
}

fn holdings(exit: &ExitOutcome, holder: &str) -> Vec<(String, u128)> {
    exit.holders.iter().find(|h| h.id == holder).unwrap_or_else(|| panic!("no holder {holder}")).holdings.clone()
}

fn held(pairs: &[(&str, u128)]) -> Vec<(String, u128)> {
    pairs.iter().map(|&(name, shares)| (name.to_owned(), shares)).collect()
}

/// The holders' amounts and the classes' amounts each add up to the exit, exactly.
fn assert_adds_up(exit: &ExitOutcome) {
    let holders: u128 = exit.holders.iter().map(|h| h.amount).sum();
    let classes: u128 = exit.classes.iter().map(|c| c.amount).sum();
    assert_eq!(holders, exit.value, "the holders' amounts");
    assert_eq!(classes, exit.value, "the classes' amounts");
}

// ---------------------------------------------------------------------------
// a. A senior class takes its preference while a junior one converts.
//
// Founders hold 100%: 10^12 common shares. Series A: $5M at $10M pre, so
// $10M / 10^12 = $0.00001 a share and 5 x 10^11 shares (preference $5M, rank
// 1). Series B: $20M at $30M pre over 1.5 x 10^12 shares, $0.00002 a share,
// 10^12 shares (preference $20M, rank 2: the later round is senior). Both 1x
// non-participating. 2.5 x 10^12 shares in all; preferences $25M.
//
// A converts when common's value per share is above its threshold, $5M / 5 x
// 10^11 = $0.00001; B above $20M / 10^12 = $0.00002 (the engine's module
// comment: classes taken in order of threshold).
//
// - $20M: only B's preference is covered (B is senior): B $20M, A $0, common
//   $0. A converting would leave nothing to share: it would pay $0.
// - $22M: B $20M, A the $2M left of its $5M; A converting would share those
//   $2M with common: 2M x 5/15 = $666,666.67.
// - $30M: B $20M, A $5M, and $5M left for 10^12 common shares: $0.000005 a
//   share, below A's threshold, so nobody converts; common $5M.
// - $50M: nobody converting leaves $25M / 10^12 = $0.000025 a share, above
//   A's threshold, so A converts: ($50M - $20M) / 1.5 x 10^12 = $0.00002 a
//   share, exactly B's threshold: B is indifferent (converting would pay
//   $50M x 10^12 / 2.5 x 10^12 = $20M, its preference) and keeps its
//   preference (the engine's tie rule). B $20M, A $10M, common $20M.
// - $200M: A converts ($175M / 10^12 above $0.00001), then ($180M) / 1.5 x
//   10^12 = $0.00012 is above B's $0.00002, so B converts too: $200M / 2.5 x
//   10^12 = $0.00008 a share. Common $80M, A $40M, B $80M.
//
// exit | common | A | B | A's choice | B's choice | value per share
type Senior = (i64, u128, u128, u128, Choice, Choice, (u128, u128));
#[rustfmt::skip]
const SENIOR: &[Senior] = &[
    (20_000_000, 0, 0, 20_000_000, Choice::TakesPreference, Choice::TakesPreference, (0, 1)),
    (22_000_000, 0, 2_000_000, 20_000_000, Choice::TakesPreference, Choice::TakesPreference, (0, 1)),
    (30_000_000, 5_000_000, 5_000_000, 20_000_000, Choice::TakesPreference, Choice::TakesPreference, (1, 200_000)),
    (50_000_000, 20_000_000, 10_000_000, 20_000_000, Choice::Converts, Choice::TakesPreference, (1, 50_000)),
    (200_000_000, 80_000_000, 40_000_000, 80_000_000, Choice::Converts, Choice::Converts, (1, 12_500)),
];

fn two_series() -> Scenario {
    bare(
        vec![holder("founders", "Founders", 100)],
        vec![
            priced("Series A", 10_000_000, vec![cheque("fund-a", Some("Fund A"), 5_000_000)], Some(one_x())),
            priced("Series B", 30_000_000, vec![cheque("fund-b", Some("Fund B"), 20_000_000)], Some(one_x())),
        ],
        None,
    )
}

#[test]
fn a_senior_class_takes_its_preference_while_a_junior_converts() {
    for &(value, common, a, b, a_choice, b_choice, (num, den)) in SENIOR {
        let exit = exit_of(&with_exit(two_series(), value, ExitPool::Common));
        let ids: Vec<&str> = exit.classes.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["common", "series-a", "series-b"]);
        let amounts: Vec<u128> = exit.classes.iter().map(|c| c.amount).collect();
        assert_eq!(amounts, [common, a, b], "exit {value}");
        assert_eq!(class(&exit, "common").choice, Choice::Common, "exit {value}");
        assert_eq!(class(&exit, "series-a").choice, a_choice, "exit {value}");
        assert_eq!(class(&exit, "series-b").choice, b_choice, "exit {value}");
        assert_eq!((paid(&exit, "founders"), paid(&exit, "fund-a"), paid(&exit, "fund-b")), (common, a, b));
        assert_eq!(exit.per_share, r(num, den), "exit {value}");
        assert_eq!((exit.value, exit.asked, exit.preferences), (value as u128, true, 25_000_000));
        assert_adds_up(&exit);
    }
    let exit = exit_of(&with_exit(two_series(), 50_000_000, ExitPool::Common));
    let b = class(&exit, "series-b");
    assert_eq!(b.reason, "takes its $20,000,000 preference: converting would pay $20,000,000");
    assert_eq!(b.choice_label, "takes its preference");
    assert_eq!(
        (b.name.as_str(), b.terms.as_str()),
        ("Series B preferred", "1x non-participating, rank 2, no anti-dilution")
    );
    let a = class(&exit, "series-a");
    assert_eq!(a.terms, "1x non-participating, rank 1, no anti-dilution");
    assert_eq!((a.shares, a.issue_price, a.conversion_ratio), (TRILLION / 2, r(1, 100_000), Ratio::ONE));
    assert_eq!((b.shares, b.issue_price), (TRILLION, r(1, 50_000)));
    assert_eq!(class(&exit, "common").shares, TRILLION);
    assert!(exit.adjustments.is_empty() && exit.common_rounds.is_empty());
    let exit = exit_of(&with_exit(two_series(), 22_000_000, ExitPool::Common));
    assert_eq!(
        class(&exit, "series-a").reason,
        "takes $2,000,000 of its $5,000,000 preference, all the exit leaves it: converting would pay $666,666"
    );
    // Each holder holds one class.
    let exit = exit_of(&with_exit(two_series(), 200_000_000, ExitPool::Common));
    assert_eq!(holdings(&exit, "founders"), held(&[("Common", TRILLION)]));
    assert_eq!(holdings(&exit, "fund-a"), held(&[("Series A preferred", TRILLION / 2)]));
    assert_eq!(holdings(&exit, "fund-b"), held(&[("Series B preferred", TRILLION)]));
}

// ---------------------------------------------------------------------------
// b. Capped participation through a round: engine_cases.rs's
// `capped_participation` (8M common, Series A 2M shares at $5 = $10M, 1x
// participating capped at 3x), scaled to a scenario. Founders 10^12 shares;
// Series A $10M at $40M pre: $0.00004 a share, 2.5 x 10^11 shares, 20% of
// 1.25 x 10^12 as in the engine's case. So the same figures:
// - $5M: all of it to A's $10M preference, nothing left.
// - $30M: $10M preference, then $20M over 1.25 x 10^12 shares = $0.000016 a
//   share: A 2.5 x 10^11 x that = $4M more, $14M; common $16M.
// - $120M: $10M + 20% x $110M = $32M would pass the 3x cap, $30M: A stops at
//   $30M, common $90M; converting would pay 20% x $120M = $24M.
// - $150M: converting pays 20% x $150M = $30M, the cap: a tie, A keeps its
//   capped preference.
// - $200M: converting pays $40M, above the cap: A converts.
//
// exit | A | common | choice
#[rustfmt::skip]
const CAPPED: &[(i64, u128, u128, Choice)] = &[
    (5_000_000, 5_000_000, 0, Choice::Participates),
    (30_000_000, 14_000_000, 16_000_000, Choice::Participates),
    (120_000_000, 30_000_000, 90_000_000, Choice::CappedAt),
    (150_000_000, 30_000_000, 120_000_000, Choice::CappedAt),
    (200_000_000, 40_000_000, 160_000_000, Choice::Converts),
];

fn capped_series() -> Scenario {
    let capped = terms(1_000_000, ParticipationKind::Capped, Some(3_000_000), None, AntiDilutionKind::None);
    bare(
        vec![holder("founders", "Founders", 100)],
        vec![priced("Series A", 40_000_000, vec![cheque("fund-a", Some("Fund A"), 10_000_000)], Some(capped))],
        None,
    )
}

#[test]
fn capped_participation_through_a_round() {
    for &(value, a, common, choice) in CAPPED {
        let exit = exit_of(&with_exit(capped_series(), value, ExitPool::Common));
        let series_a = class(&exit, "series-a");
        assert_eq!((series_a.amount, class(&exit, "common").amount), (a, common), "exit {value}");
        assert_eq!(series_a.choice, choice, "exit {value}");
        assert_eq!((paid(&exit, "fund-a"), paid(&exit, "founders")), (a, common), "exit {value}");
        assert_eq!(series_a.shares, TRILLION / 4);
        assert_eq!(exit.preferences, 10_000_000);
        assert_adds_up(&exit);
    }
    let exit = exit_of(&with_exit(capped_series(), 120_000_000, ExitPool::Common));
    let series_a = class(&exit, "series-a");
    assert_eq!(
        series_a.reason,
        "takes its $10,000,000 preference and participates up to its $30,000,000 cap: converting would pay $24,000,000"
    );
    assert_eq!(series_a.terms, "1x participating to a 3x cap, rank 1, no anti-dilution");
    assert_eq!(series_a.choice_label, "preference, participation to its cap");
}

// ---------------------------------------------------------------------------
// c. A down round lowers a protected class's conversion price.
//
// Founders 10^12 shares. Series A: $10M at $10M pre, $0.00001 a share
// (CP1 = 1/100,000), 10^12 shares, 1x non-participating with the protection
// under test. Series B, the down round: a 10% option pool sized pre-money,
// then $4M at $10M pre.
//
// The pool top-up comes first: 10% of the company before the new money, so
// ceil(0.1 x 2 x 10^12 / 0.9) = ceil(222,222,222,222.2) = 222,222,222,223
// shares, and 2,222,222,222,223 shares before the new money. The round's
// price is $10M / 2,222,222,222,223 (about $0.0000045, below CP1), and $4M
// buys floor(4M x 2,222,222,222,223 / 10M) = floor(888,888,888,889.2)
// = 888,888,888,889 shares.
//
// Broad-based weighted average (NVCA): CP2 = CP1 x (A + B) / (A + C), with
//   A = 2,222,222,222,223 (every share just before the new money, the top-up included),
//   B = $4M / CP1 = 400,000,000,000,
//   C = 888,888,888,889 (the shares the money bought),
// so CP2 = (1 / 100,000) x 2,622,222,222,223 / 3,111,111,111,112, and
// Series A's conversion ratio CP1 / CP2 = 3,111,111,111,112 / 2,622,222,222,223.
// Full ratchet: CP2 = the round's price, $10M / 2,222,222,222,223, and the
// ratio 2,222,222,222,223 / 10^12.
const POOL_TOP_UP: u128 = 222_222_222_223;
const BEFORE_MONEY: u128 = 2 * TRILLION + POOL_TOP_UP;
const DOWN_SHARES: u128 = 888_888_888_889;

fn down_round(protection: AntiDilutionKind, b_terms: Option<ClassTerms>) -> Scenario {
    let a_terms = terms(1_000_000, ParticipationKind::None, None, None, protection);
    let mut b = priced("Series B", 10_000_000, vec![cheque("fund-b", Some("Fund B"), 4_000_000)], b_terms);
    b.pool =
        Some(Pool { holder: None, name: None, percent: Percent::from_micros(10_000_000), sized: PoolBasis::PreMoney });
    bare(
        vec![holder("founders", "Founders", 100)],
        vec![priced("Series A", 10_000_000, vec![cheque("fund-a", Some("Fund A"), 10_000_000)], Some(a_terms)), b],
        None,
    )
}

#[test]
fn the_pool_top_up_and_the_down_round_shares_are_as_worked() {
    let outcome = evaluate(&down_round(AntiDilutionKind::None, None)).unwrap();
    let after = outcome.last_stage().unwrap();
    assert_eq!(after.holder("option-pool").unwrap().shares, POOL_TOP_UP);
    assert_eq!(after.holder("fund-b").unwrap().shares, DOWN_SHARES);
    let price = after.price_per_share.unwrap();
    assert_eq!((price.dollars, price.shares), (10_000_000, BEFORE_MONEY));
}

#[test]
fn a_down_round_adjusts_by_broad_based_weighted_average() {
    let cp1 = r(1, 100_000);
    // CP2 = CP1 x (A + B) / (A + C), by hand in integers.
    let (a, c) = (BEFORE_MONEY, DOWN_SHARES);
    let b = 4_000_000 * 100_000; // $4M / CP1
    assert_eq!(b, 400_000_000_000);
    let cp2 = r(a + b, 100_000 * (a + c));
    assert_eq!(cp2, r(2_622_222_222_223, 311_111_111_111_200_000));
    for b_terms in [Some(one_x()), None] {
        let s = with_exit(down_round(AntiDilutionKind::BroadBased, b_terms), 1_000_000_000, ExitPool::Common);
        let exit = exit_of(&s);
        assert_eq!(exit.adjustments.len(), 1);
        let adjustment = &exit.adjustments[0];
        assert_eq!((adjustment.class.as_str(), adjustment.round.as_str()), ("Series A preferred", "Series B"));
        assert_eq!((adjustment.from, adjustment.to), (cp1, cp2));
        assert!(adjustment.reason.contains("by broad-based weighted average"), "{}", adjustment.reason);
        let series_a = class(&exit, "series-a");
        assert_eq!(series_a.conversion_ratio, r(a + c, a + b));
        assert_eq!(series_a.conversion_ratio, r(3_111_111_111_112, 2_622_222_222_223));
        assert_eq!((series_a.shares, series_a.issue_price), (TRILLION, cp1));
        assert_eq!(series_a.terms, "1x non-participating, rank 1, broad-based weighted average");
        // A round without terms sells common, and still adjusts the earlier class.
        let common_rounds: &[&str] = if b_terms.is_none() { &["Series B"] } else { &[] };
        assert_eq!(exit.common_rounds, common_rounds);
        // At $1B every class converts: A's 10^12 shares count as
        // floor(10^12 x 3,111,111,111,112 / 2,622,222,222,223) common shares, and
        // each share as converted is worth $1B / all of them.
        let a_converted = TRILLION * 3_111_111_111_112 / 2_622_222_222_223;
        let everyone = TRILLION + POOL_TOP_UP + a_converted + DOWN_SHARES;
        assert_eq!(exit.per_share, r(1_000_000_000, everyone));
        let exact = r(1_000_000_000 * a_converted, everyone);
        let fund_a = paid(&exit, "fund-a");
        assert!(fund_a == exact.floor() || fund_a == exact.floor() + 1, "{fund_a} for {exact}");
        assert_eq!(series_a.choice, Choice::Converts);
        assert_adds_up(&exit);
    }
}

#[test]
fn a_down_round_adjusts_by_full_ratchet() {
    let round_price = r(10_000_000, BEFORE_MONEY);
    for b_terms in [Some(one_x()), None] {
        let s = with_exit(down_round(AntiDilutionKind::FullRatchet, b_terms), 1_000_000_000, ExitPool::Common);
        let exit = exit_of(&s);
        assert_eq!(exit.adjustments.len(), 1);
        assert_eq!((exit.adjustments[0].from, exit.adjustments[0].to), (r(1, 100_000), round_price));
        assert!(exit.adjustments[0].reason.contains("by full ratchet"), "{}", exit.adjustments[0].reason);
        let series_a = class(&exit, "series-a");
        // CP1 / CP2 = (1 / 100,000) x 2,222,222,222,223 / 10,000,000.
        assert_eq!(series_a.conversion_ratio, r(BEFORE_MONEY, TRILLION));
        let everyone = TRILLION + POOL_TOP_UP + BEFORE_MONEY + DOWN_SHARES;
        assert_eq!(exit.per_share, r(1_000_000_000, everyone));
        assert_adds_up(&exit);
    }
}

#[test]
fn no_protection_or_an_up_round_adjusts_nothing() {
    let exit = exit_of(&with_exit(down_round(AntiDilutionKind::None, Some(one_x())), 1_000_000_000, ExitPool::Common));
    assert!(exit.adjustments.is_empty());
    assert_eq!(class(&exit, "series-a").conversion_ratio, Ratio::ONE);
    // An up round changes no protected price: Series B at $40M pre over 2 x 10^12 shares is
    // $0.00002 a share, above CP1.
    let mut s = down_round(AntiDilutionKind::FullRatchet, Some(one_x()));
    s.rounds[1].valuation = Some(Valuation::PreMoney(Dollars(40_000_000)));
    let exit = exit_of(&with_exit(s, 1_000_000_000, ExitPool::Common));
    assert!(exit.adjustments.is_empty());
    assert_eq!(class(&exit, "series-a").conversion_ratio, Ratio::ONE);
}

// ---------------------------------------------------------------------------
// d. A secondary after preferred rounds: the seller's common goes first, then
// its preferred, the most junior class first (of equal rank, the later
// round's class first), and the buyer holds the same classes.
//
// Founder 60% (6 x 10^11 shares), angel 40% (4 x 10^11). Series A: $10M at
// $10M pre, $0.00001 a share: angel and fund-a $5M each, 5 x 10^11 shares
// each. Series B: $10M at $40M pre over 2 x 10^12 shares, $0.00002 a share:
// angel $4M (2 x 10^11 shares), fund-b $6M (3 x 10^11). 2.5 x 10^12 shares.
// Then the angel sells 30% of the company to a buyer: 7.5 x 10^11 shares of
// its 4 x 10^11 common, 5 x 10^11 A and 2 x 10^11 B.
// - Default ranks (A 1, B 2, so A is junior): 4 x 10^11 common, then 3.5 x
//   10^11 A. The angel keeps 1.5 x 10^11 A and all its 2 x 10^11 B.
// - Equal ranks (both 5): 4 x 10^11 common, then B (the later round's) 2 x
//   10^11, then 1.5 x 10^11 A. The angel keeps 3.5 x 10^11 A.
fn with_a_sale(seniority: Option<u32>) -> Scenario {
    let class_terms = ClassTerms { seniority, ..one_x() };
    let a = priced(
        "Series A",
        10_000_000,
        vec![cheque("angel", None, 5_000_000), cheque("fund-a", Some("Fund A"), 5_000_000)],
        Some(class_terms),
    );
    let b = priced(
        "Series B",
        40_000_000,
        vec![cheque("angel", None, 4_000_000), cheque("fund-b", Some("Fund B"), 6_000_000)],
        Some(class_terms),
    );
    let sale = Round {
        name: "Tender".into(),
        date: None,
        valuation: None,
        investments: vec![],
        pool: None,
        secondaries: vec![Secondary {
            seller: "angel".into(),
            buyer: "buyer".into(),
            name: Some("Buyer".into()),
            percent: Some(Percent::from_micros(30_000_000)),
            amount: None,
        }],
        terms: None,
    };
    bare(vec![holder("founder", "Founder", 60), holder("angel", "Angel", 40)], vec![a, b, sale], None)
}

#[test]
fn a_secondary_sells_common_first_then_the_most_junior_class() {
    const T: u128 = TRILLION / 10; // 10^11 shares
    let exit = exit_of(&with_exit(with_a_sale(None), 100_000_000, ExitPool::Common));
    assert_eq!(holdings(&exit, "angel"), held(&[("Series A preferred", 15 * T / 10), ("Series B preferred", 2 * T)]));
    assert_eq!(holdings(&exit, "buyer"), held(&[("Common", 4 * T), ("Series A preferred", 35 * T / 10)]));
    assert_eq!(holdings(&exit, "founder"), held(&[("Common", 6 * T)]));
    assert_eq!(holdings(&exit, "fund-a"), held(&[("Series A preferred", 5 * T)]));
    assert_eq!(holdings(&exit, "fund-b"), held(&[("Series B preferred", 3 * T)]));
    // The sale moves shares between holders; the classes keep theirs.
    let shares: Vec<u128> = exit.classes.iter().map(|c| c.shares).collect();
    assert_eq!(shares, [10 * T, 10 * T, 5 * T]);
    let ids: Vec<&str> = exit.holders.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["founder", "angel", "fund-a", "fund-b", "buyer"]);
    assert_adds_up(&exit);

    let exit = exit_of(&with_exit(with_a_sale(Some(5)), 100_000_000, ExitPool::Common));
    assert_eq!(holdings(&exit, "angel"), held(&[("Series A preferred", 35 * T / 10)]));
    assert_eq!(
        holdings(&exit, "buyer"),
        held(&[("Common", 4 * T), ("Series A preferred", 15 * T / 10), ("Series B preferred", 2 * T)])
    );
    assert_eq!(class(&exit, "series-b").terms, "1x non-participating, rank 5, no anti-dilution");
    assert_adds_up(&exit);
}

// A buyer of preferred shares is paid as the class is. At $20M, below the
// preferences (A $10M, 10^12 shares at $0.00001; B $10M, 5 x 10^11 at
// $0.00002): B (senior) takes $10M, A $10M, common nothing. With default
// ranks the buyer holds 3.5 x 10^11 of A's 10^12 shares: 35% of $10M, $3.5M;
// the angel 15% of A ($1.5M) and 40% of B ($4M).
#[test]
fn a_buyer_of_preferred_is_paid_as_its_class() {
    let exit = exit_of(&with_exit(with_a_sale(None), 20_000_000, ExitPool::Common));
    assert_eq!(exit.preferences, 20_000_000);
    assert_eq!(paid(&exit, "buyer"), 3_500_000);
    assert_eq!(paid(&exit, "angel"), 5_500_000);
    assert_eq!(paid(&exit, "founder"), 0);
    assert_eq!((paid(&exit, "fund-a"), paid(&exit, "fund-b")), (5_000_000, 6_000_000));
    assert_adds_up(&exit);
}

// ---------------------------------------------------------------------------
// e. The option pool at the exit: common, or unissued.
//
// Founders 10^12 shares. Series A tops up a 20% pool sized pre-money:
// ceil(0.2 x 10^12 / 0.8) = 2.5 x 10^11 shares, then $5M at $12.5M pre over
// 1.25 x 10^12 shares: $0.00001 a share, 5 x 10^11 shares, preference $5M.
// A $35M exit:
// - pool common: nobody converting leaves $30M / 1.25 x 10^12 = $0.000024 a
//   share, above A's $0.00001, so A converts: $35M / 1.75 x 10^12 = $0.00002:
//   founders $20M, the pool $5M, A $10M.
// - pool unissued: 1.5 x 10^12 shares, A converts ($30M / 10^12 is above its
//   threshold): $35M / 1.5 x 10^12 a share: founders $23,333,333.33, A
//   $11,666,666.67; the dollar left by rounding down goes to the larger
//   remainder, A's: $23,333,333 and $11,666,667. The pool gets nothing.
fn with_a_pool(pool: ExitPool) -> Scenario {
    let mut a = priced("Series A", 12_500_000, vec![cheque("fund-a", Some("Fund A"), 5_000_000)], Some(one_x()));
    a.pool =
        Some(Pool { holder: None, name: None, percent: Percent::from_micros(20_000_000), sized: PoolBasis::PreMoney });
    with_exit(bare(vec![holder("founders", "Founders", 100)], vec![a], None), 35_000_000, pool)
}

#[test]
fn an_unissued_pool_gets_nothing() {
    let exit = exit_of(&with_a_pool(ExitPool::Common));
    assert_eq!(exit.pool, ExitPool::Common);
    let ids: Vec<&str> = exit.holders.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["founders", "option-pool", "fund-a"]);
    assert_eq!(
        (paid(&exit, "founders"), paid(&exit, "option-pool"), paid(&exit, "fund-a")),
        (20_000_000, 5_000_000, 10_000_000)
    );
    assert!(exit.holders[1].group);
    assert_eq!(class(&exit, "common").shares, TRILLION + TRILLION / 4);
    assert_eq!(exit.per_share, r(1, 50_000));
    assert_adds_up(&exit);

    let exit = exit_of(&with_a_pool(ExitPool::Unissued));
    assert_eq!(exit.pool, ExitPool::Unissued);
    let ids: Vec<&str> = exit.holders.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["founders", "fund-a"]);
    assert_eq!((paid(&exit, "founders"), paid(&exit, "fund-a")), (23_333_333, 11_666_667));
    assert_eq!(class(&exit, "common").shares, TRILLION);
    assert_eq!(class(&exit, "series-a").choice, Choice::Converts);
    assert_eq!(exit.per_share, r(35_000_000, 3 * TRILLION / 2));
    assert_adds_up(&exit);
}

// ---------------------------------------------------------------------------
// f. When there is an exit outcome at all.
#[test]
fn an_exit_is_shown_only_when_asked_or_when_a_round_gives_terms() {
    let mut plain = two_series();
    for round in &mut plain.rounds {
        round.terms = None;
    }
    assert_eq!(evaluate(&plain).unwrap().exit, None);
    assert_eq!(evaluate(&fortress_core::presets::feb_2026_pre_money()).unwrap().exit, None);

    // Terms but no exit: the last post-money ($50M: $30M pre + $20M) is shared out.
    let outcome = evaluate(&two_series()).unwrap();
    let post = outcome.last_stage().unwrap().post_money.unwrap();
    assert_eq!(post, 50_000_000);
    let exit = outcome.exit.unwrap();
    assert_eq!((exit.value, exit.asked, exit.pool), (post, false, ExitPool::Common));
    assert_eq!(exit.classes.iter().map(|c| c.amount).collect::<Vec<_>>(), [20_000_000, 10_000_000, 20_000_000]);
    assert_adds_up(&exit);

    // An exit but no terms: every share is common, and the rounds that sold them are named.
    let exit = exit_of(&with_exit(plain, 10_000_001, ExitPool::Common));
    assert!(exit.asked);
    assert_eq!(exit.classes.len(), 1);
    assert_eq!(exit.common_rounds, ["Series A", "Series B"]);
    assert_eq!(exit.preferences, 0);
    // 10^12 + 5 x 10^11 + 10^12 shares: 40%, 20%, 40% of $10,000,001; the odd dollar to the first.
    assert_eq!(
        (paid(&exit, "founders"), paid(&exit, "fund-a"), paid(&exit, "fund-b")),
        (4_000_001, 2_000_000, 4_000_000)
    );
    assert_adds_up(&exit);

    // Terms, no exit, and a last round without a valuation (a sale between holders):
    // no valuation to share out, so no exit outcome (`exit::evaluate_exit`'s comment).
    let outcome = evaluate(&valid()).unwrap();
    assert_eq!(outcome.last_stage().unwrap().post_money, None);
    assert_eq!(outcome.exit, None);

    // A zero exit pays nobody.
    let exit = exit_of(&with_exit(two_series(), 0, ExitPool::Common));
    assert!(exit.holders.iter().all(|h| h.amount == 0));
}

// ---------------------------------------------------------------------------
// g. Validation: each new kind of error, with its field.

/// A valid scenario with terms on its first round, and a secondary-only second round.
fn valid() -> Scenario {
    let mut s = two_series();
    s.rounds.push(Round {
        name: "Tender".into(),
        date: None,
        valuation: None,
        investments: vec![],
        pool: None,
        secondaries: vec![Secondary {
            seller: "founders".into(),
            buyer: "fund-b".into(),
            name: None,
            percent: Some(Percent::from_micros(1_000_000)),
            amount: None,
        }],
        terms: None,
    });
    s
}

fn error_of(edit: impl FnOnce(&mut Scenario)) -> ScenarioError {
    let mut s = valid();
    edit(&mut s);
    let error = validate(&s).unwrap_err();
    // `evaluate` validates first, and says the same.
    assert_eq!(evaluate(&s).unwrap_err(), error);
    error
}

#[test]
fn class_terms_and_exits_are_validated_field_by_field() {
    assert_eq!(validate(&valid()), Ok(()));
    let cases: Vec<(ScenarioError, &str, ErrorKind, &str)> = vec![
        (
            error_of(|s| s.rounds[0].terms = Some(ClassTerms { preference: x(-1_000_000), ..one_x() })),
            "rounds[0].terms.preference",
            ErrorKind::MultipleOutOfRange(x(-1_000_000)),
            "rounds[0].terms.preference: must be a multiple from 0 to 100, not -1x",
        ),
        (
            error_of(|s| s.rounds[1].terms = Some(ClassTerms { preference: x(100_000_001), ..one_x() })),
            "rounds[1].terms.preference",
            ErrorKind::MultipleOutOfRange(x(100_000_001)),
            "rounds[1].terms.preference: must be a multiple from 0 to 100, not 100.000001x",
        ),
        (
            error_of(|s| {
                s.rounds[0].terms =
                    Some(terms(1_000_000, ParticipationKind::Full, Some(3_000_000), None, AntiDilutionKind::None));
            }),
            "rounds[0].terms.cap",
            ErrorKind::CapMismatch,
            "rounds[0].terms.cap: give a cap exactly when participation is \"capped\"",
        ),
        (
            error_of(|s| s.rounds[0].terms = Some(ClassTerms { cap: Some(x(2_000_000)), ..one_x() })),
            "rounds[0].terms.cap",
            ErrorKind::CapMismatch,
            "rounds[0].terms.cap: give a cap exactly when participation is \"capped\"",
        ),
        (
            error_of(|s| s.rounds[1].terms = Some(ClassTerms { participation: ParticipationKind::Capped, ..one_x() })),
            "rounds[1].terms.cap",
            ErrorKind::CapMismatch,
            "rounds[1].terms.cap: give a cap exactly when participation is \"capped\"",
        ),
        (
            error_of(|s| {
                s.rounds[0].terms =
                    Some(terms(2_000_000, ParticipationKind::Capped, Some(1_500_000), None, AntiDilutionKind::None));
            }),
            "rounds[0].terms.cap",
            ErrorKind::CapBelowPreference,
            "rounds[0].terms.cap: the cap must not be below the preference",
        ),
        (
            error_of(|s| {
                s.rounds[0].terms =
                    Some(terms(1_000_000, ParticipationKind::Capped, Some(100_500_000), None, AntiDilutionKind::None));
            }),
            "rounds[0].terms.cap",
            ErrorKind::MultipleOutOfRange(x(100_500_000)),
            "rounds[0].terms.cap: must be a multiple from 0 to 100, not 100.5x",
        ),
        (
            error_of(|s| s.rounds[2].terms = Some(one_x())),
            "rounds[2].terms",
            ErrorKind::TermsWithoutShares,
            "rounds[2].terms: class terms need a round that sells shares: a valuation and at least one investment",
        ),
        (
            // A valuation and a pool top-up, but no investment: no shares are sold.
            error_of(|s| {
                let round = &mut s.rounds[2];
                round.secondaries.clear();
                round.valuation = Some(Valuation::PreMoney(Dollars(100_000_000)));
                round.pool = Some(Pool {
                    holder: None,
                    name: None,
                    percent: Percent::from_micros(10_000_000),
                    sized: PoolBasis::PreMoney,
                });
                round.terms = Some(one_x());
            }),
            "rounds[2].terms",
            ErrorKind::TermsWithoutShares,
            "rounds[2].terms: class terms need a round",
        ),
        (
            error_of(|s| s.exit = Some(Exit { value: Dollars(-1), pool: ExitPool::Common })),
            "exit.value",
            ErrorKind::Negative(Dollars(-1)),
            "exit.value: must not be negative, not -1",
        ),
        (
            error_of(|s| s.exit = Some(Exit { value: Dollars(Dollars::MAX.0 + 1), pool: ExitPool::Unissued })),
            "exit.value",
            ErrorKind::TooLarge(Dollars(Dollars::MAX.0 + 1)),
            "exit.value: 1000000000000001 is more than the largest accepted",
        ),
    ];
    for (error, field, kind, message) in cases {
        assert_eq!(error.field, field, "{error}");
        assert_eq!(error.kind, kind, "{error}");
        assert!(error.to_string().starts_with(message), "got: {error}\nwant: {message}");
    }
}

/// A change to a scenario.
type Edit = Box<dyn Fn(&mut Scenario)>;

#[test]
fn the_bounds_themselves_are_valid() {
    let edits: Vec<Edit> = vec![
        Box::new(|s| s.rounds[0].terms = Some(ClassTerms { preference: x(0), ..one_x() })),
        Box::new(|s| s.rounds[0].terms = Some(ClassTerms { preference: x(100_000_000), ..one_x() })),
        Box::new(|s| {
            s.rounds[0].terms =
                Some(terms(2_000_000, ParticipationKind::Capped, Some(2_000_000), Some(0), AntiDilutionKind::None));
        }),
        Box::new(|s| {
            s.rounds[0].terms = Some(terms(
                100_000_000,
                ParticipationKind::Capped,
                Some(100_000_000),
                Some(u32::MAX),
                AntiDilutionKind::FullRatchet,
            ));
        }),
        Box::new(|s| s.exit = Some(Exit { value: Dollars(0), pool: ExitPool::Common })),
        Box::new(|s| s.exit = Some(Exit { value: Dollars::MAX, pool: ExitPool::Unissued })),
    ];
    for edit in edits {
        let mut s = two_series();
        edit(&mut s);
        assert_eq!(validate(&s), Ok(()), "{:?} / {:?}", s.rounds[0].terms, s.exit);
        let exit = exit_of(&s);
        assert_adds_up(&exit);
    }
}

/// The scenario format's text, as JSON, with `terms` on the first round and `exit` as given.
fn json_with(terms: &str, exit: &str) -> String {
    format!(
        r#"{{"version": 1, "holders": [{{"id": "founders", "name": "Founders", "percent": 100}}],
            "rounds": [{{"name": "Series A", "valuation": {{"pre_money": 10000000}},
                         "investments": [{{"holder": "fund-a", "name": "Fund A", "amount": 5000000}}],
                         "terms": {terms}}}]{exit}}}"#
    )
}

fn json_error(terms: &str, exit: &str) -> String {
    match serde_json::from_str::<Scenario>(&json_with(terms, exit)) {
        Ok(s) => validate(&s).unwrap_err().to_string(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn terms_and_exits_read_from_json() {
    let s: Scenario = serde_json::from_str(&json_with(
        r#"{"preference": 1.5, "participation": "capped", "cap": 3, "seniority": 4, "anti_dilution": "broad_based"}"#,
        r#", "exit": {"value": 50000000, "pool": "unissued"}"#,
    ))
    .unwrap();
    assert_eq!(
        s.rounds[0].terms,
        Some(terms(1_500_000, ParticipationKind::Capped, Some(3_000_000), Some(4), AntiDilutionKind::BroadBased))
    );
    assert_eq!(s.exit, Some(Exit { value: Dollars(50_000_000), pool: ExitPool::Unissued }));
    assert_eq!(validate(&s), Ok(()));
    // The defaults: non-participating, no cap, the round's place, no anti-dilution, the pool as common.
    let s: Scenario = serde_json::from_str(&json_with(r#"{"preference": 1}"#, r#", "exit": {"value": 1}"#)).unwrap();
    assert_eq!(s.rounds[0].terms, Some(one_x()));
    assert_eq!(s.exit, Some(Exit { value: Dollars(1), pool: ExitPool::Common }));
    // Written back, the multiples are numbers and the defaults are left out.
    let text = serde_json::to_string(&s).unwrap();
    assert!(text.contains(r#""terms":{"preference":1}"#), "{text}");
    assert!(text.contains(r#""exit":{"value":1}"#), "{text}");

    for (terms, exit, want) in [
        (r#"{"preference": -1}"#, "", "rounds[0].terms.preference: must be a multiple from 0 to 100, not -1x"),
        (r#"{"preference": 2, "cap": 3}"#, "", "rounds[0].terms.cap: give a cap exactly when participation"),
        (r#"{"preference": 2, "participation": "capped"}"#, "", "rounds[0].terms.cap: give a cap exactly"),
        (
            r#"{"preference": 2, "participation": "capped", "cap": 1.5}"#,
            "",
            "rounds[0].terms.cap: the cap must not be below",
        ),
        (r#"{"preference": 1}"#, r#", "exit": {"value": -5}"#, "exit.value: must not be negative, not -5"),
        // serde_json alone does not say where; fortress_format::parse_scenario does (format/tests/exit_links.rs).
        (r#"{"preference": "1"}"#, "", "invalid type: string \"1\", expected a multiple as a number, such as 1 or 1.5"),
        (r#"{"preference": 1, "participation": "partly"}"#, "", "unknown variant `partly`"),
        (r#"{"preference": 1, "colour": 1}"#, "", "unknown field `colour`"),
    ] {
        let got = json_error(terms, exit);
        assert!(got.starts_with(want), "got: {got}\nwant: {want}");
    }
}

// ---------------------------------------------------------------------------
// h. Properties on random scenarios with random terms and a random exit.

/// Random class terms: a preference from 0x to 100x (most near 1x), any
/// participation (a cap from the preference to 3x above it), a rank or the
/// round's place, any anti-dilution.
fn class_terms() -> impl Strategy<Value = ClassTerms> {
    let preference = prop_oneof![3 => Just(1_000_000i64), 3 => 0..=3_000_000i64, 1 => 0..=100_000_000i64];
    let participation =
        prop_oneof![Just(ParticipationKind::None), Just(ParticipationKind::Full), Just(ParticipationKind::Capped)];
    let anti_dilution = prop_oneof![
        Just(AntiDilutionKind::None),
        Just(AntiDilutionKind::BroadBased),
        Just(AntiDilutionKind::FullRatchet)
    ];
    (preference, participation, 0..=3_000_000i64, prop::option::of(0u32..4), anti_dilution).prop_map(
        |(preference, participation, extra, seniority, anti_dilution)| {
            let cap = (participation == ParticipationKind::Capped).then(|| (preference + extra).min(100_000_000));
            terms(preference, participation, cap, seniority, anti_dilution)
        },
    )
}

/// An exit value from $0 to about $10^15: a mantissa and a power of ten.
fn exit_value() -> impl Strategy<Value = i64> {
    prop_oneof![1 => Just(0i64), 9 => (1..1_000i64, 0..13u32).prop_map(|(m, e)| m * 10i64.pow(e))]
}

fn exit_pool() -> impl Strategy<Value = ExitPool> {
    prop_oneof![Just(ExitPool::Common), Just(ExitPool::Unissued)]
}

/// A valid random scenario (`fortress_testkit::scenario`) with random terms on
/// some of the rounds that sell shares, and maybe an exit.
fn with_terms() -> impl Strategy<Value = Scenario> {
    let exit = prop::option::of((exit_value(), exit_pool()));
    (scenario(), prop::collection::vec(prop::option::of(class_terms()), 4), exit).prop_map(|(mut s, terms, exit)| {
        for (round, terms) in s.rounds.iter_mut().zip(terms) {
            if !round.investments.is_empty() && round.valuation.is_some() {
                round.terms = terms;
            }
        }
        s.exit = exit.map(|(value, pool)| Exit { value: Dollars(value), pool });
        s
    })
}

/// Class terms of tidy multiples, as term sheets write them: a preference of
/// 0.5x to 3x in halves, a cap 0x to 2x above it in halves.
fn tidy_terms() -> impl Strategy<Value = ClassTerms> {
    (class_terms(), 1..=6i64, 0..=4i64).prop_map(|(terms, halves, above)| ClassTerms {
        preference: x(halves * 500_000),
        cap: terms.cap.map(|_| x((halves + above) * 500_000)),
        ..terms
    })
}

/// A scenario of tidy figures, whose exact prices stay small enough for the
/// engine's 128-bit ratios however many classes it has: random starting
/// holders, one to four rounds at a pre-money of whole millions, each cheque
/// a whole percent of the pre-money (so it buys exactly that percent of the
/// shares before it, and every count stays a multiple of a power of ten), maybe
/// a sale of a whole percent by `h0`, and random terms on every round.
fn tidy_scenario() -> impl Strategy<Value = Scenario> {
    let round = (1..=1_000i64, prop::collection::vec(1..=30i64, 1..4), tidy_terms(), prop::option::of(1..=10i64));
    let exit = prop::option::of((exit_value(), exit_pool()));
    (fortress_testkit::holders(), prop::collection::vec(round, 1..5), exit).prop_map(|(holders, rounds, exit)| {
        let rounds = rounds
            .into_iter()
            .enumerate()
            .map(|(i, (millions, percents, terms, sale))| {
                let pre = millions * 1_000_000;
                let investments = (percents.iter().enumerate())
                    .map(|(k, p)| cheque(&format!("r{i}-{k}"), Some("Investor"), pre / 100 * p))
                    .collect();
                let mut round = priced(&format!("Round {i}"), pre, investments, Some(terms));
                round.secondaries = (sale.into_iter())
                    .map(|p| Secondary {
                        seller: "h0".into(),
                        buyer: format!("s{i}"),
                        name: Some("Buyer".into()),
                        percent: Some(Percent::from_micros(p * 1_000_000)),
                        amount: None,
                    })
                    .collect();
                round
            })
            .collect();
        let mut s = bare(holders, rounds, None);
        s.exit = exit.map(|(value, pool)| Exit { value: Dollars(value), pool });
        s
    })
}

/// Errors a valid random scenario may meet: a sale of more than the seller
/// holds or a pool no top-up reaches (as in properties.rs), or numbers too
/// large to compute exactly, named by field.
///
/// An overflow in the exit's exact arithmetic is `ErrorKind::Overflow` at
/// `exit`, never an engine path or an "internal check" (`ErrorKind::Exit`).
fn acceptable(error: &ScenarioError) -> bool {
    match &error.kind {
        ErrorKind::Oversold { .. } | ErrorKind::PoolUnreachable(_) => true,
        ErrorKind::Overflow => !error.field.is_empty(),
        _ => false,
    }
}

/// Errors a tidy scenario may meet: only a sale of more than the seller holds.
fn acceptable_when_tidy(error: &ScenarioError) -> bool {
    matches!(error.kind, ErrorKind::Oversold { .. })
}

/// The number after the last "would pay $" of a reason, commas dropped.
fn would_pay(reason: &str) -> Option<u128> {
    let (_, after) = reason.rsplit_once("would pay $")?;
    let digits: String = after.chars().take_while(|c| c.is_ascii_digit() || *c == ',').filter(|c| *c != ',').collect();
    digits.parse().ok()
}

/// How many holders hold some of the class named `name`.
fn holders_of(exit: &ExitOutcome, name: &str) -> u128 {
    exit.holders.iter().filter(|h| h.holdings.iter().any(|(class, _)| class == name)).count() as u128
}

/// Evaluates `s` and checks its exit: shared out exactly among holders and
/// among classes, each class's shares all held, no class that could do better
/// by choosing otherwise, the unissued pool paid nothing.
fn check_exit(s: &Scenario, acceptable: fn(&ScenarioError) -> bool) -> Result<(), TestCaseError> {
    validate(s).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let outcome = match evaluate(s) {
        Ok(outcome) => outcome,
        Err(error) => {
            prop_assert!(acceptable(&error), "{error}");
            return Ok(());
        }
    };
    let has_terms = s.rounds.iter().any(|r| r.terms.is_some());
    let post = outcome.last_stage().and_then(|stage| stage.post_money);
    let Some(exit) = outcome.exit else {
        // No exit to show: none asked, and no terms, or no valuation to share out.
        prop_assert!(s.exit.is_none() && (!has_terms || post.is_none()));
        return Ok(());
    };
    if let Some(error) = &exit.error {
        // Too large to share out exactly: said at the exit or the terms, the rest of the outcome kept.
        let overflow = ScenarioError::new(if s.exit.is_some() { "exit" } else { "rounds" }, ErrorKind::Overflow);
        prop_assert!(acceptable(&overflow), "{error}");
        prop_assert!(error.ends_with(": the numbers are too large to compute exactly"), "{error}");
        prop_assert!(exit.holders.is_empty());
        return Ok(());
    }
    match s.exit {
        Some(asked) => {
            prop_assert_eq!((exit.value, exit.asked, exit.pool), (asked.value.0 as u128, true, asked.pool));
        }
        None => {
            prop_assert!(!exit.asked);
            prop_assert_eq!(Some(exit.value), post);
        }
    }
    prop_assert_eq!(exit.holders.iter().map(|h| h.amount).sum::<u128>(), exit.value);
    prop_assert_eq!(exit.classes.iter().map(|c| c.amount).sum::<u128>(), exit.value);
    prop_assert_eq!(exit.classes.len(), 1 + s.rounds.iter().filter(|r| r.terms.is_some()).count());
    for class in &exit.classes {
        // Each holding is its exact amount rounded by less than a dollar, and the
        // engine checks each choice against the other exactly, so the other
        // choice's pay, in whole dollars as the reason gives it, is not above the
        // class's amount by more than a dollar a holding.
        if let Some(other) = would_pay(&class.reason) {
            let slack = holders_of(&exit, &class.name);
            prop_assert!(other <= class.amount + slack, "{}: {} for {}", class.name, class.reason, class.amount);
        }
        let held: u128 =
            exit.holders.iter().flat_map(|h| &h.holdings).filter(|(name, _)| *name == class.name).map(|(_, n)| n).sum();
        prop_assert_eq!(held, class.shares);
    }
    if exit.pool == ExitPool::Unissued {
        for pool in s.rounds.iter().filter_map(|round| round.pool.as_ref()) {
            prop_assert!(exit.holders.iter().all(|h| h.id != pool.holder_id()), "the unissued pool is paid");
        }
    }
    Ok(())
}

/// Evaluates `s` at exits of `low` and `low + more` and checks that nobody
/// gets less at the higher one: common's value per share exactly, whole
/// dollars but for the one dollar largest remainders may move (a dollar a
/// holding for a class).
fn check_monotone(
    s: &Scenario,
    low: i64,
    more: i64,
    pool: ExitPool,
    acceptable: fn(&ScenarioError) -> bool,
) -> Result<(), TestCaseError> {
    let high = low + more;
    let (low_outcome, high_outcome) =
        match (evaluate(&with_exit(s.clone(), low, pool)), evaluate(&with_exit(s.clone(), high, pool))) {
            (Ok(l), Ok(h)) => (l, h),
            (Err(e), _) | (_, Err(e)) => {
                prop_assert!(acceptable(&e), "{e}");
                return Ok(());
            }
        };
    let (low_exit, high_exit) = (low_outcome.exit.unwrap(), high_outcome.exit.unwrap());
    if let Some(error) = low_exit.error.as_ref().or(high_exit.error.as_ref()) {
        prop_assert!(acceptable(&ScenarioError::new("exit", ErrorKind::Overflow)), "{error}");
        return Ok(());
    }
    prop_assert!(
        high_exit.per_share >= low_exit.per_share,
        "{} at {low}, {} at {high}",
        low_exit.per_share,
        high_exit.per_share
    );
    prop_assert_eq!(low_exit.holders.len(), high_exit.holders.len());
    for (l, h) in low_exit.holders.iter().zip(&high_exit.holders) {
        prop_assert_eq!(&l.id, &h.id);
        prop_assert!(h.amount + 1 >= l.amount, "{} gets {} at {low} but {} at {high}", l.id, l.amount, h.amount);
    }
    for (l, h) in low_exit.classes.iter().zip(&high_exit.classes) {
        let slack = holders_of(&high_exit, &h.name);
        prop_assert!(h.amount + slack >= l.amount, "{} gets {} at {low} but {} at {high}", l.name, l.amount, h.amount);
    }
    Ok(())
}

fn more() -> impl Strategy<Value = i64> {
    prop_oneof![1i64..10, 0i64..100_000_000, 0i64..1_000_000_000_000]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random scenarios (`fortress_testkit::scenario`) with random terms.
    #[test]
    fn every_exit_adds_up_exactly(s in with_terms()) {
        check_exit(&s, acceptable)?;
    }

    #[test]
    fn a_higher_exit_never_pays_less(s in with_terms(), low in exit_value(), more in more(), pool in exit_pool()) {
        check_monotone(&s, low, more, pool, acceptable)?;
    }

    /// Tidy scenarios, up to four preferred classes: every exit computes.
    #[test]
    fn every_tidy_exit_computes_and_adds_up_exactly(s in tidy_scenario()) {
        check_exit(&s, acceptable_when_tidy)?;
    }

    #[test]
    fn a_higher_tidy_exit_never_pays_less(s in tidy_scenario(), low in exit_value(), more in more(), pool in exit_pool()) {
        check_monotone(&s, low, more, pool, acceptable_when_tidy)?;
    }
}

// Three preferred rounds with a pool top-up: prices with denominators near a
// scenario's 10^12 shares, which once overflowed 128 bits when the classes'
// preferences were added. Hand-worked at $300M: the preferences are the money
// put in ($8M, $55M, $100M). Series A converts: with C and B paid ($155M), the
// $145M left is shared by 1,136,363,636,364 common shares (10^12 starting, and
// the pool's ceil(0.12 x 10^12 / 0.88) = 136,363,636,364) and A's
// floor(0.2 x 1,136,363,636,364) = 227,272,727,272, one sixth of all: A
// $24,166,667 (rounded), against its $8M preference. B would get 55/240 x ...
// less by converting; C likewise. The founders' 88% of the starting shares is
// 0.88 / 1.1363... of common's $120,833,333: $93,573,333.
#[test]
fn three_preferred_rounds_with_a_pool_share_out_exactly() {
    let mut a = priced("Series A", 40_000_000, vec![cheque("fund-a", Some("Fund A"), 8_000_000)], Some(one_x()));
    a.pool =
        Some(Pool { holder: None, name: None, percent: Percent::from_micros(10_000_000), sized: PoolBasis::PostMoney });
    let s = with_exit(
        bare(
            vec![holder("founders", "Founders", 88), holder("seed", "Seed", 12)],
            vec![
                a,
                priced("Series B", 185_000_000, vec![cheque("fund-b", Some("Fund B"), 55_000_000)], Some(one_x())),
                priced("Series C", 600_000_000, vec![cheque("fund-c", Some("Fund C"), 100_000_000)], Some(one_x())),
            ],
            None,
        ),
        300_000_000,
        ExitPool::Common,
    );
    let exit = exit_of(&s);
    assert_adds_up(&exit);
    let amounts: Vec<u128> = exit.classes.iter().map(|c| c.amount).collect();
    assert_eq!(amounts, [120_833_333, 24_166_667, 55_000_000, 100_000_000]);
    let choices: Vec<Choice> = exit.classes.iter().map(|c| c.choice).collect();
    assert_eq!(choices, [Choice::Common, Choice::Converts, Choice::TakesPreference, Choice::TakesPreference]);
    assert_eq!(paid(&exit, "founders"), 93_573_333);
    assert_eq!(class(&exit, "series-c").reason, "takes its $100,000,000 preference: converting would pay $43,555,555");
    // Every exit from $50M to $2B computes.
    for value in (50..=2_000).step_by(50) {
        assert_adds_up(&exit_of(&with_exit(s.clone(), value * 1_000_000, ExitPool::Unissued)));
    }
}

// A round that issues no shares for money (a sale between holders, at a price
// below the class's) adjusts nothing: anti-dilution answers an issue of new
// shares below the conversion price (NVCA COI s. 4.4), and a secondary is none.
#[test]
fn a_round_that_issues_no_shares_adjusts_no_conversion_price() {
    let a_terms = terms(1_000_000, ParticipationKind::None, None, None, AntiDilutionKind::FullRatchet);
    let tender = Round {
        name: "Tender".into(),
        date: None,
        valuation: Some(Valuation::PreMoney(Dollars(5_000_000))),
        investments: vec![],
        pool: None,
        secondaries: vec![Secondary {
            seller: "founders".into(),
            buyer: "buyer".into(),
            name: Some("Buyer".into()),
            percent: None,
            amount: Some(Dollars(1_000_000)),
        }],
        terms: None,
    };
    let s = with_exit(
        bare(
            vec![holder("founders", "Founders", 100)],
            vec![
                priced("Series A", 10_000_000, vec![cheque("fund-a", Some("Fund A"), 10_000_000)], Some(a_terms)),
                tender,
            ],
            None,
        ),
        40_000_000,
        ExitPool::Common,
    );
    let exit = exit_of(&s);
    assert!(exit.adjustments.is_empty(), "{:?}", exit.adjustments);
    assert_eq!(class(&exit, "series-a").conversion_ratio, Ratio::ONE);
}

// Numbers beyond 128-bit exact arithmetic (a 1.000001x cap on a class bought at
// an odd price, found by the property tests) are refused with the scenario's
// own field, never an engine path or an internal check.
#[test]
fn an_exit_too_large_to_compute_exactly_names_the_exit() {
    let mut s = fortress_testkit::odd_prices();
    s.rounds[2].terms =
        Some(terms(1_000_000, ParticipationKind::Capped, Some(1_000_001), None, AntiDilutionKind::None));
    // The rest of the outcome stands; the exit says why it has no figures, naming the terms (no
    // sale was asked about; with one, it names the exit).
    let outcome = evaluate(&s).unwrap();
    let exit = outcome.exit.unwrap();
    assert_eq!(exit.error.as_deref(), Some("rounds[2].terms: the numbers are too large to compute exactly"));
    assert!(exit.holders.is_empty() && exit.classes.is_empty());
    assert_eq!(outcome.stages.len(), 4);
}

// The map's proceeds: every cell worked out is what evaluating that cell's
// scenario with the same sale gives; a large scenario is sampled, within the
// work bound, and any cell can still be worked out exactly.
#[test]
fn the_maps_proceeds_are_each_cells_exit() {
    use fortress_core::sensitivity::{grid, proceeds, proceeds_at, scenario_at, PROCEEDS_WORK};
    let small = fortress_core::presets::exit_what_if();
    let mut large = fortress_testkit::synthetic(300, 6);
    for round in &mut large.rounds {
        round.terms = Some(ClassTerms::ONE_X);
    }
    for (s, holder) in [(&small, "microsoft"), (&large, "h0")] {
        let g = grid(s, holder, "azure-api-exclusivity", 64).unwrap();
        let map = proceeds(s, &g, holder).unwrap().unwrap();
        let sale = evaluate(s).unwrap().exit.unwrap().value;
        assert_eq!(map.value, sale);
        let holders =
            s.holders.len() + s.rounds.iter().map(|r| r.investments.len() + r.secondaries.len() + 1).sum::<usize>();
        assert!((64 / map.stride).pow(2) * holders * (s.rounds.len() + 1) <= PROCEEDS_WORK || map.stride == 64);
        for (column, row) in [(0, 0), g.current, (32, 16), (63, 63), (8, 40)] {
            let exact = proceeds_at(s, &g, holder, column, row);
            let mut cell = scenario_at(s, g.round_sizes[column], g.valuations[row]).unwrap();
            cell.exit = Some(Exit { value: Dollars(sale as i64), pool: ExitPool::Common });
            let want = evaluate(&cell).ok().and_then(|o| o.exit).map(|e| paid(&e, holder));
            assert_eq!(exact, want, "cell ({column}, {row})");
            if column % map.stride == 0 && row % map.stride == 0 {
                assert_eq!(map.cell(&g, column, row), want, "sampled cell ({column}, {row})");
            } else {
                assert_eq!(map.cell(&g, column, row), None);
            }
        }
    }
    // The small preset is worked out cell by cell, the large one sampled.
    let g = grid(&small, "microsoft", "azure-api-exclusivity", 64).unwrap();
    assert_eq!(proceeds(&small, &g, "microsoft").unwrap().unwrap().stride, 1);
    let g = grid(&large, "h0", "azure-api-exclusivity", 64).unwrap();
    assert!(proceeds(&large, &g, "h0").unwrap().unwrap().stride > 1);
}

// An unissued pool is the shares pool top-ups created, not the whole row they
// went to: a row of employees that also holds a starting stake keeps it. Here
// the pool's row is "others", 50% of the start, already above the 5% target
// (no top-up): unissued or not, it is paid for its 50%, as the founders are.
#[test]
fn an_unissued_pool_is_only_the_top_ups_shares() {
    let mut a = priced("Series A", 20_000_000, vec![cheque("fund-a", Some("Fund A"), 5_000_000)], Some(one_x()));
    a.pool = Some(Pool {
        holder: Some("others".into()),
        name: None,
        percent: Percent::from_micros(5_000_000),
        sized: PoolBasis::PreMoney,
    });
    let s = bare(vec![holder("founders", "Founders", 50), holder("others", "Others", 50)], vec![a], None);
    let common = exit_of(&with_exit(s.clone(), 200_000_000, ExitPool::Common));
    let unissued = exit_of(&with_exit(s, 200_000_000, ExitPool::Unissued));
    assert_eq!(paid(&unissued, "others"), paid(&unissued, "founders"));
    assert_eq!(paid(&unissued, "others"), paid(&common, "others"));
    assert_eq!(paid(&unissued, "others"), 80_000_000, "$200M: Fund A converts its 20%, each half of the rest");
}

// Two rounds of one name make two classes told apart by name as by id, and a
// round's terms go with its last cheque (a round that sells no shares has no class).
#[test]
fn class_names_are_unique_and_terms_go_with_the_last_cheque() {
    let s = with_exit(
        bare(
            vec![holder("founders", "Founders", 100)],
            vec![
                priced("Series A", 10_000_000, vec![cheque("fund-a", Some("Fund A"), 5_000_000)], Some(one_x())),
                priced("Series A", 30_000_000, vec![cheque("fund-b", Some("Fund B"), 5_000_000)], Some(one_x())),
            ],
            None,
        ),
        100_000_000,
        ExitPool::Common,
    );
    let exit = exit_of(&s);
    let names: Vec<(&str, &str)> = exit.classes.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    assert_eq!(
        names,
        [("common", "Common"), ("series-a", "Series A preferred"), ("series-a-2", "Series A preferred (2)")]
    );
    assert_eq!(holdings(&exit, "fund-b"), held(&[("Series A preferred (2)", exit.classes[2].shares)]));
    let mut one_cheque = s.clone();
    one_cheque.rounds.truncate(1);
    let without = fortress_core::edit::remove_investor(&one_cheque, "fund-a").unwrap();
    assert!(without.rounds.is_empty(), "the round went with its only cheque");
    let mut with_pool = one_cheque;
    with_pool.rounds[0].pool =
        Some(Pool { holder: None, name: None, percent: Percent::from_micros(10_000_000), sized: PoolBasis::PreMoney });
    let kept = fortress_core::edit::remove_investor(&with_pool, "fund-a").unwrap();
    assert_eq!((kept.rounds.len(), kept.rounds[0].terms), (1, None));
    assert!(validate(&kept).is_ok());
}
